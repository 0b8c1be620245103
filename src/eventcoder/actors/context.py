"""Actor countries from context: what a careful coder reads around a mention.

An actor the dictionaries give a sector but no country ("police", "the army", "students")
takes its country, in order, from

1. an attached place: a state or capital in a modifier of the mention ("the army in Mali",
   "a student from Texas", "police of Caracas");
2. the document's dominant country: the country named clearly more often than any other
   by state, capital, nationality and institution mentions (persons do not vote);
3. else it is country-less: ``---`` plus its sector.

A person matched by surname alone to an entry of the large historical dictionary ("Hill",
"Paris") keeps that code only when the document names the person's country elsewhere;
otherwise the match is a namesake and the person takes the dominant country (or stays
uncoded). People in office (``people_current.tsv``) are known by their surnames.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from functools import lru_cache

from spacy.tokens import Doc

from eventcoder.actors.mention import ActorMention
from eventcoder.datafiles import read_rows
from eventcoder.paths import PACKAGE_DIR

__all__ = ["code_from_context", "dominant_country"]

PLACE_CASES = {"in", "of", "from", "at", "inside"}
_NOT_STATES = {"IGO", "NGO", "IMG", "MNC", "---"}


def _state(mention: ActorMention) -> str | None:
    country = mention.country
    if country and len(country) == 3 and country.isalpha() and country.isupper():
        return None if country in _NOT_STATES else country
    return None


def _is_person_rule(mention: ActorMention) -> bool:
    return (mention.rule or "").startswith("person:") or mention.entity_type == "PERSON"


def dominant_country(mentions: list[ActorMention]) -> str | None:
    """The country named at least twice and more than half again as often as any other."""
    counts = Counter(
        c
        for m in mentions
        if not _is_person_rule(m) and m.entity_type != "PRON" and (c := _state(m))
    )
    if not counts:
        return None
    ranked = counts.most_common(2)
    top, n = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0
    return top if n >= 2 and n >= 1.5 * second else None


def _attached_place(
    doc: Doc, mention: ActorMention, by_head: dict[int, ActorMention]
) -> str | None:
    """The country of a state or capital in a modifier of the mention ("the army in Mali")."""
    head = doc[mention.head]
    for child in head.children:
        if child.dep_ not in {"nmod", "acl", "amod", "compound"}:
            continue
        place = by_head.get(child.i)
        if place is None or _is_person_rule(place) or not _state(place):
            continue
        case = {c.lower_ for c in child.children if c.dep_ == "case"}
        if child.dep_ == "nmod" and not case & PLACE_CASES:
            continue
        return _state(place)
    return None


@lru_cache(maxsize=1)
def _people_in_office() -> frozenset[str]:
    """Labels of the hand-kept people in office: their surnames alone are safe."""
    rows = read_rows(PACKAGE_DIR / "data" / "actors" / "people_current.tsv", 2)
    return frozenset(cols[0].split("|")[0] for _, cols in rows)


def _surname_only(doc: Doc, mention: ActorMention) -> bool:
    rule = mention.rule or ""
    if not rule.startswith("person:") or rule.split(":", 1)[1] in _people_in_office():
        return False
    label = rule.split(":", 1)[1].lower().split()
    words = [t.lower_ for t in doc[mention.start : mention.end] if t.pos_ == "PROPN"]
    return bool(words) and (len(words) == 1 or words[0] not in label)


def _recode(mention: ActorMention, country: str | None, rule: str) -> ActorMention:
    sector = mention.sector
    code = (country or "---") + (sector or "") if country or sector else None
    return dataclasses.replace(
        mention,
        code=code,
        country=country,
        rule=f"{rule}:{mention.rule}",
    )


def code_from_context(doc: Doc, mentions: list[ActorMention]) -> list[ActorMention]:
    """Mentions with countries filled from context (see the module doc)."""
    dominant = dominant_country(mentions)
    named = {c for m in mentions if not _is_person_rule(m) and (c := _state(m))}
    by_head = {m.head: m for m in mentions}
    out = []
    for mention in mentions:
        if _surname_only(doc, mention) and _state(mention) and _state(mention) not in named:
            mention = dataclasses.replace(mention, sector=None)
            mention = (
                _recode(mention, dominant, "namesake")
                if dominant
                else dataclasses.replace(
                    mention, code=None, country=None, rule=f"namesake:{mention.rule}"
                )
            )
        elif (
            mention.code is None
            and mention.country is None
            and mention.sector
            and mention.entity_type != "PRON"
        ):
            place = _attached_place(doc, mention, by_head)
            if place:
                mention = _recode(mention, place, "place")
            else:
                mention = _recode(mention, dominant, "dominant" if dominant else "countryless")
        out.append(mention)
    return out
