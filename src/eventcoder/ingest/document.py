"""The ``Document`` that ingest hands to the coder, and the ``Rejection`` of a bad input."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Any

from eventcoder.errors import Errors
from eventcoder.ingest.cleaning import clean
from eventcoder.ingest.dates import parse_date
from eventcoder.ingest.offsets import OffsetMap
from eventcoder.records import DateStatus, DocumentRecord, DocumentStatus, record_id

__all__ = ["DATE_STATUSES", "Document", "Rejection", "content_id"]

DATE_STATUSES = ("given", "inferred", "unknown")
_NUL_FIELDS = ("text", "id", "title", "url", "source", "path")


def content_id(original: str) -> str:
    """The id of a document that has none: ``"d"`` + 16 hex digits of the text's SHA-256."""
    return "d" + hashlib.sha256(original.encode("utf-8", "surrogatepass")).hexdigest()[:16]


@dataclass
class Document:
    """One news text: the cleaned text to parse, the original, and what is known about it."""

    id: str
    text: str
    original: str
    date: dt.date | None
    date_status: DateStatus
    title: str | None = None
    url: str | None = None
    source: str | None = None
    path: str | None = None
    language: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    offsets: OffsetMap | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        """NUL bytes (which no store can hold) become spaces in the text, keeping every
        offset, and are removed from the id and metadata, with a warning."""
        fields = [name for name in _NUL_FIELDS if "\x00" in (getattr(self, name) or "")]
        if not fields:
            return
        for name in fields:
            value = getattr(self, name)
            setattr(self, name, value.replace("\x00", " " if name == "text" else ""))
        self.warnings.append(Errors.E048.format(doc=self.path or self.id, fields=", ".join(fields)))

    @classmethod
    def from_text(
        cls,
        original: str,
        *,
        id: str | None = None,
        date: dt.date | str | None = None,
        body_start: int = 0,
        **fields: Any,
    ) -> Document:
        """Clean ``original`` and build a Document (id from the content when not given).

        ``date`` is a date or an ISO string; ``body_start`` leaves a header (metadata
        lines) out of the cleaned text.
        """
        text, offsets = clean(original, body_start)
        day = parse_date(date)
        return cls(
            id=id or content_id(original),
            text=text,
            original=original,
            date=day,
            date_status="given" if day else "unknown",
            offsets=offsets,
            **fields,
        )

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of `text` to the same characters in `original`."""
        if self.offsets is None:
            self.offsets = OffsetMap.identity(len(self.text))
        return self.offsets.to_original(start, end)

    def original_span(self, start: int, end: int) -> str:
        """The original characters behind ``text[start:end]``."""
        first, last = self.to_original(start, end)
        return self.original[first:last]

    def to_record(
        self,
        status: DocumentStatus = "coded",
        n_sentences: int = 0,
        n_records: int = 0,
        warnings: tuple[str, ...] = (),
    ) -> DocumentRecord:
        """The ``document`` record of the output contract for this document."""
        return DocumentRecord(
            id=record_id(self.id),
            doc_id=self.id,
            title=self.title,
            url=self.url,
            source=self.source,
            path=self.path,
            date=self.date.isoformat() if self.date else None,
            date_status=self.date_status,
            language=self.language,
            status=status,
            n_sentences=n_sentences,
            n_records=n_records,
            warnings=(*self.warnings, *warnings),
        )


@dataclass
class Rejection:
    """An input that could not become a Document, with the catalogue message saying why."""

    path: str
    message: str
    status: str = "rejected"  # "rejected" (bad input) or "skipped" (e.g. not English)
