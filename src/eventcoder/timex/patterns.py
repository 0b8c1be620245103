"""The regular expressions that find temporal expressions, one per rule name.

Names of capture groups are the vocabulary the resolvers in :mod:`resolve` read. Month and
weekday names must be capitalised; other words accept a capital first letter. ``WS`` is a
word start that also accepts a capital glued to a lower-case letter ("reformsYesterday",
a heading run into the next sentence by text extraction).
"""

from __future__ import annotations

import re

from eventcoder.months import MONTHS, month_pattern
from eventcoder.regexes import guarded

__all__ = ["MONTHS", "NUMBER_WORDS", "RULES", "WEEKDAYS"]

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
NUMBER_WORDS: dict[str, tuple[float, float]] = {
    "a": (1, 1),
    "an": (1, 1),
    "one": (1, 1),
    "two": (2, 2),
    "three": (3, 3),
    "four": (4, 4),
    "five": (5, 5),
    "six": (6, 6),
    "seven": (7, 7),
    "eight": (8, 8),
    "nine": (9, 9),
    "ten": (10, 10),
    "eleven": (11, 11),
    "twelve": (12, 12),
    "fifteen": (15, 15),
    "twenty": (20, 20),
    "thirty": (30, 30),
    "forty": (40, 40),
    "fifty": (50, 50),
    "a few": (2, 4),
    "few": (2, 4),
    "a couple of": (2, 2),
    "a couple": (2, 2),
    "several": (3, 7),
    "many": (3, 10),
    "": (2, 6),  # "" = a bare plural ("weeks after")
}


def _ci(words: str) -> str:
    """Alternatives whose first letter may be capitalised."""
    out = []
    for word in words.split("|"):
        out.append(f"[{word[0].upper()}{word[0]}]{re.escape(word[1:])}".replace("\\ ", r"\s+"))
    return "(?:" + "|".join(out) + ")"


WS = r"(?:(?<![\w'’-])|(?<=[a-z])(?=[A-Z]))"
END = r"(?![\w’'])"
YEAR = r"(?:1[89]\d\d|20\d\d)"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
MONTH = month_pattern()
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
NUM = r"(?:\d+|" + _ci("|".join(sorted((w for w in NUMBER_WORDS if w), key=len, reverse=True)))[3:]
QUAL = (
    _ci(
        "more than|less than|nearly|almost|about|around|some|just|only|barely|roughly|"
        "over|exactly|shortly|just over|well over|at least"
    )
    + r"\s+"
)
PART_CI = (
    r"(?P<part>[Ee]arly|[Mm]id|[Ll]ate|(?:[Tt]he\s+)?(?:end|start|beginning|middle|turn)\s+of)"
)
UNIT = r"(?P<unit>day|week|fortnight|month|year|decade)s?"
SEASON = r"(?P<season>[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)"
ANCHOR_REL = _ci(
    "before|after|since|prior to|following|ahead of|into|on the eve of|the eve of|"
    "at the start of|at the beginning of|at the outbreak of|at the height of|the day of|"
    "in the run-up to|in the wake of|in the aftermath of|shortly before|shortly after|"
    "just before|just after|until"
)

DAY_WORDS = (
    "yesterday|today|tonight|tomorrow|overnight|last night|this morning|this afternoon|"
    "this evening|the day before yesterday|the day after tomorrow"
)
PERIOD_RELS = "last|this|next|past|coming|previous|this past|this coming"
PRESENT_WORDS = (
    "currently|now|at present|at the moment|these days|nowadays|presently|right now|"
    "as of now|at this time"
)

