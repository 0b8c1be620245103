"""Actor-dependent recoding (events.recode) on its own."""

from __future__ import annotations

from eventcoder.actors.mention import ActorMention
from eventcoder.events.recode import mutual_code, recode_for_actors


def _actor(code: str, sector: str | None) -> ActorMention:
    return ActorMention(
        start=0,
        end=1,
        head=0,
        text=code,
        char_start=0,
        char_end=1,
        code=code,
        country=code[:3],
        sector=sector,
    )


def test_generic_force_on_unarmed_people_is_assault():
    army, villagers = _actor("CHLMIL", "MIL"), _actor("PERCVL", "CVL")
    assert recode_for_actors("190", army, villagers) == "180"
    assert recode_for_actors("195", army, villagers) == "195"  # an air strike stays one
    assert recode_for_actors("190", army, _actor("PERMIL", "MIL")) == "190"
    assert recode_for_actors("190", army, None) == "190"


def test_support_between_armed_forces_is_military_aid():
    coalition, rebels = _actor("IGOCOA", "IGO"), _actor("SYRREB", "REB")
    assert recode_for_actors("050", coalition, rebels) == "072"
    assert recode_for_actors("060", coalition, rebels) == "062"
    assert recode_for_actors("050", _actor("FRAGOV", "GOV"), rebels) == "050"


def test_only_the_visit_loses_its_reverse_code():
    assert mutual_code("042", "043") is None
    assert mutual_code("043", "042") is None
    assert mutual_code("040", "040") == "040"
    assert mutual_code("074", "0861") == "0861"
