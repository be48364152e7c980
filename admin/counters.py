"""The operations page's hourly counts, taken from the counters /metrics already keeps: nothing on the chat path.

Every `flush_seconds` a background task reads the turn counters (messages by channel and outcome, the turn-time
histogram) and WeChat's delivery counter, and adds what each grew by since the last successful write to the hour's
rows in the knowledge-base database (kb/activity.py), in a worker thread. A failed write keeps the growth for the
next one and is logged once per failure episode; stopping the server writes the rest.
"""
from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import datetime, timezone

from prometheus_client import Counter, Histogram

from channels.wechat.turns import REPLIES
from kb import activity
from rasa_speedups.turn_guard import MESSAGES, TURN_SECONDS

logger = logging.getLogger(__name__)

SampleKey = tuple[str, str, str]  # series, channel, label
# (series, metric, the sample's name, the label that becomes `label`)
TRACKED: tuple[tuple[str, Counter | Histogram, str, str], ...] = (
    (activity.MESSAGES, MESSAGES, "fugong_messages_total", "outcome"),
    (activity.LATENCY, TURN_SECONDS, "fugong_turn_seconds_bucket", "le"),
    (activity.WECHAT, REPLIES, "fugong_wechat_replies_total", "delivery"),
)


def read_counters() -> dict[SampleKey, int]:
    values: dict[SampleKey, int] = {}
    for series, metric, sample_name, label in TRACKED:
        for family in metric.collect():
            for sample in family.samples:
                if sample.name == sample_name:
                    values[(series, sample.labels["channel"], sample.labels[label])] = int(sample.value)
    return values


class HourlyCounts:
    """What the counters grew by since the last write, added to the current hour's rows."""

    def __init__(self, url: Callable[[], str], read: Callable[[], dict[SampleKey, int]] = read_counters) -> None:
        self._url = url
        self._read = read
        self._written: dict[SampleKey, int] = {}
        self._failing = False
        self.failures = 0

    def flush(self) -> None:
        """Blocking: one write of the growth since the last successful one."""
        current = self._read()
        hour = activity.hour_of(datetime.now(timezone.utc).replace(tzinfo=None))
        growth = {(hour, *key): value - self._written.get(key, 0) for key, value in current.items()}
        try:
            activity.add_counts(self._url(), {key: n for key, n in growth.items() if n > 0})
        except Exception as error:  # noqa: BLE001 - kept for the next write; logged once per episode
            self.failures += 1
            if not self._failing:
                self._failing = True
                logger.error("Could not write the operations page's hourly counts (kept for the next try): %s: %s",
                             type(error).__name__, str(error)[:300])
            return
        if self._failing:
            self._failing = False
            logger.warning("The operations page's hourly counts are written again.")
        self._written = current

    async def run(self, every: float) -> None:
        """Flush every `every` seconds until cancelled."""
        loop = asyncio.get_running_loop()
        while True:
            await asyncio.sleep(every)
            await loop.run_in_executor(None, self.flush)
