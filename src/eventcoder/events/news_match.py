"""Matching coded events to real-news gold events, unit by unit, and scoring the match.

An event of ours belongs to the unit (sentence) that holds its trigger. Within a unit, gold
and coded events are paired one to one, best pairs first: a *full* match has the same CAMEO
code, a *strict* one the same CAMEO root (first two digits); both need the source and the
target to agree on the country where the gold names one. Ties go to the pair whose trigger
spans overlap. An actor agrees on the country when

- the gold code is ``---``+sector (country-less) or the gold has no target: anything does;
- a state code (``USAGOV``): ours has the same first three letters;
- an organisation (``IGO``, ``NGO``, ``IMG``, ``MNC`` codes): after the aliases of
  ``news_actor_aliases.tsv``, one code starts with the other (``IGOUN`` ~ ``IGOUNHLHWHO``).

What is left over is classified by cause for the error table (:data:`CAUSES`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from eventcoder.datafiles import read_rows
from eventcoder.events.news_gold import GoldEvent
from eventcoder.events.ontology import data_dir

__all__ = [
    "CAUSES",
    "Coded",
    "Pair",
    "UnitMatch",
    "actor_agrees",
    "match_unit",
]

ORG_PREFIXES = ("IGO", "NGO", "IMG", "MNC")

CAUSES = {
    "duplicate": "extra: the same record twice (actors, code, trigger)",
    "wrong_root": "extra+missed: same trigger or actors, other CAMEO root",
    "wrong_source": "extra+missed: right root, source country wrong or missing",
    "wrong_target": "extra+missed: right root, target country wrong or missing",
    "swapped": "extra+missed: source and target the wrong way round",
    "no_event_unit": "extra: an event in a sentence that states none",
    "spurious": "extra: an event the sentence does not state (it states others)",
    "missed_silent": "missed: we coded nothing in the sentence",
    "missed": "missed: we coded other events in the sentence",
}


@dataclass(frozen=True)
class Coded:
    """One of our events, reduced to what the gold is compared on."""

    trigger_span: tuple[int, int]
    source: str | None
    target: str | None
    cameo: str
    negated: bool = False
    modality: str = "asserted"
    date: tuple[str | None, str | None] = (None, None)
    granularity: str = "unknown"
    pattern: str = ""
    confidence: float | None = None
    index: int = -1  # position in the run's list of coded events


@dataclass(frozen=True)
class Pair:
    """A gold event and the coded event matched to it."""

    gold: GoldEvent
    coded: Coded
    full: bool


@dataclass
class UnitMatch:
    """The result of matching one unit."""

    pairs: list[Pair] = field(default_factory=list)
    missed: list[tuple[GoldEvent, str]] = field(default_factory=list)
    extra: list[tuple[Coded, str]] = field(default_factory=list)

    def causes(self) -> Counter:
        """How many errors of each cause this unit holds (a near miss counts once)."""
        out: Counter = Counter(cause for _, cause in self.extra)
        out.update(cause for _, cause in self.missed if cause.startswith("missed"))
        return out


@lru_cache(maxsize=1)
def _aliases() -> dict[str, str]:
    return {cols[0]: cols[1] for _, cols in read_rows(data_dir() / "news_actor_aliases.tsv", 2)}


def _normal(code: str) -> str:
    aliases = _aliases()
    for length in range(len(code), 2, -1):
        if code[:length] in aliases:
            return aliases[code[:length]] + code[length:]
    return code


def actor_agrees(gold: str | None, ours: str | None) -> bool:
    """Whether our actor code agrees with the gold's on the country (see the module doc)."""
    if gold is None or gold.startswith("---"):
        return True
    if not ours:
        return False
    gold, ours = _normal(gold), _normal(ours)
    if gold.startswith(ORG_PREFIXES) or ours.startswith(ORG_PREFIXES):
        short, long = sorted((gold, ours), key=len)
        return short == long or (len(short) >= 5 and long.startswith(short))
    return gold[:3] == ours[:3]


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _level(gold: GoldEvent, coded: Coded) -> int:
    """3 full, 2 strict, 0 no match."""
    if gold.cameo[:2] != coded.cameo[:2]:
        return 0
    if not (actor_agrees(gold.source, coded.source) and actor_agrees(gold.target, coded.target)):
        return 0
    return 3 if gold.cameo == coded.cameo else 2


def _key(coded: Coded) -> tuple:
    return (coded.source, coded.target, coded.cameo, coded.trigger_span, coded.negated)


def match_unit(gold: Sequence[GoldEvent], coded: Sequence[Coded]) -> UnitMatch:
    """Pair gold and coded events of one unit (best pairs first) and classify the rest."""
    result = UnitMatch()
    seen: set[tuple] = set()
    candidates: list[Coded] = []
    duplicates: list[Coded] = []
    for event in coded:
        (duplicates if _key(event) in seen else candidates).append(event)
        seen.add(_key(event))
    scored = sorted(
        (
            (_level(g, c), _overlap(g.trigger_span, c.trigger_span), -gi, -ci)
            for gi, g in enumerate(gold)
            for ci, c in enumerate(candidates)
        ),
        reverse=True,
    )
    used_gold: set[int] = set()
    used_coded: set[int] = set()
    for level, _, neg_gi, neg_ci in scored:
        gi, ci = -neg_gi, -neg_ci
        if level == 0 or gi in used_gold or ci in used_coded:
            continue
        used_gold.add(gi)
        used_coded.add(ci)
        result.pairs.append(Pair(gold[gi], candidates[ci], full=level == 3))
    left_gold = [g for i, g in enumerate(gold) if i not in used_gold]
    left_coded = [c for i, c in enumerate(candidates) if i not in used_coded]
    near: set[int] = set()
    for c in left_coded:
        cause, partner = _near_miss(c, left_gold, near)
        if partner is not None:
            near.add(partner)
            result.missed.append((left_gold[partner], cause))
        elif not gold:
            cause = "no_event_unit"
        else:
            cause = "spurious"
        result.extra.append((c, cause))
    for i, g in enumerate(left_gold):
        if i not in near:
            result.missed.append((g, "missed" if coded else "missed_silent"))
    result.extra += [(c, "duplicate") for c in duplicates]
    return result


def _near_miss(coded: Coded, gold: list[GoldEvent], taken: set[int]) -> tuple[str, int | None]:
    """The cause that separates a coded event from the closest unmatched gold event."""
    best: tuple[int, str, int] | None = None
    for i, g in enumerate(gold):
        if i in taken:
            continue
        same_root = g.cameo[:2] == coded.cameo[:2]
        overlap = _overlap(g.trigger_span, coded.trigger_span)
        source_ok = actor_agrees(g.source, coded.source)
        target_ok = actor_agrees(g.target, coded.target)
        if same_root:
            swapped = (
                g.target is not None
                and actor_agrees(g.source, coded.target)
                and actor_agrees(g.target, coded.source)
            )
            cause = "swapped" if swapped else "wrong_source" if not source_ok else "wrong_target"
            rank = 3 if overlap else 2
        elif overlap or (source_ok and target_ok and g.target is not None):
            cause, rank = "wrong_root", 1 if overlap else 0
        else:
            continue
        if best is None or rank > best[0]:
            best = (rank, cause, i)
    if best is None:
        return "", None
    return best[1], best[2]
