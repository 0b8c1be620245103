"""From heads to actor mentions."""

from __future__ import annotations

from eventcoder.events.roles import ActorIndex


def test_head_and_modifier(nlp, make_mentions):
    doc = nlp("Officials of Chile met Peru.")
    index = ActorIndex(doc, make_mentions(doc, {"Chile": "CHL", "Peru": "PER"}))
    assert index.for_head(doc[0]).code == "CHL"  # "officials of Chile"
    assert index.for_head(doc[4]).code == "PER"


def test_listed_actors(nlp, make_mentions):
    doc = nlp("Yesterday Chile, Peru and Bolivia signed a trade pact.")
    index = ActorIndex(doc, make_mentions(doc, {"Chile": "CHL", "Peru": "PER", "Bolivia": "BOL"}))
    assert [m.code for m in index.for_heads([doc[1]])] == ["CHL", "PER", "BOL"]


def test_non_actor_mentions_ignored(nlp, make_mentions):
    from dataclasses import replace

    doc = nlp("On Monday Chile met Peru.")
    mentions = make_mentions(doc, {"Monday": "XXX", "Chile": "CHL"})
    mentions = [replace(m, sector="NON") if m.text == "Monday" else m for m in mentions]
    index = ActorIndex(doc, mentions)
    assert index.at(doc[1]) is None and index.at(doc[2]).code == "CHL"


def test_nearest(nlp, make_mentions):
    doc = nlp("Chile quickly moved toward Peru.")
    index = ActorIndex(doc, make_mentions(doc, {"Chile": "CHL", "Peru": "PER"}))
    assert [m.code for m in index.nearest(doc[2], right=False)] == ["CHL"]
    assert [m.code for m in index.nearest(doc[2], right=True)] == ["PER"]


def test_listed_phrase_opening_with_its_own_words(nlp, make_mentions):
    doc = nlp("Chile, the proud Peru, and Bolivia signed a trade pact.")
    index = ActorIndex(
        doc, make_mentions(doc, {"Chile": "CHL", "the proud Peru": "PER", "Bolivia": "BOL"})
    )
    assert [m.code for m in index.listed_with(index.at(doc[0]))] == ["CHL", "PER", "BOL"]


def test_apposition_after_a_list_is_not_listed(nlp, make_mentions):
    doc = nlp("Talks between Chile and Peru, the Bolivian newspaper said.")
    index = ActorIndex(
        doc, make_mentions(doc, {"Chile": "CHL", "Peru": "PER", "the Bolivian newspaper": "BOLMED"})
    )
    assert [m.code for m in index.listed_with(index.at(doc[2]))] == ["CHL", "PER"]


def test_nearest_on_the_right_brings_the_list(nlp, make_mentions):
    doc = nlp("Chile believes Peru and Bolivia can cope with the drought.")
    index = ActorIndex(doc, make_mentions(doc, {"Chile": "CHL", "Peru": "PER", "Bolivia": "BOL"}))
    assert [m.code for m in index.nearest(doc[1], right=True)] == ["PER", "BOL"]
    assert [m.code for m in index.nearest(doc[3], right=False)] == ["PER"]


def test_list_member_with_adjectives_outside_its_mention(nlp, make_mentions):
    doc = nlp("Chile and the proud old Peru signed a trade pact.")
    index = ActorIndex(doc, make_mentions(doc, {"Chile": "CHL", "Peru": "PER"}))
    assert [m.code for m in index.listed_with(index.at(doc[5]))] == ["CHL", "PER"]
