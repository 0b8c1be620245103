"""Actor countries from context: what a careful coder reads around a mention.

An actor the dictionaries give a sector but no country ("police", "the army", "students")
takes its country, in order, from

1. an attached place: a state or capital in a modifier of the mention ("the army in Mali",
   "a student from Texas", "police of Caracas");
2. for sectors that belong where they act (police, protesters, courts, students, rebels...),
   the place of its clause: a state, capital or region where the act happens ("protesters
   gathered in Tbilisi"); a minister, an army or a spy service may be visitors there. A
   clause place also stops a definite description from following an earlier same-sector
   actor of another country ("In Myanmar, the junta ..." after "the German ambassador");
3. the document's dominant country: the country named clearly more often than any other
   by state, capital, nationality and institution mentions (persons do not vote);
4. else it is country-less: ``---`` plus its sector.

A person the dictionaries do not know (or a namesake, see :mod:`eventcoder.actors.people`)
gets a country only where the text ties them to one: an apposition that is a coded actor
("Ann Lee, an Australian nurse"), or a place attached to the name or to its apposition
("Ann Lee, a teacher from Lyon"). The document's dominant country alone is no tie.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from functools import lru_cache

from spacy.tokens import Doc, Token

from eventcoder.actors.coref import PERSON_NOUNS
from eventcoder.actors.mention import ActorMention
from eventcoder.actors.regions import country_named, region_country
from eventcoder.datafiles import read_words
from eventcoder.paths import PACKAGE_DIR

__all__ = ["clause_place", "code_from_context", "dominant_country", "local_institutions"]

PLACE_CASES = {"in", "of", "from", "at", "inside"}
# sectors that belong where they act ("police in ...", "protesters gathered in ..."); a
# minister, an army or a spy service may be a visitor's or a foreign power's
LOCAL_SECTORS = frozenset(
    {"COP", "CVL", "OPP", "EDU", "LAB", "JUD", "LEG", "MED", "HLH", "BUS", "REL", "CRM", "REB"}
)
_WHERE_CASES = {"in", "inside", "across", "throughout"}  # where an act happens, not whither
_ARGUMENTS = {"nsubj", "nsubj:pass", "obj", "iobj", "obl", "obl:agent", "nmod", "appos", "conj"}
_NOT_STATES = {"IGO", "NGO", "IMG", "MNC", "---"}


def _state(mention: ActorMention) -> str | None:
    country = mention.country
    if (mention.code or "")[:3] in _NOT_STATES:  # an organisation's code ("COA", "OIC")
        return None
    if country and len(country) == 3 and country.isalpha() and country.isupper():
        return None if country in _NOT_STATES else country
    return None


def _is_person_rule(mention: ActorMention) -> bool:
    return (mention.rule or "").startswith("person:") or mention.entity_type == "PERSON"


def _entity_place(doc: Doc, token: Token) -> str | None:
    """The gazetteer country of an uncoded place entity at ``token`` ("Bavaria"), or the
    state a proper name inside another entity names ("Defence Minister X Y of Slovakia"
    taken as one person: the "of" phrase still names Slovakia)."""
    if token.ent_type_ not in {"GPE", "LOC"}:
        return _state_named(doc, token) if token.ent_type_ else None
    start, end = token.i, token.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return region_country(doc[start:end].text)


def _name_words(head: Token) -> list[Token]:
    """A name's head and the words of the name joined to it ("Juan Perez of Paraguay":
    the parser may hang the "of" phrase on "Perez", not on the head "Juan")."""
    return [head, *(c for c in head.children if c.dep_ == "flat")]


def _state_named(doc: Doc, token: Token) -> str | None:
    """The state a proper name names by itself and the words joined to it as one name
    ("Slovakia", "Saudi Arabia", "the Czech Republic"), if the name is a state's."""
    if token.pos_ != "PROPN":
        return None
    parts = [token, *(c for c in token.children if c.dep_ in {"compound", "flat", "det"})]
    start, end = min(t.i for t in parts), max(t.i for t in parts) + 1
    if end - start != len(parts):
        return None  # not one run of words
    return country_named(doc[start:end].text)


