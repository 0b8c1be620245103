"""PostgreSQL store: the same tables and views as DuckDB, with JSONB payloads.

Writes go in with ``COPY``, many documents per transaction; readers see only committed
documents (PostgreSQL's snapshots), so queries run while a batch is being written.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pyarrow as pa

from eventcoder.errors import Errors, StoreError
from eventcoder.store.base import Store
from eventcoder.store.schema import RECORD_COLUMNS

__all__ = ["PostgresStore"]


class PostgresStore(Store):
    """Records in a PostgreSQL database given by a ``postgresql://`` URL."""

    dialect = "postgres"
    mark = "%s"

    def __init__(self, url: str, read_only: bool = False, wait: float = 0.0) -> None:
        import psycopg

        self.url = _hide_password(url)
        self.read_only = read_only
        try:
            self.con = psycopg.connect(url, autocommit=False, connect_timeout=10)
        except psycopg.Error as exc:
            detail = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
            detail = _hide_password(detail)  # a driver message may quote the connection string
            raise StoreError(Errors.E202.format(url=self.url, detail=detail)) from None
        if read_only:
            self.con.read_only = True
        try:
            self._prepare_locked()
        except BaseException:
            self.con.close()
            raise

    def _prepare_locked(self) -> None:
        """Read and settle the layout under one lock, so that concurrent openers never act on
        a version another one is changing (a reader between the creator's two tables once saw
        version 1 and migrated it again)."""
        self.con.execute("SELECT pg_advisory_lock(727274)")
        try:
            self._prepare()
        finally:
            if not self.con.closed:
                self.con.rollback()  # a failed statement leaves the unlock nowhere to run
                self.con.execute("SELECT pg_advisory_unlock(727274)")
                self.con.commit()

    def _execute_all(self, statements: list[str]) -> None:
        # Called from _prepare, under the layout lock that _prepare_locked holds.
        with self.con.transaction(), self.con.cursor() as cur:
            for statement in statements:
                cur.execute(statement)

    def _replace_documents(
        self,
        doc_ids: list[str],
        rows: list[tuple[Any, ...]],
        text_rows: list[tuple[str, str | None, str]],
    ) -> None:
        ids = [row[0] for row in rows]
        with self.con.transaction(), self.con.cursor() as cur:
            cur.execute(
                "DELETE FROM records WHERE doc_id = ANY(%s) OR id = ANY(%s)", [doc_ids, ids]
            )
            with cur.copy(f"COPY records ({', '.join(RECORD_COLUMNS)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            if text_rows:
                cur.execute("DELETE FROM texts WHERE doc_id = ANY(%s)", [[t[0] for t in text_rows]])
                with cur.copy("COPY texts (doc_id, title, text) FROM STDIN") as copy:
                    for text_row in text_rows:
                        copy.write_row(text_row)

    def replace_links(self, rows: list[tuple[str, str, int]]) -> None:
        with self.con.transaction(), self.con.cursor() as cur:
            cur.execute("DELETE FROM event_links")
            with cur.copy(
                "COPY event_links (mention_id, event_id, mention_rank) FROM STDIN"
            ) as copy:
                for row in rows:
                    copy.write_row(row)

    def _stream(self, sql: str, params: list[Any]) -> Iterator[tuple[Any, ...]]:
        with self.con.cursor() as cur:
            cur.execute(sql, params)
            yield from cur
        self.con.commit()

    def query(self, sql: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
        with self.con.cursor() as cur:
            try:
                cur.execute(sql, params or None)
                rows = cur.fetchall() if cur.description else []
            except Exception:
                self.con.rollback()
                raise
        self.con.commit()
        return rows

    def query_arrow(self, sql: str, params: list[Any] | None = None) -> pa.Table:
        with self.con.cursor() as cur:
            try:
                cur.execute(sql, params or None)
                names = [d.name for d in cur.description or []]
                rows = cur.fetchall()
            except Exception:
                self.con.rollback()
                raise
        self.con.commit()
        columns: list[Any] = list(zip(*rows, strict=True)) if rows else [[] for _ in names]
        arrays = [pa.array([_plain(v) for v in col]) for col in columns]
        return pa.table(arrays, names=names) if names else pa.table({})

    def close(self) -> None:
        self.con.close()


def _plain(value: Any) -> Any:
    """JSONB lists and objects as JSON text (as DuckDB gives them); decimals as floats."""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    if type(value).__name__ == "Decimal":
        return float(value)
    return value


def _hide_password(url: str) -> str:
    """The URL (or a message) as it may appear in a message: any password replaced by ***."""
    from eventcoder.store import redact

    return redact(url)
