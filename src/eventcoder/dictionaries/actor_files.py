"""Read and validate one actor dictionary file: ours, or PETRARCH's actors, agents or discards.

Our format (UTF-8, tab-separated, ``#`` comments; see the README section "Dictionaries")::

    person   Jane Doe|Doe           FRAGOV 2024-01-05..;FRAELI     note
    org      Harbour Guard|HG       FRACOP                          note
    place    Port Azur              FRA       GOV                   note
    agent    harbour master|harbour masters   COP                   note
    discard  football league        sentence

``person`` and ``org`` take names (``|`` variants) and terms (``CODE start..end`` with ISO
dates, ``;`` between terms, a bare ``CODE`` as the default outside every term). An ``org``
with one undated code is coded like our organisations; with dated terms like an armed group
whose code changes. ``place`` names a state (no sector) or a seat of government (``GOV``).
``agent`` phrases give a sector code (``MIL``, ``GOVMED``). ``discard`` phrases stop a
sentence (or, with ``story``, the whole document) from being coded for events.

A PETRARCH file is recognised by its name (``*.actors.txt``, ``*.agents.txt``,
``*.discards.txt``) or its content, and read with the same rules as PETRARCH
(``eventcoder.actors.petrarch_format``), but strictly: every line that cannot be read is a
problem, reported with its file and line.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from eventcoder.actors.lexicon import Entry, split_code
from eventcoder.actors.petrarch_format import DatedCode, parse_restriction
from eventcoder.errors import Errors
from eventcoder.events.discards import Discard

__all__ = [
    "ActorFile",
    "detect_actor_format",
    "parse_row",
    "read_actor_file",
    "text_digest",
    "valid_actor_code",
]

OUR_KINDS = ("person", "org", "place", "agent", "discard")
_CODE = re.compile(r"^(?:---|[A-Z][A-Z0-9]{2,17})$")
_AGENT_CODE = re.compile(r"^~?[A-Z][A-Z0-9]{2,17}~?$")
_BRACKET = re.compile(r"\[([^\]]*)\]")
_SUBST = re.compile(r"^(![A-Z0-9_]+!)\s*=\s*(.+)$", re.IGNORECASE)


@dataclass
class ActorFile:
    """The validated content of one actor dictionary file."""

    path: Path
    format: str  # ours, petrarch-actors, petrarch-agents, petrarch-discards
    names: list[tuple[str, Entry]] = field(default_factory=list)
    agents: list[tuple[str, Entry]] = field(default_factory=list)
    discards: list[Discard] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    digest: str = ""  # sha256 of the text that was read

    @property
    def entries(self) -> int:
        """How many phrases the file gives."""
        return len(self.names) + len(self.agents) + len(self.discards)


def text_digest(text: str) -> str:
    """``sha256:<hex>`` of a file's text as read (UTF-8)."""
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def valid_actor_code(code: str) -> bool:
    """An actor code: letters and digits, three or more, upper case (``---`` for none)."""
    return bool(_CODE.match(code))


def detect_actor_format(path: Path, lines: list[str]) -> str | None:
    """ours / petrarch-actors / petrarch-agents / petrarch-discards, or None when unclear."""
    data = [ln for ln in lines if ln.strip() and not ln.lstrip().startswith(("#", "<!--"))]
    if data and all(ln.split("\t", 1)[0].strip() in OUR_KINDS for ln in data):
        return "ours"
    name = path.name.lower()
    for kind in ("agents", "discards", "actors"):
        if f".{kind}" in name or name.endswith(f"{kind}.txt"):
            return f"petrarch-{kind}"
    if not data:
        return None
    if any(
        "\t" in ln and ln.split("\t", 1)[0].strip().isalpha() and ln[:1].islower() for ln in data
    ):
        return "ours"  # meant as ours, with mistakes: read it so the mistakes are named
    if any(_SUBST.match(ln.strip()) or re.search(r"\[\s*~|~\s*\]", ln) for ln in data):
        return "petrarch-agents"
    if any(_BRACKET.search(ln) or ln.startswith("+") for ln in data):
        return "petrarch-actors"
    return None


