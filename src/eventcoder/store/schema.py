"""The store's tables, its schema version and the migration path between versions.

Version 1 (eventcoder 0.1 before the query commands): one ``records`` table of seven columns
and no version mark. Version 2 adds typed date columns and the run that wrote each record
to ``records``, and the tables ``store_meta`` (the schema version), ``runs`` (one row per
``eventcoder code`` run), ``texts`` (each document's text, for full-text search) and
``event_links`` (which event mentions describe one real-world event).

A store whose version is newer than ``SCHEMA_VERSION`` is refused; an older one is migrated
in place, in one transaction, when it is opened for writing.
"""

from __future__ import annotations

__all__ = ["RECORD_COLUMNS", "SCHEMA_VERSION", "create_statements", "migration_statements"]

SCHEMA_VERSION = 2

# Column order of ``records`` (a migrated version-1 table ends up in the same order).
RECORD_COLUMNS = (
    "id",
    "kind",
    "doc_id",
    "sentence",
    "span_start",
    "span_end",
    "payload",
    "date_start",
    "date_end",
    "run_id",
)

_TYPES = {
    "duckdb": {"text": "VARCHAR", "json": "JSON", "ts": "TIMESTAMP"},
    "postgres": {"text": "TEXT", "json": "JSONB", "ts": "TIMESTAMP"},
}


def _records_v1(t: dict[str, str]) -> str:
    return (
        f"CREATE TABLE IF NOT EXISTS records (id {t['text']} PRIMARY KEY, "
        f"kind {t['text']} NOT NULL, doc_id {t['text']} NOT NULL, sentence INTEGER, "
        f"span_start INTEGER, span_end INTEGER, payload {t['json']} NOT NULL"
    )


def _side_tables(t: dict[str, str]) -> list[str]:
    text, ts = t["text"], t["ts"]
    return [
        f"CREATE TABLE IF NOT EXISTS store_meta (key {text} PRIMARY KEY, value {text})",
        (
            f"CREATE TABLE IF NOT EXISTS runs (run_id {text} PRIMARY KEY, started_at {ts}, "
            f"finished_at {ts}, status {text}, coder_version {text}, "
            f"dictionaries_hash {text}, command {text}, n_documents INTEGER, "
            "n_rejected INTEGER, n_records INTEGER)"
        ),
        f"CREATE TABLE IF NOT EXISTS texts (doc_id {text} PRIMARY KEY, title {text}, text {text})",
        (
            f"CREATE TABLE IF NOT EXISTS event_links (mention_id {text} PRIMARY KEY, "
            f"event_id {text} NOT NULL, mention_rank INTEGER NOT NULL)"
        ),
    ]


def _indexes(dialect: str) -> list[str]:
    out = [
        "CREATE INDEX IF NOT EXISTS records_doc ON records(doc_id)",
        "CREATE INDEX IF NOT EXISTS records_kind ON records(kind)",
    ]
    if dialect == "postgres":
        out += [
            "CREATE INDEX IF NOT EXISTS event_links_event ON event_links(event_id)",
            (
                "CREATE INDEX IF NOT EXISTS texts_fts ON texts "
                "USING gin (to_tsvector('english', coalesce(title, '') || ' ' || text))"
            ),
        ]
    return out


def create_statements(dialect: str) -> list[str]:
    """DDL that creates an empty store of the current version (``duckdb`` or ``postgres``)."""
    t = _TYPES[dialect]
    records = _records_v1(t) + f", date_start DATE, date_end DATE, run_id {t['text']})"
    return [records, *_side_tables(t), *_indexes(dialect)]


def _backfill_dates(dialect: str) -> str:
    if dialect == "duckdb":
        start = "json_extract_string(payload, '$.date.start')"
        end = "json_extract_string(payload, '$.date.end')"
        day = "json_extract_string(payload, '$.date')"
        cast = "TRY_CAST({} AS DATE)"
    else:
        start, end, day = "payload #>> '{date,start}'", "payload #>> '{date,end}'", ""
        day = "CASE WHEN jsonb_typeof(payload -> 'date') = 'string' THEN payload ->> 'date' END"
        cast = "CASE WHEN ({0}) ~ '^\\d{{4}}-\\d{{2}}-\\d{{2}}$' THEN ({0})::date END"
    return (
        "UPDATE records SET "
        f"date_start = CASE WHEN kind = 'document' THEN {cast.format(day)} "
        f"ELSE {cast.format(start)} END, "
        f"date_end = CASE WHEN kind = 'document' THEN {cast.format(day)} "
        f"ELSE {cast.format(end)} END"
    )


def migration_statements(dialect: str, version: int) -> list[str]:
    """DDL and updates that bring a store of ``version`` to ``SCHEMA_VERSION``."""
    t = _TYPES[dialect]
    out: list[str] = []
    if version < 2:
        # DuckDB cannot alter a table that an index depends on: drop it, alter, recreate.
        out += ["DROP INDEX IF EXISTS records_doc", "DROP INDEX IF EXISTS records_kind"]
        out += [
            "ALTER TABLE records ADD COLUMN date_start DATE",
            "ALTER TABLE records ADD COLUMN date_end DATE",
            f"ALTER TABLE records ADD COLUMN run_id {t['text']}",
            _backfill_dates(dialect),
            *_side_tables(t),
            *_indexes(dialect),
        ]
    return out
