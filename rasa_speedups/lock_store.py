"""A Redis lock store whose tickets are taken and released atomically, and freed seconds after a replica dies.

Rasa holds a conversation's lock for each turn (`Agent.handle_message`: `async with lock_store.lock(sender_id)`), a
ticket lock: tickets are issued in order and the lowest live one is served. Rasa 3.6's `RedisLockStore` issues a
ticket with GET, +1 in Python, SET: two replicas taking a ticket for one conversation at once get the same number,
run their turns together, and the conversation in the database loses turns or gets a second `session_started`. Its
tickets live 60 s (`TICKET_LOCK_LIFETIME`): the conversations a killed replica held stay blocked for a minute.

`AtomicRedisLockStore` keeps one Redis hash per conversation (`last`: the last ticket issued; `t:<n>`: ticket n's
expiry, Unix time) and changes it only in Lua scripts, which Redis runs one at a time: issuing (HINCRBY), checking
whose turn it is, renewing and releasing (the hash is deleted with its last ticket) cannot interleave. A ticket lives
`lock_lifetime` seconds (5) and its holder renews it every fifth of that while it waits and while its turn runs: a
turn may take as long as it needs, and a dead replica's tickets expire within 5 s. Why 5: renewals run on Rasa's
event loop, which a busy turn blocks (0.6 s at worst measured on 2 overloaded cores, channels/wechat/turns.py), so
a ticket survives 4 s of a stalled loop; and a user whose replica died waits at most 5 s (plus HAProxy noticing)
before another replica answers. A turn that lost its ticket anyway is logged and counted
(`fugong_lock_tickets_lost_total`). Expiry uses each replica's clock: keep the hosts on NTP (milliseconds apart).

Waiting replicas poll every 20–250 ms (Rasa polls every second). The `lock()` path uses redis-py's asyncio client,
so a slow Redis does not stall the event loop; Rasa's synchronous methods (`get_lock`, `issue_ticket`, `cleanup`, …)
use the same scripts, and `red` serves the readiness check.
"""
from __future__ import annotations

import asyncio
import logging
import time
from collections import deque
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import redis.asyncio
from prometheus_client import Counter
from rasa.core.lock import Ticket, TicketLock
from rasa.core.lock_store import LockError, RedisLockStore
from rasa.utils.endpoints import EndpointConfig
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import RedisError

from .compat import Hook, require

# Rasa's lock store this one replaces the tickets of: the methods it overrides and the client it builds on.
HOOKS = (Hook("rasa.core.lock_store:LockStore.lock",
              ("self", "conversation_id", "lock_lifetime", "wait_time_in_seconds")),
         Hook("rasa.core.lock_store:RedisLockStore.issue_ticket", ("self", "conversation_id", "lock_lifetime")),
         Hook("rasa.core.lock_store:RedisLockStore.__init__",
              ("self", "host", "port", "db", "username", "password", "use_ssl", "ssl_certfile", "ssl_keyfile",
               "ssl_ca_certs", "key_prefix", "socket_timeout")))
require(*HOOKS)

logger = logging.getLogger(__name__)

DEFAULT_LOCK_LIFETIME = 5.0  # seconds (see above)
RENEWALS_PER_LIFETIME = 5
KEY_MARGIN = 60.0  # seconds a conversation's hash outlives its latest ticket: a crashed replica's hash goes away
FIRST_POLL, MAX_POLL = 0.02, 0.25  # seconds between checks while waiting
SOCKET_TIMEOUT = 2.0  # seconds (Rasa: 10): a Redis that does not answer fails the turn quickly
SERVING, WAITING, GONE = 1, 0, -1

LOST = Counter("fugong_lock_tickets_lost", "Turns whose lock ticket expired before they ended (event loop stalled "
               "longer than the lock lifetime, or Redis lost the lock): another turn of the conversation may have "
               "run at the same time")

