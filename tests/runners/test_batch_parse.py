"""A batch coded with its texts parsed together (``nlp.pipe``) gives the records of each
document coded alone."""

from __future__ import annotations

import dataclasses
import json

import pytest

from eventcoder.ingest.document import Document
from eventcoder.paths import default_model_dir
from eventcoder.runners import code_batch
from eventcoder.runners.batch import BatchCoding

pytestmark = pytest.mark.skipif(not default_model_dir().exists(), reason="no trained pipeline")

TEXTS = [
    "Rebels shelled the town of Kell on Monday, and the army said it would respond.",
    "The foreign ministers of Chile and Peru met in Lima and signed a fishing agreement.",
    "Police arrested 40 protesters in the capital. " * 3,
]


def test_batch_parse_gives_the_records_of_one_document_at_a_time() -> None:
    from eventcoder.coder import Coder, code_document

    coder = Coder.load()
    docs = [Document.from_text(text, id=f"b{n}", date="2023-05-08") for n, text in enumerate(TEXTS)]
    coder.config = dataclasses.replace(coder.config, chunk_chars=60)  # several chunks each
    alone = [[r.to_dict() for r in code_document(d, coder)] for d in docs]
    together = code_batch(docs, BatchCoding(coder, batch_size=2))
    assert [[r.to_dict() for r in result.records] for result in together] == alone
    assert sum(len(records) for records in alone) > len(docs)  # something was coded
    assert json.dumps(alone)  # plain data
