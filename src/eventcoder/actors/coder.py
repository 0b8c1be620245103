"""The actor stage: find and code every actor mention of a parsed document.

``ActorCoder.find`` reads as the algorithm: match names, agent words and entities; group
them into noun phrases and code each; borrow a sector for "his Russian counterpart";
give definite descriptions ("the regime") the country of their antecedent; resolve
pronouns to earlier actors.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from spacy.tokens import Doc

from eventcoder.actors.acronyms import defined_acronyms
from eventcoder.actors.compose import Coding, code_group, group_matches
from eventcoder.actors.context import clause_place, code_from_context, local_institutions
from eventcoder.actors.coref import (
    PERSON_NOUNS,
    WINDOW_SENTENCES,
    Candidate,
    is_resolvable_pronoun,
    noun_gender,
    resolve_pronoun,
    sentence_numbers,
)
from eventcoder.actors.divided import halves_of_divided_states
from eventcoder.actors.lexicon import Lexicon, split_code, words_of
from eventcoder.actors.mention import ActorMention
from eventcoder.actors.peer_compose import code_group_peer
from eventcoder.actors.peer_merge import merge_peer_mentions
from eventcoder.actors.people import DocPeople, SurnameIndex, follow_full_names
from eventcoder.actors.petrarch_format import read_actors, read_agents
from eventcoder.actors.places import drop_places, is_dateline
from eventcoder.actors.recognize import find_matches
from eventcoder.actors.regions import region_country
from eventcoder.actors.speakers import first_person_speakers
from eventcoder.nlp.morph import is_plural
from eventcoder.records import Actor

__all__ = ["ActorCoder"]

_COUNTERPARTS = {"counterpart", "counterparts", "colleague", "colleagues"}
_DEFINITE = {"the", "this", "that", "these", "those"}
_DEFINITE_SENTENCES = 6
# Institutions belong to the state whose government was last in view ("the Ministry of Defense").
_INSTITUTIONS = {
    "ministry",
    "department",
    "government",
    "authority",
    "authorities",
    "regime",
    "state",
    "parliament",
    "administration",
    "cabinet",
    "leadership",
    "presidency",
}
_OBJECT_PRONOUNS = {
    "he",
    "him",
    "she",
    "her",
    "they",
    "them",
    "it",
    "himself",
    "herself",
    "themselves",
    "itself",
}


class ActorCoder:
    """Codes actors with a lexicon loaded once (see ``from_data`` / ``from_petrarch``)."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self._surnames: SurnameIndex | None = None

    @property
    def surnames(self) -> SurnameIndex:
        """The countries behind each name word of the person dictionaries (built once)."""
        if self._surnames is None:
            self._surnames = SurnameIndex.of(self.lexicon)
        return self._surnames

    def warm(self) -> None:
        """Build now the tables coding reads, which would otherwise be built on the first
        document: the surname index and the region table (about 0.2 s together)."""
        if not self.lexicon.peer:
            _ = self.surnames
            region_country("")

    @classmethod
    def from_data(cls, data_dir: Path | None = None) -> ActorCoder:
        """Our bundled data files (``src/eventcoder/data/actors``)."""
        return cls(Lexicon.load(data_dir))

    @classmethod
    def from_petrarch(cls, actors: Path, agents: Path) -> ActorCoder:
        """PETRARCH-format actor and agent dictionaries (e.g. the peer validation suite)."""
        return cls(Lexicon.from_petrarch(read_actors(actors), read_agents(agents)))

    def find(
        self,
        doc: Doc,
        date: dt.date | None = None,
        lead: bool = True,
        issuer: Actor | None = None,
    ) -> list[ActorMention]:
        """All actor mentions of ``doc``, non-overlapping, sorted by start; ``lead``: ``doc``
        opens its document (a later piece of a long one has no statement lead); ``issuer``:
        the institution that issued the document, if known (see ``actors.speakers``)."""
        if len(doc) == 0:
            return []
        if not doc.has_annotation("SENT_START"):  # an unparsed doc: read it as one sentence
            for token in doc:
                token.is_sent_start = token.i == 0
        matches = find_matches(doc, self.lexicon)
        groups = group_matches(doc, matches)
        if self.lexicon.peer:
            codings = [(g, code_group_peer(doc, g, date)) for g in groups]
        else:
            people = DocPeople.of(doc, matches, self.surnames)
            codings = [(g, code_group(doc, g, date, people)) for g in groups]
        mentions = [
            _mention(doc, g.start, g.end, g.head, c)
            for g, c in codings
            if c.code or c.sector or c.entity_type
        ]
        if self.lexicon.peer:
            mentions = merge_peer_mentions(doc, mentions, self.lexicon)
        sent_of = sentence_numbers(doc)
        mentions = _share_coordinated_sector(doc, mentions)
        mentions = _national_names(doc, mentions)
        if not self.lexicon.peer:  # "the South retaliated" after "North Korea", "South Korea"
            mentions = halves_of_divided_states(doc, mentions)
        if not self.lexicon.peer:  # "Congress" in a story about Peru; "RSF" after its name
            mentions = defined_acronyms(doc, local_institutions(mentions))
        mentions = _counterparts(doc, mentions, sent_of)
        mentions = _possessed(doc, mentions, sent_of)
        mentions = _definite_descriptions(doc, mentions, sent_of)
        if not self.lexicon.peer:  # the peer suite's dictionaries code by their own rules
            titles = frozenset(
                t for m in matches if m.kind in {"agent", "title"} for t in range(m.start, m.end)
            )
            mentions = follow_full_names(doc, mentions, titles)
            mentions = code_from_context(doc, mentions)
            mentions = follow_full_names(doc, mentions, titles)  # names tied to a country
            mentions = drop_places(doc, mentions)
        mentions += _pronouns(doc, mentions, sent_of)
        if not self.lexicon.peer:
            mentions += first_person_speakers(doc, mentions, sent_of, lead, issuer)
        return sorted(mentions, key=lambda m: m.start)

    def code_text(self, text: str, date: dt.date | None = None) -> Actor | None:
        """Code a short actor phrase without a parse ("Downing Street", "Polish troops")."""
        words = [w.strip('.,;:!?"()[]') or w for w in words_of(text)]
        words = [w for w in words if w]
        if not words:
            return None
        lowered = [w.lower() for w in words]
        coding = _code_words(self.lexicon, words, lowered, date)
        if coding is None:
            return None
        return Actor(
            text=text,
            code=coding.code,
            country=coding.country,
            sector=coding.sector,
            entity_type=coding.entity_type,
        )


