"""A SQL tracker store that keeps each conversation's current session in memory.

Rasa's `SQLTrackerStore` reads the whole session back from the database on every turn and counts its rows
again before writing (three queries and an ORM round trip: about 12 ms a turn on SQLite here). This store
does the same writes, but remembers what it wrote, so a turn reads nothing from the database after the
conversation's first access in this process. On SQLite it also keeps its connection open (see
`_pooled_sqlite_engine`).

It is right only while one Rasa process writes the database, which is what `endpoints.yml` runs (the
in-memory lock store allows no other). Several replicas must use Rasa's own SQL store
(`endpoints.production.yml`): another replica's writes would not be seen here.
"""
from __future__ import annotations

import itertools
import json
import math
from collections import OrderedDict
from collections.abc import Iterator
from typing import Any, NamedTuple

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import Event, SessionStarted
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import sessionmaker
from sqlalchemy.pool import QueuePool

from .compat import Hook, require

HOOKS = (Hook("rasa.core.tracker_store:SQLTrackerStore._additional_events", ("self", "session", "tracker")),
         Hook("rasa.core.tracker_store:SQLTrackerStore._event_query",
              ("self", "session", "sender_id", "fetch_events_from_all_sessions")),
         Hook("rasa.core.tracker_store:SQLTrackerStore.session_scope", ("self",)),
         Hook("rasa.core.tracker_store:SQLTrackerStore.retrieve", ("self", "sender_id"), coroutine=True),
         Hook("rasa.core.tracker_store:SQLTrackerStore.save", ("self", "tracker"), coroutine=True))
require(*HOOKS)


class _Session(NamedTuple):
    events: list[str]  # as stored: JSON, in insertion order
    last_timestamp: float  # the conversation's latest event timestamp (-inf: none yet)


class SessionCachingSQLTrackerStore(SQLTrackerStore):
    """`SQLTrackerStore` plus an LRU cache of the stored events of each conversation's latest session."""

    def __init__(self, *args: Any, cached_conversations: int = 1000, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if cached_conversations < 1:
            raise ValueError("cached_conversations must be at least 1")
        self._limit = cached_conversations
        self._sessions: OrderedDict[str, _Session] = OrderedDict()  # by sender id, least recently used first
        if self.engine.dialect.name == "sqlite" and self.engine.url.database not in (None, "", ":memory:"):
            self.engine.dispose()
            self.engine = _pooled_sqlite_engine(self.engine.url)
            self.sessionmaker = sessionmaker(bind=self.engine)

    async def retrieve(self, sender_id: str) -> DialogueStateTracker | None:
        """The latest session, as `SQLTrackerStore.retrieve` returns it."""
        stored = self._stored_session(sender_id).events
        if not stored or not self.domain:
            return None
        return DialogueStateTracker.from_dict(sender_id, [json.loads(data) for data in stored],
                                              self.domain.slots)

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Writes the events the database lacks (Rasa's own code does the writing), then remembers them.

        The SQL store finds a session's start by timestamp, the cache by position: they agree while timestamps
        increase. Events that break that order (the REST API accepts any timestamp) make the cache forget the
        conversation, so its next turn reads the database again.
        """
        stored = self._stored_session(tracker.sender_id)
        added = self._unsaved_events(tracker, stored)
        await super().save(tracker)
        timestamps = [stored.last_timestamp, *(event.timestamp for event in added)]
        if any(later <= earlier for earlier, later in itertools.pairwise(timestamps)):
            self._sessions.pop(tracker.sender_id, None)
            return
        events = stored.events
        starts = [i for i, event in enumerate(added) if isinstance(event, SessionStarted)]
        if starts:  # the SQL store's session query starts there now
            events, added = [], added[starts[-1]:]
        self._remember(tracker.sender_id, _Session(events + [json.dumps(event.as_dict()) for event in added],
                                                   timestamps[-1]))

    def _additional_events(self, session: Any, tracker: DialogueStateTracker) -> Iterator[Event]:
        """What Rasa's `save` writes (no count query)."""
        return iter(self._unsaved_events(tracker, self._stored_session(tracker.sender_id)))

    def _unsaved_events(self, tracker: DialogueStateTracker, stored: _Session) -> list[Event]:
        """The tracker's events after those of the stored session."""
        return list(itertools.islice(tracker.events, len(stored.events), None))

    def _stored_session(self, sender_id: str) -> _Session:
        stored = self._sessions.get(sender_id)
        if stored is None:
            with self.session_scope() as session:
                rows = self._event_query(session, sender_id, fetch_events_from_all_sessions=False).all()
            stored = _Session([row.data for row in rows], max((row.timestamp for row in rows), default=-math.inf))
        self._remember(sender_id, stored)
        return stored

    def _remember(self, sender_id: str, stored: _Session) -> None:
        self._sessions[sender_id] = stored
        self._sessions.move_to_end(sender_id)
        while len(self._sessions) > self._limit:
            self._sessions.popitem(last=False)


def _pooled_sqlite_engine(url: Any) -> Engine:
    """A kept-open connection (a second only if two are ever needed at once) in WAL mode, synced at checkpoints
    rather than at every commit.

    Rasa opens SQLite without a pool: each turn reconnects, and closing the file's last connection syncs
    it to disk (2.7 ms a commit here). A crash of the process loses nothing this way; a power cut can
    lose the turns since the last checkpoint.
    """
    engine = create_engine(url, poolclass=QueuePool, pool_size=1, connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _write_ahead_log)
    return engine


def _write_ahead_log(connection: Any, _record: Any) -> None:
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()
