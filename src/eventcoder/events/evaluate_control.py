"""A negative control for event precision: text that reports no political events.

GUM's how-to guides, travel guides, academic writing, vlogs, conversations and fiction state
no act an event dataset would record, so every event the coder outputs there is an invented
one. The rate (events per 1,000 sentences, at the default confidence threshold and with every
event kept) shows how much a user gets from text that is not news, where a gold set of events
cannot say it (a gold set only scores the documents it covers). GUM textbooks, biographies,
speeches, interviews, court, essays, letters and podcasts are left out: they may report real
political acts.

The rules were never studied on these genres; the ceilings in ``data/floors.json`` (section
``control``) keep regressions out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import click

from eventcoder.events.news_corpus import NewsDoc, read_gum
from eventcoder.paths import shared_data_dir

if TYPE_CHECKING:
    from eventcoder.coder import Coder

__all__ = [
    "CONTROL_GENRES",
    "ControlScore",
    "control_documents",
    "eval_control_command",
    "run_control",
]


CONTROL_GENRES: tuple[str, ...] = ("whow", "voyage", "academic", "vlog", "conversation", "fiction")


@dataclass
class ControlScore:
    """What the coder output on the control text: events at each threshold, with examples."""

    documents: int = 0
    sentences: int = 0
    threshold: float = 0.0
    every_event: int = 0
    kept: int = 0
    triggers: Counter[str] = field(default_factory=Counter)  # kept events: "CAMEO trigger"
    examples: list[tuple[float, str, str]] = field(default_factory=list)  # (conf, event, text)

    def per_thousand(self, count: int) -> float:
        """``count`` per 1,000 sentences."""
        return 1000.0 * count / self.sentences if self.sentences else 0.0

    def as_dict(self) -> dict[str, float]:
        """The figures the ceilings are checked against."""
        return {
            "kept_per_1000": self.per_thousand(self.kept),
            "every_event_per_1000": self.per_thousand(self.every_event),
        }


def control_documents(
    data_dir: Path, genres: tuple[str, ...] = CONTROL_GENRES
) -> Iterator[NewsDoc]:
    """Every GUM document of ``genres`` (train, dev and test), as running text."""
    return read_gum(data_dir, genres)


def run_control(
    data_dir: Path | None = None,
    coder: Coder | None = None,
    min_confidence: float | None = None,
    genres: tuple[str, ...] = CONTROL_GENRES,
) -> ControlScore:
    """Code the control documents with every event kept and count the events at 0 and at
    ``min_confidence`` (default: the coder's threshold)."""
    from eventcoder.coder import Coder
    from eventcoder.records import EventRecord

    coder = coder or Coder.load()
    threshold = coder.min_confidence if min_confidence is None else min_confidence
    score = ControlScore(threshold=threshold)
    for doc in control_documents(data_dir or shared_data_dir(), genres):
        score.documents += 1
        score.sentences += len(doc.units)
        for record in coder.code(doc.text, doc_id=doc.doc_id, min_confidence=0.0):
            if not isinstance(record, EventRecord):
                continue
            score.every_event += 1
            confidence = record.confidence or 0.0
            if confidence < threshold:
                continue
            score.kept += 1
            score.triggers[f"{record.cameo} {(record.trigger or '').lower()}"] += 1
            source = record.source.code if record.source else None
            target = record.target.code if record.target else None
            event = f"{source} {record.cameo} {target} ({record.trigger})"
            sentence = " ".join((record.sentence_text or "").split())
            score.examples.append((confidence, event, f"{doc.doc_id}: {sentence}"))
    score.examples.sort(key=lambda item: -item[0])
    return score


def report(score: ControlScore, show: int) -> None:
    """Print the control figures, the commonest kept triggers and ``show`` examples."""
    click.echo(
        f"control text: {score.documents} GUM documents ({', '.join(CONTROL_GENRES)}), "
        f"{score.sentences} sentences; every event here is invented"
    )
    click.echo(
        f"events at the threshold {score.threshold:.3f}: {score.kept} "
        f"({score.per_thousand(score.kept):.1f} per 1,000 sentences)"
    )
    click.echo(
        f"events with every event kept: {score.every_event} "
        f"({score.per_thousand(score.every_event):.1f} per 1,000 sentences)"
    )
    if score.triggers:
        common = ", ".join(f"{key} x{n}" for key, n in score.triggers.most_common(8))
        click.echo(f"commonest kept: {common}")
    for confidence, event, text in score.examples[:show]:
        click.echo(f"  {confidence:.2f} {event} | {text[:160]}")
    click.echo(f"control: found 0/0 (-), extra {score.kept}")


@click.command("control")
@click.option(
    "--data-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Shared data folder (default: $EVENTCODER_SHARED_DATA or ../shared/data).",
)
@click.option(
    "--min-confidence",
    type=click.FloatRange(0, 1),
    default=None,
    help="Count events at this confidence (default: the model's default threshold).",
)
@click.option("--show", type=int, default=0, show_default=True, help="Print N kept events.")
def eval_control_command(data_dir: Path | None, min_confidence: float | None, show: int) -> None:
    """Negative control: events output on GUM text that reports none (how-to, travel, academic,
    vlogs, conversation, fiction); every one is invented."""
    try:
        score = run_control(data_dir, min_confidence=min_confidence)
    except FileNotFoundError as exc:
        raise click.ClickException(str(exc)) from exc
    report(score, show)