def _place_state(mention: ActorMention | None) -> str | None:
    """The country of a place mention: a state, capital or city of the actor dictionaries,
    or a region or large city of the gazetteer the dictionaries do not code ("Texas")."""
    if mention is None or _is_person_rule(mention) or mention.entity_type == "PRON":
        return None
    if mention.code is None and mention.entity_type == "GPE":
        return region_country(mention.text)
    return _state(mention)


def dominant_country(mentions: list[ActorMention]) -> str | None:
    """The country named at least twice and more than half again as often as any other."""
    counts = Counter(c for m in mentions if (c := _place_state(m)))
    if not counts:
        return None
    ranked = counts.most_common(2)
    top, n = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0
    return top if n >= 2 and n >= 1.5 * second else None


def _shared_institutions() -> frozenset[str]:
    """Institution names several states bear (``data/actors/shared_institutions.txt``)."""
    return read_words(PACKAGE_DIR / "data" / "actors" / "shared_institutions.txt")


def _shared(mention: ActorMention) -> bool:
    rule = mention.rule or ""
    return rule.startswith("metonym:") and rule[len("metonym:") :].lower() in _SHARED


_SHARED = _shared_institutions()


def local_institutions(mentions: list[ActorMention]) -> list[ActorMention]:
    """A bare institution name several states bear ("Congress"), which the metonym list gives
    one state, is the institution of the document's dominant country when that is another
    ("marched on Congress" in a story about Peru): the dominant country as counted without
    those names. Run before definite descriptions copy the institution's country."""
    if not any(_shared(m) for m in mentions):
        return mentions
    dominant = dominant_country([m for m in mentions if not _shared(m)])
    if dominant is None:
        return mentions
    return [
        _recode(m, dominant, "local") if _shared(m) and m.country != dominant else m
        for m in mentions
    ]


def _attached_place(
    doc: Doc, mention: ActorMention, by_head: dict[int, ActorMention]
) -> str | None:
    """The country of a state or capital in a modifier of the mention ("the army in Mali")."""
    head = doc[mention.head]
    for child in (c for word in _name_words(head) for c in word.children):
        if child.dep_ not in {"nmod", "acl", "amod", "compound"}:
            continue
        state = _state_at(doc, child, by_head)
        if state is None:
            continue
        case = {c.lower_ for c in child.children if c.dep_ == "case"}
        if child.dep_ == "nmod" and not case & PLACE_CASES:
            continue
        return state
    return _office_state(doc, mention, by_head)


def _office_state(doc: Doc, mention: ActorMention, by_head: dict[int, ActorMention]) -> str | None:
    """The state an office's own "of" phrase names past the words of its title: "the
    Ministry of Foreign Affairs of (the Arab Republic of) Egypt" is Egypt's ministry."""
    last = doc[mention.end - 1]
    if last.i == mention.head:
        return None
    for child in last.children:
        if child.i < mention.end or child.dep_ != "nmod":
            continue
        if "of" not in {c.lower_ for c in child.children if c.dep_ == "case"}:
            continue
        state = _state_at(doc, child, by_head)
        return state or _place_below(doc, child, by_head)
    return None


def _clause_verb(token: Token, relations: set[str]) -> Token | None:
    """The verb of the clause ``token`` is an argument of, up through coordination and "of"
    phrases (at most four steps, each by one of ``relations``)."""
    for _ in range(4):
        if token.dep_ not in relations or token.head.i == token.i:
            return None
        token = token.head
        if token.pos_ in {"VERB", "AUX"}:
            return token
    return None


def _state_at(doc: Doc, token: Token, by_head: dict[int, ActorMention]) -> str | None:
    """The state a place word names: the actor mention headed there, else its entity."""
    found = by_head.get(token.i)
    return _place_state(found) if found is not None else _entity_place(doc, token)


