"""Named-entity gold from Dstl's re3d corpus: a news and defence-domain check of the recognizer.

re3d annotates every mention, named or not ("mourners", "the village", "We"); we keep the
named ones (every word capitalised or a name particle, a leading "The" dropped, pronouns
out) of type Person, Organisation and Location (-> GPE). The BBC folder is left out for its
non-commercial licence. Used for evaluation only.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from eventcoder.paths import PACKAGE_DIR

__all__ = ["RE3D_LABELS", "re3d_splits", "read_re3d", "read_re3d_docs"]

RE3D_LABELS = {"Person": "PERSON", "Organisation": "ORG", "Location": "GPE"}
_EXCLUDED = {"BBC_Online"}
_PRONOUNS = {"We", "I", "He", "She", "They", "It", "You", "Our", "Their", "His", "Her", "Us"}
GOLD_DIR = PACKAGE_DIR / "data" / "gold"
SPLITS = ("dev", "test")
_PARTICLES = {"of", "and", "for", "the", "de", "al", "el", "bin", "ibn"}


def _named(text: str) -> bool:
    words = text.split()
    return (
        bool(words)
        and words[0] not in _PRONOUNS
        and all(w[0].isupper() or w in _PARTICLES for w in words)
    )


def _lines(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def read_re3d_docs(folder: Path) -> Iterator[tuple[str, str, set[tuple[int, int, str]]]]:
    """(doc_id, text, {(start, end, label)}) for each document of every usable re3d source;
    ``doc_id`` is ``re3d/<source>/<id>``, as in the real-news event gold."""
    for source in sorted(p for p in folder.iterdir() if p.is_dir() and p.name not in _EXCLUDED):
        texts = {d["_id"]: d["text"] for d in _lines(source / "documents.json")}
        gold: dict[str, set[tuple[int, int, str]]] = {k: set() for k in texts}
        for ent in _lines(source / "entities.json"):
            label = RE3D_LABELS.get(ent["type"])
            if label is None or ent["documentId"] not in texts:
                continue
            start, end = ent["begin"], ent["end"]
            text = texts[ent["documentId"]][start:end]
            if text[:4] in ("The ", "the "):
                start, text = start + 4, text[4:]
            if _named(text):
                gold[ent["documentId"]].add((start, end, label))
        for doc_id, text in texts.items():
            yield f"re3d/{source.name}/{doc_id}", text, gold[doc_id]


def read_re3d(folder: Path) -> Iterator[tuple[str, set[tuple[int, int, str]]]]:
    """(text, {(start, end, label)}) for each document of every usable re3d source."""
    for _, text, spans in read_re3d_docs(folder):
        yield text, spans


def re3d_splits(gold_dir: Path = GOLD_DIR) -> dict[str, str]:
    """``dev`` or ``test`` for each re3d document id, the same split by document as the
    real-news event gold (``news_dev.jsonl`` / ``news_test.jsonl``), so a rule studied on
    re3d dev is never tuned on re3d test."""
    splits: dict[str, str] = {}
    for split in SPLITS:
        for record in _lines(gold_dir / f"news_{split}.jsonl"):
            if record["doc"].startswith("re3d/"):
                splits[record["doc"]] = split
    return splits
