"""Recognition, disambiguation and attachment on parsed sentences of our own."""

from __future__ import annotations

import json

from eventcoder.places.gazetteer import distance_km


def _at(place, lat, lon, km=25):
    return place.lat is not None and distance_km(place.lat, place.lon, lat, lon) <= km


def test_patterns_give_the_place_and_its_precision(places_of):
    found = places_of(
        "Jets took off from the Saky air base in Crimea and shelled villages near Kharkiv."
    )
    assert found["Saky air base"].precision == "exact" and _at(found["Saky air base"], 45.09, 33.6)
    assert found["Crimea"].precision == "region" and found["Crimea"].country == "UKR"
    assert found["Kharkiv"].precision == "near" and _at(found["Kharkiv"], 49.99, 36.23)
    region = places_of("Shelling went on in the Donetsk region.")["Donetsk region"]
    assert region.precision == "region" and region.admin1 and region.country == "UKR"


def test_a_qualifier_picks_the_small_namesake(places_of):
    paris = places_of("A tornado struck Paris, Texas, overnight.")["Paris"]
    assert paris.country == "USA" and paris.admin1 == "Texas" and _at(paris, 33.66, -95.56)


def test_the_documents_countries_pick_the_namesake(places_of):
    assert places_of("Lebanese troops deployed in Tripoli.")["Tripoli"].country == "LBN"
    assert places_of("Militias clashed in Tripoli.")["Tripoli"].country == "LBY"
    assert places_of("The governor of Georgia spoke in Atlanta.")["Georgia"].country == "USA"
    assert places_of("Georgia accused Russia of provocations.")["Georgia"].country == "GEO"


def test_an_ambiguous_name_without_context_gets_no_place(places_of):
    assert "Victoria" not in places_of("Police in Victoria arrested two men.")


def test_months_and_unknown_names_are_no_places(places_of):
    found = places_of("The aircraft arrived in August, and Ms Fennimore met them in Tarvoland.")
    assert "August" not in found and "Tarvoland" not in found


def test_an_unknown_base_takes_the_narratives_country(places_of):
    found = places_of("Troops arrived in Estonia in May. The Kaarma Air Base was restored.")
    base = found["Kaarma Air Base"]
    assert base.country == "EST" and base.precision == "country"


def _events(coder, text):
    return [r for r in coder.code(text, date="2023-05-02") if r.KIND == "event"]


def test_talks_in_a_city_make_no_party_of_its_country(coder):
    events = _events(
        coder, "The foreign ministers of Iran and Oman held talks in Geneva on Monday."
    )
    assert events
    for event in events:
        assert all(a is None or a.country != "CHE" for a in (event.source, event.target))
        assert event.location.name == "Geneva" and event.location.country == "CHE"
        assert event.location.precision == "exact" and _at(event.location, 46.2, 6.15)


def test_a_capital_that_acts_is_an_actor_not_a_location(coder):
    events = [e for e in _events(coder, "Paris imposed new sanctions on Damascus.")]
    imposed = [e for e in events if e.trigger == "imposed"]
    assert imposed and imposed[0].source.code == "FRAGOV" and imposed[0].target.code == "SYRGOV"
    assert all(e.location is None for e in events)


def test_the_place_an_event_acts_on_is_where_it_happened(coder):
    (event,) = _events(coder, "Russian forces shelled Kharkiv overnight.")
    assert event.location.name == "Kharkiv" and event.location.precision == "exact"


def test_a_visit_happens_at_the_capital_visited(coder):
    events = _events(coder, "The prime minister of Pakistan visited Beijing on Tuesday.")
    assert events and all(e.location and e.location.name == "Beijing" for e in events)


def test_the_narrative_locates_an_event_without_a_place(coder):
    text = "Riots broke out in Yerevan. Armenian police arrested dozens of protesters."
    arrested = [e for e in _events(coder, text) if e.trigger == "arrested"]
    assert arrested and arrested[0].location.name == "Yerevan"


def test_location_spans_point_into_the_text_as_given(coder):
    text = (
        "Headline\n\nClashes erupted   in Tripoli, Libya, on Friday; militias attacked the airport."
    )
    for record in coder.code(text, date="2023-05-02"):
        if record.KIND == "event" and record.location is not None:
            start, end = record.location.span
            assert text[start:end] in {"Tripoli", "Libya"}
            assert json.loads(json.dumps(record.to_dict()))["location"]["lat"] is not None


