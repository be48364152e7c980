"""Every message gets an answer, and each answer is counted by what it was.

`handle_message` wraps Rasa's `Agent.handle_message` (installed by `rasa_speedups.failures`): the bot messages of a
turn are held until the turn is stored; if the turn fails (a store, the lock, anything unexpected) the user gets the
apology instead, on every channel, and never context that is about to be lost. The turn's outcome comes from its bot
messages: `metadata.outcome` is `not_found`, `out_of_scope` or `fallback` when an action says so, `error` on the
apology, else `answered`.
"""
from __future__ import annotations

import logging
import re
import time
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from typing import Any

from prometheus_client import Counter, Histogram
from rasa.core.channels.channel import CollectingOutputChannel, OutputChannel, UserMessage

from .episodes import LOCK_STORE, TRACKER_STORE

logger = logging.getLogger(__name__)

OUTCOMES = ("answered", "fallback", "out_of_scope", "not_found", "error")  # a turn takes the last its messages have
MESSAGES = Counter("fugong_messages", "User messages, by channel and by what the bot answered",
                   ["channel", "outcome"])
TURN_SECONDS = Histogram("fugong_turn_seconds", "Time from a message reaching Rasa to its answer, by channel",
                         ["channel"], buckets=(0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0))
_CHANNEL_NAME = re.compile(r"[a-z][a-z0-9_]{0,31}")
# The channels the server was started with (channels.health sets them): a REST client may name any `input_channel`,
# and metric labels must stay few.
known_channels: set[str] = set()
# The outcome of the turn the current request ran (channels.health turns a REST `error` into 503).
turn_outcome: ContextVar[str | None] = ContextVar("turn_outcome", default=None)


class TrackerStoreUnavailable(Exception):
    """The tracker store failed: the turn is answered with the apology rather than kept in memory only."""


class HeldReplies(OutputChannel):
    """Holds a turn's bot messages until the turn is done, then sends them through the user's channel."""

    def __init__(self, channel: OutputChannel):
        self.channel = channel
        self.held: list[tuple[str, dict[str, Any]]] = []

    # Rasa's NLG picks channel-specific responses by this name: the held channel's, so an instance method where
    # Rasa's is a classmethod.
    def name(self) -> str:  # type: ignore[override]
        return self.channel.name()

    async def send_response(self, recipient_id: str, message: dict[str, Any]) -> None:
        self.held.append((recipient_id, message))

    def outcome(self) -> str:
        return max((_outcome_of(message) for _, message in self.held), key=OUTCOMES.index, default="answered")

    async def release(self) -> None:
        for recipient_id, message in self.held:
            await self.channel.send_response(recipient_id, message)


def _outcome_of(message: dict[str, Any]) -> str:
    metadata = message.get("metadata")
    outcome = metadata.get("outcome") if isinstance(metadata, dict) else None
    return outcome if outcome in OUTCOMES else "answered"


def channel_label(message: UserMessage) -> str:
    name = message.input_channel or ""
    return name if name in known_channels and _CHANNEL_NAME.fullmatch(name) else "other"


async def handle_message(agent: Any, message: UserMessage, rasa_handle: Callable[[Any, UserMessage], Awaitable[Any]],
                         apology: dict[str, Any]) -> list[dict[str, Any]] | None:
    """Rasa's `Agent.handle_message`, answering with `apology` when the turn fails."""
    started = time.perf_counter()
    channel = message.output_channel
    held = message.output_channel = HeldReplies(channel)
    try:
        if not agent.is_ready():
            raise RuntimeError("no model is loaded")
        await rasa_handle(agent, message)
        TRACKER_STORE.worked()  # the turn was read and stored
        LOCK_STORE.worked()
    except TrackerStoreUnavailable:  # counted and logged by the store's episode
        held.held = [(message.sender_id, dict(apology))]
    except Exception as error:
        if _is_lock_store_error(error):
            LOCK_STORE.failed(error)
        else:
            logger.exception("A turn failed: the user gets the apology.")
        held.held = [(message.sender_id, dict(apology))]
    finally:
        message.output_channel = channel
    outcome = held.outcome()
    await held.release()
    label = channel_label(message)
    MESSAGES.labels(label, outcome).inc()
    TURN_SECONDS.labels(label).observe(time.perf_counter() - started)
    turn_outcome.set(outcome)
    return channel.messages if isinstance(channel, CollectingOutputChannel) else None


def _is_lock_store_error(error: Exception) -> bool:
    from rasa.core.lock_store import LockError
    from redis.exceptions import RedisError

    return isinstance(error, (LockError, RedisError))
