"""The coding stages: one protocol, one registry, one runner.

Every stage has the same shape: a factory (the registry entry, ``"module:factory"``) loads
the stage's own data once and returns an object with one verb, ``run(context) -> Found``.
The ``Context`` is frozen: the parsed chunk, the document, and what earlier stages found
(actor mentions, time expressions, records). ``Found`` holds what this stage adds: typed,
immutable records (a record whose id is already in the context replaces it, so a stage may
enrich earlier records), or the actor mentions / times that later stages read.

Adding a stage is one entry in ``STAGES``; its position there is its place in the order.
A ``"document"`` stage runs once per document, after every chunk, over all its records
(conflicts between figures of different chunks are found there).

Failure isolation: when a stage raises on a chunk, the runner codes that chunk again one
sentence at a time, so a stage that fails on one sentence costs only its own records for
that sentence; each failure becomes a ``Failure`` (stage, sentence, cause) that the coder
turns into a warning on the document. With ``EVENTCODER_STRICT=1`` failures raise instead.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib
import logging
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, Protocol

from spacy.tokens import Doc

from eventcoder.errors import ConfigError, Errors
from eventcoder.records import Record, map_spans, record_id

if TYPE_CHECKING:
    from eventcoder.actors.mention import ActorMention
    from eventcoder.ingest.document import Document
    from eventcoder.timex.attach import DocumentTimes

__all__ = [
    "STAGES",
    "Context",
    "Failure",
    "Found",
    "Stage",
    "load_stages",
    "run_chunk",
    "run_document_stages",
    "strict_mode",
]

log = logging.getLogger(__name__)

# name -> "module:factory"; the order here is the order stages run in (data flow).
STAGES: dict[str, str] = {
    "time": "eventcoder.timex.stage:TimeStage.load",
    "actors": "eventcoder.actors.stage:ActorStage.load",
    "events": "eventcoder.events.stage:EventStage.load",
    "places": "eventcoder.places.stage:PlaceStage.load",
    "claims": "eventcoder.claims.stage:ClaimStage.load",
    "conflicts": "eventcoder.claims.stage:ConflictStage.load",
}


@dataclass(frozen=True)
class Context:
    """What a stage sees: one parsed chunk (or, for document stages, none) and what the
    stages before it found. Sentence numbers are document-wide: the chunk's first sentence
    is ``first_sentence``. Spans of records are offsets into ``doc.text``."""

    document: Document
    doc: Doc | None
    first_sentence: int = 0
    date: dt.date | None = None  # the document's date, given or inferred from the text
    mentions: tuple[ActorMention, ...] = ()
    times: DocumentTimes | None = None
    records: tuple[Record, ...] = ()

    def record_id(self, sentence: int, tag: str) -> str:
        """The id of the ``tag``-th record (e.g. ``"e0"``) of a chunk sentence."""
        return record_id(self.document.id, f"s{self.first_sentence + sentence}", tag)

    def of_kind(self, kind: str) -> list[Record]:
        """The records found so far of one kind."""
        return [r for r in self.records if r.KIND == kind]


@dataclass(frozen=True)
class Found:
    """What one stage adds: records, or the annotations later stages read."""

    records: tuple[Record, ...] = ()
    mentions: tuple[ActorMention, ...] | None = None
    times: DocumentTimes | None = None


class Stage(Protocol):
    """One coding stage: ``run`` takes a frozen context and returns what it found."""

    name: str
    scope: Literal["chunk", "document"]

    def run(self, context: Context) -> Found:
        """What this stage finds in ``context`` (never changes the context)."""
        ...


@dataclass(frozen=True)
class Failure:
    """A stage that raised on one sentence (``None``: on the whole chunk or document)."""

    stage: str
    sentence: int | None
    cause: str


def strict_mode() -> bool:
    """Whether stage failures raise (``EVENTCODER_STRICT=1``, set in the test suite)."""
    return os.environ.get("EVENTCODER_STRICT", "") not in ("", "0")


def _resolve(target: str) -> Any:
    module, _, path = target.partition(":")
    obj: Any = importlib.import_module(module)
    for part in path.split("."):
        obj = getattr(obj, part)
    return obj


def load_stages(
    names: Sequence[str], built: Mapping[str, Stage] | None = None
) -> tuple[Stage, ...]:
    """Build each named stage once (its data loaded by its factory), in registry order.
    ``built`` gives stages already made by name (e.g. with user dictionaries)."""
    unknown = [n for n in names if n not in STAGES]
    if unknown:
        raise ConfigError(Errors.E040.format(names=", ".join(unknown), known=", ".join(STAGES)))
    made = dict(built or {})
    return tuple(made.get(name) or _resolve(STAGES[name])() for name in STAGES if name in names)


def _merge(context: Context, found: Found) -> Context:
    """The context with a stage's findings added (records with a known id replace it)."""
    changes: dict[str, Any] = {}
    if found.records:
        new = {r.id: r for r in found.records}
        kept = tuple(new.pop(r.id, r) for r in context.records)
        changes["records"] = kept + tuple(new.values())
    if found.mentions is not None:
        changes["mentions"] = found.mentions
    if found.times is not None:
        changes["times"] = found.times
        if context.document.date is None and found.times.document_date is not None:
            changes["date"] = found.times.document_date
    return dataclasses.replace(context, **changes) if changes else context


