"""The JSON Schema of the output contract, generated from ``records.py``.

The committed ``records.schema.json`` is what users validate against; a test checks it
matches the generator, so the contract and the code cannot drift apart.
Regenerate with ``python -m eventcoder.schema > src/eventcoder/schema/records.schema.json``.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from pathlib import Path
from typing import Any

from eventcoder import records as R

__all__ = ["SCHEMA_FILE", "build_schema", "load_schema", "validate_record"]

SCHEMA_FILE = Path(__file__).with_name("records.schema.json")
_KINDS = (
    R.DocumentRecord,
    R.EventRecord,
    R.ClaimRecord,
    R.QuantityRecord,
    R.PollRecord,
    R.ConflictRecord,
)
_OBJECTS = (R.Actor, R.DateInterval, R.Location)


def _type_schema(tp: Any) -> dict[str, Any]:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        options = [_type_schema(a) for a in typing.get_args(tp)]
        return {"anyOf": options}
    if origin is typing.Literal:
        return {"enum": list(typing.get_args(tp))}
    if tp is type(None):
        return {"type": "null"}
    if tp in _OBJECTS:
        return {"$ref": f"#/$defs/{tp.__name__}"}
    if origin in (list, tuple):
        if origin is tuple and typing.get_args(tp)[-1] is not Ellipsis:
            args = typing.get_args(tp)
            return {
                "type": "array",
                "minItems": len(args),
                "maxItems": len(args),
                "items": _type_schema(args[0]),
            }
        return {"type": "array", "items": _type_schema(typing.get_args(tp)[0])}
    if origin is dict or tp is dict:
        return {"type": "object"}
    return {
        str: {"type": "string"},
        int: {"type": "integer"},
        float: {"type": "number"},
        bool: {"type": "boolean"},
    }.get(tp, {})


def _object_schema(cls: type, extra: dict[str, Any] | None = None) -> dict[str, Any]:
    hints = typing.get_type_hints(cls, vars(R))
    props = {f.name: _type_schema(hints[f.name]) for f in dataclasses.fields(cls)}
    required = [
        f.name
        for f in dataclasses.fields(cls)
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    ]
    props.update(extra or {})
    return {
        "type": "object",
        "properties": props,
        "required": required + list(extra or {}),
        "description": (cls.__doc__ or "").strip().splitlines()[0],
    }


def build_schema() -> dict[str, Any]:
    """The schema: one of the record kinds, each with its ``record`` constant and ``v``."""
    defs = {cls.__name__: _object_schema(cls) for cls in _OBJECTS}
    kinds = []
    for cls in _KINDS:
        extra = {"record": {"const": cls.KIND}, "v": {"const": R.SCHEMA_VERSION}}
        defs[cls.__name__] = _object_schema(cls, extra)
        kinds.append({"$ref": f"#/$defs/{cls.__name__}"})
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"eventcoder/records/{R.SCHEMA_VERSION}",
        "title": "eventcoder output record",
        "oneOf": kinds,
        "$defs": defs,
    }


def load_schema() -> dict[str, Any]:
    """The committed schema file."""
    return json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))


def validate_record(data: dict[str, Any]) -> None:
    """Raise ``jsonschema.ValidationError`` if ``data`` breaks the contract."""
    import jsonschema

    jsonschema.validate(data, load_schema())
