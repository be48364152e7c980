"""`python -m kb add PATH_OR_URL…`: each input becomes a text page in the articles folder, then the KB is rebuilt.

A text page (.txt) is kept as written; a web page (saved .html/.htm, or an http(s) URL) and a Markdown file
(.md, read as the web page it renders to) are stored as a single-article .txt with front matter (title, date,
publisher, url, page), an e-mail saved as .txt or .eml as its text part under its subject (kb/mail.py), a Word or
PDF file as the text a reader copies out of it (kb/documents.py), so that the knowledge base can always be rebuilt
from text files alone. An input is
refused, with nothing written, when it is not a readable page, holds no article, or would not build; the same
content is never added twice.
"""
from __future__ import annotations

import html
import logging
import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import markdown

from .address_book import read_address_book
from .answers import cite, in_book_marks
from .build import build
from .calendar_export import read_calendar
from .discourse_post import discourse_markdown
from .documents import UnreadableDocument, docx_text, pdf_text
from .feed import newest_item
from .fetch import DOCUMENT_TYPES, FetchError, Limits, fetch
from .flashcards import read_flashcards
from .gh_issue import issue_markdown
from .html_article import WebArticle, decode_html, headline_of, read_html
from .json_article import json_article
from .latex_math import math_as_text
from .lyrics import read_lyrics
from .mail import SHORT_NOTE_HAN, Event, Mail, forwarded, read_mail, without_quoted_headers
from .news_script import read_news_script
from .opml_outline import opml_outline
from .org_note import org_markdown
from .outline import outline_markdown
from .page import (
    WEB_LAYOUT,
    Article,
    Page,
    front_matter,
    is_web_clip,
    parse_page,
    read_page,
    split_front_matter,
    split_web_clip,
)
from .rst_document import rst_markdown
from .siyuan_note import siyuan_markdown
from .ssml import ssml_text
from .subtitles import subtitle_facts, subtitle_text
from .text import (
    closed_up,
    decoded,
    ends_sentence,
    marked_encoding,
    printable,
    punctuated,
    said_han,
    simplified,
    uncommented_head,
)
from .web_layout import page_header, read_dateline
from .wiki_page import wiki_page

# an .eml, or a .txt that begins with a mail's header lines, is read as a mail; subtitles as what they say
TEXT_SUFFIXES = (".txt", ".eml", ".srt", ".vtt", ".ics", ".vcf", ".lrc", ".org", ".rst")
HTML_SUFFIXES = (".html", ".htm")
MARKDOWN_SUFFIXES = (".md", ".markdown")
# a Word file's HTML part (html-docx-js, an office system's export) is read as a saved web page (_html_part_page)
DOCUMENT_READERS = {".docx": lambda raw: docx_text(raw, _html_part_page), ".pdf": pdf_text}
IMPORTED_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + MARKDOWN_SUFFIXES + tuple(DOCUMENT_READERS)
_SAVE_AS = {".doc": "Word 97-2003", ".wps": "WPS", ".rtf": "RTF", ".odt": "OpenDocument"}  # convertible, not read
log = logging.getLogger(__name__)
_URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")
_MIN_ARTICLE_HAN = 30  # Chinese characters in whole sentences: less is a list of links, not an article
_SLUG_CHARS = 20
# A site generator's shortcodes and tags in a content file ({{< figure … >}}, {{% note %}}, {% include … %}): the
# site fills them in (a picture, a box's frame, a QR code); a paired one's inner text stays.
_TEMPLATE_TAG = re.compile(r"\{\{[<%].*?[>%]\}\}|\{%.*?%\}", re.DOTALL)
# A mailing's merge tag with its default ("{{ subscriber.name | default: "行者" }}"): the default's words, what the
# sender fills in for a reader it knows nothing of (not a site template's "{{ .Site.Title }}", Vue's "{{ message }}")
_MERGE_TAG = re.compile(r"\{\{\s*[\w.]+\s*\|\s*default:\s*\"([^\"\n]*)\"\s*\}\}")
# A container's fence (a box the site draws around its text: VitePress's and VuePress's "::: tip 标题", Yuque's
# ":::info" with no space, markdown-it-container's, Docusaurus's ":::note[标题]", Pandoc's "::: {.note}"), opening with
# its kind and maybe a title, closing with its colons alone.
_CONTAINER_FENCE = re.compile(r"^ {0,3}:{3,}[ \t]*(?:[A-Za-z][A-Za-z0-9_-]*)?[ \t]*(?:\[(.*)\]|\{.*\}|(.*?))[ \t]*$",
                              re.MULTILINE)


