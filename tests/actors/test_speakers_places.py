"""First-person pronouns of quoted speech, and place names that are no actors."""

from __future__ import annotations

import datetime as dt

DAY = dt.date(2016, 3, 1)


def _pronouns(coder, nlp, text):
    return [(m.text, m.country) for m in coder.find(nlp(text), DAY) if m.entity_type == "PRON"]


def test_a_colon_quote_gives_i_and_we_to_the_speaker(coder, nlp) -> None:
    text = (
        "Foreign Secretary Philip Hammond said: I welcome the ceasefire. "
        "We will keep pressing for talks."
    )
    found = _pronouns(coder, nlp, text)
    assert ("I", "GBR") in found and ("We", "GBR") in found


def test_a_quotation_gives_i_to_the_speaker_outside_it(coder, nlp) -> None:
    text = '"I am worried about the shelling," said Foreign Secretary Philip Hammond.'
    assert ("I", "GBR") in _pronouns(coder, nlp, text)


def test_an_unquoted_i_is_nobody(coder, nlp) -> None:
    text = "I read the report about Russia on the train yesterday."
    assert all(text_ != "I" for text_, _ in _pronouns(coder, nlp, text))


def _actors(coder, nlp, text):
    return [(m.text, m.code) for m in coder.find(nlp(text), DAY)]


def test_a_capital_coordinated_with_a_place_is_no_actor(coder, nlp) -> None:
    found = _actors(coder, nlp, "The envoys held talks in Vilnius and Minsk on Monday.")
    assert not any(text == "Minsk" for text, _ in found)


def test_a_capital_joined_to_a_place_is_no_actor(coder, nlp) -> None:
    found = _actors(coder, nlp, "A bomb exploded in a market in Karrada, Baghdad.")
    assert not any(text == "Baghdad" for text, _ in found)


def test_a_capital_that_acts_is_its_government(coder, nlp) -> None:
    found = _actors(coder, nlp, "Minsk imposed new duties on Polish goods.")
    assert ("Minsk", "BLRGOV") in found


def test_a_dateline_is_no_actor(coder, nlp) -> None:
    found = _actors(coder, nlp, "MOSCOW (Reuters) - Officials said the talks had failed.")
    assert not any(text == "MOSCOW" for text, _ in found)


def test_the_agency_of_a_dateline_is_no_actor(coder, nlp) -> None:
    text = "TALLINN, June 9 (Reuters) - Estonian police arrested two Russian citizens."
    found = _actors(coder, nlp, text)
    assert not any(text_ == "Reuters" for text_, _ in found)
    assert any(code == "ESTCOP" for _, code in found)


def test_an_agency_in_brackets_after_a_sentence_start_stays(coder, nlp) -> None:
    text = "The report (Reuters) - an exclusive - said the ministry had resigned."
    found = _actors(coder, nlp, text)
    assert any(text_ == "Reuters" for text_, _ in found)


def test_forces_in_a_place_keep_their_country(coder, nlp) -> None:
    found = dict(_actors(coder, nlp, "Syrian troops in Aleppo shelled the rebels."))
    assert found.get("Syrian troops") == "SYRMIL"


def test_a_region_the_dictionaries_lack_gives_an_attached_country(coder, nlp) -> None:
    found = dict(_actors(coder, nlp, "Students in Bavaria protested against the new fees."))
    assert found.get("Students in Bavaria") == "DEUEDU"


def test_a_person_from_a_region_is_tied_to_its_country(coder, nlp) -> None:
    text = "Maria Lopez, a 30-year-old nurse from Houston, Texas, was detained on Monday."
    found = {m.text: m for m in coder.find(nlp(text), DAY)}
    assert found["Maria Lopez"].country == "USA"


def test_regions_of_one_country_only() -> None:
    from eventcoder.actors.regions import region_country

    assert region_country("Texas") == "USA"
    assert region_country("Bavaria") == "DEU"  # an alias of the ISO name
    assert region_country("Nowhereshire") is None


def test_the_place_of_the_clause_gives_a_country(coder, nlp) -> None:
    found = dict(_actors(coder, nlp, "Hundreds of students marched in Belgrade on Sunday."))
    assert found.get("students") == "SRBEDU"


def test_the_place_of_the_clause_outranks_an_earlier_government(coder, nlp) -> None:
    text = (
        "The minister met the French ambassador on Monday. "
        "In Guinea, the ruling junta freed dozens of detained activists."
    )
    found = {m.text: m.country for m in coder.find(nlp(text), DAY)}
    assert found.get("the ruling junta") != "FRA"
    assert found.get("dozens of detained activists") == "GIN" or found.get("activists") == "GIN"


def test_a_minister_is_no_local_of_the_clause_place(coder, nlp) -> None:
    text = "In Lima, a visiting minister met business leaders on Monday."
    found = {m.text: m.country for m in coder.find(nlp(text), DAY)}
    assert found.get("a visiting minister") in (None, "---")


def test_a_destination_is_no_clause_place(coder, nlp) -> None:
    found = dict(_actors(coder, nlp, "The soldiers withdrew to Mali after the talks."))
    assert found.get("The soldiers") == "---MIL"


def test_a_state_whose_name_ends_in_s_is_no_people(coder, nlp) -> None:
    found = dict(_actors(coder, nlp, "The Philippines recalled its envoy from Oslo."))
    assert found.get("The Philippines") == "PHL"
    assert dict(_actors(coder, nlp, "Hungarians voted on Sunday.")).get("Hungarians") == "HUNCVL"


def test_a_possessive_gives_its_owner_country(coder, nlp) -> None:
    text = (
        "Chilean President Gabriel Boric spoke on Monday. "
        "His government recalled its ambassador from Lima."
    )
    found = {m.text: m.code for m in coder.find(nlp(text), DAY)}
    assert found.get("His government") == "CHLGOV"


def test_a_possessive_of_two_countries_gives_none(coder, nlp) -> None:
    text = "Chile and Peru agreed to talks between their army commanders."
    found = {m.text: m.country for m in coder.find(nlp(text), DAY)}
    assert found.get("their army commanders") in (None, "---")
