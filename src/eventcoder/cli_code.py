"""``eventcoder code``: read documents, code them, write records (JSON Lines, CSV, table, store).

The one place that calls the coder is ``_load_coder``; everything else here is reading,
writing and counting. Exit status: 0 all input coded (skipped non-English or duplicate
documents included); 3 some input was rejected (unreadable, empty, binary, malformed, or
coding failed) or a document was only partly coded (a stage failed on a sentence) while all good documents were still coded; 2 usage error; 1 the model or
the store could not be opened.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import json
import logging
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import IO, Any, Self

import click

from eventcoder.cli_options import iso_date
from eventcoder.dictionaries.cli import actors_option, verbs_option
from eventcoder.errors import DictionaryError, Errors, EventcoderError
from eventcoder.ingest import Document, Rejection, read_inputs
from eventcoder.ingest.jsonl import field_mapping
from eventcoder.records import (
    ClaimRecord,
    ConflictRecord,
    DocumentRecord,
    EventRecord,
    PollRecord,
    QuantityRecord,
    Record,
)
from eventcoder.runners import (
    Batcher,
    InProcess,
    LocalPool,
    Progress,
    available_cores,
    count_documents,
    load_code,
)
from eventcoder.runners.parquet import PartitionWriter, new_run_tag, stored_documents
from eventcoder.safe_output import csv_cell, terminal_text

__all__ = ["EXIT_OK", "EXIT_REJECTED", "code_command"]

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_REJECTED = 3
_RECORD_TYPES = (
    DocumentRecord,
    EventRecord,
    ClaimRecord,
    QuantityRecord,
    PollRecord,
    ConflictRecord,
)

CodeFn = Callable[[Document], list[Record]]


def _parse_fields(
    ctx: click.Context, param: click.Parameter, values: tuple[str, ...]
) -> dict[str, str]:
    mapping: dict[str, str] = {}
    for value in values:
        name, sep, field_name = value.partition("=")
        mapping[name.strip()] = field_name.strip() if sep else ""
    try:
        field_mapping(mapping)
    except EventcoderError as exc:
        raise click.BadParameter(str(exc)) from None
    return mapping


@click.command("code")
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "--date",
    "date",
    callback=iso_date,
    metavar="YYYY-MM-DD",
    help="Date of documents that carry none (their own date wins).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "csv", "table"]),
    default="jsonl",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write records here instead of standard output.",
)
@click.option("--db", help="Also store records here (a .duckdb path or postgresql://...).")
@click.option("--glob", help="Only files in folders that match, e.g. '*.txt'.")
@click.option(
    "--language",
    default="en",
    show_default=True,
    help="Language to code; other languages are skipped ('any' codes all).",
)
@click.option("--stages", help="Coding stages to run, comma-separated ('none': documents only).")
@click.option(
    "--resume",
    is_flag=True,
    help="With --db or --parquet: skip documents already stored there (continue a killed "
    "run; --output is appended to).",
)
@click.option(
    "--wait",
    is_flag=True,
    help="With --db: wait for a DuckDB file another process is writing, instead of failing.",
)
@click.option(
    "--batch",
    default=200,
    show_default=True,
    type=click.IntRange(1),
    help="With --db: documents written per transaction.",
)
@click.option(
    "--min-confidence",
    type=click.FloatRange(0, 1),
    default=None,
    help="Leave out events less certain than this (0..1; default: the confidence model's "
    "default threshold; 0 keeps every event).",
)
@click.option(
    "--field",
    "fields",
    multiple=True,
    callback=_parse_fields,
    metavar="NAME=FIELD",
    help="JSON Lines field names, e.g. --field text=body --field date=published.",
)
@click.option(
    "--workers",
    type=int,
    metavar="N",
    help="Processes (local) or local-cluster workers (dask) to code with; default: every "
    "core (one for a single document).",
)
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="Where to code: local processes, or a Dask cluster.",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="Dask scheduler to use (tcp://host:8786); without it --engine dask starts a local "
    "cluster.",
)
@click.option(
    "--parquet",
    metavar="FOLDER",
    help="Write records as Parquet partitions here (a path or any fsspec URL, e.g. s3://...); "
    "standard output then gets none unless --output is given.",
)
@click.option(
    "--worker-batch",
    type=click.IntRange(1),
    default=16,
    show_default=True,
    help="Documents per batch sent to a worker.",
)
@actors_option
@verbs_option
def code_command(
    inputs: tuple[str, ...],
    date: dt.date | None,
    fmt: str,
    output: Path | None,
    db: str | None,
    glob: str | None,
    language: str,
    stages: str | None,
    fields: dict[str, str],
    resume: bool = False,
    wait: bool = False,
    batch: int = 200,
    actors: tuple[Path, ...] = (),
    verbs: tuple[Path, ...] = (),
    min_confidence: float | None = None,
    workers: int | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    parquet: str | None = None,
    worker_batch: int = 16,
) -> None:
    """Code INPUT... (files, folders, '-' for standard input) into records.

    Every document that goes through gets a `document` record; the other stages add events,
    claims, quantities and polls to the same stream. A text file may start with header
    lines 'Title: ...', 'Date: YYYY-MM-DD', 'Source: ...', 'URL: ...', 'ID: ...'; HTML pages
    and JSON Lines items carry their own.

    Exit status: 0 all well, 3 some input was rejected (each one is named on standard
    error; the good documents are coded), 2 usage error, 1 model or store could not be
    opened.
    """
    if resume and not (db or parquet):
        raise click.UsageError(
            "--resume needs --db or --parquet: it skips what is already stored there"
        )
    if scheduler:
        engine = "dask"
    if workers is not None and workers < 1:
        raise click.BadParameter(Errors.E063.format(value=workers), param_hint="--workers")
    if output is not None and _is_an_input(output, inputs):
        raise click.UsageError(Errors.E047.format(path=output))
    documents = read_inputs(
        inputs,
        date=date,
        glob=glob,
        jsonl_fields=fields,
        language=language,
        exclude=() if output is None else (output,),
    )
    multi = len(inputs) > 1 or any(
        Path(i).is_dir()
        or Path(i).suffix.lower() in (".jsonl", ".ndjson", ".json", ".parquet", ".pq")
        for i in inputs
        if i != "-"
    )
    if workers is None:
        workers = available_cores() if multi or engine == "dask" else 1
    coder_args = (stages, actors, verbs, min_confidence)
    try:
        with ExitStack() as stack:
            # the store first: a wrong URL or a lock is reported before the model loads
            store = stack.enter_context(_open_store(db, wait)) if db else None
            written = _written(output, fmt) if resume else set()
            continued = written if resume and output is not None and output.exists() else None
            done, partial = _resumed(store, parquet, continued) if resume else (None, frozenset())
            runner = stack.enter_context(
                _open_runner(
                    engine,
                    workers,
                    scheduler,
                    coder_args,
                    parquet,
                    keep_records=bool(db or output or not parquet),
                    skip=partial,
                )
            )
            handle = stack.enter_context(_open_output(output, quiet=bool(parquet), append=resume))
            sink = _SINKS[fmt](handle)
            progress = Progress(count_documents(inputs, glob) if multi else None, enabled=multi)
            with _StoreRun(store, batch, (*actors, *verbs)) as writer:
                counts = _run(
                    documents,
                    runner,
                    sink,
                    writer,
                    progress,
                    resume=resume,
                    batch_size=worker_batch,
                    done=done,
                    written=written,
                )
                writer.counts = counts
            sink.close()
    except DictionaryError as exc:  # a user dictionary: every problem named, nothing coded
        click.echo(str(exc), err=True)
        sys.exit(EXIT_USAGE)
    except EventcoderError as exc:
        click.echo(str(exc), err=True)
        sys.exit(EXIT_FAILED)
    click.echo(_summary(counts), err=True)
    failed = counts["rejected"] or counts["partial"] or counts["unstored"]
    sys.exit(EXIT_REJECTED if failed else EXIT_OK)


def _is_an_input(output: Path, inputs: Iterable[str]) -> bool:
    """Whether ``output`` is (or links to) one of the input files, which opening it would
    truncate before it is read."""
    target = os.path.realpath(output)
    for entry in inputs:
        if entry == "-":
            continue
        try:
            if os.path.realpath(entry) == target or os.path.samefile(entry, output):
                return True
        except OSError:  # one of them does not exist (yet)
            continue
    return False


def _load_coder(
    stages: str | None = None,
    actors: tuple[Path, ...] = (),
    verbs: tuple[Path, ...] = (),
    min_confidence: float | None = None,
) -> CodeFn:
    """The coding function, loaded once (see ``runners.batch.load_code``): the one place the
    command calls the coder, and the seam tests replace."""
    return load_code(stages, actors, verbs, min_confidence)


def _open_runner(
    engine: str,
    workers: int,
    scheduler: str | None,
    coder_args: tuple[Any, ...],
    parquet: str | None,
    keep_records: bool,
    skip: frozenset[str] = frozenset(),
) -> Any:
    """This process (one worker), local worker processes, or a Dask cluster; each loads
    the coder with ``coder_args`` (the arguments of ``_load_coder``) once.

    With ``parquet`` each batch's partition is written where the batch was coded; the
    records come back only when something here needs them (``keep_records``).
    """
    batch_fn = PartitionWriter(parquet, keep_records, new_run_tag(), skip) if parquet else None
    if engine == "dask":
        from eventcoder.runners.cluster import DaskRunner

        return DaskRunner(scheduler, workers, coder_args, batch_fn)
    if workers == 1:
        return InProcess(_load_coder(*coder_args), batch_fn)
    # The coder factory is looked up here, so a replaced one (tests) reaches the workers.
    return LocalPool(workers, _load_coder, coder_args, batch_fn)


def _resumed(
    store: Any, parquet: str | None, in_output: set[str] | None = None
) -> tuple[set[str] | None, frozenset[str]]:
    """For ``--resume``: the documents to skip (None: ask the store as they come), and the
    documents Parquet partitions hold that another destination does not (coded again, and
    written only where they are missing).

    A document is done when every destination of the run holds it: the store, the
    partitions and the output file being continued (``in_output``, None when there is
    none). Partitions can hold documents the other two lack: they are written where the
    batch was coded, so a worker may finish a batch after the command that sent it died.
    """
    if not parquet:
        return None, frozenset()
    in_parquet = stored_documents(parquet)
    done = in_parquet
    if store is not None:
        done = {doc_id for doc_id in done if store.has_document(doc_id)}
    if in_output is not None:
        done = done & in_output
    return done, frozenset(in_parquet - done)


def _written(output: Path | None, fmt: str) -> set[str]:
    """For ``--resume`` into the same output file: the documents it already holds (the
    file is flushed after each document), so a document coded again for the store is not
    written twice."""
    if output is None or fmt == "table" or not output.exists():
        return set()
    _cut_partial_line(output)
    found: set[str] = set()
    with output.open(encoding="utf-8", newline="") as handle:
        if fmt == "csv":
            for row in csv.DictReader(handle):
                if row.get("record") == "document":
                    found.add(row.get("doc_id") or "")
        else:
            for line in handle:
                if line.startswith('{"record": "document"'):
                    found.add(json.loads(line).get("doc_id"))
    return found


def _open_store(url: str, wait: bool = False) -> Any:
    from eventcoder.store import open_store

    return open_store(url, wait=float("inf") if wait else 0.0)


class _StoreRun:
    """One run into the store: a ``runs`` row, batched writes, then linking and indexing.

    ``store`` None gives a writer that stores nothing. On leaving, the last batch is
    written, events are linked and the search index refreshed (also after Ctrl-C, so what
    was coded is kept), and the run row is finished.
    """

    def __init__(self, store: Any, batch: int, user_dictionaries: tuple[Path, ...] = ()) -> None:
        self.store, self.batch = store, batch
        self.writer: Any = None
        self.run_id: str | None = None
        self.counts: Counter[str] = Counter()
        self.user_dictionaries = user_dictionaries  # --actors/--verbs files, hashed with the run

    def __enter__(self) -> Self:
        if self.store is not None:
            from eventcoder.store.runs import start_run

            command = " ".join(["eventcoder", *sys.argv[1:]])
            self.run_id = start_run(self.store, command, self.user_dictionaries)
            self.writer = self.store.batch(self.batch, self.run_id)
        return self

    def has_document(self, doc_id: str) -> bool:
        return self.store is not None and self.store.has_document(doc_id)

    def add(self, document: Document, records: list[Record]) -> list[tuple[str, str]]:
        if self.writer is None:
            return []
        return self.writer.add(document.id, records, (document.title, document.original))

    def flush(self) -> list[tuple[str, str]]:
        return self.writer.flush() if self.writer is not None else []

    def __exit__(self, kind: object, *exc: object) -> None:
        if self.store is None or self.writer is None:
            return
        from eventcoder.store.linking import link_events
        from eventcoder.store.runs import finish_run
        from eventcoder.store.search import refresh_index

        for _, message in self.writer.flush():  # also on Ctrl-C: keep what was coded
            click.echo(message, err=True)
            self.counts["unstored"] += 1
        log.info("linking: %s", link_events(self.store))
        refresh_index(self.store)
        finish_run(
            self.store,
            self.run_id or "",
            documents=self.writer.written_documents,
            rejected=self.counts["rejected"] + self.counts["unstored"],
            records=self.writer.written_records,
            status="done" if kind is None else "interrupted",
        )


def _open_output(path: Path | None, quiet: bool = False, append: bool = False) -> Any:
    """The output file (``append``: continue a killed run's file after its last whole line)."""
    if path is None:
        return _Unclosed(open(os.devnull, "w") if quiet else sys.stdout)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if append and path.exists():
            _cut_partial_line(path)
            return path.open("a", encoding="utf-8", newline="")
        return path.open("w", encoding="utf-8", newline="")
    except OSError as exc:
        raise EventcoderError(Errors.E004.format(path=path, detail=exc.strerror or exc)) from None


def _cut_partial_line(path: Path) -> None:
    """Drop a last line a killed run left half-written."""
    with path.open("rb+") as handle:
        size = handle.seek(0, os.SEEK_END)
        if size == 0:
            return
        handle.seek(size - 1)
        if handle.read(1) == b"\n":
            return
        step, end = 1 << 16, size
        while end > 0:
            start = max(0, end - step)
            handle.seek(start)
            cut = handle.read(end - start).rfind(b"\n")
            if cut >= 0:
                handle.truncate(start + cut + 1)
                return
            end = start
        handle.truncate(0)


class _Unclosed:
    """Standard output as a context manager that is not closed at the end."""

    def __init__(self, handle: IO[str]) -> None:
        self.handle = handle

    def __enter__(self) -> IO[str]:
        return self.handle

    def __exit__(self, *exc: object) -> None:
        self.handle.flush()


class _Stored:
    """A document written whole by an earlier run (``--resume``): nothing to redo."""

    def __init__(self, document: Document) -> None:
        self.document = document


def _run(
    items: Iterable[Document | Rejection],
    runner: Any,
    sink: Any,
    store: _StoreRun,
    progress: Progress,
    resume: bool = False,
    batch_size: int = 16,
    done: set[str] | None = None,
    written: set[str] | frozenset[str] = frozenset(),
) -> Counter[str]:
    """Code each document, write its records, report each rejection; count everything.

    Outcomes arrive in input order whatever the runner, so the output is the same as one
    process's. Each document's records reach the output file (flushed) before the store,
    and a resumed run does not write again what the file already holds (``written``).
    """

    def already(document: Document) -> bool:
        if done is not None:
            return document.id in done
        return store.has_document(document.id)

    def to_code() -> Iterator[Any]:
        for item in items:
            yield _Stored(item) if resume and isinstance(item, Document) and already(item) else item

    counts: Counter[str] = Counter()
    batcher = Batcher(lambda item: isinstance(item, Document), max_docs=batch_size)
    try:
        for item, result in runner.run(to_code(), batcher):
            if isinstance(item, Rejection):
                counts[item.status] += 1
                progress.write(item.message)
                continue
            if isinstance(item, _Stored):
                counts["stored"] += 1  # written whole by an earlier run: nothing to redo
                progress.update()
                continue
            counts["coded" if result.status == "coded" else result.status] += 1
            if result.failure:
                progress.write(result.failure)
            for kind, n in result.kinds.items():
                counts["record:" + kind] += n
            if item.id not in written:
                for record in result.records:
                    sink.write(record)
                sink.flush()  # in the file before it is in the store: a killed run loses none
            for _, message in store.add(item, result.records):
                counts["unstored"] += 1
                progress.write(message)
            progress.update(events=result.n_events)
        for _, message in store.flush():
            counts["unstored"] += 1
            progress.write(message)
    finally:
        progress.close()
    return counts


def _summary(counts: Counter[str]) -> str:
    kinds = ", ".join(
        f"{key.split(':', 1)[1]} {n}"
        for key, n in sorted(counts.items())
        if key.startswith("record:")
    )
    stored = f", {counts['stored']} already in the store" if counts["stored"] else ""
    if counts["unstored"]:
        stored += f", {counts['unstored']} could not be stored"
    partial = f", {counts['partial']} partly coded" if counts["partial"] else ""
    return (
        f"eventcoder code: {counts['coded']} documents coded{partial}, {counts['skipped']} skipped, "
        f"{counts['rejected']} rejected{stored}; records: {kinds or 'none'}"
    )


class _JsonlSink:
    """One JSON object per line, written as soon as it is made."""

    def __init__(self, handle: IO[str]) -> None:
        self.handle = handle

    def write(self, record: Record) -> None:
        self.handle.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")

    def flush(self) -> None:
        """Hand what was written to the operating system (once per document)."""
        self.handle.flush()

    def close(self) -> None:
        self.handle.flush()


def _flat(data: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, Any]]:
    for key, value in data.items():
        if isinstance(value, dict):
            yield from _flat(value, f"{prefix}{key}.")
        elif isinstance(value, list):
            yield prefix + key, json.dumps(value, ensure_ascii=False)
        else:
            yield prefix + key, value


