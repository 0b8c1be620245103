"""Matching verb patterns on a dependency parse (Universal Dependencies, no subtypes).

For a verb token, :func:`verb_frame` reads who is the subject (agent), the objects and the
prepositional phrases, undoing the passive ("sanctions were imposed on Caracas by the EU": agent
EU, object sanctions), and passing subjects down coordinated verbs, infinitival complements and
participial clauses. :func:`best_pattern` then picks the most specific pattern of the verb's
block whose words are found on the right sides of the verb.
"""

from __future__ import annotations

from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Token

from eventcoder.events.patterns import PatternSet, Term, VerbEntry, VerbPattern, singular

__all__ = [
    "VerbFrame",
    "acts_as_verb",
    "best_pattern",
    "conjuncts",
    "is_passive",
    "match_verb",
    "shared_objects",
    "subjects_of",
    "token_forms",
    "verb_frame",
]

SUBJ = {"nsubj", "csubj"}
PASSIVE_SUBJ = {"nsubj:pass", "nsubjpass"}
OBJ = {"obj", "iobj"}
PREP_DEPS = {"obl", "nmod", "advmod", "compound"}
CLAUSE_DEPS = {
    "ccomp",
    "advcl",
    "parataxis",
    "conj",
    "csubj",
    "acl",
    "punct",
    "cc",
    "mark",
    "discourse",
    "vocative",
    "list",
    "dislocated",
    "reparandum",
}
PHRASE_CORE = {"case", "compound", "amod", "det", "flat", "fixed"}
PASSIVE_AUX = {"be", "get", "been", "was", "were", "is", "are", "being"}


FINITE_TAGS = {"VBD", "VBZ", "VBP"}


def acts_as_verb(token: Token) -> bool:
    """A verb, or a word the tagger calls an adjective or noun while its tag or form and its
    subject say it is a finite verb ("Police clashed with protesters", clashed/ADJ/VBD)."""
    if token.pos_ == "VERB":
        return True
    if token.pos_ not in {"ADJ", "NOUN"} or any(c.dep_ == "cop" for c in token.children):
        return False  # "the police were brutal": a predicate adjective
    return any(c.dep_ == "nsubj" for c in token.children) and (
        token.tag_ in FINITE_TAGS or token.pos_ == "ADJ" and token.lower_.endswith("ed")
    )


_FORMS: dict[tuple[int, int], frozenset[str]] = {}  # (lower, lemma) string ids -> forms
_FORMS_MAX = 200_000


def token_forms(token: Token) -> frozenset[str]:
    """Forms under which a dictionary word may match a token (read once per word form)."""
    key = (token.lower, token.lemma)
    forms = _FORMS.get(key)
    if forms is None:
        if len(_FORMS) >= _FORMS_MAX:  # bounded whatever the vocabulary of a long run
            _FORMS.clear()
        lower = token.lower_
        forms = _FORMS[key] = frozenset({lower, token.lemma_.lower(), singular(lower)})
    return forms


def conjuncts(token: Token) -> list[Token]:
    """A token and what is coordinated with it ("Israel and Lebanon" -> both)."""
    out, todo = [], [token]
    while todo:
        current = todo.pop(0)
        if current in out:
            continue
        out.append(current)
        todo.extend(
            c
            for c in current.children
            if c.dep_ == "conj"
            and c.pos_ == token.pos_
            or c.dep_ == "conj"
            and c.pos_ in {"PROPN", "NOUN", "PRON"}
            and token.pos_ in {"PROPN", "NOUN", "PRON"}
        )
    if len(out) == 2 and _apposition(out[0], out[1]):
        return [token]  # "the foreign minister, Ann Smith": one actor named twice
    return out


COORDINATORS = {"and", "or", "nor", "but", "&"}


def _apposition(first: Token, second: Token) -> bool:
    """Two nominals joined by a comma alone, the parse's "conj" for an apposition ("the
    minister, Ann Smith"; "the army (SDF), mostly Arab forces"): no coordinator between."""
    return (
        first.pos_ in {"PROPN", "NOUN"}
        and second.pos_ in {"PROPN", "NOUN"}
        and not any(
            c.dep_ == "cc" or c.lower_ in COORDINATORS for t in (first, second) for c in t.children
        )
        and any(t.text == "," for t in first.doc[first.i + 1 : second.i])
    )


