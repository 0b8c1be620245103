"""``eventcoder plot timeline|dyad|network`` and ``eventcoder report``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from eventcoder.analysis.load import load_events
from eventcoder.analysis.reading import reading_store
from eventcoder.errors import ConfigError, Errors
from eventcoder.records import EventRecord
from eventcoder.store import Store
from eventcoder.store.options import db_option
from eventcoder.store.query import Filters, parse_filters

__all__ = ["dyad_events", "plot_group", "report_command"]


def _filter_options(func: Callable[..., Any]) -> Callable[..., Any]:
    options = [
        click.option("--cameo", help="CAMEO code or prefix (19 matches 193)."),
        click.option("--since", "--from", "since", help="Dates ending on or after, YYYY-MM-DD."),
        click.option("--until", "--to", "until", help="Dates starting on or before, YYYY-MM-DD."),
        click.option(
            "--mentions",
            is_flag=True,
            help="Count every mention, not each linked real-world event once.",
        ),
        click.option("--include-negated", is_flag=True, help="Keep negated events."),
        click.option(
            "-o",
            "--output",
            type=click.Path(path_type=Path),
            required=True,
            callback=_check_output,
            help="Output file, .png or .svg.",
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return db_option("Store to read")(func)


def _check_output(ctx: click.Context, param: click.Parameter, value: Path) -> Path:
    if value.suffix.lower() not in (".png", ".svg"):
        raise click.BadParameter(Errors.E413.format(path=value))
    return value


def _filters(**values: str | None) -> Filters:
    """Event filters from option values, read by the store's query layer."""
    try:
        return parse_filters("events", values)
    except ConfigError as exc:
        raise click.BadParameter(str(exc)) from exc


def dyad_events(
    store: Store,
    first: str,
    second: str,
    both: bool = True,
    linked: bool = True,
    include_negated: bool = False,
    **filters: str | None,
) -> list[EventRecord]:
    """Events from ``first`` to ``second`` (and back, when ``both``); each is an actor code
    or a country."""
    out = load_events(
        store, _filters(source=first, target=second, **filters), linked, include_negated
    )
    if both:
        out += load_events(
            store, _filters(source=second, target=first, **filters), linked, include_negated
        )
    return out


@click.group("plot")
def plot_group() -> None:
    """Plot stored events: a timeline, a dyad series or an actor network (PNG or SVG)."""


@plot_group.command("timeline")
@click.option("--actor", help="Actor code or country on either side, e.g. BLR or BLRGOV.")
@click.option("--source", help="Source actor code or country; with --target, a dyad.")
@click.option("--target", help="Target actor code or country.")
@click.option("--limit", default=60, show_default=True, help="Most events drawn.")
@_filter_options
def timeline_command(
    db: str, output: Path, mentions: bool, include_negated: bool, limit: int, **values: str | None
) -> None:
    """Events of an actor or dyad over time: a dot per day, a band per month, season or
    year, an open marker for an unknown date."""
    from eventcoder.analysis.plots import save, timeline_figure
    from eventcoder.analysis.series import timeline

    with reading_store(db) as store:
        events = load_events(store, _filters(**values), not mentions, include_negated)
    if not events:
        raise click.ClickException(Errors.E414.format(what=_describe(values)))
    items = timeline(events)
    title = f"Timeline: {_describe(values)} ({len(items)} events)"
    click.echo(save(timeline_figure(items, title, limit), output))


@plot_group.command("dyad")
@click.argument("first")
@click.argument("second")
@click.option("--freq", type=click.Choice(["month", "week"]), default="month", show_default=True)
@click.option("--one-way", is_flag=True, help="Only FIRST -> SECOND, not both directions.")
@_filter_options
def dyad_command(
    db: str,
    output: Path,
    first: str,
    second: str,
    freq: str,
    one_way: bool,
    mentions: bool,
    include_negated: bool,
    **values: str | None,
) -> None:
    """Monthly (or weekly) quad-class counts and mean Goldstein score between two actors."""
    from eventcoder.analysis.plots import dyad_figure, save
    from eventcoder.analysis.series import dyad_series

    with reading_store(db) as store:
        events = dyad_events(
            store, first, second, not one_way, not mentions, include_negated, **values
        )
    points, undated = dyad_series(events, freq)
    if not points:
        raise click.ClickException(Errors.E414.format(what=f"the dyad {first}-{second} (dated)"))
    arrow = "->" if one_way else "<->"
    title = f"{first} {arrow} {second}: {len(events) - undated} dated events, {undated} undated"
    click.echo(save(dyad_figure(points, title, freq), output))


@plot_group.command("network")
@click.option("--actor", help="Only events with this actor (code or country) on either side.")
@click.option("--min-events", default=1, show_default=True, help="Drop lighter edges.")
@_filter_options
def network_command(
    db: str,
    output: Path,
    mentions: bool,
    include_negated: bool,
    min_events: int,
    **values: str | None,
) -> None:
    """Who acts on whom: arrows weighted by event count, coloured by mean Goldstein."""
    from eventcoder.analysis.plots import network_figure, save
    from eventcoder.analysis.series import network

    with reading_store(db) as store:
        events = load_events(store, _filters(**values), not mentions, include_negated)
    net = network(events, min_events)
    if not net.edges:
        raise click.ClickException(Errors.E414.format(what=_describe(values) + " with two actors"))
    title = f"Actor network: {len(net.nodes)} actors, {len(net.edges)} dyads"
    click.echo(save(network_figure(net, title), output))


def _describe(values: dict[str, str | None]) -> str:
    parts = [f"{k}={v}" for k, v in values.items() if v]
    return ", ".join(parts) or "all events"


@click.command("report")
@db_option("Store to read")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=Path("report.html"),
    show_default=True,
    help="HTML file to write.",
)
@click.option("--title", default="eventcoder report", show_default=True)
def report_command(db: str, output: Path, title: str) -> None:
    """A self-contained HTML report of the store (opens with no network access)."""
    from eventcoder.analysis.report import build_report

    with reading_store(db) as store:
        html = build_report(store, title)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(html, encoding="utf-8")
    click.echo(output)
