"""Fixtures of the actor tests: the coder loads its data once per session."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def coder():
    """The actor coder on our bundled data."""
    from eventcoder.actors.coder import ActorCoder

    return ActorCoder.from_data()
