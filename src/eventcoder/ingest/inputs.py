"""``read_inputs``: every input the user names (files, folders, ``-``) as a stream of documents.

Each input becomes Documents or Rejections, one at a time (a corpus is never held in
memory). Afterwards each Document gets its date (its own, else ``date``; else a warning and
date unknown), its language (non-English is skipped when ``language="en"``), and identical
documents (same cleaned text) or reused ids are skipped after the first.
"""

from __future__ import annotations

import datetime as dt
import errno
import fnmatch
import os
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

from eventcoder.errors import Errors
from eventcoder.ingest.document import Document, Rejection, content_id
from eventcoder.ingest.html import HTML_SUFFIXES, looks_like_html, read_html_file
from eventcoder.ingest.jsonl import (
    JSON_SUFFIXES,
    JSONL_SUFFIXES,
    field_mapping,
    read_json_file,
    read_jsonl_file,
)
from eventcoder.ingest.language import detect_language, is_wanted
from eventcoder.ingest.parquet import PARQUET_SUFFIXES, read_parquet_file
from eventcoder.ingest.readers import read_stdin, read_text_file

__all__ = ["FOLDER_SUFFIXES", "iter_folder", "read_inputs"]

TEXT_SUFFIXES = (".txt", ".text")
FOLDER_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES + JSON_SUFFIXES + PARQUET_SUFFIXES


def read_inputs(
    inputs: Sequence[str | Path],
    *,
    date: dt.date | None = None,
    glob: str | None = None,
    jsonl_fields: Mapping[str, str] | None = None,
    language: str = "en",
    exclude: Sequence[str | Path] = (),
) -> Iterator[Document | Rejection]:
    """Stream Documents (ready to code) and Rejections from files, folders and ``-``.

    ``glob`` filters the files found in folders (e.g. ``"*.txt"``, ``"2023/*.html"``);
    ``jsonl_fields`` renames JSON Lines fields; ``language`` is the language to keep
    ("any" keeps all); files in folders that are ``exclude`` (the run's own output) are
    not read. Raises ``ConfigError`` at once for a bad ``jsonl_fields``.
    """
    field_mapping(jsonl_fields)  # a bad mapping is an error now, before any reading
    skip = frozenset(os.path.realpath(p) for p in exclude)
    return _stream(inputs, date, glob, dict(jsonl_fields or {}), language, skip)


def _stream(
    inputs: Sequence[str | Path],
    date: dt.date | None,
    glob: str | None,
    fields: Mapping[str, str],
    language: str,
    skip: frozenset[str] = frozenset(),
) -> Iterator[Document | Rejection]:
    seen_text: dict[str, str] = {}
    seen_ids: dict[str, str] = {}
    for item in _read_all(inputs, glob, fields, skip):
        if isinstance(item, Document):
            item = _finish(item, date, language, seen_text, seen_ids)
        yield item


def _finish(
    document: Document,
    date: dt.date | None,
    language: str,
    seen_text: dict[str, str],
    seen_ids: dict[str, str],
) -> Document | Rejection:
    """Check, date and identify one document; a Rejection when it is not to be coded."""
    where = document.path or document.id
    if not document.text.strip():
        return Rejection(where, Errors.E012.format(doc=where))
    key = content_id(document.text)
    if key in seen_text:
        return Rejection(where, Errors.E016.format(doc=where, first=seen_text[key]), "skipped")
    if document.id in seen_ids:
        first = seen_ids[document.id]
        return Rejection(where, Errors.E017.format(doc=where, first=first), "skipped")
    lang, prob = detect_language(document.text)
    document.language = lang
    if not is_wanted(lang, prob, language, document.text):
        return Rejection(where, Errors.E009.format(doc=where, lang=lang), "skipped")
    seen_text[key] = seen_ids[document.id] = where
    if document.date is None and date is not None:
        document.date, document.date_status = date, "given"
    if document.date is None:
        document.date_status = "unknown"
        document.warnings.append(Errors.E010.format(doc=where))
    return document


