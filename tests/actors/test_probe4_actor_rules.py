"""Actor mechanisms that misread the fourth fresh-text probe (tests/events/fresh_probe/
probe4.jsonl), each on sentences of our own."""

from __future__ import annotations

import datetime as dt

DAY = dt.date(2026, 6, 1)


def _codes(coder, nlp, text: str) -> dict[str, str | None]:
    return {m.text: m.code for m in coder.find(nlp(text), DAY)}


def test_an_acronym_the_story_defines_is_the_organisation_it_abbreviates(coder, nlp) -> None:
    # "RSF" is also Reporters Without Borders in the dictionaries
    found = _codes(
        coder,
        nlp,
        "The Rapid Support Forces shelled a market in the city on Sunday. "
        "The army said its jets had struck RSF positions in response.",
    )
    assert found["The Rapid Support Forces"] == found["RSF"]
    assert (found["RSF"] or "").startswith("SDN")
    # with no definition in the story the dictionary's reading stands
    alone = _codes(coder, nlp, "RSF said two reporters were detained in the capital.")
    assert (alone["RSF"] or "").startswith("NGO")


def test_a_bare_congress_in_a_story_about_another_state_is_that_states(coder, nlp) -> None:
    text = (
        "BOGOTA, May 4 - Colombian students marched on Congress on Monday. "
        "Colombia's interior minister said the protest in Bogota was peaceful."
    )
    assert _codes(coder, nlp, text)["Congress"] == "COLLEG"
    # a story about the United States keeps the US Congress
    text = "WASHINGTON, May 4 - Congress passed the bill. The White House welcomed the vote."
    assert _codes(coder, nlp, text)["Congress"] == "USALEG"


def test_a_dateline_city_is_no_antecedent_of_a_description(coder, nlp) -> None:
    text = (
        "NAIROBI, June 1 - The African Union demanded on Monday the release of the officials "
        "detained by soldiers in Guinea-Bissau."
    )
    officials = next(m for m in coder.find(nlp(text), DAY) if m.text == "the officials")
    assert officials.country != "KEN"


def test_congo_alone_is_the_democratic_republic_as_the_wires_write_it(coder, nlp) -> None:
    found = _codes(coder, nlp, "Congo and Rwanda signed a deal; the Republic of Congo welcomed it.")
    assert found["Congo"] == "COD"
    assert found["the Republic of Congo"] == "COG"


def test_un_agencies_are_coded_under_the_un(coder, nlp) -> None:
    found = _codes(coder, nlp, "The IAEA and the World Health Organization sent experts to Iran.")
    assert (found["The IAEA"] or "").startswith("IGOUN")
    assert (found["the World Health Organization"] or "").startswith("IGOUN")


def test_they_prefers_the_main_clause_subject_to_one_in_a_relative_clause(coder, nlp) -> None:
    text = (
        "The members of the Security Council condemned the ambush near the border, in which "
        "three soldiers from Chile were killed. They called on the government to investigate."
    )
    they = next(m for m in coder.find(nlp(text), DAY) if m.text == "They")
    assert (they.code or "").startswith("IGOUN")
    # with no relative clause the nearer subject of the earlier sentence still wins
    text = "The ministers met in Rome. Three soldiers from Chile were killed. They were buried."
    they = next(m for m in coder.find(nlp(text), DAY) if m.text == "They")
    assert (they.code or "").startswith("CHL")
