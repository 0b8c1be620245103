"""Precision and recall of real-news events against the confidence threshold (a PNG).

    python scripts/plot_confidence.py --split test --out docs/confidence_test.png

Codes the split's gold documents once with every event kept, then scores the events at or
above each threshold (strict matching, as ``eventcoder eval news``) and draws precision and
recall, marking the default threshold of the shipped model. Prints the figures it plots.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

from eventcoder.events.confidence import default_model
from eventcoder.events.evaluate_news import (
    coded_events,
    default_gold,
    run_news_eval,
    score_units,
)
from eventcoder.events.news_gold import read_gold


def curve(split: str, steps: int = 50) -> tuple[list[tuple[float, float, float, int]], float]:
    """(threshold, precision, recall, events kept) for thresholds 0..1, and the default."""
    gold = read_gold(default_gold(split))
    _, events = run_news_eval(split, min_confidence=0.0)
    by_doc: dict[str, list] = {}
    for unit in gold:
        by_doc.setdefault(unit.doc, []).append(unit)
    model = default_model()
    default = model.default_threshold if model else 0.0
    points = []
    for t in sorted({i / steps for i in range(steps + 1)} | {default}):
        kept = [e for e in events if (e.confidence or 0.0) >= t]
        coded: dict = {}
        for units in by_doc.values():
            doc_events = [e for e in kept if e.doc_id == units[0].doc]
            coded.update(coded_events(doc_events, units))
        score = score_units(gold, coded)
        points.append((t, score.precision(), score.recall(), score.coded))
    return points, default


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--split", choices=["dev", "test"], default="test")
    parser.add_argument("--out", type=Path, default=Path("docs/confidence_test.png"))
    args = parser.parse_args()
    points, default = curve(args.split)
    for t, p, r, n in points:
        mark = "  <- default" if t == default else ""
        print(f"{t:.3f}  precision {100 * p:5.1f}%  recall {100 * r:5.1f}%  events {n}{mark}")
    fig, ax = plt.subplots(figsize=(5.5, 3.4), dpi=100)
    xs = [t for t, _, _, n in points if n]
    ax.plot(xs, [100 * p for _, p, _, n in points if n], label="precision (strict)")
    ax.plot(xs, [100 * r for _, _, r, n in points if n], label="recall (strict)")
    ax.axvline(default, color="grey", linestyle="--", linewidth=1, label=f"default {default:.2f}")
    ax.set_xlabel("minimum confidence")
    ax.set_ylabel("%")
    ax.set_ylim(0, 100)
    ax.set_title(f"Real-news events, {args.split} split")
    ax.legend(fontsize=8)
    fig.tight_layout()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(args.out)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
