"""Attachment rules on parsed sentences of our own: several places, completing verbs, what
the narrative carries."""

from __future__ import annotations


def _attach(nlp, locator, text, trigger, countries=frozenset()):
    doc = nlp(text)
    places = locator.find(doc)
    token = next(t for t in doc if t.text == trigger)
    sentence = next(i for i, s in enumerate(doc.sents) if token in s)
    return places.attach(token, sentence, [], countries=countries)


def test_places_of_several_countries_give_no_one_location(nlp, locator):
    found = _attach(nlp, locator, "Allied jets bombed depots in Yemen and Somalia.", "bombed")
    assert found is None
    same = _attach(nlp, locator, "Rebels shelled depots in Aleppo and Homs.", "shelled")
    assert same is not None and same.place.country == "SYR"


def test_a_completing_verb_carries_the_events_setting(nlp, locator):
    text = (
        "Last week the envoy toured factories in Ohio, and tomorrow she plans to meet"
        " the mayors at the city hall in Denver."
    )
    found = _attach(nlp, locator, text, "plans")
    assert found is not None and found.place.name == "Denver"


def test_the_narrative_carries_a_setting_not_a_target(nlp, locator):
    text = "The ministers agreed new sanctions on Venezuela. Officials are drafting the list."
    assert _attach(nlp, locator, text, "drafting", frozenset({"VEN"})) is None
    text = "The ministers met in Lima on Monday. Officials are drafting a list."
    found = _attach(nlp, locator, text, "drafting")
    assert found is not None and found.place.name == "Lima"


def test_the_storys_country_alone_locates_no_event(nlp, locator):
    text = (
        "Chile's government named a new cabinet.\n\nChile's president praised the team.\n\n"
        "The finance minister resigned on Friday."
    )
    assert _attach(nlp, locator, text, "resigned", frozenset({"CHL"})) is None


def test_a_long_form_name_takes_the_preposition_of_its_head(nlp, locator):
    text = (
        "Marines will train with local units, one of the largest drills, in the Kingdom of Morocco."
    )
    found = _attach(nlp, locator, text, "train")
    assert found is not None and found.place.country == "MAR"


def test_a_country_named_before_is_no_scene_a_town_is(nlp, locator):
    text = "Soldiers bombed villages across Somalia. Police arrested two men."
    assert _attach(nlp, locator, text, "arrested") is None
    text = "Soldiers bombed villages near Kismayo. Police arrested two men."
    found = _attach(nlp, locator, text, "arrested")
    assert found is not None and found.place.name == "Kismayo"


def test_a_fronted_setting_locates_the_events_of_its_sentence(nlp, locator):
    # a strike report line: "Near X," opening the sentence is often parsed as its root
    text = "Near Kandahar, 15 strikes engaged five tactical units."
    found = _attach(nlp, locator, text, "engaged")
    assert found is not None and found.place.name == "Kandahar"
    assert found.precision == "near"
    # a fronted date or a clause is no setting
    text = "On Monday, after talks in Oslo had failed, gunmen attacked a bus in the north."
    found = _attach(nlp, locator, text, "attacked")
    assert found is None or found.place.name != "Oslo"


def _verbal(nlp, locator, text, trigger):
    doc = nlp(text)
    places = locator.find(doc)
    token = next(t for t in doc if t.text == trigger)
    sentence = next(i for i, s in enumerate(doc.sents) if token in s)
    return places.attach(token, sentence, [], verbal=True)


def test_a_verbal_event_takes_a_place_below_a_venue_only(nlp, locator):
    text = (
        "The ministry condemns in the strongest terms both the attack today at a busy"
        " market square in Peshawar and the shooting in Quetta."
    )
    assert _verbal(nlp, locator, text, "condemns") is None
    text = "The minister spoke at a news conference in Nairobi about the drought."
    found = _verbal(nlp, locator, text, "spoke")
    assert found is not None and found.place.name == "Nairobi"


