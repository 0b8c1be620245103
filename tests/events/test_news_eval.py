"""The real-news gold: reading annotator files, matching coded events to gold, scoring."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventcoder.errors import InputError
from eventcoder.events.evaluate_news import score_units
from eventcoder.events.news_corpus import NewsDoc
from eventcoder.events.news_gold import (
    GoldEvent,
    GoldUnit,
    build_gold,
    check_annotation_file,
    read_gold,
    write_gold,
)
from eventcoder.events.news_match import Coded, actor_agrees, match_unit

TEXT = "Police in Ruritania arrested two activists. The minister praised them. Nothing else."
DOC = NewsDoc("doc_a", TEXT, "2020-05-04", "t", ((0, 43), (44, 71), (72, 85)))


def gold(span, source, target, cameo, **kw) -> GoldEvent:
    return GoldEvent(trigger_span=span, source=source, target=target, cameo=cameo, **kw)


def coded(span, source, target, cameo, **kw) -> Coded:
    return Coded(trigger_span=span, source=source, target=target, cameo=cameo, **kw)


def test_actor_agrees_on_country_and_organisations():
    assert actor_agrees("RUSCOP", "RUS")
    assert actor_agrees("RUS", "RUSGOVMIL")
    assert not actor_agrees("RUSCOP", "UKRCOP")
    assert not actor_agrees("RUSCOP", None)
    assert actor_agrees("---CVL", None)  # country-less gold: anything goes
    assert actor_agrees(None, "USA")  # no gold target
    assert actor_agrees("IGOUNO", "IGOUNHLHWHO")  # alias, then prefix
    assert actor_agrees("IGONAT", "IGONATO")
    assert not actor_agrees("IGOEU", "IGOUN")
    assert not actor_agrees("IGO", "IGOEU")  # a bare IGO is too short to stand for one


def test_match_levels_and_overlap_preference():
    g = [gold((20, 28), "RUSCOP", "RUSCVL", "173")]
    # same unit, other trigger: still a match (unit-level), full code equal
    result = match_unit(g, [coded((0, 6), "RUSCOP", "RUSOPP", "173")])
    assert len(result.pairs) == 1 and result.pairs[0].full
    # same root, other sub-code: strict only
    result = match_unit(g, [coded((20, 28), "RUS", "RUS", "1711")])
    assert len(result.pairs) == 1 and not result.pairs[0].full
    # two candidates: the overlapping one wins the gold event, the other is extra
    result = match_unit(g, [coded((0, 6), "RUS", "RUS", "17"), coded((20, 28), "RUS", "RUS", "17")])
    assert result.pairs[0].coded.trigger_span == (20, 28)
    assert [cause for _, cause in result.extra] == ["spurious"]


def test_causes_of_errors():
    g = [gold((20, 28), "RUSCOP", "RUSCVL", "173")]
    assert match_unit(g, [coded((20, 28), "UKR", "RUS", "173")]).extra[0][1] == "wrong_source"
    assert match_unit(g, [coded((20, 28), "RUS", "UKR", "173")]).extra[0][1] == "wrong_target"
    g2 = [gold((20, 28), "RUSCOP", "UKRCVL", "173")]
    assert match_unit(g2, [coded((20, 28), "UKR", "RUS", "173")]).extra[0][1] == "swapped"
    assert match_unit(g, [coded((20, 28), "RUS", "RUS", "111")]).extra[0][1] == "wrong_root"
    assert match_unit([], [coded((1, 2), "RUS", "RUS", "111")]).extra[0][1] == "no_event_unit"
    twice = [coded((20, 28), "RUS", "RUS", "173"), coded((20, 28), "RUS", "RUS", "173")]
    result = match_unit(g, twice)
    assert len(result.pairs) == 1 and [c for _, c in result.extra] == ["duplicate"]
    assert match_unit(g, []).missed[0][1] == "missed_silent"
    assert match_unit(g, [coded((0, 3), "USA", "FRA", "042")]).causes()["missed"] == 1


def test_score_units_counts_precision_recall_and_attributes():
    units = [
        GoldUnit(
            "doc_a#0",
            "doc_a",
            (0, 43),
            (gold((20, 28), "RUSCOP", "RUSCVL", "173", date=("2020-05-01", "2020-05-01")),),
        ),
        GoldUnit("doc_a#1", "doc_a", (44, 71), (gold((57, 64), "RUSGOV", "RUSCVL", "051"),)),
        GoldUnit("doc_a#2", "doc_a", (72, 85), ()),
    ]
    ours = {
        "doc_a#0": [
            coded(
                (20, 28), "RUS", "RUS", "1731", date=("2020-05-01", "2020-05-01"), granularity="day"
            )
        ],
        "doc_a#1": [coded((57, 64), "RUSGOV", "RUS", "051", negated=True, granularity="day")],
        "doc_a#2": [coded((72, 79), "RUS", None, "010")],
    }
    score = score_units(units, ours)
    assert (score.gold, score.coded, score.strict, score.full) == (2, 3, 2, 1)
    assert score.precision() == pytest.approx(2 / 3) and score.recall() == 1.0
    assert score.precision(full=True) == pytest.approx(1 / 3)
    assert score.negation_right == 1 and score.date_exact == 1 and score.undated_right == 0
    assert score.causes["no_event_unit"] == 1
    assert score.summary() == "news: found 2/2 (100.0%), extra 1"


def _write(path: Path, rows) -> Path:
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


def _event(**kw):
    base = {
        "trigger": "arrested",
        "source": "RUSCOP",
        "target": "---CVL",
        "cameo": "173",
        "negated": False,
        "modality": "asserted",
        "date": None,
    }
    return {**base, **kw}


def test_annotation_file_is_located_and_validated(tmp_path: Path):
    path = _write(
        tmp_path / "a.jsonl",
        [
            {"doc": "doc_a", "date": "", "title": ""},
            {"unit": "doc_a#0", "events": [_event()]},
            {"unit": "doc_a#1", "events": [_event(trigger="praised", cameo="51")]},
            {"unit": "doc_a#2", "events": []},
        ],
    )
    units, problems = check_annotation_file(path, {"doc_a": DOC}, "A1", {"173", "051"})
    assert [u.unit for u in units] == ["doc_a#0", "doc_a#2"]
    assert units[0].events[0].trigger_span == (20, 28)
    assert TEXT[20:28] == "arrested"
    assert len(problems) == 1 and "a.jsonl:3" in str(problems[0]) and "cameo" in str(problems[0])


@pytest.mark.parametrize(
    ("event", "message"),
    [
        (_event(trigger="detained"), "not in the unit text"),
        (_event(source="police"), "not an actor code"),
        (_event(modality="maybe"), "modality"),
        (_event(date=["2020-05-02", "2020-05-01"]), "ends before"),
        (_event(negated="no"), "negated"),
    ],
)
def test_bad_events_are_named(tmp_path: Path, event, message):
    path = _write(tmp_path / "b.jsonl", [{"unit": "doc_a#0", "events": [event]}])
    units, problems = check_annotation_file(path, {"doc_a": DOC}, "A1")
    assert not units
    assert any(message in str(p) and ":1:" in str(p) for p in problems)
    assert any("not annotated" in str(p) for p in problems)  # units 1 and 2 are absent


def test_build_prefers_first_annotator_and_roundtrips(tmp_path: Path):
    rows_a1 = [{"unit": f"doc_a#{i}", "events": []} for i in range(3)]
    rows_a2 = [{"unit": "doc_a#0", "events": [_event()]}] + rows_a1[1:]
    for name, rows in (("A1", rows_a1), ("A2", rows_a2)):
        (tmp_path / name).mkdir()
        _write(tmp_path / name / "doc_a.jsonl", rows)
    units, problems = build_gold([("A1", tmp_path / "A1"), ("A2", tmp_path / "A2")], {"doc_a": DOC})
    assert not problems and {u.annotator for u in units} == {"A1"}
    out = tmp_path / "gold.jsonl"
    write_gold(units, out)
    assert "Police" not in out.read_text(encoding="utf-8")  # offsets, never text
    assert read_gold(out) == units


def test_read_gold_names_the_bad_line(tmp_path: Path):
    path = tmp_path / "g.jsonl"
    path.write_text('{"unit": "d#0", "doc": "d", "span": [0, 5], "events": []}\n{"unit": 1}\n')
    with pytest.raises(InputError, match=r"g.jsonl:2"):
        read_gold(path)
    with pytest.raises(InputError, match="not found"):
        read_gold(tmp_path / "absent.jsonl")
