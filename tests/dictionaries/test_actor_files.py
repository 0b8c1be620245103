"""Reading and validating actor dictionary files: ours and PETRARCH's."""

from __future__ import annotations

import datetime as dt

import pytest

from eventcoder.dictionaries.actor_files import detect_actor_format, read_actor_file


def test_our_format_gives_names_agents_places_and_discards(actors_file):
    f = read_actor_file(actors_file)
    assert f.format == "ours" and not f.problems
    names = dict(f.names)
    jane = names["Jane Quillon"]
    assert jane.kind == "person" and jane.origin == "my_actors.tsv:2"
    assert jane.code_on(dt.date(2024, 6, 1)) == "FRAGOV"
    assert jane.code_on(dt.date(2023, 6, 1)) == "FRAELI"
    guard = names["Harbour Guard"]
    assert (guard.kind, guard.code, guard.country, guard.sector) == ("org", "FRACOP", "FRA", "COP")
    front = names["North Shore Front"]
    assert front.kind == "intl" and front.code_on(dt.date(2020, 1, 1)) == "XYZREB"
    assert names["Port Azur"].kind == "capital" and names["Port Azur"].sector == "GOV"
    agents = dict(f.agents)
    assert agents["harbour masters"].sector == "COP"
    assert [d.phrase for d in f.discards] == ["football league"]


@pytest.mark.parametrize(
    "line, problem",
    [
        ("person\tA B\tFRAGOV 2024-13-01..", "date '2024-13-01' is not a date"),
        ("person\tA B\tFRAGOV 2024-02-01..2023-01-01", "ends before it starts"),
        ("person\tA B\tFRAGOV 2024-02-01", "start..end"),
        ("org\tA B\tfragov", "code 'fragov' is not an actor code"),
        ("agent\tfoo", "needs phrases, code"),
        ("agent\tfoo\tmil!", "not a sector code"),
        ("place\tFoo\tFRANCE", "not a three-letter code"),
        ("discard\tfoo\tforever", "must be 'sentence' or 'story'"),
        ("actor\tFoo\tFRA", "unknown record kind 'actor'"),
    ],
)
def test_each_bad_line_is_named_with_file_line_and_problem(write, line, problem):
    path = write("bad.tsv", "person\tGood One\tFRAGOV\n" + line + "\n")
    f = read_actor_file(path)
    assert len(f.problems) == 1, f.problems
    assert f.problems[0].startswith(f"[E903] {path}:2: ") and problem in f.problems[0]


def test_missing_and_unreadable_files(tmp_path, write):
    assert read_actor_file(tmp_path / "none.tsv").problems[0].startswith("[E901]")
    binary = tmp_path / "x.tsv"
    binary.write_bytes(b"\xff\xfe\x00bad")
    assert "not UTF-8" in read_actor_file(binary).problems[0]
    assert read_actor_file(write("empty.tsv", "# nothing\n")).problems[0].startswith("[E902]")


def test_petrarch_actors_with_dated_codes_synonyms_and_tabari_discards(write):
    path = write(
        "region.actors.txt",
        "JANE_QUILLON [FRAELI]\n+QUILLON\n\t[FRAGOV 240105-250101]\n"
        "HARBOUR_GUARD [FRACOP]\nFRANCONIA [FRA]\nSUPER_LEAGUE [###]\n",
    )
    f = read_actor_file(path)
    assert f.format == "petrarch-actors" and not f.problems
    names = dict(f.names)
    assert names["Jane Quillon"].code_on(dt.date(2024, 6, 1)) == "FRAGOV"
    assert names["Quillon"].code_on(dt.date(2026, 6, 1)) == "FRAELI"
    assert names["Harbour Guard"].code == "FRACOP" and names["Franconia"].kind == "state"
    assert [d.phrase for d in f.discards] == ["SUPER_LEAGUE"]


def test_petrarch_actor_problems(write):
    path = write("x.actors.txt", "JANE [FRAGOV 2401x5-250101]\nNO_CODE_HERE\n")
    problems = read_actor_file(path).problems
    assert any(":1: date restriction" in p for p in problems)
    assert any(":2: actor 'NO_CODE_HERE' has no [code]" in p for p in problems)


def test_petrarch_agents_and_discards(write):
    agents = write(
        "my.agents.txt",
        "!MINISTER! = MINISTER, SECRETARY\nHARBOUR_!MINISTER! [~GOV]\nPILOT [~MIL]\n",
    )
    f = read_actor_file(agents)
    assert f.format == "petrarch-agents" and not f.problems
    phrases = {p: e.sector for p, e in f.agents}
    assert phrases["harbour secretary"] == "GOV" and phrases["pilots"] == "MIL"
    bad = read_actor_file(write("bad.agents.txt", "PILOT\n"))
    assert "agent line without [code]" in bad.problems[0]
    discards = read_actor_file(write("my.discards.txt", "+CHESS OLYMPIAD\nTENNIS_\n"))
    assert [(d.phrase, d.story) for d in discards.discards] == [
        ("CHESS OLYMPIAD", True),
        ("TENNIS_", False),
    ]
    tennis = discards.discards[1]
    assert tennis.pattern.search("a tennis match") and not tennis.pattern.search("tennisball")


def test_format_detection(tmp_path):
    assert detect_actor_format(tmp_path / "a.txt", ["agent\tpilot\tMIL"]) == "ours"
    assert detect_actor_format(tmp_path / "a.txt", ["PILOT [~MIL]"]) == "petrarch-agents"
    assert detect_actor_format(tmp_path / "a.txt", ["JANE [FRAGOV]"]) == "petrarch-actors"
    assert detect_actor_format(tmp_path / "a.txt", ["just words"]) is None
