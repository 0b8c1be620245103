""" "The North" and "the South" of a divided state named in full in the same document.

Wire copy on Korea names both states once and then writes "the North fired", "the South
retaliated", "shells landed in the South". A careful coder codes those as North and South
Korea; the dictionaries cannot, since "the south" is most often a region. The rule (the
words and states are data: ``data/actors/divided_states.tsv``):

* a noun phrase "the North"/"the South" (any case) whose head is the compass word itself,
  with no "of" phrase ("the south of the country") and no noun after it ("the South
  China Sea", "the north side"), is that state when the document has a coded mention of
  both halves (North Korea and South Korea, or their people, government or forces);
* any other use ("in the south of Iraq", "South Africa") is left alone.
"""

from __future__ import annotations

import dataclasses
from functools import lru_cache

from spacy.tokens import Doc, Token

from eventcoder.actors.mention import ActorMention
from eventcoder.datafiles import read_rows
from eventcoder.paths import PACKAGE_DIR

__all__ = ["divided_halves", "halves_of_divided_states"]

_NOUN_AFTER = {"NOUN", "PROPN", "NUM"}


@lru_cache(maxsize=1)
def divided_halves() -> dict[str, tuple[str, str]]:
    """Word -> (the state it names, the other half)."""
    rows = read_rows(PACKAGE_DIR / "data" / "actors" / "divided_states.tsv", 3)
    return {cols[0].strip().lower(): (cols[1].strip(), cols[2].strip()) for _, cols in rows}


def _half(token: Token) -> bool:
    """Whether ``token`` is the head of a bare "the North"/"the South"."""
    if token.i == 0 or token.doc[token.i - 1].lower_ != "the":
        return False
    if token.pos_ not in {"NOUN", "PROPN"} or token.dep_ in {"compound", "amod"}:
        return False
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if after is not None and (after.pos_ in _NOUN_AFTER or after.text in {"-", "\u2013"}):
        return False
    # not "the south of the country", "the rebel-held north"
    return not any(c.dep_ in {"nmod", "compound", "amod"} for c in token.children)


def halves_of_divided_states(doc: Doc, mentions: list[ActorMention]) -> list[ActorMention]:
    """``mentions`` with "the North"/"the South" of a divided state named in full (see the
    module doc): uncoded such mentions are recoded, and uncovered ones added."""
    halves = divided_halves()
    named = {m.country for m in mentions if m.code and m.entity_type != "PRON"}
    by_start = {m.start: k for k, m in enumerate(mentions)}
    covered = {i for m in mentions for i in range(m.start, m.end)}
    out = list(mentions)
    added = []
    for token in doc:
        pair = halves.get(token.lower_)
        if pair is None or not {pair[0], pair[1]} <= named or not _half(token):
            continue
        start = token.i - 1
        k = by_start.get(start)
        if k is not None and out[k].end == token.i + 1 and not out[k].code:
            out[k] = _coded(out[k], pair[0])
        elif token.i not in covered and start not in covered:
            span = doc[start : token.i + 1]
            bare = ActorMention(
                start, token.i + 1, token.i, span.text, span.start_char, span.end_char
            )
            added.append(_coded(bare, pair[0]))
    return sorted(out + added, key=lambda m: m.start)


def _coded(m: ActorMention, country: str) -> ActorMention:
    return dataclasses.replace(
        m, code=country, country=country, sector=None, entity_type="GPE", rule=f"divided:{country}"
    )
