"""Votes on WeChat through the webhook: a vote the knowledge-base database does not take is not thanked, and a
number always answers the prompt the user saw last (a menu or the vote prompt), on one replica or two sharing Redis.
"""
from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from admin.channel import store_vote
from channels import feedback
from channels.wechat import WeChatInput, WeComInput
from channels.wechat.replies import VOTE_PROMPT, WELCOME_TEXT
from kb.feedback import read_votes
from testkit.wechat_side import OFFICIAL_ACCOUNT_ID, message_xml
from tests.wechat.conftest import OFFICIAL_ACCOUNT, WECOM
from tests.wechat.fakes import FakeAgent, echo_script
from tools.ports import free_port

UNSURE = "名峰合作社今天天气怎么样"  # answered by the search fallback, so it ends with the vote prompt
FALLBACK = {"outcome": "fallback", "answer": {"id": "0a1b2c3d4e5f6a7b", "article": "网上“菜篮子超市”",
                                              "article_date": "2020年2月25日"}}
MENU = [("热线电话", "热线电话有哪些"), ("齐鲁号", "齐鲁号班列一个月发几趟"), ("口罩", "口罩在哪里买")]


def script(text: str) -> list[dict]:
    if text == "你能做什么":
        return [{"text": "您想了解哪方面？", "buttons": [{"title": title, "payload": asked} for title, asked in MENU]}]
    if text == UNSURE:
        return [{"text": "名峰合作社开通了网上“菜篮子超市”。\n来源：《网上“菜篮子超市”》", "metadata": FALLBACK}]
    return echo_script(text)


@pytest.fixture
def votes() -> Iterator[list[feedback.Vote]]:
    stored: list[feedback.Vote] = []
    feedback.store_votes_with(stored.append)
    yield stored
    feedback.store_votes_with(None)


@pytest.fixture(params=["memory", "redis", "redis down"])
def settings(request):
    """The Official Account channel alone (its own memory), with the test session's Redis, or with a Redis that does
    not answer (the process's memory stands in)."""
    if request.param == "memory":
        return OFFICIAL_ACCOUNT
    if request.param == "redis down":
        return replace(OFFICIAL_ACCOUNT, redis_url=f"redis://127.0.0.1:{free_port()}/0")
    return replace(OFFICIAL_ACCOUNT, redis_url=request.getfixturevalue("redis_url"))


async def say(running, text: str, user: str = "o_voter") -> str:
    to_user = WECOM.receive_id if running.side.wecom else OFFICIAL_ACCOUNT_ID
    return (await running.side.post(running.session, message_xml(Content=text, from_user=user,
                                                                 to_user=to_user))).content


async def test_a_vote_the_database_does_not_take_is_not_thanked_and_can_be_given_again(
        serve, settings, monkeypatch, tmp_path: Path, caplog):
    monkeypatch.setenv("KB_DATABASE_URL", f"postgresql://fugong@127.0.0.1:{free_port()}/kb")  # nothing listens
    feedback.store_votes_with(store_vote)  # the store `rasa run` uses: the knowledge-base database
    failed = feedback.VOTES.labels("wechat", "failed")
    before = failed._value.get()
    try:
        running = await serve(WeChatInput, settings, FakeAgent(script))
        assert (await say(running, UNSURE)).endswith(VOTE_PROMPT)
        with caplog.at_level(logging.ERROR, logger="channels.feedback"):
            reply = await say(running, "1")
        assert "没能保存" in reply and "请稍后再试" in reply and "谢谢" not in reply
        assert reply.endswith(VOTE_PROMPT)  # asked again: the next 1 or 2 is still a vote
        assert failed._value.get() == before + 1
        assert "A vote on an answer was not stored: OperationalError" in caplog.text

        database = f"sqlite:///{tmp_path / 'kb.sqlite'}"
        monkeypatch.setenv("KB_DATABASE_URL", database)  # the database is back
        assert "谢谢" in await say(running, "2")
    finally:
        feedback.store_votes_with(None)
    [vote] = read_votes(database)
    assert (vote.helpful, vote.question, vote.article) == (False, UNSURE, "网上“菜篮子超市”")
    assert running.agent.texts == [UNSURE]  # neither vote reached Rasa


async def test_after_the_vote_prompt_a_number_no_longer_selects_the_menu_shown_before(serve, settings, votes):
    running = await serve(WeChatInput, settings, FakeAgent(script))
    assert "3. 口罩" in await say(running, "你能做什么")
    assert (await say(running, UNSURE)).endswith(VOTE_PROMPT)
    assert await say(running, "3") == WELCOME_TEXT  # not "口罩在哪里买": that menu is gone
    assert (await say(running, UNSURE)).endswith(VOTE_PROMPT)
    assert "谢谢" in await say(running, "1")
    assert await say(running, "1") == WELCOME_TEXT  # the prompt held for one message, the menu is still gone
    assert running.agent.texts == ["你能做什么", UNSURE, UNSURE]
    assert [vote.helpful for vote in votes] == [True]


async def test_a_vote_prompt_shown_by_one_replica_is_answered_on_the_other(serve, redis_url, votes):
    """WeCom names no user outside its encrypted body, so the balancer cannot keep a user on one replica."""
    settings = replace(WECOM, redis_url=redis_url)
    first, second = [await serve(WeComInput, settings, FakeAgent(script)) for _ in range(2)]
    assert "1. 热线电话" in await say(first, "你能做什么")
    assert (await say(first, UNSURE)).endswith(VOTE_PROMPT)
    assert "谢谢" in await say(second, "1")  # a vote, not "热线电话有哪些" from the menu before
    assert [(vote.channel, vote.helpful, vote.answer.question) for vote in votes] == [("wecom", True, UNSURE)]
    assert second.agent.texts == []
    assert await say(first, "1") == WELCOME_TEXT  # the prompt was answered: on neither replica is it pending


async def test_a_menu_shown_after_a_vote_prompt_takes_the_next_number(serve, settings, votes):
    """Two questions in flight: the vote prompt comes first, the menu last; "2" then picks from the menu."""
    agent = FakeAgent(script, delay=0.3)
    running = await serve(WeChatInput, settings, agent)
    slow_menu = asyncio.create_task(say(running, "你能做什么"))
    while not agent.received:  # the menu's turn has started
        await asyncio.sleep(0.01)
    agent.delay = 0.0
    assert (await say(running, UNSURE)).endswith(VOTE_PROMPT)
    assert "2. 齐鲁号" in await slow_menu
    assert await say(running, "2") == "您说的是：齐鲁号班列一个月发几趟"
    assert votes == []