def clause_place(doc: Doc, mention: ActorMention, by_head: dict[int, ActorMention]) -> str | None:
    """The country of the place where the mention's clause happens: an "in X" phrase of the
    verb the mention is an argument of ("In Myanmar, the junta released ...")."""
    token = _clause_verb(doc[mention.head], _ARGUMENTS)
    if token is None:
        return None
    for child in token.children:
        if child.dep_ != "obl" or not {c.lower_ for c in child.children} & _WHERE_CASES:
            continue
        state = _state_at(doc, child, by_head)
        if state:
            return state
    return None


@lru_cache(maxsize=1)
def _visit_nouns() -> frozenset[str]:
    return read_words(PACKAGE_DIR / "data" / "actors" / "visit_nouns.txt")


def visited_state(doc: Doc, mention: ActorMention, by_head: dict[int, ActorMention]) -> str | None:
    """The state a visit of the mention's clause goes to, for whom the visitor meets there:
    "In his first visit to X, the minister met senior officials" (an object or "with" phrase
    of the verb, never its subject, who is the visitor)."""
    token = _clause_verb(doc[mention.head], _ARGUMENTS - {"nsubj", "nsubj:pass"})
    if token is None:
        return None
    visits = _visit_nouns()
    for child in token.children:
        if child.dep_ != "obl" or child.lemma_.lower() not in visits:
            continue
        for place in child.children:
            if place.dep_ != "nmod" or "to" not in {c.lower_ for c in place.children}:
                continue
            state = _state_at(doc, place, by_head)
            if state:
                return state
    return None


def _place_below(doc: Doc, token: Token, by_head: dict[int, ActorMention]) -> str | None:
    """The state of a place in an "in/of/from" modifier of ``token`` (or of that place)."""
    for child in token.children:
        if child.dep_ != "nmod" or not {c.lower_ for c in child.children} & PLACE_CASES:
            continue
        for place in (child, *(c for c in child.children if c.dep_ in {"nmod", "appos"})):
            state = _state_at(doc, place, by_head)
            if state:
                return state
    return None


def _comma_description(
    doc: Doc, mention: ActorMention, by_head: dict[int, ActorMention]
) -> str | None:
    """A place in a description set off by a comma right after the name, however the parse
    attached it ("Ann Lee, a 40-year-old nurse from Lyon, ...")."""
    if mention.end >= len(doc) or doc[mention.end].text != ",":
        return None
    for token in doc[mention.end + 1 : min(mention.end + 8, len(doc))]:
        if token.text in {",", ";", ":"} or token.pos_ in {"VERB", "AUX"}:
            return None
        state = _place_below(doc, token, by_head) if token.pos_ == "NOUN" else None
        if state:
            return state
    return None


def _tied(doc: Doc, mention: ActorMention, by_head: dict[int, ActorMention]) -> ActorMention | None:
    """What ties a person to a country: a coded apposition, or an attached place."""
    head = doc[mention.head]
    partners = [c for c in head.children if c.dep_ == "appos"]
    if head.dep_ == "appos":
        partners.append(head.head)
    for partner in partners:
        found = by_head.get(partner.i)
        if (
            found is not None
            and found.code
            and found.entity_type != "PRON"
            and not _is_person_rule(found)
        ):
            return found
        state = _place_below(doc, partner, by_head)
        if state:
            return dataclasses.replace(
                mention, code=state, country=state, sector=None, rule="place"
            )
    state = next(
        (s for word in _name_words(head) if (s := _place_below(doc, word, by_head))), None
    ) or _comma_description(doc, mention, by_head)
    if state:
        return dataclasses.replace(mention, code=state, country=state, sector=None, rule="place")
    return None


def _recode(mention: ActorMention, country: str | None, rule: str) -> ActorMention:
    sector = mention.sector
    code = (country or "---") + (sector or "") if country or sector else None
    return dataclasses.replace(
        mention,
        code=code,
        country=country,
        rule=f"{rule}:{mention.rule}",
    )


