"""Where the coder's time goes: CPU time of each rule stage against the bare parse.

Every source text of the benchmark corpus (``benchmarks/corpus.py``: GUM news, re3d, our
examples) is coded once, in one process, as ``eventcoder code`` codes it; the pipeline call
(``nlp(text)``), each stage's ``run``, the rest of the coder (relocating spans, the
document record) and the JSON Lines output (``to_dict`` + ``json.dumps``) are timed
separately. Times are CPU time of this process (``time.process_time``), not wall-clock
time, so the ratios hold on a machine where other jobs compete for the cores.

The output also carries a SHA-256 digest of the JSON Lines the run gave (``--jsonl FILE``
keeps the lines themselves): a change meant to make the coder faster, not different, must
leave it unchanged (``--expect DIGEST`` checks this and exits 1 otherwise).

    python benchmarks/bench_stages.py                    # table, results/stages.json
    python benchmarks/bench_stages.py --profile prof.out # also a cProfile of the stages
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import hashlib
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus as bench_corpus


class _Clock:
    """CPU seconds by name."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    def wrap(self, name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                self.add(name, time.process_time() - start)

        return timed

    def add(self, name: str, seconds: float) -> None:
        self.seconds[name] = self.seconds.get(name, 0.0) + seconds


def run(limit: int | None, profile: Path | None, jsonl: Path | None) -> dict[str, Any]:
    """Code every source text once with each part timed; the report."""
    from eventcoder.coder import Coder, code_document
    from eventcoder.ingest.document import Document

    sources = bench_corpus.sources()[:limit]
    if not sources:
        raise SystemExit("no benchmark text found: is the shared data in ../shared/data?")
    coder = Coder.load()
    documents = [Document.from_text(s.text, id=s.name, date=s.date) for s in sources]
    code_document(documents[-1], coder)  # warm: lazy tables, caches of the first call
    gc.collect()  # as runners.batch.load_code does: the loaded objects out of full passes
    gc.freeze()

    clock = _Clock()
    coder.nlp = clock.wrap("parse", coder.nlp)
    for stage in coder.stages:
        object.__setattr__(stage, "run", clock.wrap(stage.name, stage.run))
    digest = hashlib.sha256()
    out = jsonl.open("w", encoding="utf-8") if jsonl else None
    profiler = cProfile.Profile() if profile else None
    start = time.process_time()
    for document in documents:
        if profiler:
            profiler.enable()
        records = code_document(document, coder)
        if profiler:
            profiler.disable()
        t0 = time.process_time()
        lines = "".join(json.dumps(r.to_dict(), ensure_ascii=False) + "\n" for r in records)
        clock.add("output", time.process_time() - t0)
        digest.update(lines.encode("utf-8"))
        if out:
            out.write(lines)
    total = time.process_time() - start
    if out:
        out.close()
    if profiler and profile:
        profiler.dump_stats(str(profile))
    stages = {s.name: clock.seconds.get(s.name, 0.0) for s in coder.stages}
    parse = clock.seconds["parse"]
    rules = sum(stages.values())
    rest = total - parse - rules - clock.seconds["output"]
    return {
        "documents": len(documents),
        "words": sum(bench_corpus.word_count(d.text) for d in documents),
        "cpu_seconds": {
            "parse": parse,
            **stages,
            "coder_rest": rest,
            "output": clock.seconds["output"],
            "total": total,
        },
        "ratios": {
            "rule_stages_vs_parse": rules / parse,
            "all_but_parse_vs_parse": (total - parse) / parse,
            "coder_rate_vs_parse_rate": parse / total,
        },
        "digest": digest.hexdigest(),
        "profiled": profile is not None,
    }


def table(report: dict[str, Any]) -> str:
    """The printed summary."""
    parse = report["cpu_seconds"]["parse"]
    rows = ["| part | CPU s | of parse |", "|---|---|---|"]
    for name, seconds in report["cpu_seconds"].items():
        rows.append(f"| {name} | {seconds:.3f} | {seconds / parse:.3f} |")
    rows.append("")
    rows += [f"{name}: {value:.3f}" for name, value in report["ratios"].items()]
    rows.append(
        f"{report['documents']} documents, {report['words']:,} words; digest {report['digest']}"
    )
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="only the first N source texts")
    parser.add_argument("--profile", type=Path, help="write a cProfile of the coding here")
    parser.add_argument("--jsonl", type=Path, help="write the records as JSON Lines here")
    parser.add_argument("--expect", help="the digest an unchanged coder gives; exit 1 if not")
    parser.add_argument("--output", type=Path, default=HERE / "results" / "stages.json")
    args = parser.parse_args()
    report = run(args.limit, args.profile, args.jsonl)
    if not args.profile:  # a profiled run's times are the profiler's, not the coder's
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(table(report))
    if args.expect and args.expect != report["digest"]:
        print(f"output changed: digest {report['digest']} != {args.expect}", file=sys.stderr)
        raise SystemExit(1)


if __name__ == "__main__":
    main()
