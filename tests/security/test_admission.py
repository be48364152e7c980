"""Admission control: few turns at a time, WeChat's first, REST beyond the bounded queue refused with 503."""
from __future__ import annotations

import asyncio
from typing import Any

import pytest
from prometheus_client import REGISTRY
from rasa.core.channels.rest import RestInput

from channels.admission import BUSY_TEXT, AdmissionControl, TurnGate
from channels.wechat import WeChatInput
from testkit.wechat_side import message_xml
from tests.wechat import conftest as wechat_fixtures
from tests.wechat.fakes import FakeAgent

OFFICIAL_ACCOUNT = wechat_fixtures.OFFICIAL_ACCOUNT
serve = wechat_fixtures.serve  # the WeChat tests' fixture: a channel on a real Sanic server

TURN = 0.3  # seconds a fake turn takes


async def test_the_gate_runs_few_turns_and_those_with_a_deadline_first():
    gate = TurnGate(max_running=1, max_waiting=10)
    started: list[str] = []

    async def turn(name: str, deadline: bool) -> None:
        async with gate.turn(deadline):
            started.append(name)
            assert gate.running == 1
            await asyncio.sleep(0.01)

    first = asyncio.create_task(turn("rest-1", False))
    await asyncio.sleep(0)  # rest-1 runs; the others queue in this order
    others = [asyncio.create_task(turn(name, deadline)) for name, deadline in
              [("rest-2", False), ("wechat-1", True), ("rest-3", False), ("wechat-2", True)]]
    waited = REGISTRY.get_sample_value("fugong_turn_wait_seconds_count", {"deadline": "true"}) or 0
    await asyncio.gather(first, *others)
    assert started == ["rest-1", "wechat-1", "wechat-2", "rest-2", "rest-3"]
    assert REGISTRY.get_sample_value("fugong_turn_wait_seconds_count", {"deadline": "true"}) == waited + 2
    assert gate.running == 0 and gate.waiting == 0


async def test_a_waiting_turn_that_is_cancelled_leaves_the_queue_and_loses_no_slot():
    gate = TurnGate(max_running=1, max_waiting=1)
    async with gate.turn(deadline=False):
        waiting = asyncio.create_task(gate.turn(deadline=False).__aenter__())
        await asyncio.sleep(0)
        assert gate.full()
        waiting.cancel()
        with pytest.raises(asyncio.CancelledError):
            await waiting
        assert gate.waiting == 0 and not gate.full()
    async with gate.turn(deadline=False):  # the slot came back
        assert gate.running == 1


async def rest(running: Any, text: str, sender: str = "web-user") -> tuple[int, dict[str, str], Any]:
    async with running.session.post(f"{running.base_url}/webhooks/rest/webhook",
                                    json={"sender": sender, "message": text}) as response:
        return response.status, dict(response.headers), await response.json()


async def test_rest_beyond_the_queue_gets_503_with_retry_after_and_never_reaches_rasa(serve):
    admission = AdmissionControl(max_running_turns=1, max_waiting_turns=2, retry_after=3)
    running = await serve(WeChatInput, OFFICIAL_ACCOUNT, FakeAgent(delay=TURN), [RestInput(), admission])
    refused_before = REGISTRY.get_sample_value("fugong_turns_refused_total")
    turns = []
    for n in range(5):  # one runs, two wait, two are refused
        turns.append(asyncio.create_task(rest(running, f"问题{n}", sender=f"web-{n}")))
        await asyncio.sleep(0.02)
    answers = await asyncio.gather(*turns)
    assert [status for status, _, _ in answers] == [200, 200, 200, 503, 503]
    _, headers, body = answers[-1]
    assert headers["Retry-After"] == "3"
    assert body["message"] == BUSY_TEXT
    assert running.agent.texts == ["问题0", "问题1", "问题2"]
    assert REGISTRY.get_sample_value("fugong_turns_refused_total") == (refused_before or 0) + 2  # /metrics
    assert (await rest(running, "又来了"))[0] == 200  # the queue drained: admitted again


async def test_a_wechat_message_goes_before_the_waiting_rest_messages(serve):
    admission = AdmissionControl(max_running_turns=1, max_waiting_turns=10)
    running = await serve(WeChatInput, OFFICIAL_ACCOUNT, FakeAgent(delay=TURN), [RestInput(), admission])
    pending = []
    for n in range(4):
        pending.append(asyncio.create_task(rest(running, f"网页{n}", sender=f"web-{n}")))
        await asyncio.sleep(0.02)
    wechat = await running.side.post(running.session, message_xml(Content="微信"))
    assert wechat.content == "您说的是：微信"  # passive: one REST turn was running, none of those waiting went first
    await asyncio.gather(*pending)
    assert running.agent.texts == ["网页0", "微信", "网页1", "网页2", "网页3"]


async def test_an_agent_loaded_later_is_gated_too(serve):
    """Rasa replaces its agent when a model is loaded (`PUT /model`)."""
    admission = AdmissionControl(max_running_turns=1, max_waiting_turns=0)
    running = await serve(WeChatInput, OFFICIAL_ACCOUNT, FakeAgent(delay=TURN), [RestInput(), admission])
    assert (await rest(running, "零"))[0] == 200  # nothing waits: admitted although the queue holds none
    running.app.ctx.agent = replacement = FakeAgent(delay=TURN)
    first = asyncio.create_task(rest(running, "一"))
    await asyncio.sleep(0.05)
    assert (await rest(running, "二", sender="web-2"))[0] == 503
    assert (await first)[0] == 200
    assert replacement.texts == ["一"]
