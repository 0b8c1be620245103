"""The store interface and the one table layout all back-ends share.

One table ``records`` keyed by record id, with the columns every query needs (kind,
document, sentence, span) and the full record as JSON. Per-kind views (``events``,
``claims``, ``quantities``, ``polls``, ``conflicts``, ``documents``) flatten the JSON
into columns. Writing a document replaces all its earlier records in one transaction,
so re-running a batch adds no duplicates and a killed run never leaves half a document.
"""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from itertools import groupby
from typing import Any

from eventcoder.records import Record, record_from_dict

__all__ = ["Store", "payload_query", "record_row"]


def record_row(record: Record) -> tuple[Any, ...]:
    """(id, kind, doc_id, sentence, span_start, span_end, json) for one record."""
    data = record.to_dict()
    span = data.get("span") or [None, None]
    return (
        record.id,
        record.KIND,
        record.doc_id,
        data.get("sentence"),
        span[0],
        span[1],
        json.dumps(data, ensure_ascii=False),
    )


def payload_query(kind: str | None, doc_id: str | None, mark: str) -> tuple[str, list[Any]]:
    """SELECT of stored payloads, filtered; ``mark`` is the driver's placeholder (? or %s)."""
    sql, params = "SELECT payload FROM records WHERE true", []
    for column, value in (("kind", kind), ("doc_id", doc_id)):
        if value:
            sql += f" AND {column} = {mark}"
            params.append(value)
    return sql + " ORDER BY doc_id, sentence NULLS FIRST, id", params


class Store(ABC):
    """A place to write records to and query them from."""

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def write(self, records: Iterable[Record]) -> int:
        """Write records grouped by document, replacing each document's earlier records."""
        count = 0
        for doc_id, group in groupby(records, key=lambda r: r.doc_id):
            rows = [record_row(r) for r in group]
            self._replace_document(doc_id, rows)
            count += len(rows)
        return count

    def records(self, kind: str | None = None, doc_id: str | None = None) -> Iterator[Record]:
        """Stored records, optionally of one kind and/or one document."""
        for payload in self._payloads(kind, doc_id):
            yield record_from_dict(json.loads(payload) if isinstance(payload, str) else payload)

    @abstractmethod
    def has_document(self, doc_id: str) -> bool:
        """True if the document was written whole and coded without failure (a document
        that was rejected or only partly coded is coded again by ``--resume``)."""

    @abstractmethod
    def counts(self) -> dict[str, int]:
        """Number of stored records by kind."""

    @abstractmethod
    def query(self, sql: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
        """Run read-only SQL against the store's tables and views."""

    @abstractmethod
    def close(self) -> None:
        """Release the connection."""

    @abstractmethod
    def _replace_document(self, doc_id: str, rows: list[tuple[Any, ...]]) -> None: ...

    @abstractmethod
    def _payloads(self, kind: str | None, doc_id: str | None) -> Iterator[Any]: ...
