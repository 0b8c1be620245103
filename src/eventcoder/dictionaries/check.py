"""``eventcoder dictionaries check``: every bundled and user entry parses, no two entries
conflict silently, and what the bundled actor data covers as of a date.

*Problems* (exit status 1): an entry that does not parse, and a conflict inside the user
files. *Conflicts*: two entries for one phrase (or one verb pattern) in the same bundled
file, of which the loader silently keeps the first. *Overrides*: a user entry that wins
over a bundled one (by design; listed so that none is a surprise).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventcoder.actors.lexicon import DATA_DIR, Entry, Lexicon, term_for, words_of
from eventcoder.datafiles import read_rows
from eventcoder.dictionaries.actor_files import ActorFile, parse_row, read_actor_file
from eventcoder.dictionaries.user import BUNDLED_ACTOR_FILES, BUNDLED_VERB_FILES, cameo_codes
from eventcoder.dictionaries.verb_files import VerbFile, read_verb_file
from eventcoder.errors import Errors
from eventcoder.events.patterns import PatternSet, VerbPattern

__all__ = ["CheckResult", "check_dictionaries", "render_check"]

COVERAGE_FILE = DATA_DIR / "coverage.tsv"
_ROLES = {  # role words of people_current.tsv -> coverage category
    "head of state": ("President", "King", "Emir", "Supreme leader", "President/"),
    "head of government": ("PM", "Prime Minister", "Chancellor", "Premier", "President/PM"),
    "foreign minister": ("Foreign minister", "Foreign Secretary", "Secretary of State"),
    "defence minister": ("Defence minister", "Defence Secretary", "Defense Secretary"),
}
_SHOWN = 20


@dataclass
class CheckResult:
    """What the check found."""

    date: str
    files: list[dict[str, Any]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    overrides: list[str] = field(default_factory=list)
    coverage: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data."""
        return dataclasses.asdict(self)


def check_dictionaries(
    actors: Iterable[Path] = (), verbs: Iterable[Path] = (), date: dt.date | None = None
) -> CheckResult:
    """Check the bundled dictionaries and the given user files (see the module doc)."""
    date = date or dt.date.today()
    result = CheckResult(date.isoformat())
    bundled_actors = [_bundled_actor_file(name) for name in BUNDLED_ACTOR_FILES]
    user_actors = [read_actor_file(Path(p)) for p in actors]
    bundled_verbs, cameo = _bundled_verb_files()
    user_verbs = [read_verb_file(Path(p), cameo, cameo_codes()) for p in verbs]
    files: list[ActorFile | VerbFile] = [*bundled_actors, *user_actors, *bundled_verbs, *user_verbs]
    for f in files:
        result.files.append({"file": str(f.path), "format": f.format, "entries": f.entries})
        result.problems += f.problems
    result.coverage = coverage(date)
    _actor_conflicts(result, bundled_actors, user_actors)
    _verb_conflicts(result, bundled_verbs, user_verbs)
    return result


# -- parsing the bundled files with the user-file validator -----------------------------------


def _bundled_actor_file(name: str) -> ActorFile:
    """A bundled actor file read row by row through the validator of our user format."""
    path = DATA_DIR / name
    out = ActorFile(path, "bundled")
    for number, cols in read_rows(path, 2, pad=True):
        origin = f"{name}:{number}"
        try:
            for row in _as_our_rows(name, cols):
                parse_row(out, row, origin)
        except ValueError as exc:
            out.problems.append(Errors.E903.format(path=path, line=number, detail=exc))
    return out


def _as_our_rows(name: str, cols: list[str]) -> list[list[str]]:
    cols = cols + [""] * 5
    if name == "organisations.tsv":
        return [["org", cols[3], cols[0]]]
    if name == "metonyms.tsv":
        return [["place", cols[0], cols[1], cols[2]]]
    if name == "states.tsv":
        rows = [["place", cols[2], cols[0]]]
        return rows + ([["place", cols[3], cols[0], "GOV"]] if cols[3] else [])
    if name.startswith("agents"):  # a word with no code only blocks or borrows a sector
        return [["agent", cols[0], cols[1]]] if cols[1] else []
    return [["person", cols[0], cols[1]]]


def _bundled_verb_files() -> tuple[list[VerbFile], PatternSet]:
    from eventcoder.events.ontology import data_dir

    codes = cameo_codes()
    first = read_verb_file(data_dir() / BUNDLED_VERB_FILES[0], PatternSet(), codes)
    second = read_verb_file(data_dir() / BUNDLED_VERB_FILES[1], first.patterns, codes)
    both = PatternSet()
    both.update(first.patterns)
    both.update(second.patterns)
    for f in (first, second):
        f.format = "bundled"
    return [first, second], both


