"""Event dates at gold triggers: how well the time stage dates events, apart from finding them.

``eventcoder eval time --events`` scores :meth:`DocumentTimes.date_for` at each gold event's
trigger, so an event the event stage misses still measures its date. Two gold sources:

- our own event-date set (``data/gold/event_dates.jsonl``): one news-style paragraph a line,
  ``{"id", "doc_date" (ISO or null: an undated document), "text", "events": [{"trigger",
  "n" (which occurrence of the trigger word, default 1), "date": [start, end] or null}]}``,
  annotated from the text alone by the codebook's date rules (``docs/codebook.md``);
- the real-news event gold (``--news dev|test``): its triggers in the shared documents;
- a fresh-text probe of the event stage (``--probe FILE``, ``tests/events/fresh_probe``): its
  required events, each at the first occurrence of its trigger.

A dated gold event is *exact* when the interval's two ends are the gold ones and *overlaps*
when the two intersect (an open end never overlaps); an event the text gives no date
(``null``) is right when it gets no day-precise date (as ``eventcoder eval news`` counts it).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from eventcoder.datafiles import read_checked_jsonl
from eventcoder.errors import Errors
from eventcoder.records import DateInterval
from eventcoder.timex.attach import DocumentTimes, resolve_document
from eventcoder.timex.events_table import TimeData

__all__ = [
    "EVENTS_GOLD_FILE",
    "EventDateScores",
    "evaluate_event_dates",
    "evaluate_news_dates",
    "load_event_gold",
    "probe_items",
    "report_event_dates",
]

EVENTS_GOLD_FILE = Path(__file__).resolve().parent.parent / "data" / "gold" / "event_dates.jsonl"

Interval = tuple[str, str] | None


@dataclass
class EventDateScores:
    """Dated gold events (exact, overlapping) and undated ones (no day date), with misses."""

    dated: int = 0
    exact: int = 0
    overlap: int = 0
    undated: int = 0
    undated_right: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, label: str, gold: Interval, got: DateInterval, rule: str) -> None:
        """Score one event: ``gold`` its gold interval, ``got`` the date it was given."""
        pair = (got.start, got.end)
        if gold is None:
            self.undated += 1
            right = got.granularity != "day"
            self.undated_right += right
        else:
            self.dated += 1
            right = pair == gold
            self.exact += right
            self.overlap += (
                got.start is not None
                and got.end is not None
                and got.start <= gold[1]
                and gold[0] <= got.end
            )
        if not right:
            self.misses.append(f"{label}: gold {gold}, got {pair} {got.granularity} ({rule})")

    def summary(self) -> str:
        """The closing line of the report."""
        return (
            f"event dates: exact {_pct(self.exact, self.dated)}, "
            f"no day date where gold has none {_pct(self.undated_right, self.undated)}"
        )


def _pct(a: int, b: int) -> str:
    return f"{a}/{b} ({100 * a / b:.1f}%)" if b else f"{a}/0 (-)"


def _interval(value: object) -> Interval:
    if value is None:
        return None
    if not isinstance(value, list) or len(value) != 2:
        raise ValueError(f"date must be null or [start, end], got {value!r}")
    first, last = (dt.date.fromisoformat(str(v)) for v in value)
    if last < first:
        raise ValueError(f"date {value!r} ends before it starts")
    return first.isoformat(), last.isoformat()


def _check_item(item: dict[str, Any]) -> dict[str, Any]:
    for key in ("id", "doc_date", "text", "events"):
        if key not in item:
            raise ValueError(f"missing {key}")
    if item["doc_date"] is not None:
        dt.date.fromisoformat(item["doc_date"])
    for event in item["events"]:
        _trigger_offset(item["text"], event["trigger"], int(event.get("n", 1)))
        _interval(event["date"])
    return item


def _trigger_offset(text: str, trigger: str, n: int) -> int:
    hits = [m.start() for m in re.finditer(rf"\b{re.escape(trigger)}\b", text)]
    if len(hits) < n or n < 1:
        raise ValueError(f"trigger {trigger!r} does not occur {n} time(s) in the text")
    return hits[n - 1]


def load_event_gold(path: Path = EVENTS_GOLD_FILE) -> list[dict[str, Any]]:
    """The paragraphs of an event-date gold file (E501/E502 for a bad line or no file)."""
    return read_checked_jsonl(path, _check_item, Errors.E502, Errors.E501)


def probe_items(path: Path) -> list[dict[str, Any]]:
    """The paragraphs of a fresh-text probe as event-date items (its required events)."""
    from eventcoder.errors import InputError
    from eventcoder.events.fresh_probe import read_probe

    if not path.exists():
        raise InputError(Errors.E502.format(path=path))
    items = []
    for doc in read_probe(path):
        text = doc["text"]
        events = []
        for event in doc["events"]:
            at = text.find(event["trigger"])
            hits = [m.start() for m in re.finditer(rf"\b{re.escape(event['trigger'])}\b", text)]
            if event.get("optional") or at not in hits:
                continue
            events.append(
                {"trigger": event["trigger"], "n": hits.index(at) + 1, "date": event.get("date")}
            )
        items.append({"id": doc["id"], "doc_date": doc["date"], "text": text, "events": events})
    return items


def _date_at(times: DocumentTimes, start: int, end: int) -> tuple[DateInterval, str]:
    span = times.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        raise ValueError(f"no token at characters {start}-{end}")
    interval, rule, _ = times.attachment(span.root.i)
    return interval, rule


def evaluate_event_dates(
    items: list[dict[str, Any]], nlp: Any, data: TimeData | None = None
) -> EventDateScores:
    """Date every gold event of our own set at its trigger and score it."""
    data = data if data is not None else TimeData.load()
    scores = EventDateScores()
    for item in items:
        day = dt.date.fromisoformat(item["doc_date"]) if item["doc_date"] else None
        times = resolve_document(nlp(item["text"]), day, data)
        for event in item["events"]:
            n = int(event.get("n", 1))
            start = _trigger_offset(item["text"], event["trigger"], n)
            got, rule = _date_at(times, start, start + len(event["trigger"]))
            scores.add(f"{item['id']} {event['trigger']}#{n}", _interval(event["date"]), got, rule)
    return scores


def evaluate_news_dates(
    split: str, nlp: Any, data_dir: Path | None = None, data: TimeData | None = None
) -> EventDateScores:
    """Date every event of the real-news gold of ``split`` at its gold trigger."""
    from eventcoder.events.evaluate_news import _documents, default_gold
    from eventcoder.events.news_gold import read_gold

    data = data if data is not None else TimeData.load()
    by_doc: dict[str, list[Any]] = {}
    for unit in read_gold(default_gold(split)):
        by_doc.setdefault(unit.doc, []).append(unit)
    docs = _documents(data_dir, set(by_doc))
    scores = EventDateScores()
    for doc_id, units in by_doc.items():
        doc = docs[doc_id]
        day = dt.date.fromisoformat(doc.date) if doc.date else None
        times = resolve_document(nlp(doc.text), day, data)
        for unit in units:
            for event in unit.events:
                got, rule = _date_at(times, *event.trigger_span)
                scores.add(f"{unit.unit} {list(event.trigger_span)}", event.date, got, rule)
    return scores


def report_event_dates(scores: EventDateScores, show_misses: bool) -> None:
    """Print the figures (and the misses), ending with the summary line."""
    click.echo(f"dated gold events, exact interval      {_pct(scores.exact, scores.dated)}")
    click.echo(f"dated gold events, overlapping         {_pct(scores.overlap, scores.dated)}")
    click.echo(
        f"undated gold events, no day date       {_pct(scores.undated_right, scores.undated)}"
    )
    if show_misses:
        for miss in scores.misses:
            click.echo(f"  miss {miss}")
    click.echo(scores.summary())
