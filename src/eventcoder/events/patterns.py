"""Our verb pattern format and its loader.

A pattern file is plain text, one record per line, tab-separated, ``#`` starts a comment line::

    synset   &MILITARY   military|armed forces|troops
    verb     ATTACK      attack    190    attack|attacks|attacked|attacking
    verb     ASK         ask       020    ask for|asks for|asked for|asking for
    pattern  ATTACK.3    ATTACK    195    pre=&AIRCRAFT    post=    preps=
    pattern  ARRANGE.9   ARRANGE   154    pre=    post=    preps=to border
    drop     MEET_PEOPLE face

``verb`` rows: block name, lemma, default code of the bare verb (``---`` for none, ``a:b`` for
an event with a reciprocal one, as "left for X" = visit (042) and X hosts a visit (043)), and
the surface forms (a form of several words names the particles that must come with the verb).
``pattern`` rows belong to a block and so to each verb of it: ``pre`` are words before the verb
(its subject side), ``post`` words after it (object side), ``preps`` prepositional phrases
separated by ``;`` (preposition first), optional ``skip`` prepositions whose phrase is not
the target, ``ordered=yes`` when the post words must appear in their order, ``swap=yes``
when the subject side is the target and ``aim=PREP`` when the target is whoever the object
is taken from: that preposition's phrase ("retook the town from X") or the holder the object
names ("X-held villages", "territory held by X"), never the object itself. A pattern read into a set that already holds one with
the same id from another file replaces it: that is how our own file corrects an imported code.
A ``drop`` row takes a verb (by block and lemma) out of the verbs read before it. Words are matched against a token's text, lemma and
singular; ``&NAME`` stands for any phrase of a synset; words joined by ``_``
("new_&TIETYPES_relations") must stand next to each other in the sentence. The most
specific pattern (most words) wins; with none matching, the verb's default code applies.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from eventcoder.errors import Errors, ModelError

__all__ = [
    "PatternSet",
    "Term",
    "VerbEntry",
    "VerbPattern",
    "forms_of",
    "load_patterns",
    "parse_code",
    "read_pattern_lines",
    "singular",
]


NEGATION_WORDS = {"not", "n't", "never", "no"}


def singular(word: str) -> str:
    """A naive English singular (enough to match dictionary nouns against text)."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("sses", "ches", "shes", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def forms_of(word: str) -> frozenset[str]:
    """The forms under which a dictionary word may appear on a token."""
    word = word.lower()
    return frozenset({word, singular(word)})


def parse_code(text: str) -> tuple[str | None, str | None]:
    """``"042:043"`` -> ("042", "043"); ``"---"`` -> (None, None)."""
    main, _, reverse = text.strip().partition(":")
    clean = lambda c: None if not c or c.strip("-") == "" else c
    return clean(main), clean(reverse)


@dataclass(frozen=True)
class Term:
    """A word, a phrase or a synset in a pattern: any of ``alternatives`` (word tuples) matches."""

    label: str
    alternatives: tuple[tuple[frozenset[str], ...], ...]
    adjacent: bool = False  # a ``_`` chain: the words stand next to each other in the text

    @property
    def size(self) -> int:
        """Number of words of the shortest alternative (for specificity)."""
        return min(len(a) for a in self.alternatives)

    @cached_property
    def first_words(self) -> frozenset[str] | None:
        """The forms one of which must be among a side's words for this term to match there:
        those of each alternative's first word (None: an empty alternative matches anything).
        A fast necessary test, read once per term."""
        if not self.alternatives or any(not a for a in self.alternatives):
            return None
        return frozenset().union(*(a[0] for a in self.alternatives))


