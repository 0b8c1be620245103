"""One catalogue of error messages, each with a code and a hint of what to do.

Usage: ``raise InputError(Errors.E001.format(path=p))``. This module imports nothing of ours.
"""

from __future__ import annotations

from typing import Self

__all__ = [
    "ConfigError",
    "DictionaryError",
    "Errors",
    "EventcoderError",
    "InputError",
    "ModelError",
    "StoreError",
]


class EventcoderError(Exception):
    """Base class of every error eventcoder raises on purpose."""


class InputError(EventcoderError):
    """A document or input file cannot be read or coded."""


class ModelError(EventcoderError):
    """The bundled pipeline or a resource is missing or broken."""


class ConfigError(EventcoderError):
    """An option or setting is invalid."""


class StoreError(EventcoderError):
    """The store cannot be opened, is locked, or refused a read or write."""


class DictionaryError(ConfigError):
    """A user (or bundled) dictionary file is invalid; ``problems`` lists every message."""

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        super().__init__(message)
        self.problems = list(problems or [message])


class _Message(str):
    """A message template whose ``format`` prefixes the code."""

    code: str

    def __new__(cls, code: str, text: str) -> Self:
        obj = super().__new__(cls, text)
        obj.code = code
        return obj

    def format(self, *args: object, **kwargs: object) -> str:  # type: ignore[override]
        return f"[{self.code}] " + str.format(self, *args, **kwargs)


