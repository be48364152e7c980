"""WeChat's XML: a safe parser for what WeChat posts, and the builders for what we answer.

WeChat's messages are flat: `<xml><ToUserName>…</ToUserName><MsgType>…</MsgType>…</xml>`. The parser
uses expat directly and refuses any DOCTYPE, entity declaration or external reference, so XXE and
"billion laughs" payloads fail before a single entity is expanded.
"""

import time
from dataclasses import dataclass
from typing import NoReturn
from xml.parsers import expat

from channels.wechat.errors import MalformedXMLError, UnsafeXMLError

MAX_BODY_BYTES = 64 * 1024


def _refuse_doctype(*_: object) -> NoReturn:
    raise UnsafeXMLError("DOCTYPE and entity declarations are not accepted")


def parse_xml(body: bytes) -> dict[str, str]:
    """Parse `<xml>` with flat children into {tag: text}; nested elements keep their own text.

    Raises UnsafeXMLError for DOCTYPE/entities, MalformedXMLError for anything else that is not
    a well-formed `<xml>` document of at most MAX_BODY_BYTES.
    """
    if len(body) > MAX_BODY_BYTES:
        raise MalformedXMLError("body too large")
    parser = expat.ParserCreate(encoding="utf-8")
    parser.StartDoctypeDeclHandler = _refuse_doctype
    parser.EntityDeclHandler = _refuse_doctype
    parser.UnparsedEntityDeclHandler = _refuse_doctype
    parser.ExternalEntityRefHandler = _refuse_doctype
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)

    fields: dict[str, str] = {}
    path: list[str] = []
    text: list[str] = []

    def start(tag: str, _attributes: dict[str, str]) -> None:
        path.append(tag)
        text.clear()

    def end(tag: str) -> None:
        if len(path) >= 2 and tag not in fields:
            fields[tag] = "".join(text).strip()
        path.pop()
        text.clear()

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text.append
    try:
        parser.Parse(body, True)
    except expat.ExpatError as error:
        raise MalformedXMLError(f"malformed XML: {error}") from error
    return fields


@dataclass(frozen=True)
class InboundMessage:
    """The fields of a user message or event that the channel acts on."""

    to_user: str
    from_user: str
    create_time: str
    msg_type: str
    content: str = ""
    msg_id: str = ""
    event: str = ""
    recognition: str = ""

    @classmethod
    def from_fields(cls, fields: dict[str, str]) -> "InboundMessage":
        missing = [name for name in ("ToUserName", "FromUserName", "MsgType") if not fields.get(name)]
        if missing:
            raise MalformedXMLError(f"message lacks {', '.join(missing)}")
        return cls(
            to_user=fields["ToUserName"],
            from_user=fields["FromUserName"],
            create_time=fields.get("CreateTime", ""),
            msg_type=fields["MsgType"].lower(),
            content=fields.get("Content", ""),
            msg_id=fields.get("MsgId", ""),
            event=fields.get("Event", "").lower(),
            recognition=fields.get("Recognition", ""),
        )

    @property
    def dedup_key(self) -> str:
        """WeChat's advice: messages by MsgId, events by sender + CreateTime."""
        if self.msg_id:
            return f"msg:{self.msg_id}"
        return f"event:{self.from_user}:{self.create_time}:{self.event}"


def cdata(value: str) -> str:
    """Wrap in CDATA; a `]]>` inside is split across two sections."""
    return "<![CDATA[" + value.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def text_reply_xml(message: InboundMessage, content: str, now: int | None = None) -> str:
    """A passive text reply: ToUserName and FromUserName swapped."""
    return (
        "<xml>"
        f"<ToUserName>{cdata(message.from_user)}</ToUserName>"
        f"<FromUserName>{cdata(message.to_user)}</FromUserName>"
        f"<CreateTime>{int(time.time()) if now is None else now}</CreateTime>"
        f"<MsgType>{cdata('text')}</MsgType>"
        f"<Content>{cdata(content)}</Content>"
        "</xml>"
    )


def encrypted_reply_xml(encrypt: str, msg_signature: str, timestamp: str, nonce: str) -> str:
    """The safe-mode envelope around an encrypted passive reply."""
    return (
        "<xml>"
        f"<Encrypt>{cdata(encrypt)}</Encrypt>"
        f"<MsgSignature>{cdata(msg_signature)}</MsgSignature>"
        f"<TimeStamp>{timestamp}</TimeStamp>"
        f"<Nonce>{cdata(nonce)}</Nonce>"
        "</xml>"
    )
