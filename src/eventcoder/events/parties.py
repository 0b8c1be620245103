"""The two sides of a joint act named in a "between" phrase.

"Talks were held between A and B", "talks between A and B began", "a series of meetings will
take place between A and B, C and D": a noun of consultation that is the subject of its verb,
whose parties are listed after "between", on the noun itself or on that verb. The first party
named is the source, each other the target (one way, as a coder records "A met B"): the first
actor of the phrase is one side, the actors with a country after it, other than the first's
own, the other.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventcoder.actors.mention import ActorMention
from eventcoder.events.roles import ActorIndex

__all__ = ["JOINT_ROOTS", "between_parties"]

# roots of the joint acts whose parties a "between" phrase names: consultation (not an
# agreement or a deal, more often the topic than the act: "protested a deal between A and B";
# not fighting: "clashes between A and B" are each side's act, told both ways)
JOINT_ROOTS = frozenset({"04"})

SUBJECTS = frozenset({"nsubj", "nsubj:pass"})


def _case(token: Token) -> str:
    return " ".join(c.lower_ for c in token.children if c.dep_ == "case")


def _between_phrase(noun: Token) -> Token | None:
    """The head of the "between" phrase naming the parties of a noun that is the subject of
    a verb (what happened, not the topic of "progress in the talks between ..."): the noun's
    own, else the verb's ("talks were held between ...")."""
    holder = noun
    if noun.dep_ == "nmod" and _case(noun) == "of" and noun.head.dep_ in SUBJECTS:
        holder = noun.head  # "a series of meetings will take place between ..."
    if holder.dep_ not in SUBJECTS or holder.head.pos_ not in {"VERB", "AUX"}:
        return None
    for child in noun.children:
        if child.dep_ == "nmod" and _case(child) == "between":
            return child
    for child in holder.head.children:
        if child.dep_ == "obl" and _case(child) == "between":
            return child
    return None


def between_parties(noun: Token, index: ActorIndex) -> list[ActorMention]:
    """The parties of a joint act named by a "between" phrase of ``noun``: the first side
    first, then the actors of the other side (empty when the phrase names fewer than two)."""
    phrase = _between_phrase(noun)
    if phrase is None:
        return []
    first = index.for_head(phrase, max_depth=1)
    if first is None or not first.country or first.country == "---":
        return []
    last = phrase.right_edge.i
    named = [
        m
        for m in index.mentions
        if m.start >= first.end and m.end - 1 <= last and m.country and m.country != "---"
    ]
    others: list[ActorMention] = []
    for mention in named:
        if mention.country == first.country or _stands_for_owner(mention, named, index):
            continue
        if all(o.code != mention.code for o in others):
            others.append(mention)
    named_here = [m for m in others if not (m.rule or "").startswith("dominant")]
    others = named_here or others  # "representatives" given the story's country: a guess
    return [first, *others] if others else []


def _stands_for_owner(mention: ActorMention, named: list[ActorMention], index: ActorIndex) -> bool:
    """Whether a mention's own phrase names the actors it stands for, outside the mention
    ("representatives of the ministers of A, B and C" stand for A, B and C)."""
    below: set[int] = set()
    frontier = [index.doc[mention.head]]
    while frontier:  # the phrase below the head, not the actors listed beside it
        token = frontier.pop()
        below.add(token.i)
        frontier.extend(c for c in token.children if c.dep_ not in {"conj", "cc", "appos"})
    return any(
        other is not mention
        and other.head in below
        and not (mention.start <= other.start and other.end <= mention.end)
        for other in named
    )
