"""Resolve expressions anchored on a named event ("a few weeks before the invasion").

The event's own date comes from ``Context.find_anchor`` (the document's narrative first,
then the well-known events table, see :mod:`narrative`). Relations: "N units before/after/
into X" shift from X's start; bare "before X" is open-ended up to the day before X; "after
X" / "in the wake of X" run from the day after X to the document date; "since X" runs from
X to the document date at X's granularity; "on the eve of X" is the day before; "at the
start/outbreak of X" the first two weeks.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from eventcoder.timex import dates as D
from eventcoder.timex.context import Context
from eventcoder.timex.relative import counted

__all__ = ["resolve_anchored"]

ONE_DAY = dt.timedelta(days=1)
_BACKWARD = (
    "before",
    "prior to",
    "ahead of",
    "until",
    "in the run-up to",
    "shortly before",
    "just before",
)


def resolve_anchored(groups: dict[str, Any], ctx: Context) -> D.Span | None:
    """The interval of an anchored expression, or None when its event has no date."""
    if ctx.find_anchor is None:
        return None
    anchor = ctx.find_anchor(groups.get("event") or groups.get("event_lemma", ""), groups["_start"])
    if anchor is None or anchor.start is None:
        return None
    rel = " ".join(groups["rel"].lower().split())
    sign = -1 if rel in _BACKWARD else 1
    if groups.get("num") or groups.get("bare"):
        low, high, unit = counted(groups)
        return D.shift(anchor.start, low, high, unit, sign).with_kind("anchored")
    return _no_offset(rel, anchor, ctx.document_date)


_DAY_SIZED = (
    "on the eve of",
    "the eve of",
    "the day of",
    "shortly before",
    "just before",
    "shortly after",
    "just after",
)


def _no_offset(rel: str, anchor: D.Span, today: dt.date | None) -> D.Span | None:
    start = anchor.start
    assert start is not None
    if (rel in _DAY_SIZED or rel.startswith("at the")) and anchor.granularity != "day":
        return None  # "at the start of the match" says nothing when the match is only "1958"
    if rel in ("on the eve of", "the eve of"):
        return D.day(start - ONE_DAY, "anchored")
    if rel in ("the day of",):
        return D.day(start, "anchored")
    if rel.startswith("at the"):
        return D.Span(start, start + dt.timedelta(days=13), "week", "anchored")
    if rel in ("shortly before", "just before"):
        return D.Span(start - dt.timedelta(days=7), start - ONE_DAY, "week", "anchored")
    if rel in ("shortly after", "just after"):
        return D.Span(start + ONE_DAY, start + dt.timedelta(days=7), "week", "anchored")
    if rel == "in the run-up to":
        return D.Span(start - dt.timedelta(days=28), start - ONE_DAY, "week", "anchored")
    if rel in _BACKWARD:
        return D.Span(None, start - ONE_DAY, "unknown", "anchored")
    if rel == "since":
        return D.Span(start, today or anchor.end, anchor.granularity, "anchored")
    if rel == "into":
        return None
    after = (anchor.end or start) + ONE_DAY
    if today is not None and after > today:
        return None  # an event after the document date cannot anchor "after"
    return D.Span(after, today, "unknown", "anchored")
