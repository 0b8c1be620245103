"""The ``eventcoder`` command line.

Sub-commands live in the modules that own them and are imported only when used, so
``eventcoder --help`` stays fast. To add one, add a line to ``COMMANDS`` or
``EVAL_COMMANDS``: ``"name": "module.path:click_command"``.
"""

from __future__ import annotations

import importlib
import logging

import click

__all__ = ["main"]

COMMANDS: dict[str, str] = {
    "code": "eventcoder.cli_code:code_command",
    "model": "eventcoder.nlp.cli:model_group",
    "summary": "eventcoder.analysis.summary:summary_command",
    "conflicts": "eventcoder.analysis.conflicts:conflicts_command",
    "query": "eventcoder.store.cli:query_command",
    "sql": "eventcoder.store.cli:sql_command",
    "search": "eventcoder.store.cli:search_command",
    "link": "eventcoder.store.cli:link_command",
    "migrate": "eventcoder.store.cli:migrate_command",
    "export": "eventcoder.store.exports:export_command",
    "plot": "eventcoder.analysis.cli:plot_group",
    "report": "eventcoder.analysis.cli:report_command",
    "serve": "eventcoder.api.cli:serve_command",
    "explain": "eventcoder.dictionaries.cli:explain_command",
    "actors": "eventcoder.dictionaries.cli:actors_group",
    "dictionaries": "eventcoder.dictionaries.cli:dictionaries_group",
}

EVAL_COMMANDS: dict[str, str] = {
    "model": "eventcoder.nlp.evaluate:eval_model_command",
    "time": "eventcoder.timex.evaluate:eval_time_command",
    "actors": "eventcoder.actors.evaluate:eval_actors_command",
    "claims": "eventcoder.claims.evaluate:eval_claims_command",
    "petrarch": "eventcoder.events.evaluate_petrarch:eval_petrarch_command",
    "plover": "eventcoder.events.evaluate_plover:eval_plover_command",
    "news": "eventcoder.events.evaluate_news:eval_news_command",
    "control": "eventcoder.events.evaluate_control:eval_control_command",
    "places": "eventcoder.places.evaluate:eval_places_command",
}


class LazyGroup(click.Group):
    """A click group whose commands are imported on first use."""

    def __init__(self, *args, lazy: dict[str, str] | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.lazy = dict(lazy or {})

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | set(self.lazy))

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in self.lazy:
            module, _, attr = self.lazy[name].partition(":")
            return getattr(importlib.import_module(module), attr)
        return super().get_command(ctx, name)


@click.group(cls=LazyGroup, lazy=COMMANDS)
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
@click.version_option(package_name="eventcoder")
def main(verbose: int) -> None:
    """eventcoder: who did what to whom, when and where, who claims what — from news text."""
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    if not verbose:  # our own messages already say what happened to each input
        for noisy in ("trafilatura", "htmldate", "courlan"):
            logging.getLogger(noisy).setLevel(logging.ERROR)


@main.group(cls=LazyGroup, lazy=EVAL_COMMANDS, name="eval")
def eval_group() -> None:
    """Measure accuracy against gold data. Each ends with `<name>: found X/Y (P%), extra Z`."""
