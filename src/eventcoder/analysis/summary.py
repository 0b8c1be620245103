"""A readable summary of what a store holds: documents, then each kind of record."""

from __future__ import annotations

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text

from eventcoder.analysis.reading import read, reading_store
from eventcoder.safe_output import terminal_text
from eventcoder.store import Store
from eventcoder.store.options import db_option

__all__ = ["print_summary", "summary_command"]

_SECTIONS: list[tuple[str, str, list[str]]] = [
    (
        "Documents",
        (
            "SELECT coalesce(title, id), date, date_status, status, n_sentences, "
            "n_records FROM documents ORDER BY date NULLS LAST, id"
        ),
        ["document", "date", "date", "status", "sentences", "records"],
    ),
    (
        "Events",
        (
            "SELECT coalesce(CAST(date_start AS VARCHAR), '?') || ' / ' || date_granularity, "
            "coalesce(source_code, source_text, '-'), cameo || ' ' || coalesce(plover, ''), "
            "coalesce(target_code, target_text, '-'), modality || "
            "CASE WHEN negated THEN ' (negated)' ELSE '' END, trigger "
            "FROM events ORDER BY date_start NULLS LAST, doc_id, sentence"
        ),
        ["when", "source", "CAMEO / PLOVER", "target", "modality", "trigger"],
    ),
    (
        "Claims",
        (
            "SELECT coalesce(speaker_code, speaker_text, '-'), stance, content "
            "FROM claims ORDER BY doc_id, sentence"
        ),
        ["speaker", "stance", "content"],
    ),
    (
        "Quantities and estimates",
        (
            "SELECT measure, low, high, unit, "
            "coalesce(source_code, source_text, '-') FROM quantities ORDER BY doc_id, sentence"
        ),
        ["measure", "low", "high", "unit", "source"],
    ),
    (
        "Polls",
        "SELECT pollster, answer, share, population FROM polls ORDER BY doc_id, sentence",
        ["pollster", "answer", "share", "population"],
    ),
    ("Conflicts", "SELECT measure, reason FROM conflicts ORDER BY doc_id", ["measure", "reason"]),
]


def _cell(value: object, width: int = 70) -> Text:
    return terminal_text(value, width)


def print_summary(store: Store, console: Console | None = None, limit: int = 25) -> None:
    """Print the store's counts and a table per record kind (at most ``limit`` rows each)."""
    console = console or Console()
    counts = store.counts()
    console.print(
        "[bold]Records by kind:[/bold] "
        + ", ".join(f"{kind} {n}" for kind, n in sorted(counts.items()))
        if counts
        else "Store is empty."
    )
    for title, sql, headers in _SECTIONS:
        rows = store.query(sql)
        if not rows:
            continue
        table = Table(title=f"{title} ({len(rows)})", title_justify="left")
        for header in headers:
            table.add_column(header, overflow="fold")
        for row in rows[:limit]:
            table.add_row(*(_cell(v) for v in row))
        console.print(table)
        if len(rows) > limit:
            console.print(f"  … and {len(rows) - limit} more")


@click.command("summary")
@db_option("Store to summarise")
@click.option("--limit", default=25, show_default=True, help="Rows shown per table.")
def summary_command(db: str, limit: int) -> None:
    """Show what the store holds: documents, events, claims, estimates, polls, conflicts."""
    with reading_store(db) as store:
        read(db, lambda: print_summary(store, limit=limit))
