"""What a WeChat message asks: the text Rasa reads, or an answer the channel gives itself.

The channel answers by itself a subscription (the welcome), a message type the bot cannot read, a menu number
that selects nothing (the welcome again), and a 1 or 2 right after an answer that asked for a vote (VOTE_PROMPT:
the vote is stored, channels/feedback.py; a vote the store refuses is not thanked: the user is told, and asked
again). A number selects from the latest menu shown to that user (the bot's buttons, as a numbered list), even
after answers without a menu; what it selects is what Rasa reads.
"""
from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass

from channels.conversations import conversation_id
from channels.feedback import Answered, Vote, submit
from channels.wechat.replies import VOTE_ASKED_AGAIN, VOTE_THANKS, menu_number, unsupported_message_text, welcome
from channels.wechat.shared_state import Prompt, SharedState
from channels.wechat.xml_message import InboundMessage


@dataclass(frozen=True)
class Reading:
    """Either the text for Rasa or the channel's own reply."""

    text: str | None = None
    reply: str | None = None


class MessageReader:
    """A number answers the prompt shown last to its user (a menu or the vote prompt: showing one drops the other).
    With `shared` (Redis), the one any replica showed; the process's own memory answers while Redis fails."""

    def __init__(self, max_users: int = 10_000, shared: SharedState | None = None, channel: str = "wechat") -> None:
        self._max_users = max_users
        self._shared = shared
        self._channel = channel
        self._prompts: OrderedDict[str, Prompt] = OrderedDict()  # by user, least recently shown first

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
        prompt = await self._take_prompt(message.from_user)
        if prompt.vote_on is not None and number in (1, 2):
            return Reading(reply=await self._vote(message.from_user, prompt.vote_on, helpful=number == 1))
        if number is not None:
            text = prompt.menu.get(number, "")
            if not text:  # a number that selects nothing: show the topics it could select
                return Reading(reply=await self._welcome(message.from_user))
        return Reading(text=text)

    async def remember(self, user: str, menu: dict[int, str]) -> None:
        """The menu just shown to `user`: a number selects from it from now on."""
        if menu:
            await self._show(user, Prompt(menu=menu))

    async def ask_for_vote(self, user: str, answered: Answered) -> None:
        """`user` was just asked to vote on `answered`: their next 1 or 2 votes, and no menu shown before counts."""
        await self._show(user, Prompt(vote_on=answered))

    async def _show(self, user: str, prompt: Prompt) -> None:
        self._prompts.pop(user, None)
        self._prompts[user] = prompt
        while len(self._prompts) > self._max_users:
            self._prompts.popitem(last=False)
        if self._shared is not None:
            await self._shared.remember_prompt(user, prompt)

    async def _take_prompt(self, user: str) -> Prompt:
        """What `user`'s message answers; a vote prompt is taken, for it holds for that message only."""
        own = self._prompts.get(user, Prompt())
        if own.vote_on is not None:
            del self._prompts[user]
        shared = await self._shared.take_prompt(user) if self._shared is not None else None
        return shared if shared is not None else own

    async def _vote(self, user: str, answered: Answered, helpful: bool) -> str:
        """Thanks for a stored vote; for one not stored (logged and counted by `submit`), the prompt again."""
        if await submit(Vote(self._channel, conversation_id(self._channel, user), answered, helpful)):
            return VOTE_THANKS[helpful]
        await self.ask_for_vote(user, answered)
        return VOTE_ASKED_AGAIN

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
