"""Repair the damage scraping does to news text, keeping a map back to the original.

``clean(original)`` returns the cleaned text and an ``OffsetMap``. The repairs, all general
rules (none is tuned to one article):

- a line broken inside a sentence (where a hyperlink or a hard wrap was) is rejoined with a
  space; a real break is kept: after sentence-final punctuation, before a bullet, after a
  short heading-like line, and after a title-like first line; a blank line (paragraph
  break) always stays, as one blank line;
- a hyphen at a line end is undone (``inter-`` / ``national`` -> ``international``); before a
  capital or a digit the hyphen stays and only the break goes (``Franco-`` / ``German``);
- a heading glued to the next sentence (``...in the regionCurrently, the...``: a lower-case
  word run straight into a capitalised one) gets its own line; a sentence glued after a full
  stop (``the year.Officials``) gets its space back;
- whitespace: runs of spaces and tabs become one space, lines are stripped, odd spaces
  (no-break, thin...) become plain spaces; zero-width characters and soft hyphens go;
- curly quotes and guillemets become straight quotes, dash variants become ``-`` (an
  unspaced em dash between words becomes `` - ``), ligatures and the ellipsis are spelled out.
"""

from __future__ import annotations

import re

from eventcoder.ingest.offsets import MapBuilder, OffsetMap

__all__ = ["clean", "is_heading_like"]

_HS = " \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"  # horizontal spaces
_BREAK_CHARS = "\n\r\f\v\x1c-\x1e\x85\u2028\u2029"
_PATTERN = re.compile(
    # the lookahead names every character a match can start at: a fast first test
    r"(?=[\s\-\u00ad\u200b-\u200d\u2060\ufeff\x00-\x08\x0e-\x1b\x7f\ufb00-\ufb06\u2026"
    r"\u2014\u2015.!?A-Z])(?:"
    rf"(?P<edge>\A\s+|\s+\Z)"
    rf"|(?P<hyph>(?<=[^\W\d_])-[{_HS}]*(?:\r\n|[{_BREAK_CHARS}])[{_HS}]*(?=[^\W_]))"
    rf"|(?P<brk>[{_HS}]*[{_BREAK_CHARS}]\s*)"
    rf"|(?P<space>[{_HS}]{{2,}})"
    r"|(?P<drop>[\u00ad\u200b-\u200d\u2060\ufeff\x00-\x08\x0e-\x1b\x7f])"
    r"|(?P<expand>[\ufb00-\ufb06\u2026])"
    r"|(?P<dash>(?<=[^\W\d_])[\u2014\u2015](?=[^\W\d_]))"
    r"|(?P<stop>(?<=[a-z]{2})[.!?](?=[A-Z][a-z]))"
    r"|(?P<glue>(?<=[a-z])(?=[A-Z][a-z])))"
)
_LINE_BREAKS = re.compile(rf"\r\n|[{_BREAK_CHARS}]")
_EXPAND = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
    "\u2026": "...",
}
# same-length replacements, applied after the edits (they do not move any offset)
_TRANSLATE = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2039\u203a", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u00ab\u00bb", '"'),
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2043", "-"),
        **dict.fromkeys(
            "\t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
            "\u2009\u200a\u202f\u205f\u3000",
            " ",
        ),
    }
)
_TERMINAL = re.compile(r"[.!?:;\u2026][\"'\u2019\u201d\u00bb)\]]*$")
_SENTENCE_END = re.compile(r"[.!?][\"'\u2019\u201d)\]]*\s+")
_BULLET = re.compile(r"[-*\u2022\u25aa\u25cf\u2013\u2014>#]|\d{1,3}[.)]\s")
_LINK_WORDS = frozenset(
    (
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "and",
        "or",
        "but",
        "nor",
        "as",
        "that",
        "which",
        "who",
        "whom",
        "whose",
        "than",
        "into",
        "onto",
        "about",
        "over",
        "under",
        "between",
        "against",
        "among",
        "its",
        "their",
        "his",
        "her",
        "our",
        "your",
        "this",
        "these",
        "those",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "will",
        "would",
        "could",
        "should",
        "may",
        "might",
        "must",
        "can",
        "said",
        "says",
        "told",
        "not",
        "also",
        "such",
        "per",
        "via",
        "after",
        "before",
        "during",
        "since",
        "while",
        "whether",
        "if",
        "when",
        "where",
        "because",
        "including",
    )
)
_OPENERS = frozenset(
    (
        "The",
        "This",
        "That",
        "These",
        "Those",
        "There",
        "Their",
        "Its",
        "His",
        "Her",
        "Our",
        "After",
        "Before",
        "Since",
        "While",
        "When",
        "However",
        "Meanwhile",
        "Currently",
        "Today",
        "Yesterday",
        "Last",
        "Now",
        "Then",
        "Still",
        "Despite",
        "Although",
        "Many",
        "Most",
        "Some",
        "According",
        "For",
        "Under",
        "With",
        "From",
        "During",
        "Officials",
    )
)
_MAX_HEADING_WORDS = 10
_MAX_HEADING_CHARS = 70
_MAX_TITLE_WORDS = 20
_MAX_LINE_LOOKBACK = 2_000  # a longer line is prose, never a heading: no need to see it all


