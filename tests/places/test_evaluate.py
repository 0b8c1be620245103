"""``eventcoder eval places``: scoring rules and floors on both gold sets."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from click.testing import CliRunner

from eventcoder.errors import InputError
from eventcoder.places.evaluate import GOLD_FILES, eval_places_command, load_gold, score_item
from eventcoder.records import EventRecord, Location


@dataclass(frozen=True)
class _Found:
    span: tuple[int, int]
    country: str | None
    lat: float | None
    lon: float | None
    name: str


ITEM = {
    "id": "t1",
    "text": "Police arrested two men in Tripoli near the Red Sea.",
    "places": [
        {"text": "Tripoli", "country": "LBY", "lat": 32.89, "lon": 13.19, "precision": "exact"},
        {"text": "Red Sea", "country": None, "lat": 20.0, "lon": 38.5, "precision": "region"},
    ],
    "events": [{"trigger": "arrested", "place": "Tripoli"}],
}


def _event(location):
    return EventRecord(id="t1:s0:e0", doc_id="t1", trigger="arrested", location=location)


def test_a_right_place_counts_everywhere():
    found = [_Found((26, 33), "LBY", 32.9, 13.2, "Tripoli"), _Found((0, 6), "USA", 0, 0, "x")]
    loc = Location("Tripoli", "LBY", 32.9, 13.2, None, "exact", (26, 33))
    s = score_item(ITEM, found, [_event(loc)])
    assert (s.mentions, s.found, s.country, s.points, s.within, s.extra) == (2, 1, 1, 1, 1, 1)
    assert (s.events, s.coded, s.attached) == (1, 1, 1)


def test_a_namesake_abroad_is_wrong_country_and_far():
    found = [_Found((26, 33), "LBN", 34.44, 35.84, "Tripoli")]
    loc = Location("Tripoli", "LBN", 34.44, 35.84, None, "exact", (26, 33))
    s = score_item(ITEM, found, [_event(loc)])
    assert (s.found, s.country, s.within, s.attached) == (1, 0, 0, 0)
    assert any("country LBN" in m for m in s.misses)


def test_gold_files_load_and_bad_ones_are_named(tmp_path):
    assert sum(len(p["places"]) for path in GOLD_FILES for p in load_gold(path)) >= 150
    bad = tmp_path / "bad.jsonl"
    bad.write_text(
        '{"id": "x", "text": "In Oslo.", "places": [{"text": "Bergen"}], "events": []}\n'
    )
    with pytest.raises(InputError, match="E951.*bad.jsonl:1"):
        load_gold(bad)


@pytest.mark.slow
def test_eval_places_meets_its_floors():
    result = CliRunner().invoke(eval_places_command, [])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[-1].startswith("places: found ")
    # floors a little below the figures in the README (dev, held-out, all)
    text = result.output
    for name in ("places_dev", "places_heldout"):
        assert name in text
    found, total = (int(x) for x in lines[-1].split()[2].split("/"))
    assert found / total >= 0.95
    country = next(line for line in lines[-5:] if "country right" in line)
    right, total = (int(x) for x in country.split()[2].split("/"))
    assert right / total >= 0.95
    within = next(line for line in lines[-5:] if "within 25 km" in line)
    near, points = (int(x) for x in within.split()[3].split("/"))
    assert near / points >= 0.9
    events = next(line for line in lines[-5:] if "right place attached" in line)
    attached, coded = (int(x) for x in events.split()[-2].split("/"))
    assert attached / coded >= 0.9
