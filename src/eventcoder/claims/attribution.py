"""Claims: statements attributed to a speaker through reporting verbs and phrases.

``find_attributions(sent, mentions, verbs)`` reads one parsed sentence and returns who says
what: the speaker (an actor), the reporting verb or phrase and its stance, and the token range
of the content. Three shapes are recognised:

- a reporting verb with a subject ("The ministry denied that ...", "... said a spokesman"),
  the content being its clausal complement, its object ("estimated the damage at $2 billion"),
  or the clause before it ("The talks failed, a diplomat said");
- "according to X" before or after the content;
- "X put(s) the figure/number/toll at N".

The parse is imperfect, so each step has a surface fallback (a following "that" marks the
content; a quote next to the verb is the content).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Span, Token

from eventcoder.actors.mention import ActorMention
from eventcoder.claims.phrases import actor_for, strip_edges
from eventcoder.records import Actor

__all__ = ["Attribution", "find_attributions"]

_NP_STANCES = {"estimate", "denial", "confirmation", "accusation", "admission"}
_SUBJ = {"nsubj", "csubj"}
_CLAUSES = {"ccomp", "xcomp", "parataxis"}
_ARGS = {"obj", "obl", "nsubj", "nmod", "iobj", "advcl", "acl"}
_TEMPORAL = {
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
    "week",
    "month",
    "year",
    "statement",
    "interview",
    "parliament",
    "conference",
    "briefing",
    "night",
    "morning",
    "evening",
    "weekend",
    "time",
    "tv",
    "television",
    "radio",
    "reporters",
    "journalists",
}
_EXPLETIVE = {"it", "there"}
_PUT_FORMS = {"put", "puts", "putting", "place", "places", "placed", "placing"}
_PUT_WINDOW = 16  # "put the number of X linked to Y in Z at N"
_POLL_WORDS = {"poll", "polls", "survey", "surveys", "polling", "study", "census"}
_NOT_SAYING = {"refuse", "decline", "fail", "avoid", "hesitate"}
_NOT_SAYING_FORMS = {
    "refused",
    "refuses",
    "refusing",
    "declined",
    "declines",
    "declining",
    "failed",
    "fails",
    "failing",
    "avoided",
    "avoids",
    "hesitated",
}
_CONTENT_NOUNS = {
    "claims",
    "claim",
    "reports",
    "report",
    "allegations",
    "allegation",
    "rumours",
    "rumors",
    "suggestions",
    "accusations",
    "speculation",
    "fears",
    "assertions",
    "charges",
    "statements",
    "idea",
    "notion",
    "view",
}
_SHARE_WORDS = {
    "percent",
    "%",
    "half",
    "third",
    "quarter",
    "majority",
    "minority",
    "respondents",
    "polled",
    "surveyed",
    "thirds",
    "quarters",
}
_WH = {"who", "which", "that", "whom"}
_FUNCTION_POS = {"CCONJ", "SCONJ", "ADV", "ADP", "PRON", "DET", "AUX", "VERB", "PART", "INTJ"}
_OBJECT_WORDS = {"me", "us", "him", "her", "them", "you", "reporters", "journalists"}
_QUOTES = {'"', "“", "”", "'", "‘", "’", "«", "»"}


@dataclass(frozen=True)
class Attribution:
    """Who says what in one sentence (token indices into the Doc)."""

    speaker: Actor
    speaker_head: int
    verb: str
    verb_index: int
    stance: str | None
    content_start: int
    content_end: int


def _negated(tok: Token, sent: Span) -> bool:
    """ "did not say", or governed by "refused to"/"declined to": nothing was claimed."""
    if any(c.dep_ == "advmod" and "Neg" in c.morph.get("Polarity", []) for c in tok.children):
        return True
    prev = [t.lower_ for t in tok.doc[max(sent.start, tok.i - 3) : tok.i]]
    return (
        tok.dep_ == "xcomp"
        and tok.head.lemma_.lower() in _NOT_SAYING
        or ("to" in prev and any(w in _NOT_SAYING_FORMS for w in prev))
    )


def _speaker_head(verb: Token, sent: Span) -> tuple[Token, tuple[int, int] | None] | None:
    """The speaker's head token (and its token range when found on the surface), or None."""
    after = _speaker_after(verb, sent)
    if after is not None:
        return after, None
    tok = verb
    for _ in range(3):
        subj = [
            c
            for c in tok.children
            if c.dep_ in _SUBJ
            and c.lower_ not in _EXPLETIVE
            and not c.is_space
            and c.i < verb.i + 6
            and not (c.i > verb.i and c.pos_ not in ("NOUN", "PROPN"))
        ]
        if subj:  # the subject nearest the verb (parses sometimes give two)
            return _widen(min(subj, key=lambda c: abs(c.i - verb.i)), verb, sent)
        if "Pass" in tok.morph.get("Voice", []) and any(c.dep_ == "aux" for c in tok.children):
            agents = [
                c
                for c in tok.children
                if c.dep_ == "obl"
                and any(g.dep_ == "case" and g.lower_ == "by" for g in c.children)
            ]
            return (agents[0], None) if agents else None
        participle = tok.lower_.endswith("ing") or tok.tag_ == "VBG"
        coordinated = tok.dep_ == "conj" and any(c.dep_ == "cc" for c in tok.lefts)
        if (
            not ((tok.dep_ == "advcl" and participle) or tok.dep_ == "xcomp" or coordinated)
            or tok.head is tok
        ):
            break
        tok = tok.head
    return _speaker_before(verb, sent)


