"""Compose matches into actor mentions: one mention per noun phrase, coded country + sector.

A match climbs the dependency tree through noun-phrase-internal relations (compound, flat,
amod, det, possessive nmod, "of" after an agent word) to its phrase head; matches sharing a
head form one mention. The mention is coded by general rules:

* a known person heading the phrase gives the person's code on the date
  ("Defence Minister Boris Pistorius" -> DEUMIL; a minister moved to another post is coded
  by the office held on the event's date);
* an organisation gives its code (IGOEU, RUSSPY...);
* otherwise the country comes from a state word, capital, organisation or person inside
  the phrase ("Polish", "Warsaw", "the Orban government") and the sector from the agent
  word ("troops" -> MIL, "intelligence" -> SPY), or from a seat-of-government metonym
  heading the phrase ("Downing Street" -> GOV).
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from eventcoder.actors.lexicon import split_code
from eventcoder.actors.people import DocPeople
from eventcoder.actors.recognize import Match

__all__ = ["Group", "code_group", "group_matches"]

_INNER = {"compound", "flat", "amod", "det", "nummod", "fixed"}
_NOMINAL = {"NOUN", "PROPN"}
_EDGE_JUNK = {"ADV", "SCONJ", "CCONJ", "PUNCT", "ADP", "VERB", "AUX", "PART", "INTJ"}
_PEOPLE_SECTORS = {"CVL", "OPP", "REB", "EDU", "LAB", "REF", "REL", "BUS", "MED", "HRI"}
_NON_ACTOR = {"NON", "---"}  # agent entries that only block a shorter match ("Wednesday")
_POSS_CASE = {"'s", "'", "\u2019s", "\u2019"}


@dataclass
class Group:
    """Matches that share one noun-phrase head."""

    head: int
    matches: list[Match] = field(default_factory=list)
    start: int = 0
    end: int = 0
    borrowed: list[Match] = field(default_factory=list)  # agent words shared with a conjunct


def _is_possessor(token: Token) -> bool:
    """A possessive modifier ("Macron's", "his")."""
    if token.pos_ == "PRON" and "Yes" in token.morph.get("Poss", []):
        return True
    return any(c.dep_ == "case" and c.text.lower() in _POSS_CASE for c in token.children)


def _climbs(token: Token, agent_heads: dict[int, str | None], matched: set[int]) -> bool:
    """Whether ``token`` sits inside the phrase of its (matched) syntactic head."""
    parent = token.head
    if parent.i == token.i or parent.pos_ not in _NOMINAL or parent.i not in matched:
        return False
    if abs(parent.i - token.i) > 8:
        return False
    if token.dep_ in _INNER:
        return True
    if token.dep_ == "conj" and token.i > parent.i and parent.dep_ in _INNER:
        return _climbs(parent, agent_heads, matched)  # "Hungarian and Romanian officials"
    if token.dep_ == "nmod":
        if _is_possessor(token) or (token.i < parent.i and token.right_edge.i + 1 == parent.i):
            return True
        cases = {c.lower_ for c in token.children if c.dep_ == "case"}
        located = (
            cases & {"in", "throughout", "across"} and agent_heads.get(parent.i) in _PEOPLE_SECTORS
        )
        origin = bool(cases & {"of", "from"})
        return (origin or bool(located)) and parent.i in agent_heads and parent.i < token.i
    return False


def _modifier_like(doc: Doc, match: Match) -> bool:
    """A nationality adjective or a name used as a modifier, directly before an agent word."""
    return (
        match.kind == "name"
        and doc[match.end - 1].pos_ in {"ADJ", "PROPN"}
        and match.entry is not None
        and match.entry.kind in {"state", "capital", "person", "org"}
    )


def _match_head(doc: Doc, match: Match) -> int:
    """The token of the match whose syntactic head lies outside it."""
    for i in range(match.start, match.end):
        head = doc[i].head.i
        if head == i or head < match.start or head >= match.end:
            return i
    return match.end - 1


def _climb(doc: Doc, token: Token, agent_heads: dict[int, str | None], matched: set[int]) -> int:
    """The phrase head a match's head token climbs to (at most six steps)."""
    for _ in range(6):
        if not _climbs(token, agent_heads, matched):
            break
        token = token.head
    return token.i


