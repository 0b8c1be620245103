"""'The North' and 'the South' of Korea once both states are named. Sentences of our own."""

from __future__ import annotations

import datetime as dt

DAY = dt.date(2024, 3, 4)


def _codes(coder, nlp, text):
    return [(m.text, m.code) for m in coder.find(nlp(text), DAY) if m.entity_type != "PRON"]


def test_the_halves_are_the_states_once_both_are_named(coder, nlp) -> None:
    text = (
        "North Korea tested a cruise missile near the border with South Korea on Monday. "
        "The South put its troops on alert, and the North said the drills were a provocation."
    )
    codes = _codes(coder, nlp, text)
    assert ("The South", "KOR") in codes
    assert ("the North", "PRK") in codes


def test_a_region_or_a_name_is_no_state(coder, nlp) -> None:
    text = (
        "North Korea and South Korea held talks. Floods hit the south of the peninsula, "
        "and ships crossed the South China Sea."
    )
    codes = _codes(coder, nlp, text)
    assert not any(code in {"KOR", "PRK"} and "south" in name.lower() for name, code in codes[2:])


def test_without_both_states_the_south_is_a_region(coder, nlp) -> None:
    text = "Heavy rain fell in Italy. The South was worst hit, officials said."
    assert not any(code == "KOR" for _, code in _codes(coder, nlp, text))
