"""Votes as the channels take them, without a bot: WeChat's prompt after a fallback answer, the widget's lookup."""
from __future__ import annotations

import itertools
import time

import pytest
from rasa.shared.core.events import BotUttered, UserUttered

from channels import feedback
from channels.feedback import AnswerCollector, Answered, Vote, find_answer
from channels.wechat.replies import VOTE_PROMPT, VOTE_THANKS, render_bot_messages
from channels.wechat.turns import Turns
from channels.wechat.xml_message import InboundMessage

FALLBACK = {"outcome": "fallback", "answer": {"id": "00112233445566ff", "article": "网上“菜篮子超市”",
                                              "article_date": "2020年2月25日"}}
SURE = {"answer": {"id": "aabbccddeeff0011", "article": "热线电话", "article_date": "2020年2月22日"}}
_ids = itertools.count(1)


@pytest.fixture
def votes():
    stored: list[Vote] = []
    feedback.store_votes_with(stored.append)
    yield stored
    feedback.store_votes_with(None)


async def collected(*messages: dict) -> list[dict]:
    collector = AnswerCollector()
    for message in messages:
        await collector.send_response("o_user", dict(message))
    return collector.messages


async def test_the_collector_keeps_the_answer_on_the_last_part_of_a_long_text():
    messages = await collected({"text": "第一段\n\n第二段\n来源：《热线电话》", "metadata": SURE}, {"text": "你好"})
    assert [m.get("answer") for m in messages] == [None, Answered("aabbccddeeff0011", "热线电话", "2020年2月22日",
                                                                  fallback=False), None]


async def test_only_a_fallback_answer_asks_for_a_vote_on_wechat():
    assert VOTE_PROMPT in render_bot_messages(await collected({"text": "名峰合作社……", "metadata": FALLBACK})).chunks[0]
    sure = render_bot_messages(await collected({"text": "热线：0536-8090761", "metadata": SURE}))
    assert VOTE_PROMPT not in sure.chunks[0] and sure.vote_on is None
    menu = render_bot_messages(await collected({"text": "请选择", "buttons": [{"title": "热线", "payload": "热线"}]}))
    assert menu.vote_on is None


def wechat_turns(*replies: list[dict]) -> Turns:
    script = iter(replies)

    async def run_turn(sender: str, text: str, message_id: str) -> list[dict]:
        return next(script)

    return Turns(run_turn, push=None, channel="wechat")


def text(content: str, user: str = "oFUGONG0000000000000000000001") -> InboundMessage:
    return InboundMessage(to_user="gh", from_user=user, create_time="1", msg_type="text", content=content,
                          msg_id=str(next(_ids)))


async def test_a_wechat_user_votes_by_replying_2_and_the_vote_names_the_question_and_article(votes):
    turns = wechat_turns(await collected({"text": "名峰合作社……\n来源：《网上“菜篮子超市”》", "metadata": FALLBACK}))
    answer = await turns.answer(text("名峰合作社今天天气怎么样"), time.monotonic())
    assert answer is not None and answer.endswith(VOTE_PROMPT)
    assert await turns.answer(text("２"), time.monotonic()) == VOTE_THANKS[False]  # a full-width digit too
    [vote] = votes
    assert (vote.channel, vote.conversation, vote.helpful) == ("wechat", "wechat:oFUGONG0000000000000000000001", False)
    assert (vote.answer.question, vote.answer.article, vote.answer.fallback) == ("名峰合作社今天天气怎么样",
                                                                               "网上“菜篮子超市”", True)


async def test_the_prompt_holds_for_the_next_message_only(votes):
    fallback = await collected({"text": "名峰合作社……", "metadata": FALLBACK})
    turns = wechat_turns(fallback, await collected({"text": "热线：0536-8090761", "metadata": SURE}))
    await turns.answer(text("名峰合作社今天天气怎么样"), time.monotonic())
    await turns.answer(text("综合协调热线"), time.monotonic())  # another question instead of a vote
    reply = await turns.answer(text("1"), time.monotonic())
    assert votes == [] and reply != VOTE_THANKS[True]  # "1" is no vote now: no menu either, so the welcome


def test_a_widget_vote_finds_its_answer_and_question_in_the_conversation_only():
    events = [UserUttered("热线电话有哪些"), BotUttered("热线……", metadata={"metadata": SURE}),
              UserUttered("名峰合作社今天天气怎么样"), BotUttered("名峰……", metadata={"metadata": FALLBACK})]
    found = find_answer(events, "aabbccddeeff0011")
    assert found is not None
    assert (found.question, found.article, found.fallback) == ("热线电话有哪些", "热线电话", False)
    other = find_answer(events, "00112233445566ff")
    assert other is not None and other.question == "名峰合作社今天天气怎么样"
    assert find_answer(events, "ffffffffffffffff") is None
