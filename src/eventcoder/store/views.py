"""SQL for the per-kind views, written once for DuckDB and PostgreSQL JSON operators."""

from __future__ import annotations

__all__ = ["view_statements"]

# (view name, record kind, [(column, json path)...]); paths are dotted keys.
_VIEWS: list[tuple[str, str, list[tuple[str, str]]]] = [
    (
        "documents",
        "document",
        [
            ("title", "title"),
            ("url", "url"),
            ("source", "source"),
            ("date", "date"),
            ("date_status", "date_status"),
            ("language", "language"),
            ("status", "status"),
            ("n_sentences", "n_sentences"),
            ("n_records", "n_records"),
        ],
    ),
    (
        "events",
        "event",
        [
            ("source_text", "source.text"),
            ("source_code", "source.code"),
            ("source_country", "source.country"),
            ("source_sector", "source.sector"),
            ("target_text", "target.text"),
            ("target_code", "target.code"),
            ("target_country", "target.country"),
            ("target_sector", "target.sector"),
            ("cameo", "cameo"),
            ("plover", "plover"),
            ("goldstein", "goldstein"),
            ("quad_class", "quad_class"),
            ("negated", "negated"),
            ("modality", "modality"),
            ("date_start", "date.start"),
            ("date_end", "date.end"),
            ("date_granularity", "date.granularity"),
            ("location", "location.name"),
            ("reported_by", "reported_by.code"),
            ("trigger", "trigger"),
            ("sentence_text", "sentence_text"),
        ],
    ),
    (
        "claims",
        "claim",
        [
            ("speaker_text", "speaker.text"),
            ("speaker_code", "speaker.code"),
            ("content", "content"),
            ("verb", "verb"),
            ("stance", "stance"),
            ("date_start", "date.start"),
            ("date_end", "date.end"),
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
            ("source_text", "source.text"),
            ("source_code", "source.code"),
            ("text", "text"),
            ("date_start", "date.start"),
            ("date_end", "date.end"),
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
            ("date_start", "date.start"),
        ],
    ),
    ("conflicts", "conflict", [("measure", "measure"), ("reason", "reason")]),
]

_NUMERIC = {"goldstein", "low", "high", "share"}
_INTEGER = {"n_sentences", "n_records", "quad_class"}


def _duck(column: str, path: str) -> str:
    expr = f"json_extract_string(payload, '$.{path}')"
    if column in _NUMERIC:
        return f"TRY_CAST({expr} AS DOUBLE) AS {column}"
    if column in _INTEGER:
        return f"TRY_CAST({expr} AS BIGINT) AS {column}"
    if column == "negated":
        return f"TRY_CAST({expr} AS BOOLEAN) AS {column}"
    return f"{expr} AS {column}"


def _pg(column: str, path: str) -> str:
    keys = ",".join(path.split("."))
    expr = f"(payload #>> '{{{keys}}}')"
    if column in _NUMERIC:
        return f"{expr}::double precision AS {column}"
    if column in _INTEGER:
        return f"{expr}::bigint AS {column}"
    if column == "negated":
        return f"{expr}::boolean AS {column}"
    return f"{expr} AS {column}"


def view_statements(dialect: str) -> list[str]:
    """CREATE OR REPLACE VIEW statements for ``duckdb`` or ``postgres``."""
    make = _duck if dialect == "duckdb" else _pg
    out = []
    for name, kind, columns in _VIEWS:
        cols = ", ".join(make(c, p) for c, p in columns)
        out.append(
            f"CREATE OR REPLACE VIEW {name} AS SELECT id, doc_id, sentence, span_start, "
            f"span_end, {cols} FROM records WHERE kind = '{kind}'"
        )
    return out
