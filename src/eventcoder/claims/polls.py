"""Opinion polls: pollster, population, answer and share, with the caveats the text states.

``find_polls(sentences, quantities)`` groups sentences around a poll cue ("poll", "survey",
"respondents"...): a group runs on while the next sentence has a cue or a share, allowing one
sentence with neither in between. Every share (a percentage or fraction) in the group becomes
one ``Poll`` with the answer it gives; the pollster ("by X", "an X poll"), the population
("of X") and the caveats found anywhere in the group (online sample, margin of error, sample
size, representativeness) are attached to every poll of the group. Shares, margins of error and
sample sizes used by a poll are reported back so they are not also emitted as quantities.
"""

from __future__ import annotations

import calendar
import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from eventcoder.claims.quantities import Quantity
from eventcoder.months import MONTH_NAMES, MONTHS
from eventcoder.nlp.morph import is_plural
from eventcoder.records import DateInterval

__all__ = ["Poll", "find_polls"]

_CUE = re.compile(
    r"\b(?:polls?|polled|polling|pollsters?|surveys?|surveyed|respondents|questioned|"
    r"interviewed|opinion research)\b",
    re.IGNORECASE,
)
_POLL_NOUNS = {"poll", "polls", "survey", "surveys", "polling", "study"}
_NOT_POPULATION = {"respondents", "those", "participants", "people", "interviewees"}
_CONNECT = {"of", "the", "for", "and", "&", "de"}
_ANSWER_STOP = {"while", "whereas", "versus", "vs", "against", "but", "compared", "although", ";"}
_SKIP_BEFORE_ANSWER = {
    "who",
    "that",
    "which",
    "said",
    "say",
    "says",
    "answered",
    "replied",
    "stated",
    "think",
    "thought",
    "believe",
    "believed",
    "agreed",
    "agree",
}
_SHARE_UNITS = {"percent", "share"}
_MONTHS = {name: MONTHS[name] for name in MONTH_NAMES}
_FIELDWORK = re.compile(
    r"\b(?:conducted|carried out|taken|fieldwork|polled|surveyed|poll|survey)\b[^.;]{0,60}?"
    r"\b(?:in|during|throughout|between|from)\s+(?:early\s+|late\s+|mid-)?"
    rf"({'|'.join(m.title() for m in _MONTHS)})(?:\s+(\d{{4}}))?"
)
_QUESTION = re.compile(
    r"\b(?:asked|question(?:ed)?)\b[^.;]*?\b((?:whether|if|about|how|what|which)\s+[^,.;]+)"
    r"|\b(?:poll|survey|polling)\s+((?:on|about)\s+[^,.;]+)",
    re.IGNORECASE,
)
_MAX_GAP_TOKENS = 40  # about one sentence: parsers split sentences too often to count them
_MODES = {
    "telephone",
    "phone",
    "mail",
    "post",
    "email",
    "e-mail",
    "internet",
    "text",
    "sms",
    "computer",
    "tablet",
    "age",
    "region",
    "gender",
    "sex",
    "education",
    "margin",
}
_OWNERS = {"a", "an", "the", "its", "their", "one", "two", "three"}
_BY_CONTEXT = {
    "conducted",
    "carried",
    "commissioned",
    "polled",
    "surveyed",
    "run",
    "done",
    "online",
    "telephone",
} | {"poll", "polls", "survey", "surveys", "polling", "study"}


@dataclass
class Poll:
    """One answer share of a poll (token offsets into the Doc)."""

    sentence: int
    quantity: Quantity
    share: float
    answer: str | None
    answer_span: tuple[int, int] | None
    pollster: str | None = None
    population: str | None = None
    question: str | None = None
    caveats: list[str] = field(default_factory=list)
    date: DateInterval | None = None


def _is_share(q: Quantity) -> bool:
    return q.match.unit in _SHARE_UNITS and q.match.low is not None


Caveats = Sequence[tuple[str, re.Pattern[str]]]


