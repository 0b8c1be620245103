"""Resolvers for expressions relative to the document date, the narrative or a named event.

"on Thursday", "last month", "overnight", "two weeks ago", "the past three months" count
from the document date; "three days later", "the following day" from the latest date of the
preceding narrative; "a few weeks before the invasion", "since the war began" from the date
of a named event (found in the document or in the well-known events table, see
:mod:`narrative`). "currently", "now" are the document date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from eventcoder.timex import dates as D
from eventcoder.timex.context import Context
from eventcoder.timex.patterns import NUMBER_WORDS, WEEKDAYS

__all__ = ["RESOLVERS", "counted", "number_range"]

Groups = dict[str, Any]
ONE_DAY = dt.timedelta(days=1)


def number_range(text: str | None) -> tuple[float, float]:
    """ "three" -> (3, 3); "a few" -> (2, 4); "" or None (a bare plural) -> (2, 6)."""
    key = " ".join((text or "").lower().split())
    if key.isdigit():
        return float(key), float(key)
    return NUMBER_WORDS.get(key, (2, 6))


def _rel(groups: Groups) -> str:
    return " ".join((groups.get("rel") or "").lower().split())


def weekday(groups: Groups, ctx: Context) -> D.Span | None:
    today = ctx.document_date
    if today is None:
        return None
    target = WEEKDAYS.index(groups["wd"].lower())
    rel = _rel(groups)
    back = (today.weekday() - target) % 7
    ahead = (target - today.weekday()) % 7 or 7
    if rel in ("last", "this past"):
        found = today - dt.timedelta(days=back or 7)
    elif rel in ("next", "this coming") or ctx.tense == "future":
        found = today + dt.timedelta(days=ahead)
    elif ctx.tense == "present" and not rel and ahead < back:
        found = today + dt.timedelta(days=ahead)  # "Tuesday's vote is seen as a test"
    else:
        found = today - dt.timedelta(days=back)
    return D.day(found, "relative")


def day_word(groups: Groups, ctx: Context) -> D.Span | None:
    today = ctx.document_date
    if today is None:
        return None
    word = " ".join(groups["w"].lower().split())
    if word == "overnight":
        return D.Span(today - ONE_DAY, today, "day", "relative")
    offset = {
        "yesterday": -1,
        "last night": -1,
        "tomorrow": 1,
        "the day before yesterday": -2,
        "the day after tomorrow": 2,
    }.get(word, 0)
    return D.day(today + dt.timedelta(days=offset), "relative")


def _unit_span(unit: str, d: dt.date) -> D.Span:
    if unit == "week":
        return D.week_span(d)
    if unit == "month":
        return D.month_span(d.year, d.month)
    if unit == "decade":
        first = d.year - d.year % 10
        return D.Span(dt.date(first, 1, 1), dt.date(first + 9, 12, 31), "decade")
    return D.year_span(d.year)


def _step(unit: str, d: dt.date, n: int) -> dt.date:
    if unit == "week":
        return d + dt.timedelta(days=7 * n)
    if unit == "month":
        return D.add_months(d, n)
    return D.add_months(d, 12 * n * (10 if unit == "decade" else 1))


def rel_period(groups: Groups, ctx: Context) -> D.Span | None:
    today = ctx.document_date
    if today is None:
        return None
    unit, rel = groups["unit"].lower(), _rel(groups)
    mod = (groups.get("mod") or "").lower()
    if unit == "weekend":
        return _weekend(today, rel)
    if rel in ("past", "previous") and groups.get("the"):
        return D.Span(
            _step(unit, today, -1), today, unit if unit != "decade" else "year", "relative"
        )
    n = {
        "last": -1,
        "previous": -1,
        "past": -1,
        "this past": -1,
        "next": 1,
        "coming": 1,
        "this coming": 1,
    }.get(rel, 0)
    span = _unit_span(unit, _step(unit, today, n)).with_kind("relative")
    return _modified(span, mod, unit, today)


def _modified(span: D.Span, mod: str, unit: str, today: dt.date) -> D.Span:
    assert span.start is not None and span.end is not None
    if mod == "earlier":
        return D.Span(span.start, min(today, span.end), span.granularity, "relative")
    if mod == "later":
        return D.Span(max(today, span.start), span.end, span.granularity, "relative")
    if mod and unit == "year":
        return D.year_span(span.start.year, mod).with_kind("relative")
    if mod and unit == "month":
        return D.month_span(span.start.year, span.start.month, mod).with_kind("relative")
    return span


def _weekend(today: dt.date, rel: str) -> D.Span:
    saturday_back = (today.weekday() - 5) % 7 or 7
    if rel in ("next", "this coming", "coming", "this") and rel != "this past":
        start = today + dt.timedelta(days=(5 - today.weekday()) % 7 or 7)
    else:
        start = today - dt.timedelta(days=saturday_back)
    return D.Span(start, start + ONE_DAY, "day", "relative")


def weekend(groups: Groups, ctx: Context) -> D.Span | None:
    if ctx.document_date is None:
        return None
    return _weekend(ctx.document_date, "next" if ctx.tense == "future" else "last")


def unit_boundary(groups: Groups, ctx: Context) -> D.Span | None:
    today = ctx.document_date
    if today is None:
        return None
    unit, rel, part = groups["unit"], groups["rel"].lower(), groups["part"].lower()
    n = {"last": -1, "next": 1}.get(rel, 0)
    span = _unit_span(unit, _step(unit, today, n))
    assert span.start is not None and span.end is not None
    if unit == "year":
        return D.year_span(span.start.year, part).with_kind("relative")
    if unit == "month":
        return D.month_span(span.start.year, span.start.month, part).with_kind("relative")
    return span.with_kind("relative")


def counted(groups: Groups) -> tuple[float, float, str]:
    """(low, high, unit) of "three weeks", "a fortnight" (= two weeks), "a few days"."""
    low, high = number_range(groups.get("num"))
    unit = groups.get("unit") or groups.get("bare", "days").rstrip("s")
    if unit == "fortnight":
        return 2 * low, 2 * high, "week"
    return low, high, unit


def ago(groups: Groups, ctx: Context) -> D.Span | None:
    if ctx.document_date is None:
        return None
    low, high, unit = counted(groups)
    return D.shift(ctx.document_date, low, high, unit, -1).with_kind("relative")


def in_the_unit(groups: Groups, ctx: Context) -> D.Span | None:
    """ "earlier in the week" = earlier this week."""
    return rel_period({**groups, "rel": "this"}, ctx)


def coming(groups: Groups, ctx: Context) -> D.Span | None:
    """ "in the coming weeks": from the document date over the next 7 days, 4 weeks,
    6 months or 5 years."""
    today = ctx.document_date
    if today is None:
        return None
    unit = groups["unit"]
    last = {
        "day": today + dt.timedelta(days=7),
        "week": today + dt.timedelta(days=28),
        "month": D.add_months(today, 6),
        "year": D.add_months(today, 60),
    }[unit]
    return D.Span(today, last, unit, "relative")


def past_n(groups: Groups, ctx: Context) -> D.Span | None:
    today = ctx.document_date
    if today is None:
        return None
    _, high, unit = counted(groups)
    first = (
        today - dt.timedelta(days=int(high)) if unit == "day" else _step(unit, today, -int(high))
    )
    return D.Span(first, today, "year" if unit == "decade" else unit, "relative")


def recent(groups: Groups, ctx: Context) -> D.Span | None:
    today = ctx.document_date
    if today is None:
        return None
    unit = groups["unit"]
    first = {
        "day": today - dt.timedelta(days=7),
        "week": today - dt.timedelta(days=28),
        "month": D.add_months(today, -6),
        "year": D.add_months(today, -60),
    }[unit]
    return D.Span(first, today, unit, "relative")


_FINENESS = ("day", "week", "month", "season", "quarter", "year", "decade")


def _too_fine(unit: str, anchor: D.Span) -> bool:
    """ "the next day" after "in 2015" says nothing: the unit is finer than the anchor."""
    if anchor.granularity not in _FINENESS or unit not in _FINENESS:
        return anchor.granularity not in _FINENESS
    return _FINENESS.index(unit) < _FINENESS.index(anchor.granularity)


def narrative_offset(groups: Groups, ctx: Context) -> D.Span | None:
    base = ctx.anchor
    if base is None or base.start is None:
        return None
    low, high, unit = counted(groups)
    if _too_fine(unit, base):
        return None
    sign = -1 if groups["dir"].lower() in ("earlier", "before") else 1
    return D.shift(base.start, low, high, unit, sign).with_kind("anchored")


def narrative_next(groups: Groups, ctx: Context) -> D.Span | None:
    base = ctx.anchor
    if base is None or base.start is None or _too_fine(groups["unit"], base):
        return None
    sign = -1 if groups["dir"].lower() in ("previous", "preceding") else 1
    return D.shift(base.start, 1, 1, groups["unit"], sign).with_kind("anchored")


def day_before_after(groups: Groups, ctx: Context) -> D.Span | None:
    base = ctx.anchor
    if base is None or base.start is None or _too_fine("day", base):
        return None
    sign = -1 if groups["dir"].lower() == "before" else 1
    return D.day(base.start + sign * ONE_DAY, "anchored")


def present(groups: Groups, ctx: Context) -> D.Span | None:
    if ctx.document_date is None:
        return None
    return D.day(ctx.document_date, "present")


RESOLVERS: dict[str, Callable[[Groups, Context], D.Span | None]] = {
    "weekday": weekday,
    "day_word": day_word,
    "rel_period": rel_period,
    "weekend": weekend,
    "unit_boundary": unit_boundary,
    "ago": ago,
    "in_the_unit": in_the_unit,
    "coming": coming,
    "past_n": past_n,
    "recent": recent,
    "narrative_offset": narrative_offset,
    "narrative_next": narrative_next,
    "day_before_after": day_before_after,
    "present": present,
}
