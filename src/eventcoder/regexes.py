"""Regular expressions that skip, cheaply, the positions where they cannot match.

Most of our rule patterns start with a look-behind ("not after a word character") and a
long alternation, and Python's ``re`` tries all of it at every character of a document.
:func:`guarded` puts a one-character look-ahead in front: the set of characters a match
can start with, read from the pattern itself. A position whose character is not in that
set fails at once; anywhere else the pattern runs as before, so the matches (and what
``finditer`` returns) are exactly those of the original pattern, at about half the cost.

This module imports nothing of ours, so any stage may use it.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["first_characters", "guarded"]


class _Unknown(Exception):
    """A construct whose first characters are not worked out here: no guard."""


def guarded(pattern: str | re.Pattern[str], flags: int = 0) -> re.Pattern[str]:
    """``pattern`` compiled with a look-ahead on its possible first characters; the
    pattern unchanged when they cannot be worked out (or it can match the empty string)."""
    compiled = re.compile(pattern, flags) if isinstance(pattern, str) else pattern
    first = first_characters(compiled)
    if first is None:
        return compiled
    return re.compile(f"(?={first}){compiled.pattern}", compiled.flags)


def first_characters(pattern: re.Pattern[str]) -> str | None:
    """A character class (``"[JFM\\d]"``) holding every character a match of ``pattern``
    can start with (under the pattern's own flags), or None when that is not known."""
    try:
        from re import _constants, _parser  # type: ignore[attr-defined]

        items, nullable = _first(_parser.parse(pattern.pattern, pattern.flags), _constants)
    except (_Unknown, ImportError, AttributeError, re.error):
        return None
    if nullable or not items:
        return None
    return "[" + "".join(dict.fromkeys(items)) + "]"


def _first(sequence: Any, c: Any) -> tuple[list[str], bool]:
    """(class items that can start a match of ``sequence``, whether it can match empty)."""
    items: list[str] = []
    for op, av in sequence:
        if op is c.LITERAL:
            return [*items, _char(av)], False
        if op is c.IN:
            return [*items, *_class_items(av, c)], False
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue  # zero width: the next item starts the match
        if op is c.SUBPATTERN:
            found, nullable = _first(av[-1], c)
        elif op is c.BRANCH:
            found, nullable = [], False
            for alternative in av[1]:
                more, empty = _first(alternative, c)
                found += more
                nullable = nullable or empty
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            low, _high, inner = av
            found, nullable = _first(inner, c)
            nullable = nullable or low == 0
        else:  # ANY, NOT_LITERAL, GROUPREF, atomic groups...: not worked out
            raise _Unknown(op)
        items += found
        if not nullable:
            return items, False
    return items, True


def _char(code: int) -> str:
    return re.escape(chr(code))


_CATEGORIES = {
    "CATEGORY_DIGIT": r"\d",
    "CATEGORY_NOT_DIGIT": r"\D",
    "CATEGORY_SPACE": r"\s",
    "CATEGORY_NOT_SPACE": r"\S",
    "CATEGORY_WORD": r"\w",
    "CATEGORY_NOT_WORD": r"\W",
}


def _class_items(members: Any, c: Any) -> list[str]:
    out: list[str] = []
    for op, av in members:
        if op is c.LITERAL:
            out.append(_char(av))
        elif op is c.RANGE:
            out.append(f"{_char(av[0])}-{_char(av[1])}")
        elif op is c.CATEGORY and getattr(av, "name", None) in _CATEGORIES:
            out.append(_CATEGORIES[av.name])
        else:  # a negated class, an unusual category
            raise _Unknown(op)
    return out
