"""A parallel run killed mid-batch resumes with nothing lost and nothing doubled: local
worker processes killed with the command, and a local Dask cluster whose client (the
command) is killed."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

import eventcoder
from eventcoder.store import open_store

pytestmark = pytest.mark.skipif(
    sys.platform != "linux", reason="the kill uses Linux process groups"
)

SRC = Path(eventcoder.__file__).resolve().parents[1]
N_DOCS, KILL_AT = 40, "doc-29"

# Codes documents into their document records only (no pipeline: fast and exact) and, in
# the worker that meets KILL_AT, waits while the other batches are written, then kills:
# the whole run at once (KILL=group: the command and every worker, as a lost machine
# would), or only the command (KILL=command: a Dask client; its workers live on until
# they notice). Dask workers get the same coder through the preload hook (dask_setup).
DRIVER = textwrap.dedent(
    """
    import os, signal, sys, time

    kill_at = os.environ.get("KILL_AT")

    def factory(*args, **kwargs):
        def code(document):
            if document.id == kill_at:
                time.sleep(3)
                if os.environ["KILL"] == "group":
                    os.killpg(os.getpgid(0), signal.SIGKILL)
                os.kill(int(os.environ["COMMAND_PID"]), signal.SIGKILL)
                time.sleep(3)
            return [document.to_record(n_records=len(document.text))]
        return code

    def dask_setup(worker):
        from eventcoder.runners import cluster

        cluster.load_code = factory

    if __name__ == "__main__":
        os.environ["COMMAND_PID"] = str(os.getpid())
        from eventcoder import cli_code
        from eventcoder.cli import main

        cli_code._load_coder = factory
        main(sys.argv[1:], prog_name="eventcoder")
    """
)


def _live_in_group(group: int) -> list[int]:
    """Processes of a process group that still run (zombies left out)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()  # after "pid (name)": state, ppid, pgrp
        if int(fields[2]) == group and fields[0] != "Z":
            found.append(int(entry.name))
    return found


def _run(tmp_path: Path, args: list[str], kill: str = "") -> subprocess.CompletedProcess:
    driver = tmp_path / "driver.py"
    env = {**os.environ, "PYTHONPATH": str(SRC), "KILL": kill}
    env["DASK_DISTRIBUTED__WORKER__PRELOAD"] = json.dumps([str(driver)])
    if kill:
        env["KILL_AT"] = KILL_AT
    process = subprocess.Popen(
        [sys.executable, str(driver), "code", *args],
        env=env,
        start_new_session=True,  # its own process group: the kill reaches only this run
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        out, err = process.communicate(timeout=600)
        if kill == "command":  # the workers it started must end without it
            waited = 0.0
            while _live_in_group(process.pid) and waited < 300:
                time.sleep(0.5)
                waited += 0.5
            assert not _live_in_group(process.pid), "worker processes outlived the command"
    finally:
        try:
            os.killpg(process.pid, signal.SIGKILL)  # any worker left behind by the kill
        except ProcessLookupError:
            pass
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


def _stored(db: Path) -> list[tuple[str, str]]:
    with open_store(str(db)) as store:
        return sorted((r.id, json.dumps(r.to_dict(), sort_keys=True)) for r in store.records())


def _partitions(folder: Path) -> list[str]:
    """Every record payload in the Parquet partitions, sorted (a double would show)."""
    import pyarrow.parquet as pq

    return sorted(
        payload
        for path in folder.glob("part-*.parquet")
        for payload in pq.read_table(path).column("payload").to_pylist()
    )


def _corpus(tmp_path: Path) -> Path:
    (tmp_path / "driver.py").write_text(DRIVER)
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        "".join(
            json.dumps({"id": f"doc-{n:02d}", "text": f"Report number {n} of the day."}) + "\n"
            for n in range(N_DOCS)
        )
    )
    return corpus


COMMON = ["--worker-batch", "2", "--date", "2024-01-02", "--batch", "2"]  # 2-document
# batches, and store transactions of two documents


def test_killed_parallel_run_resumes_without_loss_or_doubles(tmp_path: Path) -> None:
    common = [str(_corpus(tmp_path)), "--workers", "2", *COMMON]
    reference = _run(
        tmp_path,
        [*common, "--db", str(tmp_path / "ref.duckdb"), "-o", str(tmp_path / "ref.jsonl")],
    )
    assert reference.returncode == 0, reference.stderr

    db, out = tmp_path / "run.duckdb", tmp_path / "run.jsonl"
    killed = _run(tmp_path, [*common, "--db", str(db), "-o", str(out)], kill="group")
    assert killed.returncode == -signal.SIGKILL
    written = [json.loads(line)["id"] for line in out.read_text().splitlines()]
    with open_store(str(db)) as store:
        stored = sum(store.has_document(f"doc-{n:02d}") for n in range(N_DOCS))
    # The kill came mid-run, after some documents were stored (the file may hold a few
    # more: each document reaches the file before its store transaction commits).
    assert 0 < stored <= len(written) < N_DOCS

    resumed = _run(tmp_path, [*common, "--db", str(db), "-o", str(out), "--resume"])
    assert resumed.returncode == 0, resumed.stderr
    assert f"{stored} already in the store" in resumed.stderr
    assert _stored(db) == _stored(tmp_path / "ref.duckdb")
    assert out.read_text() == (tmp_path / "ref.jsonl").read_text()


@pytest.mark.parametrize("with_store", [True, False], ids=["store", "no-store"])
def test_killed_dask_client_resumes_without_loss_or_doubles(
    tmp_path: Path, with_store: bool
) -> None:
    """The command driving a local 2-worker Dask cluster is killed mid-run; its workers end
    with it; the resumed run's file, partitions (and store) equal a 1-worker run's.

    The workers write each batch's partition where they coded it, so when the command
    dies the partitions hold documents its output file (and store) never got: the
    resumed run must code those again for the file and the store only."""
    pytest.importorskip("distributed")
    corpus = _corpus(tmp_path)

    def args(name: str) -> list[str]:
        where = ["-o", str(tmp_path / f"{name}.jsonl"), "--parquet", str(tmp_path / name)]
        if with_store:
            where += ["--db", str(tmp_path / f"{name}.duckdb")]
        return [str(corpus), *COMMON, *where]

    reference = _run(tmp_path, [*args("ref"), "--workers", "1"])
    assert reference.returncode == 0, reference.stderr
    dask = [*args("run"), "--engine", "dask", "--workers", "2"]

    killed = _run(tmp_path, dask, kill="command")
    assert killed.returncode == -signal.SIGKILL
    out = tmp_path / "run.jsonl"
    written = len(out.read_text().splitlines())
    in_parts = len(_partitions(tmp_path / "run"))
    assert 0 < written < N_DOCS and 0 < in_parts < N_DOCS  # killed mid-run

    resumed = _run(tmp_path, [*dask, "--resume"])
    assert resumed.returncode == 0, resumed.stderr
    assert out.read_text() == (tmp_path / "ref.jsonl").read_text()
    assert _partitions(tmp_path / "run") == _partitions(tmp_path / "ref")
    if with_store:
        assert _stored(tmp_path / "run.duckdb") == _stored(tmp_path / "ref.duckdb")