def read_actor_file(path: Path) -> ActorFile:
    """Read and validate ``path``; problems are collected, not raised (see ``problems``)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        out = ActorFile(path, "unknown")
        out.problems.append(Errors.E901.format(path=path, detail=_reason(exc)))
        return out
    lines = text.splitlines()
    kind = detect_actor_format(path, lines)
    out = ActorFile(path, kind or "unknown", digest=text_digest(text))
    if kind is None:
        out.problems.append(Errors.E902.format(path=path, detail="no line says"))
        return out
    reader = {
        "ours": _read_ours,
        "petrarch-actors": _read_petrarch_actors,
        "petrarch-agents": _read_petrarch_agents,
        "petrarch-discards": _read_petrarch_discards,
    }[kind]
    reader(out, lines)
    if not out.problems and not out.entries:
        out.problems.append(Errors.E902.format(path=path, detail="no entries in it"))
    return out


def _reason(exc: Exception) -> str:
    if isinstance(exc, UnicodeDecodeError):
        return "not UTF-8"
    return getattr(exc, "strerror", None) or str(exc)


# -- our format ---------------------------------------------------------------------------


def _read_ours(out: ActorFile, lines: list[str]) -> None:
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = [c.strip() for c in line.split("\t")]
        origin = f"{out.path.name}:{number}"
        try:
            parse_row(out, cols, origin)
        except ValueError as exc:
            out.problems.append(Errors.E903.format(path=out.path, line=number, detail=exc))


def _need(cols: list[str], n: int, layout: str) -> None:
    if len(cols) < n or not all(cols[1:n]):
        raise ValueError(f"a {cols[0]} line needs {layout} (tab-separated)")


def parse_row(out: ActorFile, cols: list[str], origin: str) -> None:
    """Add one row of our format to ``out``; raise ``ValueError`` naming what is wrong."""
    kind = cols[0]
    if kind in ("person", "org"):
        _need(cols, 3, "names, terms")
        terms = parse_terms(cols[2])
        _names(out, cols[1], _named_entry(kind, cols[1], terms, origin))
    elif kind == "place":
        _need(cols, 3, "names, country[, sector]")
        country, sector = cols[2], (cols[3] if len(cols) > 3 else "")
        if not _CODE.match(country) or len(country) != 3:
            raise ValueError(f"country {country!r} is not a three-letter code")
        if sector and not _CODE.match(sector):
            raise ValueError(f"sector {sector!r} is not a code like GOV")
        place = "capital" if sector else "state"
        entry = Entry(place, country, sector or None, label=_first(cols[1]), origin=origin)
        _names(out, cols[1], entry)
    elif kind == "agent":
        _need(cols, 3, "phrases, code")
        code = cols[2]
        if not _AGENT_CODE.match(code):
            raise ValueError(f"agent code {code!r} is not a sector code like MIL or GOVMED")
        prefix = code.endswith("~") and not code.startswith("~")
        bare = code.strip("~")
        for phrase in _variants(cols[1]):
            entry = Entry("agent", sector=bare[:3], code=bare, label=phrase, origin=origin)
            out.agents.append((phrase, _with_prefix(entry, prefix)))
    elif kind == "discard":
        _need(cols, 2, "a phrase")
        scope = cols[2].lower() if len(cols) > 2 and cols[2] else "sentence"
        if scope not in ("sentence", "story"):
            raise ValueError(f"discard scope {scope!r} must be 'sentence' or 'story'")
        out.discards.append(Discard.make(cols[1], scope == "story", origin))
    else:
        raise ValueError(f"unknown record kind {kind!r} (one of {', '.join(OUR_KINDS)})")


def _with_prefix(entry: Entry, prefix: bool) -> Entry:
    if not prefix:
        return entry
    return Entry(
        entry.kind, sector=entry.sector, code=entry.code, label=entry.label, prefix=True,
        origin=entry.origin,
    )  # fmt: skip


def _variants(names: str) -> list[str]:
    found = [n.strip() for n in names.split("|") if n.strip()]
    if not found:
        raise ValueError("no name given")
    return found


def _first(names: str) -> str:
    return _variants(names)[0]


def _names(out: ActorFile, names: str, entry: Entry) -> None:
    out.names.extend((name, entry) for name in _variants(names))


def _named_entry(kind: str, names: str, terms: tuple[DatedCode, ...], origin: str) -> Entry:
    label = _first(names)
    if kind == "org" and len(terms) == 1 and terms[0].start is None and terms[0].end is None:
        country, sector = split_code(terms[0].code)
        return Entry("org", country, sector, terms[0].code, label=label, origin=origin)
    return Entry("person" if kind == "person" else "intl", terms=terms, label=label, origin=origin)


def parse_terms(text: str) -> tuple[DatedCode, ...]:
    """``CODE start..end;CODE`` to dated codes, checking every code and date."""
    terms = []
    for part in (p.strip() for p in text.split(";")):
        if not part:
            continue
        code, _, span = part.partition(" ")
        if not _CODE.match(code):
            raise ValueError(
                f"code {code!r} is not an actor code (country or IGO + sectors, e.g. FRAGOV)"
            )
        span = span.strip()
        if span and ".." not in span:
            raise ValueError(f"term {part!r}: dates must be written start..end")
        start_text, _, end_text = span.partition("..")
        start, end = _iso(start_text), _iso(end_text)
        if start and end and end < start:
            raise ValueError(f"term {part!r} ends before it starts")
        terms.append(DatedCode(code, start, end))
    if not terms:
        raise ValueError("no code given")
    return tuple(terms)


def _iso(text: str) -> dt.date | None:
    text = text.strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"date {text!r} is not a date in the form YYYY-MM-DD") from None


# -- PETRARCH formats ---------------------------------------------------------------------


def _petrarch_lines(lines: list[str]) -> list[tuple[int, str]]:
    """(number, line without comment) outside ``<!-- -->`` blocks, blanks dropped."""
    out, in_block = [], False
    for number, raw in enumerate(lines, 1):
        stripped = raw.strip()
        if in_block or stripped.startswith("<!"):
            in_block = "-->" not in stripped
            continue
        body = _uncommented(raw)
        if body.strip():
            out.append((number, body))
    return out


def _uncommented(line: str) -> str:
    """The line before its ``#`` comment (a ``#`` inside ``[...]``, as in TABARI's ``[###]``
    discard code, is kept)."""
    depth = 0
    for i, char in enumerate(line):
        depth += {"[": 1, "]": -1}.get(char, 0)
        if char == "#" and depth <= 0:
            return line[:i].rstrip()
    return line.rstrip()


def _title(phrase: str) -> str:
    """PETRARCH's upper-case phrases as names: words capitalised, short acronyms kept."""
    words = [w for w in re.split(r"[\s_]+", phrase.strip()) if w]
    if len(words) == 1 and len(words[0]) <= 5:
        return words[0]
    return " ".join(w.capitalize() if w.isalpha() else w for w in words)


