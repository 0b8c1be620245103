"""A wheel built from the repository carries the pipeline and codes text once installed.

The wheel is built offline (``pip wheel --no-deps --no-build-isolation --no-index``, with the
pinned setuptools of the test extra) from a copy of the source tree, installed with
``--no-deps --no-index`` into a fresh virtual environment, and run from a folder outside the
source tree with ``PYTHONPATH`` and ``EVENTCODER_MODEL`` unset. To avoid downloading the
dependencies again, the fresh environment sees the test environment's installed packages
through a path file (like ``venv --system-site-packages``), but eventcoder itself comes only
from the wheel: the test checks that the imported package and the model it loads both live
inside the new environment.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
MODEL_FILES = ("config.cfg", "meta.json", "tok2vec/model", "parser/model", "ner/model")

# Run inside the fresh environment: refuse any network connection, then code one sentence.
CODE_ONE_SENTENCE = """
import json, socket
def refuse(*args, **kwargs):
    raise AssertionError("network access")
socket.socket.connect = refuse
import eventcoder
from eventcoder.paths import default_model_dir
records = eventcoder.code(  # every event kept: this checks the packaging, not the model
    "On Monday the European Union imposed new sanctions on Belarus.",
    date="2022-11-15",
    min_confidence=0,
)
print(json.dumps({
    "package": eventcoder.__file__,
    "model": str(default_model_dir()),
    "kinds": [r.to_dict()["record"] for r in records],
}))
"""


def _clean_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "EVENTCODER_"))}
    env.update(PIP_NO_INDEX="1", PIP_DISABLE_PIP_VERSION_CHECK="1", PIP_NO_INPUT="1")
    return env


def _run(cmd: list[str], cwd: Path, **kwargs) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(
        cmd, cwd=cwd, env=_clean_env(), capture_output=True, text=True, check=False, **kwargs
    )
    assert proc.returncode == 0, f"{cmd[:4]} failed:\n{proc.stdout[-2000:]}\n{proc.stderr[-4000:]}"
    return proc


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The wheel, built offline from a copy of the source tree (the checkout stays clean)."""
    src = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy2(REPO / name, src / name)
    shutil.copytree(
        REPO / "src",
        src / "src",
        ignore=shutil.ignore_patterns("__pycache__", "*.egg-info", "*.pyc"),
    )
    dist = tmp_path_factory.mktemp("dist")
    _run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "--wheel-dir",
            str(dist),
            str(src),
        ],
        cwd=src,
    )
    (built,) = dist.glob("eventcoder-*.whl")
    return built


@pytest.mark.wheel
def test_wheel_carries_the_pipeline(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for part in MODEL_FILES:
        assert f"eventcoder/models/en_eventcoder/{part}" in names
    assert "eventcoder/data/floors.json" in names


@pytest.mark.wheel
def test_installed_wheel_codes_text_outside_the_source_tree(wheel, tmp_path):
    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", str(venv)], cwd=tmp_path)
    python = venv / "bin" / "python"
    site = Path(
        _run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
            cwd=tmp_path,
        ).stdout.strip()
    )
    # The dependencies, as with --system-site-packages; their own .pth files (our editable
    # install among them) are not processed, so eventcoder can only come from the wheel.
    deps = {sysconfig.get_path("purelib"), sysconfig.get_path("platlib")}
    (site / "zz_test_dependencies.pth").write_text("\n".join(sorted(deps)) + "\n")
    _run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--quiet",
            "--no-deps",
            "--no-index",
            str(wheel),
        ],
        cwd=tmp_path,
    )
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    result = json.loads(_run([str(python), "-c", CODE_ONE_SENTENCE], cwd=outside).stdout)
    assert Path(result["package"]).is_relative_to(site)
    assert Path(result["model"]).is_relative_to(site / "eventcoder" / "models")
    assert "event" in result["kinds"]
    # The console script works the same way.
    cli = _run(
        [
            str(venv / "bin" / "eventcoder"),
            "code",
            "-",
            "--date",
            "2022-11-15",
            "--min-confidence",
            "0",
        ],
        cwd=outside,
        input="On Monday the European Union imposed new sanctions on Belarus.\n",
    )
    kinds = [json.loads(line)["record"] for line in cli.stdout.splitlines() if line.strip()]
    assert "event" in kinds
