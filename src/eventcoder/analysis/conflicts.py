"""``eventcoder conflicts``: every stored figure that disputes another, across documents."""

from __future__ import annotations

import json
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from eventcoder.claims.conflicts import find_conflicts
from eventcoder.claims.lexicon import load_measure_classes
from eventcoder.records import QuantityRecord
from eventcoder.store import open_store

__all__ = ["conflicts_command"]


@click.command("conflicts")
@click.option(
    "--db",
    default="eventcoder.duckdb",
    show_default=True,
    help="Store to check (DuckDB path or postgresql:// URL).",
)
@click.option(
    "--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True
)
@click.option("--cross-only", is_flag=True, help="Only conflicts between different documents.")
def conflicts_command(db: str, fmt: str, cross_only: bool) -> None:
    """Run the estimate-conflict check over all quantities in the store."""
    if "://" not in db and not Path(db).exists():
        raise click.ClickException(f"no store at {db}; run `eventcoder code ... --db {db}` first")
    with open_store(db) as store:
        quantities = [q for q in store.records(kind="quantity") if isinstance(q, QuantityRecord)]
        by_id = {q.id: q for q in quantities}
    conflicts = find_conflicts(quantities, load_measure_classes())
    if cross_only:
        conflicts = [c for c in conflicts if len({by_id[m].doc_id for m in c.members}) > 1]
    if fmt == "jsonl":
        for conflict in conflicts:
            click.echo(json.dumps(conflict.to_dict(), ensure_ascii=False))
        return
    table = Table(
        title=f"Conflicting estimates ({len(conflicts)} from {len(quantities)} figures)",
        title_justify="left",
    )
    for header in ("measure", "figure", "source", "document", "sentence"):
        table.add_column(header, overflow="fold")
    for conflict in conflicts:
        for member in conflict.members:
            q = by_id[member]
            source = q.source.code or q.source.text if q.source else "-"
            table.add_row(
                conflict.measure or "",
                q.text or f"{q.low}-{q.high}",
                source,
                q.doc_id,
                (q.sentence_text or "")[:80],
            )
        table.add_section()
    Console().print(table)
