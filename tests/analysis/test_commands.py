"""`eventcoder summary` and `eventcoder conflicts` over a store."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from eventcoder.cli import main
from eventcoder.records import Actor, DateInterval, DocumentRecord, QuantityRecord
from eventcoder.store import open_store

from ..store.records_sample import sample

_WEEK = DateInterval("2022-02-01", "2022-02-07", "week", "that week")


def _figure(doc: str, low: float, high: float, who: str) -> list:
    return [
        DocumentRecord(id=doc, doc_id=doc),
        QuantityRecord(
            id=f"{doc}:s0:q0",
            doc_id=doc,
            sentence=0,
            measure="troops",
            low=low,
            high=high,
            source=Actor(who, code=who),
            date=_WEEK,
            text=f"{low:g}-{high:g} troops",
        ),
    ]


def test_conflicts_across_documents(tmp_path):
    db = str(tmp_path / "s.duckdb")
    with open_store(db) as store:
        store.write(
            _figure("a", 3000, 7000, "UKRSPY")
            + _figure("b", 9000, 9000, "BLRMIL")
            + _figure("c", 8800, 9100, "BLRMIL")
        )
    result = CliRunner().invoke(main, ["conflicts", "--db", db, "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    conflicts = [json.loads(line) for line in result.output.splitlines()]
    assert len(conflicts) == 1
    assert "a:s0:q0" in conflicts[0]["members"] and conflicts[0]["record"] == "conflict"


def test_conflicts_needs_a_store(tmp_path):
    result = CliRunner().invoke(main, ["conflicts", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code != 0 and "[E223] No store" in result.output


def test_summary_shows_every_kind(tmp_path):
    db = str(tmp_path / "s.duckdb")
    with open_store(db) as store:
        store.write(sample())
    result = CliRunner().invoke(main, ["summary", "--db", db])
    assert result.exit_code == 0, result.output
    for title in ("Documents", "Events", "Claims", "Quantities", "Polls", "Conflicts"):
        assert title in result.output
    assert "IGOEU" in result.output and "SANCTION" in result.output


def test_summary_prints_markup_and_escapes_in_titles_as_text(tmp_path):
    db = str(tmp_path / "t.duckdb")
    hostile = "[/red][bold]Coup\x1b[31m rumours"
    with open_store(db) as store:
        store.write([DocumentRecord(id="t1", doc_id="t1", title=hostile)])
    result = CliRunner().invoke(main, ["summary", "--db", db], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "[/red][bold]Coup\\x1b[31m rumours" in result.output and "\x1b" not in result.output


@pytest.mark.parametrize("command", ["summary", "conflicts"])
def test_a_file_that_is_not_a_store_is_a_clear_error(command, tmp_path):
    bogus = tmp_path / "notes.duckdb"
    bogus.write_text("these are my notes, not a database\n" * 20)
    result = CliRunner().invoke(main, [command, "--db", str(bogus)])
    assert result.exit_code == 1 and "[E202]" in result.output
    assert (
        "Traceback" not in result.output
        and result.exception is None
        or isinstance(result.exception, SystemExit)
    )


@pytest.mark.parametrize("command", ["summary", "conflicts"])
def test_a_store_locked_by_a_writer_is_named_as_such(command, tmp_path):
    db = tmp_path / "busy.duckdb"
    with open_store(str(db)) as store:
        store.write(sample())
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLD_LOCK, str(db)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        result = CliRunner().invoke(main, [command, "--db", str(db)])
    finally:
        holder.kill()
        holder.wait()
    assert result.exit_code == 1 and "[E221]" in result.output, result.output
    assert "locked by another process" in result.output


_HOLD_LOCK = """
import sys, time, duckdb
con = duckdb.connect(sys.argv[1])
print("locked", flush=True)
time.sleep(120)
"""
