"""A small hand-made corpus for the analysis and API tests: two documents, events at every
date granularity (day, month, season, unknown), a located event, a negated one, and two
figures that dispute each other."""

from __future__ import annotations

from eventcoder.records import (
    Actor,
    ClaimRecord,
    DateInterval,
    DocumentRecord,
    EventRecord,
    Location,
    QuantityRecord,
    Record,
)
from eventcoder.store import Store, open_store

TEXT_A = (
    "On March 3 Ruritania's government protested to Freedonia. "
    "Freedonian troops attacked a Ruritanian border post in spring 2024. "
    "Officials said 300 soldiers crossed the border."
)

_S1 = TEXT_A.index("Freedonian troops")
_S2 = TEXT_A.index("Officials")
RUR = Actor("Ruritania's government", "RURGOV", "RUR", "GOV", (11, 33))
FRE = Actor("Freedonia", "FRE", "FRE", None, (47, 56))
FREMIL = Actor("Freedonian troops", "FREMIL", "FRE", "MIL", (58, 75))
RURMIL = Actor("a Ruritanian border post", "RURMIL", "RUR", "MIL", (85, 109))


def _event(
    doc: str,
    n: int,
    source: Actor | None,
    target: Actor | None,
    cameo: str,
    goldstein: float,
    quad: int,
    date: DateInterval | None,
    **extra: object,
) -> EventRecord:
    return EventRecord(
        id=f"{doc}:s{n}:e0",
        doc_id=doc,
        sentence=n,
        span=(0, 10),
        sentence_text=f"sentence {n}",
        source=source,
        target=target,
        cameo=cameo,
        goldstein=goldstein,
        quad_class=quad,
        trigger="did",
        trigger_span=(1, 3),
        date=date,
        pattern="TEST.verb",
        **extra,  # type: ignore[arg-type]
    )


def corpus() -> list[Record]:
    """Records of two documents (ids ``a`` and ``b``)."""
    day = DateInterval("2024-03-03", "2024-03-03", "day", "March 3")
    spring = DateInterval("2024-03-01", "2024-05-31", "season", "spring 2024")
    month = DateInterval("2024-05-01", "2024-05-31", "month", "May")
    unknown = DateInterval(None, "2024-06-10", "unknown", None)
    return [
        DocumentRecord(
            id="a",
            doc_id="a",
            title="Border row",
            date="2024-06-10",
            date_status="given",
            n_sentences=3,
            n_records=5,
        ),
        EventRecord(
            id="a:s0:e0",
            doc_id="a",
            sentence=0,
            span=(0, 57),
            sentence_text=TEXT_A[: _S1 - 1],
            source=RUR,
            target=FRE,
            cameo="111",
            plover="ACCUSE",
            goldstein=-2.0,
            quad_class=3,
            trigger="protested",
            trigger_span=(34, 43),
            date=day,
            pattern="PROTEST.verb",
        ),
        EventRecord(
            id="a:s1:e0",
            doc_id="a",
            sentence=1,
            span=(58, 125),
            sentence_text=TEXT_A[_S1 : _S2 - 1],
            source=FREMIL,
            target=RURMIL,
            cameo="190",
            plover="ASSAULT",
            goldstein=-10.0,
            quad_class=4,
            trigger="attacked",
            trigger_span=(76, 84),
            date=spring,
            location=Location("Lake Border", "RUR", 45.5, 20.25),
            pattern="ATTACK.verb",
        ),
        QuantityRecord(
            id="a:s2:q0",
            doc_id="a",
            sentence=2,
            span=(141, 144),
            sentence_text=TEXT_A[_S2:],
            measure="soldiers",
            low=300,
            high=300,
            text="300",
            source=Actor("Officials", "RURGOV"),
            date=unknown,
        ),
        ClaimRecord(
            id="a:s2:c0",
            doc_id="a",
            sentence=2,
            span=(126, 173),
            sentence_text=TEXT_A[_S2:],
            speaker=Actor("Officials", "RURGOV"),
            content="300 soldiers crossed the border",
            content_span=(141, 172),
            verb="said",
        ),
        DocumentRecord(
            id="b",
            doc_id="b",
            title="Talks",
            date="2024-06-20",
            date_status="given",
            n_sentences=3,
            n_records=4,
        ),
        _event("b", 0, FRE, RUR, "036", 4.0, 1, month),
        _event("b", 1, RUR, FRE, "057", 8.0, 2, DateInterval("2024-05-20", "2024-05-20", "day")),
        _event("b", 2, FRE, RUR, "190", -10.0, 4, unknown, negated=True),
        QuantityRecord(
            id="a:s3:q0",
            doc_id="a",
            sentence=3,
            span=None,
            sentence_text="s",
            measure="soldiers",
            low=3000,
            high=3000,
            text="3,000",
            source=Actor("Freedonian ministry", "FREGOV"),
            date=unknown,
        ),
    ]


def corpus_store(path: str) -> Store:
    """A DuckDB store at ``path`` holding the corpus."""
    store = open_store(path)
    store.write(sorted(corpus(), key=lambda r: r.doc_id))  # one document's records together
    return store
