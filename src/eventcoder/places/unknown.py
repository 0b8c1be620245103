"""Place names the gazetteer does not spell so: misspelt or transliterated names, names
inside other entities, and small places it lacks.

Three kinds of mention are added to those :func:`eventcoder.places.recognize.find_mentions`
finds (never over one of them):

* **A near spelling** ("near Al Shadaddi", "in Dayr Az Zayr"): capitalised words after a
  setting preposition ("in", "near", "outside"...), or a place entity the gazetteer does not
  know, that a long gazetteer name spells nearly alike (:mod:`eventcoder.places.fuzzy`).
  The mention's ``source`` is ``fuzzy``: the resolver keeps it only in a country the
  document names, only when one reading is left, and never more exact than ``near``.
* **A named settlement** ("the Municipality of X", "the town of X", "the Syrian village of
  X"), also inside an organisation's name ("the Municipality of Livorno" is an
  organisation, and Livorno a place): the town when the gazetteer knows it, else a near
  spelling, else what the words after it say ("X, next to Y": near Y; "X in the province
  of Y": the region Y), else the country of the adjective before the settlement word ("the
  Syrian town of X", read from the actor coder in :mod:`eventcoder.places.locate`), at
  country precision. An unknown settlement with none of these gets no location.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from eventcoder.places.fuzzy import FuzzyIndex
from eventcoder.places.gazetteer import Gazetteer, Place
from eventcoder.places.recognize import Cues, PlaceMention, is_near

__all__ = ["add_unknown_mentions"]

_MAX_WORDS = 3
_NOT_NAME_LABELS = {"DATE", "TIME", "PERSON", "NORP", "CARDINAL", "ORDINAL", "MONEY", "PERCENT"}
_TOWNS = {"city", "village"}
_BRIDGE = 4  # at most this many words between an unknown settlement and the place after it


def add_unknown_mentions(
    doc: Doc, gaz: Gazetteer, cues: Cues, fuzzy: FuzzyIndex, mentions: list[PlaceMention]
) -> list[PlaceMention]:
    """``mentions`` with the near spellings and named settlements of the text added, in
    text order (a known place right after an unknown settlement may be merged into it)."""
    taken = {i for m in mentions for i in range(m.start, m.end)}
    by_start = {m.start: m for m in mentions}
    added: list[PlaceMention] = []
    dropped: set[int] = set()
    for start, end, settlement in _candidate_spans(doc, cues, taken):
        if any(i in taken for i in range(start, end)):
            continue
        mention = _named(doc, gaz, cues, fuzzy, start, end, settlement)
        if mention is None and settlement is not None:
            mention, merged = _from_context(doc, cues, start, end, settlement, by_start)
            if merged is not None:
                dropped.add(merged)
        if mention is None:
            continue
        added.append(mention)
        taken.update(range(mention.start, mention.end))
    kept = [m for m in mentions if m.start not in dropped]
    return sorted(kept + added, key=lambda m: m.start)


def _candidate_spans(doc: Doc, cues: Cues, taken: set[int]) -> list[tuple[int, int, int | None]]:
    """(start, end, settlement word index or None) of capitalised words that may name a
    place: after a setting preposition or "near", after "the town of", or a place entity."""
    out = []
    setting = cues["setting"] | {p.split()[-1] for p in cues["near"]}
    small = cues["small_place"]
    for i in range(1, len(doc)):
        if i in taken or not doc[i].text[:1].isupper() or not doc[i].is_alpha:
            continue
        previous = doc[i - 1].lower_
        settlement = None
        if previous == "of" and i >= 2 and doc[i - 2].lower_ in small:
            settlement = i - 2
        elif previous not in setting:
            continue
        end = _name_end(doc, i, cues, taken, inside_org=settlement is not None)
        if end > i:
            out.append((i, end, settlement))
    for ent in doc.ents:
        if ent.label_ in {"GPE", "LOC"} and ent.start not in taken:
            out.append((ent.start, ent.end, None))
    return sorted(set(out), key=lambda span: (span[0], span[1], -1 if span[2] is None else 0))


def _name_end(doc: Doc, i: int, cues: Cues, taken: set[int], inside_org: bool) -> int:
    """The end of a name of up to three capitalised words (an article in lower case may
    stand between them: "Dayr az Zawr"), none of them a date, person..., nor already a
    place."""
    end = i
    while end < len(doc) and end - i < _MAX_WORDS and end not in taken:
        token = doc[end]
        label = token.ent_type_
        if label in _NOT_NAME_LABELS or (label == "ORG" and not inside_org):
            break
        if not token.is_alpha:
            break
        if not token.text[:1].isupper() and not (end > i and token.lower_ in cues["article"]):
            break
        end += 1
    while end > i and not doc[end - 1].text[:1].isupper():
        end -= 1  # never end on an article
    return end


def _named(
    doc: Doc,
    gaz: Gazetteer,
    cues: Cues,
    fuzzy: FuzzyIndex,
    start: int,
    end: int,
    settlement: int | None,
) -> PlaceMention | None:
    """The settlement the gazetteer knows by this name, else a near spelling."""
    span = doc[start:end]
    if cues.not_places and span.text.lower() in cues.not_places:
        return None
    if settlement is not None:
        towns = tuple((p, m) for p, m in gaz.lookup(span.text) if p.kind in _TOWNS)
        if towns:
            return _mention(doc, start, end, towns, "gazetteer", cues)
    matches = fuzzy.match(span.text)
    if not matches:
        return None
    candidates = tuple((p, False) for p, _ in matches)
    return _mention(doc, start, end, candidates, "fuzzy", cues)


def _mention(
    doc: Doc,
    start: int,
    end: int,
    candidates: tuple[tuple[Place, bool], ...],
    source: str,
    cues: Cues,
) -> PlaceMention:
    span = doc[start:end]
    return PlaceMention(
        start=start,
        end=end,
        name_start=start,
        name_end=end,
        text=span.text,
        char_start=span.start_char,
        char_end=span.end_char,
        candidates=candidates,
        near=is_near(doc, start, cues),
        source=source,
    )


def _after(doc: Doc, cues: Cues, end: int, by_start: dict[int, PlaceMention]) -> int | None:
    """The start of the known place named just after ``end`` ("X, next to Y", "X in the
    province of Y"), when only bridging words stand between."""
    for k in range(end, min(end + _BRIDGE + 1, len(doc))):
        if k in by_start:
            return k
        if doc[k].text[:1].isupper() and doc[k].is_alpha:
            return None
    return None


def _from_context(
    doc: Doc,
    cues: Cues,
    start: int,
    end: int,
    settlement: int,
    by_start: dict[int, PlaceMention],
) -> tuple[PlaceMention | None, int | None]:
    """An unknown settlement located by the words around it: near the town after "near"
    or "next to", in the region or country after "in" (with the start of that place's
    mention, which the new one takes in), else (hint ``settlement``, no candidates) the
    country of the adjective before the settlement word, left to the locator."""
    after = _after(doc, cues, end, by_start)
    if after is not None:
        other = by_start[after]
        bridge = doc[end:after].text.lower().replace(",", " ").split()
        words = " ".join(w for w in bridge if w != "the")
        span = doc[start : other.end]
        if words in cues["near"] and any(p.kind in _TOWNS for p, _ in other.candidates):
            near = replace(
                other,
                start=start,
                text=span.text,
                char_start=span.start_char,
                near=True,
                source="context",
            )
            return near, after
        kinds = {p.kind for p, _ in other.candidates}
        regional = bool(kinds) and kinds <= {"admin1", "country"}
        if bridge and bridge[0] in cues["setting"] and (regional or other.hint == "region"):
            inside = replace(
                other, start=start, text=span.text, char_start=span.start_char, source="context"
            )
            return inside, after
    adjective = doc[settlement - 1] if settlement > 0 else None
    if adjective is None or not adjective.text[:1].isupper():
        return None, None  # "the town of X" alone: no location rather than a guess
    span = doc[start:end]
    unknown = PlaceMention(
        start=start,
        end=end,
        name_start=settlement - 1,
        name_end=settlement,
        text=span.text,
        char_start=span.start_char,
        char_end=span.end_char,
        candidates=(),
        hint="settlement",
        source="context",
    )
    return unknown, None