def _widen(head: Token, verb: Token, sent: Span) -> tuple[Token, tuple[int, int] | None]:
    """A subject left of the verb, widened to the surface noun phrase it belongs to."""
    if head.i < verb.i:
        surface = _speaker_before(verb, sent)
        if surface is not None and surface[1][0] <= head.i < surface[1][1]:
            return surface[0], surface[1]
    return head, None


def _speaker_after(verb: Token, sent: Span) -> Token | None:
    """'..., said a police spokesman': the subject follows the verb after a quote or comma."""
    doc = verb.doc
    if verb.i == sent.start or doc[verb.i - 1].text not in _QUOTES | {","}:
        return None
    for k in range(verb.i + 1, min(verb.i + 6, sent.end)):
        if doc[k].is_punct or doc[k].pos_ in ("ADP", "VERB", "AUX", "SCONJ"):
            break
        if doc[k].pos_ in ("NOUN", "PROPN") and not (
            k + 1 < sent.end and doc[k + 1].pos_ in ("NOUN", "PROPN")
        ):
            nxt = doc[k + 1] if k + 1 < sent.end else None
            if nxt is not None and nxt.pos_ in ("VERB", "AUX") and not nxt.is_punct:
                return None
            return doc[k]
    return None


def _speaker_before(verb: Token, sent: Span) -> tuple[Token, tuple[int, int]] | None:
    """The noun phrase just left of the verb (skipping adverbs and auxiliaries), on the surface."""
    doc = verb.doc
    k = verb.i - 1
    while k >= sent.start and (doc[k].pos_ in ("ADV", "AUX", "PART") or doc[k].is_space):
        k -= 1
    if k >= sent.start and doc[k].text == ",":  # "Putin, speaking at a conference, claimed"
        opening = [j for j in range(max(sent.start, k - 12), k) if doc[j].text == ","]
        # the comma that opens the aside: the last one followed by a participle or "who"
        aside = [
            j
            for j in opening
            if j + 1 < k and (doc[j + 1].tag_ in ("VBG", "VBN") or doc[j + 1].lower_ in _WH)
        ]
        if aside:
            k = aside[-1] - 1
        elif opening:
            k = opening[0] - 1
    end = k + 1
    nouns: list[Token] = []
    while k >= sent.start:
        t = doc[k]
        if (
            nouns
            and nouns[-1].pos_ == "PROPN"
            and t.pos_ == "NOUN"
            and t.is_lower
            and nouns[-1].i == t.i + 1
        ):
            break  # "after the summit Scholz": a common noun ends a name's phrase
        if t.lower_ in _WH or t.is_space:
            break  # a relative pronoun (resolved by the caller) or a line break ends the phrase
        name_like = t.is_title and t.pos_ not in _FUNCTION_POS
        if t.pos_ in ("NOUN", "PROPN", "PRON") or (name_like and not t.is_sent_start):
            nouns.append(t)
        elif not (
            t.pos_ in ("ADJ", "DET", "NUM")
            or name_like
            or t.lower_ in ("of", "for", "in", "'s", "at", "-", "–")
        ):
            break
        k -= 1
    while nouns and nouns[-1].lower_ in _EXPLETIVE:
        nouns.pop()
    if not nouns:
        return None
    start = k + 1
    first = nouns[-1]  # the first noun chunk from the left heads the phrase
    j = first.i
    while j + 1 < end and doc[j + 1].pos_ in ("NOUN", "PROPN"):
        j += 1
    return doc[j], (start, end)


def _relative_antecedent(wh: Token, sent: Span) -> tuple[Token, None] | None:
    """ "residents, who said ...": the noun the relative pronoun stands for."""
    for k in range(wh.i - 1, max(sent.start - 1, wh.i - 4), -1):
        if wh.doc[k].pos_ in ("NOUN", "PROPN"):
            return wh.doc[k], None
    return None


