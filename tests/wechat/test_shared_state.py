"""Two replicas of the channel sharing Redis (WECHAT_REDIS_URL): a message and its retries run one turn wherever
they land, a menu number selects on any replica what another showed, one access_token serves both, an answer is
pushed once; a replica that dies before answering is taken over; without Redis each process goes on alone."""
from __future__ import annotations

import asyncio
import itertools
from dataclasses import replace

from channels.wechat import WeChatInput, WeComInput
from channels.wechat.shared_state import Prompt, SharedState
from testkit.wechat_side import message_xml
from tests.wechat.conftest import OFFICIAL_ACCOUNT, WECOM, with_push
from tests.wechat.fakes import FakeAgent, echo_script
from tools.ports import free_port


async def replicas(serve, channel_class, settings, agents):
    return [await serve(channel_class, settings, agent) for agent in agents]


async def test_a_message_and_its_retries_on_two_replicas_run_one_turn(serve, redis_url):
    first, second = await replicas(serve, WeChatInput, replace(OFFICIAL_ACCOUNT, redis_url=redis_url),
                                   [FakeAgent(delay=0.3), FakeAgent(delay=0.3)])
    xml = message_xml(Content="金融运行的热线是多少？", msg_id="5550001")
    replies = await asyncio.gather(first.side.post(first.session, xml), second.side.post(second.session, xml),
                                   second.side.post(second.session, xml))
    assert [reply.content for reply in replies] == ["您说的是：金融运行的热线是多少？"] * 3
    assert len(first.agent.received) + len(second.agent.received) == 1


async def test_a_menu_shown_by_one_replica_is_selected_on_the_other(serve, redis_url):
    def script(text):
        if text == "你能做什么":
            return [{"text": "您想了解哪方面？", "buttons": [{"title": "热线电话", "payload": "热线电话有哪些"},
                                                          {"title": "齐鲁号", "payload": "齐鲁号班列一个月发几趟"}]}]
        return echo_script(text)

    first, second = await replicas(serve, WeChatInput, replace(OFFICIAL_ACCOUNT, redis_url=redis_url),
                                   [FakeAgent(script), FakeAgent(script)])
    menu = await first.side.post(first.session, message_xml(Content="你能做什么", from_user="o_menu"))
    assert "2. 齐鲁号" in menu.content
    choice = await second.side.post(second.session, message_xml(Content="2", from_user="o_menu"))
    assert choice.content == "您说的是：齐鲁号班列一个月发几趟"


async def test_two_replicas_pushing_late_answers_fetch_one_access_token(serve, redis_url, customer_service):
    settings = with_push(WECOM, customer_service, reply_deadline=0.05, redis_url=redis_url)
    first, second = await replicas(serve, WeComInput, settings, [FakeAgent(delay=0.2), FakeAgent(delay=0.2)])
    posts = [running.side.post(running.session, message_xml(Content=f"问题{number}", from_user=f"u{number}",
                                                            to_user=WECOM.receive_id))
             for number, running in zip(range(8), itertools.cycle([first, second]))]
    assert [reply.body for reply in await asyncio.gather(*posts)] == ["success"] * 8
    await customer_service.wait_for_messages(8)
    assert customer_service.token_fetches == 1
    assert sorted(message["text"]["content"] for message in customer_service.sent) == sorted(
        f"您说的是：问题{number}" for number in range(8))


async def test_a_token_refused_on_one_replica_is_fetched_again_once(serve, redis_url, customer_service):
    settings = with_push(WECOM, customer_service, reply_deadline=0.05, redis_url=redis_url)
    first, second = await replicas(serve, WeComInput, settings, [FakeAgent(delay=0.1), FakeAgent(delay=0.1)])
    for number, running in enumerate([first, second, first]):
        if number == 2:
            customer_service.refuse_next_send_with = 40001
        xml = message_xml(Content=f"问题{number}", to_user=WECOM.receive_id)
        assert (await running.side.post(running.session, xml)).body == "success"
        await customer_service.wait_for_messages(number + 1)
    assert customer_service.token_fetches == 2


async def test_an_answer_late_on_both_replicas_is_pushed_once(serve, redis_url, customer_service):
    settings = with_push(OFFICIAL_ACCOUNT, customer_service, reply_deadline=0.3, redis_url=redis_url)
    first, second = await replicas(serve, WeChatInput, settings, [FakeAgent(delay=1.0), FakeAgent(delay=1.0)])
    xml = message_xml(Content="那是什么时候开始的？", msg_id="5550002")
    replies = await asyncio.gather(first.side.post(first.session, xml), second.side.post(second.session, xml))
    assert [reply.body for reply in replies] == ["success", "success"]
    await customer_service.wait_for_messages(1)
    await asyncio.sleep(0.3)
    await first.turns.drain()
    await second.turns.drain()
    assert len(customer_service.sent) == 1
    assert len(first.agent.received) + len(second.agent.received) == 1


async def test_a_retry_runs_the_turn_when_the_replica_that_took_it_died(serve, redis_url):
    settings = replace(OFFICIAL_ACCOUNT, redis_url=redis_url, reply_deadline=4.5)
    (survivor,) = await replicas(serve, WeChatInput, settings, [FakeAgent()])
    dead = SharedState(redis_url, f"wechat:{OFFICIAL_ACCOUNT.receive_id}")
    await dead.claim("5550003")  # then it died: no heartbeat, no answer
    await dead.close()
    reply = await survivor.side.post(survivor.session, message_xml(Content="还有呢", msg_id="5550003"))
    assert reply.content == "您说的是：还有呢"
    assert survivor.agent.texts == ["还有呢"]


async def test_without_redis_each_replica_goes_on_alone(serve):
    settings = replace(OFFICIAL_ACCOUNT, redis_url=f"redis://127.0.0.1:{free_port()}/2")
    (running,) = await replicas(serve, WeChatInput, settings, [FakeAgent()])
    xml = message_xml(Content="你好", msg_id="5550004")
    assert [(await running.side.post(running.session, xml)).content for _ in range(2)] == ["您说的是：你好"] * 2
    assert running.agent.texts == ["你好"]


async def test_a_restarted_redis_serves_the_next_call():
    """The pooled connection of before the restart is dead: the next call must reconnect, not fall back."""
    from testkit.services import Redis
    server = Redis().start()
    try:
        state = SharedState(f"redis://127.0.0.1:{server.port}/0", "test")
        await state.remember_prompt("user", Prompt({1: "问题一"}))
        server.stop()
        server.start()
        await state.remember_prompt("user", Prompt({1: "问题二"}))
        assert await state.take_prompt("user") == Prompt({1: "问题二"})
        assert not state.failing
        await state.close()
    finally:
        server.stop()
