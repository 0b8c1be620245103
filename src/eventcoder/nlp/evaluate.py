"""Accuracy of the bundled pipeline on held-out treebank text.

Syntax (UPOS, XPOS, morphology, lemma, UAS, LAS, sentence F) is scored on UD English EWT
test, sentence F also on GUM's held-out news documents (dev and test, laid out as news text:
``eventcoder.nlp.news_sentences``), and entities on GUM test and, as a news-domain check, on
re3d's named mentions (per type; the label mapping is in ``docs/model.md``), all from raw
text: the pipeline tokenizes and splits sentences itself, and spaCy's scorer aligns its tokens
with the gold ones.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import click
from spacy.language import Language
from spacy.training import Example

from eventcoder.nlp.pipeline import load_pipeline
from eventcoder.nlp.treebank import read_conllu, sentences_to_docs, treebank_path
from eventcoder.paths import shared_data_dir

__all__ = ["FLOORS_FILE", "ModelScores", "eval_model_command", "evaluate_model"]

FLOORS_FILE = Path(__file__).resolve().parent.parent / "data" / "floors.json"
CORE_TYPES = ("PERSON", "ORG", "GPE")


@dataclass(frozen=True)
class ModelScores:
    """Scores in 0..1, plus entity counts for the summary line."""

    upos: float
    xpos: float
    morph: float
    lemma: float
    uas: float
    las: float
    sents_f: float
    ents_p: float
    ents_r: float
    ents_f: float
    core_p: float
    core_r: float
    core_f: float
    per_type: dict[str, dict[str, float]]
    core_found: int
    core_gold: int
    core_extra: int
    news_p: float = 0.0
    news_r: float = 0.0
    news_f: float = 0.0
    news_per_type: dict[str, dict[str, float]] = field(default_factory=dict)
    gum_news_sents_p: float = 0.0
    gum_news_sents_r: float = 0.0
    gum_news_sents_f: float = 0.0
    gum_news_flat_sents_f: float = 0.0

    def as_dict(self) -> dict[str, float]:
        """The scalar scores by name (the keys of the floors file)."""
        return {k: v for k, v in self.__dict__.items() if isinstance(v, float)}


def _examples(nlp: Language, path: Path, with_entities: bool) -> list[Example]:
    docs = sentences_to_docs(read_conllu(path), nlp.vocab, with_entities=with_entities)
    return [Example(nlp.make_doc(doc.text), doc) for doc in docs]


def _core_counts(nlp: Language, examples: list[Example]) -> tuple[int, int, int]:
    """Exact-span matches of PERSON/ORG/GPE entities: (found, gold, extra)."""
    found = gold = extra = 0
    for eg, doc in zip(examples, nlp.pipe([eg.predicted.text for eg in examples])):
        gold_spans = {
            (e.start_char, e.end_char, e.label_)
            for e in eg.reference.ents
            if e.label_ in CORE_TYPES
        }
        pred_spans = {
            (e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in CORE_TYPES
        }
        found += len(gold_spans & pred_spans)
        gold += len(gold_spans)
        extra += len(pred_spans - gold_spans)
    return found, gold, extra


def _prf(found: int, gold: int, extra: int) -> tuple[float, float, float]:
    p = found / (found + extra) if found + extra else 0.0
    r = found / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _news_counts(nlp: Language, folder: Path) -> dict[str, tuple[int, int, int]]:
    """Exact-span matches on re3d's named mentions, (found, gold, extra) per type
    (PERSON, ORG, GPE) and over the three (``"ALL"``)."""
    from eventcoder.nlp.re3d import read_re3d

    counts = {label: [0, 0, 0] for label in (*CORE_TYPES, "ALL")}
    items = list(read_re3d(folder))
    for (_, spans), doc in zip(items, nlp.pipe([text for text, _ in items])):
        pred = {(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in CORE_TYPES}
        for label, tally in counts.items():
            gold = {s for s in spans if label in ("ALL", s[2])}
            mine = {s for s in pred if label in ("ALL", s[2])}
            tally[0] += len(gold & mine)
            tally[1] += len(gold)
            tally[2] += len(mine - gold)
    return {label: (c[0], c[1], c[2]) for label, c in counts.items()}


def _news_sentences(nlp: Language, data: Path, flat: bool) -> tuple[float, float, float]:
    """Sentence P/R/F on GUM's held-out news documents (dev and test)."""
    from eventcoder.nlp.news_sentences import read_news_docs, score_sentences

    paths = [treebank_path(data, "gum", split) for split in ("dev", "test")]
    return score_sentences(nlp, read_news_docs(paths, flat=flat))


