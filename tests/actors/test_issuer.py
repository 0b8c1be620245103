"""A document issued by an institution: its first person is the issuer (press releases)."""

from __future__ import annotations

import datetime as dt

import pytest

from eventcoder.actors.speakers import issuer_actor

DAY = dt.date(2016, 3, 1)


def _pronouns(coder, nlp, text, issuer):
    return [
        (m.text, m.code)
        for m in coder.find(nlp(text), DAY, True, issuer)
        if m.entity_type == "PRON" and m.text.lower() in {"we", "us", "i", "me"}
    ]


@pytest.mark.parametrize(
    ("source", "code"),
    [
        ("US State Department", "USAGOV"),
        ("UK_Government", "GBRGOV"),
        ("Ministry of Defence of Ruritania", None),  # no dictionary codes it
        ("Reuters", None),  # a news agency reports, it does not issue statements
        ("", None),
        (None, None),
    ],
)
def test_the_issuer_is_an_institution_the_source_names(coder, source, code) -> None:
    actor = issuer_actor(coder, source, DAY)
    assert (actor.code if actor else None) == code


def test_an_international_body_with_the_article_is_coded(coder) -> None:
    # "the European Union" is listed as an international body, not as an organisation
    actor = issuer_actor(coder, "Delegation of the European Union to Mali", DAY)
    assert actor is not None and actor.code == "IGOEU"


def test_a_press_release_we_and_i_are_its_issuer(coder, nlp) -> None:
    issuer = issuer_actor(coder, "US State Department", DAY)
    text = "We welcome the agreement between Chile and Peru. I thank both governments."
    assert _pronouns(coder, nlp, text, issuer) == [("We", "USAGOV"), ("I", "USAGOV")]


def test_without_an_issuer_a_first_person_stays_uncoded(coder, nlp) -> None:
    text = "We welcome the agreement between Chile and Peru. I thank both governments."
    assert _pronouns(coder, nlp, text, None) == []


def test_a_quotation_inside_a_press_release_is_not_the_issuer(coder, nlp) -> None:
    issuer = issuer_actor(coder, "US State Department", DAY)
    text = 'The talks went well. "We will sign soon," a Peruvian negotiator told reporters.'
    assert ("We", "USAGOV") not in _pronouns(coder, nlp, text, issuer)


def test_a_named_speaker_keeps_precedence_over_the_issuer(coder, nlp) -> None:
    issuer = issuer_actor(coder, "UK Government", DAY)
    text = "Barack Obama said: We welcome the agreement between Chile and Peru."
    assert _pronouns(coder, nlp, text, issuer) == [("We", "USAGOV")]


def test_the_issuer_reaches_the_events(nlp) -> None:
    from eventcoder.coder import Coder
    from eventcoder.ingest.document import Document

    text = "We welcome the agreement reached between Chile and Peru on their maritime border."
    coder = Coder.load()
    issued = Document.from_text(text, id="pr", date="2016-03-01", source="US State Department")
    plain = Document.from_text(text, id="pr", date="2016-03-01")
    praise = [
        (e.source.code, e.target.code)
        for e in coder.code(issued, min_confidence=0)
        if e.KIND == "event" and e.cameo.startswith("051") and e.source and e.target
    ]
    assert ("USAGOV", "CHL") in {(s, t[:3]) for s, t in praise}
    assert not [
        e
        for e in coder.code(plain, min_confidence=0)
        if e.KIND == "event" and e.source and e.source.text == "We"
    ]
