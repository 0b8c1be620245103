"""Verb codes that misread the fifth fresh-text probe (tests/events/fresh_probe/probe5.jsonl),
each on sentences of our own with the actors given directly."""

from __future__ import annotations


def _codes(events) -> set[tuple[str | None, str | None, str]]:
    return {
        (e.source.code if e.source else None, e.target.code if e.target else None, e.cameo)
        for e in events
    }


def test_a_protest_delivered_or_conveyed_to_a_government_is_an_official_complaint(
    code_sentence,
):
    actors = {"Chile": "CHLGOV", "the Argentine embassy": "ARGGOV"}
    events = code_sentence("Chile delivered a note of protest to the Argentine embassy.", actors)
    assert {c[:2] for _, _, c in _codes(events)} == {"11"}
    actors = {"Ghana": "GHAGOV", "Togo": "TGOGOV"}
    events = code_sentence("Ghana conveyed its protest to Togo on Monday.", actors)
    assert {c[:2] for _, _, c in _codes(events)} == {"11"}


def test_studying_a_plan_or_proposal_investigates_no_one(code_sentence):
    actors = {"The rebels": "COLREB"}
    for text in ("The rebels were studying the plan.", "The rebels studied the proposal."):
        assert not code_sentence(text, actors)


def test_hijacking_a_ship_is_an_abduction(code_sentence):
    actors = {"Pirates": "SOMCRM", "a fishing vessel": "YEMBUS"}
    events = code_sentence("Pirates hijacked a fishing vessel off the coast.", actors)
    assert {c[:2] for _, _, c in _codes(events)} == {"18"}


def test_beating_protesters_with_batons_is_an_assault(code_sentence):
    actors = {"Police": "KENCOP", "students": "KENEDU"}
    events = code_sentence("Police beat students with batons.", actors)
    assert _codes(events) == {("KENCOP", "KENEDU", "182")}


def test_freezing_accounts_is_a_financial_sanction(code_sentence):
    actors = {"Kenya": "KENGOV", "two Somali traders": "SOMBUS"}
    events = code_sentence("Kenya froze the accounts of two Somali traders.", actors)
    assert _codes(events) == {("KENGOV", "SOMBUS", "163")}