# Tables; MkDocs Material's boxes ('!!! note "包夜场"', Python-Markdown's admonition) and content tabs ('=== "学生"',
# pymdownx.tabbed), each a title over its text as the site shows them; a highlight ("==每亩1000元==", Obsidian's,
# Typora's, SiYuan's) is its words; a fenced code block (a notebook's cell exported by nbconvert, "```python") is its
# lines without the fence's language
# def_list reads Markdown Extra's "术语\n: 释义" (its attributes and abbreviations below)
_MARKDOWN_EXTENSIONS = ["tables", "admonition", "pymdownx.tabbed", "fenced_code", "def_list"]
# Markdown Extra's attributes at a line's end ("## 自提 {#pickup}", "[下载](a.docx){ .md-button }", "{: #id }"): no
# words of the page. Only ids, classes and key=value pairs (not attr_list, which takes "报名方式 {线上}" too)
_ATTRIBUTE = r"""(?:[#.][\w-]+|[\w-]+=(?:"[^"\n]*"|'[^'\n]*'|[^\s}'"]+))"""
_ATTRIBUTES = re.compile(rf"[ \t]*\{{:?[ \t]*{_ATTRIBUTE}(?:[ \t]+{_ATTRIBUTE})*[ \t]*\}}[ \t]*$", re.MULTILINE)
# Markdown Extra's abbreviation ("*[取货码]: 6位数字，…") says what a word means: a line of a glossary, not a title
# hidden on each use of the word as the abbr extension makes it
_ABBREVIATION = re.compile(r"^\*\[([^\]\n]+)\]:[ \t]*(\S.*)$", re.MULTILINE)
# (not pymdownx.mark, which reads "1+1==2，而2+2==4" as a highlight: "==" beside a digit or letter is none)
_HIGHLIGHT = re.compile(r"(?<![=0-9A-Za-z])==(?=[^\s=])([^=\n]+?)(?<=[^\s=])==(?![=0-9A-Za-z])")
# an icon's shortcode (MkDocs Material's ":material-calendar:", ":fontawesome-solid-phone:", ":octicons-…:"): no words
_ICON = re.compile(r":(?:material|fontawesome|octicons|simple)-[a-z0-9-]+:")
# a tab's label, drawn as a radio button's: a heading over its tab's text, not a form's choice
_TAB_LABEL = re.compile(r'<input [^>]*id="__tabbed_[\d_]+"[^>]*/?><label for="__tabbed_[\d_]+">(.*?)</label>')
# a box with no title of its own shows its kind in English ("!!! warning" → "Warning"): no words of the page
_KIND_TITLE = re.compile(r'<p class="admonition-title">[A-Za-z ]*</p>')
# an editor's table-of-contents mark alone on a line (Typora's and Python-Markdown's "[TOC]", GitLab's "[[_TOC_]]",
# CSDN's "@[toc](目录)"): no words of the page
_TOC_MARK = re.compile(r"^[ \t]*(?:\[TOC\]|\[\[_TOC_\]\]|@\[toc\](?:\([^)\n]*\))?)[ \t]*$",
                       re.IGNORECASE | re.MULTILINE)
# a centred line drawn in HTML, as Typora's and Markdown editors' users title a note with no heading over it:
# "<center><b>某某攻略</b></center>", '<p align="center">…</p>', '<div style="text-align: center">…</div>'
_CENTRED = re.compile(r"<center>(.*?)</center>"
                      r"|<(p|div)\s[^>]*(?:align\s*=\s*[\"']?center|text-align\s*:\s*center)[^>]*>(.*?)</\2>",
                      re.IGNORECASE | re.DOTALL)
# a heading that numbers its section ("## 01 花市啥时候办", "# 一、总体要求", "## 1. 背景", "第二章 …")
_NUMBERED_SECTION = re.compile(r"\d{1,2}(?:\s|[.．、](?!\d))|[一二三四五六七八九十]{1,3}、"
                               r"|第[\d一二三四五六七八九十]{1,3}[章节部分篇]")
