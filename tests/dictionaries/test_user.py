"""User dictionaries as a whole: validation before loading, overriding, digests."""

from __future__ import annotations

import pytest

from eventcoder.dictionaries import UserDictionaries
from eventcoder.errors import DictionaryError


def test_every_problem_of_every_file_is_reported_and_nothing_loads(write, actors_file):
    bad_actors = write("bad.tsv", "person\tX\tFRAGOV 2024-99-01..\norg\tY\n")
    bad_verbs = write("bad_verbs.txt", "verb\tB\tfoo\t999\tfoo\n")
    with pytest.raises(DictionaryError) as caught:
        UserDictionaries.load(actors=[actors_file, bad_actors], verbs=[bad_verbs])
    err = caught.value
    assert str(err).startswith("[E907] 3 problem(s) in the dictionaries; nothing was loaded.")
    assert len(err.problems) == 3
    assert all(str(bad_actors) in p for p in err.problems[:2])
    assert str(bad_verbs) in err.problems[2] and "[E905]" in err.problems[2]


def test_a_user_entry_overrides_a_bundled_one(write):
    # "Minsk" is bundled as the Belarusian government (BLRGOV); a user file recodes it
    user = UserDictionaries.load(actors=[write("m.tsv", "org\tMinsk\tBLRCVL\n")])
    lexicon = user.lexicon()
    hit = lexicon.names.match(["Minsk"], ["minsk"], 0)
    assert hit is not None and hit[1].code == "BLRCVL" and hit[1].origin == "m.tsv:1"


def test_a_later_file_wins_over_an_earlier_one(write):
    first = write("a.tsv", "org\tHarbour Guard\tFRACOP\n")
    second = write("b.tsv", "org\tHarbour Guard\tFRAMIL\n")
    hit = (
        UserDictionaries.load(actors=[first, second])
        .lexicon()
        .names.match(["Harbour", "Guard"], ["harbour", "guard"], 0)
    )
    assert hit is not None and hit[1].code == "FRAMIL"


def test_digests_name_every_dictionary_and_change_with_a_user_file(write):
    path = write("a.tsv", "org\tHarbour Guard\tFRACOP\n")
    first = UserDictionaries.load(actors=[path])
    keys = first.digests()
    assert "bundled/actors/people.tsv" in keys and "bundled/verbs/cameo_verbs.txt" in keys
    assert f"user/actors/{path}" in keys
    assert first.digest() == UserDictionaries.load(actors=[path]).digest()
    path.write_text("org\tHarbour Guard\tFRAMIL\n", encoding="utf-8")
    assert UserDictionaries.load(actors=[path]).digest() != first.digest()
    assert not UserDictionaries.load() and UserDictionaries.load().digest().startswith("sha256:")


def test_the_readme_example_dictionaries_load():
    from eventcoder.paths import REPO_DIR

    folder = REPO_DIR / "docs" / "dictionaries"
    user = UserDictionaries.load(actors=[folder / "my_actors.tsv"], verbs=[folder / "my_verbs.txt"])
    assert {n for n, _ in user.names} >= {"Ilse Marrow", "Northern Maritime Front", "the Front"}
    assert "stonewalled" in user.patterns().verbs
