"""A post of a Discourse forum in the raw Markdown its editor writes, with the forum's BBCode blocks: a quote of
another post ('[quote="某ID, post:7, topic:412"]' … "[/quote]", maybe nested), a fold ('[details="安全须知"]' …
"[/details]"), a poll ("[poll …]" over its question as a heading and its choices as a list, "[/poll]") and a local
time ('[date=2025-10-18 time=20:00:00 timezone="Asia/Shanghai"]'). It is read as the Markdown it is: a quote as a
quoted paragraph, a fold as its summary over its text, a poll as its question and choices (its heading no heading
of the post's), a time as its day and time; emoji shortcodes (":wave:") are no words. Code (fenced, or inline between
backticks) is left as it is. The topic's title is not in the post, so the post's own headings are its sections',
none its title; a line the post opens with, a time and "发帖"/"发布", tells when it was posted, and is no text."""
from __future__ import annotations

import re

_BLOCK = re.compile(r'\[quote="[^"\n]*\bpost:\d+, topic:\d+[^"\n]*"\]|\[details="[^"\n]*"\]|\[poll\b[^\]\n]*\]'
                    r"|\[date=\d{4}-\d{2}-\d{2}[^\]\n]*\]")
_QUOTE = re.compile(r'^\[quote="[^"\n]*"\]$')
_DETAILS = re.compile(r'^\[details="([^"\n]*)"\]$')
_POLL = re.compile(r"^\[poll\b[^\]\n]*\]$")
_CLOSING = re.compile(r"^\[/(quote|details|poll)\]$")
_DATE = re.compile(r"\[date=(\d{4}-\d{2}-\d{2})(?:\s+time=(\d{2}:\d{2})(?::\d{2})?)?[^\]\n]*\]")
_POSTED = re.compile(r"^\s*\[date=(\d{4}-\d{2}-\d{2})[^\]\n]*\]\s*(?:发帖|发布|发表)于?\s*$")
_FENCE = re.compile(r"^\s*(?:```|~~~)")
_HEADING = re.compile(r"^#{1,2}(?=\s)")  # the post's sections: under the topic's title, which is not in the post
_EMOJI = re.compile(r"(?<![A-Za-z0-9_:]):[a-z][a-z0-9_+-]{1,39}:(?![A-Za-z0-9_:])")  # "开始了:tada:" too
_INLINE_CODE = re.compile(r"(`[^`\n]*`)")
_MIN_BLOCKS = 2  # a post with fewer is written in plain Markdown


def discourse_markdown(body: str) -> tuple[dict[str, str], str] | None:
    """The post's day (front matter, when it opens with its posting time) and its Markdown without the forum's
    blocks; None for a text with fewer than two of them."""
    if len(_BLOCK.findall(body)) < _MIN_BLOCKS:
        return None
    lines = body.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    first = next((n for n, line in enumerate(lines) if line.strip()), 0)
    posted = _POSTED.match(lines[first]) if lines else None
    if posted:
        lines = lines[first + 1:]
    kept: list[str] = []
    opened: list[str] = []  # the blocks the line stands in, outermost first
    depth = {"quote": 0, "details": 0, "poll": 0}  # how many of each
    code = False
    for line in lines:
        fence = bool(_FENCE.match(line))
        quotes = "> " if depth["quote"] else ""  # a quote's lines, nested or not
        if fence or code:
            code = code != fence  # a fence opens the code or closes it
            kept.append(quotes + line)
            continue
        bare = line.strip()
        closing, folded = _CLOSING.match(bare), _DETAILS.match(bare)
        opens = "quote" if _QUOTE.match(bare) else "details" if folded else "poll" if _POLL.match(bare) else ""
        if closing and depth[closing.group(1)]:  # closes that block and those opened inside it
            while opened:
                depth[opened[-1]] -= 1
                if opened.pop() == closing.group(1):
                    break
            kept.append("> " if depth["quote"] else "")
        elif opens:
            kept += [quotes + folded.group(1), quotes] if folded else [quotes]
            opened.append(opens)
            depth[opens] += 1
        elif depth["poll"] and line.startswith("#"):
            kept += [quotes + line.lstrip("#").strip(), quotes]  # the question: a line of its own
        else:
            kept.append(quotes + _words(_HEADING.sub("###", line)))
    return ({"date": posted.group(1)} if posted else {}), "\n".join(kept)


def _words(line: str) -> str:
    """A line's times as their day and time and without emoji shortcodes, its inline code as it is."""
    return "".join(part if part.startswith("`") else _EMOJI.sub("", _DATE.sub(
        lambda day: " ".join(filter(None, day.groups())), part)) for part in _INLINE_CODE.split(line))
