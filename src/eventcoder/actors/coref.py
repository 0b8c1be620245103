"""Resolve third-person pronouns and definite descriptions to earlier mentions.

A salience-and-agreement resolver in the tradition of Lappin & Leass / Hobbs, reduced to
what a parse gives reliably:

* agreement: he/she need a person, they a plural or a group (organisation, state,
  plural noun), it a non-person singular;
* binding: a non-reflexive object pronoun is not its own verb's subject;
* salience: nearer sentences first, then subjects, then named mentions, then recency.

Definite descriptions ("the regime", "the authorities") without a country of their own
take the country of the latest earlier mention with the same sector.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from eventcoder.datafiles import read_word_classes
from eventcoder.nlp.morph import is_plural
from eventcoder.paths import PACKAGE_DIR

__all__ = [
    "PERSON_NOUNS",
    "PRONOUNS",
    "WINDOW_SENTENCES",
    "Candidate",
    "is_resolvable_pronoun",
    "noun_gender",
    "noun_phrase_candidates",
    "pronoun_class",
    "resolve_chain",
    "resolve_pronoun",
    "sentence_numbers",
]

PRONOUNS = {
    "he": "male",
    "him": "male",
    "his": "male",
    "himself": "male",
    "she": "female",
    "her": "female",
    "hers": "female",
    "herself": "female",
    "they": "plural",
    "them": "plural",
    "their": "plural",
    "theirs": "plural",
    "themselves": "plural",
    "it": "neuter",
    "its": "neuter",
    "itself": "neuter",
}
_SUBJECTS = {"nsubj", "csubj"}
_OBJECTS = {"obj", "iobj", "obl"}
_MAX_SENTENCES = 3
_MAX_PERSON_SENTENCES = 8
WINDOW_SENTENCES = max(_MAX_SENTENCES, _MAX_PERSON_SENTENCES)  # the farthest any pronoun looks


@dataclass(frozen=True)
class Candidate:
    """A possible antecedent: token span, head, and agreement features."""

    start: int
    end: int
    head: int
    person: bool
    plural: bool
    group: bool = False  # organisation or state: "they"/"it" both fit
    named: bool = False
    gender: str | None = None  # male/female when known (from an earlier pronoun)


def pronoun_class(token: Token) -> str | None:
    """male, female, plural or neuter for a third-person personal pronoun, else None."""
    if token.pos_ != "PRON":
        return None
    return PRONOUNS.get(token.lower_)


def is_resolvable_pronoun(token: Token) -> bool:
    """A third-person pronoun that refers (not expletive "it" before "is/was ... that/to")."""
    cls = pronoun_class(token)
    if cls is None:
        return False
    if cls == "neuter" and token.lower_ == "it":
        verb = token.head
        if (
            any(c.dep_ in {"ccomp", "csubj", "xcomp"} for c in verb.children)
            and token.dep_ == "nsubj"
        ):
            return False
    return True


def _agreement(cls: str, cand: Candidate) -> int:
    """0: no agreement; 1: possible (an unknown name); 2: agrees."""
    if cls in {"male", "female"}:
        if cand.plural or cand.gender not in {None, cls}:
            return 0
        if cand.person:
            return 2
        return 1 if cand.named and not cand.group else 0
    if cls == "plural":
        return 2 if cand.plural else (1 if cand.group and not cand.person else 0)
    return (
        0
        if cand.person or cand.plural or cand.gender
        else (2 if not cand.named or cand.group else 1)
    )


def _bound(doc: Doc, pron: Token, cand: Candidate) -> bool:
    """Binding: "X met him" -- him is not X (reflexives excepted)."""
    if pron.lower_.endswith("self") or pron.lower_.endswith("selves"):
        return False
    if pron.dep_ not in _OBJECTS:
        return False
    verb = pron.head
    subjects = [c.i for c in verb.children if c.dep_ in _SUBJECTS]
    if not subjects and verb.dep_ == "conj":  # "X met Y and thanked him": X is the subject
        subjects = [c.i for c in verb.head.children if c.dep_ in _SUBJECTS]
    return cand.head in subjects


def _salience(doc: Doc, cand: Candidate, distance: int, agree: int) -> float:
    """Lappin & Leass-style weights: recency, subject, object, chain, name, agreement."""
    head = doc[cand.head]
    dep = head.dep_ if head.dep_ not in {"conj", "appos"} else head.head.dep_
    score = 100.0 * 0.5**distance + 40.0 * (agree == 2) + 20.0 * (distance == 0)
    subject = 30.0 if _relative(head) else 60.0  # a main clause's subject is the topic
    score += subject if dep in _SUBJECTS else 30.0 if dep in {"obj", "iobj"} else 0.0
    score += 40.0 * (head.pos_ == "PRON") + 20.0 * cand.named
    return score


_RELATIVE_WORDS = {"which", "who", "whom", "whose"}


def _relative(head: Token) -> bool:
    """Whether ``head`` stands in a relative clause ("..., in which two guards were killed"):
    its verb is one, or has a relative pronoun before it among its dependents (however the
    parse labels the clause)."""
    verb = head.head
    if verb.i == head.i:
        return False
    if verb.dep_ == "acl:relcl":
        return True
    return any(
        t.lower_ in _RELATIVE_WORDS and t.tag_ in {"WDT", "WP", "WP$"}
        for c in verb.children
        if c.i < head.i
        for t in (c, *c.children)
    )


def sentence_numbers(doc: Doc) -> list[int]:
    """The sentence number of every token."""
    numbers = [0] * len(doc)
    for number, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            numbers[i] = number
    return numbers


def resolve_pronoun(
    doc: Doc, pron: Token, candidates: list[Candidate], sent_of: list[int] | None = None
) -> Candidate | None:
    """The best earlier candidate for ``pron`` (None when nothing agrees nearby)."""
    cls = pronoun_class(pron)
    if cls is None:
        return None
    if sent_of is None:
        sent_of = sentence_numbers(doc)
    here = sent_of[pron.i]
    best: tuple[float, Candidate] | None = None
    limit = _MAX_SENTENCES if cls in {"neuter", "plural"} else _MAX_PERSON_SENTENCES
    for cand in candidates:
        if cand.end > pron.i or cand.start <= pron.i < cand.end:
            continue
        distance = here - sent_of[cand.head]
        if distance > limit:
            continue
        agree = _agreement(cls, cand)
        if not agree or _bound(doc, pron, cand):
            continue
        score = _salience(doc, cand, distance, agree) - 0.2 * (pron.i - cand.head)
        if best is None or score > best[0]:
            best = (score, cand)
    return best[1] if best else None


_NOUNS = read_word_classes(PACKAGE_DIR / "data" / "actors" / "person_nouns.tsv")
PERSON_NOUNS = _NOUNS["person"]
_MALE_NOUNS = _NOUNS["male"]
_FEMALE_NOUNS = _NOUNS["female"]
_GENDER = {word: kind for word, kind in PRONOUNS.items() if kind in ("male", "female")}


def noun_phrase_candidates(doc: Doc) -> list[Candidate]:
    """Every noun phrase of ``doc`` as a candidate antecedent (for generic coreference)."""
    out = []
    for token in doc:
        if token.pos_ not in {"NOUN", "PROPN"} or token.dep_ in {"compound", "flat", "fixed"}:
            continue
        start = max(token.left_edge.i, token.sent.start)
        plural = is_plural(token)
        person = token.ent_type_ == "PERSON" or token.lemma_.lower() in PERSON_NOUNS
        group = token.ent_type_ in {"ORG", "GPE", "NORP"}
        out.append(
            Candidate(
                start,
                token.i + 1,
                token.i,
                person,
                plural,
                group,
                token.pos_ == "PROPN",
                noun_gender(token),
            )
        )
    return out


def noun_gender(head: Token) -> str | None:
    """male/female from a gendered noun or title in the phrase ("husband", "Mrs. Smith")."""
    words = {head.lemma_.lower(), head.lower_} | {c.lower_.rstrip(".") for c in head.lefts}
    if words & _MALE_NOUNS:
        return "male"
    if words & _FEMALE_NOUNS:
        return "female"
    return None


def resolve_chain(doc: Doc, candidates: list[Candidate]) -> dict[int, int]:
    """Resolve every pronoun in order: {pronoun token: antecedent head token}.

    A resolved pronoun joins the pool as a candidate carrying its antecedent's features and
    its own gender, so chains ("He ... he ... his") stay on one referent.
    """
    sent_of = sentence_numbers(doc)
    pool = _Pool(candidates, sent_of)
    genders: dict[int, str] = {}
    chosen: dict[int, int] = {}
    for token in doc:
        if not is_resolvable_pronoun(token):
            continue
        visible = [_gendered(c, genders) for c in pool.before(token.i)]
        pick = resolve_pronoun(doc, token, visible, sent_of)
        gender = _GENDER.get(token.lower_)
        if pick is None:  # a first mention: later pronouns may refer to it
            cls = pronoun_class(token)
            pool.add(
                Candidate(
                    token.i,
                    token.i + 1,
                    token.i,
                    cls in {"male", "female"},
                    cls == "plural",
                    False,
                    False,
                    gender,
                )
            )
            continue
        chosen[token.i] = pick.head
        if gender:
            genders.setdefault(pick.head, gender)
        pool.add(
            Candidate(
                token.i,
                token.i + 1,
                token.i,
                pick.person,
                pick.plural,
                pick.group,
                pick.named,
                gender or pick.gender,
            )
        )
    return chosen


class _Pool:
    """The candidates so far, found by where they end: a pronoun looks only at those that
    end within the farthest sentence window back (``WINDOW_SENTENCES``), in the
    order they joined, instead of at every candidate of the document."""

    def __init__(self, candidates: list[Candidate], sent_of: list[int]) -> None:
        self.sent_of = sent_of
        self.first_token: dict[int, int] = {}
        for i, number in enumerate(sent_of):
            self.first_token.setdefault(number, i)
        self.entries: list[tuple[int, int, Candidate]] = []  # (end, joined, candidate)
        for cand in candidates:
            self.add(cand)

    def add(self, cand: Candidate) -> None:
        """A candidate joins the pool."""
        bisect.insort(self.entries, (cand.end, len(self.entries), cand), key=lambda e: e[:2])

    def before(self, i: int) -> list[Candidate]:
        """Candidates that end by token ``i`` and whose head may lie in the window."""
        oldest = self.sent_of[i] - WINDOW_SENTENCES
        low = self.first_token.get(oldest, 0) + 1 if oldest > 0 else 0
        lo = bisect.bisect_left(self.entries, low, key=lambda e: e[0])
        hi = bisect.bisect_right(self.entries, i, key=lambda e: e[0])
        return [cand for _, _, cand in sorted(self.entries[lo:hi], key=lambda e: e[1])]


def _gendered(cand: Candidate, genders: dict[int, str]) -> Candidate:
    gender = genders.get(cand.head)
    if gender is None or cand.gender is not None:
        return cand
    return Candidate(
        cand.start, cand.end, cand.head, cand.person, cand.plural, cand.group, cand.named, gender
    )
