"""The actors the coder could not code: names (and agent phrases without a country) that stood
as the source or target of a verb the dictionaries know, counted, with example sentences,
and written as a ready-to-edit actor dictionary in our format.

Coding INPUT... reads every dictionary verb's subject and object, so an uncoded subject
that cost the event is counted too (an event needs a coded source); a store (``--db``) only
holds the events that were made, so it shows the uncoded actors that still stood in them."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from eventcoder.records import Actor, EventRecord

__all__ = [
    "Seen",
    "Unknown",
    "count_unknown",
    "dictionary_text",
    "report",
    "seen_in_documents",
    "seen_in_events",
    "seen_in_store",
]

_LEADING = re.compile(r"^(the|a|an|this|that|these|those)\s+", re.IGNORECASE)
_PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "him", "her", "them", "us", "who"}
_KIND = {"PERSON": "person", "GPE": "place", "ORG": "org", "NORP": "org"}
_TITLES = {"mr", "mrs", "ms", "dr", "sir", "lord", "capt", "gen", "col", "lt", "sgt", "maj"}
_EXAMPLES = 2


@dataclass
class Unknown:
    """One uncoded name or agent phrase and where it was seen."""

    text: str
    kind: str  # person, org, place, name (names) or agent (a sector word with no country)
    count: int = 0
    kinds: dict[str, int] = field(default_factory=dict)
    roles: dict[str, int] = field(default_factory=dict)
    sectors: dict[str, int] = field(default_factory=dict)
    examples: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Seen:
    """An actor standing as the source or target of a verb, and its sentence."""

    role: str  # source | target
    actor: Actor
    sentence: str


def seen_in_events(events: Iterable[EventRecord]) -> Iterator[Seen]:
    """The sources and targets of event records."""
    for event in events:
        for role, actor in (("source", event.source), ("target", event.target)):
            if actor is not None:
                yield Seen(role, actor, event.sentence_text or "")


def seen_in_store(url: str) -> Iterator[Seen]:
    """The sources and targets of a store's events."""
    from eventcoder.store import open_store

    with open_store(url) as store:
        yield from seen_in_events(
            r for r in store.records(kind="event") if isinstance(r, EventRecord)
        )


def seen_in_documents(
    inputs: Iterable[str], coder: Any, date: dt.date | None = None
) -> Iterator[Seen]:
    """Code the inputs (files, folders, JSON Lines) through the actor stage and yield the
    actors at the subject and object of every verb of the verb dictionaries."""
    import click

    from eventcoder.coder import split_chunks
    from eventcoder.dictionaries.explain import stage_named
    from eventcoder.events.match import match_verb, verb_frame
    from eventcoder.events.roles import ActorIndex
    from eventcoder.ingest import Rejection, read_inputs
    from eventcoder.stages import Context, run_chunk

    patterns = stage_named(coder, "events").extractor.patterns
    for item in read_inputs(list(inputs), date=date):
        if isinstance(item, Rejection):
            click.echo(item.message, err=True)
            continue
        for _, piece in split_chunks(item.text, coder.config.chunk_chars):
            parsed = coder.nlp(piece)
            done, _ = run_chunk(coder.stages, Context(item, parsed, date=item.date))
            index = ActorIndex(parsed, list(done.mentions))
            for token in parsed:
                if token.pos_ != "VERB" or match_verb(patterns, token) is None:
                    continue
                frame = verb_frame(token)
                for role, heads in (("source", frame.subjects), ("target", frame.objects)):
                    for mention in index.for_heads(list(heads)):
                        yield Seen(role, mention.to_actor(), token.sent.text)


def _normal(text: str) -> str:
    text = " ".join(text.split())
    text = re.sub(r"['\u2019]s?$", "", text).strip()
    return _LEADING.sub("", text).strip(" ,.;:\"'()")


def count_unknown(
    seen: Iterable[Seen], is_agent_word: Callable[[str], bool] = lambda w: False
) -> list[Unknown]:
    """Uncoded sources and targets, most frequent first (ties by name). In a phrase whose
    agent word is known but whose country is not ("Coalition military forces"), the unknown
    name inside it is counted ("Coalition"); ``is_agent_word`` tells agent words apart."""
    found: dict[tuple[str, bool], Unknown] = {}
    for one in seen:
        opens = " ".join(one.sentence.split()).startswith(" ".join(one.actor.text.split()))
        item = _unknown_of(one.actor, is_agent_word, opens)
        if item is None:
            continue
        text, kind = item
        entry = found.setdefault((text.lower(), kind == "agent"), Unknown(text, kind))
        entry.count += 1
        entry.kinds[kind] = entry.kinds.get(kind, 0) + 1
        entry.kind = max(entry.kinds, key=lambda k: (entry.kinds[k], k != "name"))
        entry.roles[one.role] = entry.roles.get(one.role, 0) + 1
        if one.actor.sector:
            entry.sectors[one.actor.sector] = entry.sectors.get(one.actor.sector, 0) + 1
        sentence = " ".join(one.sentence.split())
        if sentence and sentence not in entry.examples and len(entry.examples) < _EXAMPLES:
            entry.examples.append(sentence)
    return sorted(found.values(), key=lambda u: (-u.count, u.text.lower()))


