"""Print the generated JSON Schema."""

import json

from eventcoder.schema import build_schema

print(json.dumps(build_schema(), indent=2))
