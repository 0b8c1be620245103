"""Tests of the actor evaluation, and accuracy floors on the gold sets (CI gate).

Floors sit just below what was measured with the interim pipeline (see
src/eventcoder/data/actors/README.md): PLOVER GSR found 468/650 (72.0%), country 518/650
(79.7%), country+sector 213/375 (56.8%); GUM test pronouns 479/718 (66.7%).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventcoder.actors.evaluate import (
    _innermost,
    score_gsr,
    score_gum_pronouns,
)
from eventcoder.errors import InputError
from eventcoder.floors import accuracy_floors
from eventcoder.nlp.treebank import decode_mentions, treebank_path

_FLOORS = accuracy_floors("actors")["floors"]
GSR_FOUND_FLOOR = _FLOORS["gsr_found"]
GSR_COUNTRY_FLOOR = _FLOORS["gsr_country"]
GSR_SECTOR_FLOOR = _FLOORS["gsr_sector"]
GUM_PRONOUN_FLOOR = _FLOORS["gum_pronoun"]


def test_entity_brackets_keep_ids() -> None:
    values = ["(1-person-new", "1)", "(2-place-new-x)", "", "(1-person-giv)"]
    mentions = decode_mentions(values)
    assert sorted((first, last, eid) for first, last, eid, _ in mentions) == [
        (0, 1, "1"),
        (2, 2, "2"),
        (4, 4, "1"),
    ]
    assert {etype for *_, etype in mentions} == {"person", "place"}


def test_innermost_prefers_shortest() -> None:
    inner = _innermost([(0, 3, "a"), (2, 3, "b")], 4)
    assert inner[0][2] == "a" and inner[3][2] == "b"


def test_score_gsr_on_own_records(tmp_path: Path, nlp, coder) -> None:
    records = [
        {
            "date": "2022-05-01",
            "text": "Belarusian troops shelled the border, and the Kremlin said nothing.",
            "source": [{"actorText": "Belarusian troops", "code": "BLR", "sector": "MIL"}],
            "target": [{"actorText": "Kremlin", "code": "RUS", "sector": "GOV"}],
        },
        {"id": "doc-only", "event": "DOCUMENT"},
    ]
    path = tmp_path / "gsr.json"
    path.write_text(json.dumps(records))
    score = score_gsr(path, nlp, coder)
    assert score.total == 2 and score.found == 2 and score.sector_right == 2


def test_score_gsr_bad_file(tmp_path: Path, nlp, coder) -> None:
    path = tmp_path / "bad.json"
    path.write_text("{not json")
    with pytest.raises(InputError, match="E602"):
        score_gsr(path, nlp, coder)


def test_gsr_floor(shared_data: Path, nlp, coder) -> None:
    score = score_gsr(
        shared_data / "plover" / "gold_standard_records" / "PLOVER_GSR_CAMEO.txt", nlp, coder
    )
    assert score.total > 600
    assert score.found / score.total >= GSR_FOUND_FLOOR
    assert score.country_right / score.total >= GSR_COUNTRY_FLOOR
    assert score.sector_right / score.with_sector >= GSR_SECTOR_FLOOR


def test_gum_pronoun_floor(shared_data: Path, nlp) -> None:
    score = score_gum_pronouns(treebank_path(shared_data, "gum", "test"), nlp)
    assert score.total > 600
    assert score.right / score.total >= GUM_PRONOUN_FLOOR
