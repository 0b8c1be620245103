"""Build the list of air bases, airfields and airports ``data/places/airfields.tsv.gz``.

    PYTHONPATH=src python scripts/build_airfields.py                       # airportsdata
    PYTHONPATH=src python scripts/build_airfields.py --ourairports airports.csv

Sources (nothing is downloaded; the result is committed):
  * default: the ``airportsdata`` package (pinned in the ``gazetteer`` extra; MIT licence,
    Copyright (c) 2020- Mike Borsetti, including data Copyright (c) 2014 mwgg): every
    airfield with an ICAO code, its name, city, first-level region, country and point;
  * ``--ourairports FILE``: OurAirports' ``airports.csv`` (public domain), whose ``type``
    column also marks closed fields and heliports (both left out).

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


def short_names(name: str) -> list[str]:
    """The names news puts before "air base" or "airport": the name less its kind words,
    and that less a leading or trailing hyphenated part ("Severomorsk-1" -> Severomorsk)."""
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


def from_ourairports(path: Path) -> list[dict[str, str]]:
    """Rows of OurAirports' ``airports.csv`` (closed fields, heliports and seaplane bases out)."""
    rows = []
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["type"] in {"closed", "heliport", "seaplane_base", "balloonport"}:
                continue
            iata = row["iata_code"]
            if row["type"] in {"large_airport", "medium_airport"} and not iata:
                iata = row["ident"]  # kept as an airport: a large or medium field
            rows.append(
                {
                    "name": row["name"],
                    "iata": iata,
                    "country": row["iso_country"],
                    "region": "",
                    "lat": row["latitude_deg"],
                    "lon": row["longitude_deg"],
                    "city": row["municipality"],
                    "id": f"ourairports:{row['ident']}",
                }
            )
    return rows


def build(rows: list[dict[str, str]], source: str) -> list[list[str]]:
    """The output rows, sorted by country and name."""
    out = []
    for row in rows:
        kind = field_type(row["name"], row["iata"])
        iso3 = alpha3(row["country"])
        if kind is None or iso3 is None or not row["lat"] or not row["lon"]:
            continue
        names = [n for n in short_names(row["name"]) if len(n) > 2]
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
    parser.add_argument("--ourairports", type=Path, help="OurAirports airports.csv instead")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    if args.ourairports:
        rows, source = from_ourairports(args.ourairports), "OurAirports (public domain)"
    else:
        import airportsdata

        version = getattr(airportsdata, "__version__", "")
        rows = from_airportsdata()
        source = f"airportsdata {version} (MIT licence)".replace("  ", " ")
    table = build(rows, source)
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
