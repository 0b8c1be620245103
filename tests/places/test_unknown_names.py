"""Names the gazetteer does not spell so: near spellings, names inside other entities, and
small places it lacks (sentences and misspellings of our own)."""

from __future__ import annotations

from eventcoder.places.gazetteer import distance_km


def test_a_near_spelling_in_a_country_the_text_names(places_of):
    found = places_of("Afghanistan: near Jalalabaad, soldiers cleared a road.")
    town = found["Jalalabaad"]
    assert town.country == "AFG" and town.name == "Jalalabad"
    assert town.precision == "near"  # a near spelling is never exact
    assert distance_km(town.lat, town.lon, 34.43, 70.45) < 25


def test_a_near_spelling_needs_its_country_in_the_text(places_of):
    assert "Jalalabaad" not in places_of("Near Jalalabaad, soldiers cleared a road.")


def test_a_near_spelling_is_never_a_word_with_letters_added(locator):
    fuzzy = locator.fuzzy
    assert fuzzy.match("Jalalabaad")  # the control: one letter too many matches
    for word in ("Crimean", "Chernigov", "Olympics", "Christians", "Balkans", "Kabul"):
        assert fuzzy.match(word) == [], word  # no spelling of Crimea, Chernigovka...
    assert fuzzy.match("Jalalabad") == []  # spelt right: a look-up, not a near match


def test_an_unknown_settlement_takes_the_country_of_its_adjective(places_of):
    found = places_of("Rebels seized the Malian village of Tessoumbourou on Sunday.")
    village = found["Tessoumbourou"]
    assert village.country == "MLI" and village.precision == "country"
    assert village.name == "Tessoumbourou"


def test_an_unknown_settlement_alone_gets_no_location(places_of):
    found = places_of("Rebels seized the village of Tessoumbourou on Sunday.")
    assert "Tessoumbourou" not in found and not found


def test_an_unknown_settlement_next_to_a_town_is_near_it(places_of):
    found = places_of("A letter came from the Municipality of Orvanello, next to Bologna.")
    near = found["Orvanello, next to Bologna"]
    assert near.country == "ITA" and near.precision == "near"
    assert distance_km(near.lat, near.lon, 44.49, 11.34) < 10


def test_a_town_inside_an_organisations_name(places_of):
    found = places_of("The Municipality of Ravenna asked the schools to pay the tax.")
    assert found["Ravenna"].country == "ITA"


def test_a_country_opening_a_persons_name_after_in(places_of):
    found = places_of("In Kenya Minister Otieno met the envoys.")
    assert found["Kenya"].country == "KEN"


def test_an_alternate_spelling_listed_with_people_is_a_person(places_of):
    found = places_of("Pilgrims honour the old gods, such as Zeus, Hermes, Apollo and Athena.")
    assert "Athena" not in found
    found = places_of("Crowds gathered in Athena and Thessaloniki on Monday.")
    assert found["Athena"].country == "GRC"