class Errors:
    """The catalogue. Codes never change meaning; add new ones at the end of a block."""

    # E0xx: input
    E001 = _Message("E001", "{path}: file is empty; nothing to code.")
    E002 = _Message(
        "E002", "{path}: looks like a binary file ({detail}); give a text, HTML or JSON Lines file."
    )
    E003 = _Message(
        "E003", "{path}: not valid UTF-8 and no legacy encoding fits; re-save it as UTF-8."
    )
    E004 = _Message("E004", "{path}: cannot be read ({detail}).")
    E005 = _Message("E005", "{path}: no such file or folder.")
    E006 = _Message("E006", "{path}: HTML page has no main text that could be extracted.")
    E007 = _Message(
        "E007", "{path}:{line}: malformed JSON line ({detail}); the other lines are still read."
    )
    E008 = _Message("E008", "{path}:{line}: JSON line has no text in field '{field}'.")
    E009 = _Message(
        "E009",
        "{doc}: language looks like '{lang}', not English; skipped (use --language any to force).",
    )
    E010 = _Message(
        "E010",
        "{doc}: document has no date; event dates are bounded by the text only (pass --date YYYY-MM-DD).",
    )
    E011 = _Message("E011", "{value!r} is not a date in the form YYYY-MM-DD.")
    E012 = _Message("E012", "{doc}: document has no text after cleaning.")
    E013 = _Message("E013", "{doc}: coding failed ({detail}); the other documents were coded.")
    # E014-E099: ingest
    E014 = _Message(
        "E014", "{path}: not valid UTF-8; read as {encoding} (check accents and quotes)."
    )
    E015 = _Message("E015", "{doc}: date {value!r} could not be read as a date; date unknown.")
    E016 = _Message("E016", "{doc}: same text as document {first}; coded once.")
    E017 = _Message(
        "E017",
        "{doc}: id already used by an earlier document ({first}); this one is skipped (give it its own id).",
    )
    E019 = _Message(
        "E019", "{value!r} is not a field mapping of the form NAME=FIELD (NAME one of {names})."
    )
    E020 = _Message("E020", "{path}: folder has no files matching {glob}.")
    E021 = _Message("E021", "Cannot load the coder ({detail}); check the installation or --stages.")
    E022 = _Message(
        "E022",
        "{path}: not a text, HTML or JSON Lines file; skipped (name it, or pass --glob, to read it).",
    )

    # E040-E059: coding failures and misuse of the Python API
    E040 = _Message("E040", "Unknown stage(s) {names}; the stages are: {known}.")
    E041 = _Message(
        "E041",
        "{where}: the {stage} stage failed on the sentences from {first} ({detail}); they were "
        "coded again one at a time and no sentence failed alone, so nothing was dropped.",
    )
    E042 = _Message(
        "E042",
        "{where}: sentence {sentence}: the {stage} stage failed ({detail}); its records for "
        "that sentence were dropped, the rest of the document was coded.",
    )
    E043 = _Message(
        "E043",
        "{where}: the {stage} stage failed ({detail}); its records for this document were "
        "dropped, the rest was coded.",
    )
    E044 = _Message(
        "E044", "{path}: symbolic link loop (a link that leads back to itself); fix the link."
    )
    E045 = _Message(
        "E045",
        "{path}: link to a folder; links inside folders are not followed (name the folder "
        "itself to code it).",
    )
    E046 = _Message(
        "E046",
        "{path}: HTML is nested {depth} levels deep, more than the HTML parser reads ({limit}); "
        "no text could be extracted (save the page as text, or flatten it).",
    )
    E047 = _Message(
        "E047",
        "--output {path} is also an input; writing it would destroy it. Write the records "
        "to another file.",
    )
    E048 = _Message("E048", "{doc}: NUL bytes removed from {fields}.")
    E049 = _Message("E049", "Cannot code {kind}: give the text as str or a Document{hint}.")
    E050 = _Message("E050", "{value!r} is not a date: give a datetime.date or 'YYYY-MM-DD'.")

    # E060-E079: runners (parallel and distributed coding)
    E060 = _Message(
        "E060",
        "--engine dask needs dask and distributed: pip install 'eventcoder[dask]' ({detail}).",
    )
    E061 = _Message("E061", "Cannot reach the Dask scheduler at {address} ({detail}).")
    E062 = _Message(
        "E062",
        "A coding worker stopped ({detail}); the documents written so far are complete. "
        "Run the same command again with --resume (and --db or --parquet) to finish the rest.",
    )
    E063 = _Message("E063", "--workers must be at least 1, got {value}.")
    E065 = _Message("E065", "{path}: Parquet file cannot be read ({detail}).")
    E066 = _Message("E066", "Cannot write Parquet output to {path} ({detail}).")

    # E1xx: models and resources
    E101 = _Message(
        "E101",
        "No trained pipeline at {path}. Run `eventcoder model train` or set EVENTCODER_MODEL.",
    )
    E102 = _Message(
        "E102", "Shared data not found at {path}; set EVENTCODER_SHARED_DATA or pass --data-dir."
    )
    E103 = _Message("E103", "Data file {path} line {line}: {detail}.")
    E104 = _Message("E104", "Unknown sentence rules {names}; known: {known}.")
    E105 = _Message("E105", "Unknown entity fixes {names}; known: {known}.")

    # E2xx: store
    E201 = _Message(
        "E201",
        "Unknown store {url!r}: use a .duckdb path, postgresql://..., or a folder for Parquet.",
    )
    E202 = _Message("E202", "Cannot open store {url}: {detail}.")
    # E220-E249: store layout, locking, queries and exports
    E220 = _Message(
        "E220",
        "Store {url} was written by a newer eventcoder (schema version {found}; this one "
        "reads up to {known}); upgrade eventcoder to read it.",
    )
    E221 = _Message(
        "E221",
        "Store {url} is locked by another process{holder}: a DuckDB file has one writer at a "
        "time. Wait for it to finish, pass --wait to wait for the lock, or use PostgreSQL for "
        "concurrent writers.",
    )
    E222 = _Message(
        "E222",
        "Store {url} has schema version {found}, older than {known}; open it once for writing "
        "(`eventcoder migrate --db {url}`) to upgrade it.",
    )
    E223 = _Message("E223", "No store at {url}; run `eventcoder code ... --db {url}` first.")
    E224 = _Message(
        "E224",
        "`eventcoder sql` only reads: {detail}. Use SELECT (or WITH ... SELECT) statements.",
    )
    E225 = _Message("E225", "Unknown value {value!r} for {option}; expected {expected}.")
    E226 = _Message(
        "E226",
        "The stored events carry no confidence score, so --min-confidence cannot be applied.",
    )
    E227 = _Message("E227", "SQL failed: {detail}.")
    E228 = _Message(
        "E228",
        "{doc}: could not be written to the store ({detail}); it was not stored, the other "
        "documents were.",
    )
    E229 = _Message("E229", "Cannot write {path}: {detail}.")
    E230 = _Message(
        "E230",
        "{path}: the field mapping (--field {fields}) applies to JSON inputs only; this "
        "{kind} file has no fields.",
    )
    E231 = _Message(
        "E231",
        "{path}: no record has the field '{field}' (--field {name}={field}); {name} is "
        "left empty. Check the field name.",
    )
    E232 = _Message("E232", "{path}: not JSON Lines or a JSON array of objects ({detail}).")

    # E3xx: evaluation
    E301 = _Message("E301", "{name}: score {value:.3f} is below its floor {floor:.3f}.")

    # E4xx: analysis, plots, report, HTTP API
    E401 = _Message(
        "E401", "Filter {name}={value!r} is not valid; see `--help` or /docs for its form."
    )
    E402 = _Message("E402", "Date range is reversed: from {start} is after to {end}.")
    E403 = _Message("E403", "Unknown filter {name!r}; known filters: {names}.")
    E404 = _Message("E404", "Records of kind {kind!r} cannot be filtered by {names}.")
    E405 = _Message("E405", "Unknown record kind {kind!r}; use one of {kinds}.")
    E406 = _Message(
        "E406", "limit={limit}, offset={offset}: limit must be 1..{most} and offset at least 0."
    )
    E407 = _Message("E407", "No store at {path}; run `eventcoder code ... --db {path}` first.")
    E408 = _Message("E408", "The text is empty; give some text to code.")
    E409 = _Message(
        "E409", "Request body is larger than {limit} bytes; send less (or raise --max-body)."
    )
    E410 = _Message("E410", "This request writes to the store and needs a token: {hint}.")
    E411 = _Message("E411", "The token given is not the server's token.")
    E412 = _Message("E412", "No document with id {doc_id!r} in the store.")
    E413 = _Message("E413", "{path}: plots are written as .png or .svg; name the file so.")
    E414 = _Message("E414", "No events match {what}; nothing to plot.")
    E415 = _Message("E415", "Bucket {value!r} is not one of month, week.")
    E416 = _Message("E416", "Malformed request ({detail}).")
    E417 = _Message("E417", "The server's store is read-only here; writes are refused.")

    # E5xx: timex
    E501 = _Message(
        "E501", "{path}:{line}: gold time item is malformed ({detail}); fix or remove the line."
    )
    E502 = _Message(
        "E502", "{path}: no gold time file there; pass --gold PATH to a JSON Lines file."
    )
    E503 = _Message(
        "E503",
        "The document has no sentence boundaries; parse it with the eventcoder pipeline (load_pipeline()) before resolving times.",
    )
    # E6xx: actors
    E601 = _Message(
        "E601",
        "Actor data folder {path} not found; reinstall eventcoder or pass the folder that holds states.tsv.",
    )
    E602 = _Message("E602", "Gold file {path} has no usable records ({detail}).")
    # E7xx: claims, quantities, polls
    E701 = _Message(
        "E701", "Claim extraction needs a parsed spaCy Doc, got {kind}; run the pipeline first."
    )
    E702 = _Message(
        "E702", "{path}:{line}: malformed claims gold line ({detail}); fix or remove it."
    )
    E703 = _Message("E703", "{path}: claims gold file not found; pass --gold PATH.")

    # E8xx: events
    E801 = _Message(
        "E801",
        "Event data file {path} is missing; rebuild it with `python -m eventcoder.events.build_data`.",
    )
    E802 = _Message("E802", "Pattern file {path} line {line}: {detail}.")
    E803 = _Message(
        "E803", "Gold file {path} not found; set EVENTCODER_SHARED_DATA to the shared data folder."
    )
    E804 = _Message("E804", "{path}: not a PETRARCH verb dictionary ({detail}).")
    E805 = _Message(
        "E805",
        "The document has no dependency parse; run it through eventcoder's pipeline (load_pipeline()) before extracting events.",
    )
    E806 = _Message(
        "E806",
        "News gold file {path} not found; build it with scripts/news_gold.py or pass --gold.",
    )
    E807 = _Message(
        "E807", "{path}:{line}: malformed news gold line ({detail}); fix or rebuild it."
    )
    E809 = _Message(
        "E809",
        "Confidence model {path} is unreadable ({detail}); retrain it with scripts/train_confidence.py.",
    )
    E810 = _Message(
        "E810",
        "EVENTCODER_MIN_CONFIDENCE={value!r} is not a number from 0 to 1 (0 keeps every event).",
    )
    E808 = _Message(
        "E808",
        "Gold unit {unit} does not match the document text in the shared data (offsets {span}); rebuild the gold.",
    )
    # E9xx: dictionaries (user and bundled actor, agent, verb and discard files)
    E901 = _Message("E901", "{path}: dictionary file not found or unreadable ({detail}).")
    E902 = _Message(
        "E902",
        "{path}: cannot tell what kind of dictionary this is ({detail}); start each line with a "
        "record kind (person, org, place, agent, discard / synset, verb, pattern) or give a "
        "PETRARCH file named *.actors.txt, *.agents.txt, *.discards.txt or *.verbs.txt.",
    )
    E903 = _Message("E903", "{path}:{line}: {detail}.")
    E905 = _Message(
        "E905",
        "{path}:{line}: event code {code!r} is not a CAMEO event code (e.g. 042, 1831, '---' "
        "for none, 'a:b' for a reciprocal pair).",
    )
    E907 = _Message(
        "E907",
        "{count} problem(s) in the dictionaries; nothing was loaded. First: {first}",
    )
    E908 = _Message(
        "E908",
        "{path}:{line}: {what} {phrase!r} conflicts with {other} ({detail}).",
    )
    E909 = _Message("E909", "{value!r} is not a sentence to explain; give some text.")
    # E95x: places
    E951 = _Message(
        "E951", "{path}:{line}: malformed places gold line ({detail}); fix or remove it."
    )
    E952 = _Message(
        "E952", "{path}: no places gold file there; pass --gold PATH to a JSON Lines file."
    )
