"""The benchmark corpus: news-style text from the shared data and our own examples.

Sources: the news documents of UD English GUM (all splits, text rebuilt from the words),
the re3d documents (the non-commercial BBC folder left out, as in evaluation) and the
articles in ``examples/``. Copies are repeated until the corpus holds the wanted number of
sentences; each copy starts with its own short dateline ("Edition 3.") so no two documents
are identical (identical documents are coded once).

Nothing here is written into the repository: the corpus is rebuilt on every run.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[A-Z\"“‘(])")


@dataclass(frozen=True)
class Source:
    """One source text and its approximate sentence count."""

    name: str
    text: str
    date: str
    sentences: int


def _count_sentences(text: str) -> int:
    return len(_SENTENCE_END.findall(text)) + 1


def _gum_news(data: Path) -> Iterator[Source]:
    from eventcoder.nlp.treebank import read_conllu, treebank_path

    for split in ("train", "dev", "test"):
        path = treebank_path(data, "gum", split)
        if not path.exists():
            continue
        docs: dict[str, list[str]] = {}
        for sent in read_conllu(path, genres=["news"]):
            words = "".join(w + (" " if s else "") for w, s in zip(sent.words, sent.spaces))
            docs.setdefault(sent.doc_id, []).append(words.strip())
        for doc_id, sents in docs.items():
            yield Source(doc_id, " ".join(sents), "2016-06-01", len(sents))


def _re3d(data: Path) -> Iterator[Source]:
    folder = data / "re3d"
    if not folder.is_dir():
        return
    for source in sorted(p for p in folder.iterdir() if p.is_dir() and p.name != "BBC_Online"):
        with (source / "documents.json").open(encoding="utf-8-sig") as handle:
            for line in handle:
                if line.strip():
                    item = json.loads(line)
                    text = item["text"]
                    yield Source(item["_id"], text, "2016-06-01", _count_sentences(text))


def _examples() -> Iterator[Source]:
    folder = REPO / "examples"
    for path in sorted(folder.glob("*.txt")):
        lines = path.read_text(encoding="utf-8").splitlines()
        body = [ln for ln in lines if not re.match(r"^(Title|Date|Source|URL|ID):", ln)]
        text = "\n".join(body).strip()
        yield Source(path.stem, text, "2024-03-11", _count_sentences(text))
    for path in sorted(folder.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                text = item["text"]
                yield Source(
                    item["id"], text, item.get("date") or "2024-01-01", _count_sentences(text)
                )


def sources(data: Path | None = None) -> list[Source]:
    """Every source text, in a fixed order."""
    from eventcoder.paths import shared_data_dir

    data = data or shared_data_dir()
    shared = [*_gum_news(data), *_re3d(data)]
    if not shared:  # figures of our few examples alone would not be the benchmark's
        print(
            f"warning: no GUM news or re3d text in {data} (set EVENTCODER_SHARED_DATA): "
            "the corpus holds only the bundled examples",
            file=sys.stderr,
        )
    return [*shared, *_examples()]


def corpus(sentences: int, data: Path | None = None) -> list[dict[str, str]]:
    """JSON Lines items (``id``, ``text``, ``date``) holding at least ``sentences`` sentences."""
    base = sources(data)
    if not base:
        raise SystemExit("no benchmark text found: is the shared data in ../shared/data?")
    items: list[dict[str, str]] = []
    total, copy = 0, 0
    while total < sentences:
        copy += 1
        for src in base:
            text = f"Edition {copy}.\n\n{src.text}"
            items.append({"id": f"{src.name}#{copy}", "text": text, "date": src.date})
            total += src.sentences + 1
            if total >= sentences:
                break
    return items


def long_document(words: int, data: Path | None = None) -> str:
    """One document of about ``words`` words: source texts joined as paragraphs."""
    base = sources(data)
    parts: list[str] = []
    count = 0
    while count < words:
        for src in base:
            parts.append(src.text)
            count += len(src.text.split())
            if count >= words:
                break
    text = "\n\n".join(parts)
    return " ".join(text.split(" ")[:words]) if count > words else text


def word_count(text: str) -> int:
    """Whitespace-separated words: the unit of every per-word figure."""
    return len(text.split())
