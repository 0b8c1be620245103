"""Triggers on news-like sentences of our own: planned visits and meetings, event nouns whose
target hangs on a participle, liberation and retaking, acts suffered, shared objects of
coordinated verbs."""

from __future__ import annotations

from eventcoder.events.extract import EventCandidate


def _dyads(events: list[EventCandidate]) -> list[tuple[str | None, str | None, str]]:
    return [
        (e.source.code if e.source else None, e.target.code if e.target else None, e.cameo)
        for e in events
    ]


def test_a_visit_announced_with_will_is_the_visit_intended(code_sentence):
    events = code_sentence(
        "The Dutch foreign minister will visit Chile next week.",
        {"The Dutch foreign minister": "NLDGOV", "Chile": "CHL"},
    )
    assert _dyads(events) == [("NLDGOV", "CHL", "042")]
    assert events[0].modality == "intended"


def test_travel_announced_with_will_is_a_visit(code_sentence):
    events = code_sentence(
        "The Dutch foreign minister will travel to Chile on Monday.",
        {"The Dutch foreign minister": "NLDGOV", "Chile": "CHL"},
    )
    assert _dyads(events) == [("NLDGOV", "CHL", "042")]


def test_a_planned_meeting_is_the_meeting_intended(code_sentence):
    events = code_sentence(
        "On Friday he plans to meet Chilean officials at the embassy in The Hague.",
        {"he": "NLDGOV", "Chilean officials": "CHLGOV"},
    )
    assert ("NLDGOV", "CHLGOV", "040") in _dyads(events)
    assert {e.modality for e in events} == {"intended"}


def test_a_planned_attack_is_still_an_intent_not_the_attack(code_sentence):
    events = code_sentence(
        "The Chilean army is planning to attack the rebels.",
        {"The Chilean army": "CHLMIL", "the rebels": "CHLREB"},
    )
    assert [e.cameo[:2] for e in events] == ["13"]


def test_being_ready_to_host_talks_is_an_offer(code_sentence):
    events = code_sentence(
        "Norway said it would be ready to host a meeting between Chile and Peru.",
        {"Norway": "NOR", "it": "NOR", "Chile": "CHL", "Peru": "PER"},
    )
    assert "043" not in {e.cameo for e in events}


def test_strike_target_on_the_participle_describing_the_strikes(code_sentence):
    events = code_sentence(
        "Dutch forces conducted 12 strikes using fighter and drone aircraft against "
        "Hawk Brigade positions.",
        {"Dutch forces": "NLDMIL", "Hawk Brigade": "---REB"},
    )
    assert _dyads(events) == [("NLDMIL", "---REB", "195")]


def test_strikes_in_support_of_a_government_are_not_aimed_at_it(code_sentence):
    events = code_sentence(
        "In Chad, Dutch forces conducted 9 strikes coordinated with and in support of the "
        "government of Chad using drones against Hawk Brigade fighters.",
        {"Dutch forces": "NLDMIL", "the government of Chad": "TCDGOV", "Hawk Brigade": "---REB"},
    )
    assert _dyads(events) == [("NLDMIL", "---REB", "195")]


def test_a_town_retaken_from_a_group_is_fighting_that_group(code_sentence):
    events = code_sentence(
        "Government troops retook the town of Alba from the Hawk Brigade.",
        {"Government troops": "CHLMIL", "the town": "CHLCVL", "the Hawk Brigade": "---REB"},
    )
    assert _dyads(events) == [("CHLMIL", "---REB", "190")]


def test_liberated_villages_are_aimed_at_their_holder_not_at_villagers(code_sentence):
    events = code_sentence(
        "The army has liberated dozens of villages and more than 500 square miles of "
        "Hawk-held terrain.",
        {"The army": "CHLMIL", "villages": "CHLCVL", "Hawk": "---REB"},
    )
    assert _dyads(events) == [("CHLMIL", "---REB", "190")]


def test_a_place_taken_from_no_one_named_has_no_target(code_sentence):
    events = code_sentence(
        "Chilean troops recaptured the town of Alba on Sunday.",
        {"Chilean troops": "CHLMIL", "the town": "CHLCVL"},
    )
    assert _dyads(events) == [("CHLMIL", None, "190")]


