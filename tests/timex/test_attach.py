import datetime as dt


def _token(result, word):
    return next(t.i for t in result.doc if t.text == word)


def test_trigger_takes_its_own_expression(times):
    text = "Troops arrived in August 2021, and in February they were withdrawn."
    result = times(text, "2022-11-15")
    assert result.date_for(_token(result, "arrived")).text == "August 2021"
    assert result.date_for(_token(result, "withdrawn")).start == "2022-02-01"


def test_present_tense_is_document_date(times):
    # an act going on ("is blocking") is the document date; a stative present ("denies",
    # "claims") no day: tests/timex/test_event_date_rules.py
    result = times("The government is blocking the report.", "2022-11-15")
    interval = result.date_for(_token(result, "blocking"))
    assert (interval.start, interval.end, interval.granularity) == (
        "2022-11-15",
        "2022-11-15",
        "day",
    )


def test_narrative_inheritance_and_unknown(times):
    text = "On 3 May 2021, police raided the office. Officers seized computers."
    result = times(text, "2022-11-15")
    inherited = result.date_for(_token(result, "seized"))
    # on or after the passage's day, never that day at day precision (no expression of its own)
    assert (inherited.start, inherited.end, inherited.granularity) == (
        "2021-05-03",
        "2022-11-15",
        "unknown",
    )
    lone = times("Officers seized computers.", "2022-11-15")
    interval = lone.date_for(_token(lone, "seized"))
    assert (interval.start, interval.end, interval.granularity) == (None, "2022-11-15", "unknown")


def test_missing_document_date_is_inferred(times):
    result = times("The accord was signed on 4 June 2019. Fighting resumed on Friday.", None)
    assert result.document_date == dt.date(2019, 6, 4)
    assert result.document_date_status == "inferred"
    assert times("Fighting resumed.", None).document_date_status == "unknown"


def test_example_article_dates(times, belarus_text):
    result = times(belarus_text, "2022-11-15")

    def interval_of(expression):
        return next((t.interval for t in result.timexes if expression in t.text), None)

    oct31 = interval_of("October 31")
    assert (oct31.start, oct31.end, oct31.granularity) == ("2022-10-31", "2022-10-31", "day")
    spring = interval_of("spring 2021")
    assert (spring.start, spring.end, spring.granularity) == ("2021-03-01", "2021-05-31", "season")
    assert interval_of("August 2021").granularity == "month"
    feb = next(t.interval for t in result.timexes if t.text.strip().endswith("February"))
    assert (feb.start, feb.granularity) == ("2022-02-01", "month")
    before = interval_of("before the invasion")
    assert before is not None and before.end < "2022-02-24" and before.start >= "2022-01-01"
    assert interval_of("Currently").start == "2022-11-15"
    approved = result.date_for(_token(result, "approved"))
    assert approved.start == "2022-10-31"


def test_no_inheritance_for_perfect_or_across_paragraphs(times):
    text = "On 3 May 2021, police raided the office. The editor has left the country."
    result = times(text, "2022-11-15")
    assert result.date_for(_token(result, "left")).granularity == "unknown"
    text = "On 3 May 2021, police raided the office.\nOfficers seized computers."
    result = times(text, "2022-11-15")
    assert result.date_for(_token(result, "seized")).granularity == "unknown"


def test_unparsed_document_is_a_clear_error():
    import pytest
    import spacy

    from eventcoder.errors import ModelError
    from eventcoder.timex import resolve_document

    with pytest.raises(ModelError, match="E503"):
        resolve_document(spacy.blank("en")("Troops arrived on Monday."), dt.date(2022, 1, 1))


def test_inferred_date_prefers_day_precise_dates(times):
    text = "Fans met at Expo 2016 in Toronto on Wednesday, September 7, 2016."
    assert times(text, None).document_date == dt.date(2016, 9, 7)


def test_generic_nouns_do_not_anchor(times):
    text = "At the end of the month, talks resumed. Trade grew following the end of the talks."
    result = times(text, "2011-04-13")
    assert not any(t.kind == "anchored" for t in result.timexes)


