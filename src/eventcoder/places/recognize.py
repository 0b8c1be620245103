"""Place mentions in a parsed text: entities, gazetteer names and the patterns around them.

A mention is found from (1) GPE/LOC/FAC entities of the pipeline, (2) gazetteer names in
capitalised words (a single word only as a proper noun after a locative preposition, unless
it names a country, a first-level region or a place of our own list), and (3) patterns read
from the words around it (``data/places/cues.tsv``): "X Air Base", "the X border crossing"
(a facility named after a town: near the town), "the X region" (the region), "near X",
"outside X", "north of X" (near), "East X" (a part of X: X), "al-X" (an Arabic article in
lower case, part of the name), and "X, Texas" (a qualifier that narrows X).
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from eventcoder.datafiles import read_rows
from eventcoder.places.gazetteer import DATA_DIR, Gazetteer, Place, name_key

__all__ = ["Cues", "PlaceMention", "find_mentions", "is_acronym", "is_near", "is_strong"]

_ENTITY_LABELS = {"GPE", "LOC", "FAC"}
_PROMINENT = 100_000
_ACRONYM_LETTERS = 4
_CURATED = {"country", "admin1", "hand"}  # kinds whose short names we list ourselves
_TOWNS = {"city", "village"}
_NOT_PLACES = {"PERSON", "ORG", "EVENT", "NORP", "DATE", "TIME", "MONEY", "PERCENT", "CARDINAL"}


@dataclass(frozen=True)
class Cues:
    """The cue words of ``cues.tsv`` by kind, each a set of lower-case phrases."""

    by_kind: dict[str, frozenset[str]]
    not_places: frozenset[str] = frozenset()  # name keys never taken as a place alone

    def __getitem__(self, kind: str) -> frozenset[str]:
        return self.by_kind.get(kind, frozenset())

    @classmethod
    def load(cls, path: Path = DATA_DIR / "cues.tsv") -> Cues:
        """Read the cue file and, beside it, ``not_places.tsv``."""
        found: dict[str, set[str]] = defaultdict(set)
        for _, cols in read_rows(path, 2):
            found[cols[0].strip()].add(cols[1].strip().lower())
        stop = frozenset(
            name_key(cols[0]) for _, cols in read_rows(path.parent / "not_places.tsv", 1)
        )
        return cls({k: frozenset(v) for k, v in found.items()}, stop)


@dataclass(frozen=True)
class PlaceMention:
    """A place named in the text, before it is resolved to one gazetteer entry.

    ``start``/``end`` are token indices of the whole mention (with a facility or region word);
    ``name_start``/``name_end`` those of the name looked up. ``hint`` is ``facility``,
    ``region`` or ``None``; ``near`` is set by "near", "outside", "north of"...;
    ``qualifier`` holds the places a following "X, Texas" names, ``within`` those a
    following "in Y" names ("X in Cabo Delgado province").
    """

    start: int
    end: int
    name_start: int
    name_end: int
    text: str
    char_start: int
    char_end: int
    candidates: tuple[tuple[Place, bool], ...]
    hint: str | None = None
    near: bool = False
    qualifier: tuple[Place, ...] = ()
    source: str = "entity"  # entity, gazetteer, pattern
    within: tuple[Place, ...] = ()  # the regions or countries "X in Y" names after it

    @property
    def head(self) -> int:
        """The last token of the name: its syntactic head in English noun phrases."""
        return self.end - 1


def _match_suffix(doc: Doc, i: int, phrases: frozenset[str], limit: int = 4) -> int:
    """The end of the longest cue phrase starting at token ``i`` (``i`` when none)."""
    best = i
    if i >= len(doc) or doc[i].lower_ not in _prefixes(phrases):
        return best  # no cue phrase starts with this word: build no span
    for n in range(1, limit + 1):
        if i + n > len(doc):
            break
        if doc[i : i + n].text.lower() in phrases:
            best = i + n
    return best


@functools.lru_cache(maxsize=64)
def _prefixes(phrases: frozenset[str]) -> frozenset[str]:
    """Every prefix of every phrase: a word that is none cannot start one."""
    return frozenset(p[:k] for p in phrases for k in range(1, len(p) + 1))


def _ends_with_cue(doc: Doc, end: int, phrases: frozenset[str], limit: int = 4) -> bool:
    return any(
        end - n >= 0 and doc[end - n : end].text.lower() in phrases for n in range(1, limit + 1)
    )


def is_near(doc: Doc, start: int, cues: Cues) -> bool:
    """Whether the words before token ``start`` put a place near it: "near X", "outside
    X", "on the outskirts of X", "20 km north of X"."""
    if _ends_with_cue(doc, start, cues["near"]):
        return True
    if start >= 2 and doc[start - 1].lower_ == "of":
        return doc[start - 2].lower_ in cues["direction"]
    return False


