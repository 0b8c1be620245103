"""Events in sentences about military facilities, placed at the facility."""

from __future__ import annotations

from eventcoder.places.gazetteer import distance_km


def _events(coder, text):
    return [r for r in coder.code(text, date="2023-05-02", min_confidence=0.0) if r.KIND == "event"]


def _at_base(location, lat, lon):
    return (
        location is not None
        and location.precision == "exact"
        and distance_km(location.lat, location.lon, lat, lon) <= 5
    )


def test_troops_deployed_to_a_base_move_themselves_there(coder):
    (event,) = _events(coder, "Russian troops were deployed to the Lida air base in March.")
    assert event.cameo == "154" and event.source.code == "RUSMIL" and event.target is None
    assert event.location.country == "BLR" and _at_base(event.location, 53.88, 25.38)


def test_a_base_restored_or_reopened_is_force_posture_at_the_base(coder):
    (event,) = _events(coder, "Russian forces reopened the Tiyas Air Base in May.")
    assert event.cameo == "150" and event.source.code == "RUSMIL"
    assert event.location.country == "SYR" and _at_base(event.location, 34.52, 37.63)
    (event,) = _events(coder, "The Russian military restored the Lida air base last year.")
    assert event.cameo == "150" and _at_base(event.location, 53.88, 25.38)


def test_no_posture_event_without_a_base_or_a_source(coder):
    assert not [
        e
        for e in _events(coder, "The government restored electricity to the base.")
        if e.cameo.startswith("15")
    ]
    assert not _events(coder, "The Lida air base was restored in 2021.")  # no one named