def test_only_fighting_takes_the_town_a_report_is_about(nlp, locator):
    doc = nlp(
        "Rebels entered a camp in Marawi on Monday.\n\nThey cleared a school in Marawi.\n\n"
        "Officials praised the army.\n\nThe allies support the army with training."
    )
    places = locator.find(doc)
    trigger = next(t for t in doc if t.text == "support")
    sentence = next(i for i, s in enumerate(doc.sents) if trigger in s)
    fight = locator.locate(places, trigger, sentence, (), "190", ["PHL"])
    assert fight is not None and fight.country == "PHL" and fight.precision == "near"
    assert locator.locate(places, trigger, sentence, (), "072", ["PHL"]) is None  # aid


def test_a_town_of_the_sentence_narrows_the_narratives_region(nlp, locator):
    text = "Protests spread in Ohio last week. A student from Dayton, Ohio, was detained at school."
    found = _attach(nlp, locator, text, "detained")
    assert found is not None and found.place.name == "Dayton" and found.precision == "exact"
    text = "Protests spread in Ohio last week. A student from Lyon was detained at school."
    found = _attach(nlp, locator, text, "detained")
    assert found is not None and found.place.name == "Ohio"  # not a town of that region


def test_the_place_of_another_act_is_not_the_events(nlp, locator):
    text = "The council imposed new sanctions on the regime over its role in the occupation of Moldova."
    assert _attach(nlp, locator, text, "imposed") is None
    # under a phrase of time the story stays at the place
    text = "After the shelling of Kharkiv, police detained two men."
    found = _attach(nlp, locator, text, "detained")
    assert found is not None and found.place.name == "Kharkiv"


def _attach_with_source(nlp, locator, text, trigger, source):
    from eventcoder.places.attach import EventActor

    doc = nlp(text)
    places = locator.find(doc)
    token = next(t for t in doc if t.text == trigger)
    head = next(t for t in doc if t.text == source)
    sentence = next(i for i, s in enumerate(doc.sents) if token in s)
    actor = EventActor(head.i, head.i + 1, head.i, False, None, source=True)
    return places.attach(token, sentence, [actor])


def test_a_relative_clause_the_source_is_no_part_of_gives_no_place(nlp, locator):
    # parsed with the second verb joined to the relative clause's: the aid was not
    # suspended in Niamey, nor the assets frozen near Juba
    text = (
        "Washington criticised the generals who seized power in Niamey and suspended"
        " military aid to the junta."
    )
    assert _attach_with_source(nlp, locator, text, "suspended", "Washington") is None
    assert _attach(nlp, locator, text, "suspended") is not None  # without the source: the climb
    text = (
        "The council condemned the militia that had shelled villages near Juba and froze"
        " the assets of its commanders."
    )
    assert _attach_with_source(nlp, locator, text, "froze", "council") is None


def test_a_relative_clause_keeps_the_place_of_its_own_agent(nlp, locator):
    text = "The rebels, who seized a checkpoint near Goma and burned two trucks, retreated."
    found = _attach_with_source(nlp, locator, text, "burned", "rebels")
    assert found is not None and found.place.name == "Goma"
    text = (
        "Witnesses said the gunmen who stormed the market in Maiduguri and killed twelve"
        " traders had fled on motorcycles."
    )
    found = _attach_with_source(nlp, locator, text, "killed", "gunmen")
    assert found is not None and found.place.name == "Maiduguri"


def _actor(doc, first, last, head, source=False):
    from eventcoder.places.attach import EventActor

    return EventActor(first, last + 1, head, False, None, source=source)


def test_the_home_of_an_actor_is_no_place_of_the_event(nlp, locator):
    doc = nlp("A Nairobi-based charity said gunmen killed five herders.")
    places = locator.find(doc)
    assert [p.name for p in places.places] == ["Nairobi"]  # still a place of the text
    killed = next(t for t in doc if t.text == "killed")
    assert places.attach(killed, 0, []) is None


