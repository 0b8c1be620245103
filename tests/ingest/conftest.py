"""Fixtures for the ingest tests: our own example files."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def fixtures() -> Path:
    """The folder of ingest test files (our own writing)."""
    return Path(__file__).resolve().parent / "fixtures"
