"""Parquet corpora and fsspec URLs as input: the same documents as the JSON Lines file."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from eventcoder.ingest import Document, Rejection, read_inputs

ITEMS = [
    {"id": "a", "text": "The ministers met in Lusaka on Tuesday.", "date": "2022-01-05"},
    {"id": "b", "text": "Talks in Quito ended without a deal.", "date": "2022-01-06"},
    {"id": "c", "text": "", "date": "2022-01-07"},
]


def _summary(items) -> list[tuple]:
    return [
        (i.id, i.text, i.date) if isinstance(i, Document) else ("rejected", i.message[:6])
        for i in items
    ]


def test_parquet_file_gives_the_documents_of_the_jsonl_file(tmp_path: Path) -> None:
    jsonl = tmp_path / "c.jsonl"
    jsonl.write_text("".join(json.dumps(i) + "\n" for i in ITEMS))
    pq.write_table(pa.Table.from_pylist(ITEMS), tmp_path / "c.parquet", row_group_size=1)
    from_jsonl = list(read_inputs([str(jsonl)]))
    from_parquet = list(read_inputs([str(tmp_path / "c.parquet")]))
    assert [i.id for i in from_parquet if isinstance(i, Document)] == ["a", "b"]
    assert _summary(from_parquet) == _summary(from_jsonl)
    assert isinstance(from_parquet[2], Rejection) and "c.parquet:3" in from_parquet[2].message


def test_fsspec_urls_with_a_glob_and_compression(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    with gzip.open(tmp_path / "in" / "part-1.jsonl.gz", "wt") as handle:
        handle.write(json.dumps(ITEMS[0]) + "\n")
    pq.write_table(pa.Table.from_pylist(ITEMS[1:2]), tmp_path / "in" / "part-2.parquet")
    found = list(read_inputs([f"file://{tmp_path}/in/part-*"]))
    assert [i.id for i in found] == ["a", "b"]
    missing = list(read_inputs([f"file://{tmp_path}/nowhere/*.jsonl"]))
    assert len(missing) == 1 and missing[0].message.startswith("[E005]")


def test_a_file_that_is_not_parquet_is_named(tmp_path: Path) -> None:
    bad = tmp_path / "bad.parquet"
    bad.write_text("not parquet at all")
    [item] = list(read_inputs([str(bad)]))
    assert isinstance(item, Rejection) and item.message.startswith("[E065]")
