from eventcoder.timex.narrative import tense_of


def _tense(nlp, text, word):
    doc = nlp(text)
    i = next(t.i for t in doc if t.text == word)
    return tense_of(doc, i, i + 1)


def test_tense_of_governing_verb(nlp):
    assert _tense(nlp, "The minister will travel to Rome on Friday.", "Friday") == "future"
    assert _tense(nlp, "The talks are due to resume on Friday.", "Friday") == "future"
    assert _tense(nlp, "The minister travelled to Rome on Friday.", "Friday") == "past"


def test_timexes_have_token_offsets(times):
    text = "Police arrested him on 2 February 2023 in the capital."
    result = times(text, "2023-03-15")
    [timex] = result.timexes
    assert result.doc[timex.start_token : timex.end_token].text in timex.text + " "
    assert text[timex.start_char : timex.end_char] == timex.text
    assert timex.kind == "absolute"


def test_document_anchor_needs_the_event_to_carry_the_date(times):
    text = "The video was shared widely, and in 1994 documents leaked. Views rose after the video."
    result = times(text, "2008-01-20")
    assert not any(t.kind == "anchored" for t in result.timexes)
    text = "Views rose after the election. The election was held on 12 December."
    result = times(text, "2020-01-08")
    assert [t.interval.start for t in result.timexes if t.kind == "anchored"] == ["2019-12-13"]
