"""Where an event happened: the place the parse ties to its trigger, else its sentence's,
else what the document's narrative supports, else none.

1. **Parse**: a place reached from the trigger through its obliques, nominal modifiers and
   objects (at most three steps, never into another clause) that carries a locative
   preposition ("in", "at", "near", "outside", "from"...), or that the event acts on
   ("shelled Kharkiv"). Places that stand for a government as the event's actor ("Paris
   imposed") are actors, not locations.
   A verb completing the trigger ("plans to meet X in Y") is the event's own clause.
2. **Sentence**: the first other place of the trigger's clause (or a clause it depends on)
   with a setting preposition (in, at, near...), else the clause's only place when no
   preposition makes it another phrase's argument (never one inside the event's actors).
   A verbal event (CAMEO roots of ``cues.tsv``'s ``verbal``: statements, appeals, demands,
   disapproval, rejection, threats...) stops after step 1 and never looks into its object.
   A place joined by "and" to a place of another country ("strikes in Syria and Iraq")
   leaves the event without a location: it has several.
3. **Narrative**: the setting (in, at, near...; not "sanctions on X") or facility of one
   of the two sentences before (in the same paragraph), when it is finer than a country (a
   country named before is no scene the story goes on in), else, when at least 60% of the
   document's places lie in one country and one of the event's actors belongs to it, the
   town of that country the document names most (60% of its exact or near places) at near
   precision, for fighting, assaults and coercion only (``story_town`` roots of the cue
   file; not aid or support given from afar). A region the narrative gives is narrowed
   to a town of the event's sentence that lies in it ("from Irving, Texas"). The story's country alone locates no event: a text that names no setting
   for an event gives it none.
"""

from __future__ import annotations

import bisect
import itertools
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from eventcoder.nlp.datelines import dateline_length
from eventcoder.places.recognize import Cues
from eventcoder.places.resolve import ResolvedPlace

__all__ = ["Attachment", "DocumentPlaces", "EventActor", "head_of", "is_setting"]

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
_ABOUT = {"obj", "nsubj:pass", "iobj", "xcomp", "ccomp"}  # what a verbal event is about
_FINER = ("exact", "near", "region", "country")
_OWN_ARGUMENTS = {"obj", "nsubj", "nsubj:pass", "dobj", "nsubjpass", "attr"}
_NARRATIVE_WINDOW = 2
_DEPENDENT_CLAUSES = {"advcl", "xcomp", "conj"}
_RELATIVE = {"acl", "acl:relcl", "relcl"}  # clauses that describe a noun
_TOWARDS = frozenset({"into", "towards", "toward"})
_RELATIVE_WORDS = {"who", "whom", "whose", "which", "that", "where"}
_CLAUSE_DEPS = {"conj", "xcomp", "acl", "acl:relcl", "advcl", "ccomp", "csubj", "parataxis", "root"}
_FACILITY_TYPES = {
    "airbase",
    "airfield",
    "naval_base",
    "military_base",
    "border_crossing",
    "facility",
    "bridge",
}
_DOMINANT_SHARE = 0.6
_FRONT_WORDS = 4  # "Near X,", "In northern X,": at most this many words before the place


def _facility(place: ResolvedPlace) -> bool:
    """Whether a place is a base, airfield, crossing or other facility."""
    return place.mention.hint == "facility" or place.place.type in _FACILITY_TYPES


def _coarseness(place: ResolvedPlace) -> int:
    """How coarse a place is as an event's setting: by precision, a river coarser than a
    country (it runs through several places: "seized a boat on the Mekong in X province"
    is in X)."""
    return len(_FINER) if place.place.type == "river" else _FINER.index(place.precision)


def _dep(token: Token) -> str:
    """A token's relation, with a prepositional phrase the parser took for a clause read
    as the oblique it is: "hit a compound near Erbil" (Erbil an adnominal clause), "killed
    five in clashes on the island of X" (clashes an adverbial clause). A real clause has a
    verb or a subordinating word, not a preposition."""
    dep = token.dep_
    if dep not in {"acl", "advcl"}:
        return dep
    deps = {c.dep_ for c in token.children}
    if "case" in deps and not deps & {"mark", "nsubj", "nsubj:pass", "aux", "aux:pass", "obj"}:
        return "obl" if dep == "advcl" else "nmod"
    return dep


