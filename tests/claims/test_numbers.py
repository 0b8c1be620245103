"""Number expressions on plain strings (no parse needed)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventcoder.claims.numbers import parse_value

from .conftest import numbers


def _one(text: str):
    found = numbers().find(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("They counted 9,000 troops.", 9000, 9000, None),
        ("It would last 3-4 days.", 3, 4, "day"),
        ("Between 5,000 and 7,000 people fled.", 5000, 7000, None),
        ("It took two to three weeks.", 2, 3, "week"),
        ("Aid of 2 to 3 million dollars arrived.", 2e6, 3e6, "USD"),
        ("At least 12 people died.", 12, None, None),
        ("Up to 50 boats sank.", None, 50, None),
        ("More than 200 were arrested.", 200, None, None),
        ("Fewer than 10 remain.", None, 10, None),
        ("Inflation hit 30% in May.", 30, 30, "percent"),
        ("Prices rose 4.5 per cent.", 4.5, 4.5, "percent"),
        ("The budget is $2.5 billion.", 2.5e9, 2.5e9, "USD"),
        ("A fund of €400m was set up.", 4e8, 4e8, "EUR"),
        ("Twenty-five soldiers were hurt.", 25, 25, None),
        ("The road is 12 km long.", 12, 12, "km"),
        ("It would last 3 TO 4 DAYS.", 3, 4, "day"),  # raised ValueError (issue 10)
        ("Between 5,000 AND 7,000 people fled.", 5000, 7000, None),
    ],
)
def test_values_ranges_bounds_and_units(text, low, high, unit):
    found = _one(text)
    assert (found.low, found.high, found.unit) == (low, high, unit)


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("Several thousand soldiers arrived.", 3000, 7000),
        ("Dozens of villages flooded.", 12, 99),
        ("Hundreds of people gathered.", 100, 999),
        ("Tens of thousands marched.", 10000, 99999),
        ("A few hundred supporters came.", 200, 500),
    ],
)
def test_vague_amounts_follow_the_table(text, low, high):
    found = _one(text)
    assert (found.low, found.high) == (low, high)
    assert found.vague and found.approximate


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("About a quarter of voters agree.", 0.25, "share"),
        ("Two thirds of the budget is spent.", 2 / 3, "share"),
        ("Half of those asked agreed.", 0.5, "share"),
        ("One in five homes was hit.", 0.2, "share"),
    ],
)
def test_fractions_are_shares(text, value, unit):
    found = _one(text)
    assert found.low == pytest.approx(value) and found.unit == unit


def test_approximation_keeps_the_value_and_flags_it():
    found = _one("Approximately 30% support it.")
    assert (found.low, found.high, found.approximate) == (30, 30, True)


@pytest.mark.parametrize(
    "text",
    [
        "The treaty was signed in 1997.",
        "On October 31, the talks resumed.",
        "They met on 12 March in Geneva.",
        "The talks start at 10:30 tomorrow.",
        "Article 5 was invoked.",
        "The F-16 jets landed.",
        "It was the 3rd attempt.",
        "One of the soldiers was hurt.",
        "A few weeks before the vote, he resigned.",
        "The war of 2014-2015 ended.",
    ],
)
def test_things_that_only_look_like_quantities(text):
    assert numbers().find(text) == []


def test_offsets_point_at_the_text():
    text = "Police said about 5,000 people came."
    found = _one(text)
    assert text[found.start : found.end] == found.text == "about 5,000"


@given(st.integers(min_value=0, max_value=10**9))
def test_digit_groups_parse_back(n):
    assert parse_value(f"{n:,}") == n


def test_m_is_million_after_a_currency_sign_and_metres_otherwise():
    assert [(n.low, n.unit) for n in numbers().find("a $100m deal")] == [(1e8, "USD")]
    assert [(n.low, n.unit) for n in numbers().find("posts 50m apart")] == [(50, "m")]


def test_a_year_before_a_singular_noun_is_a_date():
    assert numbers().find("since the 2003 war") == []
    assert [n.low for n in numbers().find("some 1990 troops")] == [1990]


@pytest.mark.parametrize("text", ["at 33°47′N 44°30′E", "Shia Arab.[1] The town", "two years ago"])
def test_coordinates_footnotes_and_ago(text):
    assert numbers().find(text) == []


@given(
    st.text(
        alphabet=st.sampled_from(list("0123456789,.-–% $€abcdefghijklmnopqrstuvwxyz ATHDSof")),
        max_size=60,
    )
)
def test_any_text_gives_consistent_matches(text):
    for found in numbers().find(text):
        assert text[found.start : found.end] == found.text
        assert found.low is None or found.high is None or found.low <= found.high


def test_a_score_is_not_a_range():
    assert numbers().find("They won 5-3 on Sunday.") == []
