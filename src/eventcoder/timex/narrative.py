"""The document timeline: resolve found expressions in text order, with the narrative.

Each expression is resolved with a :class:`Context`: the tense of the verb it modifies
(future-tense "on Friday" is the next Friday), the latest dated expression of the
preceding five sentences (year inference and "three days later"), and, for expressions
anchored on a named event, the event's date. That date is taken from the document when a
sentence that mentions the event (same lemma) carries a day-precise date, else from the
well-known events table, else from a coarser date in the document. Anchored expressions are
resolved in a second pass, so an event dated later in the text can still anchor them.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from eventcoder.records import DateInterval, Granularity
from eventcoder.timex.context import Context
from eventcoder.timex.dates import Span
from eventcoder.timex.events_table import WellKnownEvent
from eventcoder.timex.expressions import Candidate
from eventcoder.timex.resolve import resolve_groups
from eventcoder.timex.sentences import sentence_of

__all__ = ["NARRATIVE_WINDOW", "Timex", "governor", "resolve_candidates", "tense_of"]

NARRATIVE_WINDOW = 5  # sentences back that a dated passage still anchors
_FUTURE_AUX = {"will", "'ll", "shall", "wo", "’ll"}
_FUTURE_HEADS = {
    "plan",
    "expect",
    "schedule",
    "due",
    "set",
    "go",
    "intend",
    "aim",
    "prepare",
    "hope",
    "likely",
}


@dataclass(frozen=True)
class Timex:
    """A temporal expression of the document and the interval it resolves to."""

    start_char: int
    end_char: int
    start_token: int
    end_token: int
    text: str
    interval: DateInterval
    kind: str  # absolute | partial | relative | anchored | present | range
    span: Span | None = None  # the same interval with ``datetime.date`` ends

    @property
    def dated(self) -> bool:
        """Whether the interval has at least one known end."""
        return self.span is not None and (self.span.start is not None or self.span.end is not None)


def tense_of(doc: Doc, start: int, end: int) -> str:
    """``future``, ``present`` or ``past`` for the verb that governs ``doc[start:end]``
    (climbing past untensed verbs; the finite verbs of the sentence when no verb governs)."""
    verb = doc[start:end].root
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return _sentence_tense(sentence_of(doc, verb.i))
    while True:
        if _is_future(verb):
            return "future"
        tense = _verb_tense(verb)
        if tense is not None:
            return tense
        above = [a for a in verb.ancestors if a.pos_ in ("VERB", "AUX")]
        if not above:
            return _sentence_tense(sentence_of(doc, verb.i))
        verb = above[0]


def _verb_tense(verb) -> str | None:
    """The tense of a verb with its auxiliaries: "has cut" past, "is seen" present."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "cop")]
    if any(a.lemma_.lower() == "have" for a in auxes):
        return "past"
    tenses = {t for a in auxes for t in a.morph.get("Tense")}
    if not tenses and "Fin" in verb.morph.get("VerbForm"):
        tenses = set(verb.morph.get("Tense"))
    if not tenses:
        return None
    return "present" if tenses == {"Pres"} else "past"


def _sentence_tense(sent) -> str:
    if re.search(r"\b(will|shall)\b", sent.text):
        return "future"
    tenses = {
        t for tok in sent if "Fin" in tok.morph.get("VerbForm") for t in tok.morph.get("Tense")
    }
    return "present" if tenses == {"Pres"} else "past"


def _is_future(verb) -> bool:
    if any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUX for c in verb.children):
        return True
    if "Inf" in verb.morph.get("VerbForm") and any(
        c.lemma_.lower() in _FUTURE_HEADS for c in verb.children
    ):
        return True  # "are due to resume", parsed with "due to" as one marker
    head = verb.head
    return (
        verb.dep_ == "xcomp" and (head.lemma_.lower() in _FUTURE_HEADS or _is_future(head))
        if head.i != verb.i
        else False
    )


