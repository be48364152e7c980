"""WeChat's 5-second deadline and its retries: passive when in time, `success` + push when late,
one turn per message however often WeChat retries it."""

import asyncio
import time
from dataclasses import replace
from types import SimpleNamespace
from typing import cast

from prometheus_client import REGISTRY
from sanic.request import Request

from channels.apology import TURN_FAILED
from channels.wechat import WeChatInput, WeComInput
from channels.wechat.channel import arrival
from channels.wechat.replies import LATE_WITHOUT_PUSH
from channels.wechat.turns import Turns
from channels.wechat.xml_message import InboundMessage
from testkit.wechat_side import message_xml
from tests.wechat.conftest import OFFICIAL_ACCOUNT, WECOM, with_push
from tests.wechat.fakes import FakeAgent

DEADLINE = 0.3
SLOW = 1.5  # a fake turn that sleeps past the deadline


async def test_slow_turn_answers_success_in_time_and_pushes_the_answer(serve, customer_service):
    settings = with_push(OFFICIAL_ACCOUNT, customer_service, reply_deadline=DEADLINE)
    running = await serve(WeChatInput, settings, FakeAgent(delay=SLOW))
    started = time.monotonic()
    reply = await running.side.post(running.session, message_xml(Content="齐鲁号班列一个月发几趟？"))
    elapsed = time.monotonic() - started
    assert (reply.status, reply.body) == (200, "success")
    assert DEADLINE <= elapsed < SLOW - 0.5  # answered at the deadline, not when the turn ended
    assert customer_service.sent == []  # not yet: the turn is still running
    (pushed,) = await customer_service.wait_for_messages(1)
    assert pushed == {"touser": "o_user_1", "msgtype": "text",
                      "text": {"content": "您说的是：齐鲁号班列一个月发几趟？"}}


async def test_pushes_share_one_cached_token_and_refresh_it_on_40001(serve, customer_service):
    settings = with_push(OFFICIAL_ACCOUNT, customer_service, reply_deadline=0.05)
    running = await serve(WeChatInput, settings, FakeAgent(delay=0.2))
    for number in range(2):
        assert (await running.side.post(running.session, message_xml(Content=f"问题{number}"))).body == "success"
        await customer_service.wait_for_messages(number + 1)
    assert customer_service.token_fetches == 1
    customer_service.refuse_next_send_with = 40001
    assert (await running.side.post(running.session, message_xml(Content="问题2"))).body == "success"
    await customer_service.wait_for_messages(3)
    assert customer_service.token_fetches == 2
    assert [m["text"]["content"] for m in customer_service.sent] == [f"您说的是：问题{n}" for n in range(3)]


async def test_wecom_pushes_through_message_send_with_agent_id(serve, customer_service):
    settings = with_push(WECOM, customer_service, reply_deadline=0.05)
    running = await serve(WeComInput, settings, FakeAgent(delay=0.2))
    xml = message_xml(Content="你好", from_user="ZhangSan", to_user=WECOM.receive_id)
    assert (await running.side.post(running.session, xml)).body == "success"
    (pushed,) = await customer_service.wait_for_messages(1)
    assert (pushed["touser"], pushed["agentid"], pushed["text"]["content"]) == ("ZhangSan", 1000002, "您说的是：你好")


async def test_three_retries_of_one_message_run_one_turn(serve):
    running = await serve(WeChatInput, OFFICIAL_ACCOUNT, FakeAgent(delay=0.2))
    xml = message_xml(Content="金融运行的热线是多少？", msg_id="1234567890123456")
    passive = {"channel": "wechat", "delivery": "passive"}
    passive_before = REGISTRY.get_sample_value("fugong_wechat_replies_total", passive) or 0
    replies = await asyncio.gather(*(running.side.post(running.session, xml) for _ in range(3)))
    assert [reply.content for reply in replies] == ["您说的是：金融运行的热线是多少？"] * 3
    assert running.agent.texts == ["金融运行的热线是多少？"]
    assert REGISTRY.get_sample_value("fugong_wechat_replies_total", passive) == passive_before + 1  # one message


async def test_a_retry_after_the_answer_is_ready_gets_it_passively(serve, customer_service):
    settings = with_push(OFFICIAL_ACCOUNT, customer_service, reply_deadline=DEADLINE)
    running = await serve(WeChatInput, settings, FakeAgent(delay=0.1))
    xml = message_xml(Content="还有呢", msg_id="42")
    first = await running.side.post(running.session, xml)
    retry = await running.side.post(running.session, xml)
    assert first.content == retry.content == "您说的是：还有呢"
    assert len(running.agent.received) == 1
    assert customer_service.sent == []