def _capitalised(doc: Doc, start: int, end: int) -> bool:
    words = [t for t in doc[start:end] if t.is_alpha]
    return bool(words) and words[0].text[0].isupper() and words[-1].text[0].isupper()


def _allowed_single(
    doc: Doc, i: int, places: list[tuple[Place, bool]], cues: Cues, gaz: Gazetteer
) -> bool:
    """A one-word name outside any entity: a proper noun after a locative preposition or
    before the region or country it lies in, or a name of a country, a region or our own
    list."""
    token = doc[i]
    if any(p.kind in {"country", "hand"} for p, _ in places):
        return token.text[0].isupper()
    if not token.text[0].isupper():
        return False
    if i + 2 < len(doc) and doc[i + 1].lower_ == "of" and doc[i + 2].text[:1].isupper():
        return False  # the first word of a longer name ("the Bay of Fundy" is no Bay region)
    if len(token.text) >= _ACRONYM_LETTERS and token.text.isupper() and _dateline(doc, i, i + 1):
        return any(main for _, main in places)  # "BAMAKO, Mali (AP) -": a dateline
    if i > 0 and _match_suffix(doc, i + 1, cues["facility"] | cues["region"]) > i + 1:
        return True  # "the Donetsk region", "in Sagaing region", "the Baranavichy air base"
    if _listed_after_place(doc, i):
        return True  # "from Palmyra and Qamishli" (however the tagger took the word)
    previous = doc[i - 1].lower_ if i > 0 else ""
    if token.pos_ == "PROPN" and placed_in(doc, i + 1, places, gaz):
        return True  # "seized Lalibela in the Amhara region": a town of the region named
    if token.pos_ != "PROPN":
        # a large city the tagger took for a common noun ("fighting in Benghazi"): after a
        # locative preposition, mid-sentence, not the first word of a capitalised name
        return (
            token.pos_ == "NOUN"
            and previous in cues["locative"]
            and not (i + 1 < len(doc) and doc[i + 1].text[:1].isupper())
            and any(p.population >= _PROMINENT for p, main in places if main)
        )
    if previous in cues["locative"] or is_near(doc, i, cues):
        return True
    alone = not any(
        0 <= j < len(doc) and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper()
        for j in (i - 1, i + 1)
    )
    if alone and any(p.population >= _PROMINENT for p, main in places if main):
        return True  # a city of 100,000 or more, not part of a longer name
    return any(p.kind == "admin1" for p, _ in places)


def area_after(doc: Doc, end: int, gaz: Gazetteer) -> tuple[Place, ...]:
    """The regions and countries that the words after a name say it lies in: "X in the
    Amhara region", "X in northern Mali", "X in Cabo Delgado province", "X, Ethiopia"."""
    if end >= len(doc) or doc[end].lower_ not in {"in", ","}:
        return ()
    start = end + 1
    while start < len(doc) and (
        doc[start].lower_ in {"the", "northern", "southern", "eastern", "western", "central"}
    ):
        start += 1
    for n in range(3, 0, -1):
        if start + n > len(doc) or not _capitalised(doc, start, start + n):
            continue
        areas = tuple(
            p for p, _ in gaz.lookup(doc[start : start + n].text) if p.kind in {"admin1", "country"}
        )
        if areas:
            return areas
    return ()


