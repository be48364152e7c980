"""A 思源笔记 (SiYuan) note exported or copied as its kramdown Markdown: an attribute list after every block ("{:
id="20240612201541-2hd0c1p"}"), the document's own first ("{: id=… title=… type="doc" updated="20240613074210"}"),
super blocks ("{{{row" … "}}}"), block references ("((id "锚文本"))") and tags ("#家务事#"). It is read as the
Markdown it is without them: a block reference as its anchor text, a super block's blocks as paragraphs, a line of
tags no text, a tag within a sentence its words; the document's update time dates it."""
from __future__ import annotations

import re

_ATTRIBUTES = re.compile(r"[ \t]*\{:[ \t]+([^{}\n]*)\}")  # a block's attribute list (kramdown's IAL)
_SIYUAN_ID = re.compile(r'\bid="\d{14}-[0-9a-z]{7}"')  # SiYuan's block ids: a creation time and seven letters
_MIN_BLOCKS = 3
_ATTRIBUTE = re.compile(r'([\w-]+)="([^"]*)"')
_SUPER_BLOCK = re.compile(r"\{\{\{(?:row|col)|\}\}\}")
_REFERENCE = re.compile(r"\(\(\d{14}-[0-9a-z]{7}(?:\s+[\"']([^\"'\n]*)[\"'])?\)\)")
_TAGS_LINE = re.compile(r"^[ \t]*#[^#\s][^#\n]*#(?:[ \t]+#[^#\s][^#\n]*#)*[ \t]*$", re.MULTILINE)
_TAG = re.compile(r"#([^#\s][^#\n]{0,30}?)#")  # "#1号楼#的住户请注意": a tag within a sentence is its words
_STAMP = re.compile(r"^(\d{4})(\d{2})(\d{2})\d{6}$")  # "20240613074210"


def siyuan_markdown(body: str) -> tuple[dict[str, str], str] | None:
    """The document's update day (its front matter, "modified": YYYY-MM-DD) and its Markdown without SiYuan's
    marks; None for a text with fewer than three SiYuan attribute lists."""
    lists = [found.group(1) for found in _ATTRIBUTES.finditer(body)]
    if sum(bool(_SIYUAN_ID.search(attributes)) for attributes in lists) < _MIN_BLOCKS:
        return None
    document = next((dict(_ATTRIBUTE.findall(attributes)) for attributes in lists
                     if 'type="doc"' in attributes), {})
    stamp = _STAMP.match(document.get("updated", ""))
    text = _TAGS_LINE.sub("", _SUPER_BLOCK.sub("\n\n", _ATTRIBUTES.sub("", body)))
    return ({"modified": "-".join(stamp.groups())} if stamp else {}), _TAG.sub(r"\1", _REFERENCE.sub(r"\1", text))
