"""What a resolver knows about an expression's surroundings, and year inference.

A month, day or season written without a year takes the year that fits the narrative
(:func:`pick_year`): for a future-tense verb, the first occurrence not yet over at the
document date; after an explicitly dated passage, the first occurrence on or after that
date (a story moves forward: "in August 2021 ... In February" is February 2022), as long as
it is not after the document date (a document date inferred from the text's latest date is
only a lower bound: then a later occurrence in that date's year fits too, "signed on 4 June
2019 ... In September" being September 2019); otherwise, for a present-tense verb ("the law takes
effect on January 1", "the vote is due on 24 September"), the occurrence nearest the
document date, and for a past-tense one the most recent occurrence that starts on or
before the document date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from eventcoder.timex.dates import Builder, Span

__all__ = ["Context", "pick_year"]


@dataclass(frozen=True)
class Context:
    """The document date, the tense of the governing verb and the narrative so far."""

    document_date: dt.date | None
    tense: str = "past"  # past | present | future
    anchor: Span | None = None  # the latest dated expression of the preceding narrative
    find_anchor: Callable[[str, int], Span | None] | None = None  # event phrase -> its date
    text: str = ""  # the document text (context checks of the rules)
    # the document date was inferred from the text's latest date: the text may be later, so
    # a year-less date of that year that follows the narrative's anchor may lie after it
    lower_bound: bool = False


def pick_year(build: Builder, ctx: Context) -> Span | None:
    """The interval ``build(year)`` for the year that fits the narrative (see module doc)."""
    today = ctx.document_date
    if today is None:
        if ctx.anchor is None or ctx.anchor.start is None:
            return None
        return _first_on_or_after(build, ctx.anchor.start)
    if ctx.tense == "future":
        for year in range(today.year - 1, today.year + 3):
            span = build(year)
            if span.end is not None and span.end >= today:
                return span
    if ctx.anchor is not None and ctx.anchor.start is not None and ctx.anchor.start <= today:
        first = _first_on_or_after(build, ctx.anchor.start)
        # an inferred date is only a lower bound: a later date of the anchor's own year
        # still fits ("signed on 4 June 2019 ... In September" is September 2019)
        if (
            first is not None
            and first.start is not None
            and (first.start <= today or (ctx.lower_bound and first.start.year == today.year))
        ):
            return first
    if ctx.tense == "present":
        return min(
            (build(y) for y in range(today.year - 1, today.year + 2)),
            key=lambda s: _distance(s, today),
        )
    for year in range(today.year + 1, today.year - 3, -1):
        span = build(year)
        if span.start is not None and span.start <= today:
            return span
    return None


def _distance(span: Span, day: dt.date) -> int:
    if span.start is None or span.end is None:
        return 10**6
    if span.start <= day <= span.end:
        return 0
    return min(abs((span.start - day).days), abs((span.end - day).days))


def _first_on_or_after(build: Builder, start: dt.date) -> Span | None:
    floor = dt.date(start.year, start.month, 1)
    for year in range(start.year, start.year + 3):
        span = build(year)
        if span.start is not None and span.start >= floor:
            return span
    return None
