"""The embedded default store: one DuckDB file.

A DuckDB file has one writer at a time: a second process that opens it gets a clear error
naming the lock (E221), or waits for it with ``wait`` seconds. Readers open it read-only.
Writes go in as Arrow tables, many documents per transaction. Full-text search uses
DuckDB's ``fts`` extension from the pinned ``duckdb-extension-fts`` package; nothing is
fetched from the network.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from eventcoder.errors import Errors, StoreError
from eventcoder.store.base import TEXT_SCHEMA, Store, rows_table
from eventcoder.store.schema import RECORD_COLUMNS

__all__ = ["DuckDBStore", "load_fts"]

log = logging.getLogger(__name__)

_CONFIG = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}


def _connect(path: str, read_only: bool, wait: float) -> duckdb.DuckDBPyConnection:
    """Open the file; on a lock held elsewhere wait up to ``wait`` seconds, then E221."""
    deadline = time.monotonic() + wait
    told = False
    while True:
        try:
            return duckdb.connect(path, read_only=read_only, config=dict(_CONFIG))
        except duckdb.Error as exc:
            message = str(exc)
            if "lock" not in message.lower():
                raise StoreError(Errors.E202.format(url=path, detail=message)) from None
            if time.monotonic() >= deadline:
                pid = re.search(r"PID (\d+)", message)
                holder = f" (PID {pid.group(1)})" if pid else ""
                raise StoreError(Errors.E221.format(url=path, holder=holder)) from None
            if not told:
                log.warning("store %s is locked by another process; waiting", path)
                told = True
            time.sleep(0.2)


def load_fts(con: duckdb.DuckDBPyConnection) -> None:
    """Load the full-text extension from the installed ``duckdb-extension-fts`` package."""
    import duckdb_extension_fts

    folder = Path(duckdb_extension_fts.__file__).parent / "extensions"
    path = folder / f"v{duckdb.__version__}" / "fts.duckdb_extension"
    if not path.exists():
        found = sorted(folder.glob("*/fts.duckdb_extension"))
        if not found:
            raise StoreError(Errors.E202.format(url="fts", detail=f"no extension in {folder}"))
        path = found[-1]
    con.execute(f"LOAD '{path.as_posix()}'")


_LINK_TYPES = (pa.string(), pa.string(), pa.int32())


def _columns(rows: list[tuple[Any, ...]], width: int) -> list[list[Any]]:
    return [list(c) for c in zip(*rows, strict=True)] if rows else [[] for _ in range(width)]


class DuckDBStore(Store):
    """Records in a DuckDB file (``:memory:`` for a throw-away store)."""

    dialect = "duckdb"
    mark = "?"

    def __init__(self, path: str | Path, read_only: bool = False, wait: float = 0.0) -> None:
        self.url = self.path = str(path)
        self.read_only = read_only
        if self.path != ":memory:":
            if read_only and not Path(self.path).exists():
                raise StoreError(Errors.E223.format(url=self.path))
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self.con = _connect(self.path, read_only, wait)
        try:
            self._prepare()
        except BaseException:
            self.con.close()
            raise

    def _execute_all(self, statements: list[str]) -> None:
        with _transaction(self.con):
            for statement in statements:
                self.con.execute(statement)

    def _replace_documents(
        self,
        doc_ids: list[str],
        rows: list[tuple[Any, ...]],
        text_rows: list[tuple[str, str | None, str]],
    ) -> None:
        incoming = rows_table(rows)
        texts = pa.Table.from_pylist(
            [dict(zip(TEXT_SCHEMA.names, t, strict=True)) for t in text_rows], schema=TEXT_SCHEMA
        )
        docs = pa.table({"doc_id": pa.array(doc_ids, pa.string())})
        con = self.con.cursor()  # registrations stay local to this cursor
        try:
            con.register("_docs", docs)
            con.register("_incoming", incoming)
            con.register("_texts", texts)
            with _transaction(con):
                con.execute(
                    "DELETE FROM records WHERE doc_id IN (SELECT doc_id FROM _docs) "
                    "OR id IN (SELECT id FROM _incoming)"
                )
                con.execute(
                    f"INSERT INTO records ({', '.join(RECORD_COLUMNS)}) "
                    f"SELECT {', '.join(RECORD_COLUMNS)} FROM _incoming"
                )
                if text_rows:
                    con.execute("DELETE FROM texts WHERE doc_id IN (SELECT doc_id FROM _texts)")
                    con.execute("INSERT INTO texts SELECT doc_id, title, text FROM _texts")
        finally:
            con.close()

    def replace_links(self, rows: list[tuple[str, str, int]]) -> None:
        links = pa.table(
            [pa.array(c, t) for c, t in zip(_columns(rows, 3), _LINK_TYPES, strict=True)],
            names=["mention_id", "event_id", "mention_rank"],
        )
        con = self.con.cursor()
        try:
            con.register("_links", links)
            with _transaction(con):
                con.execute("DELETE FROM event_links")
                con.execute("INSERT INTO event_links SELECT * FROM _links")
        finally:
            con.close()

    def _stream(self, sql: str, params: list[Any]) -> Iterator[tuple[Any, ...]]:
        cursor = self.con.cursor()
        try:
            cursor.execute(sql, params)
            while batch := cursor.fetchmany(1000):
                yield from batch
        finally:
            cursor.close()

    def query(self, sql: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
        return self.con.execute(sql, params or []).fetchall()

    def query_arrow(self, sql: str, params: list[Any] | None = None) -> pa.Table:
        result = self.con.execute(sql, params or []).to_arrow_table()
        return result

    def close(self) -> None:
        self.con.close()


@contextmanager
def _transaction(con: Any) -> Iterator[None]:
    """BEGIN ... COMMIT on ``con``, rolled back on any exception."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
