"""The claims stage: claims, quantities (estimates), polls and conflicts of one parsed document.

``ClaimExtractor.extract(doc, actors, doc_id)`` runs attribution, quantities and polls over the
document, and returns typed records with stable ids (``{doc_id}:s{sentence}:c{n}``, ``:q{n}``,
``:p{n}``, conflicts ``{doc_id}:x{n}``). A quantity inside the content of a claim takes the
claim's speaker as its ``source`` (an estimate). Claim and quantity dates are left ``None`` for
the time stage to fill; polls carry their fieldwork month when the text gives one.

Parsers split sentences too eagerly ("Putin | , speaking at ..., claimed that ..."), so the
rules run over *units*: consecutive parser sentences joined until one ends with terminal
punctuation. Each record still names the parser sentence that holds its key token.
"""

from __future__ import annotations

import dataclasses
import datetime
from collections import defaultdict
from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Span

from eventcoder.actors.mention import ActorMention
from eventcoder.claims.attribution import Attribution, find_attributions
from eventcoder.claims.conflicts import find_conflicts
from eventcoder.claims.lexicon import ClaimsData
from eventcoder.claims.numbers import NumberReader
from eventcoder.claims.phrases import actor_for
from eventcoder.claims.polls import Poll, find_polls
from eventcoder.claims.quantities import Quantity, find_quantities
from eventcoder.errors import Errors, InputError
from eventcoder.records import (
    ClaimRecord,
    DateInterval,
    PollRecord,
    QuantityRecord,
    Record,
    record_id,
)

__all__ = ["ClaimExtractor", "sentence_units"]

_TERMINAL = (".", "!", "?", "…", '"', "”", "’", "»", ")", ":")


def sentence_units(doc: Doc, sents: Sequence[Span]) -> list[Span]:
    """Parser sentences joined until one ends with terminal punctuation."""
    units: list[Span] = []
    start = None
    for sent in sents:
        start = sent.start if start is None else start
        if sent.text.rstrip().endswith(_TERMINAL) or sent is sents[-1]:
            units.append(doc[start : sent.end])
            start = None
    return units


class ClaimExtractor:
    """Finds claims, quantities, polls and conflicts in a parsed document."""

    def __init__(self, data: ClaimsData) -> None:
        self.data = data
        self.reporting_verbs = data.reporting_verbs
        self.numbers = NumberReader(data.vague_amounts, data.units)

    @classmethod
    def from_data(cls) -> ClaimExtractor:
        """The extractor with the bundled data files."""
        return cls(ClaimsData.load())

    def extract(
        self,
        doc: Doc,
        actors: Sequence[ActorMention],
        doc_id: str,
        document_date: datetime.date | None = None,
        *,
        first_sentence: int = 0,
        date_of: Callable[[Span], DateInterval] | None = None,
        conflicts: bool = True,
    ) -> list[Record]:
        """Claims, quantities, polls and within-document conflicts, sentence by sentence.

        ``first_sentence`` numbers the sentences of a chunk document-wide; ``date_of`` gives a
        record without a date of its own its sentence's date; ``conflicts=False`` leaves
        conflicts to a later, document-wide check."""
        if not isinstance(doc, Doc):
            raise InputError(Errors.E701.format(kind=type(doc).__name__))
        sents = list(doc.sents)
        if not sents:
            return []
        where = {t: i for i, s in enumerate(sents) for t in range(s.start, s.end)}
        units = sentence_units(doc, sents)
        attributions = [
            a for u in units for a in find_attributions(u, actors, self.reporting_verbs)
        ]
        quantities = self._quantities(units, actors)
        polls, used = find_polls(units, quantities, document_date, caveats=self.data.poll_caveats)
        found: dict[int, dict[str, list]] = defaultdict(lambda: defaultdict(list))
        for a in attributions:
            found[where[a.verb_index]]["c"].append(a)
        for u, in_unit in enumerate(quantities):
            for n, q in enumerate(in_unit):
                if (u, n) not in used:
                    found[where[q.first_token]]["q"].append(q)
        for p in polls:
            found[where[p.quantity.first_token]]["p"].append(p)
        records: list[Record] = []
        for i in sorted(found):
            sent, number = sents[i], first_sentence + i
            in_sentence: list[Record] = [
                _claim_record(doc_id, number, sent, n, a) for n, a in enumerate(found[i]["c"])
            ]
            in_sentence += [
                _quantity_record(doc_id, number, sent, n, q, attributions, actors)
                for n, q in enumerate(found[i]["q"])
            ]
            in_sentence += [
                _poll_record(doc_id, number, sent, n, p) for n, p in enumerate(found[i]["p"])
            ]
            if date_of is not None:
                in_sentence = [_dated(r, sent, date_of) for r in in_sentence]
            records += in_sentence
        if conflicts:
            quantities_found = (r for r in records if isinstance(r, QuantityRecord))
            records.extend(find_conflicts(quantities_found, self.data.measure_classes))
        return records

    def _quantities(
        self, units: Sequence[Span], actors: Sequence[ActorMention]
    ) -> list[list[Quantity]]:
        out: list[list[Quantity]] = []
        previous: str | None = None
        for unit in units:
            found = find_quantities(unit, self.numbers, previous, actors)
            out.append(found)
            previous = next((q.measure for q in reversed(found) if q.measure), previous)
        return out


