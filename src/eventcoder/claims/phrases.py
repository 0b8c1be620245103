"""Noun phrases and actors from the parse, shared by attribution, quantities and polls."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from eventcoder.actors.mention import ActorMention
from eventcoder.records import Actor

__all__ = ["actor_for", "noun_phrase", "phrase_text", "strip_edges"]

# dependents that end a noun phrase: clauses, appositions and punctuation
_CLAUSAL = {
    "acl",
    "relcl",
    "advcl",
    "ccomp",
    "xcomp",
    "parataxis",
    "punct",
    "appos",
    "dep",
    "cc",
    "conj",
    "discourse",
    "vocative",
    "list",
}
_EDGE_WORDS = {"that", "whether", ",", ":", ";", '"', "“", "”", "'", "‘", "’", "-", "–", "—", "."}


def noun_phrase(token: Token, keep_conj: bool = False) -> tuple[int, int]:
    """Token range [start, end) of the noun phrase headed by ``token`` (no clauses)."""
    keep = [token]
    stack = [
        c
        for c in token.children
        if (c.dep_ not in _CLAUSAL or (keep_conj and c.dep_ in ("conj", "cc")))
        and not (c.i < token.i and (c.dep_ in ("case", "mark") or c.lower_ == "according"))
        and not (c.i > token.i and c.dep_ == "advmod")
    ]
    while stack:
        tok = stack.pop()
        keep.append(tok)
        stack.extend(c for c in tok.children if c.dep_ not in _CLAUSAL)
    idx = sorted(t.i for t in keep)
    start = end = token.i
    # the contiguous run around the head
    while start - 1 in idx:
        start -= 1
    while end + 1 in idx:
        end += 1
    doc = token.doc
    while start < token.i and doc[start].text in _EDGE_WORDS:
        start += 1
    while end > token.i and doc[end].text in _EDGE_WORDS:
        end -= 1
    return start, end + 1


def strip_edges(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop leading "that"/quotes/punctuation and trailing punctuation from a token range."""
    while start < end and (doc[start].text in _EDGE_WORDS or doc[start].is_space):
        start += 1
    while end > start and (
        doc[end - 1].text in _EDGE_WORDS
        or doc[end - 1].is_space
        or (doc[end - 1].is_punct and doc[end - 1].text != "%")
    ):
        end -= 1
    return start, end


def phrase_text(doc: Doc, start: int, end: int) -> str:
    """The text of a token range, without trailing whitespace."""
    return doc[start:end].text.strip()


def actor_for(
    doc: Doc | Span,
    head: Token,
    mentions: Sequence[ActorMention],
    keep_conj: bool = True,
    limit: int | None = None,
    surface: tuple[int, int] | None = None,
) -> Actor:
    """The actor for a speaker/source head token: the mention covering it, else its noun phrase.

    ``limit`` (a token index after the head, e.g. the reporting verb) cuts the phrase off;
    ``surface`` gives the phrase's token range when it was found without the parse.
    """
    start, end = surface or noun_phrase(head, keep_conj=keep_conj)
    if limit is not None and head.i < limit:
        end = min(end, limit)
    start, end = strip_edges(head.doc, start, end)
    if end <= start:
        start, end = head.i, head.i + 1
    covering = [m for m in mentions if m.start <= head.i < m.end]
    if covering:
        best = min(covering, key=lambda m: (m.head != head.i, m.end - m.start))
        # an uncoded mention inside a longer phrase says less than the phrase itself
        if best.code is not None or not (start <= best.start and best.end <= end):
            return best.to_actor()
    span = head.doc[start:end]
    ent = head.ent_type_ or None
    return Actor(
        text=span.text.strip(),
        span=(span.start_char, span.start_char + len(span.text.strip())),
        entity_type=ent,
    )
