"""What the operations page shows for a range of time, computed from the knowledge-base database's read-only queries.

Runs in a worker process of its own (admin/worker.py), never on the bot's event loop: grouping the unanswered
questions by wording costs seconds when there are thousands. The result is plain JSON data: the page renders its
tables from it and its charts draw it. Times are stored in UTC and shown in Beijing time (UTC+8).
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any

from kb import activity, feedback
from kb.similar import group_similar
from kb.unanswered import Group, group_unanswered, read_unanswered
from kb.unanswered_checks import Checked, read_checks

SHOWN_OFFSET = timedelta(hours=8)  # Beijing time, no daylight saving
HIDDEN_CHANNELS = frozenset({"warmup"})  # the turn the bot runs on itself at start
CHANNEL_NAMES = {"widget": "网页挂件", "wechat": "微信公众号", "wecom": "企业微信", "rest": "REST 接口",
                 "socketio": "Socket.IO", "other": "其他"}
OUTCOME_NAMES = {"answered": "已回答", "fallback": "兜底检索回答", "out_of_scope": "超出范围", "not_found": "未找到",
                 "error": "出错"}
REASON_NAMES = {"not_found": "没找到", "fallback": "兜底也没找到", "out_of_scope": "超出范围",
                "other_language": "不是中文"}
DELIVERY_NAMES = {"passive": "按时（被动回复）", "pushed": "迟到（客服消息补发）", "apology": "迟到（致歉）"}
LATE_DELIVERIES = ("pushed", "apology")
MAX_GROUPS = 50
WORST_RATED = 10
PRESETS = {"24h": timedelta(hours=24), "7d": timedelta(days=7), "30d": timedelta(days=30)}
MAX_DAYS = 366
HOURLY_UP_TO = timedelta(hours=72)  # longer ranges are shown per day


class RangeError(ValueError):
    """A range the page cannot show, said in Chinese."""


@dataclass(frozen=True)
class Range:
    since: datetime  # UTC, inclusive
    until: datetime  # UTC, exclusive
    step: str  # "hour" or "day"

    def starts(self) -> list[datetime]:
        """The start (UTC) of each step; days begin at Beijing midnight."""
        size = timedelta(hours=1) if self.step == "hour" else timedelta(days=1)
        first = self.since if self.step == "hour" else _day_start(self.since)
        starts, moment = [], first
        while moment < self.until:
            starts.append(moment)
            moment += size
        return starts

    def step_of(self, moment: datetime) -> datetime:
        return activity.hour_of(moment) if self.step == "hour" else _day_start(moment)

    def label(self, start: datetime) -> str:
        shown = start + SHOWN_OFFSET
        return f"{shown:%m-%d %H}时" if self.step == "hour" else f"{shown:%m-%d}"


def parse_range(args: Mapping[str, str], now: datetime) -> Range:
    """`range=24h|7d|30d` (up to now, UTC), or `from=YYYY-MM-DD&to=YYYY-MM-DD` (Beijing days, inclusive)."""
    first, last = args.get("from") or "", args.get("to") or ""
    if first or last:
        try:
            since = datetime.fromisoformat(first) - SHOWN_OFFSET
            until = datetime.fromisoformat(last) + timedelta(days=1) - SHOWN_OFFSET
        except ValueError:
            raise RangeError("日期要写成 YYYY-MM-DD，例如 2020-03-01，起止日期都要填") from None
        if not timedelta(0) < until - since <= timedelta(days=MAX_DAYS):
            raise RangeError(f"结束日期不能早于开始日期，范围最多 {MAX_DAYS} 天")
    else:
        preset = PRESETS.get(args.get("range") or "24h")
        if preset is None:
            raise RangeError(f"range 只能是 {'、'.join(PRESETS)}")
        until = activity.hour_of(now) + timedelta(hours=1)
        since = until - preset
    return Range(since, until, "hour" if until - since <= HOURLY_UP_TO else "day")


def summarize(url: str, shown: Range, outcomes: Sequence[str]) -> dict[str, Any]:
    """Every figure of the page for `shown` (outcomes: the turn outcomes in order of gravity)."""
    counts = [c for c in activity.read_counts(url, shown.since, shown.until) if c.channel not in HIDDEN_CHANNELS]
    starts = shown.starts()
    index = {start: i for i, start in enumerate(starts)}
    votes = feedback.read_votes(url, shown.since, shown.until)
    return {
        "range": {"since": _shown_time(shown.since), "until": _shown_time(shown.until), "step": shown.step},
        "labels": [shown.label(start) for start in starts],
        "messages": _messages(counts, shown, index),
        "outcomes": _outcomes(counts, shown, index, outcomes),
        "latency": _latency(counts, shown, index),
        "wechat": _wechat(counts, shown, index),
        "feedback": _feedback(votes),
        "unanswered": _unanswered(url, shown),
    }


def _series(counts: list[activity.Count], shown: Range, index: dict[datetime, int], series: str,
            key: str) -> dict[str, list[int]]:
    """Per `key` ("channel" or "label"), the count of each step."""
    result: dict[str, list[int]] = defaultdict(lambda: [0] * len(index))
    for count in counts:
        if count.series == series and (step := index.get(shown.step_of(count.hour))) is not None:
            result[getattr(count, key)][step] += count.count
    return dict(result)


def _messages(counts: list[activity.Count], shown: Range, index: dict[datetime, int]) -> dict[str, Any]:
    by_channel = _series(counts, shown, index, activity.MESSAGES, "channel")
    order = sorted(by_channel, key=lambda channel: (-sum(by_channel[channel]), channel))
    return {"total": sum(map(sum, by_channel.values())),
            "channels": [{"key": channel, "name": CHANNEL_NAMES.get(channel, channel), "counts": by_channel[channel]}
                         for channel in order]}


def _outcomes(counts: list[activity.Count], shown: Range, index: dict[datetime, int],
              outcomes: Sequence[str]) -> dict[str, Any]:
    by_outcome = _series(counts, shown, index, activity.MESSAGES, "label")
    zeros = [0] * len(index)
    steps = {outcome: by_outcome.get(outcome, zeros) for outcome in outcomes}
    totals = {outcome: sum(steps[outcome]) for outcome in outcomes}
    every = sum(totals.values())
    step_totals = [sum(column) for column in zip(*steps.values(), strict=True)]
    return {"total": every,
            "outcomes": [{"key": outcome, "name": OUTCOME_NAMES.get(outcome, outcome), "count": totals[outcome],
                          "share": _share(totals[outcome], every),
                          "shares": [_share(n, t) for n, t in zip(steps[outcome], step_totals, strict=True)]}
                         for outcome in outcomes]}


def _latency(counts: list[activity.Count], shown: Range, index: dict[datetime, int]) -> dict[str, Any]:
    """p50/p95 of the turns (ms) over the range, per channel and per step, from the cumulative buckets."""
    overall: dict[str, int] = defaultdict(int)
    per_channel: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    per_step: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for count in counts:
        if count.series != activity.LATENCY:
            continue
        overall[count.label] += count.count
        per_channel[count.channel][count.label] += count.count
        if (step := index.get(shown.step_of(count.hour))) is not None:
            per_step[step][count.label] += count.count
    return {**_quantiles(overall),
            "channels": [{"key": channel, "name": CHANNEL_NAMES.get(channel, channel), **_quantiles(buckets)}
                         for channel, buckets in sorted(per_channel.items())],
            "p50_series": [_quantiles(per_step.get(i, {}))["p50_ms"] for i in range(len(index))],
            "p95_series": [_quantiles(per_step.get(i, {}))["p95_ms"] for i in range(len(index))]}


def _quantiles(buckets: dict[str, int]) -> dict[str, Any]:
    def ms(q: float) -> float | None:
        seconds = activity.quantile(buckets, q)
        return None if seconds is None else round(seconds * 1000, 1)

    return {"p50_ms": ms(0.5), "p95_ms": ms(0.95), "turns": buckets.get("+Inf", 0)}


def _wechat(counts: list[activity.Count], shown: Range, index: dict[datetime, int]) -> dict[str, Any]:
    by_delivery = _series(counts, shown, index, activity.WECHAT, "label")
    totals = {delivery: sum(by_delivery.get(delivery, [])) for delivery in DELIVERY_NAMES}
    every = sum(totals.values())
    late = sum(totals[d] for d in LATE_DELIVERIES)
    return {"total": every, "passive_share": _share(totals["passive"], every), "late_share": _share(late, every),
            "deliveries": [{"key": d, "name": name, "count": totals[d],
                            "counts": by_delivery.get(d, [0] * len(index))} for d, name in DELIVERY_NAMES.items()]}


def _feedback(votes: list[feedback.Vote]) -> dict[str, Any]:
    def rows(by: str) -> list[dict[str, Any]]:
        names = feedback.TOPICS if by == "topic" else {}
        return [{"name": names.get(t.name, t.name), "up": t.up, "down": t.down} for t in feedback.tally(votes, by)]

    up = sum(v.helpful for v in votes)
    return {"total": len(votes), "up": up, "down": len(votes) - up, "up_share": _share(up, len(votes)),
            "articles": rows("article"), "topics": rows("topic"),
            "worst": [{"question": r.question, "article": r.article, "channels": [_channel_name(c) for c in r.channels],
                       "up": r.up, "down": r.down, "last_voted": _shown_time(r.last_voted)}
                      for r in feedback.worst_rated(votes, WORST_RATED)]}


def _unanswered(url: str, shown: Range) -> dict[str, Any]:
    """Groups of similar questions asked in the range, the most asked first; whether the latest build answers each."""
    asked = [a for a in read_unanswered(url, shown.since.date()) if shown.since <= a.asked_at < shown.until]
    groups = group_unanswered(asked, _grouping)
    checked = read_checks(url)
    shown_groups = [_group(group, checked) for group in groups[:MAX_GROUPS]]
    return {"questions": len(asked), "groups": len(groups), "checked_build": checked.build_id,
            "latest_build": checked.latest_build_id,
            "still": [g for g in shown_groups if not g["answered_by"]],
            "answered": [g for g in shown_groups if g["answered_by"]]}


def _grouping(questions: list[str]) -> list[list[int]]:
    """kb.similar's grouping, remembered: a page refreshed while no question came in groups nothing again."""
    return [list(indices) for indices in _remembered_grouping(tuple(questions))]


@lru_cache(maxsize=8)
def _remembered_grouping(questions: tuple[str, ...]) -> tuple[tuple[int, ...], ...]:
    return tuple(tuple(indices) for indices in group_similar(list(questions)))


def _group(group: Group, checked: Checked) -> dict[str, Any]:
    examples = group.examples()
    check = checked.checks.get(examples[0]) if checked.current else None
    return {"count": len(group.asked), "examples": examples, "last_asked": _shown_time(group.last_asked),
            "channels": [_channel_name(c) for c in group.channels],
            "reasons": [{"reason": REASON_NAMES.get(reason, reason), "count": count}
                        for reason, count in group.reasons],
            "answered_by": check.article if check else "", "answer": check.answer if check else ""}


def _channel_name(channel: str) -> str:
    return CHANNEL_NAMES.get(channel, channel)


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _shown_time(moment: datetime) -> str:
    return f"{moment + SHOWN_OFFSET:%Y-%m-%d %H:%M}"


def _day_start(moment: datetime) -> datetime:
    """The UTC start of the Beijing day `moment` (UTC) falls in."""
    shown = moment + SHOWN_OFFSET
    return shown.replace(hour=0, minute=0, second=0, microsecond=0) - SHOWN_OFFSET