def is_passive(verb: Token) -> bool:
    """Passive voice: Voice=Pass or a past participle with an auxiliary "be"/"get"."""
    aux = [
        c for c in verb.children if c.dep_ == "aux" and c.lower_ in PASSIVE_AUX | {"got", "gets"}
    ]
    if verb.tag_ == "VBN" and aux:
        return True
    if verb.dep_ == "amod" and verb.i < verb.head.i:
        return False  # "X welcomed memos" misread as a modifier: keep it active
    if shares_passive(verb):
        return True
    return "Pass" in verb.morph.get("Voice", []) and (bool(aux) or verb.dep_ in {"acl", "amod"})


def shares_passive(verb: Token) -> bool:
    """A past participle coordinated with a passive one and with no auxiliary or subject of
    its own is passive too: "was arrested and killed by police" (the police killed; the
    parse hangs the agent on the second participle, and may read the first as an adjective,
    "was struck and killed by a strike")."""
    if verb.dep_ != "conj" or verb.tag_ != "VBN":
        return False
    if any(c.dep_ in SUBJ or c.dep_.startswith("aux") for c in verb.children):
        return False
    first = verb.head
    if first.tag_ not in {"VBN", "JJ"} or first.i > verb.i:
        return False
    aux = [c for c in first.children if c.dep_.startswith("aux") and c.lower_ in PASSIVE_AUX]
    return bool(aux) and any(c.dep_ in SUBJ for c in first.children)


def _case(token: Token) -> str | None:
    cases = [c for c in token.children if c.dep_ == "case" and c.pos_ == "ADP"]
    if not cases:
        return None
    return " ".join(c.lower_ for c in cases)


def _agents(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ == "obl" and _case(c) == "by"]


def subjects_of(verb: Token, depth: int = 0) -> list[Token]:
    """Heads of the verb's agent(s): its own subject, or one it inherits.

    For a noun ("plans", "decision") this is the subject of the verb it depends on."""
    if depth > 4:
        return []
    if verb.pos_ in {"NOUN", "PROPN"}:
        return subjects_of(verb.head, depth + 1) if verb.head is not verb else []
    if is_passive(verb):
        agents = _agents(verb) or (_agents(verb.head) if shares_passive(verb) else [])
        return [a for agent in agents for a in conjuncts(agent)]
    own = [c for c in verb.children if c.dep_ in SUBJ]
    if own:
        return [s for subj in own for s in conjuncts(subj)]
    if verb.tag_ in FINITE_TAGS:
        # "The EU calls on X": the parse may read a finite verb's subject as a compound of
        # it (a verb has no compounds of its own)
        misread = [
            c
            for c in verb.children
            if c.dep_ == "compound" and c.i < verb.i and c.pos_ in {"NOUN", "PROPN"}
        ]
        if misread:
            return conjuncts(misread[0])
    head = verb.head
    if head is verb:
        return []
    if (
        verb.dep_ == "advcl"
        and verb.tag_ in {"VBG", "VBN"}
        and verb.i < head.i
        and is_passive(head)
    ):
        # "while meeting X, he was bombed by Y": a participle before the clause is done by
        # its grammatical subject, not by the passive's agent
        return [s for c in head.children if c.dep_ in SUBJ | PASSIVE_SUBJ for s in conjuncts(c)]
    if verb.dep_ == "conj" or verb.dep_ == "advcl" and verb.tag_ in {"VBG", "VBN"}:
        inherited = subjects_of(head, depth + 1)
        if inherited or verb.dep_ != "conj":
            return inherited
        # A conjunct attached to a subject-less clause is usually a mis-attached second
        # predicate of the sentence ("X issued a statement calling ... and imposed ..."):
        # fall through to the sentence-root rule below.
    elif verb.dep_ == "xcomp":
        raised = [s for c in head.children if c.dep_ in SUBJ for s in conjuncts(c)]
        if raised and is_passive(head):
            return raised  # "X was seen to break into ...": X breaks in
        objects = [c for c in head.children if c.dep_ == "obj"]
        return (
            objects[:1]
            if objects and head.lemma_.lower() in OBJECT_CONTROL
            else subjects_of(head, depth + 1)
        )
    elif verb.dep_ in {"acl", "amod"} and not is_passive(verb) and head.dep_ in OBJ:
        return subjects_of(head.head, depth + 1)  # "issued a statement calling X ..."
    root = verb.sent.root
    if (
        verb.i > verb.sent.start
        and verb.doc[verb.i - 1].lower_ == "and"
        and root is not verb
        and root.pos_ == "VERB"
        and root.i < verb.i
    ):
        return subjects_of(root, depth + 1)  # "X did A ... and did B", whatever the parse
    return []


