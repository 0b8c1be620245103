"""From syntactic heads to actor mentions: which actor stands at a subject or object."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from eventcoder.actors.mention import ActorMention

__all__ = ["ActorIndex"]

NOT_ACTORS = {"NON"}
_LIST_WORDS = {",", "and", "or", "as well as", "the"}
# a noun phrase's inner links, climbed to its head; the roles that make it an object
OBJECT_CHAIN = {"conj", "appos", "compound", "amod", "nmod", "flat", "nummod"}
OBJECT_ROLES = {"obj", "iobj", "obl"}
NOMINAL_LINKS = {"compound", "nmod", "amod", "flat", "appos", "det", "nummod", "fixed", "case"}


def _prepositional(token: Token) -> int:
    """1 for a noun phrase opened by a preposition ("of X", "on the future"), else 0."""
    return int(
        token.dep_ == "nmod" and any(c.dep_ == "case" and c.pos_ == "ADP" for c in token.children)
    )


def _coordinated(a: Token, b: Token) -> bool:
    """Whether two tokens are in one coordination (either is a conjunct of the other, or
    both of a third)."""

    def first(token: Token) -> Token:
        while token.dep_ == "conj" and token.head.i != token.i:
            token = token.head
        return token

    return first(a).i == first(b).i


class ActorIndex:
    """Actor mentions of a document, found by token."""

    def __init__(self, doc: Doc, actors: list[ActorMention]) -> None:
        self.doc = doc
        self.covering: dict[int, list[ActorMention]] = {}
        self.mentions = sorted(
            (m for m in actors if m.sector not in NOT_ACTORS), key=lambda m: m.start
        )
        for mention in actors:
            if mention.sector in NOT_ACTORS:
                continue  # e.g. PLOVER agents "NON": words that name no actor ("Monday")
            for i in range(mention.start, mention.end):
                self.covering.setdefault(i, []).append(mention)

    def latest(self, before: int, test: Callable[[ActorMention], bool]) -> ActorMention | None:
        """The last mention that passes ``test`` and starts before token ``before``."""
        found = None
        for mention in self.mentions:
            if mention.start >= before:
                break
            if test(mention):
                found = mention
        return found

    def inside(self, token: Token) -> bool:
        """Whether a token lies inside an actor mention."""
        return token.i in self.covering

    def at(self, token: Token) -> ActorMention | None:
        """The mention covering a token (the one headed there, else the longest)."""
        found = self.covering.get(token.i)
        if not found:
            return None
        headed = [m for m in found if m.head == token.i]
        return max(headed or found, key=lambda m: m.end - m.start)

    def for_head(
        self, head: Token, max_depth: int = 3, phrases: int | None = None
    ) -> ActorMention | None:
        """The actor of a noun phrase: at its head, else the nearest inside its modifiers
        ("officials of Arnor", "Dagolath's minister"), never inside clauses or conjuncts; with
        ``phrases``, through at most that many prepositional phrases ("the initiative on the
        future of Syria" names no actor through one)."""
        frontier, depth = [head], 0
        crossed = {head.i: 0}
        while frontier and depth <= max_depth:
            hits = [
                m
                for m in (self.at(t) for t in frontier)
                if m is not None
                # "minerals ... during a state visit": a kind of thing inside another
                # phrase ("a police checkpoint" stands for the police)
                and not (self._noun_modifier(m) and self.doc[m.head].head.i != head.i)
            ]
            if hits:
                return min(hits, key=lambda m: abs(m.head - head.i))
            frontier = [
                c
                for t in frontier
                for c in t.children
                if c.dep_ in NOMINAL_LINKS
                # "more aid than Washington": what it is compared with is no part of it
                and not any(g.dep_ == "case" and g.lower_ == "than" for g in c.children)
            ]
            for c in frontier:
                crossed[c.i] = crossed[c.head.i] + _prepositional(c)
            if phrases is not None:
                frontier = [c for c in frontier if crossed[c.i] <= phrases]
            depth += 1
        return None

    def for_heads(self, heads: list[Token], phrases: int | None = None) -> list[ActorMention]:
        """Actors of several heads, with those listed next to them ("A, B and C"),
        without repeats, in order (``phrases``: see :meth:`for_head`)."""
        out: list[ActorMention] = []
        for head in heads:
            mention = self.for_head(head, phrases=phrases)
            if mention is None:
                continue
            for member in self.listed_with(mention):
                if member not in out:
                    out.append(member)
        return out

    def listed_with(self, mention: ActorMention) -> list[ActorMention]:
        """A mention and the mentions it is listed with, read from the words ("A, B and C",
        "A and B"), whatever the parse made of the list."""
        members = [mention]
        for step in (-1, 1):
            current = mention
            while True:
                nxt = self._neighbour(current, step, len(members) > 1)
                if nxt is None or nxt in members:
                    break
                members.append(nxt)
                current = nxt
        return sorted(members, key=lambda m: m.start)

    def _neighbour(self, mention: ActorMention, step: int, in_list: bool) -> ActorMention | None:
        i = mention.start - 1 if step < 0 else mention.end
        seen_link = seen_and = seen_comma = False
        while 0 <= i < len(self.doc) and (
            self.doc[i].lower_ in _LIST_WORDS or self._own_modifier(i, step, seen_link)
        ):
            seen_link = seen_link or self.doc[i].lower_ in {",", "and", "or"}
            seen_and = seen_and or self.doc[i].lower_ in {"and", "or"}
            seen_comma = seen_comma or self.doc[i].text == ","
            i += step
        if (
            not seen_link
            or not 0 <= i < len(self.doc)
            or self.doc[i].sent != self.doc[mention.head].sent
        ):
            return None
        other = self.at(self.doc[i])
        if (
            other is None
            or other is mention
            or self._attribution(other)
            or (not seen_and and self._other_clause(mention, other))
            # "blamed X for attacks on Y, and Britain summoned ...": a new clause's subject
            or (seen_and and seen_comma and self._new_clause(mention, other))
        ):
            return None
        edge = other.end - 1 if step < 0 else other.start
        if (
            not seen_and
            and not in_list
            and not self._listed_on(other if step > 0 else mention, False)
        ):
            return None  # "the minister, Ann Smith, said": a comma alone, an apposition
        # a listed phrase may open with words of its own ("and the awful Fornost")
        if edge == i:
            return other
        return (
            other
            if step > 0 and other.start < i <= other.head and self._listed_on(other, seen_and)
            else None
        )

    def _other_clause(self, mention: ActorMention, other: ActorMention) -> bool:
        """Whether ``other``, reached over a comma only, is the subject of another clause, not
        a list member ("killing three people, regional officials said")."""
        a, b = self.doc[mention.head], self.doc[other.head]
        if not b.dep_.startswith(("nsubj", "csubj")) or b.head.i < b.i:
            return False  # no subject, or one after its verb
        if _coordinated(a, b):
            return False  # "Chile and the proud Peru signed": one list
        return not a.dep_.startswith(("nsubj", "csubj")) or a.head.i != b.head.i

    def _new_clause(self, mention: ActorMention, other: ActorMention) -> bool:
        """Whether, of two mentions joined by ", and", the later one is the subject of a clause
        of its own that the earlier one has no part in (coordinated clauses, not a list)."""
        first, second = sorted((mention, other), key=lambda m: m.start)
        a, b = self.doc[first.head], self.doc[second.head]
        if not b.dep_.startswith("nsubj") or b.head.i < b.i or _coordinated(a, b):
            return False
        verb = a.head
        while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
            verb = verb.head
        # the earlier one hangs on a verb of its own before it ("blamed X for attacks on Y")
        return verb.pos_ in {"VERB", "AUX"} and verb.i < a.i and verb.i != b.head.i

    def _attribution(self, mention: ActorMention) -> bool:
        """A source of the report, not a list member ("According to X, Y shelled ...")."""
        head = self.doc[mention.head]
        return any(c.lower_ == "according" for c in head.children) or (
            head.dep_ == "conj" and any(c.lower_ == "according" for c in head.head.children)
        )

    def _own_modifier(self, i: int, step: int, seen_link: bool) -> bool:
        """An adjective outside any mention that opens a listed phrase ("and the evil X"):
        read leftwards before the list word, rightwards after it."""
        token = self.doc[i]
        return token.pos_ == "ADJ" and not self.inside(token) and (seen_link == (step > 0))

    def _listed_on(self, other: ActorMention, seen_and: bool) -> bool:
        """Whether a phrase reached after list words is a list member, not an apposition:
        "and"/"or" came before it, or the list goes on after it."""
        after = self.doc[other.end].lower_ if other.end < len(self.doc) else ""
        if after == "," and self._clause_after(other.end + 1):
            return seen_and  # "met the minister, Ann Lee, to discuss ...": the comma closes
        return seen_and or after in {",", "and", "or"}

    def _clause_after(self, i: int) -> bool:
        """Whether a clause, not a noun phrase, opens at token ``i`` (a verb, an infinitive's
        "to", a subordinator, a relative pronoun)."""
        if i >= len(self.doc):
            return False
        token = self.doc[i]
        return token.pos_ in {"VERB", "AUX", "PART", "SCONJ"} or token.tag_ in {"WDT", "WP"}

    def nearest(
        self,
        token: Token,
        right: bool,
        stop_at_verb: bool = False,
        complement_subject: bool = True,
        any_subject: bool = False,
        free_only: bool = False,
    ) -> list[ActorMention]:
        """The closest actor to the left or right of a token in its sentence, with those listed
        with it (a fallback when the parse gives no subject or object); on the right,
        optionally only up to the next verb or the subject of another clause: of a coordinated,
        adverbial or relative clause always ("X faces challenges and Y must act"), of the
        token's own complement clause unless ``complement_subject`` ("X believes Y can cope");
        ``any_subject`` lets every subject pass, as PETRARCH does. With ``free_only``, a
        mention that is the object of another word ("supporting refugees, and preventing
        ...") ends the search: it has its role there, it is no one's subject."""
        sent = token.sent
        positions = (
            range(token.i + 1, sent.end) if right else range(token.i - 1, sent.start - 1, -1)
        )
        for i in positions:
            current = self.doc[i]
            if (
                right
                and stop_at_verb
                and (current.pos_ in {"VERB", "AUX"} or current.text in {",", ";", ":"})
            ):
                return []
            mention = self.at(current)
            if mention is not None and self._noun_modifier(mention):
                continue  # "during a state visit", "at an army base": no one stands there
            if (
                mention is not None
                and right
                and stop_at_verb
                and not any_subject
                and self._subject_elsewhere(mention, token, complement_subject)
            ):
                return []  # "X claims (that) Y was ...": the subject of another clause
            if mention is not None and free_only and self.object_elsewhere(mention, token):
                return []
            if mention is not None:
                return (
                    self.listed_with(mention) if right else [mention]
                )  # "believes A and B can cope"
        return []

    def object_elsewhere(self, mention: ActorMention, token: Token) -> bool:
        """Whether a mention stands in the object or oblique of a word other than ``token``
        (itself, or inside a noun phrase that does: "reducing the influx of fighters")."""
        head = self.doc[mention.head]
        while (
            head.dep_ in OBJECT_CHAIN
            and head.head.i != head.i
            and head.head.pos_ in {"NOUN", "PROPN", "PRON", "NUM"}
        ):
            head = head.head
        return head.dep_ in OBJECT_ROLES and head.head.i != token.i

    def _noun_modifier(self, mention: ActorMention) -> bool:
        """A common noun of no country that only modifies a noun naming no actor ("a state
        visit", "government buildings"): a kind of thing, not a party near the word ("Israeli
        police custody" still names the Israeli police)."""
        head = self.doc[mention.head]
        return (
            mention.country in (None, "---")
            and head.pos_ == "NOUN"
            and head.text.islower()  # "the ISIL attack" names its side
            and head.dep_ == "compound"
            and mention.end == head.i + 1
            and head.head.i > head.i
            and head.head.pos_ == "NOUN"
            and not self.inside(head.head)
        )

    def _subject_elsewhere(
        self, mention: ActorMention, token: Token, complement_subject: bool
    ) -> bool:
        """Whether a mention is (listed with) the subject of a clause other than ``token``'s
        (its own complement clause's subject passes when ``complement_subject``)."""
        head = self.doc[mention.head]
        while head.dep_ == "conj" and head.head.i != head.i:
            head = head.head
        if not head.dep_.startswith(("nsubj", "csubj")) or head.head.i == token.i:
            return False
        clause = head.head
        return not (
            complement_subject and clause.dep_ in {"ccomp", "xcomp"} and clause.head.i == token.i
        )
