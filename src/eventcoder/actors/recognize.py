"""Find dictionary names, agent words and named entities in a parsed ``Doc``.

Matching runs over words rather than tokens: hyphenated tokens are split and dash tokens
skipped, so "Kosiniak-Kamysz" matches however the tokenizer cut it. Names are matched
first (longest phrase wins); agent words are then matched on the tokens names left free
and must end on a noun.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from eventcoder.actors.lexicon import Entry, Lexicon, PhraseIndex, text_words

__all__ = ["Match", "find_matches"]

_DASHES = {"-", "\u2013", "\u2014", "--"}
_NOUNS = {"NOUN", "PROPN"}
_NAME_POS = {"PROPN", "NOUN", "ADJ", "NUM", "DET", "ADP", "X"}
_ENT_LABELS = {"PERSON", "ORG", "GPE", "NORP"}
_NOT_NAME_ENTS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}


@dataclass(frozen=True)
class Match:
    """A matched token span [start, end) and what matched: a lexicon entry or an entity."""

    start: int
    end: int
    kind: (
        str  # name, agent, title (agent word inside a person's name), ent, inner (place in a name)
    )
    entry: Entry | None = None
    label: str | None = None  # entity label for kind "ent"; "people" for "Hungarians"


def _word_stream(doc: Doc) -> tuple[list[str], list[int]]:
    """Words of the doc and the token index each comes from."""
    words: list[str] = []
    owners: list[int] = []
    for token in doc:
        if token.text in _DASHES or token.is_space:
            continue
        for word in text_words(token.text) or (token.text,):
            if words and words[-1][:1].isupper() and _glued_after_dash(doc, token):
                word = word[:1].upper() + word[1:]  # "Jong - un" as the tokenizer cut it
            words.append(word)
            owners.append(token.i)
    return words, owners


def _glued_after_dash(doc: Doc, token) -> bool:
    """Whether ``token`` follows a hyphen written without spaces ("Jong-un")."""
    if token.i < 2:
        return False
    dash, before = doc[token.i - 1], doc[token.i - 2]
    return dash.text == "-" and not dash.whitespace_ and not before.whitespace_


def _scan(
    index: PhraseIndex, words: list[str], owners: list[int], taken: set[int], kind: str
) -> list[Match]:
    """Greedy longest matches of ``index`` over the word stream, skipping taken tokens."""
    lowered = [w.lower() for w in words]
    found: list[Match] = []
    i = 0
    while i < len(words):
        if owners[i] in taken:
            i += 1
            continue
        hit = index.match(words, lowered, i)
        if hit is None:
            i += 1
            continue
        length, entry = hit
        if lowered[i] == "the" and i + 1 < len(words):
            later = index.match(words, lowered, i + 1)  # "the Islamic State of Iraq ..."
            if later is not None and later[0] >= length:
                i += 1
                continue
        start, end = owners[i], owners[i + length - 1] + 1
        if any(t in taken for t in range(start, end)):
            i += 1
            continue
        found.append(Match(start, end, kind, entry))
        i += length
    return found


def _is_state_name(entry: Entry, word: str) -> bool:
    """Whether ``word`` is the name of the state itself ("Philippines", "Netherlands"), which
    ends in -s like a people's name but is no people."""
    return entry.origin.startswith("states.tsv") and word.lower() == entry.label.lower()


