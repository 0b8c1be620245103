"""The API over a copy of the hand-made corpus, with the real coder loaded once."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from eventcoder.api import create_app

from ..analysis.corpus import corpus_store

TOKEN = "test-token-1234"


@pytest.fixture(scope="session")
def coder():
    from eventcoder.coder import Coder

    return Coder.load()


@pytest.fixture(scope="module")
def app(tmp_path_factory, coder):
    store = corpus_store(str(tmp_path_factory.mktemp("api") / "api.duckdb"))
    yield create_app(store, token=TOKEN, coder_factory=lambda: coder, max_body=200_000)
    store.close()


@pytest.fixture(scope="module")
def client(app):
    with TestClient(app, raise_server_exceptions=True) as test_client:
        yield test_client
