"""Verb codes on news-like sentences of our own: corrected imported codes, verbs the tagger
mislabels, light verbs coded once, claims of responsibility, appeals."""

from __future__ import annotations

from pathlib import Path

from eventcoder.events.extract import EventCandidate
from eventcoder.events.patterns import load_patterns


def _dyads(events: list[EventCandidate]) -> list[tuple[str | None, str | None, str]]:
    return [
        (e.source.code if e.source else None, e.target.code if e.target else None, e.cameo)
        for e in events
    ]


def test_own_pattern_replaces_imported_one_of_same_id(tmp_path: Path):
    imported = tmp_path / "imported.txt"
    imported.write_text(
        "verb\tB\tcondemn\t111\tcondemn|condemned\n"
        "pattern\tB.2\tB\t018\tpre=\tpost=terrorist attack\tpreps=\n"
        "pattern\tB.3\tB\t1123\tpre=\tpost=aggression\tpreps=\n",
        encoding="utf-8",
    )
    own = tmp_path / "own.txt"
    own.write_text("pattern\tB.2\tB\t111\tpre=\tpost=terrorist attack\tpreps=\n", encoding="utf-8")
    patterns = load_patterns(own, into=load_patterns(imported))
    codes = {p.id: p.code for p in patterns.patterns_for("B")}
    assert codes == {"B.2": "111", "B.3": "1123"}


def test_condemning_a_terrorist_attack_is_a_denunciation(code_sentence):
    events = code_sentence(
        "Norway condemned the terrorist attack by the Hawk Brigade.",
        {"Norway": "NOR", "the Hawk Brigade": "---REB"},
    )
    assert [e.cameo[:2] for e in events if e.trigger_text == "condemned"] == ["11"]


def test_signing_a_trade_agreement_is_signing_an_agreement(code_sentence):
    events = code_sentence(
        "Chile and Peru signed a trade agreement in Lima.", {"Chile": "CHL", "Peru": "PER"}
    )
    assert sorted(_dyads(events)) == [("CHL", "PER", "057"), ("PER", "CHL", "057")]


def test_verb_tagged_as_adjective_is_read(code_sentence):
    events = code_sentence(
        "Riot police clashed with farmers near the ministry.",
        {"Riot police": "---COP", "farmers": "---CVL"},
    )
    assert ("---COP", "---CVL", "190") in _dyads(events)


def test_light_verb_and_its_event_noun_give_one_event(code_sentence):
    events = code_sentence(
        "The Hawk Brigade launched an attack on the Kivu garrison.",
        {"The Hawk Brigade": "---REB", "the Kivu garrison": "---MIL"},
    )
    assert _dyads(events).count(("---REB", "---MIL", "190")) == 1


def test_claim_of_responsibility_codes_the_act_claimed(code_sentence):
    events = code_sentence(
        "The Hawk Brigade claimed responsibility for the attack on the Kivu garrison.",
        {"The Hawk Brigade": "---REB", "the Kivu garrison": "---MIL"},
    )
    assert ("---REB", "---MIL", "190") in _dyads(events)
    assert not any(e.cameo == "015" for e in events)


def test_urging_is_an_appeal_to_the_addressee(code_sentence):
    events = code_sentence(
        "Kenya urged Somalia to release the fishermen.", {"Kenya": "KEN", "Somalia": "SOM"}
    )
    assert [d for d in _dyads(events) if d[0] == "KEN"] == [("KEN", "SOM", "025")]


def test_troops_capturing_a_person_arrest_and_a_town_occupy(code_sentence):
    person = code_sentence(
        "He was captured by Chilean soldiers in May.", {"Chilean soldiers": "CHLMIL"}
    )
    town = code_sentence(
        "Chilean soldiers captured the town of Arica.", {"Chilean soldiers": "CHLMIL"}
    )
    assert [e.cameo for e in person] == ["173"]
    assert [e.cameo for e in town] == ["192"]


def test_taking_a_town_back_is_fighting(code_sentence):
    events = code_sentence(
        "Rebel fighters recaptured the town of Dabra from the Hawk Brigade.",
        {"Rebel fighters": "---REB", "the Hawk Brigade": "---MIL"},
    )
    assert ("---REB", "---MIL", "190") in _dyads(events)


def test_drop_row_takes_an_imported_verb_out(tmp_path: Path):
    imported = tmp_path / "imported.txt"
    imported.write_text(
        "verb\tMEET\tmeet\t040\tmeet|met\nverb\tMEET\tface\t040\tface|faced\n", encoding="utf-8"
    )
    own = tmp_path / "own.txt"
    own.write_text("drop\tMEET\tface\n", encoding="utf-8")
    patterns = load_patterns(own, into=load_patterns(imported))
    assert patterns.verbs_for("faced", "face") == []
    assert [e.lemma for e in patterns.verbs_for("met", "meet")] == ["meet"]