_EMPHASIS = re.compile(r"<(?:b|strong|big|font\s[^>]*size)\b", re.IGNORECASE)
_TITLE_CHARS = 60


class BadInput(Exception):
    """An input that cannot be added; the message is for the user (Chinese, with the technical reason)."""


@dataclass(frozen=True)
class Added:
    source: str
    path: Path
    page: Page
    refused = False

    @property
    def message(self) -> str:
        cited = "；".join(cite(a.title, self.page.publisher_of(a), self.page.date_of(a)) for a in self.page.articles)
        return f"已添加：{self.source} → {self.path}：{cited}{self._date_hint()}"

    def _date_hint(self) -> str:
        """For articles without a publication day: what their citations use instead, and how to give the day."""
        undated = [a for a in self.page.articles if self.page.published_on(a) is None]
        if not undated:
            return ""
        month_only = [a for a in undated if self.page.month_of(a)]
        no_date = [a for a in undated if a not in month_only]
        hints = [f"{_titles(month_only)}只写明了发布月份，引用时用这个月份（正文报道了这个月里的日期时用那一天）。"
                 if month_only else "",
                 f"{_titles(no_date)}没有写明发布日期，引用时暂用正文报道的日期（不算截止、计划的日子）。"
                 if no_date else ""]
        return f"\n提示：{''.join(hints)}如需更正，请在 {self.path} 的第一行前加上三行：" \
            "---、date: 2020-03-05（发布日期）、---，再运行 make kb。"


def _titles(articles: list[Article]) -> str:
    return "、".join(in_book_marks(a.title) for a in articles)


@dataclass(frozen=True)
class AlreadyThere:
    source: str
    existing: str  # file name in the articles folder
    refused = False

    @property
    def message(self) -> str:
        return f"已存在：{self.source}（内容与 {self.existing} 相同，未重复添加）"


@dataclass(frozen=True)
class Refused:
    source: str
    reason: str
    refused = True

    @property
    def message(self) -> str:
        return f"无法添加 {self.source}：{self.reason}"


Outcome = Added | AlreadyThere | Refused


async def add(sources: list[str], articles_dir: Path, rebuild: Callable[[], object],
              limits: Limits = Limits(), tell: Callable[[Outcome], object] = lambda outcome: None
              ) -> list[Outcome]:
    """Add every good input, refuse the others (`tell` hears of each as it is done); then rebuild once
    if anything was added. When the rebuild fails, the files just written are removed and the error raised.
    """
    known = _known_articles(articles_dir)
    outcomes: list[Outcome] = []
    for source in sources:
        outcomes.append(await _add_one(source, articles_dir, known, limits))
        tell(outcomes[-1])
    written = [outcome.path for outcome in outcomes if isinstance(outcome, Added)]
    if written:
        try:
            rebuild()
        except BaseException:
            for path in written:
                path.unlink(missing_ok=True)
            raise
    return outcomes


async def _add_one(source: str, articles_dir: Path, known: dict[str, str], limits: Limits) -> Outcome:
    try:
        text = await page_text(source, limits)
        page = _checked(text)
    except (BadInput, FetchError, UnreadableDocument) as error:
        return Refused(source, str(error))
    keys = [_content_key(article.text) for article in page.articles]
    if all(key in known for key in keys):
        return AlreadyThere(source, known[keys[0]])
    try:
        path = _write_new(articles_dir, _file_name(page), text)
    except OSError as error:  # this input is not saved; the others still are
        return Refused(source, f"无法保存到文章目录（{type(error).__name__}: {error}）")
    known.update(dict.fromkeys(keys, path.name))
    return Added(source, path, page)


async def page_text(source: str, limits: Limits) -> str:
    """The text page to store for an input (front matter + body), in simplified characters."""
    return printable(simplified(await _read_source(source, limits)))


