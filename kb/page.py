"""Split one page (a text file with front matter) into its articles.

A newspaper page is laid out as title lines, a byline starting with "□", then paragraphs. Columns break
paragraphs mid-sentence, and an article may jump: it stops mid-sentence and continues later under
a title of its own without a byline. The parser mends both, using only the layout:
- a title is a run of short lines without sentence punctuation right before a byline;
- a paragraph that does not end a sentence is joined to the next one;
- a titled block without a byline continues the article that stopped mid-sentence.
A single article (front matter `title:`, or a text without bylines whose first line is its title) is one
article. Web page furniture (see web_layout) is dropped; a dateline gives the article's day and publisher.
A page saved from the web (front matter `layout: web`, written by the importer) has no columns: each of its
lines is a paragraph, so "地址：…" and "电话：…" lines under a list item stay apart.
"""
from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

import tomli
import yaml

from .bbs_post import read_bbs_post
from .mail import FORWARD_FIELD, forwarded
from .places import region_names
from .reading_notes import read_reading_notes
from .text import (
    DATE_RANKS,
    HAN,
    SHOWN_LABEL,
    dating,
    days_done_and_ahead,
    done_and_ahead,
    ends_sentence,
    in_chinese,
    is_list_item,
    item_number_end,
    normalize,
    printable,
    said_han,
    starts_item,
    unix_day,
    valid_day,
)
from .web_layout import (
    FIELD_LABEL,
    FIELD_START,
    INTERVIEW_TURN,
    ISSUER_END,
    TIME_OF_DAY,
    Dateline,
    MeetingTranscript,
    contents_lines,
    cover_credit,
    ends_the_article,
    is_announcement_number,
    is_contact_line,
    is_distribution,
    is_edition_line,
    is_english_name,
    is_file_number,
    is_furniture,
    is_imprint,
    is_issuer,
    is_machine_note,
    is_masthead,
    is_note,
    is_page_number,
    is_paper_name,
    is_printing_day,
    is_sender_stamped,
    is_timed_message,
    is_unmarked_byline,
    issuer_names,
    letterhead_issuer,
    lists_related_items,
    manual_cover_name,
    menu_lines,
    names_a_chat,
    names_how_it_was_made,
    picture_heading,
    read_chat_export,
    read_dateline,
    read_editor_day,
    read_form_head,
    read_issued_day,
    read_item_export,
    read_maintainer,
    read_meeting_transcript,
    read_message_list,
    read_microblog,
    read_occasion,
    read_printing_day,
    read_releases,
    read_routing_form,
    read_self_dated,
    read_signature,
    read_sms_backup,
    read_social_feed,
    read_spoken_day,
    read_stamp,
    read_version,
    section_issuer,
    transcript_head,
)

BYLINE_MARK = "□"
WEB_LAYOUT = "web"
FOOTER_WORDS = ("责任编辑", "美术编辑", "校对")
_BYLINE_ROLE = re.compile(r"^本报(记者|通讯员|实习生)")
_OWN_REPORT = r"本报(\S{0,6}?)讯"  # "本报讯", "本报青州讯": the place it was reported from
_DATELINE = re.compile(rf"^{_OWN_REPORT}\s*(?:（((?:记者|通讯员)[^）]{{1,40}})）)?")  # place, byline
_NEWS_LEAD = re.compile(rf"^(?:{_OWN_REPORT}|[\u4e00-\u9fff]{{2,4}}社[\u4e00-\u9fff]{{0,6}}\d{{1,2}}月\d{{1,2}}日电)")
_TITLE_MAX_CHARS = 40
_INDENT = re.compile(r"^(?:\u3000+|[ \t]{2,})\S")
# "某某局文件", "某某局 / 会议纪要" (not "…新文件")
_LETTERHEAD_END = re.compile(rf"^(?:[\u4e00-\u9fff]{{1,30}}(?:{ISSUER_END}))?(?:文件|会议纪要)$")
_TITLE_MAX_LINES = 3
_COLUMN_LABEL_CHARS = 8  # "【本版头条】": a column's label in 【】, shorter than a headline set in them
_DOCUMENT_NAME_CHARS = 60
_HEADING_CHARS = 12
_INDENT_CHARS = 2  # a paragraph's first line opens with "　　"
_TIMECODE = re.compile(r"^[\[［]\d{1,2}:\d{2}(?::\d{2})?[\]］]\s*")  # "[00:01:52] " before a recorded turn
_SPEAKER_LETTER = re.compile(r"^[A-Z]\s*：")  # "A：…", a transcript's turn by a speaker not named
_HEAD_LINES = 3  # a document's dateline and issuers under its title
_FOOT_LINES = 2  # a manual's last lines: its version, its maker's address
_COVER_LINES = 6  # a manual's cover under its name: its model, who supervised and made it, a reminder
_WRITTEN_DAY = re.compile(r"(?<!\d)(20\d{2})(?:年(\d{1,2})月(\d{1,2})日|[-./](\d{1,2})[-./](\d{1,2})(?!\d))")


def _written_year(text: str, day: tuple[int, int] | None = None) -> int | None:
    """The year the text writes the day in (month, day) with, the latest where it does so more than once ("预约
    2024年11月13日" in a text naming 2025 too); else the year of the latest full date the text writes as done
    ("2021-02-05"; not "力争到2025年底"), else of the earliest it sets ahead ("有效期至2033年5月20日" in a text of 2023
    that writes no other), the year before that when the day falls later in the year than that day and the text
    names the year before too (a season's "2025—2026冰季 … 11月22日开放，一直滑到2026年3月15日")."""
    with_day = [int(found.group(1)) for found in _WRITTEN_DAY.finditer(text)
                if tuple(int(n) for n in found.groups()[1:] if n) == day]
    if with_day:
        return max(with_day)
    done, ahead = done_and_ahead(text, _WRITTEN_DAY, _full_day)
    found = dating(done, ahead)
    if found is None:
        return None
    year, *set_day = found
    before_it = not done and day and day > tuple(set_day) \
        and re.search(rf"(?<!\d){year - 1}(?=年|[—–-]\s*(?:20)?\d\d)", text)
    return year - 1 if before_it else year


def _full_day(match: re.Match[str]) -> list[tuple[int, int, int]]:
    year, month, day = (int(n) for n in match.groups() if n)  # "2025年4月1日" or "2025-04-01"
    return [(year, month, day)]


def _sentence_year(text: str, day: tuple[int, int] | None) -> int | None:
    """The year a sentence names right before its first day ("2024年暑期体验课从7月6日到8月24日", "2024年的开放安排："
    over "5月1日到10月7日": a line ending in a colon runs on into the next), when the day (month, day) is among that
    sentence's days and it names no other year, absolute or relative; not a year of something else ("2019年建成的展馆
    6月1日开放", "2019年建成，6月1日开放", "自2019年起每年4月20日举办", "与2023年同期5月1日相比，今年…")."""
    if not day:
        return None
    for sentence in _SENTENCE_END.split(text):
        found = _YEAR_OVER_DAYS.search(sentence)
        if found and len(set(_YEAR.findall(sentence))) == 1 and not _OTHER_TIME.search(sentence) \
                and re.search(rf"(?<!\d){day[0]}月{day[1]}[日号]", sentence[found.start(2):]):
            return int(found.group(1))
    return None


_YEAR = re.compile(r"(?<!\d)(20\d\d)(?!\d)")  # "2024", "2025潍坊…", not "120240"
_SENTENCE_END = re.compile(r"[。！？!?]|(?<![：:])\n")
_YEAR_OVER_DAYS = re.compile(r"(?<!\d)(20\d\d)年的?[^的，,；;\d]{0,8}?(?<!\d)(\d{1,2}月\d{1,2}[日号])")
_OTHER_TIME = re.compile(r"今年|去年|明年|前年|每年|历年|同期|同比|以来|年起")  # another year named, or every year


def _title_year(title: str) -> int | None:
    """The one year a title names ("2025潍坊白浪河绿道徒步大会", "2024年暑期研学说明会"): the year of the days its text
    names without one; None for a title naming none or two ("2024—2025学年"), or a year's review ("2023年度…", written
    the year after)."""
    years = set(_YEAR.findall(title))
    return int(years.pop()) if len(years) == 1 and "年度" not in title else None


_ABOUT = re.compile(rf"(?:^|{ISSUER_END})关于")  # "关于…", "某某局关于…": an official document's name
_FORM_KINDS = "告知单|告知书"  # a window's notice to applicants: never a headline's first half
_FORM_KIND_END = re.compile(rf"(?:{_FORM_KINDS})$")
_FORM_NAME = re.compile(r"(?:单|表|证|卡)$")  # "工作联系单", "登记表": a form's kind, its fields under it
_DOCUMENT_KINDS = f"通知|通告|公告|意见|办法|方案|决定|规定|细则|须知|指南|指引|报告|批复|函|公示|通报|{_FORM_KINDS}"
_ISSUER_ABOUT = re.compile(r"^([\u4e00-\u9fff（）()]{2,40}?)关于")
_OF_A_KIND = re.compile(rf"的(?:{_DOCUMENT_KINDS})$")
_KIND_ALONE = re.compile(rf"[\u4e00-\u9fff]{{0,2}}(?:{_DOCUMENT_KINDS})")  # "检测报告", "通告": a kind line
_DOCUMENT_KIND_END = re.compile(rf"(?:{_DOCUMENT_KINDS}|解读)$")  # "…政策解读" names a document too
# "…设置指引（2024年修订）", "…管理办法（试行）": a document's name by its kind, maybe before its edition in brackets;
# any name before an edition or issue ("…讲解词（2024年修订版）", "…（2023年版）", "…讲义（第一期）") is a document's
# too; so is a name joining two by 及/和 ("…报名须知及收费明细（小型汽车）", "…办事指南和申请表")
_REVISED = "修订|修正|试行|暂行"  # a document's state: revised, amended, on trial, interim
_EDITION = rf"（(?:[^（）]{{0,8}}(?:{_REVISED}|年版)[^（）]{{0,3}}|第[\d一二三四五六七八九十]{{1,3}}[期辑])）"
_JOINED_KIND = rf"(?:[及和与][^，。；：？！（）]{{0,8}}(?:{_DOCUMENT_KINDS}|明细|清单|流程|标准|目录|表))?"
_NAMED_BY_KIND = re.compile(
    rf"[^，。；：？！]+(?:(?:{_DOCUMENT_KINDS}){_JOINED_KIND}(?:（[^（）]{{1,12}}）)?|{_EDITION})")
_OPENING_PLACE = re.compile(r"^[\u4e00-\u9fff]{1,6}?(?:省|市|区|县|旗|镇|乡|街道)")  # "某某区…", "青州市…"
# A line of labelled fields ("报价单编号：AJ-06　报价日期：2024年10月18日"): a form's head, never its headline
_FIELD_VALUE = r"\S+(?: \d{1,2}:\d{2}(?::\d{2})?)?"  # "2024-05-09 10:22": a day and its time are one value
_FIELDS_LINE = re.compile(rf"^[\u4e00-\u9fff]{{2,8}}\s*[：:]\s*{_FIELD_VALUE}"
                          rf"(?:\s+[\u4e00-\u9fff]{{2,8}}\s*[：:]\s*{_FIELD_VALUE})+$")
# "通 告", "笔 试 准 考 证": a document's kind as a 红头 notice or a form sets it, one character at a time (a
# poster's year line too, its dot spaced as a character: "二 〇 二 四 · 龙 年")
# A press release's headline labelled for the editor ("主标题：…", 引题, 肩题): its title line; its "副标题：…"
# stays a field line, the text's first
_LABELLED_HEADLINE = re.compile(r"^\s*(?:主标题|引题|肩题)\s*[：:]\s*(?=\S)")
_NOTE_IN_BRACKETS = r"（[^（）]{1,12}）"  # "（导出）", "（一日游）", "（2024年版）" after a name
_BRACKETED_NOTE = re.compile(_NOTE_IN_BRACKETS + "$")
_SPACED_KIND = re.compile(rf"[\u4e00-\u9fff〇](?: [\u4e00-\u9fff〇·])+(?:{_NOTE_IN_BRACKETS})?")  # "…单（一日游）"
# "准考证号 20230712018", "编号：KW-2023-018": a field naming a number, which ends the title above it (maybe after
# a mark: a test report's "CMA 资质认定证书编号：…")
_NUMBER_FIELD = re.compile(
    r"(?:[A-Z]{2,6}\s*)?[\u4e00-\u9fff]{1,7}[号码] ?[:：]? ?(?=[A-Za-z-]*\d)[A-Za-z\d][A-Za-z\d/-]{3,}")
