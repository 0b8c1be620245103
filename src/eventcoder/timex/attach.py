"""Attach dates to event triggers, and the document-level entry points.

:func:`resolve_document` finds and resolves every temporal expression of a parsed document;
:meth:`DocumentTimes.date_for` gives the interval of an event from its trigger token:

1. the expression that modifies the trigger in the parse, or else the one that modifies the
   nearest predicate governing it ("... stated that the war would last" takes the date of
   "stated");
2. otherwise the nearest dated expression of the sentence (not one inside what the trigger
   reports, nor one of the clause a parenthetical report is about, nor a full date naming
   a thing: :mod:`eventcoder.timex.clauses`);
2b. otherwise, for an act set in a place an earlier sentence dates a journey to ("visited
   Kenya on 4 May and Ghana on 6 May. In Ghana, she met ..."), that journey's date there;
3. otherwise, for a present-tense trigger that is no stative present, the document date
   (with a document date inferred from the text, only a lower bound);
4. otherwise the narrative: for a simple-past trigger, the last dated expression of the
   previous two sentences of the same paragraph (a line break between sentences starts a
   new one), unless an undated present-tense sentence comes between;
5. otherwise ``unknown`` with ``end`` = the document date.

An event whose target is the second object of a gapped clause ("visited X on 4 April and Y
from 5 to 6 April") takes the date written after that object, before all of the above.

A date in a dateline ("KHARTOUM, Dec 3 - ...") is when the story was filed: it dates no event.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from eventcoder.errors import Errors, ModelError
from eventcoder.nlp.datelines import dateline_length
from eventcoder.records import DateInterval
from eventcoder.timex.clauses import (
    content_clause,
    parenthetical_report,
    pluperfect,
    stative_present,
    time_clause,
    verb_of,
)
from eventcoder.timex.events_table import TimeData
from eventcoder.timex.expressions import Candidate, find_candidates
from eventcoder.timex.narrative import Timex, governor, resolve_candidates, tense_of
from eventcoder.timex.sentences import sentence_of

__all__ = ["DocumentTimes", "infer_document_date", "resolve_document"]

INHERIT_SENTENCES = 2
PLACE_SENTENCES = 6  # sentences back an itinerary still dates an act set in its places


@dataclass
class DocumentTimes:
    """The temporal expressions of one parsed document and how events get their dates."""

    doc: Doc
    timexes: list[Timex]
    document_date: dt.date | None
    document_date_status: str  # given | inferred | unknown
    _governor: dict[int, int] = field(default_factory=dict, repr=False)
    _sentences: list = field(default_factory=list, repr=False)
    _text: str = field(default="", repr=False)
    _sentence_starts: list[int] = field(default_factory=list, repr=False)
    _dated: list[Timex] = field(default_factory=list, repr=False)
    _dated_starts: list[int] = field(default_factory=list, repr=False)
    _by_governor: dict[int, list[Timex]] = field(default_factory=dict, repr=False)
    _firm: bool = field(default=True, repr=False)
    travel_verbs: frozenset[str] = field(default=frozenset(), repr=False)
    reporting_verbs: frozenset[str] = field(default=frozenset(), repr=False)

    def __post_init__(self) -> None:
        """Index the dates once, so dating each event costs only its own sentence."""
        self._sentences = list(self.doc.sents)
        self._sentence_starts = [s.start for s in self._sentences]
        self._text = self.doc.text  # built from the tokens on every access: read it once
        for index, timex in enumerate(self.timexes):
            self._governor[index] = governor(self.doc[timex.start_token : timex.end_token])
        dated = [
            (i, t) for i, t in enumerate(self.timexes) if t.dated and not _in_dateline(self.doc, t)
        ]
        dated.sort(key=lambda it: (it[1].start_token, it[0]))
        self._dated = [t for _, t in dated]
        self._dated_starts = [t.start_token for t in self._dated]
        for i, t in sorted(dated):
            self._by_governor.setdefault(self._governor[i], []).append(t)
        if self.document_date_status == "inferred":
            self._firm = any(self._dates_an_act(i, t) for i, t in dated)

    def _dates_an_act(self, index: int, timex: Timex) -> bool:
        """Whether this is an explicit day-precise date on the inferred document date that
        dates an act ("began their advance Nov. 6, 2016"), not a noun ("under the December
        25, 2011 agreement"): then the text tells of that day, and so does its present."""
        day = self.document_date.isoformat() if self.document_date else None
        return (
            timex.kind == "absolute"
            and timex.interval.granularity == "day"
            and timex.interval.end == day
            and self.doc[self._governor[index]].pos_ in ("VERB", "AUX")
        )

    def date_for(self, token_index: int, target_index: int | None = None) -> DateInterval:
        """The interval for an event whose trigger is this token and whose target's head is
        ``target_index`` when it has one (see the module doc)."""
        return self.attachment(token_index, target_index)[0]

    def attachment(
        self, token_index: int, target_index: int | None = None
    ) -> tuple[DateInterval, str, Timex | None]:
        """The interval of an event at this trigger, the rule that gave it (gapped, parse,
        sentence, present, narrative, unknown; the module doc) and the expression it came
        from."""
        trigger = self.doc[token_index]
        if target_index is not None:
            found = self._by_gapped(trigger, self.doc[target_index])
            if found is not None:
                return found.interval, "gapped", found
        found = self._by_parse(trigger)
        if found is not None:
            return self._as_published(found.interval, found), "parse", found
        found = self._by_sentence(trigger)
        if found is not None:
            return self._as_published(found.interval, found), "sentence", found
        found = self._by_place(trigger)
        if found is not None:
            return found.interval, "place", found
        tense = tense_of(self.doc, token_index, token_index + 1)
        if tense == "present" and self.document_date is not None and not stative_present(trigger):
            day = self.document_date.isoformat()
            return self._as_published(DateInterval(day, day, "day", None)), "present", None
        if tense == "past" and not _perfect(trigger):
            inherited = self._by_narrative(trigger)
            if inherited is not None:
                return self._not_before(inherited.interval), "narrative", inherited
        end = self.document_date.isoformat() if self.document_date else None
        return DateInterval(None, end, "unknown", None), "unknown", None

    def _dated_in(self, sent: Span) -> list[Timex]:
        """The dated expressions that start in a sentence (by binary search: each lookup
        costs the sentence's own dates, not a pass over all of the document's)."""
        lo = bisect.bisect_left(self._dated_starts, sent.start)
        hi = bisect.bisect_left(self._dated_starts, sent.end)
        return self._dated[lo:hi]

    def _by_gapped(self, trigger: Token, target: Token) -> Timex | None:
        """The date of a gapped clause's own object: "visited X on 4 April and Y from 5 to 6
        April" (and "... on Monday and Y on Wednesday"). The parse makes Y a conjunct of the
        first date and hangs Y's date on the verb or on Y: the first such date after Y, before
        any further conjunct, dates the act on Y."""
        first = target.head
        if (
            target.dep_ != "conj"
            or first.i == target.i
            or first.dep_ != "obl"
            or first.head.i != trigger.i
            or not any(self._governor.get(i) == trigger.i for i in self._timex_at(first))
        ):
            return None
        stop = min(
            (c.i for c in first.children if c.dep_ == "conj" and c.i > target.i),
            default=trigger.sent.end,
        )
        owners = {trigger.i} | {t.i for t in target.subtree}
        hits = [
            t
            for owner in owners
            for t in self._by_governor.get(owner, [])
            if target.i < t.start_token < stop
        ]
        return min(hits, key=lambda t: t.start_token) if hits else None

    def _timex_at(self, token: Token) -> list[int]:
        """Indices of the dated expressions that contain this token."""
        return [
            i
            for i, t in enumerate(self.timexes)
            if t.dated and t.start_token <= token.i < t.end_token
        ]

    def _by_parse(self, trigger: Token) -> Timex | None:
        # a pluperfect or a clause of time ("after a fire destroyed ...") is not dated by
        # the clause above it: the climb stops at its own verb or clause
        stop = (
            trigger
            if pluperfect(trigger)
            else (
                verb_of(trigger)
                if parenthetical_report(trigger, self.reporting_verbs)
                else time_clause(trigger)
            )
        )
        for node in (trigger, *trigger.ancestors):
            hits = self._by_governor.get(node.i)
            if hits:
                return min(hits, key=lambda t: abs(t.start_token - trigger.i))
            if stop is not None and node.i == stop.i:
                break
        return None

    def _by_sentence(self, trigger: Token) -> Timex | None:
        # "X accused Y of attacking Z on Monday": Monday dates the attack, not the
        # accusation (a report is dated when it is made); "Speaking on Friday, X accused
        # ..." is no content: Friday dates the accusation
        below = {
            t.i
            for c in trigger.subtree
            if c.i != trigger.i and content_clause(c)
            for t in c.subtree
        }
        reported = parenthetical_report(trigger, self.reporting_verbs)
        if reported is not None:  # "X happened on Monday, police said": Monday is X's
            below |= {t.i for t in reported.subtree} - {t.i for t in verb_of(trigger).subtree}
        for aside in verb_of(trigger).children:  # ... and the report's day is not X's
            if aside.dep_ in ("parataxis", "conj") and parenthetical_report(
                aside, self.reporting_verbs
            ):
                below |= {t.i for t in aside.subtree}
        hits = [
            t
            for t in self._dated_in(sentence_of(self.doc, trigger.i))
            if self._governor_of(t) not in below and not self._of_a_noun(t, trigger)
        ]
        own = pluperfect(trigger) and trigger or time_clause(trigger)
        if own is not None:  # only a date of its own clause dates it
            inside = {t.i for t in own.subtree}
            hits = [t for t in hits if self._governor_of(t) in inside]
        return min(hits, key=lambda t: abs(t.start_token - trigger.i)) if hits else None

    def _by_place(self, trigger: Token) -> Timex | None:
        """An act set in a place an earlier sentence dates a journey to ("visited Kenya on
        4 May and Ghana on 6 May. In Kenya, the minister met ...") took place then: the date
        that journey's verb gives that place (the gapped date of a second destination)."""
        verb = verb_of(trigger)
        if not self.travel_verbs or tense_of(self.doc, verb.i, verb.i + 1) != "past":
            return None
        sent = sentence_of(self.doc, trigger.i)
        places = {
            t.text
            for t in verb.subtree
            if t.ent_type_ in ("GPE", "LOC") and sent.start <= t.i < sent.end
        }
        if not places:
            return None
        index = bisect.bisect_right(self._sentence_starts, trigger.i) - 1
        first = self._sentences[max(0, index - PLACE_SENTENCES)].start
        for token in reversed(self.doc[first : sent.start]):
            if token.text in places and token.ent_type_ in ("GPE", "LOC"):
                return self._journey_date(token)
        return None

    def _journey_date(self, place: Token) -> Timex | None:
        """The date a journey's verb gives a destination: the nearest of its dates, or for a
        second destination ("Ghana on 3 June and Togo from 5 to 6 June") the first written
        after it."""
        journey = next((a for a in place.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if journey is None or journey.lemma_.lower() not in self.travel_verbs:
            return None
        hits = self._by_governor.get(journey.i, [])
        if place.dep_ == "conj":
            hits = [t for t in hits if t.start_token > place.i]
            return min(hits, key=lambda t: t.start_token) if hits else None
        return min(hits, key=lambda t: abs(t.start_token - place.i)) if hits else None

    def _governor_of(self, timex: Timex) -> int:
        return governor(self.doc[timex.start_token : timex.end_token])

    def _of_a_noun(self, timex: Timex, trigger: Token) -> bool:
        """A full date before the noun it modifies ("under the December 25, 2011 agreement")
        names that thing, not the story's time: it dates no other act of its sentence; so
        does any date inside an object ("condemned Tuesday's attack"). A weekday or a date
        without a year in a phrase of circumstance is the act's own ("said during a Friday
        sermon")."""
        head = self._governor_of(timex)
        noun = self.doc[head]
        if head == trigger.i or head < timex.end_token or noun.pos_ not in ("NOUN", "PROPN"):
            return False
        while noun.dep_ == "compound" and noun.head.i != noun.i:
            noun = noun.head  # "a Friday prayer sermon": the phrase's head
        # "condemned Tuesday's attack": the object's date is the attack's
        return timex.kind == "absolute" or not noun.dep_.startswith("obl")

    def _as_published(self, interval: DateInterval, timex: Timex | None = None) -> DateInterval:
        """With a document date inferred from the text (the latest date it names), the
        text was written then or later: a date counted from it ("today", "on Monday", the
        present) is no day, only a lower bound when it is not before that date; unless an
        explicit date of that day dates an act of the text (``_dates_an_act``)."""
        if self.document_date_status != "inferred" or self.document_date is None or self._firm:
            return interval
        if timex is not None and timex.kind not in ("relative", "present"):
            return interval
        day = self.document_date.isoformat()
        start = interval.start if interval.start and interval.start >= day else None
        return DateInterval(start, None, "unknown", interval.text)

    def _future(self, timex: Timex) -> bool:
        """Whether an expression lies wholly after the document date ("next year"): a past
        act that follows it in the narrative did not happen then."""
        start = timex.interval.start
        return (
            self.document_date is not None
            and start is not None
            and start > self.document_date.isoformat()
        )

    def _not_before(self, interval: DateInterval) -> DateInterval:
        """An inherited day is a lower bound, not the event's day: a sentence with no time
        expression of its own happened on or after the day its passage started from (up to
        the document date), so it never gets that day at day precision."""
        if interval.granularity != "day" or interval.start is None:
            return interval
        end = self.document_date.isoformat() if self.document_date else None
        if end is None or end < interval.start:
            end = interval.end
        return DateInterval(interval.start, end, "unknown", None)

    def _by_narrative(self, trigger: Token) -> Timex | None:
        """The last date of the dated passage this sentence continues: stop at a line break
        between sentences (a new paragraph) and at an undated present-tense sentence."""
        sents = self._sentences
        index = bisect.bisect_right(self._sentence_starts, trigger.i) - 1
        for back in range(1, INHERIT_SENTENCES + 1):
            if index - back < 0 or _paragraph_break(
                self._text, sents[index - back], sents[index - back + 1]
            ):
                return None
            prev = sents[index - back]
            hits = [t for t in self._dated_in(prev) if t.kind != "present" and not self._future(t)]
            if hits:
                return hits[-1]
            if tense_of(self.doc, prev.root.i, prev.root.i + 1) != "past":
                return None
        return None


def _in_dateline(doc: Doc, timex: Timex) -> bool:
    """A date in a dateline ("KHARTOUM, Dec 3 - ..."): when the story was filed, not when
    what it reports happened, so it dates no event ("shelled the camp on Tuesday" is Tuesday)."""
    sent = sentence_of(doc, timex.start_token)
    return timex.start_token < sent.start + dateline_length(sent)


def _perfect(token: Token) -> bool:
    """ "has sought", "has been disclosed": present relevance, not a dated narrative."""
    return any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in token.children)


def _paragraph_break(text: str, before, after) -> bool:
    gap = text[before.end_char - 1 : after.start_char] + after.text[:1]
    first = after[0]
    return "\n" in gap or (first.is_space and "\n" in first.text)


def resolve_document(
    doc: Doc, document_date: dt.date | None, data: TimeData | None = None
) -> DocumentTimes:
    """Find and resolve the temporal expressions of ``doc``. Without a document date, it is
    inferred from the latest explicit date in the text (status ``inferred``).

    ``data`` is the time stage's data (``TimeData.load()``); pass it when resolving many
    documents, as the time stage does (without it, it is loaded for this one call)."""
    if not doc.has_annotation("SENT_START"):
        raise ModelError(Errors.E503.format())
    data = data if data is not None else TimeData.load()
    status = "given"
    if document_date is None:
        document_date = infer_document_date(doc, data)
        status = "inferred" if document_date is not None else "unknown"
    cands = find_candidates(doc, document_date, data)
    timexes = resolve_candidates(
        doc, cands, document_date, data.events, lower_bound=status == "inferred"
    )
    return DocumentTimes(
        doc,
        timexes,
        document_date,
        status,
        travel_verbs=data.travel_verbs,
        reporting_verbs=data.reporting_verbs,
    )


def infer_document_date(doc: Doc, data: TimeData) -> dt.date | None:
    """The latest explicit (year-bearing) date of the text that is not in the future tense:
    the latest day-precise one when there is one ("Wednesday, September 7, 2016" rather than
    the end of "Expo 2016"), else the end of the latest coarser one; None without any.

    A well-known event the text names as a time anchor ("weeks before the invasion") has
    happened when the text was written, so it raises that date to the event's start, but only
    when it began within a year after the latest explicit date: a generic name ("the war")
    far from the text's own dates more likely means another event than a late publication."""
    cands = find_candidates(doc, None, data, use_recognizers=False)
    latest = _latest_explicit(doc, cands, data)
    if latest is None:
        return None
    started = {e.id: e.start for e in data.events}
    anchors = [
        started[c.groups["event"]]
        for c in cands
        if c.groups.get("event") in started and _not_future(doc, c.start, c.end)
    ]
    later = [s for s in anchors if latest < s <= latest + _ANCHOR_REACH]
    return max(later, default=latest)


_ANCHOR_REACH = dt.timedelta(days=366)


def _not_future(doc: Doc, start_char: int, end_char: int) -> bool:
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    return span is not None and tense_of(doc, span.start, span.end) != "future"


def _latest_explicit(doc: Doc, cands: list[Candidate], data: TimeData) -> dt.date | None:
    explicit = [
        t.span
        for t in resolve_candidates(doc, cands, None, data.events)
        if t.kind in ("absolute", "range")
        and t.span
        and t.span.end is not None
        and not t.text.lower().startswith("since")
        and tense_of(doc, t.start_token, t.end_token) != "future"
    ]
    ends = [s.end for s in explicit if s.end is not None]
    days = [s.end for s in explicit if s.end is not None and s.granularity == "day"]
    if days:
        return max(days)
    return max(ends, default=None)
