"""Stored records for the analysis functions, read through the store's query layer.

Selection (every filter, real-world events versus mentions) is
:mod:`eventcoder.store.query`'s; this module only turns the rows into typed records.
"""

from __future__ import annotations

from dataclasses import replace

from eventcoder.records import DocumentRecord, EventRecord, record_from_dict
from eventcoder.store import Store
from eventcoder.store.query import LINK_COLUMNS, Filters, select_records

__all__ = ["documents_by_id", "load_events"]


def load_events(
    store: Store,
    filters: Filters | None = None,
    linked: bool = True,
    include_negated: bool = False,
) -> list[EventRecord]:
    """Events for analysis: one (the first) mention per real-world event when ``linked``,
    else every mention; negated events ("did not attack") left out unless asked or unless
    ``filters.negated`` says otherwise."""
    filters = filters or Filters()
    if not include_negated and filters.negated is None:
        filters = replace(filters, negated=False)
    rows = select_records(store, "events" if linked else "mentions", filters)
    for row in rows:  # the link counts are the store's, not fields of the record
        for key in LINK_COLUMNS:
            row.pop(key, None)
    return [e for e in map(record_from_dict, rows) if isinstance(e, EventRecord)]


def documents_by_id(store: Store) -> dict[str, DocumentRecord]:
    """Every stored document record by id."""
    return {d.id: d for d in store.records(kind="document") if isinstance(d, DocumentRecord)}