def test_liberating_prisoners_is_no_fighting(code_sentence):
    events = code_sentence(
        "The rebels liberated three prisoners in Alba.",
        {"The rebels": "CHLREB", "three prisoners": "CHLCVL"},
    )
    assert not [e for e in events if e.cameo.startswith("19")]


def test_shelling_faced_by_civilians_is_done_to_them(code_sentence):
    events = code_sentence(
        "Civilians in the valley are facing ongoing shelling and airstrikes by the Chilean army.",
        {"Civilians": "CHLCVL", "the Chilean army": "CHLMIL"},
    )
    assert sorted(_dyads(events)) == [("CHLMIL", "CHLCVL", "194"), ("CHLMIL", "CHLCVL", "195")]


def test_a_gerund_faced_is_done_by_its_agent(code_sentence):
    events = code_sentence(
        "Villagers faced shelling by the Chilean army.",
        {"Villagers": "CHLCVL", "the Chilean army": "CHLMIL"},
    )
    assert _dyads(events) == [("CHLMIL", "CHLCVL", "194")]


def test_fire_received_from_a_group_is_that_group_firing(code_sentence):
    events = code_sentence(
        "Peruvian troops continued to receive heavy machine gun fire from Hawk Brigade fighters.",
        {"Peruvian troops": "PERMIL", "Hawk Brigade fighters": "---REB"},
    )
    assert _dyads(events) == [("---REB", "PERMIL", "193")]


def test_sanctions_faced_are_imposed_by_whoever_imposes_them(code_sentence):
    events = code_sentence(
        "Chile faces new sanctions from the European Union.",
        {"Chile": "CHL", "the European Union": "IGOEU"},
    )
    assert _dyads(events) == [("IGOEU", "CHL", "163")]


def test_an_attack_faced_from_no_one_named_is_no_event(code_sentence):
    events = code_sentence("Civilians faced heavy shelling overnight.", {"Civilians": "CHLCVL"})
    assert events == []


def test_coordinated_verbs_sharing_an_object_are_two_acts(code_sentence):
    events = code_sentence(
        "The rebels kidnapped and killed five villagers.",
        {"The rebels": "CHLREB", "five villagers": "CHLCVL"},
    )
    assert sorted(e.cameo for e in events) == ["180", "181"]


def test_only_coercion_and_violence_share_the_next_verbs_object(code_sentence):
    events = code_sentence(
        "The Chilean minister arrived and met the Peruvian president.",
        {"The Chilean minister": "CHLGOV", "the Peruvian president": "PERGOV"},
    )
    assert [e.trigger_text for e in events] == ["met"]


def test_encouraging_actors_to_act_is_an_appeal_to_them(code_sentence):
    events = code_sentence(
        "Peru encouraged Chile and Bolivia to work together on the border dispute.",
        {"Peru": "PER", "Chile": "CHL", "Bolivia": "BOL"},
    )
    assert sorted(_dyads(events)) == [("PER", "BOL", "020"), ("PER", "CHL", "020")]


def test_pushing_a_force_back_is_fighting_it(code_sentence):
    events = code_sentence(
        "Chilean troops are pushing the rebels back towards the border.",
        {"Chilean troops": "CHLMIL", "the rebels": "CHLREB"},
    )
    assert _dyads(events) == [("CHLMIL", "CHLREB", "190")]


def test_what_reports_say_happened_is_a_reported_event(code_sentence):
    events = code_sentence(
        "Peru has confirmed reports that the Hawk Brigade has killed 40 members of a tribe.",
        {"Peru": "PER", "the Hawk Brigade": "PERREB", "40 members": "PERCVL"},
    )
    killings = [e for e in events if e.trigger_text == "killed"]
    assert _dyads(killings) == [("PERREB", "PERCVL", "202")]
    assert killings[0].modality == "reported"


def test_a_killing_of_a_few_is_no_mass_killing(code_sentence):
    events = code_sentence(
        "The rebels killed 11 villagers.", {"The rebels": "PERREB", "11 villagers": "PERCVL"}
    )
    assert [e.cameo[:2] for e in events] == ["18"]


def test_a_relative_clause_on_a_noun_stays_a_description(code_sentence):
    events = code_sentence(
        "Chile welcomed the talks that will be hosted by Peru.", {"Chile": "CHL", "Peru": "PER"}
    )
    assert "hosted" not in {e.trigger_text for e in events}