def _dated(record: Record, sent: Span, date_of: Callable[[Span], DateInterval]) -> Record:
    if getattr(record, "date", True) is not None:
        return record
    return dataclasses.replace(record, date=date_of(sent))  # type: ignore[call-arg]


def _claim_record(doc_id: str, i: int, sent: Span, n: int, a: Attribution) -> ClaimRecord:
    doc = sent.doc
    content = doc[a.content_start : a.content_end]
    verb = doc[a.verb_index]
    starts, ends = [content.start_char, verb.idx], [content.end_char, verb.idx + len(verb)]
    if a.speaker.span:
        starts.append(a.speaker.span[0])
        ends.append(a.speaker.span[1])
    return ClaimRecord(
        id=record_id(doc_id, f"s{i}", f"c{n}"),
        doc_id=doc_id,
        sentence=i,
        span=(min(starts), max(ends)),
        sentence_text=sent.text,
        speaker=a.speaker,
        content=content.text,
        content_span=(content.start_char, content.end_char),
        verb=a.verb,
        stance=a.stance,
    )


def _quantity_record(
    doc_id: str,
    i: int,
    sent: Span,
    n: int,
    q: Quantity,
    attributions: Sequence[Attribution],
    actors: Sequence[ActorMention] = (),
) -> QuantityRecord:
    covering = [a for a in attributions if a.content_start <= q.first_token < a.content_end]
    source = (
        min(covering, key=lambda a: a.content_end - a.content_start).speaker if covering else None
    )
    if source is None and q.setter is not None:  # "A panel put the number at N": the panel
        head = sent.doc[q.setter]
        source = actor_for(sent.doc, head, actors, keep_conj=False, limit=head.i + 1)
    return QuantityRecord(
        id=record_id(doc_id, f"s{i}", f"q{n}"),
        doc_id=doc_id,
        sentence=i,
        span=(q.start_char, q.end_char),
        sentence_text=sent.text,
        measure=q.measure,
        low=q.match.low,
        high=q.match.high,
        unit=q.match.unit,
        approximate=q.match.approximate,
        text=q.match.text,
        source=source,
    )


def _poll_record(doc_id: str, i: int, sent: Span, n: int, p: Poll) -> PollRecord:
    end = p.quantity.end_char
    if p.answer_span:
        last = sent.doc[p.answer_span[1] - 1]
        end = max(end, last.idx + len(last))
    return PollRecord(
        id=record_id(doc_id, f"s{i}", f"p{n}"),
        doc_id=doc_id,
        sentence=i,
        span=(p.quantity.start_char, end),
        sentence_text=sent.text,
        pollster=p.pollster,
        population=p.population,
        question=p.question,
        answer=p.answer,
        share=p.share,
        caveats=tuple(p.caveats),
        date=p.date,
    )
