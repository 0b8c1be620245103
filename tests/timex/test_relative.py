import datetime as dt

from eventcoder.timex import dates as D
from eventcoder.timex.context import Context
from eventcoder.timex.relative import RESOLVERS, counted, number_range

WED = Context(dt.date(2023, 3, 15))


def test_number_words():
    assert number_range("three") == (3, 3)
    assert number_range("A few") == (2, 4)
    assert number_range(None) == (2, 6)
    assert counted({"num": "a", "unit": "fortnight"}) == (2, 2, "week")


def test_weekdays_by_tense_and_modifier():
    weekday = RESOLVERS["weekday"]
    assert weekday({"wd": "Wednesday"}, WED).start == dt.date(2023, 3, 15)
    assert weekday({"wd": "Wednesday", "rel": "last"}, WED).start == dt.date(2023, 3, 8)
    future = Context(dt.date(2023, 3, 15), tense="future")
    assert weekday({"wd": "Friday"}, future).start == dt.date(2023, 3, 17)


def test_periods():
    period = RESOLVERS["rel_period"]
    last_week = period({"rel": "last", "unit": "week"}, WED)
    assert (last_week.start, last_week.end) == (dt.date(2023, 3, 6), dt.date(2023, 3, 12))
    early = period({"rel": "this", "unit": "month", "mod": "earlier"}, WED)
    assert (early.start, early.end) == (dt.date(2023, 3, 1), dt.date(2023, 3, 15))
    past = RESOLVERS["past_n"]({"num": "two", "unit": "week"}, WED)
    assert (past.start, past.end) == (dt.date(2023, 3, 1), dt.date(2023, 3, 15))


def test_narrative_offsets_need_an_anchor():
    offset = RESOLVERS["narrative_offset"]
    groups = {"num": "three", "unit": "day", "dir": "later"}
    assert offset(groups, WED) is None
    ctx = Context(dt.date(2023, 3, 15), anchor=D.day(dt.date(2019, 10, 6)))
    assert offset(groups, ctx).start == dt.date(2019, 10, 9)


def test_relative_needs_document_date():
    assert RESOLVERS["day_word"]({"w": "yesterday"}, Context(None)) is None
    assert RESOLVERS["present"]({"w": "now"}, WED).start == dt.date(2023, 3, 15)


def test_offset_finer_than_anchor_says_nothing():
    ctx = Context(dt.date(2023, 3, 15), anchor=D.year_span(2015))
    assert RESOLVERS["narrative_next"]({"dir": "next", "unit": "day"}, ctx) is None
    assert RESOLVERS["narrative_next"]({"dir": "next", "unit": "year"}, ctx).start.year == 2016
