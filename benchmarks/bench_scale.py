"""Scale: the whole coder against the bare parse, 1 against 2 workers, cost per word, memory.

On a corpus of news-style text (``benchmarks/corpus.py``: GUM news, re3d and our examples,
repeated to ``--sentences`` sentences), each measurement runs in a fresh subprocess (so its
peak memory is its own), the measurements are interleaved round by round, and medians over
``--repeat`` rounds are reported:

- ``parse``: the bare pipeline (``nlp(text)`` per cleaned document), one process: the
  baseline every ratio is measured against;
- ``jsonl`` / ``duckdb``: ``eventcoder code CORPUS -o /dev/null`` (``--db new.duckdb``),
  one worker: reading, cleaning, every stage, the output;
- ``local-2``: the same with ``--workers 2``; ``dask-1`` / ``dask-2``: ``--engine dask`` on
  a local cluster of 1 and 2 single-threaded workers;
- ``length-N``: one document of N words coded alone: milliseconds per word.

Times exclude loading the pipeline (each worker loads it once, before its first batch) and
the language identifier, so they measure the coding rate a long run sees. Each run is timed twice: wall-clock time and
CPU time (user + system of every process of the run: this one, its worker processes, the
Dask scheduler, nannies and workers). On a machine where other jobs compete for the cores
only the CPU-time figures hold: the coder against the parse, and the parallel overhead
(CPU per word of 2 workers against 1; ``2 x cpu_1 / cpu_2`` is the speed-up the runners
allow on two free cores). Peak memory is the largest resident set of any one coding
process (the worker processes for ``local-2`` and the Dask runs).

    python benchmarks/bench_scale.py            # >= 20,000 sentences, 3 rounds
    python benchmarks/bench_scale.py --quick    # a smoke run (CI): 600 sentences, 1 round
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus as bench_corpus

CODER_RUNS = {
    "jsonl": ["--workers", "1"],
    "duckdb": ["--workers", "1", "--db", "{db}"],
    "local-2": ["--workers", "2"],
    "dask-1": ["--engine", "dask", "--workers", "1"],
    "dask-2": ["--engine", "dask", "--workers", "2"],
}


def _peak_mib(children: bool) -> float:
    who = resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF
    return resource.getrusage(who).ru_maxrss / 1024


def _tree_cpu() -> float:
    """CPU seconds (user + system) of this process, its living descendants and every
    descendant that has ended (and was waited for) so far."""
    import psutil

    own = resource.getrusage(resource.RUSAGE_SELF)
    ended = resource.getrusage(resource.RUSAGE_CHILDREN)
    total = own.ru_utime + own.ru_stime + ended.ru_utime + ended.ru_stime
    for child in psutil.Process().children(recursive=True):
        try:
            times = child.cpu_times()
        except psutil.Error:  # ended meanwhile: counted once waited for
            continue
        total += times.user + times.system
    return total


def _corpus_words(path: str) -> int:
    """Words of the corpus as given: the unit of every rate."""
    with open(path, encoding="utf-8") as handle:
        return sum(len(json.loads(line)["text"].split()) for line in handle)


# --- measurements, each in its own subprocess -------------------------------------------


def _child_parse(path: str) -> dict[str, Any]:
    from eventcoder.ingest import Document, read_inputs
    from eventcoder.nlp.pipeline import load_pipeline

    nlp = load_pipeline()
    documents = [d for d in read_inputs([path], language="any") if isinstance(d, Document)]
    nlp(documents[0].text)  # warm
    start, cpu = time.perf_counter(), time.process_time()
    for document in documents:
        nlp(document.text)
    seconds = time.perf_counter() - start
    return {
        "seconds": seconds,
        "cpu_seconds": time.process_time() - cpu,
        "words": _corpus_words(path),
        "peak_mib": _peak_mib(False),
    }


def _child_code(path: str, args: list[str]) -> dict[str, Any]:
    """``eventcoder code`` in this process, timed from the moment its workers are ready."""
    from click.testing import CliRunner

    from eventcoder import cli_code
    from eventcoder.cli import main
    from eventcoder.ingest.language import _identifier

    _identifier()  # loaded once per run, on the first document: a load, not a coding cost

    ready: dict[str, float] = {}
    open_runner = cli_code._open_runner

    def timed_runner(*a: Any, **k: Any) -> Any:
        runner = open_runner(*a, **k)
        ready["at"], ready["cpu"] = time.perf_counter(), _tree_cpu()
        return runner

    cli_code._open_runner = timed_runner
    with tempfile.TemporaryDirectory() as tmp:
        argv = [a.replace("{db}", str(Path(tmp) / "b.duckdb")) for a in args]
        result = CliRunner().invoke(main, ["code", path, "-o", os.devnull, *argv])
        end, end_cpu = (
            time.perf_counter(),
            _tree_cpu(),
        )  # every worker has ended and been waited for
    if result.exit_code != 0:
        raise SystemExit(f"eventcoder code {argv} failed: {result.stderr[-2000:]}")
    words = _corpus_words(path)
    in_process = "--engine" not in args and args[args.index("--workers") + 1] == "1"
    return {
        "seconds": end - ready["at"],
        "cpu_seconds": end_cpu - ready["cpu"],
        "words": words,
        "peak_mib": _peak_mib(children=not in_process),
    }


def _child_length(words: int) -> dict[str, Any]:
    from eventcoder.coder import Coder
    from eventcoder.ingest.document import Document

    coder = Coder.load()
    coder.code(Document.from_text(bench_corpus.long_document(600), id="warm", date="2016-06-01"))
    document = Document.from_text(bench_corpus.long_document(words), id="long", date="2016-06-01")
    start, cpu = time.perf_counter(), time.process_time()
    coder.code(document)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    n = len(document.text.split())
    return {
        "seconds": seconds,
        "cpu_seconds": cpu,
        "words": n,
        "ms_per_word": 1000 * seconds / n,
        "cpu_ms_per_word": 1000 * cpu / n,
    }


def _spawn(kind: str, *args: str) -> dict[str, Any]:
    env = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"}
    out = subprocess.run(
        [sys.executable, __file__, "--child", kind, *args],
        check=False,
        capture_output=True,
        text=True,
        env=env,
    )
    if out.returncode != 0:
        raise SystemExit(f"benchmark step {kind} {args} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


# --- the run ----------------------------------------------------------------------------


def _median(runs: list[dict[str, Any]], key: str) -> float:
    return statistics.median(r[key] for r in runs)


def run(sentences: int, repeat: int, lengths: list[int], output: Path) -> dict[str, Any]:
    """Every measurement, interleaved, ``repeat`` rounds; the results file is written."""
    items = bench_corpus.corpus(sentences)
    runs: dict[str, list[dict[str, Any]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        path = str(Path(tmp) / "corpus.jsonl")
        with open(path, "w", encoding="utf-8") as handle:
            handle.writelines(json.dumps(item) + "\n" for item in items)
        for round_ in range(repeat):
            print(f"round {round_ + 1}/{repeat}", file=sys.stderr)
            runs.setdefault("parse", []).append(_spawn("parse", path))
            for name, args in CODER_RUNS.items():
                runs.setdefault(name, []).append(_spawn("code", path, json.dumps(args)))
            for words in lengths:
                runs.setdefault(f"length-{words}", []).append(_spawn("length", str(words)))
            report = _report(runs, items, sentences, round_ + 1, lengths)
            output.parent.mkdir(parents=True, exist_ok=True)  # after every round: a late
            output.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")  # failure
    return report  # loses nothing measured


def _report(
    runs: dict[str, list[dict[str, Any]]],
    items: list[dict[str, str]],
    sentences: int,
    repeat: int,
    lengths: list[int],
) -> dict[str, Any]:
    """Medians and ratios of the rounds measured so far."""
    results: dict[str, Any] = {}
    for name, measured in runs.items():
        entry = {
            "seconds": _median(measured, "seconds"),
            "cpu_seconds": _median(measured, "cpu_seconds"),
            "words": measured[0]["words"],
            "words_per_s": statistics.median(r["words"] / r["seconds"] for r in measured),
            "words_per_cpu_s": statistics.median(r["words"] / r["cpu_seconds"] for r in measured),
            "runs": measured,
        }
        if "peak_mib" in measured[0]:
            entry["peak_mib"] = max(r["peak_mib"] for r in measured)
        if name.startswith("length-"):
            entry["ms_per_word"] = _median(measured, "ms_per_word")
            entry["cpu_ms_per_word"] = _median(measured, "cpu_ms_per_word")
        results[name] = entry
    rate = {name: results[name]["words_per_s"] for name in results}
    cpu = {name: results[name]["words_per_cpu_s"] for name in results}
    ratios = {  # CPU time: what holds on a loaded machine
        "cpu_jsonl_vs_parse": cpu["jsonl"] / cpu["parse"],
        "cpu_duckdb_vs_parse": cpu["duckdb"] / cpu["parse"],
        "cpu_speedup_bound_local_2": 2 * cpu["local-2"] / cpu["jsonl"],
        "cpu_speedup_bound_dask_2": 2 * cpu["dask-2"] / cpu["dask-1"],
        "cpu_dask_1_vs_local_1": cpu["dask-1"] / cpu["jsonl"],
    }
    ratios |= {  # wall-clock time: what a loaded machine gave
        "wall_jsonl_vs_parse": rate["jsonl"] / rate["parse"],
        "wall_duckdb_vs_parse": rate["duckdb"] / rate["parse"],
        "wall_local_2_vs_1": rate["local-2"] / rate["jsonl"],
        "wall_dask_2_vs_1": rate["dask-2"] / rate["dask-1"],
        "wall_dask_1_vs_local_1": rate["dask-1"] / rate["jsonl"],
    }
    base = min(lengths)
    for words in lengths:
        ratios[f"cpu_per_word_{words}_vs_{base}"] = (
            results[f"length-{words}"]["cpu_ms_per_word"]
            / results[f"length-{base}"]["cpu_ms_per_word"]
        )
    report = {
        "machine": {
            "platform": platform.platform(),
            "python": platform.python_version(),
            "cores": os.cpu_count(),
            "load_average_at_end": os.getloadavg(),
        },
        "corpus": {
            "documents": len(items),
            "sentences_at_least": sentences,
            "words": results["parse"]["words"],
        },
        "repeat": repeat,
        "results": results,
        "ratios": ratios,
    }
    return report


def table(report: dict[str, Any]) -> str:
    """The printed summary."""
    rows = [
        "| run | words per CPU s | CPU ms/word | words/s (wall) | peak MiB per process |",
        "|---|---|---|---|---|",
    ]
    for name, entry in report["results"].items():
        peak = f"{entry['peak_mib']:.0f}" if "peak_mib" in entry else "-"
        cpu_rate = entry["words_per_cpu_s"]
        rows.append(
            f"| {name} | {cpu_rate:,.0f} | {1000 / cpu_rate:.3f} | {entry['words_per_s']:,.0f}"
            f" | {peak} |"
        )
    rows.append("")
    rows += [f"{name}: {value:.2f}" for name, value in report["ratios"].items()]
    corpus = report["corpus"]
    rows.append(
        f"corpus: {corpus['documents']} documents, {corpus['words']:,} words; "
        f"{report['repeat']} rounds; load average at the end {report['machine']['load_average_at_end']}"
    )
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--lengths", default="600,1000,10000,100000")
    parser.add_argument("--quick", action="store_true", help="a smoke run: small and once")
    parser.add_argument("--output", type=Path, default=HERE / "results" / "scale.json")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, *rest = args.child
        if kind == "parse":
            print(json.dumps(_child_parse(rest[0])))
        elif kind == "code":
            print(json.dumps(_child_code(rest[0], json.loads(rest[1]))))
        else:
            print(json.dumps(_child_length(int(rest[0]))))
        return
    if args.quick:
        args.sentences, args.repeat, args.lengths = 600, 1, "600,1000,10000"
        if args.output == HERE / "results" / "scale.json":
            args.output = Path(tempfile.gettempdir()) / "eventcoder-scale-quick.json"
    lengths = [int(n) for n in args.lengths.split(",")]
    report = run(args.sentences, args.repeat, lengths, args.output)
    print(table(report))
    print(f"results: {args.output}")


if __name__ == "__main__":
    main()