# KEYS[1]: the conversation's hash. Every script first drops expired tickets.
_DROP_EXPIRED = """
local now = tonumber(ARGV[1])
local fields = redis.call('HGETALL', KEYS[1])
local live = {}
for i = 1, #fields, 2 do
  if string.sub(fields[i], 1, 2) == 't:' then
    if tonumber(fields[i + 1]) < now then
      redis.call('HDEL', KEYS[1], fields[i])
    else
      table.insert(live, tonumber(string.sub(fields[i], 3)))
    end
  end
end
"""
# ARGV: now, expiry, key TTL (ms) -> the new ticket's number
_ISSUE = _DROP_EXPIRED + """
local number = redis.call('HINCRBY', KEYS[1], 'last', 1)
redis.call('HSET', KEYS[1], 't:' .. number, ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return number
"""
# ARGV: now, ticket -> 1 when the ticket is the lowest live one (served), 0 when it waits, -1 when it is gone
_CHECK = _DROP_EXPIRED + """
local mine = tonumber(ARGV[2])
local present, lowest = false, nil
for _, number in ipairs(live) do
  if number == mine then present = true end
  if lowest == nil or number < lowest then lowest = number end
end
if not present then return -1 end
if lowest == mine then return 1 end
return 0
"""
# ARGV: now, ticket, expiry, key TTL (ms) -> 1 when renewed, 0 when the ticket is gone
_RENEW = """
if redis.call('HEXISTS', KEYS[1], 't:' .. ARGV[2]) == 0 then return 0 end
redis.call('HSET', KEYS[1], 't:' .. ARGV[2], ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return 1
"""
# ARGV: now, ticket ('' to drop expired tickets only) -> live tickets left; the hash is deleted with the last one
_RELEASE = _DROP_EXPIRED + """
local left = 0
for _, number in ipairs(live) do
  if tostring(number) == ARGV[2] then redis.call('HDEL', KEYS[1], 't:' .. number) else left = left + 1 end
end
if left == 0 then redis.call('DEL', KEYS[1]) end
return left
"""


