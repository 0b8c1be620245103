"""A nationality word before an organisation name known abroad names that state's body."""

from __future__ import annotations

import datetime as dt

DAY = dt.date(2016, 3, 1)


def _codes(coder, nlp, text):
    return {m.text: m.code for m in coder.find(nlp(text), DAY)}


def test_a_national_namesake_in_one_phrase_takes_the_nationality(coder, nlp) -> None:
    found = _codes(coder, nlp, "The Iraqi Hezbollah fired rockets at the base.")
    assert found.get("The Iraqi Hezbollah", "").startswith("IRQ")


def test_a_split_phrase_is_read_the_same(coder, nlp) -> None:
    text = "The Iraqi Islamic Party lead by a new man, has been among the few groups willing."
    found = _codes(coder, nlp, text)
    assert found.get("Islamic Party", "").startswith("IRQ")


def test_the_organisation_of_the_same_state_is_unchanged(coder, nlp) -> None:
    found = _codes(coder, nlp, "Russian Gazprom cut gas supplies on Monday.")
    assert found.get("Gazprom") == "RUSBUS"


def test_groups_of_no_state_keep_their_code(coder, nlp) -> None:
    found = _codes(coder, nlp, "Syrian ISIL fighters attacked the town.")
    assert any(code == "IMGMUSISI" for code in found.values())
