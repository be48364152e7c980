"""Rasa's socket.io channel (events `user_uttered` / `bot_uttered`, `session_request` / `session_confirm`), with
its conversations kept apart and its messages bounded.

The conversation of a session is `socketio:<session_id>` (channels/conversations.py); replies still go to the
session's room. A message that is empty or over the length limit is answered in Chinese instead of reaching Rasa;
engine.io refuses packets over the body limit. Rasa 3.6 calls `AsyncServer.enter_room` without awaiting it, which
python-socketio made a coroutine in 5.10: requirements.in pins 5.9.0, else no reply would reach the client.
"""
from __future__ import annotations

from typing import Any

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketIOInput
from sanic import Blueprint

from channels.conversations import SENDER, OnNewMessage, namespaced
from channels.limits import MessageRefused, checked_text, current

BAD_SESSION = "会话编号无效，请重新连接。"


class SocketIOChannel(SocketIOInput):
    @classmethod
    def name(cls) -> str:
        return "socketio"

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        socketio = super().blueprint(_checked(namespaced(self.name(), on_new_message)))
        assert self.sio is not None  # set by Rasa's blueprint()
        self.sio.eio.max_http_buffer_size = current().max_body_bytes
        return socketio


def _checked(on_new_message: OnNewMessage) -> OnNewMessage:
    async def handle(message: UserMessage) -> Any:
        try:
            if not SENDER.fullmatch(message.sender_id):
                raise MessageRefused(400, "bad_session", BAD_SESSION)
            message.text = checked_text(message.text)
        except MessageRefused as refused:
            await message.output_channel.send_text_message(message.sender_id, refused.reply)
            return None
        return await on_new_message(message)

    return handle
