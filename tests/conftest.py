"""Shared fixtures: heavy resources load once per test session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# A stage that raises is a bug: in tests it fails loudly instead of costing one sentence.
# Tests of the isolation itself turn this off with monkeypatch.
os.environ.setdefault("EVENTCODER_STRICT", "1")
# Tests of the stages, runners, store and API see every event the coder finds, whatever the
# confidence model scores; tests of the default floor itself unset this with monkeypatch.
os.environ.setdefault("EVENTCODER_MIN_CONFIDENCE", "0")

from eventcoder.paths import shared_data_dir

REPO = Path(__file__).resolve().parent.parent
SHARED = shared_data_dir().parent  # ../shared, or the parent of $EVENTCODER_SHARED_DATA


def _missing(why: str) -> None:
    """Skip a test whose data is absent; under CI (``CI=true``) fail, so an accuracy floor
    can never pass by not running."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{why} (CI=true: data the floors need must be present)")
    pytest.skip(why)


@pytest.fixture(scope="session")
def nlp():
    """The bundled trained pipeline."""
    from eventcoder.nlp.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The shared research data folder (../shared/data); skip tests when it is absent."""
    from eventcoder.paths import shared_data_dir

    path = shared_data_dir()
    if not path.exists():
        _missing(f"shared data not available at {path}")
    return path


@pytest.fixture(scope="session")
def belarus_text() -> str:
    """The user's example article, read from ../shared (never copied into the repository)."""
    path = SHARED / "examples" / "belarus-2022.txt"
    if not path.exists():
        _missing("example article not available")
    return path.read_text(encoding="utf-8")