def _mark_people(match: Match, doc: Doc, lexicon: Lexicon) -> Match:
    """Flag plural nationality nouns ("Hungarians": "Hungarian" + s) as people."""
    entry = match.entry
    word = doc[match.end - 1].text
    if (
        entry is None
        or entry.kind != "state"
        or not word.endswith("s")
        or match.end - match.start > 1
        or _is_state_name(entry, word)
    ):
        return match
    stem = [word[:-1]]
    hit = lexicon.names.match(stem, [stem[0].lower()], 0)
    if hit is not None and hit[1].kind == "state" and hit[1].country == entry.country:
        return Match(match.start, match.end, match.kind, entry, label="people")
    return match


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop leading/trailing tokens that cannot be part of a name (NER edge errors)."""
    while start < end and doc[start].pos_ not in _NAME_POS:
        start += 1
    while end > start and doc[end - 1].pos_ not in _NAME_POS:
        end -= 1
    return start, end


def find_matches(doc: Doc, lexicon: Lexicon) -> list[Match]:
    """Name, agent and entity matches, sorted by start (names and agents never overlap)."""
    words, owners = _word_stream(doc)
    names = [
        _mark_people(m, doc, lexicon)
        for m in _scan(lexicon.names, words, owners, set(), "name")
        if lexicon.peer or _plausible_name(doc, m)
    ]
    taken = {t for m in names for t in range(m.start, m.end)}
    agents = [
        m
        for m in _scan(lexicon.agents, words, owners, taken, "agent")
        if doc[m.end - 1].pos_ in _NOUNS
    ]
    taken |= {t for m in agents for t in range(m.start, m.end)}
    people = {
        t for m in names if m.entry and m.entry.kind == "person" for t in range(m.start, m.end)
    }
    titles = [
        Match(m.start, m.end, "title", m.entry)
        for m in _scan(lexicon.agents, words, owners, set(range(len(doc))) - people, "title")
    ]
    ents = []
    for ent in doc.ents:
        start, end = _trim(doc, ent.start, ent.end)
        if ent.label_ not in _ENT_LABELS or start >= end:
            continue
        inside = [t for t in range(start, end) if t in taken]
        within = [m for m in names if start <= m.start and m.end <= end]
        if not inside:
            ents.append(Match(start, end, "ent", label=ent.label_))
        elif (
            not lexicon.peer
            and ent.label_ == "PERSON"
            and _longer_name(doc, start, end, taken)
            and (inner := [m for m in within if _inside_name(doc, m, start, taken)])
        ):
            # "Albert Jaquier", "Valeska Paris", "Abu Jandal al-Kuwaiti": a name the
            # dictionaries know only in part names someone else; a place in it is no country
            ents.append(Match(start, end, "ent", label=ent.label_))
            names = [m for m in names if m not in inner]
        elif _longer_name(doc, start, end, taken) and any(
            _inner(m).kind == "inner" for m in within
        ):
            ents.append(Match(start, end, "ent", label=ent.label_))
            names = [_inner(m) if m in within else m for m in names]
    return sorted([*names, *agents, *titles, *ents], key=lambda m: (m.start, -m.end))


def _inside_name(doc: Doc, match: Match, start: int, taken: set[int]) -> bool:
    """A person's name inside a longer name, or a place after a given name ("Valeska Paris");
    a place or nationality opening the entity is a modifier ("U.S. Senator John Cornyn")."""
    if match.entry is None:
        return False
    if match.entry.kind == "person":
        return True
    return match.entry.kind in {"state", "capital", "place"} and any(
        doc[t].pos_ == "PROPN" and not doc[t].is_space and t not in taken
        for t in range(start, match.start)
    )


def _plausible_name(doc: Doc, match: Match) -> bool:
    """A dictionary name that can name an actor here: not inside a date or a number
    ("May 15"), and a one-word person's name only on a proper noun ("During the talks")."""
    if any(doc[t].ent_type_ in _NOT_NAME_ENTS for t in range(match.start, match.end)):
        return False
    if match.entry is not None and match.entry.kind == "person" and match.end - match.start == 1:
        return doc[match.start].pos_ == "PROPN"
    return True


def _longer_name(doc: Doc, start: int, end: int, taken: set[int]) -> bool:
    """An entity naming more than the dictionary words inside it ("Gdansk Shipyard Union")."""
    return any(
        doc[t].pos_ == "PROPN" and not doc[t].is_space and t not in taken for t in range(start, end)
    )


def _inner(match: Match) -> Match:
    """A dictionary name inside a longer unknown name: it only tells the country."""
    if match.entry is None or match.entry.kind not in {"capital", "place"}:
        return match
    return Match(match.start, match.end, "inner", match.entry)
