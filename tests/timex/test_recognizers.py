import datetime as dt

from eventcoder.timex.context import Context
from eventcoder.timex.recognizers import recognizer_candidates, resolve_recognized


def test_recognizers_find_dates_the_rules_do_not(nlp, time_data):
    text = "The decree was signed on 31.10.2022 in Minsk."
    cands = recognizer_candidates(nlp(text), dt.date(2022, 11, 15), time_data.recognizer)
    assert [text[c.start : c.end] for c in cands] == ["31.10.2022"]
    span = resolve_recognized(cands[0].groups, Context(dt.date(2022, 11, 15)))
    assert (span.start, span.end, span.granularity) == (dt.date(2022, 10, 31),) * 2 + ("day",)


def test_bare_numbers_are_left_to_the_rules(nlp, time_data):
    doc = nlp("Some 2020 troops left.")
    assert recognizer_candidates(doc, dt.date(2022, 11, 15), time_data.recognizer) == []


def test_dateparser_fallback_needs_a_year():
    ctx = Context(dt.date(2022, 1, 1))
    span = resolve_recognized({"values": [], "text": "3 Mar 2019"}, ctx)
    assert (span.start, span.granularity) == (dt.date(2019, 3, 3), "day")
    assert resolve_recognized({"values": [], "text": "3 Mar"}, ctx) is None