def placed_in(doc: Doc, end: int, places: Iterable[tuple[Place, bool]], gaz: Gazetteer) -> bool:
    """Whether the words after a name name a region or country that one of its readings (a
    town) lies in: "X in Y" that way is a place, whatever the tagger took X for."""
    towns = [p for p, _ in places if p.kind in _TOWNS]
    for area in area_after(doc, end, gaz) if towns else ():
        if area.kind == "country" and any(t.iso3 == area.iso3 for t in towns):
            return True
        if area.kind == "admin1" and any(
            t.iso3 == area.iso3 and t.admin1 in {None, area.name} for t in towns
        ):
            return True
    return False


def _listed_after_place(doc: Doc, i: int) -> bool:
    """Whether word ``i`` follows "and", "or" or a comma after a place entity ("in Aleppo
    and Idlib")."""
    if i < 2 or doc[i - 1].lower_ not in {"and", "or", ","}:
        return False
    before = doc[i - 2]
    return before.ent_type_ in _ENTITY_LABELS and before.text[:1].isupper()


def _gazetteer_spans(
    doc: Doc, gaz: Gazetteer, cues: Cues, blocked: set[int]
) -> list[tuple[int, int]]:
    """Longest gazetteer names in capitalised words, left to right, not overlapping."""
    found: list[tuple[int, int]] = []
    # a span's text is a slice of the document's: no Span built for names not looked up
    text, starts, ends, upper = _token_bounds(doc)
    i = 0
    while i < len(doc):
        article = 0 if upper[i] else _article_start(doc, i, cues)
        if not upper[i] and not article:
            i += 1
            continue
        hit = 0
        for n in range(min(gaz.max_words + 1, len(doc) - i), 0, -1):
            if (article and n < 3) or any(j in blocked for j in range(i, i + n)):
                continue  # (a name never takes in a word of a person's or body's name)
            if n > 1 and doc[i + n - 1].text in {"-", "–"}:
                continue  # no name ends in a hyphen ("Far-" of "Far-right" is no Pharr)
            places = gaz.lookup(text[starts[i] : ends[i + n - 1]])
            if not places:
                continue
            places = _acronym_candidates(doc, i, i + n, places)
            if not places:
                continue
            if n > 1 and not (
                _capitalised(doc, i + article, i + n) or any(p.kind == "hand" for p, _ in places)
            ):
                continue
            if n > 1 or _allowed_single(doc, i, places, cues, gaz):
                hit = n
                break
        if hit:
            found.append((i, i + hit))
            i += hit
        else:
            i += 1
    return found


def _token_bounds(doc: Doc) -> tuple[str, list[int], list[int], list[bool]]:
    """The document's text, each token's first and end character and whether it starts
    with a capital: read once, so a span's text is a slice (``Span.text`` joins tokens)."""
    starts, ends, upper = [], [], []
    for token in doc:
        word = token.text
        starts.append(token.idx)
        ends.append(token.idx + len(word))
        upper.append(word[:1].isupper())
    return doc.text, starts, ends, upper


def _article_start(doc: Doc, i: int, cues: Cues) -> int:
    """2 when token ``i`` opens a name with an Arabic article in lower case ("al-Hilla":
    al, -, Hilla), else 0."""
    token = doc[i]
    if token.lower_ not in cues["article"] or not token.text.islower() or i + 2 >= len(doc):
        return 0
    hyphen = doc[i + 1]
    if hyphen.text not in {"-", "‐"} or token.whitespace_ or hyphen.whitespace_:
        return 0
    return 2 if doc[i + 2].text[:1].isupper() else 0


