"""The widget channel's routes (against the fake bot), its tokens and its history conversion."""
import json
import urllib.error
import urllib.request

import pytest
from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, SlotSet, UserUttered

from channels.widget.history import MAX_MESSAGES, messages
from channels.widget.tokens import ConversationTokens, load_secret
from tests.widget.fake import FAIL, SECRET, FakeBot


def get(url: str):
    """(status, headers, body) — HTTP errors included."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def post(base_url: str, path: str, body) -> tuple[int, dict]:
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    request = urllib.request.Request(f"{base_url}/webhooks/widget{path}", data, {"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def new_token(base_url: str) -> str:
    status, body = post(base_url, "/conversations", {})
    assert status == 201
    return body["token"]


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


def test_a_token_names_its_conversation_and_nothing_else():
    tokens = ConversationTokens(b"k" * 32)
    token = tokens.issue()
    conversation, signature = token.split(".")
    assert tokens.conversation(token) == conversation
    assert ConversationTokens(b"another key 12345").conversation(token) is None
    forged = f"{conversation[:-1]}{'0' if conversation[-1] != '0' else '1'}.{signature}"
    for bad in (conversation, forged, token + "x", f"{conversation}.{'A' * 43}", None, 42, ["x"]):
        assert tokens.conversation(bad) is None


def test_the_secret_is_generated_once_and_kept(tmp_path):
    path = tmp_path / "build" / "widget-secret"
    first = load_secret(None, path)
    assert len(first) >= 32 and load_secret("", path) == first
    assert path.stat().st_mode & 0o077 == 0  # readable by the server's user only
    assert load_secret("configured-secret-123", path) == b"configured-secret-123"
    with pytest.raises(ValueError):
        load_secret("short", path)


def test_messages_and_history_go_with_the_token(fake_bot: FakeBot):
    token = new_token(fake_bot.base_url)
    status, reply = post(fake_bot.base_url, "/message", {"token": token, "message": "金融运行的热线电话是多少"})
    assert status == 200 and reply["messages"][0]["text"].startswith("金融运行组")
    assert "recipient_id" not in reply["messages"][0]  # the conversation id stays on the server
    post(fake_bot.base_url, "/message", {"token": token, "message": "/ask_jobs"})

    status, body = post(fake_bot.base_url, "/history", {"token": token})
    assert status == 200
    shown = body["messages"]
    assert [(m["sender"], m["text"][:4]) for m in shown] == [
        ("user", "金融运行"), ("bot", "金融运行"), ("user", "网上招聘"), ("bot", "寒亭区举"),
    ]
    assert shown[1]["buttons"][0] == {"title": "网上招聘", "payload": "/ask_jobs"}


def test_a_new_conversation_has_no_history(fake_bot: FakeBot):
    assert post(fake_bot.base_url, "/history", {"token": new_token(fake_bot.base_url)}) == (200, {"messages": []})


def test_the_bare_id_or_a_forged_token_reads_nothing(fake_bot: FakeBot):
    token = new_token(fake_bot.base_url)
    post(fake_bot.base_url, "/message", {"token": token, "message": "我的私事"})
    conversation = token.split(".")[0]
    foreign = ConversationTokens(b"not the bot's key at all").issue().split(".")[1]
    for guess in (conversation, f"{conversation}.{foreign}", f"widget:{conversation}"):
        for path in ("/history", "/message"):
            status, body = post(fake_bot.base_url, path, {"token": guess, "message": "你好"})
            assert (status, body["error"]) == (403, "bad_token")
    assert get(f"{fake_bot.base_url}/webhooks/widget/history/{conversation}")[0] in (404, 405)  # the old route


def test_tokens_of_the_fake_bot_key_are_accepted(fake_bot: FakeBot):
    """The check above is the key's, not the format's: a token signed with the bot's key works."""
    token = ConversationTokens(SECRET).issue()
    assert post(fake_bot.base_url, "/history", {"token": token}) == (200, {"messages": []})


@pytest.mark.parametrize("body, status, code", [
    (b"", 400, "not_an_object"), (b"[1, 2]", 400, "not_an_object"), (b"{oops", 400, "bad_request"),
    ({"token": "t"}, 403, "bad_token"),
])
def test_malformed_requests_get_a_json_error(fake_bot: FakeBot, body, status, code):
    reply = post(fake_bot.base_url, "/message", body)
    assert (reply[0], reply[1]["error"]) == (status, code)


@pytest.mark.parametrize("message, status, code", [
    ("", 400, "message_empty"), ("  \n\x00 ", 400, "message_empty"), (42, 400, "message_not_text"),
    ("字" * 1001, 413, "message_too_long"),
])
def test_unreadable_messages_are_refused_with_a_reason_in_chinese(fake_bot: FakeBot, message, status, code):
    reply = post(fake_bot.base_url, "/message", {"token": new_token(fake_bot.base_url), "message": message})
    assert (reply[0], reply[1]["error"]) == (status, code)
    assert "消息" in reply[1]["detail"]


def test_a_failed_turn_is_an_apology_in_json_not_a_bare_500(fake_bot: FakeBot):
    status, reply = post(fake_bot.base_url, "/message", {"token": new_token(fake_bot.base_url), "message": FAIL})
    assert (status, reply["error"]) == (500, "turn_failed") and reply["detail"].startswith("抱歉")


def test_a_message_of_exactly_the_limit_is_read(fake_bot: FakeBot):
    status, reply = post(fake_bot.base_url, "/message", {"token": new_token(fake_bot.base_url),
                                                        "message": "  " + "字" * 1000 + "\n"})
    assert status == 200 and reply["messages"][0]["text"] == "您说的是：" + "字" * 1000


@pytest.mark.parametrize("path, content_type", [
    ("/webhooks/widget/widget.js", "text/javascript; charset=utf-8"),
    ("/webhooks/widget/widget.css", "text/css; charset=utf-8"),
    ("/webhooks/widget/demo", "text/html; charset=utf-8"),
])
def test_static_routes(fake_bot: FakeBot, path: str, content_type: str):
    status, headers, body = get(fake_bot.base_url + path)
    assert (status, headers["Content-Type"]) == (200, content_type) and body