def _is_share(head: Token, verb: Token, sent: Span) -> bool:
    """Poll shares are not speakers: "48% of respondents said ..." is a poll answer.

    Looks at the speaker and up to six words before it, within the same comma-delimited stretch.
    """
    doc = head.doc
    first = min(head.i, verb.i)
    start = max(sent.start, first - 6)
    for k in range(start, first):
        if doc[k].is_punct and doc[k].text != "%":
            start = k + 1
    window = doc[start : max(head.i, verb.i)]
    return any(t.lower_ in _SHARE_WORDS or t.text == "%" for t in window)


def _subtree_bounds(tokens: Sequence[Token]) -> tuple[int, int] | None:
    if not tokens:
        return None
    idx = [t.i for tok in tokens for t in tok.subtree]
    return min(idx), max(idx) + 1


def _is_temporal(tok: Token) -> bool:
    return tok.lower_ in _TEMPORAL or tok.ent_type_ in ("DATE", "TIME")


def _content(verb: Token, head: Token, stance: str | None, sent: Span) -> tuple[int, int] | None:
    """Token range of what is said."""
    doc = verb.doc
    for k in range(verb.i + 1, min(verb.i + 6, sent.end)):
        if doc[k].lower_ in ("that", "how", "whether"):
            # "rejected claims that ...": the noun before "that" belongs to the content
            if k > verb.i + 1 and doc[k - 1].lower_ in _CONTENT_NOUNS:
                return verb.i + 1, _clause_end(doc, k, sent.end)
            return k, _clause_end(doc, k + 1, sent.end)
        if doc[k].is_punct:
            break
    rights = [c for c in verb.rights if c.i < sent.end and c.i != head.i]
    clauses = [c for c in rights if c.dep_ in _CLAUSES]
    args = [c for c in rights if c.dep_ in _ARGS and not _is_temporal(c) and not _contrastive(c)]
    tail = doc[verb.i + 1 : _clause_end(doc, verb.i + 1, sent.end)]
    has_clause = clauses or any(t.pos_ in ("VERB", "AUX") or t.lower_ == "to" for t in tail)
    if head.i < verb.i and (has_clause or (args and stance in _NP_STANCES)):
        start = verb.i + 1
        if doc[start].lower_ in _OBJECT_WORDS and start + 1 < sent.end:
            start += 1  # "tells me she ...": the hearer is not part of what is said
        return start, _clause_end(doc, verb.i + 1, sent.end)
    lefts = [c for c in verb.lefts if c.dep_ in _CLAUSES and c.i != head.i]
    if lefts:
        return _subtree_bounds(lefts)
    # "The talks had collapsed, a senior diplomat said": the clause before the speaker's comma
    first = min(head.i, verb.i)
    commas = [k for k in range(sent.start, first) if doc[k].text == ","]
    if (
        commas
        and first - commas[-1] <= 6
        and not verb.lower_.endswith("ing")
        and any(t.pos_ in ("VERB", "AUX") for t in doc[sent.start : commas[-1]])
    ):
        return sent.start, commas[-1]
    if head.i < verb.i and any(t.pos_ in ("VERB", "AUX") for t in doc[verb.i + 1 : sent.end]):
        return verb.i + 1, _clause_end(doc, verb.i + 1, sent.end)
    return None


def _contrastive(tok: Token) -> bool:
    return tok.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ in ("while", "whereas", "but", "as") for m in tok.children
    )


def _clause_end(doc, start: int, limit: int) -> int:
    """Where a clause starting at ``start`` ends: the sentence end or ", while/whereas/but"."""
    for k in range(start, limit - 1):
        if doc[k].text in (",", ";") and doc[k + 1].lower_ in (
            "while",
            "whereas",
            "but",
            "although",
        ):
            return k
        if doc[k].text == ";":
            return k
    return limit


def _quote_before(verb: Token, sent: Span) -> tuple[int, int] | None:
    """'"...," the president said': the quoted text just before the speaker and verb."""
    doc = verb.doc
    closing = [k for k in range(sent.start, verb.i) if doc[k].text in ("”", '"', "’")]
    opening = [k for k in range(sent.start, verb.i) if doc[k].text in ("“", '"', "‘")]
    if closing and opening and opening[0] < closing[-1] and verb.i - closing[-1] <= 5:
        return opening[0] + 1, closing[-1]
    return None


