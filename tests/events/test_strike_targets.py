"""Whom an air strike hits when the parse hides it: an "against" phrase deep in the act's own
phrase, else the militant group last named (strike reports). Sentences of our own."""

from __future__ import annotations


def _codes(events) -> set[tuple[str | None, str | None, str]]:
    return {
        (e.source.code if e.source else None, e.target.code if e.target else None, e.cameo)
        for e in events
    }


ACTORS = {"Allied forces": "IGOCOA", "Harakat": "IMGHRK", "Norway": "NOR", "Sweden": "SWE"}


def test_an_against_phrase_under_the_weapons_names_the_target(code_sentence):
    events = code_sentence(
        "Near Tromso, Allied forces conducted 14 strikes coordinated with Norway using fighter "
        "aircraft against Harakat targets.",
        ACTORS,
    )
    codes = _codes(events)
    assert ("IGOCOA", "IMGHRK", "195") in codes
    assert ("IGOCOA", "NOR", "195") not in codes


def test_strikes_with_no_target_hit_the_group_named_just_before(code_sentence):
    events = code_sentence(
        "Harakat fighters seized the port on Monday. "
        "Allied forces later conducted five airstrikes, delivering 40 munitions.",
        ACTORS,
    )
    assert ("IGOCOA", "IMGHRK", "195") in _codes(events)


def test_strikes_with_no_group_named_nearby_have_no_target(code_sentence):
    events = code_sentence(
        "Harakat fighters seized the port in May. The port reopened. Ships came back. "
        "Trade grew. Allied forces later conducted five airstrikes, delivering 40 munitions.",
        ACTORS,
    )
    assert not any(target == "IMGHRK" for _, target, _ in _codes(events))


def test_the_striker_is_never_its_own_target(code_sentence):
    events = code_sentence(
        "Harakat fighters seized the port. Harakat then conducted two air strikes.", ACTORS
    )
    assert not any(source == target for source, target, _ in _codes(events))


def test_a_list_of_aircraft_kinds_is_no_attack(code_sentence):
    events = code_sentence(
        "Allied forces conducted 9 strikes using attack, bomber and fighter aircraft against "
        "Harakat targets.",
        ACTORS,
    )
    assert [e.cameo for e in events if e.cameo.startswith("19")] == ["195"]


def test_an_offensive_is_against_whom_its_purpose_names(code_sentence):
    # the purpose infinitive is no event of its own, but it says whom the offensive is against
    actors = {"Kenyan troops": "KENMIL", "Somali militants": "SOMREB"}
    events = code_sentence(
        "Kenyan troops launched an offensive to retake Kismayo from Somali militants.", actors
    )
    assert [(e.source.code, e.target.code if e.target else None, e.cameo[:2]) for e in events] == [
        ("KENMIL", "SOMREB", "19")
    ]
