"""HTML pages through trafilatura: main text, title, date, canonical URL."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from eventcoder.ingest.document import Document, Rejection
from eventcoder.ingest.html import (
    document_from_html,
    looks_like_html,
    nesting_depth,
    read_html_file,
)


def test_page_gives_main_text_and_metadata(fixtures: Path) -> None:
    doc = read_html_file(fixtures / "page.html")
    assert isinstance(doc, Document)
    assert doc.title == "Flood talks resume in Dhaka"
    assert doc.url == "https://news.example.org/world/flood-talks"
    assert doc.date == dt.date(2021, 8, 9) and doc.date_status == "inferred"
    assert doc.source == "Test News"
    assert "flood data on Monday" in doc.text
    assert "Log in" not in doc.text and "All rights reserved" not in doc.text


def test_page_without_main_text_is_rejected(fixtures: Path) -> None:
    result = read_html_file(fixtures / "nav_only.html")
    assert isinstance(result, Rejection) and "[E006]" in result.message
    assert "nav_only.html" in result.message


def test_empty_page_is_rejected() -> None:
    result = document_from_html(b"   ", "empty.html")
    assert isinstance(result, Rejection) and "[E001]" in result.message


def test_looks_like_html() -> None:
    assert looks_like_html("  <!DOCTYPE html><html>")
    assert not looks_like_html("The <b> tag is not a page.")


def test_deeply_nested_page_says_so() -> None:
    body = "<p>" + "The ministers met in Lusaka on Tuesday to discuss debt relief. " * 3 + "</p>"
    page = "<html><body>" + "<div>" * 3000 + body + "</div>" * 3000 + "</body></html>"
    result = document_from_html(page, "deep.html")
    assert isinstance(result, Rejection) and result.message.startswith("[E046]")
    assert "3003 levels" in result.message  # html, body, 3000 divs, p


def test_nesting_depth_ignores_void_and_closed_elements() -> None:
    assert nesting_depth("<div><p>a<br>b<img src=x/></p><p>c</p></div>") == 2
