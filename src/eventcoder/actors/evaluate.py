"""``eventcoder eval actors``: actor coding on the PLOVER gold records, pronouns on GUM.

1. PLOVER GSR (``plover/gold_standard_records/PLOVER_GSR_CAMEO.txt``): every source/target
   actor with its text, country code and sector. The actor is located in the record's text
   and matched to the mention we find there; we score the country, and country + sector
   where the gold gives a plain sector. *found* counts gold actors coded right (country,
   and sector when the gold has one); *extra* counts coded mentions overlapping no gold actor
   (the gold marks only event participants, so many of those are real actors).
2. GUM test (``ud_english_gum``): third-person pronouns that are gold mentions of an
   entity mentioned earlier; right when the antecedent we pick has its head inside the
   innermost gold mention of the same entity.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import click

from eventcoder.errors import Errors, InputError
from eventcoder.nlp.treebank import decode_mentions, treebank_path

__all__ = ["GsrScore", "PronounScore", "eval_actors_command", "score_gsr", "score_gum_pronouns"]

log = logging.getLogger(__name__)

# Legacy CAMEO country codes used by the gold file -> ISO 3166 alpha-3.
CAMEO_TO_ISO = {
    "JAP": "JPN",
    "ROM": "ROU",
    "UAR": "EGY",
    "GMY": "DEU",
    "UKG": "GBR",
    "TAZ": "TZA",
    "ROC": "TWN",
    "ZAI": "COD",
    "BOS": "BIH",
    "SER": "SRB",
    "ITL": "ITA",
    "VTN": "VNM",
}
_SECTORS = {
    "GOV",
    "MIL",
    "REB",
    "CVL",
    "OPP",
    "COP",
    "REF",
    "LEG",
    "JUD",
    "MED",
    "EDU",
    "LAB",
    "SPY",
    "BUS",
    "ELI",
    "UAF",
    "PTY",
    "CRM",
    "JRN",
    "HRI",
    "REL",
    "NGO",
    "IGO",
}


@dataclass
class GsrScore:
    """Counts on the PLOVER gold actors."""

    total: int = 0
    country_right: int = 0
    with_sector: int = 0
    sector_right: int = 0
    found: int = 0
    extra: int = 0
    misses: list[str] = field(default_factory=list)


@dataclass
class PronounScore:
    """Counts on GUM pronouns."""

    total: int = 0
    right: int = 0
    resolved: int = 0
    extra: int = 0


def _gold_actors(record: dict) -> Iterator[dict]:
    for role in ("source", "target"):
        value = record.get(role)
        for actor in value if isinstance(value, list) else []:
            if isinstance(actor, dict) and actor.get("actorText") and actor.get("code"):
                yield actor


def _country_ok(gold: str, mention) -> bool:
    gold = CAMEO_TO_ISO.get(gold, gold)
    if gold in {"IGO", "NGO"}:
        return bool(mention.code and mention.code.startswith(gold)) or mention.sector == gold
    return mention.country == gold


def _mention_at(mentions, start: int, end: int):
    """The mention overlapping the character span [start, end), preferring the closest."""
    hits = [m for m in mentions if m.char_start < end and start < m.char_end]
    return min(hits, key=lambda m: abs(m.char_start - start)) if hits else None


def score_gsr(path: Path, nlp, coder) -> GsrScore:
    """Score actor codes on the PLOVER gold-standard records."""
    try:
        records = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(Errors.E602.format(path=path, detail=exc)) from exc
    score = GsrScore()
    for record in records:
        actors = list(_gold_actors(record))
        text = record.get("text")
        if not actors or not text:
            continue
        date = dt.date.fromisoformat(record["date"]) if record.get("date") else None
        mentions = coder.find(nlp(text), date)
        used: set[int] = set()
        for actor in actors:
            _score_actor(score, actor, text, mentions, used)
        score.extra += sum(1 for k, m in enumerate(mentions) if m.code and k not in used)
    return score


def _score_actor(score: GsrScore, actor: dict, text: str, mentions, used: set[int]) -> None:
    score.total += 1
    start = text.find(actor["actorText"])
    mention = _mention_at(mentions, start, start + len(actor["actorText"])) if start >= 0 else None
    sector = (actor.get("sector") or "")[:3].upper()
    has_sector = sector in _SECTORS
    score.with_sector += has_sector
    if mention is None:
        score.misses.append(f"{actor['actorText']}: none")
        return
    used.add(mentions.index(mention))
    country = _country_ok(actor["code"], mention)
    score.country_right += country
    sector_ok = has_sector and country and mention.sector == sector
    score.sector_right += sector_ok
    if country and (sector_ok or not has_sector):
        score.found += 1
    else:
        score.misses.append(
            f"{actor['actorText']}: gold {actor['code']}{sector} got {mention.code}"
        )


def _gum_docs(path: Path) -> Iterator[tuple[list[str], list[bool], list[bool], list[str]]]:
    """Per GUM document: words, spaces, sentence starts, Entity values."""
    words: list[str] = []
    spaces: list[bool] = []
    starts: list[bool] = []
    ents: list[str] = []
    new_sent = True
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("# newdoc") and words:
                yield words, spaces, starts, ents
                words, spaces, starts, ents = [], [], [], []
            if not line.strip():
                new_sent = True
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) != 10 or "-" in cols[0] or "." in cols[0]:
                continue
            misc = (
                dict(item.partition("=")[::2] for item in cols[9].split("|"))
                if cols[9] != "_"
                else {}
            )
            words.append(cols[1])
            spaces.append(misc.get("SpaceAfter") != "No")
            starts.append(new_sent)
            ents.append(misc.get("Entity", ""))
            new_sent = False
    if words:
        yield words, spaces, starts, ents


def score_gum_pronouns(path: Path, nlp, max_docs: int | None = None) -> PronounScore:
    """Pronoun resolution accuracy on GUM coreference."""
    from spacy.tokens import Doc

    from eventcoder.actors.coref import is_resolvable_pronoun, noun_phrase_candidates, resolve_chain

    score = PronounScore()
    for number, (words, spaces, starts, values) in enumerate(_gum_docs(path)):
        if max_docs is not None and number >= max_docs:
            break
        sent_starts: list[bool | int | None] = list(starts)
        doc = Doc(nlp.vocab, words=words, spaces=spaces, sent_starts=sent_starts)
        for _, proc in nlp.pipeline:
            doc = proc(doc)
        gold = [(first, last, eid) for first, last, eid, _ in decode_mentions(values)]
        innermost = _innermost(gold, len(words))
        first_seen: dict[str, int] = {}
        for first, _last, eid in sorted(gold):
            first_seen.setdefault(eid, first)
        chosen = resolve_chain(doc, noun_phrase_candidates(doc))
        for token in doc:
            if not is_resolvable_pronoun(token):
                continue
            own = innermost[token.i]
            evaluable = own is not None and first_seen.get(own[2], token.i) < token.i
            pick = chosen.get(token.i)
            score.total += evaluable
            score.resolved += pick is not None
            if pick is None:
                continue
            if not evaluable:
                score.extra += 1
                continue
            target = innermost[pick]
            score.right += own is not None and target is not None and target[2] == own[2]
    return score


def _innermost(gold: list[tuple[int, int, str]], size: int) -> list[tuple[int, int, str] | None]:
    """For each token, the shortest gold mention containing it."""
    best: list[tuple[int, int, str] | None] = [None] * size
    for mention in sorted(gold, key=lambda m: -(m[1] - m[0])):
        for i in range(mention[0], mention[1] + 1):
            best[i] = mention
    return best


@click.command(name="actors")
@click.option("--gum-docs", type=int, default=None, help="Only the first N GUM test documents.")
@click.option("--show-misses", is_flag=True, help="List the PLOVER actors coded wrong.")
def eval_actors_command(gum_docs: int | None, show_misses: bool) -> None:
    """Actor codes on PLOVER gold records and pronoun resolution on GUM test."""
    from eventcoder.actors.coder import ActorCoder
    from eventcoder.nlp.pipeline import load_pipeline
    from eventcoder.paths import shared_data_dir

    shared = shared_data_dir()
    if not shared.exists():
        raise click.ClickException(Errors.E102.format(path=shared))
    nlp = load_pipeline()
    gsr = score_gsr(
        shared / "plover" / "gold_standard_records" / "PLOVER_GSR_CAMEO.txt",
        nlp,
        ActorCoder.from_data(),
    )
    if show_misses:
        for miss in gsr.misses:
            click.echo(f"  miss {miss}")
    click.echo(
        f"PLOVER GSR actors: country {gsr.country_right}/{gsr.total} "
        f"({_pct(gsr.country_right, gsr.total)}%), country+sector {gsr.sector_right}/"
        f"{gsr.with_sector} ({_pct(gsr.sector_right, gsr.with_sector)}%)"
    )
    gum = score_gum_pronouns(treebank_path(shared, "gum", "test"), nlp, gum_docs)
    click.echo(
        f"GUM test pronouns: right {gum.right}/{gum.total} ({_pct(gum.right, gum.total)}%), "
        f"resolved {gum.resolved}, resolved non-anaphoric {gum.extra}"
    )
    click.echo(
        f"actors: found {gsr.found}/{gsr.total} ({_pct(gsr.found, gsr.total)}%), extra {gsr.extra}"
    )


def _pct(part: int, whole: int) -> str:
    return f"{100.0 * part / whole:.1f}" if whole else "0.0"
