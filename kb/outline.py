"""An outliner's page exported as Markdown (Logseq, Roam, an Obsidian outline): every line a "- " block, nested
blocks indented, with `key:: value` properties, [[page links]], #tags and TODO/DONE markers. It is read as the
Markdown of its blocks, a list item each (nesting dropped), its page properties its front matter."""
from __future__ import annotations

import re
from datetime import date

from .page import named_meta
from .text import DATE_RANKS, ENGLISH_MONTHS, valid_day

_BLOCK = re.compile(r"^[\t ]*-(?: +(.*))?$")
_PROPERTY = re.compile(r"^([\w.-]+)::(?:\s+(.*))?$")
# What only an outliner writes: a property, a page link, a block reference, a macro, a task marker opening a block
_OUTLINE_MARK = re.compile(r"\[\[.+?\]\]|\(\([0-9a-f-]{36}\)\)|\{\{.*?\}\}|^(?:TODO|DONE|LATER|NOW) ")
# The outliner's own properties (Logseq's, a plugin's): how a block shows, its id, its tags; no fact of the text
_APP_PROPERTY = re.compile(r"^(?:id|collapsed|heading|background-color|icon|alias|tags|filters|public|template"
                           r"|template-including-parent|exclude-from-graph-view|created-at|updated-at|ls-type"
                           r"|(?:card|hl|query|logseq)[.-].*)$")
# A task's marker and priority: Logseq's TODO/DOING/DONE…, Roam's {{[[TODO]]}}, an Obsidian check box "[x]"
_TASK_MARKER = re.compile(r"^(?:(?:TODO|DOING|DONE|LATER|NOW|WAITING|WAIT|CANCELED|CANCELLED|IN-PROGRESS|STARTED)\s+"
                          r"|\{\{\[\[(?:TODO|DONE)\]\]\}\}\s*|\[[ xX]\]\s+)(?:\[#[ABC]\]\s*)?")
# Logseq's task lines under a block: its SCHEDULED/DEADLINE day and its time log (:LOGBOOK: … :END:)
_TASK_LINES = re.compile(r"^(?:SCHEDULED|DEADLINE): <[^>]*>$|^:[A-Z]+:$.*?^:END:$", re.MULTILINE | re.DOTALL)
_REFERENCE = re.compile(r"\(\([0-9a-f-]{36}\)\)|\{\{.*?\}\}")  # a block's id, an embed or query: its text is elsewhere
_TAG = r"#(?:\[\[(.+?)\]\]|([\w/-]+))"
_TRAILING_TAGS = re.compile(rf"(?:\s+{_TAG})+\s*$|^\s*{_TAG}(?:\s+{_TAG})*\s*$")
_LINK = re.compile(rf"(?<!\S){_TAG}|\[\[(.+?)\]\]")
# A journal page's day as its title or file name: "2025_01_06", "2025-01-06", "2025年1月6日", "Jan 6th, 2025"
_WEEKDAY = r"(?:\s*,?\s*(?:星期|周)[一二三四五六日天]|\s*,?\s*[A-Z][a-z]{2,8}day|[A-Z][a-z]{2},)?"
_NUMERIC_DAY = re.compile(rf"^{_WEEKDAY}\s*(\d{{4}})[-_/.年](\d{{1,2}})[-_/.月](\d{{1,2}})日?{_WEEKDAY}$")
_ENGLISH_DAY = re.compile(rf"^{_WEEKDAY}\s*([A-Z][a-z]{{2}})[a-z]*\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})$")
_HEADING = re.compile(r"#{1,6} ")


def outline_markdown(text: str, name: str = "") -> tuple[dict[str, str], str] | None:
    """A page's properties as front matter (its day that of its journal title, a `title::` or its file's name,
    when no `date::` names it) and its blocks as a Markdown list, an item each; None for a text that is no
    outline (a Markdown list among other text, or one without any mark only an outliner writes)."""
    read = _blocks(text)
    if read is None:
        return None
    properties, blocks = read
    if blocks and all(map(_PROPERTY.match, blocks[0])):  # a first block of properties alone: the page's
        properties += blocks.pop(0)
    if not blocks or not (properties or any(_OUTLINE_MARK.search(line) for block in blocks for line in block)):
        return None
    items = (_markdown(paragraph) for block in blocks for paragraph in _paragraphs(block))
    return _page_meta(properties, name), "".join(items)