async def _read_source(source: str, limits: Limits) -> str:
    if _URL.match(source):
        fetched = await fetch(source, limits)
        if fetched.content_type in DOCUMENT_TYPES:
            return _with_url(DOCUMENT_READERS[DOCUMENT_TYPES[fetched.content_type]](fetched.body), fetched.url)
        if fetched.content_type in ("text/plain", "message/rfc822"):
            return _with_url(_text_file_page(fetched.body, fetched.charset), fetched.url)
        return html_page_text(decode_html(fetched.body, fetched.charset), fetched.url)
    path = Path(source)
    if path.is_dir():
        raise BadInput(f"这是文件夹，不是文件（{path}）")
    if not path.is_file():
        raise BadInput(f"找不到文件（不存在：{path}）")
    suffix = path.suffix.lower()
    if suffix in _SAVE_AS:
        raise BadInput(f"{_SAVE_AS[suffix]} 格式（{suffix}）不能直接导入："
                       "请在 Word 或 WPS 中“另存为” .docx 或 PDF 后再添加")
    if suffix not in IMPORTED_SUFFIXES:
        raise BadInput(f"不支持的文件类型“{suffix or '无扩展名'}”"
                       f"（可导入 {'、'.join(IMPORTED_SUFFIXES)} 文件或 http(s) 网址）")
    size = path.stat().st_size
    if size > limits.max_bytes:
        raise BadInput(f"文件太大，超过 {limits.max_bytes // (1024 * 1024)} MB 的上限（{size} 字节）")
    raw = path.read_bytes()
    if suffix in DOCUMENT_READERS:
        return DOCUMENT_READERS[suffix](raw)
    if suffix in MARKDOWN_SUFFIXES:
        return markdown_page_text(decode_text(raw), path.stem)
    return _text_file_page(raw, file_name=path.stem) if suffix in TEXT_SUFFIXES else \
        html_page_text(decode_html(_not_binary(raw)))


def _text_file_page(raw: bytes, declared: str | None = None, file_name: str = "") -> str:
    """A text file as stored: a saved e-mail as the article it carries, a calendar as its events, an address book as
    its contacts, subtitles and lyrics as what is said, a newsroom's script as its story, a site's JSON as the
    article it holds, a news feed as its newest item, a speech synthesis file as what it says, a wiki page's source
    as the page, an org-mode note, an OPML outline, a reStructuredText document or a flashcard deck as the Markdown
    it is written as, else as written."""
    mail = read_mail(raw)
    if mail:
        return mail_page_text(mail)
    text = decode_text(raw, declared)
    feed = _json_page(text)
    if feed is not None:
        return feed
    item = newest_item(text)  # a news feed saved as text
    if item:
        return html_page_text(item.page, item.url)
    spoken = ssml_text(text)
    if spoken is not None:
        return spoken
    wiki = wiki_page(text)
    if wiki:
        return _article_page(html.escape(wiki[0]), wiki[1], {})
    export = read_calendar(text) or read_address_book(text) or read_lyrics(text) or read_news_script(text)
    if export:
        return front_matter(export[0]) + export[1]
    note = org_markdown(text) or opml_outline(text) or rst_markdown(text) or read_flashcards(text)
    if note:
        return markdown_page_text(front_matter(note[0]) + note[1], file_name)
    said = subtitle_text(text)
    if said is None:
        return _in_sentences(closed_up(uncommented_head(text)))
    facts = subtitle_facts(text, file_name)  # the recording's title and day
    return front_matter(facts) + said if facts else said


def _in_sentences(text: str) -> str:
    """A text that says nothing in sentences may be voice input, which writes none: its phrases are read as
    sentences (text.punctuated). A text that has them is kept as written."""
    return text if said_han(text.splitlines()) >= _MIN_ARTICLE_HAN else punctuated(text)


def decode_text(raw: bytes, declared: str | None = None) -> str:
    """A text page's characters (text.decoded)."""
    text = decoded(_not_binary(raw), declared)
    if text is None:
        raise BadInput("无法识别文本编码（不是 UTF-8 或 GB18030）")
    return text


def html_page_text(html: str, url: str = "") -> str:
    """A web page as a single-article text page: front matter from its metadata, then its paragraphs; a page of
    several articles side by side (an e-paper's) as a newspaper page's text (_articles_page)."""
    if not html.strip():
        raise BadInput("网页是空的（0 个字符）")
    web = read_html(html, url)
    meta = {"title": web.title, "date": web.published.isoformat() if web.published else "",
            "publisher": web.publisher, "url": web.url, "page": web.publisher or urlsplit(web.url).hostname or "",
            "layout": WEB_LAYOUT}
    if web.several:
        return _articles_page(web, meta)
    page = parse_page("web", front_matter(meta) + web.text)
    if not page.articles:
        raise BadInput("网页里没有找到文章正文（提取到的正文为空）")
    # what the text's first lines name (a headline, a dateline under it: "某某医院 2023-06-12 09:10 阅读 5832"), which
    # the stored paragraphs no longer hold
    article = page.articles[0]
    published = page.published_on(article)
    meta.update(title=meta["title"] or article.title, date=meta["date"] or (published.isoformat() if published else ""),
                publisher=meta["publisher"] or page.publisher_of(article))
    return front_matter(meta) + "\n\n".join(article.paragraphs) + "\n"


