"""The HTTP API with FastAPI's test client: reads, coding, writes, and every bad input."""

from __future__ import annotations

import json
import re
from concurrent.futures import ThreadPoolExecutor

import pytest

from .conftest import TOKEN

TEXT = "On Monday the European Union imposed new sanctions on Russia over the attack on Kyiv."


def error_code(response) -> str:
    return response.json()["error"]["code"]


def test_list_events_with_filters_and_pages(client):
    page = client.get("/api/events", params={"actor": "RUR", "limit": 2}).json()
    assert page["total"] == 5 and len(page["items"]) == 2 and page["items"][0]["record"] == "event"
    page = client.get("/api/events", params={"cameo": "19", "negated": "false"}).json()
    assert [e["id"] for e in page["items"]] == ["a:s1:e0"]
    dated = client.get("/api/events", params={"since": "2024-05-10", "until": "2024-05-25"})
    assert dated.json()["total"] == 3
    either = client.get("/api/events", params=[("quad", "2"), ("quad", "4")]).json()
    assert either["total"] == sum(
        client.get("/api/events", params={"quad": q}).json()["total"] for q in ("2", "4")
    )
    pair = client.get("/api/events", params={"dyad": "RUR-FRE"}).json()
    assert sorted(e["id"] for e in pair["items"]) == ["a:s0:e0", "b:s1:e0"]


def test_events_are_real_world_events_and_mentions_are_listed_apart(client):
    event = client.get("/api/events", params={"limit": 1}).json()["items"][0]
    assert event["num_mentions"] >= 1 and event["num_articles"] >= 1 and event["event_id"]
    mentions = client.get("/api/mentions", params={"source": "FREMIL"}).json()
    assert [m["id"] for m in mentions["items"]] == ["a:s1:e0"]


@pytest.mark.parametrize("path", ["claims", "quantities", "polls", "conflicts", "documents"])
def test_every_kind_is_listed(client, path):
    response = client.get(f"/api/{path}")
    assert response.status_code == 200
    assert {"total", "limit", "offset", "items"} <= set(response.json())


def test_a_document_with_its_records_and_spans(client):
    data = client.get("/api/documents/a").json()
    assert data["document"]["title"] == "Border row"
    kinds = sorted(r["record"] for r in data["records"])
    assert kinds == ["claim", "event", "event", "quantity", "quantity"]
    event = next(r for r in data["records"] if r["id"] == "a:s0:e0")
    assert event["trigger_span"] == [34, 43] and event["source"]["span"] == [11, 33]


@pytest.mark.parametrize(
    ("params", "status", "code"),
    [
        ({"cameo": "19' OR '1'='1"}, 400, "E401"),
        ({"actor": "x; DROP TABLE records"}, 400, "E401"),
        ({"quad": "9"}, 400, "E401"),
        ({"since": "yesterday"}, 400, "E401"),
        ({"since": "2024-06-01", "until": "2024-01-01"}, 400, "E402"),
        ({"colour": "red"}, 400, "E403"),
        ({"date_from": "2024-01-01"}, 400, "E403"),
        ({"plover": "PICNIC"}, 400, "E225"),
        ({"limit": "0"}, 422, "E416"),
        ({"limit": "100000"}, 422, "E416"),
        ({"offset": "-1"}, 422, "E416"),
    ],
)
def test_invalid_filters_are_clear_4xx(client, params, status, code):
    response = client.get("/api/events", params=params)
    assert response.status_code == status and error_code(response) == code
    assert client.get("/api/health").json()["counts"]["event"] == 5  # nothing dropped


def test_sql_like_words_are_searched_as_words(client):
    response = client.get("/api/events", params={"text": "'); DELETE FROM records; --"})
    assert response.status_code == 200 and response.json()["total"] == 0
    assert client.get("/api/health").json()["counts"]["event"] == 5


def test_filters_that_do_not_apply_to_a_kind_are_refused(client):
    response = client.get("/api/polls", params={"actor": "RUR"})
    assert response.status_code == 400 and error_code(response) == "E404"
    response = client.get("/api/claims", params={"cameo": "19"})
    assert response.status_code == 400 and error_code(response) == "E404"


