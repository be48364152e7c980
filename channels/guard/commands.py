"""Text that looks like a command (`/restart`, `/ask_question{"department": "x"}`) is executed only when the bot itself
offered it in this conversation, as the payload of a button (the widget's quick replies, WeChat's numbered menu).

Rasa 3.6 reads any text starting with `/` as an intent with entities, bypassing NLU (RegexMessageHandler, the
last node of every NLU graph): from any channel, anyone could restart a conversation or set its slots. Every
channel's message reaches `MessageProcessor.parse_message` with the conversation's tracker, under the
conversation's lock, so that is where the guard sits: an offered payload is parsed as Rasa parses it, anything
else is parsed with its slash made full-width (NLU reads the same words; RegexMessageHandler sees no command). The
stored message keeps the user's text. This is an override of Rasa internals: it checks the version and the
method's signature before it patches (`rasa_speedups.compat`), and tests/security/test_privacy.py checks it against
Rasa's own behaviour.
"""
from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

from rasa.core.channels.channel import UserMessage
from rasa.core.processor import MessageProcessor
from rasa.shared.constants import INTENT_MESSAGE_PREFIX
from rasa.shared.core.events import BotUttered, Event
from rasa.shared.core.trackers import DialogueStateTracker

from rasa_speedups.compat import Hook, require

logger = logging.getLogger(__name__)

AS_WORDS = "／"  # FULLWIDTH SOLIDUS: the same word boundary to the tokenizer, no command to Rasa
PARSE_MESSAGE = Hook("rasa.core.processor:MessageProcessor.parse_message",
                     ("self", "message", "tracker", "only_output_properties"), coroutine=True)


def offered_payloads(events: Iterable[Event]) -> set[str]:
    return {button["payload"] for event in events if isinstance(event, BotUttered)
            for button in event.data.get("buttons") or [] if isinstance(button.get("payload"), str)}


def words_for_nlu(text: str | None, tracker: DialogueStateTracker | None) -> str | None:
    """The text NLU should read instead of `text`, or None when `text` may be parsed as it is."""
    if not text or not text.startswith(INTENT_MESSAGE_PREFIX):
        return None
    if tracker is not None and text in offered_payloads(tracker.events):
        return None
    return AS_WORDS + text[len(INTENT_MESSAGE_PREFIX):]


def install() -> None:
    """Patch MessageProcessor.parse_message once per process; refuse to run on a Rasa it was not written for."""
    original = MessageProcessor.parse_message
    if getattr(original, "guards_commands", False):
        return
    require(PARSE_MESSAGE)

    async def parse_message(self: MessageProcessor, message: UserMessage,
                            tracker: DialogueStateTracker | None = None,
                            only_output_properties: bool = True) -> dict[str, Any]:
        words = words_for_nlu(message.text, tracker)
        if words is None:
            return await original(self, message, tracker, only_output_properties)
        text = message.text or ""
        logger.info("Read %d characters of text starting with %r as words: the bot offered no such button.",
                    len(text), text[:40])
        as_words = UserMessage(words, message.output_channel, message.sender_id, message.parse_data,
                               message.input_channel, message.message_id, message.metadata)
        parse_data = await original(self, as_words, tracker, only_output_properties)
        parse_data["text"] = message.text
        return parse_data

    parse_message.guards_commands = True  # type: ignore[attr-defined]
    MessageProcessor.parse_message = parse_message  # type: ignore[method-assign]
