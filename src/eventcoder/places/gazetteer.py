"""The gazetteer: every place we can name, looked up by any of its names.

Data files under ``data/places/`` (see their headers for sources and licences):
``gazetteer.tsv.gz`` (countries, ISO 3166-2 first-level regions and GeoNames cities) and
``neighbours.tsv`` (land neighbours) and ``seats.tsv.gz`` (seats of administrative divisions
without a known population, taken like villages: only in a country the text names), built
by ``scripts/build_gazetteer.py``;
``hand_places.tsv`` (bases, airfields, border crossings, straits, seas, gulfs and disputed
regions that gazetteers lack), ``country_aliases.tsv`` ("U.S.", "Britain") and
``region_aliases.tsv`` ("Tigray", "Bavaria") kept by hand. Loading reads only these files; nothing is downloaded.
"""

from __future__ import annotations

import functools
import gzip
import math
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from eventcoder.datafiles import read_rows
from eventcoder.errors import Errors, ModelError

__all__ = ["DATA_DIR", "Gazetteer", "Place", "distance_km", "name_key"]

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "places"
VILLAGES = "villages.tsv.gz"  # GeoNames places under 5,000 people; not shipped (see README)
SEATS = "seats.tsv.gz"  # GeoNames seats of administrative divisions with no population
_SHORTEST_VILLAGE = 3  # a village's name of three letters or fewer is never looked up