def _unknown_of(
    actor: Actor | None, is_agent_word: Callable[[str], bool], opens: bool = False
) -> tuple[str, str] | None:
    uncoded = not actor.code or actor.code.startswith("---") if actor else False
    if actor is None or not uncoded or actor.entity_type == "PRON":
        return None
    text = _normal(actor.text)
    if not text or text.lower() in _PRONOUNS or not any(c.isalpha() for c in text):
        return None
    if actor.sector:  # a sector word the dictionaries know, but no country
        name = _name_inside(text, is_agent_word, opens)
        return (name, "name") if name else (text, "agent")
    return text, _KIND.get(actor.entity_type or "", "org")


def _name_inside(
    text: str, is_agent_word: Callable[[str], bool], opens: bool = False
) -> str | None:
    """The first run of capitalised words that are not agent words or titles. A phrase that
    opens its sentence says nothing by its first capital ("Many Arab fighters"), unless an
    agent word follows it ("Zorvak Industries")."""
    run: list[str] = []
    words = text.split()
    if opens and len(words) > 1 and not words[0].isupper():
        nxt = words[1]
        if not nxt[:1].isupper() or not is_agent_word(nxt.strip(",.;:()")):
            words = words[1:]  # "All aircraft", "Many Arab fighters"; not "Zorvak Industries"
    for word in words:
        bare = word.strip(",.;:()'\u2019").removesuffix("'s").removesuffix("\u2019s")
        capital = bare[:1].isupper() and bare.lower() not in _TITLES
        if capital and (run or not is_agent_word(bare)):
            run.append(bare)  # an agent word may go on a name ("Task Group"), not start it
            if bare != word.strip(",.;:()"):
                break  # a possessive ends the name ("Coalition's Small Group")
        elif run:
            break
    return " ".join(run) or None


def _short(text: str, width: int = 150) -> str:
    return text if len(text) <= width else text[: width - 1] + "\u2026"


def report(found: list[Unknown], top: int) -> str:
    """Plain-text tables of the ``top`` most frequent names, then agent phrases."""
    names = [u for u in found if u.kind != "agent"]
    agents = [u for u in found if u.kind == "agent"]
    lines = ["Names the dictionaries do not know:"]
    lines += _table(names, top)
    lines += ["", "Agent phrases with a known sector but no country (context, not dictionary):"]
    lines += _table(agents, top)
    lines.append(
        f"{len(names)} uncoded names ({sum(u.count for u in names)} mentions), "
        f"{len(agents)} agent phrases ({sum(u.count for u in agents)} mentions) "
        "as source or target"
    )
    return "\n".join(lines)


def _table(items: list[Unknown], top: int) -> list[str]:
    lines = [f"{'rank':>4} {'count':>5}  {'kind':<6} {'name':<32} example"]
    for rank, u in enumerate(items[:top], 1):
        example = _short(u.examples[0], 90) if u.examples else ""
        lines.append(f"{rank:>4} {u.count:>5}  {u.kind:<6} {_short(u.text, 32):<32} {example}")
    return lines


def dictionary_text(found: list[Unknown], top: int) -> str:
    """A ready-to-edit actor dictionary: one commented entry per name; fill in the code and
    remove the ``#`` to use it with ``--actors``."""
    out = [
        "# Uncoded actors found by `eventcoder actors unknown` (most frequent first).",
        "# Fill in CODE (e.g. SYRGOV, IGOUN, an armed group's code), add spelling variants",
        "# after '|', and remove the leading '# ' of each entry you keep.",
        "# Format: person|org  NAMES  TERMS  note;  place  NAMES  COUNTRY  [SECTOR];",
        "#         agent  PHRASES  SECTOR  (see the README section 'Dictionaries').",
    ]
    for u in [u for u in found if u.kind != "agent"][:top]:
        roles = ", ".join(f"{n} as {r}" for r, n in sorted(u.roles.items()))
        out.append("")
        out.append(f"# {u.count} mentions ({roles})")
        for example in u.examples:
            out.append(f"#   e.g. {_short(example)}")
        if u.kind == "name":
            sector = max(u.sectors, key=u.sectors.__getitem__) if u.sectors else ""
            seen = f"\tseen with the sector word of {sector}" if sector else ""
            out.append(f"# org\t{u.text}\tCODE{seen}")
        elif u.kind == "place":
            out.append(f"# place\t{u.text}\tCODE")
        else:
            out.append(f"# {u.kind}\t{u.text}\tCODE")
    return "\n".join(out) + "\n"