def _groups(
    sentences: Sequence[Span], quantities: Sequence[Sequence[Quantity]], caveats: Caveats
) -> list[list[int]]:
    """Sentence indices of each poll group."""
    groups: list[list[int]] = []
    current: list[int] = []
    pending: list[int] = []  # sentences without a cue since the group's last member
    for i, sent in enumerate(sentences):
        text = sent.text  # built from the tokens on every access: once per sentence
        cue = bool(_CUE.search(text))
        if cue or (current and _continues(text, quantities[i], caveats)):
            current.extend(pending + [i])
            pending = []
        elif current:
            pending.append(i)
            if sum(len(sentences[k]) for k in pending) > _MAX_GAP_TOKENS:
                groups.append(current)
                current, pending = [], []
    if current:
        groups.append(current)
    return groups


def _continues(text: str, quantities: Sequence[Quantity], caveats: Caveats) -> bool:
    """Whether a sentence without a poll cue still belongs to an open poll group: it gives a
    share or a caveat (read only while a group is open: most sentences need neither)."""
    return any(_is_share(q) for q in quantities) or any(c.search(text) for _, c in caveats)


def _title_run(doc: Doc, k: int, limit: int, step: int) -> list[Token]:
    """Title-case words (with "of", "the"... between them) from ``k`` in direction ``step``."""
    run: list[Token] = []
    while 0 <= k < limit and (
        doc[k].text[:1].isupper() or doc[k].lower_ in _CONNECT or doc[k].is_space
    ):
        if step < 0 and (doc[k].is_sent_start or doc[k].lower_ in ("a", "an", "the", "in")):
            break
        if not doc[k].is_space:
            run.append(doc[k])
        k += step
    run = sorted(run, key=lambda t: t.i)
    while run and run[-1].lower_ in _CONNECT:
        run.pop()
    while run and run[0].lower_ in _CONNECT - {"the"}:
        run.pop(0)
    return run if any(t.text[:1].isupper() for t in run) else []


def _common_by_phrase(doc: Doc, k: int, limit: int) -> str | None:
    """ "a Helsinki newspaper", "the newspaper Helsingin Sanomat", "a group of academics": a
    determiner and the adjectives and nouns after it (and one "of X"), not a mode ("by phone")."""
    if k >= limit or doc[k].lower_ not in _OWNERS:
        return None
    last, j = None, k + 1
    while j < limit and (
        doc[j].pos_ in ("ADJ", "NOUN", "PROPN")
        or (
            last is not None
            and doc[j].lower_ == "of"
            and j + 1 < limit
            and doc[j + 1].pos_ in ("ADJ", "NOUN", "PROPN")
            and doc[last].lower_ != "of"
        )
    ):
        if doc[j].pos_ in ("NOUN", "PROPN") or doc[j].lower_ == "of":
            last = j
        j += 1
    while last is not None and doc[last].lower_ == "of":
        last -= 1
    if last is None or last <= k or doc[last].lower_ in _MODES | _POLL_NOUNS:
        return None
    return doc[k : last + 1].text


def _by_follows_poll(doc: Doc, by: int, start: int) -> bool:
    """ "survey by", "conducted by", "carried out by": "by" right after a poll noun or verb."""
    k = by - 1
    while k > start and doc[k].lower_ in ("out", "jointly"):
        k -= 1
    return k >= start and doc[k].lower_ in _BY_CONTEXT


def _pollster(sent: Span) -> str | None:
    """ "... by X" or "an X poll" in a cue sentence."""
    doc = sent.doc
    for tok in sent:
        context = {t.lower_ for t in doc[max(sent.start, tok.i - 6) : tok.i]}
        if tok.lower_ == "by" and context & _BY_CONTEXT:
            run = _title_run(doc, tok.i + 1, sent.end, 1)
            if run:
                return doc[run[0].i : run[-1].i + 1].text
            if _by_follows_poll(doc, tok.i, sent.start):
                common = _common_by_phrase(doc, tok.i + 1, sent.end)
                if common:
                    return common
    for tok in sent:
        if tok.lower_ in _POLL_NOUNS:
            run = _title_run(doc, tok.i - 1, sent.end, -1)
            if run:
                return doc[run[0].i : run[-1].i + 1].text
    return None


