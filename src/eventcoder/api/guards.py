"""What protects the HTTP API: a body-size limit, the write token, error answers.

Every refusal is a JSON body ``{"error": {"code": "E4xx", "message": "..."}}`` with a 4xx
status, so a client sees what to change and the server log stays quiet.
"""

from __future__ import annotations

import hmac
import json
import re
from typing import Any

from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from eventcoder.errors import Errors

__all__ = ["BodyLimit", "check_token", "error_body", "error_response"]

_CODE = re.compile(r"^\[(E\d+)\]\s*")


def error_body(message: str) -> dict[str, Any]:
    """``{"error": {"code", "message"}}`` from a catalogue message ("[E401] ...")."""
    match = _CODE.match(message)
    code = match.group(1) if match else None
    return {"error": {"code": code, "message": message}}


def error_response(status: int, message: str) -> JSONResponse:
    """A JSON error answer."""
    return JSONResponse(error_body(message), status_code=status)


def check_token(expected: str | None, header: str | None, alt_header: str | None) -> None:
    """Raise a (status, message) ``PermissionError`` unless the request carries the token.

    The token comes as ``Authorization: Bearer TOKEN`` or ``X-Eventcoder-Token: TOKEN``.
    """
    if expected is None:
        raise PermissionError(403, Errors.E417.format())
    given = alt_header
    if header and header.lower().startswith("bearer "):
        given = header[7:].strip()
    if not given:
        hint = "send 'Authorization: Bearer TOKEN' with the token the server printed at start"
        raise PermissionError(401, Errors.E410.format(hint=hint))
    if not hmac.compare_digest(given.encode("utf-8", "replace"), expected.encode("utf-8")):
        raise PermissionError(403, Errors.E411.format())


class BodyLimit:
    """ASGI middleware: refuse request bodies over ``limit`` bytes with 413.

    A declared ``Content-Length`` over the limit is refused before reading; a chunked body
    is counted as it arrives and refused as soon as it passes the limit.
    """

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None:
            if not declared.isdigit():
                detail = "Content-Length is not a number"
                await self._send(send, 400, Errors.E416.format(detail=detail))
                return
            if int(declared) > self.limit:
                await self._send(send, 413, Errors.E409.format(limit=self.limit))
                return
        if declared is not None:
            await self.app(scope, receive, send)
            return
        # No declared length (a chunked body): read it all, up to the limit, then replay it.
        chunks: list[bytes] = []
        seen = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return  # the client went away
            chunk = message.get("body", b"")
            seen += len(chunk)
            if seen > self.limit:
                await self._send(send, 413, Errors.E409.format(limit=self.limit))
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    @staticmethod
    async def _send(send: Send, status: int, message: str) -> None:
        body = json.dumps(error_body(message)).encode()
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                    (b"connection", b"close"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})
