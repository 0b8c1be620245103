"""Numbers in running text: digits, number words, ranges, approximations, fractions, vague amounts.

This module works on plain strings (a sentence), so it is fast and testable without a parse;
``quantities`` adds what is counted from the parse. ``find_numbers`` returns every number
expression with its numeric range, unit and whether it is approximate, and leaves out what only
looks like a number: years, days of the month, clock times, ordinals and identifiers
("F-16", "Article 5").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from eventcoder.claims.lexicon import Unit, VagueAmount, load_units, load_vague_amounts
from eventcoder.months import MONTHS as MONTH_NAME_FORMS
from eventcoder.regexes import guarded

__all__ = ["NumberMatch", "NumberReader", "parse_value"]

_UNITS_WORDS = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS_WORDS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
WORD_VALUES = {w: float(i) for i, w in enumerate(_UNITS_WORDS, 1)}
WORD_VALUES.update({w: float(20 + 10 * i) for i, w in enumerate(_TENS_WORDS)})
SCALES = {
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "bn": 1e9,
    "m": 1e6,
    "k": 1e3,
}
FRACTIONS = {
    "half": 2.0,
    "halves": 2.0,
    "third": 3.0,
    "thirds": 3.0,
    "quarter": 4.0,
    "quarters": 4.0,
    "fifth": 5.0,
    "fifths": 5.0,
    "tenth": 10.0,
    "tenths": 10.0,
}
CURRENCY = {"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP"}
MONTHS = tuple(MONTH_NAME_FORMS)

# modifier -> how it bounds the value: "approx" (low = high = v), "min" (v, None), "max" (None, v)
MODIFIERS = {
    "about": "approx",
    "approximately": "approx",
    "around": "approx",
    "roughly": "approx",
    "some": "approx",
    "nearly": "approx",
    "almost": "approx",
    "close to": "approx",
    "closer to": "approx",
    "an estimated": "approx",
    "estimated": "approx",
    "just over": "approx",
    "just under": "approx",
    "circa": "approx",
    "more than": "min",
    "over": "min",
    "at least": "min",
    "upwards of": "min",
    "well over": "min",
    "in excess of": "min",
    "no fewer than": "min",
    "up to": "max",
    "as many as": "max",
    "fewer than": "max",
    "less than": "max",
    "under": "max",
    "at most": "max",
    "no more than": "max",
}
# capitalised words that may precede a quantity at the start of a sentence (not identifiers)
_FUNCTION_WORDS = {
    "only",
    "just",
    "nearly",
    "almost",
    "with",
    "and",
    "but",
    "of",
    "by",
    "to",
    "for",
    "at",
    "in",
    "on",
    "since",
    "until",
    "from",
    "after",
    "before",
    "over",
    "under",
    "another",
    "all",
    "some",
    "the",
    "a",
    "an",
    "its",
    "their",
    "his",
    "her",
    "our",
    "those",
    "these",
    "exactly",
    "roughly",
    "while",
    "whereas",
    "when",
    "then",
    "still",
    "yet",
    "also",
    "even",
    "about",
    "around",
    "each",
    "every",
    "no",
}
_TIME_UNITS = ("second", "minute", "hour", "day", "week", "month", "year")


@dataclass(frozen=True)
class NumberMatch:
    """A number expression found in a string (offsets relative to that string)."""

    start: int
    end: int
    text: str
    low: float | None
    high: float | None
    unit: str | None = None
    approximate: bool = False
    vague: bool = False


def _alt(words: list[str]) -> str:
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )


def _pattern(vague: Mapping[str, VagueAmount], unit_table: Mapping[str, Unit]) -> re.Pattern[str]:
    digits = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
    words = rf"(?:{_alt(_TENS_WORDS)})(?:-(?:{_alt(_UNITS_WORDS[:9])}))?|{_alt(_UNITS_WORDS)}"
    scale = r"(?:hundred|thousand|million|billion|trillion)"
    base = rf"(?:{digits}|{words})"
    value = (
        rf"(?:half\s+an?\s+{scale}|an?\s+{scale}(?:\s+{scale})*"
        rf"|{base}(?:(?:\s+{scale})+|(?:bn|m|k)\b)?)"
    )
    cur = r"(?:US\$|\$|€|£)"
    numexpr = rf"(?:{cur}\s?)?{value}"
    rng = (
        rf"between\s+{numexpr}\s+and\s+{numexpr}|from\s+{numexpr}\s+to\s+{numexpr}"
        rf"|{numexpr}\s*(?:-|–|—|to)\s*{numexpr}"
    )
    counts = [p for p, v in vague.items() if v.kind == "count"]
    mults = [p for p, v in vague.items() if v.kind == "multiplier"]
    vague_re = rf"(?:{_alt(mults)})\s+{scale}s?|{_alt(counts)}|(?:{_alt(mults)})(?=\s+[a-z])"
    fraction = (
        rf"(?:an?|one|two|three|four|nine)[\s-]+(?:{_alt(list(FRACTIONS))})"
        rf"|half(?=\s+of\b)|one\s+in\s+(?:{base})"
    )
    units = _alt(list(unit_table))
    return guarded(  # skips the characters no match can start with: same matches, faster
        rf"(?<![\w\-/.:$€£\[])(?:(?P<mod>{_alt(list(MODIFIERS))})\s+)?"
        rf"(?P<core>(?P<range>{rng})|(?P<vague>{vague_re})|(?P<frac>{fraction})|(?P<num>{numexpr}))"
        rf"(?!\w)(?:\s?(?P<unit>{units})(?!\w))?",
        re.IGNORECASE,
    )


def parse_value(text: str) -> float | None:
    """The value of one number expression without range or modifier ("4.5 billion" -> 4.5e9)."""
    text = text.strip().lower()
    for sym in sorted(CURRENCY, key=len, reverse=True):
        text = text.removeprefix(sym).strip()
    m = re.fullmatch(r"([\d.,]+)\s*(bn|m|k)?((?:\s+\w+)*)", text)
    if m:
        try:
            value = float(m.group(1).replace(",", ""))
        except ValueError:
            return None
        scales = ([m.group(2)] if m.group(2) else []) + m.group(3).split()
    else:
        parts = text.replace("-", " ").split()
        if not parts:
            return None
        if parts[:1] == ["half"]:
            value, scales = 0.5, [p for p in parts[1:] if p not in ("a", "an")]
        elif parts[0] in ("a", "an"):
            value, scales = 1.0, parts[1:]
        elif parts[0] in WORD_VALUES:
            value = WORD_VALUES[parts[0]]
            rest = parts[1:]
            if rest and rest[0] in WORD_VALUES and WORD_VALUES[rest[0]] < 10:
                value += WORD_VALUES[rest.pop(0)]
            scales = rest
        else:
            return None
    for s in scales:
        if s not in SCALES:
            return None
        value *= SCALES[s]
    return value


def _fraction_value(text: str) -> float | None:
    parts = re.split(r"[\s-]+", text.lower())
    if parts[0] == "half":
        return 0.5
    if len(parts) >= 3 and parts[0] == "one" and parts[1] == "in":
        denom = parse_value(" ".join(parts[2:]))
        return 1.0 / denom if denom else None
    numer = 1.0 if parts[0] in ("a", "an") else WORD_VALUES.get(parts[0])
    denom = FRACTIONS.get(parts[-1])
    return numer / denom if numer and denom else None


def _range_ends(text: str) -> tuple[str, str]:
    m = re.fullmatch(
        r"(?:between|from)\s+(.+?)\s+(?:and|to)\s+(.+)", text, re.IGNORECASE | re.DOTALL
    )
    if m:
        return m.group(1), m.group(2)
    parts = re.split(r"\s*(?:-|–|—|\bto\b)\s*", text, maxsplit=1, flags=re.IGNORECASE)
    if len(parts) < 2:  # the range pattern matched a joiner this split does not know
        return text, text
    return parts[0], parts[1]


def _vague_range(text: str, table: Mapping[str, VagueAmount]) -> tuple[float, float] | None:
    norm = re.sub(r"\s+", " ", text.lower())
    if norm in table:
        return table[norm].low, table[norm].high
    for phrase, entry in table.items():
        if entry.kind == "multiplier" and norm.startswith(phrase + " "):
            scale = SCALES.get(norm[len(phrase) + 1 :].rstrip("s"))
            if scale:
                return entry.low * scale, entry.high * scale
    return None


def _core_range(
    m: re.Match[str], vague: Mapping[str, VagueAmount]
) -> tuple[float | None, float | None, bool, str | None]:
    """(low, high, vague, currency) of the matched core."""
    core = m.group("core")
    symbol = re.search(r"us\$|[$€£]", core.lower())
    currency = CURRENCY[symbol.group(0)] if symbol else None
    if m.group("range") and re.fullmatch(rf"(?:{'|'.join(_TENS_WORDS)})-[a-z]+", core.lower()):
        v = parse_value(core)  # "twenty-five" is one number, not a range
        return v, v, False, None
    if m.group("range"):
        left, right = _range_ends(core)
        lo, hi = parse_value(left), parse_value(right)
        right_words = right.lower().split()
        if lo is not None and len(right_words) > 1 and len(left.split()) == 1:
            head = parse_value(right_words[0])
            if head and hi:  # "2 to 3 million": the scale of the right end applies to the left
                lo *= hi / head
        if lo is not None and hi is not None and lo > hi:
            return None, None, False, None  # "won 5-3", "a 210-95 vote": a score, not a range
        return lo, hi, False, currency
    if m.group("vague"):
        rng = _vague_range(core, vague)
        return (rng[0], rng[1], True, None) if rng else (None, None, True, None)
    if m.group("frac"):
        v = _fraction_value(core)
        return v, v, False, None
    v = parse_value(core)
    return v, v, False, currency


def _bounds(
    mod: str | None, low: float | None, high: float | None
) -> tuple[float | None, float | None, bool]:
    """Apply a modifier ("at least", "about", "up to") to a range."""
    kind = MODIFIERS.get(re.sub(r"\s+", " ", mod.lower())) if mod else None
    if kind == "min":
        return low, None, False
    if kind == "max":
        return None, high, False
    return low, high, kind == "approx"


def _is_year(text: str) -> bool:
    return re.fullmatch(r"(1[5-9]\d\d|20\d\d)(s)?", text.strip()) is not None


def _not_a_quantity(sentence: str, m: re.Match[str], units: Mapping[str, Unit]) -> bool:
    """Years, dates, clock times, identifiers and pronoun "one" are not quantities."""
    core, start, end = m.group("core"), m.start(), m.end()
    before = sentence[:start].rstrip()
    after = sentence[end:].lstrip()
    prev = re.findall(r"[\w.']+$", before)
    prev_word = prev[0] if prev else ""
    plain = not (m.group("mod") or m.group("unit"))
    if m.group("range") and plain and all(_is_year(p) for p in _range_ends(core)):
        return True
    if m.group("num") and plain and _is_year(core) and not re.match(r"[a-z]+s\b", after):
        return True  # "in 2003", "the 2003 war" (but "1990 troops" is a count)
    if (
        m.group("num")
        and _is_year(core)
        and prev_word.lower() in (*MONTHS, "in", "since", "of", "by", "until", "from", "year")
    ):
        return True
    day_of_month = prev_word.lower() in MONTHS or re.match(
        rf"(?:of\s+)?(?:{'|'.join(MONTHS)})\b", after, re.IGNORECASE
    )
    if m.group("num") and re.fullmatch(r"\d{1,2}", core) and day_of_month:
        return True
    if re.match(r"(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock|:\d)", after, re.IGNORECASE):
        return True
    if re.match(r"(?:st|nd|rd|th)\b", sentence[end:]):
        return True
    if (
        prev_word[:1].isupper()
        and prev_word.lower() not in MONTHS
        and prev_word.lower() not in _FUNCTION_WORDS
        and not m.group("mod")
    ):
        return True  # an identifier: "Article 5", "Flight 17"
    if m.group("num") and core.lower() == "one" and not m.group("unit"):
        return True
    unit = units.get(re.sub(r"\s+", " ", (m.group("unit") or "").lower()))
    if m.group("vague") and unit is not None and unit.dimension == "time":
        return True  # "a few weeks before": a vague time expression, left to the time module
    # "two years ago"; coordinates; footnote marks
    return after.lower().startswith("ago") or after.startswith(("°", "′", "″", "]"))


def _unit(m: re.Match[str], currency: str | None, units: Mapping[str, Unit]) -> str | None:
    if m.group("unit"):
        unit = units.get(re.sub(r"\s+", " ", m.group("unit").lower()))
        if unit is not None:
            return unit.name
    if currency:
        return currency
    if m.group("frac"):
        return "share"
    return None


class NumberReader:
    """Finds number expressions with the vague-amount and unit tables it is given."""

    def __init__(self, vague_amounts: Mapping[str, VagueAmount], units: Mapping[str, Unit]) -> None:
        self.vague_amounts = dict(vague_amounts)
        self.units = dict(units)
        self.pattern = _pattern(self.vague_amounts, self.units)

    @classmethod
    def from_data(cls) -> NumberReader:
        """The reader with the bundled tables."""
        return cls(load_vague_amounts(), load_units())

    def find(self, sentence: str) -> list[NumberMatch]:
        """Every quantity expression in ``sentence``, left to right."""
        return [m for m in map(self._read, self.pattern.finditer(sentence)) if m is not None]

    def _read(self, m: re.Match[str]) -> NumberMatch | None:
        sentence = m.string
        if _not_a_quantity(sentence, m, self.units):
            return None
        low, high, vague, currency = _core_range(m, self.vague_amounts)
        if low is None and high is None:
            return None
        low, high, approx = _bounds(m.group("mod"), low, high)
        unit = _unit(m, currency, self.units)
        if currency is None and unit is None and re.search(r"\dm$", m.group("core").lower()):
            # "50m apart": metres; "m" means million only after a currency sign ("$50m")
            low = None if low is None else low / 1e6
            high = None if high is None else high / 1e6
            unit = "m"
        return NumberMatch(
            start=m.start(),
            end=m.end(),
            text=m.group(0),
            low=low,
            high=high,
            unit=unit,
            approximate=approx or vague or m.group("core").lower().startswith("a dozen"),
            vague=vague,
        )