def group_matches(doc: Doc, matches: list[Match]) -> list[Group]:
    """Group matches by the noun-phrase head they climb to; spans cover the phrase."""
    agent_heads = {
        _match_head(doc, m): m.entry.sector if m.entry else None
        for m in matches
        if m.kind == "agent"
    }
    matched = {i for m in matches for i in range(m.start, m.end)}
    climbed = {id(m): _climb(doc, doc[_match_head(doc, m)], agent_heads, matched) for m in matches}
    agent_at = {m.start: climbed[id(m)] for m in matches if m.kind == "agent"}
    groups: dict[int, Group] = {}
    for match in matches:
        head = climbed[id(match)]
        if head == _match_head(doc, match) and _modifier_like(doc, match) and match.end in agent_at:
            head = agent_at[match.end]  # "Syrian officers" however the parse attached it
        groups.setdefault(head, Group(head)).matches.append(match)
    out = []
    for group in groups.values():
        group.start, group.end = _span(doc, group)
        out.extend(_split_conjuncts(doc, group))
    return _drop_overlaps(sorted(out, key=lambda g: (g.start, -g.end)))


def _split_conjuncts(doc: Doc, group: Group) -> list[Group]:
    """Coordinated modifiers of one head are separate actors: each earlier conjunct becomes
    its own mention sharing the head's agent words ("Hungarian and Romanian officials")."""
    places = [
        m
        for m in group.matches
        if m.kind == "name"
        and m.end <= group.head
        and m.entry is not None
        and m.entry.kind in {"state", "capital", "person"}
    ]
    countries = {e.country for e in (m.entry for m in places) if e and e.kind != "person"}
    if len(places) < 2 or len(countries) < 2:
        return [group]
    agents = [m for m in group.matches if m.kind == "agent"]
    out = []
    for match in places[:-1]:
        out.append(Group(_match_head(doc, match), [match], match.start, match.end, agents))
        group.matches.remove(match)
    group.start = places[-2].end
    while group.start < group.head and doc[group.start].pos_ in _EDGE_JUNK:
        group.start += 1
    return [*out, group]


def _span(doc: Doc, group: Group) -> tuple[int, int]:
    """The phrase span: head, matches, and phrase-internal left/right modifiers."""
    head = doc[group.head]
    start = min([group.head, *(m.start for m in group.matches)])
    end = max([group.head + 1, *(m.end for m in group.matches)])
    for token in head.subtree:
        if token.i < start and _inside(token, head):
            start = token.i
    for child in head.rights:
        if child.dep_ in {"flat", "compound", "fixed"} and child.pos_ == "PROPN":
            end = max(end, child.right_edge.i + 1)
    sent = head.sent
    start, end = max(start, sent.start), min(end, sent.end)
    while start < group.head and doc[start].pos_ in _EDGE_JUNK:
        start += 1
    while end - 1 > group.head and doc[end - 1].pos_ in _EDGE_JUNK:
        end -= 1
    return start, end


def _inside(token: Token, head: Token) -> bool:
    """Whether every relation from ``token`` up to ``head`` is phrase-internal."""
    while token.i != head.i:
        ok = token.dep_ in _INNER or token.dep_ == "case" and token.text.lower() in _POSS_CASE
        if not ok and not (token.dep_ == "nmod" and _is_possessor(token)):
            return False
        if token.head.i == token.i:
            return False
        token = token.head
    return True


def _drop_overlaps(groups: list[Group]) -> list[Group]:
    """Keep non-overlapping groups, longer first on conflict. The kept groups are held in
    start order, so each check is a binary search (n log n for a long document)."""
    kept: list[Group] = []
    starts: list[int] = []
    ends: list[int] = []
    for group in sorted(groups, key=lambda g: -(g.end - g.start)):
        at = bisect.bisect_left(starts, group.end)  # kept groups that start before its end
        if at == 0 or ends[at - 1] <= group.start:
            kept.append(group)
            at = bisect.bisect_left(starts, group.start)
            starts.insert(at, group.start)
            ends.insert(at, group.end)
    return sorted(kept, key=lambda g: g.start)


@dataclass(frozen=True)
class Coding:
    """The outcome of coding one group."""

    code: str | None
    country: str | None
    sector: str | None
    rule: str
    entity_type: str | None


def _covers_head(doc: Doc, match: Match, head: int) -> bool:
    return match.start <= head < match.end


_NO_STATE = {"IGO", "IMG", "NGO", "MNC", "INT"}


