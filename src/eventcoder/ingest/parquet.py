"""Parquet corpora: one document per row, read a batch of rows at a time.

Rows give the same fields as JSON Lines items (``id``, ``text``, ``date``, optional
``url``, ``title``, ``source``; renamed with ``--field``); other columns go to
``Document.metadata``. The file may be local or any fsspec URL (``s3://...``,
``gs://...``, ``https://...``). A row without text is a Rejection naming the file and row.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from eventcoder.errors import Errors
from eventcoder.ingest.document import Document, Rejection
from eventcoder.ingest.jsonl import document_from_item, field_mapping

__all__ = ["PARQUET_SUFFIXES", "read_parquet_file"]

PARQUET_SUFFIXES = (".parquet", ".pq")
_ROWS_PER_BATCH = 1024


def _open(path: Path | str) -> Any:
    if isinstance(path, str) and "://" in path:
        import fsspec

        return fsspec.open(path, "rb").open()
    return Path(path).open("rb")


def read_parquet_file(
    path: Path | str, fields: Mapping[str, str] | None = None
) -> Iterator[Document | Rejection]:
    """Stream the documents of a Parquet file, ``_ROWS_PER_BATCH`` rows at a time."""
    import pyarrow.parquet as pq

    mapping = field_mapping(fields)
    number = 0
    try:
        with _open(path) as handle:
            reader = pq.ParquetFile(handle)
            for batch in reader.iter_batches(batch_size=_ROWS_PER_BATCH):
                for row in batch.to_pylist():
                    number += 1
                    yield document_from_item(row, mapping, f"{path}:{number}")
    except (OSError, ValueError) as exc:  # unreadable, or not Parquet (ArrowInvalid)
        yield Rejection(str(path), Errors.E065.format(path=path, detail=exc))
        return
    if not number:
        yield Rejection(str(path), Errors.E001.format(path=path))
