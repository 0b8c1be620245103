"""Clause and tense facts that decide which dates of a sentence can date an event.

- A *content clause* is what a verb reports, accuses of or asks for ("said that X", "accused
  Y of attacking Z", "asked them to leave"): a date inside it dates the reported act, not
  the report. A circumstance of the verb ("Speaking on Friday, the minister accused ...",
  "said in a report released on Tuesday") is no content: its date is the report's.
- A *time clause* ("after a fire destroyed the offices", "before the troops withdrew") puts
  its act at another time than its main clause: the main clause's date is not its date.
- A *parenthetical report* ("X happened on Monday, police said") is dated by its own
  modifiers, never by the clause it reports.
- A *pluperfect* ("had retaken", "had fired first") is earlier than the time the narrative
  stands at: only a date of its own dates it.
- A *stative present* ("the opposition claims", "residents say", "the parents are accused")
  is no act on the publication day; a progressive ("forces are shelling the town") is going
  on that day, and a first-person present in a statement ("we condemn", "I welcome") is the
  statement itself, made when it is published.
"""

from __future__ import annotations

from spacy.tokens import Token

__all__ = [
    "content_clause",
    "parenthetical_report",
    "pluperfect",
    "stative_present",
    "time_clause",
    "verb_of",
]

_CONTENT_MARKS = {"of", "that", "about", "whether", "if", "for", "over"}
_TIME_MARKS = {"after", "before", "until", "till", "since", "once"}
_FIRST_PERSON = {"i", "we"}


def verb_of(token: Token) -> Token:
    """The token itself when it is a verb, else the nearest verb above it (the token when
    none is)."""
    node = token
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
        node = node.head
    return node if node.pos_ in ("VERB", "AUX") else token


def parenthetical_report(token: Token, saying: frozenset[str]) -> Token | None:
    """The clause a parenthetical report is about ("Soldiers opened fire on 2 November, the
    group said in a report released on Tuesday": the parse hangs "said" on "opened" as parataxis or as a conjunct with no
    "and"); None
    when the token's verb is no such report (``saying``: the lemmas of reporting verbs)."""
    verb = verb_of(token)
    aside = verb.dep_ == "parataxis" or (
        verb.dep_ == "conj"
        and not any(c.dep_ == "cc" for c in verb.children)
        and any(c.dep_.startswith("nsubj") for c in verb.children)
    )
    if aside and verb.head.i != verb.i and verb.i > verb.head.i and verb.lemma_.lower() in saying:
        return verb.head
    return None


def content_clause(child: Token) -> bool:
    """Whether this dependent of a verb is the clause it reports or asks for."""
    if child.dep_ in ("ccomp", "csubj", "parataxis"):
        return True
    if child.dep_ not in ("advcl", "acl", "xcomp"):
        return False
    return any(c.dep_ in ("mark", "case") and c.lower_ in _CONTENT_MARKS for c in child.children)


def time_clause(token: Token) -> Token | None:
    """The clause of time ("after ...", "before ...") the token's verb heads or sits in, up
    to the first finite verb above it; None when there is none."""
    node = verb_of(token)
    while True:
        if node.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in _TIME_MARKS for c in node.children
        ):
            return node
        if node.dep_ == "conj" and any(_time_marked_subject(c) for c in node.children):
            return node  # the parser's reading of "... after a fire destroyed X"
        if node.head.i == node.i or node.dep_ not in ("conj", "xcomp", "advcl", "acl"):
            return None
        node = node.head


def _time_marked_subject(child: Token) -> bool:
    return child.dep_.startswith("nsubj") and any(
        c.dep_ == "case" and c.lower_ in _TIME_MARKS for c in child.children
    )


def pluperfect(token: Token) -> bool:
    """ "had retaken", "had been fired": the past of the past."""
    verb = verb_of(token)
    if verb.dep_ == "conj" and not any(
        c.dep_.startswith(("aux", "nsubj")) or c.lower_ == "," for c in verb.children
    ):
        verb = verb.head  # "had abducted and killed" share the aux ("..., and appealed" not)
    return any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in verb.children)


def stative_present(token: Token) -> bool:
    """A present-tense verb that states, not one that happens on the publication day: not
    progressive and its subject is not the first person of a statement (see module doc)."""
    verb = verb_of(token)
    if verb.tag_ == "VBG" and any(
        c.dep_ in ("aux", "aux:pass") and c.lemma_.lower() == "be" for c in verb.children
    ):
        return False
    subjects = [c for c in verb.children if c.dep_.startswith("nsubj")]
    return not any(s.lower_ in _FIRST_PERSON for s in subjects)