class AtomicRedisLockStore(RedisLockStore):
    """Selected in the endpoints file: `lock_store: {type: rasa_speedups.lock_store.AtomicRedisLockStore, url: …,
    port: …, password: …, db: …, lock_lifetime: 5}` (Rasa passes the section as `endpoint_config`)."""

    def __init__(self, endpoint_config: EndpointConfig | None = None, **settings: Any) -> None:
        config = {**(endpoint_config.kwargs if endpoint_config else {}), **settings}
        host = (endpoint_config.url if endpoint_config else None) or config.pop("host", "localhost")
        self.lock_lifetime = float(config.pop("lock_lifetime", DEFAULT_LOCK_LIFETIME))
        if self.lock_lifetime <= 0:
            raise ValueError("lock_lifetime must be positive")
        config.setdefault("socket_timeout", SOCKET_TIMEOUT)
        super().__init__(host=host, **config)  # `red`: Rasa's synchronous client
        self.aio = redis.asyncio.Redis(
            host=host, port=int(config.get("port", 6379)), db=int(config.get("db", 1)),
            username=config.get("username"), password=config.get("password"), ssl=bool(config.get("use_ssl")),
            ssl_certfile=config.get("ssl_certfile"), ssl_keyfile=config.get("ssl_keyfile"),
            ssl_ca_certs=config.get("ssl_ca_certs"), socket_timeout=float(config["socket_timeout"]),
            socket_connect_timeout=float(config["socket_timeout"]),
            retry_on_error=[RedisConnectionError])  # once: a pooled connection is dead after a Redis restart
        self._scripts = {name: (self.red.register_script(lua), self.aio.register_script(lua))
                         for name, lua in (("issue", _ISSUE), ("check", _CHECK), ("renew", _RENEW),
                                           ("release", _RELEASE))}

    # --- the path Rasa takes: one turn -------------------------------------------------------------------------

    @asynccontextmanager
    async def lock(self, conversation_id: str, lock_lifetime: float | None = None,
                   wait_time_in_seconds: float | None = None) -> AsyncIterator[TicketLock]:
        """Holds the conversation's lock: waits for the turns before this one, keeps the ticket alive meanwhile."""
        lifetime = lock_lifetime or self.lock_lifetime
        key = self.key_prefix + conversation_id
        try:
            ticket = int(await self._run_async("issue", key, time.time(), time.time() + lifetime,
                                               self._key_ttl_ms(lifetime)))
        except RedisError as error:
            raise LockError(f"Could not issue a ticket for conversation '{conversation_id}': {error}") from error
        renewal = asyncio.ensure_future(self._keep_alive(key, ticket, lifetime))
        try:
            yield await self._wait_for_turn(conversation_id, key, ticket, wait_time_in_seconds)
        finally:
            renewal.cancel()
            await self._release_quietly(key, ticket)

    async def _wait_for_turn(self, conversation_id: str, key: str, ticket: int,
                             poll: float | None) -> TicketLock:
        delay = poll or FIRST_POLL
        while True:
            try:
                state = await self._run_async("check", key, time.time(), ticket)
            except RedisError as error:
                raise LockError(f"Could not check the lock of conversation '{conversation_id}': {error}") from error
            if state == SERVING:
                return await self._read_lock_async(conversation_id)
            if state == GONE:
                raise LockError(f"The ticket for conversation '{conversation_id}' expired while it waited.")
            await asyncio.sleep(delay)
            delay = poll or min(delay * 1.5, MAX_POLL)

    async def _keep_alive(self, key: str, ticket: int, lifetime: float) -> None:
        """Renews the ticket every fifth of its lifetime until cancelled (when the turn ends)."""
        while True:
            await asyncio.sleep(lifetime / RENEWALS_PER_LIFETIME)
            try:
                renewed = await self._run_async("renew", key, time.time(), ticket, time.time() + lifetime,
                                                self._key_ttl_ms(lifetime))
            except RedisError as error:
                logger.warning("Could not renew lock ticket %d of %s (%s): trying again.", ticket, key, error)
                continue
            if not renewed:
                LOST.inc()
                logger.error("Lock ticket %d of %s expired before its turn ended: another turn of this conversation "
                             "may run at the same time (event loop stalled over %.0f s?).", ticket, key, lifetime)
                return

    async def _release_quietly(self, key: str, ticket: int) -> None:
        """A release that fails is logged, not raised: the turn is done, and the ticket expires by itself."""
        try:
            await self._run_async("release", key, time.time(), ticket)
        except RedisError as error:
            logger.warning("Could not release lock ticket %d of %s (%s): it expires in %.0f s.", ticket, key,
                           error, self.lock_lifetime)

    async def _read_lock_async(self, conversation_id: str) -> TicketLock:
        return _ticket_lock(conversation_id, await self.aio.hgetall(self.key_prefix + conversation_id))

    async def _run_async(self, script: str, key: str, *args: Any) -> Any:
        return await self._scripts[script][1](keys=[key], args=list(args))

    def _key_ttl_ms(self, lifetime: float) -> int:
        return int((lifetime + KEY_MARGIN) * 1000)

    # --- Rasa's synchronous LockStore interface, on the same scripts ---------------------------------------------

    def issue_ticket(self, conversation_id: str, lock_lifetime: float | None = None) -> int:
        lifetime = lock_lifetime or self.lock_lifetime
        try:
            return int(self._run("issue", conversation_id, time.time(), time.time() + lifetime,
                                 self._key_ttl_ms(lifetime)))
        except RedisError as error:
            raise LockError(f"Error while acquiring lock. Error:\n{error}") from error

    def get_lock(self, conversation_id: str) -> TicketLock | None:
        fields = self.red.hgetall(self.key_prefix + conversation_id)
        return _ticket_lock(conversation_id, fields) if fields else None

    def save_lock(self, lock: TicketLock) -> None:
        raise NotImplementedError("AtomicRedisLockStore changes tickets only atomically (issue_ticket, cleanup)")

    def update_lock(self, conversation_id: str) -> None:
        self._run("release", conversation_id, time.time(), "")

    def finish_serving(self, conversation_id: str, ticket_number: int) -> None:
        self._run("release", conversation_id, time.time(), ticket_number)

    def cleanup(self, conversation_id: str, ticket_number: int) -> None:
        self.finish_serving(conversation_id, ticket_number)  # deletes the hash with its last ticket, atomically

    def _run(self, script: str, conversation_id: str, *args: Any) -> Any:
        return self._scripts[script][0](keys=[self.key_prefix + conversation_id], args=list(args))


def _ticket_lock(conversation_id: str, fields: dict[bytes, bytes]) -> TicketLock:
    """Rasa's `TicketLock` of a conversation's hash: its tickets in the order they were issued."""
    tickets = sorted((int(name[2:]), float(expiry)) for name, expiry in fields.items() if name.startswith(b"t:"))
    return TicketLock(conversation_id, deque(Ticket(number, expires) for number, expires in tickets))
