"""JSON Lines corpora: one JSON object per line, read one line at a time; ``.json`` files
that hold JSON Lines, an array of objects or one object.

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

__all__ = [
    "DEFAULT_FIELDS",
    "JSONL_SUFFIXES",
    "JSON_SUFFIXES",
    "field_mapping",
    "read_json_file",
    "read_jsonl_file",
]

JSONL_SUFFIXES = (".jsonl", ".ndjson")
JSON_SUFFIXES = (".json",)
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


def _parse_line(raw: bytes, path: Path | str, number: int) -> dict[str, Any] | Rejection:
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


class _FieldCheck:
    """Remembers which of the user's renamed fields (``--field``) any item had."""

    def __init__(
        self, path: Path | str, fields: Mapping[str, str], overrides: Mapping[str, str]
    ) -> None:
        self.path, self.fields = path, fields
        self.missing = {name: fields[name] for name in overrides if name != "text"}

    def see(self, item: Mapping[str, Any]) -> None:
        for name in [n for n, f in self.missing.items() if _get(item, f) is not None]:
            del self.missing[name]

    def warnings(self, items: int) -> Iterator[Rejection]:
        for name, field_name in self.missing.items() if items else ():
            message = Errors.E231.format(path=self.path, field=field_name, name=name)
            yield Rejection(str(self.path), message, status="warning")


def _open_binary(path: Path | str) -> Any:
    """A local file, or any fsspec URL (``s3://bucket/news.jsonl.gz``, compression inferred)."""
    if isinstance(path, str) and "://" in path:
        import fsspec

        return fsspec.open(path, "rb", compression="infer").open()
    return Path(path).open("rb")


def read_jsonl_file(
    path: Path | str, fields: Mapping[str, str] | None = None
) -> Iterator[Document | Rejection]:
    """Stream the documents of a JSON Lines file (a path or an fsspec URL), one line at a
    time.

    A renamed field (``fields``) that no line has is named in a warning at the end.
    """
    mapping = field_mapping(fields)
    check = _FieldCheck(path, mapping, fields or {})
    found = 0
    try:
        with _open_binary(path) as handle:
            for number, raw in enumerate(handle, start=1):
                if not raw.strip():
                    continue
                found += 1
                item = _parse_line(raw, path, number)
                if isinstance(item, Rejection):
                    yield item
                    continue
                check.see(item)
                yield document_from_item(item, mapping, f"{path}:{number}")
    except OSError as exc:
        yield Rejection(str(path), Errors.E004.format(path=path, detail=exc.strerror or exc))
        return
    if not found:
        yield Rejection(str(path), Errors.E001.format(path=path))
    yield from check.warnings(found)


def _first_line(path: Path) -> bytes:
    with path.open("rb") as handle:
        for raw in handle:
            if raw.strip():
                return raw.strip()
    return b""


def read_json_file(
    path: Path, fields: Mapping[str, str] | None = None
) -> Iterator[Document | Rejection]:
    """A ``.json`` file: JSON Lines (one object per line, as mongoexport writes), a JSON
    array of objects, or one object; each object is one document."""
    try:
        first = _first_line(path).lstrip(b"\xef\xbb\xbf")
    except OSError as exc:
        yield Rejection(str(path), Errors.E004.format(path=path, detail=exc.strerror or exc))
        return
    if first.startswith(b"{"):
        try:
            complete = isinstance(json.loads(first), dict)
        except (ValueError, UnicodeDecodeError):
            complete = False
        if complete:  # the first line is a whole object: JSON Lines
            yield from read_jsonl_file(path, fields)
            return
    yield from _read_json_document(path, fields)


def _read_json_document(
    path: Path, fields: Mapping[str, str] | None
) -> Iterator[Document | Rejection]:
    """A whole-file JSON value: an array of objects or one object."""
    mapping = field_mapping(fields)
    try:
        value = json.loads(path.read_bytes().decode("utf-8-sig"))
    except OSError as exc:
        yield Rejection(str(path), Errors.E004.format(path=path, detail=exc.strerror or exc))
        return
    except (ValueError, UnicodeDecodeError) as exc:
        detail = f"{exc.msg} at line {exc.lineno}" if isinstance(exc, json.JSONDecodeError) else exc
        yield Rejection(str(path), Errors.E232.format(path=path, detail=detail))
        return
    items = value if isinstance(value, list) else [value]
    if not isinstance(value, (list, dict)):
        yield Rejection(
            str(path), Errors.E232.format(path=path, detail=f"a JSON {type(value).__name__}")
        )
        return
    if not items:
        yield Rejection(str(path), Errors.E001.format(path=path))
        return
    check = _FieldCheck(path, mapping, fields or {})
    for number, item in enumerate(items, start=1):
        where = f"{path}:{number}"  # the item's position in the array
        if not isinstance(item, dict):
            detail = f"item {number} is a JSON {type(item).__name__}, not an object"
            yield Rejection(where, Errors.E007.format(path=path, line=number, detail=detail))
            continue
        check.see(item)
        yield document_from_item(item, mapping, where)
    yield from check.warnings(len(items))
