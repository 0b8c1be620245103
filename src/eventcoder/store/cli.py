"""``eventcoder query|sql|search|link|migrate``: get data out of a store without Python.

Every command opens the store read-only (``link`` and ``migrate`` excepted) and builds its
SQL with parameters only; ``sql`` runs the user's own SELECT in a read-only session and
refuses anything else.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click
import pyarrow as pa

from eventcoder.cli_options import iso_date
from eventcoder.errors import Errors, EventcoderError
from eventcoder.store.output import FORMATS, write_result

__all__ = [
    "link_command",
    "migrate_command",
    "query_command",
    "read_only_sql",
    "search_command",
    "sql_command",
]

DB_HELP = "Store (a .duckdb path or postgresql://...)."
_TABLE_COLUMNS = {
    "events": ["event_id", "date_start", "source_code", "cameo", "plover", "target_code",
               "modality", "num_mentions", "num_articles", "num_sources"],
    "mentions": ["id", "event_id", "date_start", "source_code", "cameo", "target_code",
                 "modality", "trigger"],
    "claims": ["id", "date_start", "speaker_code", "stance", "content"],
    "quantities": ["id", "measure", "low", "high", "unit", "source_code", "date_start"],
    "polls": ["id", "pollster", "answer", "share", "population", "date_start"],
    "conflicts": ["id", "measure", "members", "reason"],
    "documents": ["id", "date", "title", "source", "status", "n_sentences", "n_records"],
}  # fmt: skip


def _fail(exc: Exception) -> None:
    click.echo(str(exc), err=True)
    sys.exit(1)


def _run(action: Callable[[], Any]) -> Any:
    """Run ``action``; a store or usage problem becomes one message and exit status 1."""
    try:
        return action()
    except EventcoderError as exc:
        _fail(exc)
    except Exception as exc:  # noqa: BLE001 - a driver error on the user's SQL or data
        detail = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        _fail(EventcoderError(Errors.E227.format(detail=detail)))


def _open(db: str, read_only: bool = True, wait: bool = False) -> Any:
    from eventcoder.store import open_store

    return open_store(db, read_only=read_only, wait=float("inf") if wait else 0.0)


def _dyad(ctx: click.Context, param: click.Parameter, value: str | None) -> tuple[str, str] | None:
    if value is None:
        return None
    parts = [p.strip() for p in re.split(r"[-,>]", value) if p.strip()]
    if len(parts) != 2:
        raise click.BadParameter(f"{value!r}: give SOURCE-TARGET, e.g. RUS-UKR or IGOEU-BLRGOV")
    return parts[0], parts[1]


def _output_options(f: Callable[..., Any]) -> Callable[..., Any]:
    f = click.option(
        "--output",
        "-o",
        type=click.Path(dir_okay=False, path_type=Path),
        help="Write here instead of standard output (needed for parquet).",
    )(f)
    f = click.option(
        "--format",
        "fmt",
        type=click.Choice(FORMATS),
        default="table",
        show_default=True,
        help="Output format.",
    )(f)
    f = click.option(
        "--wait", is_flag=True, help="Wait while another process writes the DuckDB file."
    )(f)
    return click.option("--db", default="eventcoder.duckdb", show_default=True, help=DB_HELP)(f)


@click.command("query")
@click.argument(
    "kind",
    type=click.Choice(
        ["events", "mentions", "claims", "quantities", "polls", "conflicts", "documents"]
    ),
)
@_output_options
@click.option(
    "--actor", multiple=True, help="Actor code or country on either side (RUS, RUSMIL, EU)."
)
@click.option("--source", multiple=True, help="Source actor code or country (RUS, RUSMIL).")
@click.option("--target", multiple=True, help="Target actor code or country.")
@click.option(
    "--dyad", callback=_dyad, help="SOURCE-TARGET codes or countries, directed (RUS-UKR)."
)
@click.option("--cameo", multiple=True, help="CAMEO code or prefix (19, 193).")
@click.option("--root", multiple=True, help="CAMEO root, two digits (19).")
@click.option("--plover", multiple=True, help="PLOVER category (ASSAULT, SANCTION, ...).")
@click.option("--quad", multiple=True, type=int, help="Quad class 1-4.")
@click.option("--since", callback=iso_date, metavar="YYYY-MM-DD", help="Dates ending on or after.")
@click.option(
    "--until", callback=iso_date, metavar="YYYY-MM-DD", help="Dates starting on or before."
)
@click.option("--negated/--not-negated", default=None, help="Only negated / only affirmed events.")
@click.option("--modality", multiple=True, help="asserted, reported, intended, hypothetical, ...")
@click.option("--min-confidence", type=float, help="Events scored at least this confident.")
@click.option("--doc", multiple=True, help="Document id.")
@click.option("--text", help="Words that must occur in the sentence (documents: the text).")
@click.option("--limit", type=click.IntRange(0), help="At most this many rows.")
def query_command(kind: str, db: str, fmt: str, output: Path | None, **options: Any) -> None:
    """Records of one KIND, filtered. `events` counts real-world events (linked mentions,
    with num_mentions, num_articles, num_sources); `mentions` lists each coded event."""
    from eventcoder.store.query import Filters, build_query

    wait = options.pop("wait")
    for key in ("actor", "source", "target"):
        options[key] = tuple(options[key])
    for key in ("cameo", "root", "plover", "quad", "modality", "doc"):
        options[key] = tuple(options[key])
    filters = Filters(**options)

    def action() -> None:
        with _open(db, wait=wait) as store:
            sql, params = build_query(kind, filters, store)
            result = store.query_arrow(sql, params)
        if "nth" in result.column_names:
            result = result.drop(["nth"])
        write_result(result, fmt, output, _TABLE_COLUMNS[kind])

    _run(action)


def read_only_sql(store: Any, sql: str) -> pa.Table:
    """Run one SELECT (or WITH/EXPLAIN/SHOW/DESCRIBE) statement; refuse anything else."""
    from eventcoder.errors import ConfigError

    if store.dialect == "duckdb":
        import duckdb

        try:
            statements = store.con.extract_statements(sql)
        except duckdb.Error as exc:
            raise ConfigError(Errors.E227.format(detail=str(exc).splitlines()[0])) from None
        allowed = {duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN}
        kinds = [s.type for s in statements]
        if len(kinds) != 1 or kinds[0] not in allowed:
            what = (
                "one statement at a time"
                if len(kinds) != 1
                else f"{kinds[0].name} writes or changes state"
            )
            raise ConfigError(Errors.E224.format(detail=what))
    else:
        body = (
            re.sub(r"(--[^\n]*|/\*.*?\*/)", " ", sql, flags=re.DOTALL).strip().rstrip(";").strip()
        )
        first = (body.split(None, 1) or [""])[0].lower()
        if first not in {"select", "with", "explain", "values", "table", "show"}:
            raise ConfigError(
                Errors.E224.format(detail=f"{first.upper() or 'an empty statement'} is not a query")
            )
    return store.query_arrow(sql, [] if store.dialect == "postgres" else None)


@click.command("sql")
@click.argument("statement")
@_output_options
def sql_command(statement: str, db: str, fmt: str, output: Path | None, wait: bool) -> None:
    """Run a read-only SQL query (SELECT ...) over the store's tables and views:
    records, documents, events, event_mentions, linked_events, claims, quantities, polls,
    conflicts, texts, runs."""

    def action() -> None:
        with _open(db, wait=wait) as store:
            result = read_only_sql(store, statement)
        write_result(result, fmt, output)

    _run(action)


@click.command("search")
@click.argument("words")
@_output_options
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1))
def search_command(
    words: str, db: str, fmt: str, output: Path | None, limit: int, wait: bool
) -> None:
    """Documents whose title or text hold every one of WORDS (full-text, best first)."""
    from eventcoder.store.search import search

    def action() -> None:
        with _open(db, wait=wait) as store:
            hits = search(store, words, limit)
        result = pa.Table.from_pylist(
            [
                {
                    "doc_id": h.doc_id,
                    "title": h.title,
                    "date": h.date,
                    "score": round(h.score, 4),
                    "snippet": h.snippet,
                }
                for h in hits
            ],
            schema=pa.schema(
                [
                    ("doc_id", pa.string()),
                    ("title", pa.string()),
                    ("date", pa.date32()),
                    ("score", pa.float64()),
                    ("snippet", pa.string()),
                ]
            ),
        )
        write_result(result, fmt, output)

    _run(action)


@click.command("link")
@click.option("--db", default="eventcoder.duckdb", show_default=True, help=DB_HELP)
@click.option(
    "--window",
    default=7,
    show_default=True,
    type=click.IntRange(0),
    help="Days before publication that an undated event may have happened.",
)
@click.option("--wait", is_flag=True, help="Wait for a DuckDB file another process is writing.")
def link_command(db: str, window: int, wait: bool) -> None:
    """Link event mentions into real-world events again (`code --db` does this itself)."""
    from eventcoder.store.linking import link_events
    from eventcoder.store.search import refresh_index

    def action() -> None:
        with _open(db, read_only=False, wait=wait) as store:
            click.echo(str(link_events(store, window)), err=True)
            refresh_index(store)

    _run(action)


@click.command("migrate")
@click.option("--db", default="eventcoder.duckdb", show_default=True, help=DB_HELP)
def migrate_command(db: str) -> None:
    """Bring a store written by an older eventcoder to the current layout."""
    from eventcoder.store.schema import SCHEMA_VERSION

    def action() -> None:
        with _open(db, read_only=False) as store:
            click.echo(
                f"{db}: schema version {store.schema_version()} (current {SCHEMA_VERSION})",
                err=True,
            )

    _run(action)