_FIELD_PART = re.compile(r"[\u4e00-\u9fff]{2,6}[:：]\S+")  # "证券简称：某某精机"
_FIELDS_LINE_CHARS = 80  # longer is a paragraph, not a line of fields (and is not split on every line it grows by)
_ISSUER_AND_NUMBER = re.compile(rf"^(\S+)\s+({_NUMBER_FIELD.pattern})$")  # a letterhead's issuer and the number
_COLUMN_NAME_CHARS = 8
_ATTACHMENT_NUMBER = re.compile(r"^附件\s*[\d一二三四五六七八九十]{0,3}\s*[:：]?$")
_TAIL_AFTER_LINES = 3  # "相关新闻" this far down ends the article; higher up it is a menu
_RUNNING_HEAD_CHARS = 20
_MASTHEAD_LINES = 4  # a bulletin's name, issue line, editor and day above its first item
_END_MATTER_LINES = 6  # a distribution list (抄送：…), related titles by their label, among a document's last lines
# A brief's last words credit its reporters: "…已办理1340张。（记者 赵鹏）"; a title after them starts the next.
_PAPER_CREDIT = re.compile(r"[（(]([\u4e00-\u9fff]{2,8}(?:报|网|台|社))(?:记者|通讯员)[^（）()]{1,40}[）)]$")
_CREDIT_END = re.compile(r"[（(](?:本报)?(?:记者|通讯员)[^（）()]{1,40}[）)]$")
# A guide's name by its kind ("参观须知", "办事指南"), whose marked lines head its sections, and how long such a
# section's label is at most ("交通和停车"; a brief's headline says what happened: "青州古城3月14日起恢复开放")
_GUIDE_NAME = re.compile(r"(?:须知|指南|指引|手册|说明|告知[书单])$")
_SECTION_LABEL_CHARS = 12
# Marks that open each item's title on a page of news briefs ("■青州古城…", "◆…").
_ITEM_TITLE_MARKS = ("■", "◆", "●", "▲", "★", "▌")
# a line wholly in brackets under a title, ending in its draft, edition, season or part ("（征求意见稿）",
# "（2024年版）", "（2024—2025年度供暖季）", "（总第3期）", "（上）"): the title's last line; not a credit
# ("（记者 季某）", "（某某中心供稿）"), a page's pointer ("（接第1版）"), whom it is for ("（面向本市居民）",
# "（农业企业专用版）": a fact of the text) nor a month it was made or takes effect ("（2024年3月修订）": it dates
# the document instead); any other note stays text ("（按姓氏笔画为序）")
_EDITION_LINE = re.compile(r"[（(](?![^（）()]*(?:记者|通讯员|本报|供稿|来稿|撰稿|投稿|版权|面向|适用|专用|[接转见]第"
                           r"|[\d一二三四五六七八九十]月))[^（）()：:，,。；;、]{0,18}"
                           rf"(?:稿|版|{_REVISED}|草案|年度|季|第[\d一二三四五六七八九十]{{1,4}}[期辑批卷册])[）)]"
                           r"|[（(][上中下续][）)]")
_BRACKETED = re.compile(r"^【([^【】]+)】$")  # "【全市部署…】": a heading alone in 【】
# An app's pin or label before an announcement's title ("[置顶] 关于…", "［重要］", "[转发]"): no part of it
# Signs around a post's headline ("🚗🚗【…】🚗🚗", "📌 说明", "…不用预约👇"): no words of it; its brackets, end
# marks and units are kept
_MARKS = "\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\u2190-\u21FF\u2300-\u23FF\u25A0-\u25FF"  # emoji, ★, ⏰, ▶, ←
_ORNAMENTS = re.compile(rf"^[{_MARKS}\uFE0F\u200D\s]+|[{_MARKS}\uFE0F\u200D\s]+$")
# a post's line ending in an emoji (a pictograph, or a symbol drawn as one) ends its sentence ("…别穿白衣服来😂"),
# and a sung line its note ("…♪"); not a line ending in "☎" or "➡" over the number or the step it points to
_ENDS_WITH_EMOJI = re.compile("(?:[\U0001f300-\U0001faff]|[\u2600-\u27bf]\ufe0f|[♪♫])\ufe0f?$")
_MARK_LED = re.compile(rf"^[{_MARKS}]")  # "📌 去哪儿办", "● 周二 值班": a line a post or a list sets apart with a mark
# labels before a title ("[视频]", "［图文］"), and a film's part ("【片头】", "【片头动画】"): its first cue shows it
_TITLE_LABELS = re.compile(r"^(?:[\[［][\u4e00-\u9fff]{1,4}[\]］]\s*|【片[头尾][\u4e00-\u9fff]{0,4}】\s*)+(?=\S)")


@dataclass
class Article:
    title: str
    byline: str = ""
    place: str = ""
    paragraphs: list[str] = field(default_factory=list)
    published: date | None = None  # from a dateline in the text
    publisher: str = ""            # from a "来源：" line in the text
    # a 版记 in the text ("某某局办公室 2023年3月6日印发"): its office only prints the document, so it dates and
    # publishes it only when no dateline, closing or letterhead does
    imprint: Dateline | None = None
    # "YYYY-MM": the month its closing or version line names when no day is known ("某某局制" / "2023年2月")
    month: str = ""

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)

    @property
    def open_ended(self) -> bool:
        """True when the article stops mid-sentence (it continues elsewhere on the page)."""
        last = self.paragraphs[-1] if self.paragraphs else ""
        return bool(last) and not ends_sentence(last) and not _CREDIT_END.search(last)  # "…。（记者 某某）" ends it


@dataclass
class Page:
    name: str
    meta: dict[str, str]
    articles: list[Article]

    @property
    def year(self) -> int | None:
        match = re.match(r"(\d{4})", self.meta.get("date", ""))
        return int(match.group(1)) if match else None

    @property
    def url(self) -> str:
        return self.meta.get("url", "")

    def publisher_of(self, article: Article) -> str:
        """The front matter's `publisher:`, else the article's "来源：" line."""
        return self.meta.get("publisher") or article.publisher

    def published_on(self, article: Article) -> date | None:
        """The full publication day: the front matter's `date: YYYY-MM-DD`, else the article's dateline."""
        match = re.match(r"(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)", self.meta.get("date", ""))
        return (valid_day(*map(int, match.groups())) if match else None) or article.published

    def month_of(self, article: Article) -> str:
        """"YYYY-MM": the front matter's month, else the one the article's closing or version line names, else ""."""
        match = re.match(r"(\d{4})-(\d{1,2})(?!\d)", self.meta.get("date", ""))
        return f"{match.group(1)}-{int(match.group(2)):02d}" if match else article.month

    def _year_of(self, article: Article) -> int | None:
        """The front matter's year, else the year of the month the article's closing or version line names."""
        return self.year or (int(article.month[:4]) if article.month else None)

    def date_of(self, article: Article) -> str:
        """The publication day; without one, the latest day the article reports (in the year of the front matter or
        the article's month, else the year of the latest full date its text writes: not "力争到2025年底"; else the one
        its title names, or a sentence right before its days), else the month of the page or the article ("2023年2月"
        under a form's "某某局制")."""
        published = self.published_on(article)
        if published:
            return f"{published.year}年{published.month}月{published.day}日"
        day = self._reported_day(article)
        year = self._year_of(article) or _written_year(article.text, day) or _title_year(article.title) \
            or _sentence_year(article.text, day)
        if day:
            month, day_of_month = day
            return f"{f'{year}年' if year else ''}{month}月{day_of_month}日"
        month_of = self.month_of(article)
        return f"{month_of[:4]}年{int(month_of[5:])}月" if month_of else ""

    def _reported_day(self, article: Article) -> tuple[int, int] | None:
        """The latest (month, day) the article reports as done, within the month of the front matter or the article
        when one is known (a release of "2020-03" that sets a deadline of 6月30日 was not published in June); a text
        that only sets days ahead (deadlines, plans: "3月31日前", "将于5月8日") was written before them: the earliest
        of those."""
        month = self.month_of(article)
        done, ahead = ([d for d in days if not month or d[0] == int(month[5:])]
                       for days in days_done_and_ahead(article.text))
        return dating(done, ahead)

    def iso_date_of(self, article: Article) -> str:
        """The day date_of names as YYYY-MM-DD when the front matter, a dateline or the article's month gives its
        year, else "": a year date_of only takes from a full date in the text is shown, not stored as its date."""
        published = self.published_on(article)
        reported = self._reported_day(article)
        year = self._year_of(article)
        day = published or (valid_day(year, *reported) if reported and year else None)
        return day.isoformat() if day else ""


def read_page(path: Path) -> Page:
    """A page of the articles folder, also one saved there by hand (not by `kb add`), without control characters."""
    return parse_page(path.stem, printable(path.read_text(encoding="utf-8")))


def parse_page(name: str, text: str) -> Page:
    meta, body = split_front_matter(text)
    return Page(name=name, meta=meta, articles=split_articles(body, title=in_chinese(meta.get("title", "")) or None,
                                                              whole_lines=meta.get("layout") == WEB_LAYOUT))


def front_matter(meta: dict[str, str]) -> str:
    """The front matter split_front_matter reads: a "key: value" line for each value given, its spaces single."""
    lines = [f"{key}: {' '.join(value.split())}" for key, value in meta.items() if value]
    return "---\n" + "".join(line + "\n" for line in lines) + "---\n"


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """`---` / `key: value` lines / `---` at the top of the file; `#` lines are comments.

    The block is read as YAML, as site generators and CMS exports write it (quoted values, `[a, b]` lists,
    `>` folded text); a block YAML refuses ("title: 专访: 菜博会") is read line by line. Hugo and Zola write
    it as TOML between `+++` lines instead (see _toml_meta). Common other names of the keys count (`source:`
    or `来源:` for `publisher:`; a note app's `updated:` or `created:` for `date:`, see DATE_KEYS), and a date
    may be written in any usual form ("2020/08/21 15:30", "2020年8月21日"): it is kept as YYYY-MM-DD or YYYY-MM."""
    meta, body, _ = _read_front_matter(text)
    return meta, body


def split_web_clip(text: str) -> tuple[dict[str, str], str, str]:
    """The front matter and text as split_front_matter reads them, and the day a web clipper made its note of a page
    when that is the only day named (MarkDownload's `created:` beside `source: https://…`): the day it was clipped,
    later than the page's own, so no `date:` of the front matter; "" for any other text."""
    meta, body, raw = _read_front_matter(text)
    ranks = [DATE_RANKS[key.lower()] for key, value in raw.items() if value and key.lower() in DATE_RANKS]
    if is_web_clip(meta) and ranks and min(ranks) == DATE_RANKS["created"] and "date" in meta:
        return {key: value for key, value in meta.items() if key != "date"}, body, meta["date"]
    return meta, body, ""


def is_web_clip(meta: dict[str, str]) -> bool:
    """Whether front matter is a web clipper's: it names the address of the page it was clipped from."""
    return bool(_WEB_ADDRESS.match(meta.get("url", "")))


def _read_front_matter(text: str) -> tuple[dict[str, str], str, dict[str, str]]:
    """The front matter by its keys' usual names, the text under it, and a fenced block's keys as written."""
    fenced = _fenced_meta(text)
    if fenced is None:
        meta, body = _header_fields(text.splitlines()) or ({}, text)
        return meta, body, {}
    return named_meta(fenced[0]), fenced[1], fenced[0]


def _fenced_meta(text: str) -> tuple[dict[str, str], str] | None:
    """The keys and values of a fenced front matter block as written, and the text under it; None without one."""
    lines = text.splitlines()
    fence = lines[0].strip() if lines else ""
    if fence not in _FENCED_META:
        return None
    end = next((i for i, line in enumerate(lines[1:], start=1) if line.strip() == fence), None)
    if end is None:
        raise ValueError(f"front matter opened with {fence} but never closed")
    return _FENCED_META[fence](lines[1:end]), "\n".join(lines[end + 1:])


