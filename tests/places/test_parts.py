"""Named parts of a town no gazetteer lists: near the town."""

from __future__ import annotations

from eventcoder.places.gazetteer import distance_km


def test_a_district_of_a_town_is_near_the_town(places_of):
    found = places_of("Gunmen attacked a checkpoint in the Sadriya district of Baghdad.")
    part = found["Sadriya district of Baghdad"]
    assert part.country == "IRQ" and part.precision == "near"
    assert distance_km(part.lat, part.lon, 33.34, 44.4) < 5


def test_a_part_before_a_comma_and_its_town(places_of):
    found = places_of("A car bomb exploded in Jadriya, Baghdad, on Sunday.")
    assert found["Jadriya, Baghdad"].precision == "near"


def test_a_date_before_a_town_is_no_part(places_of):
    found = places_of("In May, Kyiv rejected the plan.")
    assert found["Kyiv"].precision == "exact"


def test_a_large_city_tagged_as_a_common_noun_after_in(places_of):
    # the tagger reads this "Benghazi" as a common noun
    found = places_of("Fighting broke out in Benghazi on Sunday.")
    assert found["Benghazi"].country == "LBY"
    # not a capitalised common word mid-name, nor a word of another kind
    assert "Power" not in places_of("The party stayed in Power for a decade.")


def test_a_qualifier_resolves_to_the_region_it_names(places_of):
    # "Virginia" alone is also a South African city; after "Springfield," it is the state
    found = places_of("Police closed streets in Springfield, Virginia, after the shooting.")
    assert found["Springfield"].country == "USA"
    assert found["Virginia"].country == "USA" and found["Virginia"].precision == "region"


def test_a_town_inside_a_generic_actors_words_stays_a_place(places_of):
    # the actor coder takes "the town of Alzira" for civilians; the name is still a town
    assert places_of("Rescuers evacuated the town of Alzira after the flood.")[
        "Alzira"
    ].country == ("ESP")


def test_a_dateline_in_capitals(places_of):
    # a town of 25,000 in capitals opening the text: found only as a dateline
    found = places_of("KIDAL, Mali (AP) - Rebels seized an army post.")
    assert found["KIDAL"].country == "MLI"
    assert "KIDAL" not in places_of("The crowd in KIDAL cheered.")


def test_the_first_word_of_a_longer_name_is_no_region(places_of):
    assert places_of("A cargo ship sank in the Bay of Biscay.")["Bay of Biscay"].country is None
    assert not places_of("A trawler sank in the Bay of Fundy.")  # not Somalia's Bay region


def test_no_place_takes_in_a_word_of_an_organisations_name(places_of):
    # "The Bank" had matched a town called Bank
    assert not places_of("The Bank of England raised rates.")
