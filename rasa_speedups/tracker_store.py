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
from collections import OrderedDict
from typing import Any, Iterator, Optional

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import SessionStarted
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import sessionmaker
from sqlalchemy.pool import QueuePool


class SessionCachingSQLTrackerStore(SQLTrackerStore):
    """`SQLTrackerStore` plus an LRU cache of the stored events of each conversation's latest session."""

    def __init__(self, *args: Any, cached_conversations: int = 1000, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if cached_conversations < 1:
            raise ValueError("cached_conversations must be at least 1")
        self._limit = cached_conversations
        self._sessions: OrderedDict[str, list[str]] = OrderedDict()  # sender id → stored events, as JSON
        if self.engine.dialect.name == "sqlite":
            self.engine.dispose()
            self.engine = _pooled_sqlite_engine(self.engine.url)
            self.sessionmaker = sessionmaker(bind=self.engine)

    async def retrieve(self, sender_id: str) -> Optional[DialogueStateTracker]:
        """The latest session, as `SQLTrackerStore.retrieve` returns it."""
        stored = self._stored_session(sender_id)
        if not stored or not self.domain:
            return None
        return DialogueStateTracker.from_dict(sender_id, [json.loads(data) for data in stored],
                                              self.domain.slots)

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Writes the events the database lacks (Rasa's own code does the writing), then remembers them."""
        stored = self._stored_session(tracker.sender_id)
        added = list(itertools.islice(tracker.events, len(stored), None))
        await super().save(tracker)
        starts = [i for i, event in enumerate(added) if isinstance(event, SessionStarted)]
        if starts:  # the SQL store's session query would now start there
            stored, added = [], added[starts[-1]:]
        self._remember(tracker.sender_id, stored + [json.dumps(event.as_dict()) for event in added])

    def _additional_events(self, session: Any, tracker: DialogueStateTracker) -> Iterator:
        """What Rasa's `save` writes: the tracker's events after those of the stored session (no count query)."""
        return itertools.islice(tracker.events, len(self._stored_session(tracker.sender_id)), None)

    def _stored_session(self, sender_id: str) -> list[str]:
        stored = self._sessions.get(sender_id)
        if stored is None:
            with self.session_scope() as session:
                rows = self._event_query(session, sender_id, fetch_events_from_all_sessions=False).all()
            stored = [row.data for row in rows]
        self._remember(sender_id, stored)
        return stored

    def _remember(self, sender_id: str, stored: list[str]) -> None:
        self._sessions[sender_id] = stored
        self._sessions.move_to_end(sender_id)
        while len(self._sessions) > self._limit:
            self._sessions.popitem(last=False)




def _pooled_sqlite_engine(url: Any) -> Engine:
    """One kept-open connection in WAL mode, synced at checkpoints rather than at every commit.

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