def _yaml_meta(lines: list[str]) -> dict[str, str]:
    by_line = _meta_by_line(lines)
    try:
        parsed = yaml.safe_load("\n".join(lines))
    except yaml.YAMLError:
        parsed = None
    # a plain value is read as written: YAML would cut "title: 某某 #话题# …" at its "comment"
    return {str(key): by_line[str(key)] if by_line.get(str(key), "")[:1] not in _YAML_OPENERS else _meta_text(value)
            for key, value in parsed.items()} if isinstance(parsed, dict) else by_line


def _toml_meta(lines: list[str]) -> dict[str, str]:
    """Hugo's `[params]`, Zola's `[extra]` and `[taxonomies]` tables hold what the top level lacks (`source`,
    `author`); a block TOML refuses is read line by line, `key = "value"`."""
    try:
        parsed = tomli.loads("\n".join(lines))
    except tomli.TOMLDecodeError:
        return _first_values((found[1], found[3]) for found in map(_TOML_LINE.match, lines) if found)
    tables = [parsed, *(parsed.get(name) for name in _TOML_TABLES)]
    return _first_values((key, _meta_text(value))
                         for table in tables if isinstance(table, dict) for key, value in table.items())


def _first_values(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Each key's first value that is not empty: the top level's before a table's."""
    meta: dict[str, str] = {}
    for key, value in pairs:
        if value:
            meta.setdefault(key, value)
    return meta


def named_meta(raw: dict[str, str]) -> dict[str, str]:
    """Keys by their usual names (来源 → publisher), the date as YYYY-MM-DD; the first value of a name counts. A
    letter's or a mailing's subject titles it when nothing else does (a note's `subject: 物理` is its school
    subject)."""
    meta: dict[str, str] = {}
    for key, value in raw.items():
        key = _META_KEYS.get(key.lower(), key.lower())
        if key == "publisher" and _WEB_ADDRESS.match(value):  # a web clipper's `source:` is where it clipped from
            key = "url"
        if key == "publisher" and names_how_it_was_made(value):  # "来源：录音文件转写（通义听悟）" names an app
            continue
        if value and key not in DATE_RANKS and not meta.get(key):
            meta[key] = value
    if not meta.get("title") and meta.get("subject") and any(raw.get(key) for key in _SENDER_KEYS):
        meta["title"] = meta["subject"]
    day = _meta_day(raw)
    return {**meta, "date": day} if day else meta


def _meta_day(raw: dict[str, str]) -> str:
    """The date of the best rank of DATE_KEYS the front matter gives, a value read as a date before one that is
    not ("{{date}}", a template's blank); "" when it names none."""
    dates = [(DATE_RANKS[key.lower()], _meta_date(value)) for key, value in raw.items()
             if value and key.lower() in DATE_RANKS]
    best = min(dates, key=lambda found: (not _META_DATE.match(found[1]), found[0]), default=(0, ""))
    return best[1]


# a letter's or a mailing's sender (pandoc's and KOMA-Script's letter templates, a newsletter tool's) publishes it,
# as a mail's does
_SENDER_KEYS = ("fromname", "from_name")
_META_KEYS = {"source": "publisher", "来源": "publisher", "发布单位": "publisher", "发布机构": "publisher",
              **dict.fromkeys(_SENDER_KEYS, "publisher"), "标题": "title", "网址": "url", "链接": "url", "link": "url"}
_WEB_ADDRESS = re.compile(r"https?://\S+$")
_YAML_OPENERS = (*"\"'[{>|", "")  # a quoted value, a list, a folded or literal block, a key alone
_META_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})(?:\s*[-/.月]\s*(\d{1,2}))?")
_FENCED_META = {"---": _yaml_meta, "+++": _toml_meta}
_TOML_TABLES = ("params", "extra", "taxonomies")
_TOML_LINE = re.compile(r"""^\s*([\w-]+)\s*=\s*(["']?)(.*?)\2\s*$""")  # key = "value", its quotes off


def _header_fields(lines: list[str]) -> tuple[dict[str, str], str] | None:
    """"标题：…" / "日期：…" / "来源：…" lines at the top of a pasted text, without the --- lines: its front matter;
    also a draft's table of them under its caption ("推文信息" over "标题：…" / "拟发布日期：…" / "摘要：…"), whose
    caption and the label over its text ("正文") are none of the text."""
    captioned = bool(lines) and bool(_FIELDS_CAPTION.match(lines[0].strip()))
    head = _without_blank_head(lines[1:] if captioned else lines)
    field = _DRAFT_FIELD if captioned else _HEADER_FIELD
    fields: list[tuple[str, str]] = []
    for line in head:
        found = field.match(line.strip())
        if not found:
            break
        fields.append((found.group(1), found.group(2)))
    if len(fields) < 2 or fields[0][0] != "标题":
        return None
    body = _without_blank_head(head[len(fields):]) if captioned else head[len(fields):]
    label = _BODY_LABEL.match(body[0].strip()) if body else None
    if label:  # "正文", "【正文】", "正文：各位居民…"
        body = [label.group(1), *body[1:]] if label.group(1) else body[1:]
    return named_meta(dict(fields)), "\n".join(body)


def _without_blank_head(lines: list[str]) -> list[str]:
    return list(itertools.dropwhile(lambda line: not line.strip(), lines))


_FRONT_LABELS = "标题|日期|发布日期|发布时间|来源|作者|链接|网址|标签|关键词"
_HEADER_FIELD = re.compile(rf"^({_FRONT_LABELS})\s*[:：]\s*(\S.*)$")
# …and a draft's, under its caption ("推文信息", "稿件信息"): its planned day, its editor's notes
_DRAFT_FIELD = re.compile(rf"^({_FRONT_LABELS}|拟发布日期|拟发布时间|发布单位|发布机构|摘要|封面图?|配图)"
                          r"\s*[:：]\s*(\S.*)$")
_FIELDS_CAPTION = re.compile(r"^[\u4e00-\u9fff]{2,6}信息$")
_BODY_LABEL = re.compile(r"^[【\[]?正文[】\]]?\s*[:：]?\s*(.*)$")


def _meta_by_line(lines: list[str]) -> dict[str, str]:
    meta = {}
    for line in lines:
        if line.strip() and not line.lstrip().startswith("#"):
            key, _, value = line.partition(":")
            meta[key.strip()] = value.strip()
    return meta


def _meta_text(value: object) -> str:
    """A YAML or TOML value as the text it stands for: a date as YYYY-MM-DD, a list joined with 、."""
    if isinstance(value, (list, tuple)):
        return "、".join(filter(None, map(_meta_text, value)))
    if isinstance(value, date):
        return value.isoformat()[:10]
    return "" if value is None or isinstance(value, dict) else " ".join(str(value).split())


def _meta_date(value: str) -> str:
    stamped = unix_day(value)  # Dendron's `created: 1741435380000`
    if stamped:
        return stamped
    match = _META_DATE.match(value.strip())
    if not match:
        return value
    year, month, day = match.groups()
    return f"{year}-{int(month):02d}" + (f"-{int(day):02d}" if day else "")


def _is_title_line(line: str, punctuated: bool = False) -> bool:
    """Short, without sentence punctuation, not a dateline, not broken off after a comma.

    A title may hold ：and ，("临朐：为…") only where a column-broken paragraph cannot stand: first on the
    page or right before a byline. Elsewhere such a line is taken for the end of a paragraph.
    """
    marks = r"[。；（）]" if punctuated else r"[，。；：？！（）]"  # a headline may ask or exclaim: "…怎么办？…来了"
    return (len(line) <= _TITLE_MAX_CHARS and not line.startswith(("-", BYLINE_MARK)) and bool(re.search(HAN, line))
            and not re.search(marks, _without_bracketed_places(line)) and not line.endswith(("：", "|", "，", "、"))
            and read_dateline(line) is None and not _greets_only(line) and not is_contact_line(line)
            and not _names_a_number(line) and not _RATING.match(line) and not _TEXT_TABLE_ROW.match(line))


def _names_a_number(line: str) -> bool:
    """A field naming a number ("编号：KW-2023-018"), or fields side by side one of which does ("证券代码：301586
    证券简称：某某精机　公告编号：2025-026", a listed company's announcement head): no title, though colons may
    stand in one first on the page ("临朐：为…")."""
    return bool(_NUMBER_FIELD.fullmatch(line)) or _numbered_fields(line)


def _numbered_fields(line: str) -> bool:
    parts = line.split()
    return len(parts) > 1 and all(map(_FIELD_PART.fullmatch, parts)) and any(map(_NUMBER_FIELD.fullmatch, parts))


def _is_edition_line(line: str) -> bool:
    return bool(_EDITION_LINE.fullmatch(line)) and not starts_item(line) and read_dateline(line) is None


def _greets_only(line: str) -> bool:
    """A speaker's greeting to an audience and nothing else ("亲爱的老师们、同学们，下午好！", "各位乘客，晚上好"):
    the first words said, no headline ("你好，邻居！" names no audience, "各位车主注意" wishes nothing)."""
    # its clauses are no longer than _GREETING_CHARS each, an audience and a wish: a longer line is read no further
    if len(line) > 2 * _GREETING_CHARS or not _WISHED.search(line) or not _ADDRESSED.search(line):
        return False
    clauses = [clause for clause in re.split(f"[{_CLAUSE_MARKS}]", line) if clause.strip()]
    return bool(clauses) and all(map(_is_greeting, clauses))


def _is_greeting(clause: str) -> bool:
    return len(clause) <= _GREETING_CHARS \
        and bool(_GREETING.fullmatch(clause) or _HELLO_ALONE.fullmatch(clause.strip()))


def _without_bracketed_places(line: str) -> str:
    """The line without a place named in brackets inside a name ("中国（寿光）国际蔬菜科技博览会", "中国（山东）自由贸易
    试验区"): part of the name, not a paragraph's aside."""
    if "（" not in line:  # most lines: this runs for every line read as a title or not
        return line
    return _BRACKETED_PLACE.sub(lambda found: found.group(1) if found.group(1) in region_names() else found.group(),
                                line)


_BRACKETED_PLACE = re.compile(r"(?<=[\u4e00-\u9fff])（([\u4e00-\u9fff]{2,4})）(?=[\u4e00-\u9fff])")


def _is_note_title(lines: list[str]) -> bool:
    """A note's title over its stamp ("某某办理笔记（2025年2月）" / "> 2025-02-18 记｜…"): short and no sentence, but
    maybe in brackets, which a headline elsewhere holds none of."""
    return len(lines) > 1 and read_stamp(lines[1]) is not None and len(lines[0]) <= _TITLE_MAX_CHARS \
        and not re.search(r"[，。；！？]", lines[0])


def _is_form_title(lines: list[str]) -> bool:
    """A form's or export's name with a note in brackets over its first field ("某某 · 审批详情（导出）" /
    "审批编号：…", "出团单（两日游）" / "团号：…"), which a headline elsewhere holds none of."""
    return len(lines) > 1 and bool(FIELD_START.match(lines[1])) and not _opens_field(lines[0]) \
        and _is_noted_name(lines[0], punctuated=True)


def _is_noted_name(line: str, punctuated: bool = False) -> bool:
    """A name with a note in brackets after it ("出团单（两日游）", "某某 · 审批详情（导出）")."""
    name = _BRACKETED_NOTE.sub("", line)
    return name != line and _is_title_line(name, punctuated=punctuated)


def _is_document_name(line: str) -> bool:
    """"关于设置城区夜间便民摊点（夜市）的公告": an official document's name, brackets and all."""
    return len(line) <= _DOCUMENT_NAME_CHARS and bool(_ABOUT.search(line) and _OF_A_KIND.search(line)) \
        and not re.search(r"[。；]", line)


def _is_named_by_kind(line: str) -> bool:
    """"某某区门头招牌设置指引（2024年修订）", "借阅指南": a document's name ending in its kind, maybe before its
    edition in brackets; not "关于…的通知", which an issuer's name over it joins ("某某局关于…的通知")."""
    return len(line) <= _DOCUMENT_NAME_CHARS and not line.startswith("关于") and bool(_NAMED_BY_KIND.fullmatch(line))


def _names_its_place(issuer: str, line: str) -> bool:
    """A document's name by its kind that opens with a place its issuer names ("某某区城市管理局" over "某某区…
    设置指引"): a name of its own, which the issuer's before it would only repeat. One naming no place
    ("少儿读者借阅指南", "一次性告知单") is read with the issuer's name above it, which says whose it is
    ("某某图书馆少儿读者借阅指南")."""
    place = _OPENING_PLACE.match(line)
    return bool(place and place.group() in issuer and _is_named_by_kind(line))


