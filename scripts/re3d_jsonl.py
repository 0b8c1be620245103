"""Write Dstl's re3d documents as one JSON Lines corpus (id, title, text, source), for
``eventcoder code`` and ``eventcoder actors unknown``. The BBC folder (non-commercial
licence) is left out.

    python scripts/re3d_jsonl.py ../shared/data/re3d > re3d.jsonl
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

EXCLUDED = {"BBC_Online"}


def main(folder: Path) -> int:
    """Print one JSON line per document; return how many."""
    count = 0
    for source in sorted(p for p in folder.iterdir() if p.is_dir() and p.name not in EXCLUDED):
        documents = source / "documents.json"
        if not documents.exists():
            continue
        for line in documents.read_text(encoding="utf-8-sig").splitlines():
            if not line.strip():
                continue
            doc = json.loads(line)
            item = {"id": doc["_id"], "title": doc.get("title"), "text": doc["text"]}
            item["source"] = source.name
            print(json.dumps(item, ensure_ascii=False))
            count += 1
    return count


if __name__ == "__main__":
    n = main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/re3d"))
    print(f"{n} documents", file=sys.stderr)
