"""Store failures cost one document with a clear message; schema creation tolerates
concurrent writers; NUL bytes never reach the store; no message shows a password."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventcoder import cli_code
from eventcoder.cli import main
from eventcoder.errors import EventcoderError
from eventcoder.store import open_store, redact


def _documents_only(*args, **kwargs):
    return lambda document: [document.to_record()]


@pytest.mark.parametrize(
    "text",
    [
        "postgresql://coder:s3cret@db.example:5432/events",
        "host=db.example password=s3cret user=coder",
        "postgresql://db.example/events?user=coder&password=s3cret",
    ],
)
def test_redact_hides_passwords(text):
    assert "s3cret" not in redact(text) and "***" in redact(text)


def test_no_password_in_the_message_when_the_server_is_unreachable():
    with pytest.raises(EventcoderError) as caught:
        open_store("postgresql://coder:s3cret@127.0.0.1:1/events")
    assert "[E202]" in str(caught.value) and "s3cret" not in str(caught.value)


def test_nul_bytes_in_ids_and_titles_do_not_stop_a_postgres_batch(
    postgres_url, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(cli_code, "_load_coder", _documents_only)
    corpus = tmp_path / "nul.jsonl"
    lines = [
        {
            "id": "nul\x00id",
            "title": "A\x00title",
            "text": "The ministers met in Lusaka on Tuesday.",
        },
        {"id": "after", "text": "Talks on debt relief resumed in Nairobi on Wednesday."},
    ]
    corpus.write_text("".join(json.dumps(line) + "\n" for line in lines))
    result = CliRunner().invoke(main, ["code", str(corpus), "--db", postgres_url])
    assert result.exit_code == 0, result.stderr
    assert "Traceback" not in result.stderr
    with open_store(postgres_url) as store:
        docs = {r.doc_id: r for r in store.records(kind="document")}
    assert "after" in docs and "nulid" in docs
    assert docs["nulid"].title == "Atitle" and "[E048]" in docs["nulid"].warnings[0]


def test_concurrent_writers_create_the_schema_once(postgres_url):
    """Openers racing on a fresh database: one creates the layout, none fails. Several rounds,
    since the window (one opener reading the version while another commits the layout) is narrow."""
    import psycopg

    fresh = "eventcoder_race"
    url = postgres_url.rsplit("/", 1)[0] + "/" + fresh
    errors: list[Exception] = []
    for _ in range(8):
        with psycopg.connect(postgres_url, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {fresh}")
            admin.execute(f"CREATE DATABASE {fresh}")
        start = threading.Barrier(6)

        def writer(start: threading.Barrier) -> None:
            start.wait()
            try:
                open_store(url).close()
            except Exception as exc:  # noqa: BLE001 - any failure is what this test looks for
                errors.append(exc)

        threads = [threading.Thread(target=writer, args=(start,)) for _ in range(6)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert errors == []


def test_an_opener_reading_the_version_while_another_creates_it_waits(postgres_url, monkeypatch):
    """The race that once failed CI, made certain: one opener finds no store_meta table, pauses,
    and another creates the whole layout meanwhile. The first must not then read version 1 (the
    records table without store_meta) and migrate the new layout again."""
    import time

    import psycopg

    from eventcoder.store.postgres import PostgresStore

    fresh = "eventcoder_race_slow"
    with psycopg.connect(postgres_url, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {fresh}")
        admin.execute(f"CREATE DATABASE {fresh}")
    url = postgres_url.rsplit("/", 1)[0] + "/" + fresh
    table_exists = PostgresStore._table_exists
    slow = threading.Event()

    def slow_table_exists(self: PostgresStore, name: str) -> bool:
        found = table_exists(self, name)
        if name == "store_meta" and not found and not slow.is_set():
            slow.set()  # only the first opener pauses, between its two reads
            time.sleep(1.0)
        return found

    monkeypatch.setattr(PostgresStore, "_table_exists", slow_table_exists)
    errors: list[Exception] = []

    def opener() -> None:
        try:
            open_store(url).close()
        except Exception as exc:  # noqa: BLE001 - any failure is what this test looks for
            errors.append(exc)

    first = threading.Thread(target=opener)
    first.start()
    slow.wait(timeout=30)
    opener()  # the second opener, while the first is paused
    first.join()
    assert errors == []
    store = open_store(url, read_only=True)
    try:
        assert store.schema_version() is not None
    finally:
        store.close()