def _facility_spans(doc: Doc, cues: Cues) -> list[tuple[int, int]]:
    """Names before a facility word, known or not: "the Tarvo Air Base" (up to three
    capitalised words, the facility word capitalised or not)."""
    found = []
    starts = {sent.start for sent in doc.sents}  # once: Token.is_sent_start scans the doc
    phrases = cues["strong_facility"]
    first_words = _prefixes(phrases)
    lower = [t.lower_ for t in doc]
    for i in range(1, len(doc)):
        if lower[i] not in first_words or _match_suffix(doc, i, phrases) == i:
            continue  # (no cue phrase starts with this word: the first test says so cheaply)
        start = i
        while start > 0 and i - start < 3 and doc[start - 1].text[:1].isupper():
            if doc[start - 1].is_punct or start - 1 in starts or _nationality(doc[start - 1]):
                break  # ("the British air base at X": British names no base)
            start -= 1
        if start < i:
            found.append((start, i))
    return found


def _nationality(token: Token) -> bool:
    """A nationality word ("British", "Cypriot"), as the tagger marks it."""
    return token.pos_ == "ADJ" or token.ent_type_ == "NORP"


def _core(ent: Span, cues: Cues) -> Span:
    """An entity less a landform word before it or a facility word after it ("Mount
    Sinjar", "Tabqa Dam": Sinjar, Tabqa)."""
    start, end = ent.start, ent.end
    doc = ent.doc
    if end - start > 1 and doc[start].lower_.rstrip(".") in cues["landform"]:
        start += 1
    elif end - start > 1 and doc[end - 1].lower_ in cues["facility"]:
        end -= 1
    return doc[start:end]


def _place_despite_label(ent: Span, gaz: Gazetteer, cues: Cues | None = None) -> bool:
    """A name the tagger took for something else may still be a place. One it took for an
    organisation only when it names a country, a region, a place of our list or a city of
    100,000 or more ("Russia" tagged ORG), never a small town ("EU" for the French town
    Eu); any other (a person, "Kherson") when the gazetteer knows it. An acronym is never
    a town (see ``_acronym_candidates``)."""
    places = gaz.lookup(ent.text)
    if not places and cues is not None and ent.label_ != "ORG":
        core = _core(ent, cues)
        places = (
            [(p, m) for p, m in gaz.lookup(core.text) if p.kind in _TOWNS] if core != ent else []
        )
    if is_acronym(ent.text):
        places = [(p, m) for p, m in places if p.kind in _CURATED]
    if ent.label_ == "ORG":
        return is_strong(places) or placed_in(ent.doc, ent.end, places, gaz)
    return bool(places)


def is_strong(places: Iterable[tuple[Place, bool]]) -> bool:
    """Whether a name may mean a country, a region, a place of our list or a city of
    100,000 or more by its main name: readings strong enough to stand against another
    meaning of the name (an organisation's, a person's)."""
    return any(p.kind in _CURATED or (main and p.population >= _PROMINENT) for p, main in places)


def is_acronym(text: str) -> bool:
    """A name written in capitals of at most four letters ("EU", "UN", "NATO", "IS")."""
    letters = [c for c in text if c.isalpha()]
    return 2 <= len(letters) <= _ACRONYM_LETTERS and all(c.isupper() for c in letters)


def _dateline(doc: Doc, start: int, end: int) -> bool:
    """A name opening a line and followed by a comma, dash or bracket ("GAZA (Reuters) -")."""
    opens = start == 0 or "\n" in doc[start - 1].text or "\n" in doc[start - 1].whitespace_
    return opens and end < len(doc) and doc[end].text in {",", "-", "–", "—", "("}


def _acronym_candidates(
    doc: Doc, start: int, end: int, candidates: list[tuple[Place, bool]]
) -> list[tuple[Place, bool]]:
    """An acronym is a place only as a country, region or our own place's short name ("US",
    "UK", "UAE"), never a town that happens to be spelt so ("EU" and Eu in France, "UN"
    and Un in India), except as a dateline."""
    if not is_acronym(doc[start:end].text) or _dateline(doc, start, end):
        return candidates
    return [(p, m) for p, m in candidates if p.kind in _CURATED]


