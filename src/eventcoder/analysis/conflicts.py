"""``eventcoder conflicts``: every stored figure that disputes another, across documents."""

from __future__ import annotations

import json
from typing import Any

import click
from rich.console import Console
from rich.table import Table

from eventcoder.analysis.reading import read, reading_store
from eventcoder.claims.conflicts import find_conflicts
from eventcoder.claims.lexicon import load_measure_classes
from eventcoder.records import DocumentRecord, QuantityRecord
from eventcoder.safe_output import terminal_text
from eventcoder.store import Store
from eventcoder.store.options import db_option

__all__ = ["conflicts_command", "side_by_side"]


@click.command("conflicts")
@db_option("Store to check")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True
)
@click.option("--cross-only", is_flag=True, help="Only conflicts between different documents.")
def conflicts_command(db: str, fmt: str, cross_only: bool) -> None:
    """Run the estimate-conflict check over all quantities in the store."""
    with reading_store(db) as store:
        stored = read(db, lambda: list(store.records(kind="quantity")))
        quantities = [q for q in stored if isinstance(q, QuantityRecord)]
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
            cells = (conflict.measure, q.text or f"{q.low}-{q.high}", source, q.doc_id)
            table.add_row(*map(terminal_text, cells), terminal_text(q.sentence_text, 80))
        table.add_section()
    Console().print(table)


def side_by_side(store: Store, cross_only: bool = False) -> list[dict[str, Any]]:
    """Each conflict with its members' figures, speakers, documents and sentences.

    The check runs over every stored figure (as ``eventcoder conflicts`` does), so figures
    from different documents are compared too.
    """
    quantities = [q for q in store.records(kind="quantity") if isinstance(q, QuantityRecord)]
    by_id = {q.id: q for q in quantities}
    documents = {d.id: d for d in store.records(kind="document") if isinstance(d, DocumentRecord)}
    out = []
    for conflict in find_conflicts(quantities, load_measure_classes()):
        members = [by_id[m] for m in conflict.members if m in by_id]
        if cross_only and len({q.doc_id for q in members}) < 2:
            continue
        rows = []
        for q in members:
            doc = documents.get(q.doc_id)
            rows.append(
                {
                    "id": q.id,
                    "figure": q.text or _figure(q),
                    "low": q.low,
                    "high": q.high,
                    "unit": q.unit,
                    "speaker": q.source.text if q.source else None,
                    "speaker_code": q.source.code if q.source else None,
                    "doc_id": q.doc_id,
                    "doc_title": doc.title if doc else None,
                    "doc_date": doc.date if doc else None,
                    "sentence_text": q.sentence_text,
                    "span": list(q.span) if q.span else None,
                }
            )
        out.append(
            {
                "id": conflict.id,
                "measure": conflict.measure,
                "reason": conflict.reason,
                "members": rows,
            }
        )
    return out


def _figure(q: QuantityRecord) -> str:
    if q.low == q.high or q.high is None:
        return f"{q.low:g}" if q.low is not None else "?"
    return f"{q.low:g}-{q.high:g}" if q.low is not None else f"up to {q.high:g}"
