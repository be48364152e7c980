"""Conversations belong to their channel: the id Rasa stores a conversation under is `<channel>:<sender>`.

A WeChat OpenID, a REST `sender`, a socketio session and a widget conversation therefore never meet in one
tracker, whatever id a client sends: REST can only ever address `rest:…` conversations.
"""
from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import OutputChannel, UserMessage

OnNewMessage = Callable[[UserMessage], Awaitable[Any]]
# What a client may use as its sender id: 1–128 characters, no control characters (SQL stores keep 255).
SENDER = re.compile(r"[^\x00-\x1f\x7f]{1,128}")


def conversation_id(channel: str, sender: str) -> str:
    return f"{channel}:{sender}"


def namespaced(channel: str, on_new_message: OnNewMessage) -> OnNewMessage:
    """`on_new_message` for a channel whose messages carry the sender id the client chose.

    Rasa sees `<channel>:<sender>` and `channel` as input channel (a REST client's `input_channel` field is
    ignored); the output channel still sees the client's own id, so a socketio reply reaches its room and a REST
    reply names the sender the client sent.
    """

    async def handle(message: UserMessage) -> Any:
        return await on_new_message(UserMessage(
            message.text, _Recipient(message.output_channel, message.sender_id),
            conversation_id(channel, message.sender_id), input_channel=channel, message_id=message.message_id,
            metadata=message.metadata))

    return handle


class _Recipient(OutputChannel):
    """The channel's output channel, addressed with the client's sender id instead of the conversation id."""

    def __init__(self, output: OutputChannel, sender_id: str) -> None:
        self.output, self.sender_id = output, sender_id

    def name(self) -> str:  # type: ignore[override]  # Rasa picks channel-specific responses by this name
        return self.output.name()

    async def send_response(self, recipient_id: str, message: dict[str, Any]) -> None:
        await self.output.send_response(self.sender_id, message)
