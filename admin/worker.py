"""The operations page's computing, in one worker process beside the Rasa server.

Rasa runs every conversation on one event loop in one process: a page that grouped thousands of questions there
would hold up every answer (Python runs one thread at a time). So the page's figures and CSV files are computed in
a process of its own, started at the first page view ("spawn": a fresh interpreter with only kb/ and admin/
imported, not a copy of Rasa) at a lower CPU priority (nice 10), so on a busy machine the answers go first; it is
reused, and requests for the same figures within CACHE_SECONDS share one result.
"""
from __future__ import annotations

import asyncio
import io
import logging
import multiprocessing
import os
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from datetime import date
from typing import Any

from admin.summary import Range, summarize
from kb import feedback, unanswered

logger = logging.getLogger(__name__)

CACHE_SECONDS = 2.0
NICENESS = 10


def _yield_to_the_chat() -> None:
    os.nice(NICENESS)


def export_csv(url: str, kind: str, since: date | None) -> str:
    """The unanswered questions (one row per group of similar wording) or the votes (one row per vote) as CSV."""
    out = io.StringIO()
    if kind == "unanswered":
        unanswered.report(url, out, since=since, as_csv=True)
    else:
        feedback.report(url, out, since=since, as_csv=True)
    return out.getvalue()


class Worker:
    def __init__(self) -> None:
        self._pool: ProcessPoolExecutor | None = None
        self._recent: dict[tuple[Any, ...], tuple[float, asyncio.Future[Any]]] = {}

    async def summary(self, url: str, shown: Range, outcomes: Sequence[str]) -> dict[str, Any]:
        key = ("summary", url, shown, tuple(outcomes))
        now = time.monotonic()
        self._recent = {k: v for k, v in self._recent.items() if now - v[0] < CACHE_SECONDS}
        if key not in self._recent:
            self._recent[key] = (now, asyncio.ensure_future(self._run(summarize, url, shown, tuple(outcomes))))
        result: dict[str, Any] = await asyncio.shield(self._recent[key][1])
        return result

    async def export(self, url: str, kind: str, since: date | None) -> str:
        csv_text: str = await self._run(export_csv, url, kind, since)
        return csv_text

    async def _run(self, function: Callable[..., Any], *args: Any) -> Any:
        loop = asyncio.get_running_loop()
        try:
            return await loop.run_in_executor(self._started(), function, *args)
        except BrokenProcessPool:  # the worker died (killed, out of memory): a new one, once
            logger.warning("The operations page's worker process died; starting a new one.")
            self.close()
            return await loop.run_in_executor(self._started(), function, *args)

    def _started(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                                             initializer=_yield_to_the_chat)
        return self._pool

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
