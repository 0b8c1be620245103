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
from spacy.tokens import Doc
from spacy.training import Example

from eventcoder.nlp.pipeline import load_pipeline
from eventcoder.nlp.treebank import read_conllu, sentences_to_docs, treebank_path
from eventcoder.paths import shared_data_dir

__all__ = [
    "ENTITY_SETS",
    "FLOORS_FILE",
    "ModelScores",
    "entity_counts",
    "eval_model_command",
    "evaluate_model",
]

FLOORS_FILE = Path(__file__).resolve().parent.parent / "data" / "floors.json"
CORE_TYPES = ("PERSON", "ORG", "GPE")
# The entity sets of ``entity_counts``: GUM dev (studied), GUM test (scored only), and re3d
# split by document like the real-news event gold (dev studied, test scored only), plus the
# whole of re3d (dev + test) for continuity with earlier figures.
ENTITY_SETS = ("gum_dev", "gum_test", "re3d_dev", "re3d_test", "re3d")
Counts = tuple[int, int, int]


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
    news_dev_p: float = 0.0
    news_dev_r: float = 0.0
    news_dev_f: float = 0.0
    news_dev_per_type: dict[str, dict[str, float]] = field(default_factory=dict)
    news_test_p: float = 0.0
    news_test_r: float = 0.0
    news_test_f: float = 0.0
    news_test_per_type: dict[str, dict[str, float]] = field(default_factory=dict)
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


def _tally(
    counts: dict[str, list[int]], gold: set[tuple[int, int, str]], pred: set[tuple[int, int, str]]
) -> None:
    for label, tally in counts.items():
        g = {x for x in gold if label in ("ALL", x[2])}
        m = {x for x in pred if label in ("ALL", x[2])}
        tally[0] += len(g & m)
        tally[1] += len(g)
        tally[2] += len(m - g)


