"""REST traffic for the cluster tests, every exchange recorded: who said what, the status, the reply, how long.

Only 127.0.0.1 is ever asked; each run is bounded in time.
"""
from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable
from dataclasses import dataclass

import aiohttp

from rasa_speedups.apology import apology_text

REST = "/webhooks/rest/webhook"
FAILED_PAUSE = 0.1  # seconds a client waits after a failed message, as the widget does (not hammering a failing bot)
APOLOGY = apology_text()
# Questions of our own, answered from the articles or by small talk.
QUESTIONS = ("企业复工有问题打哪个电话", "金融的呢？", "齐鲁号班列多久发一趟", "网上菜篮子超市怎么买菜", "谢谢你")


@dataclass(frozen=True)
class Exchange:
    sender: str
    text: str
    status: int | None  # None: no HTTP answer at all
    reply: str  # the bot's texts, joined
    started: float  # time.monotonic()
    seconds: float

    @property
    def answered(self) -> bool:
        return self.status == 200

    @property
    def apologised(self) -> bool:
        return self.status is not None and self.status >= 500 and self.reply == APOLOGY


async def send(session: aiohttp.ClientSession, base_url: str, sender: str, text: str) -> Exchange:
    if not base_url.startswith("http://127.0.0.1:"):
        raise ValueError(f"cluster tests stay on 127.0.0.1, not {base_url}")
    started = time.monotonic()
    status, reply = None, ""
    try:
        async with session.post(base_url + REST, json={"sender": sender, "message": text}) as response:
            status, body = response.status, await response.text()
        messages = json.loads(body) if body.startswith("[") else []
        reply = "\n".join(message.get("text", "") for message in messages)
    except (aiohttp.ClientError, asyncio.TimeoutError, ValueError):
        pass
    return Exchange(sender, text, status, reply, started, time.monotonic() - started)


def session(clients: int = 32) -> aiohttp.ClientSession:
    return aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=clients),
                                 timeout=aiohttp.ClientTimeout(total=60))


def for_seconds(seconds: float) -> Callable[[], bool]:
    """For `conversations`: done once `seconds` have passed."""
    deadline = time.monotonic() + seconds
    return lambda: time.monotonic() >= deadline


async def conversations(base_url: str, senders: list[str], done: Callable[[], bool]) -> list[Exchange]:
    """Each sender asks QUESTIONS in turn, one message at a time, until `done()`."""
    exchanges: list[Exchange] = []

    async def converse(http: aiohttp.ClientSession, sender: str) -> None:
        number = 0
        while not done():
            exchange = await send(http, base_url, sender, f"{QUESTIONS[number % len(QUESTIONS)]}（{number}）")
            exchanges.append(exchange)
            number += 1
            if not exchange.answered:
                await asyncio.sleep(FAILED_PAUSE)

    async with session(len(senders)) as http:
        await asyncio.gather(*(converse(http, sender) for sender in senders))
    return exchanges


async def at_once(base_urls: list[str], sender: str, texts: list[str]) -> list[Exchange]:
    """`texts` from one sender, all sent at the same moment (the i-th to base_urls[i % len])."""
    async with session(len(texts)) as http:
        return list(await asyncio.gather(*(send(http, base_urls[number % len(base_urls)], sender, text)
                                           for number, text in enumerate(texts))))
