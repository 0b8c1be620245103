"""The real-news documents our event gold is annotated on, read from ../shared/data.

Three sources, all redistributable as annotations (the gold keeps ids and offsets, never text):

- every news document of GUM (Wikinews), rebuilt as running text from the treebank, one unit
  per treebank sentence;
- every re3d document outside ``BBC_Online`` (government press releases and Wikipedia), one unit
  per sentence found by a fixed rule splitter, so units never move when the pipeline changes;
- the political weblogs of UD English EWT's dev and test files (war reporting and analysis,
  2003-2006; the train file is left out because our pipeline was trained on it), one unit per
  treebank sentence, dated from the document id.

A *unit* is ``(doc_id, index, start, end)``: character offsets into the rebuilt document text.
The split into dev and test is by document, from a hash of the document id, so it never
depends on the order files are read.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from eventcoder.nlp.treebank import treebank_path

RE3D_EXCLUDED = frozenset({"BBC_Online"})  # its licence does not allow redistribution


@dataclass(frozen=True)
class NewsDoc:
    """One gold document: its id, text, date (ISO, may be empty) and sentence units; its
    ``source`` is who published it where the corpus says (re3d: the issuing body, e.g. "US
    State Department"; empty for Wikinews and weblogs)."""

    doc_id: str
    text: str
    date: str
    title: str
    units: tuple[tuple[int, int], ...] = field(default=())
    source: str = ""


def assign_splits(docs: list[NewsDoc]) -> dict[str, str]:
    """Split documents into ``dev`` (two thirds of the units) and ``test`` (one third).

    Each source (GUM and re3d together, as first annotated; EWT weblogs on their own) is split
    on its own, so adding a source never moves a document of another.
    """
    weblogs = [doc for doc in docs if doc.doc_id.startswith("weblog-")]
    others = [doc for doc in docs if not doc.doc_id.startswith("weblog-")]
    return {**_split_group(others), **_split_group(weblogs)}


def _split_group(docs: list[NewsDoc]) -> dict[str, str]:
    """Documents in the order of a hash of their id go to ``test`` until it holds a third of
    the units, so the split is random-like, whole-document and reproducible."""
    total = sum(len(doc.units) for doc in docs)
    order = sorted(docs, key=lambda doc: hashlib.sha1(doc.doc_id.encode("utf-8")).hexdigest())
    splits: dict[str, str] = {}
    in_test = 0
    for doc in order:
        if in_test + len(doc.units) <= total / 3 + 10:
            splits[doc.doc_id] = "test"
            in_test += len(doc.units)
        else:
            splits[doc.doc_id] = "dev"
    return splits


def unit_id(doc_id: str, index: int) -> str:
    """The id of unit ``index`` of ``doc_id``."""
    return f"{doc_id}#{index}"


def read_gum_news(data_dir: Path) -> Iterator[NewsDoc]:
    """Every GUM news document, train/dev/test, as running text with one unit per sentence."""
    return read_gum(data_dir, ("news",))


def read_gum(data_dir: Path, genres: tuple[str, ...]) -> Iterator[NewsDoc]:
    """Every GUM document of ``genres`` ("news", "whow", ...), train/dev/test, as running
    text with one unit per sentence (each treebank file read once)."""
    prefixes = tuple(f"GUM_{genre}_" for genre in genres)
    for split in ("train", "dev", "test"):
        path = treebank_path(data_dir, "gum", split)
        if not path.exists():
            raise FileNotFoundError(f"GUM treebank not found: {path}")
        yield from treebank_documents(path, prefixes)


def read_ewt_weblogs(data_dir: Path) -> Iterator[NewsDoc]:
    """The weblog documents of EWT dev and test, one unit per sentence."""
    for split in ("dev", "test"):
        path = treebank_path(data_dir, "ewt", split)
        if not path.exists():
            raise FileNotFoundError(f"EWT treebank not found: {path}")
        yield from treebank_documents(path, "weblog-")


_EWT_DATE = re.compile(r"_ENG_(\d{4})(\d{2})(\d{2})_")


def treebank_documents(path: Path, prefix: str | tuple[str, ...]) -> Iterator[NewsDoc]:
    """Every document of a UD treebank whose id starts with ``prefix`` (or one of several),
    one unit a sentence."""
    import gzip

    doc_id = ""
    meta: dict[str, str] = {}
    sentences: list[tuple[str, bool]] = []  # (text, starts a paragraph)
    newpar = False

    def flush() -> NewsDoc | None:
        if not doc_id.startswith(prefix) or not sentences:
            return None
        text, units = _join(sentences)
        date = meta.get("dateCreated", "")
        found = _EWT_DATE.search(doc_id)
        if not date and found:
            date = "-".join(found.groups())
        return NewsDoc(doc_id, text, date, meta.get("title", ""), units)

    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if line.startswith("# newdoc id ="):
                done = flush()
                if done is not None:
                    yield done
                doc_id = line.split("=", 1)[1].strip()
                meta, sentences, newpar = {}, [], False
            elif line.startswith("# meta::"):
                key, _, value = line[len("# meta::") :].partition(" = ")
                meta[key.strip()] = value.strip()
            elif line.startswith("# newpar"):
                newpar = True
            elif line.startswith("# text = "):
                sentences.append((line[len("# text = ") :], newpar))
                newpar = False
    done = flush()
    if done is not None:
        yield done


def _join(sentences: list[tuple[str, bool]]) -> tuple[str, tuple[tuple[int, int], ...]]:
    parts: list[str] = []
    units: list[tuple[int, int]] = []
    pos = 0
    for i, (sentence, paragraph) in enumerate(sentences):
        if i:
            sep = "\n\n" if paragraph else " "
            parts.append(sep)
            pos += len(sep)
        units.append((pos, pos + len(sentence)))
        parts.append(sentence)
        pos += len(sentence)
    return "".join(parts), tuple(units)


def read_re3d(data_dir: Path) -> Iterator[NewsDoc]:
    """Every re3d document outside the excluded folders, split into sentence units."""
    root = data_dir / "re3d"
    if not root.is_dir():
        raise FileNotFoundError(f"re3d not found: {root}")
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        if folder.name in RE3D_EXCLUDED:
            continue
        with (folder / "documents.json").open(encoding="utf-8") as handle:
            for line in handle:
                if not line.strip():
                    continue
                record = json.loads(line)
                text = record["text"]
                doc_id = f"re3d/{folder.name}/{record['_id']}"
                yield NewsDoc(
                    doc_id,
                    text,
                    "",
                    record.get("title", ""),
                    split_units(text),
                    source=folder.name.replace("_", " "),
                )


# A sentence ends at . ! or ? (optionally closed by a quote or bracket) followed by space and
# an upper-case letter, digit or opening quote, unless the word before is a known abbreviation
# or a single capital (an initial).
_END = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"“‘(]?[A-Z0-9])")
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "sgt",
        "adm",
        "gov",
        "sen",
        "rep",
        "st",
        "jr",
        "sr",
        "no",
        "vs",
        "etc",
        "inc",
        "ltd",
        "co",
        "corp",
        "dept",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "u.s",
        "u.k",
        "u.n",
        "e.g",
        "i.e",
        "a.m",
        "p.m",
    ]
)


def split_units(text: str) -> tuple[tuple[int, int], ...]:
    """Sentence units of ``text`` by a fixed rule splitter (also at blank-line breaks)."""
    units: list[tuple[int, int]] = []
    for block in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", text):
        start = block.start()
        chunk = block.group()
        cursor = 0
        for match in _END.finditer(chunk):
            before = chunk[cursor : match.start()].split()
            word = before[-1].lower().rstrip(".") if before else ""
            if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
                continue
            end = match.start() + 1
            while end < len(chunk) and chunk[end] in "\"'”’)]":
                end += 1
            _add(units, text, start + cursor, start + end)
            cursor = match.end()
        _add(units, text, start + cursor, start + len(chunk))
    return tuple(units)


def _add(units: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        units.append((start, end))


def read_news_corpus(data_dir: Path) -> list[NewsDoc]:
    """All gold documents: GUM news, re3d, then EWT weblogs, in a fixed order."""
    return [*read_gum_news(data_dir), *read_re3d(data_dir), *read_ewt_weblogs(data_dir)]
