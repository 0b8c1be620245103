"""Entity post-correction from our gazetteers, without a new model.

The small recognizer finds many names but gets their type or their edges wrong: a city
labelled PERSON ("Lahore"), "York" for "New York", "Americans" as a person, a trailing
hashtag or lower-case word inside a name. The ``eventcoder_entity_fixes`` component, after
the recognizer and the entity ruler, corrects the spans it found with what our data files
know: the place gazetteer (``data/places``), the actor dictionaries (``data/actors``) and
the head words of names (``data/entities/heads.tsv``). It adds no entity the recognizer did
not find (the entity ruler does that for the names we are sure of).

Each class of fix can be switched off (``fixes``) to measure what it buys; which are on by
default, and what each measured, is in ``docs/model.md``.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from eventcoder.datafiles import read_rows, read_word_classes
from eventcoder.errors import ConfigError, Errors

__all__ = [
    "ALL_FIXES",
    "COMPONENT",
    "DEFAULT_FIXES",
    "EntityFixes",
    "NameEvidence",
    "add_entity_fixes",
]

COMPONENT = "eventcoder_entity_fixes"
DATA = Path(__file__).resolve().parent.parent / "data"
HEADS_FILE = DATA / "entities" / "heads.tsv"
ALL_FIXES = (
    "trim",
    "nationalities",
    "heads",
    "places",
    "organisations",
    "extend_places",
    "extend_people",
    "person_titles",
)
# On by default: the fixes that raised PERSON/ORG/GPE F on both GUM test and re3d when
# measured one at a time (docs/model.md). Off: "organisations" (GUM test -0.0003, re3d
# +0.015), "nationalities" (GUM marks "Americans" as a named person: -0.003 / +0.002),
# "extend_places" (GUM's gold has "States" for "the United States": -0.021 / +0.003) and
# "person_titles" (GUM dev -0.001 with extend_people).
DEFAULT_FIXES = ("trim", "heads", "places", "extend_people")
# A city this large is a place before it is a person's name ("Lahore", not "Norton").
CITY_POPULATION = 250_000
# How many words a name may grow by on either side to reach the gazetteer's full name.
EXTEND_WORDS = 2
_PARTICLES = frozenset({"of", "and", "for", "the", "de", "al", "el", "bin", "ibn", "&", "on"})
_SCORED = frozenset({"PERSON", "ORG", "GPE"})


@dataclass(frozen=True)
class NameEvidence:
    """What the data files know about names, by exact text (``places`` by name key)."""

    places: frozenset[str]  # countries, regions, hand-kept places, cities over CITY_POPULATION
    all_places: frozenset[str]  # every gazetteer name key (to reach a full name: "New York")
    organisations: frozenset[str]
    people: frozenset[str]
    demonyms: frozenset[str]  # "American", "Americans"
    org_heads: frozenset[str]
    place_heads: frozenset[str]
    titles: frozenset[str]  # person nouns, titles and sector words, lower case, no final dot


def _split(cell: str) -> list[str]:
    return [name.strip() for name in cell.split("|") if name.strip()]


@functools.lru_cache(maxsize=1)
def load_evidence(data_dir: Path = DATA) -> NameEvidence:
    """Read the gazetteer, actor dictionaries and head words once per process."""
    from eventcoder.places.gazetteer import shared_gazetteer

    gaz = shared_gazetteer(data_dir / "places")
    places, all_places = set(), set()
    for key, entries in gaz.by_key.items():
        all_places.add(key)
        if any(
            place.kind in ("country", "admin1", "hand") or place.population >= CITY_POPULATION
            for place, _ in entries
        ):
            places.add(key)
    actors = data_dir / "actors"
    organisations: set[str] = set()
    for _, cols in read_rows(actors / "organisations.tsv", 4):
        organisations.update(n for n in _split(cols[3]) if len(n) > 2 or n.isupper())
    for _, cols in read_rows(actors / "international.tsv", 2):
        # Phoenix names are title-cased ("Secretary General Of The Un"): only names of two
        # words or more, as written, which ordinary text rarely matches by accident.
        organisations.update(n for n in _split(cols[0]) if " " in n)
    people: set[str] = set()
    for path in (actors / "people.tsv", actors / "people_current.tsv"):
        for _, cols in read_rows(path, 2):
            people.update(n for n in _split(cols[0]) if " " in n)
    demonyms: set[str] = set()
    for _, cols in read_rows(actors / "states.tsv", 3):
        state_names = {cols[1], *_split(cols[2])}
        for name in _split(cols[2]):
            if " " in name or not name[:1].isupper() or name in gaz:
                continue
            stem = name.removesuffix("s")
            if stem in state_names and stem not in gaz and stem != cols[1]:
                demonyms.update({stem, stem + "s"})
    heads = read_word_classes(HEADS_FILE)
    titles = {cols[1].lower() for _, cols in read_rows(actors / "person_nouns.tsv", 2)}
    for path in (actors / "agents.tsv", actors / "agents_hand.tsv"):
        # the head word of a sector phrase ("deputy", "secretary", "police"): a title, which
        # the actor coder reads apart from the name ("Deputy Secretary | Blinken")
        titles.update(cols[0].lower().split()[-1] for _, cols in read_rows(path, 2))
    sentence_words = read_word_classes(data_dir / "sentences" / "words.tsv")
    titles.update(w.lower().rstrip(".") for w in sentence_words["title"])
    return NameEvidence(
        places=frozenset(places),
        all_places=frozenset(all_places),
        organisations=frozenset(organisations - people),
        people=frozenset(people),
        demonyms=frozenset(demonyms),
        org_heads=heads["org"],
        place_heads=heads["place"],
        titles=frozenset(titles),
    )


class EntityFixes:
    """Correct the type and the edges of the entities the recognizer found."""

    def __init__(self, fixes: Iterable[str] = DEFAULT_FIXES, data_dir: Path = DATA) -> None:
        unknown = set(fixes) - set(ALL_FIXES)
        if unknown:
            raise ConfigError(
                Errors.E105.format(names=", ".join(sorted(unknown)), known=", ".join(ALL_FIXES))
            )
        self.fixes = frozenset(fixes)
        self.evidence = load_evidence(data_dir)

    def __call__(self, doc: Doc) -> Doc:
        if not self.fixes or not doc.ents:
            return doc
        out: list[Span] = []
        taken: set[int] = set()
        ents = list(doc.ents)
        for n, ent in enumerate(ents):
            fixed = self.fix(
                doc,
                ent,
                ents[n - 1].end if n else 0,
                ents[n + 1].start if n + 1 < len(ents) else len(doc),
            )
            if fixed is None or any(i in taken for i in range(fixed.start, fixed.end)):
                continue
            taken.update(range(fixed.start, fixed.end))
            out.append(fixed)
        doc.set_ents(out, default="outside")
        return doc

    def fix(self, doc: Doc, ent: Span, lo: int, hi: int) -> Span | None:
        """The corrected entity (``None``: not a name we score), where ``lo``..``hi`` is the
        room between the neighbouring entities."""
        start, end, label = ent.start, ent.end, ent.label_
        if "trim" in self.fixes:
            start, end = self._trim(doc, start, end)
            if start >= end:
                return None
        text = doc[start:end].text
        ev = self.evidence
        if "nationalities" in self.fixes and label in _SCORED and text in ev.demonyms:
            return None
        if "extend_places" in self.fixes and label in ("GPE", "PERSON", "ORG"):
            grown = self._extend(doc, start, end, lo, hi)
            if grown is not None:
                start, end = grown
                text = doc[start:end].text
                label = "GPE" if label != "ORG" or _key(text) in ev.places else label
        if "extend_people" in self.fixes and label == "PERSON":
            start, end = self._extend_person(doc, start, end, lo, hi)
            text = doc[start:end].text
        last = doc[end - 1].text
        if "heads" in self.fixes and end - start > 1 and label in _SCORED:
            if last in ev.org_heads:
                label = "ORG"
            elif last in ev.place_heads:
                label = "GPE"
        if "organisations" in self.fixes and label != "ORG" and text in ev.organisations:
            label = "ORG"
        elif (
            "places" in self.fixes
            and label == "PERSON"
            and _key(text) in ev.places
            and text not in ev.people
        ):
            label = "GPE"
        if (start, end, label) == (ent.start, ent.end, ent.label_):
            return ent
        return Span(doc, start, end, label=label)

    @staticmethod
    def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
        """Drop lower-case words and stray symbols at the edges ("Journal of Australia this",
        "Arash Javanbakht #science #"); a name particle stays only inside."""

        def edge_ok(i: int) -> bool:
            tok = doc[i]
            return tok.text[:1].isupper() or tok.text[:1].isdigit()

        while start < end and not edge_ok(start):
            start += 1
        while end > start and not edge_ok(end - 1):
            end -= 1
        return start, end

    def _extend_person(self, doc: Doc, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
        """Grow a person's name over the proper nouns next to it in the same sentence
        ("John | FitzGibbon", "Mario | J. Lucero"); a title ("President", "Dr.") is taken
        only with ``person_titles``."""
        sent = doc[start].sent
        lo, hi = max(lo, sent.start), min(hi, sent.end)

        def namelike(i: int) -> bool:
            tok = doc[i]
            if tok.tag_ not in ("NNP", "NNPS") or not tok.text[:1].isupper():
                return False
            if tok.lower_.rstrip(".") in self.evidence.titles:
                return "person_titles" in self.fixes
            return tok.is_alpha or (len(tok.text) == 2 and tok.text[1] == ".")

        titles = self.evidence.titles
        only_titles = all(t.lower_.rstrip(".") in titles for t in doc[start:end])
        found_end = end
        while start > lo and namelike(start - 1):
            start -= 1
        while end < hi and namelike(end):
            end += 1
        if only_titles and end > found_end and "person_titles" not in self.fixes:
            # the recognizer found only the title ("Deputy Secretary"): the name is what
            # follows it ("Blinken"), which the actor coder reads with the title before it
            start = found_end
        return start, end

    def _extend(self, doc: Doc, start: int, end: int, lo: int, hi: int) -> tuple[int, int] | None:
        """The longest capitalised span around ``start``..``end`` (at most EXTEND_WORDS more
        on each side, within the same sentence and between the neighbouring entities) that
        the gazetteer knows, when longer than the entity ("York" -> "New York")."""
        sent = doc[start].sent
        lo, hi = max(lo, sent.start, start - EXTEND_WORDS), min(hi, sent.end, end + EXTEND_WORDS)
        best: tuple[int, int] | None = None
        for s in range(lo, start + 1):
            if not doc[s].text[:1].isupper():
                continue
            for e in range(hi, end - 1, -1):
                if (s, e) == (start, end) or not doc[e - 1].text[:1].isupper():
                    continue
                words = doc[s:e]
                if any(not (t.text[:1].isupper() or t.lower_ in _PARTICLES) for t in words):
                    continue
                if _key(words.text) in self.evidence.all_places and (
                    best is None or e - s > best[1] - best[0]
                ):
                    best = (s, e)
        return best


@functools.lru_cache(maxsize=1 << 14)
def _key(text: str) -> str:
    from eventcoder.places.gazetteer import name_key

    return name_key(text)


@Language.factory(COMPONENT, default_config={"fixes": list(DEFAULT_FIXES)})
def make_entity_fixes(nlp: Language, name: str, fixes: list[str]) -> EntityFixes:
    """The spaCy factory (``nlp.add_pipe("eventcoder_entity_fixes", last=True)``)."""
    return EntityFixes(fixes)


def add_entity_fixes(nlp: Language, fixes: Iterable[str] = DEFAULT_FIXES) -> None:
    """Add the fixes after the recognizer and the entity ruler (replacing an earlier copy)."""
    if COMPONENT in nlp.pipe_names:
        nlp.remove_pipe(COMPONENT)
    after = next((n for n in ("entity_ruler", "ner") if n in nlp.pipe_names), None)
    if after is None:
        return
    nlp.add_pipe(COMPONENT, after=after, config={"fixes": list(fixes)})
