"""``eventcoder explain``, ``eventcoder actors unknown`` and ``eventcoder dictionaries check``."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

import click

from eventcoder.cli_options import iso_date
from eventcoder.errors import DictionaryError, Errors, EventcoderError

__all__ = [
    "actors_group",
    "actors_option",
    "dictionaries_group",
    "explain_command",
    "load_coder",
    "verbs_option",
]

EXIT_FAILED, EXIT_USAGE = 1, 2


actors_option = click.option(
    "--actors",
    "actors",
    multiple=True,
    type=click.Path(path_type=Path),
    metavar="FILE",
    help="User actor dictionary (ours or PETRARCH actors/agents/discards); repeatable.",
)
verbs_option = click.option(
    "--verbs",
    "verbs",
    multiple=True,
    type=click.Path(path_type=Path),
    metavar="FILE",
    help="User verb dictionary (ours or PETRARCH's); repeatable.",
)


def load_coder(actors: tuple[Path, ...] = (), verbs: tuple[Path, ...] = ()) -> Any:
    """The coder with user dictionaries; a bad dictionary exits 2 naming every problem."""
    from eventcoder.coder import Coder

    try:
        return Coder.load(actors=actors, verbs=verbs)
    except DictionaryError as exc:
        click.echo(str(exc), err=True)
        sys.exit(EXIT_USAGE)
    except EventcoderError as exc:
        click.echo(str(exc), err=True)
        sys.exit(EXIT_FAILED)


@click.command("explain")
@click.argument("text")
@click.option("--date", callback=iso_date, metavar="YYYY-MM-DD", help="Publication date.")
@click.option("--json", "as_json", is_flag=True, help="JSON instead of readable text.")
@actors_option
@verbs_option
def explain_command(
    text: str,
    date: dt.date | None,
    as_json: bool,
    actors: tuple[Path, ...],
    verbs: tuple[Path, ...],
) -> None:
    """Why TEXT ('-' for standard input) is coded as it is: the parse, each actor's dictionary
    entry (file and line, dated term), each event's verb entry and pattern, negation and
    modality cues, the date and how it was attached, and why other verbs gave no event."""
    from eventcoder.dictionaries.explain import explain

    if text == "-":
        text = sys.stdin.read()
    if not text.strip():
        click.echo(Errors.E909.format(value=text), err=True)
        sys.exit(EXIT_USAGE)
    coder = load_coder(actors, verbs)
    explanation = explain(text, coder, date)
    if as_json:
        click.echo(json.dumps(explanation.to_dict(), ensure_ascii=False, indent=1))
        return
    from eventcoder.dictionaries.render import render_explanation

    render_explanation(explanation)


@click.group("actors")
def actors_group() -> None:
    """Actor dictionaries: what the coder could not code."""


@actors_group.command("unknown")
@click.argument("inputs", nargs=-1)
@click.option("--db", help="Read the events of this store instead of coding INPUT...")
@click.option("--date", callback=iso_date, metavar="YYYY-MM-DD", help="Date of undated inputs.")
@click.option("--top", default=50, show_default=True, help="How many names to list.")
@click.option(
    "--out",
    "out_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write a ready-to-edit actor dictionary here.",
)
@actors_option
@verbs_option
def unknown_command(
    inputs: tuple[str, ...],
    db: str | None,
    date: dt.date | None,
    top: int,
    out_path: Path | None,
    actors: tuple[Path, ...],
    verbs: tuple[Path, ...],
) -> None:
    """The most frequent names and agent phrases that stood as the source or target of a
    dictionary verb but got no code, with counts and example sentences. Coding INPUT...
    reads every such verb; --db reads the events a store holds (an event needs a coded
    source, so only uncoded targets remain there)."""
    from eventcoder.dictionaries.unknown import (
        count_unknown,
        dictionary_text,
        report,
        seen_in_documents,
        seen_in_store,
    )

    if bool(db) == bool(inputs):
        raise click.UsageError("give either --db PATH or INPUT... (not both)")
    try:
        if db:
            from eventcoder.actors.lexicon import Lexicon

            lexicon = Lexicon.load()
            seen = seen_in_store(db)
        else:
            from eventcoder.dictionaries.explain import stage_named

            coder = load_coder(actors, verbs)
            lexicon = stage_named(coder, "actors").coder.lexicon
            seen = seen_in_documents(inputs, coder, date)
        found = count_unknown(seen, lambda w: _is_agent_word(lexicon, w))
    except EventcoderError as exc:
        click.echo(str(exc), err=True)
        sys.exit(EXIT_FAILED)
    click.echo(report(found, top))
    if out_path is not None:
        out_path.write_text(dictionary_text(found, top), encoding="utf-8")
        names = sum(1 for u in found if u.kind != "agent")
        click.echo(f"wrote {min(top, names)} entries to {out_path}", err=True)


def _is_agent_word(lexicon: Any, word: str) -> bool:
    return lexicon.agents.match([word], [word.lower()], 0) is not None


@click.group("dictionaries")
def dictionaries_group() -> None:
    """Check the bundled and user dictionaries."""


@dictionaries_group.command("check")
@click.option("--date", callback=iso_date, metavar="YYYY-MM-DD", help="Coverage as of this date.")
@click.option("--json", "as_json", is_flag=True, help="JSON instead of readable text.")
@actors_option
@verbs_option
def check_command(
    date: dt.date | None, as_json: bool, actors: tuple[Path, ...], verbs: tuple[Path, ...]
) -> None:
    """Every bundled and user entry parses; no two entries conflict silently; the coverage of
    the bundled actor data (states, IGOs, heads of state and government, defence and foreign
    ministers, armed groups) as of --date (default today). Exit 1 when a problem is found."""
    from eventcoder.dictionaries.check import check_dictionaries, render_check

    result = check_dictionaries(actors, verbs, date or dt.date.today())
    if as_json:
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=1))
    else:
        click.echo(render_check(result))
    sys.exit(EXIT_FAILED if result.problems else 0)