# How much a place of each kind weighs before population: log10 of a stand-in population.
_WEIGHT = {"country": None, "admin1": 5.5, "hand": 6.5, "airfield": 6.0}
# which kinds of field a word after a name asks for, best first ("the X air base")
_FIELD_CUES = {
    "airport": ("airport", "airfield", "airbase"),
    "airfield": ("airbase", "airfield", "airport"),
    "aerodrome": ("airfield", "airport", "airbase"),
}
_BASE_CUE = ("airbase", "airfield", "airport")


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry.

    ``kind`` is ``country``, ``admin1``, ``city`` or ``hand``; ``type`` says more for hand
    entries (``airbase``, ``border_crossing``, ``sea``...). ``iso3`` is empty for
    international waters and places claimed by several states.
    """

    name: str
    kind: str
    type: str
    iso3: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    population: int
    id: str

    @property
    def weight(self) -> float:
        """Prominence on a log10 scale: population, or a stand-in for regions and our list."""
        fixed = _WEIGHT.get(self.kind)
        if fixed is not None:
            return fixed
        return math.log10(max(self.population, 10))


_APOSTROPHES = re.compile(r"[’'ʼ`‘ʿʾ]")
_DASHES = re.compile(r"[-‐–/]")
_BLANKS = re.compile(r"\s+")
_SAINT = re.compile(r"\b(?:st\.?|saint) (?=\w)")


def name_key(text: str) -> str:
    """The lookup form of a name: accents folded, lower case, no leading "the", hyphens and
    apostrophes as blanks ("the Ivano-Frankivsk" and "Ivano Frankivsk" meet)."""
    if text.isascii():  # nothing to fold (most names): skip the per-character pass
        norm = text.lower()
    else:
        norm = unicodedata.normalize("NFKD", text)
        norm = "".join(c for c in norm if not unicodedata.combining(c)).lower()
    norm = _APOSTROPHES.sub("", norm)
    norm = _DASHES.sub(" ", norm)
    norm = _BLANKS.sub(" ", norm).strip().rstrip(".")
    norm = norm.removeprefix("the ")
    return norm


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def _float(value: str) -> float | None:
    return float(value) if value.strip() else None


def _gzip_rows(path: Path, columns: int) -> list[tuple[int, list[str]]]:
    """The tab-separated rows of a gzipped data file, with their line numbers."""
    try:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            lines = fh.read().splitlines()
    except OSError as exc:
        raise ModelError(Errors.E103.format(path=path, line=0, detail=exc)) from exc
    rows = []
    for number, line in enumerate(lines, 1):
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != columns:
            raise ModelError(
                Errors.E103.format(path=path, line=number, detail=f"expected {columns} columns")
            )
        rows.append((number, cols))
    return rows


# look-ups normalise the same names again and again (every capitalised word of a document)
_cached_key = functools.lru_cache(maxsize=1 << 16)(name_key)


class Gazetteer:
    """Places by name key. Each key maps to ``(place, is_main_name)`` pairs."""

    def __init__(self) -> None:
        self.by_key: dict[str, list[tuple[Place, bool]]] = defaultdict(list)
        self.countries: dict[str, Place] = {}
        self.neighbours: dict[str, frozenset[str]] = {}
        self.max_words = 1
        self.fields: dict[str, list[Place]] = defaultdict(list)  # by full or short name
        self.fields_by_city: dict[str, list[Place]] = defaultdict(list)

    def add(self, place: Place, names: list[str]) -> None:
        """Index a place under its name and alternates (the first name is the main one)."""
        seen: set[str] = set()
        for n, name in enumerate(names):
            key = name_key(name)
            if not key or key in seen:
                continue
            seen.add(key)
            self.by_key[key].append((place, n == 0))
            self.max_words = max(self.max_words, key.count(" ") + 1)
        if place.kind == "country" and place.iso3:
            self.countries.setdefault(place.iso3, place)

    def lookup(self, text: str) -> list[tuple[Place, bool]]:
        """Every place a name may stand for, with whether it is that place's main name. A
        name with "St", "St." or "Saint" that no entry spells so is looked up with the
        others ("St Petersburg" is Saint Petersburg; "St. Louis", spelt so, stays itself)."""
        key = _cached_key(text)
        found = self.by_key.get(key)
        if found is None and "s" in key and _SAINT.search(key):
            for form in ("saint ", "st. ", "st "):
                found = self.by_key.get(_SAINT.sub(form, key))
                if found:
                    break
        return list(found or ())

    def field(self, name: str, cue: str = "", by_city: bool = False) -> list[Place]:
        """Air bases, airfields and airports a name (and the word after it: "air base",
        "airfield", "airport") may mean: the kind the word asks for when there is one of that
        name, else any. ``by_city`` also takes fields serving a town of that name ("the
        airfield at X")."""
        key = name_key(name)
        found = list(self.fields.get(key, ()))
        if by_city and not found:
            found = list(self.fields_by_city.get(key, ()))
        order = _FIELD_CUES.get(name_key(cue), _BASE_CUE)
        for kind in order:
            chosen = [p for p in found if p.type == kind]
            if chosen:
                return chosen
        return []

    def __contains__(self, text: str) -> bool:
        return bool(self.lookup(text))

    @classmethod
    def load(cls, data_dir: Path = DATA_DIR) -> Gazetteer:
        """Read the three data files (raises ``ModelError`` E103 on a broken file)."""
        gaz = cls()
        gaz._load_main(data_dir / "gazetteer.tsv.gz")
        if (data_dir / VILLAGES).exists():  # optional: scripts/build_gazetteer.py --villages
            gaz._load_main(data_dir / VILLAGES, kind="village")
        if (data_dir / SEATS).exists():  # no population known: taken like villages
            gaz._load_main(data_dir / SEATS, kind="village")
        for _, cols in read_rows(data_dir / "hand_places.tsv", 8):
            name, alts, kind_type, iso3, admin1, lat, lon, _source = cols[:8]
            place = Place(
                name,
                "hand",
                kind_type,
                iso3 or None,
                admin1 or None,
                _float(lat),
                _float(lon),
                0,
                f"hand:{name}",
            )
            gaz.add(place, [name, *[a for a in alts.split("|") if a]])
        gaz._load_fields(data_dir / "airfields.tsv.gz")
        regions = {p.id: p for ps in gaz.by_key.values() for p, _ in ps if p.kind == "admin1"}
        for number, cols in read_rows(data_dir / "region_aliases.tsv", 2):
            region = regions.get(cols[1])
            if region is None:
                raise ModelError(
                    Errors.E103.format(
                        path=data_dir / "region_aliases.tsv",
                        line=number,
                        detail=f"unknown region {cols[1]!r}",
                    )
                )
            gaz.by_key[name_key(cols[0])].append((region, True))
        gaz._load_city_aliases(data_dir / "city_aliases.tsv")
        gaz._add_bare_names(data_dir / "cues.tsv")
        for _, cols in read_rows(data_dir / "neighbours.tsv", 2):
            gaz.neighbours[cols[0]] = frozenset(cols[1].split("|"))
        for number, cols in read_rows(data_dir / "country_aliases.tsv", 2):
            country = gaz.countries.get(cols[1])
            if country is None:
                raise ModelError(
                    Errors.E103.format(
                        path=data_dir / "country_aliases.tsv",
                        line=number,
                        detail=f"unknown country {cols[1]!r}",
                    )
                )
            key = name_key(cols[0])
            if all(p is not country for p, _ in gaz.by_key.get(key, ())):
                gaz.by_key[key].append((country, True))
        return gaz

    def _load_city_aliases(self, path: Path) -> None:
        """English names of towns GeoNames knows otherwise ("Palmyra" for Tadmur), each the
        town's main name in English news."""
        by_id = {
            p.id: p for ps in self.by_key.values() for p, _ in ps if p.kind in {"city", "village"}
        }
        for number, cols in read_rows(path, 3):
            place = by_id.get(cols[1])
            if place is None:
                raise ModelError(
                    Errors.E103.format(path=path, line=number, detail=f"unknown id {cols[1]!r}")
                )
            key = name_key(cols[0])
            if all(p is not place for p, _ in self.by_key.get(key, ())):
                self.by_key[key].append((place, True))
                self.max_words = max(self.max_words, key.count(" ") + 1)

    def _add_bare_names(self, cues: Path) -> None:
        """Towns and regions of states whose names go with or without the Arabic article
        (``article_country`` of the cue file) under their name without it too, as a
        variant: "Al Qamishli" is also "Qamishli" (never a name of three letters or fewer)."""
        states, articles = set(), set()
        for _, cols in read_rows(cues, 2):
            if cols[0] == "article_country":
                states.add(cols[1].strip().upper())
            elif cols[0] == "article":
                articles.add(cols[1].strip())
        added: list[tuple[str, Place]] = []
        for key, places in self.by_key.items():
            first, _, rest = key.partition(" ")
            if first not in articles or len(rest) <= _SHORTEST_VILLAGE:
                continue
            for place, _main in places:
                if place.kind in {"city", "village", "admin1"} and place.iso3 in states:
                    added.append((rest, place))
        for rest, place in added:
            if all(p is not place for p, _ in self.by_key.get(rest, ())):
                self.by_key[rest].append((place, False))

    def _load_fields(self, path: Path) -> None:
        """Air bases, airfields and airports (``scripts/build_airfields.py``), indexed apart
        from the other places: a field is named only with the word that says so."""
        for number, cols in _gzip_rows(path, 9):
            name, shorts, kind, iso3, admin1, lat, lon, city, ident = cols
            place = Place(
                name, "airfield", kind, iso3, admin1 or None, _float(lat), _float(lon), 0, ident
            )
            if place.lat is None:
                raise ModelError(Errors.E103.format(path=path, line=number, detail="no point"))
            keys = {name_key(n) for n in [name, *shorts.split("|")] if n}
            for key in keys:
                self.fields[key].append(place)
            if city and name_key(city) not in keys:
                self.fields_by_city[name_key(city)].append(place)

    def _load_main(self, path: Path, kind: str | None = None) -> None:
        """Read a gazetteer file; ``kind`` overrides the rows' (villages: ``village``, and
        names of three letters or fewer left out, "Al", "Ol")."""
        try:
            with gzip.open(path, "rt", encoding="utf-8") as fh:
                lines = fh.read().splitlines()
        except OSError as exc:
            raise ModelError(Errors.E103.format(path=path, line=0, detail=exc)) from exc
        for number, line in enumerate(lines, 1):
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != 9:
                raise ModelError(
                    Errors.E103.format(path=path, line=number, detail="expected 9 columns")
                )
            row_kind, name, alts, iso3, admin1, lat, lon, pop, ident = cols
            if kind is not None and len(name_key(name)) <= _SHORTEST_VILLAGE:
                continue
            place_kind = kind or row_kind
            place = Place(
                name,
                place_kind,
                place_kind,
                iso3 or None,
                admin1 or None,
                _float(lat),
                _float(lon),
                int(pop) if pop else 0,
                ident,
            )
            self.add(place, [name, *[a for a in alts.split("|") if a]])


@functools.lru_cache(maxsize=2)
def shared_gazetteer(data_dir: Path = DATA_DIR) -> Gazetteer:
    """One loaded gazetteer per data folder and process, shared by the places stage and the
    entity fixes (each load costs seconds and tens of MiB). Callers only read it."""
    return Gazetteer.load(data_dir.resolve())