def case_words(token: Token) -> set[str]:
    """The prepositions marking a noun ("in", "near", "outside of" -> "outside", "of")."""
    return {c.lower_ for c in token.children if c.dep_ in {"case", "fixed"}} | {
        f.lower_ for c in token.children if c.dep_ == "case" for f in c.children
    }


def head_of(doc: Doc, place: ResolvedPlace) -> Token:
    """The syntactic head of a place's words: the last word, or the word it depends on
    inside the name ("Kingdom" in "in the Hashemite Kingdom of Jordan")."""
    m = place.mention
    token = doc[m.end - 1]
    while token.head.i != token.i and m.start <= token.head.i < m.end:
        token = token.head
    return token


def is_setting(token: Token, cues: Cues) -> bool:
    """Whether a noun names where something happens ("talks in Geneva", "near Tripoli"),
    so the place there is a setting, not a party. Read from its preposition."""
    return bool(case_words(token) & cues["setting"])


def _clause_of(token: Token) -> int:
    """The head of the clause a token stands in (a verb, or the sentence's root)."""
    current = token
    while current.head.i != current.i and not _opens_clause(current):
        current = current.head
    return current.i


def _opens_clause(token: Token) -> bool:
    dep = token.dep_.lower()
    if dep in {"conj", "xcomp"}:  # a conjoined or complement verb, not "Aleppo and Homs"
        return token.pos_ in {"VERB", "AUX"}
    return dep in _CLAUSE_DEPS


def _clauses_above(token: Token, source: int | None = None) -> list[int]:
    """The token's clause and the clauses it depends on ("exploded in Kabul, killing ten":
    the participle's event happened where the main clause says). ``source``: the head of
    the event's source; the climb never enters a relative or adnominal clause the source
    is no part of ("Washington criticised the generals who seized power in Y and suspended
    aid", parsed with "suspended" joined to "seized": the aid was not suspended in Y)."""
    out = [_clause_of(token)]
    while True:
        head = token.doc[out[-1]]
        if head.head.i == head.i or head.dep_ not in _DEPENDENT_CLAUSES:
            return out
        above = token.doc[_clause_of(head.head)]
        if source is not None and not _holds_source(above, source):
            return out
        out.append(above.i)


def _subject_of(token: Token, trigger: Token) -> bool:
    """Whether a place is the trigger's subject ("Goma attacked ...", "Paris imposed ..."):
    a party to the event, however the parser got there, not its setting."""
    return token.head.i == trigger.i and token.dep_ in {"nsubj", "csubj"}


def _relative_clause(clause: Token) -> bool:
    """Whether a clause is a relative one ("who was born in X", "which lies in X"), not a
    participle describing a noun ("the headquarters located in X")."""
    return clause.dep_ in _RELATIVE and any(
        c.lower_ in _RELATIVE_WORDS for c in clause.children if c.dep_ != "punct"
    )


def _holds_source(clause: Token, source: int) -> bool:
    """Whether the event's source can be the agent of ``clause``: always for a clause that
    is no relative or adnominal one; for one, when the source stands in it or is the noun
    it describes ("the militia that attacked X and killed ten")."""
    if clause.dep_ not in _RELATIVE:
        return True
    inside = clause.left_edge.i <= source <= clause.right_edge.i
    return inside or source == clause.head.i


def _same_event(token: Token) -> bool:
    """A verb completing the trigger ("plans to meet", "agreed to work"): its phrases are
    the event's own."""
    return token.dep_ == "xcomp" and token.pos_ in {"VERB", "AUX"}


def _completions(token: Token) -> list[Token]:
    """The verbs completing a trigger, transitively ("agreed to try to meet")."""
    out = [c for c in token.children if _same_event(c)]
    for child in list(out):
        out += _completions(child)
    return out


