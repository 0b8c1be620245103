"""Discard phrases: a sentence (or, marked ``story``, a whole document) that contains one is
not coded for events, as PETRARCH's discard list does for sports reports and chronologies."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["Discard", "discard_pattern", "first_discard"]


@dataclass(frozen=True)
class Discard:
    """One discard phrase; ``story`` drops every event of the document, else of the sentence."""

    phrase: str
    story: bool = False
    origin: str = ""
    pattern: re.Pattern[str] = field(default=re.compile("(?!)"), compare=False, repr=False)

    @classmethod
    def make(cls, phrase: str, story: bool = False, origin: str = "") -> Discard:
        """A discard with its compiled pattern (PETRARCH: a trailing ``_`` ends a word,
        otherwise the last word is a stem; matching ignores case)."""
        return cls(phrase, story, origin, discard_pattern(phrase))


def discard_pattern(phrase: str) -> re.Pattern[str]:
    """The regular expression of a discard phrase."""
    whole = phrase.rstrip().endswith("_")
    words = [re.escape(w) for w in re.split(r"[\s_]+", phrase.strip()) if w]
    tail = r"\b" if whole else ""
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + tail, re.IGNORECASE)


def first_discard(text: str, discards: tuple[Discard, ...]) -> Discard | None:
    """The first discard phrase found in ``text``."""
    return next((d for d in discards if d.pattern.search(text)), None)
