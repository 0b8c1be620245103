"""HTML pages: main text, title, publication date and canonical URL, with trafilatura."""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

from eventcoder.errors import Errors
from eventcoder.ingest.dates import parse_date
from eventcoder.ingest.document import Document, Rejection
from eventcoder.ingest.encoding import binary_kind

__all__ = [
    "HTML_SUFFIXES",
    "document_from_html",
    "looks_like_html",
    "nesting_depth",
    "read_html_file",
]

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
MIN_LINE_WORDS = 6  # main text has at least one line this long (menus and footers do not)
MAX_DEPTH = 255  # libxml2's HTML parser stops reading elements nested deeper than this
_TAG = re.compile(r"<(/?)([a-zA-Z][\w:-]*)[^>]*?(/?)>")
_VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)
log = logging.getLogger(__name__)


def looks_like_html(head: str) -> bool:
    """Does the start of a text look like an HTML page?"""
    start = head.lstrip()[:512].lower()
    return start.startswith(("<!doctype html", "<html")) or "<html" in start


def document_from_html(data: bytes | str, path: str) -> Document | Rejection:
    """Extract the main text and metadata of a page; a Rejection when it has no main text
    (nothing extracted, or only short lines such as a menu).

    The date is the page's publication date as htmldate finds it (meta tags, URL, visible
    dates), so its status is "inferred".
    """
    if isinstance(data, bytes) and not data.strip():
        return Rejection(path, Errors.E001.format(path=path))
    import trafilatura  # heavy; only needed for HTML

    extracted = trafilatura.bare_extraction(
        data,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
        include_images=False,
        date_extraction_params={"extensive_search": True, "original_date": True},
    )
    text = getattr(extracted, "text", None) if extracted is not None else None
    if not text or not any(len(line.split()) >= MIN_LINE_WORDS for line in text.splitlines()):
        depth = nesting_depth(data if isinstance(data, str) else data.decode("latin-1"))
        if depth > MAX_DEPTH:
            return Rejection(path, Errors.E046.format(path=path, depth=depth, limit=MAX_DEPTH))
        return Rejection(path, Errors.E006.format(path=path))
    document = Document.from_text(
        text,
        path=path,
        title=_meta(extracted, "title"),
        url=_meta(extracted, "url"),
        source=_meta(extracted, "sitename"),
    )
    document.date = parse_date(_meta(extracted, "date"))
    document.date_status = "inferred" if document.date else "unknown"
    document.metadata.update(
        {
            key: value
            for key in ("author", "description", "hostname")
            if (value := getattr(extracted, key, None))
        }
    )
    return document


def _meta(extracted: Any, key: str) -> str | None:
    """One metadata field of trafilatura's result (None when empty or missing)."""
    return getattr(extracted, key, None) or None


def nesting_depth(html: str) -> int:
    """How deeply the page's elements nest (void and self-closed elements do not count)."""
    depth = deepest = 0
    for closing, name, self_closed in _TAG.findall(html):
        if self_closed or name.lower() in _VOID:
            continue
        depth = max(0, depth - 1) if closing else depth + 1
        deepest = max(deepest, depth)
    return deepest


def read_html_file(path: Path) -> Document | Rejection:
    """Read one saved HTML page (trafilatura detects its encoding)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return Rejection(str(path), Errors.E004.format(path=path, detail=exc.strerror or exc))
    kind = binary_kind(data[:8192])
    if kind:
        return Rejection(str(path), Errors.E002.format(path=path, detail=kind))
    return document_from_html(data, str(path))
