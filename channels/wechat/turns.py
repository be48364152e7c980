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
WeChat's go before the others (REST, widget). `max_concurrent_turns` bounds the WeChat turns in progress
of this process (per replica); the others wait without using the loop, and a request whose turn is not done
by the deadline answers. What a message asks (its text, a menu number, the welcome) is `menus.MessageReader`'s.

With several replicas (`shared`: channels/wechat/shared_state.py) a retry may reach a replica that does not run the
message's turn. It waits, until its own deadline, for the answer the owner stores, and takes it passively unless it
was pushed; at the deadline it marks the message late (the owner pushes the answer when done). If the owner died
before answering, the retry runs the turn itself.
"""
from __future__ import annotations

import asyncio
import enum
import logging
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from contextlib import AbstractAsyncContextManager, nullcontext
from dataclasses import dataclass, field, replace
from typing import Any

from prometheus_client import Counter

from channels.apology import TURN_FAILED
from channels.wechat.errors import DeliveryError
from channels.wechat.menus import MessageReader
from channels.wechat.replies import LATE_WITHOUT_PUSH, Rendered, render_bot_messages, split_text
from channels.wechat.shared_state import ELSEWHERE, LATE, PASSIVE, SharedState
from channels.wechat.xml_message import InboundMessage

logger = logging.getLogger(__name__)
REPLIES = Counter("fugong_wechat_replies", "WeChat messages answered: passive (in the HTTP response, in time), "
                  "pushed (late: `success`, then the customer-service API) or apology (late, no AppSecret)",
                  ["channel", "delivery"])
POLL_SECONDS = 0.05  # how often a retry checks the answer another replica is computing

# (sender, text, message id) -> Rasa's bot messages (CollectingOutputChannel dicts)
RunTurn = Callable[[str, str, str], Awaitable[list[dict[str, Any]]]]
# (user, text) -> None: the customer-service API
PushText = Callable[[str, str], Awaitable[None]]


class Delivery(enum.Enum):
    PENDING = "pending"
    PASSIVE = "passive"  # answered in an HTTP response; a retry gets the same answer
    LATE = "late"  # answered at the deadline: `success` and a push, or an apology without push


@dataclass
class Turn:
    key: str
    started: float
    delivery: Delivery = Delivery.PENDING
    rest_pushed: bool = False
    task: asyncio.Task[Rendered] = field(init=False)

    @property
    def late(self) -> bool:
        """Answered `success` or the apology at a deadline (read again after each await: other requests change it)."""
        return self.delivery is Delivery.LATE


class Turns:
    def __init__(
        self,
        run_turn: RunTurn,
        push: PushText | None,
        deadline: float = 3.5,
        clock: Callable[[], float] = time.monotonic,
        remember_seconds: float = 300.0,
        max_entries: int = 10_000,
        max_concurrent_turns: int = 4,
        turn_timeout: float = 60.0,
        channel: str = "wechat",
        shared: SharedState | None = None,
    ) -> None:
        self._run_turn = run_turn
        self._push = push
        self._deadline = deadline
        self._clock = clock
        self._remember_seconds = remember_seconds
        self._max_entries = max_entries
        self._shared = shared
        self._turns: OrderedDict[str, Turn] = OrderedDict()  # the turns this process runs
        self._reader = MessageReader(max_entries, shared, channel)  # what a message asks; the menus and votes
        self._background: set[asyncio.Future[None]] = set()
        self._slots = asyncio.Semaphore(max_concurrent_turns)
        self._turn_timeout = turn_timeout  # a hung turn (say, a stuck action server) must free its slot
        self._replies = {delivery: REPLIES.labels(channel, delivery) for delivery in ("passive", "pushed", "apology")}

    async def answer(self, message: InboundMessage, received_at: float) -> str | None:
        """The passive reply text for `message`, or None to answer `success`.

        `received_at` is the `clock()` time the request arrived: the deadline counts from there.
        """
        if message.msg_type == "event":
            return await self._reader.event_reply(message)
        turn = self._turns.get(message.dedup_key)
        if turn is None:
            reading = await self._reader.read(message)
            if reading.text is None:
                return reading.reply
            if self._shared is not None and await self._shared.claim(message.dedup_key) == ELSEWHERE:
                return await self._answer_from_elsewhere(self._shared, message, reading.text, received_at)
            turn = self._start_turn(message, reading.text)
        return await self._await_turn(turn, message.from_user, received_at)

    def _start_turn(self, message: InboundMessage, text: str) -> Turn:
        self._forget_old_turns()
        turn = Turn(message.dedup_key, started=self._clock())
        turn.task = asyncio.create_task(self._run(turn, message.from_user, text, message.msg_id))
        self._turns[message.dedup_key] = turn
        return turn

    async def _run(self, turn: Turn, sender: str, text: str, message_id: str) -> Rendered:
        async with self._owning(turn.key):
            rendered = await self._rasa_answer(turn, sender, text, message_id)
            await self._reader.remember(sender, rendered.menu)
            if rendered.vote_on is not None:
                await self._reader.ask_for_vote(sender, replace(rendered.vote_on, question=text))
            if self._shared is not None and await self._shared.finish(turn.key, rendered.chunks) == LATE:
                self._late_elsewhere(turn, sender)
        return rendered

    async def _rasa_answer(self, turn: Turn, sender: str, text: str, message_id: str) -> Rendered:
        try:
            async with self._slots:
                if turn.late and self._push is None:
                    return Rendered([])  # apologised for at the deadline, nowhere to push: skip it
                messages = await asyncio.wait_for(self._run_turn(sender, text, message_id), self._turn_timeout)
        except asyncio.TimeoutError:
            logger.error("A Rasa turn for a WeChat message took over %.0f s: cancelled.", self._turn_timeout)
            return Rendered(split_text(TURN_FAILED))
        except Exception:  # the task's boundary: log the bug and apologise, never fail silently
            logger.exception("The Rasa turn for a WeChat message failed.")
            return Rendered(split_text(TURN_FAILED))
        return render_bot_messages(messages)

    def _owning(self, key: str) -> AbstractAsyncContextManager[None]:
        return self._shared.owning(key) if self._shared is not None else nullcontext()

    def _late_elsewhere(self, turn: Turn, user: str) -> None:
        """Another replica answered a retry of this message `success` at its deadline: this one pushes."""
        if turn.delivery is Delivery.PENDING:
            turn.delivery = Delivery.LATE
            if self._push is not None:  # else that replica apologised
                self._spawn(self._push_when_done(turn, user, decided=True))

    async def _await_turn(self, turn: Turn, user: str, received_at: float) -> str | None:
        if turn.late:
            return None
        remaining = self._deadline - (self._clock() - received_at)
        try:
            rendered = await asyncio.wait_for(asyncio.shield(turn.task), max(remaining, 0.0))
        except asyncio.TimeoutError:
            return self._answer_late(turn, user)
        except asyncio.CancelledError:  # WeChat hung up: the answer must still reach the user
            self._answer_late(turn, user)
            raise
        if turn.late:  # an earlier request for this message gave up
            return None
        if self._shared is not None and (await self._shared.deliver(turn.key, PASSIVE))[0] == LATE:
            turn.delivery = Delivery.LATE  # a retry elsewhere answered `success`: the push is on its way
            return None
        if turn.delivery is Delivery.PENDING:  # counted once per message, not per retry
            self._replies["passive"].inc()
        turn.delivery = Delivery.PASSIVE
        if len(rendered.chunks) > 1 and not turn.rest_pushed:
            turn.rest_pushed = True
            self._spawn(self._push_rest(turn.key, user, rendered.chunks[1:]))
        return rendered.chunks[0] if rendered.chunks else None

    def _answer_late(self, turn: Turn, user: str) -> str | None:
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

    async def _push_when_done(self, turn: Turn, user: str, decided: bool = False) -> None:
        """Pushes the turn's answer; unless `decided` elsewhere, only if no replica gave it passively meanwhile."""
        rendered = await turn.task
        if not decided and self._shared is not None and (await self._shared.deliver(turn.key, LATE))[0] != LATE:
            return  # a retry on another replica got the answer passively
        await self._push_chunks(user, rendered.chunks)

    async def _answer_from_elsewhere(self, shared: SharedState, message: InboundMessage, text: str,
                                     received_at: float) -> str | None:
        """A retry of a message whose turn another replica runs (see the module's docstring)."""
        key, user = message.dedup_key, message.from_user
        while True:
            record = await shared.record(key)
            if record is None or (record.chunks is None and not record.owner_alive):
                if await shared.claim(key) != ELSEWHERE:  # expired, or its owner died: run it here
                    return await self._await_turn(self._start_turn(message, text), user, received_at)
            elif record.delivery == LATE:
                return None
            elif record.chunks is not None:
                delivery, changed = await shared.deliver(key, PASSIVE)
                if delivery == LATE:
                    return None
                if changed:
                    self._replies["passive"].inc()
                    if len(record.chunks) > 1:
                        self._spawn(self._push_rest(key, user, record.chunks[1:]))
                return record.chunks[0] if record.chunks else None
            elif self._clock() - received_at >= self._deadline:
                delivery, changed = await shared.deliver(key, LATE, unless_ready=True)
                if delivery == LATE:
                    if changed:
                        self._replies["pushed" if self._push else "apology"].inc()
                    return None if self._push else LATE_WITHOUT_PUSH
                continue  # the answer was stored just now: take it passively
            await asyncio.sleep(POLL_SECONDS)

    async def _push_rest(self, key: str, user: str, chunks: list[str]) -> None:
        """The rest of a long answer given passively, pushed by one replica only."""
        if self._shared is None or await self._shared.claim_rest(key):
            await self._push_chunks(user, chunks)

    async def _push_chunks(self, user: str, chunks: list[str]) -> None:
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
