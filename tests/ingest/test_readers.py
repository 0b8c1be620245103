"""Plain text files and standard input, with the metadata header convention."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from eventcoder.ingest.document import Document, Rejection
from eventcoder.ingest.readers import document_from_text, read_header, read_stdin, read_text_file


def test_header_gives_metadata_and_stays_out_of_the_text(fixtures: Path) -> None:
    doc = read_text_file(fixtures / "wrapped.txt")
    assert isinstance(doc, Document)
    assert doc.title == "Port strike ends after wage deal"
    assert doc.date == dt.date(2022, 6, 30) and doc.date_status == "given"
    assert doc.source == "Test Wire" and doc.url == "https://news.example.org/port-strike"
    assert doc.text.startswith("Dock workers in Santos")
    assert "Title:" in doc.original and "Title:" not in doc.text


def test_text_file_is_cleaned_with_offsets(fixtures: Path) -> None:
    doc = read_text_file(fixtures / "wrapped.txt")
    assert isinstance(doc, Document)
    assert "port authority agreed" in doc.text and "industrial action" in doc.text
    assert "Marta Alves told reporters" in doc.text
    assert doc.text.count("\n\n") == 1  # the paragraph break is kept
    start = doc.text.index("Marta Alves")
    assert doc.original_span(start, start + len("Marta Alves")) == "Marta Alves"


def test_header_reading_stops_at_the_first_other_line() -> None:
    fields, body = read_header("Date: 2023-05-04\nNote: not a header key\nText.")
    assert fields == {"date": "2023-05-04"}
    assert body == len("Date: 2023-05-04\n")
    assert read_header("The minister said: nothing.\n") == ({}, 0)


def test_unreadable_header_date_gives_a_warning() -> None:
    doc = document_from_text("Date: sometime soon\n\nThe talks went on.", "x.txt")
    assert doc.date is None and doc.date_status == "unknown"
    assert any("[E015]" in w for w in doc.warnings)


def test_short_first_line_is_the_title() -> None:
    doc = document_from_text("Rebels seize border town\nRebels took the town on Sunday.", "t")
    assert doc.title == "Rebels seize border town"
    assert document_from_text("Rebels took the town on Sunday.\nMore later.", "t").title is None


def test_stdin_is_one_document() -> None:
    doc = read_stdin(io.BytesIO(b"The senate voted 61 to 39 on Wednesday.\n"))
    assert isinstance(doc, Document) and doc.path == "-"
    assert doc.text == "The senate voted 61 to 39 on Wednesday."


def test_empty_stdin_is_rejected() -> None:
    result = read_stdin(io.BytesIO(b"  \n"))
    assert isinstance(result, Rejection) and "[E001]" in result.message


def test_unreadable_file_is_reported(tmp_path: Path) -> None:
    result = read_text_file(tmp_path)  # a folder is not a readable file
    assert isinstance(result, Rejection)
    assert str(tmp_path) in result.message and "[E004]" in result.message