def _item_heading(line: str, bulletin: bool = False) -> str | None:
    """The title of an item on a page of news briefs or in a bulletin, without its mark: opened by a mark
    ("■青州古城…"); in a bulletin also a heading alone in 【】 ("【全市部署…】"), elsewhere a label among the text."""
    bracketed = _BRACKETED.match(line) if bulletin else None
    text = bracketed.group(1) if bracketed else line[1:] if line.startswith(_ITEM_TITLE_MARKS) \
        and not _RATING.match(line) else ""
    return text.strip() if text and _is_title_line(text.strip(), punctuated=True) else None


def _is_item_title(line: str, bulletin: bool = False) -> bool:
    return _item_heading(line, bulletin) is not None


def is_byline(line: str) -> bool:
    """A newspaper's byline under its headline ("□记者 某某 通讯员 某某"): a "□" opening the line, the only box in it
    or before a reporter's role ("□本报记者 某某 □通讯员 某某", "□记者 王□", a name's rare character lost); not a
    form's check boxes ("□ 第一次未遇　□ 第二次未遇", "□同意　☑不同意")."""
    if not line.startswith(BYLINE_MARK):
        return False
    return sum(map(line.count, _BOXES)) == 1 or bool(_REPORTERS.fullmatch(line.strip()))


def _byline_at(lines: list[str], at: int) -> bool:
    """Whether the line is a byline, not an item of a list whose every line a box opens ("□ 身份证", "□ 男工装车搬筐，
    一天150元": a to-do or materials list): a byline stands alone under its headline."""
    return is_byline(lines[at]) and not any(0 <= n < len(lines) and lines[n].startswith(BYLINE_MARK)
                                            for n in (at - 1, at + 1))


def _tail(lines: list[str]) -> int:
    """Where the article's text ends: at a heading of related items or comments, or a cut line; among its last
    lines, at related items listed on their label's line ("相关链接：《…》") or a distribution list (抄送：…)."""
    last = len(lines) - _END_MATTER_LINES

    def ends(n: int, line: str) -> bool:
        if n >= _TAIL_AFTER_LINES and (ends_the_article(line) or n >= last and lists_related_items(line)):
            return True
        return n >= last and is_distribution(line) and not any(  # not a mail's 抄送 header
            FORWARD_FIELD.match(other) for other in lines[n - 1:n + 2:2])
    return next((n for n, line in enumerate(lines) if ends(n, line)), len(lines))


def split_articles(body: str, title: str | None = None, whole_lines: bool = False) -> list[Article]:
    """The articles of a page; with a title (from the front matter), the body is that one article.
    whole_lines: every line is a paragraph (a web page), none was broken by a column."""
    shown = [normalize(line) for line in body.splitlines()]
    export = read_item_export(shown) or read_reading_notes(shown) if title is None else None
    if export:  # a system's export of labelled items ("【节目项 1】" / "标题：…" / "内容：…") or a reader's notes on a
        # book (">> …" under "◆ 一、…"): one document, its name's
        return _dated(_one_article(_item_lines(export.items), export.name, whole_lines), export.dateline)
    pasted = _pasted_parts(body) if title is None else [body]
    if pasted != [body]:  # "======" between two pasted articles: each is read on its own (or a footer left out)
        return [article for part in pasted for article in split_articles(part, whole_lines=whole_lines)]
    lines: list[str] = _page_lines([_LABELLED_HEADLINE.sub("", line) for line in body.splitlines()])
    form = read_routing_form(lines) if title is None else None  # an office system's 收文处理单 above the document:
    lines = lines[form.end:] if form else lines  # its fields and 流转记录 are none of the article's facts
    tail = _tail(lines)
    printed = read_printing_day(lines[tail:]) if tail < len(lines) and is_distribution(lines[tail]) else None
    documents = _numbered_documents(lines[:tail])
    letterhead = _letterhead_over_number(lines[:tail])
    lines = _without_furniture(_without_running_heads(lines[:tail]))
    lines = _without_contents(_transcribed(lines))
    # above it all: a masthead in pinyin or English ("WEIFANG WANBAO"), spaced out or naming the document's genre
    # ("潍 坊 统 计 信 息", "新闻通稿"), a note of whoever pasted it, an attachment's number, a logo (a name over
    # its English capitals)
    while lines and (not re.search(HAN, lines[0]) or is_note(lines[0]) or _ATTACHMENT_NUMBER.match(lines[0])
                     or _SHARE_PROMPT.match(lines[0])  # "【某某地图】我分享了一个地点，快来看看吧": an app's words
                     or _label_over_headline(lines)
                     or is_english_name(lines[0]) or (len(lines) > 1 and is_issuer(lines[0])
                                                      and is_english_name(lines[1]) and not _letterhead_lines(lines))
                     or (is_masthead(lines[0]) and len(lines) > 1  # over a headline, not "紧 急 通 知" over its text
                         # "参 观 须 知" over its sections: the guide's name
                         and not (_GUIDE_NAME.search(lines[0].replace(" ", "")) and _guide_sections(lines))
                         and ((_is_title_line(lines[1], punctuated=True) and not _FIELDS_LINE.match(lines[1])
                               # "工 作 联 系 单" over "主送单位：…": a form's kind over its fields, which title nothing
                               and not (_FORM_NAME.search(lines[0].replace(" ", "")) and _opens_field(lines[1])))
                              or read_dateline(lines[1]) is not None))):
        lines = lines[1:]
    if title is not None:
        meeting = read_meeting_transcript(lines)  # a recording's export under its 标题/日期 lines
        if meeting:
            return _transcript_article(meeting, normalize(title), whole_lines)
        return _dated(_one_article(lines, normalize(title), whole_lines), None)
    mail = forwarded(lines)
    if mail and mail.subject:  # the notice a pasted e-mail forwards, titled by its 主题, sent by its 发件人
        return _dated(_one_article(mail.lines, mail.subject, whole_lines), Dateline(mail.day, mail.sender, True))
    feed = read_social_feed(lines)
    if feed:  # a feed copied from a phone: each post and each comment a paragraph, its chrome no text
        return _dated(_one_article(_part_lines(feed.parts), feed.title, whole_lines), feed.dateline)
    meeting = read_meeting_transcript(lines) or read_chat_export(lines)
    if meeting:  # a meeting app's transcript or a chat: its head names and dates it, each turn is led by its speaker
        return _transcript_article(meeting, meeting.title, whole_lines)
    post = read_bbs_post(lines) or read_microblog(lines)
    if post:
        return _dated(_one_article(post.lines, post.title, whole_lines), post.dateline)
    # an account's messages, titled by its title lines, or an SMS backup's, by their opening words: each an article
    messages = read_message_list(lines) or read_sms_backup(lines)
    if messages:
        return [a for message in messages for a in _dated(_one_article(message.lines, message.title, whole_lines),
                                                          message.dateline)]
    lines, issuers = _without_letterhead(lines, letterhead)
    masthead = _bulletin_head(lines)
    header, lines = masthead or _paper_masthead(lines) or _page_header(lines)
    bulletin = masthead is not None
    if header and not bulletin and _label_over_headline(lines) and len(lines[0].strip()) <= _COLUMN_LABEL_CHARS \
            and not _BYLINE_ROLE.match(lines[1]):  # "【本版头条】" under a page's header: a column, not a headline
        lines = lines[1:]
    guide = "" if bulletin else _guide_sections(lines)
    if guide:  # "■ 门票": a heading over its section's text, no brief's title
        lines = [_Line.heading(line) if line.startswith(guide) else line for line in lines]
    opening = {i for i, line in enumerate(lines) if any(line is first for first in documents)}
    starts = sorted({*_article_starts(lines, bulletin), *opening})
    articles: list[Article] = []
    for begin, end in itertools.pairwise([*starts, len(lines)]):
        item = _item_heading(lines[begin], bulletin) if bulletin else None  # a bulletin's item: titled by its heading
        skip = 1 if item else 0
        if item and end - begin > 2 and _is_title_line(lines[begin + 1]) and not _is_title_line(lines[begin + 2]):
            item, skip = lines[begin + 1], 2  # a column's heading ("【工作动态】") over the item's own headline
        article = _read_article(lines[begin + skip:end], title=item, whole_lines=whole_lines)
        if article is None or (begin == 0 and opening and not article.title):  # a document printed before ends
            continue
        dangling = next((a for a in articles if a.open_ended), None) if begin not in opening else None
        if not article.byline and dangling is not None and article.paragraphs \
                and not _is_item_title(lines[begin], bulletin):
            _continue_article(dangling, article)
        else:
            articles.append(article)
    articles = _dated([a for a in articles if a.paragraphs], header or (form.dateline if form else None), issuers)
    if printed:  # the document the 版记 under its distribution list ends
        _dated(articles[-1:], printed)
    if form and articles:  # a document pasted without its title line: the form's 文件标题 names it
        articles[0].title = articles[0].title or form.name
    return [_with_some_title(a) for a in articles]


def _label_over_headline(lines: list[str]) -> bool:
    """Whether the first line is a label in 【】 over a headline ("【三折页·封面】", a page's column "【本版头条】"),
    not over a field or the text it names."""
    return len(lines) > 1 and bool(_BRACKETED.fullmatch(lines[0].strip())) \
        and _is_title_line(lines[1], punctuated=True) and not _FIELDS_LINE.match(lines[1])


def _without_contents(lines: list[str]) -> list[str]:
    """The lines without a contents list ("目 录" over headings each ending in its page number): the headings say
    nothing their chapters do not, and their page numbers belong to the printed page."""
    at, count = next(((at, count) for at in range(len(lines)) if (count := contents_lines(lines, at))), (0, 0))
    return lines[:at] + lines[at + count:]


def _transcribed(lines: list[str]) -> list[str]:
    """Photos transcribed under a head of their own ("【某某照片文字整理】" / "拍摄时间：…"): the document they show,
    each picture's marker replaced by its heading, which stands alone; the lines as they are when there is no such
    head or the document under it opens with no heading of its own."""
    head = transcript_head(lines)
    shown = [line if heading is None else _Line.heading(heading) for line in lines[head:]
             if (heading := picture_heading(line)) is None or heading] if head else []
    return shown if shown and _is_title_line(shown[0], punctuated=True) else lines


def _item_lines(items: list[tuple[str, list[str]]]) -> list[str]:
    """An export's items as the lines of one text: each 标题 a heading alone, each 内容 starting a paragraph."""
    lines: list[str] = []
    for heading, text in items:
        lines += [_Line.heading(heading)] if heading else []
        lines += [_Line.of(line, indented=n == 0) for n, line in enumerate(text)]
    return lines


def _part_lines(parts: list[list[str]]) -> list[str]:
    """Parts of a text as its lines, each part opening a paragraph of its own."""
    return [_Line.of(line, indented=n == 0) for part in parts for n, line in enumerate(part)]


def _transcript_article(meeting: MeetingTranscript, title: str, whole_lines: bool) -> list[Article]:
    """A transcript as one article: its summary under its label, then each turn led by its speaker."""
    return _dated(_one_article(_turn_lines([*meeting.summary, *meeting.turns]), title, whole_lines), meeting.dateline)


def _turn_lines(turns: list[tuple[str, list[str]]]) -> list[str]:
    """A transcript's turns as the lines of one text: each turn a paragraph led by its speaker ("某某：…"), so who
    said what stays with the words."""
    return [_Line.of(f"{name}：{line}" if n == 0 else line, indented=n == 0)
            for name, said in turns for n, line in enumerate(said)]


# "某某委员会党组成员、副主任　刘建华" under a speech's title: who gave it, their post and name, no part of the title
_POST = r"主任|局长|书记|市长|区长|县长|镇长|部长|处长|科长|院长|校长|主席|经理|会长|秘书长|所长|站长|园长|馆长" \
    r"|队长|理事长"
_SPEAKER_LINE = re.compile(rf"^[\u4e00-\u9fff、（）()]{{0,40}}(?:{_POST})[ \t　]+[\u4e00-\u9fff·]{{2,4}}$")
# What an app puts over what a user shares from it: "【某某地图】我分享了一个地点和路线，快来看看吧", "我在某某APP发现
# 了一家好店，快来看看吧".
_SHARE_PROMPT = re.compile(r"^(?:[【\[][^】\]]{2,12}[】\]]\s*)?我(?:在\S{2,12})?(?:分享|发现|推荐)了"
                           r"[^。，,]{0,24}[，,]\s*(?:快来|一起来?|来)(?:看看|瞧瞧)吧?[!！~～]*$")
