"""The store interface and the one table layout all back-ends share.

One table ``records`` keyed by record id, with the columns every query needs (kind,
document, sentence, span, the record's dates as ``DATE``, the run that wrote it) and the
full record as JSON; per-kind views flatten it (``views.py``). Writing replaces all earlier
records of each document in the call, many documents in one transaction, so re-running a
batch adds no duplicates and a killed run never leaves half a document.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Self

import pyarrow as pa

from eventcoder.errors import Errors, StoreError
from eventcoder.records import Record, record_from_dict
from eventcoder.store.schema import (
    RECORD_COLUMNS,
    SCHEMA_VERSION,
    create_statements,
    migration_statements,
)
from eventcoder.store.views import view_statements

__all__ = ["RECORD_SCHEMA", "Store", "group_by_document", "record_row", "rows_table"]

log = logging.getLogger(__name__)

RECORD_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("kind", pa.string()),
        ("doc_id", pa.string()),
        ("sentence", pa.int32()),
        ("span_start", pa.int32()),
        ("span_end", pa.int32()),
        ("payload", pa.string()),
        ("date_start", pa.date32()),
        ("date_end", pa.date32()),
        ("run_id", pa.string()),
    ]
)
TEXT_SCHEMA = pa.schema([("doc_id", pa.string()), ("title", pa.string()), ("text", pa.string())])


def _day(value: Any) -> dt.date | None:
    if not isinstance(value, str) or len(value) != 10:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def record_row(record: Record, run_id: str | None = None) -> tuple[Any, ...]:
    """The ``records`` row of one record, in ``RECORD_COLUMNS`` order."""
    data = record.to_dict()
    span = data.get("span") or [None, None]
    date = data.get("date")
    if isinstance(date, dict):
        start, end = _day(date.get("start")), _day(date.get("end"))
    else:  # a document's date is one day
        start = end = _day(date)
    payload = json.dumps(data, ensure_ascii=False)
    return (record.id, record.KIND, record.doc_id, data.get("sentence"), span[0], span[1],
            payload, start, end, run_id)  # fmt: skip


def group_by_document(records: Iterable[Record]) -> dict[str, dict[str, Record]]:
    """Records by document id, then by record id (a later record with the same id wins).

    Every record of a document is kept wherever it sits in the input: the documents'
    records need not be adjacent.
    """
    groups: dict[str, dict[str, Record]] = {}
    for record in records:
        groups.setdefault(record.doc_id, {})[record.id] = record
    return groups


def rows_table(rows: list[tuple[Any, ...]]) -> pa.Table:
    """An Arrow table of ``records`` rows, for one bulk insert."""
    columns: list[Any] = list(zip(*rows, strict=True)) if rows else [[] for _ in RECORD_COLUMNS]
    return pa.table(
        [pa.array(col, type=f.type) for col, f in zip(columns, RECORD_SCHEMA, strict=True)],
        schema=RECORD_SCHEMA,
    )


class Store(ABC):
    """A place to write records to and query them from."""

    dialect: str = ""
    mark: str = "?"  # the driver's parameter placeholder
    url: str = ""
    read_only: bool = False

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -------------------------------------------------------------------------

    def write(
        self,
        records: Iterable[Record],
        texts: Mapping[str, tuple[str | None, str]] | None = None,
        run_id: str | None = None,
    ) -> int:
        """Write records, replacing every earlier record of each document in the call.

        All documents of one call go in one transaction. ``texts`` maps a document id to
        its (title, text) for full-text search. Returns the number of records written.
        """
        groups = group_by_document(records)
        rows = [record_row(r, run_id) for group in groups.values() for r in group.values()]
        text_rows = [(d, title, text) for d, (title, text) in (texts or {}).items()]
        doc_ids = list(dict.fromkeys([*groups, *(t[0] for t in text_rows)]))
        if doc_ids:
            self._replace_documents(doc_ids, rows, text_rows)
        return len(rows)

    def batch(self, documents: int = 200, run_id: str | None = None) -> BatchWriter:
        """A writer that stores ``documents`` documents per transaction."""
        return BatchWriter(self, documents, run_id)

    # -- reading -------------------------------------------------------------------------

    def records(self, kind: str | None = None, doc_id: str | None = None) -> Iterator[Record]:
        """Stored records, optionally of one kind and/or one document."""
        sql, params = "SELECT payload FROM records WHERE true", []
        for column, value in (("kind", kind), ("doc_id", doc_id)):
            if value:
                sql += f" AND {column} = {self.mark}"
                params.append(value)
        sql += " ORDER BY doc_id, sentence NULLS FIRST, id"
        for (payload,) in self._stream(sql, params):
            yield record_from_dict(json.loads(payload) if isinstance(payload, str) else payload)

    def has_document(self, doc_id: str) -> bool:
        """True if the document was written whole and coded without failure (a document
        that was rejected or only partly coded is coded again by ``--resume``)."""
        rows = self.query(
            f"SELECT count(*) FROM documents WHERE doc_id = {self.mark} AND status = 'coded'",
            [doc_id],
        )
        return bool(rows[0][0])

    def counts(self) -> dict[str, int]:
        """Number of stored records by kind."""
        return dict(self.query("SELECT kind, count(*) FROM records GROUP BY kind"))

    def schema_version(self) -> int | None:
        """The stored schema version: None for an empty database, 1 for the first layout."""
        if self._table_exists("store_meta"):
            rows = self.query("SELECT value FROM store_meta WHERE key = 'schema_version'")
            return int(rows[0][0]) if rows else 1
        return 1 if self._table_exists("records") else None

    # -- layout --------------------------------------------------------------------------

    def _prepare(self) -> None:
        """Create, check or migrate the layout; refuse a newer one."""
        version = self.schema_version()
        if version is not None and version > SCHEMA_VERSION:
            raise StoreError(Errors.E220.format(url=self.url, found=version, known=SCHEMA_VERSION))
        if self.read_only:
            if version is None:
                raise StoreError(Errors.E223.format(url=self.url))
            if version < SCHEMA_VERSION:
                raise StoreError(
                    Errors.E222.format(url=self.url, found=version, known=SCHEMA_VERSION)
                )
            return
        if version == SCHEMA_VERSION and self._views_current():
            return
        if version is None:
            statements = create_statements(self.dialect)
        elif version < SCHEMA_VERSION:
            log.warning("store %s: migrating schema %d -> %d", self.url, version, SCHEMA_VERSION)
            statements = migration_statements(self.dialect, version)
        else:
            statements = []
        views = view_statements(self.dialect)
        self._execute_all(
            [
                *statements,
                *views,
                "DELETE FROM store_meta WHERE key IN ('schema_version', 'views')",
                f"INSERT INTO store_meta VALUES ('schema_version', '{SCHEMA_VERSION}')",
                f"INSERT INTO store_meta VALUES ('views', '{_views_key(views)}')",
            ]
        )

    def _views_current(self) -> bool:
        rows = self.query("SELECT value FROM store_meta WHERE key = 'views'")
        return bool(rows) and rows[0][0] == _views_key(view_statements(self.dialect))

    def _table_exists(self, name: str) -> bool:
        rows = self.query(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = "
            f"{self.mark} AND table_schema = current_schema()",
            [name],
        )
        return bool(rows[0][0])

    # -- back-end specific ---------------------------------------------------------------

    @abstractmethod
    def query(self, sql: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
        """Run SQL against the store's tables and views; all rows."""

    @abstractmethod
    def query_arrow(self, sql: str, params: list[Any] | None = None) -> pa.Table:
        """Run SQL; the result as an Arrow table (typed columns, names kept)."""

    @abstractmethod
    def close(self) -> None:
        """Release the connection."""

    @abstractmethod
    def _execute_all(self, statements: list[str]) -> None:
        """Run DDL/DML statements in one transaction."""

    @abstractmethod
    def _replace_documents(
        self,
        doc_ids: list[str],
        rows: list[tuple[Any, ...]],
        text_rows: list[tuple[str, str | None, str]],
    ) -> None:
        """In one transaction: drop the documents' records and texts, insert the new ones."""

    @abstractmethod
    def replace_links(self, rows: list[tuple[str, str, int]]) -> None:
        """Replace ``event_links`` with (mention_id, event_id, mention_rank) rows."""

    @abstractmethod
    def _stream(self, sql: str, params: list[Any]) -> Iterator[tuple[Any, ...]]:
        """Rows of a query, a batch at a time."""


