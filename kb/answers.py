"""How answers are worded. Every fact comes from the tables; every found answer names its source."""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # at run time knowledge_base imports this module
    from .knowledge_base import ArticleInfo, HotlineInfo

NOT_FOUND_TEXT = "抱歉，我在文章里没有找到相关内容。"
SOURCE_LABEL = "来源："  # opens the last line of every answer that gives a fact from the articles


@dataclass(frozen=True)
class Answer:
    text: str  # the whole reply, the source line last
    found: bool = True
    article_id: int | None = None  # the article the answer leads with: a follow-up is asked about it
    department: str | None = None  # set when the answer is a department's hotline
    passage: int | None = None  # where in that article it leads from (sentence number): a follow-up looks nearby

    @property
    def source(self) -> str:
        last = self.text.rsplit("\n", 1)[-1]
        return last if last.startswith(SOURCE_LABEL) else ""


def not_found(text: str = NOT_FOUND_TEXT) -> Answer:
    return Answer(text, found=False)


def source_line(articles: Iterable[ArticleInfo]) -> str:
    """来源：《标题》（发布者，日期） URL, for each article once."""
    unique = dict.fromkeys(cite(a.title, a.publisher, a.date_text, a.url) for a in articles)
    return SOURCE_LABEL + "；".join(unique)


def cite(title: str, publisher: str = "", date_text: str = "", url: str = "") -> str:
    about = "，".join(part for part in (publisher, date_text) if part)
    return in_book_marks(title) + (f"（{about}）" if about else "") + (f" {url}" if url else "")


def in_book_marks(title: str) -> str:
    """A title in 《》 once: a programme's "《农事天气》" stays as it is, not "《《农事天气》》"; a work named inside
    a title takes the single marks, as book-title marks nest (GB/T 15834: 《〈手艺人口述史〉第三集》), and one inside
    that the double marks again."""
    return title if re.fullmatch(r"《[^《》]*》", title) else f"《{title.translate(_INNER_MARKS)}》"


_INNER_MARKS = str.maketrans("《》〈〉", "〈〉《》")


def format_hotline(hotlines: Sequence[HotlineInfo], article: ArticleInfo) -> Answer:
    first = hotlines[0]
    numbers = "、".join(n for h in hotlines for n in h.numbers)
    lines = [f"{first.department}热线：{numbers}", source_line([article])]
    return Answer("\n".join(lines), article_id=article.id, department=first.department)


def format_hotline_list(hotlines: Sequence[HotlineInfo], articles: dict[int, ArticleInfo]) -> Answer:
    first = hotlines[0]
    heading = "".join(p for p in (first.issuer and f"{first.issuer}开通的", first.purpose or "热线电话") if p)
    if first.opened:
        heading += f"（自{first.opened}开通）"
    numbers: dict[str, list[str]] = {}
    for h in hotlines:
        numbers.setdefault(h.department, []).extend(h.numbers)
    lines = [heading + "："] + [f"{d}：{'、'.join(n)}" for d, n in numbers.items()]
    lines.append(source_line([articles[h.article_id] for h in hotlines]))
    return Answer("\n".join(lines), article_id=first.article_id)


def format_parts(parts: list[tuple[str, ArticleInfo]]) -> Answer:
    """Passages with their articles, newest article first. Parts of one article share one source line;
    parts of several articles each carry their own, so every fact shows its date."""
    parts = sorted(parts, key=lambda part: part[1].date_key, reverse=True)
    articles = list(dict.fromkeys(article for _, article in parts))
    if len(articles) == 1:
        body = "\n".join(dict.fromkeys(text for text, _ in parts))
        return Answer(f"{body}\n{source_line(articles)}", article_id=articles[0].id)
    blocks = ["\n".join(dict.fromkeys(text for text, a in parts if a is article)) + "\n" + source_line([article])
              for article in articles]
    return Answer("\n\n".join(blocks), article_id=articles[0].id)
