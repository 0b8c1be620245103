"""The `eventcoder code` command: formats, outputs, store, exit statuses, messages."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventcoder import cli_code
from eventcoder.cli import main
from eventcoder.ingest.document import Document
from eventcoder.paths import REPO_DIR, default_model_dir
from eventcoder.records import Record

EXAMPLES = REPO_DIR / "examples"
GOOD = "The finance ministers met in Lusaka on Tuesday to discuss debt relief for the region."


def _documents_only(stages: str | None = None, *dictionaries):
    return lambda document: [document.to_record()]


@pytest.fixture()
def runner(monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setattr(cli_code, "_load_coder", _documents_only)
    return CliRunner()


def _records(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_examples_give_one_document_record_each(runner: CliRunner) -> None:
    result = runner.invoke(main, ["code", str(EXAMPLES)])
    assert result.exit_code == 0, result.stderr
    records = _records(result.stdout)
    assert len(records) == 5 and all(r["record"] == "document" for r in records)
    assert all(r["date"] and r["date_status"] in ("given", "inferred") for r in records)
    assert "5 documents coded, 0 skipped, 0 rejected" in result.stderr


def test_bad_input_is_named_and_the_good_is_coded(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD)
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "bad.jsonl").write_text(json.dumps({"text": GOOD[:-1] + " trade."}) + "\n{oops\n")
    result = runner.invoke(
        main, ["code", str(tmp_path), str(tmp_path / "nope.txt"), "--date", "2022-01-05"]
    )
    assert result.exit_code == cli_code.EXIT_REJECTED
    assert len(_records(result.stdout)) == 2
    lines = result.stderr.splitlines()
    assert any(line.startswith("[E001]") and "empty.txt" in line for line in lines)
    assert any(line.startswith("[E007]") and "bad.jsonl:2" in line for line in lines)
    assert any(line.startswith("[E005]") for line in lines)
    assert "Traceback" not in result.stderr and "3 rejected" in result.stderr


def test_a_failing_document_does_not_stop_the_batch(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def fragile(stages: str | None = None, *dictionaries):
        def code(document: Document) -> list[Record]:
            if "explode" in document.text:
                raise RuntimeError("parser gave up")
            return [document.to_record()]

        return code

    monkeypatch.setattr(cli_code, "_load_coder", fragile)
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "b.txt").write_text(GOOD.replace("debt", "explode debt"))
    result = CliRunner().invoke(main, ["code", str(tmp_path)])
    assert result.exit_code == cli_code.EXIT_REJECTED
    records = _records(result.stdout)
    assert sorted(r["status"] for r in records) == ["coded", "rejected"]
    assert "[E013]" in result.stderr and "parser gave up" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["code"],
        ["code", "x.txt", "--date", "05/04/2023"],
        ["code", "x.txt", "--field", "body"],
        ["code", "x.txt", "--format", "xml"],
    ],
)
def test_usage_errors_exit_2(runner: CliRunner, args: list[str]) -> None:
    result = runner.invoke(main, args)
    assert result.exit_code == 2


def test_csv_and_table_formats(runner: CliRunner) -> None:
    result = runner.invoke(main, ["code", str(EXAMPLES / "briefs.jsonl"), "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert result.exit_code == 0 and len(rows) == 2
    assert rows[0]["record"] == "document" and rows[0]["id"] == "brief-2023-11-02-pacific"
    table = runner.invoke(main, ["code", str(EXAMPLES / "briefs.jsonl"), "--format", "table"])
    assert table.exit_code == 0 and "brief-2024-02-14-horn" in table.stdout


def test_stdin_output_file_and_store(runner: CliRunner, tmp_path: Path) -> None:
    out, db = tmp_path / "out" / "records.jsonl", tmp_path / "x.duckdb"
    result = runner.invoke(main, ["code", "-", "--output", str(out), "--db", str(db)], input=GOOD)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "" and _records(out.read_text())[0]["path"] == "-"
    from eventcoder.store import open_store

    with open_store(str(db)) as store:
        assert store.counts().get("document") == 1


@pytest.mark.skipif(not default_model_dir().exists(), reason="no trained pipeline")
def test_real_coder_counts_sentences(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD + " They agreed to meet again.")
    result = CliRunner().invoke(main, ["code", str(tmp_path / "a.txt"), "--stages", "none"])
    assert result.exit_code == 0, result.stderr
    [record] = _records(result.stdout)
    assert record["n_sentences"] >= 1


def test_resume_skips_what_the_store_holds(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    calls: list[str] = []

    def counting(stages: str | None = None, *dictionaries):
        def code(document):
            calls.append(document.id)
            return [document.to_record()]

        return code

    monkeypatch.setattr(cli_code, "_load_coder", counting)
    runner, db = CliRunner(), str(tmp_path / "r.duckdb")
    one = ["--workers", "1"]  # the counting coder counts in this process
    first = runner.invoke(
        main, ["code", str(EXAMPLES), "--db", db, "-o", str(tmp_path / "a"), *one]
    )
    assert first.exit_code == 0, first.stderr
    done = len(calls)
    again = runner.invoke(
        main, ["code", str(EXAMPLES), "--db", db, "--resume", "-o", str(tmp_path / "b"), *one]
    )
    assert done == 5 and again.exit_code == 0 and len(calls) == done  # nothing coded twice
    assert f"{done} already in the store" in again.stderr
    assert runner.invoke(main, ["code", str(EXAMPLES), "--resume"]).exit_code == 2


def test_resume_codes_again_a_document_that_was_only_partly_coded(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    calls: list[str] = []
    failing = {"on": True}

    def sometimes_partial(stages: str | None = None, *dictionaries):
        def code(document):
            calls.append(document.id)
            if failing["on"] and "explode" in document.text:
                return [document.to_record(status="partial", warnings=("[E042] x",))]
            return [document.to_record()]

        return code

    monkeypatch.setattr(cli_code, "_load_coder", sometimes_partial)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(GOOD)
    (tmp_path / "in" / "b.txt").write_text(GOOD.replace("debt", "explode debt"))
    runner, db = CliRunner(), str(tmp_path / "r.duckdb")
    one = ["--workers", "1"]  # the coder counts its calls in this process
    first = runner.invoke(main, ["code", str(tmp_path / "in"), "--db", db, *one])
    assert first.exit_code == cli_code.EXIT_REJECTED and "1 partly coded" in first.stderr
    failing["on"] = False
    calls.clear()
    again = runner.invoke(main, ["code", str(tmp_path / "in"), "--db", db, "--resume", *one])
    assert again.exit_code == 0, again.stderr
    assert len(calls) == 1 and "1 already in the store" in again.stderr


def test_a_document_whose_id_looks_like_a_record_id_overwrites_nothing(tmp_path: Path) -> None:
    from eventcoder.records import EventRecord, record_id
    from eventcoder.store import open_store

    x = Document.from_text(GOOD, id="x")
    y = Document.from_text(GOOD, id="x:s0:e0")
    event = EventRecord(id=record_id("x", "s0", "e0"), doc_id="x", sentence=0)
    with open_store(str(tmp_path / "ids.duckdb")) as store:
        store.write([x.to_record(n_records=1), event])
        store.write([y.to_record()])
        assert store.counts() == {"document": 2, "event": 1}
        assert [r.doc_id for r in store.records(kind="event")] == ["x"]


def test_output_equal_to_an_input_is_refused_and_the_input_kept(
    runner: CliRunner, tmp_path: Path
) -> None:
    source = tmp_path / "news.txt"
    source.write_text(GOOD)
    result = runner.invoke(main, ["code", str(source), "--output", str(source)])
    assert result.exit_code == 2 and "[E047]" in result.stderr
    assert source.read_text() == GOOD


def test_output_inside_an_input_folder_is_not_read_back(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "news.txt").write_text(GOOD)
    out = tmp_path / "records.jsonl"
    for _ in range(2):
        result = runner.invoke(main, ["code", str(tmp_path), "--output", str(out)])
        assert result.exit_code == 0, result.stderr
    assert [r["path"] for r in _records(out.read_text())] == [str(tmp_path / "news.txt")]


HOSTILE = "[/red][bold]Breaking\x1b[2J =cmd|' /C calc'!A0"


def test_table_output_shows_markup_and_escapes_as_text(runner: CliRunner, tmp_path: Path) -> None:
    page = tmp_path / "in.jsonl"
    page.write_text(json.dumps({"id": "[red]x", "title": HOSTILE, "text": GOOD}) + "\n")
    result = runner.invoke(main, ["code", str(page), "--format", "table"])
    assert result.exit_code == 0, result.stderr
    assert "\x1b" not in result.stdout and "\\x1b" in result.stdout
    assert "[/red][bold]Breaking" in result.stdout and "[red]x" in result.stdout


def test_csv_cells_cannot_be_formulas(runner: CliRunner, tmp_path: Path) -> None:
    page = tmp_path / "in.jsonl"
    row = {"id": "=1+1", "title": "=HYPERLINK('http://x')", "source": "@SUM(A1)", "text": GOOD}
    page.write_text(json.dumps(row) + "\n")
    result = runner.invoke(main, ["code", str(page), "--format", "csv"])
    [record] = list(csv.DictReader(io.StringIO(result.stdout)))
    assert record["title"] == "'=HYPERLINK('http://x')" and record["source"] == "'@SUM(A1)"
    assert record["id"] == "'=1+1"
    assert all(not v.startswith(("=", "+", "-", "@")) for v in record.values() if v)
