"""Signatures, timestamps and the safe XML parser."""

import pytest
import xmltodict

from channels.wechat.errors import MalformedXMLError, SignatureError, StaleTimestampError, UnsafeXMLError
from channels.wechat.signature import check_timestamp, sha1_signature, verify_signature
from channels.wechat.xml_message import InboundMessage, parse_xml, text_reply_xml
from testkit.wechat_side import sign

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<xml><ToUserName>gh</ToUserName><FromUserName>u</FromUserName><MsgType>text</MsgType>
<Content>&lol3;</Content></xml>"""
XXE = b"""<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<xml><ToUserName>gh</ToUserName><FromUserName>u</FromUserName><MsgType>text</MsgType>
<Content>&xxe;</Content></xml>"""
PARAMETER_ENTITY = b"""<!DOCTYPE xml [<!ENTITY % remote SYSTEM "http://127.0.0.1:9/x.dtd"> %remote;]>
<xml><Content>x</Content></xml>"""


def test_signature_matches_wechatpy():
    parts = ("token", "1409735669", "1320562132", "加密内容")
    assert sha1_signature(*parts) == sign(*parts)
    verify_signature(sign(*parts), *parts)
    verify_signature(sign(*parts).upper(), *parts)


@pytest.mark.parametrize("received", [None, "", "0" * 40, "not hex at all"])
def test_wrong_or_missing_signature_is_refused(received):
    with pytest.raises(SignatureError):
        verify_signature(received, "token", "1409735669", "nonce")


def test_timestamps_far_from_now_are_refused():
    check_timestamp("1000", max_skew_seconds=300, clock=lambda: 1200)
    with pytest.raises(StaleTimestampError):
        check_timestamp("1000", max_skew_seconds=300, clock=lambda: 1301)
    with pytest.raises(StaleTimestampError):
        check_timestamp("1400", max_skew_seconds=300, clock=lambda: 1000)


@pytest.mark.parametrize("timestamp", [None, "", "12a", "-5", "１２３"])
def test_malformed_timestamps_are_refused(timestamp):
    with pytest.raises(SignatureError):
        check_timestamp(timestamp, max_skew_seconds=300, clock=lambda: 123)


def test_parses_a_wechat_message_in_chinese():
    body = (
        "<xml><ToUserName><![CDATA[gh_1]]></ToUserName><FromUserName><![CDATA[o_1]]></FromUserName>"
        "<CreateTime>1409735668</CreateTime><MsgType><![CDATA[text]]></MsgType>"
        "<Content><![CDATA[金融运行的热线是多少]]></Content><MsgId>6054768590064713728</MsgId></xml>"
    ).encode("utf-8")
    message = InboundMessage.from_fields(parse_xml(body))
    assert (message.to_user, message.from_user, message.msg_type) == ("gh_1", "o_1", "text")
    assert message.content == "金融运行的热线是多少"
    assert message.dedup_key == "msg:6054768590064713728"


def test_events_are_deduplicated_by_sender_and_create_time():
    fields = {"ToUserName": "gh", "FromUserName": "o_1", "MsgType": "event", "Event": "subscribe",
              "CreateTime": "123"}
    assert InboundMessage.from_fields(fields).dedup_key == "event:o_1:123:subscribe"


@pytest.mark.parametrize("body", [BILLION_LAUGHS, XXE, PARAMETER_ENTITY])
def test_entity_declarations_are_refused(body):
    with pytest.raises(UnsafeXMLError):
        parse_xml(body)


@pytest.mark.parametrize(
    "body",
    [b"", b"not xml", b"<xml><Content>&undefined;</Content></xml>", b"<xml><a></xml>",
     b"<xml>" + b"<a>x</a>" * 10_000 + b"</xml>"],
)
def test_malformed_bodies_are_refused(body):
    with pytest.raises(MalformedXMLError):
        parse_xml(body)


def test_messages_without_required_fields_are_refused():
    with pytest.raises(MalformedXMLError):
        InboundMessage.from_fields(parse_xml(b"<xml><Content>hi</Content></xml>"))


def test_text_reply_swaps_users_and_escapes_cdata_end():
    message = InboundMessage(to_user="gh_1", from_user="o_1", create_time="1", msg_type="text")
    content = "热线：0536-8099000 ]]> <b>不是标签</b> & 符号"
    reply = xmltodict.parse(text_reply_xml(message, content, now=1700000000))["xml"]
    assert reply == {
        "ToUserName": "o_1", "FromUserName": "gh_1", "CreateTime": "1700000000", "MsgType": "text",
        "Content": content,
    }
