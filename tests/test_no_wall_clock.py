"""Tests must pass on a loaded machine: no test asserts on how long something took.

Timing belongs in ``benchmarks/`` (ratios against a baseline measured in the same run)."""

from __future__ import annotations

import re
from pathlib import Path

TESTS = Path(__file__).resolve().parent
# a clock read in a test file, and an assertion that compares an elapsed time
_CLOCK = re.compile(r"\btime\.(?:perf_counter|monotonic|time|process_time)(?:_ns)?\(")
_TIMED_ASSERT = re.compile(
    r"^\s*assert\b.*\b(?:elapsed|seconds|duration|perf_counter)\b", re.MULTILINE
)


def wall_clock_uses(text: str) -> list[str]:
    """The lines of a test file that read a clock or assert on an elapsed time."""
    return [
        line.strip()
        for line in text.splitlines()
        if _CLOCK.search(line) or _TIMED_ASSERT.match(line)
    ]


def test_the_detector_finds_a_timed_assertion():
    timed = "start = time.perf_counter()\nrun()\nassert time.perf_counter() - start < 2.0\n"
    assert len(wall_clock_uses(timed)) == 2
    assert wall_clock_uses("assert result.elapsed_days == 3\nassert n < 2\n") == []


def test_no_test_asserts_on_wall_clock_time():
    offenders = {
        str(path.relative_to(TESTS)): found
        for path in TESTS.rglob("*.py")
        if path.name != Path(__file__).name
        and (found := wall_clock_uses(path.read_text(encoding="utf-8")))
    }
    assert offenders == {}, "timing belongs in benchmarks/, not in tests"
