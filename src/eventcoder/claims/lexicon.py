"""Loaders for the claims data files (one loader per file) and ``ClaimsData``, all of them
loaded once by the claims stage's factory and passed in (no module caches).

The files live in ``eventcoder/data/claims/``: reporting verbs with their stance, the vague
amount table, the poll caveat cues and the unit table. Each is a tab-separated text file with
``#`` comment lines that carry its attribution and documentation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from eventcoder.datafiles import read_rows
from eventcoder.errors import Errors, ModelError
from eventcoder.paths import PACKAGE_DIR

__all__ = [
    "ClaimsData",
    "Unit",
    "VagueAmount",
    "load_measure_classes",
    "load_poll_caveats",
    "load_reporting_verbs",
    "load_units",
    "load_vague_amounts",
]

DATA_DIR = PACKAGE_DIR / "data" / "claims"


@dataclass(frozen=True)
class VagueAmount:
    """A vague amount phrase and the range it stands for."""

    phrase: str
    low: float
    high: float
    kind: str  # "count" (stands alone) or "multiplier" (scales a following number word)


@dataclass(frozen=True)
class Unit:
    """A unit of measure: its normalised name and dimension (ratio, money, length, mass, time)."""

    name: str
    dimension: str


def _rows(path: Path, n_cols: int) -> list[tuple[int, list[str]]]:
    """The data rows of a tab-separated file, with their line numbers."""
    return read_rows(path, n_cols)


def _regular_forms(lemma: str) -> set[str]:
    """-s, -ed and -ing forms of a regular English verb."""
    if lemma.endswith("e"):
        return {lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    if lemma.endswith(("s", "sh", "ch", "x")):
        return {lemma + "es", lemma + "ed", lemma + "ing"}
    return {lemma + "s", lemma + "ed", lemma + "ing"}


def load_reporting_verbs() -> dict[str, tuple[str, str]]:
    """Every form of every reporting verb -> (lemma, stance)."""
    out: dict[str, tuple[str, str]] = {}
    for _, cols in _rows(DATA_DIR / "reporting_verbs.tsv", 2):
        lemma, stance = cols[0].strip(), cols[1].strip()
        irregular = {f.strip() for f in cols[2].split(",")} if len(cols) > 2 and cols[2] else set()
        for form in {lemma} | _regular_forms(lemma) | irregular:
            out[form] = (lemma, stance)
    return out


def load_vague_amounts() -> dict[str, VagueAmount]:
    """Vague amount phrase (lower case) -> its range."""
    out = {}
    for n, cols in _rows(DATA_DIR / "vague_amounts.tsv", 4):
        try:
            low, high = float(cols[1]), float(cols[2])
        except ValueError:
            raise ModelError(
                Errors.E103.format(
                    path=DATA_DIR / "vague_amounts.tsv", line=n, detail="low/high not numbers"
                )
            ) from None
        out[cols[0].strip()] = VagueAmount(cols[0].strip(), low, high, cols[3].strip())
    return out


def load_poll_caveats() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(caveat label, compiled cue) pairs in file order."""
    out = []
    for n, cols in _rows(DATA_DIR / "poll_caveats.tsv", 2):
        try:
            out.append((cols[0].strip(), re.compile(cols[1].strip(), re.IGNORECASE)))
        except re.error as exc:
            raise ModelError(
                Errors.E103.format(path=DATA_DIR / "poll_caveats.tsv", line=n, detail=str(exc))
            ) from None
    return tuple(out)


def load_units() -> dict[str, Unit]:
    """Unit surface form (lower case) -> normalised unit."""
    return {
        cols[0].strip(): Unit(cols[1].strip(), cols[2].strip())
        for _, cols in _rows(DATA_DIR / "units.tsv", 3)
    }


def load_measure_classes() -> dict[str, str]:
    """Measure word (singular, lower case) -> the class it is compared under."""
    out = {}
    for _, cols in _rows(DATA_DIR / "measure_classes.tsv", 2):
        for word in cols[1].split(","):
            if word.strip():
                out[word.strip().lower()] = cols[0].strip()
    return out


@dataclass(frozen=True, eq=False)
class ClaimsData:
    """Every claims table, loaded once (``ClaimsData.load()``) and handed to the extractor."""

    reporting_verbs: dict[str, tuple[str, str]]
    vague_amounts: dict[str, VagueAmount]
    poll_caveats: tuple[tuple[str, re.Pattern[str]], ...]
    units: dict[str, Unit]
    measure_classes: dict[str, str]

    @classmethod
    def load(cls) -> ClaimsData:
        """The bundled tables of ``eventcoder/data/claims``."""
        return cls(
            load_reporting_verbs(),
            load_vague_amounts(),
            load_poll_caveats(),
            load_units(),
            load_measure_classes(),
        )
