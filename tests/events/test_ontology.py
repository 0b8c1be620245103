from pathlib import Path

import pytest

from eventcoder.events.ontology import (
    CameoOntology,
    convert_goldstein_table,
    convert_plover_table,
    data_dir,
    quad_class,
)


@pytest.fixture(scope="module")
def ontology() -> CameoOntology:
    return CameoOntology.from_data()


def test_plover(ontology):
    entry = ontology.plover("0312")
    assert entry.category == "AGREE" and "military" in entry.context
    assert ontology.plover("042").mode == "visit"
    assert ontology.plover("1384").category == "THREATEN"
    assert ontology.plover("19").category == "ASSAULT"
    assert ontology.plover("01") is None  # PLOVER drops CAMEO 01


def test_fallback_to_parent_code(ontology):
    assert ontology.plover("0839").category == ontology.plover("083").category


def test_goldstein_and_quad(ontology):
    assert ontology.goldstein("190") == -10.0
    assert ontology.goldstein("057") > 0
    assert [quad_class(c) for c in ("042", "062", "112", "190", "xyz")] == [1, 2, 3, 4, None]


def test_successors(ontology):
    assert ontology.current_category("FIGHT") == "ASSAULT"
    assert ontology.current_category("demand") == "REQUEST"
    assert ontology.current_category("AGREE") == "AGREE"


def test_committed_tables_are_reproducible(shared_data: Path, tmp_path: Path):
    convert_plover_table(shared_data / "plover" / "CAMEO2PLOVER-2021.txt", tmp_path / "p.tsv")
    convert_goldstein_table(
        shared_data / "cameo_codes" / "CAMEO.goldsteinscale.txt", tmp_path / "g.tsv"
    )
    assert (tmp_path / "p.tsv").read_text() == (data_dir() / "cameo_plover.tsv").read_text()
    assert (tmp_path / "g.tsv").read_text() == (data_dir() / "cameo_goldstein.tsv").read_text()
