"""Helpers for the timex tests: resolve a text against a document date."""

from __future__ import annotations

import datetime as dt

import pytest


@pytest.fixture(scope="session")
def time_data():
    """The time stage's data (the events table and the recognizers-text model), loaded once."""
    from eventcoder.timex.events_table import TimeData

    return TimeData.load()


@pytest.fixture(scope="module")
def times(nlp, time_data):
    """``times(text, "YYYY-MM-DD")`` -> DocumentTimes."""
    from eventcoder.timex import resolve_document

    def run(text: str, date: str | None):
        day = dt.date.fromisoformat(date) if date else None
        return resolve_document(nlp(text), day, time_data)

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