# -- conflicts ------------------------------------------------------------------------------


def _spec(entry: Entry) -> str:
    if entry.terms:
        return ";".join(f"{t.code} {t.start or ''}..{t.end or ''}" for t in entry.terms)
    if entry.kind == "agent":
        return entry.code or ""
    return entry.code or f"{entry.country or ''}{entry.sector or ''}"


def _file_of(origin: str) -> str:
    return origin.rsplit(":", 1)[0]


def _actor_conflicts(result: CheckResult, bundled: list[ActorFile], user: list[ActorFile]) -> None:
    for index in ("names", "agents"):
        first: dict[tuple[str, ...], tuple[Entry, str, bool]] = {}
        shadowed = 0
        layers = [(f, True) for f in reversed(user)] + [(f, False) for f in bundled]
        for f, is_user in layers:
            for phrase, entry in getattr(f, index):
                key = tuple(w.lower() for w in words_of(phrase.removesuffix("'s")))
                if not key:
                    continue
                if key not in first:
                    first[key] = (entry, phrase, is_user)
                    continue
                kept, _, kept_user = first[key]
                if _spec(kept) == _spec(entry) or kept.origin == entry.origin:
                    continue  # the same coding, or one row's own variants (a capital = state)
                same_file = _file_of(kept.origin) == _file_of(entry.origin)
                message = Errors.E908.format(
                    path=_file_of(entry.origin),
                    line=entry.origin.rsplit(":", 1)[-1],
                    what="phrase",
                    phrase=phrase,
                    other=kept.origin,
                    detail=f"{_spec(entry)} here, {_spec(kept)} there; the first one is used",
                )
                if same_file and is_user:
                    result.problems.append(message)
                elif same_file:
                    result.conflicts.append(message)
                elif kept_user and not is_user:
                    result.overrides.append(
                        f"{kept.origin}: {phrase!r} ({_spec(kept)}) overrides {entry.origin} "
                        f"({_spec(entry)})"
                    )
                elif kept_user:
                    result.overrides.append(
                        f"{kept.origin}: {phrase!r} overrides {entry.origin} (later file wins)"
                    )
                else:
                    shadowed += 1
        if shadowed:
            result.coverage.setdefault("shadowed", {})[index] = shadowed


def _signature(p: VerbPattern) -> tuple:
    words = lambda terms: tuple(t.label for t in terms)
    preps = tuple((prep, words(t)) for prep, t in p.preps)
    return (p.block, words(p.pre), words(p.post), preps, p.skip, p.ordered, p.swap)


def _verb_conflicts(result: CheckResult, bundled: list[VerbFile], user: list[VerbFile]) -> None:
    seen: dict[Any, tuple[VerbPattern, bool]] = {}
    layers = [(f, True) for f in reversed(user)] + [(f, False) for f in bundled]
    for by_id in (True, False):
        seen.clear()
        for f, is_user in layers:
            for patterns in f.patterns.patterns.values():
                for p in patterns:
                    key: Any = p.id if by_id else _signature(p)
                    if key not in seen:
                        seen[key] = (p, is_user)
                        continue
                    kept, kept_user = seen[key]
                    same = kept.code == p.code and kept.reverse_code == p.reverse_code
                    if by_id or not same:
                        _verb_clash(result, kept, kept_user, p, is_user, by_id)


def _verb_clash(
    result: CheckResult,
    kept: VerbPattern,
    kept_user: bool,
    p: VerbPattern,
    is_user: bool,
    by_id: bool,
) -> None:
    what = "pattern id" if by_id else "pattern with the same words as"
    message = Errors.E908.format(
        path=_file_of(p.origin),
        line=p.origin.rsplit(":", 1)[-1],
        what="verb pattern",
        phrase=p.id,
        other=f"{kept.id} at {kept.origin}",
        detail=f"same {what}; code {p.code} here, {kept.code} there; the first one is used",
    )
    if kept_user and not is_user:
        result.overrides.append(f"{kept.origin}: pattern {kept.id} overrides {p.id} at {p.origin}")
    elif is_user or kept_user:
        result.problems.append(message)
    else:
        result.conflicts.append(message)


# -- coverage -------------------------------------------------------------------------------


