"""rasa_speedups.failures against Rasa 3.6's own behaviour: what Rasa does with a failed action or tracker store (the
silence this replaces), and what the user gets instead."""
from __future__ import annotations

import asyncio
from typing import Any

import pytest
import rasa.core.tracker_store
from prometheus_client import REGISTRY
from rasa.core.actions.action import RemoteAction
from rasa.core.agent import Agent
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.nlg import TemplatedNaturalLanguageGenerator
from rasa.core.tracker_store import FailSafeTrackerStore, InMemoryTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.exceptions import RasaException
from rasa.utils.endpoints import EndpointConfig
from redis.exceptions import ConnectionError as RedisConnectionError

from rasa_speedups import failures, turn_guard
from rasa_speedups.apology import apology_message
from rasa_speedups.episodes import ACTION_SERVER, LOCK_STORE, TRACKER_STORE
from tools.ports import free_port

APOLOGY = apology_message("抱歉（测试）")


class BrokenStore(InMemoryTrackerStore):
    """A tracker store whose disk is full."""

    async def save(self, tracker: DialogueStateTracker) -> None:
        raise OSError("disk full")

    async def retrieve(self, sender_id: str) -> DialogueStateTracker | None:
        raise OSError("disk full")


@pytest.fixture
def installed(monkeypatch):
    """failures.install(), undone after the test (pytest restores each replaced attribute)."""
    for owner, name in ((RemoteAction, "run"), (Agent, "_create_tracker_store"), (Agent, "handle_message"),
                        (rasa.core.tracker_store, "_load_from_module_name_in_endpoint_config")):
        monkeypatch.setattr(owner, name, vars(owner)[name])
    monkeypatch.setattr(failures, "_rasa", {})
    failures.install()
    yield
    for episode in (ACTION_SERVER, TRACKER_STORE, LOCK_STORE):
        episode.worked()


def test_rasa_keeps_a_conversation_in_memory_when_its_tracker_store_fails():
    fail_safe = Agent._create_tracker_store(BrokenStore(Domain.empty()), Domain.empty())
    tracker = DialogueStateTracker("someone", [])
    asyncio.run(fail_safe.save(tracker))  # no error: the turn would be answered, its events kept in memory only
    assert isinstance(fail_safe, FailSafeTrackerStore)
    assert asyncio.run(fail_safe.fallback_tracker_store.retrieve("someone")) is not None


def test_with_failures_installed_the_tracker_store_error_reaches_the_turn(installed):
    fail_safe = Agent._create_tracker_store(BrokenStore(Domain.empty()), Domain.empty())
    assert isinstance(fail_safe, FailSafeTrackerStore)
    with pytest.raises(turn_guard.TrackerStoreUnavailable, match="OSError: disk full"):
        asyncio.run(fail_safe.save(DialogueStateTracker("someone", [])))
    with pytest.raises(turn_guard.TrackerStoreUnavailable):
        asyncio.run(fail_safe.retrieve("someone"))
    assert fail_safe._fallback_tracker_store is None  # never created: nothing lands in memory
    assert TRACKER_STORE.failing and TRACKER_STORE.count == 2


def run_action_against_a_closed_port() -> list:
    action = RemoteAction("action_answer", EndpointConfig(f"http://127.0.0.1:{free_port()}/webhook"))
    return asyncio.run(action.run(CollectingOutputChannel(), TemplatedNaturalLanguageGenerator({}),
                                  DialogueStateTracker("someone", []), Domain.empty()))


def test_rasa_raises_when_the_action_server_is_down_and_its_processor_drops_the_answer():
    with pytest.raises(RasaException, match="Couldn't connect"):
        run_action_against_a_closed_port()


def test_with_failures_installed_a_failed_action_answers_with_the_apology(installed):
    failed_before = ACTION_SERVER.count
    events = run_action_against_a_closed_port()
    assert len(events) == 1 and isinstance(events[0], BotUttered)
    assert (events[0].text or "").startswith("抱歉，系统暂时出了点问题")
    assert events[0].metadata == {"metadata": {"outcome": "error"}}
    assert ACTION_SERVER.count == failed_before + 1


class FakeAgent:
    def __init__(self, ready: bool = True):
        self.ready = ready

    def is_ready(self) -> bool:
        return self.ready


def guarded_turn(rasa_handle: Any, agent: FakeAgent | None = None) -> tuple[list[dict], str | None]:
    """The collected messages and the outcome of one turn through turn_guard.handle_message."""
    collector = CollectingOutputChannel()
    message = UserMessage("你好", collector, "someone", input_channel="rest")

    async def turn() -> str | None:
        await turn_guard.handle_message(agent or FakeAgent(), message, rasa_handle, APOLOGY)
        return turn_guard.turn_outcome.get()

    outcome = asyncio.run(turn())
    assert message.output_channel is collector
    return collector.messages, outcome


def replying(*messages: dict[str, Any], then: Exception | None = None):
    async def handle(_agent: Any, message: UserMessage) -> None:
        for reply in messages:
            await message.output_channel.send_response(message.sender_id, dict(reply))
        if then is not None:
            raise then

    return handle


def test_a_turn_is_counted_by_the_worst_outcome_its_messages_carry():
    turn_guard.known_channels.add("rest")
    sample = ("fugong_messages_total", {"channel": "rest", "outcome": "not_found"})
    before = REGISTRY.get_sample_value(*sample) or 0
    messages, outcome = guarded_turn(replying({"text": "一"}, {"text": "二", "metadata": {"outcome": "not_found"}},
                                              {"text": "三", "metadata": {"outcome": "fallback"}}))
    assert [m["text"] for m in messages] == ["一", "二", "三"]
    assert outcome == "not_found"
    assert REGISTRY.get_sample_value(*sample) == before + 1


@pytest.mark.parametrize("failure", [turn_guard.TrackerStoreUnavailable("disk full"), ValueError("a bug")])
def test_a_failed_turn_answers_the_apology_only(failure):
    messages, outcome = guarded_turn(replying({"text": "不会被保存的回答"}, then=failure))
    assert [m["text"] for m in messages] == [APOLOGY["text"]]
    assert outcome == "error"


def test_a_lock_store_failure_is_an_episode_and_an_apology():
    try:
        messages, outcome = guarded_turn(replying(then=RedisConnectionError("redis is down")))
        assert (messages[0]["text"], outcome) == (APOLOGY["text"], "error")
        assert LOCK_STORE.failing
        guarded_turn(replying({"text": "好"}))
        assert not LOCK_STORE.failing
    finally:
        LOCK_STORE.worked()


def test_no_model_gets_the_apology_rather_than_silence():
    messages, outcome = guarded_turn(replying({"text": "好"}), agent=FakeAgent(ready=False))
    assert ([m["text"] for m in messages], outcome) == ([APOLOGY["text"]], "error")
