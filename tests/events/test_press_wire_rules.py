"""Mechanisms that invented events or misread actors on the second fresh-text probe
(tests/events/fresh_probe/probe2.jsonl: wire leads, press releases, statements), each on
sentences of our own with the actors given directly."""

from __future__ import annotations


def _codes(events) -> set[tuple[str | None, str | None, str]]:
    return {
        (e.source.code if e.source else None, e.target.code if e.target else None, e.cameo)
        for e in events
    }


def test_a_kind_of_thing_is_no_party(code_sentence):
    # "a state visit": the word names a kind of visit, not a government standing there
    actors = {"Norway": "NOR", "Chile": "CHL", "state": "---GOV"}
    events = code_sentence("Norway and Chile signed a trade deal during a state visit.", actors)
    assert {(s, t) for s, t, _ in _codes(events)} == {("NOR", "CHL"), ("CHL", "NOR")}


def test_a_condemned_attack_is_not_the_condemners(code_sentence):
    actors = {"Norway": "NORGOV", "Sweden": "SWE"}
    events = code_sentence(
        "Norway strongly condemns the attack on an aid convoy in Sweden.", actors
    )
    assert not [e for e in events if e.cameo[:2] in {"18", "19", "20"}]
    # a light verb's subject still does what its object names
    events = code_sentence("Norway launched an attack on Sweden.", actors)
    assert [(e.source.code, e.cameo[:2]) for e in events] == [("NORGOV", "19")]


def test_a_condemnation_is_a_criticism(code_sentence):
    events = code_sentence(
        "Norway expressed its strong condemnation of Sweden.", {"Norway": "NOR", "Sweden": "SWE"}
    )
    assert [e.cameo[:2] for e in events] == ["11"]


def test_reaffirming_a_rejection_restates_a_position(code_sentence):
    events = code_sentence(
        "The ministry reaffirmed Norway's firm rejection of all forms of terrorism.",
        {"ministry": "---GOV", "Norway": "NOR"},
    )
    assert events == []


def test_summoning_a_diplomat_is_a_protest(code_sentence):
    events = code_sentence(
        "Norway summoned Sweden's ambassador on Monday.",
        {"Norway": "NOR", "ambassador": "SWEGOV"},
    )
    assert {(s, t, c[:2]) for s, t, c in _codes(events)} == {("NOR", "SWEGOV", "11")}


def test_a_clause_after_comma_and_is_no_list_member(code_sentence):
    actors = {"Norway": "NOR", "Sweden": "SWE", "Danish companies": "DNKBUS", "Finland": "FIN"}
    events = code_sentence(
        "Norway blamed Sweden for cyber attacks on Danish companies, and Finland recalled "
        "its ambassador from Sweden.",
        actors,
    )
    assert not [e for e in events if e.source is not None and e.source.code == "DNKBUS"]


def test_what_is_fired_is_no_target(code_sentence):
    # the actor dictionaries list drones and missiles as military agents ("Russian drones
    # attacked Kyiv"); fired, they are the instrument and the "at" phrase is the target
    actors = {"Norway": "NOR", "Sweden": "SWE", "drones": "NORMIL", "missiles": "---MIL"}
    events = code_sentence("Norway launched 40 drones and 30 missiles at Sweden overnight.", actors)
    assert {(s, t, c[:2]) for s, t, c in _codes(events)} == {("NOR", "SWE", "19")}
    # fired at no one named, the act is still one ("into the sea")
    events = code_sentence("Norway fired two missiles into the sea on Tuesday.", actors)
    assert {(s, t, c[:2]) for s, t, c in _codes(events)} == {("NOR", None, "19")}


def test_co_hosts_are_not_each_others_guests(code_sentence):
    actors = {"Norway": "NOR", "Sweden": "SWE"}
    events = code_sentence("Norway and Sweden will host a new round of talks next month.", actors)
    assert not [e for e in events if e.source and e.target]
    # a reciprocal act of a compound subject stays one each way
    events = code_sentence("Norway and Sweden will resume talks next month.", actors)
    assert {(s, t) for s, t, _ in _codes(events)} == {("NOR", "SWE"), ("SWE", "NOR")}


def test_a_warning_of_what_the_warned_will_undergo_is_the_warners_threat(code_sentence):
    actors = {"Kenya": "KEN", "Somalia": "SOM", "Boko Haram": "NGAREB", "schools": "NGAEDU"}
    events = code_sentence("Kenya warned that Somalia would face consequences.", actors)
    assert ("KEN", "SOM", "130") in _codes(events)
    assert not [e for e in events if e.source and e.source.code == "SOM"]
    # a report of what the warned party does now is no threat of the warner's
    events = code_sentence("Kenya warned that Somalia continued to block the roads.", actors)
    assert not [e for e in events if e.source and e.source.code == "KEN"]
