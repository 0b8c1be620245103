"""Names written otherwise than any gazetteer spells them ("Al Shadaddi", "Dayr Az Zayr"):
a careful near match, for long names only.

A name is compared (``difflib``'s ratio over its lookup form, and over that form without an
Arabic article: "al shadaddi" and "shadaddi") with every gazetteer name of the same first
letter, as many words, the same last letter and nearly the same length (never a name with
letters added at its end: "Crimean", "Chernigovka"). Only names of at least ``MIN_LETTERS`` letters are
matched, and only spellings at least ``MIN_RATIO`` alike; what comes back is every place of
the best-matching names, for the resolver to keep only where the document names the place's
country and only when one place is left (``eventcoder.places.resolve``). A near match is
never more exact than ``near``.
"""

from __future__ import annotations

import difflib
from collections import defaultdict

from eventcoder.places.gazetteer import Gazetteer, Place, name_key

__all__ = ["MIN_LETTERS", "MIN_RATIO", "FuzzyIndex"]

MIN_LETTERS = 7  # shorter names differ by one letter from too many others
MIN_RATIO = 0.9  # about one letter in ten changed, added or dropped
_LENGTH_SLACK = 2
_KINDS = {"city", "village", "admin1", "hand", "country"}


class FuzzyIndex:
    """Gazetteer names by first letter and length, for near matches."""

    def __init__(self, gaz: Gazetteer, articles: frozenset[str] = frozenset()) -> None:
        self.gaz = gaz
        self.articles = articles
        self.keys: dict[tuple[str, int], list[str]] = defaultdict(list)
        for key, places in gaz.by_key.items():
            if len(_letters(key)) >= MIN_LETTERS - _LENGTH_SLACK and any(
                p.kind in _KINDS for p, _ in places
            ):
                self.keys[(key[0], len(key))].append(key)

    def forms(self, text: str) -> list[str]:
        """The lookup forms a name is compared by: itself, and without an article."""
        key = name_key(text)
        out = [key]
        first, _, rest = key.partition(" ")
        if first in self.articles and rest:
            out.append(rest)
        return [k for k in out if len(_letters(k)) >= MIN_LETTERS]

    def match(self, text: str) -> list[tuple[Place, float]]:
        """The places of the gazetteer names most like ``text`` (ratio >= ``MIN_RATIO``),
        with the ratio; empty when the name is short or nothing is alike enough. A name the
        gazetteer spells exactly so is no near match (look it up instead)."""
        best: list[tuple[float, str]] = []
        for form in self.forms(text):
            if form in self.gaz.by_key:
                return []
            matcher = difflib.SequenceMatcher(None, "", form, autojunk=False)
            for length in range(len(form) - _LENGTH_SLACK, len(form) + _LENGTH_SLACK + 1):
                for key in self.keys.get((form[0], length), ()):
                    if not _comparable(form, key):
                        continue
                    matcher.set_seq1(key)
                    if matcher.real_quick_ratio() < MIN_RATIO or matcher.quick_ratio() < MIN_RATIO:
                        continue
                    ratio = matcher.ratio()
                    if ratio >= MIN_RATIO:
                        best.append((ratio, key))
        if not best:
            return []
        top = max(r for r, _ in best)
        keys = {k for r, k in best if r == top}
        seen: set[str] = set()
        out = []
        for key in sorted(keys):
            for place, _main in self.gaz.by_key[key]:
                if place.kind in _KINDS and place.id not in seen:
                    seen.add(place.id)
                    out.append((place, top))
        return out


def _comparable(form: str, key: str) -> bool:
    """Two spellings that may be one name: as many words, the same last letter, and neither
    the other with letters added at its end ("Crimean" is no spelling of Crimea, nor
    "Chernigov" of Chernigovka)."""
    return (
        form[-1] == key[-1]
        and form.count(" ") == key.count(" ")
        and not key.startswith(form)
        and not form.startswith(key)
    )


def _letters(key: str) -> str:
    return "".join(c for c in key if c.isalpha())
