"""Timelines, dyad series and actor networks over stored events.

Every function takes a list of event records (see :func:`eventcoder.analysis.load.load_events`,
which reads one mention per real-world event when the store has linked them) and returns
plain data (dataclasses with ``to_dict``), so the same numbers feed the plots, the HTML
report and the HTTP API.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from eventcoder.errors import ConfigError, Errors
from eventcoder.records import EventRecord

__all__ = [
    "DyadPoint",
    "Edge",
    "Network",
    "TimelineItem",
    "actor_key",
    "dyad_series",
    "network",
    "timeline",
]

# Quad classes: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
QUAD_NAMES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}


def actor_key(actor: Any) -> str | None:
    """The code an actor is counted under: its code, else its country, else None."""
    if actor is None:
        return None
    return actor.code or actor.country or None


@dataclass(frozen=True)
class TimelineItem:
    """One event on a timeline: a point (a day), a band (a longer interval) or unknown."""

    id: str
    doc_id: str
    start: str | None
    end: str | None
    granularity: str
    shape: str  # point, band, unknown
    label: str
    source: str | None
    target: str | None
    cameo: str | None
    goldstein: float | None
    quad_class: int | None
    date_text: str | None
    negated: bool

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _shape(event: EventRecord) -> str:
    date = event.date
    if date is None or date.granularity == "unknown" or not (date.start or date.end):
        return "unknown"
    if date.granularity == "day" or (date.start and date.start == date.end):
        return "point"
    return "band"


def timeline(events: Iterable[EventRecord]) -> list[TimelineItem]:
    """Events ordered by date, each with its shape; undated ones last, marked ``unknown``."""
    items = []
    for e in events:
        date = e.date
        source, target = actor_key(e.source), actor_key(e.target)
        label = f"{source or '?'} {e.cameo or ''} {target or '?'}".strip()
        items.append(
            TimelineItem(
                id=e.id,
                doc_id=e.doc_id,
                start=date.start if date else None,
                end=date.end if date else None,
                granularity=date.granularity if date else "unknown",
                shape=_shape(e),
                label=label + (" (not)" if e.negated else ""),
                source=source,
                target=target,
                cameo=e.cameo,
                goldstein=e.goldstein,
                quad_class=e.quad_class,
                date_text=date.text if date else None,
                negated=e.negated,
            )
        )
    return sorted(items, key=lambda i: (i.shape == "unknown", i.start or i.end or "9999", i.id))


@dataclass
class DyadPoint:
    """One period of a dyad series."""

    period: str  # first day of the month or ISO week, YYYY-MM-DD
    events: int = 0
    goldstein_sum: float = 0.0
    goldstein_mean: float | None = None
    quad: dict[int, int] = field(default_factory=lambda: {1: 0, 2: 0, 3: 0, 4: 0})

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["quad"] = {str(k): v for k, v in self.quad.items()}
        return data


def _anchor(event: EventRecord) -> dt.date | None:
    """The day an event is counted on: its start, else its end, when it is dated at all."""
    date = event.date
    if date is None or date.granularity == "unknown":
        return None
    for value in (date.start, date.end):
        if value and len(value) == 10:
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                continue
    return None


def _period(day: dt.date, freq: str) -> dt.date:
    if freq == "month":
        return day.replace(day=1)
    return day - dt.timedelta(days=day.weekday())


def _span(first: dt.date, last: dt.date, freq: str) -> int:
    if freq == "month":
        return (last.year - first.year) * 12 + last.month - first.month + 1
    return (last - first).days // 7 + 1


def _next(day: dt.date, freq: str) -> dt.date:
    if freq == "month":
        return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return day + dt.timedelta(days=7)


def dyad_series(
    events: Iterable[EventRecord], freq: str = "month", max_fill: int = 400
) -> tuple[list[DyadPoint], int]:
    """Per month (or week): event count, Goldstein sum and mean, counts per quad class.

    Periods without events between the first and last are included with zero counts.
    Returns the series and the number of undated events left out of it.
    """
    if freq not in ("month", "week"):
        raise ConfigError(Errors.E415.format(value=freq))
    points: dict[dt.date, DyadPoint] = {}
    undated = 0
    for event in events:
        day = _anchor(event)
        if day is None:
            undated += 1
            continue
        key = _period(day, freq)
        point = points.setdefault(key, DyadPoint(key.isoformat()))
        point.events += 1
        if event.goldstein is not None:
            point.goldstein_sum += event.goldstein
        if event.quad_class in point.quad:
            point.quad[event.quad_class] += 1
    if points and _span(min(points), max(points), freq) <= max_fill:
        day, last = min(points), max(points)
        while day <= last:
            points.setdefault(day, DyadPoint(day.isoformat()))
            day = _next(day, freq)
    out = [points[k] for k in sorted(points)]
    for point in out:
        if point.events:
            point.goldstein_mean = round(point.goldstein_sum / point.events, 3)
        point.goldstein_sum = round(point.goldstein_sum, 3)
    return out, undated


@dataclass
class Edge:
    """Who acts on whom: how often, and how cooperative on balance (mean Goldstein)."""

    source: str
    target: str
    events: int = 0
    goldstein_sum: float = 0.0
    cooperative: int = 0  # quad classes 1-2
    conflictual: int = 0  # quad classes 3-4

    @property
    def goldstein_mean(self) -> float:
        return self.goldstein_sum / self.events if self.events else 0.0

    @property
    def sign(self) -> int:
        """+1 cooperative on balance, -1 conflictual, 0 neutral."""
        mean = self.goldstein_mean
        return 1 if mean > 0 else -1 if mean < 0 else 0

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["goldstein_sum"] = round(self.goldstein_sum, 3)
        data["goldstein_mean"] = round(self.goldstein_mean, 3)
        data["sign"] = self.sign
        return data


@dataclass
class Network:
    """A signed, weighted, directed actor network."""

    nodes: list[dict[str, Any]]
    edges: list[Edge]

    def to_dict(self) -> dict[str, Any]:
        return {"nodes": self.nodes, "edges": [e.to_dict() for e in self.edges]}


def network(events: Iterable[EventRecord], min_events: int = 1) -> Network:
    """Actors as nodes, source -> target edges; events with one side uncoded are left out."""
    edges: dict[tuple[str, str], Edge] = {}
    for event in events:
        source, target = actor_key(event.source), actor_key(event.target)
        if not source or not target or source == target or event.negated:
            continue
        edge = edges.setdefault((source, target), Edge(source, target))
        edge.events += 1
        edge.goldstein_sum += event.goldstein or 0.0
        if event.quad_class in (1, 2):
            edge.cooperative += 1
        elif event.quad_class in (3, 4):
            edge.conflictual += 1
    kept = sorted(
        (e for e in edges.values() if e.events >= min_events),
        key=lambda e: (-e.events, e.source, e.target),
    )
    degree: dict[str, int] = defaultdict(int)
    for edge in kept:
        degree[edge.source] += edge.events
        degree[edge.target] += edge.events
    nodes = [{"id": n, "events": d} for n, d in sorted(degree.items(), key=lambda x: (-x[1], x[0]))]
    return Network(nodes, kept)