def _field_at_spans(doc: Doc, gaz: Gazetteer, cues: Cues) -> list[tuple[int, int]]:
    """Names after "the airfield at", "an air base near" that name a field or the town it
    serves, known to the gazetteer as a town or not ("the airfield at Tarvo")."""
    found = []
    field_at = cues["field_at"]
    upper = [t.text[:1].isupper() for t in doc]
    lower = [t.lower_ for t in doc]
    for i in range(2, len(doc)):
        if not upper[i] or lower[i - 1] not in field_at:
            continue
        end = i
        while end < len(doc) and end - i < 3 and doc[end].text[:1].isupper():
            end += 1
        for stop in range(end, i, -1):
            if _field_at(doc, i, stop, gaz, cues):
                found.append((i, stop))
                break
    return found


def _spans(doc: Doc, gaz: Gazetteer, cues: Cues) -> list[tuple[int, int, str]]:
    """Candidate name spans (start, end, how found): entities and gazetteer names, the
    longer of two overlapping ones (the entity on a tie), in text order."""
    blocked = {
        i
        for ent in doc.ents
        if ent.label_ in _NOT_PLACES and not _place_despite_label(ent, gaz, cues)
        for i in range(_leading_place(ent, gaz, cues), _office_place(ent, cues))
    }
    entities = [
        (ent.start, ent.end, "entity")
        for ent in doc.ents
        if ent.label_ in _ENTITY_LABELS
        or (ent.label_ in _NOT_PLACES and _place_despite_label(ent, gaz, cues))
    ]
    names = [(s, e, "gazetteer") for s, e in _gazetteer_spans(doc, gaz, cues, blocked)]
    names += [(s, e, "pattern") for s, e in _facility_spans(doc, cues)]
    names += [(s, e, "pattern") for s, e in _field_at_spans(doc, gaz, cues)]
    chosen: list[tuple[int, int, str]] = []
    taken: set[int] = set()
    spans = [
        (start, end, how)
        for start, end, how in entities + names
        if name_key(doc[start:end].text) not in cues.not_places
        or _city_despite_word(doc, start, end, gaz, cues)
    ]
    for start, end, how in sorted(spans, key=lambda x: (-(x[1] - x[0]), x[2] != "entity")):
        if any(i in taken for i in range(start, end)):
            continue
        chosen.append((start, end, how))
        taken.update(range(start, end))
    return sorted(chosen)


def _city_despite_word(doc: Doc, start: int, end: int, gaz: Gazetteer, cues: Cues) -> bool:
    """A word that is no place alone ("Nice", "Reading", "Mobile") is the city of 100,000
    or more of that name when the tagger calls it a place and a locative preposition
    governs it ("charged in Nice")."""
    if start == 0 or doc[start - 1].lower_ not in cues["locative"]:
        return False
    if doc[start].ent_type_ not in _ENTITY_LABELS or not doc[start].text[:1].isupper():
        return False
    return any(
        main and p.kind in _TOWNS and p.population >= _PROMINENT
        for p, main in gaz.lookup(doc[start:end].text)
    )


def _leading_place(ent: Span, gaz: Gazetteer, cues: Cues) -> int:
    """Where the words of a non-place entity begin once a country or region that opens it
    after a setting preposition is left out ("In Turkey Minister Ellwood met ...": the
    tagger's person takes in the country)."""
    doc = ent.doc
    if ent.start == 0 or doc[ent.start - 1].lower_ not in cues["setting"]:
        return ent.start
    for n in range(min(3, len(ent) - 1), 0, -1):
        places = gaz.lookup(doc[ent.start : ent.start + n].text)
        if any(p.kind in {"country", "admin1"} and main for p, main in places):
            return ent.start + n
    return ent.start


