"""Local worker processes and a local Dask cluster give the records of one process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventcoder.cli import main
from eventcoder.paths import REPO_DIR, default_model_dir

pytestmark = pytest.mark.skipif(not default_model_dir().exists(), reason="no trained pipeline")

EXAMPLES = REPO_DIR / "examples"
EXTRA = [
    (
        "On Monday the Ruritanian army shelled positions near the border town of Kell, and the "
        "government in Strelsau said it would close the crossing until further notice."
    ),
    (
        "Officials in Lusaka said on Friday that about 2,000 families had left the flooded "
        "district, while aid groups put the number at more than 5,000."
    ),
    (
        "The foreign ministers of Chile and Peru met in Lima on 3 May 2023 and signed an "
        "agreement on fishing rights. They will meet again in September."
    ),
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled examples and a few short items of our own, in one folder."""
    folder = tmp_path_factory.mktemp("corpus")
    for path in EXAMPLES.iterdir():
        (folder / path.name).write_bytes(path.read_bytes())
    lines = [
        json.dumps({"id": f"extra-{n}", "text": text, "date": "2023-05-08"})
        for n, text in enumerate(EXTRA)
    ]
    (folder / "extra.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def _code(corpus: Path, out: Path, *args: str) -> str:
    result = CliRunner().invoke(main, ["code", str(corpus), "-o", str(out), *args])
    assert result.exit_code == 0, result.stderr
    assert "Traceback" not in result.stderr
    return out.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def one_worker(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The records of a run in this one process."""
    out = _code(corpus, tmp_path_factory.mktemp("one") / "r.jsonl", "--workers", "1")
    kinds = {json.loads(line)["record"] for line in out.splitlines()}
    assert len(out.splitlines()) > 50 and {"document", "event", "claim"} <= kinds
    return out


def test_two_local_workers_give_the_records_of_one(
    corpus: Path, one_worker: str, tmp_path: Path
) -> None:
    out = _code(corpus, tmp_path / "r.jsonl", "--workers", "2", "--worker-batch", "1")
    assert out == one_worker


def test_a_local_dask_cluster_gives_the_records_of_one(
    corpus: Path, one_worker: str, tmp_path: Path
) -> None:
    pytest.importorskip("distributed")
    import pyarrow.parquet as pq

    parts = tmp_path / "parts"
    out = _code(
        corpus,
        tmp_path / "r.jsonl",
        *("--engine", "dask", "--workers", "2", "--worker-batch", "1", "--parquet", str(parts)),
    )
    assert out == one_worker
    payloads = [
        payload
        for path in sorted(parts.glob("part-*.parquet"))
        for payload in pq.read_table(path).column("payload").to_pylist()
    ]
    expected = [json.loads(line) for line in one_worker.splitlines()]
    assert [json.loads(p) for p in payloads] == expected
    assert len(list(parts.glob("part-*.parquet"))) == 8  # one partition per batch
