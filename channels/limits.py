"""How much one request and one message may hold, and what a channel says when they hold more.

The values come from the `channels.guard.RequestGuard` block of credentials.yml (environment variables override
them, see channels/guard/settings.py); `current()` is what every channel checks against. Body sizes are enforced
by the guard before a request's body is read; message lengths by each channel before Rasa sees the text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# Control characters other than tab and line feed: invisible, and some (NUL) upset stores and terminals.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class Limits:
    max_body_bytes: int = 16 * 1024
    max_message_chars: int = 1000


_current = Limits()


def configure(limits: Limits) -> None:
    global _current
    _current = limits


def current() -> Limits:
    return _current


def clean_text(text: str) -> str:
    """The message as the bot reads it: line breaks unified, control characters dropped, outer spaces trimmed."""
    return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n")).strip()


class MessageRefused(ValueError):
    """A message the bot does not read: `status` for HTTP channels, `reply` (Chinese) for chat channels."""

    def __init__(self, status: int, code: str, reply: str) -> None:
        super().__init__(reply)
        self.status, self.code, self.reply = status, code, reply


def checked_text(text: object) -> str:
    """The cleaned message text, or MessageRefused when it is not text, empty, or over the configured length."""
    if not isinstance(text, str):
        raise MessageRefused(400, "message_not_text", "消息必须是文字。")
    cleaned = clean_text(text)
    if not cleaned:
        raise MessageRefused(400, "message_empty", "消息是空的，请输入您的问题。")
    limit = current().max_message_chars
    if len(cleaned) > limit:
        raise MessageRefused(413, "message_too_long",
                             f"消息太长了（{len(cleaned)} 字），请精简到 {limit} 字以内再发送。")
    return cleaned
