"""Two participles under one passive auxiliary ("was arrested and killed by X"): the second is
passive too, its target is the shared subject, and one violent act gives one event. Sentences
of our own."""

from __future__ import annotations


def _codes(events) -> set[tuple[str | None, str | None, str]]:
    return {
        (e.source.code if e.source else None, e.target.code if e.target else None, e.cameo)
        for e in events
    }


def test_the_agent_of_the_second_participle_is_the_source(code_sentence):
    events = code_sentence(
        "A senior Harakat commander was struck and killed by a Norwegian drone near Tromso.",
        {"Harakat commander": "IMGHRK", "Norwegian": "NOR"},
    )
    codes = _codes(events)
    assert ("NOR", "IMGHRK", "190") in codes
    assert not any(source == "IMGHRK" for source, _, _ in codes)


def test_a_coerced_subject_is_no_attacker(code_sentence):
    events = code_sentence(
        "The Harakat organiser was detained and later shot by Norwegian police in Bergen.",
        {"Harakat organiser": "IMGHRK", "Norwegian police": "NORCOP"},
    )
    assert not any(e.source and e.source.code == "IMGHRK" for e in events)


def test_one_violent_act_told_by_two_participles_is_one_event(code_sentence):
    events = code_sentence(
        "The Harakat commander was bombed and killed by Norwegian aircraft near Tromso.",
        {"Harakat commander": "IMGHRK", "Norwegian aircraft": "NORMIL"},
    )
    pairs = [(e.source.code, e.target.code) for e in events if e.source and e.target]
    assert pairs.count(("NORMIL", "IMGHRK")) == 1