@dataclass(frozen=True)
class VerbPattern:
    """One pattern of a verb block."""

    id: str
    block: str
    code: str | None
    reverse_code: str | None
    pre: tuple[Term, ...] = ()
    post: tuple[Term, ...] = ()
    preps: tuple[tuple[str, tuple[Term, ...]], ...] = ()
    skip: tuple[str, ...] = ()  # prepositions whose phrase is never the target
    ordered: bool = False  # the post words stand in this order in the sentence
    swap: bool = False  # the subject side is the target, the object side the source
    # the target is whoever the object is taken from: the phrase of this preposition, or
    # the holder named in the object ("rebel-held villages"); the object (a place) never is
    aim: str | None = None
    origin: str = field(default="", compare=False)  # "file:line" of the pattern

    @property
    def negative(self) -> bool:
        """Whether the pattern itself spells out a negation ("didn't * over efforts"): its
        code then already says what the negated verb means."""
        words = {w for t in self.pre + self.post for alt in t.alternatives for f in alt for w in f}
        return bool(words & NEGATION_WORDS)

    @cached_property
    def specificity(self) -> int:
        """How many words the pattern asks for."""
        size = sum(t.size for t in self.pre + self.post)
        return size + sum(1 + sum(t.size for t in terms) for _, terms in self.preps)

    @cached_property
    def needs(self) -> tuple[tuple[frozenset[str], ...], tuple[frozenset[str], ...]]:
        """For the words before and after the verb: word sets each of which must meet that
        side's words for the pattern to match (see ``Term.first_words``)."""
        pre = tuple(w for w in (t.first_words for t in self.pre) if w is not None)
        post = tuple(w for w in (t.first_words for t in self.post) if w is not None)
        return pre, post


@dataclass(frozen=True)
class VerbEntry:
    """A verb (or verb + particles) of a block."""

    lemma: str
    block: str
    code: str | None
    reverse_code: str | None
    particles: tuple[str, ...] = ()
    origin: str = field(default="", compare=False)  # "file:line" of the verb


@dataclass
class PatternSet:
    """Verbs indexed by surface form and lemma; patterns indexed by block."""

    verbs: dict[str, list[VerbEntry]] = field(default_factory=lambda: defaultdict(list))
    patterns: dict[str, list[VerbPattern]] = field(default_factory=lambda: defaultdict(list))
    synsets: dict[str, Term] = field(default_factory=dict)

    def verbs_for(self, text: str, lemma: str) -> list[VerbEntry]:
        """The verb entries a token may be (by its lower-cased text or lemma)."""
        found = list(self.verbs.get(text.lower(), ()))
        if lemma.lower() != text.lower():
            found += [v for v in self.verbs.get(lemma.lower(), ()) if v not in found]
        return found

    def patterns_for(self, block: str) -> list[VerbPattern]:
        """The patterns of a verb block."""
        return self.patterns.get(block, [])

    def update(self, other: PatternSet) -> None:
        """Add another set's verbs, patterns and synsets (ours on top of imported ones)."""
        for form, entries in other.verbs.items():
            self.verbs[form].extend(e for e in entries if e not in self.verbs[form])
        for block, patterns in other.patterns.items():
            self.patterns[block].extend(patterns)
        self.synsets.update(other.synsets)

    def __len__(self) -> int:
        return sum(len(p) for p in self.patterns.values())


def _term(text: str, synsets: dict[str, Term]) -> Term:
    if "&" in text and "_" in text:  # a chain with synsets: "new_&TIETYPES_relations"
        alternatives: list[tuple[frozenset[str], ...]] = [()]
        for part in (p for p in text.split("_") if p):
            options = _term(part, synsets).alternatives
            alternatives = [a + o for a in alternatives for o in options]
        return Term(text, tuple(alternatives), adjacent=True)
    if text.startswith("&"):
        if text not in synsets:
            raise KeyError(text)
        return synsets[text]
    words = tuple(forms_of(w) for w in text.split("_") if w)
    return Term(text, (words,), adjacent=len(words) > 1)


def _phrase(text: str, synsets: dict[str, Term]) -> tuple[Term, ...]:
    return tuple(_term(w, synsets) for w in text.split())


def _synset(label: str, body: str, synsets: dict[str, Term]) -> Term:
    alternatives: list[tuple[frozenset[str], ...]] = []
    for phrase in body.split("|"):
        phrase = phrase.strip()
        if phrase.startswith("&") and phrase in synsets:
            alternatives.extend(synsets[phrase].alternatives)
        elif phrase:
            alternatives.append(tuple(forms_of(w) for w in phrase.split()))
    return Term(label, tuple(alternatives))


