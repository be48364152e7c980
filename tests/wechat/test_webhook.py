"""The webhooks over HTTP, with wechatpy playing WeChat: URL checks, round trips, refusals, events."""

import time
from dataclasses import replace

import pytest
import xmltodict

from channels.wechat import WeChatInput, WeComInput
from channels.wechat.replies import LATE_WITHOUT_PUSH, WELCOME_TEXT
from testkit.wechat_side import OFFICIAL_ACCOUNT_ID, message_xml, sign
from tests.wechat.conftest import OFFICIAL_ACCOUNT, WECOM
from tests.wechat.fakes import FakeAgent

QUESTION = "金融运行的热线是多少？"


async def get(running, query):
    async with running.session.get(running.side.url, params=query) as response:
        return response.status, await response.text()


# --- URL check ---------------------------------------------------------------------------------


async def test_official_account_url_check_returns_echostr_as_is(serve):
    running = await serve(WeChatInput, OFFICIAL_ACCOUNT)
    assert await get(running, running.side.url_check_query("6120185938427543815")) == (
        200, "6120185938427543815"
    )


async def test_wecom_url_check_returns_the_decrypted_echostr(serve):
    running = await serve(WeComInput, WECOM)
    query = running.side.url_check_query("1288432023552776189")
    assert query["echostr"] != "1288432023552776189"
    assert await get(running, query) == (200, "1288432023552776189")


@pytest.mark.parametrize("channel_class, settings", [(WeChatInput, OFFICIAL_ACCOUNT), (WeComInput, WECOM)])
async def test_url_check_with_a_wrong_signature_is_forbidden(serve, channel_class, settings):
    running = await serve(channel_class, settings)
    query = running.side.url_check_query("123")
    query["signature" if channel_class is WeChatInput else "msg_signature"] = sign("forged")
    status, body = await get(running, query)
    assert status == 403 and "123" not in body


async def test_url_check_with_a_stale_timestamp_is_forbidden(serve):
    running = await serve(WeChatInput, OFFICIAL_ACCOUNT)
    query = running.side.url_check_query("123")
    query["timestamp"] = str(int(time.time()) - 3600)
    query["signature"] = sign(OFFICIAL_ACCOUNT.token, query["timestamp"], query["nonce"])
    assert (await get(running, query))[0] == 403


async def test_url_check_without_parameters_is_refused(serve):
    running = await serve(WeChatInput, OFFICIAL_ACCOUNT)
    assert (await get(running, {}))[0] == 403
    query = running.side.url_check_query("123")
    del query["echostr"]
    assert (await get(running, query))[0] == 400


async def test_health_route(serve):
    running = await serve(WeChatInput, OFFICIAL_ACCOUNT)
    async with running.session.get(f"{running.base_url}/webhooks/wechat/") as response:
        assert (response.status, await response.json()) == (200, {"status": "ok"})


# --- round trips ------------------------------------------------------------------------------


@pytest.mark.parametrize("safe", [False, True], ids=["plain", "safe"])
async def test_official_account_round_trip_in_chinese(serve, safe):
    running = await serve(WeChatInput, OFFICIAL_ACCOUNT)
    reply = await running.side.post(running.session, message_xml(Content=QUESTION, msg_id="6054768590064713728"),
                                    safe=safe)
    assert reply.status == 200
    assert reply.content == f"您说的是：{QUESTION}"
    assert (reply.message.source, reply.message.target) == (OFFICIAL_ACCOUNT_ID, "o_user_1")
    (received,) = running.agent.received
    assert (received.text, received.sender_id, received.input_channel, received.message_id) == (
        QUESTION, "wechat:o_user_1", "wechat", "6054768590064713728"
    )


async def test_wecom_round_trip_in_chinese(serve):
    running = await serve(WeComInput, WECOM)
    reply = await running.side.post(running.session, message_xml(Content=QUESTION, from_user="ZhangSan",
                                                                 to_user=WECOM.receive_id))
    assert reply.content == f"您说的是：{QUESTION}"
    assert (reply.message.source, reply.message.target) == (WECOM.receive_id, "ZhangSan")
    assert running.agent.received[0].input_channel == "wecom"


async def test_safe_mode_reply_is_an_encrypted_envelope(serve):
    running = await serve(WeChatInput, OFFICIAL_ACCOUNT)
    reply = await running.side.post(running.session, message_xml(Content="你好"), safe=True)
    envelope = xmltodict.parse(reply.body)["xml"]
    assert set(envelope) == {"Encrypt", "MsgSignature", "TimeStamp", "Nonce"}
    assert "你好" not in reply.body


