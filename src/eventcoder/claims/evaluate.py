"""``eventcoder eval claims``: precision and recall of claims, quantities, estimates, polls and
conflicts against a gold set of JSON Lines.

Gold line: ``{"id", "text", "claims": [...], "quantities": [...], "polls": [...],
"conflicts": [...]}``. Matching (one-to-one, first fit):

- claim: the gold speaker's head word (its last word before any preposition) occurs in the
  found speaker, and the contents overlap
  (token F1 >= 0.5); stance is scored separately among matches;
- quantity: same low and high (None = open end) and same unit; measure (``measure_key``) is
  scored separately among matches;
- estimate: a gold quantity with a source; matched when the quantity matches and the found
  source contains the gold source's head word (found estimates = quantities with a source);
- poll: same share (within 0.005) and, when the gold names one, a pollster sharing a word;
  answer (token F1 >= 0.5) and caveats (same set) are scored separately among matches;
- conflict: the same set of member quantities (compared by their text).

The summary line counts claims, quantities, polls and conflicts (estimates are a subset of
quantities): ``claims: found X/Y (P%), extra Z``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from eventcoder.claims.conflicts import measure_key
from eventcoder.claims.extract import ClaimExtractor
from eventcoder.errors import Errors, InputError
from eventcoder.paths import PACKAGE_DIR
from eventcoder.records import ClaimRecord, ConflictRecord, PollRecord, QuantityRecord, Record

__all__ = ["DEFAULT_GOLD", "Score", "eval_claims_command", "evaluate_claims", "load_gold"]


DEFAULT_GOLD = PACKAGE_DIR / "data" / "gold" / "claims.jsonl"
KINDS = ("claims", "quantities", "estimates", "polls", "conflicts")
SUMMARY_KINDS = ("claims", "quantities", "polls", "conflicts")


@dataclass
class Score:
    """Counts for one record kind, plus field agreement among matched pairs."""

    gold: int = 0
    found: int = 0  # gold items recovered
    predicted: int = 0
    correct: int = 0  # predicted items that matched
    fields: dict[str, list[int]] = field(default_factory=dict)  # name -> [agree, total]
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def agree(self, name: str, ok: bool) -> None:
        tally = self.fields.setdefault(name, [0, 0])
        tally[0] += int(ok)
        tally[1] += 1


def load_gold(path: Path) -> list[dict[str, Any]]:
    """Read and check a claims gold file."""
    if not path.exists():
        raise InputError(Errors.E703.format(path=path))
    items = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(Errors.E702.format(path=path, line=n, detail=exc.msg)) from None
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise InputError(Errors.E702.format(path=path, line=n, detail="no 'text' field"))
        for kind in ("claims", "quantities", "polls", "conflicts"):
            item.setdefault(kind, [])
        items.append(item)
    return items


def _words(text: str | None) -> list[str]:
    return re.findall(r"[\w%$€£']+", (text or "").lower().replace("’", "'"))


def _overlap(a: str | None, b: str | None) -> float:
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return 0.0
    common = sum(min(wa.count(w), wb.count(w)) for w in set(wa))
    return 2 * common / (len(wa) + len(wb))


def _same_value(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def _head_word(text: str | None) -> str | None:
    """The head of a speaker phrase: its last word before a preposition ("officials in X")."""
    words = _words(text)
    for i, w in enumerate(words):
        if i and w in ("of", "for", "in", "at", "from", "on", "with"):
            return words[i - 1]
    return words[-1] if words else None


def _last_word_in(gold: str | None, found: str | None) -> bool:
    head = _head_word(gold)
    return head is not None and head in _words(found)


def _claim_ok(g: dict, r: ClaimRecord) -> bool:
    return (
        _last_word_in(g.get("speaker"), r.speaker.text if r.speaker else None)
        and _overlap(g.get("content"), r.content) >= 0.5
    )


def _quantity_ok(g: dict, r: QuantityRecord) -> bool:
    return (
        _same_value(g.get("low"), r.low)
        and _same_value(g.get("high"), r.high)
        and g.get("unit") == r.unit
    )


def _estimate_ok(g: dict, r: QuantityRecord) -> bool:
    return _quantity_ok(g, r) and _last_word_in(
        g.get("source"), r.source.text if r.source else None
    )


def _poll_ok(g: dict, r: PollRecord) -> bool:
    if r.share is None or abs(g["share"] - r.share) > 0.005:
        return False
    return not g.get("pollster") or bool(
        set(_words(g["pollster"])) - {"the", "of"} & set(_words(r.pollster))
    )


def _match(
    gold: Sequence[dict],
    found: Sequence[Record],
    ok: Callable[[dict, Any], bool],
    score: Score,
    label: str,
) -> list[tuple[dict, Any]]:
    """One-to-one first-fit matching; updates the counts and returns the pairs."""
    free = list(found)
    pairs = []
    for g in gold:
        hit = next((r for r in free if ok(g, r)), None)
        if hit is None:
            score.misses.append(f"{label}: {g}")
            continue
        free.remove(hit)
        pairs.append((g, hit))
    score.gold += len(gold)
    score.predicted += len(found)
    score.found += len(pairs)
    score.correct += len(pairs)
    return pairs


def _conflict_ok(g: dict, c: ConflictRecord, quantities: dict[str, QuantityRecord]) -> bool:
    """Same number of members, each gold member's text inside one found member's text."""
    texts = [" ".join(_words(quantities[m].text)) for m in c.members if m in quantities]
    wanted = [" ".join(_words(t)) for t in g["members"]]
    return len(texts) == len(wanted) and all(any(w in t for t in texts) for w in wanted)


def _score_item(
    item: dict, records: list[Record], scores: dict[str, Score], classes: dict[str, str]
) -> None:
    label = item.get("id", "?")
    claims = [r for r in records if isinstance(r, ClaimRecord)]
    quantities = [r for r in records if isinstance(r, QuantityRecord)]
    polls = [r for r in records if isinstance(r, PollRecord)]
    conflicts = [r for r in records if isinstance(r, ConflictRecord)]
    for g, r in _match(item["claims"], claims, _claim_ok, scores["claims"], label):
        scores["claims"].agree("stance", g.get("stance") == r.stance)
    for g, r in _match(item["quantities"], quantities, _quantity_ok, scores["quantities"], label):
        scores["quantities"].agree(
            "measure", measure_key(g.get("measure"), classes) == measure_key(r.measure, classes)
        )
    _match(
        [q for q in item["quantities"] if q.get("source")],
        [q for q in quantities if q.source],
        _estimate_ok,
        scores["estimates"],
        label,
    )
    for g, r in _match(item["polls"], polls, _poll_ok, scores["polls"], label):
        scores["polls"].agree("answer", _overlap(g.get("answer"), r.answer) >= 0.5)
        scores["polls"].agree("caveats", set(g.get("caveats", [])) == set(r.caveats))
    by_id = {q.id: q for q in quantities}
    _match(
        item["conflicts"],
        conflicts,
        lambda g, r: _conflict_ok(g, r, by_id),
        scores["conflicts"],
        label,
    )


def evaluate_claims(
    items: Sequence[dict], nlp: Any, extractor: ClaimExtractor | None = None
) -> dict[str, Score]:
    """Scores per record kind over the gold items."""
    extractor = extractor or ClaimExtractor.from_data()
    scores = {kind: Score() for kind in KINDS}
    for item in items:
        doc = nlp(item["text"])
        found = extractor.extract(doc, [], str(item.get("id", "gold")))
        _score_item(item, found, scores, extractor.data.measure_classes)
    return scores


def summary_line(scores: dict[str, Score]) -> str:
    """``claims: found X/Y (P%), extra Z`` over claims, quantities, polls and conflicts."""
    found = sum(scores[k].found for k in SUMMARY_KINDS)
    gold = sum(scores[k].gold for k in SUMMARY_KINDS)
    extra = sum(scores[k].predicted - scores[k].correct for k in SUMMARY_KINDS)
    pct = 100.0 * found / gold if gold else 100.0
    return f"claims: found {found}/{gold} ({pct:.1f}%), extra {extra}"


@click.command(name="claims")
@click.option(
    "--gold",
    "gold_path",
    type=click.Path(path_type=Path),
    default=DEFAULT_GOLD,
    show_default=True,
    help="Gold set (JSON Lines).",
)
@click.option("--show-misses", is_flag=True, help="List the gold items that were not found.")
def eval_claims_command(gold_path: Path, show_misses: bool) -> None:
    """Precision, recall and F per record kind on the claims gold set."""
    from eventcoder.nlp.pipeline import load_pipeline

    try:
        items = load_gold(gold_path)
    except InputError as exc:
        raise click.ClickException(str(exc)) from None
    scores = evaluate_claims(items, load_pipeline())
    click.echo(
        f"{'kind':<11} {'gold':>5} {'pred':>5} {'found':>6} {'P':>6} {'R':>6} {'F':>6}  fields"
    )
    for kind in KINDS:
        s = scores[kind]
        fields = ", ".join(f"{name} {a}/{t}" for name, (a, t) in s.fields.items())
        click.echo(
            f"{kind:<11} {s.gold:>5} {s.predicted:>5} {s.found:>6} {s.precision:>6.3f} "
            f"{s.recall:>6.3f} {s.f1:>6.3f}  {fields}"
        )
        if show_misses:
            for miss in s.misses:
                click.echo(f"    miss {miss}")
    click.echo(summary_line(scores))
