"""Disambiguation and precision, on hand-made candidates (no parse needed)."""

from __future__ import annotations

from eventcoder.places.gazetteer import Place
from eventcoder.places.recognize import PlaceMention
from eventcoder.places.resolve import Context, _precision, choose


def _city(name, iso3, pop, admin1=None):
    return Place(name, "city", "city", iso3, admin1, 1.0, 2.0, pop, f"{name}:{iso3}")


LIBYA = _city("Tripoli", "LBY", 1_300_000)
LEBANON = _city("Tripoli", "LBN", 230_000)
HONG_KONG = _city("Victoria", "HKG", 950_000)
CANADA = _city("Victoria", "CAN", 290_000, "British Columbia")


def _mention(*candidates, hint=None, near=False, qualifier=()):
    return PlaceMention(
        0,
        1,
        0,
        1,
        candidates[0].name,
        0,
        len(candidates[0].name),
        tuple((c, True) for c in candidates),
        hint=hint,
        near=near,
        qualifier=qualifier,
    )


def _context(sentence=(), document=(), neighbours=()):
    return Context(frozenset(sentence), frozenset(document), frozenset(neighbours))


def test_prominence_decides_without_context():
    assert choose(_mention(LIBYA, LEBANON), _context()) is LIBYA


def test_the_documents_countries_outweigh_prominence():
    assert choose(_mention(LIBYA, LEBANON), _context(sentence={"LBN"})) is LEBANON
    assert choose(_mention(LIBYA, LEBANON), _context(document={"LBN"})) is LEBANON
    assert choose(_mention(HONG_KONG, CANADA), _context(neighbours={"CAN"})) is CANADA


def test_close_rivals_abroad_without_context_give_no_place():
    assert choose(_mention(HONG_KONG, CANADA), _context()) is None


def test_a_qualifier_narrows_the_candidates():
    bc = Place("British Columbia", "admin1", "admin1", "CAN", None, None, None, 0, "CA-BC")
    assert choose(_mention(HONG_KONG, CANADA, qualifier=(bc,)), _context()) is CANADA


def test_precision_follows_the_kind_and_the_words_around():
    sea = Place("Black Sea", "hand", "sea", None, None, 43.4, 34.0, 0, "hand:Black Sea")
    country = Place("Peru", "country", "country", "PER", None, -9.0, -75.0, 33_000_000, "PER")
    assert _precision(_mention(LIBYA), LIBYA) == "exact"
    assert _precision(_mention(LIBYA, near=True), LIBYA) == "near"
    assert _precision(_mention(LIBYA, hint="facility"), LIBYA) == "near"
    assert _precision(_mention(LIBYA, hint="region"), LIBYA) == "region"
    assert _precision(_mention(sea), sea) == "region"
    assert _precision(_mention(country), country) == "country"
