"""Tests of phrase grouping and coding rules (our own sentences)."""

from __future__ import annotations

import datetime as dt

import pytest

from eventcoder.actors.compose import code_group, group_matches
from eventcoder.actors.lexicon import Lexicon
from eventcoder.actors.recognize import find_matches

DAY = dt.date(2021, 3, 1)


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.load()


def _coded(nlp, lexicon, text, date=DAY):
    doc = nlp(text)
    groups = group_matches(doc, find_matches(doc, lexicon))
    return {doc[g.start : g.end].text: code_group(doc, g, date) for g in groups}


def test_adjective_agent_composition(nlp, lexicon) -> None:
    coded = _coded(nlp, lexicon, "Belarusian troops and Ukrainian border guards clashed.")
    codes = {c.code for c in coded.values()}
    assert "BLRMIL" in codes and "UKRMIL" in codes


def test_person_modifier_gives_country(nlp, lexicon) -> None:
    coded = _coded(nlp, lexicon, "The Lukashenka regime jailed the journalists.")
    regime = next(c for text, c in coded.items() if text.endswith("regime"))
    assert regime.code == "BLRGOV"


def test_metonym_heading_phrase_is_government(nlp, lexicon) -> None:
    coded = _coded(nlp, lexicon, "Washington imposed new sanctions on Moscow.")
    assert coded["Washington"].code == "USAGOV"


def test_title_codes_former_leader_in_office_context(nlp, lexicon) -> None:
    coded = _coded(nlp, lexicon, "President Yanukovych signed the decree.", dt.date(2013, 5, 1))
    assert any(c.code == "UKRGOV" for c in coded.values())


def test_organisation_keeps_its_code(nlp, lexicon) -> None:
    coded = _coded(nlp, lexicon, "The OSCE sent observers.")
    assert any(c.code == "IGOOSCE" and c.country == "OSCE" for c in coded.values())
