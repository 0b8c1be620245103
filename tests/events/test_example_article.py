"""Done-when on the example article: general assertions, no copied text."""

from __future__ import annotations

import datetime as dt

import pytest

from eventcoder.actors import ActorCoder


@pytest.fixture(scope="module")
def article_events(nlp, extractor, belarus_text):
    doc = nlp(belarus_text)
    actors = ActorCoder.from_data().find(doc, dt.date(2022, 11, 15))
    return doc, extractor.extract(doc, actors)


def _asserted(events):
    return [e for e in events if not e.negated]


def test_sanctions_and_accusation(article_events):
    _, events = article_events
    sanctions = [e for e in _asserted(events) if e.cameo == "163" and e.source and e.target]
    assert sanctions and any(e.source.country != e.target.country for e in sanctions)
    assert any(e.plover == "ACCUSE" and e.source and e.target for e in _asserted(events))


def test_military_events(article_events):
    _, events = article_events
    asserted = _asserted(events)
    # "hints of possible aggression" report no act: a hedged noun is no event
    assert not any(e.modality == "hypothetical" for e in events)
    mobilize = [e for e in asserted if e.plover == "MOBILIZE" and e.source is not None]
    assert mobilize and any(e.source.sector == "MIL" for e in mobilize)  # deployment, build-up
    assert any(
        e.plover in {"COOPERATE", "AGREE"} and "military" in e.plover_context for e in events
    )  # military co-operation
    assert any(e.cameo == "057" and e.source is not None for e in asserted)  # approval


def test_negated_statements_are_not_asserted(article_events):
    doc, events = article_events
    broken_off = [e for e in events if e.cameo.startswith("16") and e.plover == "SANCTION"]
    assert broken_off and all(e.negated for e in broken_off)
    crossings = [e for e in events if doc[e.trigger].lemma_.lower() == "cross"]
    assert all(e.negated for e in crossings)


def test_provenance(article_events):
    doc, events = article_events
    sentences = list(doc.sents)
    for event in events:
        sent = sentences[event.sentence]
        assert sent.start <= event.trigger < sent.end
        assert doc[event.trigger].text == event.trigger_text
        assert event.pattern