def resolve_candidates(
    doc: Doc,
    cands: list[Candidate],
    document_date: dt.date | None,
    events: tuple[WellKnownEvent, ...],
    lower_bound: bool = False,
) -> list[Timex]:
    """Resolve ``cands`` (text order) to timexes; expressions that cannot be dated are dropped.

    ``lower_bound``: ``document_date`` was inferred from the text's latest date, so the text
    was written then or later (a year-less date may follow it in the narrative)."""
    resolved: dict[int, Timex] = {}
    narrative = _Narrative()
    starts = [s.start_char for s in doc.sents]
    text = doc.text  # built from the tokens on every access: read it once
    finder: _AnchorFinder | None = None
    for anchored in (False, True):  # anchored expressions need the others' dates first
        if anchored:
            finder = _AnchorFinder(doc, document_date, list(resolved.values()), events)
        for index, cand in enumerate(cands):
            if (cand.rule == "anchored") != anchored:
                continue
            span = _resolve(doc, text, cand, document_date, narrative, finder, starts, lower_bound)
            _put(resolved, index, doc, text, cand, span)
            if index in resolved:
                narrative.add(resolved[index])
    return [resolved[i] for i in sorted(resolved)]


def _put(
    store: dict[int, Timex],
    index: int,
    doc: Doc,
    doc_text: str,
    cand: Candidate,
    span: Span | None,
) -> None:
    if span is None:
        return
    tokens = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    if tokens is None:
        return
    text = doc_text[cand.start : cand.end]
    interval = DateInterval(
        start=span.start.isoformat() if span.start else None,
        end=span.end.isoformat() if span.end else None,
        granularity=cast(Granularity, span.granularity),
        text=text,
    )
    store[index] = Timex(
        cand.start, cand.end, tokens.start, tokens.end, text, interval, span.kind, span
    )


def _resolve(
    doc: Doc,
    text: str,
    cand: Candidate,
    today: dt.date | None,
    done: _Narrative,
    finder: _AnchorFinder | None,
    starts: list[int],
    lower_bound: bool = False,
) -> Span | None:
    tokens = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    tense = tense_of(doc, tokens.start, tokens.end) if tokens is not None else "past"
    anchor = _narrative_anchor(starts, cand, done)
    ctx = Context(today, tense, anchor, finder, text, lower_bound)
    if cand.parts:
        return _resolve_range(cand, ctx)
    span = resolve_groups(cand.rule, cand.groups, ctx)
    if span is not None and cand.since and span.start is not None:
        return Span(span.start, today or span.end, span.granularity, span.kind)
    return span


def _resolve_range(cand: Candidate, ctx: Context) -> Span | None:
    first, last = cand.parts
    end = resolve_groups(last.rule, last.groups, ctx)
    if end is None or end.end is None:
        return None
    early = Context(end.end, "past", None, ctx.find_anchor, ctx.text)
    start = resolve_groups(first.rule, first.groups, early)
    if start is None or start.start is None or start.start > end.end:
        return None
    return Span(start.start, end.end, _coarser(start.granularity, end.granularity), "range")


_ORDER = ("day", "week", "month", "season", "quarter", "year", "decade", "unknown")


def _coarser(a: str, b: str) -> str:
    return max(a, b, key=_ORDER.index)


