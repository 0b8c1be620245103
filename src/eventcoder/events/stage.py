"""The events stage (see ``eventcoder.stages`` for the protocol): event records of a chunk,
with their actors and dates (from the time stage); the places stage adds where."""

from __future__ import annotations

from collections import defaultdict
from typing import Literal

from spacy.tokens import Span

from eventcoder.events.extract import EventCandidate, EventExtractor
from eventcoder.records import DateInterval, EventRecord
from eventcoder.stages import Context, Found

__all__ = ["EventStage"]


class EventStage:
    """Codes the events of a parsed chunk with the actor mentions found before."""

    name = "events"
    scope: Literal["chunk"] = "chunk"

    def __init__(self, extractor: EventExtractor) -> None:
        self.extractor = extractor

    @classmethod
    def load(cls) -> EventStage:
        """The stage with the bundled verb patterns and ontology."""
        return cls(EventExtractor.from_data())

    def run(self, context: Context) -> Found:
        assert context.doc is not None
        doc = context.doc
        sentences = list(doc.sents)
        per_sentence: dict[int, int] = defaultdict(int)
        records = []
        for candidate in self.extractor.extract(doc, list(context.mentions)):
            n = per_sentence[candidate.sentence]
            per_sentence[candidate.sentence] += 1
            sent = sentences[candidate.sentence]
            records.append(_record(context, candidate, sent, n))
        return Found(records=tuple(records))


def _record(context: Context, c: EventCandidate, sent: Span, n: int) -> EventRecord:
    assert context.doc is not None
    trigger = context.doc[c.trigger]
    if context.times is not None:
        date = context.times.date_for(c.trigger, c.target.head if c.target else None)
    else:
        end = context.date.isoformat() if context.date else None
        date = DateInterval(None, end, "unknown", None)
    return EventRecord(
        id=context.record_id(c.sentence, f"e{n}"),
        doc_id=context.document.id,
        sentence=context.first_sentence + c.sentence,
        span=(sent.start_char, sent.end_char),
        sentence_text=sent.text,
        source=c.source.to_actor() if c.source else None,
        target=c.target.to_actor() if c.target else None,
        cameo=c.cameo,
        plover=c.plover,
        plover_mode=c.plover_mode,
        plover_context=c.plover_context,
        goldstein=c.goldstein,
        quad_class=c.quad_class,
        negated=c.negated,
        modality=c.modality,  # type: ignore[arg-type]
        trigger=c.trigger_text,
        trigger_span=(trigger.idx, trigger.idx + len(trigger.text)),
        date=date,
        location=None,  # the places stage locates events
        reported_by=c.reported_by.to_actor() if c.reported_by else None,
        pattern=c.pattern,
        confidence=c.confidence,
    )
