"""Parse repairs: "X on <day> <verb>" leads the parser hangs on the day (nlp.repairs).

Sentences of our own. Each repaired case is also checked with the repair switched off, so
the test shows the parse it mends (and fails if the parser starts getting it right, when the
repair should be reconsidered).
"""

from __future__ import annotations

import pytest

from eventcoder.nlp.pipeline import load_pipeline
from eventcoder.nlp.repairs import REPAIRS


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


@pytest.fixture(scope="module")
def bare():
    return load_pipeline(exclude=(REPAIRS,))


def _token(doc, text):
    return next(t for t in doc if t.text == text)


@pytest.mark.parametrize(
    ("text", "subject", "verb"),
    [
        (
            "HANOI, March 12 - Vietnam on Thursday accused China of ramming a fishing boat.",
            "Vietnam",
            "accused",
        ),
        (
            (
                "ADDIS ABABA, Oct 21 - Ethiopia on Tuesday accused Eritrea of arming rebels in "
                "its northern regions."
            ),
            "Ethiopia",
            "accused",
        ),
    ],
)
def test_the_verb_after_the_day_is_the_clause_with_its_subject(nlp, bare, text, subject, verb):
    before = bare(text)
    assert _token(before, verb).head.text != verb  # the parser hung the verb on the day
    doc = nlp(text)
    v = _token(doc, verb)
    assert v.dep_ == "ROOT"
    assert _token(doc, subject).head.i == v.i and _token(doc, subject).dep_ == "nsubj"
    day = next(t for t in doc if t.text in {"Thursday", "Tuesday"})
    assert day.head.i == v.i and day.dep_ == "obl"
    assert v.tag_ == "VBD" and len(list(doc.sents)) == 1


def test_a_repaired_lead_is_coded():
    from eventcoder import code

    text = "HANOI, March 12 - Vietnam on Thursday accused China of ramming a fishing boat."
    events = [r for r in code(text, date="2026-03-12", min_confidence=0) if r.record == "event"]
    assert any(
        e.cameo == "112" and e.source.code == "VNM" and e.target.code == "CHN" for e in events
    )


@pytest.mark.parametrize(
    "text",
    [
        "The talks on Thursday ended without an agreement.",
        "The meeting on Monday attended by the ministers was short.",
        "Police arrested two men on Friday.",
        "Japan on Monday protested to China over the detention of a businessman.",
        "The protesters on Sunday marched to parliament.",
    ],
)
def test_other_parses_are_left_as_they_are(nlp, bare, text):
    assert [(t.head.i, t.dep_, t.tag_) for t in nlp(text)] == [
        (t.head.i, t.dep_, t.tag_) for t in bare(text)
    ]