# "★★★★☆ 4.7 | 月服务 3260 次", "★4.6分 · 运动健身 · 奎文区": a shop's or a place's rating, no headline
_RATING = re.compile(r"^(?:(?:[★☆]|⭐\ufe0f?){3,}|(?:★|⭐\ufe0f?)\s*\d\.\d\s*分)")  # not "★ 3分钟看懂…"
_COLUMN_GAP = re.compile(r"\S(?: {2,}|\t+|　{2,})(?=\S)")
# "普通铜钥匙　5元/把": an item and its price set apart by a wide space, a price list's row of two columns
# (or a day: a comment's name and day, "鸢都老张  12月16日")
_PRICE_COLUMN = re.compile(r"^[^\s，。；：:]{2,20}(?:　+| {2,}|\t+)"
                           r"(?:[¥￥]?\d[\d.,]*(?:元|块|万元|%|％)?(?:/\S{1,3})?(?:（[^（）]{0,16}）)?"
                           r"|(?:\d{4}年)?\d{1,2}月\d{1,2}日)$")
_ROW_GAPS = 2
# "笑着说：“…”", "他表示：…": what someone says, wrapped from the line above, no field
_SPEECH_LABEL = re.compile(r"^[\u4e00-\u9fff]{0,4}(?:说|表示|指出|强调|告诉)\s*[：:]")
_TIME_ALONE = re.compile(r"(?:(?:\d{4}年)?\d{1,2}月\d{1,2}日|\d{4}[-/.]\d{1,2}[-/.]\d{1,2})?"
                         r"\s*(?:(?:星期|周)[一二三四五六日天]|昨天|前天|今天)?\s*(?:凌晨|早上|上午|中午|下午|晚上)?"
                         r"\s*\d{1,2}:\d{2}(?::\d{2})?"
                         r"|\d{1,2}:\d{2}\s+\d{4}[-/.]\d{1,2}[-/.]\d{1,2}")  # Notepad's ".LOG" stamp: "9:05 2025/3/3"
# "● 村支部书记 某某 同意　2024-11-05 14:07": a log's entry, stamped at its end with a full day and time
_DAY_AND_TIME = r"(?:\d{4}年\d{1,2}月\d{1,2}日|\d{4}[-/.]\d{1,2}[-/.]\d{1,2})\s*\d{1,2}:\d{2}(?::\d{2})?"
_STAMPED = re.compile(rf"^(?=\D)[^，。；！？]{{1,40}}\s{_DAY_AND_TIME}$")
# "2024-11-26 10:02:11　某某", "[2025-06-12 10:05:21] 收 <- 95598": a message's or entry's head
_STAMP_LED = re.compile(rf"^[\[【(（]?{_DAY_AND_TIME}(?!\d)")
# "金额（元）：3680.00", "期望交付日期：2024-11-20": a form's field whose value is a figure ends on its line, unless the
# line under it goes on with the value ("报名截止时间：2024年5月10日" / "下午5点前，…")
_FIGURE_FIELD = re.compile(FIELD_LABEL + r"[¥￥]?\d[\d\s.,:/\-年月日时分秒元%％]*$")
_GOES_ON_WITH_A_FIGURE = re.compile(rf"^(?:至|到|前|止|以前|之前|{TIME_OF_DAY}|\d)")
_LEADERS = re.compile(r"\S\s*(?:…+|\.{4,}|·{4,})\s*[¥￥]?\d[^，。；…]{0,16}$")  # "……" in a sentence is none
_BOXES = "□☐☑☒"
_CHECK_BOXES = re.compile(rf"(?:[{_BOXES}]\s*[^{_BOXES}\s][^{_BOXES}]*){{2,}}")  # "□是 □否", "☑已完成　□未完成"
# each box a reporter's role and name ("□本报记者 某某 □通讯员 某某"), not a form's options ("□记者　□编辑　□其他")
_REPORTER = r"(?:本报|特约|见习)?(?:记者|通讯员|实习生|摄影|文[/／、]图)\s*[\u4e00-\u9fff·][\u4e00-\u9fff·□]{1,3}"
_REPORTERS = re.compile(rf"□\s*{_REPORTER}(?:\s+□?\s*{_REPORTER})*")
# How far from its end a line's leaders and value are looked for: the page reader asks for each line it joins whether
# the paragraph so far stands alone, and searching the whole of a long paragraph each time took seconds. Only leaders
# with some forty blanks beside them would reach further.
_LEADERS_REACH = 64
_RULE_MARKS = "—–\\-━─═=＝~～*＊"
# a title line between dashes ("—— 九九重阳 · 敬老饺子宴 ——"): dashes only, unlike a heading's rule marks ("**通知**"
# is bold, "~~…~~" struck through)
_BETWEEN_DASHES = re.compile(r"[—–-]{2,}\s*([^—–\-\s][^—–\-]{0,20}?)\s*[—–-]{2,}")
_DASHED_HEADING = re.compile(rf"[{_RULE_MARKS}]{{2,}}\s*[^{_RULE_MARKS}\s][^{_RULE_MARKS}]{{0,20}}?"
                             rf"\s*[{_RULE_MARKS}]{{2,}}")
_UNTITLED_CHARS = 20
_CLAUSE_MARKS = "，。！？；：,!?;:"
_MID_CLAUSE = ("，", ",", "、")  # a line ending so breaks off mid-sentence
# A speaker's greeting to an audience ("大家好", "哈喽，老铁们", "各位网友晚上好", "乡亲们大家好"): a video's or
# a talk's first words and its audience addressed, which name nothing the text is about ("大家准备好" says something)
_AUDIENCE = (r"(?:(?:大家|各位|诸位|亲爱的)?(?:(?:居民|市民|村民|网友|观众|听众|家长|老师|同学|街坊|邻居|老铁|家人|"
             r"乡亲|游客|来宾|嘉宾|记者|朋友|小伙伴|宝子|亲)们?)+|大家|各位|诸位)")
_HELLO = r"(?:早上|上午|中午|下午|晚上)?好"
# …or any audience the words call a group when they wish it well ("老少爷们好") or address as all of them, wishing it
# well or not ("各位叔叔阿姨上午好", "各位乘客"): "们" and "各位" name whom a speaker greets
_GREETED = rf"[\u4e00-\u9fff]{{1,4}}们{_HELLO}|(?:各位|诸位)[\u4e00-\u9fff]{{1,4}}?(?:{_HELLO})?"
_GREETING = re.compile(rf"(?:hello|hi|hey|哈喽|嗨|您好|你好|你们好|{_GREETED}|"
                       rf"{_AUDIENCE}(?:大家)?(?:{_HELLO})?|[啊呀哈呐吖～~、\s])+", re.IGNORECASE)
_HELLO_ALONE = re.compile(rf"{_HELLO}[啊呀～~]*")  # "…，下午好！": the wish after its audience
_WISHED = re.compile(r"好|hello|hi|哈喽|嗨", re.IGNORECASE)
_ADDRESSED = re.compile(r"们|各位|诸位|大家|亲爱的")
_GREETING_CHARS = 40  # longer is more than a greeting (and _GREETING is slow on long runs of "大家好")


_ADDRESSEE = re.compile(r"[\u4e00-\u9fff·]{1,8}[：:]")  # "妈：", "各位家长：", "亲爱的同学们："


def _with_some_title(article: Article) -> Article:
    """An article without a headline (dictated text, a note, a video's captions) is cited by its opening words after
    any greeting, never as 《》."""
    if article.title:
        return article
    # a letter's salutation alone on its line ("妈：", "各位家长：") names whom it is written to, not what it says
    first = next((p for p in article.paragraphs if not _ADDRESSEE.fullmatch(p.strip()) and not _greets_only(p)),
                 article.paragraphs[0])
    text = _ORNAMENTS.sub("", first.strip().lstrip(f"{_CLAUSE_MARKS}.…—- 　"))
    text = INTERVIEW_TURN.sub("", text)  # "问：灵活就业人员怎样参保？" is cited by its question
    head = text[:_UNTITLED_CHARS * 10]  # enough for the opening clause, after a greeting
    clauses = [clause.strip() for clause in re.split(f"[{_CLAUSE_MARKS}](?![^《》]*》)", head)]  # not in 《》
    opening = next((clause for clause in clauses if clause and not _is_greeting(clause)), clauses[0])
    cut = opening[:_UNTITLED_CHARS]
    whole = text.rstrip("。")  # one sentence is cited whole, a question with its mark
    return replace(article, title=cut + "…" if len(cut) < len(whole.rstrip("！？!?")) else whole)


def _page_header(lines: list[str]) -> tuple[Dateline | None, list[str]]:
    """The dateline of the whole page, if any, and the lines without the header that gives it."""
    header = read_dateline(lines[0]) if lines else None  # "某某日报 2020年3月4日 星期三 A03版": the whole page's
    if header:  # a note under it ("（由某APP自动转写，未校对）", a recording's) is no text, as above everything
        note = len(lines) > 1 and is_note(lines[1]) and read_dateline(lines[1]) is None
        return header, lines[2:] if note else lines[1:]
    if len(lines) > 1 and _is_title_line(lines[0], punctuated=True):
        header = read_dateline(lines[1])  # "2020-08-28 来源：某报" under the page's headline: the whole page's too
        if header and header.publisher and not header.labelled and len(lines[0]) <= _COLUMN_NAME_CHARS \
                and len(lines) > 2 and _is_title_line(lines[2], punctuated=True):
            return header, lines[2:]  # a column's name over the paper's name and day ("县域快讯 / 某某晚报 2020-04-08")
    return header, lines


def _paper_masthead(lines: list[str]) -> tuple[Dateline, list[str]] | None:
    """A newspaper's or newsletter's masthead above its headline ("某某社区报", maybe over its edition: "“某某”专刊",
    "2024年第5期"): the paper publishes every report on the page that names no source, and is no part of a title."""
    if not lines or not is_paper_name(lines[0]):
        return None
    headline = next((n for n, line in enumerate(lines[1:_MASTHEAD_LINES + 1], start=1) if not is_edition_line(line)),
                    None)
    if headline is None or not _is_title_line(lines[headline], punctuated=True) or FIELD_START.match(lines[headline]):
        return None  # a report's name over its head of fields ("编制单位：…") is its title
    return Dateline(published=None, publisher=lines[0].strip(), labelled=False), lines[headline:]


def _bulletin_head(lines: list[str]) -> tuple[Dateline, list[str]] | None:
    """A bulletin's masthead block above its first marked item ("工 作 简 报" / "2023年第4期" / "某某办公室编
    2023年3月24日"): its editor and day publish and date every item, as a newspaper page's header does."""
    for first, line in enumerate(lines[1:_MASTHEAD_LINES + 1], start=1):
        if not _is_item_title(line, bulletin=True):
            continue
        head = read_editor_day(lines[:first])
        if head:
            return head, lines[first:]
        if _is_item_title(line):  # a marked item under no masthead: no bulletin
            return None
    return None  # a 【】 line above the editor and day ("【内部资料 注意保存】") is part of the masthead


def _numbered_documents(lines: list[str]) -> list[str]:
    """The first title line of every document that starts below a page's top with its title over its number
    ("某某市人民政府 / 关于…的通知 / 某政字〔2021〕52号"): a gazette or a compilation prints one after another."""
    firsts = []
    for i, line in enumerate(lines):
        if not is_file_number(line):
            continue
        first = i
        while first > 0 and i - first < _TITLE_MAX_LINES and _is_title_line(lines[first - 1]):
            first -= 1
        if first < i and first > 0 and not _is_title_line(lines[first - 1]):
            firsts.append(lines[first])
    return firsts


def _is_footer(part: str) -> bool:
    """A text's last line under its closing rule that says nothing in a sentence and is no field: its maker's note
    ("运营部  如有变动以最新版为准"), no article (a slip's lines of fields are one)."""
    lines = [line for line in part.splitlines() if line.strip()]
    return len(lines) == 1 and not said_han(lines) and not _opens_field(lines[0])


