"""Build the generated actor data files from the shared third-party data (reproducible).

    PYTHONPATH=src python scripts/build_actor_data.py [--shared /path/to/shared/data]

Writes, under src/eventcoder/data/actors/:
  states.tsv   states from CountryInfo.txt (names, nationality words, capital, major cities)
  people.tsv   dated person/actor codes from Phoenix.Countries.actors.txt (PETRARCH format)
  agents.tsv   sector words from Phoenix.agents.txt and PLOVER_agents.NGEC.txt
The hand-kept files (metonyms.tsv, organisations.tsv, people_current.tsv, agents_hand.tsv)
are edited by hand and never overwritten here.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from eventcoder.actors.petrarch_format import DatedCode, read_actors, read_agents
from eventcoder.errors import Errors
from eventcoder.paths import PACKAGE_DIR, shared_data_dir

OUT = PACKAGE_DIR / "data" / "actors"
_SKIP_CODES = {"USAASM"}
_ACRONYMS = {"USSR", "DPRK", "FYROM", "SFRY", "UNHCR", "NATO"}


def _words(raw: str) -> str:
    """A CountryInfo/PETRARCH phrase to display text (underscores to blanks, title case)."""
    text = re.sub(r"[\x00-\x1f\x7f]", "", re.sub(r"_+", " ", raw)).strip()
    keep = len(text) <= 3 or "." in text or text in _ACRONYMS or not text.isupper()
    return text if keep else text.title()


def _plural_demonyms(names: list[str]) -> list[str]:
    """Plural nationality nouns for -an/-i adjectives (Russians, Israelis)."""
    out = []
    for name in names:
        if " " not in name and (name.lower().endswith("an") or name.lower().endswith("i")):
            out.append(name + "s")
    return out


def _block_list(block: str, tag: str) -> list[str]:
    """Entries of a CountryInfo list element (comments dropped)."""
    match = re.search(rf"<{tag}>(.*?)</{tag}>", block, re.DOTALL)
    if not match:
        return []
    items = []
    for line in match.group(1).splitlines():
        line = line.split("#")[0].strip()
        if line and not line.startswith("<"):
            items.append(_words(line.split("[")[0]))
    return [i for i in items if i]


def build_states(shared: Path) -> list[str]:
    """Rows of states.tsv from CountryInfo.txt."""
    text = (shared / "countryinfo" / "CountryInfo.120116.txt").read_text(encoding="latin-1")
    rows = []
    for block in re.findall(r"<Country>(.*?)</Country>", text, re.DOTALL):
        block = block.rsplit("<Country>", 1)[-1]  # the format notes quote an opening tag
        code = re.search(r"<CountryCode>(.*?)</CountryCode>", block)
        name = re.search(r"<CountryName>(.*?)</CountryName>", block)
        if not code or len(code.group(1).strip()) != 3 or code.group(1) in _SKIP_CODES:
            continue
        names = [_words(name.group(1))] if name else []
        names += _block_list(block, "Nationality")
        names += _plural_demonyms(names)
        capital = _block_list(block, "Capital")
        cities = _block_list(block, "MajorCities")
        uniq = list(dict.fromkeys(n for n in names if "(" not in n))
        rows.append(
            "\t".join(
                [
                    code.group(1).strip(),
                    uniq[0] if uniq else "",
                    "|".join(uniq),
                    "|".join(dict.fromkeys(capital)),
                    "|".join(dict.fromkeys(cities)),
                ]
            )
        )
    rows = [_news_usage(_legacy(row)) for row in rows]
    return rows + _pycountry_rows({row.split("\t")[0] for row in rows})


# A bare name the wires use for another state than CountryInfo's: "Congo" alone is the
# Democratic Republic of the Congo in Reuters and AP style ("Republic of Congo" and "Congo
# Republic" stay the smaller neighbour's).
_NEWS_NAMES = {"Congo": ("COG", "COD")}


def _news_usage(row: str) -> str:
    """The row with each name of _NEWS_NAMES moved to the state the news means by it."""
    cols = row.split("\t")
    names = cols[2].split("|")
    for name, (was, now) in _NEWS_NAMES.items():
        if cols[0] == was and name in names:
            names.remove(name)
        elif cols[0] == now and name not in names:
            names.append(name)
    cols[2] = "|".join(names)
    return "\t".join(cols)


_LEGACY = {"TMP": "TLS", "ROM": "ROU", "KSV": "XKX"}


def _legacy(row: str) -> str:
    """Old CAMEO/CountryInfo country codes to ISO 3166 alpha-3."""
    code, rest = row.split("\t", 1)
    return _LEGACY.get(code, code) + "\t" + rest


def _pycountry_rows(have: set[str]) -> list[str]:
    """States CountryInfo lacks (the former Yugoslavia, territories): names from ISO 3166."""
    import pycountry

    rows = []
    for country in pycountry.countries:
        if country.alpha_3 in have:
            continue
        names = [
            country.name,
            getattr(country, "common_name", ""),
            getattr(country, "official_name", ""),
        ]
        names = [n for n in dict.fromkeys(names) if n and "," not in n]
        if names:
            rows.append("\t".join([country.alpha_3, names[0], "|".join(names), "", ""]))
    return rows


def build_people(shared: Path) -> list[str]:
    """Rows of people.tsv: one per dated code of each Phoenix country actor record."""
    path = shared / "petrarch2" / "dictionaries" / "Phoenix.Countries.actors.txt"
    rows = []
    for record in read_actors(path):
        codes = [
            c
            for c in record.codes
            if len(c.code) >= 6 and c.code[:3].isalpha() and not _reversed(c)
        ]
        if not codes:
            continue
        names = "|".join(dict.fromkeys(_words("_".join(p)) for p in record.phrases))
        terms = ";".join(
            _term(DatedCode(_LEGACY.get(c.code[:3], c.code[:3]) + c.code[3:], c.start, c.end))
            for c in codes
        )
        rows.append(f"{names}\t{terms}\tphoenix")
    common = {w for row in build_agents(shared) for w in row.split("\t")[0].split()}
    common |= {
        w.lower()
        for row in build_states(shared)
        for n in row.split("\t")[2].split("|")
        for w in n.split()
    }
    return _surname_aliases(rows, common)


_IGO_CODES = {"IGOUNO": "IGOUN", "IGOEUREEC": "IGOEU", "IGOWSTNAT": "IGONATO"}


def _normal_code(code: str) -> str:
    """CAMEO organisation codes to ours: IGOUNO -> IGOUN, MNCUSA -> USABUS, NGOUSA -> USANGO."""
    for old, new in _IGO_CODES.items():
        if code.startswith(old):
            return new + code[len(old) :]
    if code[:3] in {"MNC", "NGO"} and len(code) >= 6 and code[3:6].isalpha():
        return code[3:6] + ("BUS" if code[:3] == "MNC" else "NGO") + code[6:]
    return code


def build_international(shared: Path) -> list[str]:
    """Rows of international.tsv from Phoenix.International and Phoenix.MilNonState."""
    rows = []
    for name in ("Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"):
        for record in read_actors(shared / "petrarch2" / "dictionaries" / name):
            codes = [
                DatedCode(_normal_code(c.code), c.start, c.end)
                for c in record.codes
                if len(c.code) >= 3 and c.code[:3].isalpha()
            ]
            if codes:
                names = "|".join(dict.fromkeys(_words("_".join(p)) for p in record.phrases))
                rows.append(
                    "\t".join([names, ";".join(_term(c) for c in codes), name.split(".")[1]])
                )
    return rows


def _surname_aliases(rows: list[str], common: set[str]) -> list[str]:
    """Add a person's surname as a variant when no other record shares it.

    Names holding a common word (an agent or nationality word: "Vice President") are skipped.
    """
    counts: dict[str, int] = {}
    surnames = []
    for row in rows:
        names = row.split("\t")[0].split("|")
        last = {
            n.split()[-1]
            for n in names
            if len(n.split()) >= 2 and not any(w.lower() in common for w in n.split())
        }
        surnames.append(last)
        for word in last:
            counts[word] = counts.get(word, 0) + 1
    out = []
    for row, last in zip(rows, surnames):
        names, rest = row.split("\t", 1)
        extra = [
            w
            for w in sorted(last)
            if counts[w] == 1
            and len(w) >= 4
            and w[0].isupper()
            and w.lower() not in _NOT_SURNAMES
            and w not in names.split("|")
        ]
        out.append("|".join([names, *extra]) + "\t" + rest)
    return out


_NOT_SURNAMES = {
    "jr.",
    "sr.",
    "iii",
    "ii",
    "party",
    "front",
    "army",
    "council",
    "ministry",
    "government",
    "forces",
    "movement",
    "union",
    "league",
    "group",
}


def _reversed(code: DatedCode) -> bool:
    """A term that ends before it starts (a typo in the source): dropped."""
    return bool(code.start and code.end and code.end < code.start)


def _term(code: DatedCode) -> str:
    """``CODE start..end`` (ISO dates, empty = open) or just ``CODE``."""
    if code.start is None and code.end is None:
        return code.code
    start = code.start.isoformat() if code.start else ""
    end = code.end.isoformat() if code.end else ""
    return f"{code.code} {start}..{end}"


def build_agents(shared: Path) -> list[str]:
    """Rows of agents.tsv: phrase, sector code (first seen wins), source."""
    sources = [
        (shared / "plover" / "PLOVER_agents.NGEC.txt", "plover"),
        (shared / "petrarch2" / "dictionaries" / "Phoenix.agents.txt", "phoenix"),
    ]
    seen: dict[tuple[str, ...], str] = {}
    rows = []
    for path, name in sources:
        for entry in read_agents(path):
            if entry.phrase in seen or not entry.code:
                continue
            seen[entry.phrase] = entry.code
            rows.append(
                "\t".join(
                    [
                        " ".join(entry.phrase).lower(),
                        entry.code,
                        "prefix" if entry.prefix else "",
                        name,
                    ]
                )
            )
    return rows


HEADERS = {
    "states.tsv": "# States: iso3, name, names|nationality words, capital (seat of government), cities.\n"
    "# Generated by scripts/build_actor_data.py from CountryInfo.120116.txt\n"
    "# (c) 2012 Philip A. Schrodt, CC BY-SA 3.0; https://github.com/openeventdata/CountryInfo\n"
    "# States it lacks are added with their ISO 3166 names (pycountry, LGPL data).\n",
    "people.tsv": "# Dated actor codes: names (|), terms (; 'CODE start..end', ISO dates, empty = open), source.\n"
    "# Generated by scripts/build_actor_data.py from Phoenix.Countries.actors.txt\n"
    "# (c) 2014 Open Event Data Alliance, MIT licence; from CountryInfo (CC BY-SA 3.0).\n",
    "international.tsv": "# Organisations and non-state armed groups: names (|), terms (as in people.tsv), source.\n"
    "# Generated by scripts/build_actor_data.py from Phoenix.International.actors.txt and\n"
    "# Phoenix.MilNonState.actors.txt, (c) Open Event Data Alliance, MIT licence.\n"
    "# Codes normalised: IGOUNO -> IGOUN, IGOEUREEC -> IGOEU, MNCxxx -> xxxBUS, NGOxxx -> xxxNGO.\n",
    "agents.tsv": "# Agent (sector) words: phrase (lower case), code, prefix flag, source.\n"
    "# Generated by scripts/build_actor_data.py from PLOVER_agents.NGEC.txt and\n"
    "# Phoenix.agents.txt, (c) Open Event Data Alliance / Parus Analytics, MIT licence.\n",
}


def main() -> None:
    """Write the generated files."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=shared_data_dir())
    args = parser.parse_args()
    if not (args.shared / "countryinfo").is_dir():
        parser.error(Errors.E102.format(path=args.shared))
    OUT.mkdir(parents=True, exist_ok=True)
    for name, builder in (
        ("states.tsv", build_states),
        ("people.tsv", build_people),
        ("international.tsv", build_international),
        ("agents.tsv", build_agents),
    ):
        rows = builder(args.shared)
        (OUT / name).write_text(HEADERS[name] + "\n".join(rows) + "\n", encoding="utf-8")
        print(f"{name}: {len(rows)} rows")


if __name__ == "__main__":
    main()
