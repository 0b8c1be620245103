"""JSON Lines corpora: one JSON object per line, read one line at a time.

Each object gives ``id``, ``text``, ``date`` and optionally ``url``, ``title``, ``source``;
the field names are configurable (``{"text": "body", "date": "published_at"}``; a dotted
name such as ``meta.date`` reaches into a nested object). Other fields go to
``Document.metadata``. A malformed line becomes a Rejection naming the file and line; the
other lines are still read.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from eventcoder.errors import ConfigError, Errors
from eventcoder.ingest.dates import parse_date
from eventcoder.ingest.document import Document, Rejection

__all__ = ["DEFAULT_FIELDS", "JSONL_SUFFIXES", "field_mapping", "read_jsonl_file"]

JSONL_SUFFIXES = (".jsonl", ".ndjson")
DEFAULT_FIELDS: dict[str, str] = {
    name: name for name in ("id", "text", "date", "url", "title", "source")
}


def field_mapping(overrides: Mapping[str, str] | None) -> dict[str, str]:
    """The field names to read, the defaults updated with ``overrides`` (checked)."""
    fields = dict(DEFAULT_FIELDS)
    for name, field_name in (overrides or {}).items():
        if name not in DEFAULT_FIELDS or not field_name:
            raise ConfigError(
                Errors.E019.format(value=f"{name}={field_name}", names=", ".join(DEFAULT_FIELDS))
            )
        fields[name] = field_name
    return fields


def _get(item: Mapping[str, Any], dotted: str) -> Any:
    value: Any = item
    for part in dotted.split("."):
        if not isinstance(value, Mapping) or part not in value:
            return None
        value = value[part]
    return value


def _text_or_none(value: Any) -> str | None:
    if value is None or isinstance(value, (dict, list)):
        return None
    text = str(value).strip()
    return text or None


def document_from_item(
    item: Mapping[str, Any], fields: Mapping[str, str], where: str
) -> Document | Rejection:
    """Build a Document from one parsed JSON object (``where`` is ``path:line``)."""
    text = _get(item, fields["text"])
    if not isinstance(text, str) or not text.strip():
        path, _, line = where.rpartition(":")
        return Rejection(where, Errors.E008.format(path=path, line=line, field=fields["text"]))
    document = Document.from_text(
        text,
        id=_text_or_none(_get(item, fields["id"])),
        path=where,
        title=_text_or_none(_get(item, fields["title"])),
        url=_text_or_none(_get(item, fields["url"])),
        source=_text_or_none(_get(item, fields["source"])),
    )
    raw_date = _get(item, fields["date"])
    document.date = parse_date(raw_date)
    document.date_status = "given" if document.date else "unknown"
    if raw_date not in (None, "") and document.date is None:
        document.warnings.append(Errors.E015.format(doc=document.id, value=raw_date))
    used = {name.split(".")[0] for name in fields.values()}
    document.metadata.update({k: v for k, v in item.items() if k not in used})
    return document


def _parse_line(raw: bytes, path: Path, number: int) -> dict[str, Any] | Rejection:
    try:
        item = json.loads(raw.decode("utf-8-sig" if number == 1 else "utf-8"))
    except UnicodeDecodeError:
        detail = "not UTF-8"
    except json.JSONDecodeError as exc:
        detail = f"{exc.msg} at column {exc.colno}"
    else:
        if isinstance(item, dict):
            return item
        detail = f"a JSON {type(item).__name__}, not an object"
    return Rejection(f"{path}:{number}", Errors.E007.format(path=path, line=number, detail=detail))


def read_jsonl_file(
    path: Path, fields: Mapping[str, str] | None = None
) -> Iterator[Document | Rejection]:
    """Stream the documents of a JSON Lines file, one line at a time."""
    mapping = field_mapping(fields)
    found = False
    try:
        with path.open("rb") as handle:
            for number, raw in enumerate(handle, start=1):
                if not raw.strip():
                    continue
                found = True
                item = _parse_line(raw, path, number)
                yield (
                    item
                    if isinstance(item, Rejection)
                    else document_from_item(item, mapping, f"{path}:{number}")
                )
    except OSError as exc:
        yield Rejection(str(path), Errors.E004.format(path=path, detail=exc.strerror or exc))
        return
    if not found:
        yield Rejection(str(path), Errors.E001.format(path=path))
