"""The document's dominant country counts states only, never an organisation's code."""

from __future__ import annotations

from eventcoder.actors.context import dominant_country
from eventcoder.actors.mention import ActorMention


def _mention(code: str, country: str, sector: str | None, rule: str) -> ActorMention:
    return ActorMention(0, 1, 0, "x", 0, 1, code, country, sector, "ORG", None, rule)


def test_a_coalition_named_often_is_no_dominant_country() -> None:
    coalition = _mention("IGOCOA", "COA", "IGO", "org:Coalition")
    iraq = _mention("IRQ", "IRQ", None, "state:Iraq")
    assert dominant_country([coalition] * 4 + [iraq] * 2) == "IRQ"


def test_an_islamic_organisation_code_is_no_state() -> None:
    oic = _mention("IGOOIC", "OIC", "IGO", "org:Organisation of Islamic Cooperation")
    assert dominant_country([oic] * 3) is None