OBJECT_CONTROL = {
    "urge",
    "ask",
    "persuade",
    "force",
    "order",
    "press",
    "call",
    "tell",
    "allow",
    "encourage",
    "invite",
    "pressure",
    "compel",
    "request",
    "warn",
    "help",
}


@dataclass
class VerbFrame:
    """Who and what stands around a verb."""

    verb: Token
    subjects: list[Token]
    objects: list[Token]
    preps: list[tuple[str, Token]]
    passive: bool
    pre_forms: set[str] = field(default_factory=set)
    post_forms: set[str] = field(default_factory=set)
    particles: set[str] = field(default_factory=set)
    pre_seq: list[frozenset[str]] = field(default_factory=list)  # sentence words before the verb
    post_seq: list[frozenset[str]] = field(default_factory=list)  # and after it, in order
    # read once per frame, on first use by the pattern matcher
    _post_any: set[str] | None = field(default=None, repr=False, compare=False)
    _surface: list[set[str]] | None = field(default=None, repr=False, compare=False)
    _subtrees: dict[int, set[str]] = field(default_factory=dict, repr=False, compare=False)

    @property
    def post_any(self) -> set[str]:
        """Every form after the verb: its clause's and the rest of the sentence's."""
        if self._post_any is None:
            self._post_any = self.post_forms.union(*self.post_seq)
        return self._post_any

    @property
    def surface(self) -> list[set[str]]:
        """The lower-cased words after the verb to the end of its sentence, in order."""
        if self._surface is None:
            verb = self.verb
            self._surface = [{t.lower_} for t in verb.doc[verb.i + 1 : verb.sent.end]]
        return self._surface

    def subtree_forms(self, head: Token) -> set[str]:
        """The forms of every word below ``head`` (a prepositional phrase's noun)."""
        forms = self._subtrees.get(head.i)
        if forms is None:
            forms = self._subtrees[head.i] = {f for x in head.subtree for f in token_forms(x)}
        return forms


def _clause_tokens(verb: Token) -> list[Token]:
    """The verb's own phrase: its subtree without embedded clauses and coordinated verbs."""
    out, todo = [], [verb]
    while todo:
        current = todo.pop()
        out.append(current)
        if current is not verb and current.dep_ in {"obl", "nmod"}:
            # a prepositional phrase counts by its own noun, not what hangs below it
            out.extend(c for c in current.children if c.dep_ in PHRASE_CORE)
            todo.extend(
                c
                for c in current.children
                if c.dep_ == "nmod" and c.i > current.i and current.head.dep_ in OBJ
            )  # "memos on X from Y": one phrase
            continue
        todo.extend(
            c
            for c in current.children
            if not (
                c.dep_ in CLAUSE_DEPS
                and c.pos_ in {"VERB", "AUX"}
                or c.dep_ in {"ccomp", "parataxis", "advcl"}
                or current is verb
                and c.dep_ == "conj"
                and c.pos_ in {"VERB", "AUX"}
            )
        )
    return out