# --- refusals ---------------------------------------------------------------------------------


def _resign(body, query):
    """Re-sign a spoilt Encrypt so that decryption, not the signature, must catch it."""
    encrypt = xmltodict.parse(body)["xml"]["Encrypt"]
    query["msg_signature"] = sign(OFFICIAL_ACCOUNT.token, query["timestamp"], query["nonce"], encrypt)
    return body, query


def flip_ciphertext(body, query):
    encrypt = xmltodict.parse(body)["xml"]["Encrypt"]
    spoilt = encrypt[:-8] + ("A" if encrypt[-8] != "A" else "B") + encrypt[-7:]
    return _resign(body.replace(encrypt, spoilt), query)


def forge_signature(body, query):
    return body, dict(query, signature=sign("not the token", query["timestamp"], query["nonce"]))


def forge_msg_signature(body, query):
    return body, dict(query, msg_signature=sign("forged"))


def drop_msg_signature(body, query):
    return body, {key: value for key, value in query.items() if key != "msg_signature"}


@pytest.mark.parametrize("tamper", [forge_signature, forge_msg_signature, drop_msg_signature])
async def test_wrong_signatures_are_forbidden_and_nothing_runs(serve, tamper):
    running = await serve(WeChatInput, OFFICIAL_ACCOUNT)
    reply = await running.side.post(running.session, message_xml(Content=QUESTION), safe=True, tamper=tamper)
    assert reply.status == 403
    assert running.agent.received == []


async def test_tampered_ciphertext_is_a_bad_request(serve):
    running = await serve(WeChatInput, OFFICIAL_ACCOUNT)
    reply = await running.side.post(running.session, message_xml(Content=QUESTION), safe=True,
                                    tamper=flip_ciphertext)
    assert reply.status == 400
    assert running.agent.received == []


async def test_stale_message_is_forbidden(serve):
    running = await serve(WeChatInput, OFFICIAL_ACCOUNT)
    query = running.side.signed_query(timestamp=str(int(time.time()) - 3600))
    reply = await running.side.post(running.session, message_xml(Content=QUESTION), safe=True, query=query)
    assert reply.status == 403


XXE_MESSAGE = (
    '<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    "<xml><ToUserName>gh_fugong000001</ToUserName><FromUserName>o_user_1</FromUserName>"
    "<CreateTime>1</CreateTime><MsgType>text</MsgType><Content>&xxe;</Content><MsgId>1</MsgId></xml>"
)
LAUGHS_MESSAGE = XXE_MESSAGE.replace(
    '<!ENTITY xxe SYSTEM "file:///etc/passwd">', '<!ENTITY a "aaaaaaaaaa"><!ENTITY xxe "&a;&a;&a;&a;&a;&a;">'
)


@pytest.mark.parametrize("payload", [XXE_MESSAGE, LAUGHS_MESSAGE], ids=["xxe", "billion-laughs"])
@pytest.mark.parametrize("safe", [False, True], ids=["plain", "inside-safe-mode"])
async def test_entity_payloads_are_bad_requests_and_nothing_runs(serve, payload, safe):
    running = await serve(WeChatInput, OFFICIAL_ACCOUNT)
    reply = await running.side.post(running.session, payload, safe=safe)
    assert reply.status == 400
    assert "root:" not in reply.body
    assert running.agent.received == []


@pytest.mark.parametrize("body", ["", "hello", "<xml><Content>no sender</Content></xml>", "<xml>" * 20_000])
async def test_malformed_bodies_are_bad_requests(serve, body):
    running = await serve(WeChatInput, OFFICIAL_ACCOUNT)
    reply = await running.side.post(running.session, body, safe=False)
    assert reply.status == 400


async def test_safe_mode_refuses_plaintext_and_plain_mode_refuses_ciphertext(serve):
    safe_only = await serve(WeChatInput, replace(OFFICIAL_ACCOUNT, mode="safe"))
    assert (await safe_only.side.post(safe_only.session, message_xml(Content="你好"), safe=False)).status == 400
    plain_only = await serve(WeChatInput, replace(OFFICIAL_ACCOUNT, mode="plain"))
    assert (await plain_only.side.post(plain_only.session, message_xml(Content="你好"), safe=True)).status == 400
    assert safe_only.agent.received == plain_only.agent.received == []


# --- message types and events -----------------------------------------------------------------


