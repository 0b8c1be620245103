"""CI gate: real-news event figures on the committed gold (dev and test) stay above their floors.

The floors (``data/floors.json``, section ``news``) sit a little below the figures measured at the
confidence model's precision threshold (see the README); a regression below any of them fails the suite.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from eventcoder.events.evaluate_news import eval_news_command, run_news_eval
from eventcoder.floors import accuracy_floors
from eventcoder.paths import PACKAGE_DIR

FLOORS = accuracy_floors("news")


@pytest.fixture(scope="module")
def coder():
    from eventcoder.coder import Coder

    return Coder.load()


@pytest.mark.slow
@pytest.mark.parametrize("split", ["dev", "test"])
def test_news_figures_meet_their_floors(shared_data: Path, coder, split: str):
    score, _ = run_news_eval(split, data_dir=shared_data, coder=coder)
    figures = score.as_dict()
    for name, floor in FLOORS["floors"][split].items():
        assert figures[name] >= floor, f"{split} {name} {figures[name]:.3f} < {floor}"
    assert score.gold >= FLOORS["min_gold_events"][split]


def test_command_ends_with_the_summary_line(shared_data: Path, tmp_path: Path):
    gold = tmp_path / "one.jsonl"
    first = (PACKAGE_DIR / "data" / "gold" / "news_dev.jsonl").read_text().splitlines()[:3]
    gold.write_text("\n".join(first) + "\n", encoding="utf-8")
    result = CliRunner().invoke(
        eval_news_command, ["--gold", str(gold), "--data-dir", str(shared_data)]
    )
    assert result.exit_code == 0, result.output
    last = result.output.strip().splitlines()[-1]
    assert last.startswith("news: found ") and ", extra " in last
    assert "errors by cause:" in result.output


def test_bad_gold_is_a_clear_error(shared_data: Path, tmp_path: Path):
    gold = tmp_path / "bad.jsonl"
    gold.write_text('{"unit": "x"}\n', encoding="utf-8")
    result = CliRunner().invoke(
        eval_news_command, ["--gold", str(gold), "--data-dir", str(shared_data)]
    )
    assert result.exit_code != 0 and "bad.jsonl:1" in result.output
    assert "Traceback" not in result.output
