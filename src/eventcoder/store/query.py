"""Filtered queries over the store's views, as parameterised SQL only.

``build_query(kind, filters, store)`` gives the SQL and its parameters; values never enter
the SQL text. ``events`` are real-world events (linked mentions, one row each, with
``num_mentions``/``num_articles``/``num_sources``); ``mentions`` are the events as coded.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, fields
from typing import Any

from eventcoder.errors import ConfigError, Errors
from eventcoder.store.base import Store

__all__ = ["KINDS", "Filters", "build_query", "known_plover"]

# kind -> (view, actor columns, text column, order)
KINDS: dict[str, tuple[str, tuple[str, ...], str | None, str]] = {
    "events": (
        "linked_events",
        ("source_code", "source_country", "target_code", "target_country"),
        "sentence_text",
        "coalesce(date_start, date_end) NULLS LAST, event_id",
    ),
    "mentions": (
        "event_mentions",
        ("source_code", "source_country", "target_code", "target_country"),
        "sentence_text",
        "doc_id, sentence, id",
    ),
    "claims": (
        "claims",
        ("speaker_code", "speaker_country"),
        "sentence_text",
        "doc_id, sentence, id",
    ),
    "quantities": (
        "quantities",
        ("source_code", "source_country"),
        "sentence_text",
        "doc_id, sentence, id",
    ),
    "polls": ("polls", (), "sentence_text", "doc_id, sentence, id"),
    "conflicts": ("conflicts", (), "reason", "doc_id, id"),
    "documents": ("documents", (), None, "date NULLS LAST, id"),
}
_EVENT_ONLY = ("dyad", "cameo", "root", "plover", "quad", "negated", "modality", "min_confidence")


@dataclass(frozen=True)
class Filters:
    """What to keep; empty fields keep everything. Several values of one field: any of them."""

    actor: tuple[str, ...] = ()  # actor code or country, either side (e.g. RUS, RUSMIL, EU)
    dyad: tuple[str, str] | None = None  # (source, target): codes or countries, directed
    cameo: tuple[str, ...] = ()  # CAMEO code or its prefix ("19", "193")
    root: tuple[str, ...] = ()  # CAMEO root, two digits ("19")
    plover: tuple[str, ...] = ()  # PLOVER category (ASSAULT, SANCTION...)
    quad: tuple[int, ...] = ()  # quad class 1-4
    since: dt.date | None = None  # the record's dates overlap [since, until]
    until: dt.date | None = None
    negated: bool | None = None
    modality: tuple[str, ...] = ()
    min_confidence: float | None = None
    doc: tuple[str, ...] = ()  # document ids
    text: str | None = None  # every word occurs in the sentence (documents: title or text)
    limit: int | None = None


def known_plover() -> set[str]:
    """PLOVER categories of the CAMEO -> PLOVER table."""
    from eventcoder.events.ontology import data_dir

    path = data_dir() / "cameo_plover.tsv"
    lines = path.read_text(encoding="utf-8").splitlines()
    return {p[1] for line in lines if not line.startswith("#") and len(p := line.split("\t")) > 1}


def _check(filters: Filters, kind: str, store: Store) -> None:
    if kind not in KINDS:
        raise ConfigError(Errors.E225.format(value=kind, option="kind", expected=", ".join(KINDS)))
    if kind not in ("events", "mentions"):
        used = [
            f.name for f in fields(filters) if f.name in _EVENT_ONLY and getattr(filters, f.name)
        ]
        used += ["actor"] if filters.actor and not KINDS[kind][1] else []
        if used:
            name = "--" + used[0].replace("_", "-")
            raise ConfigError(
                Errors.E225.format(
                    value=name, option=f"`query {kind}`", expected="event filters on events"
                )
            )
    bad_codes = [c for c in (*filters.cameo, *filters.root) if not re.fullmatch(r"\d{2,4}", c)]
    bad_codes += [r for r in filters.root if len(r) != 2]
    if bad_codes:
        raise ConfigError(
            Errors.E225.format(
                value=bad_codes[0],
                option="--cameo/--root",
                expected="CAMEO digits such as 19 or 193",
            )
        )
    if unknown := {p.upper() for p in filters.plover} - known_plover():
        raise ConfigError(
            Errors.E225.format(
                value=min(unknown),
                option="--plover",
                expected=", ".join(sorted(known_plover())),
            )
        )
    if bad := [q for q in filters.quad if q not in (1, 2, 3, 4)]:
        raise ConfigError(
            Errors.E225.format(value=bad[0], option="--quad", expected="1, 2, 3 or 4")
        )
    if filters.modality:
        seen = {r[0] for r in store.query("SELECT DISTINCT modality FROM events") if r[0]}
        known = seen | {"asserted", "reported", "intended", "threatened", "hypothetical"}
        if unknown := set(filters.modality) - known:
            raise ConfigError(
                Errors.E225.format(
                    value=min(unknown), option="--modality", expected=", ".join(sorted(known))
                )
            )
    if (
        filters.min_confidence is not None
        and not store.query("SELECT count(*) FROM events WHERE confidence IS NOT NULL")[0][0]
    ):
        raise ConfigError(Errors.E226.format())


def _any(column: str, values: tuple[Any, ...], m: str) -> tuple[str, list[Any]]:
    return f"{column} IN ({', '.join([m] * len(values))})", list(values)


def _clauses(kind: str, f: Filters, m: str) -> tuple[list[str], list[Any]]:
    _, actor_columns, text_column, _ = KINDS[kind]
    where: list[str] = []
    params: list[Any] = []

    def add(sql: str, values: list[Any]) -> None:
        where.append(sql)
        params.extend(values)

    for actor in f.actor:
        add(
            "(" + " OR ".join(f"upper({c}) = {m}" for c in actor_columns) + ")",
            [actor.upper()] * len(actor_columns),
        )
    if f.dyad:
        source, target = (v.upper() for v in f.dyad)
        add(
            f"(upper(source_code) = {m} OR upper(source_country) = {m}) AND "
            f"(upper(target_code) = {m} OR upper(target_country) = {m})",
            [source, source, target, target],
        )
    if f.cameo:
        add("(" + " OR ".join([f"cameo LIKE {m}"] * len(f.cameo)) + ")", [c + "%" for c in f.cameo])
    if f.root:
        add(*_any("substr(cameo, 1, 2)", f.root, m))
    if f.plover:
        add(*_any("plover", tuple(p.upper() for p in f.plover), m))
    if f.quad:
        add(*_any("quad_class", f.quad, m))
    if f.modality:
        add(*_any("modality", f.modality, m))
    if f.negated is not None:
        add(f"negated = {m}", [f.negated])
    if f.min_confidence is not None:
        add(f"confidence >= {m}", [f.min_confidence])
    if f.doc:
        add(*_any("id" if kind == "documents" else "doc_id", f.doc, m))
    start, end = ("date", "date") if kind == "documents" else ("date_start", "date_end")
    if f.since:
        add(f"coalesce({end}, {start}) >= {m}", [f.since])
    if f.until:
        add(f"coalesce({start}, {end}) <= {m}", [f.until])
    for word in re.findall(r"\w+", f.text or ""):
        pattern = "%" + word.replace("!", "!!").replace("_", "!_") + "%"
        if kind == "documents":
            add(
                "id IN (SELECT doc_id FROM texts WHERE (coalesce(title, '') || ' ' || text) "
                f"ILIKE {m} ESCAPE '!')",
                [pattern],
            )
        elif text_column:
            add(f"{text_column} ILIKE {m} ESCAPE '!'", [pattern])
    return where, params


def build_query(kind: str, filters: Filters, store: Store) -> tuple[str, list[Any]]:
    """The SELECT for ``kind`` with ``filters`` (checked: unknown values are an error)."""
    _check(filters, kind, store)
    view, _, _, order = KINDS[kind]
    where, params = _clauses(kind, filters, store.mark)
    sql = f"SELECT * FROM {view}"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += f" ORDER BY {order}"
    if filters.limit is not None:
        sql += f" LIMIT {store.mark}"
        params.append(int(filters.limit))
    return sql, params