def test_places_are_queryable_in_the_store(coder, tmp_path):
    from eventcoder.store import open_store

    records = coder.code(
        "Russian forces shelled Kharkiv overnight.", date="2023-05-02", doc_id="k1"
    )
    with open_store(str(tmp_path / "p.duckdb")) as store:
        store.write(records)
        rows = store.query(
            "SELECT location, location_country, location_lat, location_lon, location_precision"
            " FROM events"
        )
    assert rows and rows[0][0] == "Kharkiv" and rows[0][1] == "UKR"
    assert abs(rows[0][2] - 49.98) < 0.1 and rows[0][4] == "exact"


def test_an_event_is_not_located_at_its_target_or_another_events_place(coder):
    events = _events(
        coder,
        "On Monday the European Union imposed new sanctions on Russia over the attack on Kyiv.",
    )
    by_trigger = {e.trigger: e for e in events}
    assert by_trigger["imposed"].location is None  # sanctions do not happen in Russia
    if "attack" in by_trigger:  # coded only when the event stage finds who attacked
        assert by_trigger["attack"].location.name == "Kyiv"


def test_acronyms_and_organisations_are_not_towns(places_of):
    found = places_of(
        "The ministers met in Brussels for EU-mediated talks, and UN envoys and NATO officers"
        " joined them; the AU sent a delegation."
    )
    assert set(found) == {"Brussels"}  # not Eu (France), Un (India), Nato, Au (Switzerland)
    found = places_of("Hamas fighters fired rockets at Sderot, and the US and the UK spoke.")
    assert "Hamas" not in found and found["Sderot"].country == "ISR"
    assert found["US"].country == "USA" and found["UK"].country == "GBR"
    # a town the actor coder gave a bare country code stays a town
    eilat = places_of("Rebels in Yemen fired drones towards Eilat on Monday.")["Eilat"]
    assert eilat.country == "ISR"


def test_a_capitalised_dateline_is_a_place(places_of):
    found = places_of("GAZA (Reuters) - Israeli troops entered the city on Monday.")
    assert found["GAZA"].country == "PSE"


def test_air_bases_and_airports_of_the_field_list(places_of):
    found = places_of(
        "Jets took off from the Hatzerim air base, and bombers from the airfield at Babruisk."
    )
    base = found["Hatzerim air base"]
    assert base.country == "ISR" and base.precision == "exact" and _at(base, 31.23, 34.66, 5)
    field = found["Babruisk"]
    assert (
        field.country == "BLR" and field.name == "Babruisk Air Base" and _at(field, 53.1, 29.2, 5)
    )
    airport = places_of("Flights were halted at Boryspil airport on Monday.")["Boryspil airport"]
    assert airport.country == "UKR" and _at(airport, 50.34, 30.89, 5)


def test_a_town_airport_stays_at_the_town_when_its_fields_are_far_or_foreign(places_of):
    paris = places_of("Officials in Minsk said the airport in Paris was closed.")["Paris"]
    assert paris.country == "FRA" and paris.precision == "near"


def test_a_statement_is_located_by_its_own_setting_only(coder):
    events = _events(
        coder,
        "Syrian troops shelled Aleppo on Monday. The French government condemned the"
        " shelling of Aleppo. In Geneva, the Turkish foreign minister criticised Syria.",
    )
    by_trigger = {e.trigger: e for e in events}
    assert by_trigger["shelled"].location.name == "Aleppo"
    if "condemned" in by_trigger:  # said in France, of Aleppo: no place given
        assert by_trigger["condemned"].location is None
    if "criticised" in by_trigger:
        assert by_trigger["criticised"].location.name == "Geneva"


def test_the_documents_country_locates_only_events_of_its_actors(coder):
    events = _events(
        coder,
        "Iraqi troops attacked militants in Mosul on Monday. Police arrested suspects in"
        " Tikrit and Kirkuk.\n\nFrench police arrested two Belgian men on Tuesday.\n\n"
        "Iraqi police arrested two militants on Wednesday.",
    )
    later = [e for e in events if e.trigger == "arrested" and e.source and e.source.code]
    by_source = {e.source.code[:3]: e for e in later}
    if "FRA" in by_source:  # nothing says where: not in Iraq because the story is
        assert by_source["FRA"].location is None
    iraqi = [e for e in later if e.source.code.startswith("IRQ") and e.location]
    assert any(e.location.country == "IRQ" for e in iraqi)