def test_unknown_document_is_404(client):
    response = client.get("/api/documents/no-such-doc")
    assert response.status_code == 404 and error_code(response) == "E412"
    assert client.get("/api/nothing-here").status_code == 404


def test_code_a_text_returns_records_with_spans_and_stores_nothing(client):
    response = client.post("/api/code", json={"text": TEXT, "date": "2024-03-05"})
    assert response.status_code == 200
    data = response.json()
    assert data["stored"] is False and data["text"] == TEXT
    sanction = next(r for r in data["records"] if r["record"] == "event" and r["cameo"] == "163")
    start, end = sanction["trigger_span"]
    assert TEXT[start:end] == "imposed" and sanction["source"]["code"] == "IGOEU"
    assert sanction["date"]["start"] == "2024-03-04"
    assert client.get("/api/health").json()["counts"]["document"] == 2


def test_code_takes_a_confidence_floor(client):
    def events(floor: float) -> list[dict]:
        body = {"text": TEXT, "date": "2024-03-05", "min_confidence": floor}
        response = client.post("/api/code", json=body)
        assert response.status_code == 200
        return [r for r in response.json()["records"] if r["record"] == "event"]

    every = events(0)
    assert every and all(0 <= r["confidence"] < 1 for r in every)
    assert events(1) == []


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({"text": ""}, 400, "E408"),
        ({"text": "   \n  "}, 400, "E408"),
        ({"text": TEXT, "date": "2024-02-31"}, 400, "E011"),
        ({"text": TEXT, "kind": "pdf"}, 422, "E416"),
        ({"words": TEXT}, 422, "E416"),
        ({"text": 12}, 422, "E416"),
        ({"text": TEXT, "min_confidence": 1.5}, 422, "E416"),
    ],
)
def test_bad_code_requests_are_clear_4xx(client, body, status, code):
    response = client.post("/api/code", json=body)
    assert response.status_code == status and error_code(response) == code


