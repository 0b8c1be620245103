"""``eventcoder model ...``: rebuild and inspect the bundled pipeline."""

from __future__ import annotations

from pathlib import Path
from typing import cast

import click

__all__ = ["model_group"]


@click.group(name="model")
def model_group() -> None:
    """Train or inspect the bundled English pipeline."""


@model_group.command("train")
@click.option(
    "--data-dir",
    type=click.Path(path_type=Path),
    default=None,
    help="Shared data folder (default: ../shared/data or $EVENTCODER_SHARED_DATA).",
)
@click.option(
    "--work-dir",
    type=click.Path(path_type=Path),
    default=Path("training"),
    show_default=True,
    help="Where corpora and checkpoints go.",
)
@click.option(
    "--output",
    type=click.Path(path_type=Path),
    default=None,
    help="Where the pipeline is saved (default: src/eventcoder/models/en_eventcoder, the copy shipped in the package).",
)
@click.option(
    "--minutes",
    type=float,
    default=52.0,
    show_default=True,
    help="Wall-clock budget of the syntax training (entities get 40/52 of it).",
)
@click.option(
    "--syntax-steps",
    type=click.IntRange(min=200),
    default=None,
    help="Bound the syntax training by steps instead of minutes (same result on any machine).",
)
@click.option(
    "--vectors",
    type=click.Path(path_type=Path, exists=True, file_okay=False),
    default=None,
    help="Static word vectors for the syntax tok2vec: a folder made by scripts/prune_vectors.py.",
)
@click.option(
    "--ner-from",
    type=click.Path(path_type=Path, exists=True, file_okay=False),
    default=None,
    help="Take the entity recognizer from this pipeline instead of training one.",
)
def train_command(
    data_dir: Path | None,
    work_dir: Path,
    output: Path | None,
    minutes: float,
    syntax_steps: int | None,
    vectors: Path | None,
    ner_from: Path | None,
) -> None:
    """Rebuild the pipeline from UD English EWT + GUM (about an hour on 2 cores)."""
    from dataclasses import replace

    from eventcoder.errors import Errors
    from eventcoder.nlp.train import default_plan, train_pipeline

    plan = default_plan(work_dir)
    plan = replace(
        plan,
        syntax_minutes=minutes,
        ner_minutes=minutes * 40 / 52,
        syntax_steps=syntax_steps,
        vectors=vectors,
        ner_from=ner_from,
    )
    if data_dir is not None:
        plan = replace(plan, data_dir=data_dir)
    if output is not None:
        plan = replace(plan, output_dir=output)
    if not (plan.data_dir / "ud_english_ewt").exists():
        raise click.ClickException(Errors.E102.format(path=plan.data_dir))
    budget = f"{syntax_steps} steps" if syntax_steps else f"up to {minutes:.0f} minutes"
    click.echo(f"training syntax for {budget}; logs in {work_dir}/*/train.log")
    out = train_pipeline(plan)
    click.echo(f"saved pipeline to {out}; now run `eventcoder eval model`")


@model_group.command("info")
def info_command() -> None:
    """Show where the pipeline is and what it contains."""
    from spacy.pipeline import EntityRecognizer

    from eventcoder.nlp.pipeline import load_pipeline
    from eventcoder.paths import default_model_dir

    nlp = load_pipeline()
    click.echo(f"path: {default_model_dir()}")
    click.echo(f"pipes: {', '.join(nlp.pipe_names)}")
    ner = cast(EntityRecognizer, nlp.get_pipe("ner"))
    click.echo(f"entity labels: {', '.join(ner.labels)}")
