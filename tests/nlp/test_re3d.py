"""re3d reader: named mentions only, leading article dropped, the NC folder left out."""

import json

from eventcoder.nlp.re3d import read_re3d


def _write(folder, text, entities):
    folder.mkdir(parents=True)
    (folder / "documents.json").write_text(json.dumps({"_id": "d1", "text": text}) + "\n")
    (folder / "entities.json").write_text(
        "".join(json.dumps(dict(e, documentId="d1")) + "\n" for e in entities)
    )


def test_named_mentions_only(tmp_path):
    text = "The United Nations said we met mourners in Baghdad."
    _write(
        tmp_path / "UK_Government",
        text,
        [
            {"begin": 0, "end": 18, "type": "Organisation"},  # The United Nations
            {"begin": 24, "end": 26, "type": "Organisation"},  # we
            {"begin": 31, "end": 39, "type": "Organisation"},  # mourners
            {"begin": 43, "end": 50, "type": "Location"},  # Baghdad
            {"begin": 0, "end": 3, "type": "Temporal"},
        ],
    )
    _write(tmp_path / "BBC_Online", text, [{"begin": 43, "end": 50, "type": "Location"}])
    docs = list(read_re3d(tmp_path))
    assert len(docs) == 1
    _, gold = docs[0]
    assert gold == {(4, 18, "ORG"), (43, 50, "GPE")}