def _title_word(doc: Doc, mention: ActorMention) -> bool:
    """A coded actor phrase that names a person's office ("FCO Minister", "the spokesman")."""
    return (
        bool(mention.code)
        and mention.entity_type != "PRON"
        and not _is_person_rule(mention)
        and doc[mention.head].lemma_.lower() in PERSON_NOUNS
    )


def _no_clause(doc: Doc, start: int, end: int) -> bool:
    """Whether tokens [start, end) hold no verb, auxiliary or clause break."""
    return all(
        t.pos_ not in {"VERB", "AUX"} and t.text not in {";", ":", "(", ")"} for t in doc[start:end]
    )


def _office_of(doc: Doc, name: ActorMention, coded: list[ActorMention]) -> ActorMention | None:
    """The office that describes an uncoded person's name, however the parse attached it:
    a description set off by commas after it ("Ann Lee, Foreign Office Minister for Asia,
    said") or before it ("The Minister for Asia, Ann Lee, visited")."""
    before = [m for m in coded if m.end <= name.start]
    after = [m for m in coded if m.start >= name.end]
    n = len(doc)
    if (
        after
        and name.end < n
        and doc[name.end].text == ","
        and after[0].start == name.end + 1
        and _title_word(doc, after[0])
    ):
        close = next((t.i for t in doc[after[0].end : after[0].end + 8] if t.text == ","), None)
        if close is not None and _no_clause(doc, after[0].end, close):
            return after[0]
    if (
        before
        and name.start > 0
        and doc[name.start - 1].text == ","
        and (name.end >= n or doc[name.end].text == ",")
        and _title_word(doc, before[-1])
        and name.start - 1 - before[-1].end <= 6
        and _no_clause(doc, before[-1].end, name.start - 1)
        and doc[before[-1].end : name.start - 1].text.count(",") == 0
    ):
        return before[-1]
    return None


def _named_officials(doc: Doc, mentions: list[ActorMention]) -> list[ActorMention]:
    """Uncoded person names take the code of the office that describes them (``_office_of``)."""
    out = list(mentions)
    for k, m in enumerate(out):
        if m.code or m.sector or m.entity_type not in {"PERSON", "GPE", "ORG"}:
            continue
        if doc[m.head].pos_ != "PROPN" or (m.entity_type != "PERSON" and m.end - m.start < 2):
            continue
        office = _office_of(doc, m, [x for x in out if x.code])
        if office is not None:
            out[k] = dataclasses.replace(
                m,
                code=office.code,
                country=office.country,
                sector=office.sector,
                entity_type="PERSON",
                antecedent=(office.start, office.end),
                rule=f"office:{office.rule}",
            )
    return out


def code_from_context(doc: Doc, mentions: list[ActorMention]) -> list[ActorMention]:
    """Mentions with countries filled from context (see the module doc)."""
    dominant = dominant_country(mentions)
    by_head = {m.head: m for m in mentions}
    out = []
    for mention in mentions:
        if mention.code is None and mention.entity_type == "PERSON" and not mention.sector:
            tie = _tied(doc, mention, by_head)
            if tie is not None:
                mention = dataclasses.replace(
                    mention,
                    code=tie.code,
                    country=tie.country,
                    sector=tie.sector,
                    rule=f"tie:{tie.rule}",
                )
        elif (
            mention.code is None
            and mention.country is None
            and mention.sector
            and mention.entity_type != "PRON"
        ):
            place = _attached_place(doc, mention, by_head) or visited_state(doc, mention, by_head)
            where = None
            if not place and mention.sector in LOCAL_SECTORS:
                where = clause_place(doc, mention, by_head)
            if place:
                mention = _recode(mention, place, "place")
            elif where:
                mention = _recode(mention, where, "clause-place")
            else:
                mention = _recode(mention, dominant, "dominant" if dominant else "countryless")
        out.append(mention)
    return _named_officials(doc, out)
