"""SQL for the per-kind views, written once for DuckDB and PostgreSQL JSON operators.

Every field of every record kind has a column (nested actors, dates and places flattened
with ``_``; lists such as warnings, caveats and members as JSON). Dates are ``DATE``
columns of the ``records`` table, numbers are numbers, flags are booleans.

``event_mentions`` is every event as coded (one row per mention) with the id of the
real-world event it was linked to; ``linked_events`` is one row per real-world event (its
first mention) with ``num_mentions``, ``num_articles`` and ``num_sources``.
"""

from __future__ import annotations

__all__ = ["MENTION_COLUMNS", "VIEW_COLUMNS", "view_statements"]

_DATED = ("date_start", "date_end")

# (view name, record kind, [(column, json path)...]); paths are dotted keys.
_VIEWS: list[tuple[str, str, list[tuple[str, str]]]] = [
    (
        "documents",
        "document",
        [
            ("title", "title"),
            ("url", "url"),
            ("source", "source"),
            ("path", "path"),
            ("date", "=date_start"),
            ("date_status", "date_status"),
            ("language", "language"),
            ("status", "status"),
            ("n_sentences", "n_sentences"),
            ("n_records", "n_records"),
            ("warnings", "warnings"),
        ],
    ),
    (
        "events",
        "event",
        [
            *(
                (f"{side}_{part}", f"{side}.{part}")
                for side in ("source", "target")
                for part in ("text", "code", "country", "sector", "entity_type")
            ),
            ("cameo", "cameo"),
            ("plover", "plover"),
            ("plover_mode", "plover_mode"),
            ("plover_context", "plover_context"),
            ("goldstein", "goldstein"),
            ("quad_class", "quad_class"),
            ("negated", "negated"),
            ("modality", "modality"),
            ("confidence", "confidence"),
            ("date_start", "=date_start"),
            ("date_end", "=date_end"),
            ("date_granularity", "date.granularity"),
            ("date_text", "date.text"),
            ("location", "location.name"),
            ("location_country", "location.country"),
            ("location_lat", "location.lat"),
            ("location_lon", "location.lon"),
            ("location_admin1", "location.admin1"),
            ("location_precision", "location.precision"),
            ("reported_by", "reported_by.code"),
            ("reported_by_text", "reported_by.text"),
            ("trigger", "trigger"),
            ("pattern", "pattern"),
            ("sentence_text", "sentence_text"),
        ],
    ),
    (
        "claims",
        "claim",
        [
            ("speaker_text", "speaker.text"),
            ("speaker_code", "speaker.code"),
            ("speaker_country", "speaker.country"),
            ("speaker_sector", "speaker.sector"),
            ("content", "content"),
            ("verb", "verb"),
            ("stance", "stance"),
            ("date_start", "=date_start"),
            ("date_end", "=date_end"),
            ("date_granularity", "date.granularity"),
            ("sentence_text", "sentence_text"),
        ],
    ),
    (
        "quantities",
        "quantity",
        [
            ("measure", "measure"),
            ("low", "low"),
            ("high", "high"),
            ("unit", "unit"),
            ("approximate", "approximate"),
            ("source_text", "source.text"),
            ("source_code", "source.code"),
            ("source_country", "source.country"),
            ("text", "text"),
            ("date_start", "=date_start"),
            ("date_end", "=date_end"),
            ("date_granularity", "date.granularity"),
            ("sentence_text", "sentence_text"),
        ],
    ),
    (
        "polls",
        "poll",
        [
            ("pollster", "pollster"),
            ("population", "population"),
            ("question", "question"),
            ("answer", "answer"),
            ("share", "share"),
            ("caveats", "caveats"),
            ("date_start", "=date_start"),
            ("date_end", "=date_end"),
            ("date_granularity", "date.granularity"),
            ("sentence_text", "sentence_text"),
        ],
    ),
    (
        "conflicts",
        "conflict",
        [("measure", "measure"), ("members", "members"), ("reason", "reason")],
    ),
]

