"""Matplotlib figures of the analysis series: timeline, dyad series, actor network.

Each ``*_figure`` function returns a Figure (drawn with the non-interactive Agg back-end);
:func:`save` writes it to ``.png`` or ``.svg``. Nothing is shown on screen.
"""

from __future__ import annotations

import datetime as dt
import io
import math
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
from matplotlib.artist import Artist
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from eventcoder.analysis.series import QUAD_NAMES, DyadPoint, Network, TimelineItem
from eventcoder.errors import ConfigError, Errors

__all__ = ["dyad_figure", "figure_bytes", "network_figure", "save", "timeline_figure"]

QUAD_COLOURS = {1: "#6baed6", 2: "#2171b5", 3: "#fd8d3c", 4: "#cb181d", None: "#969696"}


def _day(value: str | None) -> dt.date | None:
    if not value or len(value) != 10:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _num(day: dt.date | None) -> float:
    """Matplotlib's day number of a date (0.0 for none)."""
    return float(mdates.date2num(day)) if day else 0.0


def _range(dated: list[dt.date]) -> tuple[float, float]:
    """The x range: all dates, but from the 10th percentile on when a few stray old dates
    would squeeze the rest into a corner (earlier events are then drawn at the left edge)."""
    if not dated:
        today = dt.date.today()
        return _num(today - dt.timedelta(days=30)), _num(today)
    days = sorted(dated)
    first, last = days[0], days[-1]
    if len(days) >= 10:
        p10 = days[len(days) // 10]
        if (last - p10) < (last - first) / 3:
            first = p10
    pad = max(dt.timedelta(days=3), (last - first) / 20)
    return _num(first - pad), _num(last + pad)


def timeline_figure(items: list[TimelineItem], title: str = "Timeline", limit: int = 60) -> Figure:
    """One row per event: a dot for a day, a band for a longer interval (month, season,
    year...), and for an undated event an open marker at the latest day it can have
    happened (its document's date) with a dashed line leading up to it."""
    items = items[:limit]
    dated = [d for i in items for d in (_day(i.start), _day(i.end)) if d]
    height = max(2.5, 0.28 * len(items) + 1.2)
    fig, ax = plt.subplots(figsize=(9, height), layout="constrained")
    left, right = _range(dated)
    for row, item in enumerate(items):
        y = len(items) - row
        colour = QUAD_COLOURS.get(item.quad_class, QUAD_COLOURS[None])
        start, end = _num(_day(item.start)), _num(_day(item.end))
        if item.shape == "point" and (start or end):
            ax.plot([max(start or end, left)], [y], "o", color=colour, markersize=6)
        elif item.shape == "band" and start and end:
            first = max(start, left)
            ax.barh(
                y,
                max(end + 1 - first, 1),
                left=first,
                height=0.5,
                color=colour,
                alpha=0.55,
                edgecolor=colour,
            )
        else:
            anchor = end or right
            ax.plot([left, anchor], [y, y], linestyle=":", color="#bdbdbd", linewidth=1)
            ax.plot([anchor], [y], marker="o", markerfacecolor="white", color=colour)
        if item.shape != "unknown" and 0 < (start or end) < left:  # before the drawn range
            ax.plot([left], [y], marker="<", color=colour, markersize=7)
        ax.text(1.01, y, item.label, transform=ax.get_yaxis_transform(), va="center", fontsize=7)
    ax.set_ylim(0.3, len(items) + 0.7)
    ax.set_xlim(left, right)
    ax.xaxis_date()
    ax.set_yticks([])
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(mdates.AutoDateLocator()))
    ax.set_title(title, loc="left", fontsize=10)
    handles: list[Artist] = [
        Patch(color=QUAD_COLOURS[q], label=QUAD_NAMES[q]) for q in (1, 2, 3, 4)
    ]
    handles += [
        Line2D([], [], marker="o", linestyle="", color="#555", label="day"),
        Patch(color="#555", alpha=0.5, label="month / season / year"),
        Line2D(
            [],
            [],
            marker="o",
            linestyle=":",
            markerfacecolor="white",
            color="#555",
            label="date unknown (by document date)",
        ),
    ]
    ax.legend(
        handles=handles,
        fontsize=7,
        loc="upper left",
        bbox_to_anchor=(0, -0.08),
        ncol=4,
        frameon=False,
    )
    return fig


