"""Which place a mention means, and how exactly: disambiguation and precision.

Candidates are scored by prominence (log10 population, or a stand-in for countries'
regions and our own list), plus a bonus when their country is named in the same sentence or
elsewhere in the document (by an actor or another place), less a penalty when the name is
only an alternate spelling. A "X, Texas" qualifier keeps only candidates inside it. When the
best candidate has no support from the document and one abroad is nearly as prominent, the
name is ambiguous and gets no location rather than a wrong confident one.

Precision follows ACLED's geo-precision: ``exact`` (the place itself), ``near`` (near,
outside or north of it, or a facility named after a town), ``region`` (a first-level region,
a sea or a disputed region) and ``country``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, replace

from eventcoder.places.gazetteer import Gazetteer, Place, name_key
from eventcoder.places.recognize import PlaceMention

__all__ = ["Context", "ResolvedPlace", "choose", "resolve_mentions"]

SENTENCE_BONUS = 1.5
DOCUMENT_BONUS = 1.0
NEIGHBOUR_BONUS = 0.75  # a state bordering one the document names ("near the Polish border")
ALTERNATE_PENALTY = 1.0
CLEAR_MARGIN = 1.0  # log10: a reading ten times as prominent as any abroad lends its country
AMBIGUOUS_MARGIN = 0.7
NARRATIVE_WINDOW = 3  # sentences back that an unknown facility takes its country from  # log10: a rival abroad within a factor of five is too close to call
CITY_OVER_REGION = 50_000  # people: a city this large is meant over a region of its name
_AREA_TYPES = {"sea", "gulf", "strait", "region", "disputed_region", "canal", "lake", "river"}


@dataclass(frozen=True)
class ResolvedPlace:
    """A mention with the place it stands for and the location fields of the output."""

    mention: PlaceMention
    place: Place
    name: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    precision: str  # exact, near, region, country
    sentence: int


def _precision(mention: PlaceMention, place: Place) -> str:
    precision = _own_precision(mention, place)
    if mention.source == "fuzzy" and precision == "exact":
        return "near"  # a near spelling: the place, or one spelt like it nearby
    return precision


def _own_precision(mention: PlaceMention, place: Place) -> str:
    if place.kind == "airfield":  # "the X air base", "the airfield at X": the field itself
        return "near" if mention.near else "exact"
    if place.kind == "country":
        return "country"
    if place.kind == "admin1" or place.type in _AREA_TYPES or mention.hint == "region":
        return "region"
    if mention.near or mention.hint == "facility":
        return "near"
    return "exact"


def _support(place: Place, context: Context) -> float:
    """How much the document backs a candidate's country: its sentence, the document, a
    neighbour of either, or nothing (0)."""
    if not place.iso3:
        return 0.0
    if place.iso3 in context.sentence:
        return SENTENCE_BONUS
    if place.iso3 in context.document:
        return DOCUMENT_BONUS
    if place.iso3 in context.neighbours:
        return NEIGHBOUR_BONUS
    return 0.0


@dataclass(frozen=True)
class Context:
    """Countries named in a mention's sentence, in its document, and their neighbours."""

    sentence: frozenset[str]
    document: frozenset[str]
    neighbours: frozenset[str] = frozenset()


def _score(place: Place, main: bool, context: Context) -> float:
    score = place.weight + _support(place, context)
    if not main:
        score -= ALTERNATE_PENALTY
    return score


