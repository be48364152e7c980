"""WeChat state that every replica must see, in Redis (`WECHAT_REDIS_URL`; unset: each process keeps its own).

- Retries: WeChat sends a message again when it had no answer within 5 s; behind a balancer the retry may reach
  another replica (WeCom always can: nothing outside its encrypted body names the user). Each message has a record:
  who runs its turn (a key the owner renews every second while the turn runs: a dead owner's lapses within 3 s and a
  retry takes the turn over), its answer once ready, and how it was delivered (`pending`, then `passive` in an HTTP
  response or `late`: pushed). Deliveries change by compare-and-set, so an answer is never both pushed and given
  passively.
- Prompts: what a number answers for each user, so that "2" means the same on any replica: the numbered menu shown
  last, or the vote prompt (taken by the user's next message). Showing one replaces the other.
- The access_token: each fetch invalidates the previous token, and WeChat allows 2 000 fetches a day. One replica
  fetches (a `SET NX` lock), the others wait for it and read the token.

Every operation is a short Lua script or command with a 1 s timeout. When Redis fails, the channel goes on as one
process would (its own memory), and the failure is logged once per episode and counted (`fugong_failures_total`,
component `wechat_state`): with Redis down the turns themselves fail (the lock store) and are answered with the
apology.
"""
from __future__ import annotations

import asyncio
import json
import logging
import os
import socket
import time
import uuid
from collections.abc import AsyncIterator, Awaitable
from contextlib import asynccontextmanager
from dataclasses import asdict, dataclass, field
from typing import TypeVar

import redis.asyncio
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import RedisError

from channels.feedback import Answered
from channels.wechat.errors import DeliveryError
from channels.wechat.token_cache import TokenFetcher
from rasa_speedups.episodes import FailureEpisode

logger = logging.getLogger(__name__)
T = TypeVar("T")

STATE = FailureEpisode("wechat_state")
TIMEOUT = 1.0  # seconds for each Redis call
OWNER_TTL, HEARTBEAT = 3.0, 1.0  # seconds: an owner's claim lapses 3 s after its last heartbeat
PROMPT_TTL = 7 * 24 * 3600  # seconds a user's last prompt is kept
TOKEN_LOCK_TTL = 15.0  # seconds: a fetch that takes longer lets another replica try
TOKEN_WAIT = 10.0  # seconds a replica waits for another's fetch

PENDING, PASSIVE, LATE = "pending", "passive", "late"
CLAIMED, TAKEN_OVER, ELSEWHERE = 1, 2, 0

