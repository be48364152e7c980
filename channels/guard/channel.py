"""The request guards, registered into Rasa's web server as an input channel (credentials.yml).

Listed like any channel, `channels.guard.RequestGuard` installs what applies to the whole server when Rasa
registers its blueprint: body limits (channels/guard/bodies.py), the CORS policy (cors.py), the `/intent` text
guard (commands.py), and a root page that does not advertise Rasa's version. `GET /webhooks/guard/` tells
clients the limits.
"""
from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse

from channels import limits
from channels.guard import bodies, commands, cors
from channels.guard.settings import GuardSettings, load_settings


class RequestGuard(InputChannel):
    def __init__(self, settings: GuardSettings = GuardSettings()) -> None:
        self.settings = settings

    @classmethod
    def name(cls) -> str:
        return "guard"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> RequestGuard:
        """The settings, which also become the limits every channel checks (channels/limits.py)."""
        guard = cls(load_settings(credentials))
        limits.configure(guard.settings.limits)
        return guard

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        commands.install()
        guard = _GuardBlueprint(self.settings, "guard_webhook", __name__)

        @guard.get("/")
        async def settings(_: Request) -> HTTPResponse:
            current = limits.current()
            return response.json({"max_body_bytes": current.max_body_bytes,
                                  "max_message_chars": current.max_message_chars})

        return guard


class _GuardBlueprint(Blueprint):
    """Installs the app-wide guards when Rasa registers it (as Rasa's socketio blueprint attaches its server)."""

    def __init__(self, settings: GuardSettings, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.ctx.settings = settings

    def register(self, app: Sanic, options: dict[str, Any]) -> None:
        bodies.install(app)
        cors.install(app, self.ctx.settings.allowed_origins)
        app.register_middleware(_root_page, "request")
        super().register(app, options)  # type: ignore[no-untyped-call]  # Sanic 21.12 leaves it unannotated


async def _root_page(request: Request) -> HTTPResponse | None:
    """Rasa's `/` answers "Hello from Rasa: 3.6.21": a version is an attacker's first question."""
    if request.path == "/" and request.method in ("GET", "HEAD"):
        return response.json({"status": "ok"})
    return None