def _dominant(places: list[ResolvedPlace]) -> ResolvedPlace | None:
    """The first place of the country most of the document's places lie in, when at least
    60% of them do."""
    countries = Counter(p.country for p in places if p.country)
    if not countries:
        return None
    country, count = countries.most_common(1)[0]
    if count / sum(countries.values()) < _DOMINANT_SHARE:
        return None
    return next(p for p in places if p.country == country)


def _dominant_town(places: list[ResolvedPlace]) -> ResolvedPlace | None:
    """The first mention of the town (or base) the document names most, when it makes at
    least 60% of the document's exact or near places."""
    towns = Counter((p.name, p.country) for p in places if p.precision in {"exact", "near"})
    if not towns:
        return None
    (name, country), count = towns.most_common(1)[0]
    if count < 2 or count / sum(towns.values()) < _DOMINANT_SHARE:
        return None  # a town named once is no town the report is about
    return next(p for p in places if (p.name, p.country) == (name, country))


def _home_of_actor(doc: Doc, place: ResolvedPlace, titles: frozenset[str]) -> bool:
    """Whether a place names where an actor is based ("a London-based group", "the
    Doha based broadcaster") or the place of an office ("the Mayor of X", ``titles``), not
    where anything happened."""
    start, end = place.mention.start, place.mention.end
    if start >= 2 and doc[start - 1].lower_ == "of":
        words: list[str] = []
        for token in reversed(doc[max(start - 5, 0) : start - 1]):
            if token.lower_ in {"the", "a", "an"} or not token.is_alpha:
                break
            words.insert(0, token.lower_)
            if " ".join(words) in titles:
                return True
    words = [t.lower_ for t in doc[end : end + 2]]
    return (
        words[:1] == ["-based"]
        or words[:2] in (["-", "based"], ["based", "-"])
        or (words[:1] == ["based"] and doc[end].dep_ in {"amod", "compound"})
    )