def choose(mention: PlaceMention, context: Context) -> Place | None:
    """The place a mention stands for, or ``None`` when it cannot be told."""
    candidates = list(mention.candidates)
    if mention.qualifier:
        # "Paris, Texas": the candidates in that region, else in its country
        allowed = mention.qualifier
        in_country = [(p, m) for p, m in candidates if any(p.iso3 == q.iso3 for q in allowed)]
        in_region = [
            (p, m)
            for p, m in in_country
            if any(q.kind == "admin1" and p.admin1 == q.name for q in allowed)
        ]
        candidates = in_region or in_country or candidates
    elif mention.within:
        # "Palma in Cabo Delgado province": the readings in the region's or country's state
        states = {q.iso3 for q in mention.within}
        inside = [(p, m) for p, m in candidates if p.iso3 in states]
        if not inside and all(p.kind in {"city", "village"} for p, _ in candidates):
            return None  # a town of that state we do not ship, not a namesake abroad
        candidates = inside or candidates
    if mention.hint in {"facility", "region"}:  # named after a town or a region's own name
        candidates = [
            (p, m)
            for p, m in candidates
            if p.kind in {"city", "village", "admin1", "hand", "airfield"}
        ]
    # a village, or a near spelling, only in a country the sentence or the document names
    fuzzy = mention.source == "fuzzy"
    candidates = [
        (p, m)
        for p, m in candidates
        if (p.kind != "village" and not fuzzy) or _support(p, context) >= DOCUMENT_BONUS
    ]
    if not candidates:
        return None
    if fuzzy and len({p.iso3 for p, _ in candidates}) > 1:
        return None  # spelt like places in two named countries: too close to call
    # a city and a region of one name in one country: the city, unless "the X region" or
    # the city is a small namesake of a region with a point ("California", Maryland)
    if mention.hint != "region":
        pointless = {p.iso3 for p, _ in candidates if p.kind == "admin1" and p.lat is None}
        cities = {
            p.iso3
            for p, _ in candidates
            if p.kind == "city" and (p.population >= CITY_OVER_REGION or p.iso3 in pointless)
        }
        candidates = [
            (p, m) for p, m in candidates if p.kind != "admin1" or p.iso3 not in cities
        ] or candidates
    scored = sorted(((_score(p, m, context), p) for p, m in candidates), key=lambda sp: -sp[0])
    best_score, best = scored[0]
    if not _support(best, context) and not mention.qualifier:
        for score, rival in scored[1:]:
            if rival.iso3 != best.iso3 and best_score - score < AMBIGUOUS_MARGIN:
                return None
    return best


def _clear_winner(mention: PlaceMention) -> str | None:
    """The country of a name whose most prominent reading outweighs every reading abroad
    tenfold, before any context."""
    scored = sorted(
        ((p.weight - (0 if m else ALTERNATE_PENALTY), p) for p, m in mention.candidates),
        key=lambda sp: -sp[0],
    )
    if not scored or not scored[0][1].iso3:
        return None
    best_score, best = scored[0]
    if all(p.iso3 == best.iso3 or best_score - s >= CLEAR_MARGIN for s, p in scored[1:]):
        return best.iso3
    return None


def _region_of(place: Place, gaz: Gazetteer) -> Place | None:
    """The first-level region a city lies in, when the gazetteer links it."""
    if not place.admin1:
        return None
    for candidate, _ in gaz.lookup(place.admin1):
        if candidate.kind == "admin1" and candidate.iso3 == place.iso3:
            return candidate
    return None