def _code_words(
    lex: Lexicon, words: list[str], lowered: list[str], date: dt.date | None
) -> Coding | None:
    """Code a word sequence: persons and organisations first, else country + last agent word."""
    country = sector = None
    metonym_sector = None
    i = 0
    while i < len(words):
        hit = lex.names.match(words, lowered, i) or lex.agents.match(words, lowered, i)
        if hit is None:
            i += 1
            continue
        length, entry = hit
        if entry.kind == "org":
            return Coding(entry.code, entry.country, entry.sector, f"org:{entry.label}", "ORG")
        if entry.kind in {"person", "intl"}:  # a person, an international body
            c, s = split_code(entry.code_on(date))
            etype = "PERSON" if entry.kind == "person" else "ORG"
            return _coding(c, s, f"{entry.kind}:{entry.label}", etype)
        if entry.kind == "agent":
            sector = entry.sector
        else:
            country = country or entry.country
            metonym_sector = entry.sector if entry.kind == "capital" else None
        i += length
    if country is None and sector is None:
        return None
    return _coding(country, sector or metonym_sector, "text", None)


def _coding(country: str | None, sector: str | None, rule: str, etype: str | None) -> Coding:
    if country is None:
        return Coding(None, None, sector, rule, etype)
    if len(country) == 3 and country.isupper() and sector != "IGO":
        return Coding(country + (sector or ""), country, sector, rule, etype)
    return Coding("IGO" + country, country, sector or "IGO", rule, etype)