def _articles_page(web: WebArticle, meta: dict[str, str]) -> str:
    """A web page of several articles, each a headline over its "□" byline, as a newspaper page's text, which the
    page splitter reads article by article: under a header line of the paper's name and the issue's day, which
    date and publish every article that names no day or source of its own (front matter would override them)."""
    header = page_header(web.publisher, web.published) if web.publisher and web.published else ""
    page_wide = {"date": "", "publisher": ""} if header else {}
    return front_matter({**meta, "title": "", **page_wide}) + "\n".join(filter(None, [header, web.text])) + "\n"


def _html_part_page(page: bytes, charset: str | None) -> str:
    """A Word file's HTML part as a web page; one without an article adds nothing to the file's text."""
    try:
        return html_page_text(decode_html(page, charset))
    except BadInput:
        return ""


def mail_page_text(mail: Mail) -> str:
    """An e-mail as a single-article text page titled by its subject. What its body states (a dateline, a
    "来源：" line, a web page's metadata) wins over the day it was sent and its sender. A short note with one Word
    or PDF file attached ("请审核发布附件稿件") sends the article in that file. A mail enclosing its article
    (kb/mail.py) is that message, what its covering note adds above its text."""
    if mail.html:
        found, body = split_front_matter(html_page_text(decode_html(mail.body, mail.charset)))
    else:
        note = closed_up(decode_text(mail.body, mail.charset)).splitlines()
        attached = _attached_document(mail, note)
        if attached is not None:
            return attached
        found, body = {}, "\n".join(note).strip("\n") + "\n"
    sent, sender = mail.day, mail.sender
    forward = forwarded(body.splitlines())
    title = mail.title
    if forward:  # only a note above the message it sends on: that message is the article, titled by its subject and
        # published by its sender (a bounce's subject is the mail system's "系统退信：…")
        body, sent, sender = "\n".join(forward.lines).strip("\n") + "\n", forward.day or mail.day, forward.sender
        title = forward.subject or title
    else:  # a reply over the message it answers: that message's header lines are no text
        body = "\n".join(without_quoted_headers(body.splitlines())).strip("\n") + "\n"
    body = _event_day_as_text(body, mail.event)
    meta = {**found, "title": title or found.get("title", "")}
    page = parse_page("mail", front_matter(meta) + body)
    if page.articles:  # else it is refused as it stands
        day = page.published_on(page.articles[0]) or sent
        meta.update(date=day.isoformat() if day else "", publisher=page.publisher_of(page.articles[0]) or sender)
    # what a covering note over an enclosed message adds to it (a correction) heads it, as the newer word; so does
    # an invitation's event day and place that its text does not say
    heading = (*mail.note, *(mail.event.unsaid(body) if mail.event else ()))
    return front_matter(meta) + "".join(f"{line}\n\n" for line in heading) + body


def _event_day_as_text(body: str, event: Event | None) -> str:
    """An invitation's text with each line that names its event's day as a dateline would ("时间：2024年6月15日
    19:00—20:30") closed as a sentence: the day it invites to is a fact of its text, not the day it was published."""
    if event is None:
        return body
    return "".join(f"{line.rstrip()}。\n" if (dateline := read_dateline(line)) and dateline.published == event.day
                   else line for line in body.splitlines(keepends=True))


def _attached_document(mail: Mail, note: list[str]) -> str | None:
    """The text page of the one Word or PDF file a mail carries under a note (its text's lines) too short to be
    the article (its day the mail's when the file names none); None otherwise, or when the file cannot be read."""
    if said_han(note) >= SHORT_NOTE_HAN:
        return None
    documents = [(suffix, content) for name, content in mail.attachments
                 if (suffix := Path(name).suffix.lower()) in DOCUMENT_READERS]
    if len(documents) != 1:
        return None
    suffix, content = documents[0]
    try:
        text = DOCUMENT_READERS[suffix](content)
    except UnreadableDocument as error:  # the mail's own text is what there is
        log.warning("邮件附件无法读取，改用邮件正文：%s", error)
        return None
    page = parse_page("attachment", text)
    if not page.articles or page.published_on(page.articles[0]) or not mail.day:
        return text
    article = page.articles[0]
    meta = {"title": article.title or mail.title, "date": mail.day.isoformat(),
            "publisher": page.publisher_of(article) or mail.sender}
    return front_matter(meta) + "\n".join(article.paragraphs) + "\n"


