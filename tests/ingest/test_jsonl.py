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


def _docs(items: list) -> list[Document]:
    return [i for i in items if isinstance(i, Document)]


def test_json_file_of_json_lines_is_read_as_records(tmp_path: Path) -> None:
    from eventcoder.ingest.inputs import read_inputs

    path = tmp_path / "export.json"  # mongoexport writes JSON Lines under this name
    path.write_text(
        '{"_id": "a1", "body": "Kenya and Uganda signed a trade deal."}\n'
        '{"_id": "a2", "body": "Chile recalled its ambassador from Lima."}\n'
    )
    items = list(read_inputs([path], jsonl_fields={"id": "_id", "text": "body"}, language="any"))
    assert [d.id for d in _docs(items)] == ["a1", "a2"]
    assert not [i for i in items if isinstance(i, Rejection)]


def test_json_array_and_single_object(tmp_path: Path) -> None:
    from eventcoder.ingest.jsonl import read_json_file

    array = tmp_path / "array.json"
    array.write_text(
        '[\n  {"id": "x1", "text": "Peru closed its border."},\n  {"id": "x2", "text": "Chile '
        'protested."},\n  "not an object"\n]'
    )
    items = list(read_json_file(array))
    assert [d.id for d in _docs(items)] == ["x1", "x2"]
    [bad] = [i for i in items if isinstance(i, Rejection)]
    assert "[E007]" in bad.message and "item 3" in bad.message
    single = tmp_path / "one.json"
    single.write_text('{\n  "id": "s1",\n  "text": "Norway expelled two diplomats."\n}\n')
    assert [d.id for d in _docs(list(read_json_file(single)))] == ["s1"]
    broken = tmp_path / "broken.json"
    broken.write_text('[{"id": "b1", "text": "unfinished"')
    [rejection] = list(read_json_file(broken))
    assert "[E232]" in rejection.message


def test_renamed_field_that_no_record_has_is_named(tmp_path: Path) -> None:
    from eventcoder.ingest.jsonl import read_json_file

    path = tmp_path / "c.json"
    path.write_text('[{"id": "x1", "text": "Peru closed its border.", "date": "2023-01-02"}]')
    items = list(read_json_file(path, {"date": "published"}))
    warnings = [i for i in items if isinstance(i, Rejection)]
    assert [w.status for w in warnings] == ["warning"]
    assert "[E231]" in warnings[0].message and "'published'" in warnings[0].message
    assert _docs(items)[0].date is None  # the field was not there: date unknown, and said so


def test_field_option_on_a_text_file_is_not_ignored_silently(tmp_path: Path) -> None:
    from eventcoder.ingest.inputs import read_inputs

    path = tmp_path / "a.txt"
    path.write_text("Peru closed its border with Chile on Monday.")
    items = list(read_inputs([path], jsonl_fields={"text": "body"}, language="any"))
    warnings = [i for i in items if isinstance(i, Rejection)]
    assert len(warnings) == 1 and "[E230]" in warnings[0].message
    assert len(_docs(items)) == 1