def _pasted_parts(body: str) -> list[str]:
    """The parts of a text between "======" lines; a header above the first line ("某某热线 / 每周诉求分析") belongs
    to the part under it when that part opens with "一、…" or a message's day and time, or its time and sender, or
    its sender, day and time (a chat export's head over its messages) and has no headline of its own, and so does a
    title (maybe over its issuer's line) above a statement's line of fields ("对账月份：… 出单日期：…"). A text that
    ends with such a line is one document framed by them (a printed slip's, a plain-text notice's borders), and so
    is one whose first rule is drawn under its issuer's and title's lines alone over a slip's first line (a
    receipt's head). A part an app adds under the text to say it was made by machine ("以上内容由OCR自动识别，…")
    is none, and so is a footer under the last rule."""
    parts: list[str] = []
    lines = [line for line in body.splitlines() if line.strip()]
    head = list(itertools.takewhile(lambda line: not _FRAME.match(line), lines))
    under = next((line.strip() for line in lines[len(head):] if not _FRAME.match(line)), "")
    if lines and (_FRAME.match(lines[-1]) or (0 < len(head) <= _TITLE_OVER_FIELDS_LINES and not said_han(head)
                                               and not any(map(_opens_field, head)) and _opens_a_slip(under))):
        return [body]
    split = _FRAME.split(body)
    for n, part in enumerate(split):
        opening = next((line.strip() for line in part.splitlines() if line.strip()), "")
        if opening.startswith("以上") and is_machine_note(opening) or (parts and n == len(split) - 1
                                                                     and _is_footer(part)):
            # "以上内容由OCR自动识别，…": the app's note on the text above, no article (a part opening "本文件由…生成，
            # 现转发如下：" is one); nor is a footer under the last rule
            continue
        header = [line for line in parts[-1].splitlines() if line.strip()] if parts else []
        stamped = _STAMP_LED.match(opening) or is_timed_message(opening) \
            or (is_sender_stamped(opening) and names_a_chat(header))
        framed_first = len(parts) == 2 and not parts[0].strip()  # the part above is the text's first, framed
        if parts and ((not said_han(header) and (starts_item(opening) or stamped or (
                (_FIELDS_LINE.match(opening) or _opens_fields(part)) and _is_slip_head(header))
                or (framed_first and _is_fields_head(header) and not _opens_a_document(opening))))
                      or (framed_first and _letterhead_lines(header) == len(header))
                      or _continues_above(part)):
            parts[-1] += "\n" + part
        else:
            parts.append(part)
    return parts


def _opens_a_document(line: str) -> bool:
    """A part's first line that titles a document of its own ("关于开展…的通知"), not a node's or an item's line."""
    return _is_document_name(line) or _is_named_by_kind(line)


def _is_fields_head(lines: list[str]) -> bool:
    """A title over lines of labelled fields, most of them ("某某流程导出" / "企业：… 热线：…" / "生效日期：… 导出人：
    …"), framed at the top of a text (by the caller): a system's export head, over the document it heads."""
    head = [line.strip() for line in lines]
    fields = sum(map(_opens_field, head[1:]))
    return len(head) > 2 and len(head[0]) <= _HEAD_TITLE_CHARS and not _opens_field(head[0]) \
        and not ends_sentence(head[0]) and 2 * fields >= len(head) - 1 and fields >= 2


def _continues_above(part: str) -> bool:
    """A part no headline opens: a plain-text table (a row of cells between bars over another row or a rule:
    "镜号 | 景别 | 画面 | …") or notes under their label ("备注："): the document above it goes on (a script's shot
    table and its notes between its rules)."""
    lines = [line.strip() for line in part.splitlines() if line.strip()]
    return bool(lines) and (bool(_NOTES_LABEL.match(lines[0])) or (
        len(lines) > 1 and bool(_TEXT_TABLE_ROW.match(lines[0]))
        and bool(_TEXT_TABLE_ROW.match(lines[1]) or _TABLE_RULE.match(lines[1]))))


def _opens_fields(part: str) -> bool:
    """A part that opens with two labelled fields or more, a line each ("供稿单位：…" over "下发日期：…"): a
    document's head of fields, under its title between rules."""
    lines = [line.strip() for line in part.splitlines() if line.strip()][:2]
    return len(lines) == 2 and all(FIELD_START.match(line) for line in lines)


def _opens_a_slip(line: str) -> bool:
    """A slip's first line under its head's rule: a field ("营业网点：…"), or its kind spaced out or with a note
    ("游 客 行 程 单", "出团单（两日游）"), not a headline over sentences."""
    return _opens_field(line) or bool(_SPACED_KIND.fullmatch(line)) or _is_noted_name(line)


def _is_slip_head(lines: list[str]) -> bool:
    """A statement's or slip's head: its title (maybe under its issuer's line), maybe over one line of its number's
    or printing time's fields ("结算单号：… 打印时间：…"); not another slip's fields ("交款人：… 金额：…")."""
    titles = list(itertools.takewhile(lambda line: not FIELD_START.match(line.strip()), lines))
    fields = lines[len(titles):]
    return 0 < len(titles) <= _TITLE_OVER_FIELDS_LINES and len(fields) <= 1 \
        and all(_SLIP_NUMBER.search(line) for line in fields)


_FRAME = re.compile(r"^\s*[=＝]{4,}\s*$", re.MULTILINE)
# A plain-text table's row: three cells or more between ASCII bars (a headline parts its words with "｜")
_TEXT_TABLE_ROW = re.compile(r"^\|?[^|]+(?:\|[^|]+){2,}\|?$")
_FIRST_CELL_CHARS = 200
_TABLE_RULE = re.compile(r"^[-+|=:\s]{3,}$")  # "-----+------+-----" under a table's header row
_NOTES_LABEL = re.compile(r"^(?:备注|附注|说明|注|注意事项)\s*[：:]$")
_TITLE_OVER_FIELDS_LINES = 2  # a statement's title and its issuer's line
_HEAD_TITLE_CHARS = 40
_SLIP_NUMBER = re.compile(r"(?:单号|编号|流水号|打印(?:时间|日期))\s*[：:]")


def _without_running_heads(lines: list[str]) -> list[str]:
    """Text copied from a printed page: the short line that stands right under a page's number ("第 1 页 / 共 2
    页" / "某某局 政务公开") heads the next page; it is no text and would cut a sentence in two. A line standing
    under two page numbers or more is a running head of any length, also on the first page over the title (one it
    holds: "某某学校　　2025年某某招生简章" over "2025年某某招生简章", or a document's name: "某某公报　2025年第3期"
    over "关于…的通知"); a first page's copy over no title is the title (a document's name at each page's head)."""
    said = [line for line in lines if line.strip()]
    under_numbers = Counter(_squeezed(line) for above, line in itertools.pairwise(said) if is_page_number(above))
    running = {line for line, count in under_numbers.items() if count > 1}
    first_number = next((n for n, line in enumerate(said) if is_page_number(line)), len(said))
    titled = {_squeezed(line) for line, under in itertools.pairwise(said[:first_number])
              if _squeezed(line) in running and (_squeezed(under) in _squeezed(line) or _opens_a_document(under))}
    kept: list[str] = []
    above = ""  # the last line kept or a repeated head: a page's first line under it is no running head
    numbered = False  # a page's number stood above the line
    for line in lines:
        numbered = numbered or is_page_number(line)
        if _squeezed(line) in running and (numbered or _squeezed(line) in titled):
            above = line
        elif not (is_page_number(above) and len(line) <= _RUNNING_HEAD_CHARS and _is_title_line(line)
                  and not _ATTACHMENT_NUMBER.match(line)):  # "附件3" opens an attachment on its page
            kept.append(line)
            above = line if line.strip() else above
    return kept


def _squeezed(line: str) -> str:
    return " ".join(line.split())


def _one_article(lines: list[str], title: str, whole_lines: bool) -> list[Article]:
    article = _read_article(lines, title=title, whole_lines=whole_lines)
    return [article] if article and article.paragraphs else []


def _dated(articles: list[Article], page: Dateline | None, issuers: str = "") -> list[Article]:
    """Articles without a dateline of their own take the page's (its header, a post's time line) and, without a
    publisher, the issuers of its letterhead; then their 版记's."""
    for article in articles:
        imprint = article.imprint or Dateline(published=None, publisher="", labelled=False)
        article.published = article.published or (page.published if page else None) or imprint.published
        article.publisher = article.publisher or (page.publisher if page else "") or issuers or imprint.publisher
    return articles


def _letterhead_over_number(lines: list[str]) -> str | None:
    """The last line of a letterhead printed without "文件": issuer lines at the top (joint issuers a line each, maybe
    spaced out: "某某委员会 / 某 某 局") over the document's number, under which the issuers are named again above
    its "关于…" title; over a 公告's number counted by year ("2024年第5号"), also right above its title. That line,
    as the number is dropped (furniture) before the letterhead is read."""
    shown = [line for line in lines if line][:_TITLE_MAX_LINES + 3]
    number = next((i for i, line in enumerate(shown) if is_file_number(line)), 0)
    if not number or not all(is_issuer(line) for line in shown[:number]):
        return None
    under = shown[number + 1:number + 3]
    named_again = len(under) == 2 and is_issuer(under[0]) and under[1].startswith("关于")
    announced = is_announcement_number(shown[number]) and bool(under) and under[0].startswith("关于")
    return shown[number - 1] if named_again or announced else None


def _letterhead_lines(lines: list[str]) -> int:
    """How many of the first lines an organisation's letterhead fills (web_layout.letterhead_issuer), 0 for none: all
    of a part framed at the top of a slip (it heads the part under the frame); over a name and its English name, its
    contact fields (a slip's centred head: a letterhead, which publishes what it heads, not a logo)."""
    letterhead = letterhead_issuer(lines, _is_title_line)
    return letterhead[1] if letterhead else 0


def _without_letterhead(lines: list[str], over_number: str | None = None) -> tuple[list[str], str]:
    """A government document's letterhead ("某某局 / 某 某 局 / 文件", or its issuer lines ending in `over_number`)
    above its number and title, or its issuer alone above a "关于…" title or a name of its own by its kind ("某某区…
    设置指引（2024年修订）" under "某某区城市管理局"), or an organisation's letterhead line (its
    name with its English name or contact fields, or beside a column's heading): the lines without it, and its
    issuers, who are the document's publisher (its title is the "关于…的通知" below, maybe under the issuers named
    again)."""
    letterhead = letterhead_issuer(lines, _is_title_line)
    if letterhead:
        issuer, filled = letterhead
        return lines[filled:], issuer
    for i, line in enumerate(lines[:_TITLE_MAX_LINES + 1]):
        if _LETTERHEAD_END.match(re.sub(r"\s+", "", line)) or line is over_number:
            issuers = [name for issuer in [*lines[:i], re.sub(r"文\s*件\s*$", "", line)]
                       for name in issuer_names(issuer)]
            return lines[i + 1:], "、".join(issuers)
    if len(lines) > 1 and is_issuer(lines[0]) and not _is_title_line(lines[0]) and lines[1].startswith("关于"):
        return lines[1:], lines[0]  # "某某领导小组（指挥部）办公室", which holds brackets, so no title line
    if len(lines) > 1 and is_issuer(lines[0]) and _names_its_place(lines[0], lines[1]):
        return lines[1:], lines[0]
    numbered = _ISSUER_AND_NUMBER.match(lines[0]) if len(lines) > 1 and _is_title_line(lines[1]) else None
    if numbered and is_issuer(numbered.group(1)):  # "某某公司 公示编号：…" over the title: its number is read under it
        return [_Line.of(numbered.group(2)), *lines[1:]], numbered.group(1)
    return lines, ""


def _article_starts(lines: list[str], bulletin: bool = False) -> list[int]:
    """Index of the first line (title or byline) of every block on the page (a bulletin's: every item's heading)."""
    starts = {0}
    for i, line in enumerate(lines):
        opens_report = bool(_NEWS_LEAD.match(line))  # "本报讯（记者 …）", "新华社济南3月14日电": without the □ mark
        if _byline_at(lines, i) or opens_report:
            first = title_start(lines, i)
            if first < i or not opens_report:
                starts.add(first)
        elif (_is_title_line(line) and i > 0 and not _is_title_line(lines[i - 1])
              and (_follows_footer(lines, i) or _CREDIT_END.search(lines[i - 1]))) \
                or (_is_item_title(line, bulletin)
                    and (bulletin or not _is_own_heading(line) and _heads_a_brief(line, lines[i + 1:]))):
            starts.add(i)
    return sorted(starts)


