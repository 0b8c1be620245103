"""Actor mentions that name no party of the act they stand near (docs/codebook.md, "Places
and actors"), read from the grammar of the sentence alone:

- :func:`names_an_idea`: a state named with an indefinite article ("a democratic Somalia",
  "a united Europe") is a state of affairs hoped for, not the state acting or acted on.
- :func:`names_a_stance`: a name inside "pro-X" or "anti-X" that describes something else
  ("the pro-Beijing camp", "anti-Russian rhetoric") says what that thing stands for.
- :func:`listed_member`: a member listed in a group ("the international community,
  including Russia and Iran, must ...") stands inside that group; members do not act on
  each other.
- :func:`own_parts`: "the group, its leader and fighters" names one party, not three.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from spacy.tokens import Doc, Token

from eventcoder.actors.mention import ActorMention
from eventcoder.datafiles import read_words
from eventcoder.events.ontology import data_dir

__all__ = ["listed_member", "names_a_stance", "names_an_idea", "own_parts"]

INDEFINITE = {"a", "an"}
STANCE_PREFIXES = {"anti", "pro"}
# words that list members of a group just named
LISTING = {"including", "notably", "especially", "among"}
POSSESSIVES = {"its", "their"}


def names_an_idea(doc: Doc, mention: ActorMention) -> bool:
    """Whether a place name is used with an indefinite article and an adjective: "a
    democratic Somalia", "a free and united Europe" (the state of affairs hoped for, not the
    state's government or people). "An Israeli" (a person) is no place name."""
    head = doc[mention.head]
    if head.pos_ != "PROPN" or "GPE" not in {head.ent_type_, mention.entity_type}:
        return False
    before = doc[head.left_edge.i : head.i]
    return any(t.dep_ == "det" and t.lower_ in INDEFINITE for t in before) and any(
        c.dep_ == "amod" for c in head.children
    )


def names_a_stance(
    doc: Doc, mention: ActorMention, trigger: Token, is_event: Callable[[Token], bool]
) -> bool:
    """Whether the mention is the X of a "pro-X"/"anti-X" modifier of another word ("the
    pro-Beijing camp", "criticized anti-Russian rhetoric"). Not when the word modified is the
    trigger or an event (``is_event``: "staged anti-Russian protests" are aimed at Russia),
    and not when the mention takes in the word modified ("pro-Russian rebels" is that
    actor, "the anti-air frigate X" the frigate)."""
    first = doc[mention.start]
    head = doc[mention.head]
    if mention.end - mention.start != 1 or not first.text[:1].isupper():
        return False  # "the anti-air frigate X" is the frigate
    if (
        first.i < 2
        or doc[first.i - 1].text != "-"
        or doc[first.i - 2].lower_ not in STANCE_PREFIXES
    ):
        return False
    described = head.head
    return (
        head.dep_ in {"amod", "compound"}
        and not mention.start <= described.i < mention.end
        and described.i != trigger.i
        and not is_event(described)
    )


def listed_member(doc: Doc, mention: ActorMention) -> bool:
    """Whether the mention is listed as a member of a group named before it ("the
    international community - including Russia and Iran -", "Gulf states, notably Qatar and
    Oman"), itself or as a later conjunct of the first member listed."""
    head = doc[mention.head]
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    marked = any(c.lower_ in LISTING and c.i < head.i for c in head.children)
    before = [t for t in doc[max(head.sent.start, head.left_edge.i - 2) : head.left_edge.i]]
    return (
        marked
        or doc[mention.start].lower_ in LISTING
        or any(t.lower_ in LISTING for t in before[-1:])
        or [t.lower_ for t in before] == ["such", "as"]
    ) and head.dep_ in {"nmod", "appos", "obl"}


@lru_cache(maxsize=1)
def _other_parties() -> frozenset[str]:
    """Nouns that name another party through its relation to the owner ("its allies",
    "their neighbours"; ``data/events/other_party_nouns.txt``)."""
    return read_words(data_dir() / "other_party_nouns.txt")


def own_parts(doc: Doc, mentions: list[ActorMention]) -> list[ActorMention]:
    """The mentions that name parts of an actor listed before them: "the group, its leader
    and fighters" (after "its"/"their", with their conjuncts): the same party as the first,
    which alone acts. A word for another party ("its allies") names others."""
    if not mentions:
        return []
    heads = {m.head: m for m in mentions}
    parts: set[int] = set()
    for mention in mentions[1:]:
        head = doc[mention.head]
        if head.lemma_.lower() in _other_parties():
            continue  # "Russia and its allies": others
        owned = doc[mention.start].lower_ in POSSESSIVES
        listed = head.dep_ == "conj" and head.head.i in parts
        if owned or listed and head.head.i in heads:
            parts.add(mention.head)
    return [m for m in mentions if m.head in parts]
