"""People named in part: bare first names and surnames, names the dictionaries know only in
part, short names after a full one, and what ties an unknown person to a country."""

from __future__ import annotations

import datetime as dt

import pytest

DAY = dt.date(2015, 6, 1)


def _found(coder, nlp, text, date=DAY):
    return {m.text: m for m in coder.find(nlp(text), date)}


def test_a_first_name_is_no_foreign_leader(coder, nlp) -> None:
    found = _found(coder, nlp, "Albert Kowalczyk, a baker, opened a new shop on Monday.")
    assert "Albert Kowalczyk" in found
    assert found["Albert Kowalczyk"].code is None


@pytest.mark.parametrize(
    "text, name",
    [
        ("George said the plan had failed.", "George"),
        ("Davis said the market rose again on Friday.", "Davis"),
    ],
)
def test_a_bare_common_name_stays_uncoded(coder, nlp, text, name) -> None:
    found = _found(coder, nlp, text)
    assert name not in found or found[name].code is None


def test_a_known_leader_by_surname_when_the_country_is_named(coder, nlp) -> None:
    found = _found(
        coder, nlp, "Musharraf met Pakistani business leaders in Karachi.", dt.date(2005, 1, 1)
    )
    assert found["Musharraf"].country == "PAK"


def test_a_place_in_a_persons_name_gives_no_country(coder, nlp) -> None:
    found = _found(coder, nlp, "Marta Paris, a retired teacher, wrote to the council.")
    assert found["Marta Paris"].country is None


def test_apposition_and_attached_place_tie_a_person(coder, nlp) -> None:
    text = (
        "Police questioned Maria Lopez, a nurse from Lyon, France, on Tuesday. "
        "Lopez was released the next day."
    )
    found = coder.find(nlp(text), DAY)
    lopez = [m for m in found if "Lopez" in m.text]
    assert [m.country for m in lopez] == ["FRA", "FRA"]
    assert lopez[1].antecedent == (lopez[0].start, lopez[0].end)


def test_a_nationality_apposition_ties_a_person(coder, nlp) -> None:
    found = _found(coder, nlp, "Ines Kowalski, a Polish engineer, criticised the contract.")
    assert found["Ines Kowalski"].code == "POLCVL" or found["Ines Kowalski"].country == "POL"


def test_a_short_name_follows_the_full_name_not_a_namesake(coder, nlp) -> None:
    text = (
        "Prime Minister Haider al-Abadi visited the front. "
        "Later Prime Minister Abadi met the troops."
    )
    found = coder.find(nlp(text), DAY)
    assert [m.code for m in found if "Abadi" in m.text] == ["IRQGOV", "IRQGOV"]


def test_hyphenated_and_lower_case_parts_of_names(coder, nlp) -> None:
    found = _found(coder, nlp, "Kim Jong-un inspected a new rocket launcher.")
    assert found["Kim Jong-un"].code == "PRKGOV"


def test_capitalised_function_words_of_dictionary_names(coder, nlp) -> None:
    found = _found(
        coder, nlp, "The National Aeronautics and Space Administration signed a contract."
    )
    assert any(m.code == "USAGOV" for m in found.values())


def test_a_preposition_is_no_person(coder, nlp) -> None:
    found = _found(coder, nlp, "During the talks, the envoy left the room.")
    assert "During" not in found


def test_surname_index_knows_countries(coder) -> None:
    index = coder.surnames
    assert index.unambiguous("Musharraf")
    assert not index.unambiguous("George")


def test_a_person_is_no_place_when_named_in_full_first(coder, nlp) -> None:
    text = "Marta Paris, a Canadian nurse, sued the clinic. Paris said she was not paid."
    found = coder.find(nlp(text), DAY)
    paris = [m for m in found if m.text == "Paris"]
    assert paris and paris[0].country == "CAN" and paris[0].entity_type == "PERSON"


@pytest.mark.parametrize(
    "text, code",
    [
        ("Federica Mogherini met the ministers in Brussels.", "IGOEU"),
        ("Fighters of the Rapid Support Forces shelled the town.", "SDNREB"),
        ("Abdel Fattah al-Burhan visited the troops.", "SDNGOV"),
        ("The Tatmadaw bombed the village.", "MMRMIL"),
    ],
)
def test_actors_of_the_2020s(coder, nlp, text, code) -> None:
    codes = {m.code for m in coder.find(nlp(text), dt.date(2024, 5, 1))}
    assert code in codes