def code_group(
    doc: Doc, group: Group, date: dt.date | None, people: DocPeople | None = None
) -> Coding:
    """Code one phrase by the rules in the module docstring; ``people`` (what the document
    says about people) decides whether a one-word person match names that person."""
    names = [m for m in group.matches if m.kind == "name"]
    agents = [m for m in group.matches if m.kind == "agent"] or group.borrowed
    ents = [m for m in group.matches if m.kind == "ent"]
    etype = ents[0].label if ents else _entity_type(names)
    agent = _head_agent(agents, group.head)
    sector = agent.entry.sector if agent and agent.entry else None
    sector = None if sector in _NON_ACTOR else sector
    namesake = None
    for match, entry in sorted(
        ((m, m.entry) for m in names if m.entry is not None),
        key=lambda pair: (
            not _covers_head(doc, pair[0], group.head),
            pair[1].kind not in {"person", "org", "intl"},
        ),
    ):
        heads_it = _covers_head(doc, match, group.head)
        if entry.kind == "org":
            own = sector if sector and not heads_it else entry.sector
            national = _other_state(names, entry.country)
            if national:  # "the Iraqi Islamic Party": not the namesake abroad
                return _finish(national, own, f"national:org:{entry.label}", etype)
            return Coding(entry.code, entry.country, own, f"org:{entry.label}", etype)
        if entry.kind == "intl":
            code = entry.code_on(date)
            country, own = split_code(code)
            own = sector if sector and not heads_it else own
            national = _other_state(names, country)
            if national:
                return _finish(national, own, f"national:intl:{entry.label}", etype or "ORG")
            return Coding(
                code if country else None, country, own, f"intl:{entry.label}", etype or "ORG"
            )
        if entry.kind == "person" and people is not None and not people.names_person(doc, match):
            namesake = namesake or entry  # "George", "Mohamed": someone else of that name
            place = doc[match.start].ent_type_
            etype = "GPE" if place in {"GPE", "LOC"} and not ents else etype
            continue
        if entry.kind == "person":
            raw = entry.code_on(date)
            country, own = split_code(raw)
            country = country or _state_country(names) or _any_country(entry)
            sector = sector or _title_sector(group)
            if sector is None or (heads_it and own not in {None, "ELI"}):
                coding = _finish(country, own, f"person:{entry.label}", etype)
                if raw and coding.code and raw.startswith(coding.code):
                    coding = Coding(raw, coding.country, coding.sector, coding.rule, etype)
                return coding
            return _finish(country, sector, f"person+agent:{entry.label}", etype)
        if entry.kind == "capital" and heads_it and sector is None:
            return _finish(entry.country, entry.sector, f"metonym:{entry.label}", etype)
        if match.label == "people" and heads_it and sector is None:
            sector = "CVL"  # "Hungarians": the people of the state
        return _finish(entry.country, sector, f"{entry.kind}:{entry.label}", etype)
    inner = next((m.entry for m in group.matches if m.kind == "inner" and m.entry), None)
    if inner is not None:  # an unknown name with a place inside: keep type, infer the country
        return _finish(inner.country, sector, f"entity+country:{inner.label}", etype)
    rule = f"agent:{agent.entry.label}" if agent and agent.entry else "entity"
    if namesake is not None:
        return Coding(None, None, sector, f"namesake:{rule}:{namesake.label}", etype or "PERSON")
    return Coding(None, None, sector, rule, etype)


def _other_state(names: list[Match], country: str | None) -> str | None:
    """A state word of the phrase naming another state than the organisation's own
    dictionary country ("Iraqi" in "the Iraqi Islamic Party" matched as an Afghan party):
    the text's nationality wins over a namesake abroad. Organisations of no state (IGOs,
    militant and international groups) keep their code."""
    if not country or len(country) != 3 or not country.isupper() or country in _NO_STATE:
        return None
    state = _state_country(names)
    return state if state and state != country else None


def _state_country(names: list[Match]) -> str | None:
    """The country of a state word in the phrase ("British ... Jack Straw")."""
    return next((m.entry.country for m in names if m.entry and m.entry.kind == "state"), None)


def _any_country(entry) -> str | None:
    """A person's country from any of their terms (they keep it out of office)."""
    for term in entry.terms:
        country, _ = split_code(term.code)
        if country:
            return country
    return None


def _title_sector(group: Group) -> str | None:
    """The sector of a title inside a person's name match ("President Bush")."""
    titles = [m.entry for m in group.matches if m.kind == "title" and m.entry]
    return titles[0].sector if titles else None


def _head_agent(agents: list[Match], head: int) -> Match | None:
    """The agent word covering the head, else the one nearest to it."""
    if not agents:
        return None
    return min(agents, key=lambda m: 0 if m.start <= head < m.end else abs(m.end - 1 - head) + 1)


def _entity_type(names: list[Match]) -> str | None:
    kinds = {m.entry.kind for m in names if m.entry}
    if "person" in kinds:
        return "PERSON"
    if kinds & {"org", "intl"}:
        return "ORG"
    if kinds & {"state", "capital", "place"}:
        return "GPE"
    return None


def _finish(country: str | None, sector: str | None, rule: str, etype: str | None) -> Coding:
    """Build the code: country + sector for states, IGO + organisation for IGOs."""
    if country is None:
        return Coding(None, None, sector, rule, etype)
    if len(country) == 3 and country.isalpha() and country.isupper() and sector != "IGO":
        return Coding(country + (sector or ""), country, sector, rule, etype)
    return Coding("IGO" + country, country, sector or "IGO", rule, etype)