def _objects(verb: Token, passive: bool) -> list[Token]:
    objects = [o for c in verb.children if c.dep_ in OBJ for o in conjuncts(c)]
    if passive:
        owner = verb.head if shares_passive(verb) else verb  # "X was seized and held"
        objects = [s for c in owner.children if c.dep_ in SUBJ for s in conjuncts(c)] + objects
    if verb.dep_ == "amod" or verb.dep_ == "acl" and passive:
        objects.insert(0, verb.head)  # "sanctions imposed on X": the noun is the object
    return objects


def shared_objects(verb: Token) -> list[Token]:
    """The object of the verb coordinated right after this one, when the two share it
    ("kidnapped and killed five villagers": the parse hangs the object on "killed")."""
    doc = verb.doc
    if verb.i + 2 >= len(doc) or doc[verb.i + 1].dep_ != "cc":
        return []
    second = doc[verb.i + 2]
    if second.dep_ != "conj" or second.head.i != verb.i or second.pos_ != "VERB":
        return []
    if is_passive(second) or any(c.dep_ in SUBJ for c in second.children):
        return []
    return [o for c in second.children if c.dep_ in OBJ for o in conjuncts(c)]


@lru_cache(maxsize=1)
def _durations() -> frozenset[str]:
    """Nouns of a length of time (``data/events/durations.txt``)."""
    from eventcoder.datafiles import read_words
    from eventcoder.paths import PACKAGE_DIR

    return read_words(PACKAGE_DIR / "data" / "events" / "durations.txt")


def _preps(verb: Token, objects: list[Token]) -> list[tuple[str, Token]]:
    out: list[tuple[str, Token]] = []
    for owner in [verb, *objects, *[c for c in verb.children if c.dep_ == "xcomp"]]:
        for child in owner.children:
            if child.dep_ in PREP_DEPS | {"obl"}:
                case = _case(child)
                if case == "for" and child.lemma_.lower() in _durations():
                    continue  # "clashed for a third day": how long, not what for
                if case and case != "by" or case == "by" and owner is not verb:
                    out.extend((case, c) for c in conjuncts(child))
    return out


def verb_frame(verb: Token) -> VerbFrame:
    """Read the frame of a verb token."""
    passive = is_passive(verb)
    objects = _objects(verb, passive)
    clause = _clause_tokens(verb)
    subjects = subjects_of(verb)
    subject_ids = {t.i for s in subjects for t in s.subtree}
    sent = verb.sent
    doc = verb.doc
    pre_seq = [token_forms(t) for t in doc[sent.start : verb.i]]
    post_seq = [token_forms(t) for t in doc[verb.i + 1 : sent.end]]
    pre = set().union(
        *(token_forms(t) for t in clause if t.i < verb.i or t.i in subject_ids), *pre_seq
    )
    post = set().union(*(token_forms(t) for t in clause if t.i > verb.i and t.i not in subject_ids))
    if passive or verb.dep_ == "amod":
        post.update(*(token_forms(t) for o in objects for t in o.subtree if t.i != verb.i))
    # ("to" marking the verb's own infinitive is no particle: "want to congratulate X")
    particles = {
        c.lower_ for c in verb.children if c.pos_ in {"ADP", "ADV", "PART"} and c.dep_ != "mark"
    }
    return VerbFrame(
        verb,
        subjects,
        objects,
        _preps(verb, objects),
        passive,
        pre,
        post,
        particles,
        pre_seq,
        post_seq,
    )


def _term_in(
    term: Term, forms: AbstractSet[str], seq: Sequence[AbstractSet[str]] | None = None
) -> bool:
    """Whether a term is found among ``forms``; a ``_`` chain as adjacent words of ``seq``
    (the sentence on that side of the verb, read linearly as PETRARCH does)."""
    if not term.adjacent or seq is None:
        return any(all(word & forms for word in alternative) for alternative in term.alternatives)
    return any(_adjacent_in(alt, seq) for alt in term.alternatives)


def _adjacent_in(words: tuple[frozenset[str], ...], seq: Sequence[AbstractSet[str]]) -> bool:
    n = len(words)
    return any(all(words[k] & seq[i + k] for k in range(n)) for i in range(len(seq) - n + 1))


