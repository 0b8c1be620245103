"""Event nouns."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventcoder.errors import ModelError
from eventcoder.events.nouns import NounLexicon
from eventcoder.events.ontology import data_dir


@pytest.fixture(scope="module")
def lexicon() -> NounLexicon:
    return NounLexicon.load(data_dir() / "nouns.tsv")


def test_lookup_with_required_modifier(nlp, lexicon):
    doc = nlp("The workers began a hunger strike and an air strike followed.")
    strikes = [t for t in doc if t.lower_ == "strike"]
    assert [lexicon.lookup(t).code for t in strikes] == ["142", "195"]


def test_plain_noun(nlp, lexicon):
    doc = nlp("The invasion of Kuwait began.")
    entry = lexicon.lookup(doc[1])
    assert entry is not None and entry.of_role == "target" and entry.code.startswith("19")
    assert lexicon.lookup(doc[3]) is None


def test_bad_file(tmp_path: Path):
    path = tmp_path / "nouns.tsv"
    path.write_text("invasion\t190\n", encoding="utf-8")
    with pytest.raises(ModelError, match="E802"):
        NounLexicon.load(path)
