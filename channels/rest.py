"""Rasa's REST channel (`POST /webhooks/rest/webhook`), with its conversations kept apart and its input checked.

Same URL and JSON as Rasa's: `{"sender": "...", "message": "..."}` in, the bot's messages out. Differences:
the conversation is `rest:<sender>` (channels/conversations.py), so REST can never reach a WeChat, socketio or
widget conversation; `sender` is required (Rasa would put every anonymous client in one conversation, "default");
a body that is not such an object gets 400 and a message over the length limit 413, both as JSON, before Rasa
reads anything.
"""
from __future__ import annotations

from rasa.core.channels.rest import RestInput
from sanic import Blueprint
from sanic.request import Request
from sanic.response import HTTPResponse

from channels.conversations import SENDER, OnNewMessage, namespaced
from channels.guard.bodies import error
from channels.limits import MessageRefused, checked_text


class RestChannel(RestInput):
    @classmethod
    def name(cls) -> str:
        return "rest"

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        rest = super().blueprint(namespaced(self.name(), on_new_message))
        rest.middleware("request")(_checked_request)
        return rest


async def _checked_request(request: Request) -> HTTPResponse | None:
    """Refuse what Rasa's handler would turn into a 500 or a shared conversation; clean the message in place."""
    if request.method != "POST":
        return None
    body = request.json  # a body that is not JSON: InvalidUsage, answered 400 by the guard
    if not isinstance(body, dict):
        return error(400, "not_an_object", '请求体必须是 JSON 对象：{"sender": "…", "message": "…"}')
    if not isinstance(body.get("sender"), str) or not SENDER.fullmatch(body["sender"]):
        return error(400, "bad_sender", "sender 必须是 1–128 个字符的字符串，用来区分对话。")
    if not isinstance(body.get("metadata", {}), (dict, type(None))):
        return error(400, "bad_metadata", "metadata 必须是 JSON 对象。")
    try:
        body["message"] = checked_text(body.get("message"))
    except MessageRefused as refused:
        return error(refused.status, refused.code, refused.reply)
    return None

