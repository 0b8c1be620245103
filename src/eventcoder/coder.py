"""The heart of eventcoder: ``code_document(document, coder) -> list[Record]``.

A ``Coder`` holds the resources loaded once (the spaCy pipeline, actor dictionaries,
event patterns, claim rules) and runs the stages on each document in one direction:
parse -> actors -> time -> events -> claims. Runners only decide where this runs.

Long documents are parsed in paragraph-aligned chunks so memory stays bounded; sentence
indices and character offsets continue across chunks, and every span in a record is
mapped back to the document text as the user gave it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from eventcoder.errors import Errors
from eventcoder.records import Actor, DocumentRecord, Record

__all__ = ["Chunk", "Coder", "CoderConfig", "code_document", "split_chunks"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CoderConfig:
    """How documents are coded. Read once; frozen."""

    model: Path | None = None  # default: the bundled pipeline
    stages: tuple[str, ...] = ("actors", "time", "events", "claims")
    chunk_chars: int = 100_000  # parse long documents in pieces of about this size


@dataclass(frozen=True)
class Chunk:
    """A piece of a document's cleaned text and where it starts."""

    offset: int
    text: str
    first_sentence: int = 0


def split_chunks(text: str, size: int) -> list[tuple[int, str]]:
    """Split text into (offset, piece) at paragraph, else line, else sentence breaks."""
    if len(text) <= size:
        return [(0, text)]
    pieces: list[tuple[int, str]] = []
    start = 0
    while start < len(text):
        end = min(start + size, len(text))
        if end < len(text):
            window = text[start:end]
            cut = max(window.rfind("\n\n"), window.rfind("\n"), window.rfind(". "))
            if cut > size // 4:
                end = start + cut + 1
        pieces.append((start, text[start:end]))
        start = end
    return pieces


class Coder:
    """Loads the pipeline and dictionaries once and codes many documents.

    >>> coder = Coder.load()                                     # doctest: +SKIP
    >>> records = coder.code("On Monday the EU imposed sanctions on Caracas.",
    ...                      date="2022-11-15")                   # doctest: +SKIP
    """

    def __init__(
        self,
        nlp: Language,
        config: CoderConfig = CoderConfig(),
        stages: dict[str, Any] | None = None,
    ) -> None:
        self.nlp = nlp
        self.config = config
        self.stages = stages or {}

    @classmethod
    def load(cls, config: CoderConfig = CoderConfig()) -> Coder:
        """Build a coder with the bundled pipeline and every configured stage."""
        from eventcoder.nlp.pipeline import load_pipeline
        from eventcoder.stages import load_stages

        return cls(load_pipeline(config.model), config, load_stages(config.stages))

    def code(
        self, text_or_document: Any, date: str | dt.date | None = None, doc_id: str | None = None
    ) -> list[Record]:
        """Code one text (or ``Document``); the first record is the document record."""
        from eventcoder.ingest.document import Document

        document = text_or_document
        if not isinstance(document, Document):
            document = Document.from_text(str(text_or_document), date=date, id=doc_id)
        return code_document(document, self)

    def code_many(self, items: Iterable[Any]) -> Iterator[Record]:
        """Code many texts or documents, yielding their records in order."""
        for item in items:
            yield from self.code(item)


def code_document(document: Any, coder: Coder) -> list[Record]:
    """All records for one document: its document record first, then the coded records."""
    head = DocumentRecord(
        id=document.id,
        doc_id=document.id,
        title=document.title,
        url=document.url,
        source=document.source,
        path=document.path,
        date=document.date.isoformat() if document.date else None,
        date_status=document.date_status,
        language=document.language,
        warnings=list(document.warnings),
    )
    records: list[Record] = []
    sentence_base = 0
    try:
        for offset, piece in split_chunks(document.text, coder.config.chunk_chars):
            parsed = coder.nlp(piece)
            chunk = Chunk(offset=offset, text=piece, first_sentence=sentence_base)
            records += _code_chunk(parsed, chunk, document, coder, head)
            sentence_base += sum(1 for _ in parsed.sents)
    except Exception as exc:  # one document's failure must not stop a batch
        log.debug("coding failed for %s", document.id, exc_info=True)
        head.status = "rejected"
        head.warnings.append(Errors.E013.format(doc=document.id, detail=repr(exc)))
        records = []
    head.n_sentences = sentence_base
    head.n_records = len(records)
    return [head, *records]


def _code_chunk(
    parsed: Doc, chunk: Chunk, document: Any, coder: Coder, head: DocumentRecord
) -> list[Record]:
    from eventcoder.stages import run_stages

    out = run_stages(coder.stages, parsed, document, head, chunk.first_sentence)
    return [_relocate(record, chunk.offset, document) for record in out]


_SPAN_FIELDS = ("span", "content_span", "trigger_span")


def _relocate(record: Record, offset: int, document: Any) -> Record:
    """Shift chunk-relative spans by the chunk offset and map them to the original text."""

    def move(span: tuple[int, int] | list[int] | None) -> tuple[int, int] | None:
        if span is None:
            return None
        return tuple(document.to_original(span[0] + offset, span[1] + offset))

    changes: dict[str, Any] = {}
    for f in dataclasses.fields(record):
        value = getattr(record, f.name)
        if f.name in _SPAN_FIELDS:
            changes[f.name] = move(value)
        elif isinstance(value, Actor) and value.span is not None:
            changes[f.name] = dataclasses.replace(value, span=move(value.span))
    return dataclasses.replace(record, **changes)
