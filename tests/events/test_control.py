"""The negative control: the coder invents (almost) no events in text that reports none."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventcoder.events.confidence import precision_threshold
from eventcoder.events.evaluate_control import ControlScore, report, run_control
from eventcoder.floors import accuracy_floors

CONTROL = accuracy_floors("control")


@pytest.mark.slow
def test_control_text_stays_below_its_ceilings(shared_data: Path):
    """At the confidence model's default threshold (the tests run with every event kept)."""
    score = run_control(shared_data, min_confidence=precision_threshold())
    assert score.sentences >= CONTROL["min_sentences"]
    assert score.kept <= score.every_event
    for name, most in CONTROL["ceilings"].items():
        assert score.as_dict()[name] <= most, f"{name} {score.as_dict()[name]:.2f} > {most}"


def test_report_ends_with_the_summary_line(capsys):
    score = ControlScore(documents=2, sentences=500, threshold=0.25, every_event=4, kept=1)
    score.triggers["042 visited"] += 1
    score.examples.append((0.4, "USA 042 FRA (visited)", "doc: They visited France."))
    report(score, show=1)
    out = capsys.readouterr().out.splitlines()
    assert "2.0 per 1,000 sentences" in out[1]
    assert "8.0 per 1,000 sentences" in out[2]
    assert "USA 042 FRA" in out[-2]
    assert out[-1] == "control: found 0/0 (-), extra 1"


def test_rates_of_an_empty_control_are_zero():
    assert ControlScore().as_dict() == {"kept_per_1000": 0.0, "every_event_per_1000": 0.0}
