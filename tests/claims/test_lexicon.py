"""The claims data files and their loaders."""

from __future__ import annotations

import pytest

from eventcoder.claims import lexicon
from eventcoder.errors import ModelError


def test_reporting_verbs_have_all_forms_and_a_stance():
    verbs = lexicon.load_reporting_verbs()
    assert verbs["denied"] == ("deny", "denial")
    assert verbs["says"][1] == "assertion"
    assert verbs["estimated"][1] == "estimate"
    assert verbs["told"][0] == "tell"


def test_vague_amounts_are_ranges():
    table = lexicon.load_vague_amounts()
    assert all(v.low <= v.high for v in table.values())
    assert table["dozens"].low == 12 and table["several"].kind == "multiplier"


def test_caveat_cues_compile_and_match():
    cues = dict(lexicon.load_poll_caveats())
    assert cues["online sample"].search("the survey was conducted online")
    assert cues["margin of error"].search("a margin of error of 3 points")


def test_units_are_normalised():
    assert lexicon.load_units()["per cent"].name == "percent"


def test_malformed_data_file_is_a_clear_error(tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("# header\nonly-one-column\n", encoding="utf-8")
    with pytest.raises(ModelError, match="E103"):
        lexicon._rows(bad, 2)
    with pytest.raises(ModelError, match="E103"):
        lexicon._rows(tmp_path / "missing.tsv", 2)
