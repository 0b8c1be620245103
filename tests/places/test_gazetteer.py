"""The gazetteer data: size, lookups, our hand-kept list, and broken files."""

from __future__ import annotations

import gzip
import shutil
from collections import defaultdict

import pytest

from eventcoder.errors import ModelError
from eventcoder.places.gazetteer import DATA_DIR, Gazetteer, distance_km, name_key
from eventcoder.places.recognize import Cues

HAND_TYPES = {
    "airbase",
    "airfield",
    "naval_base",
    "military_base",
    "border_crossing",
    "strait",
    "canal",
    "sea",
    "gulf",
    "lake",
    "region",
    "disputed_region",
    "island",
    "facility",
    "bridge",
    "river",
}


AREAS = {"strait", "canal", "sea", "gulf", "lake", "region", "disputed_region", "island"}


def test_gazetteer_file_is_compact():
    assert (DATA_DIR / "gazetteer.tsv.gz").stat().st_size < 2_000_000
    assert (DATA_DIR / "airfields.tsv.gz").stat().st_size < 1_000_000


def test_name_key_folds_accents_case_articles_and_hyphens():
    assert name_key("the Ivano-Frankivsk") == name_key("Ivano Frankivsk")
    assert name_key("Kuźnica") == "kuznica"
    assert name_key("U.S.") == "u.s"


def test_lookups_cover_countries_regions_cities_and_variants(gazetteer):
    kiev = gazetteer.lookup("Kiev")
    assert [(p.name, p.iso3) for p, main in kiev] == [("Kyiv", "UKR")]
    assert not kiev[0][1]  # an alternate spelling, not the main name
    assert {p.iso3 for p, _ in gazetteer.lookup("U.S.")} == {"USA"}
    assert {p.kind for p, _ in gazetteer.lookup("Georgia")} >= {"country", "admin1"}
    assert {p.iso3 for p, _ in gazetteer.lookup("Tripoli")} >= {"LBY", "LBN"}
    tigray = gazetteer.lookup("Tigray")
    assert tigray and tigray[0][0].kind == "admin1" and tigray[0][0].iso3 == "ETH"
    assert gazetteer.neighbours["BLR"] >= {"POL", "UKR", "RUS"}


def test_hand_places_are_complete_and_plausible(gazetteer):
    """Each hand-kept place has a type, a point and a known country, and a base, crossing
    or facility lies near a town of its country (a typo in a coordinate would put it
    elsewhere)."""
    hand = {p for ps in gazetteer.by_key.values() for p, _ in ps if p.kind == "hand"}
    assert len(hand) >= 100
    cities = defaultdict(list)
    for ps in gazetteer.by_key.values():
        for p, main in ps:
            if p.kind == "city" and main:
                cities[p.iso3].append(p)
    for place in hand:
        assert place.type in HAND_TYPES, place
        if place.type == "river":  # a line through several places: no point
            assert place.lat is None and place.lon is None, place
            continue
        assert -90 <= place.lat <= 90 and -180 <= place.lon <= 180, place
        if place.iso3 is None or place.type in AREAS:
            continue
        assert place.iso3 in gazetteer.countries, place
        own = cities[place.iso3]
        if len(own) < 3:
            continue
        nearest = min(distance_km(place.lat, place.lon, c.lat, c.lon) for c in own)
        assert nearest < 150, (place.name, nearest)


