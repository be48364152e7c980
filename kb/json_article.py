"""An article as a site's data interface returns it, saved as a file: JSON holding an object with the article's
fields, often under a status wrapper ({"code": 200, "msg": "操作成功", "data": {"title": …, "source": …,
"publishTime": "2025-04-28 09:15:00", "content": "<p>…</p>"}}). The object with a title and a body of Chinese text
is the article: its body (HTML, or text) is read as a web page's, its title, day and source as front matter."""
from __future__ import annotations

import json
import re
from collections import deque
from collections.abc import Iterator
from typing import Any

from .page import named_meta
from .text import DATE_RANKS, HAN, unix_day

_TITLE_KEYS = ("title", "标题")
_BODY_KEYS = ("content", "contenthtml", "body", "html", "text", "正文", "内容")
_MIN_BODY_HAN = 20  # fewer Chinese characters is a summary or a label, no article's body
_MAX_FIELD_CHARS = 200  # a longer value is text, no field
_MAX_OBJECTS = 10_000  # looked through for the article, outermost first


def json_article(text: str) -> tuple[dict[str, str], str] | None:
    """The article's title, date and publisher (by their usual names, kb.page.named_meta) and its body; None for a
    text that is not a JSON object or holds no article, or several (a list's)."""
    if not text.lstrip().startswith("{"):
        return None
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):  # not JSON, or nested deeper than the parser goes
        return None
    articles = [article for found in _objects(data) if (article := _article(found))]
    return articles[0] if len(articles) == 1 else None  # a list of several is no one article


def _article(found: dict[str, Any]) -> tuple[dict[str, str], str] | None:
    """An object's title, date and publisher, and its body, when it has a title and a body of Chinese text."""
    fields = {key.lower(): _day_of_stamp(key, value) for key, value in found.items() if isinstance(value, str | int)}
    title = next((str(fields[key]).strip() for key in _TITLE_KEYS if fields.get(key)), "")
    texts = {key: value for key, value in fields.items() if isinstance(value, str)}
    body = next((texts[key] for key in _BODY_KEYS if len(re.findall(HAN, texts.get(key, ""))) >= _MIN_BODY_HAN), "")
    if not (title and body):
        return None
    meta = named_meta({key: str(value) for key, value in fields.items()
                       if key not in _BODY_KEYS and len(str(value)) <= _MAX_FIELD_CHARS})
    return {key: meta[key] for key in ("title", "date", "publisher", "url") if meta.get(key)}, body


def _day_of_stamp(key: str, value: str | int) -> str | int:
    """A date field given as a Unix time in seconds or milliseconds (1746494100000) as its day in China, "YYYY-MM-DD";
    any other value as it is."""
    day = unix_day(str(value)) if key.lower() in DATE_RANKS else ""
    return day or value


def _objects(data: Any) -> Iterator[dict[str, Any]]:
    """The JSON's objects, outermost first."""
    waiting, seen = deque([data]), 0
    while waiting and seen < _MAX_OBJECTS:
        item = waiting.popleft()
        seen += 1
        if isinstance(item, dict):
            yield item
            waiting.extend(item.values())
        elif isinstance(item, list):
            waiting.extend(item)