def _read_all(
    inputs: Sequence[str | Path],
    glob: str | None,
    fields: Mapping[str, str],
    skip: frozenset[str] = frozenset(),
) -> Iterator[Document | Rejection]:
    for entry in inputs:
        if str(entry) == "-":
            yield read_stdin()
            continue
        if "://" in str(entry):  # any fsspec URL: s3://, gs://, https://, ...
            yield from _read_urls(str(entry), fields)
            continue
        path = Path(entry)
        if path.is_dir():
            found = False
            for item in iter_folder(path, glob):
                if isinstance(item, Path) and os.path.realpath(item) in skip:
                    continue  # the run's own output: never read back as input
                found = True
                yield from _read_path(item, fields) if isinstance(item, Path) else (item,)
            if not found:
                yield Rejection(
                    str(path),
                    Errors.E020.format(
                        path=path, glob=glob or " ".join("*" + s for s in FOLDER_SUFFIXES)
                    ),
                )
        elif path.exists():
            yield from _read_path(path, fields)
        else:
            yield Rejection(str(path), _missing(path))


def _missing(path: Path) -> str:
    """Why a named path cannot be read: a link loop, or nothing there."""
    if path.is_symlink() and _loops(path):
        return Errors.E044.format(path=path)
    return Errors.E005.format(path=path)


def _loops(path: Path) -> bool:
    try:
        os.stat(path)
    except OSError as exc:
        return exc.errno == errno.ELOOP
    return False


def _read_path(path: Path, fields: Mapping[str, str]) -> Iterator[Document | Rejection]:
    """One file's documents; ``fields`` are the user's JSON field renamings (``--field``)."""
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl_file(path, fields)
        return
    if suffix in PARQUET_SUFFIXES:
        yield from read_parquet_file(path, fields)
        return
    if suffix in JSON_SUFFIXES:
        yield from read_json_file(path, fields)
        return
    if suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES and _sniff_html(path)):
        kind, item = "HTML", read_html_file(path)
    else:
        kind, item = "text", read_text_file(path)
    if fields:  # never ignore a --field silently
        renamed = " ".join(f"{k}={v}" for k, v in fields.items())
        message = Errors.E230.format(path=path, fields=renamed, kind=kind)
        yield Rejection(str(path), message, status="warning")
    yield item


def _read_urls(url: str, fields: Mapping[str, str]) -> Iterator[Document | Rejection]:
    """JSON Lines (``.jsonl``, ``.ndjson``, compressed too) or Parquet files named by an
    fsspec URL, which may hold a glob (``s3://bucket/2024-05-*/*.parquet``)."""
    import fsspec

    try:
        files = fsspec.open_files(url, "rb")
    except (OSError, ValueError, ImportError) as exc:
        yield Rejection(url, Errors.E004.format(path=url, detail=exc))
        return
    if not files:
        yield Rejection(url, Errors.E005.format(path=url))
        return
    for file in files:
        full = file.full_name
        name = full.lower().removesuffix(".gz").removesuffix(".bz2").removesuffix(".zst")
        if name.endswith(PARQUET_SUFFIXES):
            yield from read_parquet_file(full, fields)
        elif name.endswith(JSONL_SUFFIXES):
            yield from read_jsonl_file(full, fields)
        else:
            yield Rejection(full, Errors.E022.format(path=full))


def _sniff_html(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            head = handle.read(1024)
    except OSError:
        return False  # the text reader reports the problem
    return looks_like_html(head.decode("latin-1"))


def iter_folder(folder: Path, glob: str | None = None) -> Iterator[Path | Rejection]:
    """Files under ``folder`` (recursive, sorted, hidden ones left out) that match ``glob``
    (against the path relative to the folder or the file name), by default those with a
    known suffix. An unreadable sub-folder yields a Rejection."""
    for item in _walk(folder):
        if isinstance(item, Rejection) or _matches(item, folder, glob):
            yield item
        elif glob is None:  # say what was passed over, so nothing is lost silently
            yield Rejection(str(item), Errors.E022.format(path=item), status="skipped")


def _walk(folder: Path) -> Iterator[Path | Rejection]:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        yield Rejection(str(folder), Errors.E004.format(path=folder, detail=exc.strerror or exc))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(Path(entry.path))
        elif entry.is_symlink() and _loops(Path(entry.path)):
            yield Rejection(entry.path, Errors.E044.format(path=entry.path))
        elif entry.is_symlink() and entry.is_dir():
            yield Rejection(entry.path, Errors.E045.format(path=entry.path), status="skipped")
        else:
            yield Path(entry.path)


def _matches(path: Path, folder: Path, glob: str | None) -> bool:
    if glob is None:
        return path.suffix.lower() in FOLDER_SUFFIXES
    relative = path.relative_to(folder).as_posix()
    return fnmatch.fnmatch(relative, glob) or fnmatch.fnmatch(path.name, glob)
