"""A store holding the hand-made corpus, one per test module."""

from __future__ import annotations

import pytest

from .corpus import corpus_store


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("analysis") / "corpus.duckdb"
    with corpus_store(str(path)) as opened:
        yield opened


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    """The corpus in a store file nobody holds open (the commands open it read-only)."""
    path = tmp_path_factory.mktemp("analysis-cli") / "corpus.duckdb"
    corpus_store(str(path)).close()
    return str(path)