def _office_place(ent: Span, cues: Cues) -> int:
    """Where the place of an office held for it begins inside a person's name ("Mayor of
    Lviv": the tagger's person takes in the town), else the entity's end."""
    words = [t.lower_ for t in ent]
    if "of" not in words or ent.label_ != "PERSON":
        return ent.end
    k = words.index("of")
    title = " ".join(w for w in words[:k] if w != "the")
    return ent.start + k + 1 if title in cues["title"] and k + 1 < len(words) else ent.end


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop a leading "the" and trailing possessive from an entity span."""
    while start < end and doc[start].lower_ in {"the", "'s", "’s"}:
        start += 1
    while end > start and (
        doc[end - 1].lower_ in {"'s", "’s"} or doc[end - 1].is_space or doc[end - 1].is_punct
    ):
        end -= 1
    return start, end


def _qualifier(doc: Doc, end: int, gaz: Gazetteer) -> tuple[tuple[Place, ...], int]:
    """ "Paris, Texas": the region or country after a comma that narrows the name."""
    if end + 1 >= len(doc) or doc[end].text != ",":
        return (), end
    for n in range(3, 0, -1):
        if end + 1 + n > len(doc):
            continue
        span = doc[end + 1 : end + 1 + n]
        if not _capitalised(doc, span.start, span.end):
            continue
        places = tuple(p for p, _ in gaz.lookup(span.text) if p.kind in {"admin1", "country"})
        if places:
            return places, end + 1 + n
    return (), end


def find_mentions(doc: Doc, gaz: Gazetteer, cues: Cues) -> list[PlaceMention]:
    """Every place mention of a parsed document, in text order."""
    mentions: list[PlaceMention] = []
    for start, end, how in _spans(doc, gaz, cues):
        start, end = _trim(doc, start, end)
        if start >= end:
            continue
        mention = _mention(doc, start, end, how, gaz, cues)
        if mention is not None:
            mentions.append(mention)
    mentions = [
        m
        for m in mentions
        if not _among_persons(doc, m) and not _as_nationality(doc, m) and not _first_name(doc, m)
    ]
    taken = {i for m in mentions for i in range(m.start, m.end)}
    return [_named_part(doc, m, cues, taken) for m in mentions]


def _among_persons(doc: Doc, mention: PlaceMention) -> bool:
    """A name the gazetteer knows only as another spelling of a place, listed with people
    ("Zeus, Hera and Athena": a goddess, not Athens), is a person's name."""
    if mention.hint or any(main for _, main in mention.candidates):
        return False
    head = doc[mention.end - 1]
    linked = [c for c in head.children if c.dep_ == "conj"]
    if head.dep_ == "conj":
        linked.append(head.head)
        linked += [c for c in head.head.children if c.dep_ == "conj" and c.i != head.i]
    return any(t.ent_type_ == "PERSON" for t in linked)


def _as_nationality(doc: Doc, mention: PlaceMention) -> bool:
    """A country's short name in capitals before a common noun is its nationality word,
    not a place of the text: "US envoy", "a US drone strike", "UK troops", also in a
    series of nationalities ("US and British warplanes")."""
    if mention.end - mention.start != 1 or not is_acronym(mention.text) or mention.hint:
        return False
    if not all(p.kind == "country" for p, _ in mention.candidates):
        return False
    i = mention.end
    while i + 1 < len(doc) and doc[i].lower_ in {"and", ",", "-"}:
        following = doc[i + 1]
        if not (_nationality(following) or is_acronym(following.text)):
            return False
        i += 2  # "US and British", "US-Iraqi"
    if i >= len(doc):
        return False
    word = doc[i]
    return word.is_alpha and word.text[0].islower() and word.pos_ in {"NOUN", "ADJ", "PROPN"}


def _first_name(doc: Doc, mention: PlaceMention) -> bool:
    """A one-word country or town name that begins a person's name ("envoy Chad Mitchell"):
    the next word, a capitalised name the parser joins to it as one name, is no place and
    no place word, and no setting word comes before."""
    if mention.end - mention.start != 1 or mention.hint or mention.end >= len(doc):
        return False
    nxt = doc[mention.end]
    if not (nxt.pos_ == "PROPN" and nxt.dep_ == "flat" and nxt.head.i == mention.start):
        return False
    if not nxt.text[:1].isupper() or nxt.ent_type_ in _ENTITY_LABELS:
        return False
    return mention.start == 0 or doc[mention.start - 1].pos_ not in {"ADP"}


