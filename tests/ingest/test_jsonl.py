"""JSON Lines corpora: configurable fields, malformed lines reported, the rest still read."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eventcoder.errors import ConfigError
from eventcoder.ingest.document import Document, Rejection
from eventcoder.ingest.jsonl import field_mapping, read_jsonl_file

FIELDS = {"id": "uid", "text": "body", "date": "published", "source": "outlet"}


def test_items_are_read_with_renamed_fields(fixtures: Path) -> None:
    items = list(read_jsonl_file(fixtures / "corpus.jsonl", FIELDS))
    docs = [item for item in items if isinstance(item, Document)]
    assert [d.id for d in docs] == ["17", "20"]
    first = docs[0]
    assert first.date == dt.date(2020, 12, 7) and first.date_status == "given"
    assert first.source == "Test Wire" and first.metadata == {"section": "politics"}
    assert first.path.endswith("corpus.jsonl:1")


def test_malformed_lines_are_reported_with_their_number(fixtures: Path) -> None:
    items = list(read_jsonl_file(fixtures / "corpus.jsonl", FIELDS))
    rejected = {
        item.path.rsplit(":", 1)[1]: item.message for item in items if isinstance(item, Rejection)
    }
    assert set(rejected) == {"2", "4", "5"}
    assert "[E007]" in rejected["2"] and ":2:" in rejected["2"]
    assert "not an object" in rejected["4"]
    assert "[E008]" in rejected["5"] and "'body'" in rejected["5"]


def test_unreadable_date_is_a_warning(fixtures: Path) -> None:
    docs = [
        i for i in read_jsonl_file(fixtures / "corpus.jsonl", FIELDS) if isinstance(i, Document)
    ]
    assert docs[1].date is None and any("[E015]" in w for w in docs[1].warnings)


def test_empty_file_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_text("\n\n")
    [result] = list(read_jsonl_file(path))
    assert isinstance(result, Rejection) and "[E001]" in result.message


def test_nested_field_and_missing_id_gives_a_content_id(tmp_path: Path) -> None:
    path = tmp_path / "nested.jsonl"
    path.write_text('{"text": "Talks ended.", "meta": {"day": "2021-03-04"}}\n')
    [doc] = list(read_jsonl_file(path, {"date": "meta.day"}))
    assert isinstance(doc, Document)
    assert doc.date == dt.date(2021, 3, 4) and doc.id.startswith("d") and len(doc.id) == 17


def test_bad_field_mapping_is_refused() -> None:
    with pytest.raises(ConfigError):
        field_mapping({"body": "text"})
