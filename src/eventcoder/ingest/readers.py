"""Plain text: files and standard input, with an optional metadata header.

A text file may start with a header of ``Key: value`` lines, one per line, keys (any case)
``Title``, ``Date``, ``Source``, ``URL`` and ``ID``; the header ends at the first other line
(a blank line after it is usual). For example::

    Title: Ministers meet in Nairobi
    Date: 2023-05-04
    Source: Example Wire

    NAIROBI - Foreign ministers from ...

The header stays in ``Document.original`` but not in ``Document.text``; a ``Date`` is the
document date (status "given"). Without a header, a short first line with no final full
stop is taken as the title (and stays in the text).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import BinaryIO

from eventcoder.errors import Errors, InputError
from eventcoder.ingest.cleaning import is_heading_like
from eventcoder.ingest.dates import parse_date
from eventcoder.ingest.document import Document, Rejection
from eventcoder.ingest.encoding import decode_bytes, detect_file_encoding

__all__ = ["HEADER_KEYS", "document_from_text", "read_header", "read_stdin", "read_text_file"]

HEADER_KEYS = ("title", "date", "source", "url", "id")
_HEADER_LINE = re.compile(
    r"[ \t]*(" + "|".join(HEADER_KEYS) + r")[ \t]*:[ \t]*(.*?)[ \t]*\r?\n", re.IGNORECASE
)


def read_header(original: str) -> tuple[dict[str, str], int]:
    """The metadata header at the start of a text: ({key: value}, where the body starts)."""
    fields: dict[str, str] = {}
    pos = 0
    while match := _HEADER_LINE.match(original, pos):
        key, value = match.group(1).lower(), match.group(2)
        if key in fields or not value:
            break
        fields[key] = value
        pos = match.end()
    return fields, pos


def _first_line_title(text: str) -> str | None:
    line, _, rest = text.partition("\n")
    line = line.strip()
    if rest.strip() and is_heading_like(line, first_line=True):
        return line
    return None


def document_from_text(original: str, path: str) -> Document:
    """Build a Document from plain text with the header convention of this module."""
    header, body_start = read_header(original)
    document = Document.from_text(
        original,
        id=header.get("id"),
        body_start=body_start,
        path=path,
        title=header.get("title"),
        url=header.get("url"),
        source=header.get("source"),
    )
    if "date" in header:
        document.date = parse_date(header["date"])
        document.date_status = "given" if document.date else "unknown"
        if document.date is None:
            document.warnings.append(Errors.E015.format(doc=path, value=header["date"]))
    if document.title is None:
        document.title = _first_line_title(document.text)
    if header:
        document.metadata["header"] = dict(header)
    return document


def read_text_file(path: Path) -> Document | Rejection:
    """Read one plain text file (any encoding that fits; see ``encoding``)."""
    try:
        encoding = detect_file_encoding(path)
        with path.open("r", encoding=encoding, newline="") as handle:
            original = handle.read()
    except InputError as exc:
        return Rejection(str(path), str(exc))
    except OSError as exc:
        return Rejection(str(path), Errors.E004.format(path=path, detail=exc.strerror or exc))
    document = document_from_text(original, str(path))
    if encoding not in ("utf-8", "utf-8-sig"):
        document.warnings.append(Errors.E014.format(path=path, encoding=encoding))
        document.metadata["encoding"] = encoding
    return document


def read_stdin(stream: BinaryIO | None = None) -> Document | Rejection:
    """Read standard input as one plain text document (path ``-``)."""
    stream = stream if stream is not None else sys.stdin.buffer
    try:
        original, encoding = decode_bytes(stream.read(), "-")
    except InputError as exc:
        return Rejection("-", str(exc))
    except OSError as exc:
        return Rejection("-", Errors.E004.format(path="-", detail=exc.strerror or exc))
    document = document_from_text(original, "-")
    if encoding not in ("utf-8", "utf-8-sig"):
        document.warnings.append(Errors.E014.format(path="-", encoding=encoding))
    return document