def _mention(doc: Doc, start: int, end: int, head: int, coding: Coding) -> ActorMention:
    span = doc[start:end]
    return ActorMention(
        start=start,
        end=end,
        head=head,
        text=span.text,
        char_start=span.start_char,
        char_end=span.end_char,
        code=coding.code,
        country=coding.country,
        sector=coding.sector,
        entity_type=coding.entity_type,
        rule=coding.rule,
    )


def _with(
    mention: ActorMention,
    country: str | None,
    sector: str | None,
    rule: str,
    antecedent: tuple[int, int] | None,
) -> ActorMention:
    coding = _coding(country, sector, rule, mention.entity_type)
    return dataclasses.replace(
        mention,
        code=coding.code,
        country=coding.country,
        sector=coding.sector,
        rule=rule,
        antecedent=antecedent,
    )


def _is_person(doc: Doc, m: ActorMention) -> bool:
    head = doc[m.head]
    return (
        m.entity_type == "PERSON"
        or (m.rule or "").startswith("person:")
        or head.lemma_.lower() in PERSON_NOUNS
        or head.lower_ in PERSON_NOUNS
    )


def candidate(doc: Doc, m: ActorMention, gender: str | None = None) -> Candidate:
    """The coreference view of a mention."""
    head = doc[m.head]
    plural = is_plural(head) or m.sector in {"CVL", "MIL", "REB", "COP"} and head.tag_ == "NNS"
    group = m.entity_type in {"ORG", "GPE"} or m.sector in {"GOV", "IGO", "MIL", "SPY", "COP"}
    return Candidate(
        m.start,
        m.end,
        m.head,
        _is_person(doc, m) and not plural,
        plural,
        group,
        m.entity_type is not None,
        gender or noun_gender(head),
    )


def _share_coordinated_sector(doc: Doc, mentions: list[ActorMention]) -> list[ActorMention]:
    """A bare nationality adjective coordinated with the next actor shares its sector
    ("Polish and Lithuanian officials"), whatever the parse made of the coordination."""
    out = list(mentions)
    for k in range(len(out) - 2, -1, -1):
        m, nxt = out[k], out[k + 1]
        between = doc[m.end : nxt.start]
        if (
            m.sector is None
            and m.country
            and doc[m.head].pos_ == "ADJ"
            and nxt.sector
            and nxt.country
            and 0 < len(between) <= 2
            and all(t.pos_ == "CCONJ" or t.text == "," for t in between)
        ):
            out[k] = _with(m, m.country, nxt.sector, f"coordinated:{m.rule}", None)
    return out


def _national_names(doc: Doc, mentions: list[ActorMention]) -> list[ActorMention]:
    """An organisation name right after a nationality adjective of another state ("Iraqi"
    before "Islamic Party", matched as an Afghan party) is that state's namesake body,
    however the parse split the phrase (see ``compose._other_state`` for the joined case)."""
    out = list(mentions)
    for k in range(1, len(out)):
        adj, org = out[k - 1], out[k]
        rule = org.rule or ""
        if (
            adj.end == org.start
            and adj.sector is None
            and adj.country
            and doc[adj.head].pos_ == "ADJ"
            and rule.startswith(("org:", "intl:"))
            and org.country
            and len(org.country) == 3
            and org.country.isupper()
            and org.country not in {"IGO", "IMG", "NGO", "MNC", "INT"}
            and org.country != adj.country
        ):
            out[k] = _with(org, adj.country, org.sector, f"national:{rule}", None)
    return out


