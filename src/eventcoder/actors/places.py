"""Places are not actors: a country or city named as where something happens is left out.

A capital or state name stands for its government only when it acts ("Minsk imposed",
"Washington condemned"). It is a place, and no actor mention, when

* it is joined to the object of a preposition of place by apposition, coordination or a
  comma ("in Karrada, Baghdad", "in Syria and Iraq"); the object itself ("talks in Geneva")
  the event stage already reads as a place, never a source or target;
* it opens a dateline ("WASHINGTON (Reuters) -", "BAGHDAD, June 3 -").

The news agency in a dateline's brackets ("KABUL, March 4 (Reuters) -") reports the story and
is no party to it, so it is no actor mention either.

Only bare place names are dropped: a mention with a sector of its own from an agent word
("Syrian troops", "police in Caracas") is an actor with a country.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from eventcoder.actors.mention import ActorMention
from eventcoder.nlp.datelines import DATELINE_DASHES

__all__ = ["LOCATIVE", "drop_places", "is_dateline"]

LOCATIVE = {
    "in",
    "at",
    "near",
    "inside",
    "outside",
    "across",
    "throughout",
    "around",
    "within",
    "into",
    "towards",
    "toward",
}
_PLACE_RULES = ("state:", "capital:", "metonym:", "place:")
_JOINS = {"appos", "conj", "flat", "nmod", "compound"}
_DATELINE_MARKS = {"(", ","} | DATELINE_DASHES


def _is_place_name(mention: ActorMention) -> bool:
    """A mention coded from a place name alone (no agent word of its own)."""
    rule = mention.rule or ""
    return rule.startswith(_PLACE_RULES) and mention.sector in {None, "GOV"}


def _locative(token: Token) -> bool:
    return any(c.dep_ == "case" and c.lower_ in LOCATIVE for c in token.children)


def _where(token: Token) -> bool:
    """Whether ``token`` is joined to a place where something happens ("in Karrada,
    Baghdad"). The object of the preposition itself stays a mention: the event stage reads
    it as a place (and the PLOVER gold counts it as a participant)."""
    for step in range(3):
        if step and _locative(token):
            return True
        if token.dep_ not in _JOINS or token.head.i == token.i:
            return False
        if token.dep_ == "nmod" and not (
            token.head.ent_type_ in {"GPE", "LOC", "FAC"} or token.head.pos_ == "PROPN"
        ):
            return False
        token = token.head
    return False


def is_dateline(doc: Doc, mention: ActorMention) -> bool:
    """An upper-case place name opening a sentence, then a bracket, dash or comma: where a
    wire story was filed ("ADDIS ABABA, Nov 28 -"), no actor."""
    first = doc[mention.start]
    text = doc[mention.start : mention.end].text
    return (
        bool(first.is_sent_start)
        and text.isupper()
        and len(text) > 2
        and mention.end < len(doc)
        and doc[mention.end].text in _DATELINE_MARKS
    )


_DATELINE_REACH = 10  # tokens from the dateline's first word to the agency's bracket


def _dateline_agency(doc: Doc, mention: ActorMention) -> bool:
    """The agency in a dateline's brackets: "KABUL, March 4 (Reuters) -" opening a sentence
    with an upper-case place name."""
    start, end = mention.start, mention.end
    if start < 2 or end + 1 >= len(doc):
        return False
    if (
        doc[start - 1].text != "("
        or doc[end].text != ")"
        or doc[end + 1].text not in DATELINE_DASHES
    ):
        return False
    first = doc[start - 1].sent.start
    opener = doc[first]
    return (
        start - first <= _DATELINE_REACH
        and opener.text.isupper()
        and len(opener.text) > 2
        and all(t.text != ")" for t in doc[first : start - 1])
    )


def drop_places(doc: Doc, mentions: list[ActorMention]) -> list[ActorMention]:
    """The mentions less the place names used as places and the agencies of datelines."""
    return [
        m
        for m in mentions
        if not (_is_place_name(m) and (_where(doc[m.head]) or is_dateline(doc, m)))
        and not _dateline_agency(doc, m)
    ]
