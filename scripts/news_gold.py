"""Tools for the real-news event gold (see docs/codebook.md).

    python scripts/news_gold.py units --out work/units            # one JSONL per document, for annotators

The annotators' working files hold the sentence text for reading; the committed gold holds
only document ids and character offsets (see ``eventcoder.events.news_corpus``).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from eventcoder.events.news_corpus import assign_splits, read_news_corpus, unit_id
from eventcoder.paths import shared_data_dir


def units(out: Path, split: str | None) -> None:
    """Write each document's units (id, offsets, text, split) to ``out/<split>/<doc>.jsonl``."""
    docs = read_news_corpus(shared_data_dir())
    splits = assign_splits(docs)
    for doc in docs:
        if split and splits[doc.doc_id] != split:
            continue
        folder = out / splits[doc.doc_id]
        folder.mkdir(parents=True, exist_ok=True)
        name = doc.doc_id.replace("/", "__") + ".jsonl"
        with (folder / name).open("w", encoding="utf-8") as handle:
            header = {"doc": doc.doc_id, "date": doc.date, "title": doc.title}
            handle.write(json.dumps(header, ensure_ascii=False) + "\n")
            for i, (start, end) in enumerate(doc.units):
                row = {
                    "unit": unit_id(doc.doc_id, i),
                    "start": start,
                    "end": end,
                    "text": doc.text[start:end],
                }
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    p_units = sub.add_parser("units", help="write sentence units for annotation")
    p_units.add_argument("--out", type=Path, required=True)
    p_units.add_argument("--split", choices=["dev", "test"])
    args = parser.parse_args()
    if args.command == "units":
        units(args.out, args.split)


if __name__ == "__main__":
    main()
