"""Tests of the PETRARCH actor/agent dictionary reader."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eventcoder.actors.petrarch_format import (
    DatedCode,
    code_on,
    parse_date,
    read_actors,
    read_agents,
    regular_plurals,
)
from eventcoder.errors import InputError

ACTORS = """<!-- a comment
block -->
RUSSIA  [RUS]
+RUSSIAN
GOLLUM  # a comment
+SMEAGOL
\t[HOB < 950601]
\t[HOBGOV 19950601 - 19990815]
\t[HOBREB > 990816]
ENT
\t[ENT]
UN_ [IGOUNO]
"""

AGENTS = """!MINST! = MINISTER, MINISTRY
POLICE {} [~COP]
ARMY [~MIL]
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]
!MINST!_OF_DEFENCE [~MIL]
HUMAN_RIGHTS_BODY [NGO~]
"""


def test_parse_date_two_and_four_digit_years() -> None:
    assert parse_date("940720") == dt.date(1994, 7, 20)
    assert parse_date("000101") == dt.date(2000, 1, 1)
    assert parse_date("20220105") == dt.date(2022, 1, 5)
    with pytest.raises(ValueError):
        parse_date("2022")


def test_read_actors_groups_synonyms_and_dates(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ACTORS)
    records = read_actors(path)
    assert [r.phrases[0] for r in records] == [("RUSSIA",), ("GOLLUM",), ("ENT",), ("UN",)]
    assert records[0].phrases[1] == ("RUSSIAN",)
    gollum = records[1]
    assert gollum.code_on(dt.date(1990, 1, 1)) == "HOB"
    assert gollum.code_on(dt.date(1997, 1, 1)) == "HOBGOV"
    assert gollum.code_on(dt.date(2005, 1, 1)) == "HOBREB"
    assert records[2].code_on(None) == "ENT"


def test_code_on_null_code_is_none() -> None:
    assert code_on([DatedCode("---")], None) is None
    assert code_on([DatedCode("USR", None, dt.date(1991, 12, 26))], dt.date(2000, 1, 1)) is None


def test_read_agents_plurals_and_substitutions(tmp_path: Path) -> None:
    path = tmp_path / "g.txt"
    path.write_text(AGENTS)
    phrases = {e.phrase: e for e in read_agents(path)}
    assert ("POLICE",) in phrases and ("POLICES",) not in phrases
    assert ("ARMIES",) in phrases
    assert ("ATTORNEYS", "GENERAL") in phrases
    assert ("MINISTRY", "OF", "DEFENCE") in phrases
    assert phrases[("HUMAN", "RIGHTS", "BODY")].prefix
    assert phrases[("ARMY",)].code == "MIL"


def test_regular_plurals() -> None:
    assert regular_plurals("PARTY") == ["PARTIES"]
    assert regular_plurals("PRESS") == ["PRESSES"]


def test_missing_file_is_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="E005"):
        read_actors(tmp_path / "nope.txt")


def test_reads_peer_dictionaries(shared_data: Path) -> None:
    folder = shared_data / "petrarch2" / "dictionaries"
    validate = read_actors(folder / "PETR.Validate.actors.txt")
    assert any(("GOLLUM",) in r.phrases for r in validate)
    agents = read_agents(folder / "PETR.Validate.agents.txt")
    assert any(e.phrase == ("CONGRESSWOMEN",) and e.code == "LEG" for e in agents)
    phoenix = read_actors(folder / "Phoenix.Countries.actors.txt")
    assert len(phoenix) > 10000
    assert len(read_agents(folder / "Phoenix.agents.txt")) > 2000