def _not_a_reporting_verb(tok: Token, sent: Span) -> bool:
    """A noun or name spelled like a reporting verb, or a verb that reports nothing."""
    prev = tok.nbor(-1) if tok.i > sent.start else None
    if prev is None:
        return _negated(tok, sent)
    if tok.is_title and not tok.is_sent_start:
        return True  # a name: "the Department of State"
    if (
        prev.pos_ == "DET"
        or prev.tag_ == "PRP$"
        or prev.lower_ in ("an", "the", "as")
        or (prev.pos_ == "ADJ" and not tok.lower_.endswith("ed"))
    ):
        return True  # a noun: "the statement", "state television", "as expected"
    if tok.lower_.endswith("s") and (prev.pos_ in ("VERB", "ADP", "ADJ") or prev.lower_ == "'s"):
        return True  # a noun: "rejected claims that", "Russia's claims"
    return _negated(tok, sent)


def _verb_attribution(
    tok: Token, sent: Span, mentions: Sequence[ActorMention], verbs: dict[str, tuple[str, str]]
) -> Attribution | None:
    _, stance = verbs[tok.lower_]
    if _not_a_reporting_verb(tok, sent):
        return None
    found = _speaker_head(tok, sent)
    if found is not None and found[0].lower_ in _WH:
        found = _relative_antecedent(found[0], sent)
    if found is None or _is_share(found[0], tok, sent):
        return None
    head, surface = found
    content = _quote_before(tok, sent) or _content(tok, head, stance, sent)
    if content is None:
        return None
    start, end = strip_edges(tok.doc, *content)
    if end - start < 1 or start <= head.i < end:
        return None
    speaker = actor_for(sent, head, mentions, limit=tok.i, surface=surface)
    return Attribution(speaker, head.i, tok.text, tok.i, stance, start, end)


def _according_to(tok: Token, sent: Span, mentions: Sequence[ActorMention]) -> Attribution | None:
    doc = tok.doc
    if tok.lower_ != "according" or tok.i + 2 >= sent.end or doc[tok.i + 1].lower_ != "to":
        return None
    k = tok.i + 2
    stop = next((j for j in range(k, sent.end) if doc[j].is_punct), sent.end)
    heads = [
        t for t in doc[k:stop] if not (k <= t.head.i < stop) and t.pos_ in ("NOUN", "PROPN", "PRON")
    ]
    nouns = [t for t in doc[k:stop] if t.pos_ in ("NOUN", "PROPN")]
    head = heads[0] if heads else (nouns[-1] if nouns else None)
    if head is None or any(t.lower_ in _POLL_WORDS for t in doc[k:stop]):
        return None
    if (
        head.pos_ == "NOUN"
        and head.tag_ == "NN"
        and not any(c.dep_ == "det" for c in head.children)
    ):
        return None  # "according to plan": a manner, not a source
    if tok.i <= sent.start + 1:
        start, end = stop, sent.end
    else:
        start, end = sent.start, tok.i
    start, end = strip_edges(doc, start, end)
    if end <= start:
        return None
    speaker = actor_for(sent, head, mentions)
    return Attribution(speaker, head.i, "according to", tok.i, "report", start, end)


def _put_figure(tok: Token, sent: Span, mentions: Sequence[ActorMention]) -> Attribution | None:
    """ "X puts the figure at N": an estimate."""
    if tok.lower_ not in _PUT_FORMS:
        return None
    doc = tok.doc
    at = next(
        (j for j in range(tok.i + 1, min(tok.i + _PUT_WINDOW, sent.end)) if doc[j].lower_ == "at"),
        None,
    )
    if at is None or not any(
        t.like_num or t.pos_ == "NUM" for t in doc[at + 1 : min(at + 5, sent.end)]
    ):
        return None
    found = _speaker_head(tok, sent)
    if found is None:
        return None
    head, surface = found
    end = at + 1
    while end < sent.end and not (doc[end].is_punct and doc[end].text not in ("%", "$", "€", "£")):
        end += 1
    start, end = strip_edges(doc, tok.i + 1, _clause_end(doc, at, end))
    speaker = actor_for(sent, head, mentions, limit=tok.i, surface=surface)
    return Attribution(speaker, head.i, tok.text, tok.i, "estimate", start, end)


def find_attributions(
    sent: Span, mentions: Sequence[ActorMention], verbs: dict[str, tuple[str, str]]
) -> list[Attribution]:
    """Every attributed statement in a parsed sentence, in text order."""
    out = []
    for tok in sent:
        found = None
        if tok.lower_ == "according":
            found = _according_to(tok, sent, mentions)
        elif tok.lower_ in _PUT_FORMS:
            found = _put_figure(tok, sent, mentions)
        elif tok.lower_ in verbs:
            found = _verb_attribution(tok, sent, mentions, verbs)
        if found is not None:
            out.append(found)
    return out
