"""Render an ``Explanation`` for people at a terminal.

Lines are assembled from ``rich.text.Text`` pieces, never parsed as markup, so user text
("[bold]", "[/red") is shown exactly as written; styles apply only to our own labels.
"""

from __future__ import annotations

from typing import IO

from rich.console import Console
from rich.text import Text

from eventcoder.dictionaries.explain import EventExplained, Explanation, SentenceExplained

__all__ = ["render_explanation"]

Piece = str | tuple[str, str]


def _say(out: Console, *pieces: Piece) -> None:
    """Print one line of literal text pieces; ``(text, style)`` pieces are styled."""
    out.print(Text.assemble(*pieces), markup=False, highlight=False)


def render_explanation(explanation: Explanation, file: IO[str] | None = None) -> None:
    """Print ``explanation`` readably (colours only on a terminal)."""
    out = Console(file=file, highlight=False, soft_wrap=True)
    date = explanation.date or "unknown"
    _say(out, ("Document date", "bold"), f" {date} ({explanation.date_status})")
    if explanation.dictionaries:
        _say(out, (f"dictionaries {explanation.dictionaries}", "dim"))
    for t in explanation.times:
        iv = t["interval"]
        _say(
            out,
            ("Time expression", "bold"),
            f" {t['text']!r} -> {iv['start'] or '?'} .. {iv['end'] or '?'} "
            f"({iv['granularity']}, {t['kind']})",
        )
    for sentence in explanation.sentences:
        _sentence(out, sentence)


def _sentence(out: Console, s: SentenceExplained) -> None:
    out.print()
    _say(out, (f"Sentence {s.index}", "bold underline"), f": {s.text}")
    if s.discarded_by:
        _say(out, "  ", ("discarded", "red"), f" by {s.discarded_by}: no events are coded")
    _say(out, ("Parse", "bold"))
    for t in s.tokens:
        head = s.tokens[t.head].text if 0 <= t.head < len(s.tokens) else "?"
        arrow = "root" if t.head == t.i else f"{t.dep} of {head} ({t.head})"
        _say(out, f"  {t.i:>3} {t.text:<16} {t.pos:<6} {t.tag:<5} {arrow}")
    _say(out, ("Actors", "bold"), "" if s.actors else " none found")
    for a in s.actors:
        via = f" -> refers to {a.antecedent!r}" if a.antecedent else ""
        kind = f", {a.entity_type}" if a.entity_type else ""
        _say(
            out,
            f"  {a.text!r} ",
            (a.code or "no code", "cyan"),
            f" (rule {a.rule or '-'}{kind}){via}",
        )
        for used in a.entries:
            dated = f"; {used.date_rule}" if used.date_rule else ""
            _say(
                out,
                f"      {used.kind} {used.matched!r} = {used.label} "
                f"[{used.code or '-'}] at {used.origin or '?'}{dated}",
            )
        if not a.entries and not a.code:
            _say(out, "      no dictionary entry: a name from the entity recognizer, left uncoded")
    _say(out, ("Events", "bold"), "" if s.events else " none")
    for e in s.events:
        _event(out, e)
    if s.not_coded:
        _say(out, ("Verbs with no event", "bold"))
        for item in s.not_coded:
            _say(out, f"  {item['word']!r}: {item['reason']}")


def _event(out: Console, e: EventExplained) -> None:
    _say(
        out,
        "  ",
        (e.cameo, "green"),
        f" {e.plover or '-'} {e.source or '-'} -> {e.target or '-'} "
        f"(trigger {e.trigger!r}, pattern {e.pattern})",
    )
    if e.confidence is not None:
        left_out = ("" if e.kept else " below the coder's floor: left out of the output", "red")
        _say(out, f"      confidence: {e.confidence:.2f}", left_out)
    _say(out, f"      how: {e.how}")
    if e.verb_pattern:
        p = e.verb_pattern
        _say(
            out,
            f"      pattern {p['id']}: pre={p['pre']!r} post={p['post']!r} "
            f"preps={p['preps']!r} -> {p['code']}",
        )
    neg = f"yes ({'; '.join(e.negation_cues)})" if e.negated else "no"
    mod = f" ({'; '.join(e.modality_cues)})" if e.modality_cues else ""
    _say(out, f"      negated: {neg}; modality: {e.modality}{mod}")
    d = e.date
    expr = f" from {e.date_expression!r}" if e.date_expression else ""
    _say(
        out,
        f"      date: {d.get('start') or '?'} .. {d.get('end') or '?'} "
        f"({d.get('granularity', 'unknown')}){expr}; {e.date_rule}",
    )
