"""Long conversations stay cheap: the recent-turns store hands Rasa the state and the latest turns of a session,
and Rasa decides every turn exactly as it does with its own SQL store and the whole session."""
from __future__ import annotations

import itertools
import sqlite3

import pytest
from rasa.core.agent import Agent
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    AllSlotsReset,
    BotUttered,
    Restarted,
    SessionStarted,
    SlotSet,
    UserUtteranceReverted,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker, EventVerbosity
from rasa.utils.endpoints import EndpointConfig

from rasa_speedups.recent_turns import RecentTurnsSQLTrackerStore
from tools import ROOT

DOMAIN = Domain.from_yaml("""
version: "3.1"
slots:
  article: {type: text, influence_conversation: false, mappings: [{type: custom}]}
  department: {type: text, influence_conversation: false, mappings: [{type: custom}]}
session_config: {session_expiration_time: 60, carry_over_slots_to_new_session: true}
""")  # the store's own: the tests hold whatever slots the bot's domain has
RECENT = 3  # small, so that a short test conversation is already long for the store


def turn(n: int) -> list:
    """One question and its answer; the article changes every few turns, the department is set in turn 1 only."""
    events = [UserUttered(f"问题{n}", {"name": "ask_question", "confidence": 0.9}), ActionExecuted("action_answer"),
              SlotSet("article", ("6", "3", "2")[n // 4 % 3])]
    if n == 1:
        events.append(SlotSet("department", "金融运行"))
    return events + [BotUttered(f"答{n}"), ActionExecuted("action_listen")]


SESSION_START = [ActionExecuted("action_session_start"), SessionStarted(), ActionExecuted("action_listen")]


def conversation(turns: int, extra: dict[int, list] | None = None) -> list[list]:
    """The events each turn appends: a session start, then `turns` turns; `extra[n]` is appended after turn n."""
    extra = extra or {}
    return [SESSION_START + turn(0)] + [turn(n) + extra.get(n, []) for n in range(1, turns)]


def stores(folder, **options) -> tuple[SQLTrackerStore, RecentTurnsSQLTrackerStore]:
    return (SQLTrackerStore(DOMAIN, dialect="sqlite", db=str(folder / "rasa.db")),
            RecentTurnsSQLTrackerStore(DOMAIN, dialect="sqlite", db=str(folder / "ours.db"),
                                       recent_turns=options.pop("recent_turns", RECENT), **options))


async def play(store, turns: list[list], sender: str = "user-1") -> list[DialogueStateTracker]:
    """What Rasa's processor does with the store each turn: retrieve, append the turn's events, save."""
    seen = []
    for events in turns:
        tracker = await store.retrieve(sender) or DialogueStateTracker(sender, DOMAIN.slots)
        seen.append(tracker)
        for event in events:
            tracker.update(event)
        await store.save(tracker)
    return seen


def state(tracker: DialogueStateTracker) -> dict:
    """Everything Rasa reads of a tracker but its list of events."""
    return tracker.current_state(EventVerbosity.NONE)


def dicts(events) -> list[dict]:
    return [event.as_dict() for event in events]


async def test_each_turn_gets_the_state_and_the_latest_turns_of_the_whole_session(tmp_path):
    rasa_store, ours = stores(tmp_path)
    turns = conversation(30)
    for whole, recent in zip(await play(rasa_store, turns), await play(ours, turns), strict=True):
        assert state(recent) == state(whole)
        assert dicts(recent.applied_events())[-6 * RECENT:] == dicts(whole.applied_events())[-6 * RECENT:]
    users = [e for e in recent.events if isinstance(e, UserUttered)]
    assert [e.text for e in users] == [f"问题{n}" for n in range(29 - RECENT, 30)]  # + the turn Rasa added
    assert isinstance(recent.events[0], SessionStarted)
    assert state(recent)["slots"] == {"department": "金融运行", "article": "3", "session_started_metadata": None}


async def test_every_event_is_written_once_as_rasas_store_writes_it(tmp_path):
    rasa_store, ours = stores(tmp_path)
    turns = conversation(25)
    for store in (rasa_store, ours):
        await play(store, turns)
    rows = {name: sqlite3.connect(tmp_path / name).execute("SELECT type_name, data FROM events ORDER BY id").fetchall()
            for name in ("rasa.db", "ours.db")}
    assert len(rows["ours.db"]) == sum(map(len, turns))
    assert [t for t, _ in rows["ours.db"]] == [t for t, _ in rows["rasa.db"]]
    full = await ours.retrieve_full_tracker("user-1")
    assert full is not None and len(full.events) == sum(map(len, turns))


async def test_work_per_turn_does_not_grow_with_the_conversation(tmp_path):
    """Events parsed by the store and handed to Rasa (who sends them all to the action server) per turn."""
    _, ours = stores(tmp_path, recent_turns=10)
    per_turn = []
    for events in conversation(300):
        parsed = ours.events_parsed
        tracker = await ours.retrieve("user-1") or DialogueStateTracker("user-1", DOMAIN.slots)
        per_turn.append((ours.events_parsed - parsed, len(tracker.events)))
        for event in events:
            tracker.update(event)
        await ours.save(tracker)
    (parsed_20, handed_20), (parsed_300, handed_300) = per_turn[19], per_turn[299]
    assert handed_300 <= handed_20 + 5 and parsed_300 <= parsed_20 + 5  # the session start and a few slots
    assert handed_300 < 100  # Rasa's own store would hand over all 1800 events


@pytest.mark.parametrize("extra", [
    {12: [Restarted(), ActionExecuted("action_session_start"), SessionStarted(), ActionExecuted("action_listen")]},
    {9: [AllSlotsReset()], 15: [SlotSet("article", None)]},
], ids=["a restart", "slots reset and unset"])
async def test_resets_in_the_middle_of_a_session(tmp_path, extra):
    rasa_store, ours = stores(tmp_path)
    turns = conversation(24, extra)
    for whole, recent in zip(await play(rasa_store, turns), await play(ours, turns), strict=True):
        assert state(recent) == state(whole)


async def test_a_rewind_hands_over_the_whole_session(tmp_path):
    """`/back` rewinds turns that may lie before the latest ones: such a session is handed over whole."""
    rasa_store, ours = stores(tmp_path)
    back = [UserUttered("/back", {"name": "back", "confidence": 1.0}), ActionExecuted("action_back"),
            UserUtteranceReverted(), UserUtteranceReverted(), ActionExecuted("action_listen")]
    turns = conversation(20, {14: back})
    for n, (whole, recent) in enumerate(zip(await play(rasa_store, turns), await play(ours, turns), strict=True)):
        assert state(recent) == state(whole)
        if n > 14:
            assert dicts(recent.events) == dicts(whole.events)


async def test_a_tracker_it_did_not_hand_out_is_saved_as_rasas_store_saves_it(tmp_path):
    """The HTTP API may save a tracker it built itself (PUT /conversations/<id>/tracker/events)."""
    _, ours = stores(tmp_path)
    turns = conversation(12)
    await play(ours, turns)
    full = await ours.retrieve_full_tracker("user-1")
    assert full is not None
    for event in turn(99):
        full.update(event)
    await ours.save(full)
    saved = await ours.retrieve_full_tracker("user-1")
    assert saved is not None
    texts = [e.text for e in saved.events if isinstance(e, UserUttered)]
    assert texts == [f"问题{n}" for n in range(12)] + ["问题99"]


QUESTIONS = ["金融运行的热线是多少？", "贷款困难找谁", "齐鲁号班列一个月发几趟？", "那是什么时候开始的？", "你好",
             "网上菜篮子超市怎么买菜", "还有呢", "谢谢", "外贸企业有问题打哪个电话", "今天天气怎么样"]


async def test_the_real_bot_answers_a_long_conversation_as_with_rasas_store(tmp_path, bot_server):
    """The trained model in process and the real actions (the session bot's action server): every reply and every
    stored event the same."""
    endpoint = EndpointConfig(f"http://127.0.0.1:{bot_server.action_port}/webhook")
    replies: dict[str, list[list[str | None]]] = {}
    rows: dict[str, list[tuple[str, ...]]] = {}
    for name, store in zip(("rasa.db", "ours.db"), stores(tmp_path), strict=True):
        agent = Agent.load(str(ROOT / "models" / "current.tar.gz"), tracker_store=store, action_endpoint=endpoint)
        replies[name] = []
        for text in itertools.islice(itertools.cycle(QUESTIONS), 3 * len(QUESTIONS)):
            output = CollectingOutputChannel()
            await agent.handle_message(UserMessage(text, output, "long-user"))
            replies[name].append([message.get("text") for message in output.messages])
        rows[name] = sqlite3.connect(tmp_path / name).execute(
            "SELECT type_name, intent_name, action_name FROM events ORDER BY id").fetchall()
    assert replies["ours.db"] == replies["rasa.db"]
    assert rows["ours.db"] == rows["rasa.db"]
    assert any("0536-8090465" in (text or "") for texts in replies["ours.db"][20:] for text in texts)
