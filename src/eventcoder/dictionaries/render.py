"""Render an ``Explanation`` for people at a terminal (rich markup; user text escaped)."""

from __future__ import annotations

from typing import IO

from rich.console import Console
from rich.markup import escape

from eventcoder.dictionaries.explain import EventExplained, Explanation, SentenceExplained

__all__ = ["render_explanation"]


def render_explanation(explanation: Explanation, file: IO[str] | None = None) -> None:
    """Print ``explanation`` readably (colours only on a terminal)."""
    out = Console(file=file, highlight=False, soft_wrap=True)
    date = explanation.date or "unknown"
    out.print(f"[bold]Document date[/bold] {escape(date)} ({explanation.date_status})")
    if explanation.dictionaries:
        out.print(f"[dim]dictionaries {escape(explanation.dictionaries)}[/dim]")
    for t in explanation.times:
        iv = t["interval"]
        out.print(
            f"[bold]Time expression[/bold] {escape(repr(t['text']))} -> "
            f"{iv['start'] or '?'} .. {iv['end'] or '?'} ({iv['granularity']}, {t['kind']})"
        )
    for sentence in explanation.sentences:
        _sentence(out, sentence)


def _sentence(out: Console, s: SentenceExplained) -> None:
    out.print()
    out.print(f"[bold underline]Sentence {s.index}[/bold underline]: {escape(s.text)}")
    if s.discarded_by:
        out.print(f"  [red]discarded[/red] by {escape(s.discarded_by)}: no events are coded")
    out.print("[bold]Parse[/bold]")
    for t in s.tokens:
        head = s.tokens[t.head].text if 0 <= t.head < len(s.tokens) else "?"
        arrow = "root" if t.head == t.i else f"{t.dep} of {head} ({t.head})"
        out.print(f"  {t.i:>3} {escape(t.text):<16} {t.pos:<6} {t.tag:<5} {escape(arrow)}")
    out.print("[bold]Actors[/bold]" + ("" if s.actors else " none found"))
    for a in s.actors:
        via = f" -> refers to {escape(repr(a.antecedent))}" if a.antecedent else ""
        out.print(
            f"  {escape(repr(a.text))} [cyan]{escape(a.code or 'no code')}[/cyan] "
            f"(rule {escape(a.rule or '-')}{', ' + a.entity_type if a.entity_type else ''}){via}"
        )
        for used in a.entries:
            dated = f"; {escape(used.date_rule)}" if used.date_rule else ""
            out.print(
                f"      {used.kind} {escape(repr(used.matched))} = {escape(used.label)} "
                f"[{escape(used.code or '-')}] at {escape(used.origin or '?')}{dated}"
            )
        if not a.entries and not a.code:
            out.print("      no dictionary entry: a name from the entity recognizer, left uncoded")
    out.print("[bold]Events[/bold]" + ("" if s.events else " none"))
    for e in s.events:
        _event(out, e)
    if s.not_coded:
        out.print("[bold]Verbs with no event[/bold]")
        for item in s.not_coded:
            out.print(f"  {escape(repr(item['word']))}: {escape(item['reason'])}")


def _event(out: Console, e: EventExplained) -> None:
    out.print(
        f"  [green]{escape(e.cameo)}[/green] {escape(e.plover or '-')} "
        f"{escape(e.source or '-')} -> {escape(e.target or '-')} "
        f"(trigger {escape(repr(e.trigger))}, pattern {escape(e.pattern)})"
    )
    out.print(f"      how: {escape(e.how)}")
    if e.verb_pattern:
        p = e.verb_pattern
        out.print(
            f"      pattern {escape(p['id'])}: pre={escape(p['pre'])!r} post={escape(p['post'])!r} "
            f"preps={escape(p['preps'])!r} -> {escape(p['code'])}"
        )
    neg = f"yes ({escape('; '.join(e.negation_cues))})" if e.negated else "no"
    mod = f" ({escape('; '.join(e.modality_cues))})" if e.modality_cues else ""
    out.print(f"      negated: {neg}; modality: {escape(e.modality)}{mod}")
    d = e.date
    expr = f" from {escape(repr(e.date_expression))}" if e.date_expression else ""
    out.print(
        f"      date: {d.get('start') or '?'} .. {d.get('end') or '?'} "
        f"({d.get('granularity', 'unknown')}){expr}; {escape(e.date_rule)}"
    )