@dataclass(frozen=True)
class EventActor:
    """An event's source or target as attachment sees it: its tokens [start, end), head,
    and whether a place that is this actor cannot be the event's location (it stands for
    an institution, or the event does not happen at its target)."""

    start: int
    end: int
    head: int
    institution: bool
    country: str | None = None  # ISO 3166 alpha-3 of the actor, when it has one
    source: bool = False  # the event's source (else its target)


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
        # "a Doha-based broadcaster", "the Mayor of X": an actor's home or office, never
        # where anything happened
        places = [p for p in places if not _home_of_actor(doc, p, cues["title"])]
        self._usable = places
        self.by_token: dict[int, ResolvedPlace] = {}
        for place in places:
            for i in range(place.mention.start, place.mention.end):
                self.by_token[i] = place
        # "near X airport", "the X refinery": the facility word the parse hangs the
        # preposition on stands for the place named before it
        for place in places:
            end = place.mention.end
            if (
                end < len(doc)
                and end not in self.by_token
                and doc[end].lower_ in cues["facility"]
                and place.precision in {"exact", "near"}
            ):
                self.by_token[end] = place
        # "Irving, Texas": the qualifier's words stand for the place it narrows
        for place, after in itertools.pairwise(places):
            if place.mention.qualifier and after.mention.start == place.mention.end + 1:
                for i in range(after.mention.start, after.mention.end):
                    self.by_token[i] = place
        self._located: dict[int, ResolvedPlace] = {}
        self._dominant = _dominant(places)
        self._town = _dominant_town(places)
        self.sentences = list(doc.sents)
        self._text = doc.text  # once: Doc.text joins every token
        self._starts = [s.start for s in self.sentences]
        self.by_sentence_index: dict[int, list[ResolvedPlace]] = {}
        for place in places:
            self.by_sentence_index.setdefault(place.sentence, []).append(place)
        for place in places:  # each sentence's first setting ("in X") or facility
            if _relative_clause(doc[_clause_of(head_of(doc, place))]):
                continue  # "the minister, who was born in X, ...": no scene of the story
            if case_words(head_of(doc, place)) & cues["setting"] or (
                place.mention.hint == "facility" or place.place.type in _FACILITY_TYPES
            ):
                self._located.setdefault(place.sentence, place)

    def place_at(self, token: Token) -> ResolvedPlace | None:
        """The place whose mention covers a token."""
        return self.by_token.get(token.i)

    def _acceptable(self, place: ResolvedPlace, actors: list[EventActor]) -> bool:
        """Not a place that is itself one of the event's actors standing for an institution
        (the actor's head lies in the place's name: "Paris" in "Paris imposed")."""
        m = place.mention
        if _facility(place):
            return True  # a base or crossing never stands for a government
        if any(m.start <= a.head < m.end for a in actors if a.institution):
            return False
        # "recalled its ambassador from Nairobi": a place in the words of a target the
        # event does not happen at names that target, unless it sets it somewhere ("in")
        return not any(
            a.start <= m.start and m.end <= a.end and not self._is_setting_place(place)
            for a in actors
            if a.institution and not a.source
        )

    def _outside_actors(self, place: ResolvedPlace, actors: list[EventActor]) -> bool:
        """Not part of an actor's words ("the prime minister of Pakistan", "fishermen from
        X"), unless the words set the actor there ("protesters in X rallied": a setting
        preposition, the place not the actor's head)."""
        m = place.mention
        inside = [a for a in actors if a.start <= m.start and m.end <= a.end]
        if not inside:
            return True
        setting = bool(case_words(head_of(self.doc, place)) & self.cues["setting"])
        return setting and not any(m.start <= a.head < m.end for a in inside)

    def by_parse(
        self, trigger: Token, actors: list[EventActor], verbal: bool = False
    ) -> ResolvedPlace | None:
        """Step 1: the place the parse ties to the trigger. A verbal event (a statement, an
        appeal, a demand...) takes only a place of its own setting, never one of what it is
        about ("condemned the attack in Baghdad" was not said in Baghdad)."""
        frontier = [(trigger, 0)]
        best: tuple[int, int, int, ResolvedPlace] | None = None
        settings: list[ResolvedPlace] = []
        seen = {trigger.i}
        while frontier:
            token, depth = frontier.pop(0)
            for child in token.children:
                dep = _dep(child)
                if dep not in _WALK or child.i in seen:
                    continue
                seen.add(child.i)
                place = self.place_at(child)
                if place is not None and self._origin_of_object(child, trigger):
                    place = None  # "arrested fishermen from X": where the fishermen come from
                if place is not None and self._acceptable(place, actors):
                    cases = case_words(child)
                    # "in the town of Jenin", "raided the town of Jenin": the town's name;
                    # "off the coast of X", "on the outskirts of X": near X
                    named = "of" in cases and (
                        token.lower_ in self.cues["settlement"] or place.mention.near
                    )
                    rank = 0 if named or cases & self.cues["setting"] else 1
                    # "reopened the X border crossing": a facility acted on is where the
                    # act was done, even for an act the coder counts as verbal
                    acted_facility = dep in _PATIENT and token.i == trigger.i and _facility(place)
                    if (
                        named
                        or cases & self.cues["locative"]
                        or (dep in _PATIENT and token.i == trigger.i and not verbal)
                        or acted_facility
                    ) and not (verbal and dep in _ABOUT and not acted_facility):
                        key = (depth, rank, _coarseness(place), place)
                        if rank == 0 or (dep in _PATIENT and token.i == trigger.i):
                            # "attacked X in Y province": the place acted on narrows Y
                            settings.append(place)
                        if best is None or key[:3] < best[:3]:
                            best = key
                    elif not verbal and self._names_object(child, token, trigger):
                        # "evacuated residents of X", "hit the X outpost": the object's own
                        # place, finer than a coarse setting of its country
                        settings.append(place)
                if _same_event(child):  # "plans to meet X in Y": the meeting's setting
                    frontier.append((child, depth))
                elif (
                    depth + 1 < 3
                    and self._leads_on(child)
                    and not (verbal and dep in _ABOUT)
                    and not (verbal and child.lemma_.lower() not in self.cues["venue"])
                ):
                    frontier.append((child, depth + 1))
        if not verbal:
            facility = self._facility_pronoun(trigger)
            if facility is not None and (best is None or best[:2] > (0, 0)):
                return facility
        if best is None:
            return None if verbal else self._seat_of_subject(trigger)
        chosen = best[3]
        if best[2] >= _FINER.index("region"):  # a finer setting nearby wins:
            river = chosen.place.type == "river"  # a line through several places
            finer = [
                p
                for p in settings
                if _coarseness(p) < best[2]
                and (p.country == chosen.country or self._is_setting_place(p) or river)
            ]  # "in X, in Y"; "shelled X from across the Y river"
            if finer:
                chosen = min(finer, key=lambda p: _FINER.index(p.precision))
        return self._finer_within(chosen)

    def _is_setting_place(self, place: ResolvedPlace) -> bool:
        return bool(case_words(head_of(self.doc, place)) & self.cues["setting"])

    def _names_object(self, child: Token, parent: Token, trigger: Token) -> bool:
        """Whether a place names the trigger's object or its part: "the X outpost"
        (a name before the object's noun), "residents of X", "the people of X"."""
        if parent.dep_ not in {"obj", "nsubj:pass"} or parent.head.i != trigger.i:
            return False
        return child.dep_ in {"compound", "flat"} or (
            child.dep_ == "nmod" and case_words(child) == {"of"}
        )

    def _seat_of_subject(self, trigger: Token) -> ResolvedPlace | None:
        """The place named before the noun of a body that sits in one place and is the
        trigger's subject ("a Sydney court jailed ...", "Kano police arrested ...", ``seat``
        in ``cues.tsv``): where the body acted, when nothing else in the parse says."""
        for child in trigger.children:
            if child.dep_ not in {"nsubj", "nsubj:pass"} and not (
                child.dep_ == "obl" and "by" in case_words(child)
            ):
                continue
            if child.lemma_.lower() not in self.cues["seat"]:
                continue
            for word in child.children:
                place = self.place_at(word)
                if (
                    place is not None
                    and word.dep_ in {"compound", "nmod:poss", "amod"}
                    and word.i < child.i
                    and place.precision in {"exact", "near", "region"}
                ):
                    return place
        return None

    def _origin_of_object(self, child: Token, trigger: Token) -> bool:
        """Whether a "from X" place right after the trigger's object tells where the object
        comes from ("arrested fishermen from X", however the parser hung the phrase), not
        where the event happened: for every verb but those that take people or things
        away from a place (``from_verb``: "withdrew troops from X", "evacuated residents
        from X")."""
        cases = case_words(child)
        if "from" not in cases or cases & self.cues["setting"]:
            return False
        lemma = trigger.lemma_.lower()
        doubled = lemma[:-1] if lemma[-1:] == lemma[-2:-1] else ""  # the tagger's "expell"
        if lemma in self.cues["from_verb"] or doubled in self.cues["from_verb"]:
            return False
        before = self.doc[child.left_edge.i - 1] if child.left_edge.i > 0 else None
        if before is None or before.pos_ not in {"NOUN", "PROPN", "PRON"}:
            return False
        noun = before
        while noun.head.i != noun.i and noun.dep_ not in {"obj", "nsubj:pass"}:
            if noun.head.i == trigger.i or noun.head.i == noun.i:
                break
            noun = noun.head
        return noun.dep_ in {"obj", "nsubj:pass"} and noun.head.i == trigger.i

    def _facility_pronoun(self, trigger: Token) -> ResolvedPlace | None:
        """A base or crossing that "it" stands for as the trigger's subject or object ("the
        X Air Base was restored. In May it was used ..."): the last facility named before
        the trigger, in its sentence or the two before in the same paragraph, with no
        other place named between."""
        if not any(
            c.lower_ == "it" and c.dep_ in {"nsubj", "nsubj:pass", "obj"} for c in trigger.children
        ):
            return None
        sentence = max(bisect.bisect_right(self._starts, trigger.i) - 1, 0)
        for place in reversed(self._usable):
            if place.mention.start >= trigger.i:
                continue
            if sentence - place.sentence > _NARRATIVE_WINDOW or self._new_paragraph(
                place.sentence, sentence
            ):
                return None
            facility = place.mention.hint == "facility" or place.place.type in _FACILITY_TYPES
            return place if facility else None
        return None

    def several(self, place: ResolvedPlace) -> bool:
        """Whether the place is one of several in different countries joined by "and" or
        "or" ("strikes in Syria and Iraq"): the event has no one location."""
        head = head_of(self.doc, place)
        linked = [c for c in head.children if c.dep_ == "conj"]
        if head.dep_ == "conj":
            linked.append(head.head)
        for token in linked:
            other = self.place_at(token)
            if other is not None and other is not place and other.country != place.country:
                return True
        return False

    def _new_paragraph(self, first: int, last: int) -> bool:
        """Whether a paragraph break lies between sentences ``first`` and ``last``."""
        for k in range(first, last):
            earlier, later = self.sentences[k], self.sentences[k + 1]
            if "\n" in self._text[max(earlier.end_char - 1, 0) : later.start_char + 1]:
                return True
        return False

    def _leads_on(self, child: Token) -> bool:
        """Whether the walk goes on below a word: below the event's object, a setting
        ("the base in X near Y") or a settlement word ("on the island of X"), not into
        another phrase ("sanctions over the attack on
        X": the attack's place is not the sanctions')."""
        if child.dep_ in {"obj", "nsubj:pass", "iobj", "compound", "appos"}:
            return True
        cases = case_words(child)
        settlement = child.lower_ in self.cues["settlement"] and cases & self.cues["locative"]
        return _dep(child) in {"obl", "nmod"} and bool(
            cases & self.cues["setting"] or "of" in cases or settlement
        )  # (also "on the island of X": a settlement's name)

    def _finer_within(self, place: ResolvedPlace) -> ResolvedPlace:
        """A finer place named inside a coarse one's phrase: "in northern Kosovo near
        Mitrovica" is at Mitrovica."""
        rank = _coarseness(place)
        head = head_of(self.doc, place)
        for child in head.children:
            inner = self.place_at(child)
            if (
                inner is not None
                and inner is not place
                and _coarseness(inner) < rank
                and (
                    case_words(child) & self.cues["locative"]
                    or (  # "on the Y River in X province", the preposition hung on X
                        inner.mention.start > 0
                        and self.doc[inner.mention.start - 1].lower_ in self.cues["locative"]
                    )
                )
            ):
                return inner
        return place

    def _finer_above(self, place: ResolvedPlace) -> ResolvedPlace:
        """A coarse setting that narrows a finer place of its country: "the town of X in
        Y state" is at X, not Y."""
        if place.precision not in {"region", "country"}:
            return place
        head = head_of(self.doc, place).head
        if head.lower_ in self.cues["settlement"]:  # "the town of X in Y"
            head = next((c for c in head.children if "of" in case_words(c)), head)
        above = self.place_at(head)
        if (
            above is not None
            and above is not place
            and above.country == place.country
            and _FINER.index(above.precision) < _FINER.index(place.precision)
        ):
            return above
        return place

    def by_sentence(self, trigger: Token, actors: list[EventActor]) -> ResolvedPlace | None:
        """Step 2: a place elsewhere in the sentence."""
        sent = self.sentences[max(bisect.bisect_right(self._starts, trigger.i) - 1, 0)]
        inside = [
            p
            for p in self._places_in(sent)
            if sent.start <= p.mention.start < sent.end
            and self._acceptable(p, actors)
            and self._outside_actors(p, actors)
        ]
        source = next((a.head for a in actors if a.source), None)
        clauses = _clauses_above(trigger, source) + [t.i for t in _completions(trigger)]
        inside = [p for p in inside if _clause_of(head_of(self.doc, p)) in clauses]
        for place in inside:
            if case_words(head_of(self.doc, place)) & self.cues["setting"]:
                return self._finer_above(place)
        fronted = self._fronted(sent) or self._dateline(sent)
        if fronted is not None and self._acceptable(fronted, actors):
            return fronted
        # else the clause's only place, unless a preposition makes it some phrase's argument
        # ("on Kyiv", "aggression against Ukraine"; "the shelling of Kharkiv" stays)
        bare = [
            p
            for p in inside
            if case_words(head_of(self.doc, p)) <= {"of"}
            and not self._of_another_act(head_of(self.doc, p), trigger)
            and not _subject_of(head_of(self.doc, p), trigger)
        ]
        distinct = {(p.name, p.country) for p in inside}
        return bare[0] if bare and len(distinct) == 1 else None

    def _of_another_act(self, place: Token, trigger: Token) -> bool:
        """ "... sanctions over its role in the invasion of X": X is where the invasion
        happened, not the sanctions. The act is the event's own when it is the trigger or
        one of the trigger's own arguments ("launched an invasion of X"); a time phrase
        ("after the shelling of X, residents fled") keeps the place: the story stays there."""
        noun = place.head
        if (
            "of" not in case_words(place)
            or not {noun.lower_, noun.lemma_.lower()} & self.cues["act_of"]
        ):
            return False
        if noun.i == trigger.i or (noun.head.i == trigger.i and noun.dep_ in _OWN_ARGUMENTS):
            return False
        current = noun
        while current.i != trigger.i and current.head.i != current.i:
            if case_words(current) & self.cues["time_of"]:
                return False
            current = current.head
        return True

    def _fronted(self, sent: Span) -> ResolvedPlace | None:
        """A setting that opens the sentence before a comma ("Near X, five strikes
        destroyed ...", "In northern X, ..."): the scene of every event of the sentence,
        however the parser joined it (a fronted "Near X," is often parsed as the root)."""
        first = next(
            (p for p in self._places_in(sent) if sent.start <= p.mention.start < sent.end), None
        )
        if first is None:
            return None
        m = first.mention
        if m.end >= sent.end or self.doc[m.end].text != ",":
            return None
        words = [t for t in self.doc[sent.start : m.start] if not (t.is_punct or t.is_space)]
        if not words or len(words) > _FRONT_WORDS:
            return None
        if any(t.pos_ in {"VERB", "AUX", "PRON", "PROPN"} for t in words):
            return None  # a clause or a name, not a phrase of place
        return first if words[0].lower_ in self.cues["setting"] or m.near else None

    def _dateline(self, sent: Span) -> ResolvedPlace | None:
        """The dateline that opens a sentence ("BAMAKO, Mali (AP) -", "KABUL (Reuters) -"):
        where the report was filed, the setting of the events of its first sentence (and of
        the sentences after it, as the narrative) that name none of their own."""
        first = next(
            (p for p in self._places_in(sent) if sent.start <= p.mention.start < sent.end), None
        )
        if first is None:
            return None
        reach = dateline_length(sent)
        m = first.mention
        return first if reach and m.start == sent.start and m.end <= sent.start + reach else None

    def _places_in(self, sent: Span) -> list[ResolvedPlace]:
        """The places of the sentence that holds ``sent`` (found by its first token)."""
        index = bisect.bisect_right(self._starts, sent.start) - 1
        return self.by_sentence_index.get(index, [])

    def remember(self, sentence: int, place: ResolvedPlace) -> None:
        """Note the place an event of a sentence was given (the narrative goes on there)."""
        self._located[sentence] = place

    def by_narrative(
        self, sentence: int, countries: frozenset[str] | None = None, story_town: bool = True
    ) -> tuple[ResolvedPlace, str] | None:
        """Step 3: a place of the sentences just before in the same paragraph, else the
        document's country when one of the event's actors belongs to it (``countries``;
        None: any)."""
        sentences = self.sentences
        for back in range(1, _NARRATIVE_WINDOW + 1):
            if sentence - back < 0 or sentence >= len(sentences):
                break
            earlier, later = sentences[sentence - back], sentences[sentence - back + 1]
            if "\n" in self._text[max(earlier.end_char - 1, 0) : later.start_char + 1]:
                break  # a new paragraph
            place = self._located.get(sentence - back)
            if place is not None and place.precision != "country":
                return place, place.precision
            if place is not None:
                break  # a country named before is no scene the story goes on in
        dominant, town = self._dominant, self._town
        if not story_town:
            return None  # only fighting is placed at the town a report is about
        if dominant is None or (countries is not None and dominant.country not in countries):
            return None
        if town is None or town.country != dominant.country:
            return None  # a country the story is about is no event's setting by itself
        return town, "near"  # the town the report is about, the event's sentence none

    def attach(
        self,
        trigger: Token,
        sentence: int,
        actors: list[EventActor],
        verbal: bool = False,
        countries: frozenset[str] = frozenset(),
        story_town: bool = True,
        parse_only: bool = False,
    ) -> Attachment | None:
        """The place of an event, trying the parse, the sentence and the narrative in turn.

        ``actors`` are the event's source and target, ``countries`` their countries;
        ``story_town``: whether the town a report is about may locate the event when
        nothing nearer does (fighting, assaults, coercion: not aid or support, which the
        report's town seldom hosts). A verbal event (``verbal``: a
        statement, appeal, demand, disapproval...) is located only by its own setting in the
        parse: where a statement was made is rarely where what it speaks of happened.
        ``parse_only``: an agreement signed ("deed" codes of the cue file) is located by the
        parse, its object's phrases too ("signed a deal in X"), and by nothing else."""
        place = self.by_parse(trigger, actors, verbal)
        if place is not None:
            if self.several(place):
                return None
            self.remember(sentence, place)
            return Attachment(place, "parse", place.precision)
        if verbal or parse_only:
            return None
        place = self.by_sentence(trigger, actors)
        if place is not None:
            if self.several(place):
                return None
            self.remember(sentence, place)
            return Attachment(place, "sentence", place.precision)
        if self._own_unknown_setting(trigger):
            return None  # "retaliated by firing into the north": said, but not a place we know
        found = self.by_narrative(
            sentence, countries | {a.country for a in actors if a.country}, story_town
        )
        if found is None:
            return None
        finer = self._inside(found[0], trigger, actors)
        if finer is not None:
            return Attachment(finer, "narrative", finer.precision)
        return Attachment(found[0], "narrative", found[1])

    def _own_unknown_setting(self, trigger: Token) -> bool:
        """Whether the event's own words say where it happened with a name or a direction
        no gazetteer entry resolves ("fired into the north", "clashed near Hibhib"): then
        the place of the sentences before is not the event's."""
        frontier, depth = [trigger], 0
        while frontier and depth < 2:
            nxt = []
            for token in frontier:
                for child in token.children:
                    if child.dep_ in {"advcl", "xcomp"} and child.pos_ == "VERB":
                        nxt.append(child)  # "retaliated by firing ..."
                    cases = case_words(child)
                    if child.dep_ != "obl" or not cases & (self.cues["setting"] | _TOWARDS):
                        continue
                    if self.place_at(child) is None and (
                        (child.pos_ == "PROPN" and child.ent_type_ in {"", "GPE", "LOC", "FAC"})
                        or child.lower_ in self.cues["direction"]
                    ):
                        return True
            frontier, depth = nxt, depth + 1
        return False

    def _inside(
        self, region: ResolvedPlace, trigger: Token, actors: list[EventActor]
    ) -> ResolvedPlace | None:
        """A town of the event's sentence inside the region the narrative gives ("police in
        Texas" before; "a boy from Irving, Texas, was arrested": at Irving), not one of the
        actors' words: the narrative's region narrowed."""
        if region.precision != "region" or not region.admin1:
            return None
        sent = self.sentences[max(bisect.bisect_right(self._starts, trigger.i) - 1, 0)]
        for place in self._places_in(sent):
            if (
                place.precision in {"exact", "near"}
                and place.country == region.country
                and place.admin1 == region.admin1
                and self._acceptable(place, actors)
                and self._outside_actors(place, actors)
            ):
                return place
        return None
