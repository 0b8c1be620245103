from pathlib import Path

import pytest

from eventcoder.errors import ModelError
from eventcoder.events.patterns import forms_of, load_patterns, parse_code, singular

PATTERNS = """# test
synset\t&ARMY\tarmy|armed forces|troops
verb\tATTACK\tattack\t190\tattack|attacks|attacked|attacking
verb\tASK\task\t020\t+ask for|+asked for
pattern\tATTACK.1\tATTACK\t195\tpre=&ARMY\tpost=\tpreps=
pattern\tATTACK.2\tATTACK\t194\tpre=\tpost=artillery\tpreps=on town
"""


def test_singular_and_forms():
    assert singular("sanctions") == "sanction"
    assert singular("countries") == "country"
    assert singular("press") == "press"
    assert forms_of("Troops") == {"troops", "troop"}


def test_parse_code():
    assert parse_code("042:043") == ("042", "043")
    assert parse_code("---") == (None, None)
    assert parse_code("190") == ("190", None)


def test_load_patterns(tmp_path: Path):
    path = tmp_path / "p.txt"
    path.write_text(PATTERNS, encoding="utf-8")
    patterns = load_patterns(path)
    assert len(patterns) == 2
    entry = patterns.verbs_for("attacked", "attack")[0]
    assert (entry.block, entry.code) == ("ATTACK", "190")
    asked = patterns.verbs_for("asked", "ask")[0]
    assert asked.particles == ("for",)
    first, second = patterns.patterns_for("ATTACK")
    assert first.pre[0].label == "&ARMY" and len(first.pre[0].alternatives) == 3
    assert second.preps[0][0] == "on" and second.specificity == 3


def test_bad_pattern_line(tmp_path: Path):
    path = tmp_path / "bad.txt"
    path.write_text("pattern\tX.1\tX\t190\tpre=&UNDEFINED\n", encoding="utf-8")
    with pytest.raises(ModelError, match="E802"):
        load_patterns(path)


def test_missing_file(tmp_path: Path):
    with pytest.raises(ModelError, match="E801"):
        load_patterns(tmp_path / "nope.txt")
