"""``eventcoder eval petrarch``: the PETRARCH unit-test records, from raw text through our parse.

Each ``<Sentence>`` of ``PETR.UnitTest.records.xml`` is parsed by our pipeline (not the
parse in the file), coded with the suite's own toy dictionaries (``PETR.Validate.*``: verbs
converted into our pattern format, actors through the actor stage, the suite's discard list),
and its expected ``(source, target, event)`` codings are compared with ours. Records that test
PETRARCH's handling of a broken parse in the file (``error="bad_input_parse"``) are left out:
we parse the text ourselves. Negated events and events without
both a source and a target are not counted (PETRARCH codes dyads only).
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import click

from eventcoder.errors import Errors, InputError
from eventcoder.paths import shared_data_dir

__all__ = [
    "GoldSentence",
    "PetrarchScore",
    "eval_petrarch_command",
    "read_discards",
    "read_records",
    "run_petrarch_eval",
]

log = logging.getLogger(__name__)

Coding = tuple[str, str, str]


@dataclass(frozen=True)
class GoldSentence:
    """One validation record."""

    id: str
    category: str
    date: dt.date | None
    text: str
    codings: tuple[Coding, ...]


@dataclass
class PetrarchScore:
    """Counts per category: expected, found, extra."""

    gold: Counter = field(default_factory=Counter)
    found: Counter = field(default_factory=Counter)
    extra: Counter = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)

    @property
    def total_gold(self) -> int:
        return sum(self.gold.values())

    @property
    def total_found(self) -> int:
        return sum(self.found.values())

    @property
    def total_extra(self) -> int:
        return sum(self.extra.values())

    @property
    def recall(self) -> float:
        return self.total_found / self.total_gold if self.total_gold else 0.0

    def summary(self) -> str:
        """The closing line every evaluation prints."""
        return (
            f"petrarch: found {self.total_found}/{self.total_gold} "
            f"({100 * self.recall:.1f}%), extra {self.total_extra}"
        )


def _date(text: str | None) -> dt.date | None:
    try:
        return dt.datetime.strptime(text or "", "%Y%m%d").date()
    except ValueError:
        return None


def read_records(path: Path) -> list[GoldSentence]:
    """The validation sentences of a PETRARCH records file."""
    if not path.exists():
        raise InputError(Errors.E803.format(path=path))
    root = ET.parse(path).getroot()
    out = []
    for sentence in root.iter("Sentence"):
        text_node = sentence.find("Text")
        if text_node is None or not (text_node.text or "").strip():
            continue
        if any(c.get("error") == "bad_input_parse" for c in sentence.findall("EventCoding")):
            continue  # tests a broken parse in the file; we parse the text ourselves
        codings = tuple(
            (c.get("sourcecode", ""), c.get("targetcode", ""), c.get("eventcode", ""))
            for c in sentence.findall("EventCoding")
            if c.get("eventcode")
        )
        out.append(
            GoldSentence(
                id=sentence.get("id", ""),
                category=sentence.get("category", ""),
                date=_date(sentence.get("date")),
                text=re.sub(r"\s+", " ", text_node.text or "").strip(),
                codings=codings,
            )
        )
    return out


def read_discards(path: Path) -> list[re.Pattern[str]]:
    """PETRARCH discard phrases (``+`` marks a story discard; both drop the sentence here)."""
    out = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        phrase = line.split("#", 1)[0].strip().lstrip("+").strip()
        if phrase and not phrase.startswith("<"):
            words = [re.escape(w) for w in re.split(r"[\s_]+", phrase)]
            out.append(re.compile(r"\b" + r"\s+".join(words) + r"\b", re.IGNORECASE))
    return out


def _predicted(events) -> list[Coding]:
    """Our dyads; an actor with several codes ("FRO/BIL/SAM") gives one dyad per code,
    as PETRARCH does."""
    out = []
    for event in events:
        if event.negated or event.source is None or event.target is None:
            continue
        if not (event.source.code and event.target.code):
            continue
        for source in event.source.code.split("/"):
            for target in event.target.code.split("/"):
                coding = (source, target, event.cameo)
                if source and target and coding not in out:
                    out.append(coding)
    return out


def run_petrarch_eval(data_dir: Path | None = None, limit: int | None = None) -> PetrarchScore:
    """Run the suite and count found / missed / extra codings per category."""
    from eventcoder.actors import ActorCoder
    from eventcoder.events.extract import EventExtractor
    from eventcoder.nlp.pipeline import load_pipeline

    folder = (data_dir or shared_data_dir()) / "petrarch2"
    records = read_records(folder / "validation" / "PETR.UnitTest.records.xml")[:limit]
    dictionaries = folder / "dictionaries"
    # the toy verb dictionary is coded in WEIS, not CAMEO: no CAMEO complement recoding
    extractor = EventExtractor.from_data(
        verbs=dictionaries / "PETR.Validate.verbs.txt", recode=False
    )
    find_actors = ActorCoder.from_petrarch(
        dictionaries / "PETR.Validate.actors.txt", dictionaries / "PETR.Validate.agents.txt"
    ).find
    discards = read_discards(dictionaries / "PETR.Validate.discards.txt")
    nlp = load_pipeline()
    score = PetrarchScore()
    for record, doc in zip(records, nlp.pipe(r.text for r in records)):
        predicted = (
            []
            if any(d.search(record.text) for d in discards)
            else _predicted(extractor.extract(doc, find_actors(doc, record.date)))
        )
        gold = Counter(record.codings)
        hits = Counter(predicted) & gold
        score.gold[record.category] += sum(gold.values())
        score.found[record.category] += sum(hits.values())
        score.extra[record.category] += sum((Counter(predicted) - gold).values())
        if Counter(predicted) != gold:
            score.misses.append(f"{record.id}: gold {sorted(gold)} ours {predicted}")
    return score


def _report(score: PetrarchScore, show: int) -> None:
    click.echo(f"{'category':<10} {'gold':>5} {'correct':>8} {'missed':>7} {'extra':>6}")
    for category in sorted(set(score.gold) | set(score.extra)):
        gold, found = score.gold[category], score.found[category]
        click.echo(
            f"{category:<10} {gold:>5} {found:>8} {gold - found:>7} {score.extra[category]:>6}"
        )
    click.echo(
        f"{'total':<10} {score.total_gold:>5} {score.total_found:>8} "
        f"{score.total_gold - score.total_found:>7} {score.total_extra:>6}"
    )
    for line in score.misses[:show]:
        click.echo(line)
    click.echo(score.summary())


@click.command("petrarch")
@click.option(
    "--data-dir",
    type=click.Path(path_type=Path),
    default=None,
    help="Shared data folder (default: $EVENTCODER_SHARED_DATA or ../shared/data).",
)
@click.option("--limit", type=int, default=None, help="Only the first N sentences.")
@click.option("--show", type=int, default=0, help="Print N sentences that differ from gold.")
def eval_petrarch_command(data_dir: Path | None, limit: int | None, show: int) -> None:
    """PETRARCH unit-test records through our parse: correct / missed / extra per category."""
    _report(run_petrarch_eval(data_dir, limit), show)
