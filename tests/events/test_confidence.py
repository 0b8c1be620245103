"""The event confidence: features, the JSON model, and the trainer's threshold choice."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventcoder.errors import ModelError
from eventcoder.events.confidence import ConfidenceModel, default_model


def test_score_is_a_probability_and_unknown_features_weigh_nothing():
    model = ConfidenceModel({"bias": -1.0, "root=19": 2.0})
    assert model.score(["bias"]) == pytest.approx(1 / (1 + 2.718281828**1.0), rel=1e-6)
    assert model.score(["bias", "root=19"]) > model.score(["bias"])
    assert model.score(["bias", "never=seen"]) == model.score(["bias"])
    assert 0.0 < ConfidenceModel({"bias": -500.0}).score(["bias"]) < 1e-9


def test_model_file_roundtrip_and_bad_file(tmp_path: Path):
    model = ConfidenceModel({"bias": 0.5, "a": -0.25}, 0.3, {"events": 10})
    path = tmp_path / "m.json"
    path.write_text(model.to_json(), encoding="utf-8")
    assert ConfidenceModel.load(path) == model
    path.write_text(json.dumps({"weights": "nope"}), encoding="utf-8")
    with pytest.raises(ModelError, match="E809"):
        ConfidenceModel.load(path)


def test_shipped_model_is_small_json_with_a_threshold():
    model = default_model()
    assert model is not None and 0.0 < model.default_threshold < 1.0
    assert "bias" in model.weights and len(model.weights) < 2000


def test_every_event_has_features_and_a_confidence(code_sentence):
    events = code_sentence("Chile condemned Peru on Monday.", {"Chile": "CHL", "Peru": "PER"})
    assert events
    for event in events:
        assert "bias" in event.features and any(f.startswith("clause=") for f in event.features)
        assert event.confidence is not None and 0.0 <= event.confidence <= 1.0


def test_threshold_choice_prefers_precision():
    sklearn = pytest.importorskip("sklearn")
    assert sklearn
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location(
        "train_confidence", Path(__file__).resolve().parents[2] / "scripts" / "train_confidence.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules["train_confidence"] = module
    spec.loader.exec_module(module)
    scores = [0.9, 0.8, 0.7, 0.2, 0.1]
    labels = [1, 1, 0, 1, 0]
    assert module.best_threshold(scores, labels) == 0.8  # F0.5: 2/2 kept right beats 3/4
    # recall over every gold event (most never found): keeping 3/4 right now beats 2/2
    assert module.best_threshold(scores, labels, total=20) == 0.2
    assert module.precision_threshold(scores, labels, target=0.75, least=2) == 0.2
    assert module.precision_threshold(scores, labels, target=0.99, least=2) == 0.8
    assert module.precision_threshold(scores, labels, target=0.99, least=3) is None
    model = module.fit([("bias", "a"), ("bias", "b")] * 5, [1, 0] * 5, 1.0)
    assert model.score(["bias", "a"]) > 0.5 > model.score(["bias", "b"])


def test_min_confidence_leaves_out_less_certain_events_and_keeps_ids():
    from eventcoder.coder import Coder, CoderConfig
    from eventcoder.events.confidence import precision_threshold

    text = "On Monday the EU imposed new sanctions on Minsk. Russian troops attacked Kharkiv."
    coder = Coder.load(CoderConfig(min_confidence=0.0))
    every = [r for r in coder.code(text, date="2022-11-15") if r.KIND == "event"]
    assert every and all(r.confidence is not None for r in every)  # 0 keeps all
    cut = max(r.confidence for r in every)
    kept = [r for r in coder.code(text, date="2022-11-15", min_confidence=cut) if r.KIND == "event"]
    assert kept and all(r.confidence >= cut for r in kept) and len(kept) <= len(every)
    assert {r.id for r in kept} <= {r.id for r in every}
    assert not [r for r in coder.code(text, min_confidence=1.0) if r.KIND == "event"]
    assert 0.0 < precision_threshold() < 1.0


def test_the_default_floor_is_the_models_threshold_unless_set(monkeypatch):
    from eventcoder.coder import Coder, CoderConfig
    from eventcoder.errors import ConfigError
    from eventcoder.events.confidence import precision_threshold

    monkeypatch.delenv("EVENTCODER_MIN_CONFIDENCE", raising=False)
    assert Coder(None, CoderConfig()).min_confidence == precision_threshold() > 0.0
    assert Coder(None, CoderConfig(min_confidence=0.0)).min_confidence == 0.0
    assert Coder(None, CoderConfig(min_confidence=0.25)).min_confidence == 0.25
    monkeypatch.setenv("EVENTCODER_MIN_CONFIDENCE", "0")
    assert Coder(None, CoderConfig()).min_confidence == 0.0
    for bad in ("high", "1.5", "-0.1"):
        monkeypatch.setenv("EVENTCODER_MIN_CONFIDENCE", bad)
        with pytest.raises(ConfigError, match="E810"):
            Coder(None, CoderConfig()).min_confidence  # noqa: B018


def test_code_and_the_python_api_apply_the_default_floor(monkeypatch):
    import eventcoder
    from eventcoder.events.confidence import precision_threshold
    from eventcoder.ingest.document import Document
    from eventcoder.runners.batch import load_code

    monkeypatch.delenv("EVENTCODER_MIN_CONFIDENCE", raising=False)
    text = (
        "On Monday the EU imposed new sanctions on Minsk. Russian troops attacked Kharkiv. "
        "China said it would consider talks with Japan if conditions allowed. "
        "Chinese officials rejected any suggestion that their dams were to blame."
    )
    floor = precision_threshold()
    every = [r for r in eventcoder.code(text, min_confidence=0) if r.KIND == "event"]
    assert any(r.confidence < floor for r in every)  # else this test shows nothing
    default = [r for r in eventcoder.code(text) if r.KIND == "event"]
    assert [r.id for r in default] == [r.id for r in every if r.confidence >= floor]
    command = load_code()  # what `eventcoder code` runs without --min-confidence
    cli = [r for r in command(Document.from_text(text)) if r.KIND == "event"]
    assert [r.id for r in cli] == [r.id for r in default]
    keep_all = load_code(min_confidence=0.0)
    assert len([r for r in keep_all(Document.from_text(text)) if r.KIND == "event"]) == len(every)


def test_a_dateline_does_not_lengthen_the_lead(nlp):
    """A wire lead is weighed by its own length, not its dateline's ("GENEVA, May 3 -")."""
    from eventcoder.events.confidence import _length

    lead = "Government troops shelled rebel positions outside the northern city on Monday."
    plain = nlp(lead)
    dated = nlp("KINSHASA, March 14 (Agency) - " + lead)
    plain_verb = next(t for t in plain if t.text == "shelled")
    dated_verb = next(t for t in dated if t.text == "shelled")
    assert len(dated_verb.sent) > len(plain_verb.sent) + 5
    assert _length(dated_verb) == _length(plain_verb)
