"""A newsroom's script of a story (a TV or radio station's 播出稿, a paper's 稿签) as its system prints it: the
station's name and the kind of script on the first line, then a head of labelled fields between two rule lines, two
or three to a line ("栏目：《某某新闻》　　播出：2024年9月12日 19:00首播", "标题：…", "记者：…　摄像：…"), then the
story. The head is no text: its 标题 titles the story, the day it was aired or printed (播出, 首播, 刊发, 发稿,
日期) dates it, and the station publishes it."""
from __future__ import annotations

import re

from .web_layout import first_full_day, is_issuer, labelled_fields

_RULE = re.compile(r"^\s*[=＝━─—-]{10,}\s*$")
_DAY_LABEL = re.compile(r"^(?:播出|首播|播发|刊发|发稿|见报|日期)")
_TITLE_LINE = re.compile(r"^标题\s*[：:]\s*(\S.*)$")
_KIND = re.compile(r"\s*(?:电视|广播)?(?:新闻)?(?:播出稿|稿签|新闻稿|文稿)$")
_MIN_FIELDS = 3
_HEAD_LINES = 12  # of fields between the rules, at most


def read_news_script(text: str) -> tuple[dict[str, str], str] | None:
    """The story's title, day and publisher (front matter) and its text; None for any text that does not open with
    a station's line over a ruled head of fields holding a 标题."""
    lines = text.lstrip("\ufeff").splitlines()
    first = next((n for n, line in enumerate(lines) if line.strip()), len(lines))
    rules = [n for n, line in enumerate(lines[first + 1:first + 2 + _HEAD_LINES], start=first + 1) if _RULE.match(line)]
    if len(rules) < 2 or rules[0] != first + 1 or not _KIND.search(lines[first].strip()):
        return None
    head = [line.strip() for line in lines[rules[0] + 1:rules[1]]]
    fields = dict(field for line in head for field in labelled_fields(line))
    titled = next(filter(None, map(_TITLE_LINE.match, head)), None)
    if titled:  # its whole line: a headline may hold a colon ("…游客：人比花多")
        fields["标题"] = titled.group(1)
    if len(fields) < _MIN_FIELDS or not fields.get("标题"):
        return None
    station = _KIND.sub("", lines[first].strip())
    day = next((found for label, value in fields.items() if _DAY_LABEL.match(label)
                and (found := first_full_day(value))), None)
    facts = {"title": " ".join(fields["标题"].split()), "date": day.isoformat() if day else "",
             "publisher": station if is_issuer(station) else ""}
    return {key: value for key, value in facts.items() if value}, "\n".join(lines[rules[1] + 1:])
