"""The widget channel's routes (against the fake bot) and its history conversion."""
import json
import urllib.error
import urllib.request

import pytest
from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, SlotSet, UserUttered

from channels.widget.history import MAX_MESSAGES, messages
from tests.widget.fake import FakeBot


def get(url: str):
    """(status, headers, body) — HTTP errors included."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def chat(base_url: str, sender: str, message: str) -> None:
    body = json.dumps({"sender": sender, "message": message}).encode()
    request = urllib.request.Request(base_url + "/webhooks/rest/webhook", body, {"Content-Type": "application/json"})
    urllib.request.urlopen(request, timeout=10).read()


def test_history_turns_events_into_user_and_bot_messages():
    buttons = [{"title": "网上招聘", "payload": "/ask_jobs"}]
    events = [
        SessionStarted(), ActionExecuted("action_listen"), UserUttered("你好"),
        BotUttered("您好！", data={"buttons": buttons}), SlotSet("topic", "jobs"),
        UserUttered("/ask_jobs"), BotUttered(None, data={"custom": {"x": 1}}), BotUttered("寒亭区……"),
    ]
    assert messages(events) == [
        {"sender": "user", "text": "你好"},
        {"sender": "bot", "text": "您好！", "buttons": buttons},
        {"sender": "user", "text": "网上招聘"},
        {"sender": "bot", "text": "寒亭区……", "buttons": []},
    ]


def test_history_keeps_only_the_latest_messages():
    shown = messages(UserUttered(str(n)) for n in range(MAX_MESSAGES + 5))
    assert [m["text"] for m in shown] == [str(n) for n in range(5, MAX_MESSAGES + 5)]


def test_history_route_returns_the_stored_conversation(fake_bot: FakeBot):
    chat(fake_bot.base_url, "route-test-1", "金融运行的热线电话是多少")
    chat(fake_bot.base_url, "route-test-1", "/ask_jobs")
    status, headers, body = get(fake_bot.base_url + "/webhooks/widget/history/route-test-1")
    assert status == 200 and headers["Content-Type"] == "application/json"
    shown = json.loads(body)["messages"]
    assert [(m["sender"], m["text"][:4]) for m in shown] == [
        ("user", "金融运行"), ("bot", "金融运行"), ("user", "网上招聘"), ("bot", "寒亭区举"),
    ]
    assert shown[1]["buttons"][0] == {"title": "网上招聘", "payload": "/ask_jobs"}


def test_history_of_an_unknown_conversation_is_empty(fake_bot: FakeBot):
    status, _, body = get(fake_bot.base_url + "/webhooks/widget/history/0123456789abcdef0123456789abcdef")
    assert (status, json.loads(body)["messages"]) == (200, [])


@pytest.mark.parametrize("sender", ["short", "a" * 65, "abc%20defghij", "abcdefgh%3Cscript%3E", "..%2F..%2Fetc",
                                    "%E5%A4%8D%E5%B7%A5%E5%8A%A9%E6%89%8B%E4%BD%A0%E5%A5%BD"])
def test_history_rejects_bad_sender_ids_with_400(fake_bot: FakeBot, sender: str):
    status, _, body = get(f"{fake_bot.base_url}/webhooks/widget/history/{sender}")
    assert status == 400 and "error" in json.loads(body)


@pytest.mark.parametrize("path, content_type", [
    ("/webhooks/widget/widget.js", "text/javascript; charset=utf-8"),
    ("/webhooks/widget/widget.css", "text/css; charset=utf-8"),
    ("/webhooks/widget/demo", "text/html; charset=utf-8"),
])
def test_static_routes(fake_bot: FakeBot, path: str, content_type: str):
    status, headers, body = get(fake_bot.base_url + path)
    assert (status, headers["Content-Type"]) == (200, content_type) and body