async def test_subscribe_gets_the_welcome_without_a_turn(serve):
    running = await serve(WeChatInput, OFFICIAL_ACCOUNT)
    welcome = await running.side.post(running.session, message_xml("event", Event="subscribe"))
    assert welcome.content == WELCOME_TEXT
    assert running.agent.received == []


async def test_buttons_are_a_numbered_menu_and_the_number_sends_the_payload(serve):
    def script(text):
        if text == "/ask_train":
            return [{"text": "齐鲁号班列每月发运10列。"}]
        return [{"text": "您想了解哪方面？", "buttons": [{"title": "热线电话", "payload": "/ask_hotline"},
                                                         {"title": "齐鲁号班列", "payload": "/ask_train"}]}]

    running = await serve(WeChatInput, OFFICIAL_ACCOUNT, FakeAgent(script))
    menu = await running.side.post(running.session, message_xml(Content="你能干什么"))
    assert menu.content.endswith("1. 热线电话\n2. 齐鲁号班列")
    answer = await running.side.post(running.session, message_xml(Content="２"))
    assert answer.content == "齐鲁号班列每月发运10列。"
    await running.side.post(running.session, message_xml(Content="2"))  # the latest menu shown still counts
    assert running.agent.texts == ["你能干什么", "/ask_train", "/ask_train"]


async def test_a_number_that_selects_nothing_gets_the_welcome(serve):
    running = await serve(WeChatInput, OFFICIAL_ACCOUNT)
    reply = await running.side.post(running.session, message_xml(Content="9"))
    assert reply.content == WELCOME_TEXT and running.agent.received == []


async def test_several_bot_messages_are_joined_into_one_reply(serve):
    script = lambda text: [{"text": "综合协调：0536-8787000"}, {"text": "来源：《复工复产热线》（2月20日）"}]  # noqa: E731
    running = await serve(WeChatInput, OFFICIAL_ACCOUNT, FakeAgent(script))
    reply = await running.side.post(running.session, message_xml(Content=QUESTION))
    assert reply.content == "综合协调：0536-8787000\n\n来源：《复工复产热线》（2月20日）"


async def test_voice_with_recognition_is_answered_as_text(serve):
    running = await serve(WeChatInput, OFFICIAL_ACCOUNT)
    voice = message_xml("voice", MediaId="media-1", Format="amr", Recognition="齐鲁号班列一个月发几趟？")
    reply = await running.side.post(running.session, voice)
    assert reply.content == "您说的是：齐鲁号班列一个月发几趟？"
    assert running.agent.texts == ["齐鲁号班列一个月发几趟？"]


@pytest.mark.parametrize(
    "xml, expected",
    [
        (message_xml("voice", MediaId="media-1", Format="amr"), "没有听清"),
        (message_xml("image", PicUrl="http://127.0.0.1/p.jpg", MediaId="m"), "看不懂图片"),
        (message_xml("location", Location_X="36.7", Location_Y="119.1", Scale="15", Label="潍坊"), "位置"),
        (message_xml("video", MediaId="m", ThumbMediaId="t"), "只能看懂文字"),
    ],
    ids=["voice-without-recognition", "image", "location", "video"],
)
async def test_unreadable_messages_get_a_polite_text(serve, xml, expected):
    running = await serve(WeChatInput, OFFICIAL_ACCOUNT)
    reply = await running.side.post(running.session, xml)
    assert expected in reply.content and "请用文字提问" in reply.content
    assert running.agent.received == []


async def test_other_events_are_acknowledged_with_success(serve):
    running = await serve(WeChatInput, OFFICIAL_ACCOUNT)
    reply = await running.side.post(running.session, message_xml("event", Event="unsubscribe"))
    assert (reply.status, reply.body) == (200, "success")


async def test_a_failing_turn_apologises_instead_of_failing(serve):
    def script(text):
        raise RuntimeError("a bug in the bot")

    running = await serve(WeChatInput, OFFICIAL_ACCOUNT, FakeAgent(script))
    reply = await running.side.post(running.session, message_xml(Content=QUESTION))
    assert reply.status == 200 and "系统暂时出了点问题" in reply.content


async def test_a_late_answer_without_app_secret_gets_an_apology_in_time(serve):
    running = await serve(WeChatInput, replace(OFFICIAL_ACCOUNT, reply_deadline=0.2), FakeAgent(delay=1.0))
    started = time.monotonic()
    reply = await running.side.post(running.session, message_xml(Content=QUESTION))
    assert time.monotonic() - started < 0.8
    assert reply.content == LATE_WITHOUT_PUSH
