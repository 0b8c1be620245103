"""A passive act whose "by" phrase names a strike or a weapon: its owner did it."""

from __future__ import annotations


def _pairs(events):
    return {
        (e.source.code if e.source else None, e.target.code if e.target else None) for e in events
    }


def test_the_owner_of_a_drone_strike_is_the_source(code_sentence) -> None:
    events = code_sentence(
        "Two militia commanders were killed by a Ruritanian drone strike in Zenda.",
        {"militia commanders": "---REB", "Ruritanian": "RUR", "Zenda": "ZEN"},
    )
    assert ("RUR", "---REB") in _pairs(events)
    assert not [e for e in events if e.source and e.source.code == "ZEN"]  # where, not who
    assert all(e.cameo.startswith("19") for e in events)


def test_a_weapon_owned_by_an_actor(code_sentence) -> None:
    events = code_sentence(
        "The convoy commander was killed by a Ruritanian missile near Zenda.",
        {"convoy commander": "GRDMIL", "Ruritanian": "RUR", "Zenda": "ZEN"},
    )
    assert _pairs(events) == {("RUR", "GRDMIL")}


def test_the_place_the_strike_names_is_no_source(code_sentence) -> None:
    # "on the Ruritanian base" says where the strike fell, not whose strike it was
    events = code_sentence(
        "Three soldiers were killed by a strike on the Ruritanian base.",
        {"soldiers": "---MIL", "Ruritanian": "RUR"},
    )
    assert not [e for e in events if e.source and e.source.code == "RUR"]


def test_an_attack_by_an_actor_later_in_the_phrase(code_sentence) -> None:
    events = code_sentence(
        "Five policemen were killed by an attack on the checkpoint by Zendan fighters.",
        {"policemen": "RURCOP", "Zendan fighters": "ZENREB"},
    )
    assert ("ZENREB", "RURCOP") in _pairs(events)


def test_a_plain_agent_is_unchanged(code_sentence) -> None:
    events = code_sentence(
        "The protesters were arrested by Ruritanian police.",
        {"protesters": "---CVL", "Ruritanian police": "RURCOP"},
    )
    assert ("RURCOP", "---CVL") in _pairs(events)


def test_an_operation_to_isolate_held_ground_is_aimed_at_its_holder(code_sentence) -> None:
    events = code_sentence(
        "The Northern Front has begun its operation to isolate the city and other "
        "Hawk-held territory.",
        {"The Northern Front": "---REB", "Hawk": "---UAF"},
    )
    assert ("---REB", "---UAF") in _pairs(events)
    assert all(e.cameo.startswith("19") for e in events)


def test_an_operation_to_defend_held_ground_is_not_aimed_at_its_holder(code_sentence) -> None:
    events = code_sentence(
        "The Northern Front has begun its operation to defend the Hawk-held territory.",
        {"The Northern Front": "---REB", "Hawk": "---UAF"},
    )
    assert ("---REB", "---UAF") not in _pairs(events)