def evaluate_model(
    nlp: Language | None = None, data_dir: Path | None = None, limit: int = 0
) -> ModelScores:
    """Score the pipeline on EWT test (syntax), GUM news (sentences), GUM test and re3d
    (entities)."""
    nlp = nlp or load_pipeline()
    data = data_dir or shared_data_dir()
    ewt = _examples(nlp, treebank_path(data, "ewt", "test"), False)
    gum = _examples(nlp, treebank_path(data, "gum", "test"), True)
    if limit:
        ewt, gum = ewt[:limit], gum[:limit]
    syn = nlp.evaluate(ewt)
    ner = nlp.evaluate(gum)
    per_type = ner.get("ents_per_type") or {}
    found, gold, extra = _core_counts(nlp, gum)
    core_p, core_r, core_f = _prf(found, gold, extra)
    news = {label: _prf(*c) for label, c in _news_counts(nlp, data / "re3d").items()}
    news_p, news_r, news_f = news.pop("ALL")
    sents_p, sents_r, sents_f = _news_sentences(nlp, data, flat=False)
    return ModelScores(
        upos=syn["pos_acc"],
        xpos=syn["tag_acc"],
        morph=syn["morph_acc"],
        lemma=syn["lemma_acc"],
        uas=syn["dep_uas"],
        las=syn["dep_las"],
        sents_f=syn["sents_f"],
        ents_p=ner["ents_p"],
        ents_r=ner["ents_r"],
        ents_f=ner["ents_f"],
        core_p=core_p,
        core_r=core_r,
        core_f=core_f,
        per_type=per_type,
        core_found=found,
        core_gold=gold,
        core_extra=extra,
        news_p=news_p,
        news_r=news_r,
        news_f=news_f,
        news_per_type={label: {"p": p, "r": r, "f": f} for label, (p, r, f) in news.items()},
        gum_news_sents_p=sents_p,
        gum_news_sents_r=sents_r,
        gum_news_sents_f=sents_f,
        gum_news_flat_sents_f=_news_sentences(nlp, data, flat=True)[2],
    )


def load_floors(path: Path = FLOORS_FILE) -> dict[str, float]:
    """The accuracy floors CI enforces (a little below what the committed model reaches)."""
    return dict(json.loads(path.read_text(encoding="utf-8"))["model"]["floors"])


def _report(scores: ModelScores) -> list[str]:
    lines = [
        "UD English EWT test (raw text):",
        (
            f"  UPOS {scores.upos:.3f}  XPOS {scores.xpos:.3f}  morph {scores.morph:.3f}"
            f"  lemma {scores.lemma:.3f}"
        ),
        f"  UAS {scores.uas:.3f}  LAS {scores.las:.3f}  sentence F {scores.sents_f:.3f}",
        "GUM test entities (raw text):",
        f"  all types P {scores.ents_p:.3f} R {scores.ents_r:.3f} F {scores.ents_f:.3f}",
        f"  PERSON/ORG/GPE P {scores.core_p:.3f} R {scores.core_r:.3f} F {scores.core_f:.3f}",
    ]
    for label, prf in sorted(scores.per_type.items()):
        lines.append(f"  {label:<7} P {prf['p']:.3f} R {prf['r']:.3f} F {prf['f']:.3f}")
    lines.append("re3d news/defence documents, named PERSON/ORG/GPE (raw text):")
    lines.append(f"  P {scores.news_p:.3f} R {scores.news_r:.3f} F {scores.news_f:.3f}")
    for label, prf in sorted(scores.news_per_type.items()):
        lines.append(f"  {label:<7} P {prf['p']:.3f} R {prf['r']:.3f} F {prf['f']:.3f}")
    lines.append("GUM news documents, dev + test (headline, date line, paragraphs):")
    lines.append(
        f"  sentence P {scores.gum_news_sents_p:.3f} R {scores.gum_news_sents_r:.3f}"
        f" F {scores.gum_news_sents_f:.3f}"
        f"  (all on one line: F {scores.gum_news_flat_sents_f:.3f})"
    )
    pct = 100 * scores.core_found / scores.core_gold if scores.core_gold else 0.0
    lines.append(
        f"model: found {scores.core_found}/{scores.core_gold} ({pct:.1f}%), "
        f"extra {scores.core_extra}"
    )
    return lines


@click.command("model")
@click.option(
    "--data-dir",
    type=click.Path(path_type=Path),
    default=None,
    help="Shared data folder (default: ../shared/data).",
)
@click.option("--check-floors", is_flag=True, help="Exit 1 if a score is below its floor.")
def eval_model_command(data_dir: Path | None, check_floors: bool) -> None:
    """POS, UAS, LAS, sentence F on EWT test; sentence F on GUM news; entity P/R/F on GUM
    test and, per type, on re3d."""
    from eventcoder.errors import Errors

    data = data_dir or shared_data_dir()
    if not (data / "ud_english_ewt").exists():
        raise click.ClickException(Errors.E102.format(path=data))
    scores = evaluate_model(data_dir=data)
    for line in _report(scores):
        click.echo(line)
    if check_floors:
        below = [
            Errors.E301.format(name=k, value=v, floor=f)
            for k, f in load_floors().items()
            if (v := scores.as_dict()[k]) < f
        ]
        for message in below:
            click.echo(message, err=True)
        if below:
            raise SystemExit(1)