def markdown_page_text(text: str, name: str = "") -> str:
    """A Markdown file as the web page it renders to (its first heading the page's title); what its own front
    matter says wins over what the page is found to say, but for a web clip's day of clipping, and a clip's heading
    (the tab's title) loses the site's name. An outliner's page (kb/outline.py) is its blocks, its page
    properties front matter, its file's name (a journal's day) maybe dating it; a SiYuan note (kb/siyuan_note.py)
    its Markdown without the app's marks; a GitHub issue as its CLI prints it (kb/gh_issue.py) its body and comments
    without their fields, titled by its own; a Discourse post (kb/discourse_post.py) its Markdown without the forum's
    blocks."""
    meta, body, clipped = split_web_clip(text)  # the page's own day, when it shows one, is its publication's
    outline = outline_markdown(body, name) or siyuan_markdown(body) or issue_markdown(body) or discourse_markdown(body)
    if outline:
        properties, body = outline
        meta = {**properties, **meta}
    filled = _MERGE_TAG.sub(r"\1", _TEMPLATE_TAG.sub("", math_as_text(body)))
    glossed = _ATTRIBUTES.sub("", _ABBREVIATION.sub(r"- \1：\2", filled))
    marked = _HIGHLIGHT.sub(r"\1", _TOC_MARK.sub("", _ICON.sub("", glossed)))
    rendered = markdown.markdown(_without_container_fences(marked), extensions=_MARKDOWN_EXTENSIONS)
    rendered = _with_centred_title(_KIND_TITLE.sub("", _TAB_LABEL.sub(r"<h4>\1</h4>", rendered)))
    if _numbered_sections(rendered):  # none of them titles the page: headings under the page's own
        rendered = re.sub(r"<(/?)h[12]\b", r"<\1h3", rendered)
    heading = re.search(r"<h[12][^>]*>(.*?)</h[12]>", rendered, re.DOTALL)
    headline = _heading_text(heading.group(1)) if heading else ""
    if heading and is_web_clip(meta):  # a clipped page's heading is its tab's title, maybe with the site's name
        headline = headline_of(headline)
        rendered = f"{rendered[:heading.start(1)]}{html.escape(headline)}{rendered[heading.end(1):]}"
        meta = {**meta, "title": headline_of(meta["title"])} if meta.get("title") else meta
    # the heading's text as rendered ("A &amp; B"), escaped once for the <title>, not twice
    return _article_page(html.escape(headline), rendered, meta, clipped)


def _article_page(title: str, article: str, meta: dict[str, str], clipped: str = "") -> str:
    """An article's HTML as the text page it reads as under its title (already escaped for HTML), what its own fields
    (meta) say winning over what the page is found to say; the day a page was clipped dates it only when it names
    no day of its own."""
    page = html_page_text(f'<html><head><meta charset="utf-8"><title>{title}</title></head>'
                          f"<body><article>{article}</article></body></html>")
    found, page_body = split_front_matter(page)
    return front_matter({"date": clipped, **found, **meta}) + page_body


def _json_page(text: str) -> str | None:
    """A site's JSON holding an article (kb/json_article.py) as its text page; None for any other text."""
    feed = json_article(text)
    if feed is None:
        return None
    meta, body = feed
    article = body if re.search(r"<[a-z][a-z0-9]*\b[^>]*>", body, re.IGNORECASE) else \
        "".join(f"<p>{html.escape(line)}</p>" for line in body.splitlines() if line.strip())
    return _article_page(html.escape(meta.get("title", "")), article, meta)


