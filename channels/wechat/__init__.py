"""WeChat Official Account and WeCom input channels (see docs/wechat.md)."""

from channels.wechat.channel import WeChatInput, WeComInput

__all__ = ["WeChatInput", "WeComInput"]
