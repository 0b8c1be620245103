"""News-specific tokenizer exceptions, kept as a data file (``data/tokenizer_exceptions.txt``)."""

from __future__ import annotations

from pathlib import Path

from spacy.attrs import ORTH
from spacy.tokenizer import Tokenizer

__all__ = ["add_news_exceptions", "load_exceptions"]

EXCEPTIONS_FILE = Path(__file__).resolve().parent.parent / "data" / "tokenizer_exceptions.txt"


def load_exceptions(path: Path = EXCEPTIONS_FILE) -> list[str]:
    """One abbreviation per line; ``#`` starts a comment."""
    items: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            items.append(line)
    return items


def add_news_exceptions(tokenizer: Tokenizer, path: Path = EXCEPTIONS_FILE) -> int:
    """Keep news abbreviations ("Gen.", "Sept.", "Lt. Col.") as single tokens."""
    count = 0
    for text in load_exceptions(path):
        tokenizer.add_special_case(text, [{ORTH: text}])
        count += 1
    return count
