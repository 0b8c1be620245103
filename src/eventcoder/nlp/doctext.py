"""A parsed document's text, built once.

spaCy's ``Doc.text`` joins every token's text on each access, so a rule that reads it
once per match or per event costs time proportional to the whole document each time,
and a long document becomes quadratic. :func:`doc_text` builds it once per ``Doc`` and
keeps it in the Doc's ``user_data`` (a Doc's text never changes).
"""

from __future__ import annotations

from spacy.tokens import Doc

__all__ = ["doc_text", "lemma_positions"]

_KEY = "eventcoder.text"
_LEMMAS = "eventcoder.lemmas"


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed on the first call for this Doc and remembered."""
    text = doc.user_data.get(_KEY)
    if text is None or len(text) != _length(doc):  # a copied user_data (Span.as_doc)
        text = doc.text
        doc.user_data[_KEY] = text
    return text


def _length(doc: Doc) -> int:
    """The text's length without building it."""
    if not len(doc):
        return 0
    last = doc[-1]
    return last.idx + len(last.text_with_ws)


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
