"""CI gate: real-news event figures on the committed gold (dev and test) stay above their floors.

The floors (``data/floors.json``, section ``news``) sit a little below the figures measured at the
confidence model's default threshold and with every event kept (see the README); a regression below
any of them fails the suite.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from eventcoder.events.confidence import precision_threshold
from eventcoder.events.evaluate_news import (
    coded_events,
    default_gold,
    eval_news_command,
    run_news_eval,
    score_units,
)
from eventcoder.events.news_gold import read_gold
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
    """At the default threshold (what `eval news` and `eventcoder code` give) and with every
    event kept (`--min-confidence 0`), from one coding of the split."""
    score, events = run_news_eval(split, data_dir=shared_data, coder=coder, min_confidence=0.0)
    assert score.gold >= FLOORS["min_gold_events"][split]
    gold = read_gold(default_gold(split))
    by_doc: dict[str, list] = {}
    for unit in gold:
        by_doc.setdefault(unit.doc, []).append(unit)
    floor = precision_threshold()
    kept = [e for e in events if (e.confidence or 0.0) >= floor]
    coded: dict = {}
    for doc, units in by_doc.items():
        coded.update(coded_events([e for e in kept if e.doc_id == doc], units))
    at_default = score_units(gold, coded)
    for key, result in ((split, at_default), (f"{split}_every_event", score)):
        figures = result.as_dict()
        for name, least in FLOORS["floors"][key].items():
            assert figures[name] >= least, f"{key} {name} {figures[name]:.3f} < {least}"


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