def _pred_spans(doc: Doc) -> set[tuple[int, int, str]]:
    return {(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in CORE_TYPES}


def entity_counts(
    nlp: Language, data: Path, sets: tuple[str, ...] = ENTITY_SETS
) -> dict[str, dict[str, Counts]]:
    """Typed exact-span matches of PERSON/ORG/GPE, ``(found, gold, extra)`` per type and over
    the three (``"ALL"``), for each named set of ``ENTITY_SETS``: GUM dev and test (named
    mentions from GUM's entity layer, ten sentences a text), re3d dev and test (split by
    document as the real-news gold: ``eventcoder.nlp.re3d.re3d_splits``) and all of re3d."""
    from eventcoder.nlp.re3d import re3d_splits, read_re3d_docs

    unknown = set(sets) - set(ENTITY_SETS)
    if unknown:
        raise ValueError(f"unknown entity sets: {sorted(unknown)}")
    out: dict[str, dict[str, list[int]]] = {}
    for split in ("dev", "test"):
        if f"gum_{split}" not in sets:
            continue
        counts = out[f"gum_{split}"] = {label: [0, 0, 0] for label in (*CORE_TYPES, "ALL")}
        docs = list(
            sentences_to_docs(
                read_conllu(treebank_path(data, "gum", split)), nlp.vocab, with_entities=True
            )
        )
        for ref, doc in zip(docs, nlp.pipe([d.text for d in docs])):
            _tally(counts, _pred_spans(ref), _pred_spans(doc))
    if any(name.startswith("re3d") for name in sets):
        splits = re3d_splits()
        items = list(read_re3d_docs(data / "re3d"))
        re3d = {
            name: {label: [0, 0, 0] for label in (*CORE_TYPES, "ALL")}
            for name in ("re3d", "re3d_dev", "re3d_test")
        }
        for (doc_id, _, spans), doc in zip(items, nlp.pipe([text for _, text, _ in items])):
            pred = _pred_spans(doc)
            _tally(re3d["re3d"], spans, pred)
            _tally(re3d[f"re3d_{splits.get(doc_id, 'dev')}"], spans, pred)
        out.update({name: counts for name, counts in re3d.items() if name in sets})
    return {
        name: {label: (c[0], c[1], c[2]) for label, c in counts.items()}
        for name, counts in out.items()
    }


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
    re3d = entity_counts(nlp, data, ("re3d", "re3d_dev", "re3d_test"))
    news, news_dev, news_test = (
        {label: _prf(*c) for label, c in re3d[name].items()}
        for name in ("re3d", "re3d_dev", "re3d_test")
    )
    news_p, news_r, news_f = news.pop("ALL")
    news_dev_p, news_dev_r, news_dev_f = news_dev.pop("ALL")
    news_test_p, news_test_r, news_test_f = news_test.pop("ALL")
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
        news_dev_p=news_dev_p,
        news_dev_r=news_dev_r,
        news_dev_f=news_dev_f,
        news_dev_per_type={k: {"p": p, "r": r, "f": f} for k, (p, r, f) in news_dev.items()},
        news_test_p=news_test_p,
        news_test_r=news_test_r,
        news_test_f=news_test_f,
        news_test_per_type={k: {"p": p, "r": r, "f": f} for k, (p, r, f) in news_test.items()},
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
    for name, (p, r, f), per in (
        (
            "dev",
            (scores.news_dev_p, scores.news_dev_r, scores.news_dev_f),
            scores.news_dev_per_type,
        ),
        (
            "test",
            (scores.news_test_p, scores.news_test_r, scores.news_test_f),
            scores.news_test_per_type,
        ),
        ("all", (scores.news_p, scores.news_r, scores.news_f), scores.news_per_type),
    ):
        lines.append(f"  {name:<4} P {p:.3f} R {r:.3f} F {f:.3f}")
        for label, prf in sorted(per.items()):
            lines.append(f"    {label:<7} P {prf['p']:.3f} R {prf['r']:.3f} F {prf['f']:.3f}")
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


def _entity_report(counts: dict[str, dict[str, Counts]]) -> list[str]:
    titles = {
        "gum_dev": "GUM dev (studied)",
        "gum_test": "GUM test (scored only)",
        "re3d_dev": "re3d dev documents (studied)",
        "re3d_test": "re3d test documents (scored only)",
        "re3d": "re3d, all documents",
    }
    lines = ["named PERSON/ORG/GPE, typed exact span (raw text):"]
    for name, per in counts.items():
        found, gold, extra = per["ALL"]
        p, r, f = _prf(found, gold, extra)
        lines.append(
            f"{titles[name]}: P {p:.3f} R {r:.3f} F {f:.3f}  (found {found}/{gold}, extra {extra})"
        )
        for label in CORE_TYPES:
            lp, lr, lf = _prf(*per[label])
            lines.append(f"  {label:<7} P {lp:.3f} R {lr:.3f} F {lf:.3f}")
    return lines


@click.command("model")
@click.option(
    "--data-dir",
    type=click.Path(path_type=Path),
    default=None,
    help="Shared data folder (default: ../shared/data).",
)
@click.option("--check-floors", is_flag=True, help="Exit 1 if a score is below its floor.")
@click.option(
    "--entities-only",
    is_flag=True,
    help="Only the entity scores, on GUM dev and test and re3d dev, test and all (fast).",
)
@click.option(
    "--entity-fixes",
    default=None,
    help="Comma-separated entity fix classes to use instead of the default set "
    "(eventcoder.nlp.entities.ALL_FIXES; empty: none), to measure one rule.",
)
def eval_model_command(
    data_dir: Path | None, check_floors: bool, entities_only: bool, entity_fixes: str | None
) -> None:
    """POS, UAS, LAS, sentence F on EWT test; sentence F on GUM news; entity P/R/F on GUM
    test and, per type, on re3d (dev and test documents, and all)."""
    from eventcoder.errors import Errors

    data = data_dir or shared_data_dir()
    if not (data / "ud_english_ewt").exists():
        raise click.ClickException(Errors.E102.format(path=data))
    nlp = load_pipeline()
    if entity_fixes is not None:
        from eventcoder.errors import ConfigError
        from eventcoder.nlp.entities import add_entity_fixes

        try:
            add_entity_fixes(nlp, [f.strip() for f in entity_fixes.split(",") if f.strip()])
        except ConfigError as err:
            raise click.BadParameter(str(err), param_hint="--entity-fixes") from None
    if entities_only:
        for line in _entity_report(entity_counts(nlp, data)):
            click.echo(line)
        return
    scores = evaluate_model(nlp, data_dir=data)
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
