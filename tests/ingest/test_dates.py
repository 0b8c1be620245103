"""Document dates from ISO strings, dates and free text."""

from __future__ import annotations

import datetime as dt

import pytest

from eventcoder.ingest.dates import parse_date


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2023-05-04", dt.date(2023, 5, 4)),
        ("2023-05-04T18:30:00Z", dt.date(2023, 5, 4)),
        ("2023-05-04 08:00", dt.date(2023, 5, 4)),
        (dt.datetime(2021, 1, 2, 3, 4), dt.date(2021, 1, 2)),
        (dt.date(2021, 1, 2), dt.date(2021, 1, 2)),
        ("4 May 2023", dt.date(2023, 5, 4)),
        ("May 4, 2023", dt.date(2023, 5, 4)),
    ],
)
def test_dates_are_read(value: object, expected: dt.date) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    "value",
    [None, "", "soon", "2023-13-45", "May 2023", 20230504, "9999-12-31T99:99", "2023-05-04T25:00"],
)
def test_non_dates_give_none(value: object) -> None:
    assert parse_date(value) is None
