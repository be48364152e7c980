"""Warm the bot up as soon as its server starts, so that no user waits for the first turn.

The first turn after a start traces TensorFlow's graph in Rasa and loads the knowledge base in the action
server: seconds, more than WeChat's reply deadline. This channel runs one ordinary turn right after start-up
and reports at /webhooks/warmup/ whether it has finished (tools/servers.py waits for it).
"""
from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage
from sanic import Blueprint, Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse

logger = logging.getLogger(__name__)
DEFAULT_MESSAGE = "热线电话有哪些"


class WarmUpChannel(InputChannel):
    def __init__(self, message: str = DEFAULT_MESSAGE):
        self.message = message
        self.state: dict[str, Any] = {"done": False, "seconds": None}

    @classmethod
    def name(cls) -> str:
        return "warmup"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> WarmUpChannel:
        return cls(**(credentials or {}))

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        warmup = Blueprint("warmup_webhook", __name__)

        @warmup.get("/")
        async def status(_: Request) -> HTTPResponse:
            return response.json(self.state)

        @warmup.after_server_start
        async def start_warm_up(app: Sanic, _loop: asyncio.AbstractEventLoop) -> None:
            app.add_task(self.warm_up(on_new_message))

        return warmup

    async def warm_up(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> None:
        started = time.monotonic()
        output = CollectingOutputChannel()
        await on_new_message(UserMessage(self.message, output, sender_id="warmup", input_channel=self.name()))
        self.state.update(done=True, seconds=round(time.monotonic() - started, 2), replies=len(output.messages))
        logger.info("warm-up turn answered in %.2f s", self.state["seconds"])
