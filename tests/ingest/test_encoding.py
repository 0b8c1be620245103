"""Bytes to text: binary refused, UTF-8 first, legacy encodings when they fit."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventcoder.errors import InputError
from eventcoder.ingest.encoding import binary_kind, decode_bytes, detect_file_encoding


def _write(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "doc.txt"
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    "head, kind",
    [
        (b"%PDF-1.7\n...", "a PDF document"),
        (b"PK\x03\x04rest", "a ZIP archive or office document"),
        (b"text\x00with nul", "contains NUL bytes"),
        (b"Plain words.", None),
        ("\ufeffBOM text".encode("utf-16"), None),
    ],
)
def test_binary_kind(head: bytes, kind: str | None) -> None:
    assert binary_kind(head) == kind


def test_utf8_file(tmp_path: Path) -> None:
    assert detect_file_encoding(_write(tmp_path, "Zürich talks".encode())) == "utf-8"


def test_legacy_file_falls_back_to_cp1252(tmp_path: Path) -> None:
    data = "The caf\u00e9 \u201cowners\u201d said".encode("cp1252")
    assert detect_file_encoding(_write(tmp_path, data)) == "cp1252"


def test_utf16_with_bom(tmp_path: Path) -> None:
    assert detect_file_encoding(_write(tmp_path, "Talks.".encode("utf-16"))) == "utf-16"


@pytest.mark.parametrize(
    "data, code",
    [
        (b"", "[E001]"),
        (b"  \n\t", "[E001]"),
        (b"\x89PNG\r\n\x1a\n", "[E002]"),
        (bytes(range(1, 32)) * 40 + b"\x81\x8d" * 50, "[E003]"),
    ],
)
def test_bad_files_are_refused_with_a_message(tmp_path: Path, data: bytes, code: str) -> None:
    path = _write(tmp_path, data)
    with pytest.raises(InputError) as info:
        detect_file_encoding(path)
    assert code in str(info.value) and str(path) in str(info.value)


def test_decode_bytes_in_memory() -> None:
    assert decode_bytes("na\u00efve".encode(), "-") == ("na\u00efve", "utf-8")
    assert decode_bytes("na\u00efve".encode("cp1252"), "-") == ("na\u00efve", "cp1252")
    with pytest.raises(InputError):
        decode_bytes(b"\x00\x01\x02", "-")
