"""Guarded patterns find exactly what the originals find."""

from __future__ import annotations

import re

import pytest

from eventcoder.regexes import first_characters, guarded

TEXT = (
    "On 3 March 2021 the ministry said that, since early 2019 and until Q2 2020, about "
    "40% of the 2,000 troops left; three weeks later, on Monday's vote (FY2022), US$5m "
    "went to Oslo. The day before, Marines and Julie met in mid-June - twice.\n\n"
    "Halloween 2018: between 10 and 12 people; the 1990s; 'the second half of 2017'."
)


@pytest.mark.parametrize(
    "pattern, flags",
    [
        (r"(?<![\w'-])(?:early|late)?\s*(?:March|June)(?:\s+(?P<y>\d{4}))?", 0),
        (r"(?<!\w)(?:the\s+)?(?:\d+|three|two)\s+(?:weeks?|people)", re.IGNORECASE),
        (r"\b(?:US\$|\$)\d+m?", 0),
        (r"(?:(?<=[a-z])(?=[A-Z])|(?<!\w))[A-Z][a-z]+", 0),
    ],
)
def test_guarded_finds_the_same_matches(pattern: str, flags: int) -> None:
    plain = re.compile(pattern, flags)
    fast = guarded(pattern, flags)
    assert fast.pattern != plain.pattern  # a guard was added
    assert [m.span() for m in fast.finditer(TEXT)] == [m.span() for m in plain.finditer(TEXT)]
    assert [m.groupdict() for m in fast.finditer(TEXT)] == [
        m.groupdict() for m in plain.finditer(TEXT)
    ]


def test_the_time_rules_are_guarded_and_unchanged() -> None:
    from eventcoder.timex.patterns import _RAW, RULES

    for name, raw in _RAW.items():
        plain = re.compile(raw)
        assert RULES[name].pattern.endswith(raw), name
        got = [(m.span(), m.groupdict()) for m in RULES[name].finditer(TEXT)]
        assert got == [(m.span(), m.groupdict()) for m in plain.finditer(TEXT)], name


def test_first_characters() -> None:
    assert first_characters(re.compile(r"(?<!\w)(?:Jan|Feb)\d?")) == "[JF]"
    assert first_characters(re.compile(r"(?:the\s+)?\d+")) == r"[t\d]"


@pytest.mark.parametrize("pattern", [r"a*", r"(?:x)?", r".b", r"[^a]b", r"(?=a)"])
def test_no_guard_where_the_first_characters_are_unknown(pattern: str) -> None:
    assert first_characters(re.compile(pattern)) is None
    assert guarded(pattern).pattern == pattern
