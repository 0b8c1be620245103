"""Filtered, paginated reads of stored records for the analysis functions and the HTTP API.

A thin layer over the store's per-kind views: every filter is checked against a pattern
first (a bad value is an :class:`~eventcoder.errors.ConfigError` naming it) and then passed
as a bound parameter, never pasted into SQL. When the store links event mentions into
real-world events (an ``event_mentions`` view), event reads can count each real-world event
once; on a store without links every mention is its own event.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, fields
from typing import Any

from eventcoder.errors import ConfigError, Errors
from eventcoder.records import DocumentRecord, EventRecord, Record, record_from_dict
from eventcoder.store import Store

__all__ = [
    "KINDS",
    "Filters",
    "Page",
    "document_text",
    "documents_by_id",
    "event_records",
    "fetch_page",
    "has_relation",
    "linked_event_ids",
    "load_events",
    "placeholder",
]

# record kind -> its view
KINDS: dict[str, str] = {
    "event": "events",
    "claim": "claims",
    "quantity": "quantities",
    "poll": "polls",
    "conflict": "conflicts",
    "document": "documents",
}

_CODE = re.compile(r"^[A-Za-z0-9]{1,24}$")
_CAMEO = re.compile(r"^[0-9]{2,4}$")
_WORD = re.compile(r"^[A-Za-z_]{1,32}$")
_ID = re.compile(r"^[^\x00-\x1f]{1,200}$")
MAX_LIMIT = 500


@dataclass(frozen=True)
class Filters:
    """What to select. Every field is optional; ``None`` means no constraint.

    ``actor`` matches an actor code by prefix (``BLR`` matches ``BLRGOV``) on either side,
    ``source``/``target`` on one side; ``country`` matches either side's country;
    ``cameo`` is a code or a root prefix (``19`` matches ``193``); ``text`` is a
    case-insensitive substring of the sentence.
    """

    actor: str | None = None
    source: str | None = None
    target: str | None = None
    country: str | None = None
    cameo: str | None = None
    plover: str | None = None
    quad_class: int | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    negated: bool | None = None
    modality: str | None = None
    doc_id: str | None = None
    text: str | None = None

    def __post_init__(self) -> None:
        checks = {
            "actor": _CODE,
            "source": _CODE,
            "target": _CODE,
            "country": _CODE,
            "cameo": _CAMEO,
            "plover": _WORD,
            "modality": _WORD,
            "doc_id": _ID,
        }
        for name, pattern in checks.items():
            value = getattr(self, name)
            if value is not None and not pattern.match(str(value)):
                raise ConfigError(Errors.E401.format(name=name, value=value))
        if self.quad_class is not None and self.quad_class not in (1, 2, 3, 4):
            raise ConfigError(Errors.E401.format(name="quad_class", value=self.quad_class))
        if self.text is not None and not 0 < len(self.text) <= 200:
            raise ConfigError(Errors.E401.format(name="text", value=self.text[:40]))
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise ConfigError(Errors.E402.format(start=self.date_from, end=self.date_to))

    @classmethod
    def from_strings(cls, values: dict[str, str | None]) -> Filters:
        """Filters from text values (query parameters, CLI options); dates as YYYY-MM-DD."""
        kwargs: dict[str, Any] = {}
        names = {f.name for f in fields(cls)}
        for name, value in values.items():
            if value is None or value == "":
                continue
            if name not in names:
                raise ConfigError(Errors.E403.format(name=name, names=", ".join(sorted(names))))
            kwargs[name] = _convert(name, value)
        return cls(**kwargs)

    def is_empty(self) -> bool:
        """True when nothing is constrained."""
        return all(getattr(self, f.name) is None for f in fields(self))


def _convert(name: str, value: str) -> Any:
    if name in ("date_from", "date_to"):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise ConfigError(Errors.E401.format(name=name, value=value)) from None
    if name == "quad_class":
        if not value.isdigit():
            raise ConfigError(Errors.E401.format(name=name, value=value))
        return int(value)
    if name == "negated":
        if value.lower() not in ("true", "false", "1", "0", "yes", "no"):
            raise ConfigError(Errors.E401.format(name=name, value=value))
        return value.lower() in ("true", "1", "yes")
    return value


@dataclass(frozen=True)
class Page:
    """One page of records and how many match in all."""

    total: int
    limit: int
    offset: int
    items: list[dict[str, Any]]

    def to_dict(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "limit": self.limit,
            "offset": self.offset,
            "items": self.items,
        }


def placeholder(store: Store) -> str:
    """The store driver's parameter mark (``?`` for DuckDB, ``%s`` for PostgreSQL)."""
    mark = getattr(store, "mark", None)
    if isinstance(mark, str) and mark:
        return mark
    return "%s" if type(store).__name__.startswith("Postgres") else "?"


