"""Entity substitution keeps labels and sentence text around the swapped names."""

import random

import spacy
from spacy.tokens import Doc

from eventcoder.nlp.augment import _swap, names_by_label, substitute_names


def _doc():
    nlp = spacy.blank("en")
    words = ["Yesterday", "John", "Smith", "visited", "Oslo", "."]
    ents = ["O", "B-PERSON", "I-PERSON", "O", "B-GPE", "O"]
    return Doc(nlp.vocab, words=words, spaces=[True, True, True, True, False, False], ents=ents)


def test_names_by_label_has_the_three_types():
    names = names_by_label()
    assert {"PERSON", "GPE", "ORG"} <= set(names)
    assert ["Belarus"] in names["GPE"]


def test_swap_replaces_names_with_same_label():
    names = {"PERSON": [["Ana", "Diaz", "Ruiz"]], "GPE": [["Minsk"]]}
    out = _swap(_doc(), names, rate=1.0, rng=random.Random(0))
    assert out.text == "Yesterday Ana Diaz Ruiz visited Minsk."
    assert [(e.text, e.label_) for e in out.ents] == [("Ana Diaz Ruiz", "PERSON"),
                                                       ("Minsk", "GPE")]


def test_rate_zero_keeps_the_document():
    out = _swap(_doc(), names_by_label(), rate=0.0, rng=random.Random(0))
    assert out.text == _doc().text and len(out.ents) == 2


def test_documents_without_entities_are_not_copied():
    nlp = spacy.blank("en")
    assert list(substitute_names([nlp("No names here.")])) == []
