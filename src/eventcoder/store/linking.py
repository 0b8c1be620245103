"""Event linking: mentions of one real-world event, within and across documents.

Two coded events are mentions of one real-world event when they have the same negation,
the same CAMEO root (a mention joins, first, an event whose code it refines or is refined
by: ``19``/``190`` and ``193``), actor codes that agree on each side where both are known
(at least one side known and equal: "Russian forces shelled the city again" joins
"Russian forces shelled Kharkiv"; a code without a country, such as ``---CVL``, is unknown) and dates that overlap. Dates are intervals:
an event with no date of its own is placed in the ``window_days`` before its document's
publication date. A cluster keeps the overlap of its mentions' intervals, so a mention
joins only if it overlaps every earlier one: a story repeated every week does not chain
into one event. Undated mentions of documents without a date link only within their
document. Events with neither actor coded stay on their own.

Like GDELT's mentions table, every mention keeps its row (``event_mentions``); the first
mention (earliest document, then sentence) names the event, and ``linked_events`` holds one
row per event with ``num_mentions``, ``num_articles`` (documents) and ``num_sources``
(distinct document sources, else URLs, else documents).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from eventcoder.store.base import Store

__all__ = ["LinkStats", "Mention", "cluster_mentions", "compatible_codes", "link_events"]

_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class Mention:
    """What linking needs of one coded event."""

    id: str
    doc_id: str
    sentence: int | None
    source: str | None
    target: str | None
    cameo: str | None
    negated: bool
    start: dt.date | None
    end: dt.date | None
    doc_date: dt.date | None


@dataclass(frozen=True)
class LinkStats:
    """What one linking pass found."""

    mentions: int
    events: int
    multi_mention_events: int
    cross_document_events: int

    def __str__(self) -> str:
        return (
            f"{self.mentions} event mentions -> {self.events} events "
            f"({self.multi_mention_events} with several mentions, "
            f"{self.cross_document_events} across documents)"
        )


def _normal(code: str | None) -> str:
    """A CAMEO code without the trailing zeros that mean 'not further specified'."""
    code = (code or "").strip()
    while len(code) > 2 and code.endswith("0"):
        code = code[:-1]
    return code


def compatible_codes(a: str | None, b: str | None) -> bool:
    """True when one CAMEO code is the other or a refinement of it (same root at least)."""
    x, y = _normal(a), _normal(b)
    return bool(x and y) and (x.startswith(y) or y.startswith(x))


def _interval(m: Mention, window: dt.timedelta) -> tuple[dt.date, dt.date] | None:
    end = m.end or m.start
    start = m.start
    if end is None and m.doc_date is not None:
        end = m.doc_date
    if end is None:
        return None
    return (start or end - window, end)


def _same_side(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


@dataclass
class _Cluster:
    members: list[Mention] = field(default_factory=list)
    code: str = ""
    source: str | None = None
    target: str | None = None
    span: tuple[dt.date, dt.date] | None = None
    doc_id: str | None = None  # set for clusters of undated mentions (one document only)

    def accepts(self, m: Mention, span: tuple[dt.date, dt.date] | None) -> bool:
        """Same root (the block), actors that agree where both are known (one at least),
        overlapping dates."""
        if not (_same_side(self.source, m.source) and _same_side(self.target, m.target)):
            return False
        shared = (self.source is not None and self.source == m.source) or (
            self.target is not None and self.target == m.target
        )
        if not shared:
            return False
        if span is None or self.span is None:
            return span is None and self.span is None and self.doc_id == m.doc_id
        return span[0] <= self.span[1] and self.span[0] <= span[1]

    def add(self, m: Mention, span: tuple[dt.date, dt.date] | None) -> None:
        self.members.append(m)
        self.source = self.source or m.source
        self.target = self.target or m.target
        if len(_normal(m.cameo)) > len(_normal(self.code)):
            self.code = m.cameo or ""
        if span is not None:
            self.span = (
                span
                if self.span is None
                else (max(span[0], self.span[0]), min(span[1], self.span[1]))
            )


def _order(m: Mention) -> tuple[Any, ...]:
    return (m.doc_date or dt.date.max, m.doc_id, m.sentence if m.sentence is not None else -1, m.id)


def _home(clusters: list[_Cluster], m: Mention, span: Any) -> _Cluster | None:
    """The cluster a mention joins: one whose code it refines or is refined by, else any of
    the same root; among those, the one with the most actors in common."""
    fitting = [c for c in clusters if c.accepts(m, span)]
    if not fitting:
        return None
    return max(
        fitting,
        key=lambda c: (
            compatible_codes(c.code, m.cameo),
            (c.source == m.source) + (c.target == m.target),
            -clusters.index(c),
        ),
    )


def cluster_mentions(mentions: Sequence[Mention], window_days: int = 7) -> list[list[Mention]]:
    """Group mentions into real-world events; each group in reporting order."""
    window = window_days * _DAY
    blocks: dict[tuple[Any, ...], list[Mention]] = {}
    groups: list[list[Mention]] = []
    for m in mentions:
        if not _normal(m.cameo) or (m.source is None and m.target is None):
            groups.append([m])
        else:
            blocks.setdefault((m.negated, _normal(m.cameo)[:2]), []).append(m)
    for block in blocks.values():
        clusters: list[_Cluster] = []
        for m in sorted(block, key=_order):
            span = _interval(m, window)
            home = _home(clusters, m, span)
            if home is None:
                home = _Cluster(code=m.cameo or "", doc_id=m.doc_id if span is None else None)
                clusters.append(home)
            home.add(m, span)
        groups.extend(c.members for c in clusters)
    return groups


_SELECT = (
    "SELECT e.id, e.doc_id, e.sentence, e.source_code, e.target_code, e.cameo, e.negated, "
    "e.date_start, e.date_end, d.date FROM events e LEFT JOIN documents d ON d.id = e.doc_id"
)


def _who(code: str | None) -> str | None:
    """An actor code as an identity: a code with no country ("---CVL", civilians of an
    unknown country) names nobody in particular, so it counts as unknown."""
    return None if not code or code.startswith("---") else code


def link_events(store: Store, window_days: int = 7) -> LinkStats:
    """Link all stored event mentions into events; replaces the ``event_links`` table."""
    mentions = [
        Mention(r[0], r[1], r[2], _who(r[3]), _who(r[4]), r[5], bool(r[6]), r[7], r[8], r[9])
        for r in store.query(_SELECT)
    ]
    groups = cluster_mentions(mentions, window_days)
    rows = [(m.id, group[0].id, rank) for group in groups for rank, m in enumerate(group)]
    store.replace_links(rows)
    return LinkStats(
        mentions=len(mentions),
        events=len(groups),
        multi_mention_events=sum(1 for g in groups if len(g) > 1),
        cross_document_events=sum(1 for g in groups if len({m.doc_id for m in g}) > 1),
    )
