"""The one pure function every runner calls: a batch of documents in, their records out.

Runners (in-process, local processes, Dask workers) only decide where
:func:`code_batch` runs. A coder is loaded once per process with :func:`load_code`;
a batch is a list of documents, and its result is one :class:`DocumentResult` per
document, in the batch's order, so any runner that keeps batches in input order gives
output identical to a single process.
"""

from __future__ import annotations

import dataclasses
import functools
import gc
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventcoder.errors import Errors, EventcoderError
from eventcoder.records import Record

__all__ = [
    "BatchCoding",
    "CodeFn",
    "DocumentResult",
    "code_batch",
    "code_one",
    "load_code",
    "stage_names",
]

log = logging.getLogger(__name__)

CodeFn = Callable[[Any], list[Record]]
"""Codes one ``Document`` into its records (document record first)."""


@dataclass(frozen=True)
class DocumentResult:
    """What coding one document gave: its records and, when coding failed, why."""

    doc_id: str
    records: list[Record]
    failure: str | None = None
    kinds: dict[str, int] = dataclasses.field(default_factory=dict)
    status: str = ""  # the document record's: coded, partial or rejected

    def __post_init__(self) -> None:
        if not self.kinds:
            for record in self.records:
                self.kinds[record.KIND] = self.kinds.get(record.KIND, 0) + 1
        if not self.status:
            head = self.records[0] if self.records else None
            object.__setattr__(self, "status", getattr(head, "status", "rejected"))

    @property
    def n_events(self) -> int:
        """Number of event records (counted when made, so also after :meth:`light`)."""
        return self.kinds.get("event", 0)

    def light(self) -> DocumentResult:
        """The same result without its records (their counts kept): for runs whose records
        were already written where they were coded (Parquet partitions)."""
        return DocumentResult(self.doc_id, [], self.failure, dict(self.kinds), self.status)


def stage_names(stages: str | None) -> tuple[str, ...] | None:
    """``"actors,time"`` -> ``("actors", "time")``; ``"none"`` -> ``()``; ``None`` -> all."""
    if stages is None:
        return None
    return tuple(n.strip() for n in stages.split(",") if n.strip() and n.strip() != "none")


def load_code(
    stages: str | None = None,
    actors: tuple[Path, ...] = (),
    verbs: tuple[Path, ...] = (),
    min_confidence: float | None = None,
) -> CodeFn:
    """Load the coder once (pipeline, dictionaries) and return its per-document function.

    ``stages`` is a comma-separated list of stage names ("none": parse only); by default
    every configured stage runs. ``actors`` and ``verbs`` are user dictionary files;
    ``min_confidence`` leaves out less certain events (None: the confidence model's
    default threshold; 0: keep every event). Raises
    ``EventcoderError`` (E021) when it cannot load.
    """
    from eventcoder.coder import Coder, CoderConfig

    config = CoderConfig(min_confidence=min_confidence)
    names = stage_names(stages)
    if names is not None:
        config = dataclasses.replace(config, stages=names)
    try:
        coder = Coder.load(config, actors=actors, verbs=verbs)
    except (ImportError, KeyError) as exc:
        raise EventcoderError(Errors.E021.format(detail=exc)) from None
    # The pipeline and tables are about a million objects that live as long as the process:
    # kept out of the collector's full passes, which otherwise walk them all again whenever
    # a run's caches grow (measured: one such pass cost 0.6 s, 7% of the parse time of 32k
    # words).
    gc.collect()
    gc.freeze()
    return BatchCoding(coder)


class BatchCoding:
    """The loaded coder as a ``CodeFn`` (one document) that also codes a whole batch with
    its texts parsed together (``nlp.pipe``): :func:`code_batch` uses :meth:`batch`."""

    def __init__(self, coder: Any, batch_size: int = 16) -> None:
        self.coder = coder
        self.batch_size = batch_size

    def __call__(self, document: Any) -> list[Record]:
        from eventcoder.coder import code_document

        return code_document(document, self.coder)

    def batch(self, documents: Sequence[Any]) -> list[DocumentResult]:
        """One result per document, in order; if parsing the batch together fails, each
        document is coded alone (so one bad text costs only its own result)."""
        from eventcoder.coder import code_document, parse_chunks

        try:
            parsed = parse_chunks(documents, self.coder, self.batch_size)
        except Exception:  # found again, and reported, document by document
            log.debug("parsing a batch together failed; coding one by one", exc_info=True)
            return [code_one(document, self) for document in documents]
        return [
            code_one(document, functools.partial(code_document, coder=self.coder, parsed=docs))
            for document, docs in zip(documents, parsed, strict=True)
        ]


def code_one(document: Any, code: CodeFn) -> DocumentResult:
    """Code one document; a failure becomes a rejected document record with an E013 warning.

    A document only partly coded (a stage failed on a sentence) keeps its records; the
    coder logged its failures and its document record says ``partial``.
    """
    try:
        records = code(document)
    except Exception as exc:  # one document's failure must not stop the batch
        log.debug("coding %s failed", document.id, exc_info=True)
        detail = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        message = Errors.E013.format(doc=document.path or document.id, detail=detail)
        head = document.to_record(status="rejected", warnings=(message,))
        return DocumentResult(document.id, [head], message)
    return DocumentResult(document.id, list(records))


def code_batch(documents: Sequence[Any], code: CodeFn) -> list[DocumentResult]:
    """Code a batch of documents, one result per document in the same order (a
    :class:`BatchCoding` parses the batch's texts together)."""
    if isinstance(code, BatchCoding):
        return code.batch(documents)
    return [code_one(document, code) for document in documents]
