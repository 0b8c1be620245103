"""Who wields the weapon or strike a passive act names as its agent.

News reports a strike by its instrument more often than by its doer: "two commanders were
killed by a US drone strike", "the convoy was hit by Russian artillery fire", "the bridge
was destroyed by a Ukrainian missile". The "by" phrase heads a strike, an attack or a weapon,
not an actor; the actor is a modifier of it, often one level down ("US" modifies "drone",
which modifies "strike"). A careful coder codes that modifier as the source.

:func:`instrument_agents` reads it only inside the noun phrase of the "by" phrase, through
compounds, adjectives, possessives and its own "by" phrase (never through another
prepositional phrase: "a strike on the Russian base" is no Russian strike, and "in Kandahar"
names a place), and only when the phrase's head is an instrument
(an event noun or a projectile, as the caller tells).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from eventcoder.actors.mention import ActorMention
from eventcoder.events.roles import ActorIndex

__all__ = ["instrument_agents"]

# the links inside a noun phrase that name whose strike or weapon it is
_MODIFIER_DEPS = {"compound", "amod", "nmod:poss"}
_POSSESSIVE = {"'s", "\u2019s", "'"}
_AGENT_CASES = {"by"}
_DEPTH = 3
_PHRASE_LINKS = {"nmod", "compound", "amod", "appos", "conj"}


def _owner_links(token: Token) -> list[Token]:
    """The modifiers of ``token`` that may name its owner: compounds, adjectives, hyphen
    parts ("Saudi-led"), possessives ("Russia's missiles") and its own "by" phrase ("an
    attack by X")."""
    out = []
    for child in token.children:
        cases = {g.lower_ for g in child.children if g.dep_ == "case"}
        if child.dep_ == "nmod" and cases & _AGENT_CASES:
            out.append(child)  # "an attack on the base by X"
            continue
        if child.i > token.i:
            continue  # other modifiers of an English noun stand before it
        if child.dep_ in _MODIFIER_DEPS or child.dep_ == "nmod" and cases & _POSSESSIVE:
            out.append(child)
    return out


def _agent_phrases(head: Token) -> list[Token]:
    """The "by" phrases inside the noun phrase of ``head`` that the parse hung on a later
    noun of it ("an attack on the checkpoint by X"), not inside a clause."""
    out = []
    for token in head.subtree:
        if token.i == head.i or token.dep_ != "nmod":
            continue
        if not {g.lower_ for g in token.children if g.dep_ == "case"} & _AGENT_CASES:
            continue
        step = token.head
        while step.i != head.i and step.dep_ in _PHRASE_LINKS:
            step = step.head
        if step.i == head.i and token.head.i != head.i:
            out.append(token)
    return out


def instrument_agents(
    heads: list[Token], index: ActorIndex, is_instrument: Callable[[Token], bool]
) -> list[ActorMention]:
    """The coded actors that own the instruments heading ``heads`` (the "by" phrases of a
    passive verb): "by a US drone strike" -> US. Empty when no head is an instrument or no
    coded actor modifies it."""
    found: list[ActorMention] = []
    for head in heads:
        if not is_instrument(head):
            continue
        frontier, depth = _owner_links(head) + _agent_phrases(head), 0
        while frontier and depth < _DEPTH:
            hits = [m for m in (index.at(t) for t in frontier) if m is not None and m.code]
            if hits:
                for hit in hits:
                    if hit not in found:
                        found.append(hit)
                break
            frontier = [c for t in frontier for c in _owner_links(t)]
            depth += 1
    return found