def _counterparts(doc: Doc, mentions: list[ActorMention], sent_of: list[int]) -> list[ActorMention]:
    """ "his Russian counterpart" takes the sector of whoever "his" refers to."""
    out = list(mentions)
    for k, m in enumerate(mentions):
        if doc[m.head].lower_ not in _COUNTERPARTS or (m.rule or "").startswith("person:"):
            continue
        earlier = [x for x in out[:k] if x.sector and x.end <= m.start]
        source = _possessor_antecedent(doc, m, earlier, sent_of)
        if source is None and earlier and sent_of[earlier[-1].head] == sent_of[m.head]:
            source = earlier[-1]
        if source is not None:
            out[k] = _with(
                m, m.country, source.sector, f"counterpart:{m.rule}", (source.start, source.end)
            )
    return out


_POSSESSIVES = frozenset({"his", "her", "its", "their"})


def _possessed(doc: Doc, mentions: list[ActorMention], sent_of: list[int]) -> list[ActorMention]:
    """ "his government", "its forces" without a country take the country of whoever the
    possessive refers to ("President Marcos ... His government lodged a protest")."""
    out = list(mentions)
    for k, m in enumerate(out):
        if m.country or not m.sector or doc[m.start].lower_ not in _POSSESSIVES:
            continue
        earlier = [x for x in out[:k] if x.end <= m.start and x.entity_type != "PRON"]
        owner = _possessor_antecedent(doc, m, earlier, sent_of, _POSSESSIVES)
        if owner is None or not owner.country or owner.country == "---":
            continue
        head = doc[owner.head]
        if head.dep_ == "conj" or any(c.dep_ == "conj" for c in head.children):
            continue  # "India and Pakistan ... their commanders": of two countries
        out[k] = _with(m, owner.country, m.sector, f"possessor:{m.rule}", (owner.start, owner.end))
    return out


def _possessor_antecedent(
    doc: Doc,
    m: ActorMention,
    earlier: list[ActorMention],
    sent_of: list[int],
    words: frozenset[str] = frozenset({"his", "her", "their"}),
) -> ActorMention | None:
    pron = next(
        (t for t in doc[m.start : m.end] if t.pos_ == "PRON" and t.lower_ in _POSSESSIVES),
        None,
    )
    if pron is None:
        return None
    by_span = {(x.start, x.end): x for x in earlier}
    near = [x for x in earlier if sent_of[pron.i] - sent_of[x.head] <= WINDOW_SENTENCES]
    found = resolve_pronoun(doc, pron, [candidate(doc, x) for x in near], sent_of)
    return by_span.get((found.start, found.end)) if found else None


def _definite_descriptions(
    doc: Doc, mentions: list[ActorMention], sent_of: list[int]
) -> list[ActorMention]:
    """ "the regime" without a country takes it from the latest mention of the same sector;
    institutions ("the Ministry of Defense") from the latest government actor. A description
    that repeats the words of an earlier mention ("the Foreign Secretary" after "the Foreign
    Secretary", "the minister" after "FCO Minister Ann Lee") refers to that mention first,
    as a repeated definite description does (same-head anaphora)."""
    out = list(mentions)
    by_head = {m.head: m for m in mentions}
    for k, m in enumerate(out):
        if m.country or not m.sector or doc[m.start].lower_ not in _DEFINITE:
            continue
        where = clause_place(doc, m, by_head)  # "In Myanmar, the junta ...": not the German
        same = _same_words_antecedent(doc, m, out[:k], sent_of)
        if same is not None:
            out[k] = _with(m, same.country, m.sector, f"definite:{m.rule}", (same.start, same.end))
            continue
        wanted = "GOV" if doc[m.head].lemma_.lower() in _INSTITUTIONS else m.sector
        for prior in reversed(out[:k]):
            if sent_of[m.head] - sent_of[prior.head] > _DEFINITE_SENTENCES:
                break
            if prior.country and prior.sector == wanted and prior.entity_type != "PRON":
                if is_dateline(doc, prior):  # where the story was filed, no antecedent
                    continue
                if where and prior.country != where:
                    break  # of another country than the place the clause happens in
                out[k] = _with(
                    m, prior.country, m.sector, f"definite:{m.rule}", (prior.start, prior.end)
                )
                break
    return out


