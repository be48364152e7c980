"""Answering within WeChat's 5 seconds: each Rasa turn runs as a task, once per message.

A request waits for its turn until the reply deadline (3.5 s after it arrived). If the turn is
done, the answer goes back passively in the HTTP response; if not, the request is answered
`success` at once and the answer is pushed through the customer-service API when it is ready.
WeChat retries a message up to three times: a retry joins the turn already running (it never runs
twice) and, if the answer is ready and was not pushed, gets it passively.

Rasa runs NLU and policies on the event loop, so every turn in progress delays every timer and
response of the server: the deadline fires late by up to one turn's computing (0.6 s measured on an
overloaded 2-core machine), hence 3.5 s rather than 4. The deadline counts from the moment the request
reached the server (`channel.arrival`), not from when its handler ran. Turns run inside
`channels.admission.deadline_turn()`: where that gate is configured, few Rasa turns run at once and
WeChat's go before the others (REST, widget). `max_concurrent_turns` bounds the WeChat turns in progress;
the others wait without using the loop, and a request whose turn is not done by the deadline answers.
What a message asks (its text, a menu number, the welcome) is `menus.MessageReader`'s.
"""

import asyncio
import enum
import logging
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any, Awaitable, Callable, Dict, List, Optional, Set

from prometheus_client import Counter

from channels.wechat.errors import DeliveryError
from channels.wechat.menus import MessageReader
from channels.wechat.replies import LATE_WITHOUT_PUSH, TURN_FAILED, Rendered, render_bot_messages, split_text
from channels.wechat.xml_message import InboundMessage

logger = logging.getLogger(__name__)
REPLIES = Counter("fugong_wechat_replies", "WeChat messages answered: passive (in the HTTP response, in time), "
                  "pushed (late: `success`, then the customer-service API) or apology (late, no AppSecret)",
                  ["channel", "delivery"])

# (sender, text, message id) -> Rasa's bot messages (CollectingOutputChannel dicts)
RunTurn = Callable[[str, str, str], Awaitable[List[Dict[str, Any]]]]
# (user, text) -> None: the customer-service API
PushText = Callable[[str, str], Awaitable[None]]


class Delivery(enum.Enum):
    PENDING = "pending"
    PASSIVE = "passive"  # answered in an HTTP response; a retry gets the same answer
    LATE = "late"  # answered at the deadline: `success` and a push, or an apology without push


@dataclass
class Turn:
    started: float
    delivery: Delivery = Delivery.PENDING
    rest_pushed: bool = False
    task: "asyncio.Task[Rendered]" = field(init=False)


