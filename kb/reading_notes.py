"""A reading app's export of one reader's notes on a book (微信读书's "19个笔记" list, copied as text): the book's
sentences the reader marked (">> …") are its text, under their chapters ("◆ 二、开放时间"); the book's name titles
it and the line under it ("某某局 编") names who made it. The reader's own thoughts ("2024/05/11发表想法", what they
wrote, the "原文：…" it was about) and the app's lines ("19个笔记", "-- 来自微信读书") are none of it."""
from __future__ import annotations

import itertools
import re

from .web_layout import Dateline, ItemExport, is_issuer

_MARKED = re.compile(r"^>>\s*(\S.*)$")
_CHAPTER = re.compile(r"^[◆◇■]\s*(\S.*)$")
_NOTE_COUNT = re.compile(r"^\d+\s*个笔记$")
_THOUGHT = re.compile(r"^\d{4}[/.-]\d{1,2}[/.-]\d{1,2}\s*发表想法$")
_ABOUT = re.compile(r"^原文\s*[：:]")
_BOOK = re.compile(r"^《(.+)》$")
_MADE_BY = re.compile(r"^(.+?)\s*(?:编著|主编|编写|编|著)$")
_MIN_MARKED = 3


def read_reading_notes(lines: list[str]) -> ItemExport | None:
    """The book's marked sentences as items (each its own paragraph, a chapter's first under its heading), the
    book's name and maker; None for any other text: one needs the app's note count in its head ("19个笔记"), a
    chapter's line and three marked sentences (a reply e-mail quoting questions after ">>" is none)."""
    shown = [line.strip() for line in lines if line.strip()]
    head = list(itertools.takewhile(lambda line: not (_CHAPTER.match(line) or _MARKED.match(line)), shown))
    if sum(bool(_MARKED.match(line)) for line in shown) < _MIN_MARKED or not any(map(_NOTE_COUNT.match, head)) \
            or not any(map(_CHAPTER.match, shown)):
        return None
    book = next((found.group(1) for line in head if (found := _BOOK.match(line))), next(iter(head), ""))
    maker = next((found.group(1) for line in head if (found := _MADE_BY.match(line))), "")
    items: list[tuple[str, list[str]]] = []
    chapter, thinking = "", False
    for line in shown[len(head):]:
        heading, marked = _CHAPTER.match(line), _MARKED.match(line)
        if _THOUGHT.match(line) or (thinking and not (heading or marked)):
            thinking = not _ABOUT.match(line)  # the reader's thought runs to the line quoting what it is about
        elif heading:
            chapter, thinking = heading.group(1), False
        elif marked:
            items.append((chapter, [marked.group(1)]))
            chapter, thinking = "", False
    dateline = Dateline(published=None, publisher=maker if is_issuer(maker) else "", labelled=True)
    return ItemExport(name=book, dateline=dateline, items=items)
