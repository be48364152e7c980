"""The webhook's protocol, free of any web framework: URL check (GET) and messages (POST).

Checks signatures and timestamps, decrypts safe-mode bodies, parses the XML, asks `answer` for the
reply text and wraps it as WeChat expects (plain XML, or encrypted in safe mode).
"""

import secrets
import time
from collections.abc import Awaitable, Callable, Mapping

from channels.wechat.crypto import MessageCrypto
from channels.wechat.errors import MalformedXMLError, SignatureError, WeChatProtocolError
from channels.wechat.settings import ChannelSettings, Product
from channels.wechat.signature import check_timestamp, sha1_signature, verify_signature
from channels.wechat.xml_message import (
    InboundMessage,
    encrypted_reply_xml,
    parse_xml,
    text_reply_xml,
)

SUCCESS = "success"  # "received, nothing to reply": WeChat neither retries nor shows an error

# (message, received_at) -> reply text or None
Answer = Callable[[InboundMessage, float], Awaitable[str | None]]


class WeChatEndpoint:
    def __init__(
        self,
        settings: ChannelSettings,
        product: Product,
        answer: Answer,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._settings = settings
        self._product = product
        self._answer = answer
        self._clock = clock
        self._crypto = (
            MessageCrypto(settings.encoding_aes_key, settings.receive_id)
            if settings.encoding_aes_key
            else None
        )

    def verify_url(self, args: Mapping[str, str]) -> str:
        """The URL check: the body to answer a signed GET with (echostr, decrypted for WeCom)."""
        timestamp, nonce = self._signed_params(args)
        echostr = args.get("echostr", "")
        if not echostr:
            raise WeChatProtocolError("missing echostr")
        if self._product.always_encrypted:
            verify_signature(args.get("msg_signature"), self._settings.token, timestamp, nonce, echostr)
            return self._require_crypto().decrypt(echostr)
        verify_signature(args.get("signature"), self._settings.token, timestamp, nonce)
        return echostr

    async def handle_message(self, args: Mapping[str, str], body: bytes, received_at: float) -> str:
        """The body to answer a POSTed message with: reply XML, or `success`."""
        message, encrypted = self.read_message(args, body)
        text = await self._answer(message, received_at)
        if not text:
            return SUCCESS
        reply = text_reply_xml(message, text, now=int(self._clock()))
        return self._encrypt_reply(reply) if encrypted else reply

    def read_message(self, args: Mapping[str, str], body: bytes) -> tuple[InboundMessage, bool]:
        """Verify and decode a POST: the message, and whether it came (and is answered) encrypted."""
        timestamp, nonce = self._signed_params(args)
        if not self._product.always_encrypted:
            verify_signature(args.get("signature"), self._settings.token, timestamp, nonce)
        encrypted = self._product.always_encrypted or args.get("encrypt_type") == "aes"
        if encrypted and not self._settings.accepts_encrypted:
            raise WeChatProtocolError("encrypted messages are not enabled (mode: plain)")
        if not encrypted and not self._settings.accepts_plain:
            raise WeChatProtocolError("plaintext messages are refused in safe mode")
        fields = parse_xml(body)
        if encrypted:
            ciphertext = fields.get("Encrypt")
            if not ciphertext:
                raise MalformedXMLError("safe-mode body without Encrypt")
            verify_signature(
                args.get("msg_signature"), self._settings.token, timestamp, nonce, ciphertext
            )
            fields = parse_xml(self._require_crypto().decrypt(ciphertext).encode("utf-8"))
        return InboundMessage.from_fields(fields), encrypted

    def _signed_params(self, args: Mapping[str, str]) -> tuple[str, str]:
        timestamp, nonce = args.get("timestamp", ""), args.get("nonce", "")
        if not nonce:
            raise SignatureError("missing nonce")
        check_timestamp(timestamp, self._settings.max_clock_skew, self._clock)
        return timestamp, nonce

    def _encrypt_reply(self, reply: str) -> str:
        timestamp, nonce = str(int(self._clock())), str(secrets.randbelow(10**10))
        ciphertext = self._require_crypto().encrypt(reply)
        signature = sha1_signature(self._settings.token, timestamp, nonce, ciphertext)
        return encrypted_reply_xml(ciphertext, signature, timestamp, nonce)

    def _require_crypto(self) -> MessageCrypto:
        if self._crypto is None:  # settings validation makes this unreachable
            raise WeChatProtocolError("no EncodingAESKey configured")
        return self._crypto
