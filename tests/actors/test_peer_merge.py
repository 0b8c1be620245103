"""Joining actor and agent neighbours the parse split (peer dictionaries)."""

from __future__ import annotations

import datetime as dt

import pytest

DAY = dt.date(2020, 5, 1)

ACTORS = """VALDORIA [VAL]
KESTRIA [KES]
ORMAND [ORM]
TAVIRA [TAV]
"""
AGENTS = """CLERIC [~REL]
SOLDIER [~MIL]
ENVOY [~GOV]
SECURITY_OFFICIAL [~GOV]
OFFICIAL [~GOV]
LAWMAKER [~LEG]
"""


@pytest.fixture(scope="module")
def peer(tmp_path_factory):
    from eventcoder.actors.coder import ActorCoder

    folder = tmp_path_factory.mktemp("peer_merge")
    (folder / "actors.txt").write_text(ACTORS, encoding="utf-8")
    (folder / "agents.txt").write_text(AGENTS, encoding="utf-8")
    return ActorCoder.from_petrarch(folder / "actors.txt", folder / "agents.txt")


def _codes(peer, nlp, text: str) -> list[str | None]:
    return [m.code for m in peer.find(nlp(text), DAY)]


def test_actor_before_agent_is_one_actor(peer, nlp) -> None:
    codes = _codes(peer, nlp, "Valdoria cleric is about to praise Kestria.")
    assert "VALREL" in codes and "VAL" not in codes


def test_actor_before_modified_agent(peer, nlp) -> None:
    codes = _codes(peer, nlp, "Valdoria security officials will meet Kestria soon.")
    assert "VALGOV" in codes


def test_agent_from_actor(peer, nlp) -> None:
    codes = _codes(peer, nlp, "Soldiers from Valdoria wire tapped the phones of Kestria.")
    assert "VALMIL" in codes and "---MIL" not in codes


def test_listed_actors_share_the_agent(peer, nlp) -> None:
    codes = _codes(peer, nlp, "The envoys of Valdoria, Ormand and Tavira praised Kestria.")
    assert {"VALGOV", "ORMGOV", "TAVGOV", "KES"} <= set(codes)


def test_actors_in_other_roles_stay_apart(peer, nlp) -> None:
    codes = _codes(peer, nlp, "Valdoria praised soldiers on Monday.")
    assert "VAL" in codes and "VALMIL" not in codes


def test_possessor_is_the_actor_of_an_agent_phrase(peer, nlp) -> None:
    codes = _codes(peer, nlp, "Valdoria's stern and tired envoy warned Kestria.")
    assert "VALGOV" in codes and "---GOV" not in codes


def test_possessor_of_a_plain_noun_stays_apart(peer, nlp) -> None:
    codes = _codes(peer, nlp, "Valdoria's harvest worried Kestria.")
    assert "VAL" in codes and "KES" in codes


def test_name_after_a_joined_phrase_is_taken_in(peer, nlp) -> None:
    found = peer.find(nlp("Valdoria's tired envoy Ormand warned Kestria."), DAY)
    joined = [m for m in found if m.code == "VALGOV"]
    assert joined and "Ormand" in joined[0].text and "ORM" not in {m.code for m in found}


def test_agents_listed_before_an_agent_of_actor_share_the_actor(peer, nlp) -> None:
    codes = _codes(
        peer, nlp, "Lawmakers and officials in Valdoria and Ormand welcomed ties with Kestria."
    )
    assert {"VALLEG", "VALGOV", "ORMGOV"} <= set(codes) and "---LEG" not in codes
