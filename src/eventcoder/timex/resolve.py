"""Resolve one found expression to an interval (own rules on the regex groups).

Each rule of :mod:`patterns` has one resolver here, registered by name in ``RESOLVERS``.
A resolver reads the match groups and the :class:`Context` and returns a :class:`Span`
(inclusive dates, granularity, kind) or None when the expression cannot be dated.
Conventions: early/mid/late of a month = days 1-10/11-20/21-end; of a year = Jan-Apr/
May-Aug/Sep-Dec; of a decade = years 0-3/4-6/7-9; "a few" = 2-4 units, "several" = 3-7,
a bare plural ("weeks after") = 2-6; "N weeks ago" = the seven days centred on that day;
"N months/years ago" = that calendar month/year; a past-tense weekday is the last one on or
before the document date, a future-tense one the next one after it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from eventcoder.timex import dates as D
from eventcoder.timex.anchored import resolve_anchored
from eventcoder.timex.context import Context, pick_year
from eventcoder.timex.patterns import MONTHS
from eventcoder.timex.recognizers import resolve_recognized
from eventcoder.timex.relative import RESOLVERS as RELATIVE_RESOLVERS

__all__ = ["RESOLVERS", "resolve_groups"]

Groups = dict[str, Any]
Resolver = Callable[[Groups, Context], "D.Span | None"]


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _day(text: str) -> int:
    return int(text.rstrip("stndrh"))


def _part(groups: Groups) -> str | None:
    part = groups.get("part")
    if not part:
        return None
    words = part.lower().split()
    return words[1] if words[0] == "the" else words[0]


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _dated(groups: Groups, ctx: Context, month: int, day: int) -> D.Span | None:
    if groups.get("y"):
        found = _safe_date(int(groups["y"]), month, day)
        return D.day(found) if found else None

    def build(year: int) -> D.Span:
        found = _safe_date(year, month, day) or _safe_date(year, month, 28)
        return D.day(found, "partial")  # type: ignore[arg-type]

    return pick_year(build, ctx)


def iso(groups: Groups, ctx: Context) -> D.Span | None:
    found = _safe_date(int(groups["y"]), int(groups["m"]), int(groups["d"]))
    return D.day(found) if found else None


def day_month(groups: Groups, ctx: Context) -> D.Span | None:
    return _dated(groups, ctx, _month(groups["month"]), _day(groups["d"]))


def day_range(groups: Groups, ctx: Context) -> D.Span | None:
    month = _month(groups["month"])
    first = _dated(groups, ctx, month, _day(groups["d1"]))
    if first is None or first.start is None:
        return None
    last = _safe_date(first.start.year, month, _day(groups["d2"]))
    if last is None or last < first.start:
        return None
    return D.Span(first.start, last, "day", "range")


def month(groups: Groups, ctx: Context) -> D.Span | None:
    number, part = _month(groups["month"]), _part(groups)
    if groups.get("y"):
        return D.month_span(int(groups["y"]), number, part)
    if groups.get("yrel") and ctx.document_date is not None:
        year = _year_of({"rel": groups["yrel"]}, ctx)
        if year is not None:
            return D.month_span(year, number, part).with_kind("relative")
    if groups.get("rel") and ctx.document_date is not None:
        return _relative_month(number, groups["rel"].lower().split()[-1], ctx.document_date)
    if groups["month"] == "May" and not part and _modal_may(groups, ctx):
        return None
    return pick_year(lambda y: D.month_span(y, number, part).with_kind("partial"), ctx)


def _relative_month(number: int, rel: str, today: dt.date) -> D.Span:
    """ "last March": the latest March before the document's month; "next March" the first
    after it."""
    if rel in ("last", "past"):
        year_ = today.year if number < today.month else today.year - 1
    else:
        year_ = today.year if number > today.month else today.year + 1
    return D.month_span(year_, number).with_kind("relative")


def _modal_may(groups: Groups, ctx: Context) -> bool:
    before = ctx.text[: groups["_start"]].rstrip()
    return not before or before[-1] in '.!?\n"“'


def season(groups: Groups, ctx: Context) -> D.Span | None:
    name, rel = groups["season"].lower(), (groups.get("rel") or "").lower()
    if groups.get("y"):
        year = int(groups["y"])
        if groups.get("y2") and name == "winter":
            year += 1
        return D.season_span(name, year)
    today = ctx.document_date
    if groups.get("yrel") and today is not None:
        rel_year = _year_of({"rel": groups["yrel"]}, ctx)
        if rel_year is not None:
            return D.season_span(name, rel_year).with_kind("relative")
    if not _season_allowed(groups, ctx, name, rel):
        return None
    if rel and today is not None:
        return _relative_season(name, rel.split()[-1], today, ctx.tense)
    return pick_year(lambda y: D.season_span(name, y).with_kind("partial"), ctx)


def _season_allowed(groups: Groups, ctx: Context, name: str, rel: str) -> bool:
    before = ctx.text[max(0, groups["_start"] - 25) : groups["_start"]]
    after = ctx.text[groups["_end"] : groups["_end"] + 12]
    words = before.split()
    if (
        not rel
        and groups["season"][0].isupper()
        and words
        and words[-1][:1].isupper()
        and words[-1].lower() not in ("in", "the", "by", "during", "since", "until")
    ):
        return False  # "Arab Spring", "Prague Spring"
    if name == "fall" and (after.startswith(" of ") or not (rel or groups.get("the"))):
        return False  # "the fall of Kabul", "prices fall"
    cue = (
        "in",
        "during",
        "by",
        "since",
        "until",
        "through",
        "throughout",
        "over",
        "this",
        "of",
        "that",
        "before",
        "after",
        "early",
        "late",
        "mid",
    )
    return bool(rel or groups.get("the") or _part(groups) or (words and words[-1].lower() in cue))


def _relative_season(name: str, rel: str, today: dt.date, tense: str) -> D.Span:
    """last = the latest one over; next = the first not begun; this = the current one, else
    the next one (future tense) or the latest one begun."""
    spans = [
        D.season_span(name, y).with_kind("relative") for y in range(today.year - 2, today.year + 3)
    ]
    over = [s for s in spans if s.end < today]  # type: ignore[operator]
    begun = [s for s in spans if s.start <= today]  # type: ignore[operator]
    upcoming = [s for s in spans if s.start > today]  # type: ignore[operator]
    if rel in ("last", "past"):
        return over[-1]
    if rel in ("next", "coming"):
        return upcoming[0]
    current = [s for s in begun if today <= s.end]  # type: ignore[operator]
    if current:
        return current[0]
    return upcoming[0] if tense == "future" else begun[-1]


def year(groups: Groups, ctx: Context) -> D.Span | None:
    value, part = int(groups["y"]), _part(groups)
    if groups.get("y2"):
        last = _second_year(value, groups["y2"])
        if last is None:
            return None  # "2019-07" is not a year range
        return D.Span(dt.date(value, 1, 1), dt.date(last, 12, 31), "year", "range")
    return D.year_span(value, part)


def _second_year(first: int, text: str) -> int | None:
    """The end of "2019-20" or "1991-1995" (None unless it is a later year, within 30)."""
    last = int(text) if len(text) == 4 else first - first % 100 + int(text)
    return last if first < last <= first + 30 else None


def decade(groups: Groups, ctx: Context) -> D.Span | None:
    if groups.get("dec"):
        first = int(groups["dec"])
    else:
        tens = int(groups["dec2"])
        first = (1900 if tens > 30 else 2000) + tens
    part = (groups.get("part") or "").lower()
    low, high = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}.get(part, (0, 9))
    return D.Span(dt.date(first + low, 1, 1), dt.date(first + high, 12, 31), "decade")


_ORDINAL = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "final": 4,
    "last": 4,
}


def _year_of(groups: Groups, ctx: Context) -> int | None:
    if groups.get("y"):
        return int(groups["y"])
    today = ctx.document_date
    rel = (groups.get("rel") or "").lower()
    if today is None or not rel:
        return None
    return today.year + {"last": -1, "next": 1}.get(rel, 0)


def _quarter_span(year_: int, q: int, kind: str) -> D.Span:
    start = dt.date(year_, 3 * q - 2, 1)
    return D.Span(start, D.month_end(year_, 3 * q), "quarter", kind)


def quarter(groups: Groups, ctx: Context) -> D.Span | None:
    q = _ORDINAL[groups["ord"].lower()]
    year_ = _year_of(groups, ctx)
    if year_ is not None:
        return _quarter_span(year_, q, "absolute" if groups.get("y") else "relative")
    return pick_year(lambda y: _quarter_span(y, q, "partial"), ctx)


def quarter_code(groups: Groups, ctx: Context) -> D.Span | None:
    year_ = groups.get("y") or groups.get("y0")
    q = int(groups["q"])
    if year_:
        return _quarter_span(int(year_), q, "absolute")
    return pick_year(lambda y: _quarter_span(y, q, "partial"), ctx)


def half(groups: Groups, ctx: Context) -> D.Span | None:
    year_ = _year_of(groups, ctx)
    if year_ is None:
        return None
    first = groups["ord"].lower() == "first"
    start = dt.date(year_, 1 if first else 7, 1)
    end = dt.date(year_, 6, 30) if first else dt.date(year_, 12, 31)
    return D.Span(start, end, "year", "absolute" if groups.get("y") else "relative")


def holiday(groups: Groups, ctx: Context) -> D.Span | None:
    name = " ".join(groups["hol"].lower().replace("’", "'").split())
    month_, day_ = {
        "christmas day": (12, 25),
        "christmas eve": (12, 24),
        "new year's day": (1, 1),
        "new year's eve": (12, 31),
        "boxing day": (12, 26),
        "valentine's day": (2, 14),
        "halloween": (10, 31),
    }[name]
    return _dated(groups, ctx, month_, day_)


def resolve_groups(rule: str, groups: Groups, ctx: Context) -> D.Span | None:
    """Resolve the groups of one match of ``rule``."""
    return RESOLVERS[rule](groups, ctx)


RESOLVERS: dict[str, Resolver] = {
    "iso": iso,
    "numeric": iso,
    "day_range": day_range,
    "month_day_range": day_range,
    "day_month": day_month,
    "month_day": day_month,
    "month": month,
    "season": season,
    "year": year,
    "decade": decade,
    "quarter": quarter,
    "quarter_code": quarter_code,
    "half": half,
    "holiday": holiday,
}

RESOLVERS.update(RELATIVE_RESOLVERS)
RESOLVERS.update(anchored=resolve_anchored, recognizers=resolve_recognized)
