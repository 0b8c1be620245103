"""Quantities with what they count: numbers found on the surface, ``measure`` from the parse.

``find_quantities(sent, numbers, previous, mentions)`` turns the number expressions of one sentence
into ``Quantity`` objects with a ``measure`` (what is counted, in words):

- a count takes the noun after it ("12 people", "dozens of villages", "500 police officers");
- a share, sum of money or duration takes "of X" / "on X" after it, else the noun the figure is
  set "at" ("estimated turnout at 40%"), else the subject of its clause ("the strike would
  last two weeks", "Unemployment rose to 7.5%");
- generic nouns are resolved: "the number of X at N" -> X; "their number" -> the plural noun it
  refers to (the actor stage's antecedent when it gives one, else the nearest earlier plural noun
  that is not the clause's own subject); "the figure at N" -> the measure of the previous figure.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from eventcoder.actors.mention import ActorMention
from eventcoder.claims.numbers import NumberMatch, NumberReader
from eventcoder.claims.phrases import noun_phrase
from eventcoder.datafiles import read_word_classes
from eventcoder.nlp.morph import is_plural
from eventcoder.paths import PACKAGE_DIR

__all__ = ["GENERIC_MEASURES", "Quantity", "find_quantities"]

_WORDS = read_word_classes(PACKAGE_DIR / "data" / "claims" / "quantity_words.tsv")
GENERIC_MEASURES = _WORDS["generic"]
_POSSESSIVES = {"their", "its", "his", "her"}
_MEASURE_POS = {"NOUN", "PROPN", "ADJ"}
_REPORTING_HINT = {"estimated", "estimates", "estimate", "say", "says", "said"}
_TIME_UNITS = {"second", "minute", "hour", "day", "week", "month", "year"}
_DURATION_VERBS = _WORDS["duration"]
_CHANGE_VERBS = _WORDS["change"]
_DEICTIC = {"last", "next", "this", "that", "each", "every", "previous", "following"}
_STOP_NOUNS = {"whereabouts", "time", "times", "way", "ways", "%", "percent", "cent", "people's"}
_SET_VERBS = _WORDS["set"]  # "put the number of X at N", "estimated the crowd at N"
_SET_WINDOW = 16  # tokens between the verb and "at": "put the number of X linked to Y in Z at N"


@dataclass(frozen=True)
class Quantity:
    """A number expression in a sentence with what it counts (token and char offsets in the Doc)."""

    match: NumberMatch
    start_char: int
    end_char: int
    first_token: int
    last_token: int
    measure: str | None
    setter: int | None = None  # subject head of "X put/estimated ... at N": who gives the figure


def _noun_after(doc: Doc, k: int, limit: int) -> str | None:
    """The noun phrase starting at token ``k`` (skipping "of the"), as text."""
    while k < limit and (
        doc[k].lower_ in ("of", "the", "those", "these", "its", "their") or doc[k].is_space
    ):
        k += 1
    words: list[Token] = []
    while k < limit and (
        doc[k].pos_ in _MEASURE_POS or (doc[k].tag_ in ("VBN", "VBG") and not words)
    ):
        if doc[k].lower_ in _STOP_NOUNS or doc[k].like_num:
            break
        words.append(doc[k])
        if (
            doc[k].pos_ in ("NOUN", "PROPN")
            and k + 1 < limit
            and (doc[k + 1].pos_ not in ("NOUN", "PROPN", "ADJ") or is_plural(doc[k]))
        ):
            break  # the first plural noun heads an English noun phrase ("Ukrainians support")
        k += 1
    while words and words[-1].pos_ == "ADJ" and words[-1].tag_ not in ("NNS", "NN"):
        words.pop()
    if words and (
        words[0].lower_ in _DEICTIC
        or words[-1].lemma_.lower() in _TIME_UNITS
        or words[-1].lower_.rstrip("s") in _TIME_UNITS
    ):
        return None  # "by a quarter last year": a time, not what is counted
    return " ".join(w.text for w in words) or None


def _clause_subject(tok: Token) -> Token | None:
    """The subject of the clause that governs ``tok``."""
    head = tok
    for _ in range(6):
        subj = [
            c
            for c in head.children
            if c.dep_ in ("nsubj", "csubj") and not c.is_space and c.i != tok.i and not c.like_num
        ]
        if subj:
            return subj[0]
        if head.head is head:
            return None
        head = head.head
    return None


def _antecedent(doc: Doc, possessive: Token, mentions: Sequence[ActorMention]) -> str | None:
    """What "their" in "their number" refers to: a plural noun before it."""
    for m in mentions:
        if m.start <= possessive.i < m.end and m.antecedent:
            return doc[m.antecedent[0] : m.antecedent[1]].text
    subject = _clause_subject(possessive)
    for k in range(possessive.i - 1, max(-1, possessive.i - 80), -1):
        t = doc[k]
        if t.pos_ != "NOUN" or not is_plural(t) or t.lower_ in _STOP_NOUNS:
            continue
        if t.lower_ in GENERIC_MEASURES or (subject is not None and t.i == subject.i):
            continue
        if (
            any(c.lower_ in _POSSESSIVES for c in t.children)
            or t.dep_ == "conj"
            and any(c.lower_ in _POSSESSIVES for c in t.head.children)
        ):
            continue
        start, end = noun_phrase(t)
        words = [w for w in doc[start:end] if w.pos_ in _MEASURE_POS or w.tag_ in ("VBG", "VBN")]
        words = [w for w in words if w.i <= t.i and w.i >= t.i - 2]
        return " ".join(w.text for w in words) or t.text
    return None


def _generic(
    doc: Doc, noun: Token, previous: str | None, mentions: Sequence[ActorMention]
) -> str | None:
    """Resolve "the number of X", "their number", "the figure"."""
    of = (
        _noun_after(doc, noun.i + 1, min(noun.i + 6, len(doc)))
        if (noun.i + 1 < len(doc) and doc[noun.i + 1].lower_ == "of")
        else None
    )
    if of:
        return of
    poss = [c for c in noun.children if c.lower_ in _POSSESSIVES]
    if not poss and noun.i > 0 and doc[noun.i - 1].lower_ in _POSSESSIVES:
        poss = [doc[noun.i - 1]]
    if poss:
        return _antecedent(doc, poss[0], mentions) or previous
    return previous


def _set_verb_object(doc: Doc, at: int, sent: Span) -> tuple[Token, Token] | None:
    """For "put/estimated/placed X ... at N": the set verb and the head noun of X (the first
    noun after the verb), searched back from "at" over a bounded window."""
    for j in range(at - 1, max(sent.start - 1, at - _SET_WINDOW), -1):
        t = doc[j]
        if t.is_punct and t.text not in ("-", ",") or t.lower_ in ("while", "whereas", "but"):
            return None  # commas may set off an aside: "put the losses, including X, at N"
        if t.lower_ not in _SET_VERBS or t.pos_ not in ("VERB", "AUX"):
            continue
        for k in range(j + 1, at):
            if doc[k].pos_ in ("NOUN", "PROPN") and doc[k].lower_ not in _STOP_NOUNS:
                return t, doc[k]
            if doc[k].pos_ not in ("DET", "ADJ", "PRON", "NUM") and not doc[k].is_space:
                return None
        return None
    return None


def _setter(verb: Token) -> int | None:
    """The subject of a set verb when it names someone ("A panel put ..."), as a token index."""
    subj = [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")]
    return subj[0].i if subj else None


def _set_at(doc: Doc, first: int, sent: Span) -> tuple[Token | None, int | None]:
    """For "estimated X at N" / "put X at N" / "X is closer to N": the head noun of X, and the
    subject of the set verb when there is one."""
    k = first - 1
    if k < sent.start or doc[k].lower_ not in ("at", "is", "was", "to"):
        return None, None
    if doc[k].lower_ == "at":
        found = _set_verb_object(doc, k, sent)
        if found is not None:
            return found[1], _setter(found[0])
    if doc[k].lower_ == "to":
        if not (k - 1 >= sent.start and doc[k - 1].lower_ in ("closer", "close")):
            return None, None
        k -= 1
        while k - 1 >= sent.start and doc[k - 1].lower_ in ("is", "was", "be"):
            k -= 1
    words: list[Token] = []
    for j in range(k - 1, max(sent.start - 1, k - 8), -1):
        t = doc[j]
        if (
            t.is_punct
            or (t.pos_ in ("VERB", "AUX") and t.tag_ not in ("NN", "NNS"))
            or t.lower_ in _SET_VERBS
            or t.lower_ in _REPORTING_HINT
        ):
            break
        words.insert(0, t)
    heads = [
        t
        for t in words
        if (t.pos_ in ("NOUN", "PROPN") or t.tag_ in ("NN", "NNS")) and not t.is_space
    ]
    return (heads[0] if heads else None), None


def _duration_subject(doc: Doc, first: int, sent: Span) -> str | None:
    """ "the strike would last two weeks": the noun phrase before the verb taking the duration."""
    k = first - 1
    while k >= sent.start and doc[k].lower_ in ("for", "about", "only", "just", "at", "least"):
        k -= 1
    if (
        k < sent.start
        or doc[k].lemma_.lower() not in _DURATION_VERBS
        and doc[k].lower_ not in _DURATION_VERBS
    ):
        return None
    k -= 1
    while k >= sent.start and (
        doc[k].pos_ in ("AUX", "PART", "ADV") or doc[k].lower_ in ("that", "which", "to")
    ):
        k -= 1
    nouns: list[Token] = []
    while k >= sent.start and (
        doc[k].pos_ in ("NOUN", "PROPN", "ADJ", "DET") or doc[k].lower_ in ("of", "with", "for")
    ):
        if doc[k].pos_ in ("NOUN", "PROPN"):
            nouns.append(doc[k])
        k -= 1
    return f"duration of {nouns[-1].text}" if nouns else None


def _changed_subject(doc: Doc, first: int, sent: Span) -> str | None:
    """ "Prices for bread have climbed 12 percent", "the economy shrank by 6.5%": the noun
    phrase before the verb of change that the figure measures (its first noun)."""
    k = first - 1
    while k >= sent.start and doc[k].lower_ in ("by", "to", "from", "about", "some", "nearly"):
        k -= 1
    if k < sent.start or doc[k].lower_ not in _CHANGE_VERBS:
        return None
    verb_i = k
    k -= 1
    while k >= sent.start and (doc[k].pos_ in ("AUX", "ADV", "PART") or doc[k].is_space):
        k -= 1
    nouns: list[Token] = []
    nearest = doc[k] if k >= sent.start and doc[k].pos_ in ("NOUN", "PROPN", "ADJ") else None
    while k >= sent.start and (
        doc[k].pos_ in ("NOUN", "PROPN", "ADJ", "DET", "PRON")
        or doc[k].lower_ in ("of", "for", "in")
    ):
        if doc[k].pos_ in ("NOUN", "PROPN", "PRON") and doc[k].lower_ not in ("it", "they"):
            nouns.append(doc[k])
        k -= 1
    if nouns:  # the first noun chunk: "Food prices" (for bread)
        j = nouns[-1].i
        while j + 1 < verb_i and doc[j + 1].pos_ in ("NOUN", "PROPN"):
            j += 1
        return doc[nouns[-1].i : j + 1].text
    return nearest.text if nearest is not None else None  # a noun tagged as adjective


def _measure(
    doc: Doc,
    sent: Span,
    q: NumberMatch,
    first: int,
    last: int,
    previous: str | None,
    mentions: Sequence[ActorMention],
) -> tuple[str | None, int | None]:
    """What the figure counts, and the subject of the verb that set it (if any)."""
    counted = q.unit is None
    after = _noun_after(doc, last + 1, sent.end)
    if (counted or q.unit == "share") and after:
        return after, None  # "12 people", "one in five homes", "a quarter of the budget"
    if not counted and last + 1 < sent.end and doc[last + 1].lower_ in ("of", "on"):
        of = _noun_after(doc, last + 2, sent.end)
        if of:
            return of, None
    target, setter = _set_at(doc, first, sent)
    if target is not None:
        if target.lower_ in GENERIC_MEASURES:
            return _generic(doc, target, previous, mentions), setter
        return target.text, setter
    return _measure_from_clause(doc, sent, q, first, last, previous, mentions), None


def _measure_from_clause(
    doc: Doc,
    sent: Span,
    q: NumberMatch,
    first: int,
    last: int,
    previous: str | None,
    mentions: Sequence[ActorMention],
) -> str | None:
    """A measure from the clause around the figure: duration, changed noun, subject."""
    counted = q.unit is None
    if counted:
        return previous
    duration = _duration_subject(doc, first, sent) if q.unit in _TIME_UNITS else None
    if duration:
        return duration
    changed = _changed_subject(doc, first, sent)
    if changed:
        return changed
    subject = _clause_subject(doc[first])
    if (
        subject is not None
        and subject.pos_ in ("NOUN", "PROPN")
        and not subject.i in range(first, last + 1)
    ):
        start, end = noun_phrase(subject)
        words = [
            t for t in doc[start:end] if t.pos_ in ("NOUN", "PROPN", "ADJ") and t.i <= subject.i
        ]
        if subject.lower_ in GENERIC_MEASURES:
            return _generic(doc, subject, previous, mentions)
        return " ".join(t.text for t in words) or subject.text
    return None


def find_quantities(
    sent: Span,
    numbers: NumberReader,
    previous: str | None = None,
    mentions: Sequence[ActorMention] = (),
) -> list[Quantity]:
    """The quantities of one parsed sentence; ``previous`` is the last measure seen before it."""
    doc = sent.doc
    out = []
    for q in numbers.find(sent.text):
        start, end = sent.start_char + q.start, sent.start_char + q.end
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        measure, setter = _measure(doc, sent, q, span.start, span.end - 1, previous, mentions)
        out.append(Quantity(q, start, end, span.start, span.end - 1, measure, setter))
        if measure:
            previous = measure
    return out
