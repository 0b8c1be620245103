"""Clauses that report no act (``eventcoder.events.nonacts`` and the rules of the event stage
it feeds), each on sentences of our own."""

from __future__ import annotations


def _codes(events) -> set[tuple[str | None, str | None, str]]:
    return {
        (e.source.code if e.source else None, e.target.code if e.target else None, e.cameo)
        for e in events
    }


def test_a_modal_continue_states_a_policy(code_sentence):
    actors = {"Norway": "NOR", "Somalia": "SOM", "army": "SDNMIL", "rebels": "SDNREB"}
    # under "will/must continue" or "keep" the act goes on as a policy: no event
    assert code_sentence("Norway will continue to send aid to Somalia.", actors) == []
    assert code_sentence("The army will keep shelling the rebels.", actors) == []
    assert code_sentence("Norway must continue its support for Somalia.", actors) == []
    # a gerund adjunct of the policy is part of it
    assert (
        code_sentence("Norway will continue its mission, delivering aid to Somalia.", actors) == []
    )
    # the past reports what went on, and the act without "continue" is an event
    past = _codes(code_sentence("The army continued to shell the rebels.", actors))
    assert any(s == "SDNMIL" and t == "SDNREB" and c.startswith("19") for s, t, c in past)
    assert ("NOR", "SOM", "070") in _codes(
        code_sentence("Norway delivered aid to Somalia.", actors)
    )


def test_standing_policy_reads_the_clause(nlp):
    from eventcoder.events.nonacts import standing_policy

    doc = nlp("Kenya will continue to urge both sides to talk.")
    assert standing_policy(next(t for t in doc if t.text == "urge"))
    doc = nlp("Kenya continued to urge both sides to talk.")
    assert not standing_policy(next(t for t in doc if t.text == "urge"))
    doc = nlp("Kenya will urge both sides to talk.")
    assert not standing_policy(next(t for t in doc if t.text == "urge"))


def test_an_object_elsewhere_is_no_stand_in_subject(code_sentence):
    # the subject names no actor; the refugees are what the first verb acts on, not who
    # condemned Jordan
    actors = {"refugees": "SYRREF", "Jordan": "JOR"}
    for text in (
        "Mr Moreau met the refugees, and condemned Jordan.",
        "Ms Okafor praised the refugees and criticised Jordan.",
        "Local groups focused on supporting refugees, and preventing attacks on Jordan.",
    ):
        assert not any(e.source and e.source.code == "SYRREF" for e in code_sentence(text, actors))
    # a coded subject still acts in both clauses
    events = code_sentence("Jordan welcomed the refugees and criticised the aid cuts.", actors)
    assert ("JOR", "SYRREF", "051") in _codes(events)


def test_object_elsewhere_reads_the_phrase(nlp, make_mentions):
    from eventcoder.events.roles import ActorIndex

    doc = nlp("Kenya reduced the influx of fighters, challenging the militias.")
    index = ActorIndex(doc, make_mentions(doc, {"fighters": "SOMUAF", "Kenya": "KEN"}))
    challenging = next(t for t in doc if t.text == "challenging")
    fighters, kenya = index.mentions[1], index.mentions[0]
    assert index.object_elsewhere(fighters, challenging)
    assert not index.object_elsewhere(kenya, challenging)


def test_a_participle_before_a_passive_is_done_by_its_subject(nlp):
    from eventcoder.events.match import subjects_of

    doc = nlp("Having crossed the border, the soldiers were attacked by rebels.")
    crossed = next(t for t in doc if t.text == "crossed")
    assert [t.text for t in subjects_of(crossed)] == ["soldiers"]
    # after its clause, the participle keeps the agent ("hit by a bomb, killing four")
    doc = nlp("The convoy was hit by a bomb, killing four soldiers.")
    killing = next(t for t in doc if t.text == "killing")
    assert [t.text for t in subjects_of(killing)] == ["bomb"]


