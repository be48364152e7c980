"""Bounded input against the real bot: bodies refused before they are read, messages before NLU, bad JSON with
400 rather than 500, overlong text kept out of the logs; both servers on the loopback interface (issue 10)."""
from __future__ import annotations

import re

import aiohttp
import pytest
import requests

from testkit.wechat_side import message_xml
from tests.security.talk import listening, new_id, post_huge_body, rasa_memory, wechat, widget, widget_token

MiB = 2**20


@pytest.mark.parametrize("path", ["/webhooks/rest/webhook", "/webhooks/widget/message", "/socket.io/"])
@pytest.mark.parametrize("chunked", [False, True], ids=["content-length", "chunked"])
def test_a_20_mb_body_is_refused_at_once_without_growing_the_server(bot, path, chunked):
    before = rasa_memory(bot)
    elapsed, answer = post_huge_body(bot, path, 20 * MiB, chunked=chunked)
    assert answer.startswith(b"HTTP/1.1 413 ")
    assert elapsed < 0.1, f"413 after {elapsed * 1000:.0f} ms"  # generous: about 1 ms measured
    assert rasa_memory(bot) - before < 50 * MiB
    assert "x" * 100 not in _logs(bot)


def test_the_wechat_webhook_keeps_its_own_64_kb_limit(bot):
    """WeChat's XML is refused by the channel (bad signature here), not by the 16 KB default of the other routes."""
    body = b"<xml>" + b" " * 30_000 + b"</xml>"
    assert requests.post(f"{bot.base_url}/webhooks/wechat/webhook", data=body, timeout=10).status_code == 403
    assert requests.post(f"{bot.base_url}/webhooks/wechat/webhook", data=body * 3, timeout=10).status_code == 413


def test_a_413_says_why_in_json(bot):
    response = requests.post(f"{bot.base_url}/webhooks/rest/webhook", data=b"{" + b" " * 20_000 + b"}",
                             headers={"Content-Type": "application/json"}, timeout=10)
    assert response.status_code == 413
    assert response.json() == {"error": "body_too_large", "detail": "请求太大：最多 16384 字节。"}


@pytest.mark.parametrize("body", [b"", b"[]", b"[1, 2]", b'"text"', b"null", b"{", b'{"sender": 1, "message": "hi"}',
                                  b'{"message": "hi"}', b'{"sender": "", "message": "hi"}',
                                  b'{"sender": "me", "message": ["hi"]}', b'{"sender": "me", "message": null}',
                                  b'{"sender": "me", "message": "  "}', b'{"sender": "me", "message": "hi", '
                                                                         b'"metadata": [1]}'])
def test_rest_bodies_rasa_would_fail_on_get_400(bot, body):
    response = requests.post(f"{bot.base_url}/webhooks/rest/webhook", data=body,
                             headers={"Content-Type": "application/json"}, timeout=10)
    assert response.status_code == 400 and set(response.json()) == {"error", "detail"}


@pytest.mark.parametrize("body", [b"", b"[]", b"{", b'{"token": 7}', b'{"message": "hi"}'])
def test_widget_bodies_without_a_conversation_get_400_or_403(bot, body):
    response = widget(bot, "/message", data=body, headers={"Content-Type": "application/json"})
    assert response.status_code in (400, 403) and set(response.json()) == {"error", "detail"}


def test_messages_over_the_limit_are_refused_on_rest_and_the_widget_and_kept_out_of_the_logs(bot):
    secret = "机密" * 501  # 1002 characters, 3 KB: within the body limit, over the message limit
    rest_reply = requests.post(f"{bot.base_url}/webhooks/rest/webhook", json={"sender": new_id(), "message": secret},
                               timeout=10)
    widget_reply = widget(bot, "/message", {"token": widget_token(bot), "message": secret})
    for reply in (rest_reply, widget_reply):
        assert reply.status_code == 413 and reply.json()["error"] == "message_too_long"
        assert "1000" in reply.json()["detail"]
    ok = requests.post(f"{bot.base_url}/webhooks/rest/webhook", json={"sender": new_id(), "message": "字" * 1000},
                       timeout=30)
    assert ok.status_code == 200
    assert not re.search("(机密){50}", _logs(bot))


async def test_wechat_answers_an_overlong_message_in_chinese(bot):
    side = wechat(bot)
    async with aiohttp.ClientSession() as session:
        reply = await side.post(session, message_xml(from_user=f"o_{new_id()[:20]}", Content="长" * 1500))
    assert reply.status == 200 and "消息太长了" in reply.content and "1000" in reply.content
    assert not re.search("长{100}", _logs(bot))


def test_both_servers_listen_on_the_loopback_interface_only(bot):
    assert listening(bot.rasa_port).laddr.ip == "127.0.0.1"
    assert listening(bot.action_port).laddr.ip == "127.0.0.1"


def _logs(bot) -> str:
    return "\n".join(path.read_text(encoding="utf-8", errors="replace") for path in bot.log_dir.glob("*.log"))
