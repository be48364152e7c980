"""Split one newspaper page (a text file with front matter) into its articles.

A page is laid out as title lines, a byline starting with "□", then paragraphs. Columns break
paragraphs mid-sentence, and an article may jump: it stops mid-sentence and continues later under
a title of its own without a byline. The parser mends both, using only the layout:
- a title is a run of short lines without sentence punctuation right before a byline;
- a paragraph that does not end a sentence is joined to the next one;
- a titled block without a byline continues the article that stopped mid-sentence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .text import ends_sentence, month_days, normalize

BYLINE_MARK = "□"
FOOTER_WORDS = ("责任编辑", "美术编辑", "校对")
_BYLINE_ROLE = re.compile(r"^本报(记者|通讯员|实习生)")
_DATELINE = re.compile(r"^本报(\S{2,6}?)讯\s*")
_TITLE_MAX_CHARS = 40
_TITLE_MAX_LINES = 3


@dataclass
class Article:
    title: str
    byline: str = ""
    place: str = ""
    paragraphs: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)

    @property
    def open_ended(self) -> bool:
        """True when the article stops mid-sentence (it continues elsewhere on the page)."""
        return bool(self.paragraphs) and not ends_sentence(self.paragraphs[-1])


@dataclass
class Page:
    name: str
    meta: dict[str, str]
    articles: list[Article]

    @property
    def year(self) -> int | None:
        match = re.match(r"(\d{4})", self.meta.get("date", ""))
        return int(match.group(1)) if match else None

    def date_of(self, article: Article) -> str:
        """The latest day the article reports, else the page's own date."""
        days = month_days(article.text)
        year = f"{self.year}年" if self.year else ""
        if days:
            month, day = max(days)
            return f"{year}{month}月{day}日"
        match = re.match(r"(\d{4})-(\d{1,2})(?:-(\d{1,2}))?", self.meta.get("date", ""))
        if not match:
            return ""
        y, m, d = match.groups()
        return f"{y}年{int(m)}月" + (f"{int(d)}日" if d else "")


def read_page(path: Path) -> Page:
    meta, body = split_front_matter(path.read_text(encoding="utf-8"))
    return Page(name=path.stem, meta=meta, articles=split_articles(body))


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """`---` / `key: value` lines / `---` at the top of the file; `#` lines are comments."""
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        return {}, text
    meta: dict[str, str] = {}
    for i, line in enumerate(lines[1:], start=1):
        if line.strip() == "---":
            return meta, "\n".join(lines[i + 1:])
        if line.strip() and not line.lstrip().startswith("#"):
            key, _, value = line.partition(":")
            meta[key.strip()] = value.strip()
    raise ValueError("front matter opened with --- but never closed")


def _is_title_line(line: str) -> bool:
    return (len(line) <= _TITLE_MAX_CHARS and not line.startswith(("-", BYLINE_MARK))
            and not re.search(r"[，。；：？！（）]", line))


def _is_list_item(line: str) -> bool:
    return line.startswith(("-", "•", "·"))


def split_articles(body: str) -> list[Article]:
    lines = [normalize(line) for line in body.splitlines()]
    lines = [line for line in lines if line]
    starts = _article_starts(lines)
    articles: list[Article] = []
    for begin, end in zip(starts, starts[1:] + [len(lines)]):
        article = _read_article(lines[begin:end])
        if article is None:
            continue
        dangling = next((a for a in articles if a.open_ended), None)
        if not article.byline and dangling is not None and article.paragraphs:
            _continue_article(dangling, article)
        else:
            articles.append(article)
    return [a for a in articles if a.paragraphs]


def _article_starts(lines: list[str]) -> list[int]:
    """Index of the first line (title or byline) of every block on the page."""
    starts = {0}
    for i, line in enumerate(lines):
        if line.startswith(BYLINE_MARK):
            first = i
            while first > 0 and i - first < _TITLE_MAX_LINES and _is_title_line(lines[first - 1]):
                first -= 1
            starts.add(first)
        elif (_is_title_line(line) and i > 0 and not _is_title_line(lines[i - 1])
              and _follows_footer(lines, i)):
            starts.add(i)
    return sorted(starts)


def _follows_footer(lines: list[str], i: int) -> bool:
    """A title after the page footer (责任编辑 …) starts a block of its own."""
    for previous in reversed(lines[max(0, i - 3):i]):
        if previous.startswith(BYLINE_MARK):
            return any(word in previous for word in FOOTER_WORDS)
    return False


def _read_article(block: list[str]) -> Article | None:
    titles: list[str] = []
    rest = block
    while rest and _is_title_line(rest[0]) and len(titles) < _TITLE_MAX_LINES:
        titles.append(rest[0])
        rest = rest[1:]
    byline_parts: list[str] = []
    if rest and rest[0].startswith(BYLINE_MARK):
        if any(word in rest[0] for word in FOOTER_WORDS):
            return None
        byline_parts.append(rest[0].lstrip(BYLINE_MARK).strip())
        rest = rest[1:]
        while rest and _BYLINE_ROLE.match(rest[0]) and _is_title_line(rest[0]):
            byline_parts.append(rest[0])
            rest = rest[1:]
    article = Article(title=" ".join(titles), byline="；".join(byline_parts))
    for line in rest:
        _add_line(article, line)
    if article.paragraphs:
        match = _DATELINE.match(article.paragraphs[0])
        if match:
            article.place = match.group(1)
            article.paragraphs[0] = article.paragraphs[0][match.end():]
    return article


def _add_line(article: Article, line: str) -> None:
    paragraphs = article.paragraphs
    if paragraphs and not _is_list_item(line) and not _is_list_item(paragraphs[-1]) \
            and not ends_sentence(paragraphs[-1]) and not paragraphs[-1].endswith("："):
        paragraphs[-1] += line
    else:
        paragraphs.append(line)


def _continue_article(article: Article, continuation: Article) -> None:
    """Glue a jumped article back together; the continuation's title names it if it had none."""
    article.paragraphs[-1] += continuation.paragraphs[0]
    article.paragraphs.extend(continuation.paragraphs[1:])
    if not article.title:
        article.title = continuation.title