def dyad_figure(points: list[DyadPoint], title: str = "Dyad", freq: str = "month") -> Figure:
    """Quad-class counts as stacked bars and mean Goldstein score as a line, per period."""
    fig, (top, bottom) = plt.subplots(
        2, 1, figsize=(9, 5), sharex=True, layout="constrained", height_ratios=[2, 1]
    )
    days = [dt.date.fromisoformat(p.period) for p in points]
    xs = [_num(d) for d in days]
    width = 24 if freq == "month" else 5
    base = [0] * len(points)
    for quad in (1, 2, 3, 4):
        counts = [p.quad.get(quad, 0) for p in points]
        top.bar(
            xs,
            counts,
            width=width,
            bottom=base,
            color=QUAD_COLOURS[quad],
            label=QUAD_NAMES[quad],
            align="edge",
        )
        base = [b + c for b, c in zip(base, counts, strict=True)]
    top.set_ylabel(f"events per {freq}")
    top.yaxis.set_major_locator(MaxNLocator(integer=True))
    if xs:
        pad = 45 if freq == "month" else 10
        top.set_xlim(min(xs) - pad, max(xs) + width + pad)
    top.legend(fontsize=7, frameon=False, ncol=2)
    top.set_title(title, loc="left", fontsize=10)
    means = [(d, p.goldstein_mean) for d, p in zip(days, points, strict=True)]
    means = [(d, m) for d, m in means if m is not None]
    if means:
        middle = [_num(d) + width / 2 for d, _ in means]
        bottom.plot(middle, [m for _, m in means], "-o", color="#444", markersize=3)
    bottom.axhline(0, color="#999", linewidth=0.8)
    bottom.set_ylim(-10.5, 10.5)
    bottom.set_ylabel("mean Goldstein")
    bottom.xaxis_date()
    bottom.xaxis.set_major_formatter(mdates.ConciseDateFormatter(mdates.AutoDateLocator()))
    return fig


def _layout(nodes: list[str]) -> dict[str, tuple[float, float]]:
    """Nodes on a circle, the busiest first (at the top), going clockwise."""
    n = max(len(nodes), 1)
    return {
        name: (
            math.cos(math.pi / 2 - 2 * math.pi * i / n),
            math.sin(math.pi / 2 - 2 * math.pi * i / n),
        )
        for i, name in enumerate(nodes)
    }


def network_figure(net: Network, title: str = "Actor network", max_nodes: int = 30) -> Figure:
    """Actors on a circle; arrows source -> target, width by event count, green for
    cooperation on balance (mean Goldstein > 0), red for conflict, grey for neutral."""
    names = [n["id"] for n in net.nodes[:max_nodes]]
    pos = _layout(names)
    fig, ax = plt.subplots(figsize=(7, 7), layout="constrained")
    most = max((e.events for e in net.edges), default=1)
    colours = {1: "#1a9850", -1: "#d73027", 0: "#999999"}
    for edge in net.edges:
        if edge.source not in pos or edge.target not in pos:
            continue
        ax.annotate(
            "",
            xy=pos[edge.target],
            xytext=pos[edge.source],
            arrowprops={
                "arrowstyle": "-|>",
                "color": colours[edge.sign],
                "lw": 0.8 + 4 * edge.events / most,
                "alpha": 0.75,
                "shrinkA": 12,
                "shrinkB": 12,
                "connectionstyle": "arc3,rad=0.12",
            },
        )
    sizes = {n["id"]: n["events"] for n in net.nodes}
    biggest = max(sizes.values(), default=1)
    for name, (x, y) in pos.items():
        ax.scatter(
            [x],
            [y],
            s=120 + 600 * sizes[name] / biggest,
            color="#f0f0f0",
            edgecolor="#333",
            zorder=3,
        )
        ax.text(x, y, name, ha="center", va="center", fontsize=8, zorder=4)
    ax.set_xlim(-1.35, 1.35)
    ax.set_ylim(-1.35, 1.35)
    ax.set_aspect("equal")
    ax.axis("off")
    ax.set_title(title, loc="left", fontsize=10)
    ax.legend(
        handles=[
            Line2D([], [], color=colours[1], lw=2, label="cooperative (mean Goldstein > 0)"),
            Line2D([], [], color=colours[-1], lw=2, label="conflictual (mean Goldstein < 0)"),
            Line2D([], [], color=colours[0], lw=2, label="neutral"),
        ],
        fontsize=7,
        loc="lower left",
        frameon=False,
    )
    return fig


def save(fig: Figure, path: Path) -> Path:
    """Write the figure as PNG or SVG (by the file's extension) and close it."""
    if path.suffix.lower() not in (".png", ".svg"):
        plt.close(fig)
        raise ConfigError(Errors.E413.format(path=path))
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110, metadata={"Date": None} if path.suffix == ".svg" else None)
    plt.close(fig)
    return path


def figure_bytes(fig: Figure, fmt: str = "svg") -> bytes:
    """The figure as SVG or PNG bytes (for embedding in a page), closing it."""
    buffer = io.BytesIO()
    # No metadata: the SVG then names no URL at all (not even RDF namespaces).
    metadata = {"Creator": None, "Date": None, "Format": None, "Type": None} if fmt == "svg" else {}
    fig.savefig(buffer, format=fmt, dpi=100, metadata=metadata)
    plt.close(fig)
    return buffer.getvalue()
