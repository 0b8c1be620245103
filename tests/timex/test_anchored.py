import datetime as dt

from eventcoder.timex import dates as D
from eventcoder.timex.anchored import resolve_anchored
from eventcoder.timex.context import Context

INVASION = D.day(dt.date(2022, 2, 24))


def ctx(found=INVASION):
    return Context(dt.date(2023, 3, 15), find_anchor=lambda key, char: found)


def groups(rel, **more):
    return {"rel": rel, "event": "x", "_start": 0, **more}


def test_offsets_from_event():
    span = resolve_anchored(groups("before", num="a few", unit="week"), ctx())
    assert (span.start, span.end) == (dt.date(2022, 1, 27), dt.date(2022, 2, 10))
    assert resolve_anchored(groups("after", num="two", unit="year"), ctx()).start.year == 2024


def test_relations_without_offset():
    since = resolve_anchored(groups("since"), ctx())
    assert (since.start, since.end, since.granularity) == (
        dt.date(2022, 2, 24),
        dt.date(2023, 3, 15),
        "day",
    )
    eve = resolve_anchored(groups("on the eve of"), ctx())
    assert eve.start == dt.date(2022, 2, 23)
    before = resolve_anchored(groups("before"), ctx())
    assert (before.start, before.end) == (None, dt.date(2022, 2, 23))


def test_undated_event_gives_nothing():
    assert resolve_anchored(groups("since"), ctx(found=None)) is None
