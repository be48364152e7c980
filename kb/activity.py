"""The bot's turns counted per UTC hour, for the operations page: how many messages, what they got, how fast.

The Rasa server adds what its /metrics counters grew by since its last write (admin/counters.py), so nothing is
written per message and several Rasa processes add to the same rows. Series:
- `messages`: label = the turn's outcome (answered, fallback, out_of_scope, not_found, error);
- `latency`: label = a histogram bucket's upper bound in seconds ("0.05", …, "+Inf"), cumulative like Prometheus';
- `wechat`: label = how a WeChat answer was delivered (passive, pushed, apology).
"""
from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import inspect, select

from . import schema
from .database import engine_for, upsert

MESSAGES, LATENCY, WECHAT = "messages", "latency", "wechat"
_table = schema.hourly_counts
CountKey = tuple[datetime, str, str, str]  # hour, series, channel, label


@dataclass(frozen=True)
class Count:
    hour: datetime  # UTC, the start of the hour
    series: str
    channel: str
    label: str
    count: int


def hour_of(moment: datetime) -> datetime:
    return moment.replace(minute=0, second=0, microsecond=0)


def add_counts(url: str, counts: Mapping[CountKey, int]) -> None:
    """Add `counts` to the stored ones (rows created as needed). Raises when the database fails."""
    rows = [{"hour": hour, "series": series, "channel": channel, "label": label, "count": count}
            for (hour, series, channel, label), count in counts.items() if count]
    if not rows:
        return
    with engine_for(url).begin() as conn:
        _table.create(conn, checkfirst=True)
        upsert(conn, _table, rows, keys=("hour", "series", "channel", "label"), add=("count",))


def read_counts(url: str, since: datetime, until: datetime) -> list[Count]:
    """The rows of the hours in [since, until), oldest first; none if nothing was ever counted."""
    with engine_for(url).connect() as conn:
        if not inspect(conn).has_table(_table.name):
            return []
        t = _table.c
        query = select(t.hour, t.series, t.channel, t.label, t["count"]).where(t.hour >= since, t.hour < until)
        return [Count(*row) for row in conn.execute(query.order_by(t.hour))]


def quantile(cumulative: Mapping[str, int], q: float) -> float | None:
    """The q-quantile (seconds) of a histogram given as cumulative counts by bucket bound ("0.05", "+Inf"), with
    linear interpolation inside the bucket, as Prometheus' histogram_quantile; None without observations."""
    bounds = sorted((float(bound), count) for bound, count in cumulative.items())
    total = bounds[-1][1] if bounds else 0
    if total <= 0:
        return None
    rank = q * total
    lower, below = 0.0, 0
    for bound, count in bounds:
        if count >= rank:
            if math.isinf(bound):
                return lower  # beyond the highest finite bound: that bound is all that is known
            return lower + (bound - lower) * (rank - below) / max(count - below, 1)
        lower, below = bound, count
    return lower