class _Narrative:
    """The dated (not present-time) expressions resolved so far, in text order, so the last
    one before a position is a binary search away."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.timexes: list[Timex] = []

    def add(self, timex: Timex) -> None:
        if timex.kind != "present" and timex.dated:
            at = bisect.bisect_left(self.starts, timex.start_char)
            self.starts.insert(at, timex.start_char)
            self.timexes.insert(at, timex)

    def last_before(self, char: int) -> Timex | None:
        at = bisect.bisect_left(self.starts, char)
        return self.timexes[at - 1] if at else None


def _narrative_anchor(starts: list[int], cand: Candidate, done: _Narrative) -> Span | None:
    timex = done.last_before(cand.start)
    if timex is None:
        return None
    if _sentence_index(starts, cand.start) - _sentence_index(starts, timex.start_char) > (
        NARRATIVE_WINDOW
    ):
        return None
    return timex.span


def _nearest(
    hits: Sequence[tuple[Timex, SpacySpan]], starts: Sequence[int], char: int
) -> Timex | None:
    """The hit nearest to ``char`` outside the sentence that holds ``char``: a walk outward
    from a binary search, past the hits of that one sentence only."""
    at = bisect.bisect_left(starts, char)
    found: list[Timex] = []
    for step, index in ((-1, at - 1), (1, at)):
        while 0 <= index < len(hits):
            timex, sent = hits[index]
            if not sent.start_char <= char < sent.end_char:
                found.append(timex)
                break
            index += step
    if not found:
        return None
    return min(found, key=lambda t: (abs(t.start_char - char), t.start_char))


def _sentence_index(starts: list[int], char: int) -> int:
    return max(0, bisect.bisect_right(starts, char) - 1)


_PRENOMINAL = {"compound", "nummod", "amod", "nmod:poss"}


def _possessive(token: Token) -> bool:
    return any(c.dep_ == "case" and c.lower_ in {"'s", "'", "\u2019s"} for c in token.children)


def governor(span: SpacySpan) -> int:
    """The token index of the predicate a timex modifies: the first verb above its root
    (or the head of its root when no verb governs it). A date inside a noun phrase that is
    no subject ("rejected a 2016 ruling", "condemned Tuesday's attack") modifies that noun:
    the noun is its governor, and it does not date the verb."""
    node = span.root
    head = node.head
    if (
        (node.dep_ in _PRENOMINAL or node.dep_ == "nmod" and _possessive(node))
        and head.i != node.i
        and head.pos_ in ("NOUN", "PROPN")
        and not head.dep_.startswith(("nsubj", "csubj"))
        and head.i >= span.end  # before its noun: "a 2016 ruling"
    ):
        return head.i
    while node.head.i != node.i:
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node.i
    return span.root.head.i


# (start characters, (timex, its sentence)) in text order
_Hits = tuple[list[int], list[tuple[Timex, SpacySpan]]]


class _AnchorFinder:
    """``find_anchor(key, char)``: the date of an event named by a table id or a lemma."""

    def __init__(
        self,
        doc: Doc,
        today: dt.date | None,
        timexes: list[Timex],
        events: tuple[WellKnownEvent, ...],
    ) -> None:
        self.doc, self.today, self.timexes = doc, today, timexes
        self.table = {e.id: e for e in events}
        self._by_lemma: dict[str, tuple[_Hits, _Hits]] | None = None

    def __call__(self, key: str, char: int) -> Span | None:
        table = self.table
        event = table.get(key)
        lemmas = {a.split()[-1].rstrip("s") for a in event.aliases} if event else {key}
        in_doc = self._in_document(lemmas, char)
        if in_doc is not None and in_doc.granularity == "day":
            return in_doc
        if event is not None:
            return Span(event.start, event.end, "day" if event.start == event.end else "month")
        return in_doc

    def _in_document(self, lemmas: set[str], char: int) -> Span | None:
        """The date of the event named by one of ``lemmas`` nearest to ``char``, outside
        its sentence; a day-precise date first."""
        best: tuple[int, int, int, Span] | None = None
        named = self._named()
        for lemma in lemmas:
            for rank_class, (starts, hits) in enumerate(named.get(lemma, (([], []), ([], [])))):
                timex = _nearest(hits, starts, char)
                if timex is None:
                    continue
                assert timex.span is not None
                rank = (rank_class, abs(timex.start_char - char), timex.start_char, timex.span)
                if best is None or rank[:3] < best[:3]:
                    best = rank
        return best[3] if best else None

    def _named(self) -> dict[str, tuple[_Hits, _Hits]]:
        """Event lemma -> the dates that are that event's, day-precise ones apart from the
        others, each in text order (built once per document, so each anchored expression
        costs a binary search, not a pass over every date)."""
        if self._by_lemma is None:
            lists: dict[str, tuple[_Hits, _Hits]] = {}
            for timex in self.timexes:
                if timex.kind == "present" or timex.span is None or timex.span.start is None:
                    continue
                if timex.text.lower().startswith("since"):
                    continue  # "since 1958" does not date what it modifies
                sent: SpacySpan = sentence_of(self.doc, timex.start_token)
                coarse = 0 if timex.span.granularity == "day" else 1
                for lemma in self._event_lemmas(timex, sent):
                    starts, hits = lists.setdefault(lemma, (([], []), ([], [])))[coarse]
                    starts.append(timex.start_char)
                    hits.append((timex, sent))
            self._by_lemma = lists
        return self._by_lemma

    def _event_lemmas(self, timex: Timex, sent: SpacySpan) -> set[str]:
        """The nouns and verbs whose event this date can be: the predicate the date modifies
        or one of its arguments ("The election was held on 12 December")."""
        verb = governor(self.doc[timex.start_token : timex.end_token])
        return {t.lemma_.lower().rstrip("s") for t in sent if verb in (t.i, t.head.i)}
