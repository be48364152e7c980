"""Operations: liveness, readiness and Prometheus metrics of the Rasa server, and failed turns as HTTP statuses.

Served at the server's root (not under /webhooks/):
- `GET /health/live`: 200 while the server's event loop answers (restart the process when it does not).
- `GET /health/ready`: 200 when the model is loaded, the warm-up turn is done and the action server, the tracker
  store and the lock store answer; else 503. The JSON body says which check failed and why.
- `GET /metrics`: Prometheus text format, from prometheus_client's default registry (turns by channel and outcome,
  turn latency, failures; other modules add theirs to the same registry).

Loading this channel (credentials.yml) also installs `rasa_speedups.failures`: a failed turn is answered with the
apology on every channel. REST answers such a turn with status 503 and the apology in the usual JSON list.
"""
from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

import aiohttp
from prometheus_client import CONTENT_TYPE_LATEST, disable_created_metrics, generate_latest
from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, Sanic, response
from sanic.request import Request
from sanic.response import BaseHTTPResponse, HTTPResponse

from channels.warmup import WarmUpChannel
from rasa_speedups import failures, readiness, turn_guard

REST_WEBHOOK = "/webhooks/rest/webhook"
# no `_created` twin of every counter: /metrics stays readable (prometheus_client leaves this one unannotated)
disable_created_metrics()  # type: ignore[no-untyped-call]


class HealthChannel(InputChannel):
    def __init__(self) -> None:
        failures.install()
        self._session: aiohttp.ClientSession | None = None

    @classmethod
    def name(cls) -> str:
        return "health"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> HealthChannel:
        return cls()

    def url_prefix(self) -> str:
        return "/"  # Rasa joins it to "/webhooks/": "/" puts the routes at the server's root

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        health = Blueprint("health", __name__)

        @health.get("/health/live")
        async def live(_: Request) -> HTTPResponse:
            return response.json({"status": "alive"})

        @health.get("/health/ready")
        async def ready(request: Request) -> HTTPResponse:
            checks = await self.checks(request.app)
            is_ready = all(problem is None for problem in checks.values())
            report = {name: problem or "ok" for name, problem in checks.items()}
            return response.json({"ready": is_ready, "checks": report}, status=200 if is_ready else 503)

        @health.get("/metrics")
        async def metrics(_: Request) -> HTTPResponse:
            return response.raw(generate_latest(), content_type=CONTENT_TYPE_LATEST)

        @health.before_server_start
        async def configure(app: Sanic, _loop: Any) -> None:
            turn_guard.known_channels.update(channel.name() for channel in app.ctx.input_channels)
            app.register_middleware(_forget_turn_outcome, "request")
            app.register_middleware(_failed_rest_turn_is_503, "response")
            app.error_handler.add(turn_guard.TrackerStoreUnavailable, _store_unavailable)

        @health.after_server_stop
        async def close(*_: Any) -> None:
            if self._session is not None:
                await self._session.close()

        return health

    async def checks(self, app: Sanic) -> dict[str, str | None]:
        """Each readiness check: None when it passes, else what is wrong."""
        agent = getattr(app.ctx, "agent", None)
        checks = {"model": readiness.model_problem(agent), "warm_up": _warm_up_problem(app)}
        if agent is None:
            return checks
        if self._session is None:
            self._session = aiohttp.ClientSession()
        names = ("action_server", "tracker_store", "lock_store")
        problems = await asyncio.gather(readiness.action_server_problem(agent, self._session),
                                        readiness.tracker_store_problem(agent.tracker_store),
                                        readiness.lock_store_problem(agent.lock_store))
        return {**checks, **dict(zip(names, problems, strict=True))}


def _warm_up_problem(app: Sanic) -> str | None:
    warm_up = next((c for c in app.ctx.input_channels if isinstance(c, WarmUpChannel)), None)
    if warm_up is None or warm_up.state["done"]:
        return None
    return "the warm-up turn has not finished"


async def _forget_turn_outcome(_: Request) -> None:
    turn_guard.turn_outcome.set(None)  # a kept-alive connection serves its requests in one task: one context


async def _failed_rest_turn_is_503(request: Request, answer: BaseHTTPResponse) -> None:
    """A REST client learns from the status that the turn failed; the body is still the apology, as a reply list."""
    if request.path == REST_WEBHOOK and answer.status == 200 and turn_guard.turn_outcome.get() == "error":
        answer.status = 503


async def _store_unavailable(_: Request, __: Exception) -> HTTPResponse:
    """Routes that read conversations (the widget's history) while the tracker store fails."""
    return response.json({"error": "the conversation store is unavailable; try again later"}, status=503)