def _in_order(
    terms: tuple[Term, ...],
    seq: Sequence[AbstractSet[str]],
    exact: Sequence[AbstractSet[str]] | None = None,
) -> bool:
    """Whether the terms' words appear in this order in ``seq`` (other words may come between);
    with ``exact`` (surface words), a plain dictionary word must match as written, as in
    PETRARCH ("RESOLUTION" is not "resolutions"; synset phrases keep their plurals)."""
    at = 0
    for term in terms:
        plain = exact is not None and not term.label.startswith("&") and "_" not in term.label
        words = [(frozenset({term.label.lower()}),)] if plain else term.alternatives
        within = exact if plain and exact is not None else seq
        ends = [_find(alt, within, at) for alt in words]
        found = [e for e in ends if e is not None]
        if not found:
            return False
        at = min(found)
    return True


def _find(
    words: tuple[frozenset[str], ...], seq: Sequence[AbstractSet[str]], start: int
) -> int | None:
    """The position after the first occurrence of ``words`` (in order, gaps allowed) from ``start``."""
    i = start
    for word in words:
        while i < len(seq) and not word & seq[i]:
            i += 1
        if i == len(seq):
            return None
        i += 1
    return i


def _pattern_matches(pattern: VerbPattern, frame: VerbFrame) -> bool:
    if not all(_term_in(t, frame.pre_forms, frame.pre_seq) for t in pattern.pre):
        return False
    if pattern.ordered:  # PETRARCH reads the words after the verb linearly, in order
        if not _in_order(pattern.post, frame.post_seq, frame.surface) or not all(
            _term_in(t, set(), frame.post_seq) for t in pattern.post if t.adjacent
        ):
            return False
    elif not all(_term_in(t, frame.post_forms, frame.post_seq) for t in pattern.post):
        return False
    for prep, terms in pattern.preps:
        heads = [h for p, h in frame.preps if prep in p.split()]
        if not heads and not (not terms and prep in frame.particles):
            return False
        if terms and not any(
            all(_term_in(t, frame.subtree_forms(h)) for t in terms) for h in heads
        ):
            return False
    return True


def _extra_words(pattern: VerbPattern, frame: VerbFrame) -> int:
    """Words matched beyond the pattern's shortest reading: a synset's longest matching
    phrase counts ("austrian gold florin" over "austrian florin")."""
    extra = 0
    for terms, forms, seq in (
        (pattern.pre, frame.pre_forms, frame.pre_seq),
        (pattern.post, frame.post_forms, frame.post_seq),
    ):
        for term in terms:
            sizes = [
                len(a)
                for a in term.alternatives
                if all(w & forms for w in a) or _find(a, seq, 0) is not None
            ]
            extra += max(sizes, default=term.size) - term.size
    return extra


@dataclass
class _NeedsIndex:
    """A block's patterns by one word each needs (see ``VerbPattern.needs``): a pattern can
    only match a frame holding one of the words of its smallest needed set, so only the
    patterns a frame's words point at (and those that need nothing) are tried."""

    patterns: list[VerbPattern]  # the list indexed (kept: its id keys the cache)
    size: int
    pre: dict[str, list[int]]
    post: dict[str, list[int]]
    always: list[int]

    @classmethod
    def build(cls, patterns: list[VerbPattern]) -> _NeedsIndex:
        pre: dict[str, list[int]] = {}
        post: dict[str, list[int]] = {}
        always: list[int] = []
        for k, pattern in enumerate(patterns):
            pre_needs, post_needs = pattern.needs
            if pre_needs:
                side, words = pre, min(pre_needs, key=len)
            elif post_needs:
                side, words = post, min(post_needs, key=len)
            else:
                always.append(k)
                continue
            for word in words:
                side.setdefault(word, []).append(k)
        return cls(patterns, len(patterns), pre, post, always)

    def candidates(self, frame: VerbFrame) -> list[int]:
        """Positions of the patterns that may match ``frame``, in list order."""
        found = set(self.always)
        for side, forms in ((self.pre, frame.pre_forms), (self.post, frame.post_any)):
            if len(side) < len(forms):
                for word, ks in side.items():
                    if word in forms:
                        found.update(ks)
            else:
                for word in forms:
                    found.update(side.get(word, ()))
        return sorted(found)


