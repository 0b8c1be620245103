"""Resolution of single expressions against a document date."""

import pytest

CASES = [
    (
        "Talks were held in early March.",
        "2023-03-15",
        "early March",
        ("2023-03-01", "2023-03-10", "month"),
    ),
    (
        "It happened in spring 2021.",
        "2022-11-15",
        "spring 2021",
        ("2021-03-01", "2021-05-31", "season"),
    ),
    ("Growth slowed in Q3 2019.", "2020-01-08", "Q3 2019", ("2019-07-01", "2019-09-30", "quarter")),
    (
        "The dispute began in the late 1980s.",
        "2020-01-08",
        "the late 1980s",
        ("1987-01-01", "1989-12-31", "decade"),
    ),
    (
        "Police fired shots on Thursday.",
        "2023-03-15",
        "Thursday",
        ("2023-03-09", "2023-03-09", "day"),
    ),
    (
        "Ministers will meet on Thursday.",
        "2023-03-15",
        "Thursday",
        ("2023-03-16", "2023-03-16", "day"),
    ),
    (
        "The rebels attacked overnight.",
        "2023-03-15",
        "overnight",
        ("2023-03-14", "2023-03-15", "day"),
    ),
    ("Prices rose last month.", "2023-03-15", "last month", ("2023-02-01", "2023-02-28", "month")),
    (
        "He resigned three months ago.",
        "2023-03-15",
        "three months ago",
        ("2022-12-01", "2022-12-31", "month"),
    ),
    (
        "Currently the army holds the town.",
        "2023-03-15",
        "Currently",
        ("2023-03-15", "2023-03-15", "day"),
    ),
    (
        "The vote was held on 2021-09-19.",
        "2023-03-15",
        "2021-09-19",
        ("2021-09-19", "2021-09-19", "day"),
    ),
    (
        "They met on Christmas Day.",
        "2020-01-08",
        "Christmas Day",
        ("2019-12-25", "2019-12-25", "day"),
    ),
]


@pytest.mark.parametrize("text,date,expression,expected", CASES)
def test_resolves(interval, text, date, expression, expected):
    assert interval(text, date, expression) == expected


def test_year_without_month_follows_narrative(interval):
    text = "Talks collapsed in August 2021. In February, both sides returned."
    assert interval(text, "2023-03-15", "February") == ("2022-02-01", "2022-02-28", "month")


def test_month_without_narrative_is_most_recent(interval):
    text = "In December, the protests spread."
    assert interval(text, "2020-01-08", "December") == ("2019-12-01", "2019-12-31", "month")


def test_future_month_is_next_occurrence(interval):
    text = "The minister will visit Kyiv in June."
    assert interval(text, "2025-07-05", "June") == ("2026-06-01", "2026-06-30", "month")


def test_narrative_offset(interval):
    text = "The troops withdrew on October 6 and the offensive began three days later."
    assert interval(text, "2019-11-04", "three days later") == ("2019-10-09", "2019-10-09", "day")


def test_event_dated_in_document_anchors(interval):
    text = (
        "Two weeks after the election, the opposition conceded. "
        "The election was held on 12 December."
    )
    assert interval(text, "2020-01-08", "Two weeks after the election") == (
        "2019-12-23",
        "2019-12-29",
        "week",
    )


def test_event_from_table_anchors(interval):
    text = "Ukraine has been at war since the invasion began."
    assert interval(text, "2023-03-15", "since the invasion began") == (
        "2022-02-24",
        "2023-03-15",
        "day",
    )


def test_year_ranges(interval):
    text = "Prisoners of the 1991-1995 conflict and of the 2019-20 season were freed."
    assert interval(text, "2022-11-15", "1991-1995") == ("1991-01-01", "1995-12-31", "year")
    assert interval(text, "2022-11-15", "2019-20") == ("2019-01-01", "2020-12-31", "year")


def test_last_month_name(interval):
    text = "Riots broke out last March and again last November."
    assert interval(text, "2016-06-15", "last March") == ("2016-03-01", "2016-03-31", "month")
    assert interval(text, "2016-06-15", "last November") == ("2015-11-01", "2015-11-30", "month")
