"""The guard's settings: the `channels.guard.RequestGuard` block of credentials.yml, each value overridable by an
environment variable (the same pattern as channels/wechat/settings.py)."""
from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from channels.limits import Limits
from channels.settings import positive

# An origin as browsers send it: scheme://host[:port], no path.
_ORIGIN = re.compile(r"https?://[A-Za-z0-9.-]+(:\d{1,5})?")


class GuardConfigurationError(ValueError):
    pass


@dataclass(frozen=True)
class GuardSettings:
    limits: Limits = Limits()
    # Pages on other sites that may call the bot from a browser (the widget, a socket.io client). The bot's own
    # origin needs no entry; "*" allows every origin (never with credentials).
    allowed_origins: tuple[str, ...] = ()


def load_settings(credentials: Mapping[str, Any] | None, environ: Mapping[str, str] = os.environ) -> GuardSettings:
    credentials = credentials or {}

    def value(key: str, variable: str) -> Any:
        return environ.get(variable) or credentials.get(key)

    limits = Limits(**{key: positive(key, raw, int, GuardConfigurationError) for key, variable in (
        ("max_body_bytes", "FUGONG_MAX_BODY_BYTES"), ("max_message_chars", "FUGONG_MAX_MESSAGE_CHARS"))
        if (raw := value(key, variable)) not in (None, "")})
    origins = value("allowed_origins", "FUGONG_ALLOWED_ORIGINS") or ()
    if isinstance(origins, str):
        origins = origins.replace(",", " ").split()
    return GuardSettings(limits, tuple(_origin(str(origin)) for origin in origins))


def _origin(origin: str) -> str:
    origin = origin.strip().rstrip("/")
    if origin != "*" and not _ORIGIN.fullmatch(origin):
        raise GuardConfigurationError(f"allowed_origins: {origin!r} is not an origin like https://www.example.cn")
    return origin