def test_a_setting_inside_an_actors_words_locates_the_event(nlp, locator):
    doc = nlp("Students in Dhaka, Bangladesh, marched to the election commission.")
    places = locator.find(doc)
    marched = next(t for t in doc if t.text == "marched")
    found = places.attach(marched, 0, [_actor(doc, 0, 2, 0, source=True)])
    assert found is not None and found.place.name == "Dhaka"
    # "the governor of X" names the actor, not where the act happened
    doc = nlp("The governor of Kano closed the markets on Monday.")
    places = locator.find(doc)
    closed = next(t for t in doc if t.text == "closed")
    assert places.attach(closed, 0, [_actor(doc, 0, 3, 1, source=True)]) is None


def test_a_town_named_in_a_regions_phrase_is_finer(nlp, locator):
    text = "Bandits abducted pupils from a school in the town of Kankara in Katsina state."
    found = _attach(nlp, locator, text, "abducted")
    assert found is not None and found.place.name == "Kankara"


def test_from_after_the_object_is_where_the_object_comes_from(nlp, locator):
    assert _attach(nlp, locator, "Police detained three students from Karachi.", "detained") is None
    # verbs that take people or things away from a place happen there
    found = _attach(nlp, locator, "Rescuers evacuated residents from Kherson.", "evacuated")
    assert found is not None and found.place.name == "Kherson"
    found = _attach(nlp, locator, "The army expelled the militants from Marawi.", "expelled")
    assert found is not None and found.place.country == "PHL"


def test_off_the_coast_of_a_town_is_near_it(nlp, locator):
    found = _attach(nlp, locator, "The navy seized a trawler off the coast of Mombasa.", "seized")
    assert found is not None and found.place.name == "Mombasa" and found.precision == "near"


def test_the_place_of_an_office_is_a_place_of_the_text_not_of_the_event(nlp, locator):
    doc = nlp("The Mayor of Kharkiv said drones hit a warehouse overnight.")
    places = locator.find(doc)
    assert [p.name for p in places.places] == ["Kharkiv"]  # found inside the person's name
    hit = next(t for t in doc if t.text == "hit")
    assert places.attach(hit, 0, []) is None


def test_a_place_the_parser_made_the_subject_is_no_setting(nlp, locator):
    # parsed with the town as the subject of "attacked"; it also sits in a relative clause
    text = "Rebels who had been driven out of Goma attacked army positions on Sunday."
    assert _attach(nlp, locator, text, "attacked", frozenset({"COD"})) is None


def test_a_relative_clauses_place_is_no_scene_the_story_goes_on_in(nlp, locator):
    text = "The envoy, who grew up in Mombasa, toured the region. Officials signed the accord."
    assert _attach(nlp, locator, text, "signed") is None
    # a participle describing a venue is one ("the hall located in X")
    text = "The envoy spoke at a hall located in Mombasa. Officials signed the accord."
    found = _attach(nlp, locator, text, "signed")
    assert found is not None and found.place.name == "Mombasa"


def test_a_town_named_once_is_no_town_the_report_is_about(nlp, locator):
    text = "Militants fled Garissa.\n\nSoldiers fought militants on Sunday."
    assert _attach(nlp, locator, text, "fought", frozenset({"KEN"})) is None
    text = (
        "Militants fled Garissa.\n\nPolice in Garissa searched homes.\n\nSoldiers fought militants."
    )
    found = _attach(nlp, locator, text, "fought", frozenset({"KEN"}))
    assert found is not None and found.place.name == "Garissa"


def test_an_events_own_unknown_setting_stops_the_narrative(nlp, locator):
    text = "Soldiers shelled villages near Kismayo. Later the army fired rockets into the north."
    assert _attach(nlp, locator, text, "fired") is None
    # a date is no setting: the story stays near the town
    text = "Soldiers shelled villages near Kismayo. Police arrested two men on Friday."
    found = _attach(nlp, locator, text, "arrested")
    assert found is not None and found.place.name == "Kismayo"
