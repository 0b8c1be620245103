"""The stage benchmark runs from the repository as it is and guards the coder's output.

``benchmarks/bench_stages.py`` prints a digest of the JSON Lines it coded; ``--expect``
fails when a change alters a byte of it. A speed change is checked against that digest, so
the digest must be the same on every run of the same code, and a wrong one must fail.
Nothing here reads the clock: the timings the benchmark writes are not asserted.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from eventcoder.paths import REPO_DIR, default_model_dir

pytestmark = pytest.mark.skipif(not default_model_dir().exists(), reason="no trained pipeline")

BENCH = REPO_DIR / "benchmarks" / "bench_stages.py"


def _bench(output: Path, expect: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, str(BENCH), "--limit", "2", "--output", str(output)]
    return subprocess.run(
        [*command, "--expect", expect], capture_output=True, text=True, check=False
    )


def test_stage_benchmark_gives_the_same_digest_and_fails_on_another(tmp_path: Path) -> None:
    first = _bench(tmp_path / "first.json", "0" * 64)
    assert first.returncode == 1, first.stderr[-2000:]
    assert "output changed" in first.stderr
    report = json.loads((tmp_path / "first.json").read_text(encoding="utf-8"))
    assert report["documents"] == 2 and report["words"] > 0
    assert set(report["cpu_seconds"]) >= {"parse", "actors", "events", "output", "total"}
    assert len(report["digest"]) == 64

    again = _bench(tmp_path / "again.json", report["digest"])
    assert again.returncode == 0, again.stderr[-2000:]
    assert report["digest"] in again.stdout
