"""Questions the bot could not answer, kept in the knowledge-base database so the office sees which articles are
missing.

    from kb.unanswered import NOT_FOUND, record
    record(question, NOT_FOUND, reply=answer.text, channel="rest")

`record` is cheap and never raises: it queues the row and a background thread writes it (a build that holds the
SQLite write lock never stalls a reply). A question that cannot be stored is logged and counted. Only the question,
the reply, the channel, the reason and the time (UTC) are kept: no sender id, no other message.
`python -m kb unanswered` lists them grouped by similar wording (kb/similar.py), the most frequent first.
"""
from __future__ import annotations

import argparse
import atexit
import csv
import logging
import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Any, TextIO

from sqlalchemy import create_engine, insert, inspect, select
from sqlalchemy.engine import Engine

from . import schema
from .settings import database_url
from .similar import group_similar

log = logging.getLogger(__name__)

NOT_FOUND, FALLBACK, OUT_OF_SCOPE, OTHER_LANGUAGE = "not_found", "fallback", "out_of_scope", "other_language"
REASONS = (NOT_FOUND, FALLBACK, OUT_OF_SCOPE, OTHER_LANGUAGE)
MAX_QUESTION_CHARS = 500
MAX_REPLY_CHARS = 2000
MAX_CHANNEL_CHARS = 50
MAX_PENDING = 1000  # rows waiting for the writer; beyond that (database down for long) they are counted as lost
EXAMPLES_PER_GROUP = 3
_table = schema.unanswered_questions


class UnansweredLog:
    """Writes recorded questions to one database in a background thread."""

    def __init__(self, url: str | None = None, max_pending: int = MAX_PENDING):
        self.url = url or database_url()
        self.max_pending = max_pending
        self.written = 0  # rows stored
        self.failures = 0  # questions that could not be stored
        self._rows: list[dict[str, Any]] = []
        self._in_flight = 0  # rows the writer has taken and not finished
        self._changed = threading.Condition()
        self._writer: threading.Thread | None = None
        self._engine: Engine | None = None
        self._failing = False

    def record(self, question: str, reason: str, reply: str = "", channel: str = "") -> None:
        """Queue one unanswered question; never raises (a failure is logged and counted)."""
        try:
            row = _row(question, reason, reply, channel)
            if row is not None:
                self._enqueue(row)
        except ValueError as error:  # the caller's mistake, not the database's: logged every time
            self._count_failures(1)
            log.error("unanswered question not stored: %s", error)
        except Exception as error:  # noqa: BLE001 - the caller is answering a user: never disturb it
            self._lost(1, error)

    def _enqueue(self, row: dict[str, Any]) -> None:
        with self._changed:
            if len(self._rows) >= self.max_pending:
                raise OverflowError(f"{self.max_pending} questions already wait to be written")
            self._rows.append(row)
            self._changed.notify_all()
            if self._writer is None:
                self._writer = threading.Thread(target=self._write_forever, name="kb-unanswered", daemon=True)
                self._writer.start()
                atexit.register(self.flush)

    def flush(self, timeout: float = 10.0) -> bool:
        """Wait until every queued question is written or given up; False if that took longer than timeout."""
        with self._changed:
            return self._changed.wait_for(lambda: not self._rows and not self._in_flight, timeout)

    def _write_forever(self) -> None:
        while True:
            with self._changed:
                self._changed.wait_for(lambda: self._rows)
                batch, self._rows = self._rows, []
                self._in_flight = len(batch)
            try:
                self._write(batch)
            except Exception as error:  # noqa: BLE001 - logged and counted; the writer goes on
                self._lost(len(batch), error)
            finally:
                with self._changed:
                    self._in_flight = 0
                    self._changed.notify_all()

    def _write(self, batch: list[dict[str, Any]]) -> None:
        if self._engine is None:
            # SQLite: wait for a build's write lock (seconds) rather than lose the rows.
            connect_args = {"timeout": 60} if self.url.startswith("sqlite") else {}
            self._engine = create_engine(self.url, future=True, connect_args=connect_args, pool_pre_ping=True)
        with self._engine.begin() as conn:
            _table.create(conn, checkfirst=True)
            conn.execute(insert(_table), batch)
        self.written += len(batch)
        if self._failing:
            self._failing = False
            log.warning("unanswered questions are stored again in %s (%d lost so far)", self.url, self.failures)

    def _count_failures(self, count: int) -> None:
        with self._changed:  # the caller's thread and the writer both count
            self.failures += count

    def _lost(self, count: int, error: Exception) -> None:
        self._count_failures(count)
        if not self._failing:
            self._failing = True
            log.error("could not store %d unanswered question(s) in %s: %s: %s",
                      count, self.url, type(error).__name__, error)


def _row(question: str, reason: str, reply: str, channel: str) -> dict[str, Any] | None:
    if reason not in REASONS:
        raise ValueError(f"unknown reason {reason!r}; one of {', '.join(REASONS)}")
    question = " ".join(str(question or "").split())[:MAX_QUESTION_CHARS]
    if not question:
        return None  # a button or an empty message: nothing was asked
    return {"asked_at": datetime.now(timezone.utc).replace(tzinfo=None), "reason": reason,
            "question": question, "reply": str(reply or "")[:MAX_REPLY_CHARS],
            "channel": str(channel or "unknown")[:MAX_CHANNEL_CHARS]}


