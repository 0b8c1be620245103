"""Convert a PETRARCH verb dictionary (``CAMEO.2.0.txt`` format) into our pattern format.

The PETRARCH format (see ``dictionaries_format.rst`` in the shared data): ``&SYNSET`` blocks of
``+phrase`` lines; ``--- NAME [code] ---`` verb blocks of verb lines (``VERB {irregular forms}
[code]``, ``+`` marking the verb of a multi-word verb) and pattern lines
``- pre * post (PREP noun) [code] # comment``. Transformation lines (``~``) are not converted:
our modality and complement rules cover them. ``$ + % ^`` markers are dropped (roles come from
the dependency parse). ``_`` adjacency is relaxed to "in the same phrase".

With ``adjacency=True`` (PETRARCH's own semantics, used for dictionaries converted on the
fly, e.g. the peer validation suite):

* ``_``-joined words are kept as chains that must stand next to each other in the sentence;
* words after the verb keep their order and plain words match as written (``ordered=yes``);
* a target marker after a skipped phrase ("IFTAR IN ^ +") gives ``skip=in``;
* a target marker before the verb with a source marker after it ("+ * MONEY $") swaps the
  roles (``swap=yes``).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from eventcoder.errors import Errors, InputError

__all__ = ["PetrarchVerbConverter", "convert_petrarch_verbs", "verb_forms"]

log = logging.getLogger(__name__)

_BLOCK = re.compile(r"^---\s*(.*?)\s*\[([^\]]*)\].*---")
_CODE = re.compile(r"\[([^\]]*)\]\s*$")
_MARKERS = str.maketrans({"$": " ", "%": " ", "^": " ", "{": " ", "}": " "})
_VOWELS = "aeiou"


def verb_forms(verb: str) -> list[str]:
    """Regular English forms of a verb: base, 3rd person, past, gerund."""
    v = verb.lower()
    if v.endswith("ee"):
        return [v, v + "s", v + "d", v + "ing"]
    if v.endswith("e"):
        return [v, v + "s", v + "d", v[:-1] + "ing"]
    if v.endswith("y") and len(v) > 1 and v[-2] not in _VOWELS:
        return [v, v[:-1] + "ies", v[:-1] + "ied", v + "ing"]
    if v.endswith(("s", "sh", "ch", "x", "z")):
        return [v, v + "es", v + "ed", v + "ing"]
    return [v, v + "s", v + "ed", v + "ing"]


def _strip_comment(line: str) -> str:
    return line.split("#", 1)[0].rstrip()


@dataclass
class PetrarchVerbConverter:
    """Reads one PETRARCH verb dictionary and writes our pattern lines."""

    lines: list[str] = field(default_factory=list)
    synsets: set[str] = field(default_factory=set)
    skipped: int = 0
    block: str = ""
    block_code: str = "---"
    counter: int = 0
    adjacency: bool = False
    _synset_label: str | None = None
    _synset_members: list[str] = field(default_factory=list)
    number: int = 0  # line number of the line being fed (set by the caller)
    origins: list[int] = field(default_factory=list)  # source line of each output line
    problems: list[tuple[int, str]] = field(default_factory=list)  # (line, why skipped)
    _synset_line: int = 0

    def _emit(self, line: str, number: int) -> None:
        self.lines.append(line)
        self.origins.append(number)

    def _skip(self, why: str) -> None:
        self.skipped += 1
        self.problems.append((self.number, why))

    def feed(self, raw: str) -> None:
        """Consume one line of the dictionary."""
        if raw.lstrip().startswith("<!--"):
            return
        match = _BLOCK.match(raw.strip())
        if match:
            self._close_synset()
            self.block, self.block_code, self.counter = (
                match.group(1).rstrip("_"),
                match.group(2),
                0,
            )
            return
        line = _strip_comment(raw).strip()
        if not line or line.startswith("~"):
            return
        if line.startswith("&"):
            self._close_synset()
            self._synset_label = "&" + line[1:].split()[0].rstrip("_")
            self._synset_line = self.number
        elif line.startswith("+") and self._synset_label:
            self._synset_members.append(self._member(line[1:]))
        elif line.startswith("-"):
            self._close_synset()
            self._pattern(line[1:])
        else:
            self._close_synset()
            self._verb(line)

    @staticmethod
    def _member(text: str) -> str:
        words = [w.rstrip("_").lower() for w in re.split(r"[_\s]+", text.strip())]
        return " ".join(w if not w.startswith("&") else "&" + w[1:].upper() for w in words if w)

    def _close_synset(self) -> None:
        if self._synset_label:
            members = [m for m in self._synset_members if m]
            members = [m for m in members if not m.startswith("&") or m in self.synsets]
            if members:
                self._emit(f"synset\t{self._synset_label}\t{'|'.join(members)}", self._synset_line)
                self.synsets.add(self._synset_label)
        self._synset_label, self._synset_members = None, []

    def _verb(self, line: str) -> None:
        code = self.block_code
        found = _CODE.search(line)
        if found:
            code, line = found.group(1), line[: found.start()]
        irregular = re.search(r"\{(.*?)\}", line)
        base = line[: irregular.start()] if irregular else line
        base = base.split()[0] if base.split() else ""
        if not base or not self.block:
            self._skip("a verb line outside a --- BLOCK [code] --- block")
            return
        words = [w for w in base.split("_") if w]
        head = next((w[1:] for w in words if w.startswith("+")), words[0]).lower()
        forms = self._forms(words, head, irregular.group(1).split() if irregular else None)
        self._emit(
            f"verb\t{self.block}\t{head.rstrip('_')}\t{code}\t{'|'.join(forms)}", self.number
        )

    @staticmethod
    def _forms(words: list[str], head: str, irregular: list[str] | None) -> list[str]:
        def render(parts: list[str], verb_form: str) -> str:
            if len(parts) == 1:
                return verb_form
            return " ".join(
                "+" + verb_form if p.lstrip("+").lower() == head else p.lower() for p in parts
            )

        regular = irregular is None and not head.endswith("_")
        base_forms = verb_forms(head.rstrip("_")) if regular else [head.rstrip("_")]
        out = [render(words, f) for f in base_forms]
        for form in irregular or []:
            parts = [w for w in form.split("_") if w]
            verb = next((w[1:] for w in parts if w.startswith("+")), parts[0]).lower()
            out.append(
                render([("+" + verb) if p.lstrip("+").lower() == verb else p for p in parts], verb)
                if len(parts) > 1
                else verb
            )
        return list(dict.fromkeys(out))

    def _pattern(self, text: str) -> None:
        found = _CODE.search(text)
        if not found or not self.block:
            self._skip(
                "a pattern needs a [code] at its end"
                if self.block
                else "a pattern outside a verb block"
            )
            return
        code, text = found.group(1).strip().rstrip("!?"), text[: found.start()]
        text = text.replace("_*", " * ").replace("*_", " * ")
        pre, star, post = text.partition("*")
        if not star:
            pre, post = "", text
        preps = [self._words(p) for p in re.findall(r"\(([^)]*)\)", post)]
        post = re.sub(r"\([^)]*\)", " ", post)
        pre_words, post_words = self._words(pre), self._words(post)
        preps = [[w for chunk in p for w in chunk.split("_")] for p in preps]
        used = [
            w
            for chunk in pre_words + post_words + [w for p in preps for w in p]
            for w in chunk.split("_")
            if w.startswith("&")
        ]
        missing = [w for w in used if w not in self.synsets]
        if missing:
            self._skip(f"synset {missing[0]} is not defined before its use")
            return
        self.counter += 1
        prep_text = ";".join(" ".join(p) for p in preps if p)
        skip = (
            f"\tskip={' '.join(_skipped_words(post))}"
            if self.adjacency and _skipped_words(post)
            else ""
        )
        skip += "\tordered=yes" if self.adjacency and post_words else ""
        skip += "\tswap=yes" if self.adjacency and _swapped(pre, post) else ""
        self._emit(
            f"pattern\t{self.block}.{self.counter}\t{self.block}\t{code or '---'}\t"
            f"pre={' '.join(pre_words)}\tpost={' '.join(post_words)}\tpreps={prep_text}{skip}",
            self.number,
        )

    def _words(self, text: str) -> list[str]:
        """Pattern words, lower case (synsets upper); ``_``-joined chains kept with adjacency."""
        text = text.translate(_MARKERS).replace("+", " ")
        out = []
        for chunk in text.split():
            parts = [p.strip() for p in chunk.split("_")]
            parts = [
                "&" + p[1:].upper() if p.startswith("&") else p.lower()
                for p in parts
                if p and re.search(r"[A-Za-z&]", p)
            ]
            if parts:
                out.extend(["_".join(parts)] if self.adjacency else parts)
        return out


def _skipped_words(post: str) -> list[str]:
    """Words whose phrase a target-marked pattern skips: "IN ^ +" (the target ``+`` is not
    the noun phrase ``^`` right after "in")."""
    if "+" not in post.replace("_+", " "):
        return []
    return [w.lower() for w in re.findall(r"([A-Za-z]+)\s+\^", post)]


def _swapped(pre: str, post: str) -> bool:
    """A pattern that puts the target ``+`` before the verb and the source ``$`` after it
    ("+ * MONEY $": the receiver is the target, the giver the source)."""
    return bool(re.search(r"(^|\s)\+(\s|$)", pre)) and "$" in post


def convert_petrarch_verbs(
    source: Path, target: Path | None = None, adjacency: bool = False
) -> list[str]:
    """Convert a PETRARCH verb dictionary; write it to ``target`` when given; return the lines.

    ``adjacency``: keep ``_`` chains as words that must be adjacent (module docstring)."""
    if not source.exists():
        raise InputError(Errors.E005.format(path=source))
    converter = PetrarchVerbConverter(adjacency=adjacency)
    for raw in source.read_text(encoding="utf-8", errors="replace").splitlines():
        converter.feed(raw)
    converter._close_synset()
    if not any(line.startswith("pattern") for line in converter.lines):
        raise InputError(Errors.E804.format(path=source, detail="no verb patterns found"))
    log.info(
        "%s: %d lines, %d patterns skipped", source.name, len(converter.lines), converter.skipped
    )
    if target is not None:
        header = [
            f"# Converted from the PETRARCH verb dictionary {source.name} (openeventdata/petrarch2,",
            "# MIT licence, (c) 2015 Open Event Data Alliance) by eventcoder.events.petrarch_verbs.",
            "# Format: see eventcoder/events/patterns.py. Rebuild: python -m eventcoder.events.build_data",
        ]
        target.write_text("\n".join(header + converter.lines) + "\n", encoding="utf-8")
    return converter.lines
