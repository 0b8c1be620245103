"""``eventcoder eval time``: accuracy of temporal resolution on a gold set.

Each gold item (one JSON object per line: ``id``, ``text``, ``doc_date``, ``expression``,
``start``, ``end``, ``granularity``, optional ``kind``) names one expression in a short
passage. Items with the same passage and date share one parse. A gold expression is matched
to the found expression that overlaps it most (characters); it counts as *exact* when the
interval's start and end are the gold ones and as *overlapping* when the intervals
intersect (an open end is unbounded). Found expressions that overlap no gold expression of
their passage are *extra*.

Two gold sets ship: ``time.jsonl`` (200 items, written before the rules) and
``time_heldout.jsonl`` (63 items, written after a first version, measured once before any
change, then used for development like the first). Conventions the gold follows are those of
:mod:`eventcoder.timex.resolve` (parts of months and years, counts of "a few", weeks ago)
and :mod:`eventcoder.timex.anchored`.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from eventcoder.datafiles import read_checked_jsonl
from eventcoder.errors import Errors, EventcoderError
from eventcoder.timex.attach import resolve_document
from eventcoder.timex.events_table import TimeData
from eventcoder.timex.narrative import Timex

__all__ = ["GOLD_FILE", "TimeScores", "eval_time_command", "evaluate_time", "load_gold"]

GOLD_FILE = Path(__file__).resolve().parent.parent / "data" / "gold" / "time.jsonl"
_FIELDS = ("id", "text", "doc_date", "expression", "start", "end", "granularity")


@dataclass
class TimeScores:
    """Counts per kind: items, exact intervals, overlapping intervals, right granularity."""

    total: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    exact: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    overlap: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    granularity: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    extra: int = 0
    misses: list[str] = field(default_factory=list)

    def rate(self, table: dict[str, int]) -> float:
        """Share of all items counted in ``table``."""
        n = sum(self.total.values())
        return sum(table.values()) / n if n else 0.0


def load_gold(path: Path) -> list[dict[str, Any]]:
    """The gold items of a JSON Lines file (clear errors for missing files and bad lines)."""
    return read_checked_jsonl(path, _check_item, Errors.E502, Errors.E501)


def _check_item(item: dict[str, Any]) -> dict[str, Any]:
    missing = [f for f in _FIELDS if f not in item]
    if missing:
        raise ValueError("missing " + ", ".join(missing))
    if item["expression"] not in item["text"]:
        raise ValueError("expression not in text")
    dt.date.fromisoformat(item["doc_date"])
    return item


def _intersects(a: tuple[str | None, str | None], b: tuple[str | None, str | None]) -> bool:
    if None in (a[0], a[1], b[0], b[1]) and (a == (None, None) or b == (None, None)):
        return a == b
    lo = max(x for x in (a[0], b[0]) if x is not None) if (a[0] or b[0]) else None
    hi = min(x for x in (a[1], b[1]) if x is not None) if (a[1] or b[1]) else None
    return lo is None or hi is None or lo <= hi


def _best(timexes: list[Timex], start: int, end: int) -> Timex | None:
    scored = [(min(end, t.end_char) - max(start, t.start_char), t) for t in timexes]
    scored = [(s, t) for s, t in scored if s > 0]
    return max(scored, key=lambda st: st[0])[1] if scored else None


def evaluate_time(items: list[dict[str, Any]], nlp: Any) -> TimeScores:
    """Score the pipeline's temporal resolution on gold ``items``."""
    groups: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for item in items:
        groups[(item["text"], item["doc_date"])].append(item)
    scores = TimeScores()
    data = TimeData.load()
    for (text, date), group in groups.items():
        times = resolve_document(nlp(text), dt.date.fromisoformat(date), data)
        spans = []
        for item in group:
            kind = item.get("kind", "all")
            start = text.index(item["expression"])
            spans.append((start, start + len(item["expression"])))
            scores.total[kind] += 1
            found = _best(times.timexes, *spans[-1])
            gold = (item["start"], item["end"])
            got = (found.interval.start, found.interval.end) if found else None
            if found is not None and got == gold:
                scores.exact[kind] += 1
            if got is not None and _intersects(got, gold):
                scores.overlap[kind] += 1
            else:
                scores.misses.append(f"{item['id']} {item['expression']!r}: gold {gold}, got {got}")
            if found is not None and found.interval.granularity == item["granularity"]:
                scores.granularity[kind] += 1
        scores.extra += sum(
            1
            for t in times.timexes
            if not any(t.start_char < e and s < t.end_char for s, e in spans)
        )
    return scores


def _report(scores: TimeScores, verbose: bool) -> None:
    click.echo(f"{'kind':<10} {'n':>4} {'exact':>7} {'overlap':>8} {'gran.':>7}")
    for kind in sorted(scores.total):
        n = scores.total[kind]
        click.echo(
            f"{kind:<10} {n:>4} {scores.exact[kind] / n:>7.1%} "
            f"{scores.overlap[kind] / n:>8.1%} {scores.granularity[kind] / n:>7.1%}"
        )
    click.echo(
        f"{'all':<10} {sum(scores.total.values()):>4} {scores.rate(scores.exact):>7.1%} "
        f"{scores.rate(scores.overlap):>8.1%} {scores.rate(scores.granularity):>7.1%}"
    )
    if verbose:
        for miss in scores.misses:
            click.echo(f"  miss {miss}")
    found, total = sum(scores.overlap.values()), sum(scores.total.values())
    click.echo(f"time: found {found}/{total} ({found / total:.0%}), extra {scores.extra}")


@click.command(name="time")
@click.option(
    "--gold",
    "gold_path",
    type=click.Path(path_type=Path),
    default=None,
    help=f"Gold set (JSON Lines) [default: {GOLD_FILE.name}, with --events event_dates.jsonl].",
)
@click.option("--show-misses", is_flag=True, help="List the items whose interval is wrong.")
@click.option(
    "--events",
    "events",
    is_flag=True,
    help="Score event dates at gold triggers on our event-date set (see timex.evaluate_events).",
)
@click.option(
    "--probe",
    "probe_path",
    type=click.Path(path_type=Path),
    default=None,
    help="Score event dates at the required events of a fresh-text probe file.",
)
@click.option(
    "--news",
    type=click.Choice(("dev", "test")),
    default=None,
    help="Score event dates at the real-news gold's triggers of this split (shared data).",
)
def eval_time_command(
    gold_path: Path | None,
    show_misses: bool,
    events: bool,
    probe_path: Path | None,
    news: str | None,
) -> None:
    """Exact and overlap accuracy of resolved time intervals, per kind of expression; with
    --events or --news, of the dates given to gold events at their triggers."""
    from eventcoder.nlp.pipeline import load_pipeline
    from eventcoder.timex import evaluate_events as ev

    try:
        nlp = load_pipeline()
        if probe_path is not None:
            items = ev.probe_items(probe_path)
            ev.report_event_dates(ev.evaluate_event_dates(items, nlp), show_misses)
        elif news is not None:
            ev.report_event_dates(ev.evaluate_news_dates(news, nlp), show_misses)
        elif events:
            items = ev.load_event_gold(gold_path or ev.EVENTS_GOLD_FILE)
            ev.report_event_dates(ev.evaluate_event_dates(items, nlp), show_misses)
        else:
            _report(evaluate_time(load_gold(gold_path or GOLD_FILE), nlp), show_misses)
    except EventcoderError as exc:
        raise click.ClickException(str(exc)) from exc