def _guide_sections(lines: list[str]) -> str:
    """The mark heading a guide's sections ("■ 门票", "■ 交通和停车"), "" on a page that is none; not news briefs:
    only its name ("第25届…博览会" / "参 观 须 知") and notes in brackets stand above the first marked line, the name
    of a guide's kind (须知, 指南…: not 通报 or 报告, whose pages list briefs), and every marked line is a short
    label, not a headline (a list's bullets under another mark may stand in its sections)."""
    first = next((n for n, line in enumerate(lines) if line.startswith(_ITEM_TITLE_MARKS)), None)
    if first is None or not 0 < first <= _TITLE_MAX_LINES + 1:
        return ""
    head, mark = [line.replace(" ", "") for line in lines[:first]], lines[first][0]
    guide = any(_GUIDE_NAME.search(line) for line in head) \
        and all(_is_title_line(line, punctuated=True) or is_note(line) for line in head) \
        and all(_is_section_label(line) for line in lines if line.startswith(mark))
    return mark if guide else ""


def _is_section_label(line: str) -> bool:
    """"■ 门票": a marked short label, a guide's section heading (see _guide_sections)."""
    label = _item_heading(line)
    return label is not None and len(label) <= _SECTION_LABEL_CHARS


def _heads_a_brief(line: str, following: list[str]) -> bool:
    """Whether a marked line heads a news brief: a sentence stands under it, up to the next marked line, and it is
    no log's entry stamped with its time ("● 村支部书记 某某 同意　2024-11-05 14:07" over a remark)."""
    body = list(itertools.takewhile(lambda line: not line.startswith(_ITEM_TITLE_MARKS), following))
    return not _STAMPED.match(line) and said_han(body) > 0


def title_start(lines: list[str], byline: int) -> int:
    """The first of the title lines right above a byline (or a "本报讯" lead): up to three short lines, which may
    hold ：and ，when first on the page or right above the byline."""
    first = byline
    while (first > 0 and byline - first < _TITLE_MAX_LINES
           and _is_title_line(lines[first - 1], punctuated=first in (byline, 1))):
        first -= 1
    return first


def _follows_footer(lines: list[str], i: int) -> bool:
    """A title after the page footer (责任编辑 …) starts a block of its own."""
    for previous in reversed(lines[max(0, i - 3):i]):
        if is_byline(previous):
            return any(word in previous for word in FOOTER_WORDS)
    return False


def _read_article(block: list[str], title: str | None = None, whole_lines: bool = False) -> Article | None:
    titles: list[str] = []
    rest = block
    if title is not None:
        titles.append(title)
        rest = rest[_repeated_title_lines(rest, title):]
    # a number field over the title (a test report's "CMA 资质认定证书编号：…", a listed company's "证券代码：…")
    # is read under it, the text's first line
    above = rest[:1] if title is None and len(rest) > 1 and _names_a_number(rest[0]) \
        and _is_title_line(rest[1]) else []
    rest = rest[len(above):]
    while (title is None and rest and len(titles) < _TITLE_MAX_LINES and not _names_a_document(titles, rest[0])
           and not (titles and _is_edition_line(titles[-1]))  # "（征求意见稿）" ends the title
           and not (titles and starts_item(rest[0]))  # "一、本周受理概况" under the headline opens the text
           and not (titles and rest[0].startswith(_ITEM_TITLE_MARKS))  # "■ 门票" under a guide's name: a section
           and not (titles and is_unmarked_byline(rest[0]))  # "本报记者 某某 通讯员 某某" under the headline
           and not (titles and section_issuer(rest[0]))  # "某某局 工伤保险科" under a course's title
           and not (titles and _is_manual_cover_line(rest[0]))  # "型号：…使用说明书", "某某中心 监制"
           and not (titles and read_stamp(rest[0]))  # "2025-02-18 记" under a note's title
           and not (titles and SHOWN_LABEL.match(rest[0]))  # "［名牌］…" under a video's title: what is shown
           and not (titles and _SPEAKER_LINE.match(rest[0]))  # "某某委员会副主任　刘建华" under a speech's title
           and not INTERVIEW_TURN.match(rest[0])
           and (_is_title_line(rest[0], punctuated=not titles or (len(rest) > 1 and _byline_at(rest, 1)))
                or (titles and _is_edition_line(rest[0])) or _is_document_name(rest[0])
                or _is_named_by_kind(rest[0]) or _SPACED_KIND.fullmatch(rest[0])
                or _is_form_title(rest) or (not titles and _is_note_title(rest)))):
        titles.append(rest[0].lstrip("".join(_ITEM_TITLE_MARKS)).strip())
        rest = rest[1:]
        if len(rest) > 1 and is_english_name(rest[0]) and _is_title_line(rest[1]):  # a logo's "Y U A N D U"
            rest = rest[1:]
    edition = len(titles) > 1 and _is_edition_line(titles[-1])  # the title's last line
    named = titles[-2] if edition else titles[-1] if titles else ""  # the title's name, for its kind
    # a manual's cover: its model and kind right under the product's name name the document with it; what follows
    # (its credits, a reminder) is no more of the title
    while title is None and titles and rest and not edition and not _DOCUMENT_KIND_END.search(named) \
            and (name := manual_cover_name(rest[0])):
        titles.append(name)
        named = name
        rest = rest[1:]
    rest = above + rest
    byline_parts: list[str] = []
    if rest and _byline_at(rest, 0):
        if any(word in rest[0] for word in FOOTER_WORDS):
            return None
        byline_parts.append(rest[0].lstrip(BYLINE_MARK).strip())
        rest = rest[1:]
        while rest and _BYLINE_ROLE.match(rest[0]) and _is_title_line(rest[0]):
            byline_parts.append(rest[0])
            rest = rest[1:]
    article = Article(title=_joined_title(titles), byline="；".join(byline_parts))
    # a cover page: "某某局" / "二〇二〇年四月十日" under the document's name
    cover = read_signature(rest[:2]) if titles and _DOCUMENT_KIND_END.search(named) else None
    if cover and cover.published:
        rest = rest[2:]
    else:
        cover = None
    # a draft form's issuing unit and day: when nothing else names them (a number field read under the title is
    # none of its fields)
    form, head = read_form_head(rest[len(above):])
    head = {n + len(above) for n in head}
    # a note's stamp under its title ("> 2025-02-18 记｜…"): the day it was written, when no dateline, closing or form
    # head dates it (they date what the note copies); no text unless it goes on to say something
    stamp = read_stamp(rest[0]) if titles and rest else None
    unsaid_stamp = {0} if stamp and not said_han(rest[:1]) else set()
    credited, credits = _cover_credits(rest) if titles else ("", set())
    for n, line in enumerate(rest):
        dateline = read_dateline(line)
        if is_printing_day(line) or (dateline is None and n in head | credits | unsaid_stamp):
            continue
        if is_unmarked_byline(line):
            article.byline = article.byline or line
        elif dateline is None:
            _add_line(article, line, whole_lines)
        elif is_imprint(line):
            article.imprint = article.imprint or dateline
        else:
            article.published = article.published or dateline.published
            article.publisher = article.publisher or dateline.publisher
    # "某某指挥部" / "二〇二〇年二月二十日": who issued it and when, without a dateline; it stands before the
    # attachments ("附件1" on a line of its own), or on a cover page (read above)
    attachments = next((n for n, line in enumerate(rest) if n > 0 and _ATTACHMENT_NUMBER.match(line)), len(rest))
    # "（2023年2月修订）" under the title; a manual's "说明书版本：V2.1（2023年9月）" there or at its foot
    version = next(filter(None, map(read_version, [*rest[:1], *rest[-_FOOT_LINES:]])), None) if titles else None
    # "本文档由某某整理，发布于2024年6月20日，…" in its opening lines, "以上信息更新于…" in its last: when nothing above
    # dates it
    self_dated = read_self_dated(rest[:_HEAD_LINES]) or read_self_dated(rest[-_FOOT_LINES:], foot=True)
    # "维护：某某有限公司" in its opening lines; a changelog's version lines, the newest
    kept, releases = read_maintainer(rest[:_HEAD_LINES]), read_releases(rest)
    issued = read_issued_day(rest[:attachments])  # "签发日期：…" at a report's foot
    # "（2025年8月16日上午 多功能厅 讲话人：…）" under a speech's title: the day it was given (the note stays text)
    occasion = read_occasion(rest[0]) if titles and rest else None
    # "今天是2025年3月25日" among a talk's first sentences: the day its speaker gave it
    spoken = read_spoken_day(article.text)
    for closing in filter(None, (read_signature(rest[:attachments]) or cover, form, stamp, occasion, version,
                                 self_dated, kept, releases, issued, spoken)):
        article.published = article.published or closing.published
        article.publisher = article.publisher or closing.publisher
        article.month = article.month or closing.month
    article.publisher = article.publisher or credited or _head_issuers(rest) or _head_section_issuer(rest)
    paper = _PAPER_CREDIT.search(article.paragraphs[-1]) if article.paragraphs else None
    article.publisher = article.publisher or (paper.group(1) if paper else "")  # "…。（某某晚报记者 宋佳）"
    article.publisher = article.publisher or _title_issuer(article.title) or _letterhead_issuer(titles)
    if article.paragraphs:
        match = _DATELINE.match(article.paragraphs[0])
        if match:
            article.place = match.group(1)
            article.byline = article.byline or match.group(2) or ""
            article.paragraphs[0] = article.paragraphs[0][match.end():]
    if edition and re.search(r"\d", titles[-1]):  # its year or number ("（2024年版）") may be asked about
        article.paragraphs.insert(0, titles[-1])
    return article


def _title_issuer(title: str) -> str:
    """The issuer an official document's name opens with ("某某局关于…的通知"): it issued the document when no
    dateline or closing names anyone (a database's page may keep the name and lose the closing's day); "" when the
    name opens with none."""
    issuer = _ISSUER_ABOUT.match(title) if _OF_A_KIND.search(title) else None
    return issuer.group(1) if issuer and is_issuer(issuer.group(1)) else ""


def _letterhead_issuer(titles: list[str]) -> str:
    """The issuer a letterhead names over the document's kind alone ("某某检测技术有限公司" over "检 测 报 告"): it
    issued the document when nothing else names anyone; "" for other title lines."""
    issuer = titles[0].strip() if len(titles) > 1 else ""
    kind = _unspaced("".join(line.strip() for line in titles[1:]))
    return issuer if is_issuer(issuer) and _KIND_ALONE.fullmatch(kind) else ""


def _is_manual_cover_line(line: str) -> bool:
    """A manual's cover line under its product's name: its model and kind ("型号：YD-A3 使用说明书", which end its
    title, read after the product's name) or a credit ("某某中心 监制", no title at all)."""
    return bool(manual_cover_name(line) or cover_credit(line))


def _head(lines: list[str], count: int = _HEAD_LINES) -> list[str]:
    """A document's first lines under its title (up to `count`), up to its first sentence."""
    return list(itertools.takewhile(lambda line: not re.search(r"[。！？]", line), lines[:count]))


def _cover_credits(lines: list[str]) -> tuple[str, set[int]]:
    """The publisher a cover's credit lines under the title name, and those lines, which are no text. One that
    supervised, issued or printed the manual ("某某中心 监制") publishes it over one that only made the product
    ("某某有限公司 制造"): it answers for what the manual says and hands it out with the product."""
    credits = {n: credit for n, line in enumerate(_head(lines, _COVER_LINES)) if (credit := cover_credit(line))}
    name, _ = min(credits.values(), key=lambda credit: not credit[1], default=("", False))  # the first issuer's
    return name, set(credits)


def _head_issuers(lines: list[str]) -> str:
    """The issuers a document's head names on a line of their own right under its dateline, side by side as in a
    letterhead (a notice board's name, "2022年第三季度　公开日期：…", "某某村民委员会　某某村务监督委员会"): they
    publish it when no dateline or closing names anyone. Under a title alone such a line may be an author's."""
    return "、".join(next((names for above, line in itertools.pairwise(_head(lines)) if read_dateline(above)
                           and (names := issuer_names(line)) and all(map(is_issuer, names))), []))


def _head_section_issuer(lines: list[str]) -> str:
    """The issuer a cover's or head's office line names with its section ("某某局 工伤保险科" under a course's
    title and subtitle, over "主讲：…"): the issuer publishes what its section wrote when nothing else names anyone."""
    return next(filter(None, map(section_issuer, _head(lines))), "")