def _content_words(doc: Doc, start: int, end: int) -> set[str]:
    return {
        t.lemma_.lower()
        for t in doc[start:end]
        if t.pos_ in {"NOUN", "PROPN", "ADJ"} and not t.is_space
    }


def _same_words_antecedent(
    doc: Doc, m: ActorMention, earlier: list[ActorMention], sent_of: list[int]
) -> ActorMention | None:
    """The latest earlier mention with a country and the same content words (the same
    description repeated), else the latest whose words hold every content word of the
    description ("the Foreign Secretary" <- "Foreign Secretary Ann Lee")."""
    words = _content_words(doc, m.start, m.end)
    if not words:
        return None
    near = [
        prior
        for prior in earlier
        if sent_of[m.head] - sent_of[prior.head] <= _DEFINITE_SENTENCES
        and prior.country
        and prior.entity_type != "PRON"
    ]
    held = [(p, _content_words(doc, p.start, p.end)) for p in reversed(near)]
    return next((p for p, w in held if w == words), None) or next(
        (p for p, w in held if words <= w), None
    )


def _pronouns(doc: Doc, mentions: list[ActorMention], sent_of: list[int]) -> list[ActorMention]:
    """Standalone pronouns resolved to earlier actor mentions (chains followed).

    The pool of antecedents grows with the document, so it is indexed by sentence and by
    span: each pronoun reads only the candidates of the sentences it may reach back to
    (``resolve_pronoun`` passes over the others), in pool order, and the candidates that
    take a resolved pronoun's gender are found by their span; linear in document length.
    """
    taken = {i for m in mentions for i in range(m.start, m.end)}
    pool: list[tuple[Candidate, ActorMention]] = []
    by_sentence: dict[int, list[int]] = {}
    by_span: dict[tuple[int, int], list[int]] = {}
    anywhere: list[int] = []  # a head outside its span: no sentence rules it out

    def add(cand: Candidate, mention: ActorMention) -> None:
        if cand.start <= cand.head < cand.end:
            by_sentence.setdefault(sent_of[cand.head], []).append(len(pool))
        else:
            anywhere.append(len(pool))
        by_span.setdefault((cand.start, cand.end), []).append(len(pool))
        pool.append((cand, mention))

    for m in mentions:
        if m.code or m.entity_type:
            add(candidate(doc, m), m)
    found: list[ActorMention] = []
    for token in doc:
        if (
            token.i in taken
            or token.lower_ not in _OBJECT_PRONOUNS
            or not is_resolvable_pronoun(token)
        ):
            continue
        here = sent_of[token.i]
        window = range(here - WINDOW_SENTENCES, here + 1)
        near = sorted([*anywhere, *(k for n in window for k in by_sentence.get(n, ()))])
        choice = resolve_pronoun(doc, token, [pool[k][0] for k in near], sent_of)
        if choice is None:
            continue
        target = next(
            pool[k][1] for k in by_span[(choice.start, choice.end)] if pool[k][0] == choice
        )
        mention = target.standing_for(token, "pronoun")
        found.append(mention)
        gender = {"he": "male", "him": "male", "she": "female", "her": "female"}.get(token.lower_)
        add(
            dataclasses.replace(
                candidate(doc, target),
                start=token.i,
                end=token.i + 1,
                head=token.i,
                gender=gender,
            ),
            target,
        )
        for k in by_span.get((target.start, target.end), ()):
            c, m = pool[k]
            pool[k] = (dataclasses.replace(c, gender=c.gender or gender), m)
    return found
