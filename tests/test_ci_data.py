"""Under CI (``CI=true``) missing shared data fails the tests that need it instead of
skipping them, so an accuracy floor never passes by not running."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parent

_PROBE = """
def test_needs_data(shared_data):
    assert shared_data.exists()
"""


def _run(tmp_path: Path, ci: str) -> subprocess.CompletedProcess[str]:
    probe = TESTS / "_probe_ci_data_test.py"
    probe.write_text(_PROBE)
    try:
        env = {**os.environ, "CI": ci, "EVENTCODER_SHARED_DATA": str(tmp_path / "absent")}
        return subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(probe)],
            capture_output=True,
            check=False,
            text=True,
            env=env,
            cwd=TESTS.parent,
        )
    finally:
        probe.unlink()


def test_missing_shared_data_fails_under_ci_and_skips_otherwise(tmp_path):
    under_ci = _run(tmp_path, "true")
    assert under_ci.returncode != 0 and "CI=true: data the floors need" in under_ci.stdout
    assert "1 skipped" in _run(tmp_path, "").stdout
