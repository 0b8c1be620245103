"""User dictionaries: every file read and validated before anything is used, then laid over
the bundled dictionaries (a user entry wins over a bundled one; a later file over an earlier).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from eventcoder.actors.lexicon import DATA_DIR as ACTOR_DATA_DIR
from eventcoder.actors.lexicon import Entry, Lexicon
from eventcoder.dictionaries.actor_files import ActorFile, read_actor_file
from eventcoder.dictionaries.verb_files import VerbFile, lay_over, read_verb_file
from eventcoder.errors import DictionaryError, Errors
from eventcoder.events.discards import Discard
from eventcoder.events.patterns import PatternSet

__all__ = [
    "BUNDLED_ACTOR_FILES",
    "BUNDLED_VERB_FILES",
    "UserDictionaries",
    "bundled_patterns",
    "cameo_codes",
    "file_digest",
]

BUNDLED_ACTOR_FILES = (
    "organisations.tsv",
    "metonyms.tsv",
    "people_current.tsv",
    "states.tsv",
    "people.tsv",
    "international.tsv",
    "agents_hand.tsv",
    "agents.tsv",
)
BUNDLED_VERB_FILES = ("cameo_verbs.txt", "own_verbs.txt")


def file_digest(path: Path) -> str:
    """``sha256:<hex>`` of a file's bytes."""
    return "sha256:" + hashlib.sha256(Path(path).read_bytes()).hexdigest()


def bundled_patterns() -> PatternSet:
    """The bundled verb patterns (CAMEO conversion, then our own)."""
    from eventcoder.events.ontology import data_dir
    from eventcoder.events.patterns import load_patterns

    patterns = load_patterns(data_dir() / BUNDLED_VERB_FILES[0])
    return load_patterns(data_dir() / BUNDLED_VERB_FILES[1], into=patterns)


def cameo_codes() -> set[str]:
    """Every event code of the bundled CAMEO tables (Goldstein and PLOVER)."""
    from eventcoder.events.ontology import CameoOntology

    ontology = CameoOntology.from_data()
    return set(ontology.goldstein_table) | set(ontology.plover_table)


def _bundled_digests() -> tuple[tuple[str, str], ...]:
    from eventcoder.events.ontology import data_dir

    actors = [(f"bundled/actors/{n}", file_digest(ACTOR_DATA_DIR / n)) for n in BUNDLED_ACTOR_FILES]
    verbs = [(f"bundled/verbs/{n}", file_digest(data_dir() / n)) for n in BUNDLED_VERB_FILES]
    return tuple(actors + verbs)


@dataclass(frozen=True)
class UserDictionaries:
    """Validated user actor and verb files, in the order given."""

    actor_files: tuple[ActorFile, ...] = ()
    verb_files: tuple[VerbFile, ...] = ()
    bundled_digests: tuple[tuple[str, str], ...] = ()  # (name, digest) when loaded
    base: PatternSet | None = field(default=None, compare=False, repr=False)  # bundled verbs

    @classmethod
    def load(
        cls,
        actors: Iterable[str | Path] = (),
        verbs: Iterable[str | Path] = (),
        bundled: PatternSet | None = None,
    ) -> UserDictionaries:
        """Read and validate every file; raise ``DictionaryError`` (E907) naming every
        problem (file, line, what) if any file has one, so nothing is half-loaded."""
        actor_files = tuple(read_actor_file(Path(p)) for p in actors)
        verb_list = [Path(p) for p in verbs]
        verb_files: tuple[VerbFile, ...] = ()
        base = bundled
        if verb_list:
            base = base if base is not None else bundled_patterns()
            codes = cameo_codes()
            verb_files = tuple(read_verb_file(p, base, codes) for p in verb_list)
        files: list[ActorFile | VerbFile] = [*actor_files, *verb_files]
        problems = [p for f in files for p in f.problems]
        if problems:
            message = Errors.E907.format(count=len(problems), first=problems[0])
            raise DictionaryError("\n".join([message, *problems[1:]]), problems)
        return cls(actor_files, verb_files, _bundled_digests(), base)

    def __bool__(self) -> bool:
        return bool(self.actor_files or self.verb_files)

    @property
    def names(self) -> list[tuple[str, Entry]]:
        """User names, the last file first (a later file wins over an earlier one)."""
        return [n for f in reversed(self.actor_files) for n in f.names]

    @property
    def agents(self) -> list[tuple[str, Entry]]:
        """User agent phrases, the last file first."""
        return [a for f in reversed(self.actor_files) for a in f.agents]

    @property
    def discards(self) -> tuple[Discard, ...]:
        """Every user discard phrase."""
        return tuple(d for f in self.actor_files for d in f.discards)

    def lexicon(self, data_dir: Path | None = None) -> Lexicon:
        """The bundled actor lexicon with the user entries on top."""
        return Lexicon.load(data_dir, user_names=self.names, user_agents=self.agents)

    def patterns(self, bundled: PatternSet | None = None) -> PatternSet:
        """The bundled verb patterns with the user files laid over them."""
        base = bundled if bundled is not None else self.base
        base = base if base is not None else bundled_patterns()
        return lay_over(base, list(self.verb_files)) if self.verb_files else base

    def digests(self) -> dict[str, str]:
        """``{"bundled/actors/<file>": digest, "user/verbs/<path>": digest, ...}`` of every
        dictionary in use, as it was when loaded (user files named by their path as given)."""
        out = dict(self.bundled_digests or _bundled_digests())
        out.update({f"user/actors/{f.path}": f.digest for f in self.actor_files})
        out.update({f"user/verbs/{f.path}": f.digest for f in self.verb_files})
        return out

    def digest(self) -> str:
        """One digest over every dictionary in use (see ``digests``)."""
        joined = "\n".join(f"{k}={v}" for k, v in sorted(self.digests().items()))
        return "sha256:" + hashlib.sha256(joined.encode()).hexdigest()
