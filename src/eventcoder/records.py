"""The output contract: typed records that every stage produces and every face consumes.

Records are frozen dataclasses: built once, never changed (``dataclasses.replace`` makes a
changed copy). ``to_dict`` gives the JSON Lines form documented in
``schema/records.schema.json`` and ``from_dict`` reads it back exactly
(``from_dict(json.loads(json.dumps(r.to_dict()))) == r``: spans and lists come back as tuples).
Fields with a closed set of values are ``Literal`` types, which the schema lists as enums.
This module imports nothing of ours (see DESIGN.md), so any stage may use it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar, Literal, TypeVar

__all__ = [
    "SCHEMA_VERSION",
    "Actor",
    "ClaimRecord",
    "ConflictRecord",
    "DateInterval",
    "DocumentRecord",
    "EventRecord",
    "Location",
    "PollRecord",
    "QuantityRecord",
    "Record",
    "doc_key",
    "map_spans",
    "record_from_dict",
    "record_id",
]

SCHEMA_VERSION = "1.0"

Granularity = Literal["day", "week", "month", "season", "quarter", "year", "decade", "unknown"]
DateStatus = Literal["given", "inferred", "unknown"]
DocumentStatus = Literal["coded", "partial", "skipped", "rejected"]
Modality = Literal["asserted", "reported", "intended", "threatened", "hypothetical"]
Precision = Literal["exact", "near", "region", "country"]

Span = tuple[int, int]
R = TypeVar("R")


def doc_key(doc_id: str) -> str:
    """The document id as used in record ids: ``%`` and ``:`` percent-escaped, so it holds no
    ``:`` and two different documents never share a key (``"x:s0:e0"`` -> ``"x%3As0%3Ae0"``)."""
    return doc_id.replace("%", "%25").replace(":", "%3A")


def record_id(doc_id: str, *parts: str) -> str:
    """A record id: the escaped document id and the record's own parts, joined by ``:``
    (``record_id("d1", "s12", "e0") == "d1:s12:e0"``); unique across documents."""
    return ":".join((doc_key(doc_id), *parts))


def _frozen_value(value: Any) -> Any:
    """Lists (as JSON gives them, or as a caller passes them) become tuples, recursively."""
    if isinstance(value, list):
        return tuple(_frozen_value(v) for v in value)
    return value


def _freeze(obj: Any) -> None:
    for f in dataclasses.fields(obj):
        value = getattr(obj, f.name)
        if isinstance(value, list):
            object.__setattr__(obj, f.name, _frozen_value(value))


@dataclass(frozen=True)
class Actor:
    """Who acts or speaks: the text as written and its code (country + sector)."""

    text: str
    code: str | None = None  # e.g. "BLRGOV", "IGOEU"; None when not coded
    country: str | None = None  # ISO 3166 alpha-3, or an organisation code ("EU", "NATO")
    sector: str | None = None  # GOV, MIL, SPY, COP, OPP, CVL, MED, REB, IGO, ...
    span: Span | None = None  # character offsets in the original text
    entity_type: str | None = None  # PERSON, ORG, GPE... for uncoded named entities

    def __post_init__(self) -> None:
        _freeze(self)

    def to_dict(self) -> dict[str, Any]:
        return {f.name: _plain(getattr(self, f.name)) for f in dataclasses.fields(self)}

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Actor | None:
        return None if data is None else cls(**data)


@dataclass(frozen=True)
class DateInterval:
    """When: an interval of ISO dates with its granularity and the text that gave it."""

    start: str | None = None
    end: str | None = None
    granularity: Granularity = "unknown"
    text: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> DateInterval | None:
        return None if data is None else cls(**data)


@dataclass(frozen=True)
class Location:
    """Where: a named place, its country and first-level region, coordinates when known,
    how exact they are (as ACLED's geo-precision), and the characters that name it."""

    name: str
    country: str | None = None  # ISO 3166 alpha-3; None for international waters
    lat: float | None = None
    lon: float | None = None
    admin1: str | None = None  # first-level region (its ISO 3166-2 name) when known
    precision: Precision | None = None
    span: Span | None = None  # character offsets of the place's name in the original text

    def __post_init__(self) -> None:
        _freeze(self)

    def to_dict(self) -> dict[str, Any]:
        return {f.name: _plain(getattr(self, f.name)) for f in dataclasses.fields(self)}

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Location | None:
        return None if data is None else cls(**data)


@dataclass(frozen=True)
class Record:
    """Fields shared by every record; sentence-level records also carry provenance."""

    KIND: ClassVar[str] = "record"
    _NESTED: ClassVar[dict[str, type]] = {}

    id: str
    doc_id: str
    sentence: int | None = None
    span: Span | None = None
    sentence_text: str | None = None

    def __post_init__(self) -> None:
        _freeze(self)

    @property
    def record(self) -> str:
        return self.KIND

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready form, with ``record`` (the kind) and ``v`` (schema version) first."""
        out: dict[str, Any] = {"record": self.KIND, "v": SCHEMA_VERSION}
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            out[f.name] = _plain(value)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Record:
        kwargs: dict[str, Any] = {}
        for f in dataclasses.fields(cls):
            if f.name not in data:
                continue
            value = data[f.name]
            nested = cls._NESTED.get(f.name)
            if nested is not None:
                value = nested.from_dict(value)  # type: ignore[attr-defined]
            kwargs[f.name] = _frozen_value(value)
        return cls(**kwargs)


def _plain(value: Any) -> Any:
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


@dataclass(frozen=True)
class DocumentRecord(Record):
    """One per coded document, first in its group, so every input is accounted for."""

    KIND: ClassVar[str] = "document"
    title: str | None = None
    url: str | None = None
    source: str | None = None
    path: str | None = None
    date: str | None = None
    date_status: DateStatus = "unknown"
    language: str | None = None
    status: DocumentStatus = "coded"  # partial: a stage failed on some sentence (see warnings)
    n_sentences: int = 0
    n_records: int = 0
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class EventRecord(Record):
    """Who did what to whom, when and where, coded in CAMEO and PLOVER."""

    KIND: ClassVar[str] = "event"
    _NESTED: ClassVar[dict[str, type]] = {
        "source": Actor,
        "target": Actor,
        "date": DateInterval,
        "location": Location,
        "reported_by": Actor,
    }
    source: Actor | None = None
    target: Actor | None = None
    cameo: str | None = None
    plover: str | None = None
    plover_mode: str | None = None
    plover_context: tuple[str, ...] = ()
    goldstein: float | None = None
    quad_class: int | None = None
    negated: bool = False
    modality: Modality = "asserted"
    trigger: str | None = None
    trigger_span: Span | None = None
    date: DateInterval | None = None
    location: Location | None = None
    reported_by: Actor | None = None
    pattern: str | None = None  # which dictionary pattern fired, for debugging
    confidence: float | None = None  # 0..1: how likely it is right (events/confidence.py)


@dataclass(frozen=True)
class ClaimRecord(Record):
    """A statement attributed to a speaker."""

    KIND: ClassVar[str] = "claim"
    _NESTED: ClassVar[dict[str, type]] = {"speaker": Actor, "date": DateInterval}
    speaker: Actor | None = None
    content: str | None = None
    content_span: Span | None = None
    verb: str | None = None
    stance: str | None = None  # assertion, denial, estimate, ...
    date: DateInterval | None = None


@dataclass(frozen=True)
class QuantityRecord(Record):
    """A number about something, with who gives it when known (an estimate)."""

    KIND: ClassVar[str] = "quantity"
    _NESTED: ClassVar[dict[str, type]] = {"source": Actor, "date": DateInterval}
    measure: str | None = None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    approximate: bool = False
    text: str | None = None
    source: Actor | None = None
    date: DateInterval | None = None


@dataclass(frozen=True)
class PollRecord(Record):
    """One answer share from an opinion poll, with the caveats the text states."""

    KIND: ClassVar[str] = "poll"
    _NESTED: ClassVar[dict[str, type]] = {"date": DateInterval}
    pollster: str | None = None
    date: DateInterval | None = None
    population: str | None = None
    question: str | None = None
    answer: str | None = None
    share: float | None = None
    caveats: tuple[str, ...] = ()


@dataclass(frozen=True)
class ConflictRecord(Record):
    """Estimates or claims about the same measure that disagree."""

    KIND: ClassVar[str] = "conflict"
    measure: str | None = None
    members: tuple[str, ...] = ()
    reason: str | None = None


_KINDS: dict[str, type[Record]] = {
    cls.KIND: cls
    for cls in (
        DocumentRecord,
        EventRecord,
        ClaimRecord,
        QuantityRecord,
        PollRecord,
        ConflictRecord,
    )
}


def record_from_dict(data: dict[str, Any]) -> Record:
    """Rebuild a typed record from its dict form (the ``record`` field names the kind)."""
    try:
        cls = _KINDS[data["record"]]
    except KeyError as exc:
        raise ValueError(f"unknown record kind: {data.get('record')!r}") from exc
    return cls.from_dict(data)


_SPAN_FIELDS = ("span", "content_span", "trigger_span")


def map_spans(record: R, move: Callable[[Span], Span]) -> R:
    """A copy of ``record`` with every character span (its own, its actors' and its
    location's) moved."""
    changes: dict[str, Any] = {}
    for f in dataclasses.fields(record):  # type: ignore[arg-type]
        value = getattr(record, f.name)
        if f.name in _SPAN_FIELDS and value is not None:
            start, end = move(value)
            changes[f.name] = (start, end)
        elif isinstance(value, (Actor, Location)) and value.span is not None:
            start, end = move(value.span)
            changes[f.name] = dataclasses.replace(value, span=(start, end))
    return dataclasses.replace(record, **changes) if changes else record  # type: ignore[type-var]
