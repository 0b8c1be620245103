"""What the HTTP API does, without HTTP: code a text, read pages, series and documents.

One :class:`Service` holds the store (one connection, used under a lock: DuckDB
connections are not shared between threads) and the coder (loaded once, on first use or at
start, and also used under a lock). The FastAPI routes in ``app.py`` only translate.
"""

from __future__ import annotations

import datetime as dt
import inspect
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from eventcoder.analysis.conflicts import side_by_side
from eventcoder.analysis.load import load_events
from eventcoder.analysis.series import dyad_series, network, timeline
from eventcoder.errors import ConfigError, Errors, InputError
from eventcoder.records import DocumentRecord, EventRecord, Record
from eventcoder.store import Store
from eventcoder.store.query import Filters, count_matches, select_records

__all__ = ["CodeRequest", "Service"]


@dataclass(frozen=True)
class CodeRequest:
    """A text (or an HTML page) to code, with what is known about it."""

    text: str
    date: str | None = None
    title: str | None = None
    doc_id: str | None = None
    url: str | None = None
    source: str | None = None
    kind: str = "text"  # text or html
    store: bool = False
    min_confidence: float | None = None  # None: the coder's floor; 0 keeps every event


class Service:
    """The store and the coder behind the API."""

    def __init__(self, store: Store, coder_factory: Callable[[], Any]) -> None:
        self.store = store
        self._coder_factory = coder_factory
        self._coder: Any = None
        self._store_lock = threading.Lock()
        self._coder_lock = threading.Lock()

    # -- coding --------------------------------------------------------------------------

    def coder(self) -> Any:
        """The coder, loaded on first use."""
        with self._coder_lock:
            if self._coder is None:
                self._coder = self._coder_factory()
            return self._coder

    def code(self, request: CodeRequest) -> dict[str, Any]:
        """Code one text; store its records when asked. Spans point into ``request.text``."""
        if not request.text.strip():
            raise InputError(Errors.E408.format())
        document = _document(request)
        coder = self.coder()
        started = time.perf_counter()
        with self._coder_lock:
            records = coder.code(document, min_confidence=request.min_confidence)
        elapsed = time.perf_counter() - started
        if request.store:
            with self._store_lock:
                _write(self.store, records, document)
        head = records[0]
        return {
            "document": head.to_dict(),
            "records": [r.to_dict() for r in records[1:]],
            "text": document.original,
            "stored": request.store,
            "coding_ms": round(elapsed * 1000, 1),
        }

    # -- reading -------------------------------------------------------------------------

    def page(self, kind: str, filters: Filters, limit: int, offset: int) -> dict[str, Any]:
        """One page of stored records of a kind (store kinds: events, mentions, claims...)."""
        with self._store_lock:
            total = count_matches(self.store, kind, filters)
            items = select_records(self.store, kind, replace(filters, limit=limit, offset=offset))
        return {"total": total, "limit": limit, "offset": offset, "items": items}

    def document(self, doc_id: str) -> dict[str, Any]:
        """A stored document with all its records and, when the store keeps it, its text."""
        with self._store_lock:
            records = list(self.store.records(doc_id=doc_id))
            rows = self.store.query(
                f"SELECT text FROM texts WHERE doc_id = {self.store.mark}", [doc_id]
            )
        text = rows[0][0] if rows else None
        head = next((r for r in records if isinstance(r, DocumentRecord)), None)
        if head is None:
            raise LookupError(Errors.E412.format(doc_id=doc_id))
        return {
            "document": head.to_dict(),
            "records": [r.to_dict() for r in records if r is not head],
            "text": text,
        }

    def events(self, filters: Filters, mentions: bool, negated: bool) -> list[EventRecord]:
        """Events for the series (one per linked real-world event unless ``mentions``)."""
        with self._store_lock:
            return load_events(self.store, filters, not mentions, negated)

    def timeline(self, filters: Filters, mentions: bool = False) -> dict[str, Any]:
        """Timeline items of the events matching ``filters``."""
        items = timeline(self.events(filters, mentions, False))
        return {"items": [i.to_dict() for i in items]}

    def dyad(
        self,
        first: str,
        second: str,
        freq: str,
        one_way: bool,
        filters: Filters,
        mentions: bool = False,
    ) -> dict[str, Any]:
        """The dyad series between two actors (each a code or a country)."""
        events = self.events(replace(filters, source=(first,), target=(second,)), mentions, False)
        if not one_way:
            reverse = replace(filters, source=(second,), target=(first,))
            events += self.events(reverse, mentions, False)
        points, undated = dyad_series(events, freq)
        return {
            "first": first,
            "second": second,
            "freq": freq,
            "both_ways": not one_way,
            "events": len(events),
            "undated": undated,
            "points": [p.to_dict() for p in points],
        }

    def network(self, filters: Filters, min_events: int, mentions: bool = False) -> dict[str, Any]:
        """The signed, weighted actor network."""
        return network(self.events(filters, mentions, False), min_events).to_dict()

    def conflicts(self) -> dict[str, Any]:
        """Conflicting figures side by side."""
        with self._store_lock:
            return {"conflicts": side_by_side(self.store)}

    def locations(self, filters: Filters) -> dict[str, Any]:
        """Events that have coordinates, for the map."""
        out = []
        for e in self.events(filters, True, False):
            loc = e.location
            if loc is None or loc.lat is None or loc.lon is None:
                continue
            out.append(
                {
                    "id": e.id,
                    "doc_id": e.doc_id,
                    "name": loc.name,
                    "country": loc.country,
                    "admin1": getattr(loc, "admin1", None),
                    "precision": getattr(loc, "precision", None),
                    "lat": loc.lat,
                    "lon": loc.lon,
                    "cameo": e.cameo,
                    "quad_class": e.quad_class,
                    "goldstein": e.goldstein,
                    "date": e.date.start if e.date else None,
                    "sentence_text": e.sentence_text,
                }
            )
        return {"items": out}

    def health(self) -> dict[str, Any]:
        """Liveness and what the store holds."""
        with self._store_lock:
            counts = self.store.counts()
        return {"status": "ok", "counts": counts, "coder_loaded": self._coder is not None}


def _document(request: CodeRequest) -> Any:
    from eventcoder.ingest.document import Document, Rejection
    from eventcoder.ingest.language import detect_language

    if request.date is not None:
        try:
            dt.date.fromisoformat(request.date)
        except ValueError:
            raise ConfigError(Errors.E011.format(value=request.date)) from None
    if request.kind == "html":
        from eventcoder.ingest.html import document_from_html

        parsed = document_from_html(request.text, request.title or "page")
        if isinstance(parsed, Rejection):
            raise InputError(parsed.message)
        document = parsed
        if request.date:
            document.date = dt.date.fromisoformat(request.date)
            document.date_status = "given"
    else:
        document = Document.from_text(
            request.text,
            id=request.doc_id,
            date=request.date,
            title=request.title,
            url=request.url,
            source=request.source,
            path="api",
        )
    if request.doc_id:
        document.id = request.doc_id
    lang, _ = detect_language(document.text[:5000])
    document.language = lang
    return document


def _write(store: Store, records: list[Record], document: Any) -> None:
    """Store records (and the text, where the store keeps texts)."""
    if "texts" in inspect.signature(store.write).parameters:
        texts = {document.id: (document.title, document.original)}
        store.write(records, texts=texts)  # type: ignore[call-arg]
    else:
        store.write(records)
