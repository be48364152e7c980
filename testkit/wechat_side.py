"""WeChat's side of the protocol, built on `wechatpy` (independent of the channel's own code).

Signs and encrypts what WeChat would POST, and decrypts and parses what the channel answers.
"""

import random
import time
from dataclasses import dataclass

import aiohttp
import xmltodict
from wechatpy import parse_message
from wechatpy.crypto import WeChatCrypto as OfficialAccountCrypto
from wechatpy.enterprise import parse_message as parse_wecom_message
from wechatpy.enterprise.crypto import PrpCrypto as WeComPrp
from wechatpy.enterprise.crypto import WeChatCrypto as WeComCrypto
from wechatpy.utils import WeChatSigner

from channels.wechat.settings import ChannelSettings

OFFICIAL_ACCOUNT_ID = "gh_fugong000001"


def sign(*parts: str) -> str:
    signer = WeChatSigner()
    signer.add_data(*parts)
    return signer.signature


def message_xml(
    msg_type: str = "text",
    from_user: str = "o_user_1",
    to_user: str = OFFICIAL_ACCOUNT_ID,
    create_time: int | None = None,
    msg_id: str | None = None,
    **fields: str,
) -> str:
    """A message as WeChat posts it; `fields` are further elements (Content=..., Event=...)."""
    parts = {
        "ToUserName": to_user,
        "FromUserName": from_user,
        "CreateTime": str(create_time or int(time.time())),
        "MsgType": msg_type,
        **fields,
    }
    if msg_type != "event":
        parts["MsgId"] = msg_id or str(random.randrange(10**18, 10**19))
    return xmltodict.unparse({"xml": parts}, full_document=False)


@dataclass
class Reply:
    status: int
    body: str
    message: object | None = None  # wechatpy's parsed message (the decrypted passive reply)

    @property
    def content(self) -> str:
        return getattr(self.message, "content", "")


@dataclass
class WeChatSide:
    """Talks to one webhook as WeChat does: `wecom=True` for a WeCom app."""

    url: str
    settings: ChannelSettings
    wecom: bool = False

    @property
    def crypto(self):
        crypto_class = WeComCrypto if self.wecom else OfficialAccountCrypto
        return crypto_class(self.settings.token, self.settings.encoding_aes_key, self.settings.receive_id)

    def signed_query(self, timestamp: str | None = None) -> dict[str, str]:
        timestamp = timestamp or str(int(time.time()))
        nonce = str(random.randrange(10**9))
        query = {"timestamp": timestamp, "nonce": nonce}
        if not self.wecom:
            query["signature"] = sign(self.settings.token, timestamp, nonce)
        return query

    def url_check_query(self, echostr_plain: str) -> dict[str, str]:
        query = self.signed_query()
        if self.wecom:
            echostr = WeComPrp(self.crypto.key).encrypt(echostr_plain, self.settings.receive_id).decode()
            query["msg_signature"] = sign(self.settings.token, query["timestamp"], query["nonce"], echostr)
        else:
            echostr = echostr_plain
        query["echostr"] = echostr
        return query

    def encrypt(self, xml: str, query: dict[str, str]) -> tuple[str, dict[str, str]]:
        """The safe-mode body and query for `xml`."""
        envelope = xmltodict.parse(self.crypto.encrypt_message(xml, query["nonce"], query["timestamp"]))["xml"]
        to_user = self.settings.receive_id if self.wecom else OFFICIAL_ACCOUNT_ID
        body = {"ToUserName": to_user, "Encrypt": envelope["Encrypt"]}
        if self.wecom:
            body["AgentID"] = self.settings.agent_id or "1000002"
        query = dict(query, msg_signature=envelope["MsgSignature"])
        if not self.wecom:
            query["encrypt_type"] = "aes"
        return xmltodict.unparse({"xml": body}, full_document=False), query

    async def post(
        self,
        session: aiohttp.ClientSession,
        xml: str,
        safe: bool = True,
        query: dict[str, str] | None = None,
        tamper=None,
    ) -> Reply:
        """POST `xml` (encrypted if `safe`); `tamper(body, query)` may spoil it first."""
        query = query or self.signed_query()
        body = xml
        if safe or self.wecom:
            body, query = self.encrypt(xml, query)
        if tamper:
            body, query = tamper(body, query)
        async with session.post(self.url, params=query, data=body.encode("utf-8")) as response:
            text = await response.text()
            reply = Reply(response.status, text)
        if reply.status == 200 and text != "success":
            reply.message = self.read_reply(text, encrypted=safe or self.wecom)
        return reply

    def read_reply(self, text: str, encrypted: bool):
        if encrypted:
            envelope = xmltodict.parse(text)["xml"]
            text = self.crypto.decrypt_message(
                text, envelope["MsgSignature"], envelope["TimeStamp"], envelope["Nonce"]
            )
        return (parse_wecom_message if self.wecom else parse_message)(text)
