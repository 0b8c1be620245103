"""Done-when on the example article: general assertions, no copied text."""

from __future__ import annotations

import datetime as dt

import pytest

from eventcoder.actors.mention import ActorMention


def _actors(doc) -> list[ActorMention]:
    try:
        from eventcoder.actors import ActorCoder  # type: ignore[attr-defined]
    except ImportError:  # before the actor stage lands: named entities as uncoded actors
        return [ActorMention(start=e.start, end=e.end, head=e.root.i, text=e.text,
                             char_start=e.start_char, char_end=e.end_char,
                             code=e.text.upper().replace(" ", "_"))
                for e in doc.ents if e.label_ in {"GPE", "ORG", "PERSON"}]
    return ActorCoder.from_data().find(doc, dt.date(2022, 11, 15))


@pytest.fixture(scope="module")
def article_events(nlp, extractor, belarus_text):
    doc = nlp(belarus_text)
    return doc, extractor.extract(doc, _actors(doc))


def test_sanctions_and_accusation(article_events):
    _, events = article_events
    asserted = [e for e in events if not e.negated]
    assert any(e.cameo == "163" and e.target is not None for e in asserted)
    assert any(e.plover == "ACCUSE" and e.source is not None for e in asserted)


def test_military_events(article_events):
    _, events = article_events
    asserted = [e for e in events if not e.negated]
    assert any(e.plover == "ASSAULT" or e.cameo.startswith("19") for e in asserted)  # invasion
    assert any(e.plover == "MOBILIZE" for e in asserted)  # deployment, build-up


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
