"""kill -9 at random points, then --resume: no document lost, none doubled (both stores).

A child process runs `eventcoder code --db ... --resume` over a corpus with a stand-in
coder (deterministic records, a little work per document) and reports each document it
coded; the test kills it with SIGKILL after a random number of documents, five times,
then lets a last run finish and checks every document's records against the expected set.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from eventcoder.store import open_store

N_DOCS = 120
_CHILD = """
import sys, time
from eventcoder import cli_code
from eventcoder.cli import main
from eventcoder.records import EventRecord

progress = open(sys.argv[3], "a", buffering=1)

def stand_in(stages=None, *dictionaries):
    def code(document):
        time.sleep(0.01)
        n = int(document.id.split("-")[1]) % 4
        events = [EventRecord(id=f"{document.id}:s{i}:e0", doc_id=document.id, sentence=i,
                              cameo="042") for i in range(n)]
        progress.write(document.id + "\\n")
        return [document.to_record(n_records=n), *events]
    return code

cli_code._load_coder = stand_in
main(["code", sys.argv[1], "--db", sys.argv[2], "--resume", "--batch", "4",
      "--language", "any", "-o", sys.argv[4]])
"""


def _corpus(path: Path) -> None:
    with path.open("w") as handle:
        for i in range(N_DOCS):
            text = f"Report {i}: the council of town {i} met the mayor of town {i + 1}."
            handle.write(json.dumps({"id": f"doc-{i}", "text": text, "date": "2023-05-01"}) + "\n")


def _expected(doc_id: str) -> int:
    return 1 + int(doc_id.split("-")[1]) % 4


def _run_and_kill(script: Path, args: list[str], progress: Path, after: int) -> bool:
    """Start a run; SIGKILL it once it has coded ``after`` more documents. True if killed."""
    start = len(progress.read_text().splitlines()) if progress.exists() else 0
    child = subprocess.Popen([sys.executable, str(script), *args], stderr=subprocess.DEVNULL)
    while child.poll() is None:
        done = len(progress.read_text().splitlines()) - start if progress.exists() else 0
        if done >= after:
            os.kill(child.pid, signal.SIGKILL)
            child.wait()
            return True
        time.sleep(0.005)
    return False


@pytest.mark.parametrize("backend", ["duckdb", "postgres"])
def test_kill_nine_five_times_then_resume(backend, tmp_path, request):
    if backend == "duckdb":
        url = str(tmp_path / "k.duckdb")
    else:
        url = request.getfixturevalue("postgres_url")
        with open_store(url) as store:
            for table in ("records", "event_links", "texts", "runs"):
                store.query(f"DELETE FROM {table}")
    corpus, progress = tmp_path / "corpus.jsonl", tmp_path / "progress.txt"
    _corpus(corpus)
    script = tmp_path / "child.py"
    script.write_text(textwrap.dedent(_CHILD))
    args = [str(corpus), url, str(progress), os.devnull]
    rng = random.Random(20261206)
    kills = sum(_run_and_kill(script, args, progress, rng.randint(2, 14)) for _ in range(5))
    assert kills == 5  # every run was cut short
    assert _run_and_kill(script, args, progress, N_DOCS + 1) is False  # the last one finishes
    with open_store(url, read_only=True) as store:
        per_doc = dict(store.query("SELECT doc_id, count(*) FROM records GROUP BY doc_id"))
        total = store.query("SELECT count(*), count(DISTINCT id) FROM records")[0]
        statuses = [s for (s,) in store.query("SELECT status FROM runs ORDER BY started_at")]
    lost = [f"doc-{i}" for i in range(N_DOCS) if f"doc-{i}" not in per_doc]
    wrong = {d: n for d, n in per_doc.items() if n != _expected(d)}
    assert lost == [] and wrong == {}  # 0 lost, 0 doubled or partial
    assert total[0] == total[1] == sum(_expected(f"doc-{i}") for i in range(N_DOCS))
    assert statuses.count("done") == 1 and statuses[-1] == "done"
