"""An Emacs org-mode note (a .org file, or its text saved as .txt), read with orgparse, a maintained org-mode parser,
and written as Markdown for the Markdown reader: its #+TITLE and #+DATE keywords title and date it, each heading a
heading without its TODO keyword and tags, its planning lines (SCHEDULED, DEADLINE, CLOSED) and properties said
under it ("安排：2024年12月28日 14:00", "LOCATION：某某冰场"), its text as written but for the keyword and
comment lines ("#+BEGIN_QUOTE", "# 草稿") and the verbatim marks ("=不戴手套不让上冰="); an org table's rule
lines as Markdown's."""
from __future__ import annotations

import re
from datetime import date, datetime

import orgparse
from orgparse.node import OrgNode

from .parsing import BROKEN
from .text import valid_day

# what only org-mode writes: a file keyword at a line's start ("#+TITLE: …", "#+BEGIN_QUOTE") or a property drawer
_ORG_MARK = re.compile(r"^(?:#\+(?:TITLE|AUTHOR|DATE|STARTUP|OPTIONS|TODO|BEGIN_[A-Z]+)\b|[ \t]*:PROPERTIES:[ \t]*$)",
                       re.IGNORECASE | re.MULTILINE)
_KEYWORD_LINE = re.compile(r"^#(?:\+\w+|\s|$)")  # "#+BEGIN_QUOTE", and a comment: "# 草稿，勿外传"
_DRAWER_LINE = re.compile(r"^[ \t]*:([A-Za-z_-]+):[ \t]*$", re.MULTILINE)  # ":PROPERTIES:" … ":END:"
_VERBATIM = re.compile(r"(?<![\w=~])([=~])(\S(?:[^\n]*?\S)?)\1(?![\w=~])")  # "=不戴手套不让上冰=", "~代码~"
_TABLE_RULE = re.compile(r"^\|[-+:| ]+\|?$")  # "|-----+-----|"
_ISO_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_PLANNING = {"scheduled": "安排", "deadline": "截止", "closed": "完成"}
_HEADING_LEVELS = 5  # "*" as "##", "**" as "###", …: the note's title is its only first-level heading


def org_markdown(text: str) -> tuple[dict[str, str], str] | None:
    """The day (YYYY-MM-DD) the note's keyword gives, and its text as Markdown, its title keyword the first heading;
    None for a text that is no org-mode note (no file keyword or property drawer) or that orgparse cannot read."""
    drawers = [found.group(1).upper() for found in _DRAWER_LINE.finditer(text)]
    if not _ORG_MARK.search(text) or 2 * drawers.count("END") != len(drawers):
        return None  # a drawer left open: orgparse would read the rest of the note as its properties
    try:
        root = orgparse.loads(text.lstrip("\ufeff"))
        blocks = [_text(root.body), *(_node_markdown(node) for node in root[1:])]
    except BROKEN:  # a broken note (a planning line's day "<2024-13-45>") is read as the text it is
        return None
    day = _ISO_DAY.search(root.get_file_property("DATE") or "")
    title = (root.get_file_property("TITLE") or "").strip()
    valid = valid_day(*day.groups()) if day else None
    facts = {"date": valid.isoformat()} if valid else {}
    return facts, "\n\n".join(block for block in (f"# {title}" if title else "", *blocks) if block)


def _node_markdown(node: OrgNode) -> str:
    planned = [f"{label}：{_when(moment.start)}" for key, label in _PLANNING.items()
               if (moment := getattr(node, key)) and moment.start]
    properties = [f"{key}：{_property(key, value)}" for key, value in node.properties.items() if str(value).strip()]
    lines = [f"{'#' * (min(node.level, _HEADING_LEVELS) + 1)} {node.heading.strip()}",
             *planned, *properties, _text(node.body)]
    return "\n\n".join(line.strip() for line in lines if line.strip())


def _text(body: str) -> str:
    """A node's own text as Markdown: its lines without their indent, keyword lines and verbatim marks, each a
    paragraph of its own (a notice copied line by line is no run-on paragraph), but a list's items and a table's rows
    together."""
    lines = [line.strip() for line in body.splitlines() if line.strip() and not _KEYWORD_LINE.match(line.strip())]
    text = ""
    for line in lines:
        kind = _kind(line)
        text += ("\n" if kind and kind == _kind(text.rsplit("\n", 1)[-1]) else "\n\n") + \
            (re.sub("-+", "---", line).replace("+", "|") if _TABLE_RULE.match(line) else _VERBATIM.sub(r"\2", line))
    return text.strip()


def _kind(line: str) -> str:
    """"table" for a table's row, "list" for a list's item, "" for a line of text."""
    return "table" if line.startswith("|") else "list" if re.match(r"(?:[-+]|\d+[.)])\s", line) else ""


def _property(key: str, value: object) -> str:
    """A property's value as written: orgparse gives an Effort ("1:30") in minutes (90)."""
    return f"{value // 60}:{value % 60:02d}" if key.lower() == "effort" and isinstance(value, int) else str(value)


def _when(moment: date) -> str:
    clock = f" {moment:%H:%M}" if isinstance(moment, datetime) else ""
    return f"{moment.year}年{moment.month}月{moment.day}日{clock}"
