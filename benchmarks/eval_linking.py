"""Event linking on a corpus of repeated stories: how many coded mentions, how many events.

``benchmarks/data/repeated_stories.jsonl`` is a small corpus written for this purpose:
eight news stories, each told by two to four outlets (and some twice within one article),
plus one story that repeats a week later (a different event with the same actors and
code). Every sentence is tagged with the real-world event it reports. The script codes the
corpus into a new DuckDB store (``eventcoder code``'s own path), links events, maps each
coded event to the gold event of its sentence and reports:

- mentions coded, events after linking, gold events;
- pairwise linking precision and recall over the coded mentions that report a gold event
  (a pair is right when both mentions report the same gold event);
- gold events whose coded mentions were split into several events, and merged events.

    python benchmarks/eval_linking.py [--output benchmarks/results/linking.json]
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "data" / "repeated_stories.jsonl"


def _gold() -> dict[str, list[tuple[int, int, str | None]]]:
    out = {}
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        out[item["id"]] = [tuple(span) for span in item["gold"]]
    return out


def _gold_key(spans: list[tuple[int, int, str | None]], start: int | None) -> str | None:
    for first, last, key in spans:
        if start is not None and first <= start < last:
            return key
    return None


def evaluate(db: str) -> dict[str, Any]:
    """Code the corpus into ``db``, link, and score the links."""
    from eventcoder import cli_code
    from eventcoder.ingest import read_inputs
    from eventcoder.store import open_store

    code = cli_code._load_coder()
    with open_store(db) as store:
        with (
            open(os.devnull, "w", encoding="utf-8") as devnull,
            cli_code._StoreRun(store, 200) as run,
        ):
            documents = read_inputs([str(CORPUS)], language="any")
            cli_code._run(documents, code, cli_code._JsonlSink(devnull), run, progress=False)
        rows = store.query(
            "SELECT id, doc_id, span_start, event_id, source_code, cameo, target_code "
            "FROM event_mentions ORDER BY doc_id, sentence, id"
        )
        linked = store.query("SELECT count(*), max(num_mentions) FROM linked_events")[0]
    gold = _gold()
    mentions = [(r[0], r[3], _gold_key(gold[r[1]], r[2]), r[1]) for r in rows]
    tagged = [m for m in mentions if m[2] is not None]
    pairs = list(itertools.combinations(tagged, 2))
    same_pred = {(a[0], b[0]) for a, b in pairs if a[1] == b[1]}
    same_gold = {(a[0], b[0]) for a, b in pairs if a[2] == b[2]}
    right = len(same_pred & same_gold)
    by_gold: dict[str, set[str]] = {}
    by_event: dict[str, set[str]] = {}
    for _, event, key, _ in tagged:
        by_gold.setdefault(key, set()).add(event)
        by_event.setdefault(event, set()).add(key)
    gold_events = {key for spans in gold.values() for *_, key in spans if key}
    return {
        "documents": len(gold),
        "gold_events": len(gold_events),
        "gold_event_mentions": sum(1 for s in gold.values() for *_, k in s if k),
        "mentions_coded": len(mentions),
        "mentions_on_gold_events": len(tagged),
        "gold_events_found": len(by_gold),
        "events_after_linking": linked[0],
        "largest_event_mentions": linked[1],
        "pair_precision": right / len(same_pred) if same_pred else None,
        "pair_recall": right / len(same_gold) if same_gold else None,
        "linked_pairs": len(same_pred),
        "gold_pairs": len(same_gold),
        "split_gold_events": sorted(k for k, ev in by_gold.items() if len(ev) > 1),
        "merged_events": sum(1 for keys in by_event.values() if len(keys) > 1),
        "num_mentions_histogram": dict(
            sorted(Counter(Counter(m[1] for m in mentions).values()).items())
        ),
        "unlinked_extra_mentions": [m[0] for m in mentions if m[2] is None],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=HERE / "results" / "linking.json")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        result = evaluate(f"{folder}/linking.duckdb")
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    p, r = result["pair_precision"], result["pair_recall"]
    print(
        f"{result['documents']} documents, {result['gold_events']} real events in "
        f"{result['gold_event_mentions']} tagged sentences: {result['mentions_coded']} mentions "
        f"coded -> {result['events_after_linking']} events; pair precision "
        f"{p if p is None else round(p, 3)}, recall {r if r is None else round(r, 3)}; "
        f"results in {args.output}"
    )


if __name__ == "__main__":
    main()
