"""Join an actor and an agent that the parse left in separate phrases (peer dictionaries).

PETRARCH reads an actor and its agent words as one noun phrase; our dependency parse of
unfamiliar names often splits them. Reading the words, two neighbouring mentions are
joined when

* an actor alone stands right before an agent alone, with at most adjectives between
  ("Arnor cleric" -> ARNREL, "Arnor security officials" -> ARNGOV), or an agent alone
  right before an actor alone ("MSF Arnor" -> NGOARN);
* an agent alone is followed by "of", "from" or "in" and an actor alone ("Soldiers from
  Gondor" -> GONMIL); actors listed right after such a phrase share its agent ("the envoys
  of Arnor, Rohan and Gondor" -> ARNGOV, ROHGOV, GONGOV), however the parse grouped it;
* an actor alone is the possessor of a phrase with agent words: the phrase takes the
  possessor as its actor ("Ithilen's evil minister Calimehtar" -> ITHGOV), as PETRARCH takes
  the first actor of a noun phrase; a name right after a joined phrase is taken in;
* agents listed before "AGENT of/in ACTOR" share that actor ("lawmakers and officials in
  Gondor").

The joined code follows :func:`eventcoder.actors.peer_compose.compose_code`.
"""

from __future__ import annotations

import dataclasses

from spacy.tokens import Doc

from eventcoder.actors.lexicon import Lexicon
from eventcoder.actors.mention import ActorMention
from eventcoder.actors.peer_compose import NULL_ACTOR, compose_code

__all__ = ["merge_peer_mentions"]

_LINKS = {"of", "from", "in"}
_LIST = {",", "and", "or"}
_POSSESSIVE = {"'s", "'", "\u2019s"}


def _agent_only(m: ActorMention) -> bool:
    return bool(m.code) and NULL_ACTOR in (m.code or "") and (m.rule or "").startswith("peer:agent")


def _actor_only(m: ActorMention) -> bool:
    return (
        bool(m.code)
        and NULL_ACTOR not in (m.code or "")
        and (m.rule or "").startswith("peer:")
        and m.entity_type != "PRON"
    )


def _gap(doc: Doc, left: ActorMention, right: ActorMention) -> list[str]:
    """The lower-cased words between two mentions of one sentence (None-like: a big list)."""
    if doc[left.head].sent != doc[right.head].sent or right.start < left.end:
        return ["<sentence>"]
    return [t.lower_ for t in doc[left.end : right.start]]


def _with_agent(actor: ActorMention, agent_code: str) -> str | None:
    """The actor's code with the agent codes of an agent-only code ``PRE---SUF`` added."""
    pre, _, suf = agent_code.partition(NULL_ACTOR)
    return compose_code(actor.code, [suf] if suf else [], [pre] if pre else [])


def _joined(
    doc: Doc,
    first: ActorMention,
    last: ActorMention,
    head: int,
    code: str | None,
    actor: ActorMention,
) -> ActorMention:
    span = doc[first.start : last.end]
    return dataclasses.replace(
        actor,
        start=first.start,
        end=last.end,
        head=head,
        text=span.text,
        char_start=span.start_char,
        char_end=span.end_char,
        code=code,
        sector=last.sector if actor is first else first.sector,
        rule=f"peer+joined:{(actor.rule or '').split(':', 1)[-1]}",
    )


def _share(doc: Doc, mentions: list[ActorMention], k: int, agent_code: str) -> int:
    """Give actors listed right after ``mentions[k]`` the agent; the index after them."""
    while k + 1 < len(mentions):
        nxt = mentions[k + 1]
        gap = _gap(doc, mentions[k], nxt)
        if not gap or not set(gap) <= _LIST or not _actor_only(nxt):
            break
        mentions[k + 1] = dataclasses.replace(
            nxt,
            code=_with_agent(nxt, agent_code),
            rule=f"peer+listed:{(nxt.rule or '').split(':', 1)[-1]}",
        )
        k += 1
    return k + 1


def _agent_code(doc: Doc, start: int, end: int, lexicon: Lexicon) -> str | None:
    """The agent-only code (``PRE---SUF``) of the agent words in ``doc[start:end]``."""
    words = [t.text for t in doc[start:end]]
    lowered = [w.lower() for w in words]
    suffixes: list[str] = []
    prefixes: list[str] = []
    i = 0
    while i < len(words):
        hit = lexicon.agents.match(words, lowered, i)
        if hit is None:
            i += 1
            continue
        (prefixes if hit[1].prefix else suffixes).append(hit[1].code or "")
        i += hit[0]
    return compose_code(None, suffixes, prefixes)


def _linked_agent(doc: Doc, m: ActorMention, lexicon: Lexicon) -> str | None:
    """For a composed phrase "AGENT of/from/in ACTOR", the agent-only code of its agent words."""
    if not (m.rule or "").startswith("peer+agent"):
        return None
    link = next((t.i for t in doc[m.start : m.end] if t.lower_ in _LINKS), None)
    return _agent_code(doc, m.start, link, lexicon) if link is not None else None


