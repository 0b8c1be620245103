"""Running `eventcoder code --db` twice over a corpus leaves identical tables."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from eventcoder import cli_code
from eventcoder.cli import main
from eventcoder.records import Actor, DateInterval, EventRecord
from eventcoder.store import open_store

_TABLES = {
    "records": "SELECT id, kind, doc_id, sentence, span_start, span_end, CAST(payload AS "
    "VARCHAR), date_start, date_end FROM records ORDER BY id",
    "event_links": "SELECT * FROM event_links ORDER BY mention_id",
    "texts": "SELECT * FROM texts ORDER BY doc_id",
}


def _stand_in(*options: object):  # the arguments of _load_coder
    def code(document):
        event = EventRecord(
            id=f"{document.id}:s0:e0",
            doc_id=document.id,
            sentence=0,
            source=Actor("Peru", "PER", "PER"),
            target=Actor("Chile", "CHL", "CHL"),
            cameo="036",
            date=DateInterval("2023-05-01", "2023-05-01", "day"),
        )
        return [document.to_record(n_records=1), event]

    return code


def test_two_runs_leave_identical_tables(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.setattr(cli_code, "_load_coder", _stand_in)
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(
        "".join(
            json.dumps({"id": f"n{i}", "text": f"Peru offered talks to Chile, report {i}."}) + "\n"
            for i in range(7)
        )
    )
    db = str(tmp_path / "twice.duckdb")
    snapshots = []
    for _ in range(2):
        result = CliRunner().invoke(
            main, ["code", str(corpus), "--db", db, "--batch", "3", "--language", "any", "-o",
                   str(tmp_path / "out.jsonl")]
        )  # fmt: skip
        assert result.exit_code == 0, result.stderr
        with open_store(db, read_only=True) as store:
            snapshots.append({name: store.query(sql) for name, sql in _TABLES.items()})
            runs = store.query("SELECT status, n_documents, n_records FROM runs")
    assert snapshots[0] == snapshots[1]
    assert len(snapshots[0]["records"]) == 14 and len(snapshots[0]["event_links"]) == 7
    assert runs == [("done", 7, 14), ("done", 7, 14)]
