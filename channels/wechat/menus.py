"""What a WeChat message asks: the text Rasa reads, or an answer the channel gives itself.

The channel answers by itself a subscription (the welcome), a message type the bot cannot read, and a menu number
that selects nothing (the welcome again). A number selects from the latest menu shown to that user (the bot's
buttons, as a numbered list), even after answers without a menu; what it selects is what Rasa reads.
"""
from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass

from channels.wechat.replies import menu_number, unsupported_message_text, welcome
from channels.wechat.shared_state import SharedState
from channels.wechat.xml_message import InboundMessage


@dataclass(frozen=True)
class Reading:
    """Either the text for Rasa or the channel's own reply."""

    text: str | None = None
    reply: str | None = None


class MessageReader:
    """With `shared` (Redis), the menus are those every replica showed; the process's own memory answers while
    Redis fails."""

    def __init__(self, max_users: int = 10_000, shared: SharedState | None = None) -> None:
        self._max_users = max_users
        self._shared = shared
        self._menus: OrderedDict[str, dict[int, str]] = OrderedDict()  # by user, least recently shown first

    async def event_reply(self, message: InboundMessage) -> str | None:
        """The reply to an event: the welcome to a subscription, nothing to the others."""
        if message.event != "subscribe":
            return None  # unsubscribe, menu clicks, location reports…: nothing to say
        return await self._welcome(message.from_user)

    async def read(self, message: InboundMessage) -> Reading:
        """What the user's message (not an event) asks."""
        text = _user_text(message)
        if text is None:
            return Reading(reply=unsupported_message_text(message.msg_type))
        number = menu_number(text)
        if number is not None:
            text = (await self._menu(message.from_user)).get(number, "")
            if not text:  # a number that selects nothing: show the topics it could select
                return Reading(reply=await self._welcome(message.from_user))
        return Reading(text=text)

    async def remember(self, user: str, menu: dict[int, str]) -> None:
        """The menu just shown to `user`: a number selects from it from now on."""
        if menu:
            self._menus.pop(user, None)
            self._menus[user] = menu
            while len(self._menus) > self._max_users:
                self._menus.popitem(last=False)
            if self._shared is not None:
                await self._shared.remember_menu(user, menu)

    async def _menu(self, user: str) -> dict[int, str]:
        shared = await self._shared.menu(user) if self._shared is not None else None
        return shared if shared is not None else self._menus.get(user, {})

    async def _welcome(self, user: str) -> str:
        rendered = welcome()
        await self.remember(user, rendered.menu)
        return rendered.chunks[0]


def _user_text(message: InboundMessage) -> str | None:
    """What the user said, as text for Rasa; None for what the bot cannot read."""
    if message.msg_type == "text":
        text = message.content.strip()
    elif message.msg_type == "voice":
        text = message.recognition.strip()  # WeChat's speech recognition, when enabled
    else:
        text = ""
    return text or None
