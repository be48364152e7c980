"""An outliner's export as OPML (幕布, WorkFlowy, an RSS reader's outline of notes: `<opml>` over `<head>` and
`<body>` of nested `<outline text="…">`) → the outline as a Markdown list, each item's note (`_note`) an item under
it, and the head's title, last change and making days as front matter; the Markdown reader does the rest. lxml reads
the XML (kb.xml_document); a file that is no well-formed XML is read as the text it is."""
from __future__ import annotations

import re

from lxml import etree

from .text import written_day
from .xml_document import xml_root

_OPML = re.compile(r"\s*(?:<\?xml[^>?]*\?>\s*)?<opml\b")
# the head's days by the front matter's names: the day it was last changed, then made (text.DATE_KEYS)
_DAYS = {"dateModified": "updated", "dateCreated": "created"}


def opml_outline(text: str) -> tuple[dict[str, str], str] | None:
    """(front matter, Markdown) of an OPML outline; None for any other text."""
    if not _OPML.match(text):
        return None
    root = xml_root(text)
    if root is None:
        return None
    days = {key: written_day(root.findtext(f"head/{field}", default="")) for field, key in _DAYS.items()}
    meta = {"title": " ".join(root.findtext("head/title", default="").split()),
            **{key: day.isoformat() for key, day in days.items() if day}}
    body = root.find("body")
    lines = _items(body, 0) if body is not None else []
    return {key: value for key, value in meta.items() if value}, "\n".join(lines) + "\n"


def _items(parent: etree._Element, depth: int) -> list[str]:
    lines = []
    for outline in parent.iterfind("outline"):
        indent = "  " * depth
        for said in (outline.get("text", ""), outline.get("_note", "")):
            if said.strip():
                lines.append(f"{indent}- {' '.join(said.split())}")
                indent = "  " * (depth + 1)  # the note under its item
        lines.extend(_items(outline, depth + 1))
    return lines
