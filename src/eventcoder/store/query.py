"""Filtered queries over the store's views, as parameterised SQL only.

``build_query(kind, filters, store)`` gives the SQL and its parameters; values never enter
the SQL text. ``events`` are real-world events (linked mentions, one row each, with
``num_mentions``/``num_articles``/``num_sources``); ``mentions`` are the events as coded.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields, replace
from typing import Any

from eventcoder.errors import ConfigError, Errors
from eventcoder.store.base import Store

__all__ = [
    "KINDS",
    "LINK_COLUMNS",
    "MAX_PAGE",
    "Filters",
    "build_query",
    "count_matches",
    "count_query",
    "filter_names",
    "known_plover",
    "parse_filters",
    "select_records",
]

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
_EVENT_ONLY = (
    "source",
    "target",
    "dyad",
    "cameo",
    "root",
    "plover",
    "quad",
    "negated",
    "modality",
    "min_confidence",
)


@dataclass(frozen=True)
class Filters:
    """What to keep; empty fields keep everything. Several values of one field: any of them."""

    actor: tuple[str, ...] = ()  # actor code or country, either side (e.g. RUS, RUSMIL, EU)
    source: tuple[str, ...] = ()  # the source actor: code or country (one side only)
    target: tuple[str, ...] = ()  # the target actor: code or country
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
    offset: int = 0  # rows skipped before the first one returned (with ``limit``: a page)


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
    for side, values in (("source", f.source), ("target", f.target)):
        if values:
            add(
                "("
                + " OR ".join(
                    f"upper({side}_code) = {m} OR upper({side}_country) = {m}" for _ in values
                )
                + ")",
                [v.upper() for v in values for _ in (0, 1)],
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
                f"(title ILIKE {m} ESCAPE '!' OR id IN (SELECT doc_id FROM texts WHERE "
                f"(coalesce(title, '') || ' ' || text) ILIKE {m} ESCAPE '!'))",
                [pattern, pattern],
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
    if filters.offset:
        sql += f" OFFSET {store.mark}"
        params.append(int(filters.offset))
    return sql, params


def count_query(kind: str, filters: Filters, store: Store) -> tuple[str, list[Any]]:
    """SELECT count(*) of every row ``build_query`` matches, whatever its limit and offset."""
    sql, params = build_query(kind, replace(filters, limit=None, offset=0), store)
    return f"SELECT count(*) FROM ({sql}) AS matched", params


def count_matches(store: Store, kind: str, filters: Filters) -> int:
    """How many rows of ``kind`` match ``filters`` in all (a page's total)."""
    sql, params = count_query(kind, filters, store)
    return int(store.query(sql, params)[0][0])


LINK_COLUMNS = ("event_id", "num_mentions", "num_articles", "num_sources")


def select_records(store: Store, kind: str, filters: Filters) -> list[dict[str, Any]]:
    """The stored records (as ``Record.to_dict`` payloads) that ``build_query`` selects, in
    its order. ``events`` rows are each real-world event's first mention, with its
    ``event_id``, ``num_mentions``, ``num_articles`` and ``num_sources`` added."""
    sql, params = build_query(kind, filters, store)
    rows = store.query_arrow(sql, params).to_pylist()
    if not rows:
        return []
    payloads: dict[str, Any] = {}
    inner = f"SELECT id FROM ({sql}) AS matched"
    for rid, payload in store.query(
        f"SELECT id, payload FROM records WHERE id IN ({inner})", params
    ):
        payloads[rid] = json.loads(payload) if isinstance(payload, str) else dict(payload)
    out = []
    for row in rows:
        item = payloads.get(row["id"])
        if item is None:  # written between the two reads; the next read will show it
            continue
        if kind == "events":
            item.update({c: row[c] for c in LINK_COLUMNS})
        out.append(item)
    return out


MAX_PAGE = 500
_SINGLE = ("since", "until", "negated", "min_confidence", "text", "dyad")
_TEXT_FORMS = {
    "code": re.compile(r"^[A-Za-z0-9]{1,24}$"),
    "cameo": re.compile(r"^[0-9]{2,4}$"),
    "word": re.compile(r"^[A-Za-z_]{1,32}$"),
    "doc": re.compile(r"^[^\x00-\x1f]{1,200}$"),
}
_FORM_OF = {
    "actor": "code",
    "source": "code",
    "target": "code",
    "cameo": "cameo",
    "root": "cameo",
    "plover": "word",
    "modality": "word",
    "doc": "doc",
}


def filter_names(kind: str) -> tuple[str, ...]:
    """The filters records of ``kind`` understand (limit and offset aside)."""
    if kind not in KINDS:
        raise ConfigError(Errors.E405.format(kind=kind, kinds=", ".join(KINDS)))
    names = [f.name for f in fields(Filters) if f.name not in ("limit", "offset")]
    if kind in ("events", "mentions"):
        return tuple(names)
    return tuple(n for n in names if n not in _EVENT_ONLY and (n != "actor" or KINDS[kind][1]))


def parse_filters(
    kind: str, values: Mapping[str, str | Sequence[str] | None], *, ignore: Iterable[str] = ()
) -> Filters:
    """Filters for ``kind`` from text values (URL query parameters, form fields): several
    values of a filter are a list; dates are YYYY-MM-DD; ``dyad`` is SOURCE-TARGET.

    Errors name the filter: E401 a malformed value, E402 a reversed date range, E403 an
    unknown name, E404 a filter that records of ``kind`` do not have.
    """
    allowed = filter_names(kind)
    every = {f.name for f in fields(Filters)} - {"limit", "offset"}
    skipped = set(ignore)
    kwargs: dict[str, Any] = {}
    for name, raw in values.items():
        if name in skipped:
            continue
        texts = [raw] if isinstance(raw, str) else list(raw or [])
        texts = [t for t in texts if t != ""]
        if name not in every:
            known = ", ".join(sorted(allowed))
            raise ConfigError(Errors.E403.format(name=name, names=known))
        if not texts:
            continue
        if name not in allowed:
            raise ConfigError(Errors.E404.format(kind=kind, names=name))
        if name in _SINGLE and len(texts) > 1:
            raise ConfigError(Errors.E401.format(name=name, value=texts))
        kwargs[name] = _parse_value(name, texts)
    if kwargs.get("since") and kwargs.get("until") and kwargs["since"] > kwargs["until"]:
        raise ConfigError(Errors.E402.format(start=kwargs["since"], end=kwargs["until"]))
    return Filters(**kwargs)


def _parse_value(name: str, texts: list[str]) -> Any:
    def bad() -> ConfigError:
        return ConfigError(Errors.E401.format(name=name, value=texts[0][:60]))

    if name in _FORM_OF:
        if not all(_TEXT_FORMS[_FORM_OF[name]].match(t) for t in texts):
            raise bad()
        return tuple(t.upper() if name in ("plover",) else t for t in texts)
    text = texts[0]
    if name in ("since", "until"):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            raise bad() from None
    if name == "quad":
        if not all(t in ("1", "2", "3", "4") for t in texts):
            raise bad()
        return tuple(int(t) for t in texts)
    if name == "negated":
        if text.lower() not in ("true", "false", "1", "0", "yes", "no"):
            raise bad()
        return text.lower() in ("true", "1", "yes")
    if name == "min_confidence":
        try:
            value = float(text)
        except ValueError:
            raise bad() from None
        if not 0.0 <= value <= 1.0:
            raise bad()
        return value
    if name == "dyad":
        parts = text.split("-")
        if len(parts) != 2 or not all(_TEXT_FORMS["code"].match(p) for p in parts):
            raise bad()
        return (parts[0], parts[1])
    # text: words to find; at most 200 characters
    if not 0 < len(text) <= 200:
        raise bad()
    return text
