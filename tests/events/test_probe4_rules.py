"""Verb codes that misread the fourth fresh-text probe (tests/events/fresh_probe/probe4.jsonl),
each on sentences of our own with the actors given directly."""

from __future__ import annotations


def _codes(events) -> set[tuple[str | None, str | None, str]]:
    return {
        (e.source.code if e.source else None, e.target.code if e.target else None, e.cameo)
        for e in events
    }


def test_shooting_down_is_military_force_whatever_weapon_shoots(code_sentence):
    actors = {"Danish fighter jets": "DNKMIL", "two Russian drones": "RUSMIL"}
    events = code_sentence("Danish fighter jets shot down two Russian drones.", actors)
    assert _codes(events) == {("DNKMIL", "RUSMIL", "190")}


def test_blacklisting_is_a_sanction(code_sentence):
    actors = {"Japan": "JPNGOV", "four Russian banks": "RUSBUS"}
    events = code_sentence("Japan blacklisted four Russian banks on Friday.", actors)
    assert _codes(events) == {("JPNGOV", "RUSBUS", "163")}


def test_approving_sanctions_imposes_them(code_sentence):
    actors = {"Canada": "CANGOV", "Belarus": "BLR"}
    events = code_sentence("Canada approved new sanctions against Belarus.", actors)
    assert {c[:2] for _, _, c in _codes(events)} == {"16"}


def test_refugees_fleeing_grant_no_asylum(code_sentence):
    actors = {"refugees": "---REF", "Myanmar": "MMR", "Thailand": "THA"}
    events = code_sentence("Thousands of refugees fled from Myanmar into Thailand.", actors)
    assert not [e for e in events if e.cameo.startswith("07")]


def test_blocking_avenues_is_a_protest(code_sentence):
    actors = {"Taxi drivers": "ARGLAB"}
    events = code_sentence("Taxi drivers blocked avenues in the capital on Monday.", actors)
    assert _codes(events) == {("ARGLAB", None, "144")}
