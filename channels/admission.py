"""Admission control: few Rasa turns at a time, turns with a deadline first, REST waiting in a bounded queue.

Rasa computes NLU and policies on its event loop, so every turn in progress slows every timer and every
response of the server. Beside 30 REST users, WeChat turns (answered within 5 s or never) waited seconds for
the loop: 36 of 40 WeChat replies were apologies (issue 10). So, with this channel configured:

- at most `max_running_turns` Rasa turns run at once, whatever their channel; the others wait, parked;
- a turn with a deadline (run inside `deadline_turn()`: WeChat's) goes before every waiting turn without one;
- a REST message that would make more than `max_waiting_turns` turns wait is refused before Rasa sees it:
  503 with `Retry-After` (the web widget keeps the message and sends it again).

It is a channel only to be configured in credentials.yml beside the others; it serves no route:

    channels.admission.AdmissionControl:
      max_running_turns: 2
      max_waiting_turns: 32
      retry_after: 1
"""
from __future__ import annotations

import asyncio
import contextlib
import contextvars
import logging
import time
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import Any

from prometheus_client import Counter, Histogram
from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse

logger = logging.getLogger(__name__)

REST_WEBHOOK = "/webhooks/rest/webhook"
BUSY_TEXT = "服务繁忙，请稍后再发送。"
REFUSED = Counter("fugong_turns_refused", "Messages refused with 503 because too many turns were waiting")
WAITED = Histogram("fugong_turn_wait_seconds", "Time a turn waited for the admission gate, by whether it had a "
                   "deadline (WeChat)", ["deadline"], buckets=(0.01, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0))
_DEADLINE = contextvars.ContextVar("fugong_turn_has_deadline", default=False)


@contextlib.contextmanager
def deadline_turn() -> Iterator[None]:
    """Turns started in this block (in this task) have a deadline: the gate lets them go first."""
    token = _DEADLINE.set(True)
    try:
        yield
    finally:
        _DEADLINE.reset(token)


class TurnGate:
    """A semaphore with two queues: turns with a deadline, then the others, each first come first served."""

    def __init__(self, max_running: int = 2, max_waiting: int = 32) -> None:
        if max_running < 1 or max_waiting < 0:
            raise ValueError("max_running must be at least 1 and max_waiting not negative")
        self.max_running, self.max_waiting = max_running, max_waiting
        self.running = 0
        self._urgent: deque[asyncio.Future[None]] = deque()
        self._others: deque[asyncio.Future[None]] = deque()

    @property
    def waiting(self) -> int:
        """Turns without a deadline waiting (the bounded queue)."""
        return len(self._others)

    def full(self) -> bool:
        """A turn without a deadline would have to wait, and `max_waiting` already do."""
        must_wait = self.running >= self.max_running or bool(self._urgent or self._others)
        return must_wait and self.waiting >= self.max_waiting

    @contextlib.asynccontextmanager
    async def turn(self, deadline: bool) -> AsyncIterator[None]:
        started = time.perf_counter()
        await self._acquire(deadline)
        WAITED.labels(str(deadline).lower()).observe(time.perf_counter() - started)
        try:
            yield
        finally:
            self._release()

    async def _acquire(self, deadline: bool) -> None:
        if self.running < self.max_running and not self._urgent and (deadline or not self._others):
            self.running += 1
            return
        ticket = asyncio.get_running_loop().create_future()
        queue = self._urgent if deadline else self._others
        queue.append(ticket)
        try:
            await ticket  # resolved by `_release`, which hands its slot over
        except asyncio.CancelledError:
            if ticket.done() and not ticket.cancelled():
                self._release()  # the slot came with the cancellation: pass it on
            else:
                queue.remove(ticket)
            raise

    def _release(self) -> None:
        for queue in (self._urgent, self._others):
            while queue:
                ticket = queue.popleft()
                if not ticket.done():
                    ticket.set_result(None)  # the slot goes to the next turn; `running` stays
                    return
        self.running -= 1


HandleMessage = Callable[[UserMessage], Awaitable[Any]]


def through(gate: TurnGate, handle_message: HandleMessage) -> HandleMessage:
    """`handle_message` (Rasa's `Agent.handle_message`) admitted by `gate`."""

    async def handle(message: UserMessage, *args: Any, **kwargs: Any) -> Any:
        async with gate.turn(deadline=_DEADLINE.get()):
            return await handle_message(message, *args, **kwargs)

    handle.gate = gate  # type: ignore[attr-defined]
    return handle


class AdmissionControl(InputChannel):
    """Puts every turn of the agent through a `TurnGate` and refuses REST messages when its queue is full."""

    @classmethod
    def name(cls) -> str:
        return "admission"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> AdmissionControl:
        return cls(**(credentials or {}))

    def __init__(self, max_running_turns: int = 2, max_waiting_turns: int = 32, retry_after: int = 1,
                 paths: tuple[str, ...] | list[str] = (REST_WEBHOOK,)) -> None:
        self.gate = TurnGate(int(max_running_turns), int(max_waiting_turns))
        self.retry_after = max(1, int(retry_after))
        self.paths = frozenset(paths)
        self._refusing = 0  # refusals in the current overload episode (logged when it starts and ends)

    def blueprint(self, on_new_message: HandleMessage) -> Blueprint:
        admission = Blueprint("admission", __name__)

        @admission.before_server_start
        async def install(app: Sanic, _loop: Any) -> None:
            app.register_middleware(self.admit, "request")

        return admission

    def admit(self, request: Request) -> HTTPResponse | None:
        """Request middleware: gate the agent's turns (it may have been replaced); refuse when full."""
        agent = getattr(request.app.ctx, "agent", None)
        if agent is not None and getattr(agent.handle_message, "gate", None) is not self.gate:
            agent.handle_message = through(self.gate, agent.handle_message)
        if request.method != "POST" or request.path not in self.paths:
            return None
        if not self.gate.full():
            if self._refusing:
                logger.warning("Admitting messages again after refusing %d (queue full).", self._refusing)
                self._refusing = 0
            return None
        if not self._refusing:
            logger.warning("%d turns waiting: refusing messages with 503 until one is admitted.", self.gate.waiting)
        self._refusing += 1
        REFUSED.inc()
        return response.json({"error": "busy", "message": BUSY_TEXT, "retry_after": self.retry_after},
                             status=503, headers={"Retry-After": str(self.retry_after)})
