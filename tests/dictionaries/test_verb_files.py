"""Reading, validating and laying verb dictionary files over the bundled patterns."""

from __future__ import annotations

import pytest

from eventcoder.dictionaries.user import bundled_patterns, cameo_codes
from eventcoder.dictionaries.verb_files import lay_over, read_verb_file


@pytest.fixture(scope="module")
def bundled():
    return bundled_patterns()


@pytest.fixture(scope="module")
def codes():
    return cameo_codes()


def test_our_verb_file_uses_bundled_synsets_and_keeps_origins(verbs_file, bundled, codes):
    f = read_verb_file(verbs_file, bundled, codes)
    assert f.format == "ours" and not f.problems
    (entry,) = f.patterns.verbs["stonewalled"]
    assert entry.block == "MY_STONEWALL" and entry.origin == "my_verbs.txt:1"
    (pattern,) = f.patterns.patterns_for("MY_STONEWALL")
    assert pattern.code == "120" and pattern.origin == "my_verbs.txt:2"


def test_verb_file_problems_are_all_named(write, bundled, codes):
    path = write(
        "bad_verbs.txt",
        "verb\tMY_X\tfoo\t999\tfoo|foos\n"
        "pattern\tMY_X.1\tMY_X\t042\tpre=\tpost=&NOSUCHSET\tpreps=\n"
        "pattern\tNOBLOCK.1\tNOBLOCK\t042\tpre=\tpost=x\tpreps=\n"
        "verb\tMY_Y\n",
    )
    problems = read_verb_file(path, bundled, codes).problems
    text = "\n".join(problems)
    assert f"{path}:1: event code '999'" in text
    assert f"{path}:2: synset &NOSUCHSET is not defined" in text
    assert f"{path}:3: pattern of block 'NOBLOCK'" in text
    assert f"{path}:4: a verb line needs more" in text


def test_petrarch_verb_file_converted_with_source_lines(write, bundled, codes):
    path = write(
        "my.verbs.txt",
        "--- SNUB  [---] ---\nSNUB\n- * &MILITARY [111]\n- * ENVOY [112] # comment\n- * BAD\n",
    )
    f = read_verb_file(path, bundled, codes)
    assert f.format == "petrarch-verbs"
    assert [p.origin for p in f.patterns.patterns_for("SNUB")] == [
        "my.verbs.txt:3",
        "my.verbs.txt:4",
    ]
    assert f.problems == [f"[E903] {path}:5: a pattern needs a [code] at its end."]


def test_user_verbs_override_bundled_forms_and_pattern_ids(write, bundled, codes):
    assert bundled.verbs_for("meet", "meet")[0].block != "MY_MEET"
    user = read_verb_file(
        write(
            "v.txt",
            "verb\tMY_MEET\tmeet\t036\tmeet|meets|met|meeting\n"
            "pattern\tMEET_PEOPLE.1\tMEET_PEOPLE\t043\tpre=\tpost=x\tpreps=\n",
        ),
        bundled,
        codes,
    )
    merged = lay_over(bundled, [user])
    assert [e.block for e in merged.verbs_for("meets", "meet")] == ["MY_MEET"]
    ids = [p.id for p in merged.patterns_for("MEET_PEOPLE")]
    assert ids[0] == "MEET_PEOPLE.1" and ids.count("MEET_PEOPLE.1") == 1
    assert merged.patterns_for("MEET_PEOPLE")[0].origin == "v.txt:2"
    assert [e.block for e in bundled.verbs_for("meets", "meet")] != ["MY_MEET"]  # not mutated
