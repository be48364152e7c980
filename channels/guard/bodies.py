"""Request bodies are bounded before they are read, and refused with a clear JSON error.

Sanic reads a route's whole body before any middleware or handler runs, and only then does anyone parse it. The
limit is therefore set right after routing (the `http.routing.after` signal), on the connection's reader: a
Content-Length over it is refused before a byte of the body is read, a chunked body as soon as it grows past it.
A route that needs more declares it: `@bp.route(..., ctx_max_body_bytes=65536)` (the WeChat webhook does).
"""
from __future__ import annotations

import json
import logging
from functools import partial
from typing import Any

from sanic import Sanic, response
from sanic.exceptions import InvalidUsage, PayloadTooLarge
from sanic.request import Request
from sanic.response import HTTPResponse

from channels.limits import current

logger = logging.getLogger(__name__)
_readable_json = partial(json.dumps, ensure_ascii=False)


def error(status: int, code: str, detail: str) -> HTTPResponse:
    """The JSON body of every error the guards and channels answer: a code for programs, a sentence for people."""
    return response.json({"error": code, "detail": detail}, status=status, dumps=_readable_json)


def body_limit(request: Request | None) -> int:
    """The body limit of the request's route, else the default one (also for a request not routed yet)."""
    route_limit: int | None = getattr(request.route.ctx, "max_body_bytes", None) if request and request.route else None
    return route_limit or current().max_body_bytes


def install(app: Sanic) -> None:
    default = current().max_body_bytes
    app.config.REQUEST_MAX_SIZE = default  # bounds the bodies of requests that find no route
    app.config.WEBSOCKET_MAX_SIZE = default

    @app.signal("http.routing.after")
    async def limit_body(request: Request, **_: Any) -> None:
        if request.stream is not None:
            request.stream.request_max_size = body_limit(request)

    def too_large(request: Request | None, _: Exception) -> HTTPResponse:
        limit = body_limit(request)
        if request is not None:
            logger.warning("Refused a request body over %d bytes (Content-Length %s) to %s", limit,
                           request.headers.get("content-length", "none: chunked"), request.path[:100])
        return error(413, "body_too_large", f"请求太大：最多 {limit} 字节。")

    def bad_request(_: Request, exception: Exception) -> HTTPResponse:
        return error(400, "bad_request", f"请求格式不对：{exception}")

    # Plain functions, not coroutines: Sanic-CORS adds its headers only to responses of synchronous handlers.
    app.error_handler.add(PayloadTooLarge, too_large)
    app.error_handler.add(InvalidUsage, bad_request)