def coverage(date: dt.date) -> dict[str, Any]:
    """What the bundled actor data codes on ``date`` (see ``render_check``)."""
    from eventcoder.actors.coder import ActorCoder

    states = read_rows(DATA_DIR / "states.tsv", 5, pad=True)
    coder = ActorCoder(Lexicon.load())
    out: dict[str, Any] = {
        "states": len(states),
        "states with a capital": sum(1 for _, c in states if c[3]),
    }
    for category in ("igo", "armed_group"):
        wanted = [c for _, c in read_rows(COVERAGE_FILE, 3, pad=True) if c[0] == category]
        missing = []
        for _, name, prefix in wanted:
            actor = coder.code_text(name, date)
            code = actor.code if actor else None
            if not code or not code.startswith(prefix):
                missing.append(f"{name} ({code or 'no code'})")
        out[category] = {
            "listed": len(wanted),
            "coded": len(wanted) - len(missing),
            "missing": missing,
        }
    out.update(_offices(date, {c[1]: c[0] for _, c in states}))
    return out


def _offices(date: dt.date, iso_of: dict[str, str]) -> dict[str, Any]:
    """Countries with someone in each office on ``date`` (people_current.tsv), and those
    whose listed holders have all left office (the data needs updating)."""
    held: dict[str, set[str]] = {k: set() for k in _ROLES}
    listed: dict[str, set[str]] = {k: set() for k in _ROLES}
    for _, (names, terms, role, *_) in read_rows(DATA_DIR / "people_current.tsv", 3, pad=True):
        country = _role_country(role, iso_of)
        parsed = _terms(terms)
        if country is None:
            continue
        term, why = term_for(parsed, date)
        in_office = term is not None and why.startswith("the term covering")
        for category, words in _ROLES.items():
            if any(role.startswith(w) or f", then {w}" in role for w in words):
                listed[category].add(country)
                if in_office and term is not None and not term.code.endswith("ELI"):
                    held[category].add(country)
    out: dict[str, Any] = {}
    for category in _ROLES:
        gaps = sorted(listed[category] - held[category])
        out[category] = {
            "countries": len(held[category]),
            "listed": len(listed[category]),
            "nobody in office": gaps,
        }
    out["any GOV person on the date"] = _any_gov(date)
    return out


def _role_country(role: str, iso_of: dict[str, str]) -> str | None:
    _, sep, rest = role.partition(" of ")
    if not sep:
        return None
    name = rest.split(",")[0].strip()
    return iso_of.get(name) or iso_of.get(name.removeprefix("the ").strip())


def _terms(text: str):
    from eventcoder.dictionaries.actor_files import parse_terms

    try:
        return parse_terms(text)
    except ValueError:
        return ()


def _any_gov(date: dt.date) -> int:
    """How many states have at least one person coded <state>GOV on ``date``."""
    countries = set()
    for name in ("people_current.tsv", "people.tsv"):
        for _, (names, terms, *_) in read_rows(DATA_DIR / name, 2, pad=True):
            term, why = term_for(_terms(terms), date)
            if term is not None and why.startswith("the term covering") and term.code[3:6] == "GOV":
                countries.add(term.code[:3])
    return len(countries)


def render_check(result: CheckResult) -> str:
    """The check as readable text."""
    lines = [f"Dictionaries checked as of {result.date}:"]
    for f in result.files:
        lines.append(f"  {f['file']} ({f['format']}): {f['entries']} entries")
    lines.append(f"Problems: {len(result.problems)}")
    lines += [f"  {p}" for p in result.problems[:_SHOWN]]
    lines.append(
        f"Conflicts in the bundled files (the first entry is used): {len(result.conflicts)}"
    )
    lines += [f"  {c}" for c in result.conflicts[:_SHOWN]]
    if len(result.conflicts) > _SHOWN:
        lines.append(f"  ... and {len(result.conflicts) - _SHOWN} more (--json lists all)")
    lines.append(f"User entries that override bundled ones: {len(result.overrides)}")
    lines += [f"  {o}" for o in result.overrides[:_SHOWN]]
    cov = result.coverage
    shadow = cov.get("shadowed", {})
    if shadow:
        lines.append(
            "Bundled phrases given again in a later bundled file (the earlier file wins, by "
            f"design): names {shadow.get('names', 0)}, agents {shadow.get('agents', 0)}"
        )
    lines.append("Coverage of the bundled actor data:")
    lines.append(f"  states: {cov['states']} ({cov['states with a capital']} with a capital)")
    lines.append(
        f"  states with a person coded GOV on the date: {cov['any GOV person on the date']}"
    )
    for category in ("igo", "armed_group"):
        c = cov[category]
        missing = f"; missing: {', '.join(c['missing'])}" if c["missing"] else ""
        lines.append(f"  {category}: {c['coded']}/{c['listed']} of coverage.tsv coded{missing}")
    for category in _ROLES:
        c = cov[category]
        gaps = ", ".join(c["nobody in office"]) or "none"
        lines.append(
            f"  {category}: in office for {c['countries']} of the {c['listed']} countries "
            f"people_current.tsv covers; nobody in office: {gaps}"
        )
    return "\n".join(lines)
