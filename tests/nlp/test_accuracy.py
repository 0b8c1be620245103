"""Accuracy floors on held-out treebank text: a regression in the committed model fails CI."""

from __future__ import annotations

import pytest

from eventcoder.nlp.evaluate import evaluate_model, load_floors


@pytest.fixture(scope="module")
def scores(nlp, shared_data):
    return evaluate_model(nlp, shared_data)


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(load_floors()))
def test_score_meets_floor(scores, name):
    floor = load_floors()[name]
    assert scores.as_dict()[name] >= floor, f"{name} {scores.as_dict()[name]:.3f} < {floor}"
