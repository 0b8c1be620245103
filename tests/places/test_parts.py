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