class Turns:
    def __init__(
        self,
        run_turn: RunTurn,
        push: Optional[PushText],
        deadline: float = 3.5,
        clock: Callable[[], float] = time.monotonic,
        remember_seconds: float = 300.0,
        max_entries: int = 10_000,
        max_concurrent_turns: int = 4,
        turn_timeout: float = 60.0,
        channel: str = "wechat",
    ) -> None:
        self._run_turn = run_turn
        self._push = push
        self._deadline = deadline
        self._clock = clock
        self._remember_seconds = remember_seconds
        self._max_entries = max_entries
        self._turns: "OrderedDict[str, Turn]" = OrderedDict()
        self._reader = MessageReader(max_entries)  # what a message asks; the menus shown
        self._background: Set["asyncio.Task[None]"] = set()
        self._slots = asyncio.Semaphore(max_concurrent_turns)
        self._turn_timeout = turn_timeout  # a hung turn (say, a stuck action server) must free its slot
        self._replies = {delivery: REPLIES.labels(channel, delivery) for delivery in ("passive", "pushed", "apology")}

    async def answer(self, message: InboundMessage, received_at: float) -> Optional[str]:
        """The passive reply text for `message`, or None to answer `success`.

        `received_at` is the `clock()` time the request arrived: the deadline counts from there.
        """
        if message.msg_type == "event":
            return self._reader.event_reply(message)
        turn = self._turns.get(message.dedup_key)
        if turn is None:
            reading = self._reader.read(message)
            if reading.text is None:
                return reading.reply
            turn = self._start_turn(message, reading.text)
        return await self._await_turn(turn, message.from_user, received_at)

    def _start_turn(self, message: InboundMessage, text: str) -> Turn:
        self._forget_old_turns()
        turn = Turn(started=self._clock())
        turn.task = asyncio.create_task(self._run(turn, message.from_user, text, message.msg_id))
        self._turns[message.dedup_key] = turn
        return turn

    async def _run(self, turn: Turn, sender: str, text: str, message_id: str) -> Rendered:
        try:
            async with self._slots:
                if turn.delivery is Delivery.LATE and self._push is None:
                    return Rendered([])  # apologised for at the deadline, nowhere to push: skip it
                messages = await asyncio.wait_for(self._run_turn(sender, text, message_id), self._turn_timeout)
        except asyncio.TimeoutError:
            logger.error("A Rasa turn for a WeChat message took over %.0f s: cancelled.", self._turn_timeout)
            return Rendered(split_text(TURN_FAILED))
        except Exception:  # the task's boundary: log the bug and apologise, never fail silently
            logger.exception("The Rasa turn for a WeChat message failed.")
            return Rendered(split_text(TURN_FAILED))
        rendered = render_bot_messages(messages)
        self._reader.remember(sender, rendered.menu)
        return rendered

    async def _await_turn(self, turn: Turn, user: str, received_at: float) -> Optional[str]:
        if turn.delivery is Delivery.LATE:
            return None
        remaining = self._deadline - (self._clock() - received_at)
        try:
            rendered = await asyncio.wait_for(asyncio.shield(turn.task), max(remaining, 0.0))
        except asyncio.TimeoutError:
            return self._answer_late(turn, user)
        except asyncio.CancelledError:  # WeChat hung up: the answer must still reach the user
            self._answer_late(turn, user)
            raise
        if turn.delivery is Delivery.LATE:  # an earlier request for this message gave up
            return None
        if turn.delivery is Delivery.PENDING:  # counted once per message, not per retry
            self._replies["passive"].inc()
        turn.delivery = Delivery.PASSIVE
        if not rendered.chunks:
            return None
        if len(rendered.chunks) > 1 and not turn.rest_pushed:
            turn.rest_pushed = True
            self._spawn(self._push_chunks(user, rendered.chunks[1:]))
        return rendered.chunks[0]

    def _answer_late(self, turn: Turn, user: str) -> Optional[str]:
        if turn.delivery is not Delivery.PENDING:
            return None
        turn.delivery = Delivery.LATE
        if self._push is None:
            self._replies["apology"].inc()
            logger.warning("A WeChat answer missed the deadline and no AppSecret is set to push it.")
            return LATE_WITHOUT_PUSH
        self._replies["pushed"].inc()
        logger.info("A WeChat answer missed the %.1f s deadline: pushing it later.", self._deadline)
        self._spawn(self._push_when_done(turn, user))
        return None

    async def _push_when_done(self, turn: Turn, user: str) -> None:
        rendered = await turn.task
        await self._push_chunks(user, rendered.chunks)

    async def _push_chunks(self, user: str, chunks: List[str]) -> None:
        if self._push is None:
            logger.warning("No AppSecret is set: %d part(s) of a long answer are not sent.", len(chunks))
            return
        for chunk in chunks:
            try:
                await self._push(user, chunk)
            except DeliveryError as error:
                logger.error("Could not push a WeChat answer: %s", error)
                return

    def _spawn(self, coroutine: Awaitable[None]) -> None:
        task = asyncio.ensure_future(coroutine)
        self._background.add(task)  # keep a reference until done, or the task may be collected
        task.add_done_callback(self._background.discard)

    async def drain(self) -> None:
        """Wait for pending pushes (tests, shutdown)."""
        while self._background:
            await asyncio.gather(*self._background)

    def _forget_old_turns(self) -> None:
        horizon = self._clock() - self._remember_seconds
        while self._turns:
            oldest = next(iter(self._turns.values()))
            if oldest.started >= horizon and len(self._turns) < self._max_entries:
                break
            self._turns.popitem(last=False)