def test_a_participle_clause_of_time_sets_the_scene(code_sentence):
    actors = {"police": "KENCOP", "gunmen": "SOMREB", "Kenyan": "KEN", "Somali": "SOM"}
    events = code_sentence("After arresting the gunmen, the police were attacked by a mob.", actors)
    assert not any(e.trigger_text == "arresting" for e in events)
    events = code_sentence(
        "While visiting the Somali capital, the Kenyan envoy praised Somali troops.", actors
    )
    assert not any(e.trigger_text == "visiting" for e in events)
    # a finite clause of time reports its act
    events = code_sentence("After the police arrested the gunmen, a mob gathered.", actors)
    assert ("KENCOP", "SOMREB", "173") in _codes(events)


def test_a_reduced_passive_describes(code_sentence):
    actors = {"Bolivia": "BOL", "rebels": "COLREB", "army": "COLMIL", "Ana Ruiz": "CHLGOV"}
    # the participle describes the talks or the rebels: no hosting, no support by the subject
    events = code_sentence("Ana Ruiz flew to the talks, hosted by Bolivia, on Monday.", actors)
    assert not any(e.trigger_text == "hosted" for e in events)
    events = code_sentence(
        "The rebels, made up of local farmers and supported by Bolivia, attacked the army.", actors
    )
    assert not any(e.trigger_text == "supported" for e in events)
    # the same act as a clause of its own is reported
    events = code_sentence("Bolivia hosted the talks with Ana Ruiz.", actors)
    assert ("BOL", "CHLGOV", "043") in _codes(events)
    assert ("BOL", "COLREB", "050") in _codes(
        code_sentence("Bolivia supported the rebels.", actors)
    )


def test_reduced_passive_reads_the_clause(nlp):
    from eventcoder.events.nonacts import reduced_passive

    doc = nlp("The strait, disputed by Chile and Peru, was closed.")
    assert reduced_passive(next(t for t in doc if t.text == "disputed"))
    doc = nlp("The strait was disputed by Chile and Peru.")
    assert not reduced_passive(next(t for t in doc if t.text == "disputed"))


def test_a_participle_sharing_a_passive_auxiliary_is_passive(code_sentence, nlp):
    from eventcoder.events.match import is_passive

    doc = nlp("Ten rebels were arrested and later released by the army.")
    assert is_passive(next(t for t in doc if t.text == "released"))
    doc = nlp("Police arrested and questioned the students.")
    assert not is_passive(next(t for t in doc if t.text == "questioned"))
    # the agent releases the rebels, not the other way round
    actors = {"rebels": "COLREB", "army": "COLMIL"}
    events = code_sentence("Ten rebels were arrested and later released by the army.", actors)
    assert ("COLMIL", "COLREB", "084") in _codes(events)
    assert not any(e.source and e.source.code == "COLREB" for e in events)


def test_an_apposition_closed_by_a_comma_is_one_target(code_sentence):
    actors = {"Kenyan Foreign Minister": "KENGOV", "Ruth Achieng": "KENELI", "Mali": "MLI"}
    events = code_sentence(
        "Mali met the Kenyan Foreign Minister, Ruth Achieng, to discuss trade.", actors
    )
    assert {e.target.code for e in events if e.target} == {"KENGOV"}
    # a list goes on after its comma
    actors = {"Chad": "TCD", "Niger": "NER", "Benin": "BEN", "Mali": "MLI"}
    events = code_sentence("Mali met Chad, Niger, Benin and others.", actors)
    assert {e.target.code for e in events if e.target} == {"TCD", "NER", "BEN"}


def test_an_actor_two_phrases_down_the_object_is_no_target(nlp, make_mentions):
    from eventcoder.events.roles import ActorIndex

    doc = nlp("Chile proposed a plan on the future of Bolivia to Peru.")
    index = ActorIndex(doc, make_mentions(doc, {"Bolivia": "BOL"}))
    initiative = next(t for t in doc if t.text == "plan")
    assert index.for_head(initiative, phrases=1) is None
    assert index.for_head(initiative) is not None  # the default reads three links down
    # one phrase down, an owner: "the demands of Bolivia", "Bolivia's oil sector"
    doc = nlp("Chile rejected the demands of Bolivia.")
    index = ActorIndex(doc, make_mentions(doc, {"Bolivia": "BOL"}))
    demands = next(t for t in doc if t.text == "demands")
    assert index.for_head(demands, phrases=1) is not None