def resolve_mentions(
    mentions: list[PlaceMention],
    sentence_of: list[int],
    gaz: Gazetteer,
    actor_countries: dict[int, set[str]],
) -> list[ResolvedPlace]:
    """Resolve every mention of a document.

    ``sentence_of[i]`` is the sentence index of mention ``i``; ``actor_countries`` maps a
    sentence index to the countries of its coded actors. Names with one candidate country
    (or a country's own name) are resolved first and lend their countries to the others.
    """
    # what each mention lends: its one country, or the country of a reading far more
    # prominent than any abroad ("Melbourne"); a mention never lends to itself
    lent: list[str | None] = []
    for mention in mentions:
        # a village lends no country: it is taken only where the document names its own;
        # nor does a near spelling
        countries = {
            p.iso3
            for p, _ in mention.candidates
            if p.kind != "village" and mention.source != "fuzzy"
        }
        if not countries:
            lent.append(None)
            continue
        if len(countries) == 1 and None not in countries:
            lent.append(next(iter(countries)))
        else:
            lent.append(_clear_winner(mention))
    actors = {s: frozenset(c) for s, c in actor_countries.items()}
    from_actors = set().union(*actors.values()) if actors else set()
    out: list[ResolvedPlace] = []
    lent_all = Counter(c for c in lent if c)
    lent_by_sentence: dict[int, Counter[str]] = defaultdict(Counter)
    for c, s in zip(lent, sentence_of, strict=True):
        if c:
            lent_by_sentence[s][c] += 1
    for i, (mention, sent) in enumerate(zip(mentions, sentence_of, strict=True)):
        own = lent[i]
        others = {c for c, n in lent_all.items() if n > (c == own)}
        in_sentence = set(actors.get(sent, ())) | {
            c for c, n in lent_by_sentence[sent].items() if n > (c == own)
        }
        document = frozenset(from_actors | others)
        neighbours = frozenset(n for c in document for n in gaz.neighbours.get(c, ()))
        if not mention.candidates:
            unknown = _unknown_facility(mention, sent, out, gaz)
            if unknown is not None:
                out.append(unknown)
            continue
        if i > 0 and mentions[i - 1].qualifier and mention.start == mentions[i - 1].end + 1:
            # "Alexandria, Virginia": the qualifier is the region the name before it lies in
            narrowed = tuple(c for c in mention.candidates if c[0] in mentions[i - 1].qualifier)
            if out and out[-1].mention is mentions[i - 1]:  # "Brazzaville, Congo": its Congo
                narrowed = tuple(c for c in narrowed if c[0].iso3 == out[-1].country) or narrowed
            mention = replace(mention, candidates=narrowed or mention.candidates)
        place = choose(mention, Context(frozenset(in_sentence), document, neighbours))
        if place is None:
            continue
        out.append(_resolved(mention, place, sent, gaz))
    return out


def _unknown_facility(
    mention: PlaceMention, sentence: int, before: list[ResolvedPlace], gaz: Gazetteer
) -> ResolvedPlace | None:
    """A base or crossing no gazetteer knows ("the Tarvo Air Base"): in the country of the
    place named just before it (within three sentences), at that country's point and
    country precision; without one, no location."""
    previous = [p for p in before[-20:] if p.country and sentence - p.sentence <= NARRATIVE_WINDOW]
    if not previous:
        return None
    country = gaz.countries.get(previous[-1].country or "")
    if country is None:
        return None
    place = Place(
        mention.text,
        "unknown",
        "facility",
        country.iso3,
        None,
        country.lat,
        country.lon,
        0,
        f"unknown:{mention.text}",
    )
    return ResolvedPlace(
        mention=mention,
        place=place,
        name=mention.text,
        country=country.iso3,
        admin1=None,
        lat=country.lat,
        lon=country.lon,
        precision="country",
        sentence=sentence,
    )


def _resolved(mention: PlaceMention, place: Place, sentence: int, gaz: Gazetteer) -> ResolvedPlace:
    precision = _precision(mention, place)
    lat, lon = place.lat, place.lon
    name = place.name
    admin1 = place.admin1 if place.kind != "admin1" else place.name
    if mention.hint == "region" and place.kind == "city":
        region = _region_of(place, gaz)
        name = mention.text
        if region is not None and region.lat is not None:
            lat, lon = region.lat, region.lon
    elif (mention.hint == "facility" and place.kind != "airfield") or (
        mention.hint == "settlement"
    ):
        name = mention.text  # "the X Dam" near its town; "the Syrian town of X" in Syria
    elif place.kind == "airfield" and mention.hint == "facility":
        # a field found by another of its names ("the Saky air base" for Saki Air Base):
        # the name the text uses, the field's point and country
        named = name_key(mention.text.split(",")[0])
        if name_key(place.name).split(" ")[0] != named.split(" ")[0]:
            name = mention.text
    return ResolvedPlace(
        mention=mention,
        place=place,
        name=name,
        country=place.iso3,
        admin1=admin1,
        lat=lat,
        lon=lon,
        precision=precision,
        sentence=sentence,
    )