def csv_columns() -> list[str]:
    """The CSV header: the flattened fields of every record kind, in a fixed order."""
    columns = ["record", "v"]
    for cls in _RECORD_TYPES:
        for f in dataclasses.fields(cls):
            nested = cls._NESTED.get(f.name)
            names = (
                [f"{f.name}.{n.name}" for n in dataclasses.fields(nested)] if nested else [f.name]
            )
            columns.extend(n for n in names if n not in columns)
    return columns


class _CsvSink(_JsonlSink):
    """One row per record; nested actors, dates and places flattened to dotted columns."""

    def __init__(self, handle: IO[str]) -> None:
        super().__init__(handle)
        self.writer = csv.DictWriter(handle, fieldnames=csv_columns(), extrasaction="ignore")
        self.writer.writeheader()

    def write(self, record: Record) -> None:
        self.writer.writerow({k: csv_cell(v) for k, v in _flat(record.to_dict())})


class _TableSink(_JsonlSink):
    """A table for people to read, printed at the end."""

    def __init__(self, handle: IO[str]) -> None:
        super().__init__(handle)
        self.rows: list[tuple[str, str, str]] = []

    def write(self, record: Record) -> None:
        data = record.to_dict()
        detail = "; ".join(
            f"{k}={v}"
            for k, v in _flat(data)
            if k not in ("record", "v", "id", "doc_id") and v not in (None, "[]")
        )
        self.rows.append((data["record"], str(data["id"]), detail))

    def close(self) -> None:
        from rich.console import Console
        from rich.table import Table

        table = Table("record", "id", "detail")
        for kind, ident, detail in self.rows:
            table.add_row(kind, terminal_text(ident), terminal_text(detail, 160))
        Console(file=self.handle, width=160).print(table)


_SINKS: dict[str, type[_JsonlSink]] = {"jsonl": _JsonlSink, "csv": _CsvSink, "table": _TableSink}