_RAW: dict[str, str] = {
    "iso": rf"{WS}(?P<y>{YEAR})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01]){END}",
    "numeric": rf"{WS}(?P<m>1[0-2]|0?[1-9])/(?P<d>[12]\d|3[01]|0?[1-9])/(?P<y>{YEAR}){END}",
    "day_range": (
        rf"{WS}(?:{_ci('from|between')}\s+)?(?P<d1>{DAY})\s*(?:-|–|to|and|until|through)"
        rf"\s*(?P<d2>{DAY})\s+(?P<month>{MONTH})(?:,?\s+(?P<y>{YEAR}))?{END}"
    ),
    "month_day_range": (
        rf"{WS}(?:{_ci('from|between')}\s+)?(?P<month>{MONTH})\s+(?P<d1>{DAY})"
        rf"\s*(?:-|–|to|and|until|through)\s*(?P<d2>{DAY})(?!\d)"
        rf"(?:,?\s+(?P<y>{YEAR}))?{END}"
    ),
    "day_month": (
        rf"{WS}(?:the\s+)?(?P<d>{DAY})(?:\s+of)?\s+(?P<month>{MONTH})"
        rf"(?:,?\s+(?P<y>{YEAR}))?{END}"
    ),
    "month_day": rf"{WS}(?P<month>{MONTH})\s+(?P<d>{DAY})(?![\d:])(?:,?\s+(?P<y>{YEAR}))?{END}",
    "month": (
        rf"{WS}(?:(?P<rel>[Ll]ast|[Nn]ext|[Tt]his\s+past|[Tt]his\s+coming)\s+|{PART_CI}[\s-]+)?"
        rf"(?P<month>{MONTH})(?:\s+of)?"
        rf"(?:,?\s+(?:(?P<y>{YEAR})|(?P<yrel>last|this|next)\s+year))?{END}"
    ),
    "season": (
        rf"{WS}(?:(?P<rel>[Ll]ast|[Tt]his|[Nn]ext|[Tt]his\s+past|[Tt]his\s+coming)\s+|"
        rf"(?:{PART_CI}[\s-]+)?(?P<the>[Tt]he\s+)?)?{SEASON}"
        rf"(?:\s+(?:of\s+)?(?:(?P<y>{YEAR})(?:[/-](?P<y2>\d\d(?:\d\d)?))?|"
        rf"(?P<yrel>last|this|next)\s+year))?{END}"
    ),
    "year": (
        rf"{WS}(?:{PART_CI}[\s-]+|(?P<fiscal>fiscal\s+|FY\s*))?(?P<y>{YEAR})"
        rf"(?:[/–-](?P<y2>\d\d(?:\d\d)?))?{END}"
    ),
    "decade": (
        rf"{WS}(?:[Tt]he\s+)?(?:(?P<part>[Ee]arly|[Mm]id|[Ll]ate)[\s-]+)?"
        rf"(?:(?P<dec>(?:1[89]|20)\d0)|['’](?P<dec2>\d0))['’]?s{END}"
    ),
    "quarter": (
        rf"{WS}(?:[Tt]he\s+)?(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)"
        rf"\s+quarter(?:\s+of\s+(?:(?P<y>{YEAR})|(?P<rel>this|last|next|the)\s+year))?{END}"
    ),
    "quarter_code": rf"{WS}(?:(?P<y0>{YEAR})\s*)?Q(?P<q>[1-4])(?:\s*(?P<y>{YEAR}))?{END}",
    "half": (
        rf"{WS}(?:[Tt]he\s+)?(?P<ord>first|second)\s+half\s+of\s+(?:(?P<y>{YEAR})|"
        rf"(?P<rel>this|last|next|the)\s+year){END}"
    ),
    "weekday": (
        rf"{WS}(?:(?P<rel>[Ll]ast|[Tt]his|[Nn]ext|[Tt]his\s+past|[Tt]his\s+coming)\s+)?"
        rf"(?:(?:the\s+)?early\s+hours\s+of\s+)?(?P<wd>{WEEKDAY})(?:['’]s)?"
        rf"(?:\s+(?P<tod>morning|afternoon|evening|night))?{END}"
    ),
    "day_word": (
        rf"{WS}(?P<w>{_ci(DAY_WORDS)})"
        rf"(?:\s+(?P<tod>morning|afternoon|evening|night))?{END}"
    ),
    "rel_period": (
        rf"{WS}(?:(?P<mod>[Ee]arlier|[Ll]ater|[Ee]arly|[Ll]ate|[Mm]id)[\s-]+)?"
        rf"(?:(?P<the>[Tt]he)\s+)?(?P<rel>{_ci(PERIOD_RELS)})"
        rf"\s+(?P<unit>week|month|year|weekend|decade){END}"
    ),
    "in_the_unit": (
        rf"{WS}(?P<mod>[Ee]arlier|[Ll]ater)\s+in\s+the\s+(?P<unit>week|month|year){END}"
    ),
    "coming": (
        rf"{WS}(?:{_ci('in|over|during')}\s+)?the\s+(?:coming|next\s+few)\s+"
        rf"(?P<unit>day|week|month|year)s{END}"
    ),
    "weekend": rf"{WS}(?:{_ci('over|at|during|on')})\s+the\s+weekend{END}",
    "unit_boundary": (
        rf"{WS}(?:[Tt]he\s+)?(?P<part>end|start|beginning|middle)\s+of\s+"
        rf"(?P<rel>the|this|last|next)\s+(?P<unit>week|month|year){END}"
    ),
    "ago": rf"{WS}(?:{QUAL})?(?P<num>{NUM})\s+{UNIT}\s+ago{END}",
    "past_n": (
        rf"{WS}(?:{_ci('over|in|during|for|within')}\s+)?the\s+(?:past|last|previous)\s+"
        rf"(?P<num>{NUM})\s+{UNIT}{END}"
    ),
    "recent": rf"{WS}(?:{_ci('in|over')}\s+)?recent\s+(?P<unit>day|week|month|year)s{END}",
    "narrative_offset": (
        rf"{WS}(?:{QUAL})?(?P<num>{NUM})\s+{UNIT}\s+"
        rf"(?P<dir>later|earlier|afterwards|before|after)"
        rf"(?!\s+(?:the|a|an|his|her|its|their|[A-Z]\w*['’]s)\b){END}"
    ),
    "narrative_next": (
        rf"{WS}(?:[Tt]he\s+)?(?P<dir>previous|following|next|preceding)\s+"
        rf"(?P<unit>day|week|month|year)(?!\s+of){END}"
    ),
    "day_before_after": (
        rf"{WS}[Tt]he\s+day\s+(?P<dir>before|after)(?!\s+(?:the|yesterday|tomorrow)\b){END}"
    ),
    "anchored": (
        rf"{WS}(?:(?:{QUAL})?(?P<num>{NUM})\s+{UNIT}\s+|(?P<bare>days|weeks|months|years)\s+)?"
        rf"(?P<rel>{ANCHOR_REL})\s+(?P<np>(?:the|[A-Z][\w.]*['’]s|last\s+year['’]s)\s+"
        rf"[^,.;:!?()\n]{{2,80}})"
    ),
    "present": (
        rf"{WS}(?P<w>{_ci(PRESENT_WORDS)})"
        rf"(?![\w-]){END}"
    ),
    "holiday": (
        rf"{WS}(?:[Oo]n\s+)?(?P<hol>Christmas\s+Day|Christmas\s+Eve|New\s+Year['’]s\s+Day|"
        rf"New\s+Year['’]s\s+Eve|Boxing\s+Day|Valentine['’]s\s+Day|Halloween)"
        rf"(?:,?\s+(?P<y>{YEAR}))?{END}"
    ),
}

# guarded: each skips the characters its matches cannot start with (same matches, half the time)
RULES: dict[str, re.Pattern[str]] = {name: guarded(rx) for name, rx in _RAW.items()}
