import datetime as dt

from eventcoder.timex import dates as D
from eventcoder.timex.context import Context, pick_year


def february(year):
    return D.month_span(year, 2)


def test_most_recent_not_after_document_date():
    span = pick_year(february, Context(dt.date(2022, 11, 15)))
    assert span.start == dt.date(2022, 2, 1)
    span = pick_year(lambda y: D.month_span(y, 12), Context(dt.date(2022, 11, 15)))
    assert span.start == dt.date(2021, 12, 1)


def test_narrative_moves_forward_from_anchor():
    anchor = D.month_span(2021, 8)
    span = pick_year(february, Context(dt.date(2023, 3, 15), anchor=anchor))
    assert span.start == dt.date(2022, 2, 1)


def test_anchor_cannot_push_past_document_date():
    anchor = D.month_span(2018, 8)
    span = pick_year(lambda y: D.month_span(y, 7), Context(dt.date(2018, 9, 21), anchor=anchor))
    assert span.start == dt.date(2018, 7, 1)


def test_future_and_present_tense():
    today = dt.date(2023, 9, 5)
    assert pick_year(february, Context(today, tense="future")).start == dt.date(2024, 2, 1)
    nearest = pick_year(lambda y: D.day(dt.date(y, 9, 24)), Context(today, tense="present"))
    assert nearest.start == dt.date(2023, 9, 24)


def test_no_document_date_needs_anchor():
    assert pick_year(february, Context(None)) is None
    anchored = pick_year(february, Context(None, anchor=D.year_span(2019)))
    assert anchored.start == dt.date(2019, 2, 1)


def test_present_tense_after_anchor_beyond_document_date_takes_nearest():
    ctx = Context(dt.date(2011, 4, 13), tense="present", anchor=D.day(dt.date(2011, 4, 29)))
    span = pick_year(lambda y: D.day(dt.date(y, 6, 28)), ctx)
    assert span.start == dt.date(2011, 6, 28)
