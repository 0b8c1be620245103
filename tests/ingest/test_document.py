"""The Document type: ids, offsets back to the original, the document record."""

from __future__ import annotations

import datetime as dt

from eventcoder.ingest.document import Document, Rejection, content_id
from eventcoder.records import DocumentRecord


def test_content_id_is_stable_and_short() -> None:
    assert content_id("Talks ended.") == content_id("Talks ended.")
    assert content_id("Talks ended.") != content_id("Talks ended!")
    assert len(content_id("x")) == 17 and content_id("x").startswith("d")


def test_from_text_cleans_and_maps_back() -> None:
    original = "The army  withdrew from\nthe town on \u201cFriday\u201d."
    doc = Document.from_text(original, date="2022-03-04", title="Withdrawal")
    assert doc.text == 'The army withdrew from the town on "Friday".'
    assert doc.date == dt.date(2022, 3, 4) and doc.date_status == "given"
    start = doc.text.index("the town")
    assert doc.original_span(start, start + len("the town")) == "the town"
    assert doc.to_original(0, len(doc.text)) == (0, len(original))


def test_given_id_wins() -> None:
    assert Document.from_text("Text.", id="wire-17").id == "wire-17"
    assert Document.from_text("Text.").id == content_id("Text.")


def test_document_without_map_maps_to_itself() -> None:
    doc = Document(id="a", text="Plain.", original="Plain.", date=None, date_status="unknown")
    assert doc.to_original(1, 4) == (1, 4)


def test_document_record() -> None:
    doc = Document.from_text(
        "Talks ended.", id="n1", date=dt.date(2020, 5, 6), url="u", source="Wire", path="f.txt"
    )
    doc.warnings.append("a warning")
    record = doc.to_record(n_sentences=1)
    assert isinstance(record, DocumentRecord)
    assert (record.id, record.doc_id, record.date, record.date_status) == (
        "n1",
        "n1",
        "2020-05-06",
        "given",
    )
    assert record.to_dict()["warnings"] == ["a warning"] and record.status == "coded"


def test_rejection_defaults_to_rejected() -> None:
    assert Rejection("f.txt", "[E001] f.txt: file is empty").status == "rejected"
