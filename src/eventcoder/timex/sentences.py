"""Sentence lookup that does not scan the whole document (``Token.sent`` does)."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

__all__ = ["sentence_of"]


def sentence_of(doc: Doc, i: int) -> SpacySpan:
    """The sentence of token ``i`` (walking to the nearest boundaries: ``Token.sent``
    scans the whole document)."""
    start, end = i, i + 1
    while start > 0 and not doc[start].is_sent_start:
        start -= 1
    while end < len(doc) and not doc[end].is_sent_start:
        end += 1
    return doc[start:end]
