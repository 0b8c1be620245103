"""Recall rules, fourth round (sentences of our own; each positive test fails on the code
before):

- the parties of a joint act named in a "between" phrase ("talks were held between A and B");
- "I want to thank X" performs the thanks (no intention of a later act);
- an infinitive's own "to" satisfies no pattern asking for a "to" phrase;
- a last line ending in an invisible format mark is no heading;
- a noun of a state its subject is in ("is in talks with", "has been at war with", "have been
  in touch with") is that subject's act.
"""

from __future__ import annotations


def _events(events):
    return {
        (
            e.source.code if e.source else None,
            e.target.code if e.target else None,
            e.cameo[:2],
        )
        for e in events
    }


def test_talks_held_between_two_parties(code_sentence) -> None:
    events = code_sentence(
        "Talks were held between Ruritanian officials and Zendan officials on Monday.",
        {"Ruritanian officials": "RURGOV", "Zendan officials": "ZENGOV"},
    )
    assert _events(events) == {("RURGOV", "ZENGOV", "04")}


def test_talks_between_two_parties_began(code_sentence) -> None:
    events = code_sentence(
        "Negotiations between Ruritania and Zenda resumed in the capital.",
        {"Ruritania": "RUR", "Zenda": "ZEN"},
    )
    assert _events(events) == {("RUR", "ZEN", "04")}


def test_meetings_with_each_state_the_representatives_stand_for(code_sentence) -> None:
    events = code_sentence(
        "A series of meetings will take place between the Ruritanian envoy and "
        "representatives of the governments of Zenda, Arnor and Gondor.",
        {
            "the Ruritanian envoy": "RURGOV",
            "representatives": "RURLEG",  # given the story's country by a guess
            "Zenda": "ZEN",
            "Arnor": "ARN",
            "Gondor": "GON",
        },
    )
    assert _events(events) == {
        ("RURGOV", "ZEN", "04"),
        ("RURGOV", "ARN", "04"),
        ("RURGOV", "GON", "04"),
    }


def test_talks_named_as_an_occasion_are_no_event(code_sentence) -> None:
    events = code_sentence(
        "During talks between Ruritania and Zenda, farmers gathered outside.",
        {"Ruritania": "RUR", "Zenda": "ZEN"},
    )
    assert not events


def test_saying_one_wants_to_congratulate_congratulates(code_sentence) -> None:
    events = code_sentence(
        "Today I want to congratulate Zenda and thank Arnor.",
        {"I": "RURGOV", "Zenda": "ZEN", "Arnor": "ARN"},
    )
    assert _events(events) == {("RURGOV", "ZEN", "05"), ("RURGOV", "ARN", "05")}


def test_wanting_to_meet_stays_an_intention(code_sentence) -> None:
    events = code_sentence("I want to meet the Zendan president.", {"I": "RURGOV", "Zendan": "ZEN"})
    assert {e.cameo[:2] for e in events} == {"03"}


def test_someone_elses_wish_to_thank_stays_an_intention(code_sentence) -> None:
    events = code_sentence(
        "The Ruritanian president wants to thank Zenda.",
        {"The Ruritanian president": "RURGOV", "Zenda": "ZEN"},
    )
    assert {e.cameo[:2] for e in events} == {"03"}


def test_a_last_line_ending_in_a_format_mark_is_coded(code_sentence) -> None:
    events = code_sentence(
        "Ruritania condemned Zenda.\n\nRuritania also thanked Arnor for its help.\u200e",
        {"Ruritania": "RUR", "Zenda": "ZEN", "Arnor": "ARN"},
    )
    assert ("RUR", "ARN", "05") in _events(events)


def test_a_deal_between_two_parties_as_a_topic_is_no_event(code_sentence) -> None:
    events = code_sentence(
        "Farmers protested against a trade deal between Ruritania and Zenda.",
        {"Farmers": "ARNAGR", "Ruritania": "RUR", "Zenda": "ZEN"},
    )
    assert not [e for e in events if e.cameo[:2] in {"04", "05"}]


def test_talks_between_two_parties_as_a_topic_are_no_event(code_sentence) -> None:
    events = code_sentence(
        "The envoy reviewed progress in the talks between Ruritania and Zenda.",
        {"Ruritania": "RUR", "Zenda": "ZEN"},
    )
    assert not events


def test_being_in_touch_is_consultation(code_sentence) -> None:
    events = code_sentence(
        "We have been in touch with senior Zendan officials.",
        {"We": "RURGOV", "senior Zendan officials": "ZENGOV"},
    )
    assert _events(events) == {("RURGOV", "ZENGOV", "04")}


def test_being_at_war_with_a_state(code_sentence) -> None:
    events = code_sentence(
        "Ruritania has been at war with Zenda since 2021.", {"Ruritania": "RUR", "Zenda": "ZEN"}
    )
    assert _events(events) == {("RUR", "ZEN", "19")}


def test_losing_contact_is_no_consultation(code_sentence) -> None:
    events = code_sentence(
        "The Ruritanian navy lost contact with the Zendan ship.",
        {"The Ruritanian navy": "RURMIL", "Zendan": "ZEN"},
    )
    assert not [e for e in events if e.cameo.startswith("04")]
