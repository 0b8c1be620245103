"""Actor knowledge: load our data files into one phrase index of names and one of agent words.

Data files (``src/eventcoder/data/actors/``, tab-separated, ``#`` comments; see README.md there):

* ``organisations.tsv`` code, country, sector, names    (hand-kept)
* ``metonyms.tsv``      phrase, country, sector          (hand-kept; "Downing Street", "Warsaw")
* ``people_current.tsv`` names, terms, role              (hand-kept, 2010-2025)
* ``states.tsv``        iso3, name, names, capitals, cities   (built from CountryInfo)
* ``people.tsv``        names, terms, source             (built from Phoenix)
* ``international.tsv`` names, terms, source             (built from Phoenix; organisations)
* ``agents_hand.tsv``   phrase, code                     (hand-kept)
* ``agents.tsv``        phrase, code, prefix, source     (built from PLOVER and Phoenix)

Earlier files win when two give the same phrase; user dictionaries (``--actors``, see
``eventcoder.dictionaries``) come before all of them. Every entry keeps its ``origin``
("file:line") for ``eventcoder explain``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from eventcoder.actors.petrarch_format import AgentEntry, DatedCode, PetrarchActor
from eventcoder.datafiles import read_rows
from eventcoder.errors import Errors, ModelError
from eventcoder.paths import PACKAGE_DIR

__all__ = [
    "DATA_DIR",
    "Entry",
    "Lexicon",
    "PhraseIndex",
    "code_for",
    "split_code",
    "term_for",
    "text_words",
    "words_of",
]

DATA_DIR = PACKAGE_DIR / "data" / "actors"
_SPLIT = re.compile(r"[\s\-_\u2010-\u2014]+")
_COUNTRY = re.compile(r"^[A-Z]{3}$")
# Words that Phoenix writes capitalised inside names ("Bosnia And Herzegovina", "Republic Of
# Belarus") and news writes in lower case: in a name of two or more words they match either way.
# Name particles ("al-Abadi", "bin Laden") do so in people's names too; the English words only
# in names of four words or more, since the person file also holds bare titles ("Secretary Of
# State") that must not match running text.
PARTICLES = frozenset(
    [
        "de",
        "del",
        "della",
        "des",
        "du",
        "la",
        "le",
        "al",
        "el",
        "ul",
        "bin",
        "ibn",
        "van",
        "von",
        "der",
        "den",
        "da",
        "dos",
        "do",
    ]
)
FUNCTION_WORDS = PARTICLES | frozenset(
    ["of", "the", "and", "for", "on", "in", "at", "to", "y", "e"]
)


@dataclass(frozen=True)
class Entry:
    """A lexicon entry. ``kind``: state, capital, place, org, intl (dated organisation), person, agent."""

    kind: str
    country: str | None = None
    sector: str | None = None
    code: str | None = None  # fixed code (organisations)
    terms: tuple[DatedCode, ...] = ()
    label: str = ""
    prefix: bool = False  # a PETRARCH ``CODE~`` agent: its code goes before the actor code
    origin: str = field(default="", compare=False)  # "file:line" of the dictionary entry

    def code_on(self, date: dt.date | None) -> str | None:
        """The dated code of a person on ``date`` (or the fixed code)."""
        return code_for(self.terms, date) if self.terms else self.code


def code_for(terms: Iterable[DatedCode], date: dt.date | None) -> str | None:
    """Pick a code: a term covering ``date`` (non-ELI first), else the undated default.

    Without a date the open-ended (current) term wins.
    """
    term, _ = term_for(terms, date)
    return term.code if term else None


def term_for(terms: Iterable[DatedCode], date: dt.date | None) -> tuple[DatedCode | None, str]:
    """The term ``code_for`` picks and the rule that picked it (for ``explain``)."""
    terms = list(terms)
    if date is None:
        current = [t for t in terms if t.start is not None and t.end is None]
        if current:
            return current[-1], "no date: the open (current) term"
    else:
        covering = [t for t in terms if (t.start or t.end) and t.applies(date)]
        covering.sort(key=lambda t: (t.code.endswith("ELI"), -(t.start or dt.date.min).toordinal()))
        if covering:
            return covering[0], f"the term covering {date.isoformat()}"
    default = [t for t in terms if t.start is None and t.end is None]
    if default:
        return default[-1], "the default outside every dated term"
    return None, "no term covers the date and there is no default"


def split_code(code: str | None) -> tuple[str | None, str | None]:
    """A CAMEO-style code to (country, sector): BLRMIL -> (BLR, MIL); IGOEU -> (EU, IGO)."""
    if not code or code in {"---", "+++"}:
        return None, None
    if code.startswith("IGO"):
        return (code[3:] or None), "IGO"
    if _COUNTRY.match(code[:3]) and len(code) >= 3:
        return code[:3], (code[3:6] or None)
    return None, code[:3]


def words_of(text: str) -> tuple[str, ...]:
    """Split a phrase into match words (hyphens, dashes and underscores are separators)."""
    return tuple(w for w in _SPLIT.split(text.strip()) if w)


def text_words(text: str) -> tuple[str, ...]:
    """Words of running text for matching: as :func:`words_of`, but the lower-case parts of a
    hyphenated capitalised word count as capitalised ("Jong-un" matches "Kim Jong Un")."""
    words = words_of(text)
    if len(words) < 2 or not words[0][:1].isupper():
        return words
    return (words[0], *(w[:1].upper() + w[1:] if w[:1].islower() else w for w in words[1:]))


@dataclass
class PhraseIndex:
    """Phrases keyed by their first word (lower case), longest first."""

    by_first: dict[str, list[tuple[tuple[str, ...], tuple[str, ...], Entry]]] = field(
        default_factory=dict
    )
    seen: set[tuple[str, ...]] = field(default_factory=set)
    # the same phrases by their lower-case words (each is added once), and by first word the
    # lengths they come in, longest first: a look-up tries one dict key per length
    by_words: dict[tuple[str, ...], tuple[tuple[str, ...], Entry]] = field(
        default_factory=dict, repr=False
    )
    lengths: dict[str, tuple[int, ...]] = field(default_factory=dict, repr=False)

    def add(self, phrase: str, entry: Entry, case_sensitive: bool = True) -> None:
        """Add ``phrase``; capitalised words then only match capitalised text."""
        words = words_of(phrase.removesuffix("'s").removesuffix("\u2019s"))
        lower = tuple(w.lower() for w in words)
        if not lower or lower in self.seen:
            return
        self.seen.add(lower)
        shape = words if case_sensitive else tuple(w.lower() for w in words)
        if len(shape) > 1:
            free = FUNCTION_WORDS if entry.kind != "person" or len(shape) > 3 else PARTICLES
            shape = tuple(w.lower() if w.lower() in free else w for w in shape)
        self.by_first.setdefault(lower[0], []).append((lower, shape, entry))
        self.by_words[lower] = (shape, entry)
        known = self.lengths.get(lower[0], ())
        if len(lower) not in known:
            self.lengths[lower[0]] = tuple(sorted((*known, len(lower)), reverse=True))

    def finish(self) -> None:
        """Sort candidates longest first."""
        for items in self.by_first.values():
            items.sort(key=lambda item: -len(item[0]))

    def match(self, words: list[str], lowered: list[str], i: int) -> tuple[int, Entry] | None:
        """The longest phrase starting at word ``i``: (length, entry)."""
        left = len(lowered) - i
        for n in self.lengths.get(lowered[i], ()):
            if n > left:
                continue
            hit = self.by_words.get(tuple(lowered[i : i + n]))
            if hit is not None and _shape_ok(hit[0], words[i : i + n]):
                return n, hit[1]
        return None


def _shape_ok(shape: tuple[str, ...], words: list[str]) -> bool:
    """Capitalised pattern words need capitalised text; short acronyms need exact case."""
    for pattern, word in zip(shape, words):
        if pattern[:1].isupper() and not word[:1].isupper():
            return False
        if pattern.isupper() and len(pattern.replace(".", "")) <= 5 and pattern != word:
            return False
    return True


@dataclass
class Lexicon:
    """Names (states, capitals, organisations, people) and agent (sector) words."""

    names: PhraseIndex = field(default_factory=PhraseIndex)
    agents: PhraseIndex = field(default_factory=PhraseIndex)
    peer: bool = False  # PETRARCH dictionaries: codes compose as PETRARCH does

    @classmethod
    def load(
        cls,
        data_dir: Path | None = None,
        user_names: Iterable[tuple[str, Entry]] = (),
        user_agents: Iterable[tuple[str, Entry]] = (),
    ) -> Lexicon:
        """Read our data files (see the module docstring).

        ``user_names`` and ``user_agents`` are (phrase, entry) pairs of validated user
        dictionaries; they are added first, so a user entry wins over a bundled one."""
        folder = Path(data_dir) if data_dir is not None else DATA_DIR
        if not folder.is_dir():
            raise ModelError(Errors.E601.format(path=folder))
        lex = cls()
        for phrase, entry in user_names:
            lex.names.add(phrase, entry)
        for phrase, entry in user_agents:
            lex.agents.add(phrase, entry, case_sensitive=False)
        _load_orgs(lex, folder / "organisations.tsv")
        _load_metonyms(lex, folder / "metonyms.tsv")
        _load_people(lex, folder / "people_current.tsv")
        _load_states(lex, folder / "states.tsv")
        _load_people(lex, folder / "people.tsv")
        _load_people(lex, folder / "international.tsv", kind="intl")
        _load_agents(lex, folder / "agents_hand.tsv")
        _load_agents(lex, folder / "agents.tsv")
        lex.names.finish()
        lex.agents.finish()
        return lex

    @classmethod
    def from_petrarch(cls, actors: list[PetrarchActor], agents: list[AgentEntry]) -> Lexicon:
        """A lexicon from PETRARCH-format records (peer dictionaries)."""
        lex = cls(peer=True)
        for record in actors:
            entry = Entry("person", terms=tuple(record.codes), label=" ".join(record.phrases[0]))
            for phrase in record.phrases:
                lex.names.add(" ".join(phrase), entry, case_sensitive=False)
        for agent in agents:  # peer agent codes stay whole (~GOVMED gives XXXGOVMED)
            lex.agents.add(
                " ".join(agent.phrase),
                Entry("agent", sector=agent.code or None, code=agent.code, prefix=agent.prefix),
                case_sensitive=False,
            )
        lex.names.finish()
        lex.agents.finish()
        return lex


def _rows(path: Path, width: int) -> Iterator[tuple[str, list[str]]]:
    """("file:line", columns) of tab-separated rows (comments and blanks skipped), padded
    to ``width`` columns."""
    return ((f"{path.name}:{n}", cols) for n, cols in read_rows(path, width, pad=True))


def _parse_terms(text: str) -> tuple[DatedCode, ...]:
    """``CODE start..end;CODE`` to dated codes."""
    terms = []
    for part in text.split(";"):
        code, _, span = part.strip().partition(" ")
        if not code:
            continue
        start, _, end = span.partition("..")
        terms.append(DatedCode(code, _iso(start), _iso(end)))
    return tuple(terms)


def _iso(text: str) -> dt.date | None:
    text = text.strip()
    return dt.date.fromisoformat(text) if text else None


def _load_orgs(lex: Lexicon, path: Path) -> None:
    for origin, (code, country, sector, names, *_) in _rows(path, 4):
        label = names.split("|")[0]
        entry = Entry("org", country or None, sector or None, code, label=label, origin=origin)
        for name in names.split("|"):
            lex.names.add(name, entry)


def _load_metonyms(lex: Lexicon, path: Path) -> None:
    for origin, (phrase, country, sector, *_) in _rows(path, 3):
        kind = "capital" if sector else "state"
        lex.names.add(phrase, Entry(kind, country, sector or None, label=phrase, origin=origin))


def _load_states(lex: Lexicon, path: Path) -> None:
    for origin, (iso3, name, names, capitals, cities, *_) in _rows(path, 5):
        for phrase in names.split("|"):
            lex.names.add(phrase, Entry("state", iso3, label=name, origin=origin))
        for phrase in filter(None, capitals.split("|")):
            lex.names.add(phrase, Entry("capital", iso3, "GOV", label=phrase, origin=origin))
        for phrase in filter(None, cities.split("|")):
            lex.names.add(phrase, Entry("place", iso3, label=phrase, origin=origin))


def _load_people(lex: Lexicon, path: Path, kind: str = "person") -> None:
    for origin, (names, terms, *_) in _rows(path, 2):
        variants = names.split("|")
        entry = Entry(kind, terms=_parse_terms(terms), label=variants[0], origin=origin)
        for name in variants:
            lex.names.add(name, entry)


def _load_agents(lex: Lexicon, path: Path) -> None:
    for origin, (phrase, code, *_) in _rows(path, 2):
        lex.agents.add(
            phrase,
            Entry("agent", sector=code[:3] or None, code=code, label=phrase, origin=origin),
            case_sensitive=False,
        )