def _sampled(sent: Span) -> str | None:
    """ "a poll of 900 households": the population sampled, from "of" after a poll noun."""
    doc = sent.doc
    for tok in sent:
        if tok.lower_ not in _POLL_NOUNS or tok.i + 1 >= sent.end or doc[tok.i + 1].lower_ != "of":
            continue
        k = tok.i + 2
        while k < sent.end and (
            doc[k].like_num
            or doc[k].pos_ == "NUM"
            or doc[k].lower_ in ("more", "than", "some", "about", "nearly")
        ):
            k += 1
        start = k
        while k < sent.end and doc[k].pos_ in ("ADJ", "NOUN", "PROPN"):
            k += 1
            if is_plural(doc[k - 1]) and doc[k - 1].pos_ in ("NOUN", "PROPN"):
                return doc[start:k].text
    return None


def _of_phrase(doc: Doc, k: int, limit: int) -> tuple[int, str | None]:
    """Skip "of X [in Y]" after a share; return the next index and X."""
    if k >= limit or doc[k].lower_ != "of":
        return k, None
    k += 1
    start = k
    while k < limit and (
        doc[k].pos_ in ("DET", "ADJ", "NOUN", "PROPN", "NUM")
        or doc[k].tag_ == "VBN"
        or doc[k].lower_ in ("those", "polled", "surveyed")
    ):
        if (
            k > start
            and doc[k].is_lower
            and doc[k - 1].text[:1].isupper()
            and (doc[k - 1].lower_.endswith("s") or doc[k - 2].lower_ == "the")
        ):
            break  # "of Americans approve", "of the French disapprove": the verb starts here
        plural = is_plural(doc[k]) and doc[k].pos_ in ("NOUN", "PROPN")
        k += 1
        if plural:
            break
    population = doc[start:k].text if k > start else None
    while k < limit and doc[k].lower_ in ("in", "from", "across", "by") and k + 1 < limit:
        j = k + 1
        while j < limit and (doc[j].pos_ in ("DET", "ADJ", "NOUN", "PROPN") or doc[j].is_title):
            j += 1
        if j == k + 1:
            break
        if population and doc[k].lower_ != "by":
            population = doc[start:j].text
        k = j
    return k, population


def _answer(doc: Doc, q: Quantity, sent: Span) -> tuple[tuple[int, int] | None, str | None]:
    """The answer a share gives: the words after it, to the next contrast or share."""
    k, population = _of_phrase(doc, q.last_token + 1, sent.end)
    while k < sent.end and (doc[k].lower_ in _SKIP_BEFORE_ANSWER or doc[k].text == ","):
        k += 1
    start = k
    while k < sent.end:
        t = doc[k]
        if t.lower_ in _ANSWER_STOP or (t.is_punct and t.text not in ("'", "’", "-")):
            break
        if (
            t.lower_ in ("and", "with")
            and k + 1 < sent.end
            and (doc[k + 1].like_num or doc[k + 1].lower_ in ("a", "about", "nearly"))
        ):
            break
        k += 1
    return ((start, k) if k > start else None), population


def _share(q: Quantity) -> float:
    value = q.match.low if q.match.low is not None else q.match.high
    if value is None:  # _is_share admits only quantities with a value
        raise ValueError(f"a share without a value: {q.match}")
    return value / 100.0 if q.match.unit == "percent" else value


def _caveats(sentences: Sequence[Span], group: Sequence[int], caveats: Caveats) -> list[str]:
    text = " ".join(sentences[i].text for i in group)
    return [label for label, cue in caveats if cue.search(text)]