def test_hand_list_names_its_sources():
    for line in (DATA_DIR / "hand_places.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            assert line.split("\t")[7].startswith("Wikipedia: "), line


def test_a_broken_data_file_is_a_clear_error(tmp_path):
    for path in DATA_DIR.iterdir():
        shutil.copy(path, tmp_path / path.name)
    with (tmp_path / "hand_places.tsv").open("a", encoding="utf-8") as fh:
        fh.write("Nowhere\tonly two columns\n")
    with pytest.raises(ModelError, match="E103"):
        Gazetteer.load(tmp_path)
    (tmp_path / "gazetteer.tsv.gz").write_bytes(b"not gzip")
    with pytest.raises(ModelError, match="E103"):
        Gazetteer.load(tmp_path)


def test_cue_words_load():
    cues = Cues.load()
    assert "air base" in cues["facility"] and "in" in cues["setting"]
    assert "from" in cues["locative"] and "from" not in cues["setting"]
    assert name_key("August") in cues.not_places


def test_the_field_list_is_indexed_by_short_name_and_kind(gazetteer):
    assert [p.iso3 for p in gazetteer.field("Engels", "airbase")] == ["RUS"]
    edinburgh = gazetteer.field("Edinburgh", "airport")
    assert edinburgh and all(p.type == "airport" and p.iso3 == "GBR" for p in edinburgh)
    assert not gazetteer.field("Nowhere-at-all", "airport")
    assert all(p.lat is not None for ps in gazetteer.fields.values() for p in ps)


def test_optional_villages_count_only_where_the_document_names_their_country(tmp_path, nlp):
    from eventcoder.places.locate import PlaceLocator

    for path in DATA_DIR.iterdir():
        if path.name != "villages.tsv.gz":
            shutil.copy(path, tmp_path / path.name)
    rows = ["city\tZarvitsa\t\tUKR\t\t49.1\t33.2\t800\t1", "city\tOl\t\tNOR\t\t60\t8\t90\t2"]
    with gzip.open(tmp_path / "villages.tsv.gz", "wt", encoding="utf-8") as fh:
        fh.write("# test villages\n" + "\n".join(rows) + "\n")
    locator = PlaceLocator(Gazetteer.load(tmp_path), Cues.load(tmp_path / "cues.tsv"))
    assert "ol" not in locator.gazetteer.by_key  # names of three letters or fewer: never

    def names(text):
        return {p.name for p in locator.find(nlp(text)).places}

    assert "Zarvitsa" not in names("Shells hit houses in Zarvitsa on Monday.")
    assert "Zarvitsa" in names("Shells hit houses in Zarvitsa in Ukraine on Monday.")


def test_the_field_list_holds_military_fields_of_both_sources(gazetteer):
    # OurAirports adds military fields airportsdata lacks, with no ICAO code of their own
    luninets = gazetteer.field("Luninets", "air base")
    assert [(p.iso3, p.type) for p in luninets] == [("BLR", "airbase")]
    assert luninets[0].id.startswith("ourairports:")
    # its alternate names join the field airportsdata has ("Saky" and "Saki" are one base)
    assert gazetteer.field("Saky", "air base") == gazetteer.field("Saki", "air base")
    # the name less the town it serves, and each part of a double name
    assert gazetteer.field("Machulishchy", "air base")[0].iso3 == "BLR"
    assert gazetteer.field("Belbek", "air base")[0].iso3 == "UKR"
    # a compass word alone names no field ("Kursk East Airport")
    assert not gazetteer.field("East", "airport")


def test_hand_kept_field_names_point_at_fields_of_the_list():
    aliases = DATA_DIR / "airfield_aliases.tsv"
    with gzip.open(DATA_DIR / "airfields.tsv.gz", "rt", encoding="utf-8") as fh:
        ids = {line.rstrip("\n").split("\t")[-1] for line in fh if not line.startswith("#")}
    rows = [
        line.rstrip("\n").split("\t")
        for line in aliases.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert rows
    for name, ident, kind, source in rows:
        assert ident in ids, name
        assert kind in {"", "airbase", "airfield", "airport"}
        assert source.startswith(("Wikipedia", "OurAirports: ")) and (
            not source.startswith("OurAirports") or ident.split(":")[-1] in source
        ), name  # an OurAirports reference names the field's own entry


def test_town_aliases_and_bare_arabic_names(gazetteer):
    assert any(p.iso3 == "SYR" and main for p, main in gazetteer.lookup("Palmyra"))
    assert [p.iso3 for p, _ in gazetteer.lookup("Qamishli")] == ["SYR"]
    # never for a state whose names do not go with the article ("El Paso" is no "Paso")
    assert all(p.iso3 != "USA" for p, _ in gazetteer.lookup("Paso"))
    assert name_key("‘Ayn ‘Isa") == "ayn isa"


def test_a_field_known_by_the_names_of_both_villages_beside_it(gazetteer):
    # the military field southeast of Gomel lies between Pribytki and Zyabrovka
    for name in ("Pribytki", "Zyabrovka"):
        fields = gazetteer.field(name, "air base")
        assert [f.id for f in fields] == ["ourairports:BY-4247"], name


def test_english_names_of_regions_and_towns(gazetteer):
    assert [p.iso3 for p, _ in gazetteer.lookup("Gaza City")] == ["PSE"]
    assert any(p.kind == "admin1" and p.iso3 == "UKR" for p, _ in gazetteer.lookup("Volyn"))
    assert any(p.kind == "hand" for p, _ in gazetteer.lookup("Second Thomas Shoal"))
