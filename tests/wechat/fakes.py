"""Local stand-ins: a fake Rasa agent, and a fake of WeChat's customer-service API (aiohttp)."""

import asyncio
from collections.abc import Callable
from typing import Any

from aiohttp import web
from rasa.core.channels.channel import UserMessage

from tools.ports import free_port

# text -> bot messages, as a Rasa domain response would produce them
Script = Callable[[str], list[dict[str, Any]]]


def echo_script(text: str) -> list[dict[str, Any]]:
    return [{"text": f"您说的是：{text}"}]


class FakeAgent:
    """Replaces Rasa's Agent behind `on_new_message`: scripted answers, an optional delay."""

    def __init__(self, script: Script = echo_script, delay: float = 0.0) -> None:
        self.script = script
        self.delay = delay
        self.received: list[UserMessage] = []

    @property
    def texts(self) -> list[str]:
        return [message.text or "" for message in self.received]

    async def handle_message(self, message: UserMessage) -> None:
        self.received.append(message)
        if self.delay:
            await asyncio.sleep(self.delay)
        for bot_message in self.script(message.text or ""):
            await message.output_channel.send_response(message.sender_id, bot_message)


class FakeCustomerServiceAPI:
    """WeChat's token and send endpoints (Official Account and WeCom paths) on a local port."""

    def __init__(self) -> None:
        self.port = free_port()
        self.token_fetches = 0
        self.refuse_next_send_with: int | None = None  # e.g. 40001 once
        self.sent: list[dict[str, Any]] = []
        self.tokens_used: list[str] = []
        self.raw_bodies: list[bytes] = []
        self.arrived = asyncio.Event()
        self._runner: web.AppRunner | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def _token(self, request: web.Request) -> web.Response:
        self.token_fetches += 1
        return web.json_response({"access_token": f"TOKEN-{self.token_fetches}", "expires_in": 7200})

    async def _send(self, request: web.Request) -> web.Response:
        token = request.query.get("access_token", "")
        self.tokens_used.append(token)
        if self.refuse_next_send_with is not None:
            errcode, self.refuse_next_send_with = self.refuse_next_send_with, None
            return web.json_response({"errcode": errcode, "errmsg": "invalid credential"})
        if token != f"TOKEN-{self.token_fetches}":
            return web.json_response({"errcode": 40001, "errmsg": "invalid credential"})
        self.raw_bodies.append(await request.read())
        self.sent.append(await request.json())
        self.arrived.set()
        return web.json_response({"errcode": 0, "errmsg": "ok"})

    async def start(self) -> None:
        app = web.Application()
        app.router.add_get("/cgi-bin/token", self._token)
        app.router.add_get("/cgi-bin/gettoken", self._token)
        app.router.add_post("/cgi-bin/message/custom/send", self._send)
        app.router.add_post("/cgi-bin/message/send", self._send)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", self.port).start()

    async def stop(self) -> None:
        if self._runner:
            await self._runner.cleanup()

    async def wait_for_messages(self, count: int, timeout: float = 5.0) -> list[dict[str, Any]]:
        async def enough() -> None:
            while len(self.sent) < count:
                self.arrived.clear()
                await self.arrived.wait()

        await asyncio.wait_for(enough(), timeout)
        return self.sent
