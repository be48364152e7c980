"""WeChat across replicas (issue 11: a message and its two retries ran 2 turns in 12 of 12 trials; a menu number
after the menu failed 4 of 4; each replica fetched its own access_token, 12 fetches instead of 1). Retries and menu
choices are sent to the other replica on purpose: through the balancer, `openid` routing alone would hide the
sharing; WeCom, which the balancer cannot route by user, shows the access_token shared."""
from __future__ import annotations

import asyncio
import re
import uuid

import aiohttp
import pytest

from channels.wechat.settings import OFFICIAL_ACCOUNT, WECOM
from testkit.wechat_side import Reply, WeChatSide, message_xml
from tests.cluster.conftest import channel_settings, record, stored_events, user_texts

pytestmark = pytest.mark.slow
MESSAGES_LATE = 6


def official_account(base_url: str) -> WeChatSide:
    return WeChatSide(f"{base_url}/webhooks/wechat/webhook", channel_settings(OFFICIAL_ACCOUNT))


async def post(session: aiohttp.ClientSession, base_url: str, openid: str, xml: str) -> Reply:
    """As WeChat posts: signed, encrypted (safe mode), the user's openid in the URL."""
    side = official_account(base_url)
    return await side.post(session, xml, query={**side.signed_query(), "openid": openid})


async def test_a_message_and_two_retries_on_both_replicas_run_exactly_one_turn(cluster, database):
    openid = f"o_{uuid.uuid4().hex[:12]}"
    xml = message_xml(from_user=openid, Content="齐鲁号班列多久发一趟", msg_id=str(uuid.uuid4().int % 10**18))
    targets = [cluster.url, *(replica.url for replica in cluster.replicas)]
    async with aiohttp.ClientSession() as session:
        replies = await asyncio.gather(*(post(session, url, openid, xml) for url in targets))
    turns = user_texts(stored_events(database, [f"wechat:{openid}"])[f"wechat:{openid}"])
    record("WeChat message + 2 retries (balancer, replica 1, replica 2)", f"{len(turns)} turn(s)")
    assert len(turns) == 1, f"{len(turns)} turns for one message and its two retries"
    assert len({reply.content for reply in replies}) == 1 and "来源：" in replies[0].content


async def test_a_menu_number_on_the_other_replica_selects_what_the_menu_showed(cluster):
    openid = f"o_{uuid.uuid4().hex[:12]}"
    first, second = cluster.replicas
    async with aiohttp.ClientSession() as session:
        menu = await post(session, first.url, openid, message_xml(from_user=openid, Content="你能做什么"))
        title = re.search(r"^1\. (.+)$", menu.content, flags=re.MULTILINE)
        assert title, menu.content
        choice = await post(session, second.url, openid, message_xml(from_user=openid, Content="1"))
    right = f"来源：《{title.group(1)}》" in choice.content
    record("menu shown by replica 1, number sent to replica 2", "right answer" if right else "wrong answer")
    assert f"来源：《{title.group(1)}》" in choice.content, choice.content


async def test_late_answers_pushed_by_both_replicas_use_one_access_token(cluster, wechat_api):
    side = WeChatSide(f"{cluster.url}/webhooks/wecom/webhook", channel_settings(WECOM), wecom=True)
    fetched, sent = wechat_api.token_fetches, len(wechat_api.sent)
    async with aiohttp.ClientSession() as session:
        replies = await asyncio.gather(*(side.post(session, message_xml(
            from_user=f"wecom-{uuid.uuid4().hex[:8]}", to_user=side.settings.receive_id,
            Content="齐鲁号班列多久发一趟")) for _ in range(MESSAGES_LATE)))
    assert [reply.body for reply in replies] == ["success"] * MESSAGES_LATE  # late on purpose: pushed
    for _ in range(200):
        if len(wechat_api.sent) >= sent + MESSAGES_LATE:
            break
        await asyncio.sleep(0.1)
    record(f"{MESSAGES_LATE} WeCom answers pushed late by 2 replicas",
           f"{len(wechat_api.sent) - sent} pushed, {wechat_api.token_fetches - fetched} access_token fetch(es)")
    assert len(wechat_api.sent) - sent == MESSAGES_LATE
    assert wechat_api.token_fetches - fetched == 1
