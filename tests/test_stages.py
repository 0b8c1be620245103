"""The stage runner: one protocol, failure isolation per sentence, document-wide conflicts."""

from __future__ import annotations

from typing import Literal

import pytest

from eventcoder.claims.stage import ConflictStage
from eventcoder.coder import Coder, CoderConfig, code_document
from eventcoder.errors import ConfigError
from eventcoder.ingest.document import Document
from eventcoder.records import Actor, ClaimRecord, DateInterval, QuantityRecord
from eventcoder.stages import STAGES, Context, Found, load_stages

TEXT = "The council met on Monday. The talks explode here. The ministers left on Friday."


class _OnePerSentence:
    """A toy stage: one claim per sentence, raising on sentences that contain ``bad``."""

    scope: Literal["chunk"] = "chunk"

    def __init__(self, name: str, bad: str | None = None) -> None:
        self.name, self.bad = name, bad

    def run(self, context: Context) -> Found:
        assert context.doc is not None
        out = []
        for i, sent in enumerate(context.doc.sents):
            if self.bad and self.bad in sent.text:
                raise ValueError(f"cannot read {self.bad!r}")
            out.append(
                ClaimRecord(
                    id=context.record_id(i, f"{self.name}0"),
                    doc_id=context.document.id,
                    sentence=context.first_sentence + i,
                    span=(sent.start_char, sent.end_char),
                    content=sent.text,
                )
            )
        return Found(records=tuple(out))


def _coder(nlp, *stages) -> Coder:
    return Coder(nlp, CoderConfig(stages=()), stages=tuple(stages))


def test_a_stage_failing_on_one_sentence_costs_only_that_sentence(nlp, monkeypatch, caplog):
    monkeypatch.setenv("EVENTCODER_STRICT", "0")
    coder = _coder(nlp, _OnePerSentence("a"), _OnePerSentence("b", bad="explode"))
    document = Document.from_text(TEXT, id="doc1", path="inbox/news.jsonl:7")
    head, *records = code_document(document, coder)
    kept = sorted((r.sentence, r.id.rsplit(":", 1)[1]) for r in records)
    assert kept == [(0, "a0"), (0, "b0"), (1, "a0"), (2, "a0"), (2, "b0")]
    assert head.status == "partial" and head.n_records == 5
    [warning] = head.warnings
    assert warning.startswith("[E042] inbox/news.jsonl:7: sentence 1: the b stage failed")
    assert "ValueError: cannot read 'explode'" in warning
    assert warning in caplog.text
    for record in records:  # spans still point at the sentence in the original text
        assert TEXT[record.span[0] : record.span[1]] == record.content


def test_strict_mode_raises_instead(nlp, monkeypatch):
    monkeypatch.setenv("EVENTCODER_STRICT", "1")
    coder = _coder(nlp, _OnePerSentence("b", bad="explode"))
    with pytest.raises(ValueError, match="explode"):
        code_document(Document.from_text(TEXT, id="doc1"), coder)


def test_without_failures_the_document_is_coded(nlp):
    head, *records = code_document(
        Document.from_text(TEXT, id="d"), _coder(nlp, _OnePerSentence("a"))
    )
    assert head.status == "coded" and not head.warnings and len(records) == 3


def test_the_registry_orders_stages_and_rejects_unknown_names():
    assert list(STAGES)[-1] == "conflicts" and list(STAGES).index("time") < list(STAGES).index(
        "events"
    )
    with pytest.raises(ConfigError, match=r"\[E040\].*rumours"):
        load_stages(["events", "rumours"])


def _q(n: int, low: float, who: str, month: str) -> QuantityRecord:
    return QuantityRecord(
        id=f"d:s{n}:q0",
        doc_id="d",
        sentence=n,
        measure="troops",
        low=low,
        high=low,
        source=Actor(who, code=who),
        date=DateInterval(f"2022-{month}-01", f"2022-{month}-28", "month", None),
    )


def test_conflicts_are_found_once_per_document_among_dated_figures():
    records = (_q(0, 3000, "UKRSPY", "02"), _q(7, 9000, "BLRMIL", "02"), _q(9, 50, "RUSMIL", "08"))
    context = Context(Document.from_text("x", id="d"), None, records=records)
    [conflict] = ConflictStage.load().run(context).records
    assert conflict.members == ("d:s0:q0", "d:s7:q0")  # the August figure is another time
    assert conflict.id == "d:x0"


@pytest.fixture(scope="module")
def full_coder():
    return Coder.load()


def test_conflict_ids_do_not_depend_on_the_chunk_size(full_coder):
    text = (
        "Ukrainian intelligence said several thousand troops were in Belarus in February.\n\n"
        + "The weather was cold and the roads were quiet that week.\n\n" * 6
        + "The Belarusian defence ministry said 9,000 soldiers were in Belarus in February.\n"
    )
    document = Document.from_text(text, id="chunks", date="2022-03-01")
    whole = code_document(document, full_coder)
    small = Coder(full_coder.nlp, CoderConfig(chunk_chars=120), full_coder.stages)
    pieces = code_document(document, small)
    conflicts = [r for r in whole if r.KIND == "conflict"]
    assert conflicts, "the two figures dispute each other"
    assert conflicts == [r for r in pieces if r.KIND == "conflict"]
