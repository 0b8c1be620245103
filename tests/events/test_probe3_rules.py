"""Mechanisms that invented events or misread them on the third fresh-text probe
(tests/events/fresh_probe/probe3.jsonl), each on sentences of our own with the actors given
directly."""

from __future__ import annotations

import dataclasses


def _codes(events) -> set[tuple[str | None, str | None, str]]:
    return {
        (e.source.code if e.source else None, e.target.code if e.target else None, e.cameo[:2])
        for e in events
    }


def test_what_an_accusation_alleges_is_no_act_of_the_accuser(code_sentence):
    actors = {"Norway": "NOR", "Sweden": "SWE", "rebels": "---REB"}
    events = code_sentence("Norway accuses Sweden of sheltering the rebels.", actors)
    assert _codes(events) == {("NOR", "SWE", "11")}
    # however the parse hangs the gerund ("each other" as the object it hangs on)
    events = code_sentence("Norway and Sweden accused each other of violating the truce.", actors)
    assert {c for _, _, c in _codes(events)} == {"11"}
    # a suspicion the same way; the suspicion itself is no event either
    events = code_sentence("Sweden is suspected of arming the rebels.", actors)
    assert not [e for e in events if e.cameo[:2] == "07"]


def test_a_noun_the_verb_pattern_names_is_no_second_event(code_sentence):
    actors = {"Norway": "NORGOV", "rebels": "---REB"}
    events = code_sentence("Norway suspended peace talks with the rebels on Monday.", actors)
    assert [e.cameo[:2] for e in events] == ["16"]


def test_a_length_of_time_is_not_what_a_fight_is_for(code_sentence):
    actors = {"Norwegian troops": "NORMIL", "the rebels": "---REB"}
    events = code_sentence("Norwegian troops and the rebels clashed for a third day.", actors)
    assert {(s, t, c) for s, t, c in _codes(events)} == {
        ("NORMIL", "---REB", "19"),
        ("---REB", "NORMIL", "19"),
    }


def test_a_town_near_which_they_fight_is_no_side(nlp, extractor, make_mentions):
    doc = nlp("Norwegian troops and the rebels clashed near the town of Garba on Sunday.")
    mentions = make_mentions(
        doc,
        {"Norwegian troops": "NORMIL", "the rebels": "---REB", "the town of Garba": "NORCVL"},
    )
    # the tagger may read a town's name as a person: still a place
    mentions = [
        dataclasses.replace(m, entity_type="PERSON") if m.text.startswith("the town") else m
        for m in mentions
    ]
    events = extractor.extract(doc, mentions)
    assert {(e.source.code, e.target.code if e.target else None) for e in events} == {
        ("NORMIL", "---REB"),
        ("---REB", "NORMIL"),
    }


def test_a_subject_read_as_a_compound_of_the_verb_still_acts(code_sentence):
    # the parse reads "EU" as a compound of "calls" (no nsubj): a verb has no compounds
    events = code_sentence(
        "The EU calls on the Moldovan authorities to release them and to respect their "
        "commitments on freedom of expression.",
        {"The EU": "IGOEU", "the Moldovan authorities": "MDAGOV", "them": "MDAGOV"},
    )
    assert ("IGOEU", "MDAGOV", "02") in _codes(events)


def test_urging_is_an_appeal_whatever_it_urges(code_sentence):
    actors = {"Norway": "NOR", "Sweden": "SWE"}
    # with no infinitive for the REQUEST frame to govern, the verb's own code
    events = code_sentence("Norway urged restraint on Sweden.", actors)
    assert _codes(events) == {("NOR", "SWE", "02")}


def test_who_is_called_on_is_the_addressee_of_the_appeal(code_sentence):
    actors = {"Kenya": "KEN", "Somalia": "SOM"}
    events = code_sentence("Kenya called on Somalia on Monday to respect its commitments.", actors)
    assert ("KEN", "SOM", "02") in _codes(events)


def test_the_word_nearest_the_verb_decides_among_equal_patterns(code_sentence):
    # "gratitude" (051) and "assistance" (033, a promise of aid) both follow "expressed"
    actors = {"Zambia": "ZMB", "Japan": "JPN"}
    events = code_sentence("Zambia expressed its gratitude for Japan's assistance.", actors)
    assert _codes(events) == {("ZMB", "JPN", "05")}


def test_appreciation_to_someone_praises_them(code_sentence):
    actors = {"Norway": "NOR", "Sweden": "SWEGOV"}
    events = code_sentence("Norway expressed its deep appreciation to Sweden for its help.", actors)
    assert _codes(events) == {("NOR", "SWEGOV", "05")}


def test_a_courtesy_call_is_a_visit_not_a_payment(code_sentence):
    actors = {"The Norwegian minister": "NORGOV", "the Swedish minister": "SWEGOV"}
    events = code_sentence(
        "The Norwegian minister paid a courtesy call on the Swedish minister.", actors
    )
    assert _codes(events) == {("NORGOV", "SWEGOV", "04")}


def test_a_warning_of_what_is_happening_is_no_threat(code_sentence):
    actors = {"The UN": "IGOUNO", "Norway": "NOR", "Sweden": "SWE", "it": "NOR"}
    events = code_sentence("The UN warned that cuts to aid budgets were costing lives.", actors)
    assert events == []
    # a warning of what will be done stays a threat
    events = code_sentence("Norway warned that Sweden would face consequences.", actors)
    assert ("NOR", "SWE", "13") in _codes(events)


def test_blocking_a_text_is_a_veto_and_blocking_a_motorway_a_protest(code_sentence):
    actors = {"Norway": "NOR", "the European Union": "IGOEU", "Norwegian farmers": "NORAGR"}
    events = code_sentence("Norway blocked a statement of the European Union on Monday.", actors)
    assert ("NOR", "IGOEU", "12") in _codes(events)
    events = code_sentence("Norwegian farmers blocked motorways with tractors.", actors)
    assert {c for _, _, c in _codes(events)} == {"14"}


def test_what_an_act_is_compared_with_is_no_party(code_sentence):
    actors = {"Norway": "NOR", "Sweden": "SWE", "Mali": "MLI"}
    events = code_sentence("Norway has committed more aid than Sweden.", actors)
    assert not [e for e in events if e.target is not None and e.target.code == "SWE"]
    events = code_sentence("Norway gave more money to Mali than Sweden.", actors)
    assert {(s, t) for s, t, _ in _codes(events)} == {("NOR", "MLI")}