def test_facing_a_team_or_challenges_is_no_meeting(code_sentence):
    events = code_sentence(
        "In the first match, Chile faced Peru at the national stadium.",
        {"Chile": "CHL", "Peru": "PER"},
    )
    assert not [e for e in events if e.cameo.startswith("0")]


def test_meeting_at_a_place_is_a_meeting_not_an_intent(code_sentence):
    events = code_sentence(
        "Chile met Peru at the summit in Quito.", {"Chile": "CHL", "Peru": "PER"}
    )
    # one meeting, by its subject: "A met B" is A -> B; "A and B met" is both ways
    assert sorted(_dyads(events)) == [("CHL", "PER", "040")]


def test_a_visit_is_one_event_not_also_the_hosts(code_sentence):
    events = code_sentence("Chile visited Peru on Monday.", {"Chile": "CHL", "Peru": "PER"})
    assert _dyads(events) == [("CHL", "PER", "042")]


def test_reciprocal_artillery_fire_is_one_event_each_way(code_sentence):
    events = code_sentence(
        "Chilean and Peruvian troops exchanged artillery fire across the border.",
        {"Chilean": "CHLMIL", "Peruvian troops": "PERMIL"},
    )
    assert sorted(_dyads(events)) == [("CHLMIL", "PERMIL", "194"), ("PERMIL", "CHLMIL", "194")]


def test_what_two_actors_exchange_is_no_target(code_sentence):
    events = code_sentence(
        "Chile and Peru exchanged forty prisoners at the border.",
        {"Chile": "CHL", "Peru": "PER", "forty prisoners": "---MIL"},
    )
    assert sorted(_dyads(events)) == [("CHL", "PER", "0841"), ("PER", "CHL", "0841")]


def test_killing_civilians_is_violence_against_people(code_sentence):
    events = code_sentence(
        "The Hawk Brigade killed eleven villagers.",
        {"The Hawk Brigade": "---REB", "eleven villagers": "---CVL"},
    )
    assert _dyads(events) == [("---REB", "---CVL", "180")]


def test_armed_forces_supporting_armed_forces_give_military_aid(code_sentence):
    events = code_sentence(
        "Chilean troops are supporting the Peruvian army.",
        {"Chilean troops": "CHLMIL", "the Peruvian army": "PERMIL"},
    )
    assert _dyads(events) == [("CHLMIL", "PERMIL", "072")]


def test_watching_someone_is_no_event(code_sentence):
    events = code_sentence(
        "The minister watched the protesters from a balcony.",
        {"The minister": "---GOV", "the protesters": "---CVL"},
    )
    assert events == []


def test_sending_troops_is_a_build_up_and_bringing_no_trade(code_sentence):
    troops = code_sentence(
        "Chile dispatched troops to the border with Peru.", {"Chile": "CHL", "Peru": "PER"}
    )
    brought = code_sentence(
        "Chile brought the dispute to Peru last week.", {"Chile": "CHL", "Peru": "PER"}
    )
    assert {e.cameo for e in troops} == {"154"}
    assert not [e for e in brought if e.cameo == "061"]


def test_everyday_verbs_of_imported_blocks_code_nothing(code_sentence):
    events = code_sentence(
        "Chile needs Peru, and Chile values Peru.", {"Chile": "CHL", "Peru": "PER"}
    )
    assert events == []


def test_an_allegation_of_harm_is_also_an_accusation(code_sentence):
    events = code_sentence(
        "Kenya alleged that Somalia had attacked its border post.",
        {"Kenya": "KEN", "Somalia": "SOM"},
    )
    dyads = _dyads(events)
    assert ("KEN", "SOM", "112") in dyads
    accusation = next(e for e in events if e.cameo == "112")
    assert accusation.trigger_text == "alleged" and accusation.modality == "asserted"


def test_a_neutral_report_is_no_accusation(code_sentence):
    events = code_sentence(
        "Chile said that Peru had shelled the border post.", {"Chile": "CHL", "Peru": "PER"}
    )
    assert not [e for e in events if e.cameo.startswith("11")]


def test_pushing_an_armed_group_out_of_a_town_is_fighting(code_sentence):
    events = code_sentence(
        "Kurdish fighters pushed the Hawk Brigade out of Zenda.",
        {"Kurdish fighters": "---UAF", "the Hawk Brigade": "---REB"},
    )
    assert [e.cameo for e in events if e.trigger_text == "pushed"] == ["190"]


def test_pushing_a_leader_out_of_office_is_no_fighting(code_sentence):
    events = code_sentence(
        "The party pushed the Ruritanian prime minister out of office.",
        {"The party": "RURPTY", "the Ruritanian prime minister": "RURGOV"},
    )
    assert not [e for e in events if e.trigger_text == "pushed"]