_NEEDS_INDEXES: dict[int, _NeedsIndex] = {}  # by the id of a pattern set's block list


def _needs_index(patterns: list[VerbPattern]) -> _NeedsIndex | None:
    """The index of a pattern set's block list, built on its first use (again if the list
    grew); None for an empty list (a block without patterns: a new list on each call)."""
    if not patterns:
        return None
    index = _NEEDS_INDEXES.get(id(patterns))
    if index is None or index.patterns is not patterns or index.size != len(patterns):
        index = _NEEDS_INDEXES[id(patterns)] = _NeedsIndex.build(patterns)
    return index


def best_pattern(
    patterns: list[VerbPattern], frame: VerbFrame, index: _NeedsIndex | None = None
) -> VerbPattern | None:
    """The most specific matching pattern, counting the words it matched (first in file
    order among equals). ``index`` (of ``patterns``) leaves out the patterns the frame's
    words cannot match without trying them."""
    best: VerbPattern | None = None
    best_key = -1
    pre, post = frame.pre_forms, frame.post_any
    for k in range(len(patterns)) if index is None else index.candidates(frame):
        pattern = patterns[k]
        pre_needs, post_needs = pattern.needs  # a fast necessary test before the full one
        if any(pre.isdisjoint(w) for w in pre_needs) or any(post.isdisjoint(w) for w in post_needs):
            continue
        if not _pattern_matches(pattern, frame):
            continue
        key = pattern.specificity + _extra_words(pattern, frame)
        if key > best_key or (
            key == best_key
            and best is not None
            and best.post
            and pattern.post
            and _first_post_word(pattern, frame) < _first_post_word(best, frame)
        ):
            # among equals, the words nearest the verb decide, as PETRARCH reads them
            # ("expressed his gratitude for X's assistance" thanks, it promises no aid)
            best, best_key = pattern, key
    return best


def _first_post_word(pattern: VerbPattern, frame: VerbFrame) -> int:
    """How far after the verb the first word a pattern asks for stands."""
    firsts = [t.first_words for t in pattern.post]
    return next(
        (
            i
            for i, forms in enumerate(frame.post_seq)
            if any(f is None or not forms.isdisjoint(f) for f in firsts)
        ),
        len(frame.post_seq),
    )


def _has_particles(entry: VerbEntry, verb: Token) -> bool:
    if not entry.particles:
        return True
    near = {t.lower_ for t in verb.children} | {
        t.lower_ for t in verb.doc[verb.i + 1 : min(verb.i + 4, verb.sent.end)]
    }
    return all(p in near for p in entry.particles)


def match_verb(
    patterns: PatternSet, verb: Token, frame: VerbFrame | None = None
) -> tuple[VerbEntry, VerbPattern | None] | None:
    """The verb entry and best pattern for a token, or None when the verb is not in the set.

    Entries with particles ("call off") are preferred over the bare verb when their particles
    are present.
    """
    surface = patterns.verbs.get(verb.lower_, [])
    entries = [e for e in patterns.verbs_for(verb.lower_, verb.lemma_) if _has_particles(e, verb)]
    if not entries:
        return None
    # ties: particles first, then the surface form over the lemma, then later-loaded (ours)
    order = {id(e): k for k, e in enumerate(entries)}
    entries.sort(key=lambda e: (-len(e.particles), e not in surface, -order[id(e)]))
    frame = frame or verb_frame(verb)
    best: tuple[VerbEntry, VerbPattern | None] | None = None
    for entry in entries:
        listed = patterns.patterns_for(entry.block)
        pattern = best_pattern(listed, frame, _needs_index(listed))
        if (
            best is None
            or pattern is not None
            and (best[1] is None or pattern.specificity > best[1].specificity)
        ):
            best = (entry, pattern)
    if best is not None and best[1] is None and best[0].code is None:
        coded = next((e for e in entries if e.code is not None), None)  # no pattern anywhere:
        best = (coded, None) if coded is not None else best  # a block's own code beats none
    return best
