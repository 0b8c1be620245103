"""People named by one word: when a bare first name or surname is the dictionary's person.

A careful coder reads "Mohamed" or "George" as the foreign leader of that name only when the
document names that leader in full or the name can mean no one else. The rules:

* a dictionary person matched on two or more words ("Haider al-Abadi") is that person;
* a one-word match ("Abadi", "Mohamed") is that person when the document also names the same
  dictionary person in full, or names the person's country, or when the person is in our
  hand-kept list of people in office and every person of the dictionaries bearing that word
  belongs to one country (:class:`SurnameIndex`; "Putin", "Lavrov");
* it is never that person when the word ends a longer name the document gives someone else
  ("Ahmed Mohamed ... Mohamed"), when the parser reads the word as a place ("Irving, Texas"),
  or when it is not a proper noun.

Short names then follow the person named in full earlier in the document
(:func:`follow_full_names`): "Valeska Paris ... Paris said" is the woman, not France's capital.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from eventcoder.actors.lexicon import FUNCTION_WORDS, Entry, Lexicon, split_code
from eventcoder.actors.mention import ActorMention
from eventcoder.actors.recognize import Match

__all__ = ["DocPeople", "SurnameIndex", "follow_full_names"]

_PLACE_ENTS = {"GPE", "LOC", "FAC"}
_ORG_ENTS = {"ORG", "NORP"}
_NAME_DEPS = {"flat", "compound"}
_HONORIFICS = {"mr", "mrs", "ms", "dr", "mr.", "mrs.", "ms.", "dr.", "sir", "dame", "lord", "lady"}
_PERSON_RULES = ("person:", "person+agent:", "namesake:")


def _entry_countries(entry: Entry) -> set[str]:
    """Every country a person's terms name (a person keeps their country out of office)."""
    out = set()
    for term in entry.terms:
        country, _ = split_code(term.code)
        if country:
            out.add(country)
    return out


def _home_country(entry: Entry) -> str:
    """A person's own country: the first state among their terms ("?" if none)."""
    for term in entry.terms:
        country, _ = split_code(term.code)
        if country and not term.code.startswith("IGO"):
            return country
    return "?"


@dataclass
class SurnameIndex:
    """For each name word of the person dictionaries, the home countries of the people
    bearing it (an IGO official counts for the state they come from)."""

    countries: dict[str, set[str]] = field(default_factory=dict)

    @classmethod
    def of(cls, lexicon: Lexicon) -> SurnameIndex:
        """Built once per lexicon from its person entries."""
        index = cls()
        for items in lexicon.names.by_first.values():
            for lower, _, entry in items:
                if entry.kind != "person":
                    continue
                found = {_home_country(entry)}
                for word in lower:
                    if len(word) > 2 and word not in FUNCTION_WORDS and "." not in word:
                        index.countries.setdefault(word, set()).update(found)
        return index

    def unambiguous(self, word: str) -> bool:
        """Whether every dictionary person bearing ``word`` belongs to one country."""
        return len(self.countries.get(word.lower(), ())) == 1


