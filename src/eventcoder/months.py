"""Month names and their abbreviations: the one list the time, claims and poll rules read.

This module imports nothing of ours, so any stage may use it.
"""

from __future__ import annotations

__all__ = ["MONTHS", "MONTH_NAMES", "month_pattern"]

MONTH_NAMES: tuple[str, ...] = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_ABBREVIATIONS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8}
_ABBREVIATIONS |= {"sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}

# lower-case name or abbreviation -> month number
MONTHS: dict[str, int] = {name: n for n, name in enumerate(MONTH_NAMES, 1)} | _ABBREVIATIONS


def month_pattern() -> str:
    """A regular expression for a capitalised month name or abbreviation ("Sept.", "May")."""
    names = "|".join(name.title() for name in MONTH_NAMES)
    short = "|".join(a.title() for a in sorted(_ABBREVIATIONS, key=len, reverse=True))
    return rf"(?:{names}|(?:{short})\.?)"
