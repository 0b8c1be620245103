"""Train the event confidence model on the dev split of the real-news gold.

    python scripts/train_confidence.py            # writes src/eventcoder/data/events/confidence.json

Every event the coder codes on the dev documents is labelled right (it matches a gold event,
strict: CAMEO root and actor countries) or wrong, and a logistic regression (scikit-learn, L2)
learns P(right) from the event's features (``eventcoder.events.confidence.event_features``).
The default threshold is chosen on out-of-fold predictions (five folds by document): the lowest
at which the kept events are 80% right (the precision the project aims at), else the one with
the best F0.5. The test split is never read.
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

from eventcoder.events.confidence import MODEL_FILE, ConfidenceModel
from eventcoder.events.evaluate_news import default_gold
from eventcoder.events.news_corpus import read_news_corpus
from eventcoder.events.news_gold import GoldUnit, read_gold
from eventcoder.events.news_match import Coded, match_unit
from eventcoder.events.ontology import data_dir
from eventcoder.paths import shared_data_dir


def labelled_events(split: str = "dev") -> list[tuple[str, tuple[str, ...], int]]:
    """(document id, features, 1 if right else 0) for every event coded on ``split``."""
    from eventcoder.actors import ActorCoder
    from eventcoder.events.extract import EventExtractor
    from eventcoder.ingest.document import Document
    from eventcoder.nlp.pipeline import load_pipeline

    gold = read_gold(default_gold(split))
    by_doc: dict[str, list[GoldUnit]] = defaultdict(list)
    for unit in gold:
        by_doc[unit.doc].append(unit)
    docs = {d.doc_id: d for d in read_news_corpus(shared_data_dir()) if d.doc_id in by_doc}
    nlp, actors, extractor = load_pipeline(), ActorCoder.from_data(), EventExtractor.from_data()
    out = []
    for doc_id, units in by_doc.items():
        news = docs[doc_id]
        document = Document.from_text(news.text, id=doc_id, date=news.date or None)
        parsed = nlp(document.text)
        found = extractor.extract(parsed, actors.find(parsed, document.date))
        coded: dict[str, list[tuple[Coded, tuple[str, ...]]]] = defaultdict(list)
        for n, c in enumerate(found):
            token = parsed[c.trigger]
            span = document.to_original(token.idx, token.idx + len(token.text))
            unit = next((u for u in units if u.span[0] <= span[0] < u.span[1]), None)
            if unit is None:
                continue
            event = Coded(
                trigger_span=span,
                source=c.source.code if c.source else None,
                target=c.target.code if c.target else None,
                cameo=c.cameo,
                index=n,
            )
            coded[unit.unit].append((event, c.features))
        for unit in units:
            events = coded.get(unit.unit, [])
            result = match_unit(unit.events, [e for e, _ in events])
            right = {p.coded.index for p in result.pairs}
            out += [(doc_id, f, int(e.index in right)) for e, f in events]
    return out


def _matrix(rows: list[tuple[str, ...]], names: list[str]) -> np.ndarray:
    column = {name: i for i, name in enumerate(names)}
    x = np.zeros((len(rows), len(names)))
    for i, features in enumerate(rows):
        for name in features:
            if name in column:
                x[i, column[name]] = 1.0
    return x


def fit(rows: list[tuple[str, ...]], labels: list[int], c: float) -> ConfidenceModel:
    """A logistic regression over the features seen in ``rows`` (the bias is the intercept)."""
    names = sorted({n for r in rows for n in r if n != "bias"})
    model = LogisticRegression(C=c, max_iter=1000)
    model.fit(_matrix(rows, names), np.array(labels))
    weights = {name: float(w) for name, w in zip(names, model.coef_[0], strict=True) if w}
    weights["bias"] = float(model.intercept_[0])
    return ConfidenceModel(weights)


def precision_threshold(
    scores: list[float], labels: list[int], target: float = 0.8, least: int = 10
) -> float | None:
    """The lowest threshold at which the kept events (at least ``least``) are right at
    ``target`` precision or better; None when no threshold reaches it."""
    for t in sorted(set(scores)):
        kept = [y for s, y in zip(scores, labels, strict=True) if s >= t]
        if len(kept) >= least and sum(kept) / len(kept) >= target:
            return t
    return None


def best_threshold(scores: list[float], labels: list[int], beta: float = 0.5) -> float:
    """The threshold with the best F-beta on these scores."""
    best, best_f = 0.0, -1.0
    total = sum(labels)
    for t in sorted(set(scores)):
        kept = [y for s, y in zip(scores, labels, strict=True) if s >= t]
        tp = sum(kept)
        if not kept or not tp:
            continue
        p, r = tp / len(kept), tp / total
        f = (1 + beta**2) * p * r / (beta**2 * p + r)
        if f > best_f:
            best, best_f = t, f
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--c", type=float, default=0.5, help="inverse L2 strength")
    parser.add_argument("--out", type=Path, default=data_dir() / MODEL_FILE)
    args = parser.parse_args()
    data = labelled_events("dev")
    docs = sorted({d for d, _, _ in data})
    fold_of = {d: i % 5 for i, d in enumerate(docs)}
    scores: list[float] = [0.0] * len(data)
    for fold in range(5):
        train = [(f, y) for d, f, y in data if fold_of[d] != fold]
        model = fit([f for f, _ in train], [y for _, y in train], args.c)
        for i, (d, f, _) in enumerate(data):
            if fold_of[d] == fold:
                scores[i] = model.score(f)
    labels = [y for _, _, y in data]
    threshold = precision_threshold(scores, labels)
    if threshold is None:
        threshold = best_threshold(scores, labels)
    final = fit([f for _, f, _ in data], labels, args.c)
    about = {
        "trained_on": "real-news gold, dev split",
        "events": len(data),
        "right": sum(labels),
        "C": args.c,
        "threshold": "lowest with 80% precision (else best F0.5) on 5-fold out-of-fold "
        "predictions by document",
    }
    final = ConfidenceModel(final.weights, threshold, about)
    args.out.write_text(final.to_json() + "\n", encoding="utf-8")
    kept = [y for s, y in zip(scores, labels, strict=True) if s >= threshold]
    print(json.dumps({**about, "default_threshold": round(threshold, 3)}))
    print(
        f"out-of-fold at {threshold:.3f}: kept {len(kept)}/{len(labels)} events, "
        f"precision {sum(kept) / max(1, len(kept)):.3f}, "
        f"recall of right {sum(kept) / max(1, sum(labels)):.3f}"
    )


if __name__ == "__main__":
    main()
