"""Conversations are private to their channel and, on the widget, to the browser holding the token; pages on
other sites get no access unless configured, never with credentials; `/intent` text runs only when offered.
Against the real bot (issue 10: each test reproduces a defect found there)."""
from __future__ import annotations

import aiohttp
import pytest
import rasa
import requests
from rasa.core.processor import MessageProcessor
from rasa.shared.core.events import BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.core.training_data.story_reader.yaml_story_reader import YAMLStoryReader
from rasa.shared.nlu.training_data.message import Message

from channels.guard import commands
from rasa_speedups.compat import UnsupportedRasa
from testkit.wechat_side import message_xml
from tests.security.talk import (
    ALLOWED_ORIGIN,
    FOREIGN_ORIGIN,
    new_id,
    rest,
    stored_events,
    text_of,
    wechat,
    widget,
    widget_token,
)

VEGETABLE = "网上“菜篮子超市” 满足需求稳定物价"  # the newest article: first among the capability buttons
TRAIN = "“齐鲁号”欧亚班列 恢复常态化运行"


async def test_no_other_channel_reaches_a_wechat_conversation(bot):
    side, openid = wechat(bot), f"o_{new_id()[:20]}"
    async with aiohttp.ClientSession() as session:
        train = await side.post(session, message_xml(from_user=openid, Content="齐鲁号欧亚班列从哪里发车"))
        assert "青州港天物流园" in train.content

        # The attacks of issue 10: read it through the widget, wipe it and talk into it through REST.
        assert requests.get(f"{bot.base_url}/webhooks/widget/history/{openid}", timeout=10).status_code in (404, 405)
        for token in (openid, f"wechat:{openid}"):
            assert widget(bot, "/history", {"token": token}).status_code == 403
        rest(bot, openid, "/restart")
        rest(bot, f"wechat:{openid}", "金融的呢？")

        follow_up = await side.post(session, message_xml(from_user=openid, Content="一个月发几趟？"))
    assert "15至20列" in follow_up.content  # the train context outlived the attacks
    events = stored_events(bot, f"wechat:{openid}")
    assert {e["input_channel"] for e in events if e["event"] == "user"} == {"wechat"}
    assert [e["text"] for e in events if e["event"] == "user"] == ["齐鲁号欧亚班列从哪里发车", "一个月发几趟？"]
    assert not [e for e in events if e["event"] == "restart"]


def test_the_same_id_on_two_channels_is_two_conversations(bot):
    token = widget_token(bot)
    conversation = token.split(".")[0]
    rest(bot, conversation, "金融运行的热线是多少")  # a REST client using the widget conversation's id
    assert widget(bot, "/history", {"token": token}).json() == {"messages": []}

    reply = widget(bot, "/message", {"token": token, "message": "还有别的号码吗"}).json()["messages"]
    assert "金融运行热线：" not in text_of(reply)  # the REST user's hotline context is not the widget's
    assert [e["text"] for e in stored_events(bot, f"rest:{conversation}") if e["event"] == "user"] == [
        "金融运行的热线是多少"]
    assert [e["text"] for e in stored_events(bot, f"widget:{conversation}") if e["event"] == "user"] == [
        "还有别的号码吗"]


def test_the_widget_history_needs_the_conversations_token(bot):
    token = widget_token(bot)
    reply = widget(bot, "/message", {"token": token, "message": "金融运行的热线电话是多少"})
    assert reply.status_code == 200 and "0536-8090465" in text_of(reply.json()["messages"])
    assert "recipient_id" not in reply.json()["messages"][0]

    history = widget(bot, "/history", {"token": token}).json()["messages"]
    assert [m["sender"] for m in history] == ["user", "bot"] and history[0]["text"] == "金融运行的热线电话是多少"
    conversation, signature = token.split(".")
    for guess in (conversation, f"{conversation}.{signature[::-1]}", f"{new_id()}.{signature}"):
        assert widget(bot, "/history", {"token": guess}).status_code == 403
        assert widget(bot, "/message", {"token": guess, "message": "你好"}).status_code == 403
    assert widget(bot, "/history", {"token": widget_token(bot)}).json() == {"messages": []}