def _restriction(body: str) -> DatedCode:
    """``CODE``, ``CODE <date``, ``CODE >date`` or ``CODE date-date``."""
    parts = body.strip().split(None, 1)
    if not parts:
        raise ValueError("empty [ ] code")
    code = parts[0].upper()
    if not all(_CODE.match(c) for c in code.split("/")) and code not in ("+++", "###"):
        raise ValueError(f"code {code!r} is not an actor code")
    try:
        return parse_restriction(body)
    except ValueError as exc:
        raise ValueError(f"date restriction [{body.strip()}]: {exc}") from None


@dataclass
class _Record:
    phrases: list[str] = field(default_factory=list)
    codes: list[DatedCode] = field(default_factory=list)
    line: int = 0


def _read_petrarch_actors(out: ActorFile, lines: list[str]) -> None:
    records: list[_Record] = []
    current: _Record | None = None
    for number, body in _petrarch_lines(lines):
        text = body.strip()
        try:
            codes = [_restriction(m.group(1)) for m in _BRACKET.finditer(text)]
        except ValueError as exc:
            out.problems.append(Errors.E903.format(path=out.path, line=number, detail=exc))
            continue
        phrase = _BRACKET.sub(" ", text).strip()
        if text.startswith("["):
            if current is None:
                out.problems.append(
                    Errors.E903.format(path=out.path, line=number, detail="code before any actor")
                )
                continue
            current.codes.extend(codes)
            continue
        if "[" in phrase or "]" in phrase:
            out.problems.append(
                Errors.E903.format(path=out.path, line=number, detail="unbalanced [ ]")
            )
            continue
        if current is None or not phrase.startswith("+"):
            current = _Record(line=number)
            records.append(current)
        current.phrases.append(phrase.lstrip("+").strip())
        current.codes.extend(codes)
    for record in records:
        _petrarch_actor(out, record)


