"""The widget's routes under /webhooks/widget/: the script, its stylesheet, a demo page and the history.

Messages themselves go through Rasa's REST channel (POST /webhooks/rest/webhook); this channel only serves what a
browser needs around it, and reads past messages from the agent's tracker store.
"""
import html
import re
from pathlib import Path
from typing import Any, Awaitable, Callable

from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.shared.core.events import SessionStarted
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from channels.widget.history import messages

STATIC = Path(__file__).parent / "static"
# The widget makes 32 hex digits; accept other ordinary ids too, nothing that could smuggle a path or markup.
SENDER_ID = re.compile(r"[A-Za-z0-9_-]{8,64}")
# Browsers revalidate, so a new widget.js reaches every host page at once.
NO_CACHE = {"Cache-Control": "no-cache"}
MIME = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8"}


class WidgetChannel(InputChannel):
    @classmethod
    def name(cls) -> str:
        return "widget"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        widget = Blueprint("widget_webhook", __name__)

        @widget.get("/")
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @widget.get("/widget.js")
        async def script(_: Request) -> HTTPResponse:
            return await static_file("widget.js")

        @widget.get("/widget.css")
        async def stylesheet(_: Request) -> HTTPResponse:
            return await static_file("widget.css")

        @widget.get("/demo")
        async def demo(request: Request) -> HTTPResponse:
            origin = html.escape(f"{request.scheme}://{request.host}")
            page = (STATIC / "demo.html").read_text(encoding="utf-8").replace("{{origin}}", origin)
            return response.html(page, headers=NO_CACHE)

        @widget.get("/history/<sender_id>")
        async def history(request: Request, sender_id: str) -> HTTPResponse:
            if not SENDER_ID.fullmatch(sender_id):
                return response.json({"error": "sender id: 8-64 letters, digits, - or _"}, status=400)
            agent = getattr(request.app.ctx, "agent", None)
            if agent is None or agent.tracker_store is None:
                return response.json({"error": "the bot is still starting"}, status=503)
            # The whole record: for a turn, the tracker store may hand Rasa only the latest turns.
            tracker = await agent.tracker_store.retrieve_full_tracker(sender_id)
            events = list(tracker.events) if tracker else []
            starts = [i for i, event in enumerate(events) if isinstance(event, SessionStarted)]
            events = events[starts[-1]:] if starts else events  # the latest session, as before
            return response.json({"sender_id": sender_id, "messages": messages(events)})

        return widget


async def static_file(name: str) -> HTTPResponse:
    path = STATIC / name
    return await response.file(path, mime_type=MIME[path.suffix], headers=NO_CACHE)
