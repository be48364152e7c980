"""The socket.io channel as third-party Rasa widgets speak it: python-socketio's own client (long-polling) and a
browser's WebSocket transport. Replies arrive (issue 10: none did with python-socketio 5.18), conversations are
`socketio:<session>`, bad messages get a Chinese answer."""
from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
import socketio
from websockets.client import connect
from websockets.exceptions import ConnectionClosed

from tests.security.talk import new_id, rest, stored_events

QUIET = 0.3  # seconds without a further bot_uttered: the answer is complete (Rasa splits long texts)
STEP = 10  # seconds any other step may take


class SocketIOClient:
    """One session: `session_request` / `session_confirm` on entry; `ask` sends `user_uttered` and returns the
    text of the `bot_uttered` events that answer it."""

    session = ""

    async def ask(self, text: str) -> str:
        await self.emit("user_uttered", {"message": text, "session_id": self.session})
        first = await self.next_reply(30)
        assert first is not None, f"no bot_uttered within 30 s of {text!r}"
        replies = [first]
        while (reply := await self.next_reply(QUIET)) is not None:
            replies.append(reply)
        return "\n".join(reply.get("text", "") for reply in replies)

    async def emit(self, event: str, data: dict) -> None:
        raise NotImplementedError

    async def next_reply(self, timeout: float) -> dict | None:
        raise NotImplementedError


class PythonSocketIOClient(SocketIOClient):
    """python-socketio's AsyncClient. Its WebSocket transport needs aiohttp ≥ 3.10 (Rasa pins 3.9): long-polling."""

    def __init__(self, url: str) -> None:
        self.url, self.client = url, socketio.AsyncClient()
        self.replies: asyncio.Queue = asyncio.Queue()
        self.confirmed: asyncio.Queue = asyncio.Queue()
        self.client.on("bot_uttered", self.replies.put_nowait)
        self.client.on("session_confirm", self.confirmed.put_nowait)

    async def __aenter__(self) -> PythonSocketIOClient:
        await asyncio.wait_for(self.client.connect(self.url, transports=["polling"]), STEP)
        await self.client.emit("session_request", {"session_id": new_id()})
        self.session = await asyncio.wait_for(self.confirmed.get(), STEP)
        return self

    async def __aexit__(self, *_) -> None:
        # socket.io's disconnect() waits for the pending long-poll to end (up to a ping interval, 25 s): close the
        # engine.io connection without waiting, as a browser tab closing does
        await asyncio.wait_for(self.client.eio.disconnect(abort=True), STEP)

    async def emit(self, event: str, data: dict) -> None:
        await self.client.emit(event, data)

    async def next_reply(self, timeout: float) -> dict | None:
        try:
            return await asyncio.wait_for(self.replies.get(), timeout)
        except asyncio.TimeoutError:
            return None


class WebSocketClient(SocketIOClient):
    """Engine.IO 4 / Socket.IO 5 frames over a WebSocket, as socket.io-client sends them from a browser."""

    def __init__(self, url: str) -> None:
        self.url = url.replace("http://", "ws://") + "/socket.io/?EIO=4&transport=websocket"

    async def __aenter__(self) -> WebSocketClient:
        self.socket = await connect(self.url, open_timeout=STEP, close_timeout=STEP)
        assert (await self.frame(STEP)).startswith("0")  # engine.io open
        await self.socket.send("40")  # socket.io connect, default namespace
        assert (await self.frame(STEP)).startswith("40")
        await self.emit("session_request", {"session_id": new_id()})
        self.session = await self.event("session_confirm", STEP)
        return self

    async def __aexit__(self, *_) -> None:
        await self.socket.close()

    async def emit(self, event: str, data: dict) -> None:
        await self.socket.send("42" + json.dumps([event, data]))

    async def frame(self, timeout: float) -> str:
        """The next text frame (Engine.IO sends text only)."""
        frame = await asyncio.wait_for(self.socket.recv(), timeout)
        assert isinstance(frame, str)
        return frame

    async def event(self, name: str, timeout: float) -> Any:
        deadline = asyncio.get_running_loop().time() + timeout
        while True:
            frame = await self.frame(deadline - asyncio.get_running_loop().time())
            if frame == "2":  # ping
                await self.socket.send("3")
            elif frame.startswith("42") and json.loads(frame[2:])[0] == name:
                return json.loads(frame[2:])[1]

    async def next_reply(self, timeout: float) -> dict | None:
        try:
            return await self.event("bot_uttered", timeout)
        except asyncio.TimeoutError:
            return None


CLIENTS = {"python-socketio, polling": PythonSocketIOClient, "websocket": WebSocketClient}


@pytest.mark.parametrize("client_class", CLIENTS.values(), ids=CLIENTS.keys())
async def test_a_socketio_client_gets_bot_uttered_and_keeps_its_context(bot, client_class):
    async with client_class(bot.base_url) as client:
        assert "青州港天物流园" in await client.ask("齐鲁号欧亚班列从哪里发车")
        assert "15至20列" in await client.ask("一个月发几趟？")
    users = [e for e in stored_events(bot, f"socketio:{client.session}") if e["event"] == "user"]
    assert [(e["text"], e["input_channel"]) for e in users] == [
        ("齐鲁号欧亚班列从哪里发车", "socketio"), ("一个月发几趟？", "socketio")]


async def test_a_rest_client_using_a_session_id_talks_in_its_own_conversation(bot):
    async with WebSocketClient(bot.base_url) as client:
        await client.ask("齐鲁号欧亚班列从哪里发车")
        rest(bot, client.session, "/restart")
        rest(bot, client.session, "网上招聘会在哪个平台")
        assert "15至20列" in await client.ask("一个月发几趟？")
    assert len([e for e in stored_events(bot, f"socketio:{client.session}") if e["event"] == "user"]) == 2


async def test_empty_and_overlong_messages_are_answered_in_chinese_without_reaching_rasa(bot):
    async with WebSocketClient(bot.base_url) as client:
        assert "消息是空的" in await client.ask("   ")
        assert "消息太长了" in await client.ask("长" * 1001)
        assert "0536-8090465" in await client.ask("金融运行的热线是多少")
    assert [e["text"] for e in stored_events(bot, f"socketio:{client.session}") if e["event"] == "user"] == [
        "金融运行的热线是多少"]


async def test_a_frame_over_the_body_limit_closes_the_connection(bot):
    async with WebSocketClient(bot.base_url) as client:
        await client.emit("user_uttered", {"message": "x" * 20_000, "session_id": client.session})
        with pytest.raises(ConnectionClosed) as closed:
            await client.event("bot_uttered", STEP)
    assert closed.value.rcvd is not None and closed.value.rcvd.code == 1009  # message too big
    assert not stored_events(bot, f"socketio:{client.session}")