# KEYS: record, owner. ARGV: replica, record TTL (ms), owner TTL (ms).
_CLAIM = """
if redis.call('EXISTS', KEYS[1]) == 0 then
  redis.call('HSET', KEYS[1], 'delivery', 'pending')
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  redis.call('SET', KEYS[2], ARGV[1], 'PX', ARGV[3])
  return 1
end
if redis.call('HEXISTS', KEYS[1], 'chunks') == 0 and redis.call('EXISTS', KEYS[2]) == 0 then
  redis.call('SET', KEYS[2], ARGV[1], 'PX', ARGV[3])
  return 2
end
return 0
"""
# KEYS: owner. ARGV: replica, owner TTL (ms).
_HEARTBEAT = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
"""
# KEYS: record, owner. ARGV: replica, chunks (JSON). -> the delivery
_FINISH = """
redis.call('HSET', KEYS[1], 'chunks', ARGV[2])
if redis.call('GET', KEYS[2]) == ARGV[1] then redis.call('DEL', KEYS[2]) end
return redis.call('HGET', KEYS[1], 'delivery') or 'gone'
"""
# KEYS: record. ARGV: wanted delivery, '1' to refuse once the answer is ready. -> {delivery now, '1' if changed}
_DELIVER = """
local delivery = redis.call('HGET', KEYS[1], 'delivery')
if not delivery then return {'gone', '0'} end
if delivery ~= 'pending' then return {delivery, '0'} end
if ARGV[2] == '1' and redis.call('HEXISTS', KEYS[1], 'chunks') == 1 then return {'ready', '0'} end
redis.call('HSET', KEYS[1], 'delivery', ARGV[1])
return {ARGV[1], '1'}
"""
# KEYS: prompt. -> the prompt stored; a vote prompt is deleted (it holds for one message)
_TAKE_PROMPT = """
local stored = redis.call('GET', KEYS[1])
if stored and cjson.decode(stored)['vote'] then redis.call('DEL', KEYS[1]) end
return stored
"""
# KEYS: token. ARGV: the token WeChat refused.
_FORGET_TOKEN = """
local stored = redis.call('GET', KEYS[1])
if stored and cjson.decode(stored)['token'] == ARGV[1] then redis.call('DEL', KEYS[1]) end
return 0
"""


@dataclass(frozen=True)
class TurnRecord:
    delivery: str
    chunks: list[str] | None  # None until the owner's turn is done
    owner_alive: bool


@dataclass(frozen=True)
class Prompt:
    """What a user's next number answers: the menu shown last (until another prompt replaces it), or a vote prompt
    (for the next message only)."""

    menu: dict[int, str] = field(default_factory=dict)
    vote_on: Answered | None = None  # the answer VOTE_PROMPT asked about


class SharedState:
    """One Redis connection pool for one channel (`namespace`: the channel and its account)."""

    def __init__(self, url: str, namespace: str, remember_seconds: float = 300.0) -> None:
        self.redis = redis.asyncio.Redis.from_url(url, socket_timeout=TIMEOUT, socket_connect_timeout=TIMEOUT,
                                                  retry_on_error=[RedisConnectionError])  # once: after a restart
        self.prefix = f"wechat:{namespace}:"
        self.replica = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"
        self.remember_ms = int(remember_seconds * 1000)
        self._claim = self.redis.register_script(_CLAIM)
        self._heartbeat = self.redis.register_script(_HEARTBEAT)
        self._finish = self.redis.register_script(_FINISH)
        self._deliver = self.redis.register_script(_DELIVER)
        self._take_prompt = self.redis.register_script(_TAKE_PROMPT)
        self._forget_token = self.redis.register_script(_FORGET_TOKEN)

    @property
    def failing(self) -> bool:
        """Redis failed on the latest call: callers with a memory of their own use it."""
        return STATE.failing

    async def close(self) -> None:
        await self.redis.close()

    # --- turns ----------------------------------------------------------------------------------------------

    async def claim(self, key: str) -> int:
        """CLAIMED (first), TAKEN_OVER (its owner died before answering) or ELSEWHERE (another replica runs it)."""
        return int(await self._safely(self._claim(keys=self._turn_keys(key), args=[
            self.replica, self.remember_ms, int(OWNER_TTL * 1000)]), CLAIMED))

    @asynccontextmanager
    async def owning(self, key: str) -> AsyncIterator[None]:
        """Renews this replica's claim on the turn while the block runs."""
        owner = self._turn_keys(key)[1]

        async def beat() -> None:
            while True:
                await asyncio.sleep(HEARTBEAT)
                await self._safely(self._heartbeat(keys=[owner], args=[self.replica, int(OWNER_TTL * 1000)]), 0)

        task = asyncio.ensure_future(beat())
        try:
            yield
        finally:
            task.cancel()

    async def finish(self, key: str, chunks: list[str]) -> str:
        """Stores the answer; the delivery decided meanwhile (`late`: this replica must push it)."""
        result = await self._safely(self._finish(keys=self._turn_keys(key), args=[
            self.replica, json.dumps(chunks, ensure_ascii=False)]), PENDING.encode())
        return _text(result)

    async def deliver(self, key: str, wanted: str, unless_ready: bool = False) -> tuple[str, bool]:
        """Compare-and-set of the delivery from `pending`: (the delivery now, whether this call set it). With
        `unless_ready`, an answer already stored refuses the change ('ready')."""
        result = await self._safely(self._deliver(keys=[self._turn_keys(key)[0]],
                                                  args=[wanted, "1" if unless_ready else "0"]),
                                    [wanted.encode(), b"1"])
        return _text(result[0]), _text(result[1]) == "1"

    async def claim_rest(self, key: str) -> bool:
        """True for the one caller that pushes the rest of a long answer given passively."""
        return bool(await self._safely(self.redis.hsetnx(self._turn_keys(key)[0], "rest", 1), 1))

    async def record(self, key: str) -> TurnRecord | None:
        record, owner = self._turn_keys(key)
        delivery, chunks, alive = await self._safely(self._read_record(record, owner), (None, None, 0))
        if delivery is None:
            return None
        return TurnRecord(_text(delivery), None if chunks is None else list(json.loads(chunks)), bool(alive))

    async def _read_record(self, record: str, owner: str) -> tuple[bytes | None, bytes | None, int]:
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.hget(record, "delivery").hget(record, "chunks").exists(owner)
            delivery, chunks, alive = await pipe.execute()
        return delivery, chunks, alive

    def _turn_keys(self, key: str) -> list[str]:
        return [f"{self.prefix}turn:{key}", f"{self.prefix}turn:{key}:owner"]

    # --- prompts ----------------------------------------------------------------------------------------------

    async def take_prompt(self, user: str) -> Prompt | None:
        """The last prompt shown to `user`, a vote prompt taken away; None when Redis failed (the caller's memory
        answers)."""
        stored = await self._safely(self._take_prompt(keys=[f"{self.prefix}prompt:{user}"]), b"")
        if stored == b"":
            return None
        if not stored:
            return Prompt()
        value = json.loads(stored)
        vote = value.get("vote")
        return Prompt({int(number): payload for number, payload in value.get("menu", {}).items()},
                      Answered(**vote) if vote else None)

    async def remember_prompt(self, user: str, prompt: Prompt) -> None:
        value = {"vote": asdict(prompt.vote_on)} if prompt.vote_on is not None else {"menu": prompt.menu}
        await self._safely(self.redis.set(f"{self.prefix}prompt:{user}", json.dumps(value, ensure_ascii=False),
                                          ex=PROMPT_TTL), None)

    # --- the access_token -------------------------------------------------------------------------------------

    async def token(self) -> str | None:
        """The shared token while it is fresh (None: fetch or wait for one)."""
        stored = await self._safely(self.redis.get(f"{self.prefix}access_token"), None)
        if not stored:
            return None
        value = json.loads(stored)
        return str(value["token"]) if time.time() < float(value["refresh_at"]) else None

    async def fetch_token_once(self, fetch: TokenFetcher) -> str:
        """The token: fetched by this replica if it gets the lock, else by another one, read when it is stored."""
        lock, key = f"{self.prefix}access_token:lock", f"{self.prefix}access_token"
        holder = uuid.uuid4().hex
        if await self._safely(self.redis.set(lock, holder, nx=True, px=int(TOKEN_LOCK_TTL * 1000)), True):
            try:
                token = await self.token()  # fetched by another replica while this one waited for the lock
                if token is None:
                    token, lifetime = await fetch()  # lifetime: seconds until it should be refreshed
                    await self._safely(self.redis.set(key, json.dumps(
                        {"token": token, "refresh_at": time.time() + lifetime}), px=int(lifetime * 1000)), None)
                return token
            finally:
                await self._safely(self.redis.delete(lock), 0)
        deadline = time.monotonic() + TOKEN_WAIT
        while time.monotonic() < deadline:
            await asyncio.sleep(0.1)
            token = await self.token()
            if token is not None:
                return token
        raise DeliveryError(f"no access_token from the replica fetching it within {TOKEN_WAIT:.0f} s")

    async def forget_token(self, token: str) -> None:
        await self._safely(self._forget_token(keys=[f"{self.prefix}access_token"], args=[token]), 0)

    # --- failures ---------------------------------------------------------------------------------------------

    async def _safely(self, call: Awaitable[T], fallback: T) -> T:
        """The call's result; `fallback` (what one process alone would do) when Redis fails."""
        try:
            result = await call
        except (RedisError, OSError, asyncio.TimeoutError) as error:
            STATE.failed(error)
            return fallback
        STATE.worked()
        return result


def _text(value: bytes | str) -> str:
    return value.decode() if isinstance(value, bytes) else value