def test_a_base_of_the_field_list_is_exact_in_the_documents_country(places_of):
    found = places_of(
        "Units moved into Belarus in March. The Luninets Air Base was rebuilt, and drones"
        " flew from the airfield near Pinsk."
    )
    base = found["Luninets Air Base"]
    assert base.country == "BLR" and base.precision == "exact" and _at(base, 52.28, 26.77, 5)
    syria = places_of("Missiles struck the T-4 air base in Syria's Homs province on Sunday.")
    t4 = syria["T-4 air base"]
    assert t4.country == "SYR" and t4.precision == "exact" and _at(t4, 34.52, 37.63, 5)
    # found by another of its names, the field keeps the name the text uses
    assert t4.name == "T-4 air base" and base.name == "Luninets Air Base"


def test_towns_without_a_population_count_where_the_text_names_their_country(places_of):
    # seats of administrative divisions GeoNames gives no population (seats.tsv.gz)
    found = places_of("Coalition jets struck near Tal Afar and Qayyarah in northern Iraq.")
    assert found["Tal Afar"].country == "IRQ" and _at(found["Tal Afar"], 36.38, 42.45, 5)
    assert "Tal Afar" not in places_of("Jets struck near Tal Afar on Monday.")


def test_english_names_articles_and_parts_of_towns(places_of):
    found = places_of("Militants withdrew from Palmyra and Qamishli in Syria.")
    assert found["Palmyra"].country == "SYR" and _at(found["Palmyra"], 34.56, 38.28, 5)
    assert found["Qamishli"].country == "SYR"  # GeoNames: Al Qamishli
    hilla = places_of("A bomb went off at a market in al-Hilla on Sunday.")
    assert hilla["al-Hilla"].country == "IRQ"
    east = places_of("Troops fought their way into East Mosul.")["East Mosul"]
    assert east.country == "IRQ" and _at(east, 36.34, 43.13, 10)


def test_landforms_and_dams_named_after_towns_are_near_the_town(places_of):
    found = places_of(
        "Aid was dropped on Mount Sinjar in Iraq, and jets hit the Tabqa Dam in Syria."
    )
    assert found["Mount Sinjar"].precision == "near" and _at(found["Mount Sinjar"], 36.32, 41.88, 5)
    assert found["Tabqa Dam"].country == "SYR" and found["Tabqa Dam"].precision == "near"


def test_it_for_a_base_locates_the_event_at_the_base(nlp, locator):
    doc = nlp(
        "Troops arrived in Belarus in May. The Luninets Air Base was rebuilt for them."
        " In June it was used in the attack on Ukraine."
    )
    places = locator.find(doc)
    trigger = next(t for t in doc if t.text == "used")
    found = places.attach(trigger, 2, [])
    assert found is not None and found.place.name == "Luninets Air Base"


def test_a_small_city_named_like_a_region_is_not_the_region(places_of):
    found = places_of("The company moved from California to Texas in May.")
    assert found["California"].precision == "region"  # not California, Maryland
    assert places_of("Shells hit Kharkiv and the Kharkiv region.")["Kharkiv"].precision == "exact"


def test_a_qualifier_stands_for_the_town_it_narrows(nlp, locator):
    doc = nlp("A student from Irving, Texas, was arrested on Monday.")
    places = locator.find(doc)
    trigger = next(t for t in doc if t.text == "arrested")
    texas = next(t for t in doc if t.text == "Texas")
    assert places.place_at(texas).name == "Irving"
    found = places.attach(trigger, 0, [])
    assert found is None or found.place.name == "Irving"


def test_the_narrative_gives_the_town_a_report_is_about(nlp, locator):
    doc = nlp(
        "Iraqi forces entered Mosul on Monday.\n\nThey cleared a hospital in Mosul.\n\n"
        "Iraqi forces repelled an attack.\n\nThe army lost two tanks."
    )
    places = locator.find(doc)
    trigger = next(t for t in doc if t.text == "lost")
    sentence = next(i for i, s in enumerate(doc.sents) if trigger in s)
    found = places.attach(trigger, sentence, [], countries=frozenset({"IRQ"}))
    assert found is not None and found.place.name == "Mosul" and found.precision == "near"


def test_an_event_told_again_takes_its_place(coder):
    from eventcoder.ingest.document import Document

    text = (
        "Kenyan President Ruto met Japanese Prime Minister Kishida in Nairobi on Monday.\n\n"
        "Officials said the two leaders spent an hour together.\n\n"
        "President Ruto met Prime Minister Kishida to discuss trade and security.\n\n"
        "President Ruto later met Nigerian President Tinubu to discuss oil."
    )
    events = [r for r in coder.code(Document.from_text(text), min_confidence=0.0)]
    met = [e for e in events if e.KIND == "event" and text[e.trigger_span[0] :].startswith("met")]
    assert len(met) == 3
    assert [e.location.name if e.location else None for e in met] == ["Nairobi", "Nairobi", None]