_NOT_PART_LABELS = {"DATE", "TIME", "PERSON", "ORG", "NORP", "CARDINAL", "ORDINAL"}


def _named_part(doc: Doc, mention: PlaceMention, cues: Cues, taken: set[int]) -> PlaceMention:
    """A named part of a town no gazetteer lists, before the town: "the Karrada district of
    Baghdad", "the Wadi X area of Damascus", "in Karrada, Baghdad". The mention takes in
    the part's name and is near the town (the part lies in or beside it)."""
    if not any(p.kind in _TOWNS for p, _ in mention.candidates) or mention.hint:
        return mention
    s = mention.start
    if s >= 3 and doc[s - 1].lower_ == "of" and doc[s - 2].lower_ in cues["quarter"]:
        end = s - 2  # "the X district of Y"
    elif s >= 3 and doc[s - 1].text == ",":
        end = s - 1  # "in X, Y": only after a setting preposition, checked below
    else:
        return mention
    start = end
    while start > 0 and end - start < 3 and _part_word(doc[start - 1], taken):
        start -= 1
    if start == end or (end == s - 1 and doc[start - 1].lower_ not in cues["setting"]):
        return mention
    if name_key(doc[start:end].text) in cues.not_places:
        return mention
    span = doc[start : mention.end]
    return replace(mention, start=start, text=span.text, char_start=span.start_char, near=True)


def _part_word(token: Token, taken: set[int]) -> bool:
    """A capitalised word of a part's name, not of another place or a date, person..."""
    return (
        token.text[:1].isupper()
        and token.is_alpha
        and token.i not in taken
        and token.ent_type_ not in _NOT_PART_LABELS
    )


def _mention(
    doc: Doc, start: int, end: int, how: str, gaz: Gazetteer, cues: Cues
) -> PlaceMention | None:
    name_text = doc[start:end].text
    whole_end = end
    hint = None
    candidates = _acronym_candidates(doc, start, end, gaz.lookup(name_text))
    # "X Air Base" / "the X border crossing": our list knows the whole name, or the town
    facility_end = _match_suffix(doc, end, cues["facility"])
    if facility_end > end:
        whole = doc[start:facility_end].text
        if whole in gaz:
            candidates, end, hint = gaz.lookup(whole), facility_end, None
        else:
            # a field of that name, or the town it is named after (then near the town)
            hint = "facility"
            fields = _fields(gaz, cues, name_text, doc[end:facility_end].text)
            candidates = _beside_town(fields, candidates) + candidates
        whole_end = facility_end
    elif _ends_with_cue(doc, end, cues["facility"]) and end - start > 1:
        # the entity already holds the word ("Machulishchy air base" as one FAC)
        for n in range(1, 4):
            if name_key(doc[end - n : end].text) in cues["facility"]:
                if not any(p.kind == "hand" for p, _ in candidates):
                    name_text = doc[start : end - n].text
                    fields = _fields(gaz, cues, name_text, doc[end - n : end].text)
                    town = candidates or gaz.lookup(name_text)
                    candidates = _beside_town(fields, town) + town
                    hint = "facility"
                break
    else:
        # "the airfield at X", "the air base near X": a field serving the town, if one does
        fields = _field_at(doc, start, end, gaz, cues)
        if fields:
            hint, candidates = "facility", _beside_town(fields, candidates) + candidates
        elif not candidates and how == "entity":
            candidates = [(p, True) for p in gaz.field(name_text)]  # "Boryspil Airport"
    name_start = start
    if hint is None and end - start > 1 and doc[start].lower_.rstrip(".") in cues["landform"]:
        # "Mount Sinjar", "Wadi X": a landform named after a town, near the town
        town = [(p, m) for p, m in gaz.lookup(doc[start + 1 : end].text) if p.kind in _TOWNS]
        if town and not candidates and _capitalised(doc, start + 1, end):
            candidates, name_start, hint = town, start + 1, "facility"
    elif (
        hint is None
        and start > 0
        and doc[start - 1].lower_.rstrip(".") in cues["landform"]
        and doc[start - 1].text[:1].isupper()
    ):
        town = [(p, m) for p, m in candidates if p.kind in _TOWNS]
        if town:
            candidates, start, hint = town, start - 1, "facility"
    if not candidates and hint is None and end - start > 1 and doc[start].lower_ in cues["part"]:
        # "East Mosul", "Northern Syria": the place the rest names, a part of it
        rest = [
            (p, m)
            for p, m in gaz.lookup(doc[start + 1 : end].text)
            if p.kind in {"country", "admin1", "city", "hand", "village"}
        ]
        if rest and _capitalised(doc, start + 1, end):
            candidates, name_start = rest, start + 1
    elif (
        hint is None
        and start > 0
        and doc[start - 1].lower_ in cues["part"]
        and doc[start - 1].text[:1].isupper()
    ):
        start -= 1  # "East Mosul" found as "Mosul": the part is in the mention
        name_text = doc[start:end].text
    region_end = _match_suffix(doc, whole_end, cues["region"], limit=1)
    if hint is None and region_end > whole_end:
        hint, whole_end = "region", region_end
    if not candidates and not (
        hint == "facility" and _match_suffix(doc, end, cues["strong_facility"]) > end
    ):
        return None  # an unknown name is a place only before "Air Base", "airfield"...
    qualifier, _ = _qualifier(doc, whole_end, gaz)
    span = doc[start:whole_end]
    name_end = end
    text = span.text if hint else name_text
    char_end = span.end_char if hint else doc[start:end].end_char
    if text.endswith(".") and "." not in text[:-1]:  # "Ukraine." at the end of a line
        text, char_end = text[:-1], char_end - 1
    return PlaceMention(
        start=start,
        end=whole_end,
        name_start=name_start,
        name_end=name_end,
        text=text,
        char_start=span.start_char,
        char_end=char_end,
        candidates=tuple(candidates),
        hint=hint,
        near=is_near(doc, start, cues)
        or (start > 0 and doc[start - 1].lower_ == "the" and is_near(doc, start - 1, cues)),
        qualifier=qualifier,
        source="pattern" if hint else how,
        within=() if qualifier else area_after(doc, whole_end, gaz),
    )