def _heading_text(inner: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", inner)).strip()


def _numbered_sections(rendered: str) -> bool:
    """Whether the page's first- and second-level headings number its sections ("## 01 花市啥时候办" … "## 02 摊位和
    价格", "# 一、…" … "# 二、…"): its first and another are numbered, no unnumbered first-level heading between
    them (a numbered heading alone, "## 10 个周末好去处", is a title; "## 1. 前言" over "# 某某指南" is the guide's
    section; "# 附：报名表" after the sections is one of them)."""
    headings = re.findall(r"<h([12])[^>]*>(.*?)</h\1>", rendered, re.DOTALL)
    numbered = [(level, bool(_NUMBERED_SECTION.match(_heading_text(inner)))) for level, inner in headings]
    second = next((n for n, (_, is_numbered) in enumerate(numbered) if n and is_numbered), 0)
    return bool(second) and numbered[0][1] and all(is_numbered for level, is_numbered in numbered[:second]
                                                    if level == "1")


def _with_centred_title(rendered: str) -> str:
    """A rendered Markdown page with the centred line opening it as its first heading, when the page has no heading
    of the first level and the line is set bold or large, short and no sentence: a note's title drawn in HTML (not
    a letterhead over its "# 关于…的通知", nor "<center>请相互转告</center>")."""
    page = rendered.lstrip()
    centred = _CENTRED.match(page) if "<h1" not in page else None
    inner = (centred.group(1) or centred.group(3)) if centred else ""
    text = re.sub(r"<[^>]+>", "", inner).strip() if _EMPHASIS.search(inner) else ""
    words = html.unescape(text)
    if centred and words and len(words) <= _TITLE_CHARS and not ends_sentence(words):
        return f"<h1>{text}</h1>{page[centred.end():]}"
    return rendered


def _without_container_fences(body: str) -> str:
    """A Markdown text with its containers' fence lines as paragraph breaks: the kind ("info", "tip") is no text, the
    box's title is a paragraph of its own over the box's text, which runs into no paragraph beside it."""
    return _CONTAINER_FENCE.sub(lambda fence: f"\n{fence.group(1) or fence.group(2) or ''}\n", body)


def _checked(text: str) -> Page:
    """The page a text makes, if it holds an article and builds."""
    if not split_front_matter(text)[1].strip():
        raise BadInput("内容为空（没有正文）")
    try:
        page = parse_page("new", text)
    except ValueError as error:
        raise BadInput(f"文本格式有误（{error}）") from None
    if not any(said_han(article.paragraphs) >= _MIN_ARTICLE_HAN for article in page.articles):
        raise BadInput(f"没有找到文章正文（完整句子中的汉字少于 {_MIN_ARTICLE_HAN} 个）")
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "new.txt").write_text(text, encoding="utf-8")
        try:
            build(Path(folder), "sqlite://")
        except Exception as error:  # what would break the real build: refuse before writing anything
            raise BadInput(f"文章无法写入知识库（{type(error).__name__}: {error}）") from None
    return page


def _not_binary(raw: bytes) -> bytes:
    if b"\x00" in raw and not marked_encoding(raw):  # UTF-16's and UTF-32's characters hold zero bytes
        raise BadInput("不是文本或网页文件（含有二进制数据）")
    return raw


def _with_url(text: str, url: str) -> str:
    meta, body = split_front_matter(text)
    return front_matter({"url": url, **meta}) + body.lstrip("\n")


def _content_key(text: str) -> str:
    return re.sub(r"\W", "", text)


def _known_articles(articles_dir: Path) -> dict[str, str]:
    """Content key of every article already in the folder → its file name."""
    return {_content_key(article.text): path.name
            for path in sorted(articles_dir.glob("*.txt")) for article in read_page(path).articles}


def _file_name(page: Page) -> str:
    first = page.articles[0]
    day = page.iso_date_of(first) or page.month_of(first) or "undated"
    slug = "".join(re.findall(r"\w", first.title))[:_SLUG_CHARS] or "article"
    return f"{day}-{slug}"


def _write_new(folder: Path, stem: str, text: str) -> Path:
    """Write under a name not yet taken (stem.txt, stem-2.txt, …); the file appears whole or not at all."""
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=folder, prefix=".", suffix=".tmp",
                                     delete=False) as temporary:
        temporary.write(text)
    try:
        for number in range(1, 1000):
            path = folder / (f"{stem}.txt" if number == 1 else f"{stem}-{number}.txt")
            try:
                os.link(temporary.name, path)
                return path
            except FileExistsError:
                continue
        raise BadInput(f"文件名已被占用（{stem}.txt 及其编号）")
    finally:
        os.unlink(temporary.name)
