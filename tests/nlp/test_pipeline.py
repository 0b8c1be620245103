"""The committed pipeline loads offline, has every component, and meets its accuracy floors."""

from __future__ import annotations

import socket

import pytest

from eventcoder.errors import ModelError
from eventcoder.nlp.pipeline import load_pipeline


def test_pipeline_has_every_component(nlp):
    assert nlp.pipe_names == [
        "tok2vec",
        "tagger",
        "morphologizer",
        "trainable_lemmatizer",
        "eventcoder_sentence_rules",
        "parser",
        "eventcoder_sentence_merge",
        "eventcoder_parse_repairs",
        "ner",
        "entity_ruler",
        "eventcoder_entity_fixes",
    ]
    assert {"PERSON", "ORG", "GPE"} <= set(nlp.get_pipe("ner").labels)


def test_loading_never_touches_the_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("network access while loading the pipeline")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    from eventcoder.nlp import pipeline

    pipeline._load.cache_clear()
    nlp = load_pipeline()
    assert len(nlp("The minister arrived.")) == 4


def test_missing_model_is_a_clear_error(tmp_path):
    with pytest.raises(ModelError, match="E101"):
        load_pipeline(tmp_path / "nowhere")


def test_parses_news_sentence(nlp):
    doc = nlp("The European Union imposed new sanctions on Belarus on Monday.")
    root = [t for t in doc if t.dep_ == "ROOT"]
    assert [t.lemma_ for t in root] == ["impose"]
    subj = [t.text for t in root[0].children if t.dep_ == "nsubj"]
    assert subj == ["Union"]
    assert "Belarus" in {e.text for e in doc.ents}


def test_sentences_split_after_abbreviations_correctly(nlp):
    doc = nlp(
        "Gen. Ivanov met the minister in Minsk. Talks ended on Sept. 4. Both sides said little."
    )
    assert [s.text for s in doc.sents] == [
        "Gen. Ivanov met the minister in Minsk.",
        "Talks ended on Sept. 4.",
        "Both sides said little.",
    ]


def test_example_article_sentences(nlp, belarus_text):
    """What the bare pipeline does with the raw article (repairs belong to ingest)."""
    doc = nlp(belarus_text)
    sentences = list(doc.sents)
    assert len(sentences) > 25
    # Sentences are not absurdly long: the parser finds boundaries throughout the text.
    assert max(len(s) for s in sentences) < 120
