"""Who may read and continue a widget conversation: the browser holding its token.

A token is `<conversation id>.<HMAC-SHA256 of the id>`: the server issues it with a new conversation, the widget
keeps it in localStorage and sends it back with every request. Nothing is stored on the server; a guessed or
copied bare id, or an id with a forged signature, reads nothing. The key is FUGONG_WIDGET_SECRET or the
widget's `secret` in credentials.yml; unset, one is generated at first start into build/widget-secret (several
Rasa replicas must share one: set it). Changing the key ends every widget conversation.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import os
import re
import secrets
from pathlib import Path

logger = logging.getLogger(__name__)

DEFAULT_SECRET_FILE = Path(__file__).resolve().parents[2] / "build" / "widget-secret"
MIN_SECRET_CHARS = 16
_TOKEN = re.compile(r"([0-9a-f]{32})\.([A-Za-z0-9_-]{43})")


class ConversationTokens:
    def __init__(self, secret: bytes) -> None:
        self._key = secret

    def issue(self) -> str:
        conversation = secrets.token_hex(16)
        return f"{conversation}.{self._signature(conversation)}"

    def conversation(self, token: object) -> str | None:
        """The conversation id `token` was issued for, or None for anything the server did not issue."""
        match = _TOKEN.fullmatch(token) if isinstance(token, str) else None
        if match is None or not hmac.compare_digest(match[2], self._signature(match[1])):
            return None
        return match[1]

    def _signature(self, conversation: str) -> str:
        digest = hmac.new(self._key, f"fugong-widget:{conversation}".encode(), hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def load_secret(configured: str | None, path: Path = DEFAULT_SECRET_FILE) -> bytes:
    """The configured secret, else the one in `path`, created (readable by this user only) if missing."""
    if configured:
        if len(configured) < MIN_SECRET_CHARS:
            raise ValueError(f"the widget secret must have at least {MIN_SECRET_CHARS} characters")
        return configured.encode()
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        # Written whole under a private name, then linked into place: a server starting at the same moment
        # either finds no file or a complete one, and only one secret wins.
        draft = path.with_name(f".{path.name}.{os.getpid()}")
        with os.fdopen(os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb") as file:
            file.write(secrets.token_urlsafe(32).encode())
        try:
            os.link(draft, path)
            logger.info("Generated the widget's signing secret in %s (FUGONG_WIDGET_SECRET chooses one).", path)
        except FileExistsError:
            pass
        finally:
            draft.unlink()
    secret = path.read_bytes().strip()
    if len(secret) < MIN_SECRET_CHARS:
        raise ValueError(f"{path} holds no usable secret: delete it to have a new one made")
    return secret
