"""Precision rules for real news (issue 11, tenth session), each on sentences of our own:
questions put to someone, "demonstrate" as "show", and mentions that name no party of the
act (events.nonparties)."""

from __future__ import annotations


def _codes(events) -> set[tuple[str | None, str | None, str]]:
    return {
        (e.source.code if e.source else None, e.target.code if e.target else None, e.cameo)
        for e in events
    }


ASKERS = {
    "The Tanzanian minister": "TZAGOV",
    "Kenyan officials": "KENGOV",
    "Kenyan troops": "KENMIL",
    "Kenya": "KEN",
}


def test_a_question_put_to_someone_is_no_appeal(code_sentence):
    for text in (
        "The Tanzanian minister asked Kenyan officials how the files had gone missing.",
        (
            "The Tanzanian minister asked Kenyan officials whether Kenyan troops had attacked "
            "the village."
        ),
    ):
        events = code_sentence(text, ASKERS)
        assert not any(e.cameo.startswith("02") for e in events), text
        assert not any(e.cameo.startswith(("18", "19")) for e in events), text


def test_an_appeal_stays_an_appeal(code_sentence):
    events = code_sentence(
        "The Tanzanian minister asked Kenyan officials to return the files.", ASKERS
    )
    assert ("TZAGOV", "KENGOV", "020") in _codes(events)
    # "said that ..." is no question: the clause's "that" is no wh-word
    events = code_sentence("Kenya said that Kenyan troops must leave the village.", ASKERS)
    assert all(not e.cameo.startswith("14") for e in events)


def test_demonstrate_with_an_object_or_as_clause_is_no_protest(code_sentence):
    actors = {"The Kenyan government": "KENGOV", "the Kenyan minister": "KENGOV"}
    for text in (
        "The Kenyan government demonstrated its resolve to defeat the militants.",
        "The media obscure the facts, as the recent article by the Kenyan minister demonstrates.",
    ):
        assert not any(e.cameo.startswith("14") for e in code_sentence(text, actors)), text


def test_demonstrating_against_someone_is_a_protest(code_sentence):
    actors = {"Students": "KENEDU", "the Kenyan government": "KENGOV"}
    events = code_sentence("Students demonstrated against the Kenyan government.", actors)
    assert any(e.cameo.startswith("14") for e in events)


def test_a_state_hoped_for_is_no_party(code_sentence):
    actors = {"Kenya": "KEN", "Uganda": "UGA", "Somalia": "SOM"}
    events = code_sentence(
        "Kenya and Uganda reached a consensus on principles for a democratic Somalia.", actors
    )
    assert not any("SOM" in {e.source.code, e.target and e.target.code} for e in events)
    events = code_sentence("Kenya and Uganda reached a consensus with Somalia.", actors)
    assert ("KEN", "SOM") in {(e.source.code, e.target and e.target.code) for e in events}


def test_the_x_of_pro_x_is_no_party(code_sentence):
    actors = {"Veteran politicians": "KENPTY", "Beijing": "CHNGOV", "Students": "KENEDU"}
    events = code_sentence("Veteran politicians attacked the pro-Beijing camp.", actors)
    assert not any(e.target and e.target.code == "CHNGOV" for e in events)
    # a protest "anti-X" names is aimed at X
    actors = {"Students": "KENEDU", "Russian": "RUS"}
    events = code_sentence("Students staged anti-Russian protests in Nairobi.", actors)
    assert any(e.target and e.target.code == "RUS" for e in events)


def test_the_parts_of_a_group_listed_after_it_are_that_group(code_sentence):
    actors = {
        "The Kenyan rebel group": "KENREB",
        "its leader": "KENREB",
        "fighters": "KENUAF",
        "the Islamic State": "IMGMUSISI",
    }
    events = code_sentence(
        "The Kenyan rebel group, its leader and fighters, pledged allegiance to the Islamic State.",
        actors,
    )
    assert [e.source.code for e in events] == ["KENREB"]
    assert events[0].source.text == "The Kenyan rebel group"
    # allies are others
    actors = {"Russia": "RUS", "its allies": "BLR", "Ukraine": "UKR"}
    events = code_sentence("Russia and its allies attacked Ukraine.", actors)
    assert {"RUS", "BLR"} <= {e.source.code for e in events}


def test_members_listed_in_a_group_do_not_act_on_each_other(code_sentence):
    actors = {"Russia": "RUS", "Iran": "IRN"}
    events = code_sentence(
        "The international community, including Russia and Iran, must now work to support "
        "the ceasefire.",
        actors,
    )
    assert not any(e.target and {e.source.code, e.target.code} == {"RUS", "IRN"} for e in events)
    # two states named as the subject still act on each other
    events = code_sentence("Russia and Iran support the ceasefire.", actors)
    assert ("RUS", "IRN", "050") in _codes(events)


def test_uniting_is_no_meeting(code_sentence):
    actors = {
        "Kenyans": "KENCVL",
        "the militants": "KENREB",
        "The regime": "SYRGOV",
        "Syria": "SYR",
    }
    for text in (
        "As Kenyans unite against the militants, the army will act.",
        "The regime can never unite Syria.",
    ):
        assert not any(e.cameo.startswith("04") for e in code_sentence(text, actors)), text
    # an appeal to unite stays an appeal
    actors = {"The Tanzanian president": "TZAGOV", "Kenya": "KEN"}
    events = code_sentence("The Tanzanian president urged Kenya to unite.", actors)
    assert any(e.cameo.startswith("02") for e in events)


def test_an_actor_in_the_of_phrase_of_a_killing_is_its_victim(code_sentence):
    actors = {"Kenya": "KEN", "its communities": "KENCVL"}
    events = code_sentence(
        "Kenya is being ripped apart by this widespread destruction and the slaughter of its "
        "communities.",
        actors,
    )
    assert not any(e.source.code == "KENCVL" for e in events)
    # the massacre a named force carries out is coded, on its victims
    actors = {"Ugandan troops": "UGAMIL", "Kenyan villagers": "KENCVL"}
    events = code_sentence("Ugandan troops carried out the massacre of Kenyan villagers.", actors)
    assert ("UGAMIL", "KENCVL", "202") in _codes(events)


def test_an_adjective_of_readiness_describing_a_noun_is_no_intent(code_sentence):
    actors = {"Somali groups": "SOMUNK", "the Americans": "USACVL", "The Kenyan party": "KENPTY"}
    events = code_sentence(
        "The Kenyan party has been among the few Somali groups willing to cooperate with the "
        "Americans.",
        actors,
    )
    assert not any(e.cameo.startswith("03") for e in events)
    events = code_sentence("The Kenyan party is willing to cooperate with the Americans.", actors)
    assert any(e.cameo.startswith("03") for e in events)
    # a finite verb the tagger reads as an adjective is no description
    actors = {"Norwegian troops": "NORMIL", "the rebels": "---REB"}
    events = code_sentence("Norwegian troops and the rebels clashed on Sunday.", actors)
    assert any(e.cameo.startswith("19") for e in events)
