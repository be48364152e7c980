"""The widget's routes under /webhooks/widget/: the script, its stylesheet, a demo page, and its conversations.

A conversation is reached only with the token issued for it (channels/widget/tokens.py):

    POST /conversations                         -> 201 {"token": "…"}
    POST /message  {"token": …, "message": …}   -> {"messages": [bot messages]}
    POST /history  {"token": …}                 -> {"messages": [past user and bot messages]}
    POST /feedback {"token": …, "answer": id, "vote": "up" | "down"}  -> {"vote": …}

A factual answer carries `"answer": {"id": …}` (channels/feedback.py): the widget shows 👍/👎 under it, and a vote
names it by that id. A later vote on the same answer replaces the earlier one.

A token the server did not issue gets 403. Rasa stores the conversation as `widget:<id>`
(channels/conversations.py), so no other channel can reach it, and the widget cannot reach theirs.
"""
from __future__ import annotations

import html
import logging
import os
from pathlib import Path
from typing import Any

from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.shared.core.events import SessionStarted
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from channels.apology import TURN_FAILED
from channels.conversations import OnNewMessage, conversation_id
from channels.feedback import ANSWER_ID, VOTE_NOT_STORED, AnswerCollector, Answered, Vote, find_answer, submit
from channels.guard.bodies import error
from channels.limits import MessageRefused, checked_text
from channels.widget.history import messages
from channels.widget.tokens import ConversationTokens, load_secret

logger = logging.getLogger(__name__)

STATIC = Path(__file__).parent / "static"
# Browsers revalidate, so a new widget.js reaches every host page at once.
NO_CACHE = {"Cache-Control": "no-cache"}
MIME = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8"}
STARTING = "助手正在启动，请稍后再试。"


class WidgetChannel(InputChannel):
    def __init__(self, tokens: ConversationTokens) -> None:
        self.tokens = tokens

    @classmethod
    def name(cls) -> str:
        return "widget"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> WidgetChannel:
        secret = os.environ.get("FUGONG_WIDGET_SECRET") or (credentials or {}).get("secret")
        return cls(ConversationTokens(load_secret(secret)))

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
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

        @widget.post("/conversations")
        async def new_conversation(_: Request) -> HTTPResponse:
            return response.json({"token": self.tokens.issue()}, status=201)

        @widget.post("/message")
        async def message(request: Request) -> HTTPResponse:
            conversation, refused = self._conversation(request)
            if refused:
                return refused
            try:
                text = checked_text(request.json.get("message"))
            except MessageRefused as bad:
                return error(bad.status, bad.code, bad.reply)
            if getattr(request.app.ctx, "agent", None) is None:
                return error(503, "starting", STARTING)
            collector = AnswerCollector()
            try:
                await on_new_message(UserMessage(text, collector, conversation, input_channel=self.name()))
            except Exception:  # the turn failed: say so; the widget shows it and does not send the message again
                logger.exception("A widget turn failed.")
                return error(500, "turn_failed", TURN_FAILED)
            return response.json({"messages": [_shown(m) for m in collector.messages]})

        @widget.post("/history")
        async def history(request: Request) -> HTTPResponse:
            conversation, refused = self._conversation(request)
            if refused:
                return refused
            agent = getattr(request.app.ctx, "agent", None)
            if agent is None or agent.tracker_store is None:
                return error(503, "starting", STARTING)
            # The whole record: for a turn, the tracker store may hand Rasa only the latest turns.
            tracker = await agent.tracker_store.retrieve_full_tracker(conversation)
            events = list(tracker.events) if tracker else []
            starts = [i for i, event in enumerate(events) if isinstance(event, SessionStarted)]
            events = events[starts[-1]:] if starts else events  # the latest session, as before
            return response.json({"messages": messages(events)})

        @widget.post("/feedback")
        async def feedback(request: Request) -> HTTPResponse:
            conversation, refused = self._conversation(request)
            if refused:
                return refused
            answer_id, vote = request.json.get("answer"), request.json.get("vote")
            if not isinstance(answer_id, str) or not ANSWER_ID.fullmatch(answer_id) or vote not in ("up", "down"):
                return error(400, "bad_vote", '评价的格式不对：{"token": …, "answer": …, "vote": "up" 或 "down"}')
            agent = getattr(request.app.ctx, "agent", None)
            if agent is None or agent.tracker_store is None:
                return error(503, "starting", STARTING)
            tracker = await agent.tracker_store.retrieve_full_tracker(conversation)
            answered = find_answer(tracker.events if tracker else [], answer_id)
            if answered is None:
                return error(404, "unknown_answer", "这个对话里没有这条回答。")
            if not await submit(Vote(self.name(), conversation, answered, helpful=vote == "up")):
                return error(503, "vote_not_stored", VOTE_NOT_STORED)
            return response.json({"vote": vote})

        return widget

    def _conversation(self, request: Request) -> tuple[str, HTTPResponse | None]:
        """The Rasa conversation id of the request's token, or the error to answer instead."""
        body = request.json  # a body that is not JSON: InvalidUsage, answered 400 by the guard
        if not isinstance(body, dict):
            return "", error(400, "not_an_object", '请求体必须是 JSON 对象：{"token": "…"}')
        conversation = self.tokens.conversation(body.get("token"))
        if conversation is None:
            return "", error(403, "bad_token", "对话凭证无效：请开始新的对话。")
        return conversation_id(self.name(), conversation), None


def _shown(message: dict[str, Any]) -> dict[str, Any]:
    """A collected message as the widget gets it: no recipient; an answer that can be voted on by its id only."""
    shown = {key: value for key, value in message.items() if key not in ("recipient_id", "answer")}
    answered = message.get("answer")
    if isinstance(answered, Answered):
        shown["answer"] = {"id": answered.answer_id}
    return shown


async def static_file(name: str) -> HTTPResponse:
    path = STATIC / name
    return await response.file(path, mime_type=MIME[path.suffix], headers=NO_CACHE)
