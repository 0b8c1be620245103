"""The per-batch function and the ordering every runner relies on (no pipeline needed)."""

from __future__ import annotations

import io
from concurrent.futures import Future

from eventcoder.ingest.document import Document, Rejection
from eventcoder.runners import Batcher, DocumentResult, Progress, code_batch, run_ordered
from eventcoder.runners.progress import count_documents


def _doc(n: int, text: str = "The ministers met in Lusaka on Tuesday.") -> Document:
    return Document.from_text(f"{text} ({n})", id=f"d{n}", date="2022-01-05")


def _documents_only(document: Document) -> list:
    if "explode" in document.text:
        raise RuntimeError("parser gave up")
    return [document.to_record()]


def test_code_batch_keeps_order_and_contains_a_failure() -> None:
    docs = [_doc(1), _doc(2, "This will explode."), _doc(3)]
    results = code_batch(docs, _documents_only)
    assert [r.doc_id for r in results] == ["d1", "d2", "d3"]
    assert [r.failure is None for r in results] == [True, False, True]
    assert results[1].records[0].status == "rejected" and results[1].status == "rejected"
    assert results[0].status == "coded"
    assert "[E013]" in results[1].failure and "parser gave up" in results[1].failure
    assert results[0].kinds == {"document": 1}
    light = results[0].light()
    assert light.records == [] and light.kinds == {"document": 1}


def test_batches_close_on_documents_or_characters_and_keep_other_items() -> None:
    items = [_doc(1), Rejection("x", "bad"), _doc(2), _doc(3), _doc(4, "word " * 100)]
    batcher = Batcher(lambda i: isinstance(i, Document), max_docs=2, max_chars=300)
    batches = list(batcher.batches(items))
    assert [len(docs) for _, docs in batches] == [2, 2]
    assert [m for members, _ in batches for m in members] == items


def test_outcomes_come_in_input_order_whatever_order_batches_finish() -> None:
    items = [_doc(n) if n % 3 else Rejection(f"r{n}", "bad") for n in range(1, 20)]
    futures: list[Future] = []

    def submit(index: int, documents: list[Document]) -> Future:
        future: Future = Future()
        future.documents = documents  # type: ignore[attr-defined]
        futures.append(future)
        return future

    def result(future: Future) -> list[DocumentResult]:
        # Finish every submitted batch in reverse order before answering the oldest one.
        for other in reversed(futures):
            if not other.done():
                other.set_result(code_batch(other.documents, _documents_only))  # type: ignore[attr-defined]
        return future.result()

    batcher = Batcher(lambda i: isinstance(i, Document), max_docs=2)
    outcomes = list(run_ordered(items, submit, result, batcher, window=3))
    assert [item for item, _ in outcomes] == items
    names = [r.doc_id if isinstance(r, DocumentResult) else None for _, r in outcomes]
    assert names == [i.id if isinstance(i, Document) else None for i in items]
    assert len(futures) == 7  # 13 documents in batches of two


def test_progress_lines_when_not_a_terminal() -> None:
    stream = io.StringIO()
    progress = Progress(total=10, enabled=True, interval=0.0, stream=stream)
    progress.update(events=3)
    progress.update(events=2)
    lines = stream.getvalue().splitlines()
    assert len(lines) == 2
    assert lines[-1].startswith("coding: 2/10 documents (20%), 5 events, ")
    assert "left" in lines[-1]
    quiet = io.StringIO()
    Progress(total=None, enabled=False, interval=0.0, stream=quiet).update()
    assert quiet.getvalue() == ""


def test_count_documents(tmp_path) -> None:
    (tmp_path / "a.txt").write_text("One text.")
    (tmp_path / "b.jsonl").write_text('{"text": "x"}\n\n{"text": "y"}\n')
    assert count_documents([str(tmp_path)]) == 3
    assert count_documents([str(tmp_path / "b.jsonl"), "-"]) is None


class _StubNlp:
    """A pipeline whose batch parse fails (``pipe``) while each text parses alone."""

    def __init__(self) -> None:
        self.calls: list[str] = []

    def pipe(self, texts, batch_size=None):
        raise RuntimeError("batch parse failed")

    def __call__(self, text: str) -> str:
        self.calls.append(text)
        if "explode" in text:
            raise RuntimeError("parser gave up")
        return text


def test_a_batch_that_fails_to_parse_together_is_coded_one_by_one(monkeypatch) -> None:
    from types import SimpleNamespace

    from eventcoder import coder as coder_module
    from eventcoder.runners.batch import BatchCoding

    stub = SimpleNamespace(nlp=_StubNlp())

    def code_document(document, coder, min_confidence=None, parsed=None):
        assert parsed is None  # the batch parse failed: each document parses alone
        coder.nlp(document.text)
        return [document.to_record()]

    monkeypatch.setattr(coder_module, "code_document", code_document)
    docs = [_doc(1), _doc(2, "This will explode."), _doc(3)]
    results = code_batch(docs, BatchCoding(stub))
    assert [r.doc_id for r in results] == ["d1", "d2", "d3"]
    assert [r.failure is None for r in results] == [True, False, True]
    assert "parser gave up" in results[1].failure
    assert len(stub.nlp.calls) == 3
