"""Code a noun phrase the way PETRARCH composes actor and agent codes (peer dictionaries).

With PETRARCH-format dictionaries (``ActorCoder.from_petrarch``) a phrase's code is built
from its actor code and its agent codes, as ``dictionaries_format.rst`` describes:

* an agent code written ``[~CODE]`` is added after the actor code ("Bree Prime Minister
  Romendacil" with Romendacil [BREGOV] and PRIME_MINISTER [~GOV] gives BREGOV, "Danish
  Islamist media" gives DNKMUSMED: agents in text order);
* an agent code written ``[CODE~]`` is put before it ("MSF Gondor" gives NGOGON);
* an agent without an actor keeps PETRARCH's null actor ``---`` ("lawmakers" -> ---LEG);
* the actor code is kept whole (dated codes as the dictionary gives them, "ORCHOB"), and an
  agent code already present in it is not repeated.
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc

from eventcoder.actors.compose import Coding, Group
from eventcoder.actors.lexicon import split_code
from eventcoder.actors.recognize import Match

__all__ = ["NULL_ACTOR", "code_group_peer", "compose_code"]

NULL_ACTOR = "---"
_SKIPPED = {"---", "NON", ""}


def compose_code(actor: str | None, suffixes: list[str], prefixes: list[str]) -> str | None:
    """``prefixes + actor + suffixes`` with repeats dropped; ``None`` without any code.

    An agent code is dropped when it already stands in the actor code on a three-letter
    boundary (BREGOV + ~GOV stays BREGOV) or was added before.
    """
    suffixes = [s for s in suffixes if s not in _SKIPPED]
    prefixes = [p for p in prefixes if p not in _SKIPPED]
    if actor is None and not suffixes and not prefixes:
        return None
    code = actor or NULL_ACTOR
    seen = {code[i : i + 3] for i in range(3, len(code), 3)}
    added: list[str] = []
    for suffix in suffixes:
        for chunk in (suffix[i : i + 3] for i in range(0, len(suffix), 3)):
            if chunk not in seen:
                seen.add(chunk)
                added.append(chunk)
    front = [p for i, p in enumerate(prefixes) if p not in prefixes[:i] and not code.startswith(p)]
    return "".join(front) + code + "".join(added)


def _actor(doc: Doc, group: Group) -> Match | None:
    """The actor of the phrase: the name covering its head, else the first name."""
    names = [m for m in group.matches if m.kind == "name" and m.entry is not None]
    if not names:
        return None
    return min(names, key=lambda m: (not m.start <= group.head < m.end, m.start))


def _agents(group: Group) -> list[Match]:
    """Agent words of the phrase (titles inside names included), in text order."""
    own = [m for m in group.matches if m.kind in {"agent", "title"} and m.entry is not None]
    return sorted(own or group.borrowed, key=lambda m: m.start)


def code_group_peer(doc: Doc, group: Group, date: dt.date | None) -> Coding:
    """Code one phrase by PETRARCH's composition rules (module docstring)."""
    actor = _actor(doc, group)
    agents = _agents(group)
    entry = actor.entry if actor is not None else None
    actor_code = entry.code_on(date) if entry is not None else None
    agent_entries = [m.entry for m in agents if m.entry is not None and m.entry.code]
    suffixes = [e.code for e in agent_entries if not e.prefix and e.code]
    prefixes = [e.code for e in agent_entries if e.prefix and e.code]
    code = compose_code(actor_code, suffixes, prefixes)
    ents = [m for m in group.matches if m.kind == "ent"]
    etype = ents[0].label if ents else ("PERSON" if actor is not None else None)
    if code is None:
        return Coding(None, None, None, "entity", etype)
    country, own = split_code(actor_code)
    sector = next((s for s in suffixes if s not in _SKIPPED), own)
    if entry is None:
        return Coding(code, None, sector, "peer:agent", etype)
    rule = "peer+agent" if code != actor_code else "peer"
    return Coding(code, country, sector, f"{rule}:{entry.label}", etype)
