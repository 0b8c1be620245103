"""Find temporal expressions in a parsed document.

Own rules (the regular expressions of :mod:`patterns`) find dates, parts of months and
years, seasons, quarters, decades, weekdays, relative and present-time words and
expressions anchored on named events; they are checked against the parse (a bare "2015"
before a plural noun is a count, not a year) and the longest non-overlapping matches win.
Then "from X to Y" / "between X and Y" pairs merge into ranges and "since X" gets its
"since". Microsoft's recognizers-text (:mod:`recognizers`) adds dates the rules did not
see. dateparser is not used to find spans: measured offline, its ``search_dates`` misses
"On October 31" and reads "30%" as a date.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field, replace
from typing import Any

from spacy.tokens import Doc

from eventcoder.nlp.doctext import lemma_positions
from eventcoder.timex.events_table import TimeData, find_event
from eventcoder.timex.patterns import RULES
from eventcoder.timex.sentences import sentence_of

__all__ = ["Candidate", "find_candidates"]

_SINCE = re.compile(r"(?:^|\s)([Ss]ince|[Ff]rom)\s+$")
_RANGE_JOIN = re.compile(r"^\s*(?:-|–|to|and|until|till|through)\s*$")
_RANGE_OPEN = re.compile(r"(?:^|\s)([Ff]rom|[Bb]etween)\s+$")
_EVENT_VERB = re.compile(
    r"^\s+(?:began|started|begun|broke\s+out|erupted|was\s+declared|was\s+held|took\s+place|"
    r"happened|was\s+launched|ended|struck|hit)\b"
)
# Nouns too generic to name an event the document could date ("after the end", "before
# the time").
_GENERIC_NOUNS = {
    "end",
    "start",
    "beginning",
    "time",
    "day",
    "week",
    "month",
    "year",
    "period",
    "moment",
    "date",
    "point",
    "rest",
    "part",
    "half",
    "case",
}
_COUNTED = {
    "year",
    "years",
    "old",
    "people",
    "km",
    "miles",
    "metres",
    "meters",
    "times",
    "troops",
    "soldiers",
    "men",
    "women",
    "votes",
    "dollars",
    "euros",
    "strong",
}
_READ_ON = {"of", "'s", "’s"}
_YEAR_CUE = {
    "in",
    "since",
    "by",
    "of",
    "during",
    "until",
    "till",
    "from",
    "to",
    "through",
    "before",
    "after",
    "around",
    "circa",
    "the",
    "between",
    "and",
    "early",
    "late",
    "mid",
    "fiscal",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
}


@dataclass(frozen=True)
class Candidate:
    """One found expression: character offsets, the rule that found it and its groups."""

    start: int
    end: int
    rule: str
    groups: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    parts: tuple[Candidate, ...] = ()  # the two ends of a "from X to Y" range
    since: bool = False  # "since X": from X to the document date

    def text(self, doc_text: str) -> str:
        """The expression as written."""
        return doc_text[self.start : self.end]


def find_candidates(
    doc: Doc, document_date: dt.date | None, data: TimeData, use_recognizers: bool = True
) -> list[Candidate]:
    """The temporal expressions of ``doc`` in text order (see the module docstring); the
    recognizers-text model of ``data`` adds dates the rules missed."""
    text = doc.text  # built from the tokens on every access: read it once
    found = [c for c in _rule_matches(doc, text, document_date, data) if c is not None]
    chosen = _longest_first(found)
    if use_recognizers and data.recognizer is not None:
        from eventcoder.timex.recognizers import recognizer_candidates

        taken = Occupied(chosen)
        extra = recognizer_candidates(doc, document_date, data.recognizer, covered=taken)
        chosen = _longest_first(chosen + [c for c in extra if not taken.overlaps(c.start, c.end)])
    return _with_since(text, _merge_ranges(text, chosen))


def _rule_matches(
    doc: Doc, text: str, document_date: dt.date | None, data: TimeData
) -> list[Candidate | None]:
    out: list[Candidate | None] = []
    for name, pattern in RULES.items():
        for match in pattern.finditer(text):
            groups = {k: v for k, v in match.groupdict().items() if v is not None}
            groups.update(_start=match.start(), _end=match.end())
            candidate = Candidate(match.start(), match.end(), name, groups)
            if name == "year":
                out.append(candidate if _is_year(doc, text, candidate) else None)
            elif name == "anchored":
                out.append(_trim_anchored(doc, text, candidate, document_date, data))
            else:
                out.append(candidate)
    return out


def _is_year(doc: Doc, text: str, cand: Candidate) -> bool:
    before, after = text[max(0, cand.start - 2) : cand.start], text[cand.end : cand.end + 10]
    if re.search(r"[$€£#]\s?$|\d[,.]$", before) or re.match(
        r"\s*(?:%|percent|per\s+cent|[,.]\d)", after
    ):
        return False
    if cand.groups.get("part") or cand.groups.get("fiscal"):
        return True
    span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    if span is None:
        return False
    prev = doc[span.start - 1] if span.start > 0 else None
    nxt = doc[span.end] if span.end < len(doc) else None
    if prev is not None and (prev.lower_ in _YEAR_CUE or prev.lower_ in ("'s", "’s")):
        return True
    if prev is not None and prev.like_num:
        return False
    if nxt is not None and nxt.lower_.lstrip("-") in _COUNTED:
        return False  # "a 2000 year old tradition", "2020 people"
    return nxt is None or nxt.tag_ not in ("NNS", "NNPS") or nxt.lower_ in ("elections", "games")


def _trim_anchored(
    doc: Doc, text: str, cand: Candidate, document_date: dt.date | None, data: TimeData
) -> Candidate | None:
    """Cut the event phrase after its name ("the invasion", "the pandemic") or drop it."""
    np_start = text.index(cand.groups["np"], cand.start)
    phrase = cand.groups["np"]
    hit = find_event(phrase, text, document_date, data.events)
    groups = dict(cand.groups)
    if hit is not None:
        event, _, alias_end = hit
        end = np_start + alias_end
        groups["event"] = event.id
    else:
        head = _head_noun(doc, np_start, np_start + len(phrase))
        if head is None:
            return None
        end, groups["event_lemma"] = head.idx + len(head.text), head.lemma_.lower()
    verb = _EVENT_VERB.match(text[end : end + 80])  # a short window, not the rest of the text
    if verb:
        end += verb.end()
    groups["event_text"] = text[np_start:end]
    return replace(cand, end=end, groups=groups)


def _head_noun(doc: Doc, start: int, end: int):
    """The head noun of the event phrase (the first common noun not followed by another
    noun, "of" or a possessive), when its lemma is used in another sentence of the
    document (so the document may date it)."""
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None:
        return None
    for token in span:
        if token.pos_ not in ("NOUN", "PROPN"):
            if (
                token.pos_ not in ("DET", "ADJ", "PART", "NUM", "PUNCT")
                and token.lower_ != "of"
                and token.i > span.start + 1
            ):
                return None
            continue
        nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if (
            nxt is not None
            and nxt.i < span.end
            and (nxt.pos_ in ("NOUN", "PROPN") or nxt.tag_ == "POS" or nxt.lower_ in _READ_ON)
        ):
            continue  # "the orbiter's flight", "the end of the programme": read on
        lemma = token.lemma_.lower()
        if lemma in _GENERIC_NOUNS or token.pos_ != "NOUN":
            return None  # a name ("the Space Shuttle") is not an event the text dates
        own = sentence_of(doc, token.i)
        others = [i for i in lemma_positions(doc).get(lemma, ()) if not own.start <= i < own.end]
        return token if others else None
    return None


class Occupied:
    """Non-overlapping character spans in order; whether a new span overlaps one of them
    is a binary search, so choosing among n candidates costs n log n, not n squared."""

    def __init__(self, spans: list[Candidate] | None = None) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for span in sorted(spans or [], key=lambda c: c.start):
            self.add(span.start, span.end)

    def overlaps(self, start: int, end: int) -> bool:
        at = bisect.bisect_left(self.starts, end)  # spans that start before ``end``
        return at > 0 and self.ends[at - 1] > start

    def covers(self, char: int) -> bool:
        return self.overlaps(char, char + 1)

    def add(self, start: int, end: int) -> None:
        at = bisect.bisect_left(self.starts, start)
        self.starts.insert(at, start)
        self.ends.insert(at, end)


def _longest_first(cands: list[Candidate]) -> list[Candidate]:
    chosen: list[Candidate] = []
    taken = Occupied()
    for cand in sorted(cands, key=lambda c: (-(c.end - c.start), c.start)):
        if not taken.overlaps(cand.start, cand.end):
            chosen.append(cand)
            taken.add(cand.start, cand.end)
    return sorted(chosen, key=lambda c: c.start)


_DASHABLE = ("day_month", "month_day", "month", "year", "iso")
_DAY_DATES = ("day_month", "month_day", "iso", "numeric", "recognizers")


def _merge_ranges(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Join "from X to Y" / "between X and Y" into ranges and "Monday, 7 November" into
    one date (the weekday only confirms it)."""
    out: list[Candidate] = []
    for cand in cands:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.rule == "weekday"
            and cand.rule in _DAY_DATES
            and re.fullmatch(r",?\s*(?:the\s+)?", text[prev.end : cand.start])
        ):
            out[-1] = replace(cand, start=prev.start)
            continue
        if (
            prev is not None
            and not prev.parts
            and prev.rule not in ("anchored", "present")
            and _RANGE_JOIN.match(text[prev.end : cand.start])
            and _RANGE_OPEN.search(text[max(0, prev.start - 9) : prev.start])
        ):
            opener = _RANGE_OPEN.search(text[max(0, prev.start - 9) : prev.start])
            assert opener is not None  # the condition above matched the same text
            start = prev.start - (len(text[max(0, prev.start - 9) : prev.start]) - opener.start(1))
            out[-1] = Candidate(start, cand.end, "range", {}, parts=(prev, cand))
            continue
        if (
            prev is not None
            and not prev.parts
            and prev.rule in _DASHABLE
            and cand.rule in _DASHABLE
            and re.fullmatch(r"\s*[-–]\s*", text[prev.end : cand.start])
        ):
            out[-1] = Candidate(prev.start, cand.end, "range", {}, parts=(prev, cand))
            continue  # "January 23 - March 9 2014", "2000 - 2050"
        out.append(cand)
    return out


def _with_since(text: str, cands: list[Candidate]) -> list[Candidate]:
    out: list[Candidate] = []
    for cand in cands:
        window = text[max(0, cand.start - 7) : cand.start]
        match = _SINCE.search(window)
        if (
            match
            and match.group(1).lower() == "since"
            and cand.rule not in ("anchored", "present")
            and not cand.parts
        ):
            start = cand.start - (len(window) - match.start(1))
            cand = replace(cand, start=start, since=True)
        out.append(cand)
    return out