def _possessed(doc: Doc, m: ActorMention, nxt: ActorMention, lexicon: Lexicon) -> str | None:
    """ "A's (adjectives) AGENT ..." : A's code with the agents of the phrase it opens
    (PETRARCH takes the first actor of the noun phrase)."""
    gap = doc[m.end : nxt.start]
    if (
        not _actor_only(m)
        or not len(gap)
        or gap[0].lower_ not in _POSSESSIVE
        or not all(t.pos_ in {"ADJ", "ADV", "CCONJ"} for t in gap[1:])
        or not (nxt.rule or "").startswith(("peer:agent", "peer+agent"))
    ):
        return None
    agents = _agent_code(doc, nxt.start, nxt.end, lexicon)
    return _with_agent(m, agents) if agents else None


def _adjacent(doc: Doc, left: ActorMention, right: ActorMention) -> bool:
    """Neighbours in one sentence with at most adjectives or adverbs between."""
    return _gap(doc, left, right) != ["<sentence>"] and all(
        t.pos_ in {"ADJ", "ADV"} for t in doc[left.end : right.start]
    )


def _share_back(
    doc: Doc, out: list[ActorMention], agent: ActorMention, actor: ActorMention
) -> None:
    """Agents listed before "AGENT of/in ACTOR" belong to that actor too ("lawmakers and
    officials in Gondor" -> GONLEG, GONGOV)."""
    if (
        out
        and _agent_only(out[-1])
        and set(_gap(doc, out[-1], agent)) <= _LIST
        and _gap(doc, out[-1], agent)
    ):
        prior = out[-1]
        out[-1] = dataclasses.replace(
            prior,
            code=_with_agent(actor, prior.code or ""),
            country=actor.country,
            rule=f"peer+listed:{(actor.rule or '').split(':', 1)[-1]}",
        )


def _absorb_name(
    doc: Doc, out: list[ActorMention], joined: ActorMention, items: list[ActorMention], k: int
) -> int:
    """Append ``joined``, taking in a name right after it ("Gondor's minister Calimehtar":
    the phrase keeps its first actor); the index of the next item."""
    if k < len(items) and _actor_only(items[k]) and items[k].start == joined.end:
        name = items[k]
        span = doc[joined.start : name.end]
        joined = dataclasses.replace(
            joined, end=name.end, head=name.head, text=span.text, char_end=span.end_char
        )
        k += 1
    out.append(joined)
    return k


def merge_peer_mentions(
    doc: Doc, mentions: list[ActorMention], lexicon: Lexicon
) -> list[ActorMention]:
    """Join actor/agent neighbours as the module docstring says; sorted by start."""
    items = sorted(mentions, key=lambda m: m.start)
    out: list[ActorMention] = []
    k = 0
    while k < len(items):
        m = items[k]
        nxt = items[k + 1] if k + 1 < len(items) else None
        if nxt is not None and _actor_only(m) and _agent_only(nxt) and _adjacent(doc, m, nxt):
            k = _absorb_name(
                doc,
                out,
                _joined(doc, m, nxt, nxt.head, _with_agent(m, nxt.code or ""), m),
                items,
                k + 2,
            )
            continue
        if nxt is not None and _agent_only(m) and _actor_only(nxt) and nxt.start == m.end:
            out.append(_joined(doc, m, nxt, nxt.head, _with_agent(nxt, m.code or ""), nxt))
            k += 2
            continue
        possessed = _possessed(doc, m, nxt, lexicon) if nxt is not None else None
        if possessed and nxt is not None:
            k = _absorb_name(doc, out, _joined(doc, m, nxt, nxt.head, possessed, m), items, k + 2)
            continue
        if (
            (m.rule or "").startswith("peer+agent")
            and nxt is not None
            and _actor_only(nxt)
            and nxt.start == m.end
        ):
            k = _absorb_name(doc, out, m, items, k + 1)
            continue
        linked = _linked_agent(doc, m, lexicon)
        if linked:
            after = _share(doc, items, k, linked)
            out.extend(items[k:after])
            k = after
            continue
        gap = _gap(doc, m, nxt) if nxt is not None else []
        if (
            nxt is not None
            and _agent_only(m)
            and _actor_only(nxt)
            and gap
            and gap[0] in _LINKS
            and all(w == "the" for w in gap[1:])
        ):
            items[k + 1] = _joined(doc, m, nxt, m.head, _with_agent(nxt, m.code or ""), nxt)
            _share_back(doc, out, m, nxt)
            after = _share(doc, items, k + 1, m.code or "")
            out.extend(items[k + 1 : after])
            k = after
            continue
        out.append(m)
        k += 1
    return out