def has_relation(store: Store, name: str) -> bool:
    """True when the store has a table or view of that name."""
    mark = placeholder(store)
    rows = store.query(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = " + mark, [name]
    )
    return bool(rows and rows[0][0])


# Which filters each kind of record understands, and the view columns they read.
_ACTOR_COLUMNS = {
    "event": (("source_code",), ("target_code",)),
    "claim": (("speaker_code",), ()),
    "quantity": (("source_code",), ()),
}
_COUNTRY_COLUMNS = {"event": ("source_country", "target_country")}
_DATED = {"event", "claim", "quantity", "poll"}
_SENTENCE_TEXT = {"event": "sentence_text", "claim": "content", "quantity": "text"}


def _where(kind: str, filters: Filters, mark: str) -> tuple[str, list[Any]]:
    """The WHERE clause (on the kind's view, aliased ``v``) and its parameters."""
    sql: list[str] = ["true"]
    params: list[Any] = []
    sources, targets = _ACTOR_COLUMNS.get(kind, ((), ()))
    unsupported = []

    def prefix(columns: tuple[str, ...], value: str | None, name: str) -> None:
        if value is None:
            return
        if not columns:
            unsupported.append(name)
            return
        sql.append("(" + " OR ".join(f"upper(v.{c}) LIKE {mark}" for c in columns) + ")")
        params.extend([value.upper() + "%"] * len(columns))

    prefix(sources + targets, filters.actor, "actor")
    prefix(sources, filters.source, "source")
    prefix(targets, filters.target, "target")
    prefix(_COUNTRY_COLUMNS.get(kind, ()), filters.country, "country")
    if kind == "event":
        for name, value in (("plover", filters.plover), ("modality", filters.modality)):
            if value is not None:
                sql.append(f"upper(v.{name}) = {mark}")
                params.append(value.upper())
        if filters.cameo is not None:
            sql.append(f"v.cameo LIKE {mark}")
            params.append(filters.cameo + "%")
        if filters.quad_class is not None:
            sql.append(f"v.quad_class = {mark}")
            params.append(filters.quad_class)
        if filters.negated is not None:
            sql.append(f"v.negated = {mark}")
            params.append(filters.negated)
    else:
        for name in ("plover", "modality", "cameo", "quad_class", "negated"):
            if getattr(filters, name) is not None:
                unsupported.append(name)
    date_start, date_end = (
        ("v.date", "v.date") if kind == "document" else ("v.date_start", "v.date_end")
    )
    if filters.date_from is not None or filters.date_to is not None:
        if kind not in _DATED and kind != "document":
            unsupported.append("date_from/date_to")
        # An interval matches when it overlaps the asked range; undated records never do.
        if filters.date_from is not None:
            sql.append(f"CAST(coalesce({date_end}, {date_start}) AS VARCHAR) >= {mark}")
            params.append(filters.date_from.isoformat())
        if filters.date_to is not None:
            sql.append(f"CAST(coalesce({date_start}, {date_end}) AS VARCHAR) <= {mark}")
            params.append(filters.date_to.isoformat())
    if filters.doc_id is not None:
        sql.append(f"v.doc_id = {mark}")
        params.append(filters.doc_id)
    if filters.text is not None:
        column: str | None = _SENTENCE_TEXT.get(kind, "title" if kind == "document" else None)
        if column is None:
            unsupported.append("text")
        else:
            sql.append(f"lower(v.{column}) LIKE {mark}")
            params.append("%" + _escape_like(filters.text.lower()) + "%")
    if unsupported:
        raise ConfigError(Errors.E404.format(kind=kind, names=", ".join(unsupported)))
    return " AND ".join(sql), params


