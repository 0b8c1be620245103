"""Tests of the actor data loader and its phrase index."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eventcoder.actors.lexicon import DATA_DIR, Entry, Lexicon, PhraseIndex, code_for, split_code
from eventcoder.actors.petrarch_format import DatedCode
from eventcoder.errors import ModelError


def _lookup(index: PhraseIndex, text: str):
    words = text.split()
    return index.match(words, [w.lower() for w in words], 0)


def test_loads_and_covers_the_basics() -> None:
    lex = Lexicon.load()  # load time is measured in benchmarks/, not asserted here
    assert _lookup(lex.names, "Minsk")[1].country == "BLR"
    assert _lookup(lex.names, "the Kremlin")[1].sector == "GOV"
    assert _lookup(lex.names, "European Union")[1].code == "IGOEU"
    assert _lookup(lex.agents, "riot police")[1].sector == "COP"
    assert _lookup(lex.agents, "intelligence")[1].sector == "SPY"


def test_every_state_has_an_iso_code() -> None:
    rows = [
        line.split("\t")
        for line in (DATA_DIR / "states.tsv").read_text().splitlines()
        if line and not line.startswith("#")
    ]
    assert len(rows) > 190
    assert all(len(r[0]) == 3 and r[0].isupper() for r in rows)


def test_spelling_variants_share_terms() -> None:
    lex = Lexicon.load()
    day = dt.date(2022, 6, 1)
    assert _lookup(lex.names, "Lukashenka")[1].code_on(day) == "BLRGOV"
    assert _lookup(lex.names, "Lukashenko")[1].code_on(day) == "BLRGOV"
    assert _lookup(lex.names, "Zelenskyy")[1].code_on(day) == "UKRGOV"
    assert _lookup(lex.names, "Zelensky")[1].code_on(dt.date(2015, 1, 1)) == "UKRELI"


def test_code_for_prefers_office_over_elite() -> None:
    terms = [
        DatedCode("XXXELI", dt.date(1970, 1, 1), dt.date(2000, 1, 1)),
        DatedCode("XXXGOV", dt.date(1994, 7, 20), None),
        DatedCode("XXXELI"),
    ]
    assert code_for(terms, dt.date(1997, 1, 1)) == "XXXGOV"
    assert code_for(terms, dt.date(1980, 1, 1)) == "XXXELI"
    assert code_for(terms, None) == "XXXGOV"


def test_split_code() -> None:
    assert split_code("BLRMIL") == ("BLR", "MIL")
    assert split_code("IGOEU") == ("EU", "IGO")
    assert split_code("BLR") == ("BLR", None)
    assert split_code("---") == (None, None)


def test_case_rules() -> None:
    index = PhraseIndex()
    index.add("US", Entry("state", "USA"))
    index.add("Georgia", Entry("state", "GEO"))
    index.finish()
    assert _lookup(index, "US") is not None
    assert _lookup(index, "us") is None
    assert _lookup(index, "georgia") is None


def test_missing_folder_is_model_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="E601"):
        Lexicon.load(tmp_path / "nope")


def test_underscores_join_words_as_in_petrarch_text() -> None:
    from eventcoder.actors.lexicon import words_of

    assert words_of("Port_Valdoria") == ("Port", "Valdoria")