def _views_key(statements: list[str]) -> str:
    import hashlib

    return hashlib.sha256("\n".join(statements).encode()).hexdigest()[:16]


class BatchWriter:
    """Collects whole documents and writes many of them per transaction.

    ``add`` takes one document's records (and text); every ``size`` documents, and at
    ``flush``/``close``, the collected documents are written together. When a batch fails,
    its documents are written one by one so that one bad document costs only itself;
    ``flush`` returns the (doc_id, message) of each document that could not be stored.
    """

    def __init__(self, store: Store, size: int = 200, run_id: str | None = None) -> None:
        self.store, self.size, self.run_id = store, max(1, size), run_id
        self.pending: list[tuple[str, list[Record], tuple[str | None, str] | None]] = []
        self.written_documents = 0
        self.written_records = 0

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.flush()

    def add(
        self, doc_id: str, records: list[Record], text: tuple[str | None, str] | None = None
    ) -> list[tuple[str, str]]:
        """Queue one document; returns the failures of a batch this add wrote, if any."""
        self.pending.append((doc_id, records, text))
        return self.flush() if len(self.pending) >= self.size else []

    def flush(self) -> list[tuple[str, str]]:
        """Write what is queued; the (doc_id, message) of documents that failed."""
        pending, self.pending = self.pending, []
        if not pending:
            return []
        try:
            self._write(pending)
            return []
        except StoreError:
            raise
        except Exception:  # a driver error: find the document(s) it came from
            log.debug("batch write failed; writing its documents one by one", exc_info=True)
        failures = []
        for item in pending:
            try:
                self._write([item])
            except StoreError:
                raise
            except Exception as exc:  # noqa: BLE001 - any driver error costs one document
                detail = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
                failures.append((item[0], Errors.E228.format(doc=item[0], detail=detail)))
        return failures

    def _write(self, items: list[tuple[str, list[Record], tuple[str | None, str] | None]]) -> None:
        records = [r for _, group, _ in items for r in group]
        texts = {doc_id: text for doc_id, _, text in items if text is not None}
        self.written_records += self.store.write(records, texts, self.run_id)
        self.written_documents += len(items)
