"""Fuzzing `eventcoder code` and the Python API with random text, bytes and JSON lines:
no traceback, no stage failure (strict mode is on in tests), no good document lost."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import eventcoder
from eventcoder import cli_code
from eventcoder.cli import main
from eventcoder.coder import code_document
from eventcoder.records import DocumentRecord

GOOD = "The foreign ministers of Chile and Peru met in Lima on Monday to discuss trade."
WORDS = st.sampled_from(
    [
        "the",
        "EU",
        "Russia",
        "said",
        "3",
        "TO",
        "4",
        "DAYS",
        "9,000",
        "troops",
        "in",
        "March",
        "poll",
        "45%",
        "of",
        "voters",
        "[/red]",
        "\x1b[2J",
        "=SUM(A1)",
        "\x00",
        "中国",
        "минск",
        "'",
        '"',
        "—",
        "…",
        "\n\n",
        "between",
        "and",
        "up",
        "to",
        "several",
        "thousand",
        "2022-13-45",
    ]
)
NEWSY = st.lists(WORDS, max_size=40).map(" ".join)
TEXT = st.one_of(st.text(max_size=300), NEWSY)
JSON_VALUE = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=6,
)
JSON_LINE = st.one_of(
    st.builds(
        lambda text, date, ident: json.dumps({"id": ident, "text": text, "date": date}),
        TEXT,
        st.one_of(st.none(), TEXT, st.just("9999-12-31T99:99"), st.just("2022-11-15")),
        st.one_of(st.none(), TEXT),
    ),
    JSON_VALUE.map(json.dumps),
    st.text(max_size=80),
)
FILES = st.lists(
    st.one_of(
        st.tuples(st.just(".txt"), st.one_of(TEXT.map(str.encode), st.binary(max_size=300))),
        st.tuples(
            st.just(".jsonl"), st.lists(JSON_LINE, max_size=4).map("\n".join).map(str.encode)
        ),
        st.tuples(st.just(".html"), TEXT.map(lambda t: f"<html><p>{t}</p></html>".encode())),
    ),
    min_size=1,
    max_size=4,
)


@pytest.fixture(scope="module")
def coder():
    return eventcoder._default_coder()


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(files=FILES)
def test_code_survives_random_input_and_keeps_the_good_document(coder, files):
    with tempfile.TemporaryDirectory() as folder, pytest.MonkeyPatch.context() as patch:
        patch.setattr(cli_code, "_load_coder", lambda *a, **k: lambda d: code_document(d, coder))
        root = Path(folder)
        for n, (suffix, data) in enumerate(files):
            (root / f"f{n}{suffix}").write_bytes(data)
        (root / "good.txt").write_text(GOOD)
        result = CliRunner().invoke(main, ["code", folder, "--date", "2022-11-15"])
    assert result.exit_code in (0, 3), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.stderr and "[E013]" not in result.stderr
    heads = [
        json.loads(line) for line in result.stdout.split("\n") if line.strip()
    ]  # JSON Lines: \n only
    good = [r for r in heads if r.get("path", "").endswith("good.txt")]
    assert good and good[0]["status"] == "coded"


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=TEXT, date=st.one_of(st.none(), st.just("2022-11-15")))
def test_the_api_codes_any_text_or_says_why_not(coder, text, date):
    try:
        records = coder.code(text, date=date)
    except ValueError as exc:
        assert not text.strip() or "[E012]" in str(exc)
        return
    assert isinstance(records[0], DocumentRecord) and records[0].status == "coded"
    for record in records:
        assert record.to_dict()["record"] == record.KIND


@settings(max_examples=20, deadline=None)
@given(value=st.one_of(st.binary(), st.integers(), st.none(), st.lists(st.text())))
def test_the_api_refuses_what_is_not_text(value):
    with pytest.raises(TypeError):
        eventcoder.code(value)
