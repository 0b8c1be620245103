"""Whole-document lookups built once per parsed ``Doc``.

A rule that scans every token of the document for each match costs time proportional to
the whole document each time, so a long document becomes quadratic. The index here is
built on first use and kept in the Doc's ``user_data`` (a Doc's tokens never change after
the pipeline).
"""

from __future__ import annotations

from spacy.tokens import Doc

__all__ = ["lemma_positions"]

_LEMMAS = "eventcoder.lemmas"


def lemma_positions(doc: Doc) -> dict[str, list[int]]:
    """Token indices by lower-cased lemma, built once per Doc (to ask whether a word is
    used elsewhere in the document without scanning the document each time)."""
    cached = doc.user_data.get(_LEMMAS)
    if cached is not None and cached[0] == len(doc):
        return cached[1]
    index: dict[str, list[int]] = {}
    for token in doc:
        index.setdefault(token.lemma_.lower(), []).append(token.i)
    doc.user_data[_LEMMAS] = (len(doc), index)
    return index