def _petrarch_actor(out: ActorFile, record: _Record) -> None:
    origin = f"{out.path.name}:{record.line}"
    phrases = [p for p in record.phrases if p]
    if not record.codes:
        out.problems.append(
            Errors.E903.format(
                path=out.path, line=record.line, detail=f"actor {phrases[0]!r} has no [code]"
            )
        )
        return
    if any(c.code == "###" for c in record.codes):  # TABARI: a discard inside the actors
        out.discards.extend(Discard.make(p, False, origin) for p in phrases)
        return
    label = _title(phrases[0])
    dated = any(c.start or c.end for c in record.codes)
    codes = tuple(record.codes)
    if dated:
        entry = Entry("person", terms=codes, label=label, origin=origin)
    else:
        code = codes[-1].code
        country, sector = split_code(code)
        if len(code) == 3 and country:
            entry = Entry("state", country, label=label, origin=origin)
        else:
            entry = Entry("org", country, sector, code, label=label, origin=origin)
    out.names.extend((_title(p), entry) for p in phrases)


def _read_petrarch_agents(out: ActorFile, lines: list[str]) -> None:
    from eventcoder.actors.petrarch_format import _agent_line

    subst: dict[str, list[str]] = {}
    for number, body in _petrarch_lines(lines):
        line = body.strip()
        m = _SUBST.match(line)
        if m:
            subst[m.group(1).upper()] = [w.strip().upper() for w in m.group(2).split(",")]
            continue
        found = _BRACKET.search(line)
        code = found.group(1).strip().upper() if found else ""
        if not found or not _AGENT_CODE.match(code.replace(" ", "")):
            detail = "agent line without [code]" if not found else f"bad agent code [{code}]"
            out.problems.append(Errors.E903.format(path=out.path, line=number, detail=detail))
            continue
        if line.count("{") != line.count("}"):
            out.problems.append(
                Errors.E903.format(path=out.path, line=number, detail="unbalanced { }")
            )
            continue
        origin = f"{out.path.name}:{number}"
        for agent in _agent_line(line, subst, out.path, number):
            phrase = " ".join(agent.phrase).lower()
            entry = Entry(
                "agent", sector=agent.code[:3], code=agent.code, label=phrase,
                prefix=agent.prefix, origin=origin,
            )  # fmt: skip
            out.agents.append((phrase, entry))


def _read_petrarch_discards(out: ActorFile, lines: list[str]) -> None:
    for number, body in _petrarch_lines(lines):
        text = body.strip()
        if "[" in text or "\t" in text.strip():
            out.problems.append(
                Errors.E903.format(path=out.path, line=number, detail="a discard is a bare phrase")
            )
            continue
        story = text.startswith("+")
        out.discards.append(
            Discard.make(text.lstrip("+").strip(), story, f"{out.path.name}:{number}")
        )
