"""Negation, modality and control frames."""

from __future__ import annotations

from eventcoder.events.modality import is_negated, read_context


def _token(doc, text):
    return next(t for t in doc if t.text == text)


def test_negation_words(nlp):
    assert is_negated(_token(nlp("Chile did not attack Peru."), "attack"))
    assert is_negated(_token(nlp("Chile never attacked Peru."), "attacked"))
    assert not is_negated(_token(nlp("Chile attacked Peru."), "attacked"))


def test_threat_frame(nlp, extractor):
    context = read_context(
        _token(nlp("Russia threatened to attack Georgia."), "attack"), extractor.frames
    )
    assert context.frame == "THREATEN" and context.modality == "threatened"
    assert context.governor is not None and context.governor.text == "threatened"


def test_going_to_is_an_intention(nlp, extractor):
    context = read_context(
        _token(nlp("He isn't going to attack anyone."), "attack"), extractor.frames
    )
    assert context.negated and context.modality == "intended"


def test_reported_clause(nlp, extractor):
    context = read_context(
        _token(nlp("Poland said that Russia attacked Ukraine."), "attacked"), extractor.frames
    )
    assert context.modality == "reported" and context.speaker.text == "said"


def test_hypothetical(nlp, extractor):
    context = read_context(_token(nlp("Chile might attack Peru."), "attack"), extractor.frames)
    assert context.modality == "hypothetical"


def test_recode_table(extractor):
    frames = extractor.frames
    assert frames.recode("THREATEN", "190") == "1384"
    assert frames.recode("REFUSE", "0871") == "1246"
    assert frames.recode("AGREE", "") == "030"
    assert frames.recode("SPEECH", "190") is None
