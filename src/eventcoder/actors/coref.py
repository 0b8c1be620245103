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

from dataclasses import dataclass

from spacy.tokens import Doc, Token

__all__ = ["Candidate", "PRONOUNS", "is_resolvable_pronoun", "pronoun_class", "resolve_pronoun",
           "sentence_numbers"]

PRONOUNS = {
    "he": "male", "him": "male", "his": "male", "himself": "male",
    "she": "female", "her": "female", "hers": "female", "herself": "female",
    "they": "plural", "them": "plural", "their": "plural", "theirs": "plural",
    "themselves": "plural",
    "it": "neuter", "its": "neuter", "itself": "neuter",
}
_SUBJECTS = {"nsubj", "csubj"}
_OBJECTS = {"obj", "iobj", "obl"}
_MAX_SENTENCES = 3


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
        if any(c.dep_ in {"ccomp", "csubj", "xcomp"} for c in verb.children) and token.dep_ == "nsubj":
            return False
    return True


def _agrees(cls: str, cand: Candidate) -> bool:
    if cls in {"male", "female"}:
        return cand.person and not cand.plural and cand.gender in {None, cls}
    if cls == "plural":
        return cand.plural or (cand.group and not cand.person)
    return not cand.person and not cand.plural


def _bound(doc: Doc, pron: Token, cand: Candidate) -> bool:
    """Binding: "X met him" -- him is not X (reflexives excepted)."""
    if pron.lower_.endswith("self") or pron.lower_.endswith("selves"):
        return False
    if pron.dep_ not in _OBJECTS:
        return False
    verb = pron.head
    head = doc[cand.head]
    return head.head.i == verb.i and head.dep_ in _SUBJECTS


def sentence_numbers(doc: Doc) -> list[int]:
    """The sentence number of every token."""
    numbers = [0] * len(doc)
    for number, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            numbers[i] = number
    return numbers


def resolve_pronoun(doc: Doc, pron: Token, candidates: list[Candidate],
                    sent_of: list[int] | None = None) -> Candidate | None:
    """The best earlier candidate for ``pron`` (None when nothing agrees nearby)."""
    cls = pronoun_class(pron)
    if cls is None:
        return None
    if sent_of is None:
        sent_of = sentence_numbers(doc)
    here = sent_of[pron.i]
    best: tuple[tuple, Candidate] | None = None
    for cand in candidates:
        if cand.end > pron.i or cand.start <= pron.i < cand.end:
            continue
        distance = here - sent_of[cand.head]
        if distance > _MAX_SENTENCES or not _agrees(cls, cand) or _bound(doc, pron, cand):
            continue
        head = doc[cand.head]
        subject = head.dep_ in _SUBJECTS or (head.dep_ in {"conj", "appos"} and head.head.dep_ in _SUBJECTS)
        key = (distance, not subject, not cand.named, pron.i - cand.head)
        if best is None or key < best[0]:
            best = (key, cand)
    return best[1] if best else None
