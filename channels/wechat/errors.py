"""Typed errors of the WeChat channel.

Each protocol error carries the HTTP status the webhook answers with, so the Sanic layer maps
errors to responses in one place and bad input never becomes a 500.
"""


class WeChatProtocolError(Exception):
    """A request that does not follow WeChat's protocol: answered with 400."""

    status = 400


class SignatureError(WeChatProtocolError):
    """`signature` or `msg_signature` does not match, or is missing: answered with 403."""

    status = 403


class StaleTimestampError(SignatureError):
    """The signed timestamp is too far from now (a replayed request): answered with 403."""


class MalformedXMLError(WeChatProtocolError):
    """The body is not well-formed XML of WeChat's shape."""


class UnsafeXMLError(MalformedXMLError):
    """The body declares a DOCTYPE or entities (XXE, billion laughs): WeChat never sends one."""


class CryptoError(WeChatProtocolError):
    """A safe-mode ciphertext that cannot be decrypted into a message."""


class PaddingError(CryptoError):
    """The PKCS#7 padding of a decrypted block is invalid (tampered or wrong key)."""


class ReceiveIdError(CryptoError):
    """The decrypted message names another AppID / corp id than ours."""


class ConfigurationError(Exception):
    """Channel settings that cannot work (for example an EncodingAESKey of the wrong length)."""


class DeliveryError(Exception):
    """A message could not be pushed through the customer-service API."""


class WeChatAPIError(DeliveryError):
    """WeChat's HTTP API answered with a non-zero `errcode`."""

    def __init__(self, errcode: int, errmsg: str) -> None:
        super().__init__(f"WeChat API error {errcode}: {errmsg}")
        self.errcode = errcode
        self.errmsg = errmsg
