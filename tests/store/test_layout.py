"""Schema version, migration from the first layout, newer stores, locks, runs."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import textwrap

import duckdb
import pytest

from eventcoder.errors import StoreError
from eventcoder.store import open_store
from eventcoder.store.runs import finish_run, start_run
from eventcoder.store.schema import SCHEMA_VERSION

from .records_sample import sample

_V1 = """
CREATE TABLE records (id VARCHAR PRIMARY KEY, kind VARCHAR NOT NULL, doc_id VARCHAR NOT NULL,
    sentence INTEGER, span_start INTEGER, span_end INTEGER, payload JSON NOT NULL);
CREATE INDEX records_doc ON records(doc_id);
"""


def _v1_store(path: str) -> None:
    """A store as the first layout wrote it (seven columns, no version mark)."""
    con = duckdb.connect(path)
    con.execute(_V1)
    for r in sample("old"):
        data = r.to_dict()
        span = data.get("span") or [None, None]
        con.execute(
            "INSERT INTO records VALUES (?, ?, ?, ?, ?, ?, ?)",
            [r.id, r.KIND, r.doc_id, data.get("sentence"), *span, json.dumps(data)],
        )
    con.close()


def test_first_layout_is_migrated_with_typed_dates(tmp_path):
    path = str(tmp_path / "v1.duckdb")
    _v1_store(path)
    with pytest.raises(StoreError, match="E222"):
        open_store(path, read_only=True)  # a reader does not migrate; it says how
    with open_store(path) as store:
        assert store.schema_version() == SCHEMA_VERSION
        assert store.query("SELECT date_start, date_end FROM events") == [
            (dt.date(2022, 3, 1), dt.date(2022, 3, 31))
        ]
        assert store.query("SELECT date FROM documents") == [(dt.date(2022, 11, 15),)]
        store.write(sample("new"))
        assert store.counts()["event"] == 2
    with open_store(path, read_only=True) as reader:
        assert reader.schema_version() == SCHEMA_VERSION


def test_newer_store_is_refused(tmp_path):
    path = str(tmp_path / "new.duckdb")
    with open_store(path) as store:
        store.query("UPDATE store_meta SET value = '99' WHERE key = 'schema_version'")
    for read_only in (False, True):
        with pytest.raises(StoreError, match=r"E220.*newer eventcoder.*99"):
            open_store(path, read_only=read_only)


def test_corrupt_file_is_a_clear_error(tmp_path):
    path = tmp_path / "broken.duckdb"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="E202"):
        open_store(str(path))


def test_missing_store_for_a_reader(tmp_path):
    with pytest.raises(StoreError, match="E223"):
        open_store(str(tmp_path / "none.duckdb"), read_only=True)


_HOLDER = """
import sys, time
from eventcoder.store import open_store
store = open_store(sys.argv[1])
print("open", flush=True)
time.sleep(float(sys.argv[2]))
store.close()
"""


def _hold(path: str, seconds: float) -> subprocess.Popen:
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(_HOLDER), path, str(seconds)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
    return holder


def test_second_writer_gets_an_error_naming_the_lock(tmp_path):
    path = str(tmp_path / "locked.duckdb")
    open_store(path).close()
    holder = _hold(path, 30)
    try:
        with pytest.raises(StoreError, match=r"E221.*locked by another process.*--wait"):
            open_store(path)
    finally:
        holder.kill()
        holder.wait()


def test_second_writer_waits_for_the_lock(tmp_path):
    path = str(tmp_path / "waited.duckdb")
    open_store(path).close()
    holder = _hold(path, 1.0)
    try:
        with open_store(path, wait=120) as store:  # returns once the holder has closed
            store.write(sample())
            assert store.has_document("d1")
        assert holder.wait(timeout=60) == 0
    finally:
        holder.kill()


def test_runs_table(tmp_path):
    with open_store(str(tmp_path / "runs.duckdb")) as store:
        run = start_run(store, "eventcoder code x")
        store.write(sample(), run_id=run)
        finish_run(store, run, documents=1, rejected=0, records=6)
        (row,) = store.query(
            "SELECT status, n_documents, n_records, length(dictionaries_hash), "
            "finished_at >= started_at FROM runs"
        )
        assert row == ("done", 1, 6, 16, True)
        assert store.query("SELECT DISTINCT run_id FROM records") == [(run,)]


def test_first_layout_is_migrated_on_postgres(postgres_url):
    import psycopg

    name = "v1_layout"
    with psycopg.connect(postgres_url, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name}")
        admin.execute(f"CREATE DATABASE {name}")
    url = postgres_url.rsplit("/", 1)[0] + f"/{name}"
    with psycopg.connect(url) as con:
        con.execute(_V1.replace("VARCHAR", "TEXT").replace("JSON", "JSONB"))
        for r in sample("old"):
            data = r.to_dict()
            span = data.get("span") or [None, None]
            con.execute(
                "INSERT INTO records VALUES (%s, %s, %s, %s, %s, %s, %s)",
                [r.id, r.KIND, r.doc_id, data.get("sentence"), *span, json.dumps(data)],
            )
    with pytest.raises(StoreError, match="E222"):
        open_store(url, read_only=True)
    with open_store(url) as store:
        assert store.schema_version() == SCHEMA_VERSION
        assert store.query("SELECT date_start, date_end FROM events") == [
            (dt.date(2022, 3, 1), dt.date(2022, 3, 31))
        ]
        assert store.query("SELECT date FROM documents") == [(dt.date(2022, 11, 15),)]
        store.write(sample("new"))
        assert store.counts()["event"] == 2


def test_unreachable_postgres_is_a_clear_error():
    with pytest.raises(StoreError, match=r"E202.*127\.0\.0\.1") as caught:
        open_store("postgresql://nobody:secret@127.0.0.1:1/none")
    assert "secret" not in str(caught.value)  # the password is not repeated


def test_readers_work_while_postgres_is_written(postgres_url):
    with open_store(postgres_url) as writer:
        for table in ("records", "event_links", "texts"):
            writer.query(f"DELETE FROM {table}")
        writer.write(sample("before"))
        with writer.con.transaction():  # a batch being written, not yet committed
            writer.con.execute("DELETE FROM records WHERE doc_id = 'before'")
            with open_store(postgres_url, read_only=True) as reader:
                assert reader.has_document("before")  # sees the last committed state
                assert reader.counts()["event"] == 1
        assert not writer.has_document("before")


def test_commands_name_the_lock_or_wait_for_it(tmp_path):
    from click.testing import CliRunner

    from eventcoder.cli import main

    path = str(tmp_path / "busy.duckdb")
    with open_store(path) as store:
        store.write(sample())
    holder = _hold(path, 30)
    try:
        for args in (["query", "events"], ["code", "-", "--stages", "none"]):
            result = CliRunner().invoke(main, [*args, "--db", path], input="Peru met Chile.")
            assert result.exit_code == 1 and "[E221]" in result.stderr, args
            assert "Traceback" not in result.stderr
    finally:
        holder.kill()
        holder.wait()
    holder = _hold(path, 1.0)
    try:
        result = CliRunner().invoke(main, ["query", "events", "--db", path, "--wait"])
        assert result.exit_code == 0 and "163" in result.stdout
    finally:
        holder.kill()
        holder.wait()