def _escape_like(value: str) -> str:
    # Both DuckDB and PostgreSQL treat backslash as LIKE's default escape.
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _payload(value: Any) -> dict[str, Any]:
    return json.loads(value) if isinstance(value, str) else dict(value)


def fetch_page(
    store: Store, kind: str, filters: Filters = Filters(), limit: int = 50, offset: int = 0
) -> Page:
    """One page of records of ``kind`` matching ``filters``, in document then sentence order."""
    if kind not in KINDS:
        raise ConfigError(Errors.E405.format(kind=kind, kinds=", ".join(KINDS)))
    if not 1 <= limit <= MAX_LIMIT or offset < 0:
        raise ConfigError(Errors.E406.format(limit=limit, offset=offset, most=MAX_LIMIT))
    mark = placeholder(store)
    where, params = _where(kind, filters, mark)
    base = f"FROM {KINDS[kind]} v JOIN records r ON r.id = v.id WHERE {where}"
    total = store.query(f"SELECT count(*) {base}", params)[0][0]
    rows = store.query(
        f"SELECT r.payload {base} ORDER BY v.doc_id, v.sentence NULLS FIRST, v.id "
        f"LIMIT {mark} OFFSET {mark}",
        [*params, limit, offset],
    )
    return Page(int(total), limit, offset, [_payload(p) for (p,) in rows])


def event_records(store: Store, filters: Filters = Filters()) -> list[Record]:
    """Every event matching ``filters`` (all pages), as typed records."""
    mark = placeholder(store)
    where, params = _where("event", filters, mark)
    rows = store.query(
        f"SELECT r.payload FROM events v JOIN records r ON r.id = v.id WHERE {where} "
        "ORDER BY v.doc_id, v.sentence, v.id",
        params,
    )
    return [record_from_dict(_payload(p)) for (p,) in rows]


def linked_event_ids(store: Store) -> dict[str, str]:
    """Mention id -> id of the real-world event it was linked to (empty without links)."""
    if not has_relation(store, "event_mentions"):
        return {}
    return {m: e for m, e in store.query("SELECT id, event_id FROM event_mentions")}


def load_events(
    store: Store,
    filters: Filters = Filters(),
    linked: bool = True,
    include_negated: bool = False,
) -> list[EventRecord]:
    """Events for analysis: one mention per real-world event when the store links them,
    negated events ("did not attack") left out unless asked."""
    from eventcoder.analysis.series import unique_events

    events = [e for e in event_records(store, filters) if isinstance(e, EventRecord)]
    if not include_negated:
        events = [e for e in events if not e.negated]
    return unique_events(events, linked_event_ids(store) if linked else None)


def documents_by_id(store: Store) -> dict[str, DocumentRecord]:
    """Every stored document record by id."""
    return {d.id: d for d in store.records(kind="document") if isinstance(d, DocumentRecord)}


def document_text(store: Store, doc_id: str) -> str | None:
    """The document's text when the store keeps texts (a ``texts`` table), else None."""
    if not has_relation(store, "texts"):
        return None
    mark = placeholder(store)
    rows = store.query(f"SELECT text FROM texts WHERE doc_id = {mark}", [doc_id])
    return rows[0][0] if rows else None
