"""A parallel run killed mid-batch resumes with nothing lost and nothing doubled."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import eventcoder
from eventcoder.store import open_store

SRC = Path(eventcoder.__file__).resolve().parents[1]
N_DOCS, KILL_AT = 40, "doc-29"

# Codes documents into their document records only (no pipeline: fast and exact) and, in
# the worker that meets KILL_AT, waits while the other batches are written, then kills the
# whole run at once (the command and every worker, as a lost machine would).
DRIVER = textwrap.dedent(
    """
    import os, signal, sys, time
    from eventcoder import cli_code
    from eventcoder.cli import main

    kill_at = os.environ.get("KILL_AT")

    def factory(*args, **kwargs):
        def code(document):
            if document.id == kill_at:
                time.sleep(3)
                os.killpg(os.getpgid(0), signal.SIGKILL)
            return [document.to_record(n_records=len(document.text))]
        return code

    cli_code._load_coder = factory
    main(sys.argv[1:], prog_name="eventcoder")
    """
)


def _run(tmp_path: Path, args: list[str], kill: bool) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    if kill:
        env["KILL_AT"] = KILL_AT
    process = subprocess.Popen(
        [sys.executable, str(tmp_path / "driver.py"), "code", *args],
        env=env,
        start_new_session=True,  # its own process group: the kill reaches only this run
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        out, err = process.communicate(timeout=300)
    finally:
        try:
            os.killpg(process.pid, signal.SIGKILL)  # any worker left behind by the kill
        except ProcessLookupError:
            pass
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


def _stored(db: Path) -> list[tuple[str, str]]:
    with open_store(str(db)) as store:
        return sorted((r.id, json.dumps(r.to_dict(), sort_keys=True)) for r in store.records())


@pytest.mark.skipif(sys.platform != "linux", reason="the kill uses Linux process groups")
def test_killed_parallel_run_resumes_without_loss_or_doubles(tmp_path: Path) -> None:
    (tmp_path / "driver.py").write_text(DRIVER)
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        "".join(
            json.dumps({"id": f"doc-{n:02d}", "text": f"Report number {n} of the day."}) + "\n"
            for n in range(N_DOCS)
        )
    )
    common = [str(corpus), "--workers", "2", "--worker-batch", "2", "--date", "2024-01-02"]
    common += ["--batch", "2"]  # store transactions of two documents

    reference = _run(
        tmp_path,
        [*common, "--db", str(tmp_path / "ref.duckdb"), "-o", str(tmp_path / "ref.jsonl")],
        kill=False,
    )
    assert reference.returncode == 0, reference.stderr

    db, out = tmp_path / "run.duckdb", tmp_path / "run.jsonl"
    killed = _run(tmp_path, [*common, "--db", str(db), "-o", str(out)], kill=True)
    assert killed.returncode == -signal.SIGKILL
    written = [json.loads(line)["id"] for line in out.read_text().splitlines()]
    with open_store(str(db)) as store:
        stored = sum(store.has_document(f"doc-{n:02d}") for n in range(N_DOCS))
    # The kill came mid-run, after some documents were stored (the file may hold a few
    # more: each document reaches the file before its store transaction commits).
    assert 0 < stored <= len(written) < N_DOCS

    resumed = _run(tmp_path, [*common, "--db", str(db), "-o", str(out), "--resume"], kill=False)
    assert resumed.returncode == 0, resumed.stderr
    assert f"{stored} already in the store" in resumed.stderr
    assert _stored(db) == _stored(tmp_path / "ref.duckdb")
    assert out.read_text() == (tmp_path / "ref.jsonl").read_text()
