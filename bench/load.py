"""Load over REST: N concurrent clients (aiohttp), each playing held-out conversations one turn at a time.

Each conversation gets a fresh sender id, so trackers stay as short as real ones. A run stops at a message
count or a time limit, whichever comes first; only 127.0.0.1 is ever asked.
"""
from __future__ import annotations

import asyncio
import itertools
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field

import aiohttp

from .watch import cpu_seconds


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0–100), linear between the closest ranks (numpy's default)."""
    if not values:
        raise ValueError("percentile of no values")
    ordered = sorted(values)
    rank = (len(ordered) - 1) * q / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def latency_summary(seconds: list[float]) -> dict:
    """p50, p95 and p99 in milliseconds."""
    ms = [x * 1000 for x in seconds]
    return {f"p{q}_ms": round(percentile(ms, q), 1) for q in (50, 95, 99)}


@dataclass
class LoadResult:
    clients: int
    seconds: float
    latencies: list[float] = field(default_factory=list)  # seconds, answered requests only
    errors: int = 0

    def milliseconds(self) -> list[float]:
        return [round(x * 1000, 1) for x in self.latencies]

    def summary(self) -> dict:
        return {"clients": self.clients, "messages": len(self.latencies), "errors": self.errors,
                "seconds": round(self.seconds, 2), **latency_summary(self.latencies),
                "messages_per_s": round(len(self.latencies) / self.seconds, 2)}


async def _client(session: aiohttp.ClientSession, url: str, conversations, budget: _Budget,
                  result: LoadResult) -> None:
    while True:
        sender = f"bench-{uuid.uuid4().hex[:12]}"
        for text in next(conversations):
            if not budget.take():
                return
            started = time.perf_counter()
            try:
                async with session.post(url, json={"sender": sender, "message": text}) as response:
                    await response.read()
                    ok = response.status == 200
            except (aiohttp.ClientError, asyncio.TimeoutError):
                ok = False
            if ok:
                result.latencies.append(time.perf_counter() - started)
            else:
                result.errors += 1


class _Budget:
    def __init__(self, messages: int, seconds: float):
        self.left, self.deadline = messages, time.monotonic() + seconds

    def take(self) -> bool:
        if self.left <= 0 or time.monotonic() >= self.deadline:
            return False
        self.left -= 1
        return True


async def _run(base_url: str, conversations: list[list[str]], clients: int, messages: int,
               seconds: float) -> LoadResult:
    url = f"{base_url}/webhooks/rest/webhook"
    cycle = itertools.cycle(conversations)
    result = LoadResult(clients=clients, seconds=0.0)
    connector = aiohttp.TCPConnector(limit=clients)
    async with aiohttp.ClientSession(connector=connector, timeout=aiohttp.ClientTimeout(total=60)) as session:
        budget = _Budget(messages, seconds)
        started = time.perf_counter()
        await asyncio.gather(*(_client(session, url, cycle, budget, result) for _ in range(clients)))
        result.seconds = time.perf_counter() - started
    return result


def run_load_counting_cpu(base_url: str, conversations: list[list[str]], pids: list[int], clients: int,
                          messages: int, seconds: float) -> tuple[LoadResult, float]:
    """run_load, and the CPU-seconds the server processes (`pids` and their children) spent meanwhile."""
    before = cpu_seconds(pids)
    result = run_load(base_url, conversations, clients, messages, seconds)
    return result, cpu_seconds(pids) - before


def run_load(base_url: str, conversations: list[list[str]], clients: int, messages: int,
             seconds: float) -> LoadResult:
    """At most `messages` messages within about `seconds` (plus the requests still in flight)."""
    if not base_url.startswith("http://127.0.0.1:"):
        raise ValueError(f"load tests stay on 127.0.0.1, not {base_url}")
    return asyncio.run(_run(base_url, conversations, clients, messages, seconds))