def _blocks(text: str) -> tuple[list[str], list[list[str]]] | None:
    """The property lines above the first block, and each block's lines (its first, then those under it)."""
    properties: list[str] = []
    blocks: list[list[str]] = []
    for line in text.splitlines():
        block = _BLOCK.match(line)
        if block:
            blocks.append([(block.group(1) or "").strip()])
        elif not line.strip():
            continue
        elif not blocks and _PROPERTY.match(line.strip()):
            properties.append(line.strip())
        elif blocks and line[0].isspace():
            blocks[-1].append(line.strip())
        else:  # text outside any block
            return None
    return properties, blocks


def _page_meta(properties: list[str], name: str) -> dict[str, str]:
    """The page properties but the outliner's own, as front matter is read (kb.page.named_meta), their values
    without link marks and a day as YYYY-MM-DD; a title that is a day (a journal's) dates the page and titles
    nothing."""
    meta: dict[str, str] = {}
    for key, value in _properties(properties):
        day = _journal_day(value)
        if key == "title" and day:
            name = value
        else:
            meta[key] = day.isoformat() if day and key in DATE_RANKS else value
    title_day = _journal_day(name)
    if title_day:  # a journal's day is the day it was written, before any other a property names but `date::`
        meta.setdefault("date", title_day.isoformat())
    return named_meta(meta)


def _properties(lines: list[str]) -> list[tuple[str, str]]:
    found = [_PROPERTY.match(line) for line in lines]
    return [(match[1].lower(), _unmarked(match[2] or "")) for match in found
            if match and match[2] and not _APP_PROPERTY.match(match[1].lower())]


def _paragraphs(block: list[str]) -> list[str]:
    """A block's text without its task marker and task lines, then each of its properties "key：value", a fact it
    labels (as a definition list's item reads)."""
    lines = _TASK_LINES.sub("", "\n".join(block)).splitlines()
    text = "\n".join(_unmarked(line) for line in lines if not _PROPERTY.match(line)).strip()
    facts = [f"{key}：{value}" for key, value in _properties(lines)]
    return [text, *facts] if text else facts


def _markdown(paragraph: str) -> str:
    """A heading block ("## 办理流程") as a heading; any other an item of a list, as a Markdown list is read (an
    item kept whole: an outliner's blocks seldom end in a sentence mark, but they are what the page says)."""
    if _HEADING.match(paragraph):
        return f"\n{paragraph}\n\n"
    return "- " + paragraph.replace("\n", "\n  ") + "\n"


def _unmarked(line: str) -> str:
    """A block's words: a link or a tag in a sentence its page's name (a journal's as the day, "2025年3月12日"), tags
    ending the block (its labels) and references to text elsewhere left out."""
    line = _REFERENCE.sub("", _TRAILING_TAGS.sub("", _TASK_MARKER.sub("", line)))
    return _LINK.sub(lambda link: _page_name(next(filter(None, link.groups()))), line).strip()


def _page_name(linked: str) -> str:
    day = _journal_day(linked)
    return f"{day.year}年{day.month}月{day.day}日" if day else linked


def _journal_day(title: str) -> date | None:
    """The day a journal page is titled by, its whole title ("2025_01_06", "Jan 6th, 2025", "2025年1月6日 星期一")."""
    numeric = _NUMERIC_DAY.match(title.strip())
    if numeric:
        return valid_day(*numeric.groups())
    english = _ENGLISH_DAY.match(title.strip())
    if english and english[1].lower() in ENGLISH_MONTHS:
        return valid_day(english[3], ENGLISH_MONTHS.index(english[1].lower()) + 1, english[2])
    return None