_NUMERIC = {"goldstein", "low", "high", "share", "location_lat", "location_lon", "confidence"}
_INTEGER = {"n_sentences", "n_records", "quad_class"}
_BOOLEAN = {"negated", "approximate"}
_LISTS = {"warnings", "plover_context", "caveats", "members"}
_BASE = ("id", "doc_id", "sentence", "span_start", "span_end", "run_id")

VIEW_COLUMNS: dict[str, list[str]] = {
    name: [*_BASE, *(c for c, _ in cols)] for name, _, cols in _VIEWS
}
MENTION_COLUMNS = [
    "event_id",
    "mention_rank",
    "news_source",
    "doc_date",
    "doc_url",
    "doc_title",
    *VIEW_COLUMNS["events"],
]


def _duck(column: str, path: str) -> str:
    if path.startswith("="):
        return f"{path[1:]} AS {column}"
    if column in _LISTS:
        return f"json_extract(payload, '$.{path}') AS {column}"
    expr = f"json_extract_string(payload, '$.{path}')"
    if column in _NUMERIC:
        return f"TRY_CAST({expr} AS DOUBLE) AS {column}"
    if column in _INTEGER:
        return f"TRY_CAST({expr} AS BIGINT) AS {column}"
    if column in _BOOLEAN:
        return f"TRY_CAST({expr} AS BOOLEAN) AS {column}"
    return f"{expr} AS {column}"


def _pg(column: str, path: str) -> str:
    if path.startswith("="):
        return f"{path[1:]} AS {column}"
    keys = ",".join(path.split("."))
    if column in _LISTS:
        return f"(payload #> '{{{keys}}}') AS {column}"
    expr = f"(payload #>> '{{{keys}}}')"
    if column in _NUMERIC:
        return f"{expr}::double precision AS {column}"
    if column in _INTEGER:
        return f"{expr}::bigint AS {column}"
    if column in _BOOLEAN:
        return f"{expr}::boolean AS {column}"
    return f"{expr} AS {column}"


def _linked(dialect: str) -> list[str]:
    text = "VARCHAR" if dialect == "duckdb" else "TEXT"
    mentions = (
        "CREATE OR REPLACE VIEW event_mentions AS SELECT coalesce(l.event_id, e.id) AS event_id, "
        "coalesce(l.mention_rank, 0) AS mention_rank, "
        f"coalesce(d.source, d.url, CAST(e.doc_id AS {text})) AS news_source, "
        "d.date AS doc_date, d.url AS doc_url, d.title AS doc_title, e.* "
        "FROM events e LEFT JOIN event_links l ON l.mention_id = e.id "
        "LEFT JOIN documents d ON d.id = e.doc_id"
    )
    columns = ", ".join(f"m.{c}" for c in MENTION_COLUMNS)
    linked = (
        f"CREATE OR REPLACE VIEW linked_events AS SELECT {columns}, c.num_mentions, "
        "c.num_articles, "
        "c.num_sources FROM (SELECT *, row_number() OVER (PARTITION BY event_id "
        "ORDER BY mention_rank, id) AS nth FROM event_mentions) m JOIN (SELECT event_id, "
        "count(*) AS num_mentions, count(DISTINCT doc_id) AS num_articles, "
        "count(DISTINCT news_source) AS num_sources FROM event_mentions GROUP BY event_id) c "
        "ON c.event_id = m.event_id WHERE m.nth = 1"
    )
    return [mentions, linked]


def view_statements(dialect: str) -> list[str]:
    """CREATE OR REPLACE VIEW statements for ``duckdb`` or ``postgres``."""
    make = _duck if dialect == "duckdb" else _pg
    out = [f"DROP VIEW IF EXISTS {name}" for name in ("linked_events", "event_mentions")]
    for name, kind, columns in _VIEWS:
        cols = ", ".join(make(c, p) for c, p in columns)
        out.append(f"DROP VIEW IF EXISTS {name}")
        out.append(
            f"CREATE VIEW {name} AS SELECT {', '.join(_BASE)}, {cols} "
            f"FROM records WHERE kind = '{kind}'"
        )
    return out + _linked(dialect)
