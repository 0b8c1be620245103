"""read_inputs: files, folders, globs, stdin; dates, languages, duplicates, bad input."""

from __future__ import annotations

import datetime as dt
import io
import json
import sys
import tracemalloc
from pathlib import Path

import pytest

from eventcoder.errors import ConfigError
from eventcoder.ingest.document import Document, Rejection
from eventcoder.ingest.inputs import iter_folder, read_inputs

ENGLISH = "The finance ministers of the region met in Lusaka on Tuesday to discuss debt relief."
FRENCH = (
    "Les ministres des finances de la région se sont réunis mardi à Lusaka pour discuter "
    "de l'allègement de la dette."
)


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(ENGLISH)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("Date: 2021-02-03\n\nThe vote was postponed again.")
    (tmp_path / "sub" / "fr.txt").write_text(FRENCH)
    (tmp_path / "sub" / "notes.md").write_text("Not read by default.")
    (tmp_path / ".hidden.txt").write_text("Hidden files are left out.")
    return tmp_path


def _split(items: list[Document | Rejection]) -> tuple[list[Document], list[Rejection]]:
    return (
        [i for i in items if isinstance(i, Document)],
        [i for i in items if isinstance(i, Rejection)],
    )


def test_folder_is_read_recursively_in_order(corpus: Path) -> None:
    names = [p.name for p in iter_folder(corpus) if isinstance(p, Path)]
    assert names == ["a.txt", "b.txt", "fr.txt"]


def test_glob_filters_folder_files(corpus: Path) -> None:
    assert [p.name for p in iter_folder(corpus, "*.md")] == ["notes.md"]
    assert [p.name for p in iter_folder(corpus, "sub/b*")] == ["b.txt"]


def test_non_english_is_skipped_with_a_message(corpus: Path) -> None:
    docs, rejected = _split(list(read_inputs([corpus])))
    assert {d.path.rsplit("/", 1)[1] for d in docs} == {"a.txt", "b.txt"}
    [skipped] = [r for r in rejected if "[E022]" not in r.message]
    assert skipped.status == "skipped" and "[E009]" in skipped.message and "'fr'" in skipped.message
    docs, rejected = _split(list(read_inputs([corpus], language="any")))
    assert len(docs) == 3 and all("[E022]" in r.message for r in rejected)


def test_files_of_unknown_kind_in_a_folder_are_named_not_dropped(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("The minister arrived in Paris on Monday.", encoding="utf-8")
    (tmp_path / "data.bin").write_bytes(b"\x00\x01")
    docs, rejected = _split(list(read_inputs([tmp_path])))
    assert len(docs) == 1
    [passed_over] = rejected
    assert passed_over.status == "skipped" and "[E022]" in passed_over.message
    assert "data.bin" in passed_over.message


def test_date_comes_from_the_document_else_the_option(corpus: Path) -> None:
    docs, _ = _split(list(read_inputs([corpus], date=dt.date(2020, 1, 1))))
    by_name = {d.path.rsplit("/", 1)[1]: d for d in docs}
    assert by_name["b.txt"].date == dt.date(2021, 2, 3)
    assert by_name["a.txt"].date == dt.date(2020, 1, 1)
    assert by_name["a.txt"].date_status == "given"


def test_missing_date_is_a_warning_and_unknown(corpus: Path) -> None:
    docs, _ = _split(list(read_inputs([corpus / "a.txt"])))
    assert docs[0].date is None and docs[0].date_status == "unknown"
    assert any("[E010]" in w for w in docs[0].warnings)


def test_identical_documents_are_coded_once(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text(ENGLISH)
    (tmp_path / "two.txt").write_text("  " + ENGLISH.replace(" ", "  ") + "\n")
    docs, rejected = _split(list(read_inputs([tmp_path, tmp_path / "one.txt"])))
    assert len(docs) == 1 and len(rejected) == 2
    assert all(r.status == "skipped" and "[E016]" in r.message for r in rejected)


def test_reused_id_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    items = [{"id": "a1", "text": ENGLISH}, {"id": "a1", "text": "Other news on trade."}]
    path.write_text("".join(json.dumps(item) + "\n" for item in items))
    docs, rejected = _split(list(read_inputs([path])))
    assert [d.id for d in docs] == ["a1"] and "[E017]" in rejected[0].message


def test_stable_ids(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text(ENGLISH)
    first = next(iter(read_inputs([tmp_path / "x.txt"])))
    again = next(iter(read_inputs([tmp_path / "x.txt"])))
    assert isinstance(first, Document) and isinstance(again, Document)
    assert first.id == again.id and first.id.startswith("d") and len(first.id) == 17


def test_batch_with_bad_inputs_reads_every_good_one(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(ENGLISH)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
    (tmp_path / "blank.html").write_text("<html><body><nav>Home</nav></body></html>")
    (tmp_path / "symbols.txt").write_text("\u200b\u200b\n")
    docs, rejected = _split(list(read_inputs([tmp_path, tmp_path / "missing.txt"])))
    assert len(docs) == 1
    codes = sorted(r.message.split("]")[0] + "]" for r in rejected)
    assert codes == ["[E001]", "[E002]", "[E005]", "[E006]", "[E012]"]
    assert all(r.status == "rejected" and r.path in r.message for r in rejected)


def test_empty_folder_is_reported(tmp_path: Path) -> None:
    [result] = list(read_inputs([tmp_path]))
    assert isinstance(result, Rejection) and "[E020]" in result.message


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ENGLISH.encode())))
    [doc] = list(read_inputs(["-"]))
    assert isinstance(doc, Document) and doc.path == "-" and doc.text == ENGLISH


def test_bad_field_mapping_is_refused_at_once() -> None:
    with pytest.raises(ConfigError):
        read_inputs(["x.jsonl"], jsonl_fields={"nonsense": "x"})


def test_large_document_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "large.txt"
    paragraph = (
        "The delegates met again on Monday and said that\nthe talks would con-\n"
        "tinue  next week.\n\n"
    )
    path.write_text(paragraph * 40_000)  # about 4 MB
    size = path.stat().st_size
    tracemalloc.start()
    [doc] = list(read_inputs([path]))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert isinstance(doc, Document)
    assert "would continue next week." in doc.text[:200]
    assert peak < 8 * size  # original, text and a few working copies; no per-character lists


def test_a_symlink_loop_is_named_as_one(tmp_path: Path) -> None:
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    [item] = list(read_inputs([tmp_path / "a"]))
    assert isinstance(item, Rejection) and item.message.startswith("[E044]")
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    (folder / "up").symlink_to(tmp_path)
    messages = sorted(i.message[:6] for i in read_inputs([folder]) if isinstance(i, Rejection))
    assert messages == ["[E044]", "[E045]"]
