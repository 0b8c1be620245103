"""Rules and data added after the fourth held-out set (sentences here are others of our own)."""

from __future__ import annotations

from eventcoder.places.gazetteer import distance_km


def _located(coder, text: str, trigger: str):
    records = coder.code(text, doc_id="t", min_confidence=0.0)
    events = [r for r in records if r.KIND == "event" and (r.trigger or "").lower() == trigger]
    assert events, f"no event {trigger!r} coded"
    return events[0].location


def test_rivers_are_places_with_a_country_only_when_they_run_in_one(places_of):
    nile = places_of("Sudanese troops crossed the Nile near Omdurman.")["Nile"]
    assert nile.precision == "region" and nile.country is None and nile.lat is None
    volga = places_of("A tanker ran aground on the Volga River.")["Volga River"]
    assert volga.country == "RUS"
    # a river named after a country is no country
    congo = places_of("Fishermen drowned in the Congo River on Friday.")["Congo River"]
    assert congo.country is None


def test_a_river_is_coarser_than_a_region_or_a_town_of_the_event(coder):
    text = "Laotian police arrested smugglers on the Mekong River in Bokeo province."
    loc = _located(coder, text, "arrested")
    assert loc is not None and loc.country == "LAO" and loc.precision == "region"
    text = "Rebel gunners shelled Malakal from across the Nile."
    loc = _located(coder, text, "shelled")
    assert loc is not None and loc.name == "Malakal"


def test_seas_straits_oceans_islands_and_crossings_of_the_hand_list(places_of):
    found = places_of("A frigate shadowed the tanker through the Skagerrak and the Kattegat.")
    assert found["Kattegat"].country is None and found["Skagerrak"].precision == "region"
    strait = places_of("Robbers boarded a tug in the Singapore Strait.")["Singapore Strait"]
    assert strait.country is None  # not the state of Singapore
    assert places_of("The convoy sailed into the Indian Ocean.")["Indian Ocean"].country is None
    island = places_of("Chinese ships circled Pag-asa Island for hours.")["Pag-asa Island"]
    assert island.country == "PHL"
    kinmen = places_of("Troops on Kinmen held a drill.")["Kinmen"]
    assert kinmen.country == "TWN" and distance_km(kinmen.lat, kinmen.lon, 24.44, 118.32) < 10
    post = places_of("Trucks queued for days at the Beitbridge border post.")
    assert next(p for t, p in post.items() if "Beitbridge" in t).country == "ZWE"
    assert places_of("Guards sealed the Vaalimaa crossing.")["Vaalimaa crossing"].lon > 27


def test_english_names_of_regions_and_informal_regions(places_of):
    assert places_of("Floods hit Karakalpakstan in May.")["Karakalpakstan"].country == "UZB"
    assert places_of("Rebels in Casamance laid down arms.")["Casamance"].country == "SEN"


def test_congo_alone_is_the_democratic_republic(places_of):
    assert places_of("Rwandan troops entered Congo last year.")["Congo"].country == "COD"
    # the capital of the other Congo tells it apart
    found = places_of("Police in Brazzaville, Congo, detained a journalist.")
    assert found["Congo"].country == "COG"


def test_saint_written_st(places_of):
    assert places_of("Police detained dozens in St Petersburg.")["St Petersburg"].country == "RUS"
    # a name spelt as the gazetteer spells it is not widened
    assert places_of("A storm flooded St. Louis, Missouri.")["St. Louis"].country == "USA"


def test_a_word_that_is_no_place_alone_is_a_large_city_after_a_preposition(places_of):
    assert places_of("Two men were arrested in Nice after the stabbing.")["Nice"].country == "FRA"
    assert "Nice" not in places_of("Nice work, the minister told the soldiers.")


def test_a_dateline_of_four_capitals_locates_the_first_sentence(places_of, coder):
    text = "BAKU, Azerbaijan (AP) - Police arrested two opposition journalists on Monday."
    assert places_of(text)["BAKU"].country == "AZE"
    loc = _located(coder, text, "arrested")
    assert loc is not None and loc.name == "Baku"
    # an acronym opening a list is no dateline
    assert "NATO" not in places_of("NATO, the EU and the UN condemned the coup.")


def test_a_town_the_tagger_missed_before_the_region_it_lies_in(places_of):
    # a town under 100,000 people as a verb's object, tagged as no place
    found = places_of("Rebels overran Axum in the Tigray region last week.")
    assert found["Axum"].country == "ETH"
    # not when the region named after it is another country's
    assert "Axum" not in places_of("Rebels overran Axum in the Darfur region last week.")


def test_the_place_acted_on_narrows_a_coarse_setting(coder):
    loc = _located(coder, "Militiamen stormed Bunia in Ituri province.", "stormed")
    assert loc is not None and loc.name == "Bunia"


def test_x_in_y_takes_the_reading_in_y(places_of):
    found = places_of("Gunmen killed five people in Cordoba in Veracruz state.")
    assert found["Cordoba"].country == "MEX"
    # a town we do not ship is no namesake abroad (Palma, Mozambique is not Palma, Spain)
    found = places_of("Insurgents overran Palma in Cabo Delgado province.")
    assert "Palma" not in found and found["Cabo Delgado province"].country == "MOZ"
    # a country before "in" keeps its reading ("troops of Russia in Ukraine")
    assert places_of("Troops from Russia in Ukraine withdrew.")["Russia"].country == "RUS"


def test_the_facility_word_carries_the_preposition_for_its_town(coder):
    # a spelling of the town the field list lacks: the mention is the town, the parse
    # hangs "near" on "airport", and the country after it is no finer setting
    text = "Iranian drones struck a police base near Sulaimaniyah airport in northern Iraq."
    loc = _located(coder, text, "struck")
    assert loc is not None and loc.precision == "near" and loc.lat is not None


def test_a_facility_reopened_or_closed_is_where_the_act_was_done(coder):
    text = "Polish officials reopened the Medyka border crossing on Tuesday."
    loc = _located(coder, text, "reopened")
    assert loc is not None and loc.country == "POL"


def test_a_place_in_the_words_of_a_target_the_event_does_not_happen_at(coder):
    text = "Rwanda recalled its ambassador from Kinshasa after the border clashes."
    assert _located(coder, text, "recalled") is None
