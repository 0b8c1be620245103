"""``eventcoder eval news``: events coded from real news against our own gold set.

The gold (``data/gold/news_dev.jsonl`` and ``news_test.jsonl``, built by
``scripts/news_gold.py build`` from annotations made from the text alone, see
``docs/codebook.md``) holds document ids, character offsets and codes. The documents'
text is read from the shared data (GUM Wikinews, re3d outside BBC_Online); each document is
coded whole, with its GUM ``dateCreated`` as the document date where it has one, and each
coded event is scored in the unit (sentence) that holds its trigger; see
:mod:`eventcoder.events.news_match` for the matching.

Figures: precision, recall and F1, strict (CAMEO root and actor countries) and full (the
whole CAMEO code); negation, modality and date accuracy on the matched events; a table of
errors by cause. The last line is ``news: found X/Y (P%), extra Z`` (strict).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from eventcoder.errors import Errors, InputError
from eventcoder.events.news_gold import GoldUnit, read_gold
from eventcoder.events.news_match import CAUSES, Coded, UnitMatch, match_unit
from eventcoder.paths import PACKAGE_DIR

__all__ = [
    "NewsScore",
    "coded_events",
    "default_gold",
    "eval_news_command",
    "run_news_eval",
    "score_units",
]

SPLITS = ("dev", "test")


def default_gold(split: str) -> Path:
    """The committed gold file of a split."""
    return PACKAGE_DIR / "data" / "gold" / f"news_{split}.jsonl"


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


@dataclass
class NewsScore:
    """Counts behind every figure of the report."""

    units: int = 0
    gold: int = 0
    coded: int = 0
    strict: int = 0
    full: int = 0
    negation_right: int = 0
    negated_gold: int = 0
    negated_gold_right: int = 0
    modality_right: int = 0
    dated: int = 0
    date_exact: int = 0
    date_overlap: int = 0
    undated: int = 0
    undated_right: int = 0
    causes: Counter = field(default_factory=Counter)
    matches: dict[str, UnitMatch] = field(default_factory=dict)

    def precision(self, full: bool = False) -> float:
        return _ratio(self.full if full else self.strict, self.coded)

    def recall(self, full: bool = False) -> float:
        return _ratio(self.full if full else self.strict, self.gold)

    def f1(self, full: bool = False) -> float:
        p, r = self.precision(full), self.recall(full)
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def extra(self) -> int:
        return self.coded - self.strict

    def as_dict(self) -> dict[str, float]:
        """The headline figures (fractions), as the floors file names them."""
        return {
            "strict_precision": self.precision(),
            "strict_recall": self.recall(),
            "strict_f1": self.f1(),
            "full_precision": self.precision(True),
            "full_recall": self.recall(True),
            "full_f1": self.f1(True),
            "negation": _ratio(self.negation_right, self.strict),
            "modality": _ratio(self.modality_right, self.strict),
            "date_exact": _ratio(self.date_exact, self.dated),
        }

    def summary(self) -> str:
        """The closing line every evaluation prints."""
        return (
            f"news: found {self.strict}/{self.gold} ({100 * self.recall():.1f}%), "
            f"extra {self.extra}"
        )


def _in(inner: tuple[str | None, str | None], outer: tuple[str, str]) -> bool:
    return (
        inner[0] is not None
        and inner[1] is not None
        and outer[0] <= inner[0]
        and inner[1] <= outer[1]
    )


def score_units(gold: Iterable[GoldUnit], coded: dict[str, list[Coded]]) -> NewsScore:
    """Match and score every gold unit against the coded events of that unit."""
    score = NewsScore()
    for unit in gold:
        events = coded.get(unit.unit, [])
        result = match_unit(unit.events, events)
        score.matches[unit.unit] = result
        score.units += 1
        score.gold += len(unit.events)
        score.coded += len(events)
        score.causes.update(result.causes())
        score.negated_gold += sum(e.negated for e in unit.events)
        for pair in result.pairs:
            g, c = pair.gold, pair.coded
            score.strict += 1
            score.full += pair.full
            score.negation_right += g.negated == c.negated
            score.negated_gold_right += g.negated and c.negated
            score.modality_right += g.modality == c.modality
            if g.date is not None:
                score.dated += 1
                score.date_exact += c.date == g.date
                score.date_overlap += (
                    c.date[0] is not None
                    and c.date[1] is not None
                    and c.date[0] <= g.date[1]
                    and g.date[0] <= c.date[1]
                )
            else:
                score.undated += 1
                score.undated_right += c.granularity != "day"
    return score


def _unit_of(span: tuple[int, int] | None, units: list[GoldUnit]) -> GoldUnit | None:
    if span is None:
        return None
    for unit in units:
        if unit.span[0] <= span[0] < unit.span[1]:
            return unit
    return None


def coded_events(records: Iterable[Any], units: list[GoldUnit], start: int = 0) -> dict:
    """Our event records of one document, as :class:`Coded` by gold unit id."""
    out: dict[str, list[Coded]] = {}
    for n, record in enumerate(r for r in records if getattr(r, "KIND", "") == "event"):
        unit = _unit_of(record.trigger_span, units) or _unit_of(record.span, units)
        if unit is None:
            continue
        date = record.date
        out.setdefault(unit.unit, []).append(
            Coded(
                trigger_span=tuple(record.trigger_span or record.span),
                source=record.source.code if record.source else None,
                target=record.target.code if record.target else None,
                cameo=record.cameo or "",
                negated=record.negated,
                modality=record.modality,
                date=(date.start, date.end) if date else (None, None),
                granularity=date.granularity if date else "unknown",
                pattern=record.pattern or "",
                confidence=getattr(record, "confidence", None),
                index=start + n,
            )
        )
    return out


def _documents(data_dir: Path | None, wanted: set[str]) -> dict[str, Any]:
    from eventcoder.events.news_corpus import read_news_corpus
    from eventcoder.paths import shared_data_dir

    folder = data_dir or shared_data_dir()
    if not folder.exists():
        raise InputError(Errors.E102.format(path=folder))
    return {d.doc_id: d for d in read_news_corpus(folder) if d.doc_id in wanted}


def run_news_eval(
    split: str = "dev",
    gold_path: Path | None = None,
    data_dir: Path | None = None,
    coder: Any = None,
    min_confidence: float | None = None,
    keep: Callable[[Any], bool] | None = None,
) -> tuple[NewsScore, list[Any]]:
    """Code the gold documents and score them; also every event record coded (for study).

    ``min_confidence`` drops events below it (None: the confidence model's default
    threshold); ``keep`` is an extra filter on event records.
    """
    from eventcoder.events.confidence import precision_threshold
    from eventcoder.ingest.document import Document

    if min_confidence is None:
        min_confidence = precision_threshold()

    gold = read_gold(gold_path or default_gold(split))
    by_doc: dict[str, list[GoldUnit]] = {}
    for unit in gold:
        by_doc.setdefault(unit.doc, []).append(unit)
    docs = _documents(data_dir, set(by_doc))
    missing = sorted(set(by_doc) - set(docs))
    if missing:
        raise InputError(Errors.E808.format(unit=missing[0], span="document absent"))
    if coder is None:
        from eventcoder.coder import Coder

        coder = Coder.load()
    events: list[Any] = []
    coded: dict[str, list[Coded]] = {}
    for doc_id, units in by_doc.items():
        doc = docs[doc_id]
        for unit in units:
            if unit.span[1] > len(doc.text) or unit.span not in doc.units:
                raise InputError(Errors.E808.format(unit=unit.unit, span=list(unit.span)))
        # the publisher is metadata a news feed carries: a press office's "we" is its issuer
        document = Document.from_text(
            doc.text, id=doc_id, date=doc.date or None, source=doc.source or None
        )
        records = [
            r
            for r in _code(coder, document, min_confidence)
            if r.KIND == "event" and (keep is None or keep(r))
        ]
        coded.update(coded_events(records, units, start=len(events)))
        events += records
    return score_units(gold, coded), events


def _code(coder: Any, document: Any, min_confidence: float | None) -> list[Any]:
    if min_confidence is None:
        return coder.code(document)
    try:
        return coder.code(document, min_confidence=min_confidence)
    except TypeError:  # a coder without confidences
        return coder.code(document)


def _pct(a: int, b: int) -> str:
    return f"{a}/{b} ({100 * _ratio(a, b):.1f}%)" if b else f"{a}/0 (-)"


def report(score: NewsScore, split: str, show: int = 0) -> None:
    """Print the figures, the error table and the summary line."""
    click.echo(
        f"split {split}: {score.units} sentences, {score.gold} gold events, {score.coded} coded"
    )
    click.echo(f"{'':8} {'precision':>10} {'recall':>8} {'F1':>6}")
    for name, full in (("strict", False), ("full", True)):
        click.echo(
            f"{name:8} {100 * score.precision(full):>9.1f}% {100 * score.recall(full):>7.1f}% "
            f"{100 * score.f1(full):>5.1f}%"
        )
    click.echo(f"negation right on matched events      {_pct(score.negation_right, score.strict)}")
    click.echo(
        f"negated gold events found as negated   {_pct(score.negated_gold_right, score.negated_gold)}"
    )
    click.echo(f"modality right on matched events      {_pct(score.modality_right, score.strict)}")
    click.echo(f"date exact (dated gold, matched)      {_pct(score.date_exact, score.dated)}")
    click.echo(f"date overlaps (dated gold, matched)   {_pct(score.date_overlap, score.dated)}")
    click.echo(f"no day date where gold has none       {_pct(score.undated_right, score.undated)}")
    click.echo("errors by cause:")
    for cause, what in CAUSES.items():
        click.echo(f"  {score.causes[cause]:>5}  {cause:<14} {what}")
    if show:
        _show(score, show)
    click.echo(score.summary())


def _show(score: NewsScore, limit: int) -> None:
    shown = 0
    for unit, result in score.matches.items():
        for coded, cause in result.extra:
            if shown < limit:
                click.echo(
                    f"  {unit} EXTRA {cause}: {coded.source}->{coded.target} {coded.cameo} "
                    f"[{coded.pattern}] at {list(coded.trigger_span)}"
                )
                shown += 1
        for gold, cause in result.missed:
            if shown < limit:
                click.echo(
                    f"  {unit} MISSED {cause}: {gold.source}->{gold.target} {gold.cameo} "
                    f"at {list(gold.trigger_span)}"
                )
                shown += 1


def write_details(score: NewsScore, events: list[Any], path: Path) -> None:
    """One JSON line per coded event (its record and its verdict) and per missed gold event."""
    verdict: dict[int, str] = {}
    for result in score.matches.values():
        for pair in result.pairs:
            verdict[pair.coded.index] = "full" if pair.full else "strict"
        for coded, cause in result.extra:
            verdict[coded.index] = cause
    with path.open("w", encoding="utf-8") as handle:
        for i, record in enumerate(events):
            row = {"verdict": verdict.get(i, "outside_gold"), "record": record.to_dict()}
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        for unit, result in score.matches.items():
            for gold, cause in result.missed:
                row = {"verdict": cause, "unit": unit, "gold": gold.to_dict()}
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")


@click.command("news")
@click.option("--split", type=click.Choice(SPLITS), default="dev", show_default=True)
@click.option(
    "--gold",
    "gold_path",
    type=click.Path(path_type=Path),
    default=None,
    help="A gold file (default: the committed gold of --split).",
)
@click.option(
    "--data-dir",
    type=click.Path(path_type=Path),
    default=None,
    help="Shared data folder (default: $EVENTCODER_SHARED_DATA or ../shared/data).",
)
@click.option(
    "--min-confidence",
    type=click.FloatRange(0, 1),
    default=None,
    help="Drop events below this confidence (default: the model's default threshold).",
)
@click.option("--show", type=int, default=0, help="Print N errors (extra and missed events).")
@click.option(
    "--details",
    type=click.Path(path_type=Path),
    default=None,
    help="Write every coded event with its verdict, and every missed gold event, as JSONL.",
)
def eval_news_command(
    split: str,
    gold_path: Path | None,
    data_dir: Path | None,
    min_confidence: float | None,
    show: int,
    details: Path | None,
) -> None:
    """Real-news events (GUM Wikinews, re3d) against our own gold: P, R, F1 and errors."""
    try:
        score, events = run_news_eval(split, gold_path, data_dir, min_confidence=min_confidence)
    except InputError as exc:
        raise click.ClickException(str(exc)) from exc
    report(score, split, show)
    if details is not None:
        write_details(score, events, details)