_log: UnansweredLog | None = None
_log_lock = threading.Lock()


def unanswered_log() -> UnansweredLog:
    """The log of this process, in the database at KB_DATABASE_URL (or build/kb.sqlite)."""
    global _log
    url = database_url()
    with _log_lock:
        if _log is None or _log.url != url:
            if _log is not None:
                _log.flush()
            _log = UnansweredLog(url)
        return _log


def record(question: str, reason: str, reply: str = "", channel: str = "") -> None:
    """Store a question the bot could not answer (reason: one of REASONS) with the reply it gave. Never raises."""
    try:
        log_ = unanswered_log()
    except Exception as error:  # noqa: BLE001 - e.g. a malformed KB_DATABASE_URL: logged, never raised
        log.error("could not store an unanswered question: %s: %s", type(error).__name__, error)
        return
    log_.record(question, reason, reply, channel)


# --- reading them back: `python -m kb unanswered` -------------------------------------------------------------
@dataclass(frozen=True)
class Asked:
    asked_at: datetime
    channel: str
    question: str
    reason: str
    reply: str


@dataclass(frozen=True)
class Group:
    asked: list[Asked]  # the newest first

    @property
    def last_asked(self) -> datetime:
        return self.asked[0].asked_at

    @property
    def channels(self) -> list[str]:
        return sorted({a.channel for a in self.asked})

    @property
    def reasons(self) -> list[tuple[str, int]]:
        """(reason, count), the most frequent first (ties: the most recent first)."""
        return Counter(a.reason for a in self.asked).most_common()

    def examples(self, count: int = EXAMPLES_PER_GROUP) -> list[str]:
        """Different wordings, the most often asked first (ties: the most recent first)."""
        return [question for question, _ in Counter(a.question for a in self.asked).most_common(count)]


def read_unanswered(url: str, since: date | None = None) -> list[Asked]:
    """Every stored question (asked on `since` or later, UTC), the newest first; none if nothing was ever stored."""
    engine = create_engine(url, future=True)
    try:
        with engine.connect() as conn:
            if not inspect(conn).has_table(_table.name):
                return []
            query = select(_table).order_by(_table.c.asked_at.desc(), _table.c.id.desc())
            if since is not None:
                query = query.where(_table.c.asked_at >= datetime(since.year, since.month, since.day))
            return [Asked(r.asked_at, r.channel, r.question, r.reason, r.reply) for r in conn.execute(query)]
    finally:
        engine.dispose()


def group_unanswered(asked: list[Asked],
                     grouping: Callable[[list[str]], list[list[int]]] = group_similar) -> list[Group]:
    """Groups of similar wording, the most asked first (ties: the most recently asked first)."""
    groups = [Group([asked[i] for i in indices]) for indices in grouping([a.question for a in asked])]
    return sorted(groups, key=lambda g: (-len(g.asked), -g.last_asked.timestamp()))


def report(url: str, out: TextIO, since: date | None = None, limit: int | None = None, as_csv: bool = False) -> None:
    """`python -m kb unanswered`: the groups, the most frequent first, at most `limit` of them."""
    asked = read_unanswered(url, since)
    groups = group_unanswered(asked)
    if as_csv:
        _write_csv(groups[:limit], out)
    else:
        _write_listing(groups[:limit], len(asked), len(groups), out)


def _write_listing(shown: list[Group], questions: int, groups: int, out: TextIO) -> None:
    if not shown:
        out.write("没有未能回答的问题。\n")
        return
    more = f"，下面是最多的 {len(shown)} 组" if len(shown) < groups else ""
    out.write(f"未能回答的问题：{questions} 次，{groups} 组相似问法{more}（时间为 UTC）\n")
    for number, group in enumerate(shown, 1):
        reasons = "，".join(f"{reason} {count}" for reason, count in group.reasons)
        out.write(f"\n{number}. {len(group.asked)} 次  最近 {group.last_asked:%Y-%m-%d %H:%M}  "
                  f"渠道 {'、'.join(group.channels)}  原因 {reasons}\n")
        out.writelines(f"   - {example}\n" for example in group.examples())


def _write_csv(groups: list[Group], out: TextIO) -> None:
    writer = csv.writer(out)
    writer.writerow(["group", "count", "last_asked_utc", "channels", "reasons",
                     *(f"example_{i}" for i in range(1, EXAMPLES_PER_GROUP + 1))])
    for number, group in enumerate(groups, 1):
        examples = group.examples()
        writer.writerow([number, len(group.asked), f"{group.last_asked:%Y-%m-%d %H:%M:%S}", " ".join(group.channels),
                         " ".join(f"{reason}:{count}" for reason, count in group.reasons),
                         *examples, *[""] * (EXAMPLES_PER_GROUP - len(examples))])


def since_day(text: str) -> date:
    """The argument of --since: YYYY-MM-DD."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date: write YYYY-MM-DD, e.g. 2020-03-01") from None
