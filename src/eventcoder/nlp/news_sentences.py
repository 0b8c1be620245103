"""Sentence boundaries of GUM's news documents, as text laid out the way news arrives.

Each ``GUM_news_*`` document becomes one text: its paragraphs (GUM's ``# newpar``: the
headline, the dateline or date line, captions, body paragraphs) separated by a blank line,
the sentences of a paragraph by one space, each sentence as GUM's ``# text`` gives it. The
gold is the character span of every sentence; a predicted sentence counts when its span,
without surrounding whitespace, is exactly a gold one. ``flat=True`` joins everything with
spaces instead, which leaves the pipeline no layout to go by.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language

__all__ = ["NewsDoc", "read_news_docs", "score_sentences", "sentence_spans"]

NEWS_PREFIX = "GUM_news_"


@dataclass(frozen=True)
class NewsDoc:
    """One news document: its text and the (start, end) character span of each sentence."""

    doc_id: str
    text: str
    sentences: tuple[tuple[int, int], ...]


def _paragraphs(path: Path) -> Iterator[tuple[str, list[list[str]]]]:
    """(doc id, paragraphs as lists of sentence texts) for each document of a CoNLL-U file."""
    doc_id, paras = "", []  # type: tuple[str, list[list[str]]]
    with (
        gzip.open(path, "rt", encoding="utf-8")
        if path.suffix == ".gz"
        else path.open(encoding="utf-8") as handle
    ):
        for line in handle:
            if line.startswith("# newdoc id ="):
                if doc_id:
                    yield doc_id, paras
                doc_id, paras = line.split("=", 1)[1].strip(), []
            elif line.startswith("# newpar") and not line.startswith("# newpar_block"):
                paras.append([])
            elif line.startswith("# text ="):
                if not paras:
                    paras.append([])
                paras[-1].append(line.split("=", 1)[1].strip())
    if doc_id:
        yield doc_id, paras


def read_news_docs(paths: Iterable[Path], flat: bool = False) -> list[NewsDoc]:
    """The news documents of the given GUM files (``flat``: no paragraph layout)."""
    docs = []
    for path in paths:
        for doc_id, paras in _paragraphs(path):
            if not doc_id.startswith(NEWS_PREFIX):
                continue
            text, spans = "", []
            for p, para in enumerate(p for p in paras if p):
                if p:
                    text += " " if flat else "\n\n"
                for s, sentence in enumerate(para):
                    if s:
                        text += " "
                    spans.append((len(text), len(text) + len(sentence)))
                    text += sentence
            docs.append(NewsDoc(doc_id, text, tuple(spans)))
    return docs


def sentence_spans(nlp: Language, text: str) -> set[tuple[int, int]]:
    """The pipeline's sentences as character spans without surrounding whitespace."""
    out = set()
    for sent in nlp(text).sents:
        chunk = sent.text
        if not chunk.strip():
            continue
        start = sent.start_char + (len(chunk) - len(chunk.lstrip()))
        out.add((start, start + len(chunk.strip())))
    return out


def score_sentences(nlp: Language, docs: Iterable[NewsDoc]) -> tuple[float, float, float]:
    """Sentence precision, recall and F (exact spans) over ``docs``."""
    found = gold = predicted = 0
    for doc in docs:
        pred = sentence_spans(nlp, doc.text)
        truth = set(doc.sentences)
        found += len(pred & truth)
        gold += len(truth)
        predicted += len(pred)
    p = found / predicted if predicted else 0.0
    r = found / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)
