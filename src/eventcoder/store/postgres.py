"""PostgreSQL store: the same table and views as DuckDB, with JSONB payloads."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from eventcoder.errors import ConfigError, Errors
from eventcoder.store.base import Store, payload_query
from eventcoder.store.views import view_statements

__all__ = ["PostgresStore"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS records (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    doc_id TEXT NOT NULL,
    sentence INTEGER,
    span_start INTEGER,
    span_end INTEGER,
    payload JSONB NOT NULL
);
CREATE INDEX IF NOT EXISTS records_doc ON records(doc_id);
CREATE INDEX IF NOT EXISTS records_kind ON records(kind);
"""


class PostgresStore(Store):
    """Records in a PostgreSQL database given by a ``postgresql://`` URL."""

    def __init__(self, url: str) -> None:
        import psycopg

        try:
            self.con = psycopg.connect(url, autocommit=False)
        except psycopg.Error as exc:
            raise ConfigError(Errors.E202.format(url=url, detail=exc)) from exc
        with self.con.cursor() as cur:
            cur.execute(_SCHEMA)
            for statement in view_statements("postgres"):
                cur.execute(statement)
        self.con.commit()

    def _replace_document(self, doc_id: str, rows: list[tuple[Any, ...]]) -> None:
        with self.con.transaction(), self.con.cursor() as cur:
            cur.execute("DELETE FROM records WHERE doc_id = %s", [doc_id])
            cur.executemany(
                "INSERT INTO records VALUES (%s, %s, %s, %s, %s, %s, %s::jsonb) "
                "ON CONFLICT (id) DO UPDATE SET payload = EXCLUDED.payload, "
                "doc_id = EXCLUDED.doc_id, kind = EXCLUDED.kind, sentence = EXCLUDED.sentence, "
                "span_start = EXCLUDED.span_start, span_end = EXCLUDED.span_end",
                rows,
            )

    def _payloads(self, kind: str | None, doc_id: str | None) -> Iterator[Any]:
        sql, params = payload_query(kind, doc_id, "%s")
        with self.con.cursor() as cur:
            cur.execute(sql, params)
            for (payload,) in cur:
                yield payload
        self.con.commit()

    def has_document(self, doc_id: str) -> bool:
        rows = self.query(
            "SELECT count(*) FROM records WHERE doc_id = %s AND kind = 'document' "
            "AND payload->>'status' = 'coded'",
            [doc_id],
        )
        return bool(rows[0][0])

    def counts(self) -> dict[str, int]:
        return dict(self.query("SELECT kind, count(*) FROM records GROUP BY kind"))

    def query(self, sql: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
        with self.con.cursor() as cur:
            cur.execute(sql, params or [])
            rows = cur.fetchall()
        self.con.commit()
        return rows

    def close(self) -> None:
        self.con.close()
