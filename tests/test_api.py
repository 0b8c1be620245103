"""The Python API end to end: eventcoder.code, Coder.code_many, records_to_frame."""

from __future__ import annotations

import re

import pytest

import eventcoder
from eventcoder.cli import EVAL_COMMANDS
from eventcoder.paths import REPO_DIR
from eventcoder.records import DocumentRecord, EventRecord

TEXT = (
    "The European Union imposed new sanctions on Belarus on Monday. "
    "Belarusian officials said the measures were illegal."
)


@pytest.fixture(scope="module")
def records():
    return eventcoder.code(TEXT, date="2022-11-16", doc_id="api1")


def test_code_returns_the_document_first_then_dated_events(records):
    assert isinstance(records[0], DocumentRecord) and records[0].id == "api1"
    assert records[0].date == "2022-11-16" and records[0].n_sentences == 2
    events = [r for r in records if isinstance(r, EventRecord)]
    sanction = [e for e in events if e.cameo and e.cameo.startswith("16")]
    assert sanction and sanction[0].source.code == "IGOEU"
    assert sanction[0].target.country == "BLR"
    assert sanction[0].date.start == "2022-11-14" and sanction[0].date.granularity == "day"
    start, end = sanction[0].trigger_span
    assert TEXT[start:end] == "imposed"


def test_records_to_frame(records):
    frame = eventcoder.records_to_frame(records, kind="event")
    assert len(frame) >= 1 and "source.code" in frame.columns


def test_code_many_codes_each_text():
    coder = eventcoder._default_coder()
    texts = ["Russia and China signed a trade agreement.", "Chile and Peru held talks."]
    documents = [r for r in coder.code_many(texts) if r.KIND == "document"]
    assert len(documents) == 2


@pytest.mark.parametrize(
    ("value", "error", "words"),
    [
        (None, TypeError, "NoneType"),
        (b"The EU met.", TypeError, "decode bytes first"),
        (42, TypeError, "int"),
        ("", ValueError, "no text"),
        ("   \n\t ", ValueError, "no text"),
    ],
)
def test_the_api_rejects_what_is_not_text(value, error, words):
    with pytest.raises(error, match=words):
        eventcoder.code(value)


@pytest.mark.parametrize("date", ["2022-02-30", "2022-13-01", "9999-12-31T99:99", "soon"])
def test_the_api_rejects_a_bad_date(date):
    with pytest.raises(ValueError, match="E050"):
        eventcoder.code("The EU imposed sanctions.", date=date)


def test_the_api_rejects_a_date_of_the_wrong_type():
    with pytest.raises(TypeError, match="E050"):
        eventcoder.code("The EU imposed sanctions.", date=20221115)


def test_every_eval_command_in_the_readme_is_registered():
    readme = (REPO_DIR / "README.md").read_text(encoding="utf-8")
    named = set(re.findall(r"eventcoder eval (\w+)", readme))
    assert named and named <= set(EVAL_COMMANDS)
