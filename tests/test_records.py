"""The output contract: records round-trip through dicts and match the committed schema."""

from __future__ import annotations

import json

import jsonschema
import pytest

from eventcoder.records import SCHEMA_VERSION, record_from_dict
from eventcoder.schema import build_schema, load_schema, validate_record

from .store.records_sample import sample


@pytest.mark.parametrize("record", sample(), ids=lambda r: r.KIND)
def test_round_trip_and_schema(record):
    data = json.loads(json.dumps(record.to_dict()))
    assert data["record"] == record.KIND and data["v"] == SCHEMA_VERSION
    validate_record(data)
    assert record_from_dict(data).to_dict() == data


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
