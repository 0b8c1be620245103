"""``eventcoder eval plover``: the PLOVER gold-standard records (CAMEO manual examples).

Each of the 322 sentences of ``PLOVER_GSR_CAMEO.txt`` is labelled with a PLOVER category of
draft 0.5; ``plover_successors.tsv`` maps retired categories to the current ones (FIGHT ->
ASSAULT, DEMAND -> REQUEST, DISAPPROVE -> ACCUSE). A sentence is found when one of our
(non-negated) events has its category; every other event we code is extra. Source and target
country and sector are scored on the event that matched (else our first event).
"""

from __future__ import annotations

import json
import logging
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import click

from eventcoder.errors import Errors, InputError
from eventcoder.paths import shared_data_dir

__all__ = ["GoldRecord", "PloverScore", "eval_plover_command", "read_gold", "run_plover_eval"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class GoldRecord:
    """One gold-standard sentence."""

    id: str
    text: str
    category: str
    source: tuple[tuple[str, str | None], ...]  # (code, sector)
    target: tuple[tuple[str, str | None], ...]


@dataclass
class PloverScore:
    """Category and actor accuracy."""

    total: int = 0
    found: int = 0
    extra: int = 0
    actor_hits: Counter = field(default_factory=Counter)
    actor_totals: Counter = field(default_factory=Counter)
    per_category: Counter = field(default_factory=Counter)
    per_category_found: Counter = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.found / self.total if self.total else 0.0

    def actor_accuracy(self, key: str) -> float:
        """Accuracy of one actor field (source_country, target_sector, ...)."""
        return self.actor_hits[key] / self.actor_totals[key] if self.actor_totals[key] else 0.0

    def summary(self) -> str:
        """The closing line every evaluation prints."""
        return f"plover: found {self.found}/{self.total} ({100 * self.accuracy:.1f}%), extra {self.extra}"


def _actors(value) -> tuple[tuple[str, str | None], ...]:
    if isinstance(value, dict):
        value = [value]
    if not isinstance(value, list):
        return ()
    return tuple((a.get("code", ""), a.get("sector")) for a in value if isinstance(a, dict))


def read_gold(path: Path, successors: dict[str, str]) -> list[GoldRecord]:
    """The gold sentences, with categories mapped to the current PLOVER."""
    if not path.exists():
        raise InputError(Errors.E803.format(path=path))
    out = []
    for item in json.loads(path.read_text(encoding="utf-8")):
        if item.get("event") in (None, "DOCUMENT") or not item.get("text"):
            continue
        category = successors.get(item["event"], item["event"])
        out.append(
            GoldRecord(
                item["id"],
                item["text"],
                category,
                _actors(item.get("source")),
                _actors(item.get("target")),
            )
        )
    return out


def _country_ok(code: str, mention) -> bool:
    if mention is None:
        return False
    codes = {mention.country or "", (mention.code or "")[:3], mention.sector or ""}
    return code in codes


def _score_actors(score: PloverScore, gold: GoldRecord, event) -> None:
    for role, actors in (("source", gold.source), ("target", gold.target)):
        if not actors:
            continue
        mention = getattr(event, role) if event is not None else None
        score.actor_totals[f"{role}_country"] += 1
        score.actor_hits[f"{role}_country"] += any(_country_ok(c, mention) for c, _ in actors)
        sectors = [s for _, s in actors if s]
        if sectors:
            score.actor_totals[f"{role}_sector"] += 1
            score.actor_hits[f"{role}_sector"] += bool(mention and mention.sector in sectors)


def run_plover_eval(data_dir: Path | None = None, limit: int | None = None) -> PloverScore:
    """Code every gold sentence and score category and actors."""
    from eventcoder.actors import ActorCoder
    from eventcoder.events.extract import EventExtractor
    from eventcoder.nlp.pipeline import load_pipeline

    folder = data_dir or shared_data_dir()
    extractor = EventExtractor.from_data()
    gold = read_gold(
        folder / "plover" / "gold_standard_records" / "PLOVER_GSR_CAMEO.txt",
        extractor.ontology.successors,
    )[:limit]
    find_actors = ActorCoder.from_data().find
    score = PloverScore()
    nlp = load_pipeline()
    for record, doc in zip(gold, nlp.pipe(r.text for r in gold)):
        events = [e for e in extractor.extract(doc, find_actors(doc, None)) if not e.negated]
        categories = {e.plover for e in events}
        score.total += 1
        score.per_category[record.category] += 1
        matched = next((e for e in events if e.plover == record.category), None)
        if matched is not None:
            score.found += 1
            score.per_category_found[record.category] += 1
        else:
            score.misses.append(
                f"{record.id}: gold {record.category} ours {sorted(c or '-' for c in categories)}"
            )
        score.extra += len(
            {(e.plover, e.source, e.target) for e in events if e.plover != record.category}
        )
        _score_actors(score, record, matched or (events[0] if events else None))
    return score


def _report(score: PloverScore, show: int) -> None:
    click.echo(f"{'category':<12} {'gold':>5} {'found':>6}")
    for category in sorted(score.per_category):
        click.echo(
            f"{category:<12} {score.per_category[category]:>5} "
            f"{score.per_category_found[category]:>6}"
        )
    for key in ("source_country", "source_sector", "target_country", "target_sector"):
        click.echo(
            f"{key:<15} {score.actor_hits[key]:>4}/{score.actor_totals[key]:<4} "
            f"({100 * score.actor_accuracy(key):.1f}%)"
        )
    for line in score.misses[:show]:
        click.echo(line)
    click.echo(score.summary())


@click.command("plover")
@click.option(
    "--data-dir",
    type=click.Path(path_type=Path),
    default=None,
    help="Shared data folder (default: $EVENTCODER_SHARED_DATA or ../shared/data).",
)
@click.option("--limit", type=int, default=None, help="Only the first N sentences.")
@click.option("--show", type=int, default=0, help="Print N sentences whose category we missed.")
def eval_plover_command(data_dir: Path | None, limit: int | None, show: int) -> None:
    """PLOVER gold-standard records: category accuracy and source/target country and sector."""
    _report(run_plover_eval(data_dir, limit), show)