class _StageFailed(Exception):
    def __init__(self, stage: str, cause: str) -> None:
        super().__init__(cause)
        self.stage = stage


def _run_all(stages: Sequence[Stage], context: Context, failures: list[Failure] | None) -> Context:
    """Run the stages in order; with ``failures`` given, a stage that raises is recorded
    there and skipped, else it raises ``_StageFailed`` (strict mode: the exception itself)."""
    for stage in stages:
        try:
            context = _merge(context, stage.run(context))
        except Exception as exc:
            if strict_mode():
                raise
            if failures is None:
                raise _StageFailed(stage.name, _cause(exc)) from exc
            failures.append(Failure(stage.name, context.first_sentence, _cause(exc)))
    return context


def _cause(exc: BaseException) -> str:
    text = (str(exc).strip().splitlines() or [""])[0][:200]
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def run_chunk(stages: Sequence[Stage], context: Context) -> tuple[Context, list[Failure]]:
    """Run the chunk stages on one parsed chunk. If one raises, code the chunk again one
    sentence at a time, so only the failing stage's output for the failing sentence is lost.
    Returns the final context (records' spans relative to the chunk) and the failures."""
    chunk_stages = [s for s in stages if s.scope == "chunk"]
    try:
        return _run_all(chunk_stages, context, None), []
    except _StageFailed as exc:
        log.debug("stage %s failed on a chunk; coding it sentence by sentence", exc.stage)
        chunk_failure = Failure(exc.stage, None, str(exc))
    assert context.doc is not None
    failures: list[Failure] = []
    records: list[Record] = []
    for i, sent in enumerate(context.doc.sents):
        one = dataclasses.replace(
            context,
            doc=sent.as_doc(),
            first_sentence=context.first_sentence + i,
            mentions=(),
            times=None,
            records=(),
        )
        done = _run_all(chunk_stages, one, failures)
        records += [map_spans(r, _shifter(sent.start_char)) for r in done.records]
    if not failures:  # it fails only on several sentences together: report it, lose nothing
        failures.append(chunk_failure)
    return dataclasses.replace(context, records=tuple(records)), failures


def _shifter(by: int) -> Any:
    return lambda span: (span[0] + by, span[1] + by)


def run_document_stages(stages: Sequence[Stage], context: Context) -> tuple[Context, list[Failure]]:
    """Run the document stages once over all of a document's records."""
    failures: list[Failure] = []
    for stage in (s for s in stages if s.scope == "document"):
        try:
            context = _merge(context, stage.run(context))
        except Exception as exc:
            if strict_mode():
                raise
            failures.append(Failure(stage.name, None, _cause(exc)))
    return context, failures
