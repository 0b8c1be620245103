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
