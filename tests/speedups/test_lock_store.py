"""AtomicRedisLockStore against Rasa's own lock store: the same ticket-lock behaviour (one turn at a time per
conversation, first come first served, the lock gone once nobody waits), also across processes sharing Redis, with
tickets that a living holder keeps and a dead one loses within the lock lifetime."""
from __future__ import annotations

import asyncio
import itertools
import time
import uuid
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

import pytest
from rasa.core.lock_store import InMemoryLockStore, LockError, LockStore
from rasa.utils.endpoints import EndpointConfig

from rasa_speedups.lock_store import AtomicRedisLockStore
from tools.ports import free_port


def atomic_store(port: int, lifetime: float = 5.0) -> AtomicRedisLockStore:
    """As Rasa builds it from the endpoints file."""
    config = EndpointConfig.from_dict({"type": "rasa_speedups.lock_store.AtomicRedisLockStore", "url": "127.0.0.1",
                                       "port": port, "db": 1, "lock_lifetime": lifetime})
    store = LockStore.create(config)
    assert isinstance(store, AtomicRedisLockStore)
    return store


@pytest.fixture
def stores(redis_server):
    """Rasa's in-memory store (the reference) and ours, each under the name of the test's parameter."""
    return {"rasa": InMemoryLockStore(), "atomic": atomic_store(redis_server.port)}


async def turns_in_order(stores: Sequence[LockStore], conversation: str, turns: int, hold: float = 0.1) -> list[int]:
    """`turns` tasks started 30 ms apart take the conversation's lock (from the stores in turn), each holding it for
    `hold` seconds; returns the order they held it in. Fails if two ever hold it at once."""
    holding, order = [], []

    async def turn(number: int, store: LockStore) -> None:
        async with store.lock(conversation, wait_time_in_seconds=0.01):
            holding.append(number)
            assert len(holding) == 1, f"turns {holding} hold the lock together"
            order.append(number)
            await asyncio.sleep(hold)
            holding.remove(number)

    tasks = []
    for number, store in zip(range(turns), itertools.cycle(stores)):
        tasks.append(asyncio.ensure_future(turn(number, store)))
        await asyncio.sleep(0.03)  # time enough to take a ticket (a Redis round trip) before the next task
    await asyncio.gather(*tasks)
    return order


@pytest.mark.parametrize("name", ["rasa", "atomic"])
async def test_turns_of_one_conversation_run_one_at_a_time_first_come_first_served(stores, name):
    store = stores[name]
    conversation = f"rest:{uuid.uuid4().hex}"
    assert await turns_in_order([store], conversation, turns=6) == list(range(6))
    assert store.get_lock(conversation) is None  # nobody waits: the lock is gone


@pytest.mark.parametrize("name", ["rasa", "atomic"])
async def test_conversations_do_not_wait_for_each_other(stores, name):
    store = stores[name]
    started = time.monotonic()
    async with store.lock("rest:a"):
        async with store.lock("rest:b", wait_time_in_seconds=0.01):
            pass
    assert time.monotonic() - started < 0.5


async def test_two_replicas_sharing_redis_never_run_a_conversation_twice_at_once(redis_server):
    replicas = [atomic_store(redis_server.port), atomic_store(redis_server.port)]
    conversation = f"rest:{uuid.uuid4().hex}"
    assert await turns_in_order(replicas, conversation, turns=10) == list(range(10))


def test_tickets_issued_at_once_by_many_clients_are_all_different(redis_server):
    """What Rasa's RedisLockStore gets wrong (GET, +1, SET): two clients, one number."""
    replicas = [atomic_store(redis_server.port) for _ in range(4)]
    conversation = f"rest:{uuid.uuid4().hex}"
    with ThreadPoolExecutor(8) as pool:
        tickets = list(pool.map(lambda n: replicas[n % 4].issue_ticket(conversation), range(200)))
    assert sorted(tickets) == list(range(1, 201))
    lock = replicas[0].get_lock(conversation)
    assert lock is not None and [ticket.number for ticket in lock.tickets] == list(range(1, 201))


async def test_a_dead_replicas_ticket_blocks_the_conversation_for_one_lifetime_only(redis_server):
    store = atomic_store(redis_server.port, lifetime=0.6)
    conversation = f"rest:{uuid.uuid4().hex}"
    store.issue_ticket(conversation)  # taken by a replica that then died: never renewed, never released
    started = time.monotonic()
    async with store.lock(conversation):
        waited = time.monotonic() - started
    assert 0.4 < waited < 1.2


async def test_a_living_holder_keeps_its_ticket_beyond_the_lifetime(redis_server):
    store = atomic_store(redis_server.port, lifetime=0.3)
    conversation = f"rest:{uuid.uuid4().hex}"
    assert await turns_in_order([store], conversation, turns=3, hold=0.7) == [0, 1, 2]


async def test_a_waiting_ticket_is_kept_alive_too(redis_server):
    """Five messages of one user queue longer than one lifetime: none loses its place."""
    store = atomic_store(redis_server.port, lifetime=0.3)
    assert await turns_in_order([store], f"rest:{uuid.uuid4().hex}", turns=5, hold=0.15) == list(range(5))


async def test_the_lock_is_released_when_the_turn_fails(redis_server):
    store = atomic_store(redis_server.port)
    conversation = f"rest:{uuid.uuid4().hex}"
    with pytest.raises(RuntimeError):
        async with store.lock(conversation):
            raise RuntimeError("the turn failed")
    assert store.get_lock(conversation) is None
    async with store.lock(conversation):
        pass


async def test_an_unreachable_redis_is_a_lock_error_within_seconds():
    store = atomic_store(free_port())
    started = time.monotonic()
    with pytest.raises(LockError):
        async with store.lock("rest:anyone"):
            pass
    assert time.monotonic() - started < 3


def test_rasas_synchronous_interface_uses_the_same_tickets(redis_server):
    store = atomic_store(redis_server.port)
    conversation = f"rest:{uuid.uuid4().hex}"
    first, second = store.issue_ticket(conversation), store.issue_ticket(conversation)
    lock = store.get_lock(conversation)
    assert lock is not None and lock.now_serving == first and lock.is_locked(second)
    assert store.is_someone_waiting(conversation)
    store.cleanup(conversation, first)
    lock = store.get_lock(conversation)
    assert lock is not None and lock.now_serving == second
    store.cleanup(conversation, second)
    assert store.get_lock(conversation) is None and not store.is_someone_waiting(conversation)


async def test_a_restarted_redis_serves_the_next_turn():
    """The pooled connection of before the restart is dead: the turn after must reconnect, not fail."""
    from testkit.services import Redis
    server = Redis().start()
    try:
        store = atomic_store(server.port)
        async with store.lock("rest:before"):
            pass
        server.stop()
        server.start()
        async with store.lock("rest:after"):
            pass
    finally:
        server.stop()
