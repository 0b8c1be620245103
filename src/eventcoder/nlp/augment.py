"""Entity-substitution augmentation for the recognizer's training data.

GUM gives about 130k words of entity annotation, with few of the names news is full of.
Each augmented copy of a training document swaps some PERSON, GPE and ORG mentions for names
of the same type from our actor data (state names and capitals, organisations, people in
office), so the recognizer sees those names in real contexts. Syntax is not trained on the
copies (their parses would no longer fit the words).
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from eventcoder.nlp.gazetteer import entity_patterns

__all__ = ["names_by_label", "substitute_names"]


def names_by_label() -> dict[str, list[list[str]]]:
    """Replacement names (as word lists) for each label, from the gazetteer patterns."""
    out: dict[str, list[list[str]]] = {}
    for pattern in entity_patterns():
        out.setdefault(pattern["label"], []).append(pattern["pattern"].split())
    return out


def _swap(doc: Doc, names: dict[str, list[list[str]]], rate: float,
          rng: random.Random) -> Doc:
    words: list[str] = []
    spaces: list[bool] = []
    iob: list[str] = []
    starts = {e.start: e for e in doc.ents}
    i = 0
    while i < len(doc):
        ent = starts.get(i)
        if ent is not None and ent.label_ in names and rng.random() < rate:
            name = rng.choice(names[ent.label_])
            words += name
            spaces += [True] * (len(name) - 1) + [bool(doc[ent.end - 1].whitespace_)]
            iob += [f"B-{ent.label_}"] + [f"I-{ent.label_}"] * (len(name) - 1)
            i = ent.end
            continue
        token = doc[i]
        words.append(token.text)
        spaces.append(bool(token.whitespace_))
        iob.append(f"{token.ent_iob_}-{token.ent_type_}" if token.ent_type_ else "O")
        i += 1
    return Doc(doc.vocab, words=words, spaces=spaces, ents=iob)


def substitute_names(docs: Iterable[Doc], copies: int = 1, rate: float = 0.5,
                     seed: int = 0) -> Iterator[Doc]:
    """Yield ``copies`` augmented versions of each document that has entities."""
    names = names_by_label()
    rng = random.Random(seed)
    for doc in docs:
        if not doc.ents:
            continue
        for _ in range(copies):
            yield _swap(doc, names, rate, rng)
