"""The coding stages by name, loaded lazily, and the one place that runs them in order.

Registry entries are ``"module:factory"`` strings so a configuration can choose stages by
name without if-chains, and a stage's resources load only when it is used.
Order is fixed by data flow: actors -> time -> events -> claims.
"""

from __future__ import annotations

import datetime as dt
import importlib
from typing import Any

from spacy.tokens import Doc, Span

from eventcoder.records import DateInterval, DocumentRecord, EventRecord, Location, Record

__all__ = ["STAGES", "load_stages", "run_stages"]

STAGES: dict[str, str] = {
    "actors": "eventcoder.actors.coder:ActorCoder.from_data",
    "time": "eventcoder.timex:resolve_document",
    "events": "eventcoder.events.extract:EventExtractor.from_data",
    "claims": "eventcoder.claims.extract:ClaimExtractor.from_data",
}


def _resolve(target: str) -> Any:
    module, _, path = target.partition(":")
    obj: Any = importlib.import_module(module)
    for part in path.split("."):
        obj = getattr(obj, part)
    return obj


def load_stages(names: tuple[str, ...]) -> dict[str, Any]:
    """Build each named stage once. ``time`` is a function; the others are loaded objects."""
    stages: dict[str, Any] = {}
    for name in names:
        factory = _resolve(STAGES[name])
        stages[name] = factory if name == "time" else factory()
    return stages


def run_stages(
    stages: dict[str, Any], parsed: Doc, document: Any, head: DocumentRecord, first_sentence: int
) -> list[Record]:
    """Code one parsed chunk. Spans in the result are relative to the chunk's text."""
    times = None
    if "time" in stages:
        times = stages["time"](parsed, document.date)
        if document.date is None and times.document_date is not None and head.date is None:
            head.date = times.document_date.isoformat()
            head.date_status = times.document_date_status
    ref_date = document.date or (times.document_date if times else None)
    mentions = stages["actors"].find(parsed, ref_date) if "actors" in stages else []
    sentences = list(parsed.sents)
    records: list[Record] = []
    if "events" in stages:
        for candidate in stages["events"].extract(parsed, mentions):
            records.append(
                _event_record(
                    candidate,
                    parsed,
                    sentences,
                    document,
                    times,
                    first_sentence,
                    stages.get("actors"),
                )
            )
        _number_events(records)
    if "claims" in stages:
        found = stages["claims"].extract(parsed, mentions, document.id, ref_date)
        records += _recheck_conflicts(_date_claims(found, sentences, times, ref_date))
    return _shift_sentences(records, first_sentence) if first_sentence else records


def _unknown_date(ref_date: dt.date | None) -> DateInterval:
    return DateInterval(
        start=None, end=ref_date.isoformat() if ref_date else None, granularity="unknown", text=None
    )


def _event_record(
    c: Any,
    parsed: Doc,
    sentences: list[Span],
    document: Any,
    times: Any,
    first_sentence: int,
    actor_coder: Any,
) -> EventRecord:
    sent = sentences[c.sentence]
    trigger = parsed[c.trigger]
    date = times.date_for(c.trigger) if times else _unknown_date(document.date)
    return EventRecord(
        id=f"{document.id}:s{c.sentence}:e",
        doc_id=document.id,
        sentence=c.sentence,
        span=(sent.start_char, sent.end_char),
        sentence_text=sent.text,
        source=c.source.to_actor() if c.source else None,
        target=c.target.to_actor() if c.target else None,
        cameo=c.cameo,
        plover=c.plover,
        plover_mode=c.plover_mode,
        plover_context=list(c.plover_context),
        goldstein=c.goldstein,
        quad_class=c.quad_class,
        negated=c.negated,
        modality=c.modality,
        trigger=c.trigger_text,
        trigger_span=(trigger.idx, trigger.idx + len(trigger.text)),
        date=date,
        location=_location(trigger, actor_coder, document.date),
        reported_by=c.reported_by.to_actor() if c.reported_by else None,
        pattern=c.pattern,
    )


def _location(trigger: Any, actor_coder: Any, date: dt.date | None) -> Location | None:
    """A named place attached to the trigger by "in"/"at"/"near" (an oblique GPE)."""
    for child in trigger.children:
        if child.dep_ not in ("obl", "nmod") or child.ent_type_ != "GPE":
            continue
        if not any(
            c.dep_ == "case" and c.lower_ in ("in", "at", "near", "inside") for c in child.children
        ):
            continue
        ent = next(e for e in trigger.doc.ents if e.start <= child.i < e.end)
        actor = actor_coder.code_text(ent.text, date) if actor_coder else None
        return Location(name=ent.text, country=actor.country if actor else None)
    return None


def _number_events(records: list[Record]) -> None:
    """Stable ids: the n-th event of a sentence is ``doc:s<sentence>:e<n>``."""
    seen: dict[int | None, int] = {}
    for record in records:
        n = seen.get(record.sentence, 0)
        seen[record.sentence] = n + 1
        record.id = f"{record.doc_id}:s{record.sentence}:e{n}"


def _date_claims(
    records: list[Record], sentences: list[Span], times: Any, ref_date: dt.date | None
) -> list[Record]:
    """Give claims, quantities and polls the date of their sentence when they have none."""
    for record in records:
        if not hasattr(record, "date") or record.date is not None or record.sentence is None:
            continue
        if times is None or record.sentence >= len(sentences):
            record.date = _unknown_date(ref_date)
        else:
            record.date = times.date_for(sentences[record.sentence].root.i)
    return records


def _recheck_conflicts(records: list[Record]) -> list[Record]:
    """Check conflicts again once figures carry dates: only overlapping times may conflict."""
    from eventcoder.claims.conflicts import find_conflicts

    if not any(r.KIND == "conflict" for r in records):
        return records
    kept = [r for r in records if r.KIND != "conflict"]
    return kept + find_conflicts([r for r in kept if r.KIND == "quantity"])


def _shift_sentences(records: list[Record], first: int) -> list[Record]:
    """Make sentence indices (and the ids built from them) document-wide for later chunks."""
    renamed: dict[str, str] = {}
    for record in records:
        if record.sentence is None:
            continue
        old = record.id
        suffix = old.rsplit(":", 1)[-1]
        record.sentence += first
        record.id = f"{record.doc_id}:s{record.sentence}:{suffix}"
        renamed[old] = record.id
    for record in records:
        members = getattr(record, "members", None)
        if members:
            record.members = [renamed.get(m, m) for m in members]
        if record.sentence is None and record.KIND == "conflict":
            record.id = f"{record.id}@{first}"
    return records
