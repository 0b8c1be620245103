"""Records as Parquet partitions: one file per batch, written where the batch was coded.

Every partition has the same columns, so a folder of them reads as one table
(``duckdb: SELECT * FROM read_parquet('out/*.parquet')``, ``pandas.read_parquet('out')``):
``id``, ``record`` (the kind), ``doc_id``, ``sentence``, ``span_start``, ``span_end`` and
``payload``, the whole record as JSON in the output contract's form. Files are named
``part-<first>-<n>.parquet`` and appear whole (written under a temporary name, then
renamed), so a killed run leaves no half-written partition. The folder may be any fsspec
URL (``s3://bucket/run/``, a shared file system on a cluster).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from eventcoder.errors import Errors, EventcoderError
from eventcoder.runners.batch import CodeFn, DocumentResult, code_batch

__all__ = ["PARQUET_COLUMNS", "PartitionWriter", "stored_documents"]

PARQUET_COLUMNS = ("id", "record", "doc_id", "sentence", "span_start", "span_end", "payload")


def _schema() -> Any:
    import pyarrow as pa

    return pa.schema(
        [
            ("id", pa.string()),
            ("record", pa.string()),
            ("doc_id", pa.string()),
            ("sentence", pa.int64()),
            ("span_start", pa.int64()),
            ("span_end", pa.int64()),
            ("payload", pa.string()),
        ]
    )


def _filesystem(url: str) -> tuple[Any, str]:
    import fsspec

    fs, _, paths = fsspec.get_fs_token_paths(url)
    return fs, paths[0].rstrip("/")


def stored_documents(url: str) -> set[str]:
    """Ids of the documents already in the partitions under ``url`` (for ``--resume``)."""
    import pyarrow.parquet as pq

    fs, root = _filesystem(url)
    if not fs.exists(root):
        return set()
    found: set[str] = set()
    for path in fs.glob(f"{root}/part-*.parquet"):
        with fs.open(path, "rb") as handle:
            table = pq.read_table(handle, columns=["record", "doc_id"])
        for kind, doc_id in zip(
            table.column("record").to_pylist(), table.column("doc_id").to_pylist()
        ):
            if kind == "document":
                found.add(doc_id)
    return found


@dataclass(frozen=True)
class PartitionWriter:
    """Codes a batch and writes its records as one partition under ``url``.

    ``keep_records=False`` returns the results without their records (counts kept), so a
    distributed run that only writes Parquet sends no records back to the client.
    ``run`` (a distinct tag per run) keeps partitions of a resumed run apart from earlier
    ones; ``skip`` names documents coded again for the store only (``--resume`` with
    ``--db`` and ``--parquet``, when the killed run had written their partition but not
    stored them), so no partition holds a document twice.
    """

    url: str
    keep_records: bool = True
    run: str = ""
    skip: frozenset[str] = frozenset()  # documents the partitions already hold (resume)

    def __call__(self, index: int, documents: Sequence[Any], code: CodeFn) -> list[DocumentResult]:
        results = code_batch(documents, code)
        self.write(index, [r for r in results if r.doc_id not in self.skip])
        return results if self.keep_records else [r.light() for r in results]

    def write(self, index: int, results: list[DocumentResult]) -> str:
        """Write one partition (atomically) and return its path."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        rows: dict[str, list[Any]] = {name: [] for name in PARQUET_COLUMNS}
        for result in results:
            for record in result.records:
                data = record.to_dict()
                span = data.get("span") or [None, None]
                rows["id"].append(record.id)
                rows["record"].append(record.KIND)
                rows["doc_id"].append(record.doc_id)
                rows["sentence"].append(data.get("sentence"))
                rows["span_start"].append(span[0])
                rows["span_end"].append(span[1])
                rows["payload"].append(json.dumps(data, ensure_ascii=False))
        table = pa.table(rows, schema=_schema())
        fs, root = _filesystem(self.url)
        tag = f"-{self.run}" if self.run else ""
        path = f"{root}/part{tag}-{index:06d}.parquet"
        temporary = f"{root}/.{uuid.uuid4().hex}.tmp"
        try:
            fs.makedirs(root, exist_ok=True)
            with fs.open(temporary, "wb") as handle:
                pq.write_table(table, handle)
            fs.mv(temporary, path)
        except OSError as exc:
            raise EventcoderError(Errors.E066.format(path=path, detail=exc)) from None
        return path


def new_run_tag() -> str:
    """A short tag that keeps one run's partitions apart from another's."""
    return uuid.uuid4().hex[:8]
