"""Reader for PETRARCH/TABARI-format actor and agent dictionaries.

The format is described in ``petrarch2/dictionaries_format.rst`` of the shared data. In short:

Actors::

    PRIMARY_PHRASE  [CODE]        # optional default code
    +SYNONYM_PHRASE               # synonyms of the record
    \t[CODE 940720-000101]        # date-restricted codes: <date, >date, date-date, or none

Agents::

    !PERSON! = MAN, MEN, WOMAN    # substitution set
    PHRASE {PLURAL} [~CODE]       # ~CODE: suffix added after the actor code;
    PHRASE [CODE~]                # CODE~: prefix put before it (e.g. NGO~)

Dates are ``YYYYMMDD`` or ``YYMMDD`` (two-digit years up to 30 are read as 20xx, as PETRARCH
does). Phrases are words joined by ``_`` or blanks; we keep them as upper-case word tuples.
Comments start with ``#`` or ``;``; ``<!-- ... -->`` blocks are skipped.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from eventcoder.errors import Errors, InputError

__all__ = [
    "AgentEntry",
    "DatedCode",
    "PetrarchActor",
    "code_on",
    "parse_date",
    "parse_restriction",
    "read_actors",
    "read_agents",
    "regular_plurals",
]

log = logging.getLogger(__name__)

_BRACKET = re.compile(r"\[([^\]]*)\]")
_BRACE = re.compile(r"\{([^}]*)\}")
_SUBST = re.compile(r"^(![A-Z0-9_]+!)\s*=\s*(.+)$", re.IGNORECASE)
_NULL_CODES = {"---", "+++", "###", ""}


@dataclass(frozen=True)
class DatedCode:
    """A code valid from ``start`` to ``end`` (inclusive; ``None`` = open)."""

    code: str
    start: dt.date | None = None
    end: dt.date | None = None

    def applies(self, date: dt.date | None) -> bool:
        """Whether the code holds on ``date`` (an undated query matches open-ended codes)."""
        if date is None:
            return self.end is None
        return (self.start is None or self.start <= date) and (self.end is None or date <= self.end)


@dataclass
class PetrarchActor:
    """One actor record: its phrases (word tuples) and its (dated) codes."""

    phrases: list[tuple[str, ...]] = field(default_factory=list)
    codes: list[DatedCode] = field(default_factory=list)
    line: int = 0

    def code_on(self, date: dt.date | None = None) -> str | None:
        """The code that holds on ``date`` (see :func:`code_on`)."""
        return code_on(self.codes, date)


@dataclass(frozen=True)
class AgentEntry:
    """One agent phrase and its code; ``prefix`` is True for ``CODE~`` entries."""

    phrase: tuple[str, ...]
    code: str
    prefix: bool = False


def code_on(codes: list[DatedCode], date: dt.date | None) -> str | None:
    """Pick the code for ``date``: the first dated code that applies, else the undated default.

    Without a date, the undated default wins, then the open-ended latest code. Null codes
    (``---``) give ``None``.
    """
    dated = [c for c in codes if c.start is not None or c.end is not None]
    default = [c for c in codes if c.start is None and c.end is None]
    chosen: DatedCode | None = None
    if date is not None:
        chosen = next((c for c in dated if c.applies(date)), None)
    if chosen is None and default:
        chosen = default[-1]
    if chosen is None and date is None:
        open_ended = [c for c in dated if c.end is None]
        chosen = open_ended[-1] if open_ended else None
    if chosen is None or chosen.code in _NULL_CODES:
        return None
    return chosen.code


def parse_date(text: str) -> dt.date:
    """``YYYYMMDD`` or ``YYMMDD`` to a date; raises ``ValueError`` if malformed."""
    text = text.strip()
    if len(text) == 6:
        yy = int(text[:2])
        text = f"{2000 + yy if yy <= 30 else 1900 + yy}{text[2:]}"
    if len(text) != 8 or not text.isdigit():
        raise ValueError(f"bad date {text!r}")
    year, month, day = int(text[:4]), int(text[4:6]), int(text[6:])
    if month == 0:
        month = 1
    if day == 0:
        day = 1
    return dt.date(year, month, day)


def parse_restriction(body: str) -> DatedCode:
    """``CODE``, ``CODE <date``, ``CODE >date`` or ``CODE date-date`` to a :class:`DatedCode`."""
    parts = body.strip().split(None, 1)
    if not parts:
        return DatedCode("---")
    code = parts[0].upper()
    rest = parts[1].replace(" ", "") if len(parts) > 1 else ""
    if not rest:
        return DatedCode(code)
    if rest.startswith("<"):
        return DatedCode(code, None, parse_date(rest[1:]))
    if rest.startswith(">"):
        return DatedCode(code, parse_date(rest[1:]), None)
    low, _, high = rest.partition("-")
    return DatedCode(code, parse_date(low), parse_date(high))


def _phrase(text: str) -> tuple[str, ...]:
    """A phrase string to an upper-case word tuple."""
    return tuple(w for w in re.split(r"[\s_]+", text.strip().upper()) if w)


def _strip_comment(line: str) -> str:
    """Remove ``#`` and ``;`` comments."""
    for mark in ("#", ";"):
        pos = line.find(mark)
        if pos >= 0:
            line = line[:pos]
    return line.rstrip()


