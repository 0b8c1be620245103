from pathlib import Path

import pytest

from eventcoder.errors import InputError
from eventcoder.events.ontology import data_dir
from eventcoder.events.patterns import load_patterns
from eventcoder.events.petrarch_verbs import convert_petrarch_verbs, verb_forms

SNIPPET = """# comment
&MILITARY
+TROOPS
+ARMED_FORCES

---  RUSH   [---]  ---
RUSH
SPEED {SPEEDING SPEEDS SPED }
+CORDON_OFF {+CORDONED_OFF +CORDONS_OFF +CORDONING_OFF}  [166]
- * AID                                 [070]         # RUSH
- * POLICE (TO BORDER)                  [153]         # RUSH
- &MILITARY *                           [154]         # RUSH
- * (TO)                                [042:043]
~ a (a b ATTACK) SAY = a b 015
"""


def test_verb_forms():
    assert verb_forms("agree") == ["agree", "agrees", "agreed", "agreeing"]
    assert verb_forms("hurry") == ["hurry", "hurries", "hurried", "hurrying"]
    assert verb_forms("impose")[2] == "imposed"


def test_convert_snippet(tmp_path: Path):
    source, target = tmp_path / "verbs.txt", tmp_path / "ours.txt"
    source.write_text(SNIPPET, encoding="utf-8")
    lines = convert_petrarch_verbs(source, target)
    assert "synset\t&MILITARY\ttroops|armed forces" in lines
    patterns = load_patterns(target)
    assert len(patterns) == 4
    assert [v.code for v in patterns.verbs_for("sped", "speed")] == [None]
    cordon = patterns.verbs_for("cordoned", "cordon")[0]
    assert cordon.particles == ("off",) and cordon.code == "166"
    by_id = {p.id: p for p in patterns.patterns_for("RUSH")}
    assert by_id["RUSH.2"].preps[0][0] == "to" and by_id["RUSH.2"].code == "153"
    assert by_id["RUSH.3"].pre[0].label == "&MILITARY"
    assert (by_id["RUSH.4"].code, by_id["RUSH.4"].reverse_code) == ("042", "043")


def test_not_a_dictionary(tmp_path: Path):
    source = tmp_path / "empty.txt"
    source.write_text("# nothing here\n", encoding="utf-8")
    with pytest.raises(InputError, match="E804"):
        convert_petrarch_verbs(source)


def test_committed_conversion_is_reproducible(shared_data: Path, tmp_path: Path):
    target = tmp_path / "cameo_verbs.txt"
    convert_petrarch_verbs(shared_data / "petrarch2" / "dictionaries" / "CAMEO.2.0.txt", target)
    assert target.read_text(encoding="utf-8") == (data_dir() / "cameo_verbs.txt").read_text(
        encoding="utf-8"
    )
    assert len(load_patterns(target)) > 4500


def test_adjacency_chains_are_kept_on_request(tmp_path: Path):
    source, target = tmp_path / "verbs.txt", tmp_path / "ours.txt"
    source.write_text(SNIPPET + "- * NEW_&MILITARY_BASES [171]\n", encoding="utf-8")
    relaxed = convert_petrarch_verbs(source)
    assert any("post=new &MILITARY bases" in line for line in relaxed)
    convert_petrarch_verbs(source, target, adjacency=True)
    chain = {p.id: p for p in load_patterns(target).patterns_for("RUSH")}["RUSH.5"].post[0]
    assert chain.adjacent and chain.label == "new_&MILITARY_bases"
    assert (
        len(chain.alternatives) == 2 and len(chain.alternatives[1]) == 4
    )  # new armed forces bases


def test_skipped_phrase_before_a_target_marker(tmp_path: Path):
    source, target = tmp_path / "verbs.txt", tmp_path / "ours.txt"
    source.write_text(SNIPPET + "- * FEAST IN ^ +  [045]\n", encoding="utf-8")
    assert not any("skip=" in line for line in convert_petrarch_verbs(source))
    convert_petrarch_verbs(source, target, adjacency=True)
    pattern = {p.id: p for p in load_patterns(target).patterns_for("RUSH")}["RUSH.5"]
    assert (
        pattern.skip == ("in",) and pattern.code == "045" and pattern.ordered and not pattern.swap
    )
