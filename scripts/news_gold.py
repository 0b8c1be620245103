"""Tools for the real-news event gold (see docs/codebook.md).

    python scripts/news_gold.py units --out WORK/units          # one JSONL per document, for annotators
    python scripts/news_gold.py build --annotations WORK/annot  # every A<n>/ folder -> committed gold
    python scripts/news_gold.py agree --annotations WORK/annot --overlap WORK/annot/overlap.list

The annotators' working files hold the sentence text for reading; the committed gold
(``src/eventcoder/data/gold/news_{dev,test}.jsonl``) holds only document ids, character
offsets and codes (see ``eventcoder.events.news_gold``). ``build`` names every unusable line
(file and line) and leaves that unit out; it exits with status 1 when there was any.
A document annotated by several annotators takes the first annotator's version (A1 before A2).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from eventcoder.events.news_corpus import NewsDoc, assign_splits, read_news_corpus, unit_id
from eventcoder.events.news_gold import build_gold, check_annotation_file, write_gold
from eventcoder.events.news_match import match_unit
from eventcoder.events.ontology import CameoOntology
from eventcoder.paths import PACKAGE_DIR, shared_data_dir

GOLD_DIR = PACKAGE_DIR / "data" / "gold"


def annotator_folders(annotations: Path) -> list[tuple[str, Path]]:
    """Every annotator folder ``A<n>`` under ``annotations``, A1 first (its version wins)."""
    found = [p for p in annotations.glob("A*") if p.is_dir() and p.name[1:].isdigit()]
    return [(p.name, p) for p in sorted(found, key=lambda p: int(p.name[1:]))]


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


def _corpus() -> tuple[dict[str, NewsDoc], dict[str, str]]:
    docs = read_news_corpus(shared_data_dir())
    return {d.doc_id: d for d in docs}, assign_splits(docs)


def _cameo_codes() -> set[str]:
    return set(CameoOntology.from_data().goldstein_table)


def build(annotations: Path, out: Path) -> int:
    """Check every annotator file and write the gold of each split; the exit status."""
    docs, splits = _corpus()
    folders = annotator_folders(annotations)
    gold, problems = build_gold(folders, docs, _cameo_codes())
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    for split in ("dev", "test"):
        chosen = [u for u in gold if splits[u.doc] == split]
        n = write_gold(chosen, out / f"news_{split}.jsonl")
        n_docs = len({u.doc for u in chosen})
        n_events = sum(len(u.events) for u in chosen)
        all_units = sum(len(d.units) for d in docs.values() if splits[d.doc_id] == split)
        print(
            f"{split}: {n_docs} documents, {n}/{all_units} sentences, {n_events} events "
            f"-> {out / f'news_{split}.jsonl'}"
        )
    print(f"{len(problems)} problem(s)")
    return 1 if problems else 0


def _overlap_docs(path: Path, docs: dict[str, NewsDoc]) -> list[str]:
    out = []
    by_file = {d.replace("/", "__"): d for d in docs}
    for line in path.read_text(encoding="utf-8").split():
        name = Path(line).name.removesuffix(".jsonl")
        doc_id = by_file.get(name, name)
        if doc_id not in docs:
            raise SystemExit(f"{path}: unknown document {line!r}")
        out.append(doc_id)
    return out


def agree(annotations: Path, overlap: Path, first: str = "A1", second: str = "A2") -> None:
    """Agreement of two annotators on the overlap documents: event F1 and event/no-event."""
    docs, _ = _corpus()
    codes = _cameo_codes()
    pairs = Counter()
    table = Counter()  # (first has events, second has events)
    n_docs = 0
    for doc_id in _overlap_docs(overlap, docs):
        name = doc_id.replace("/", "__") + ".jsonl"
        a_path, b_path = annotations / first / name, annotations / second / name
        if not (a_path.exists() and b_path.exists()):
            print(f"skipped {doc_id}: not annotated by both yet")
            continue
        a_units, a_problems = check_annotation_file(a_path, docs, first, codes)
        b_units, b_problems = check_annotation_file(b_path, docs, second, codes)
        for problem in a_problems + b_problems:
            print(f"warning: {problem}", file=sys.stderr)
        b_by_id = {u.unit: u for u in b_units}
        n_docs += 1
        for a in a_units:
            b = b_by_id.get(a.unit)
            if b is None:
                continue
            table[(bool(a.events), bool(b.events))] += 1
            result = match_unit(a.events, [_as_coded(e) for e in b.events])
            pairs["a"] += len(a.events)
            pairs["b"] += len(b.events)
            pairs["strict"] += len(result.pairs)
            pairs["full"] += sum(p.full for p in result.pairs)
    n = sum(table.values())
    print(f"{n_docs} documents, {n} sentences annotated by both {first} and {second}")
    print(f"events: {first} {pairs['a']}, {second} {pairs['b']}")
    for level in ("strict", "full"):
        f1 = 2 * pairs[level] / (pairs["a"] + pairs["b"]) if pairs["a"] + pairs["b"] else 0.0
        print(f"event F1 ({level}): {100 * f1:.1f}% ({pairs[level]} matched)")
    if n:
        observed = (table[(True, True)] + table[(False, False)]) / n
        p_a = (table[(True, True)] + table[(True, False)]) / n
        p_b = (table[(True, True)] + table[(False, True)]) / n
        expected = p_a * p_b + (1 - p_a) * (1 - p_b)
        kappa = (observed - expected) / (1 - expected) if expected < 1 else 1.0
        print(f"event/no-event agreement: {100 * observed:.1f}% (Cohen's kappa {kappa:.2f})")


def _as_coded(event):
    from eventcoder.events.news_match import Coded

    return Coded(
        trigger_span=event.trigger_span,
        source=event.source,
        target=event.target,
        cameo=event.cameo,
        negated=event.negated,
        modality=event.modality,
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", required=True)
    p_units = sub.add_parser("units", help="write sentence units for annotation")
    p_units.add_argument("--out", type=Path, required=True)
    p_units.add_argument("--split", choices=["dev", "test"])
    p_build = sub.add_parser("build", help="annotator files -> committed gold")
    p_build.add_argument(
        "--annotations",
        type=Path,
        required=True,
        help="holds one folder per annotator: A1/, A2/, ...",
    )
    p_build.add_argument("--out", type=Path, default=GOLD_DIR)
    p_agree = sub.add_parser("agree", help="agreement of A1 and A2 on the overlap documents")
    p_agree.add_argument("--annotations", type=Path, required=True)
    p_agree.add_argument("--overlap", type=Path, required=True, help="one document per line")
    args = parser.parse_args()
    if args.command == "units":
        units(args.out, args.split)
    elif args.command == "build":
        raise SystemExit(build(args.annotations, args.out))
    else:
        agree(args.annotations, args.overlap)


if __name__ == "__main__":
    main()