def _lines(path: Path):
    """Yield (line number, raw line) outside ``<!-- -->`` blocks; errors from the catalogue."""
    try:
        text = Path(path).read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError as exc:
        raise InputError(Errors.E005.format(path=path)) from exc
    except OSError as exc:
        raise InputError(Errors.E004.format(path=path, detail=exc)) from exc
    in_block = False
    for number, raw in enumerate(text.splitlines(), 1):
        stripped = raw.strip()
        if in_block or stripped.startswith("<!--"):
            in_block = "-->" not in stripped
            continue
        yield number, raw


def read_actors(path: Path) -> list[PetrarchActor]:
    """Read a PETRARCH actor dictionary into records (bad date lines are logged and skipped)."""
    records: list[PetrarchActor] = []
    current: PetrarchActor | None = None
    last_was_code = False
    for number, raw in _lines(path):
        line = _strip_comment(raw)
        if not line.strip():
            continue
        body = line.strip()
        codes, body_text = _codes_of(body, path, number)
        if body.startswith("["):  # a date-restriction line
            if current is not None:
                current.codes.extend(codes)
            last_was_code = True
            continue
        is_synonym = body_text.startswith("+")
        if current is None or (not is_synonym and (last_was_code or current.codes)):
            current = PetrarchActor(line=number)
            records.append(current)
        phrase = _phrase(body_text.lstrip("+"))
        if phrase:
            current.phrases.append(phrase)
        current.codes.extend(codes)
        last_was_code = False
    return [r for r in records if r.phrases]


def _codes_of(body: str, path: Path, number: int) -> tuple[list[DatedCode], str]:
    """The bracketed codes of a line and the line without them."""
    codes = []
    for match in _BRACKET.finditer(body):
        try:
            codes.append(parse_restriction(match.group(1)))
        except ValueError as exc:
            log.debug(Errors.E103.format(path=path, line=number, detail=exc))
    return codes, _BRACKET.sub(" ", body).strip()


def regular_plurals(word: str) -> list[str]:
    """PETRARCH's regular plural of an upper-case word: +S, Y -> IES, SS -> ES."""
    if word.endswith("SS"):
        return [word + "ES"]
    if word.endswith("S"):  # already plural (OFFICIALS) or no regular plural
        return []
    if word.endswith("Y") and len(word) > 1 and word[-2] not in "AEIOU":
        return [word[:-1] + "IES"]
    return [word + "S"]


def read_agents(path: Path) -> list[AgentEntry]:
    """Read a PETRARCH agent dictionary: substitution sets expanded, plurals generated."""
    subst: dict[str, list[str]] = {}
    entries: list[AgentEntry] = []
    for number, raw in _lines(path):
        line = _strip_comment(raw).strip()
        if not line:
            continue
        m = _SUBST.match(line)
        if m:
            subst[m.group(1).upper()] = [
                w.strip().upper() for w in m.group(2).split(",") if w.strip()
            ]
            continue
        entries.extend(_agent_line(line, subst, path, number))
    return entries


def _agent_line(
    line: str, subst: dict[str, list[str]], path: Path, number: int
) -> list[AgentEntry]:
    """Entries from one agent line (singular, plurals and substitutions)."""
    code_match = _BRACKET.search(line)
    if not code_match:
        log.debug(Errors.E103.format(path=path, line=number, detail="agent line without [code]"))
        return []
    raw_code = code_match.group(1).strip().upper()
    prefix = raw_code.endswith("~") and not raw_code.startswith("~")
    code = raw_code.strip("~").strip()
    head = line[: code_match.start()]
    brace = _BRACE.search(head)
    phrase_text = _BRACE.sub(" ", head).strip()
    forms = _expand(phrase_text.upper(), subst)
    out: list[str] = list(forms)
    if brace is not None:  # explicit plurals ({} = none)
        for plural in (s.strip() for s in brace.group(1).split(",")):
            out += _expand(plural.upper(), subst) if plural else []
    elif not any(marker in phrase_text.upper() for marker in subst):
        for form in forms:
            words = _phrase(form)
            out += (
                [" ".join((*words[:-1], pl)) for pl in regular_plurals(words[-1])] if words else []
            )
    seen: set[tuple[str, ...]] = set()
    entries = []
    for form in out:
        words = _phrase(form)
        if words and words not in seen:
            seen.add(words)
            entries.append(AgentEntry(words, code, prefix))
    return entries


def _expand(text: str, subst: dict[str, list[str]]) -> list[str]:
    """Replace ``!MARKER!`` sets by each of their members."""
    for marker, members in subst.items():
        if marker in text:
            return [f for m in members for f in _expand(text.replace(marker, m, 1), subst)]
    return [text]
