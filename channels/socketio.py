"""Rasa's socket.io channel (events `user_uttered` / `bot_uttered`, `session_request` / `session_confirm`), with
its conversations kept apart and its messages bounded.

The conversation of a session is `socketio:<session_id>` (channels/conversations.py); replies still go to the
session's room. A message that is empty or over the length limit is answered in Chinese instead of reaching Rasa;
engine.io refuses packets over the body limit.

Rasa 3.6 calls `AsyncServer.enter_room` without awaiting it, and python-socketio made it a coroutine in 5.10: the
session never joined its room and no reply reached a client. python-socketio 5.9 would fix that, but versions before
5.16.2 let one client make the server buffer binary attachments without end (CVE-2026-48804). So the current
python-socketio stays, and this channel's server runs `enter_room` as a task when Rasa calls it without await.
"""
from __future__ import annotations

import asyncio
import inspect
from typing import Any

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketIOInput
from sanic import Blueprint
from socketio import AsyncServer

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
        _enter_rooms_rasa_does_not_await(self.sio)
        return socketio


def _enter_rooms_rasa_does_not_await(sio: AsyncServer) -> None:
    """`sio.enter_room(…)` schedules the coroutine and returns its task, which the caller may await or not."""
    enter_room = sio.enter_room
    if not inspect.iscoroutinefunction(enter_room):
        return  # python-socketio before 5.10: a plain call, as Rasa expects
    running: set[asyncio.Task[Any]] = set()  # the loop keeps only weak references to tasks

    def scheduled(sid: str, room: str, namespace: str | None = None) -> asyncio.Task[Any]:
        task: asyncio.Task[Any] = asyncio.ensure_future(enter_room(sid, room, namespace=namespace))
        running.add(task)
        task.add_done_callback(running.discard)
        return task

    sio.enter_room = scheduled


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
