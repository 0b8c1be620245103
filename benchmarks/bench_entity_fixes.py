"""What the entity fixes cost on their own: GUM dev and re3d are parsed once without them,
then each set of fixes is applied to fresh copies of the parses (best of ``--repeat``), side
by side in one run, against the time the pipeline took to parse the same text.

    python benchmarks/bench_entity_fixes.py [--repeat 3] [--output FILE]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

FIRST_ROUND = ("trim", "heads", "places", "extend_people")


def main() -> None:
    from eventcoder.nlp.entities import COMPONENT, DEFAULT_FIXES, EntityFixes
    from eventcoder.nlp.pipeline import load_pipeline
    from eventcoder.nlp.re3d import read_re3d_docs
    from eventcoder.nlp.treebank import read_conllu, sentences_to_docs, treebank_path
    from eventcoder.paths import shared_data_dir

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--output", type=Path, default=None)
    args = parser.parse_args()
    data = shared_data_dir()
    nlp = load_pipeline(exclude=(COMPONENT,))
    texts = [
        d.text for d in sentences_to_docs(read_conllu(treebank_path(data, "gum", "dev")), nlp.vocab)
    ]
    texts += [text for _, text, _ in read_re3d_docs(data / "re3d")]
    start = time.perf_counter()
    docs = list(nlp.pipe(texts))
    parse_s = time.perf_counter() - start
    tokens = sum(len(doc) for doc in docs)
    result: dict[str, object] = {"tokens": tokens, "parse_s_without_fixes": parse_s}
    for name, fixes in (("first_round", FIRST_ROUND), ("default", DEFAULT_FIXES)):
        fixer = EntityFixes(fixes)
        best = float("inf")
        for _ in range(args.repeat):
            copies = [doc.copy() for doc in docs]
            start = time.perf_counter()
            for doc in copies:
                fixer(doc)
            best = min(best, time.perf_counter() - start)
        result[f"{name}_s"] = best
        result[f"{name}_share_of_parse"] = best / parse_s
        print(
            f"{name} ({len(fixes)} fixes): {best:.3f} s for {tokens:,} tokens, "
            f"{100 * best / parse_s:.2f}% of the {parse_s:.1f} s parse"
        )
    if args.output:
        args.output.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
