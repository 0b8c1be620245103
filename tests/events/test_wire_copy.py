"""Mechanisms that invented or doubled events on fresh wire copy and press releases (the
self-written probe of tests/events/fresh_probe), each on sentences of our own with the actors
given directly."""

from __future__ import annotations


def _codes(events) -> set[tuple[str | None, str | None, str]]:
    return {
        (e.source.code if e.source else None, e.target.code if e.target else None, e.cameo)
        for e in events
    }


def test_a_state_or_organisation_never_acts_on_itself(code_sentence):
    # two mentions resolved to the same state or organisation: a misread pair
    text = "The Council and the agency discussed the crisis on Monday."
    assert code_sentence(text, {"Council": "IGOUNO", "agency": "IGOUNO"}) == []
    events = code_sentence(text, {"Council": "IGOUNO", "agency": "IGOEU"})
    assert {("IGOUNO", "IGOEU"), ("IGOEU", "IGOUNO")} <= {
        (e.source.code, e.target.code) for e in events
    }
    # two officials of one government stay a domestic event
    events = code_sentence(
        "The minister and the governor discussed the budget.",
        {"minister": "NORGOV", "governor": "NORGOV"},
    )
    assert {(e.source.code, e.target.code) for e in events} == {("NORGOV", "NORGOV")}


def test_a_violent_participle_adjunct_is_the_same_act(code_sentence):
    actors = {"Gunmen": "PAKCRM", "officers": "PAKCOP"}
    events = code_sentence("Gunmen attacked a checkpoint, killing four officers.", actors)
    assert [(e.trigger_text, e.target.code if e.target else None) for e in events] == [
        ("attacked", "PAKCOP")
    ]
    # a target of its own stays: the adjunct only adds one where the act names none
    actors = {"rebels": "SDNREB", "army": "SDNMIL", "civilians": "SDNCVL"}
    events = code_sentence("The rebels shelled the army, killing two civilians.", actors)
    assert [(e.source.code, e.target.code) for e in events] == [("SDNREB", "SDNMIL")]


def test_a_gerund_used_as_a_noun_names_no_act(code_sentence):
    actors = {"Norway": "NOR", "Sweden": "SWE"}
    events = code_sentence(
        "Norway expressed concern about reports of renewed fighting in Sweden.", actors
    )
    assert not [e for e in events if e.cameo[:2] in {"18", "19", "20"}]
    # a gerund with an object of its own is still a verb
    events = code_sentence("Norway denied shelling Sweden.", actors)
    assert [(e.cameo[:2], e.negated) for e in events if e.target] == [("19", True)]


def test_a_passive_forecast_is_no_plan(code_sentence):
    actors = {"Norway": "NOR", "Sweden": "SWE"}
    assert code_sentence("Norway and Sweden are expected to sign a defence pact.", actors) == []
    assert code_sentence("Norway is believed to have attacked Sweden.", actors) == []
    # the subject's own expectation stays an intent
    events = code_sentence("Norway expects to sign a defence pact with Sweden.", actors)
    assert [e.cameo[:2] for e in events] == ["03"]


def test_flying_to_a_place_is_a_visit(code_sentence):
    actors = {"minister": "NORGOV", "Sweden": "SWE"}
    events = code_sentence("The minister flew to Sweden to discuss trade.", actors)
    assert _codes(events) == {("NORGOV", "SWE", "042")}


def test_a_court_sentence_is_no_event(code_sentence):
    actors = {"court": "TURJUD", "mayor": "TURGOV"}
    assert code_sentence("A court sentenced the mayor to eight years in prison.", actors) == []


def test_an_institution_named_as_a_place_is_no_side(code_sentence):
    # "in the capital", "in court": where the act happens, not who does it or to whom
    actors = {"leaders": "---PTY", "capital": "---GOV"}
    assert code_sentence("Party leaders celebrated in the capital.", actors) == []
    actors = {"suspects": "NGACRM", "court": "NGAJUD"}
    assert code_sentence("The suspects will be charged in court next week.", actors) == []


def test_a_reaction_is_aimed_at_the_act_just_reported(code_sentence):
    actors = {"China": "CHN", "Philippines": "PHL", "Manila": "PHLGOV"}
    events = code_sentence(
        "China lodged a protest with the Philippines. Manila rejected the protest.", actors
    )
    assert ("PHLGOV", "CHN") in {(e.source.code, e.target and e.target.code) for e in events}
    # an object that is no act noun, or an indefinite one, takes no earlier actor
    events = code_sentence(
        "China lodged a protest with the Philippines. Manila rejected a proposal.", actors
    )
    assert ("PHLGOV", "CHN") not in {(e.source.code, e.target and e.target.code) for e in events}


def test_members_of_a_group_are_not_a_second_target(code_sentence):
    actors = {
        "government": "VENGOV",
        "18 political prisoners": "VENOPP",
        "two opposition lawmakers": "VENLEG",
    }
    events = code_sentence(
        "The government freed 18 political prisoners on Thursday, including two opposition"
        " lawmakers, in what rights groups described as a gesture.",
        actors,
    )
    assert [(e.source.code, e.target.code) for e in events] == [("VENGOV", "VENOPP")]


def test_an_attribution_after_the_clause_reports_it(code_sentence):
    actors = {"Armenia": "ARM", "Azerbaijan": "AZE"}
    events = code_sentence(
        "Armenia met Azerbaijan in Geneva on Tuesday, a spokesperson for the ministry said.",
        actors,
    )
    assert {e.modality for e in events} == {"reported"}
    # a speech verb coordinated with content of its own is another act, not the attribution
    events = code_sentence("Armenia met Azerbaijan on Tuesday and said it would continue.", actors)
    assert {e.modality for e in events if e.trigger_text == "met"} == {"asserted"}


def test_a_gapped_second_object_is_the_verb_s(code_sentence):
    # the parse hangs "Greece" on the first object's date ("on 4 May and Greece")
    actors = {"The minister": "FINGOV", "Turkey": "TUR", "Greece": "GRC"}
    text = "The minister visited Turkey on 4 May and Greece from 5-6 May 2016."
    targets = {e.target.code for e in code_sentence(text, actors) if e.target}
    assert targets == {"TUR", "GRC"}
