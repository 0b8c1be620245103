"""A small set of records of every kind, shared by the store tests."""

from eventcoder.records import (
    Actor,
    ClaimRecord,
    ConflictRecord,
    DateInterval,
    DocumentRecord,
    EventRecord,
    PollRecord,
    QuantityRecord,
)


def sample(doc_id: str = "d1") -> list:
    eu = Actor("The European Union", "IGOEU", "EU", "IGO", (0, 18))
    minsk = Actor("Minsk", "BLRGOV", "BLR", "GOV", (40, 45))
    return [
        DocumentRecord(
            id=doc_id,
            doc_id=doc_id,
            title="A title",
            date="2022-11-15",
            date_status="given",
            language="en",
            n_sentences=3,
            n_records=5,
        ),
        EventRecord(
            id=f"{doc_id}:s0:e0",
            doc_id=doc_id,
            sentence=0,
            span=(0, 60),
            source=eu,
            target=minsk,
            cameo="163",
            plover="SANCTION",
            goldstein=-8.0,
            date=DateInterval("2022-03-01", "2022-03-31", "month", "in March"),
        ),
        ClaimRecord(
            id=f"{doc_id}:s1:c0",
            doc_id=doc_id,
            sentence=1,
            span=(61, 120),
            speaker=minsk,
            content="the war would be short",
            stance="assertion",
        ),
        QuantityRecord(
            id=f"{doc_id}:s2:q0",
            doc_id=doc_id,
            sentence=2,
            span=(121, 180),
            measure="troops",
            low=9000,
            high=9000,
            unit="soldiers",
            source=minsk,
        ),
        PollRecord(
            id=f"{doc_id}:s2:p0",
            doc_id=doc_id,
            sentence=2,
            span=(121, 180),
            pollster="A pollster",
            answer="support",
            share=0.3,
            caveats=["online sample"],
        ),
        ConflictRecord(
            id=f"{doc_id}:x0",
            doc_id=doc_id,
            measure="troops",
            members=[f"{doc_id}:s2:q0", "other"],
            reason="ranges do not overlap",
        ),
    ]