@dataclass(frozen=True)
class DocPeople:
    """What the document says about people: the dictionary persons it names in full and the
    last words of the longer names it gives anyone."""

    full: frozenset[str]  # labels of dictionary persons matched on two or more words
    named: frozenset[str]  # countries the document names by a state or capital
    name_ends: dict[str, str]  # last word of a multi-word person name -> its label
    surnames: SurnameIndex
    titles: frozenset[int] = frozenset()  # token indices of agent words (titles)

    @classmethod
    def of(cls, doc: Doc, matches: list[Match], surnames: SurnameIndex) -> DocPeople:
        """Read from the matches of a document (names and entities)."""
        full = set()
        named = set()
        ends: dict[str, str] = {}
        for m in matches:
            if m.kind == "name" and m.entry is not None and m.entry.kind in {"state", "capital"}:
                named.add(m.entry.country or "")
            words = [t for t in doc[m.start : m.end] if t.pos_ == "PROPN" and not t.is_space]
            if m.kind == "name" and m.entry is not None and m.entry.kind == "person":
                if len(words) > 1:
                    full.add(m.entry.label)
                    ends.setdefault(words[-1].lower_, m.entry.label)
            elif m.kind == "ent" and m.label == "PERSON" and len(words) > 1:
                ends.setdefault(words[-1].lower_, f"ent:{doc[m.start : m.end].text}")
        titles = frozenset(
            t for m in matches if m.kind in {"agent", "title"} for t in range(m.start, m.end)
        )
        return cls(frozenset(full), frozenset(named), ends, surnames, titles)

    def names_person(self, doc: Doc, match: Match) -> bool:
        """Whether a dictionary person match names that person here (see the module doc)."""
        entry = match.entry
        if entry is None or entry.kind != "person":
            return True
        tokens = doc[match.start : match.end]
        if len(tokens) > 1:
            return True
        token = tokens[0]
        if self._in_longer_name(token):  # "Jeff Davis" is not the Davis of the dictionary
            return False
        if token.ent_type_ in _ORG_ENTS:  # the person file also holds bodies ("NASA")
            return True
        if token.pos_ != "PROPN" or token.ent_type_ in _PLACE_ENTS:
            return False
        if entry.label in self.full:
            return True
        if self.name_ends.get(token.lower_, entry.label) != entry.label:
            return False
        if _entry_countries(entry) & self.named:
            return True
        return entry.origin.startswith("people_current") and self.surnames.unambiguous(token.text)

    def _in_longer_name(self, token: Token) -> bool:
        """Whether a name word is flat- or compound-joined to another name word (not a title)."""
        near = [c for c in token.children if c.dep_ in _NAME_DEPS]
        if token.dep_ in _NAME_DEPS:
            near.append(token.head)
        return any(
            t.pos_ == "PROPN"
            and not t.is_space
            and t.i not in self.titles
            and t.lower_ not in _HONORIFICS
            for t in near
        )


def _proper_words(doc: Doc, mention: ActorMention, titles: frozenset[int]) -> list[str]:
    """The name words of a mention: proper nouns, not titles ("Minister") or honorifics."""
    return [
        t.lower_
        for t in doc[mention.start : mention.end]
        if t.pos_ == "PROPN"
        and not t.is_space
        and t.lower_ not in _HONORIFICS
        and t.i not in titles
    ]


def _is_full_person(doc: Doc, mention: ActorMention, titles: frozenset[int]) -> bool:
    rule = mention.rule or ""
    person = mention.entity_type == "PERSON" or rule.startswith(_PERSON_RULES)
    return (
        person
        and doc[mention.head].pos_ == "PROPN"
        and len(_proper_words(doc, mention, titles)) > 1
    )


def _short_name(doc: Doc, mention: ActorMention, titles: frozenset[int]) -> str | None:
    """The one name word of a mention ("Paris", "Mr Ellwood", "Prime Minister Abadi")."""
    head = doc[mention.head]
    if mention.entity_type == "PRON" or head.pos_ != "PROPN" or head.ent_type_ in {"ORG", "NORP"}:
        return None
    if _proper_words(doc, mention, titles) == [head.lower_]:
        return head.lower_
    return None


def _titled(mention: ActorMention) -> bool:
    """Coded from a title of its own ("Prime Minister ..."), not from a place or a name."""
    return bool(mention.sector) and "agent:" in (mention.rule or "")


def follow_full_names(
    doc: Doc, mentions: list[ActorMention], titles: frozenset[int] = frozenset()
) -> list[ActorMention]:
    """A one-word name that ends a person's full name given earlier is that person
    ("Valeska Paris ... Paris said"; "Prime Minister Abadi" after "Haider al-Abadi"). It takes
    the full mention's code where that has one; else a title of its own gives the sector.
    ``titles`` are the token indices of agent words (titles are not name words)."""
    out = list(mentions)
    latest: dict[str, ActorMention] = {}
    for k, m in enumerate(out):
        full_person = _is_full_person(doc, m, titles)
        word = None if full_person else _short_name(doc, m, titles)
        full = latest.get(word) if word else None
        if full is not None:
            code, country, sector = full.code, full.country, full.sector
            if not code:
                code, country, sector = (m.code, m.country, m.sector) if _titled(m) else (None,) * 3
            rule = m.rule if (m.rule or "").startswith("alias:") else f"alias:{full.rule}"
            out[k] = dataclasses.replace(
                m,
                code=code,
                country=country,
                sector=sector,
                entity_type="PERSON",
                antecedent=(full.start, full.end),
                rule=rule,
            )
        elif full_person:
            latest[_proper_words(doc, m, titles)[-1]] = m
    return out