def _fieldwork(text: str, document_date: datetime.date | None) -> DateInterval | None:
    """ "conducted ... in August [2022]": the month of fieldwork (the last such month before
    the document date when no year is given)."""
    m = _FIELDWORK.search(text)
    if m is None:
        return None
    month = _MONTHS[m.group(1).lower()]
    if m.group(2):
        year = int(m.group(2))
    elif document_date is not None:
        year = document_date.year if month <= document_date.month else document_date.year - 1
    else:
        return None
    last = calendar.monthrange(year, month)[1]
    phrase = m.group(0)[m.group(0).rfind(m.group(1)) :]
    return DateInterval(
        start=f"{year:04d}-{month:02d}-01",
        end=f"{year:04d}-{month:02d}-{last:02d}",
        granularity="month",
        text=phrase,
    )


def _question(text: str) -> str | None:
    """The question's gist when the text states it ("asked whether ...", "a poll on ...")."""
    m = _QUESTION.search(text)
    if m is None:
        return None
    gist = re.split(
        r"\s+(?:in|by|for|from)\s+(?:a|an|the|this|their)\s+(?:\w+\s+)?(?:poll|survey)\b",
        m.group(1) or m.group(2),
    )[0]
    return gist.strip()


def _used_by_poll(q: Quantity, sent: Span) -> bool:
    """Margins of error and sample sizes belong to the poll, not to the quantities."""
    start = max(0, q.start_char - 40 - sent.start_char)  # sent.text: doc.text is rebuilt per call
    before = sent.text[start : q.start_char - sent.start_char].lower()
    return q.match.unit == "point" or bool(
        re.search(
            r"(?:margin of (?:sampling )?error|plus or minus|(?:poll|survey|sample) of)[^.]*$",
            before,
        )
    )


def _generic_population(population: str | None) -> bool:
    return not population or population.split()[-1].lower() in _NOT_POPULATION


def _fill_population(members: Sequence[Poll], sampled: str | None) -> None:
    """Shares without a population (or with "respondents") take the group's: another share's,
    else the one the poll sampled ("a poll of 900 households"); "respondents" stays otherwise."""
    default = next((p.population for p in members if not _generic_population(p.population)), None)
    if default is None and not _generic_population(sampled):
        default = sampled
    for p in members:
        if _generic_population(p.population):
            p.population = default or p.population or sampled


def find_polls(
    sentences: Sequence[Span],
    quantities: Sequence[Sequence[Quantity]],
    document_date: datetime.date | None = None,
    *,
    caveats: Caveats,
) -> tuple[list[Poll], set[tuple[int, int]]]:
    """Poll records of a document and the (sentence, quantity index) pairs they use;
    ``caveats`` are the (label, cue) pairs of ``poll_caveats.tsv``."""
    polls: list[Poll] = []
    used: set[tuple[int, int]] = set()
    for group in _groups(sentences, quantities, caveats):
        pollster = next((p for i in group for p in [_pollster(sentences[i])] if p), None)
        text = " ".join(sentences[i].text for i in group)
        found = _caveats(sentences, group, caveats)
        date, question = _fieldwork(text, document_date), _question(text)
        members: list[Poll] = []
        for i in group:
            sent = sentences[i]
            for n, q in enumerate(quantities[i]):
                if _used_by_poll(q, sent):
                    used.add((i, n))
                    continue
                if not _is_share(q):
                    continue
                span, population = _answer(sent.doc, q, sent)
                answer = sent.doc[span[0] : span[1]].text if span else None
                members.append(
                    Poll(
                        i,
                        q,
                        _share(q),
                        answer,
                        span,
                        pollster,
                        population,
                        question,
                        list(found),
                        date,
                    )
                )
                used.add((i, n))
        _fill_population(
            members, next((p for i in group for p in [_sampled(sentences[i])] if p), None)
        )
        polls.extend(members)
    return polls, used
