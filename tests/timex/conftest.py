"""Helpers for the timex tests: resolve a text against a document date."""

from __future__ import annotations

import datetime as dt

import pytest


@pytest.fixture(scope="module")
def times(nlp):
    """``times(text, "YYYY-MM-DD")`` -> DocumentTimes."""
    from eventcoder.timex import resolve_document

    def run(text: str, date: str | None):
        return resolve_document(nlp(text), dt.date.fromisoformat(date) if date else None)

    return run


@pytest.fixture(scope="module")
def interval(times):
    """``interval(text, date, expression)`` -> (start, end, granularity) of the expression."""

    def run(text: str, date: str, expression: str):
        result = times(text, date)
        start = text.index(expression)
        for timex in result.timexes:
            if timex.start_char < start + len(expression) and start < timex.end_char:
                i = timex.interval
                return i.start, i.end, i.granularity
        return None

    return run
