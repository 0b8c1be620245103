"""Coding into DuckDB against the bare parse rate, side by side in one process.

On the same documents (UD English EWT test text in 10-sentence documents), in turn, best
of ``--repeat``:

- ``parse``: the pipeline alone (``coder.nlp(text)`` per document), the baseline;
- ``jsonl``: what ``eventcoder code > /dev/null`` does: every stage, JSON Lines out;
- ``duckdb``: what ``eventcoder code --db new.duckdb > /dev/null`` does: the same plus the
  store (batched writes, a ``runs`` row, event linking and the full-text index at the end);
- ``store``: the store's part alone: the records of one coding pass written to a new file
  (batched Arrow inserts, linking, full-text index);
- ``store_row_by_row``: the same records the first store's way, one transaction per
  document and one INSERT per row (``executemany``), for comparison.

The figures that compare across machines are the ratios to ``parse`` in the same run.

    python benchmarks/bench_store.py [--repeat 3] [--output benchmarks/results/store.json]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def _documents() -> list[Any]:
    import spacy

    from eventcoder.ingest.document import Document
    from eventcoder.nlp.treebank import read_conllu, sentences_to_docs, treebank_path
    from eventcoder.paths import shared_data_dir

    path = treebank_path(shared_data_dir(), "ewt", "test")
    texts = [d.text for d in sentences_to_docs(read_conllu(path), spacy.blank("en").vocab)]
    return [
        Document.from_text(t, id=f"ewt-{i}", date="2023-05-01", source=f"site{i % 7}")
        for i, t in enumerate(texts)
    ]


def _timed(action: Any) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def _code_run(documents: list[Any], code: Any, db: str | None) -> None:
    from eventcoder import cli_code
    from eventcoder.store import open_store

    with open(os.devnull, "w", encoding="utf-8") as devnull:
        store = open_store(db) if db else None
        try:
            with cli_code._StoreRun(store, 200) as run:
                cli_code._run(documents, code, cli_code._JsonlSink(devnull), run, progress=False)
        finally:
            if store is not None:
                store.close()


def _store_only(records: list[list[Any]], db: str) -> None:
    from eventcoder.store import open_store
    from eventcoder.store.linking import link_events
    from eventcoder.store.search import refresh_index

    with open_store(db) as store, store.batch(200) as writer:
        for group in records:
            writer.add(group[0].doc_id, group)
        writer.flush()
        link_events(store)
        refresh_index(store)


def _store_row_by_row(records: list[list[Any]], db: str) -> None:
    """The first store's way, for comparison: one transaction per document, rows inserted
    one by one (``executemany``)."""
    import duckdb

    from eventcoder.store.base import record_row

    con = duckdb.connect(db)
    con.execute(
        "CREATE TABLE records (id VARCHAR PRIMARY KEY, kind VARCHAR NOT NULL, doc_id VARCHAR "
        "NOT NULL, sentence INTEGER, span_start INTEGER, span_end INTEGER, payload JSON NOT NULL)"
    )
    for group in records:
        rows = [record_row(r)[:7] for r in group]
        con.execute("BEGIN TRANSACTION")
        con.execute("DELETE FROM records WHERE doc_id = ?", [group[0].doc_id])
        con.executemany("INSERT OR REPLACE INTO records VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
        con.execute("COMMIT")
    con.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--output", type=Path, default=HERE / "results" / "store.json")
    args = parser.parse_args()

    from eventcoder.cli_code import _load_coder
    from eventcoder.coder import Coder

    documents = _documents()
    code = _load_coder()
    nlp = Coder.load().nlp  # the same pipeline the coder parses with
    words = sum(len(d.text.split()) for d in documents)
    records = [code(d) for d in documents]  # warm-up, and the input of the store-only run
    n_records = sum(len(r) for r in records)
    modes = ("parse", "jsonl", "duckdb", "store", "store_row_by_row")
    times: dict[str, list[float]] = {m: [] for m in modes}
    with tempfile.TemporaryDirectory() as folder:
        for i in range(args.repeat):
            times["parse"].append(_timed(lambda: [nlp(d.text) for d in documents]))
            times["jsonl"].append(_timed(lambda: _code_run(documents, code, None)))
            db = f"{folder}/run{i}.duckdb"
            times["duckdb"].append(_timed(lambda db=db: _code_run(documents, code, db)))
            times["store"].append(_timed(lambda i=i: _store_only(records, f"{folder}/s{i}.duckdb")))
            times["store_row_by_row"].append(
                _timed(lambda i=i: _store_row_by_row(records, f"{folder}/r{i}.duckdb"))
            )
    best = {mode: min(t) for mode, t in times.items()}
    rate = {mode: len(documents) / s for mode, s in best.items()}
    result = {
        "benchmark": "coding into DuckDB vs the bare parse, EWT test text, 1 process",
        "machine": {"python": platform.python_version(), "system": platform.platform()},
        "documents": len(documents),
        "words": words,
        "records": n_records,
        "repeat": args.repeat,
        "seconds_best": best,
        "documents_per_s": rate,
        "ratio_jsonl_vs_parse": best["parse"] / best["jsonl"],
        "ratio_duckdb_vs_parse": best["parse"] / best["duckdb"],
        "store_ms_per_record": 1000 * best["store"] / n_records,
        "store_row_by_row_ms_per_record": 1000 * best["store_row_by_row"] / n_records,
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(
        f"{len(documents)} documents, {n_records} records: parse {rate['parse']:.1f} docs/s, "
        f"code to JSON Lines {rate['jsonl']:.1f} (ratio {result['ratio_jsonl_vs_parse']:.2f}), "
        f"code into DuckDB {rate['duckdb']:.1f} (ratio {result['ratio_duckdb_vs_parse']:.2f}); "
        f"store alone {result['store_ms_per_record']:.3f} ms/record (row by row, as before: "
        f"{result['store_row_by_row_ms_per_record']:.3f}); results in {args.output}"
    )


if __name__ == "__main__":
    main()
