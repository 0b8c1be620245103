"""Calendar arithmetic for temporal resolution: months, weeks, seasons, shifts.

Everything here is a pure function on ``datetime.date``; :class:`Span` is the internal form
of a resolved interval before it becomes a :class:`eventcoder.records.DateInterval`.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace

__all__ = [
    "SEASON_MONTHS",
    "Builder",
    "Span",
    "add_months",
    "day",
    "month_span",
    "season_span",
    "shift",
    "week_span",
    "year_span",
]

Date = dt.date

# Northern-hemisphere meteorological seasons. "winter YYYY" is the winter that contains
# January of YYYY (December of YYYY-1 to February of YYYY).
SEASON_MONTHS: dict[str, int] = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}


@dataclass(frozen=True)
class Span:
    """A resolved interval: inclusive ``start``/``end`` (None = open) and its granularity."""

    start: Date | None
    end: Date | None
    granularity: str
    kind: str = "absolute"

    def with_kind(self, kind: str) -> Span:
        """The same interval with another kind."""
        return replace(self, kind=kind)


Builder = Callable[[int], Span]  # year -> interval, for expressions that lack a year


def day(d: Date, kind: str = "absolute") -> Span:
    """A single day."""
    return Span(d, d, "day", kind)


def month_end(year: int, month: int) -> Date:
    """The last day of a month."""
    return Date(year, month, calendar.monthrange(year, month)[1])


def month_span(year: int, month: int, part: str | None = None) -> Span:
    """A month, or its early (1-10), mid (11-20) or late (21-end) part."""
    last = month_end(year, month)
    if part in ("early", "start", "beginning"):
        return Span(Date(year, month, 1), Date(year, month, 10), "month")
    if part in ("mid", "middle"):
        return Span(Date(year, month, 11), Date(year, month, 20), "month")
    if part in ("late", "end"):
        return Span(Date(year, month, 21), last, "month")
    return Span(Date(year, month, 1), last, "month")


def year_span(year: int, part: str | None = None) -> Span:
    """A year; early = Jan-Apr, mid = May-Aug, late = Sep-Dec; its start/end = Jan/Dec."""
    if part in ("early",):
        return Span(Date(year, 1, 1), Date(year, 4, 30), "year")
    if part in ("mid", "middle"):
        return Span(Date(year, 5, 1), Date(year, 8, 31), "year")
    if part in ("late",):
        return Span(Date(year, 9, 1), Date(year, 12, 31), "year")
    if part in ("end",):
        return month_span(year, 12)
    if part in ("start", "beginning", "turn"):
        return month_span(year, 1)
    return Span(Date(year, 1, 1), Date(year, 12, 31), "year")


def season_span(season: str, year: int) -> Span:
    """A season of a year (winter YYYY = Dec YYYY-1 .. Feb YYYY)."""
    first = SEASON_MONTHS[season]
    if first == 12:
        return Span(Date(year - 1, 12, 1), month_end(year, 2), "season")
    return Span(Date(year, first, 1), month_end(year, first + 2), "season")


def week_span(d: Date) -> Span:
    """The Monday-to-Sunday week containing ``d``."""
    monday = d - dt.timedelta(days=d.weekday())
    return Span(monday, monday + dt.timedelta(days=6), "week")


def add_months(d: Date, months: int) -> Date:
    """``d`` moved by whole months, clamping the day to the month's length."""
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    return Date(year, month + 1, min(d.day, calendar.monthrange(year, month + 1)[1]))


def _move(d: Date, amount: float, unit: str) -> Date:
    if unit == "day":
        return d + dt.timedelta(days=round(amount))
    if unit == "week":
        return d + dt.timedelta(days=round(amount * 7))
    if unit == "month":
        return add_months(d, round(amount))
    years = round(amount * (10 if unit == "decade" else 1))
    return add_months(d, 12 * years)


def shift(base: Date, low: float, high: float, unit: str, sign: int) -> Span:
    """The interval ``low``..``high`` units before (sign -1) or after (sign +1) ``base``.

    An exact count (low == high) gives the unit around the shifted date: that day, the
    seven days centred on it, its calendar month or its calendar year. A vague count
    ("a few weeks") gives the whole range between the two shifts.
    """
    granularity = "year" if unit == "decade" else unit
    if low != high:
        a, b = _move(base, sign * low, unit), _move(base, sign * high, unit)
        return Span(min(a, b), max(a, b), granularity)
    centre = _move(base, sign * low, unit)
    if unit == "day":
        return Span(centre, centre, "day")
    if unit == "week":
        return Span(centre - dt.timedelta(days=3), centre + dt.timedelta(days=3), "week")
    if unit == "month":
        return month_span(centre.year, centre.month)
    return year_span(centre.year)