def test_malformed_json_and_huge_bodies(client):
    response = client.post(
        "/api/code", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert response.status_code == 422 and error_code(response) == "E416"
    huge = json.dumps({"text": "word " * 60_000}).encode()
    response = client.post("/api/code", content=huge, headers={"content-type": "application/json"})
    assert response.status_code == 413 and error_code(response) == "E409"

    def chunks():
        for _ in range(300):
            yield b"x" * 1000

    response = client.post(
        "/api/code", content=chunks(), headers={"content-type": "application/json"}
    )
    assert response.status_code == 413 and error_code(response) == "E409"


def test_storing_needs_the_right_token(client):
    body = {"text": TEXT, "date": "2024-03-05", "id": "stored-1", "store": True}
    missing = client.post("/api/code", json=body)
    assert missing.status_code == 401 and error_code(missing) == "E410"
    wrong = client.post("/api/code", json=body, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 403 and error_code(wrong) == "E411"
    assert client.get("/api/documents/stored-1").status_code == 404
    ok = client.post("/api/code", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert ok.status_code == 200 and ok.json()["stored"] is True
    stored = client.get("/api/documents/stored-1").json()
    assert any(r["record"] == "event" for r in stored["records"])
    alt = client.post("/api/code", json=body, headers={"X-Eventcoder-Token": TOKEN})
    assert alt.status_code == 200


def test_series_as_json(client):
    timeline = client.get("/api/analysis/timeline", params={"actor": "RUR"}).json()["items"]
    assert {i["shape"] for i in timeline} == {"point", "band"}
    dyad = client.get("/api/analysis/dyad", params={"first": "RURGOV", "second": "FRE"}).json()
    assert dyad["events"] == 3 and dyad["points"][0]["period"] == "2024-03-01"
    week = client.get(
        "/api/analysis/dyad", params={"first": "RUR", "second": "FRE", "freq": "week"}
    )
    assert week.status_code == 200 and week.json()["points"][0]["period"] == "2024-02-26"
    bad = client.get("/api/analysis/dyad", params={"first": "RUR", "second": "FRE", "freq": "year"})
    assert bad.status_code == 422
    net = client.get("/api/analysis/network").json()
    assert any(e["sign"] == -1 for e in net["edges"]) and net["nodes"]
    conflicts = client.get("/api/analysis/conflicts").json()["conflicts"]
    assert conflicts[0]["members"][1]["speaker"] == "Freedonian ministry"
    located = client.get("/api/analysis/locations").json()["items"]
    # the seeded located event, and "the attack on Kyiv" stored above, now placed at Kyiv
    assert any(item["lat"] == 45.5 for item in located)
    assert all(item["lat"] is not None and item["lon"] is not None for item in located)


def test_docs_and_page_are_served_locally(client):
    docs = client.get("/docs")
    assert docs.status_code == 200
    assert not re.search(r"""(src|href)=["']https?://""", docs.text)
    assert client.get("/docs-static/swagger-ui-bundle.js").status_code == 200
    spec = client.get("/openapi.json").json()
    assert "/api/events" in spec["paths"] and "/api/code" in spec["paths"]
    names = {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert {"actor", "cameo", "since", "limit"} <= names
    page = client.get("/")
    assert (
        page.status_code == 200 and "default-src 'self'" in page.headers["content-security-policy"]
    )
    assert not re.search(r"""(src|href)=["']https?://""", page.text)


def test_bundled_assets_are_small_and_name_no_other_host():
    from eventcoder.api.app import STATIC

    files = [p for p in STATIC.rglob("*") if p.is_file()]
    assert sum(p.stat().st_size for p in files) < 1_500_000
    for path in STATIC.glob("*.*"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"https?://(?!www\.w3\.org/2000/svg)", text), path.name


def test_concurrent_clients_all_answered(client):
    def one(i: int) -> int:
        if i % 3 == 0:
            return client.post("/api/code", json={"text": TEXT}).status_code
        if i % 3 == 1:
            return client.get("/api/events", params={"actor": "RUR"}).status_code
        return client.get("/api/events", params={"cameo": "bad!"}).status_code

    with ThreadPoolExecutor(max_workers=12) as pool:
        statuses = list(pool.map(one, range(36)))
    assert statuses.count(200) == 24 and statuses.count(400) == 12


def test_a_coded_place_reaches_the_map(coder, tmp_path):
    """Code and store a sentence that names a place: the event carries the place's
    coordinates, and the listing and the map endpoint return it. Runs once the places stage
    is part of the coder."""
    pytest.importorskip("eventcoder.places", reason="no places stage in this build")
    from fastapi.testclient import TestClient

    from eventcoder.api import create_app
    from eventcoder.store import open_store

    text = "Police fired tear gas at protesters in Nairobi on Tuesday."
    with open_store(str(tmp_path / "places.duckdb")) as store:
        app = create_app(store, token=TOKEN, coder_factory=lambda: coder)
        with TestClient(app) as client:
            body = {"text": text, "date": "2024-07-03", "id": "nbo", "store": True}
            coded = client.post(
                "/api/code", json=body, headers={"Authorization": f"Bearer {TOKEN}"}
            ).json()
            event = next(r for r in coded["records"] if r["record"] == "event")
            assert event["location"]["name"] == "Nairobi"
            assert text[slice(*event["location"]["span"])] == "Nairobi"
            located = client.get("/api/analysis/locations", params={"doc": "nbo"}).json()
            (item,) = located["items"]
            assert (item["name"], item["country"]) == ("Nairobi", "KEN")
            assert -2 < item["lat"] < -1 and 36 < item["lon"] < 37
            stored = client.get("/api/events", params={"doc": "nbo"}).json()["items"]
            assert stored[0]["location"]["lat"] == item["lat"]
            assert client.get("/api/analysis/locations", params={"doc": "other"}).json() == {
                "items": []
            }
