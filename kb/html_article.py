"""A saved or fetched news web page → its article: title, publication day, publisher, URL and body text.

trafilatura finds the body and reads the page's metadata (title, date from meta tags, site name, canonical
URL); it was chosen by measuring (see docs/import.md). What it does not know of Chinese pages is read
from the page's visible lines: the dateline under the headline ("发布时间：2020-03-05 来源：某局",
"2020年3月10日 来源：某报") gives the day and the publisher, and names the headline when the page's
<title> is only the site's name. The body keeps page furniture (editor lines, 原标题, share prompts):
the page splitter drops it, as it does in text files.
"""
from __future__ import annotations

import codecs
import itertools
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Any

import trafilatura
from trafilatura.settings import set_date_params

from .text import normalize
from .web_layout import Dateline, read_dateline

_CHARSET_IN_PAGE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_CHARSET_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030"}
_BLOCK_TAGS = frozenset("address article aside blockquote br dd div dl dt figcaption footer h1 h2 h3 h4 h5 h6 "
                        "header li main nav ol p section table td th tr ul".split())
_UNSEEN_TAGS = ("script", "style", "noscript", "template")
_DATELINE_AFTER_TITLE = 4   # lines under the headline searched for its dateline
_HEADLINE_MAX_CHARS = 80
_HEADLINE_MIN_CHARS = 6
_SITE_NAME_SEPARATORS = frozenset("-_|－—–·")
# The publishing account of a WeChat article page (mp.weixin.qq.com), which names no "来源", and its publication
# time: a script fills the visible date in from `var ct = "<Unix seconds>"`, so a saved page may show none.
_ACCOUNT_NAME = '//*[@id="js_name"]'
_WECHAT_TIME = re.compile(r"""\bvar\s+ct\s*=\s*["'](\d{9,10})["']""")
_CHINA_TIME = timezone(timedelta(hours=8))


@dataclass(frozen=True)
class WebArticle:
    title: str
    published: date | None
    publisher: str
    url: str
    text: str  # body lines as extracted


def decode_html(raw: bytes, declared: str | None = None) -> str:
    """Text of a page: the charset the server declared, else the page's own <meta charset>, else UTF-8/GB18030."""
    found = _CHARSET_IN_PAGE.search(raw[:4096])
    candidates = [declared, found.group(1).decode("ascii", "ignore") if found else None, "utf-8", "gb18030"]
    for name in filter(None, candidates):
        codec = _codec(name)
        if codec:
            try:
                return raw.decode(codec)
            except UnicodeDecodeError:
                continue
    return raw.decode("utf-8", errors="replace")


def read_html(page: str, url: str = "") -> WebArticle:
    """The article of a page; an empty one (no title, no text) when the page does not parse as HTML."""
    tree = trafilatura.load_html(page)
    if tree is None:
        return WebArticle(title="", published=None, publisher="", url=url, text="")
    _label_descriptions(tree)
    _tables_as_sentences(tree)
    doc = trafilatura.bare_extraction(tree, url=url or None, with_metadata=True, include_comments=False,
                                      favor_precision=True, date_extraction_params=set_date_params(False)) or {}
    tree = trafilatura.load_html(page)  # a fresh tree: reading the visible lines rewrites it
    title, dateline = _headline(_visible_lines(tree), normalize(doc.get("title") or ""))
    account = tree.xpath(f"string({_ACCOUNT_NAME})").strip()
    publisher = (dateline and dateline.publisher) or normalize(account or doc.get("sitename") or "")
    return WebArticle(
        title=title,
        published=(dateline and dateline.published) or _iso_day(doc.get("date")) or _wechat_day(page),
        publisher="" if title and title in publisher else publisher,  # a site name guessed from the headline
        url=url or doc.get("url") or "",
        text=doc.get("text") or "",
    )


def _label_descriptions(tree: Any) -> None:  # an lxml tree
    """"<dt>探视时间</dt><dd>每周二…</dd>" reads "探视时间：每周二…": a description alone does not say what it
    describes, and the extractor would make the two separate list items."""
    for term in list(tree.iter("dt")):
        description = term.getnext()
        label = normalize(term.text_content()).rstrip("：:")
        if description is not None and description.tag == "dd" and label:
            description.text = f"{label}：{description.text or ''}"
            term.drop_tree()


def _tables_as_sentences(tree: Any) -> None:  # an lxml tree
    """A table with a header row says each row as a sentence: "个人：最高额度20万元，最长期限3年。" (the extractor
    would give "个人 | 20万元 | 3年", whose figures no longer say what they are). Layout tables stay as they are."""
    for table in list(tree.iter("table")):
        rows = [[cell for cell in row if cell.tag in ("th", "td")] for row in table.iter("tr")]
        head, body = rows[0] if rows else [], rows[1:]
        if len(head) < 2 or any(cell.tag != "th" for cell in head) or not body \
                or any(len(row) != len(head) for row in body) or any(True for _ in table.iterdescendants("table")):
            continue
        labels = [normalize(cell.text_content()) for cell in head]
        for row in body:
            values = [normalize(cell.text_content()) for cell in row]
            said = "，".join(label + value for label, value in zip(labels[1:], values[1:], strict=True) if value)
            sentence = tree.makeelement("p")
            sentence.text = f"{values[0]}：{said}。"
            table.addprevious(sentence)
        table.drop_tree()


def _headline(lines: list[str], title: str) -> tuple[str, Dateline | None]:
    """The headline and its dateline: the page title where it stands as a line, maybe without the site's name
    ("…预约诊疗-新华网"), with the dateline right under it or else right above it; else the line above the first
    labelled dateline ("日期：…", "… 来源：…")."""
    title = next((line for line in lines if _is_headline_of(line, title)), title)
    if title in lines:
        at = lines.index(title)
        near = [*lines[at + 1:at + 1 + _DATELINE_AFTER_TITLE], *reversed(lines[max(at - _DATELINE_AFTER_TITLE, 0):at])]
        return title, next(filter(None, map(read_dateline, near)), None)
    for above, line in itertools.pairwise(lines):
        dateline = read_dateline(line)
        if dateline and dateline.labelled and len(above) <= _HEADLINE_MAX_CHARS and "。" not in above:
            return above, dateline
    return title, None


def _is_headline_of(line: str, title: str) -> bool:
    """"潍坊市人民医院16日起全面恢复门诊" in the page title "潍坊市人民医院16日起全面恢复门诊-新华网"."""
    rest = title.removeprefix(line) if len(line) >= _HEADLINE_MIN_CHARS else title
    return rest != title and rest.lstrip()[:1] in _SITE_NAME_SEPARATORS


def _visible_lines(tree: Any) -> list[str]:  # an lxml tree: lxml ships no types
    """The page's text as a reader sees it, one line per block element (only to find the dateline)."""
    for element in list(tree.iter(*_UNSEEN_TAGS)):
        element.drop_tree()
    for element in tree.iter():
        element.text = element.text and element.text.replace("\n", " ")
        element.tail = (element.tail or "").replace("\n", " ")
        if element.tag in _BLOCK_TAGS:
            element.tail = "\n" + element.tail
    body = tree.find("body")
    text = (body if body is not None else tree).text_content()
    return [line for line in map(normalize, text.split("\n")) if line]


def _iso_day(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def _wechat_day(page: str) -> date | None:
    found = _WECHAT_TIME.search(page)
    return datetime.fromtimestamp(int(found.group(1)), _CHINA_TIME).date() if found else None


def _codec(name: str) -> str | None:
    name = _CHARSET_ALIASES.get(name.lower(), name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None
