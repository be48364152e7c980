"""What the bot says on WeChat: Rasa's bot messages as one text, buttons as a numbered menu, texts
cut to WeChat's length limit, and the channel's own canned answers.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Dict, Iterable, Iterator, List, Optional, Tuple

# WeChat cuts text messages (passive replies and customer-service API alike) at 2048 bytes.
MAX_TEXT_BYTES = 2048

WELCOME_TOPICS: Tuple[Tuple[str, str], ...] = (
    ("复工服务热线", "复工复产有哪些服务热线"),
    ("网上招聘与就业", "网上招聘会在哪个平台"),
    ("网上菜篮子超市", "网上菜篮子超市怎么买菜"),
    ("齐鲁号欧亚班列", "齐鲁号班列一个月发几趟"),
    ("重大项目与招商", "今年市级重大项目总投资多少"),
    ("昌乐企业联络员", "昌乐给企业派联络员了吗"),
    ("临朐疫情防控", "临朐的疫情防控情况怎么样"),
    ("援鄂医护人员家属关爱", "援鄂医护人员家属有什么关爱"),
)
WELCOME_TEXT = "您好，欢迎关注！我是复工助手，可以回答潍坊复工复产的问题。请回复数字选择话题，或直接输入问题："
UNSUPPORTED_TEXT = {
    "voice": "抱歉，我没有听清这条语音。",
    "image": "抱歉，我还看不懂图片。",
    "location": "收到您的位置，不过我暂时不能按位置查询。",
}
UNSUPPORTED_DEFAULT = "抱歉，我暂时只能看懂文字消息。"
UNDERSTOOD_HINT = "请用文字提问，例如：“金融运行的热线是多少？”或“齐鲁号班列一个月发几趟？”"
LATE_WITHOUT_PUSH = "抱歉，这个问题查询时间较长，请稍后再问一次。"
TURN_FAILED = "抱歉，系统暂时出了点问题，请稍后再试。"
MENU_HINT = "（回复数字选择）"


@dataclass(frozen=True)
class Rendered:
    """A bot answer ready for WeChat: text chunks within the limit, and the menu it shows."""

    chunks: List[str]
    menu: Dict[int, str] = field(default_factory=dict)


def unsupported_message_text(msg_type: str) -> str:
    """The polite answer to a message type the bot cannot read."""
    return f"{UNSUPPORTED_TEXT.get(msg_type, UNSUPPORTED_DEFAULT)}{UNDERSTOOD_HINT}"


def numbered_menu(titles: Iterable[str]) -> str:
    return "\n".join(f"{number}. {title}" for number, title in enumerate(titles, start=1))


def welcome() -> Rendered:
    menu_text = numbered_menu(title for title, _ in WELCOME_TOPICS)
    menu = {number: payload for number, (_, payload) in enumerate(WELCOME_TOPICS, start=1)}
    return Rendered(split_text(f"{WELCOME_TEXT}\n{menu_text}"), menu)


def render_bot_messages(messages: List[Dict[str, Any]]) -> Rendered:
    """Join Rasa's bot messages (CollectingOutputChannel dicts) into one text.

    Buttons become a numbered menu; the menu of the last message with buttons is the one a number
    selects. Images and attachments are shown as their links; custom payloads have no WeChat form.
    """
    parts: List[str] = []
    menu: Dict[int, str] = {}
    for message in messages:
        lines = [message[key] for key in ("text", "image", "attachment") if message.get(key)]
        buttons = [b for b in message.get("buttons") or [] if b.get("title") and b.get("payload")]
        if buttons:
            lines.append(MENU_HINT + "\n" + numbered_menu(b["title"] for b in buttons))
            menu = {number: b["payload"] for number, b in enumerate(buttons, start=1)}
        if lines:
            parts.append("\n".join(str(line) for line in lines))
    return Rendered(split_text("\n\n".join(parts)), menu)


_MENU_NUMBER = re.compile(r"\d{1,2}")


def menu_number(text: str) -> Optional[int]:
    """The number in a reply like "2", "２" or "2。" (a menu choice), else None."""
    normalized = unicodedata.normalize("NFKC", text).strip().rstrip(".。")
    return int(normalized) if _MENU_NUMBER.fullmatch(normalized) else None


def split_text(text: str, limit: int = MAX_TEXT_BYTES) -> List[str]:
    """Cut `text` into chunks of at most `limit` UTF-8 bytes, preferring line breaks.

    An empty text gives no chunk.
    """
    chunks: List[str] = []
    current = ""
    for piece in _pieces_within(text.strip(), limit):
        if current and _size(current + piece) > limit:
            chunks.append(current)
            current = ""
        current += piece
    chunks.append(current)
    return [chunk.strip() for chunk in chunks if chunk.strip()]


def _pieces_within(text: str, limit: int) -> Iterator[str]:
    """The lines of `text`, an overlong line cut by characters into pieces of at most `limit` bytes."""
    for line in text.splitlines(keepends=True):
        while _size(line) > limit:
            head = _prefix_within(line, limit)
            yield head
            line = line[len(head) :]
        yield line


def _size(text: str) -> int:
    return len(text.encode("utf-8"))


def _prefix_within(text: str, limit: int) -> str:
    """The longest prefix of `text` whose UTF-8 encoding fits in `limit` bytes."""
    return text.encode("utf-8")[:limit].decode("utf-8", errors="ignore")
