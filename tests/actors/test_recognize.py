"""Tests of dictionary and entity matching on parsed sentences (our own sentences)."""

from __future__ import annotations

import itertools

import pytest

from eventcoder.actors.lexicon import Lexicon
from eventcoder.actors.recognize import find_matches


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.load()


def _kinds(doc, matches):
    return {(doc[m.start : m.end].text, m.kind) for m in matches}


def test_names_agents_and_entities(nlp, lexicon) -> None:
    doc = nlp("Riot police in Minsk detained supporters of Sviatlana Tsikhanouskaya on Sunday.")
    found = _kinds(doc, find_matches(doc, lexicon))
    assert ("Riot police", "agent") in found
    assert ("Minsk", "name") in found
    assert ("Sviatlana Tsikhanouskaya", "name") in found


def test_matches_do_not_overlap_except_titles(nlp, lexicon) -> None:
    doc = nlp("The European Union and NATO warned the Kremlin.")
    matches = [m for m in find_matches(doc, lexicon) if m.kind != "title"]
    for a, b in itertools.pairwise(matches):
        assert a.end <= b.start or a.kind == "ent" or b.kind == "ent"
    names = " | ".join(doc[m.start : m.end].text for m in matches if m.kind == "name")
    assert "European Union" in names and "NATO" in names and "Kremlin" in names


def test_hyphenated_names_match(nlp, lexicon) -> None:
    doc = nlp("Wladyslaw Kosiniak-Kamysz visited the troops.")
    names = [m for m in find_matches(doc, lexicon) if m.kind == "name"]
    assert names and names[0].entry.kind == "person"


def test_lowercase_pronoun_is_not_a_state(nlp, lexicon) -> None:
    doc = nlp("They told us to leave.")
    assert not [m for m in find_matches(doc, lexicon) if m.kind == "name"]


def test_plural_demonym_marked_as_people(nlp, lexicon) -> None:
    doc = nlp("Many Belarusians fled abroad.")
    people = [m for m in find_matches(doc, lexicon) if m.label == "people"]
    assert people and doc[people[0].start].text == "Belarusians"
