"""Fixtures: small dictionary files of our own, written per test."""

from __future__ import annotations

from pathlib import Path

import pytest

ACTORS = (
    "# test actors\n"
    "person\tJane Quillon|Quillon\tFRAGOV 2024-01-05..;FRAELI\tminister\n"
    "org\tHarbour Guard\tFRACOP\n"
    "org\tNorth Shore Front\tXYZREB 2019-01-01..2023-12-31;XYZGOV 2024-01-01..\n"
    "agent\tharbour master|harbour masters\tCOP\n"
    "place\tPort Azur\tFRA\tGOV\n"
    "discard\tfootball league\n"
)
VERBS = (
    "verb\tMY_STONEWALL\tstonewall\t---\tstonewall|stonewalls|stonewalled|stonewalling\n"
    "pattern\tMY_STONEWALL.1\tMY_STONEWALL\t120\tpre=\tpost=&MILITARY\tpreps=\n"
)


@pytest.fixture
def write(tmp_path: Path):
    """Write a file under tmp_path and return its path."""

    def _write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return _write


@pytest.fixture
def actors_file(write) -> Path:
    return write("my_actors.tsv", ACTORS)


@pytest.fixture
def verbs_file(write) -> Path:
    return write("my_verbs.txt", VERBS)


@pytest.fixture(scope="session")
def user_coder(tmp_path_factory):
    """A coder with the test dictionaries laid over the bundled ones (loaded once)."""
    from eventcoder.coder import Coder

    folder = tmp_path_factory.mktemp("dicts")
    (folder / "my_actors.tsv").write_text(ACTORS, encoding="utf-8")
    (folder / "my_verbs.txt").write_text(VERBS, encoding="utf-8")
    return Coder.load(actors=[folder / "my_actors.tsv"], verbs=[folder / "my_verbs.txt"])


@pytest.fixture(scope="session")
def plain_coder(user_coder):
    """The coder with the bundled dictionaries only (sharing the loaded pipeline)."""
    from eventcoder.coder import Coder, CoderConfig
    from eventcoder.stages import load_stages

    return Coder(user_coder.nlp, CoderConfig(), load_stages(CoderConfig().stages))  # bundled only
