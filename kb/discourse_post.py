"""A post of a Discourse forum in the raw Markdown its editor writes, with the forum's BBCode blocks: a quote of
another post ('[quote="某ID, post:7, topic:412"]' … "[/quote]"), a fold ('[details="安全须知"]' … "[/details]"), a
poll ("[poll …]" over its question as a heading and its choices as a list, "[/poll]") and a local time
('[date=2025-10-18 time=20:00:00 timezone="Asia/Shanghai"]'). It is read as the Markdown it is: a quote as a
quoted paragraph, a fold as its summary over its text, a poll as its question and choices (its heading no heading
of the post's), a time as its day and time; emoji shortcodes (":wave:") are no words. The topic's title is not in
the post, so the post's own headings are its sections', none its title; a line the post opens with, a time and
"发帖"/"发布", tells when it was posted, and is no text."""
from __future__ import annotations

import re

_QUOTE = re.compile(r'^\[quote="[^"\n]*\bpost:\d+, topic:\d+[^"\n]*"\]\n(.*?)\n\[/quote\]$', re.MULTILINE | re.DOTALL)
_DETAILS = re.compile(r'^\[details="([^"\n]*)"\]\n(.*?)\n\[/details\]$', re.MULTILINE | re.DOTALL)
_POLL = re.compile(r"^\[poll\b[^\]\n]*\]\n(.*?)\n\[/poll\]$", re.MULTILINE | re.DOTALL)
_DATE = re.compile(r"\[date=(\d{4}-\d{2}-\d{2})(?:\s+time=(\d{2}:\d{2})(?::\d{2})?)?[^\]\n]*\]")
_POSTED = re.compile(r"^\s*\[date=(\d{4}-\d{2}-\d{2})[^\]\n]*\]\s*(?:发帖|发布|发表)于?\s*$", re.MULTILINE)
_EMOJI = re.compile(r"(?<![\w:]):[a-z0-9_+-]{2,40}:(?![\w:])")
_HEADING = re.compile(r"^#{1,2}(?=\s)", re.MULTILINE)
_MIN_BLOCKS = 2  # of the kinds above: a post with fewer is written in plain Markdown


def discourse_markdown(body: str) -> tuple[dict[str, str], str] | None:
    """The post's day (front matter, when it opens with its posting time) and its Markdown without the forum's
    blocks; None for a text with fewer than two of them."""
    kinds = sum(bool(pattern.search(body)) for pattern in (_QUOTE, _DETAILS, _POLL, _DATE))
    if kinds < _MIN_BLOCKS:
        return None
    posted = _POSTED.match(body)
    # the post's headings are its sections'; the poll's question, a heading too, becomes a line below
    text = _HEADING.sub("###", body[posted.end():] if posted else body)
    text = _QUOTE.sub(lambda quote: "\n".join(f"> {line}" for line in quote.group(1).splitlines()), text)
    text = _DETAILS.sub(lambda fold: f"{fold.group(1)}\n\n{fold.group(2)}", text)
    text = _POLL.sub(lambda poll: re.sub(r"^#+\s*(.*)$", "\\1\n", poll.group(1), flags=re.MULTILINE), text)
    text = _DATE.sub(lambda day: " ".join(filter(None, day.groups())), text)
    return ({"date": posted.group(1)} if posted else {}), _EMOJI.sub("", text)
