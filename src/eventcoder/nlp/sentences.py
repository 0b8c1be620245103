"""Sentence-boundary rules for news text, applied before the parser (no retraining).

The parser learns sentence boundaries from treebank text, which has no datelines and no
line layout, and it splits a news text in typical wrong places: a heading run into the first
sentence, a dateline ("KYIV, May 3 (Agency) -") cut off from its lead, a full name split
between two of its words, a sentence split before a weekday ("on | Monday"), after a title
("Gen. | Ivanov") or around quotation marks. The ``eventcoder_sentence_rules`` component sets
``Token.is_sent_start`` where a rule is sure (``True``: a sentence starts here; ``False``:
it cannot) and leaves every other token to the parser, which respects both.

Each class of rule can be switched off (``rules``) to measure what it buys; the word lists
are in ``data/sentences/words.tsv``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from spacy.attrs import DEP, HEAD
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from eventcoder.datafiles import read_word_classes
from eventcoder.errors import ConfigError, Errors

__all__ = [
    "ALL_RULES",
    "COMPONENT",
    "DEFAULT_RULES",
    "MERGER",
    "SentenceRules",
    "add_sentence_rules",
    "merge_sentences",
    "set_tree",
]

COMPONENT = "eventcoder_sentence_rules"
MERGER = "eventcoder_sentence_merge"
_NOT_STARTS = "eventcoder.not_sentence_starts"
_JOINS = "eventcoder.dateline_leads"  # sentence starts parsed apart, joined to what precedes
_STARTS = "eventcoder.sentence_starts"  # starts the rules set (the parser's own are not here)
_SPACES = "eventcoder.space_sentences"  # line breaks parsed alone, joined to what precedes
_FRAGMENT = 4  # tokens, at most, of a lead's opening the parser may cut off from its clause
WORDS_FILE = Path(__file__).resolve().parent.parent / "data" / "sentences" / "words.tsv"
ALL_RULES = (
    "lines",
    "datelines",
    "names",
    "calendar",
    "function_words",
    "abbreviations",
    "quotes",
    "glued",
    "titles",
    "colons",
    "spaces",
)
# On by default: every class but "function_words", which cost sentence F on EWT (dev -0.001,
# test -0.003) for +0.002 on GUM's training news and nothing on its held-out news, and
# "colons" (no start after a colon on the same line), which gained on EWT dev (+0.002) and
# lost on EWT test (-0.004): EWT starts a sentence after one colon-and-capital in three.
OFF_BY_DEFAULT = frozenset({"function_words", "colons"})
DEFAULT_RULES = tuple(rule for rule in ALL_RULES if rule not in OFF_BY_DEFAULT)
# A title run into the text after it ("Too Expensive The food was ..."): at most this many
# tokens from the start of the text or line.
TITLE_TOKENS = 10
_TITLE_NOT_FIRST_TAGS = frozenset({"IN", "TO", "CC", "RB", "WRB", "WDT", "WP", "PRP", "UH", "CD"})
# A line this short without final punctuation, followed by a capitalised line, is a heading.
HEADING_CHARS = 70
# Tags after which an English sentence does not end (prepositions, articles, conjunctions).
_OPEN_TAGS = frozenset({"IN", "TO", "CC", "PRP$", "POS"})
_OPEN_DETERMINERS = frozenset({"the", "a", "an", "every"})
_OPEN_PREPOSITION_EXCEPTIONS = frozenset({"that", "so", "than", "like", "about"})
_NAME_TAGS = frozenset({"NNP", "NNPS"})
_INITIAL = re.compile(r"^[A-Z]\.$")
_DATELINE_SPAN = 16  # tokens a dateline may take before its dash


class SentenceRules:
    """Mark sentence starts (and non-starts) the parser gets wrong in news text."""

    def __init__(self, rules: Iterable[str] = DEFAULT_RULES, words_file: Path = WORDS_FILE) -> None:
        unknown = set(rules) - set(ALL_RULES)
        if unknown:
            raise ConfigError(
                Errors.E104.format(names=", ".join(sorted(unknown)), known=", ".join(ALL_RULES))
            )
        self.rules = frozenset(rules)
        words = read_word_classes(words_file)
        self.titles = words["title"]
        self.month_abbr = words["month_abbr"]
        self.calendar = words["calendar"]
        self.dashes = words["dash"]
        self.quotes = words["quote"]
        self.final = words["final"]
        self.openers = words["opener"]

    @staticmethod
    def _joins(doc: Doc, key: str = _JOINS) -> list[int]:
        """The token indices noted under ``key`` for the merge step (dateline leads, or
        line breaks parsed apart)."""
        joins: list[int] = doc.user_data.setdefault(key, [])
        return joins

    def __call__(self, doc: Doc) -> Doc:
        doc.user_data[_JOINS] = []
        doc.user_data[_SPACES] = []
        starts = self.decide(doc)
        for i, value in starts.items():
            if 0 < i < len(doc):
                doc[i].is_sent_start = value
        # The parser takes True as a constraint but False only as a hint: it may still end
        # up with two trees. ``merge_sentences`` (after the parser) joins them.
        doc.user_data[_NOT_STARTS] = sorted(i for i, v in starts.items() if v is False)
        doc.user_data[_STARTS] = sorted(i for i, v in starts.items() if v is True)
        return doc

    # -- decisions -------------------------------------------------------------------------

    def decide(self, doc: Doc) -> dict[int, bool]:
        """Token index -> True (starts a sentence) or False (cannot); others are left out."""
        out: dict[int, bool] = {}
        for i in range(1, len(doc)):
            value = self._not_a_start(doc, i)
            if value is not None:
                out[i] = value
        if "datelines" in self.rules:
            for start in self._line_starts(doc):
                continued = self._dateline(doc, start)
                for i in continued:
                    out[i] = False
                if continued and doc[continued[-1]].text not in self.dashes:
                    # the lead is parsed on its own (a dateline run into it misleads the
                    # parser) and joined back to its dateline after the parse
                    out[continued[-1]] = True
                    self._joins(doc).append(continued[-1])
        forced: dict[int, bool] = {}
        if "lines" in self.rules:
            forced.update(self._line_breaks(doc, out))
        if "quotes" in self.rules:
            forced.update(self._opening_quotes(doc))
        if "titles" in self.rules:
            for start in self._line_starts(doc):
                k = self._title_end(doc, start)
                if k is not None and out.get(k) is not False:
                    forced[k] = True
                    for j in range(start + 1, k):
                        out[j] = False  # the title is one sentence
        for i, value in forced.items():
            out[i] = value
            # The whitespace before a forced start stays with the sentence before it.
            j = i - 1
            while j > 0 and doc[j].is_space:
                out[j] = False
                j -= 1
        if "spaces" in self.rules:
            self._spaces_apart(doc, out)
        return out

    def _spaces_apart(self, doc: Doc, out: dict[int, bool]) -> None:
        """The line break that ends a sentence is parsed as a sentence of its own and hung
        on the sentence before it after the parse (``merge_sentences``). Left inside the
        sentence, the parser (trained on treebanks without whitespace tokens) often made it
        the root and the sentence's verb its subject ("pressed Serbia ..." then a line
        break: "pressed" an nsubj of the break), so the events of that sentence were lost."""
        spaces = self._joins(doc, _SPACES)
        ends = [i for i, v in out.items() if v and i > 1] + [len(doc)]
        for end in ends:
            j = end
            while j > 1 and doc[j - 1].is_space:
                j -= 1
            if j == end or j < 2 or doc[j - 1].is_space or "\n" not in doc[j].text:
                continue
            out[j] = True
            for k in range(j + 1, end):
                out[k] = False
            spaces.append(j)

    def _not_a_start(self, doc: Doc, i: int) -> bool | None:
        tok, prev = doc[i], doc[i - 1]
        if prev.is_space or tok.is_space:
            return None
        rules = self.rules
        if (
            "names" in rules
            and prev.tag_ in _NAME_TAGS
            and tok.tag_ in _NAME_TAGS
            and prev.text[-1].isalpha()
            and prev.text[0].isupper()
            and tok.text[0].isupper()
        ):
            return False
        if (
            "calendar" in rules
            and tok.lower_ in self.calendar
            and tok.text[0].isupper()
            and (prev.is_alpha or prev.like_num)
            and not self._date_line(doc, i)
        ):
            return False
        if "function_words" in rules and (
            self._open_word(prev) or (prev.text == "," and self._clause_words(doc, i - 1) >= 5)
        ):
            return False
        if "abbreviations" in rules and (
            prev.text in self.titles
            or (prev.text in self.month_abbr and tok.like_num)
            or (_INITIAL.match(prev.text) and tok.text[0].isupper())
        ):
            return False
        if "quotes" in rules and (self._quote_continues(doc, i) or self._opening_quote(doc, i - 1)):
            return False
        if "colons" in rules and prev.text == ":" and i >= 2 and not doc[i - 2].like_num:
            # "I have to wonder: Did he ..." (after "January 25, 2005:" a post may follow;
            # a line break after the colon is the "lines" rule's)
            return False
        if (
            "lines" in rules
            and prev.tag_ == "PRP"
            and tok.is_alpha
            and tok.text[0].islower()
            and (prev.i == 0 or doc[prev.i - 1].is_space and "\n" in doc[prev.i - 1].text)
        ):
            return False  # "I | very much welcome ...": a line's pronoun is its subject
        if (
            "glued" in rules
            and not prev.whitespace_
            and prev.text not in self.final
            and not self._closing_quote(doc, i - 1)
            and not self._opening_quote(doc, i)
        ):
            return False  # no sentence starts inside a string without spaces ("Co-founder")
        return None

    def _title_end(self, doc: Doc, start: int) -> int | None:
        """The token after a title run into the text at ``start`` ("Too Expensive | The
        food ..."): a run of words without punctuation, its first word no preposition,
        adverb, pronoun or number, its last word capitalised, then a capitalised word that
        opens sentences ("The", "I", "When"); None when there is none."""
        first = doc[start]
        if first.tag_ in _TITLE_NOT_FIRST_TAGS or first.lower_ in self.calendar:
            return None
        for k in range(start + 1, min(len(doc), start + TITLE_TOKENS + 1)):
            tok, prev = doc[k], doc[k - 1]
            if not (prev.is_alpha or "'" in prev.text) or prev.lower_ in self.calendar:
                return None
            if (
                k - start >= 2
                and tok.text in self.openers
                and prev.text[0].isupper()
                and not self._open_word(prev)
            ):
                return k
        return None

    def _date_line(self, doc: Doc, i: int) -> bool:
        """'Friday, July 21, 2017': a full date, which often stands alone under a headline."""
        return (
            i + 2 < len(doc)
            and doc[i + 1].text == ","
            and (doc[i + 2].lower_ in self.calendar or doc[i + 2].text in self.month_abbr)
        )

    def _clause_words(self, doc: Doc, j: int) -> int:
        """Words before token ``j`` back to final punctuation or a line break (at most 8):
        "Regards, | Ann" may end a line of a letter, a long clause before a comma may not."""
        count = 0
        for k in range(j - 1, max(-1, j - 9), -1):
            tok = doc[k]
            if tok.is_space or tok.text in self.final:
                break
            count += not tok.is_punct
        return count

    def _open_word(self, tok: Token) -> bool:
        """A word after which a sentence cannot end ("of", "the", "and")."""
        lower = tok.lower_
        if tok.tag_ == "DT":
            return lower in _OPEN_DETERMINERS
        return tok.tag_ in _OPEN_TAGS and lower not in _OPEN_PREPOSITION_EXCEPTIONS

    def _closing_quote(self, doc: Doc, i: int) -> bool:
        """A quotation mark glued to the punctuation before it ('win."', 'said,”')."""
        tok = doc[i]
        if tok.text not in self.quotes or i == 0:
            return False
        prev = doc[i - 1]
        return not prev.whitespace_ and (prev.text in self.final or prev.text == ",")

    def _opening_quote(self, doc: Doc, i: int) -> bool:
        """A quotation mark glued to the word after it, after a space or at the start."""
        tok = doc[i]
        if tok.text not in self.quotes or tok.whitespace_ or i + 1 >= len(doc):
            return False
        if doc[i + 1].is_punct or doc[i + 1].is_space:
            return False
        return i == 0 or bool(doc[i - 1].whitespace_) or doc[i - 1].is_space

    def _quote_continues(self, doc: Doc, i: int) -> bool:
        """The closing quote belongs to the sentence it closes; after '...," or '?"' a
        lower-case word ("he said") continues the sentence."""
        if self._closing_quote(doc, i):
            return True
        tok = doc[i]
        return (
            i >= 2
            and tok.is_lower
            and tok.is_alpha
            and self._closing_quote(doc, i - 1)
            and doc[i - 2].text in {",", "?", "!"}
        )

    def _opening_quotes(self, doc: Doc) -> dict[int, bool]:
        """'... ended. "We' : the sentence starts at the quotation mark, not after it."""
        out: dict[int, bool] = {}
        for i in range(1, len(doc) - 1):
            tok, prev, nxt = doc[i], doc[i - 1], doc[i + 1]
            if (
                tok.text in self.quotes
                and not tok.whitespace_
                and prev.whitespace_
                and (prev.text in self.final or self._closing_quote(doc, i - 1))
                and (nxt.text[0].isupper() or nxt.like_num)
            ):
                out[i] = True
                out[i + 1] = False
        return out

    # -- lines and datelines -----------------------------------------------------------------

    @staticmethod
    def _line_starts(doc: Doc) -> list[int]:
        starts = [0] if len(doc) and not doc[0].is_space else []
        for i in range(1, len(doc)):
            if not doc[i].is_space and doc[i - 1].is_space and "\n" in doc[i - 1].text:
                starts.append(i)
        return starts

    def _line_breaks(self, doc: Doc, decided: dict[int, bool]) -> dict[int, bool]:
        """A blank line always ends a sentence; a single line break does after final
        punctuation, or after a short line (a heading) when the next line is capitalised."""
        out: dict[int, bool] = {}
        starts = self._line_starts(doc)
        for n, i in enumerate(starts):
            if i == 0 or decided.get(i) is False:
                continue
            gap = doc[i - 1].text
            j = i - 1
            while j >= 0 and doc[j].is_space:
                j -= 1
            if j < 0:
                continue
            last = doc[j]
            if gap.count("\n") >= 2:
                out[i] = True
                continue
            tok = doc[i]
            capital = tok.text[0].isupper() or tok.like_num or tok.text in self.quotes
            ended = last.text in self.final or self._closing_quote(doc, j)
            heading = (
                capital
                and last.text not in self.dashes
                and last.text not in {",", ";"}
                and not self._open_word(last)
                and self._line_chars(doc, starts[n - 1] if n else 0, j) <= HEADING_CHARS
            )
            if ended or heading:
                out[i] = True
        return out

    @staticmethod
    def _line_chars(doc: Doc, start: int, j: int) -> int:
        """Characters of the line from token ``start`` to token ``j`` (without reading the
        whole text, which would make long documents quadratic)."""
        while start < j and doc[start].is_space:
            start += 1
        return doc[j].idx + len(doc[j]) - doc[start].idx

    def _dateline(self, doc: Doc, start: int) -> list[int]:
        """Indices that continue a dateline at ``start`` ("KYIV, May 3 (Agency) - The ...")
        up to and including the first token of the lead; empty when there is none."""
        first = doc[start]
        if not (first.is_alpha and first.text[0].isupper() and len(first) >= 2):
            return []
        # "KYIV -" may stand alone; "Taipei, Taiwan -" needs its comma or "(Agency)".
        capitals = first.is_upper
        end = min(len(doc), start + _DATELINE_SPAN)
        in_parens = marked = False
        for i in range(start + 1, end):
            tok = doc[i]
            if tok.is_space:
                return []
            if tok.text in self.dashes:
                if not (tok.whitespace_ and doc[i - 1].whitespace_) or not (capitals or marked):
                    return []  # a hyphenated word, or no dateline
                lead = i + 1
                while lead < len(doc) and doc[lead].is_space and doc[lead].text.count("\n") < 2:
                    lead += 1
                if lead >= len(doc) or doc[lead].is_space:
                    return list(range(start + 1, i + 1))
                return list(range(start + 1, lead + 1))
            if tok.text in {"(", ","}:
                marked = True
            if tok.text == "(":
                in_parens = True
            elif tok.text == ")":
                in_parens = False
            elif not (
                tok.text == ","
                or (tok.is_upper and tok.is_alpha)
                or tok.like_num
                or tok.lower_ in self.calendar
                or tok.text in self.month_abbr
                or (tok.text[0].isupper() and (in_parens or tok.tag_ in _NAME_TAGS))
                or tok.text == "."
            ):
                return []
        return []


@Language.factory(COMPONENT, default_config={"rules": list(DEFAULT_RULES)})
def make_sentence_rules(nlp: Language, name: str, rules: list[str]) -> SentenceRules:
    """The spaCy factory (``nlp.add_pipe("eventcoder_sentence_rules", before="parser")``)."""
    return SentenceRules(rules)


def merge_sentences(doc: Doc) -> Doc:
    """Join a sentence the parser started at a token the rules ruled out to the sentence
    before it: its root is attached to that sentence's root (``parataxis``), which keeps the
    tree projective, and the sentence starts follow from the tree. A lead parsed apart from
    its dateline takes the dateline under its own root (``dep``)."""
    not_starts = set(doc.user_data.pop(_NOT_STARTS, ()))
    joins = set(doc.user_data.pop(_JOINS, ()))
    ruled = set(doc.user_data.pop(_STARTS, ()))
    spaces = set(doc.user_data.pop(_SPACES, ()))
    if not (not_starts or joins or spaces) or not doc.has_annotation("DEP"):
        return doc
    sents = list(doc.sents)
    if not any(s.start in not_starts or s.start in joins or s.start in spaces for s in sents[1:]):
        return doc
    heads = [tok.head.i for tok in doc]
    deps = [tok.dep_ for tok in doc]
    group_root = sents[0].root.i
    fragment = None  # a lead's opening words the parser cut off from the rest of its clause
    after_space = False  # the sentence follows a line break parsed on its own
    for sent in sents[1:]:
        root = sent.root.i
        if sent.start in spaces and all(t.is_space for t in sent):
            for token in sent:  # a sentence's closing line break hangs on its root
                heads[token.i], deps[token.i] = group_root, "dep"
            after_space = True
            continue
        if sent.start in not_starts:
            heads[root], deps[root] = group_root, "parataxis"
        elif sent.start in joins:  # a dateline hangs from its lead's root
            heads[group_root], deps[group_root] = root, "dep"
            group_root = root
            fragment = sent if _verbless(sent) else None
            continue
        elif fragment is not None and sent.start not in ruled:
            group_root = _rejoin(fragment, sent, heads, deps)
        else:
            group_root = root
        # the parser may also cut a line's first words off after a line break
        # ("Negotiators | left the hotel"): joined back as a dateline lead's are
        fragment = sent if after_space and _verbless(sent) else None
        after_space = False
    set_tree(doc, heads, deps)
    return doc


def set_tree(doc: Doc, heads: list[int], deps: list[str]) -> None:
    """Give ``doc`` the dependency tree ``heads``/``deps`` (absolute head indices); the
    sentence starts follow from the new tree."""
    rebuilt = Doc(doc.vocab, words=[t.text for t in doc], heads=heads, deps=deps)
    array: Any = rebuilt.to_array([HEAD, DEP])  # uint64 rows, as from_array takes them
    doc.from_array([HEAD, DEP], array)


def _verbless(sent: Span) -> bool:
    """A few words with no verb ("Britain", "Turkish"): a lead's opening, not a sentence."""
    return len(sent) <= _FRAGMENT and not any(t.pos_ in {"VERB", "AUX"} for t in sent)


def _rejoin(fragment: Span, sent: Span, heads: list[int], deps: list[str]) -> int:
    """Hang a lead's cut-off opening on the clause the parser started after it ("LONDON -
    Britain | expelled a diplomat"): a name or noun is the subject of a verb that has none,
    a modifier ("Turkish | President ... met") or anything else goes under the clause's first
    word. Returns the joined sentence's root."""
    head = fragment.root
    clause = sent[0]  # the clause the sentence opens with ("expelled ..., the ministry said")
    while clause.pos_ != "VERB" and clause.head.i != clause.i and clause.head.i >= sent.start:
        clause = clause.head
    subjects = {"nsubj", "nsubj:pass", "csubj", "expl"}
    if (
        head.pos_ in {"PROPN", "NOUN", "PRON"}
        and clause.pos_ == "VERB"
        and not any(c.dep_ in subjects for c in clause.children)
    ):
        heads[head.i], deps[head.i] = clause.i, "nsubj"
    else:
        heads[head.i] = sent.start
        deps[head.i] = "amod" if head.pos_ == "ADJ" else "compound"
    return sent.root.i


Language.component(MERGER, func=merge_sentences)


def add_sentence_rules(nlp: Language, rules: Iterable[str] = DEFAULT_RULES) -> None:
    """Add the rules just before the parser and the merge just after it (replacing earlier
    copies)."""
    for name in (COMPONENT, MERGER):
        if name in nlp.pipe_names:
            nlp.remove_pipe(name)
    before = "parser" if "parser" in nlp.pipe_names else None
    nlp.add_pipe(COMPONENT, before=before, config={"rules": list(rules)})
    if before:
        nlp.add_pipe(MERGER, after="parser")
