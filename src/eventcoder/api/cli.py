"""``eventcoder serve``: the HTTP API and the web page on 127.0.0.1 (by default)."""

from __future__ import annotations

import logging
import os
import secrets

import click

from eventcoder.api.app import DEFAULT_MAX_BODY
from eventcoder.store.options import db_option

__all__ = ["serve_command"]

log = logging.getLogger(__name__)


@click.command("serve")
@db_option("Store to serve, a DuckDB file created if missing")
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Interface to listen on; 0.0.0.0 exposes the server to the network.",
)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option(
    "--token",
    envvar="EVENTCODER_API_TOKEN",
    help="Token that writes need (env EVENTCODER_API_TOKEN); default: a random one, "
    "printed at start.",
)
@click.option("--read-only", is_flag=True, help="Refuse every write, whatever the token.")
@click.option(
    "--max-body",
    default=DEFAULT_MAX_BODY,
    show_default=True,
    type=click.IntRange(1_000, 100_000_000),
    help="Largest request body, in bytes.",
)
@click.option("--no-preload", is_flag=True, help="Load the coder on the first request, not now.")
def serve_command(
    db: str,
    host: str,
    port: int,
    token: str | None,
    read_only: bool,
    max_body: int,
    no_preload: bool,
) -> None:
    """Serve the API (/api, docs at /docs) and the web page (/) over one store."""
    import uvicorn

    from eventcoder.api.app import create_app
    from eventcoder.coder import Coder
    from eventcoder.errors import EventcoderError
    from eventcoder.store import open_store

    try:
        store = open_store(db)
    except EventcoderError as exc:
        raise click.ClickException(str(exc)) from exc
    if read_only:
        token = None
    elif not token:
        token = secrets.token_urlsafe(24)
        click.echo(f"write token (pass as 'Authorization: Bearer ...'): {token}", err=True)
    coder = None if no_preload else Coder.load()
    app = create_app(
        store,
        token=token,
        max_body=max_body,
        coder_factory=(lambda: coder) if coder is not None else Coder.load,
    )
    click.echo(f"eventcoder: serving {db} on http://{host}:{port}/ (API docs at /docs)", err=True)
    try:
        uvicorn.run(
            app,
            host=host,
            port=port,
            log_level=os.environ.get("EVENTCODER_LOG", "warning"),
            access_log=False,
        )
    finally:
        store.close()
