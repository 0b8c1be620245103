"""Full-text search over the stored document texts (title and text).

DuckDB: the ``fts`` extension (BM25), loaded from the pinned ``duckdb-extension-fts``
package. Its index is a snapshot, rebuilt by ``refresh_index`` at the end of every
``eventcoder code`` run; when the texts changed since (writes through the Python API), a
search scans the texts instead and says so. PostgreSQL: ``to_tsvector``/``plainto_tsquery``
over a GIN index kept up to date by the server. Every word must occur (stemmed, English).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from eventcoder.store.base import Store

__all__ = ["Hit", "refresh_index", "search"]

log = logging.getLogger(__name__)

_STAMP = "SELECT count(*), coalesce(sum(length(text)), 0) FROM texts"


@dataclass(frozen=True)
class Hit:
    """One matching document."""

    doc_id: str
    title: str | None
    date: object
    score: float
    snippet: str


def refresh_index(store: Store) -> bool:
    """Rebuild the DuckDB full-text index if the texts changed; True when rebuilt."""
    if store.dialect != "duckdb":
        return False
    from eventcoder.store.duck import load_fts

    stamp = ":".join(str(v) for v in store.query(_STAMP)[0])
    if store.query("SELECT value FROM store_meta WHERE key = 'fts'") == [(stamp,)]:
        return False
    load_fts(store.con)  # type: ignore[attr-defined]
    store.query("PRAGMA create_fts_index('texts', 'doc_id', 'title', 'text', overwrite = 1)")
    store.query("DELETE FROM store_meta WHERE key = 'fts'")
    store.query("INSERT INTO store_meta VALUES ('fts', ?)", [stamp])
    return True


def _snippet(text: str, words: list[str], width: int = 80) -> str:
    found = [m.start() for w in words if (m := re.search(re.escape(w), text, re.IGNORECASE))]
    at = min(found) if found else 0
    start = max(0, at - width // 2)
    piece = " ".join(text[start : start + width].split())
    return ("…" if start else "") + piece + ("…" if start + width < len(text) else "")


def search(store: Store, words: str, limit: int = 20) -> list[Hit]:
    """Documents whose title or text hold every word, best first."""
    terms = [w for w in re.findall(r"\w+", words)]
    if not terms:
        return []
    if store.dialect == "postgres":
        sql = (
            "SELECT t.doc_id, t.title, d.date, ts_rank(v, q) AS score, t.text FROM texts t "
            "CROSS JOIN plainto_tsquery('english', %s) q "
            "CROSS JOIN LATERAL to_tsvector('english', coalesce(t.title, '') || ' ' || t.text) v "
            "LEFT JOIN documents d ON d.id = t.doc_id WHERE v @@ q "
            "ORDER BY score DESC, t.doc_id LIMIT %s"
        )
        rows = store.query(sql, [words, limit])
    else:
        rows = _duck_search(store, words, terms, limit)
    return [Hit(r[0], r[1], r[2], float(r[3]), _snippet(r[4] or "", terms)) for r in rows]


def _duck_search(store: Store, words: str, terms: list[str], limit: int) -> list[tuple]:
    from eventcoder.store.duck import load_fts

    stamp = ":".join(str(v) for v in store.query(_STAMP)[0])
    if store.query("SELECT value FROM store_meta WHERE key = 'fts'") == [(stamp,)]:
        load_fts(store.con)  # type: ignore[attr-defined]
        sql = (
            "SELECT t.doc_id, t.title, d.date, s.score, t.text FROM (SELECT doc_id, "
            "fts_main_texts.match_bm25(doc_id, ?, conjunctive := 1) AS score FROM texts) s "
            "JOIN texts t ON t.doc_id = s.doc_id LEFT JOIN documents d ON d.id = t.doc_id "
            "WHERE s.score IS NOT NULL ORDER BY s.score DESC, t.doc_id LIMIT ?"
        )
        return store.query(sql, [words, limit])
    log.warning("the full-text index is out of date (run `eventcoder index`); scanning the texts")
    where = " AND ".join(
        ["(coalesce(t.title, '') || ' ' || t.text) ILIKE ? ESCAPE '!'"] * len(terms)
    )
    sql = (
        "SELECT t.doc_id, t.title, d.date, 1.0, t.text FROM texts t "
        f"LEFT JOIN documents d ON d.id = t.doc_id WHERE {where} ORDER BY t.doc_id LIMIT ?"
    )
    return store.query(sql, [*(f"%{w.replace('_', '!_')}%" for w in terms), limit])
