import datetime as dt

from eventcoder.timex.events_table import TimeData, load_events
from eventcoder.timex.expressions import find_candidates

DATE = dt.date(2022, 11, 15)


def _texts(nlp, text):
    return [c.text(text) for c in find_candidates(nlp(text), DATE, TimeData(load_events()))]


def test_numbers_are_not_years(nlp):
    text = "About 30% backed the plan, 2020 troops left and $2019 was paid, 9,000 said."
    assert _texts(nlp, text) == []


def test_names_are_not_seasons(times):
    text = "The Arab Spring changed the region, and after the fall of Kabul prices fall."
    result = times(text, "2022-11-15")
    assert [t.text for t in result.timexes] == ["after the fall of Kabul"]  # a known event
    assert result.timexes[0].interval.start == "2021-08-16"


def test_glued_heading_keeps_present_word(nlp):
    assert "Currently" in _texts(nlp, "Divisions in societyCurrently, the presence grows.")


def test_since_and_ranges_extend_spans(nlp):
    text = "Exports fell between 2014 and 2016 and have risen since March."
    found = _texts(nlp, text)
    assert "between 2014 and 2016" in found
    assert "since March" in found


def test_anchored_phrase_is_cut_after_the_event(nlp):
    text = "A few weeks before the invasion Lukashenka spoke about Ukraine."
    assert _texts(nlp, text)[0] == "A few weeks before the invasion"


def test_unknown_event_is_not_an_expression(nlp):
    assert _texts(nlp, "He left two days before the meeting of the board.") == []


def test_weekday_with_date_is_one_expression(nlp):
    text = "The strike began on Monday, 7 November."
    assert _texts(nlp, text) == ["Monday, 7 November"]


def test_dash_ranges_and_counted_years(times):
    text = "The show ran January 23 - March 9 2014, part of a 2000 year old tradition."
    result = times(text, "2014-03-20")
    assert [(t.text, t.interval.start, t.interval.end) for t in result.timexes] == [
        ("January 23 - March 9 2014", "2014-01-23", "2014-03-09")
    ]