def _add_verb(out: PatternSet, cols: list[str], origin: str = "") -> None:
    block, lemma, code_text, forms = cols[1], cols[2], cols[3], cols[4]
    code, reverse = parse_code(code_text)
    for form in forms.split("|"):
        words = form.split()
        if not words:
            continue
        head = next((w[1:] for w in words if w.startswith("+")), words[0])
        particles = tuple(w.lstrip("+") for w in words if w.lstrip("+") != head)
        entry = VerbEntry(lemma, block, code, reverse, particles, origin)
        if entry not in out.verbs[head]:
            out.verbs[head].append(entry)


def _drop_verb(out: PatternSet, block: str, lemma: str) -> None:
    """Take a verb out of a block read before (an imported verb that misleads on news)."""
    for form in list(out.verbs):
        kept = [e for e in out.verbs[form] if not (e.block == block and e.lemma == lemma)]
        if kept:
            out.verbs[form] = kept
        else:
            del out.verbs[form]


def _add_pattern(out: PatternSet, cols: list[str], origin: str = "") -> None:
    fields = dict(c.split("=", 1) for c in cols[4:] if "=" in c)
    code, reverse = parse_code(cols[3])
    preps = []
    for item in fields.get("preps", "").split(";"):
        words = item.split()
        if words:
            preps.append((words[0], _phrase(" ".join(words[1:]), out.synsets)))
    pattern = VerbPattern(
        id=cols[1],
        block=cols[2],
        code=code,
        reverse_code=reverse,
        pre=_phrase(fields.get("pre", ""), out.synsets),
        post=_phrase(fields.get("post", ""), out.synsets),
        preps=tuple(preps),
        skip=tuple(fields.get("skip", "").split()),
        ordered=fields.get("ordered") == "yes",
        swap=fields.get("swap") == "yes",
        aim=fields.get("aim") or None,
        origin=origin,
    )
    block = out.patterns[cols[2]]
    same = next(
        (k for k, p in enumerate(block) if p.id == pattern.id and _file(p) != _file(pattern)), None
    )
    if same is None:
        block.append(pattern)
    else:  # a correction of an imported pattern (ours are read last)
        block[same] = pattern


def _file(pattern: VerbPattern) -> str:
    return pattern.origin.rsplit(":", 1)[0]


def load_patterns(path: Path, into: PatternSet | None = None) -> PatternSet:
    """Read a pattern file of our format (see the module docstring).

    With ``into``, the file's records are added to that set (and may use its synsets).
    """
    if not path.exists():
        raise ModelError(Errors.E801.format(path=path))
    out = into if into is not None else PatternSet()
    lines = enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
    problems = read_pattern_lines(((f"{path.name}:{n}", line) for n, line in lines), out)
    if problems:
        origin, detail = problems[0]
        raise ModelError(
            Errors.E802.format(path=path, line=origin.rsplit(":", 1)[-1], detail=detail)
        )
    return out


def read_pattern_lines(
    lines: Iterable[tuple[str, str]], out: PatternSet, stop_at_first: bool = True
) -> list[tuple[str, str]]:
    """Add (origin, line) records of our format to ``out``; return (origin, problem) pairs.

    A record that cannot be read is not added; with ``stop_at_first`` reading stops there."""
    problems: list[tuple[str, str]] = []
    for origin, line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        try:
            if cols[0] == "synset":
                out.synsets[cols[1]] = _synset(cols[1], cols[2], out.synsets)
            elif cols[0] == "verb":
                _add_verb(out, cols, origin)
            elif cols[0] == "pattern":
                _add_pattern(out, cols, origin)
            elif cols[0] == "drop":
                _drop_verb(out, cols[1], cols[2])
            else:
                raise ValueError(f"unknown record kind {cols[0]!r}")
        except IndexError:
            problems.append((origin, f"a {cols[0]} line needs more tab-separated columns"))
        except KeyError as exc:
            problems.append((origin, f"synset {exc.args[0]} is not defined before its use"))
        except ValueError as exc:
            problems.append((origin, str(exc)))
        if problems and stop_at_first:
            break
    return problems
