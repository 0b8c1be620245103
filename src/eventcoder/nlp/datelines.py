"""Where a wire dateline ends ("KHARTOUM, Dec 3 (Agency) - The army said ...").

A dateline says where and when a story was filed, not what happened: stages that weigh a
sentence (its length, its dates) read the lead after it.
"""

from __future__ import annotations

from spacy.tokens import Span

__all__ = ["DATELINE_DASHES", "DATELINE_REACH", "dateline_length"]

DATELINE_DASHES = frozenset({"-", "\u2013", "\u2014", "--"})
DATELINE_REACH = 12  # tokens from a dateline's first word to its dash, at most


def dateline_length(sent: Span) -> int:
    """How many tokens of ``sent`` a dateline takes, its dash included; 0 when the sentence
    opens with none. A dateline opens with a place in capitals of three letters or more and
    runs, through names, numbers, commas and a bracketed agency, to a spaced dash."""
    if len(sent) < 3:
        return 0
    first = sent[0]
    if not (first.is_alpha and first.is_upper and len(first.text) > 2):
        return 0
    for i in range(1, min(len(sent) - 1, DATELINE_REACH + 1)):
        token = sent[i]
        if token.text in DATELINE_DASHES:
            spaced = bool(token.whitespace_) and bool(sent[i - 1].whitespace_)
            return i + 1 if spaced else 0
        if token.is_space or not (
            token.text in {",", ".", "(", ")", "/"}
            or token.like_num
            or token.is_upper
            or token.is_title
        ):
            return 0  # a lower-case word: the sentence itself, no dateline
    return 0
