"""Read and validate one verb dictionary file (ours or PETRARCH's) and lay it over the bundled
patterns.

Our format is the one of ``eventcoder.events.patterns`` (``synset`` / ``verb`` / ``pattern``
records); a user file may use the bundled synsets (``&MILITARY``) and add patterns to a
bundled verb block by its name (``ATTACK``). A PETRARCH verb dictionary (``--- BLOCK [code]
---`` blocks, ``- pre * post [code]`` patterns) is converted on the fly with PETRARCH's own
semantics; every line the conversion would skip is a problem here.

Overriding: a verb form the user file names is coded only by the user's entries; a user
pattern with the id of a bundled one replaces it; user patterns come first in their block,
so they win ties of specificity.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from eventcoder.dictionaries.actor_files import text_digest
from eventcoder.errors import Errors
from eventcoder.events.patterns import PatternSet, read_pattern_lines

__all__ = ["VerbFile", "lay_over", "read_verb_file"]


@dataclass
class VerbFile:
    """The validated content of one verb dictionary file."""

    path: Path
    format: str  # ours, petrarch-verbs
    patterns: PatternSet = field(default_factory=PatternSet)
    problems: list[str] = field(default_factory=list)
    digest: str = ""  # sha256 of the text that was read

    @property
    def entries(self) -> int:
        """Verb forms and patterns the file gives."""
        return len(self.patterns.verbs) + len(self.patterns)


def read_verb_file(path: Path, bundled: PatternSet, cameo_codes: set[str]) -> VerbFile:
    """Read and validate ``path``; problems are collected, not raised (see ``problems``).

    ``bundled`` gives the synsets and block names a user file may refer to; ``cameo_codes``
    the event codes a verb or pattern may give."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        out = VerbFile(path, "unknown")
        detail = "not UTF-8" if isinstance(exc, UnicodeDecodeError) else exc
        out.problems.append(Errors.E901.format(path=path, detail=detail))
        return out
    lines = text.splitlines()
    ours = any(ln.startswith(("pattern\t", "verb\t", "synset\t")) for ln in lines)
    out = VerbFile(path, "ours" if ours else "petrarch-verbs", digest=text_digest(text))
    out.patterns.synsets.update(bundled.synsets)
    numbered = _ours(path, lines) if ours else _converted(out, lines, set(bundled.synsets))
    for origin, detail in read_pattern_lines(numbered, out.patterns, stop_at_first=False):
        out.problems.append(Errors.E903.format(path=path, line=_line(origin), detail=detail))
    _check_codes(out, cameo_codes)
    _check_blocks(out, bundled)
    if not out.problems and not out.entries:
        out.problems.append(Errors.E902.format(path=path, detail="no verbs or patterns in it"))
    return out


def _line(origin: str) -> str:
    return origin.rsplit(":", 1)[-1]


def _ours(path: Path, lines: list[str]) -> list[tuple[str, str]]:
    return [(f"{path.name}:{n}", line) for n, line in enumerate(lines, 1)]


def _converted(out: VerbFile, lines: list[str], synsets: set[str]) -> list[tuple[str, str]]:
    """PETRARCH lines converted to ours, each with the origin of its source line (the
    bundled synsets may be used)."""
    from eventcoder.events.petrarch_verbs import PetrarchVerbConverter

    converter = PetrarchVerbConverter(adjacency=True, synsets=set(synsets))
    for number, raw in enumerate(lines, 1):
        converter.number = number
        converter.feed(raw)
    converter._close_synset()
    for number, why in converter.problems:
        out.problems.append(Errors.E903.format(path=out.path, line=number, detail=why))
    if not converter.lines and not converter.problems:
        out.problems.append(
            Errors.E902.format(path=out.path, detail="no '--- BLOCK [code] ---' verb blocks")
        )
    return [(f"{out.path.name}:{n}", line) for n, line in zip(converter.origins, converter.lines)]


def _check_codes(out: VerbFile, cameo_codes: set[str]) -> None:
    items = [(e.origin, e.code, e.reverse_code) for es in out.patterns.verbs.values() for e in es]
    items += [
        (p.origin, p.code, p.reverse_code) for ps in out.patterns.patterns.values() for p in ps
    ]
    bad: set[tuple[str, str]] = set()
    for origin, *codes in items:
        for code in codes:
            if code is not None and not _known(code, cameo_codes) and (origin, code) not in bad:
                bad.add((origin, code))
                out.problems.append(
                    Errors.E905.format(path=out.path, line=_line(origin), code=code)
                )


def _known(code: str, cameo_codes: set[str]) -> bool:
    """In the CAMEO tables, or a finer code under a code that is (a 3-digit code under its
    root, a 4-digit one under its 3-digit parent)."""
    if code in cameo_codes:
        return True
    parent = code[:2] if len(code) == 3 else code[:3] if len(code) == 4 else None
    return code.isdigit() and parent is not None and parent in cameo_codes


def _check_blocks(out: VerbFile, bundled: PatternSet) -> None:
    own_blocks = {e.block for es in out.patterns.verbs.values() for e in es}
    known = own_blocks | {e.block for es in bundled.verbs.values() for e in es}
    for block, patterns in out.patterns.patterns.items():
        if block not in known:
            origin = patterns[0].origin
            out.problems.append(
                Errors.E903.format(
                    path=out.path,
                    line=_line(origin),
                    detail=f"pattern of block {block!r}, but no verb of that block here or "
                    "in the bundled dictionaries",
                )
            )


def lay_over(bundled: PatternSet, user_files: list[VerbFile]) -> PatternSet:
    """A new set: the bundled patterns with each user file laid over them in order."""
    out = PatternSet()
    out.verbs = defaultdict(list, {f: list(es) for f, es in bundled.verbs.items()})
    out.patterns = defaultdict(list, {b: list(ps) for b, ps in bundled.patterns.items()})
    out.synsets = dict(bundled.synsets)
    for user in user_files:
        layer = user.patterns
        for form, entries in layer.verbs.items():
            out.verbs[form] = list(entries)  # the user's entries replace the bundled ones
        for block, patterns in layer.patterns.items():
            ids = {p.id for p in patterns}
            out.patterns[block] = [*patterns, *(p for p in out.patterns[block] if p.id not in ids)]
        out.synsets.update(layer.synsets)
    return out
