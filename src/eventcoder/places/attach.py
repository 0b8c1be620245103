"""Where an event happened: the place the parse ties to its trigger, else its sentence's,
else what the document's narrative supports, else none.

1. **Parse**: a place reached from the trigger through its obliques, nominal modifiers and
   objects (at most three steps, never into another clause) that carries a locative
   preposition ("in", "at", "near", "outside", "from"...), or that the event acts on
   ("shelled Kharkiv"). Places that stand for a government as the event's actor ("Paris
   imposed") are actors, not locations.
2. **Sentence**: the first other place of the sentence with a locative preposition, else
   the sentence's only place.
3. **Narrative**: the place located in one of the three sentences before, else the country
   most of the document's places lie in (when at least 60% of them do), at country
   precision.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from eventcoder.places.recognize import Cues
from eventcoder.places.resolve import ResolvedPlace

__all__ = ["Attachment", "DocumentPlaces", "EventActor", "is_setting"]

_WALK = {
    "obl",
    "nmod",
    "obj",
    "nsubj:pass",
    "obl:npmod",
    "iobj",
    "compound",
    "appos",
    "conj",
    "xcomp",
}
_PATIENT = {"obj", "nsubj:pass", "xcomp"}  # xcomp: an object the parser misread
_FINER = ("exact", "near", "region", "country")
_NARRATIVE_WINDOW = 3
_DOMINANT_SHARE = 0.6


def case_words(token: Token) -> set[str]:
    """The prepositions marking a noun ("in", "near", "outside of" -> "outside", "of")."""
    return {c.lower_ for c in token.children if c.dep_ in {"case", "fixed"}} | {
        f.lower_ for c in token.children if c.dep_ == "case" for f in c.children
    }


def is_setting(token: Token, cues: Cues) -> bool:
    """Whether a noun names where something happens ("talks in Geneva", "near Tripoli"),
    so the place there is a setting, not a party. Read from its preposition."""
    return bool(case_words(token) & cues["setting"])


@dataclass(frozen=True)
class EventActor:
    """An event's source or target as attachment sees it: its tokens [start, end), head,
    and whether it stands for an institution (a government, a ministry...)."""

    start: int
    end: int
    head: int
    institution: bool


@dataclass(frozen=True)
class Attachment:
    """The place given to an event and how it was found (parse, sentence, narrative)."""

    place: ResolvedPlace
    how: str
    precision: str


class DocumentPlaces:
    """The resolved places of one parsed text, with what the attachment steps need."""

    def __init__(self, doc: Doc, places: list[ResolvedPlace], cues: Cues) -> None:
        self.doc = doc
        self.places = places
        self.cues = cues
        self.by_token: dict[int, ResolvedPlace] = {}
        for place in places:
            for i in range(place.mention.start, place.mention.end):
                self.by_token[i] = place
        self._located: dict[int, ResolvedPlace] = {}
        for place in places:  # each sentence's first setting ("in X", "near X")
            if case_words(doc[place.mention.head]) & cues["locative"]:
                self._located.setdefault(place.sentence, place)

    def place_at(self, token: Token) -> ResolvedPlace | None:
        """The place whose mention covers a token."""
        return self.by_token.get(token.i)

    def _acceptable(self, place: ResolvedPlace, actors: list[EventActor]) -> bool:
        """Not a place that is itself one of the event's actors standing for an institution
        (the actor's head lies in the place's name: "Paris" in "Paris imposed")."""
        m = place.mention
        return not any(m.start <= a.head < m.end for a in actors if a.institution)

    def _outside_actors(self, place: ResolvedPlace, actors: list[EventActor]) -> bool:
        """Not part of an actor's words ("the prime minister of Pakistan")."""
        m = place.mention
        return not any(a.start <= m.start and m.end <= a.end for a in actors)

    def by_parse(self, trigger: Token, actors: list[EventActor]) -> ResolvedPlace | None:
        """Step 1: the place the parse ties to the trigger."""
        frontier = [(trigger, 0)]
        best: tuple[int, int, int, ResolvedPlace] | None = None
        seen = {trigger.i}
        while frontier:
            token, depth = frontier.pop(0)
            for child in token.children:
                if child.dep_ not in _WALK or child.i in seen:
                    continue
                seen.add(child.i)
                place = self.place_at(child)
                if place is not None and self._acceptable(place, actors):
                    cases = case_words(child)
                    # "in the town of Jenin", "raided the town of Jenin": the town's name
                    named = "of" in cases and token.lower_ in self.cues["settlement"]
                    rank = 0 if named or cases & self.cues["setting"] else 1
                    if (
                        named
                        or cases & self.cues["locative"]
                        or (child.dep_ in _PATIENT and token.i == trigger.i)
                    ):
                        key = (depth, rank, _FINER.index(place.precision), place)
                        if best is None or key[:3] < best[:3]:
                            best = key
                if depth + 1 < 3 and child.dep_ not in {"conj"}:
                    frontier.append((child, depth + 1))
        return self._finer_within(best[3]) if best else None

    def _finer_within(self, place: ResolvedPlace) -> ResolvedPlace:
        """A finer place named inside a coarse one's phrase: "in northern Kosovo near
        Mitrovica" is at Mitrovica."""
        rank = _FINER.index(place.precision)
        head = self.doc[place.mention.head]
        for child in head.children:
            inner = self.place_at(child)
            if (
                inner is not None
                and inner is not place
                and _FINER.index(inner.precision) < rank
                and case_words(child) & self.cues["locative"]
            ):
                return inner
        return place

    def by_sentence(self, trigger: Token, actors: list[EventActor]) -> ResolvedPlace | None:
        """Step 2: a place elsewhere in the sentence."""
        sent = trigger.sent
        inside = [
            p
            for p in self.places
            if sent.start <= p.mention.start < sent.end
            and self._acceptable(p, actors)
            and self._outside_actors(p, actors)
        ]
        for place in inside:
            head = self.doc[place.mention.head]
            if case_words(head) & self.cues["locative"]:
                return place
        distinct = {(p.name, p.country) for p in inside}
        return inside[0] if len(distinct) == 1 else None

    def remember(self, sentence: int, place: ResolvedPlace) -> None:
        """Note the place an event of a sentence was given (the narrative goes on there)."""
        self._located[sentence] = place

    def by_narrative(self, sentence: int) -> tuple[ResolvedPlace, str] | None:
        """Step 3: a place of the sentences just before, else the document's country."""
        for back in range(1, _NARRATIVE_WINDOW + 1):
            place = self._located.get(sentence - back)
            if place is not None:
                return place, place.precision
        countries = Counter(p.country for p in self.places if p.country)
        if not countries:
            return None
        country, count = countries.most_common(1)[0]
        if count / sum(countries.values()) < _DOMINANT_SHARE:
            return None
        place = next(p for p in self.places if p.country == country)
        return place, "country"

    def attach(self, trigger: Token, sentence: int, actors: list[EventActor]) -> Attachment | None:
        """The place of an event, trying the parse, the sentence and the narrative in turn.

        ``actors`` are the event's source and target."""
        place = self.by_parse(trigger, actors)
        if place is not None:
            self.remember(sentence, place)
            return Attachment(place, "parse", place.precision)
        place = self.by_sentence(trigger, actors)
        if place is not None:
            self.remember(sentence, place)
            return Attachment(place, "sentence", place.precision)
        found = self.by_narrative(sentence)
        if found is None:
            return None
        return Attachment(found[0], "narrative", found[1])
