"""PETRARCH-style composition of actor and agent codes (peer dictionaries)."""

from __future__ import annotations

import datetime as dt

import pytest

from eventcoder.actors.peer_compose import NULL_ACTOR, compose_code

DAY = dt.date(2020, 5, 1)

ACTORS = """VALDORIA [VAL]
KESTRIA [KES]
MARO_TELLEN [VALGOV]
"""
AGENTS = """CLERIC [~REL]
SOLDIER [~MIL]
OFFICIAL [~GOV]
PRIME_MINISTER [~GOV]
MEDIA {} [~MED]
ISLAMIST [~MUS]
RELIEF_WATCH {} [NGO~]
"""


@pytest.fixture(scope="module")
def peer(tmp_path_factory):
    from eventcoder.actors.coder import ActorCoder

    folder = tmp_path_factory.mktemp("peer")
    (folder / "actors.txt").write_text(ACTORS, encoding="utf-8")
    (folder / "agents.txt").write_text(AGENTS, encoding="utf-8")
    return ActorCoder.from_petrarch(folder / "actors.txt", folder / "agents.txt")


def test_suffix_agents_follow_the_actor_in_text_order() -> None:
    assert compose_code("VAL", ["MUS", "MED"], []) == "VALMUSMED"


def test_prefix_agents_go_before_the_actor() -> None:
    assert compose_code("VAL", ["GOV"], ["NGO"]) == "NGOVALGOV"


def test_agent_codes_already_in_the_actor_code_are_not_repeated() -> None:
    assert compose_code("VALGOV", ["GOV"], []) == "VALGOV"
    assert compose_code("HGWGOVMED", ["GOV", "GOVMED"], []) == "HGWGOVMED"


def test_agent_without_actor_gets_the_null_actor() -> None:
    assert compose_code(None, ["LEG"], []) == NULL_ACTOR + "LEG"
    assert compose_code(None, [], []) is None


def test_person_with_title_keeps_the_person_code(peer, nlp) -> None:
    found = peer.find(nlp("Valdoria Prime Minister Maro Tellen visited Kestria."), DAY)
    assert "VALGOV" in {m.code for m in found}


def test_several_agents_compose(peer, nlp) -> None:
    found = peer.find(nlp("The Valdorian Islamist media criticized Kestria."), DAY)
    codes = {m.code for m in found}
    assert "KES" in codes
    assert not any(c and c.endswith("MEDMUS") for c in codes)


def test_prefix_agent_in_a_sentence(peer, nlp) -> None:
    found = peer.find(nlp("Relief Watch Valdoria is about to praise Kestria."), DAY)
    assert "NGOVAL" in {m.code for m in found}


def test_lone_agent_is_coded_with_the_null_actor(peer, nlp) -> None:
    found = peer.find(nlp("Clerics criticized Kestria on Monday."), DAY)
    assert "---REL" in {m.code for m in found}