def _fields(gaz: Gazetteer, cues: Cues, name: str, cue: str) -> list[tuple[Place, bool]]:
    """The air bases, airfields or airports "<name> <cue>" may mean ("Hatzerim air base")."""
    if cue.lower() not in cues["air_facility"]:
        return []
    return [(p, True) for p in gaz.field(name, cue, by_city=True)]


def _beside_town(
    fields: list[tuple[Place, bool]], town: list[tuple[Place, bool]]
) -> list[tuple[Place, bool]]:
    """The fields in the country of the most prominent town of the name, when the name is a
    town's: "the airport in Paris" is in France, not at Paris, Texas's field."""
    if not town:
        return fields
    top = max(town, key=lambda pm: pm[0].weight - (0 if pm[1] else 1))[0]
    return [(p, m) for p, m in fields if p.iso3 == top.iso3]


def _field_at(
    doc: Doc, start: int, end: int, gaz: Gazetteer, cues: Cues
) -> list[tuple[Place, bool]]:
    """ "the airfield at X", "an air base near X": the fields named after X or serving it."""
    if start < 2 or doc[start - 1].lower_ not in cues["field_at"]:
        return []
    for n in range(3, 0, -1):
        if start - 1 - n < 0:
            continue
        cue = doc[start - 1 - n : start - 1].text
        named = start - 2 - n >= 0 and doc[start - 2 - n].text[:1].isupper()
        if cue.lower() in cues["air_facility"] and not named:  # not "Boryspil airport near X"
            return [(p, True) for p in gaz.field(doc[start:end].text, cue, by_city=True)]
    return []


def mention_span(doc: Doc, mention: PlaceMention) -> Span:
    """The tokens of a mention."""
    return doc[mention.start : mention.end]
