"""👍/👎 on the bot's answers: what people thought of them, per article and per topic (the kind of fact asked).

A vote is kept with the question, the channel, the time (UTC), the article the answer led with and whether the
answer came from the search fallback; no sender. One vote per answer: `answer_key` is a hash of the conversation and
the answer's id, and a later vote on the same answer replaces the earlier one.
`python -m kb feedback` lists them; `--csv` writes one row per vote.
"""
from __future__ import annotations

import csv
import hashlib
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import TextIO

from sqlalchemy import inspect, select

from . import kinds, schema
from .database import engine_for, upsert

_table = schema.answer_votes
MAX_QUESTION_CHARS = 500
OTHER_TOPIC = "other"
# The topic of a vote: the first kind of fact its question asks for, in this order (kb/kinds.py), with its name.
TOPICS = {kinds.PHONE: "电话热线", kinds.DATE: "时间日期", kinds.DURATION: "时长", kinds.FREQUENCY: "频次",
          kinds.COUNT: "数量", kinds.ROUTE: "路线", kinds.PLACE: "地点", kinds.ORGANISATION: "单位机构",
          kinds.LIST: "有哪些", kinds.HOW: "怎么办", kinds.WHY: "原因", kinds.OVERVIEW: "概况",
          OTHER_TOPIC: "其他"}


def topic_of(question: str) -> str:
    asked = kinds.asked_kinds(question)
    return next((topic for topic in TOPICS if topic in asked), OTHER_TOPIC)


def answer_key(conversation: str, answer_id: str) -> str:
    return hashlib.sha256(f"{conversation}\n{answer_id}".encode()).hexdigest()


def record_vote(url: str, *, conversation: str, answer_id: str, channel: str, helpful: bool, question: str,
                article: str, article_date: str = "", fallback: bool = False) -> None:
    """Store a vote on one answer, replacing an earlier vote on it. Raises when the database fails."""
    question = " ".join(question.split())[:MAX_QUESTION_CHARS]
    row = {"answer_key": answer_key(conversation, answer_id), "voted_at": _utc_now(), "channel": channel[:50],
           "helpful": helpful, "question": question, "article": article[:200], "article_date": article_date[:50],
           "topic": topic_of(question), "fallback": fallback}
    with engine_for(url).begin() as conn:
        _table.create(conn, checkfirst=True)
        upsert(conn, _table, [row], keys=("answer_key",), replace=("voted_at", "helpful"))


@dataclass(frozen=True)
class Vote:
    voted_at: datetime
    channel: str
    helpful: bool
    question: str
    article: str
    article_date: str
    topic: str
    fallback: bool


@dataclass(frozen=True)
class Tally:
    """Votes on one article, topic or question."""
    name: str
    up: int
    down: int

    @property
    def total(self) -> int:
        return self.up + self.down


@dataclass(frozen=True)
class Rated:
    """One question with its article: the votes on its answers."""
    question: str
    article: str
    channels: list[str]
    up: int
    down: int
    last_voted: datetime


def read_votes(url: str, since: datetime | None = None, until: datetime | None = None) -> list[Vote]:
    """The votes cast (their latest) in [since, until), the newest first."""
    with engine_for(url).connect() as conn:
        if not inspect(conn).has_table(_table.name):
            return []
        query = select(_table).order_by(_table.c.voted_at.desc(), _table.c.id.desc())
        if since is not None:
            query = query.where(_table.c.voted_at >= since)
        if until is not None:
            query = query.where(_table.c.voted_at < until)
        return [Vote(r.voted_at, r.channel, r.helpful, r.question, r.article, r.article_date, r.topic, r.fallback)
                for r in conn.execute(query)]


def tally(votes: list[Vote], by: str) -> list[Tally]:
    """Votes per `by` ("article" or "topic"), the most voted first."""
    up: Counter[str] = Counter()
    down: Counter[str] = Counter()
    for vote in votes:
        (up if vote.helpful else down)[getattr(vote, by)] += 1
    names = sorted(up.keys() | down.keys(), key=lambda name: (-(up[name] + down[name]), name))
    return [Tally(name, up[name], down[name]) for name in names]


def worst_rated(votes: list[Vote], limit: int = 10) -> list[Rated]:
    """Questions (with the article that answered them) with more 👎 than 👍, the worst first."""
    rated: dict[tuple[str, str], list[Vote]] = {}
    for vote in votes:
        rated.setdefault((vote.question, vote.article), []).append(vote)
    rows = [Rated(question, article, sorted({v.channel for v in group}), sum(v.helpful for v in group),
                  sum(not v.helpful for v in group), max(v.voted_at for v in group))
            for (question, article), group in rated.items()]
    rows = [row for row in rows if row.down > row.up]
    rows.sort(key=lambda row: (row.up - row.down, -row.down, -row.last_voted.timestamp()))
    return rows[:limit]


CSV_COLUMNS = ["voted_at_utc", "channel", "vote", "question", "article", "article_date", "topic", "fallback"]


def write_csv(votes: list[Vote], out: TextIO) -> None:
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for vote in votes:
        writer.writerow([f"{vote.voted_at:%Y-%m-%d %H:%M:%S}", vote.channel, "up" if vote.helpful else "down",
                         vote.question, vote.article, vote.article_date, vote.topic, int(vote.fallback)])


def report(url: str, out: TextIO, since: date | None = None, as_csv: bool = False) -> None:
    """`python -m kb feedback`: per article, then the worst-rated answers; or every vote as CSV."""
    votes = read_votes(url, datetime(since.year, since.month, since.day) if since else None)
    if as_csv:
        write_csv(votes, out)
        return
    if not votes:
        out.write("还没有人评价过回答。\n")
        return
    up = sum(v.helpful for v in votes)
    out.write(f"评价：{len(votes)} 次，👍 {up}，👎 {len(votes) - up}（时间为 UTC）\n\n按文章：\n")
    out.writelines(f"  👍 {t.up:>4}  👎 {t.down:>4}  《{t.name}》\n" for t in tally(votes, "article"))
    worst = worst_rated(votes)
    if worst:
        out.write("\n评价最差的回答：\n")
        out.writelines(f"  👎 {r.down} 👍 {r.up}  {r.question}  →《{r.article}》\n" for r in worst)


def _utc_now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)
