"""Readiness checks of what a Rasa 3.6 agent needs: its model, the action server, the tracker and lock stores.

Each check returns None when all is well, else what is wrong. A check that fails starts a failure episode (not
counted as a failed call) and one that passes ends it: readiness turns green again by itself when the store or
the action server is back, even if no user has written since.
"""
from __future__ import annotations

import asyncio
import time
from typing import Any

import aiohttp
from rasa.core.lock_store import LockStore, RedisLockStore
from rasa.core.tracker_store import FailSafeTrackerStore, SQLTrackerStore, TrackerStore

from .episodes import ACTION_SERVER, LOCK_STORE, TRACKER_STORE, FailureEpisode

CHECK_TIMEOUT = 3.0  # seconds for each check
PROBE_SENDER = "__readiness_probe__"


def model_problem(agent: Any) -> str | None:
    return None if agent is not None and agent.is_ready() else "no model is loaded yet"


async def action_server_problem(agent: Any, session: aiohttp.ClientSession) -> str | None:
    """GET /health of the action server (rasa-sdk serves it beside /webhook)."""
    endpoint = getattr(agent, "action_endpoint", None)
    if endpoint is None:
        return "no action endpoint is configured"
    url = endpoint.url.rsplit("/", 1)[0] + "/health"
    try:
        async with session.get(url, timeout=aiohttp.ClientTimeout(total=CHECK_TIMEOUT)) as response:
            if response.status != 200:
                raise aiohttp.ClientResponseError(response.request_info, (), status=response.status)
    except (aiohttp.ClientError, asyncio.TimeoutError) as error:
        return _failed(ACTION_SERVER, error)
    ACTION_SERVER.worked()
    return None


async def tracker_store_problem(store: TrackerStore | None) -> str | None:
    """SQL stores: a row written and deleted in one committed transaction (so a store that can be read but not
    written is caught). Other stores: what the last turns found."""
    primary = store._tracker_store if isinstance(store, FailSafeTrackerStore) else store
    if not isinstance(primary, SQLTrackerStore):
        return TRACKER_STORE.status()
    return await _in_thread(TRACKER_STORE, write_and_delete_a_row, primary)


async def lock_store_problem(store: LockStore | None) -> str | None:
    if not isinstance(store, RedisLockStore):
        return LOCK_STORE.status()  # in memory: nothing to reach
    return await _in_thread(LOCK_STORE, store.red.ping)


async def _in_thread(episode: FailureEpisode, check: Any, *args: Any) -> str | None:
    """A blocking check, off the event loop (a store that hangs must not stall every conversation)."""
    try:
        await asyncio.wait_for(asyncio.get_running_loop().run_in_executor(None, check, *args), CHECK_TIMEOUT)
    except Exception as error:
        return _failed(episode, error)
    episode.worked()
    return None


def _failed(episode: FailureEpisode, error: BaseException) -> str | None:
    if isinstance(error, asyncio.TimeoutError):
        error = TimeoutError(f"no answer within {CHECK_TIMEOUT:.0f} s")
    episode.failed(error, counted=False)
    return episode.status()


def write_and_delete_a_row(store: SQLTrackerStore) -> None:
    """One row written and deleted in a committed transaction: the store can reach, read and write its table."""
    with store.session_scope() as session:
        session.add(store.SQLEvent(sender_id=PROBE_SENDER, type_name="readiness_probe", timestamp=time.time(),
                                   data="{}"))
        session.flush()
        session.query(store.SQLEvent).filter(store.SQLEvent.sender_id == PROBE_SENDER).delete()
        session.commit()
