"""re3d reader: named mentions only, leading article dropped, the NC folder left out."""

import json

from eventcoder.nlp.re3d import re3d_splits, read_re3d, read_re3d_docs


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


def test_doc_ids_name_the_source(tmp_path):
    _write(
        tmp_path / "CENTCOM", "Troops left Mosul.", [{"begin": 12, "end": 17, "type": "Location"}]
    )
    [(doc_id, _text, gold)] = list(read_re3d_docs(tmp_path))
    assert doc_id == "re3d/CENTCOM/d1"
    assert gold == {(12, 17, "GPE")}


def test_split_follows_the_news_gold(tmp_path):
    for split, doc in (("dev", "re3d/A/1"), ("test", "re3d/B/2")):
        (tmp_path / f"news_{split}.jsonl").write_text(
            json.dumps({"unit": f"{doc}#0", "doc": doc, "events": []})
            + "\n"
            + json.dumps({"unit": "GUM_news_x#0", "doc": "GUM_news_x", "events": []})
            + "\n"
        )
    assert re3d_splits(tmp_path) == {"re3d/A/1": "dev", "re3d/B/2": "test"}


def test_committed_split_is_by_whole_document():
    splits = re3d_splits()
    assert set(splits.values()) == {"dev", "test"}
    # the event gold keeps every unit of a document in one split, so no id is in both files
    assert sum(v == "dev" for v in splits.values()) > sum(v == "test" for v in splits.values())
