"""Servers a test session needs, started one after the other in a background thread from the session's beginning.

Starting the bot takes about 10 s, mostly one core loading Rasa and the model. While the tests that need no server
run on the main thread (tests/conftest.py runs them first), the other core starts the servers the later ones need:
a test waits only for a server that is not up yet.
"""
from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, wait
from typing import Any, TypeVar

T = TypeVar("T")


class EarlyStarts:
    def __init__(self) -> None:
        self._starter = ThreadPoolExecutor(max_workers=1, thread_name_prefix="early-start")
        self._started: list[tuple[Future[Any], Callable[[Any], object]]] = []

    def start(self, start: Callable[[], T], stop: Callable[[T], object]) -> Future[T]:
        """Queues `start` after the starts queued before it. `stop(server)` stops what it returned; a start that
        fails must stop what it started itself (BotServers.start and Cluster.start do)."""
        future = self._starter.submit(start)
        self._started.append((future, stop))
        return future

    def wait_all(self) -> None:
        """Until no start is queued or under way (a failed one included: its tests get its error)."""
        wait([future for future, _ in self._started])

    def stop_all(self) -> None:
        """Drops the starts not begun, waits for the one under way, then stops every started server at once."""
        self._starter.shutdown(wait=True, cancel_futures=True)
        started = [(future.result(), stop) for future, stop in self._started
                   if not future.cancelled() and future.exception() is None]
        self._started.clear()
        if not started:
            return
        with ThreadPoolExecutor(max_workers=len(started), thread_name_prefix="early-stop") as stopper:
            stops = [stopper.submit(stop, server) for server, stop in started]
        for stopped in stops:
            stopped.result()  # a failed stop fails the session's teardown