async def test_retries_of_a_late_message_do_not_answer_twice(serve, customer_service):
    settings = with_push(OFFICIAL_ACCOUNT, customer_service, reply_deadline=0.1)
    running = await serve(WeChatInput, settings, FakeAgent(delay=0.4))
    xml = message_xml(Content="那是什么时候开始的？", msg_id="77")
    first, while_running = await asyncio.gather(
        running.side.post(running.session, xml), running.side.post(running.session, xml)
    )
    await customer_service.wait_for_messages(1)
    after_push = await running.side.post(running.session, xml)
    assert [r.body for r in (first, while_running, after_push)] == ["success"] * 3
    await running.turns.drain()
    assert len(customer_service.sent) == 1
    assert len(running.agent.received) == 1


async def test_a_long_answer_goes_passively_in_part_and_the_rest_is_pushed(serve, customer_service):
    long_answer = "\n".join(f"第{n}条热线：0536-{n:07d}，" + "受理复工复产相关问题" * 20 for n in range(12))
    running = await serve(WeChatInput, with_push(OFFICIAL_ACCOUNT, customer_service),
                          FakeAgent(lambda text: [{"text": long_answer}]))
    reply = await running.side.post(running.session, message_xml(Content="所有热线"))
    assert len(reply.content.encode("utf-8")) <= 2048
    await running.turns.drain()
    pushed = [message["text"]["content"] for message in customer_service.sent]
    assert pushed and all(len(part.encode("utf-8")) <= 2048 for part in pushed)
    assert "".join([reply.content, *pushed]).replace("\n", "") == long_answer.replace("\n", "")


async def test_the_deadline_counts_from_the_arrival_of_the_request_not_from_its_handler(serve):
    """On a busy server, passes of the event loop go by between a request's arrival and its handler."""
    running = await serve(WeChatInput, replace(OFFICIAL_ACCOUNT, reply_deadline=0.5), FakeAgent(delay=0.4))

    async def busy_server(_request):
        await asyncio.sleep(0.4)

    running.app.register_middleware(busy_server, "request")
    apologies = {"channel": "wechat", "delivery": "apology"}
    apologised_before = REGISTRY.get_sample_value("fugong_wechat_replies_total", apologies) or 0
    started = time.monotonic()
    reply = await running.side.post(running.session, message_xml(Content="你好"))
    # From the handler on, the 0.4 s turn would have been in time (passive at 0.8 s); from the arrival it is late.
    assert reply.content == LATE_WITHOUT_PUSH
    assert time.monotonic() - started < 0.75
    assert REGISTRY.get_sample_value("fugong_wechat_replies_total", apologies) == apologised_before + 1  # /metrics


def test_arrival_without_a_stamp_is_now():
    before = time.monotonic()
    assert before <= arrival(cast(Request, SimpleNamespace(stream=None))) <= time.monotonic()


async def test_without_push_a_late_turn_still_queued_is_skipped(serve):
    settings = replace(OFFICIAL_ACCOUNT, reply_deadline=0.1, max_concurrent_turns=1)
    running = await serve(WeChatInput, settings, FakeAgent(delay=0.4))
    replies = await asyncio.gather(*(running.side.post(running.session, message_xml(Content=f"问题{n}"))
                                     for n in range(3)))
    assert [reply.content for reply in replies] == [LATE_WITHOUT_PUSH] * 3
    await asyncio.sleep(0.6)
    assert len(running.agent.received) == 1  # the two still waiting for a slot never ran


async def test_a_hung_turn_frees_its_slot_and_is_apologised_for():
    pushed = []

    async def hang(sender, text, message_id):
        await asyncio.sleep(60)

    async def push(user, text):
        pushed.append(text)

    turns = Turns(hang, push, deadline=0.05, turn_timeout=0.2)
    message = InboundMessage(to_user="gh", from_user="o_1", create_time="1", msg_type="text", content="你好",
                             msg_id="9")
    assert await turns.answer(message, received_at=time.monotonic()) is None
    await asyncio.sleep(0.3)
    await turns.drain()
    assert pushed == [TURN_FAILED]
