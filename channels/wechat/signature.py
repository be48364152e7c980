"""WeChat's SHA-1 signatures and the timestamp freshness check."""

import hashlib
import hmac
import time
from collections.abc import Callable

from channels.wechat.errors import SignatureError, StaleTimestampError


def sha1_signature(*parts: str) -> str:
    """SHA-1 hex digest of the parts sorted as strings and joined: WeChat's signature scheme.

    `[token, timestamp, nonce]` gives `signature`; adding the `Encrypt` text gives `msg_signature`.
    """
    return hashlib.sha1("".join(sorted(parts)).encode("utf-8")).hexdigest()


def verify_signature(received: str | None, *parts: str) -> None:
    """Raise SignatureError unless `received` equals the signature of `parts` (constant time)."""
    if not received:
        raise SignatureError("missing signature")
    expected = sha1_signature(*parts)
    if not hmac.compare_digest(expected.encode("ascii"), received.lower().encode("utf-8")):
        raise SignatureError("signature mismatch")


def check_timestamp(
    timestamp: str | None,
    max_skew_seconds: float,
    clock: Callable[[], float] = time.time,
) -> None:
    """Refuse a missing, non-numeric or stale `timestamp` (a replayed request)."""
    if not timestamp or not (timestamp.isascii() and timestamp.isdigit()):
        raise SignatureError("missing or invalid timestamp")
    if abs(clock() - int(timestamp)) > max_skew_seconds:
        raise StaleTimestampError(f"timestamp {timestamp} is too far from now")
