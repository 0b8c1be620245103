"""Read Universal Dependencies treebanks (CoNLL-U) into spaCy ``Doc`` objects.

The reader keeps what our pipeline learns from: syntactic words, UPOS, XPOS,
morphological features, lemmas, heads, relations, sentence starts, and, for GUM,
named-entity spans derived from its CorefUD ``Entity=`` annotation.

Why our own reader rather than ``spacy convert``: GUM's entity brackets are not a
NER layer, so we derive one (named mentions only, mapped to our label set), and we
filter GUM documents by genre licence while reading.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc
from spacy.vocab import Vocab

__all__ = [
    "COMMERCIAL_GUM_GENRES",
    "GUM_LABELS",
    "Sentence",
    "decode_mentions",
    "read_conllu",
    "sentences_to_docs",
    "treebank_path",
]

# GUM genres whose source texts permit commercial use (see shared data SOURCE.md).
COMMERCIAL_GUM_GENRES = frozenset(
    {
        "academic",
        "bio",
        "conversation",
        "court",
        "interview",
        "news",
        "speech",
        "textbook",
        "vlog",
        "voyage",
    }
)

# GUM entity type -> our NER label. "time", "substance", "animal", "plant" names are
# rare and not useful to actor coding, so they are not trained.
GUM_LABELS = {
    "person": "PERSON",
    "organization": "ORG",
    "place": "GPE",
    "event": "EVENT",
    "abstract": "MISC",
    "object": "MISC",
}

# Function words allowed inside a multi-word name ("University of Oxford").
_NAME_GLUE = frozenset({"of", "and", "&", "de", "the", "for", "on"})
_OPEN = re.compile(r"\((\d+)-([a-z]+)([^()]*)(\))?")
_CLOSE = re.compile(r"(?<![(\w-])(\d+)\)")


_TREEBANK_FOLDERS = {"ewt": "ud_english_ewt", "gum": "ud_english_gum"}


def treebank_path(data_dir: Path, name: str, split: str) -> Path:
    """The shared-data file of UD English ``name`` ("ewt" or "gum"), ``split`` train/dev/test."""
    return data_dir / _TREEBANK_FOLDERS[name] / f"en_{name}-ud-{split}.conllu.gz"


@dataclass
class Sentence:
    """One CoNLL-U sentence as syntactic words, plus its document id."""

    doc_id: str
    words: list[str] = field(default_factory=list)
    spaces: list[bool] = field(default_factory=list)
    lemmas: list[str] = field(default_factory=list)
    pos: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    morphs: list[str] = field(default_factory=list)
    heads: list[int] = field(default_factory=list)  # 0-based, within the sentence
    deps: list[str] = field(default_factory=list)
    entities: list[tuple[int, int, str]] = field(default_factory=list)  # token [start, end)

    @property
    def genre(self) -> str:
        """The GUM genre from a ``GUM_<genre>_<name>`` id, else an empty string."""
        parts = self.doc_id.split("_")
        return parts[1] if len(parts) > 2 and parts[0] == "GUM" else ""


def _open_text(path: Path) -> Iterator[str]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        yield from handle


def read_conllu(path: Path | str, genres: Iterable[str] | None = None) -> Iterator[Sentence]:
    """Yield the sentences of a CoNLL-U file (``.gz`` allowed).

    ``genres`` keeps only GUM documents of those genres; ``None`` keeps all.
    """
    keep = frozenset(genres) if genres is not None else None
    doc_id = ""
    block: list[str] = []
    for line in _open_text(Path(path)):
        line = line.rstrip("\n")
        if line.startswith("# newdoc id ="):
            doc_id = line.split("=", 1)[1].strip()
        if line.strip():
            block.append(line)
            continue
        if block:
            sent = _parse_block(block, doc_id)
            block = []
            if sent.words and (keep is None or sent.genre in keep):
                yield sent
    if block:
        sent = _parse_block(block, doc_id)
        if sent.words and (keep is None or sent.genre in keep):
            yield sent


def _misc(value: str) -> dict[str, str]:
    out: dict[str, str] = {}
    if value == "_":
        return out
    for item in value.split("|"):
        key, _, val = item.partition("=")
        out[key] = val
    return out


def _parse_block(lines: list[str], doc_id: str) -> Sentence:
    sent = Sentence(doc_id=doc_id)
    mwt_end = -1
    mwt_space = True
    raw_heads: list[int] = []
    misc_entities: list[str] = []
    for line in lines:
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 10:
            continue
        tid = cols[0]
        if "." in tid:  # empty node of enhanced UD: not a surface word
            continue
        if "-" in tid:  # multiword token: words inside are glued, last gets its space
            _start, end = tid.split("-")
            mwt_end = int(end)
            mwt_space = _misc(cols[9]).get("SpaceAfter") != "No"
            continue
        idx = int(tid)
        misc = _misc(cols[9])
        if idx < mwt_end:
            space = False
        elif idx == mwt_end:
            space = mwt_space
        else:
            space = misc.get("SpaceAfter") != "No"
        sent.words.append(cols[1])
        sent.spaces.append(space)
        sent.lemmas.append(cols[2])
        sent.pos.append(cols[3])
        sent.tags.append(cols[4])
        sent.morphs.append("" if cols[5] == "_" else cols[5])
        raw_heads.append(int(cols[6]) if cols[6].isdigit() else 0)
        sent.deps.append(cols[7].split(":")[0] if cols[7] != "root" else "ROOT")
        misc_entities.append(misc.get("Entity", ""))
    sent.heads = [h - 1 if h > 0 else i for i, h in enumerate(raw_heads)]
    sent.deps = ["ROOT" if raw_heads[i] == 0 else d for i, d in enumerate(sent.deps)]
    sent.entities = _named_entities(sent, misc_entities)
    return sent


def decode_mentions(misc_entities: list[str]) -> list[tuple[int, int, str, str]]:
    """Decode CorefUD ``Entity=`` brackets (one value per token, "" for none) into
    (first token, last token, entity id, entity type) mentions; same id = same chain."""
    stack: dict[str, list[tuple[int, str]]] = {}
    found: list[tuple[int, int, str, str]] = []
    for i, value in enumerate(misc_entities):
        if not value:
            continue
        for match in _OPEN.finditer(value):
            mid, etype, _rest, closed = match.groups()
            if closed:
                found.append((i, i, mid, etype))
            else:
                stack.setdefault(mid, []).append((i, etype))
        without_opens = _OPEN.sub(" ", value)
        for match in _CLOSE.finditer(without_opens):
            opened = stack.get(match.group(1))
            if opened:
                start, etype = opened.pop()
                found.append((start, i, match.group(1), etype))
    return found


def _named_entities(sent: Sentence, misc_entities: list[str]) -> list[tuple[int, int, str]]:
    """Named mentions: the proper-noun run around a PROPN head, labelled by type."""
    spans: list[tuple[int, int, str]] = []
    for first, last, _id, etype in decode_mentions(misc_entities):
        label = GUM_LABELS.get(etype)
        if label is None:
            continue
        head = _mention_head(sent, first, last)
        if head is None or sent.pos[head] != "PROPN":
            continue
        start, end = _propn_run(sent, head, first, last)
        spans.append((start, end, label))
    # Keep the longest of overlapping spans ("University of Oxford" over "Oxford").
    spans.sort(key=lambda s: (-(s[1] - s[0]), s[0]))
    taken: set[int] = set()
    kept: list[tuple[int, int, str]] = []
    for start, end, label in spans:
        if any(i in taken for i in range(start, end)):
            continue
        taken.update(range(start, end))
        kept.append((start, end, label))
    return sorted(kept)


def _mention_head(sent: Sentence, first: int, last: int) -> int | None:
    for i in range(first, last + 1):
        head = sent.heads[i]
        if head == i or head < first or head > last:
            return i
    return None


def _name_word(sent: Sentence, i: int) -> bool:
    """A word of a name: UPOS PROPN, or a name word tagged NNP/NNPS whose UPOS reads it
    otherwise ("United" in "United States" is VERB + NNP in GUM)."""
    return sent.pos[i] == "PROPN" or sent.tags[i] in ("NNP", "NNPS")


def _propn_run(sent: Sentence, head: int, first: int, last: int) -> tuple[int, int]:
    start = head
    while start > first and (
        _name_word(sent, start - 1)
        or (
            sent.words[start - 1].lower() in _NAME_GLUE
            and start - 2 >= first
            and _name_word(sent, start - 2)
            and sent.words[start - 1] != "the"
        )
    ):
        start -= 1
    end = head + 1
    while end <= last and (
        _name_word(sent, end)
        or (sent.words[end].lower() in _NAME_GLUE and end + 1 <= last and _name_word(sent, end + 1))
    ):
        end += 1
    return start, end


def sentences_to_docs(
    sentences: Iterable[Sentence], vocab: Vocab, per_doc: int = 10, with_entities: bool = False
) -> Iterator[Doc]:
    """Group sentences (never across documents) into ``Doc`` objects of ``per_doc`` sentences."""
    group: list[Sentence] = []
    for sent in sentences:
        if group and (len(group) >= per_doc or sent.doc_id != group[0].doc_id):
            yield _make_doc(group, vocab, with_entities)
            group = []
        group.append(sent)
    if group:
        yield _make_doc(group, vocab, with_entities)


def _make_doc(group: list[Sentence], vocab: Vocab, with_entities: bool) -> Doc:
    words: list[str] = []
    spaces: list[bool] = []
    lemmas: list[str] = []
    pos: list[str] = []
    tags: list[str] = []
    morphs: list[str] = []
    heads: list[int] = []
    deps: list[str] = []
    starts: list[bool | int | None] = []
    ents: list[str] = []
    for sent in group:
        offset = len(words)
        sent_spaces = list(sent.spaces)
        sent_spaces[-1] = True  # sentences are separated by a space in running text
        words += sent.words
        spaces += sent_spaces
        lemmas += sent.lemmas
        pos += sent.pos
        tags += sent.tags
        morphs += sent.morphs
        heads += [h + offset for h in sent.heads]
        deps += sent.deps
        starts += [True] + [False] * (len(sent.words) - 1)
        iob = ["O"] * len(sent.words)
        for start, end, label in sent.entities:
            iob[start] = f"B-{label}"
            for i in range(start + 1, end):
                iob[i] = f"I-{label}"
        ents += iob
    spaces[-1] = False
    return Doc(
        vocab,
        words=words,
        spaces=spaces,
        lemmas=lemmas,
        pos=pos,
        tags=tags,
        morphs=morphs,
        heads=heads,
        deps=deps,
        sent_starts=starts,
        ents=ents if with_entities else None,
    )
