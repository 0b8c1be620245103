"""Turning bytes into text: binary files refused, UTF-8 first, legacy encodings as a fallback.

Files are checked in blocks, so a 50 MB file is validated without holding its bytes twice.
"""

from __future__ import annotations

import codecs
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from eventcoder.errors import Errors, InputError

__all__ = ["FALLBACK_ENCODINGS", "binary_kind", "decode_bytes", "detect_file_encoding"]

FALLBACK_ENCODINGS = ("cp1252", "latin-1")
_BLOCK = 1 << 20
_MAGIC = {
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive or office document",
    b"\x1f\x8b": "a gzip archive",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x7fELF": "an executable",
    b"MZ": "an executable",
    b"SQLite format 3": "an SQLite database",
    b"BZh": "a bzip2 archive",
}
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_ODD_CATEGORIES = frozenset({"Cc", "Co", "Cn", "Cs"})
_MAX_ODD_SHARE = 0.01


def binary_kind(head: bytes) -> str | None:
    """What binary thing ``head`` (the first bytes of a file) looks like, or None for text."""
    for magic, kind in _MAGIC.items():
        if head.startswith(magic):
            return kind
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return None
    if b"\x00" in head:
        return "contains NUL bytes"
    return None


def _bom_encoding(head: bytes) -> str | None:
    for bom, name in _BOMS:
        if head.startswith(bom):
            return name
    return None


def _plausible(sample: str) -> bool:
    """Does decoded text look like writing (few control or unassigned characters)?"""
    if not sample:
        return True
    odd = sum(
        1 for ch in sample if ch not in "\t\n\r\f" and unicodedata.category(ch) in _ODD_CATEGORIES
    )
    return odd / len(sample) <= _MAX_ODD_SHARE


def _decodes(blocks: Iterable[bytes], encoding: str) -> str | None:
    """Decode all blocks; return a sample of the text (its start), or None on failure."""
    decoder = codecs.getincrementaldecoder(encoding)()
    sample = ""
    try:
        for block in blocks:
            text = decoder.decode(block)
            if len(sample) < 65_536:
                sample += text[:65_536]
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return None
    return sample


def _file_blocks(path: Path) -> Iterable[bytes]:
    with path.open("rb") as handle:
        while block := handle.read(_BLOCK):
            yield block


def detect_file_encoding(path: Path) -> str:
    """The encoding to read ``path`` with: BOM, UTF-8, else a fitting legacy encoding.

    Raises ``InputError`` (E001 empty, E002 binary, E003 no encoding fits).
    """
    with path.open("rb") as handle:
        head = handle.read(8192)
    if not head.strip():
        raise InputError(Errors.E001.format(path=path))
    kind = binary_kind(head)
    if kind:
        raise InputError(Errors.E002.format(path=path, detail=kind))
    bom = _bom_encoding(head)
    if bom:
        return bom
    for encoding in ("utf-8", *FALLBACK_ENCODINGS):
        sample = _decodes(_file_blocks(path), encoding)
        if sample is not None and (encoding == "utf-8" or _plausible(sample)):
            return encoding
    raise InputError(Errors.E003.format(path=path))


def decode_bytes(data: bytes, path: str) -> tuple[str, str]:
    """Decode bytes held in memory (standard input, HTML, a JSON line): (text, encoding)."""
    if not data.strip():
        raise InputError(Errors.E001.format(path=path))
    kind = binary_kind(data[:8192])
    if kind:
        raise InputError(Errors.E002.format(path=path, detail=kind))
    bom = _bom_encoding(data[:4])
    for encoding in (bom,) if bom else ("utf-8", *FALLBACK_ENCODINGS):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding == "utf-8" or encoding == bom or _plausible(text[:65_536]):
            return text, encoding
    raise InputError(Errors.E003.format(path=path))
