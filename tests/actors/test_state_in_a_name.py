"""A state named inside a person entity the tagger overran ("Defence Minister X Y of
Slovakia" as one person) still gives the actor its country."""

from __future__ import annotations

import datetime as dt

from eventcoder.actors.regions import country_named

DAY = dt.date(2024, 3, 1)


def _codes(coder, nlp, text):
    return {m.text: m.code for m in coder.find(nlp(text), DAY)}


def test_country_names_and_aliases():
    assert country_named("Slovakia") == "SVK"
    assert country_named(" britain ") == "GBR"
    assert country_named("Ruritania") is None


def test_a_state_in_the_of_phrase_of_an_overrun_person_entity(coder, nlp) -> None:
    codes = _codes(coder, nlp, "Defence Minister Martin Hrubo of Slovakia criticised the plan.")
    assert codes.get("Defence Minister Martin Hrubo of Slovakia") == "SVKMIL", codes


def test_a_state_hung_on_the_second_word_of_a_name(coder, nlp) -> None:
    text = "Interior Minister Juan Perez of Paraguay accused the smugglers."
    codes = _codes(coder, nlp, text)
    assert any(code == "PRYGOV" for code in codes.values()), codes