def clean(original: str, start: int = 0) -> tuple[str, OffsetMap]:
    """Clean ``original[start:]`` (what lies before ``start`` is left out of the text).

    Returns the cleaned text and the map from its offsets to offsets in ``original``.
    """
    builder = MapBuilder(original, start)
    if start:
        lead = re.compile(r"\s*").match(original, start)
        builder.replace(lead.end() if lead else start, "")
    for match in _PATTERN.finditer(original, builder.position):
        kind = match.lastgroup
        builder.copy_to(match.start())
        builder.replace(match.end(), _replacement(original, match, kind))
    text, offsets = builder.finish()
    return text.translate(_TRANSLATE), offsets


def _replacement(src: str, match: re.Match[str], kind: str | None) -> str:
    """The text that replaces one match (the match itself when nothing is to change)."""
    found = match.group()
    if kind == "edge":
        return ""
    if kind == "hyph":
        return "" if src[match.end()].islower() else "-"
    if kind == "brk":
        if len(_LINE_BREAKS.findall(found)) > 1:
            return "\n\n"
        return " " if _joins(src, match.start(), match.end()) else "\n"
    if kind == "space":
        return " "
    if kind == "drop":
        return ""
    if kind == "expand":
        return _EXPAND[found]
    if kind == "dash":
        return " - "
    if kind == "stop":
        return found + " "
    if kind == "glue":
        return "\n" if _glued_heading(src, match.start()) else ""
    return found


def is_heading_like(line: str, first_line: bool = False) -> bool:
    """True for a short line that reads as a heading (or, as the first line, a title)."""
    words = line.split()
    if not words or _TERMINAL.search(line) or not (line[0].isupper() or line[0].isdigit()):
        return False
    if words[-1].lower() in _LINK_WORDS or line.endswith((",", "-", "(", "/")):
        return False
    if _SENTENCE_END.search(line):
        return False
    if first_line:
        return len(words) <= _MAX_TITLE_WORDS
    return len(words) <= _MAX_HEADING_WORDS and len(line) <= _MAX_HEADING_CHARS


def _joins(src: str, start: int, end: int) -> bool:
    """Should the single line break in ``src[start:end]`` become a space?"""
    if end >= len(src):
        return False
    line_start = _line_start(src, start)
    line = src[line_start:start].strip()
    following = src[end]
    if not line or _TERMINAL.search(line) or _BULLET.match(src, end):
        return False
    if following.islower() or following.isdigit() or following in ",;)%":
        return True
    first_line = line_start == 0 or (line_start < 256 and not src[:line_start].strip())
    return not is_heading_like(line, first_line)


def _line_start(src: str, pos: int) -> int:
    """Where the line holding ``pos`` starts (looking back at most ``_MAX_LINE_LOOKBACK``)."""
    floor = max(0, pos - _MAX_LINE_LOOKBACK)
    return max(src.rfind("\n", floor, pos), src.rfind("\r", floor, pos), floor - 1) + 1


def _glued_heading(src: str, pos: int) -> bool:
    """Is ``pos`` (lower-case letter before, capitalised word after) the end of a glued heading?"""
    word_start = pos
    while word_start > max(0, pos - 64) and src[word_start - 1].isalpha():
        word_start -= 1
    left = src[word_start:pos]
    right = re.match(r"[A-Za-z]+", src[pos : pos + 40])
    if right is None:
        return False
    if left[0].islower():
        if len(left) < 3:
            return False
    elif len(left) < 4 or not (
        right.group() in _OPENERS or src[pos + right.end() : pos + right.end() + 1] == ","
    ):
        return False
    line_start = _line_start(src, pos)
    heading = _SENTENCE_END.split(src[max(line_start, pos - 400) : pos])[-1].strip()
    return bool(heading) and len(heading.split()) >= 2 and is_heading_like(heading)
