"""The commands: code --actors/--verbs, explain, dictionaries check, actors unknown."""

from __future__ import annotations

import json

from click.testing import CliRunner

from eventcoder.cli import main


def test_code_with_user_dictionaries(actors_file, verbs_file):
    text = "The North Shore Front stonewalled the Russian army."
    result = CliRunner().invoke(
        main,
        [
            "code",
            "-",
            "--date",
            "2025-03-05",
            "--actors",
            str(actors_file),
            "--verbs",
            str(verbs_file),
        ],
        input=text,
    )
    assert result.exit_code == 0, result.output
    events = [json.loads(x) for x in result.stdout.splitlines() if '"event"' in x]
    assert events[0]["cameo"] == "120" and events[0]["source"]["code"] == "XYZGOV"


def test_code_with_a_bad_dictionary_exits_2_naming_the_line(write):
    bad = write("bad.tsv", "person\tX\tFRAGOV 2024-99-01..\n")
    result = CliRunner().invoke(main, ["code", "-", "--actors", str(bad)], input="Text.")
    assert result.exit_code == 2
    assert "[E907]" in result.stderr and f"{bad}:1:" in result.stderr


def test_explain_json_and_text(actors_file):
    runner = CliRunner()
    args = ["explain", "Jane Quillon met Emmanuel Macron.", "--date", "2025-03-05"]
    result = runner.invoke(main, [*args, "--actors", str(actors_file), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    jane = data["sentences"][0]["actors"][0]
    assert jane["code"] == "FRAGOV" and jane["entries"][0]["origin"] == "my_actors.tsv:2"
    text = runner.invoke(main, [*args, "--actors", str(actors_file)])
    assert text.exit_code == 0 and "Sentence 0" in text.stdout and "my_actors.tsv:2" in text.stdout
    assert runner.invoke(main, ["explain", " "]).exit_code == 2


def test_dictionaries_check_exit_status(write):
    ok = CliRunner().invoke(main, ["dictionaries", "check", "--date", "2024-06-01"])
    assert ok.exit_code == 0 and "Problems: 0" in ok.stdout and "armed_group: " in ok.stdout
    bad = write("bad.tsv", "agent\tpilot\n")
    result = CliRunner().invoke(main, ["dictionaries", "check", "--actors", str(bad), "--json"])
    assert result.exit_code == 1 and len(json.loads(result.stdout)["problems"]) == 1


def test_actors_unknown_from_a_store(tmp_path):
    from eventcoder.records import Actor, EventRecord
    from eventcoder.store import open_store

    db = tmp_path / "s.duckdb"
    with open_store(str(db)) as store:
        store.write(
            [
                EventRecord(
                    id=f"d{i}:s0:e0",
                    doc_id=f"d{i}",
                    sentence=0,
                    sentence_text="The Coalition struck Raqqa.",
                    source=Actor("the Coalition", entity_type="ORG"),
                    target=Actor("Raqqa", entity_type="GPE"),
                )
                for i in range(2)
            ]
        )
    out = tmp_path / "unknown.tsv"
    result = CliRunner().invoke(main, ["actors", "unknown", "--db", str(db), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "Coalition" in result.stdout and "# org\tCoalition\tCODE" in out.read_text()
    assert CliRunner().invoke(main, ["actors", "unknown"]).exit_code == 2


def test_each_run_keeps_the_hash_of_the_dictionaries_it_used(tmp_path, actors_file):
    from eventcoder.store import open_store
    from eventcoder.store.runs import dictionaries_hash

    db = str(tmp_path / "runs.duckdb")
    text = "Jane Quillon met the harbour masters."
    for extra in ([], ["--actors", str(actors_file)]):
        result = CliRunner().invoke(main, ["code", "-", "--db", db, *extra], input=text)
        assert result.exit_code == 0, result.output
    with open_store(db) as store:
        hashes = [r[0] for r in store.query("SELECT dictionaries_hash FROM runs")]
    assert sorted(hashes) == sorted([dictionaries_hash(), dictionaries_hash([actors_file])])
    assert hashes[0] != hashes[1]
