"""A self-contained HTML report of a store: counts, documents, the busiest actor's timeline,
the busiest dyad's series, the actor network, conflicts side by side, and the events.

Figures are inline SVG and the style sheet is inline, so the file opens with no network
access. Every piece of text from the store is HTML-escaped.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from html import escape
from typing import Any

from eventcoder.analysis.conflicts import side_by_side
from eventcoder.analysis.load import documents_by_id, load_events
from eventcoder.analysis.plots import dyad_figure, figure_bytes, network_figure, timeline_figure
from eventcoder.analysis.series import actor_key, dyad_series, network, timeline
from eventcoder.records import EventRecord
from eventcoder.store import Store

__all__ = ["build_report"]

_STYLE = """
body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:1100px;color:#222;padding:0 1rem}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #ddd}
table{border-collapse:collapse;width:100%;font-size:12px}td,th{border-bottom:1px solid #eee;
padding:3px 6px;text-align:left;vertical-align:top}th{background:#f6f6f6}
.fig svg{max-width:100%;height:auto}.muted{color:#777}.conflict{display:flex;gap:1rem}
.conflict>div{flex:1;border:1px solid #ddd;border-radius:4px;padding:.5rem}
.figure{font-size:1.3rem;font-weight:600}
"""


def _svg(fig: Any) -> str:
    text = figure_bytes(fig, "svg").decode("utf-8")
    return text[text.find("<svg") :]


def _table(headers: list[str], rows: list[list[Any]]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape('' if v is None else str(v))}</td>" for v in row) + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _busiest(events: list[EventRecord]) -> tuple[str | None, tuple[str, str] | None]:
    actors: Counter[str] = Counter()
    dyads: Counter[tuple[str, str]] = Counter()
    for e in events:
        source, target = actor_key(e.source), actor_key(e.target)
        actors.update(a for a in (source, target) if a)
        if source and target and source != target:
            low, high = sorted((source, target))
            dyads[(low, high)] += 1
    actor = actors.most_common(1)[0][0] if actors else None
    dyad = dyads.most_common(1)[0][0] if dyads else None
    return actor, dyad


def _timeline_section(events: list[EventRecord], actor: str | None) -> str:
    if actor is None:
        return "<p class='muted'>No coded actors.</p>"
    mine = [e for e in events if actor in (actor_key(e.source), actor_key(e.target))]
    items = timeline(mine)
    fig = timeline_figure(items, f"Timeline: {actor} ({len(items)} events)", limit=40)
    return f"<div class='fig'>{_svg(fig)}</div>"


def _dyad_section(events: list[EventRecord], dyad: tuple[str, str] | None) -> str:
    if dyad is None:
        return "<p class='muted'>No event has two coded actors.</p>"
    mine = [e for e in events if {actor_key(e.source), actor_key(e.target)} == set(dyad)]
    points, undated = dyad_series(mine)
    if not points:
        return f"<p class='muted'>{escape(' - '.join(dyad))}: no dated events.</p>"
    fig = dyad_figure(points, f"{dyad[0]} <-> {dyad[1]}: {len(mine)} events, {undated} undated")
    return f"<div class='fig'>{_svg(fig)}</div>"


def _conflicts_section(store: Store) -> str:
    parts = []
    for conflict in side_by_side(store):
        cells = "".join(
            f"<div><div class='figure'>{escape(str(m['figure']))}</div>"
            f"<div>{escape(m['speaker'] or 'unattributed')}</div>"
            f"<div class='muted'>{escape(m['doc_title'] or m['doc_id'])}, "
            f"{escape(m['doc_date'] or 'undated')}</div>"
            f"<p>{escape(m['sentence_text'] or '')}</p></div>"
            for m in conflict["members"]
        )
        parts.append(
            f"<h3>{escape(conflict['measure'] or '')}</h3>"
            f"<p class='muted'>{escape(conflict['reason'] or '')}</p>"
            f"<div class='conflict'>{cells}</div>"
        )
    return "".join(parts) or "<p class='muted'>No figures dispute each other.</p>"


def build_report(store: Store, title: str = "eventcoder report") -> str:
    """The whole report as one HTML string."""
    events = load_events(store)
    documents = documents_by_id(store)
    counts = store.counts()
    actor, dyad = _busiest(events)
    net = network(events)
    sections = [
        f"<h1>{escape(title)}</h1>",
        (
            f"<p class='muted'>Generated {dt.date.today().isoformat()} from {len(documents)} "
            "documents; events counted once per real-world event where the store links them "
            f"({len(events)} events, negated ones left out).</p>"
        ),
        _table(["kind", "records"], [[k, n] for k, n in sorted(counts.items())]),
        "<h2>Documents</h2>",
        _table(
            ["title", "date", "source", "status", "sentences", "records"],
            [
                [d.title or d.id, d.date, d.source, d.status, d.n_sentences, d.n_records]
                for d in sorted(documents.values(), key=lambda d: (d.date or "", d.id))
            ],
        ),
        "<h2>Timeline of the busiest actor</h2>",
        _timeline_section(events, actor),
        "<h2>The busiest dyad by month</h2>",
        _dyad_section(events, dyad),
        "<h2>Actor network</h2>",
        f"<div class='fig'>{_svg(network_figure(net))}</div>"
        if net.edges
        else "<p class='muted'>No event has two coded actors.</p>",
        "<h2>Conflicting figures, side by side</h2>",
        _conflicts_section(store),
        "<h2>Events</h2>",
        _events_table(events),
    ]
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head><body>"
        + "\n".join(sections)
        + "</body></html>\n"
    )


def _events_table(events: list[EventRecord], limit: int = 500) -> str:
    rows = [
        [
            e.date.start if e.date and e.date.start else "?",
            e.date.granularity if e.date else "unknown",
            actor_key(e.source) or (e.source.text if e.source else ""),
            f"{e.cameo or ''} {e.plover or ''}",
            actor_key(e.target) or (e.target.text if e.target else ""),
            e.goldstein,
            e.modality,
            e.sentence_text,
        ]
        for e in timeline_order(events)[:limit]
    ]
    note = f"<p class='muted'>First {limit} of {len(events)}.</p>" if len(events) > limit else ""
    headers = [
        "date",
        "granularity",
        "source",
        "CAMEO / PLOVER",
        "target",
        "Goldstein",
        "modality",
        "sentence",
    ]
    return _table(headers, rows) + note


def timeline_order(events: list[EventRecord]) -> list[EventRecord]:
    """Events by start date, undated last."""
    return sorted(events, key=lambda e: ((e.date.start if e.date else None) or "9999", e.id))
