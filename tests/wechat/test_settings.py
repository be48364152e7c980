"""Settings from credentials.yml with environment overrides; the channels load the way Rasa loads them."""

from pathlib import Path

import pytest
import yaml
from rasa.shared.utils.common import class_from_module_path

from channels.wechat import WeChatInput, WeComInput
from channels.wechat.errors import ConfigurationError
from channels.wechat.settings import OFFICIAL_ACCOUNT, WECOM, load_settings

CREDENTIALS = yaml.safe_load((Path(__file__).parents[2] / "credentials.yml").read_text(encoding="utf-8"))
KEY = "kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aR"


@pytest.mark.parametrize("key, channel_class", [("channels.wechat.WeChatInput", WeChatInput),
                                               ("channels.wechat.WeComInput", WeComInput)])
def test_credentials_yml_entries_load_without_environment(key, channel_class, monkeypatch):
    for variable in ("WECHAT_TOKEN", "WECHAT_MODE", "WECHAT_SECRET", "WECOM_TOKEN", "WECOM_SECRET"):
        monkeypatch.delenv(variable, raising=False)
    # What `rasa run` does for a channel that is not built in (rasa.core.run._create_single_channel).
    channel = class_from_module_path(key).from_credentials(CREDENTIALS[key])
    assert isinstance(channel, channel_class)
    assert channel.settings.token
    assert not channel.settings.can_push  # no secret: never calls WeChat's API by default
    assert channel.url_prefix() == channel_class.product.name


def test_environment_overrides_credentials():
    settings = load_settings(
        OFFICIAL_ACCOUNT,
        {"token": "from-yaml", "app_id": "wx_yaml", "mode": "plain"},
        {"WECHAT_TOKEN": "from-env", "WECHAT_APPID": "wx_env", "WECHAT_AES_KEY": KEY,
         "WECHAT_SECRET": "secret", "WECHAT_MODE": "safe", "WECHAT_API_BASE": "http://127.0.0.1:1"},
    )
    assert (settings.token, settings.receive_id, settings.mode) == ("from-env", "wx_env", "safe")
    assert settings.can_push and settings.api_base == "http://127.0.0.1:1"
    assert settings.accepts_encrypted and not settings.accepts_plain


def test_defaults():
    settings = load_settings(OFFICIAL_ACCOUNT, {"token": "t", "app_id": "wx1"}, {})
    assert (settings.mode, settings.api_base, settings.reply_deadline) == (
        "plain", "https://api.weixin.qq.com", 3.5
    )
    wecom = load_settings(WECOM, {"token": "t", "corp_id": "ww1", "encoding_aes_key": KEY}, {})
    assert (wecom.mode, wecom.api_base) == ("safe", "https://qyapi.weixin.qq.com")


@pytest.mark.parametrize(
    "product, credentials",
    [
        (OFFICIAL_ACCOUNT, {"app_id": "wx1"}),  # no token
        (OFFICIAL_ACCOUNT, {"token": "t"}),  # no AppID
        (OFFICIAL_ACCOUNT, {"token": "t", "app_id": "wx1", "mode": "secret"}),
        (OFFICIAL_ACCOUNT, {"token": "t", "app_id": "wx1", "mode": "safe"}),  # no key
        (OFFICIAL_ACCOUNT, {"token": "t", "app_id": "wx1", "reply_deadline": "soon"}),
        (OFFICIAL_ACCOUNT, {"token": "t", "app_id": "wx1", "reply_deadline": 0}),
        (WECOM, {"token": "t", "corp_id": "ww1"}),  # WeCom is always encrypted
        (WECOM, {"token": "t", "corp_id": "ww1", "encoding_aes_key": KEY, "secret": "s", "agent_id": "x"}),
    ],
)
def test_settings_that_cannot_work_are_refused(product, credentials):
    with pytest.raises(ConfigurationError):
        load_settings(product, credentials, {})
