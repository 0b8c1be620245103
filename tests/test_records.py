"""The output contract: records round-trip through dicts and match the committed schema."""

from __future__ import annotations

import dataclasses
import json

import jsonschema
import pytest

from eventcoder.records import (
    SCHEMA_VERSION,
    ConflictRecord,
    doc_key,
    record_from_dict,
    record_id,
)
from eventcoder.schema import build_schema, load_schema, validate_record

from .store.records_sample import sample


@pytest.mark.parametrize("record", sample(), ids=lambda r: r.KIND)
def test_round_trip_and_schema(record):
    data = json.loads(json.dumps(record.to_dict()))
    assert data["record"] == record.KIND and data["v"] == SCHEMA_VERSION
    validate_record(data)
    assert record_from_dict(data).to_dict() == data


@pytest.mark.parametrize("record", sample(), ids=lambda r: r.KIND)
def test_records_round_trip_exactly_and_are_frozen(record):
    back = record_from_dict(json.loads(json.dumps(record.to_dict())))
    assert back == record and type(back) is type(record)
    assert back.span is None or isinstance(back.span, tuple)
    with pytest.raises(dataclasses.FrozenInstanceError):
        record.id = "changed"


def test_lists_given_by_a_caller_are_stored_as_tuples():
    record = ConflictRecord(id="d:x0", doc_id="d", members=["a", "b"], span=[1, 2])
    assert record.members == ("a", "b") and record.span == (1, 2)
    assert hash(record)  # immutable all the way down


def test_closed_fields_are_enums_in_the_schema():
    defs = build_schema()["$defs"]
    assert "hypothetical" in defs["EventRecord"]["properties"]["modality"]["enum"]
    assert defs["DateInterval"]["properties"]["granularity"]["enum"][0] == "day"
    assert "partial" in defs["DocumentRecord"]["properties"]["status"]["enum"]
    bad = sample()[1].to_dict()
    bad["modality"] = "probably"
    with pytest.raises(jsonschema.ValidationError):
        validate_record(bad)


@pytest.mark.parametrize(
    ("first", "second"), [("x", "x:s0:e0"), ("a:b", "a%3Ab"), ("d", "d:x0"), ("p%", "p%25")]
)
def test_ids_of_different_documents_never_collide(first, second):
    ids = [record_id(first), record_id(first, "s0", "e0"), record_id(first, "x0")]
    ids += [record_id(second), record_id(second, "s0", "e0"), record_id(second, "x0")]
    assert len(set(ids)) == len(ids)
    assert doc_key(first) != doc_key(second) and ":" not in doc_key(second)


def test_committed_schema_matches_the_code():
    assert load_schema() == build_schema(), "regenerate: python -m eventcoder.schema"


def test_schema_rejects_a_broken_record():
    bad = sample()[1].to_dict()
    bad["goldstein"] = "very bad"
    with pytest.raises(jsonschema.ValidationError):
        validate_record(bad)


def test_unknown_kind_is_rejected():
    with pytest.raises(ValueError, match="unknown record kind"):
        record_from_dict({"record": "rumour", "id": "x"})
