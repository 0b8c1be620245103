"""CAMEO code tables: CAMEO -> PLOVER (category, mode, context), Goldstein score, quad class.

The tables ship as plain tab-separated files under ``eventcoder/data/events/``; they are built
from the shared research data by :func:`convert_plover_table` and
:func:`convert_goldstein_table` (see ``SOURCE.md`` there for origin and licences).
Lookups fall back to the parent code ("0312" -> "031" -> "03") when a code has no own row.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from eventcoder.errors import Errors, ModelError
from eventcoder.paths import PACKAGE_DIR

__all__ = [
    "CameoOntology",
    "PloverEntry",
    "convert_goldstein_table",
    "convert_plover_table",
    "data_dir",
    "quad_class",
]

PLOVER_FILE = "cameo_plover.tsv"
GOLDSTEIN_FILE = "cameo_goldstein.tsv"
SUCCESSOR_FILE = "plover_successors.tsv"


def data_dir() -> Path:
    """The folder of the event data files we ship."""
    return PACKAGE_DIR / "data" / "events"


@dataclass(frozen=True)
class PloverEntry:
    """The PLOVER reading of one CAMEO code."""

    category: str
    mode: str | None
    context: tuple[str, ...]


def quad_class(code: str) -> int | None:
    """CAMEO quad class: 1 verbal co-operation (01-05), 2 material co-operation (06-08),
    3 verbal conflict (09-13), 4 material conflict (14-20); None for a code that is not CAMEO."""
    if len(code) < 2 or not code[:2].isdigit():
        return None
    root = int(code[:2])
    if 1 <= root <= 5:
        return 1
    if 6 <= root <= 8:
        return 2
    if 9 <= root <= 13:
        return 3
    if 14 <= root <= 20:
        return 4
    return None


def _data_lines(path: Path) -> list[tuple[int, list[str]]]:
    if not path.exists():
        raise ModelError(Errors.E801.format(path=path))
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            rows.append((number, line.split("\t")))
    return rows


class CameoOntology:
    """CAMEO -> PLOVER, Goldstein and quad class, read once from the shipped tables."""

    def __init__(
        self,
        plover: dict[str, PloverEntry],
        goldstein: dict[str, float],
        successors: dict[str, str],
    ) -> None:
        self.plover_table = plover
        self.goldstein_table = goldstein
        self.successors = successors

    @classmethod
    def from_data(cls, folder: Path | None = None) -> CameoOntology:
        """Load the tables shipped in ``eventcoder/data/events`` (or ``folder``)."""
        folder = folder or data_dir()
        plover: dict[str, PloverEntry] = {}
        for number, cols in _data_lines(folder / PLOVER_FILE):
            if len(cols) < 4:
                raise ModelError(
                    Errors.E103.format(
                        path=folder / PLOVER_FILE,
                        line=number,
                        detail="expected 4 tab-separated columns",
                    )
                )
            context = tuple(c for c in cols[3].split(",") if c)
            plover[cols[0]] = PloverEntry(cols[1], cols[2] or None, context)
        goldstein = {cols[0]: float(cols[1]) for _, cols in _data_lines(folder / GOLDSTEIN_FILE)}
        successors = {cols[0]: cols[1] for _, cols in _data_lines(folder / SUCCESSOR_FILE)}
        return cls(plover, goldstein, successors)

    @staticmethod
    def _lookup(table: dict, code: str):
        code = code.strip()
        while len(code) >= 2:
            if code in table:
                return table[code]
            code = code[:-1]
        return None

    def plover(self, code: str) -> PloverEntry | None:
        """The PLOVER category, mode and context of a CAMEO code (None when PLOVER drops it)."""
        return self._lookup(self.plover_table, code)

    def goldstein(self, code: str) -> float | None:
        """The Goldstein (1992) score of a CAMEO code."""
        return self._lookup(self.goldstein_table, code)

    def quad_class(self, code: str) -> int | None:
        """CAMEO quad class (1-4) of a code."""
        return quad_class(code)

    def current_category(self, old: str) -> str:
        """The current PLOVER category for a category of an older draft (FIGHT -> ASSAULT)."""
        return self.successors.get(old.upper(), old.upper())


def convert_plover_table(source: Path, target: Path) -> int:
    """Convert ``CAMEO2PLOVER-2021.txt`` into our ``cameo_plover.tsv``; returns the row count."""
    rows = [
        "# CAMEO -> PLOVER (category, mode, context), converted from CAMEO2PLOVER-2021.txt",
        "# (PLOVER, https://github.com/openeventdata/PLOVER, CC BY-SA 4.0; edited by P. Schrodt).",
        "# Rebuild: python -m eventcoder.events.build_data. Columns: cameo, plover, mode, contexts, description",
    ]
    count = 0
    seen: set[str] = set()
    for line in source.read_text(encoding="utf-8").splitlines():
        if line.startswith(("#", "~")) or ":" not in line:
            continue
        code, _, rest = line.partition(":")
        body, _, description = rest.partition("#")
        parts = [p.strip() for p in body.split(",")]
        if not code.strip().isdigit():
            continue
        if len(parts) < 2:  # a category header such as "04: CONSULT"
            if code.strip() not in seen:
                rows.append("\t".join([code.strip(), parts[0], "", "", "category"]))
                seen.add(code.strip())
            continue
        mode = parts[1].replace(" ", "")
        contexts = ",".join(c.strip() for c in ";".join(parts[2:]).split(";") if c.strip())
        rows.append("\t".join([code.strip(), parts[0], mode, contexts, description.strip()]))
        count += 1
    target.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return count


def convert_goldstein_table(source: Path, target: Path) -> int:
    """Convert ``CAMEO.goldsteinscale.txt`` into ``cameo_goldstein.tsv`` (with quad class)."""
    rows = [
        "# CAMEO Goldstein (1992) scores as distributed with the GDELT documentation,",
        "# via openeventdata/text_to_CAMEO data (MIT); quad class derived from the root code.",
        "# Columns: cameo, goldstein, quad_class",
    ]
    count = 0
    for line in source.read_text(encoding="utf-8").splitlines()[1:]:
        cols = line.split()
        if len(cols) == 2 and cols[0].isdigit():
            rows.append(f"{cols[0]}\t{float(cols[1])}\t{quad_class(cols[0]) or ''}")
            count += 1
    target.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return count