@pytest.mark.parametrize("method, headers", [
    ("OPTIONS", {"Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"}),
    ("POST", {"Content-Type": "application/json"}),
])
def test_a_foreign_page_gets_no_cors_access_and_never_credentials(bot, method, headers):
    """tools/servers.py starts Rasa with `--cors "*"` (Rasa then allows every origin with credentials)."""
    for path in ("/webhooks/widget/history", "/webhooks/rest/webhook", "/webhooks/widget/conversations"):
        foreign = requests.request(method, bot.base_url + path, headers={"Origin": FOREIGN_ORIGIN, **headers},
                                   data=b"{}", timeout=10)
        assert "Access-Control-Allow-Origin" not in foreign.headers
        assert "Access-Control-Allow-Credentials" not in foreign.headers

        allowed = requests.request(method, bot.base_url + path, headers={"Origin": ALLOWED_ORIGIN, **headers},
                                   data=b"{}", timeout=10)
        assert allowed.headers.get("Access-Control-Allow-Origin") == ALLOWED_ORIGIN
        assert "Access-Control-Allow-Credentials" not in allowed.headers


def test_restart_and_intents_typed_as_text_are_not_executed(bot):
    sender = new_id()
    assert "青州港天物流园" in text_of(rest(bot, sender, "齐鲁号欧亚班列从哪里发车"))
    rest(bot, sender, "/restart")
    assert "15至20列" in text_of(rest(bot, sender, "一个月发几趟？"))  # still in the train conversation
    rest(bot, sender, '/ask_train{"department": "x"}')

    events = stored_events(bot, f"rest:{sender}")
    users = [e for e in events if e["event"] == "user"]
    assert [e["text"] for e in users] == [  # kept as said
        "齐鲁号欧亚班列从哪里发车", "/restart", "一个月发几趟？", '/ask_train{"department": "x"}']
    assert users[1]["parse_data"]["intent"]["name"] != "restart"
    assert "x" not in [entity["value"] for entity in users[3]["parse_data"]["entities"]]
    assert not [e for e in events if e["event"] == "restart"]
    assert not [e for e in events if e["event"] == "slot" and e["name"] == "department" and e["value"] == "x"]


async def test_buttons_the_bot_offered_still_work_on_rest_and_wechat(bot):
    sender = new_id()
    offered = [b["payload"] for m in rest(bot, sender, "你能干什么") for b in m.get("buttons", [])]
    assert VEGETABLE in offered  # the newest article's title: a button asks about it in words
    assert f"来源：《{VEGETABLE}》" in text_of(rest(bot, sender, VEGETABLE))

    side, openid = wechat(bot), f"o_{new_id()[:20]}"
    async with aiohttp.ClientSession() as session:
        menu = await side.post(session, message_xml(from_user=openid, Content="你能干什么"))
        number = next(line.split(".")[0] for line in menu.content.splitlines() if "齐鲁号" in line)
        chosen = await side.post(session, message_xml(from_user=openid, Content=number))
    assert "来源：《“齐鲁号”欧亚班列 恢复常态化运行》" in chosen.content
    assert TRAIN in [e["text"] for e in stored_events(bot, f"wechat:{openid}") if e["event"] == "user"]


def test_the_root_page_does_not_advertise_the_rasa_version(bot):
    root = requests.get(bot.base_url + "/", timeout=10)
    assert root.status_code == 200
    assert rasa.__version__ not in root.text and "rasa" not in root.text.lower()
    assert rasa.__version__ not in str(root.headers)


def test_the_command_guard_stops_what_rasa_would_execute():
    """The override against Rasa's own parser: Rasa reads `/restart` as the restart intent; what the guard gives
    NLU instead is no command to it; a payload the bot offered passes unchanged."""
    def rasa_reads(text: str) -> str | None:
        return YAMLStoryReader.unpack_regex_message(Message({"text": text})).get("intent", {}).get("name")

    tracker = DialogueStateTracker.from_events("t", [
        UserUttered("你能干什么"),
        BotUttered("请选择", data={"buttons": [{"title": "热线", "payload": "/ask_hotline"}]})])
    assert rasa_reads("/restart") == "restart"
    assert rasa_reads(commands.words_for_nlu("/restart", tracker) or "") is None
    assert rasa_reads(commands.words_for_nlu('/ask_hotline{"department":"x"}', tracker) or "") is None
    assert commands.words_for_nlu("/ask_hotline", tracker) is None  # offered: parsed as Rasa parses it
    assert commands.words_for_nlu("/ask_hotline", None) is not None
    assert commands.words_for_nlu("金融的呢？", None) is None


def test_the_command_guard_refuses_a_rasa_it_was_not_written_for(monkeypatch):
    monkeypatch.setattr(rasa, "__version__", "3.7.0")
    monkeypatch.setattr(MessageProcessor, "parse_message", lambda self, message: None)
    with pytest.raises(UnsupportedRasa, match=r"Rasa 3\.7\.0 is outside the checked range .*; "
                       r"rasa.core.processor:MessageProcessor.parse_message takes \(self, message\)"):
        commands.install()
