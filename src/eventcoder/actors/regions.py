"""The country of a region or large city the actor dictionaries do not name ("Texas",
"Irving", "Bavaria"), read from the places gazetteer.

Only names that point to one country are kept: first-level regions (ISO 3166-2) and cities of
at least :data:`MIN_POPULATION` people, by their main name. The actor stage uses them as
evidence, never as actors: a place attached to a person or a sector word ("a teacher from
Irving, Texas", "police in Bavaria") and a vote for the document's dominant country.
"""

from __future__ import annotations

import gzip
from functools import lru_cache

from eventcoder.datafiles import read_rows
from eventcoder.paths import PACKAGE_DIR

__all__ = ["MIN_POPULATION", "country_named", "region_country"]

MIN_POPULATION = 100_000
_GAZETTEER = PACKAGE_DIR / "data" / "places" / "gazetteer.tsv.gz"
_ALIASES = PACKAGE_DIR / "data" / "places" / "region_aliases.tsv"
_COUNTRY_ALIASES = PACKAGE_DIR / "data" / "places" / "country_aliases.tsv"


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, str]]:
    """Both name tables, from one pass over the gazetteer: regions and large cities of one
    country only (lower-case name -> ISO alpha-3), and country names (short, formal or a
    listed alias -> ISO alpha-3)."""
    found: dict[str, set[str]] = {}
    region_ids: dict[str, str] = {}
    countries: dict[str, str] = {}
    if _GAZETTEER.exists():
        with gzip.open(_GAZETTEER, "rt", encoding="utf-8") as handle:
            for line in handle:
                cols = line.rstrip("\n").split("\t")
                if line.startswith("#") or len(cols) < 4 or not cols[3]:
                    continue
                kind, name, iso3 = cols[0], cols[1], cols[3]
                if kind == "country":
                    for alias in [name, *cols[2].split("|")]:
                        if alias:
                            countries.setdefault(alias.lower(), iso3)
                if len(cols) < 8 or kind == "city" and int(cols[7] or 0) < MIN_POPULATION:
                    continue
                if kind in {"admin1", "city"}:
                    found.setdefault(name.lower(), set()).add(iso3)
                if kind == "admin1" and len(cols) > 8:
                    region_ids[cols[8]] = iso3
    for _, (alias, region, *_) in read_rows(_ALIASES, 2):
        if region in region_ids:  # "Bavaria" for Bayern
            found.setdefault(alias.lower(), set()).add(region_ids[region])
    for _, (alias, iso3, *_) in read_rows(_COUNTRY_ALIASES, 2):
        countries.setdefault(alias.lower(), iso3)
    regions = {name: next(iter(c)) for name, c in found.items() if len(c) == 1}
    return regions, countries


def region_country(name: str) -> str | None:
    """The one country a region or large city of that name lies in, if there is one."""
    return _tables()[0].get(name.strip().lower())


def country_named(name: str) -> str | None:
    """The ISO alpha-3 of a state named so ("Slovakia", "the Republic of Moldova",
    "Britain"), else None."""
    return _tables()[1].get(name.strip().lower())
