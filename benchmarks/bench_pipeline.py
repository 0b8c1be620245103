"""Speed and peak memory of the bare pipeline on UD English EWT test text, one process.

Each measurement runs in a fresh subprocess so its peak RSS is its own. The baseline,
measured in the same run on the same text, is spaCy's tokenizer alone; the result file
reports absolute figures and the ratio to that baseline, so runs on different machines
compare. It also reports what each of our own components costs: the pipeline as loaded
(with the sentence rules and the entity fixes) against the trained model alone
(``exclude`` our components), and against the pipeline without the entity fixes alone,
side by side in the same run. ``--other DIR`` also measures another pipeline folder (for
instance one trained with static vectors) as loaded and alone, interleaved with the rest,
and reports its speed as a ratio of the default pipeline's.

    python benchmarks/bench_pipeline.py [--repeat 3] [--output benchmarks/results/pipeline.json]
        [--other DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _texts() -> list[str]:
    import spacy

    from eventcoder.nlp.treebank import read_conllu, sentences_to_docs, treebank_path
    from eventcoder.paths import shared_data_dir

    path = treebank_path(shared_data_dir(), "ewt", "test")
    return [d.text for d in sentences_to_docs(read_conllu(path), spacy.blank("en").vocab)]


def _measure(mode: str) -> dict[str, float]:
    """Run inside the subprocess: parse all texts once, report words/s and peak RSS."""
    from eventcoder.nlp.pipeline import load_pipeline

    texts = _texts()
    t0 = time.perf_counter()
    if mode == "model_only":
        from eventcoder.nlp.entities import COMPONENT as FIXES
        from eventcoder.nlp.sentences import COMPONENT

        nlp = load_pipeline(exclude=(COMPONENT, FIXES))
    elif mode == "no_entity_fixes":
        from eventcoder.nlp.entities import COMPONENT as FIXES

        nlp = load_pipeline(exclude=(FIXES,))
    else:
        nlp = load_pipeline()
    load_s = time.perf_counter() - t0
    process = nlp.tokenizer.pipe if mode == "tokenizer" else nlp.pipe
    words = 0
    t0 = time.perf_counter()
    for doc in process(texts):
        words += len(doc)
    seconds = time.perf_counter() - t0
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "words": words,
        "seconds": seconds,
        "words_per_s": words / seconds,
        "peak_rss_mib": peak_mib,
        "load_s": load_s,
    }


def _run(mode: str, model: Path | None = None) -> dict[str, float]:
    env = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", **os.environ}
    if model is not None:
        env["EVENTCODER_MODEL"] = str(model)
    out = subprocess.run(
        [sys.executable, __file__, "--child", mode],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--output", type=Path, default=HERE / "results" / "pipeline.json")
    parser.add_argument(
        "--child", choices=["tokenizer", "model_only", "no_entity_fixes", "pipeline"]
    )
    parser.add_argument(
        "--other", type=Path, default=None, help="another pipeline folder to measure alongside"
    )
    args = parser.parse_args()
    if args.child:
        print(json.dumps(_measure(args.child)))
        return
    modes = ("tokenizer", "model_only", "no_entity_fixes", "pipeline")
    runs: dict[str, list[dict[str, float]]] = {mode: [] for mode in modes}
    other: dict[str, list[dict[str, float]]] = {"model_only": [], "pipeline": []}
    for _ in range(args.repeat):  # interleaved, so a busy spell hits every mode alike
        for mode in modes:
            runs[mode].append(_run(mode))
            if args.other is not None and mode in other:
                other[mode].append(_run(mode, args.other))
    best = {mode: max(r, key=lambda x: x["words_per_s"]) for mode, r in runs.items()}
    result = {
        "benchmark": "bare pipeline on EWT test text, 1 process",
        "machine": {
            "python": platform.python_version(),
            "cpu": platform.processor(),
            "system": platform.platform(),
        },
        "repeat": args.repeat,
        "pipeline": best["pipeline"],
        "baseline_tokenizer": best["tokenizer"],
        "ratio_speed_vs_tokenizer": best["pipeline"]["words_per_s"]
        / best["tokenizer"]["words_per_s"],
        "ratio_memory_vs_tokenizer": best["pipeline"]["peak_rss_mib"]
        / best["tokenizer"]["peak_rss_mib"],
        "model_only": best["model_only"],
        "ratio_speed_vs_model_only": best["pipeline"]["words_per_s"]
        / best["model_only"]["words_per_s"],
        "no_entity_fixes": best["no_entity_fixes"],
        "ratio_speed_entity_fixes": best["pipeline"]["words_per_s"]
        / best["no_entity_fixes"]["words_per_s"],
    }
    if args.other is not None:
        other_best = {m: max(r, key=lambda x: x["words_per_s"]) for m, r in other.items()}
        result["other"] = {"path": args.other.name, **other_best}
        for mode in other:
            ratio = other_best[mode]["words_per_s"] / best[mode]["words_per_s"]
            result[f"ratio_speed_other_{mode}"] = ratio
            print(f"{args.other.name} {mode}: {ratio:.3f} of the default pipeline's words/s")
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(
        f"pipeline: {best['pipeline']['words_per_s']:.0f} words/s, "
        f"peak {best['pipeline']['peak_rss_mib']:.0f} MiB; tokenizer baseline "
        f"{best['tokenizer']['words_per_s']:.0f} words/s, "
        f"{best['tokenizer']['peak_rss_mib']:.0f} MiB; speed ratio "
        f"{result['ratio_speed_vs_tokenizer']:.3f}; trained model alone "
        f"{best['model_only']['words_per_s']:.0f} words/s, with our components "
        f"{result['ratio_speed_vs_model_only']:.3f} of it; with the entity fixes "
        f"{result['ratio_speed_entity_fixes']:.3f} of the speed without them; "
        f"results in {args.output}"
    )


if __name__ == "__main__":
    main()
