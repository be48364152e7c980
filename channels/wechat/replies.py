"""What the bot says on WeChat: Rasa's bot messages as one text, buttons as a numbered menu, texts
cut to WeChat's length limit, and the channel's own canned answers.
"""

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from channels.feedback import VOTE_NOT_STORED, Answered

# WeChat cuts text messages (passive replies and customer-service API alike) at 2048 bytes.
MAX_TEXT_BYTES = 2048

# The channel knows no article: what the bot can answer comes from the bot ("你能做什么" → its newest articles).
WELCOME_TEXT = ("您好，欢迎关注！我是复工助手，可以回答潍坊复工复产新闻报道里的问题。"
                "请直接输入问题，或回复“你能做什么”看看最新的报道。")
UNSUPPORTED_TEXT = {
    "voice": "抱歉，我没有听清这条语音。",
    "image": "抱歉，我还看不懂图片。",
    "location": "收到您的位置，不过我暂时不能按位置查询。",
}
UNSUPPORTED_DEFAULT = "抱歉，我暂时只能看懂文字消息。"
UNDERSTOOD_HINT = "请用文字提问，或回复“你能做什么”看看可以问哪些内容。"
LATE_WITHOUT_PUSH = "抱歉，这个问题查询时间较长，请稍后再问一次。"
MENU_HINT = "（回复数字选择）"
# Asked only under answers from the search fallback (docs/operations.md says why), for the next message only.
VOTE_PROMPT = "这个回答有帮助吗？回复 1 有帮助，回复 2 没帮助。"
VOTE_THANKS = {True: "谢谢您的评价！", False: "谢谢您的评价，我们会改进这类回答。您也可以换个说法再问一次。"}
VOTE_ASKED_AGAIN = VOTE_NOT_STORED + VOTE_PROMPT  # a vote not stored: the prompt holds again for the next message


@dataclass(frozen=True)
class Rendered:
    """A bot answer ready for WeChat: text chunks within the limit, and the menu it shows."""

    chunks: list[str]
    menu: dict[int, str] = field(default_factory=dict)
    vote_on: Answered | None = None  # the answer VOTE_PROMPT asks about


def unsupported_message_text(msg_type: str) -> str:
    """The polite answer to a message type the bot cannot read."""
    return f"{UNSUPPORTED_TEXT.get(msg_type, UNSUPPORTED_DEFAULT)}{UNDERSTOOD_HINT}"


def numbered_menu(titles: Iterable[str]) -> str:
    return "\n".join(f"{number}. {title}" for number, title in enumerate(titles, start=1))


def welcome() -> Rendered:
    return Rendered(split_text(WELCOME_TEXT))


def render_bot_messages(messages: list[dict[str, Any]]) -> Rendered:
    """Join Rasa's bot messages (CollectingOutputChannel dicts) into one text.

    Buttons become a numbered menu; the menu of the last message with buttons is the one a number
    selects. Images and attachments are shown as their links; custom payloads have no WeChat form.
    An answer from the search fallback (marked by channels.feedback.AnswerCollector) ends with VOTE_PROMPT.
    """
    parts: list[str] = []
    menu: dict[int, str] = {}
    answers = [m["answer"] for m in messages if isinstance(m.get("answer"), Answered)]
    vote_on = answers[-1] if answers and answers[-1].fallback and not any(m.get("buttons") for m in messages) else None
    for message in messages:
        lines = [message[key] for key in ("text", "image", "attachment") if message.get(key)]
        buttons = [b for b in message.get("buttons") or [] if b.get("title") and b.get("payload")]
        if buttons:
            lines.append(MENU_HINT + "\n" + numbered_menu(b["title"] for b in buttons))
            menu = {number: b["payload"] for number, b in enumerate(buttons, start=1)}
        if lines:
            parts.append("\n".join(str(line) for line in lines))
    if vote_on is not None:
        parts.append(VOTE_PROMPT)
    return Rendered(split_text("\n\n".join(parts)), menu, vote_on)


_MENU_NUMBER = re.compile(r"\d{1,2}")


def menu_number(text: str) -> int | None:
    """The number in a reply like "2", "２" or "2。" (a menu choice), else None."""
    normalized = unicodedata.normalize("NFKC", text).strip().rstrip(".。")
    return int(normalized) if _MENU_NUMBER.fullmatch(normalized) else None


def split_text(text: str, limit: int = MAX_TEXT_BYTES) -> list[str]:
    """Cut `text` into chunks of at most `limit` UTF-8 bytes, preferring line breaks.

    An empty text gives no chunk.
    """
    chunks: list[str] = []
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
