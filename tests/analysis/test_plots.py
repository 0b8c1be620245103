"""`eventcoder plot ...` and `eventcoder report`: files that open, clear errors."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from eventcoder.cli import main

PNG = b"\x89PNG\r\n\x1a\n"


def run(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.mark.parametrize(
    ("args", "name"),
    [
        (["timeline", "--actor", "RUR"], "t.png"),
        (["timeline", "--source", "RURGOV", "--target", "FRE"], "t.svg"),
        (["dyad", "RURGOV", "FRE"], "d.png"),
        (["dyad", "FRE", "RURGOV", "--freq", "week", "--one-way"], "d.svg"),
        (["network"], "n.png"),
    ],
)
def test_plots_are_written(db_path, tmp_path, args, name):
    out = tmp_path / name
    result = run("plot", *args, "--db", db_path, "-o", str(out))
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    assert data.startswith(PNG) if name.endswith(".png") else b"<svg" in data[:2000]
    assert len(data) > 5000


def test_plot_refuses_a_bad_extension_and_an_empty_selection(db_path, tmp_path):
    result = run("plot", "network", "--db", db_path, "-o", str(tmp_path / "n.pdf"))
    assert result.exit_code == 2 and "E413" in result.output
    result = run(
        "plot", "timeline", "--actor", "XYZ", "--db", db_path, "-o", str(tmp_path / "t.png")
    )
    assert result.exit_code == 1 and "E414" in result.output
    result = run(
        "plot", "timeline", "--cameo", "1x", "--db", db_path, "-o", str(tmp_path / "t.png")
    )
    assert result.exit_code == 2 and "E401" in result.output
    result = run(
        "plot", "network", "--db", str(tmp_path / "none.duckdb"), "-o", str(tmp_path / "n.png")
    )
    assert result.exit_code == 1 and "E223" in result.output


def test_report_is_self_contained(db_path, tmp_path):
    out = tmp_path / "report.html"
    result = run("report", "--db", db_path, "-o", str(out))
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    for heading in (
        "Documents",
        "Timeline",
        "dyad",
        "Actor network",
        "Conflicting figures",
        "Events",
    ):
        assert heading in html
    assert html.count("<svg") == 3
    assert "3,000" in html and "Freedonian ministry" in html  # the conflict, side by side
    # nothing is loaded from anywhere: no src/href attributes, no url() in styles
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert not re.search(r"url\((?!#)", html) and "@import" not in html  # only url(#local)
