"""What is fired may be an amount of projectiles ("dozens of rounds of artillery"): it is the
instrument, and the place it is fired into is the target. Sentences of our own."""

from __future__ import annotations


def _codes(events) -> set[tuple[str | None, str | None, str]]:
    return {
        (e.source.code if e.source else None, e.target.code if e.target else None, e.cameo[:2])
        for e in events
    }


def test_an_amount_of_shells_fired_into_a_state(code_sentence):
    events = code_sentence(
        "Norway retaliated by firing dozens of rounds of artillery into Sweden.",
        {"Norway": "NOR", "Sweden": "SWE"},
    )
    assert ("NOR", "SWE", "19") in _codes(events)


def test_the_artillery_is_no_target(code_sentence):
    events = code_sentence(
        "Norwegian forces fired hundreds of rounds of artillery at Swedish positions.",
        {"Norwegian forces": "NORMIL", "artillery": "---MIL", "Swedish positions": "SWEMIL"},
    )
    codes = _codes(events)
    assert ("NORMIL", "SWEMIL", "19") in codes
    assert not any(target == "---MIL" for _, target, _ in codes)
