"""Both stores: idempotent writes, per-document replacement, views, reading back."""

from __future__ import annotations

import datetime as dt

import pytest

from eventcoder.errors import ConfigError
from eventcoder.store import open_store

from .records_sample import sample


@pytest.fixture(params=["duckdb", "postgres"])
def store(request, tmp_path):
    if request.param == "duckdb":
        url = str(tmp_path / "test.duckdb")
    else:
        url = request.getfixturevalue("postgres_url")
    with open_store(url) as opened:
        if request.param == "postgres":
            opened.query("DELETE FROM records RETURNING id")
        yield opened


def test_write_twice_adds_no_duplicates(store):
    assert store.write(sample()) == 6
    assert store.write(sample()) == 6
    assert store.counts() == {
        "document": 1,
        "event": 1,
        "claim": 1,
        "quantity": 1,
        "poll": 1,
        "conflict": 1,
    }


def test_rewriting_a_document_drops_its_stale_records(store):
    store.write(sample())
    store.write(sample()[:2])  # the document now codes to fewer records
    assert store.counts() == {"document": 1, "event": 1}


def test_records_round_trip(store):
    original = sample()
    store.write(original)
    back = {r.id: r for r in store.records()}
    for record in original:
        assert back[record.id].to_dict() == record.to_dict()


def test_views_flatten_records(store):
    store.write(sample("d1") + sample("d2"))
    rows = store.query(
        "SELECT doc_id, source_code, target_code, cameo, goldstein, date_start "
        "FROM events ORDER BY doc_id"
    )
    march = dt.date(2022, 3, 1)  # dates are DATE columns, numbers are numbers
    assert rows == [
        ("d1", "IGOEU", "BLRGOV", "163", -8.0, march),
        ("d2", "IGOEU", "BLRGOV", "163", -8.0, march),
    ]
    assert store.query("SELECT share FROM polls") == [(0.3,), (0.3,)]


def test_has_document(store):
    assert not store.has_document("d1")
    store.write(sample())
    assert store.has_document("d1")
    assert next(iter(store.records(kind="event", doc_id="d1"))).cameo == "163"


def test_unknown_url_scheme_is_a_clear_error():
    with pytest.raises(ConfigError, match="E201"):
        open_store("mysql://localhost/db")


def test_interleaved_documents_in_one_write_lose_nothing(store):
    """Records of one document that are not adjacent in a call are all kept."""
    first, second = sample("d1"), sample("d2")
    interleaved = [r for pair in zip(first, second, strict=True) for r in pair]
    assert store.write(interleaved) == 12
    assert store.counts()["event"] == 2
    assert {r.id for r in store.records()} == {r.id for r in first + second}


def test_a_document_that_cannot_be_stored_costs_only_itself(store):
    from dataclasses import replace

    bad = sample("bad")
    bad[1] = replace(bad[1], sentence=2**40)  # does not fit the sentence column
    with store.batch(10) as writer:
        for group in (sample("ok1"), bad, sample("ok2")):
            assert writer.add(group[0].doc_id, group) == []
        failures = writer.flush()
    assert [doc for doc, _ in failures] == ["bad"] and "[E228]" in failures[0][1]
    assert store.has_document("ok1") and store.has_document("ok2")
    assert not store.has_document("bad")