def _repeated_title_lines(lines: list[str], title: str) -> int:
    """How many of the text's first lines repeat the title it is given, maybe broken ("某某中心 / 关于…的公告")."""
    wanted = re.sub(r"\s+", "", title)
    for count in range(1, min(_TITLE_MAX_LINES, len(lines)) + 1):
        if re.sub(r"\s+", "", "".join(lines[:count])) == wanted:
            return count
    return 0


def _names_a_document(titles: list[str], following: str) -> bool:
    """Title lines that name a whole document ("关于…的通知", "…的公告", or "…调查报告" over its issuer): what
    follows is no more of the title (its author, the issuer on a cover page). A headline may end with 报告 or 决定
    and still have a subtitle ("返潍人员须主动报告 / 隐瞒行程将依法追责")."""
    name = "".join(titles)
    if not titles or not _DOCUMENT_KIND_END.search(name):
        return False
    return bool(_ABOUT.search(name) or _OF_A_KIND.search(name) or _FORM_KIND_END.search(name)) \
        or is_issuer(following)


def _joined_title(lines: list[str]) -> str:
    """Title lines as one title: a headline and its subtitle apart ("…开放 须预约"), an issuer and its "关于…的通知"
    together ("某某局关于…的通知"), and so a document's name broken before its "…的通知" or "…须知"."""
    title = _undashed(_unspaced(lines[0])) if lines else ""
    for line in lines[1:]:
        spaced = bool(_SPACED_KIND.fullmatch(line))  # "某局 某大队" / "通 告", "…招聘 / 笔 试 准 考 证": one word
        line = _undashed(_unspaced(line))
        # "关于做好…建设" / "补贴申报工作的通知", "…采暖季" / "供热服务须知": one document's name broken in two
        about = bool(_ABOUT.search(title)) and "，" not in title  # not "关于复工，这些问题你要知道"
        broken = not _DOCUMENT_KIND_END.search(title) and (about or bool(_DOCUMENT_KIND_END.search(line))
                                                           or _is_named_by_kind(line))
        title += line if line.startswith(("关于", "（", "(")) or broken or spaced else f" {line}"
    title = _ORNAMENTS.sub("", _TITLE_LABELS.sub("", title))
    bracketed = _BRACKETED.match(title)  # a headline set in 【】 as a post's is ("【…通知】"): not a label's 【】
    return bracketed.group(1) if bracketed else title


def _unspaced(line: str) -> str:
    """A title line spaced out one character at a time ("紧 急 通 知") as the word it spells."""
    return line.replace(" ", "") if _SPACED_KIND.fullmatch(line) else line


def _undashed(line: str) -> str:
    """A title line set between dashes ("—— 九九重阳 · 敬老饺子宴 ——", a card's subtitle) as the words between."""
    dashed = _BETWEEN_DASHES.fullmatch(line.strip())
    return dashed.group(1) if dashed else line


class _Line(str):
    """A line of the page, normalized; `indented`: it opened with a paragraph indent ("　　正文…", as a notice
    copied from a PDF keeps them), so it starts a paragraph even where the line above ends mid-sentence (under a
    heading such as "二、补贴标准"); `alone`: a heading that is a paragraph of its own (a picture's in a
    transcript), the text going on under it."""
    indented = False
    alone = False
    columns = False  # a table's row set out in spaces ("二甲双胍缓释片 0.5g*30片  2盒    18.80", "擦鞋　3元")

    @classmethod
    def of(cls, raw: str, indented: bool = False, hung: bool = False) -> _Line:
        """hung: the line goes on with the item above it (_page_lines), so its indent opens no paragraph."""
        line = cls(normalize(raw))
        line.indented = indented or (bool(_INDENT.match(raw)) and not hung)
        gaps = _COLUMN_GAP.findall(raw.strip())
        line.columns = len(gaps) >= _ROW_GAPS or bool(_PRICE_COLUMN.search(raw.strip()))
        return line

    @classmethod
    def heading(cls, text: str) -> _Line:
        line = cls(text)
        line.indented = line.alone = True
        return line


# "------", "＊ ＊ ＊", "——" or a mail's "-- " over its footer: a line of marks, but not "……" trailing off from the
# sentence above
_SEPARATOR = re.compile(r"(?![…\s]+$)[^\w]+")


def _page_lines(raw: list[str]) -> list[str]:
    """The page's lines; one indented with spaces to just under the text of a numbered item above it ("4. 会员积分
    满2000分…，每月1日清零" / "   上月未兑换的代金券…", as a printed slip wraps its items) goes on with that item and
    opens no paragraph, as the lines after it at the same column do, when the last of them ends a sentence (a
    list's lines under its item end none: "2. 需携带材料" / "   户口本原件" / "   房产证"). (An indent of full-width
    spaces is a paragraph's, "　　" under "一、…" as wide as the number; so is one under "1.活动时间：…", with no space
    after it.)"""
    hung = [False] * len(raw)
    hanging = None  # the column the current item's text starts at
    for n, line in enumerate(raw):
        indent = line[:len(line) - len(line.lstrip())]
        hung[n] = hanging is not None and indent == " " * hanging and not starts_item(line.strip())
        if not hung[n]:
            hanging = _item_text_column(line)
    for wrapped, group in itertools.groupby(range(len(raw)), key=hung.__getitem__):
        run = list(group)
        if wrapped and not ends_sentence(normalize(raw[run[-1]])):  # a run of such lines that ends no sentence
            for n in run:
                hung[n] = False
    return [_Line.of(line, hung=wrapped) for line, wrapped in zip(raw, hung, strict=True)]


def _item_text_column(line: str) -> int | None:
    """The column where a numbered item's text starts after a space ("4. 会员…" → 3), None for a line that opens no
    item or has no space after its number."""
    text = line.lstrip()
    number_end = item_number_end(text)
    if not number_end or not text[number_end:number_end + 1].isspace():
        return None
    return _width(line[:len(line) - len(text[number_end:].lstrip())])  # its indent, number and the spaces after


def _width(text: str) -> int:
    """How many columns the text takes in a monospaced font, a Chinese character or full-width mark two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _without_furniture(lines: list[str]) -> list[str]:
    """The lines that are neither empty nor furniture (nor a site's menu copied one item a line), each under a
    separator ("------", "＊＊＊", furniture too) opening a paragraph: a column break may cut a sentence, a separator
    never does ("留言时长：1分48秒" / "-----" / "喂，您好…" are two)."""
    kept: list[str] = []
    separated = False
    shown = list(filter(None, lines))
    menu = menu_lines(shown)
    for n, line in enumerate(shown):
        if n in menu or is_furniture(line):
            separated = bool(_SEPARATOR.fullmatch(line))
            continue
        if separated and isinstance(line, _Line):
            line.indented = True
        separated = False
        kept.append(line)
    return kept


def _add_line(article: Article, line: str, whole_lines: bool) -> None:
    paragraphs = article.paragraphs
    indented = isinstance(line, _Line) and line.indented
    fields = _opens_field(line) and not _SPEECH_LABEL.match(line)
    # a list's item, a marked line, a heading in 【】 and a report's lead ("本报讯（…）") open a paragraph
    opens = starts_item(line) or _MARK_LED.match(line) or _BRACKETED.match(line.strip()) or _NEWS_LEAD.match(line) \
        or (bool(paragraphs) and _writes_to_an_organisation(line) and not paragraphs[-1].endswith(_MID_CLAUSE))
    if paragraphs and not whole_lines and not opens and not indented \
            and not is_list_item(paragraphs[-1]) \
            and not ends_sentence(paragraphs[-1]) and not paragraphs[-1].endswith("：") and not fields \
            and not _ENDS_WITH_EMOJI.search(paragraphs[-1][-3:]) and not _ends_a_greeting(paragraphs[-1]) \
            and not _is_heading(paragraphs[-1], line) and not is_note(paragraphs[-1]) \
            and not any(map(_stands_alone, (paragraphs[-1], line))) \
            and not _in_text_table(paragraphs, line) \
            and not (_FIGURE_FIELD.match(paragraphs[-1].strip()) and not _GOES_ON_WITH_A_FIGURE.match(line)):
        joined = paragraphs.pop()  # held by this name alone, the paragraph grows in place, not copied per line
        joined += line
        paragraphs.append(joined)
    else:
        paragraphs.append(line)


def _writes_to_an_organisation(line: str) -> bool:
    """A letter's or report's addressee alone on its line ("辛寨街道办事处民政办公室：", "各村（居）委会："): it opens
    the letter, not goes on from the title or fields above it ("…的报告" / "某某街道办事处：" are two), unless the
    line above breaks off mid-clause ("…但对照上级要求，" / "工作中仍存在一些不足之处："); "如下：" goes on."""
    name = line.strip()
    return name.endswith(("：", ":")) and is_issuer(name[:-1])


def _ends_a_greeting(paragraph: str) -> bool:
    """A greeting alone on its line, not run on after a comma or "、" ("各位乘客，晚上好" / "本次列车…")."""
    return _greets_only(paragraph) and not paragraph.rstrip().endswith(_MID_CLAUSE)


def _in_text_table(paragraphs: list[str], line: str) -> bool:
    """Whether the line is a plain-text table's row under another, or the line under its last row: rows of cells
    between bars each stand on their line ("新米 | 5斤 | 30元"), though a line of text with two bars may wrap."""
    # the growing paragraph is asked last: a long one that is no row is then not read again for each line it takes
    return (_is_table_row(line) or len(paragraphs) > 1 and _is_table_row(paragraphs[-2])) \
        and _is_table_row(paragraphs[-1])


def _is_table_row(text: str) -> bool:
    """A plain-text table's row, its first cell shorter than _FIRST_CELL_CHARS (a long paragraph is asked again for
    each line joined to it, and the pattern would read all of it)."""
    return text.find("|", 0, _FIRST_CELL_CHARS) >= 0 and bool(_TEXT_TABLE_ROW.match(text.strip()))


def _stands_alone(line: str) -> bool:
    """A list's line, its item's name and value set apart by dot leaders ("标准洗（40分钟）………… 4元/次", a price
    list's, a contents page's), a table's row set out in spaces, a heading set between dashes ("—— 价格表 ——"), a
    shop's rating, a chat's time over its message ("4月11日 17:58"), a log's entry stamped with its time, a form's
    check boxes ("□ 第一次未遇　□ 第二次未遇") or fields side by side naming a number ("证券代码：… 公告编号：…"): no
    line of a paragraph."""
    return bool(_LEADERS.search(line[-_LEADERS_REACH:]) or _DASHED_HEADING.fullmatch(line.strip())
                or (_CHECK_BOXES.fullmatch(line.strip()) and not is_byline(line.strip()))
                or (len(line) <= _FIELDS_LINE_CHARS and _numbered_fields(line))
                or _RATING.match(line) or _TIME_ALONE.fullmatch(line.strip()) or _STAMPED.match(line.rstrip())
                or (isinstance(line, _Line) and line.columns))


def _opens_field(line: str) -> bool:
    """Whether the line opens with a labelled field ("来电号码：…") or a speaker's turn, maybe after a recording's
    timecode (a call transcript's "[00:00:02] 坐席：…", "A：…"): it does not run on from the line above it."""
    said = _TIMECODE.sub("", line)
    return bool(FIELD_START.match(said) or _SPEAKER_LETTER.match(said))


def _is_heading(paragraph: str, following: str) -> bool:
    """"一、减免对象", "（二）办理时间": a numbered heading on a line of its own; the text goes on under it.

    Its words may list short phrases ("三、领多少、领多久") when the line under it is wider by more than an
    indent: a line a column broke mid-list ("一、加强蔬菜、粮油") is as wide as any line after it."""
    if _is_own_heading(paragraph):
        return True
    number_end = item_number_end(paragraph)
    words = paragraph[number_end:]
    return 0 < number_end and len(paragraph) <= _HEADING_CHARS and not re.search(r"[，。；：,;:]", words) \
        and ("、" not in words or len(following) > len(paragraph) + _INDENT_CHARS)


def _is_own_heading(line: str) -> bool:
    """A heading that is a paragraph of its own (_Line.heading): a guide's section label, a picture's in a
    transcript."""
    return isinstance(line, _Line) and line.alone


def _continue_article(article: Article, continuation: Article) -> None:
    """Glue a jumped article back together; the continuation's title names it if it had none."""
    article.paragraphs[-1] += continuation.paragraphs[0]
    article.paragraphs.extend(continuation.paragraphs[1:])
    if not article.title:
        article.title = continuation.title
