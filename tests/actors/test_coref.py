"""Tests of pronoun resolution (our own sentences)."""

from __future__ import annotations

from eventcoder.actors.coref import (
    Candidate,
    is_resolvable_pronoun,
    noun_phrase_candidates,
    resolve_chain,
    resolve_pronoun,
)


def _heads(doc, chosen):
    return {doc[p].text: doc[a].text for p, a in chosen.items()}


def test_he_goes_to_the_earlier_person(nlp) -> None:
    doc = nlp("The minister visited the factory on Monday. He praised the workers.")
    chosen = resolve_chain(doc, noun_phrase_candidates(doc))
    he = next(t.i for t in doc if t.text == "He")
    assert doc[chosen[he]].text == "minister"


def test_they_needs_a_plural(nlp) -> None:
    doc = nlp("The soldiers crossed the river near the bridge. They set up camp.")
    chosen = resolve_chain(doc, noun_phrase_candidates(doc))
    they = next(t.i for t in doc if t.text == "They")
    assert doc[chosen[they]].text == "soldiers"


def test_binding_excludes_own_subject(nlp) -> None:
    doc = nlp("The president met the envoy and thanked him.")
    him = next(t for t in doc if t.text == "him")
    cands = noun_phrase_candidates(doc)
    pick = resolve_pronoun(doc, him, cands)
    assert pick is not None and doc[pick.head].text == "envoy"


def test_nothing_to_resolve_gives_none(nlp) -> None:
    doc = nlp("He left.")
    him = doc[0]
    assert resolve_pronoun(doc, him, []) is None
    assert is_resolvable_pronoun(him)


def test_candidate_features() -> None:
    cand = Candidate(0, 1, 0, person=True, plural=False)
    assert cand.gender is None and not cand.group
