"""The embedded default store: one DuckDB file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb

from eventcoder.errors import ConfigError, Errors
from eventcoder.store.base import Store, payload_query
from eventcoder.store.views import view_statements

__all__ = ["DuckDBStore"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS records (
    id VARCHAR PRIMARY KEY,
    kind VARCHAR NOT NULL,
    doc_id VARCHAR NOT NULL,
    sentence INTEGER,
    span_start INTEGER,
    span_end INTEGER,
    payload JSON NOT NULL
)
"""


class DuckDBStore(Store):
    """Records in a DuckDB file (``:memory:`` for a throw-away store)."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        try:
            # Never let DuckDB fetch extensions from the network.
            self.con = duckdb.connect(
                self.path,
                config={"autoinstall_known_extensions": False, "autoload_known_extensions": False},
            )
        except duckdb.Error as exc:
            raise ConfigError(Errors.E202.format(url=self.path, detail=exc)) from exc
        self.con.execute(_SCHEMA)
        self.con.execute("CREATE INDEX IF NOT EXISTS records_doc ON records(doc_id)")
        for statement in view_statements("duckdb"):
            self.con.execute(statement)

    def _replace_document(self, doc_id: str, rows: list[tuple[Any, ...]]) -> None:
        self.con.execute("BEGIN TRANSACTION")
        try:
            self.con.execute("DELETE FROM records WHERE doc_id = ?", [doc_id])
            self.con.executemany(
                "INSERT OR REPLACE INTO records VALUES (?, ?, ?, ?, ?, ?, ?)", rows
            )
            self.con.execute("COMMIT")
        except duckdb.Error:
            self.con.execute("ROLLBACK")
            raise

    def _payloads(self, kind: str | None, doc_id: str | None) -> Iterator[Any]:
        sql, params = payload_query(kind, doc_id, "?")
        cursor = self.con.execute(sql, params)
        while batch := cursor.fetchmany(1000):
            for (payload,) in batch:
                yield payload

    def has_document(self, doc_id: str) -> bool:
        row = self.con.execute(
            "SELECT count(*) FROM records WHERE doc_id = ? AND kind = 'document' "
            "AND json_extract_string(payload, '$.status') = 'coded'",
            [doc_id],
        ).fetchone()
        return bool(row and row[0])

    def counts(self) -> dict[str, int]:
        rows = self.con.execute("SELECT kind, count(*) FROM records GROUP BY kind").fetchall()
        return {kind: n for kind, n in rows}

    def query(self, sql: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
        return self.con.execute(sql, params or []).fetchall()

    def close(self) -> None:
        self.con.close()
