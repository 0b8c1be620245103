"""The FastAPI application: JSON API under ``/api``, the web page at ``/``, docs at ``/docs``.

``create_app(store, token=..., coder_factory=...)`` builds it; ``eventcoder serve`` runs it
with uvicorn on 127.0.0.1. Reads are open; storing records needs the token. Swagger UI's
files come from the ``swagger-ui-bundle`` package and the page's from ``api/static``, so
nothing is fetched from another host.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

from fastapi import FastAPI, Header, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from eventcoder.api.guards import BodyLimit, check_token, error_response
from eventcoder.api.service import CodeRequest, Service
from eventcoder.errors import ConfigError, Errors, EventcoderError
from eventcoder.store import Store
from eventcoder.store.query import KINDS, MAX_PAGE, Filters, filter_names, parse_filters

__all__ = ["DEFAULT_MAX_BODY", "create_app"]

log = logging.getLogger(__name__)
STATIC = Path(__file__).parent / "static"
DEFAULT_MAX_BODY = 2_000_000
# The page may load only what this server serves: no other host, ever.
PAGE_CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
    "script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'"
)
DOCS_CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
    "script-src 'self' 'unsafe-inline'; connect-src 'self'"
)
_PAGING = ("limit", "offset")


class CodeBody(BaseModel):
    """A text to code. ``kind`` "html" extracts the main text of a page first."""

    text: str = Field(description="The text (or HTML page) to code.", max_length=1_000_000)
    date: str | None = Field(None, description="Publication date, YYYY-MM-DD.", max_length=10)
    title: str | None = Field(None, max_length=500)
    id: str | None = Field(
        None,
        description="Document id (default: from the text).",
        max_length=200,
        pattern=r"^[^\x00-\x1f]+$",
    )
    url: str | None = Field(None, max_length=2000)
    source: str | None = Field(None, max_length=200)
    kind: str = Field("text", pattern="^(text|html)$")
    store: bool = Field(False, description="Also store the records (needs the token).")
    min_confidence: float | None = Field(
        None,
        ge=0,
        le=1,
        description="Leave out events below this confidence (default: the confidence model's "
        "default threshold; 0 keeps every event).",
    )


def _filters(request: Request, kind: str, ignore: tuple[str, ...] = ()) -> Filters:
    """Filters for ``kind`` from the query string, read by the store's query layer (a
    repeated parameter is several values); an unknown parameter is an error, not ignored."""
    params = request.query_params
    values = {name: params.getlist(name) for name in params}
    return parse_filters(kind, values, ignore=(*_PAGING, *ignore))


def create_app(
    store: Store,
    *,
    token: str | None = None,
    coder_factory: Callable[[], Any] | None = None,
    max_body: int = DEFAULT_MAX_BODY,
) -> FastAPI:
    """The API over ``store``; ``token`` guards writes (None: writes are refused)."""
    if coder_factory is None:
        from eventcoder.coder import Coder

        coder_factory = Coder.load
    service = Service(store, coder_factory)
    app = FastAPI(
        title="eventcoder",
        description="Code news text into events, claims, figures and polls; browse a store.",
        version=_version(),
        docs_url=None,
        redoc_url=None,
    )
    app.state.service = service
    _install_errors(app)
    _install_pages(app)
    _install_code(app, service, token)
    _install_reads(app, service)
    _install_series(app, service)
    app.add_middleware(BodyLimit, limit=max_body)
    return app


def _version() -> str:
    from eventcoder import __version__

    return __version__


def _install_errors(app: FastAPI) -> None:
    @app.exception_handler(ConfigError)
    async def bad_option(request: Request, exc: ConfigError) -> JSONResponse:
        return error_response(400, str(exc))

    @app.exception_handler(EventcoderError)
    async def bad_input(request: Request, exc: EventcoderError) -> JSONResponse:
        return error_response(400, str(exc))

    @app.exception_handler(LookupError)
    async def unknown(request: Request, exc: LookupError) -> JSONResponse:
        return error_response(404, str(exc.args[0]) if exc.args else "not found")

    @app.exception_handler(PermissionError)
    async def refused(request: Request, exc: PermissionError) -> JSONResponse:
        status, message = exc.args
        return error_response(status, message)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        parts = []
        for err in exc.errors()[:5]:
            where = ".".join(str(p) for p in err.get("loc", ()) if p != "body")
            parts.append(f"{where}: {err.get('msg')}")
        return error_response(422, Errors.E416.format(detail="; ".join(parts)))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return error_response(exc.status_code, str(exc.detail))


def _install_pages(app: FastAPI) -> None:
    from swagger_ui_bundle import swagger_ui_path  # type: ignore[import-untyped]

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.mount("/docs-static", StaticFiles(directory=str(swagger_ui_path)), name="docs-static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", headers={"Content-Security-Policy": PAGE_CSP})

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        page = get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="eventcoder API",
            swagger_js_url="/docs-static/swagger-ui-bundle.js",
            swagger_css_url="/docs-static/swagger-ui.css",
            swagger_favicon_url="/docs-static/favicon-32x32.png",
        )
        page.headers["Content-Security-Policy"] = DOCS_CSP
        return page


def _install_code(app: FastAPI, service: Service, token: str | None) -> None:
    @app.post("/api/code", tags=["coding"])
    def code(
        body: CodeBody,
        authorization: Annotated[str | None, Header()] = None,
        x_eventcoder_token: Annotated[str | None, Header()] = None,
    ) -> dict[str, Any]:
        """Code a text: its document record, then every record with spans into ``text``.
        Nothing is stored unless ``store`` is true, which needs the token."""
        if body.store:
            check_token(token, authorization, x_eventcoder_token)
        request = CodeRequest(
            text=body.text,
            date=body.date,
            title=body.title,
            doc_id=body.id,
            url=body.url,
            source=body.source,
            kind=body.kind,
            store=body.store,
            min_confidence=body.min_confidence,
        )
        return service.code(request)

    @app.get("/api/health", tags=["store"])
    def health() -> dict[str, Any]:
        """Liveness, record counts and whether the coder is loaded."""
        return service.health()


_KIND_HELP = {
    "events": "real-world events (linked mentions, one row each, with event_id, "
    "num_mentions, num_articles and num_sources)",
    "mentions": "events as coded, one per mention",
}


def _reader(service: Service, kind: str) -> Callable[..., Any]:
    def read(
        request: Request,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
        offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
    ) -> dict[str, Any]:
        return service.page(kind, _filters(request, kind), limit, offset)

    read.__doc__ = (
        f"Stored {_KIND_HELP.get(kind, kind)}, paginated ({{total, limit, offset, items}}). "
        f"Filters (query parameters; repeat one for any of several values): "
        f"{', '.join(filter_names(kind))}."
    )
    return read


def _install_reads(app: FastAPI, service: Service) -> None:
    for kind in KINDS:
        app.add_api_route(
            f"/api/{kind}",
            _reader(service, kind),
            methods=["GET"],
            tags=["store"],
            name=f"list_{kind}",
            openapi_extra={"parameters": [_param(n) for n in filter_names(kind)]},
        )

    @app.get("/api/documents/{doc_id}", tags=["store"])
    def document(doc_id: Annotated[str, PathParam(max_length=200)]) -> dict[str, Any]:
        """A stored document, its records (with spans) and its text when the store keeps it."""
        return service.document(doc_id)


_PARAM_HELP = {
    "actor": "actor code or country on either side (BLR matches BLRGOV's country)",
    "source": "source actor code or country",
    "target": "target actor code or country",
    "dyad": "SOURCE-TARGET codes or countries, directed (RUS-UKR)",
    "cameo": "CAMEO code or prefix (19 matches 193)",
    "root": "CAMEO root, two digits",
    "plover": "PLOVER category, e.g. SANCTION",
    "quad": "1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material",
    "since": "dates ending on or after, YYYY-MM-DD (intervals that overlap match)",
    "until": "dates starting on or before, YYYY-MM-DD",
    "negated": "true or false",
    "modality": "asserted, reported, intended, threatened, hypothetical",
    "min_confidence": "events scored at least this confident, 0..1",
    "doc": "a document's id",
    "text": "words that all occur in the sentence (documents: title or text)",
}


def _param(name: str) -> dict[str, Any]:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": _PARAM_HELP.get(name, name),
        "schema": {"type": "string"},
    }


_SERIES_PARAMS = [_param(n) for n in filter_names("events")]


def _install_series(app: FastAPI, service: Service) -> None:
    @app.get(
        "/api/analysis/timeline",
        tags=["analysis"],
        openapi_extra={"parameters": _SERIES_PARAMS},
    )
    def timeline(request: Request, mentions: bool = False) -> dict[str, Any]:
        """Events ordered by date; ``shape`` is point (a day), band (longer) or unknown."""
        return service.timeline(_filters(request, "events", ("mentions",)), mentions)

    @app.get(
        "/api/analysis/dyad",
        tags=["analysis"],
        openapi_extra={"parameters": _SERIES_PARAMS},
    )
    def dyad(
        request: Request,
        first: Annotated[str, Query(max_length=24)],
        second: Annotated[str, Query(max_length=24)],
        freq: Annotated[str, Query(pattern="^(month|week)$")] = "month",
        one_way: bool = False,
        mentions: bool = False,
    ) -> dict[str, Any]:
        """Per month or week: events, Goldstein sum and mean, counts per quad class."""
        filters = _filters(request, "events", ("first", "second", "freq", "one_way", "mentions"))
        pair = parse_filters("events", {"source": first, "target": second})
        return service.dyad(pair.source[0], pair.target[0], freq, one_way, filters, mentions)

    @app.get(
        "/api/analysis/network",
        tags=["analysis"],
        openapi_extra={"parameters": _SERIES_PARAMS},
    )
    def network_(
        request: Request,
        min_events: Annotated[int, Query(ge=1, le=100_000)] = 1,
        mentions: bool = False,
    ) -> dict[str, Any]:
        """Actors and source -> target edges (events, Goldstein sum/mean, sign)."""
        filters = _filters(request, "events", ("min_events", "mentions"))
        return service.network(filters, min_events, mentions)

    @app.get("/api/analysis/conflicts", tags=["analysis"])
    def conflicts() -> dict[str, Any]:
        """Figures that dispute each other, side by side with speakers and documents."""
        return service.conflicts()

    @app.get(
        "/api/analysis/locations",
        tags=["analysis"],
        openapi_extra={"parameters": _SERIES_PARAMS},
    )
    def locations(request: Request) -> dict[str, Any]:
        """Real-world events with coordinates, for a map."""
        return service.locations(_filters(request, "events"))
