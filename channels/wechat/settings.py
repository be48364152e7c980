"""Channel settings: `credentials.yml` values, each overridable by an environment variable."""

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from channels.settings import positive
from channels.wechat.errors import ConfigurationError

MODES = ("plain", "compatible", "safe")


@dataclass(frozen=True)
class Product:
    """What differs between an Official Account and a WeCom app."""

    name: str
    default_api_base: str
    # (setting, key in credentials.yml, environment variable)
    keys: tuple[tuple[str, str, str], ...]
    always_encrypted: bool


OFFICIAL_ACCOUNT = Product(
    name="wechat",
    default_api_base="https://api.weixin.qq.com",
    keys=(
        ("token", "token", "WECHAT_TOKEN"),
        ("receive_id", "app_id", "WECHAT_APPID"),
        ("encoding_aes_key", "encoding_aes_key", "WECHAT_AES_KEY"),
        ("secret", "app_secret", "WECHAT_SECRET"),
        ("mode", "mode", "WECHAT_MODE"),
        ("api_base", "api_base", "WECHAT_API_BASE"),
        ("redis_url", "redis_url", "WECHAT_REDIS_URL"),
    ),
    always_encrypted=False,
)
WECOM = Product(
    name="wecom",
    default_api_base="https://qyapi.weixin.qq.com",
    keys=(
        ("token", "token", "WECOM_TOKEN"),
        ("receive_id", "corp_id", "WECOM_CORP_ID"),
        ("agent_id", "agent_id", "WECOM_AGENT_ID"),
        ("encoding_aes_key", "encoding_aes_key", "WECOM_AES_KEY"),
        ("secret", "secret", "WECOM_SECRET"),
        ("api_base", "api_base", "WECOM_API_BASE"),
        ("redis_url", "redis_url", "WECHAT_REDIS_URL"),
    ),
    always_encrypted=True,
)


@dataclass(frozen=True)
class ChannelSettings:
    token: str
    receive_id: str  # the Official Account's AppID, or the WeCom corp id
    encoding_aes_key: str = ""
    secret: str = ""  # AppSecret / WeCom app secret; empty: no customer-service API (no late push)
    agent_id: str = ""
    mode: str = "plain"  # plain: no encryption; compatible: both; safe: encrypted only
    api_base: str = ""
    reply_deadline: float = 3.5  # seconds before answering `success` (WeChat waits 5; see turns.py)
    max_clock_skew: float = 300.0  # seconds a signed timestamp may be off
    max_concurrent_turns: int = 4  # WeChat turns in progress; more wait (see turns.py, channels/admission.py)
    redis_url: str = ""  # state shared by replicas (shared_state.py); empty: in this process only

    @property
    def accepts_plain(self) -> bool:
        return self.mode in ("plain", "compatible")

    @property
    def accepts_encrypted(self) -> bool:
        return self.mode in ("compatible", "safe")

    @property
    def can_push(self) -> bool:
        return bool(self.secret and self.receive_id)


def load_settings(
    product: Product,
    credentials: dict[str, Any] | None,
    environ: Mapping[str, str] = os.environ,
) -> ChannelSettings:
    """Read `credentials` (the channel's block in credentials.yml) with environment overrides."""
    credentials = credentials or {}
    values: dict[str, Any] = {}
    for setting, key, variable in product.keys:
        value = environ.get(variable) or credentials.get(key)
        if value not in (None, ""):
            values[setting] = str(value).strip()
    values.setdefault("api_base", product.default_api_base)
    for setting in ("reply_deadline", "max_clock_skew", "max_concurrent_turns"):
        if credentials.get(setting) is not None:
            values[setting] = positive(setting, credentials[setting], float, ConfigurationError)
    if "max_concurrent_turns" in values:
        values["max_concurrent_turns"] = max(1, int(values["max_concurrent_turns"]))
    if product.always_encrypted:
        values["mode"] = "safe"
    settings = ChannelSettings(**_required(values, product))
    _validate(settings, product)
    return settings


def _required(values: dict[str, Any], product: Product) -> dict[str, Any]:
    for setting, key, variable in product.keys:
        if setting in ("token", "receive_id") and not values.get(setting):
            raise ConfigurationError(f"{product.name}: set `{key}` in credentials.yml or {variable}")
    return values


def _validate(settings: ChannelSettings, product: Product) -> None:
    if settings.mode not in MODES:
        raise ConfigurationError(f"{product.name}: mode must be one of {', '.join(MODES)}")
    if settings.accepts_encrypted and not settings.encoding_aes_key:
        raise ConfigurationError(f"{product.name}: {settings.mode} mode needs an EncodingAESKey")
    if product is WECOM and settings.secret and not settings.agent_id.isdigit():
        raise ConfigurationError("wecom: agent_id must be the app's numeric AgentId")