def test_a_date_inside_an_object_dates_that_noun_not_the_verb(times):
    result = times("Chile has rejected a 2019 tribunal ruling.", "2024-06-20")
    assert result.date_for(_token(result, "rejected")).text is None
    result = times("Peru condemned Tuesday's attack on the embassy.", "2024-06-20")
    assert result.date_for(_token(result, "condemned")).text is None
    assert result.date_for(_token(result, "attack")).start == "2024-06-18"


def test_a_date_inside_a_subject_still_dates_the_verb(times):
    result = times("Tuesday's raid destroyed the embassy.", "2024-06-20")
    assert result.date_for(_token(result, "destroyed")).start == "2024-06-18"


def test_a_dateline_dates_no_event(times):
    # the dateline's day is when the story was filed; "on Tuesday" dates the shelling
    text = "KHARTOUM, Dec 3 - The rebels shelled a camp near the city on Tuesday, killing 11."
    result = times(text, "2025-12-03")
    assert result.date_for(_token(result, "shelled")).start == "2025-12-02"
    result = times("KHARTOUM, Dec 3 (Wire) - The army attacked the rebels.", "2025-12-03")
    assert result.date_for(_token(result, "attacked")).granularity == "unknown"
    # a date opening an ordinary sentence still dates it
    result = times("On Dec 3 the army attacked the rebels.", "2025-12-05")
    assert result.date_for(_token(result, "attacked")).start == "2025-12-03"


def test_a_future_expression_is_not_inherited_by_a_past_act(times):
    text = "The ministers agreed to hold an exercise next year. She also announced new aid."
    result = times(text, "2025-09-30")
    interval = result.date_for(_token(result, "announced"))
    assert interval.start is None or interval.start <= "2025-09-30"


def test_a_named_past_event_raises_the_inferred_date(times):
    text = (
        "The first jets landed in Belarus in August 2021. A few weeks before the invasion, "
        "Lukashenko said his army would stay home."
    )
    result = times(text, None)
    assert result.document_date == dt.date(2022, 2, 24)
    assert result.document_date_status == "inferred"
    # an event far after the text's own dates is more likely another one: no raise
    old = "Troops entered the city in March 2003. Weeks after the invasion, Russian envoys met."
    assert times(old, None).document_date == dt.date(2003, 3, 31)
    # a named event in the future tense has not happened yet
    ahead = "Talks were held in June 2021. Ministers will meet before the invasion of Ukraine."
    assert times(ahead, None).document_date == dt.date(2021, 6, 30)


def test_gapped_second_object_takes_its_own_date(times):
    # "visited X on 4 March and Y from 6-7 March": the parse hangs Y on the first date
    text = "The minister visited Kenya on 4 March and Tanzania from 6-7 March 2025."
    result = times(text, "2025-03-10")
    verb, first, second = (_token(result, w) for w in ("visited", "Kenya", "Tanzania"))
    assert result.date_for(verb, first).start == "2025-03-04"
    gapped = result.date_for(verb, second)
    assert (gapped.start, gapped.end) == ("2025-03-06", "2025-03-07")
    assert result.attachment(verb, second)[1] == "gapped"
    # without a target, or with a target that is no gapped conjunct, the verb's own date
    assert result.date_for(verb).start == "2025-03-04"
    plain = times("The minister met Kenya and Tanzania on 4 March.", "2025-03-10")
    met = _token(plain, "met")
    assert plain.date_for(met, _token(plain, "Tanzania")).start == "2025-03-04"


def test_inferred_date_is_a_lower_bound_for_year_less_dates(times):
    # no document date: it is inferred from "4 June 2019", and the text may be later
    text = "The truce was signed on 4 June 2019. In September, rebels attacked a base."
    result = times(text, None)
    assert result.document_date_status == "inferred"
    september = result.date_for(_token(result, "attacked"))
    assert (september.start, september.end) == ("2019-09-01", "2019-09-30")
    # a month before the anchor stays in its year, never the next one
    earlier = times("The truce was signed on 4 June 2019. In March, talks had failed.", None)
    march = earlier.date_for(_token(earlier, "failed"))
    assert march.start == "2019-03-01"
    # with the document date given, the text is no later than it: last year's September
    given = times(text, "2019-06-10")
    assert given.date_for(_token(given, "attacked")).start == "2018-09-01"
