"""Fixtures for the claims tests: the extractor and a tiny actor-mention builder."""

from __future__ import annotations

from functools import cache

import pytest

from eventcoder.actors.mention import ActorMention


@pytest.fixture(scope="session")
def extractor():
    from eventcoder.claims import ClaimExtractor

    return ClaimExtractor.from_data()


@cache
def claims_data():
    """The claims tables, read once for the tests that call the rules directly."""
    from eventcoder.claims.lexicon import ClaimsData

    return ClaimsData.load()


@cache
def numbers():
    """The number reader over the bundled tables."""
    from eventcoder.claims.numbers import NumberReader

    return NumberReader(claims_data().vague_amounts, claims_data().units)


@pytest.fixture(scope="session")
def verbs():
    from eventcoder.claims.lexicon import load_reporting_verbs

    return load_reporting_verbs()


def make_mention(
    doc, text: str, code: str | None = None, country: str | None = None, sector: str | None = None
) -> ActorMention:
    """An ActorMention over the first occurrence of ``text`` in ``doc`` (as the actor stage would)."""
    start_char = doc.text.index(text)
    span = doc.char_span(start_char, start_char + len(text), alignment_mode="expand")
    return ActorMention(
        start=span.start,
        end=span.end,
        head=span.root.i,
        text=span.text,
        char_start=span.start_char,
        char_end=span.end_char,
        code=code,
        country=country,
        sector=sector,
    )
