"""The session-caching store must hand Rasa exactly what Rasa's own SQL store would, and keep it on disk."""
import sqlite3
from typing import Any

import pytest
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker, EventVerbosity

from rasa_speedups.tracker_store import SessionCachingSQLTrackerStore
from tools import ROOT

DOMAIN = Domain.load(ROOT / "domain.yml")


def state_of(tracker: DialogueStateTracker | None) -> dict[str, Any]:
    assert tracker is not None
    return tracker.current_state(EventVerbosity.ALL)


def turn(text: str, article: str) -> list:
    return [UserUttered(text, {"name": "ask_question", "confidence": 0.9}), ActionExecuted("action_answer"),
            SlotSet("article", article), BotUttered(f"答：{text}"), ActionExecuted("action_listen")]


async def play(store, turns: list[list], senders=("user-1",)) -> list[dict]:
    """Rasa's processor in short: retrieve (or start) the tracker, add a turn, save; the trackers it saw.

    Several senders take turns, so a cache of one conversation has to read each one back from disk."""
    seen = []
    for events in turns:
        for sender in senders:
            tracker = await store.retrieve(sender) or DialogueStateTracker(sender, DOMAIN.slots)
            seen.append(tracker.current_state(EventVerbosity.ALL))
            for event in events:
                tracker.update(event)
            await store.save(tracker)
    seen.extend([(await store.retrieve(sender)).current_state(EventVerbosity.ALL) for sender in senders])
    return seen


CONVERSATION = [
    [ActionExecuted("action_session_start"), SessionStarted(), ActionExecuted("action_listen"),
     *turn("齐鲁号几号发车", "6")],
    turn("从哪里出发", "6"),
    [ActionExecuted("action_session_start"), SessionStarted(), SlotSet("article", "6"),
     ActionExecuted("action_listen"), *turn("热线电话", "2")],  # a new session (expired): only it counts
    turn("金融的呢", "2"),
]


def stores(folder, **options):
    return (SQLTrackerStore(DOMAIN, dialect="sqlite", db=str(folder / "rasa.db")),
            SessionCachingSQLTrackerStore(DOMAIN, dialect="sqlite", db=str(folder / "ours.db"), **options))


@pytest.mark.parametrize("cached_conversations", [1000, 1])
async def test_hands_rasa_the_same_trackers_as_the_sql_store(tmp_path, cached_conversations):
    rasa_store, ours = stores(tmp_path, cached_conversations=cached_conversations)
    senders = ("user-1", "user-2")
    expected = await play(rasa_store, CONVERSATION, senders)
    assert await play(ours, CONVERSATION, senders) == expected
    last = expected[-1]["events"]
    assert last[0]["event"] == "session_started"  # the latest session only
    assert [e["text"] for e in last if e["event"] == "user"] == ["热线电话", "金融的呢"]
    assert expected[-1]["slots"]["article"] == "2"


async def test_reads_each_conversation_from_disk_once(tmp_path, monkeypatch):
    _, ours = stores(tmp_path)
    reads = []
    query = ours._event_query
    def counting(*args: Any, **kwargs: Any) -> Any:
        reads.append(args[1])
        return query(*args, **kwargs)

    monkeypatch.setattr(ours, "_event_query", counting)
    await play(ours, CONVERSATION, ("user-1", "user-2"))
    assert sorted(reads) == ["user-1", "user-2"]


def at(when: float, *events) -> list:
    for event in events:
        event.timestamp = when
    return list(events)


OUT_OF_ORDER = {  # what clients of Rasa's HTTP API (`/conversations/<id>/tracker/events`) may append
    "an event older than the session start": [CONVERSATION[0], at(1.0, SlotSet("article", "5"))],
    "a session start sharing its timestamp": [
        turn("齐鲁号", "train"), at(9e9, ActionExecuted("action_session_start"), SessionStarted()),
        turn("热线", "hotline")],
    "two sessions in one save": [[*at(10.0, ActionExecuted("action_session_start")), *at(11.0, SessionStarted()),
                                  *turn("一", "train"), *at(12.0, SessionStarted()), *turn("二", "jobs")]],
}


@pytest.mark.parametrize("turns", OUT_OF_ORDER.values(), ids=OUT_OF_ORDER.keys())
async def test_timestamps_out_of_order_give_what_the_sql_store_gives(tmp_path, turns):
    rasa_store, ours = stores(tmp_path)
    assert await play(ours, turns) == await play(rasa_store, turns)


async def test_in_memory_sqlite_works(tmp_path):
    rasa_store = SQLTrackerStore(DOMAIN, dialect="sqlite", db=str(tmp_path / "rasa.db"))
    ours = SessionCachingSQLTrackerStore(DOMAIN, dialect="sqlite", db=":memory:")
    assert await play(ours, CONVERSATION) == await play(rasa_store, CONVERSATION)


async def test_writes_every_event_once(tmp_path):
    rasa_store, ours = stores(tmp_path)
    for store in (rasa_store, ours):
        await play(store, CONVERSATION)
    rows = {name: sqlite3.connect(tmp_path / name).execute(
        "SELECT type_name, data FROM events ORDER BY id").fetchall() for name in ("rasa.db", "ours.db")}
    assert len(rows["ours.db"]) == sum(map(len, CONVERSATION))
    assert [t for t, _ in rows["ours.db"]] == [t for t, _ in rows["rasa.db"]]


async def test_a_restarted_store_reads_what_it_wrote(tmp_path):
    _, ours = stores(tmp_path)
    await play(ours, CONVERSATION[:2])
    restarted = SessionCachingSQLTrackerStore(DOMAIN, dialect="sqlite", db=str(tmp_path / "ours.db"))
    plain = SQLTrackerStore(DOMAIN, dialect="sqlite", db=str(tmp_path / "ours.db"))
    expected = state_of(await plain.retrieve("user-1"))
    assert state_of(await restarted.retrieve("user-1")) == expected
    assert expected["slots"]["article"] == "6"
    assert await restarted.retrieve("nobody") is None


def test_sqlite_file_is_in_write_ahead_log_mode(tmp_path):
    _, ours = stores(tmp_path)
    with ours.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL


def test_refuses_an_empty_cache(tmp_path):
    with pytest.raises(ValueError, match="cached_conversations"):
        SessionCachingSQLTrackerStore(DOMAIN, dialect="sqlite", db=str(tmp_path / "x.db"), cached_conversations=0)
