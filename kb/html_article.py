"""A saved or fetched news web page → its article: title, publication day, publisher, URL and body text.

trafilatura finds the body and reads the page's metadata (title, date from meta tags, site name, canonical
URL); it was chosen by measuring (see docs/import.md). What it does not know of Chinese pages is read
from the page's visible lines: the dateline under the headline ("发布时间：2020-03-05 来源：某局",
"2020年3月10日 来源：某报") gives the day and the publisher, and names the headline when the page's
<title> is only the site's name. The body keeps page furniture (editor lines, 原标题, share prompts):
the page splitter drops it, as it does in text files. Before extraction, data tables are said as sentences, and
an inline SVG drawing's art text (an H5 scene's) as paragraphs;
a forum thread is read as its first post, a Q&A page as its question and best answer, an event page as its fields
and description; a Notion export's properties
table (its date property, else its last-edited or creation time), a date kept only for
scripts or in the address, else an info line's 更新时间, a wiki's last-edited line or a meeting record's 时间 line
beside its 地点, dates a page that shows none (docs/import.md lists every rule).
"""
from __future__ import annotations

import codecs
import functools
import itertools
import re
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any
from urllib.parse import unquote, urlsplit

import lxml.etree
import lxml.html
import trafilatura
from trafilatura.settings import set_date_params

from .feed import newest_item
from .page import is_byline, title_start
from .places import region_names
from .text import (
    DATE_RANKS,
    HAN,
    china_day,
    ends_sentence,
    is_label,
    marked_encoding,
    normalize,
    row_sentence,
    run_on,
    said_han,
    starts_item,
    valid_day,
    written_day,
)
from .web_layout import (
    FIELD_START,
    RECORD_INDEX,
    Dateline,
    Microblog,
    is_furniture,
    is_issuer,
    is_masthead,
    is_page_kind,
    last_edited_day,
    office_of,
    post_text,
    read_answer_page,
    read_dateline,
    read_developer,
    read_event_fields,
    read_form_head,
    read_issue_day,
    read_meeting_day,
    read_owner_field,
    read_post_page,
    read_posted_day,
    read_record_head,
    read_reply_dateline,
    read_show_owner,
    read_signature,
    read_trailing_dateline,
    read_video_page,
)


def _of_class(*names: str) -> str:
    """An XPath test that an element's class list holds one of the names (a whole class, not part of one)."""
    return " or ".join(f'contains(concat(" ", normalize-space(@class), " "), " {name} ")' for name in names)


_CUSTOM_TAG = re.compile(r"<(/?)([a-z][a-z0-9]*-[a-z0-9-]*)(?=[\s>/])", re.IGNORECASE)  # a custom element's name
_CUSTOM_TAGS_SIDE_BY_SIDE = re.compile(r"(</[a-z][a-z0-9]*-[a-z0-9-]*>)(?=<[a-z][a-z0-9]*-)", re.IGNORECASE)
_CHARSET_IN_PAGE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_CHARSET_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030"}
_BLOCK_TAGS = frozenset("address article aside blockquote br center dd div dl dt figcaption footer h1 h2 h3 h4 h5 h6 "
                        "header hr li main nav ol p section table td th tr ul".split())
_READING_CHARS = 12  # a ruby's reading: a syllable's pinyin or bopomofo, a word's gloss
_UNSEEN_TAGS = ("script", "style", "noscript", "template")
_SHEET_NAME = re.compile(r"^(?:工作表|工作簿)\d*$")  # a spreadsheet's default name: "工作表1" (also "Sheet1", no Han)
_MIN_FIELD_ROWS = 3  # a table of fields: a label and its value a row
_MAIL_PARTIES = frozenset({"发件人", "收件人", "抄送"})
_TITLE_ROW = "data-title-row"  # marks a table's title row said as a line above it (a sheet's)
_DATELINE_AFTER_TITLE = 4   # lines under the headline searched for its dateline
_HEADLINE_MAX_CHARS = 80
# A pager between pages of a list or a calendar: "‹ 上一月 … 下一月 ›", "« 2024年9月 …": its arrow apart (not
# "学习«某某法»心得交流会"), a month or the page before or after named
_PAGER = re.compile(r"^(?=.*(?:\d{1,2}月|上一|下一|前一|后一|上页|下页))(?:\s*[‹«]\s|.*\s[›»]\s*(?:\S+\s*)?$)")
_HEADLINE_MIN_CHARS = 6
_SITE_NAME_SEPARATORS = frozenset("-_|｜－—–·")
_TITLE_PARTS = re.compile(r"\s*(?:[-_|｜－—–·]+|\s-\s)\s*")
_COLUMN_AFTER = re.compile(r"^(.*\S)\s*(?:[-_|｜－—–]+)\s*([^-_|｜－—–\s][^-_|｜－—–]{0,11})$")  # "headline - 栏目"
_E_PAPER = re.compile(r"(?<=报)(?:数字报|数字版|电子版|电子报)$")  # "某某晚报数字报": the paper publishes
_BYLINE_CHARS = 40
_SERVICE_NAME_CHARS = 6  # "在线预约", "网上办事大厅": a site's service after its owner's name
# "条目 - 某某百科": a wiki; "价格与开放时间 - 某某攀岩馆": a venue's own site
_SITE_NAME_END = re.compile(r"(?:网|报|新闻|发布|融媒|客户端|论坛|政府|局|委|办公室|中心|公司|集团|协会|电视台"
                            r"|馆|医院|学院|保健院|研究院|科学院|设计院|法院|检察院|学校|广播电视台|广播|电台|百科|报数字版"
                            r"|报电子版)$")
_ALT_TEXT_MIN_HAN = 20
# A photo's caption: a <figcaption>, or an element of a class news sites give one (cap, caption, pic_note, img_desc,
# pictext) beside an image; a gallery's counter before it ("1/4　") and a photo credit after it are no text of it:
# "（记者 某某 摄）", "（某某供图）", "本报记者 某某 摄", "某某/摄"
_CAPTION_CLASSES = ("cap", "caption", "pic_note", "img_desc", "pictext")
_CAPTION = f"//figcaption | //*[{_of_class(*_CAPTION_CLASSES)}]"
_GALLERY_COUNTER = re.compile(r"^\d{1,3}\s*/\s*\d{1,3}\s*")
_PHOTO_CREDIT = re.compile(r"\s*(?:[（(][^（）()]{1,30}?(?:摄|摄影|供图)[）)]"
                           r"|(?:本报|本台|本网)?(?:记者|通讯员)?[\s\u4e00-\u9fff、]{2,20}?\s*/?\s*(?:摄|摄影|供图))$")
_CAPTION_MIN_HAN = 8
_LABEL_ALONE = re.compile(r"^[\u4e00-\u9fff ]{1,6}：$")
# A form's answer choices (docs/import.md, step 5): a choice is an <option>, a <label> of a radio or check box, or a
# survey tool's radio or check box drawn as an element (问卷星's div.ui-radio); a select's placeholder says no choice
_CHOICE = ("//option | //label[.//input[@type='radio' or @type='checkbox']] | //*[contains(@class, 'ui-radio') or "
           "contains(@class, 'ui-checkbox')]")
_PLACEHOLDER = re.compile(r"[-—=_\s]*请?选择[^，。,.]{0,4}?[-—=_\s]*")
_CHOICE_MIN_HAN = 3  # a choice saying fewer (是/否, 男/女, 同意, a digit) adds only noise
_FORM_HOLDERS = ("form", "fieldset")  # the extractor drops them, with everything in them
_EXTRACTED_SHARE = 0.5  # of what the page says in sentences, below which the extractor lost the text
_ASIDE = re.compile(r"comment|reply|pinglun|footer|copyright|related|recommend|sidebar|share", re.IGNORECASE)
_HOST_NAME = re.compile(r"[\w-]+(?:\.[\w-]+)+")
_CONTROL_CLASS = re.compile(r"(?:^|[\s_-])(?:btn|button)(?:$|[\s_-])", re.IGNORECASE)  # "btn", "like-btn", "Button"
_CONTROL_MAX_CHARS = 10
_TAB_CLASS = re.compile(r"tab|accordion|collapse|toggle", re.IGNORECASE)
_THIS_SITE = frozenset({"本站", "本站原创", "本网", "本网原创", "原创"})  # 来源：本站原创 — the site itself
_TITLE_FIELD = re.compile(r"^(?:留言|信件|来信|咨询|投诉|建议)?标题\s*[:：]\s*(\S.{3,78})$")  # not "原标题："
_MICROBLOG_TITLE = re.compile(r"(\S{2,30})的微博(?:\s*[-_|]\s*微博)?")  # a 微博 post page's title: its account's name
_ON_MICROBLOG = re.compile(r".+?\s*[-_|]\s*微博")  # …or the post's opening words, then the site's name
# The publishing account of a WeChat article page (mp.weixin.qq.com), which names no "来源".
_ACCOUNT_NAME = '//*[@id="js_name"]'
# A blog's or UGC site's post (美篇, a CMS's article): its author's name beside the post's time, marked as the author
# (美篇's a.author-name, the usual .author, microdata's itemprop, rel="author"), else its <meta name="author">
_AUTHOR_NAME = f'//body//*[{_of_class("author-name", "author")} or @itemprop="author" or @rel="author"]'
_AUTHOR_META = '//meta[@name="author"]/@content'
# A job posting's employer on its company card (智联招聘's .company-name or .company__title, 前程无忧's .cname, a
# 人才网's .com-name or .company_name, schema.org's hiringOrganization), not in a list of other postings (相似职位)
_EMPLOYER_CLASSES = ("company-name", "company_name", "companyName", "company__title", "company-title", "cname",
                     "com-name", "com_name", "comp-name")
_EMPLOYER_NAME = f"//body//*[({_of_class(*_EMPLOYER_CLASSES)}) or @itemprop='hiringOrganization'][not(ancestor::li)]"
# …on a page that is a job posting: a section of it headed as one is ("职位描述", "岗位职责：", "任职要求")
_JOB_SECTION = re.compile(r"^(?:(?:职位|岗位)(?:描述|职责|要求|信息|详情|介绍)|任职(?:要求|资格)|工作职责)[:：]?$")
_GRASSROOTS_END = re.compile(r"(?:社区|街道)$")  # a community's or a subdistrict's own account: "某某街道某某社区"
# A forum thread (Discuz!, the usual Chinese forum software): its first post is the article, the replies are
# comments; the post's time ("发表于 2020-3-6 21:14") dates it and an edit notice in it is no text.
_FORUM_POST = '//*[starts-with(@id, "postmessage_")]'
_FORUM_POST_TIME = '//*[starts-with(@id, "authorposton")]'
_FORUM_EDIT_NOTICE = '//*[contains(concat(" ", @class, " "), " pstatus ")]'
# A forum thread's subject (Discuz!'s #thread_subject or h1.ts, 百度贴吧's h3.core_title_txt; a 贴吧 page titled
# "…_某某吧_百度贴吧") may open with the forum's category tags, no part of its title: "【经验】…", "[分享]…"
_FORUM_SUBJECT = ('//*[@id="thread_subject"] | //h1[contains(concat(" ", @class, " "), " ts ")]'
                  ' | //*[contains(concat(" ", @class, " "), " core_title_txt ")]')
_TIEBA_TITLE = re.compile(r"吧_百度贴吧$")
_CATEGORY_TAGS = re.compile(r"^(?:(?:【[\u4e00-\u9fff]{1,4}】|[\[［][\u4e00-\u9fff]{1,4}[\]］])\s*)+(?=\S)")
# An episode's number before a podcast's or programme's headline ("EP87 ", "Vol.12｜", "#87 ", "第87期："), set off
# from a headline of its own (6 characters at least): no part of the title. A number glued to the words after it or
# following a year ("2024年第5期工作简报", "第5期 工作简报") is a publication's issue, part of its name.
_EPISODE_NUMBER = re.compile(r"^(?:(?:EP|Vol)\.?\s*\d{1,4}|#\d{1,4}|第\s*\d{1,4}\s*期)"
                             r"(?:\s*[：:｜|丨]\s*|\s+)(?=\S.{5})", re.IGNORECASE)
# A publication time a page keeps only for its scripts, so that a saved page may show none: WeChat's
# `var ct = "<Unix seconds>"`, a portal's inline JSON `"publishTime":1594778520` / `"publish_time":"2020-07-15"`,
# a Founder e-paper's `<!--enpproperty …<date>2020-05-14</date>…-->`.
_SCRIPT_TIME = re.compile(r"""(?:\bvar\s+ct\s*=\s*|["']?(?:publish|pub)_?(?:time|date)["']?\s*[:=]\s*|"""
                          r"""<!--\s*enpproperty\b(?:(?!-->).){0,500}?<date>)["']?(\d{9,10}|\d{4}-\d{1,2}-\d{1,2})(?!\d)""",
                          re.IGNORECASE)
# a post's creation, when nothing says it was published
_CREATE_TIME = re.compile(r"""(?<![A-Za-z])["']?create_?time["']?\s*[:=]\s*["']?(\d{9,10}|\d{4}-\d{1,2}-\d{1,2})"""
                          r"(?!\d)", re.IGNORECASE)
# A post page's full time beside the time it shows without a year: a title attribute "2024-02-26 16:30", weibo's
# script's "created_at": "Mon Feb 26 16:30:00 +0800 2024"
_STAMP = re.compile(r"\d{4}-\d{2}-\d{2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?")
_CREATED_AT = re.compile(r"""["']?created_at["']?\s*[:=]\s*["']([^"'\n]{10,40})["']""")
_CREATED_AT_FORMAT = "%a %b %d %H:%M:%S %z %Y"
# MediaWiki: the footer's last-edited line, and the "[编辑]" link beside each section's heading (no text of it)
_LASTMOD_FOOTER = '//*[@id="footer-info-lastmod"]'
_EDIT_LINK = f'//*[{_of_class("mw-editsection")}]'
# …and page actions as links inside a heading: an encyclopedia's "编辑", "讨论", "上传视频" beside its entry's name
_HEADING_LINK = "//h1//a | //h2//a | //h3//a | //h4//a"
_HEADING_TAG = re.compile(r"<h[1-4][\s>]", re.IGNORECASE)
_ACTION = r"编辑|讨论|上传(?:视频|图片)|分享|收藏|打印|纠错|举报|评论|点赞|历史版本"
_ACTION_LINK = re.compile(rf"[\[【]?(?:{_ACTION})[\]】]?")
# A video player's elapsed time and length: "00:00 / 02:47", "1:02:03/1:20:00"
_PLAYER_TIME = re.compile(r"(?<![\d:])(?:\d{1,2}:)?\d{1,2}:\d{2}\s*/\s*(?:\d{1,2}:)?\d{1,2}:\d{2}(?![\d:])")
# A Notion page exported as HTML: the properties table in its header, a row a property, classed by its kind
# ("property-row-date", "property-row-created_time"), its name in the row's <th>, its value ("@2024年9月5日 15:20",
# "September 5, 2024 3:20 PM") in the <td>. Its last-edited and creation times are known by their kind, whatever
# the page's owner named them, and rank as DATE_KEYS ranks an update's and a creation's day.
_NOTION_PROPERTY = f'//table[{_of_class("properties")}]//tr[th and td]'
_NOTION_DATE = "property-row-date"
_NOTION_TIME_RANKS = {"property-row-last_edited_time": DATE_RANKS["last edited time"],
                      "property-row-created_time": DATE_RANKS["created"]}
# A Notion callout (a <figure class="callout">: an icon beside a boxed paragraph), which the extractor drops as a photo
_NOTION_CALLOUT = f'//figure[{_of_class("callout")}]'
# A Notion toggle (a list "ul.toggle" of one <details>: its <summary> a question, the answer under it)
_NOTION_TOGGLE = f'//ul[{_of_class("toggle")}]/li/details'
# An event page's description, under a heading naming it ("活动详情 · · · · · ·", "活动介绍", "演出简介")
_EVENT_DESCRIPTION = re.compile(r"^(?:活动|项目|演出|课程)?(?:详情|介绍|简介|说明)[\s·.…:：-]*$")
_HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_URL_DAY = re.compile(r"(?<!\d)(20\d{2})[-/_]?(0[1-9]|1[0-2])[-/_]?(0[1-9]|[12]\d|3[01])(?!\d)")


@dataclass(frozen=True)
class WebArticle:
    title: str
    published: date | None
    publisher: str
    url: str
    text: str  # body lines as extracted
    several: bool = False  # the text is a page of articles side by side, each a headline over its "□" byline


def decode_html(raw: bytes, declared: str | None = None) -> str:
    """Text of a page: the encoding its byte-order mark names, else the charset the server declared, else the
    page's own <meta charset>, else UTF-8/GB18030."""
    found = _CHARSET_IN_PAGE.search(raw[:4096])
    in_page = found.group(1).decode("ascii", "ignore") if found else None
    candidates = [marked_encoding(raw), declared, in_page, "utf-8", "gb18030"]
    for name in filter(None, candidates):
        codec = _codec(name)
        if codec:
            try:
                return raw.decode(codec)
            except UnicodeDecodeError:
                continue
    return raw.decode("utf-8", errors="replace")


_TWICE_MIN_LINES = 2   # a run of paragraphs given twice…
_FULL_STOP = re.compile(r"[。！？]")  # …or one paragraph that says a sentence
_TWICE_LEAD_LINES = 8  # …after at most this many lines of the own text (its headline, byline, lead)
_HEADING_MAX_CHARS = 12  # a heading the fallback's run leaves out
_LIST_ITEM = re.compile(r"^(?:[-*+•]|\d{1,2}[.、)])\s")  # "- 门口扫码开柜。" as the page reader writes an item


def _once(text: str) -> str:
    """trafilatura gives a page of a few short paragraphs twice over, its fallback's text after its own, which may
    lack the own text's first lines (a post's 【headline】 line) and its short headings: the text's last run of
    paragraphs, when it repeats the lines right before it but for such headings and the two make up all but a few
    first lines, is kept once (two equal last lines, "否" / "否" of a table, stay; a page of one paragraph under its
    heading, the paragraph holding a sentence, is given twice too: "请3日内取货。取货码：6位数字")."""
    lines = text.splitlines()
    end = len(lines)
    shortest = 1 if lines and (ends_sentence(lines[-1]) or _FULL_STOP.search(lines[-1])) else _TWICE_MIN_LINES
    datelines = {line for line in lines if read_dateline(line) is not None}  # read once, not in every run tried
    # half the lines, one more for a dateline only the copy holds
    run = next((n for n in range((end + 1) // 2, shortest - 1, -1)
                if _repeats(lines[:end - n], lines[end - n:], datelines)), 0)
    return "\n".join(lines[:end - run]) if run else text


def _left_out(line: str) -> bool:
    """A line trafilatura's fallback leaves out of its copy: a short heading, a list's item."""
    return len(line) <= _HEADING_MAX_CHARS or bool(_LIST_ITEM.match(line))


def _repeats(before: list[str], run: list[str], datelines: set[str]) -> bool:
    """Whether the run is the last lines before it, but for short headings and list items between them, after a
    few lines of lead; both end on the same line but for list items after it (the fallback's copy lacks a note's
    last "- 门口扫码开柜。"; a later section repeating an earlier one's lines under its own heading is no copy); the
    copy may hold the dateline the own text left out ("发布时间：2020-03-17" over a feed item's paragraphs)."""
    run = [line for line in run if line not in datelines or line in before] or run
    at = len(before)
    while at > 0 and before[at - 1] != run[-1] and _LIST_ITEM.match(before[at - 1]):
        at -= 1
    if at == 0 or before[at - 1] != run[-1]:
        return False
    for line in reversed(run):
        while at > 0 and before[at - 1] != line and _left_out(before[at - 1]):
            at -= 1
        if at == 0 or before[at - 1] != line:
            return False
        at -= 1
    return at <= _TWICE_LEAD_LINES


def read_html(page: str, url: str = "") -> WebArticle:
    """The article of a page (of a news feed: its newest item); an empty one (no title, no text) when the page
    does not parse as HTML."""
    item = newest_item(page)
    if item:
        page, url = item.page, item.url or url  # the item's own address, not the feed's
    page = _with_svg_text_said(_without_edit_links(_with_frames_inlined(_mini_program_tags_as_html(
        _without_ruby_readings(page)))))
    tree = trafilatura.load_html(page)
    if tree is None:
        return WebArticle(title="", published=None, publisher="", url=url, text="")
    _label_descriptions(tree)
    _tables_as_sentences(tree)
    _captions_as_paragraphs(tree)
    _callouts_as_text(tree)
    _toggles_as_text(tree)
    _images_as_text(tree)
    questions = _form_choices_said(tree)
    _without_controls(tree)
    doc = trafilatura.bare_extraction(tree, url=url or None, with_metadata=True, include_comments=False,
                                      favor_precision=True, date_extraction_params=set_date_params(False)) or {}
    post = _first_forum_post(trafilatura.load_html(page))
    tree = trafilatura.load_html(page)  # a fresh tree: reading the visible lines rewrites it
    properties_day = _properties_day(tree)  # before its tables are said as sentences
    tab_title = normalize(tree.findtext(".//title") or "")  # the <title> as the browser's tab shows it
    forum = _is_forum_thread(tree, tab_title)
    _tables_as_sentences(tree)
    page_title = normalize(doc.get("title") or "")
    nameless = _names_nothing(page_title)  # "工 作 简 报", "Sheet1": no headline, no site's name
    heading = _first_heading(tree, tab_title) if _titled_by_kind(page_title, tab_title) else ""
    lines = _visible_lines(tree)
    title, dateline = _headline(lines, heading or (_sheet_title(tree, lines) if nameless else page_title))
    record_name, record = read_record_head(lines)  # a 信息公开 record: named by its field, not the site's heading
    title = record_name or title
    post = post or _best_answer(lines, title)
    text = post[0] if post else _once(doc.get("text") or "")
    microblog = _post_page(page_title, tab_title, lines, tree, page)
    video = None if microblog else _video_page(lines, tree)
    if microblog:
        title, dateline = microblog.title, microblog.dateline
        text = "\n".join(post_text(text.splitlines())[1])
    elif video:  # its comments may say more than its caption: the extractor lost nothing
        title, dateline, text = video.title, video.dateline, "\n".join(video.lines)
    event = None if post or microblog or video else _event_page(page, lines, title)
    if event:
        text = event
    elif not post and not video and said_han(text.splitlines()) < _EXTRACTED_SHARE * said_han(lines):
        text = _text_from_the_headline(page, title)
    several = _bylined_lines(page)
    if several:  # each article's headline, byline and dateline stand in its own lines: the page has no headline
        title, dateline, text = "", None, "\n".join(several)
    # a forum post's or an answer's own time, else the dateline under the headline, else a record's head (its 发布日期
    # before a closing's day, the day it was written; its 发布机构, the office that put it online, after the closing's
    # issuer), else a notice's closing, else one under the text, else a form's head of fields ("发起单位：…"), else
    # the unit a catalogue record's info grid names as providing it (数据提供单位)
    text_lines = [] if several else text.splitlines()
    notice_lines = text_lines[:text_lines.index(questions[0])] if questions and questions[0] in text_lines \
        else text_lines  # a sign-up form's questions stand under the notice's closing
    datelines = [found for found in (post and post[1], dateline, record and replace(record, publisher=""),
                                     read_signature(notice_lines), read_trailing_dateline(notice_lines),
                                     _form_head(text_lines, title), record, read_owner_field(lines)) if found]
    account = tree.xpath(f"string({_ACCOUNT_NAME})").strip() or _organisation_author(tree) \
        or _show_owner(lines, title) or _employer(tree, lines) or read_developer(lines)
    sitename = normalize(doc.get("sitename") or "")
    sitename = "" if _HOST_NAME.fullmatch(sitename) else _not_the_headline(sitename, title)  # not "x.com.cn"
    named = next((d.publisher for d in datelines if d.publisher), "") or normalize(account)  # by the page's text
    # "来源：运营部" on a firm's own site (its tab's title names the firm), whose closing names the firm: its office;
    # so on a library's site its tab's title names ("… - 某某图书馆", "来源：采编部")
    site = _site_name(tab_title, title)
    holder = next((d.publisher for d in datelines if office_of(d.publisher, named) and d.publisher in tab_title), "") \
        or (site if office_of(site, named) else "")
    named = holder + named
    publisher = named or sitename
    if (publisher in _THIS_SITE or not publisher) and not nameless:
        publisher = _not_the_headline(site, title)
    page_url = url or doc.get("url") or ""
    title = _without_column(title, tree, lines)
    return WebArticle(
        title=_EPISODE_NUMBER.sub("", _CATEGORY_TAGS.sub("", title) if forum else title),
        # an event page: the day it says it was posted, not its event's day nor a comment's time
        published=(read_posted_day(lines) or (dateline.published if dateline else None)) if event else
        next((d.published for d in datelines if d.published and not d.rank), None) or properties_day
        or read_issue_day(lines) or _time_day(tree)
        or _iso_day(doc.get("date"))
        or _script_day(page) or _url_day(page_url)
        or next((d.published for d in datelines if d.published), None)  # "更新时间：…" only when nothing else dates it
        or _last_edited_day(tree, lines) or _meeting_day(lines, title) or read_posted_day(lines, in_items=True),
        publisher=publisher,
        url=page_url,
        text=text,
        several=bool(several),
    )


def _event_page(page: str, lines: list[str], headline: str) -> str:
    """An event page of a listings site (豆瓣同城, 活动行): its headline, its fields under it as "label：value" lines
    (web_layout.read_event_fields), then its description; its counts, buttons, comments and the events it
    recommends are no text. "" for any other page. The extractor keeps the fields alone, or the sidebar."""
    fields = read_event_fields(lines[lines.index(headline) + 1:]) if headline in lines else []
    return "\n".join([headline, *fields, *_event_description(page)]) if fields else ""


def _event_description(page: str) -> list[str]:
    """The lines of an event's description: the blocks under the heading naming it ("活动详情 · · · · · ·"), up to the
    next heading of its rank ("讨论区")."""
    tree = trafilatura.load_html(page)
    heading = next((heading for heading in tree.iter(*_HEADING_TAGS)
                    if _EVENT_DESCRIPTION.match(normalize(heading.text_content()))), None)
    if heading is None:
        return []
    blocks = itertools.takewhile(lambda block: block.tag != heading.tag, heading.itersiblings())
    return [line for block in blocks for line in _visible_lines(block)]


def _bylined_lines(page: str) -> list[str]:
    """A page of several articles side by side, each a headline over a newspaper's "□" byline (an e-paper's page):
    the visible lines of the smallest element holding every byline, from the first one's headline on (not the page's
    list of its headlines, nor its footer); [] for a page of fewer than two such bylines. The extractor keeps one
    article of such a page."""
    tree = trafilatura.load_html(page)
    if tree is None:
        return []
    _tables_as_sentences(tree)
    bylines = [element for element in tree.iter(*_BLOCK_TAGS) if _is_byline(element)]
    if len(bylines) < 2:
        return []
    holder = next(ancestor for ancestor in bylines[0].iterancestors()
                  if all(any(above is ancestor for above in other.iterancestors()) for other in bylines[1:]))
    lines = _visible_lines(holder)
    return lines[title_start(lines, next((n for n, line in enumerate(lines) if is_byline(line)), 0)):]


def _is_byline(element: Any) -> bool:  # an lxml element
    """A block that is a byline alone ("□记者 某某 通讯员 某某"): one "□", short, no sentence, no blocks inside; not
    a form's check boxes ("□是 □否")."""
    text = normalize(element.text_content())
    return is_byline(text) and len(text) <= _BYLINE_CHARS \
        and not re.search("[，。；？！]", text) and not any(True for _ in element.iterdescendants(*_BLOCK_TAGS))


def _first_forum_post(tree: Any) -> tuple[str, Dateline | None] | None:  # an lxml tree
    """A forum thread's first post (its lines) and the dateline of its time; None for a page that is no thread."""
    posts = tree.xpath(_FORUM_POST)
    if not posts:
        return None
    for notice in tree.xpath(_FORUM_EDIT_NOTICE):
        notice.drop_tree()
    times = tree.xpath(_FORUM_POST_TIME)
    return "\n".join(_visible_lines(posts[0])), read_dateline(normalize(times[0].text_content())) if times else None


def _is_forum_thread(tree: Any, tab_title: str) -> bool:  # an lxml tree
    """A forum thread's page: a Discuz! thread's subject or posts, a 贴吧 thread's title."""
    return bool(tree.xpath(_FORUM_SUBJECT) or tree.xpath(_FORUM_POST) or _TIEBA_TITLE.search(tab_title))


def _label_descriptions(tree: Any) -> None:  # an lxml tree
    """"<dt>探视时间</dt><dd>每周二…</dd>" reads "探视时间：每周二…": a description alone does not say what it
    describes, and the extractor would make the two separate list items."""
    for term in list(tree.iter("dt")):
        description = term.getnext()
        label = normalize(term.text_content()).rstrip("：:")
        if description is not None and description.tag == "dd" and label:
            description.text = f"{label}：{description.text or ''}"
            term.drop_tree()


def _mini_program_tags_as_html(page: str) -> str:
    """A mini-program's H5 page (uni-app, Taro) writes its text in custom elements, which readers take for inline
    text: its <uni-view>, <taro-view-core> are blocks (the frameworks style them as <div>), the rest are spans,
    set apart by their margins ("某某医院 2022-08-09 15:30 阅读 1.3万" from three <uni-text>s)."""
    page = _CUSTOM_TAGS_SIDE_BY_SIDE.sub(r"\1 ", page)
    return _CUSTOM_TAG.sub(lambda tag: f"<{tag[1]}{'div' if 'view' in tag[2] else 'span'}", page)


def _with_frames_inlined(page: str) -> str:
    """The page with each <iframe srcdoc="…"> replaced by the document it holds: some CMS templates put the
    whole article (headline, date, text) in one, where an extractor never looks. The page's title becomes the
    framed document's headline (the page's own names a column: "通知公告 - 某某局")."""
    if "srcdoc" not in page:
        return page
    tree = trafilatura.load_html(page)
    frames = tree.xpath("//iframe[@srcdoc]") if tree is not None else []
    for frame in frames:
        inner = trafilatura.load_html(frame.get("srcdoc"))
        if inner is None:
            continue
        headlines = inner.xpath("(//h1|//h2|//h3)[1]")
        title = tree.find(".//title")
        if headlines and title is not None:
            title.text = normalize(headlines[0].text_content())
        body = inner.find("body")
        holder = frame.makeelement("div")
        holder.extend(list(body if body is not None else []))
        frame.getparent().replace(frame, holder)
    return lxml.html.tostring(tree, encoding="unicode") if frames else page


def _without_ruby_readings(page: str) -> str:
    """The page without the readings set over its characters (<ruby>小<rt>xiǎo</rt></ruby>, a children's page's
    pinyin, with the brackets <rp> gives browsers without ruby): they say how the text sounds, and read inline
    they cut every word apart ("小xiǎo朋péng友yǒu"). The page's comments stay (an e-paper dates itself in one); a
    "reading" longer than any is markup left open, the rest of the text inside it, and is kept."""
    if "<rt" not in page.lower():
        return page
    try:
        tree = lxml.html.document_fromstring(page)
    except (lxml.etree.ParserError, ValueError):  # nothing to parse, or a declared encoding in a decoded page
        return page
    readings = [reading for reading in tree.iter("rt", "rp") if len(reading.text_content()) <= _READING_CHARS]
    for reading in readings:
        reading.drop_tree()
    return lxml.etree.tostring(tree.getroottree(), encoding="unicode", method="html") if readings else page


def _without_edit_links(page: str) -> str:
    """The page without a wiki's "[编辑]" links: a saved MediaWiki page keeps one beside each section's heading
    ("交通[编辑]"), an encyclopedia's entry its page actions inside its headings ("某某文化园 编辑 讨论 上传视频")."""
    if "mw-editsection" not in page and not (_HEADING_TAG.search(page) and re.search(_ACTION, page)):
        return page
    tree = trafilatura.load_html(page)
    links = [*tree.xpath(_EDIT_LINK), *(link for link in tree.xpath(_HEADING_LINK)
                                        if _ACTION_LINK.fullmatch(normalize(link.text_content())))] \
        if tree is not None else []
    for link in links:
        link.drop_tree()
    return lxml.html.tostring(tree, encoding="unicode") if links else page


def _with_svg_text_said(page: str) -> str:
    """The page with each inline <svg> whose <text> elements say sentences replaced by them, a paragraph per <text>:
    an H5 scene or poster (易企秀, 秀米, MAKA, 135编辑器) sets much of its text as art text there, which the
    extractor drops with the drawing. A <text> is one box of text as its designer placed it, its <tspan>s the lines
    it was cut into, maybe mid-phrase, so it reads as one line, in a <div> as the page's other boxes of text are
    (given <p>s, the extractor would keep them alone). A <text> that says no sentence (a chart's labels and figures,
    "7天", a logo's letters) is part of the drawing, and so is the cover's art headline, which the page's <title>
    holds ("这些要知道！" of "某某互认，这些要知道！"); a drawing that says nothing else stays as it was."""
    if "<svg" not in page or "<text" not in page:
        return page
    tree = trafilatura.load_html(page)
    if tree is None:
        return page
    tab_title = normalize(tree.findtext(".//title") or "")
    said = False
    for drawing in tree.xpath("//svg[.//text]"):
        lines = [line for line in map(_svg_text_line, drawing.iter("text"))
                 if said_han([line]) and line not in tab_title]
        for line in lines:
            drawing.addprevious(_paragraph(drawing, line, "div"))
        if lines:
            drawing.drop_tree()
            said = True
    return lxml.html.tostring(tree, encoding="unicode") if said else page


def _svg_text_line(text: Any) -> str:  # an lxml <text> element
    """An SVG <text>'s words on one line: each <tspan> placed by an x, y or dy of its own starts a line of the box,
    run on to the line before (run_on); a <tspan> not placed (a word in another colour) goes on in its line."""
    lines = [""]

    def read(element: Any) -> None:  # an lxml element
        if element is not text and any(element.get(place) is not None for place in ("x", "y", "dy")):
            lines.append("")
        lines[-1] += element.text or ""
        for child in element:
            read(child)
            lines[-1] += child.tail or ""

    read(text)
    return functools.reduce(run_on, filter(None, (normalize(line.replace("\n", " ")) for line in lines)), "")


def _form_choices_said(tree: Any) -> list[str]:  # an lxml tree
    """A form's numbered question ("7. 意向见习单位") offering choices (a <select>'s options, a group of radio
    buttons or check boxes) says them: its label, then each choice on a line of its own, where the form stands (the
    extractor drops forms and their controls, and with them the facts a sign-up form offers: units, posts, numbers).
    Only a choice under a numbered question's label is a form's (a site's language picker or jump menu has none); a
    placeholder ("--请选择--") is no choice, and a question whose choices say little (是/否, 男/女, digits) says
    nothing. Returns the labels of the questions said."""
    fields: dict[Any, tuple[str, list[str]]] = {}
    choices = tree.xpath(_CHOICE)
    for choice in choices:
        text = normalize(choice.text_content())
        found = _question_field(choice.getparent() if choice.tag == "option" else choice, choices)
        if found and text and not _PLACEHOLDER.fullmatch(text):
            fields.setdefault(found[0], (found[1], []))[1].append(text)
    questions = {field: question for field, question in fields.items()
                 if max(len(re.findall(HAN, text)) for text in question[1]) >= _CHOICE_MIN_HAN}
    for field, (label, said) in questions.items():
        question = field.makeelement("div")  # a paragraph a choice: the extractor drops a <ul> of short items
        question.extend(_paragraph(field, text) for text in [label, *said])
        holders = list(field.iterancestors(*_FORM_HOLDERS))
        (holders[-1] if holders else field).addprevious(question)
        if not holders:
            field.drop_tree()
    return [label for label, _ in questions.values()]


def _question_field(control: Any, choices: list[Any]) -> tuple[Any, str] | None:  # an lxml element
    """The field holding a form's answer control and its question's label: the nearest element in which text stands
    before the control, other choices of its group aside; None unless that text is a numbered question ("*7. 某某")."""
    child = control
    for field in control.iterancestors():
        before = [element for element in child.itersiblings(preceding=True)
                  if element not in choices and not any(choice in choices for choice in element.iterdescendants())]
        label = normalize((field.text or "") + "".join(element.text_content() + (element.tail or "")
                                                      for element in reversed(before)))
        if re.search(HAN, label):
            label = label.lstrip("*＊ ")
            return (field, label) if starts_item(label) else None
        child = field
    return None


def _images_as_text(tree: Any) -> None:  # an lxml tree
    """An image whose alt text holds sentences says them: an infographic ("一图读懂") often states its facts only
    there. A logo's or a photo's short alt says nothing."""
    for image in list(tree.iter("img")):
        alt = normalize(image.get("alt") or "")
        if len(re.findall(HAN, alt)) >= _ALT_TEXT_MIN_HAN and re.search("[，。；？！]", alt):
            _said_in_place(image, alt)


def _captions_as_paragraphs(tree: Any) -> None:  # an lxml tree
    """A photo's caption that says a sentence is a paragraph where it stands, without its gallery counter and photo
    credit: a photo story states its facts there, and the extractor drops a <figure> with its caption (its figure is
    then a <div>, as for a table's). A caption that is a label ("资料图", "图片来源：网络", a credit alone) stays
    as it is; an image's alt text saying the caption again is no more said."""
    for caption in tree.xpath(_CAPTION):
        # the caption's figure or slide holding the photo (maybe in a link), or an old layout's table holding it
        photo = caption.xpath("ancestor::table[1][.//img]" if caption.tag in ("td", "th")
                              else "parent::*[img or a/img or picture/img]")
        if not photo:
            continue
        said = _PHOTO_CREDIT.sub("", _GALLERY_COUNTER.sub("", normalize(caption.text_content())))
        if not (said.endswith(("。", "！", "？")) and said_han([said]) >= _CAPTION_MIN_HAN):
            continue
        for image in photo[0].iter("img"):
            alt = normalize(image.get("alt") or "")
            if alt and (alt in said or said in alt):
                del image.attrib["alt"]
        if caption.tag in ("td", "th"):  # an old table layout's caption cell keeps its place in the row
            paragraph = _paragraph(caption, said)
            caption.text = None
            for child in list(caption):
                caption.remove(child)
            caption.append(paragraph)
        else:
            paragraph = _said_in_place(caption, said)
        for figure in paragraph.iterancestors("figure"):
            figure.tag = "div"
        _out_of_slideshow(paragraph, photo[0])


def _callouts_as_text(tree: Any) -> None:  # an lxml tree
    """A Notion callout (a boxed paragraph beside an icon, in a <figure>) is text where it stands, without its icon:
    the extractor drops a figure holding no table as a photo's, and with it what a page often says first ("一句话：
    …"); the box's text, in a <div> of its own, is a paragraph (the extractor drops such a <div> too)."""
    for callout in tree.xpath(_NOTION_CALLOUT):
        for icon in callout.xpath(f'.//*[{_of_class("icon")}]'):
            icon.drop_tree()
        callout.tag = "div"
        for box in callout.iterdescendants("div"):
            if normalize(box.text_content()) and not any(child.tag in _BLOCK_TAGS for child in box):
                box.tag = "p"


def _toggles_as_text(tree: Any) -> None:  # an lxml tree
    """A Notion toggle reads as its question, a paragraph, then its answer: on a page of a few short paragraphs the
    extractor gives its text twice over (see _once), its fallback's without a <summary>, so the two runs would differ
    and both stay; a toggle heading's (its <summary> holding an <h3>) is a paragraph too, which both keep."""
    for toggle in tree.xpath(_NOTION_TOGGLE):
        for summary in toggle.findall("summary"):
            _said_in_place(summary, normalize(summary.text_content()))
        toggle.tag = "div"


def _out_of_slideshow(paragraph: Any, photo: Any) -> None:  # lxml elements
    """A slideshow's (class "slide…", which the extractor drops as page furniture) caption stands at the head of the
    text right under the slideshow, in the slides' order."""
    slideshow = photo.getparent()
    text = slideshow.getnext() if "slide" in (photo.get("class") or "") and slideshow is not None else None
    if text is not None and text.find("p") is not None:
        paragraph.tail = None
        text.insert(sum(1 for said in text if said.get("data-caption") is not None), paragraph)
        paragraph.set("data-caption", "")


def _tables_as_sentences(tree: Any) -> None:  # an lxml tree
    """Data tables say what their cells are, as the extractor would not ("个人 | 20万元 | 3年", or nothing at all
    of a cell holding paragraphs): a table with a header row says each row as a sentence ("个人：最高额度20万元，
    最长期限3年。"), a table of label/value pairs (<th>答复内容</th><td>…</td>, or plain cells of fields: see
    _is_field_table) each pair as "答复内容：…" with the value's paragraphs under it, in a <figure> too. Other tables
    without <th> (layout tables) and tables holding tables stay as they are, but for a title row merged across (a
    sheet saved as a web page); cells hidden by their style say nothing."""
    for table in list(tree.iter("table")):
        if any(True for _ in table.iterdescendants("table")):
            continue
        rows = _title_rows_said(table, [[cell for cell in row if cell.tag in ("th", "td") and not _is_hidden(cell)]
                                        for row in table.iter("tr")])
        if not rows or not all(rows):
            continue
        if _has_header_row(rows):
            lines = [_row_sentence(rows[0], row) for row in rows[1:]]
        elif all(len(row) % 2 == 0 and [cell.tag for cell in row] == ["th", "td"] * (len(row) // 2) for row in rows) \
                or _is_field_table(rows):
            lines = [element for row in rows for label, value in zip(row[::2], row[1::2], strict=True)
                     for element in _labelled(label, value)]
        else:
            continue
        for line in lines:
            table.addprevious(line)
        _unwrap_figure(table)
        table.drop_tree()


def _is_field_table(rows: list[list[Any]]) -> bool:  # lxml elements
    """A table of fields set in plain cells, each row a short label and its value ("报告编号 | QY-2025-0321",
    "委托单位 | 某某公司"), as a lookup page or a product's specification shows them; not a layout table (its cells
    hold blocks or long text, or a bullet's glyph beside each item), nor one whose first value is a label too (a
    header row, "单位 | 电话", or two columns of names, "张三 | 李四"), nor a saved mail's header (its 发件人 and
    收件人 rows), which the page's headline and dateline are read from as it stands."""
    if len(rows) < _MIN_FIELD_ROWS or any(len(row) != 2 for row in rows):
        return False
    labels = [_label_name(label) for label, _ in rows]
    blocks = any(child.tag in _BLOCK_TAGS for _, value in rows for child in value)
    return all(is_label(label) and len(label) > 1 and re.search(HAN, label) for label in labels) \
        and not is_label(_label_name(rows[0][1])) and not blocks and not _MAIL_PARTIES & set(labels)


def _unwrap_figure(table: Any) -> None:  # an lxml element
    """A table in a <figure> (a WordPress table block, an editor's <figure class="table">): the extractor keeps a
    figure holding a table but drops one without, as an image's, so once the table is said the figure is a <div>
    and its rows stay text where they stand. Its <figcaption> stays as the extractor has it: no text, as a said
    table's own <caption> is none."""
    for figure in table.iterancestors("figure"):
        figure.tag = "div"


def _title_rows_said(table: Any, rows: list[list[Any]]) -> list[list[Any]]:
    """A sheet's title (and the line under it) in a row of one cell merged across the table (colspan), as a
    spreadsheet saved as a web page has it: a line above the table, not one more row ("某某表 | ||"). The rows
    left."""
    while len(rows) > 2 and max(map(len, rows)) > 1 and len(rows[0]) == 1 \
            and (rows[0][0].get("colspan") or "1").strip() != "1":
        said = _paragraph(table, normalize(rows[0][0].text_content()))
        said.set(_TITLE_ROW, "")
        table.addprevious(said)
        rows[0][0].getparent().drop_tree()
        rows = rows[1:]
    return rows


def _sheet_title(tree: Any, lines: list[str]) -> str:  # an lxml tree
    """A sheet's title, whole ("某某须知（整理版）", which the splitter would not take for a headline): the title row
    merged across its table when the page shows nothing above it, as a spreadsheet saved as a web page does; ""
    else."""
    rows = tree.xpath(f"//*[@{_TITLE_ROW}]")
    title = normalize(rows[0].text_content()) if rows else ""
    return title if lines[:1] == [title] else ""


def _without_controls(tree: Any) -> None:  # an lxml tree
    """Buttons say what a reader can do ("拨打电话", "导航过去", "分享名片"), nothing the page is about; one with a
    number shows a state ("余号 4", "点赞 2136") and stays, and so does a tab's or an accordion's (a section's name:
    "办理条件")."""
    for element in [*tree.iter("button"), *(element for element in tree.xpath("//*[@class]")
                                            if _CONTROL_CLASS.search(element.get("class", "")))]:
        said = normalize(element.text_content())
        heading = element.get("role") == "tab" or _TAB_CLASS.search(element.get("class", ""))
        if element.getparent() is not None and len(said) <= _CONTROL_MAX_CHARS and not re.search(r"\d", said) \
                and not heading:
            element.drop_tree()  # (a <button class="btn"> is listed twice)


def _is_hidden(element: Any) -> bool:  # an lxml element
    """A table cell or row hidden by its style, as a spreadsheet's hidden column is, is no text (the extractor
    drops it too). A hidden block elsewhere may be a tab or a second page that a script shows: it stays."""
    return "display:none" in (element.get("style") or "").replace(" ", "")


def _has_header_row(rows: list[list[Any]]) -> bool:
    return len(rows) > 1 and len(rows[0]) > 1 and all(cell.tag == "th" for cell in rows[0]) \
        and all(len(row) == len(rows[0]) for row in rows)


def _row_sentence(header: list[Any], row: list[Any]) -> Any:
    labels, values = ([normalize(cell.text_content()) for cell in cells] for cells in (header, row))
    return _paragraph(row[0], row_sentence(labels, values))


def _labelled(label: Any, value: Any) -> list[Any]:
    """"答复内容：" and the paragraphs of its value, or "留言时间：2020-05-27" on one line."""
    name = normalize(label.text_content()).rstrip("：:")
    blocks = [child for child in value if child.tag in _BLOCK_TAGS]
    if blocks:
        return [_paragraph(label, f"{name}："), *blocks]
    return [_paragraph(label, f"{name}：{normalize(value.text_content())}")]


def _label_name(cell: Any) -> str:  # an lxml element
    """A label cell's name without its colon or the spaces that spread it out ("名　　称")."""
    return re.sub(r"\s+", "", normalize(cell.text_content())).rstrip("：:")


def _paragraph(near: Any, text: str, tag: str = "p") -> Any:
    paragraph = near.makeelement(tag)
    paragraph.text = text
    return paragraph


def _said_in_place(element: Any, text: str) -> Any:  # an lxml element
    """A paragraph saying the text where the element stood (an image's alt, a caption, a toggle's question), the
    text after the element kept after it."""
    paragraph = _paragraph(element, text)
    paragraph.tail = element.tail
    element.getparent().replace(element, paragraph)
    return paragraph


_STAR_BUTTON = re.compile(r"\s+[☆★]$")  # a web mail's or forum's star beside a headline, to mark it: no words


def _headline(lines: list[str], title: str) -> tuple[str, Dateline | None]:
    """The headline and its dateline: the page title where it stands as a line, maybe without the site's name
    ("…预约诊疗-新华网"), with the dateline right under it or else right above it, or a letters page's reply time
    further down; else the line above the first labelled dateline ("日期：…", "… 来源：…", a contributor's
    credit)."""
    title = max((line for line in lines if _is_headline_of(line, title)), key=len, default=title)  # not the site name
    starred = next((line for line in lines if _STAR_BUTTON.sub("", line) == title), "")  # a web mail's "… ☆"
    lines = [title if line == starred else line for line in lines]
    if title not in lines:  # "疫情期间…请收好" under the page title "【服务快讯】疫情期间…请收好"
        title = max((line for line in lines if len(line) >= _HEADLINE_MIN_CHARS and line in title), key=len,
                    default=title)
    if title in lines:
        at = lines.index(title)
        near = [*lines[at + 1:at + 1 + _DATELINE_AFTER_TITLE], *reversed(lines[max(at - _DATELINE_AFTER_TITLE, 0):at])]
        return title, next(filter(None, map(read_dateline, near)), None) or read_reply_dateline(lines[at + 1:])
    fields = [(n, found) for n, found in enumerate(map(_TITLE_FIELD.match, lines)) if found]
    if fields:  # a letters page: "留言标题：…", …, "答复时间：2020-06-03", "答复内容：…"
        at, found = fields[0]
        return found.group(1), next(filter(None, map(read_dateline, lines[at + 1:])), None)
    for at, (above, line) in enumerate(itertools.pairwise(lines)):
        dateline = read_dateline(line)
        if not dateline or len(above) > _HEADLINE_MAX_CHARS or "。" in above:
            continue
        if dateline.labelled and _PAGER.search(above):  # "‹ 2024年9月 2024年10月 2024年11月 ›": no headline
            return title, dateline
        if _record_rows(lines, at, dateline):
            continue
        if dateline.labelled:  # also a contributor's credit: "（某某供稿 2022年6月21日）"
            return above, dateline
        if dateline.publisher and dateline.published and (is_furniture(above) or is_masthead(above)):
            return title, dateline  # a bulletin's issuer and day under its issue number ("第5期"): no headline
    return title, None


def _record_rows(lines: list[str], at: int, dateline: Dateline) -> bool:
    """Whether the line at `at` and the one above it are a record's rows over its "日期：…" row ("检查实施机关：…",
    "类型：双随机抽查"): no headline. A headline led by its place ("安丘：…") is one, and so is a line under a
    breadcrumb ("当前位置：首页 > …", furniture)."""
    label = re.split(r"[:：]", lines[at], maxsplit=1)[0].strip()
    return dateline.labelled and at > 0 and FIELD_START.match(lines[at]) is not None \
        and label not in region_names() and FIELD_START.match(lines[at - 1]) is not None \
        and not is_furniture(lines[at - 1])


def _post_page(page_title: str, tab_title: str, lines: list[str], tree: Any,  # an lxml tree
               page: str) -> Microblog | None:
    """A saved 微博 post page, whose title names only its account ("某某的微博") or is the post's opening words
    ("#话题# 某某… - 微博"): the post's title, time and account, read from the page's lines under its time line (the
    account, when the title does not name it, from the post's head above it); its text is the extractor's, without
    its 【headline】 and its #hashtags#."""
    account = _MICROBLOG_TITLE.fullmatch(page_title)
    if not account and not _ON_MICROBLOG.fullmatch(tab_title):
        return None
    return read_post_page(lines, account.group(1) if account else "", _stamped_day(tree, page))


def _video_page(lines: list[str], tree: Any) -> Microblog | None:  # an lxml tree
    """A short-video page (抖音, 快手, 视频号, B站): a player (a <video>, or its time shown as "00:00 / 02:47"), the
    author's counts, the caption and its time line; the caption is the text. The author's name publishes it when it
    is an organisation's or a newsroom's ("某某供电公司", "某某发布"), not a person's nickname."""
    if next(tree.iter("video"), None) is None and not any(map(_PLAYER_TIME.search, lines)):
        return None
    video = read_video_page(lines)
    return replace(video, dateline=_organisations(video.dateline)) if video else None


def _best_answer(lines: list[str], headline: str) -> tuple[str, Dateline] | None:
    """A Q&A site's question page: the question's text and its best (else first) answer, dated by the answer's time
    (web_layout.read_answer_page) and published by its answerer only when that is an organisation."""
    if headline not in lines:
        return None
    answer = read_answer_page(lines[lines.index(headline) + 1:], headline)
    return ("\n".join(answer[0]), _organisations(answer[1])) if answer else None


def _organisations(dateline: Dateline) -> Dateline:
    """The dateline of an account's post or answer, published by the account only when it is an organisation's or a
    newsroom's ("某某供电公司", "某某发布"), not a person's nickname."""
    return dateline if _is_organisation(dateline.publisher) else replace(dateline, publisher="")


def _is_organisation(name: str) -> bool:
    """An account or author named as an organisation or a newsroom ("某某供电公司", "某某发布", "某某街道某某社区")."""
    return is_issuer(name) or bool(_SITE_NAME_END.search(name) or _GRASSROOTS_END.search(name))


def _organisation_author(tree: Any) -> str:  # an lxml tree
    """The post's author marked in the page, when an organisation writes (a community's account on 美篇): it
    publishes the post; a person's nickname publishes nothing."""
    return _marked_organisation(tree, _AUTHOR_NAME, _AUTHOR_META)


def _employer(tree: Any, lines: list[str]) -> str:  # an lxml tree
    """The employer a job posting's company card names ("某某机械有限公司"): it publishes the posting, not the
    recruitment site showing it."""
    return _marked_organisation(tree, _EMPLOYER_NAME) if any(map(_JOB_SECTION.match, lines)) else ""


def _marked_organisation(tree: Any, *paths: str) -> str:  # an lxml tree
    """The first name the page marks with one of these XPaths (elements or attribute values), when it is an
    organisation's; "" for a person's or none."""
    names = [found if isinstance(found, str) else found.text_content() for path in paths
             for found in tree.xpath(path)]
    name = next(filter(None, (normalize("".join(str(found).split())) for found in names)), "")
    return name if _is_organisation(name) else ""


def _show_owner(lines: list[str], headline: str) -> str:
    """The owner a podcast's or channel's card names near the episode's headline ("某某新闻广播 · 1.2万人订阅"), when
    it is an organisation: it publishes the episode; a person's show publishes nothing."""
    if headline not in lines:
        return ""
    at = lines.index(headline)
    near = lines[max(at - _DATELINE_AFTER_TITLE, 0):at + 1 + _DATELINE_AFTER_TITLE]
    owner = next(filter(None, map(read_show_owner, near)), "")
    return owner if _is_organisation(owner) else ""


def _form_head(lines: list[str], headline: str) -> Dateline | None:
    """The unit and day a form's or notice's head of fields under its headline names ("发起单位：某某中心", a
    sign-up form's): when no dateline or closing does, as in a text (web_layout.read_form_head)."""
    return read_form_head(lines[1:] if lines[:1] == [headline] else lines)[0]


def _stamped_day(tree: Any, page: str) -> date | None:  # an lxml tree
    """The full day a post page keeps beside a time shown without a year: its first time stamp in a title
    attribute (the time link's "2024-02-26 16:30"), else its script's created_at ("Mon Feb 26 16:30:00 +0800
    2024", a day in China)."""
    stamp = next((title for title in tree.xpath("//*[@title]/@title") if _STAMP.fullmatch(title.strip())), None)
    if stamp:
        return _iso_day(stamp.strip())
    created = _CREATED_AT.search(page)
    if not created:
        return None
    try:
        return china_day(datetime.strptime(created.group(1), _CREATED_AT_FORMAT).timestamp())
    except ValueError:
        return _iso_day(created.group(1))


def _names_nothing(page_title: str) -> bool:
    """A page title that names neither the article nor the site: a bulletin's masthead, the page's kind
    ("公告详情"), or a title without a Chinese character, as a spreadsheet saved as a web page is titled by its
    sheet's or workbook's name ("Sheet1", "v3", "Book1"; also "工作表1")."""
    return is_masthead(page_title) or not re.search(HAN, page_title) or bool(_SHEET_NAME.match(page_title))


def _titled_by_kind(page_title: str, tab_title: str) -> bool:
    """A page whose title names only the kind of page it is ("办件详情 - 某某政务网", "事项详情"): in the extractor's
    title or in the tab title's own part (the extractor takes a page's only <h1>, which may be the site's logo)."""
    return is_page_kind(page_title) or any(map(is_page_kind, _TITLE_PARTS.split(tab_title)))


def _first_heading(tree: Any, tab_title: str) -> str:  # an lxml tree
    """The heading of a page titled only by its kind: its first h1, else h2, else h3 (a column's h2 above an h1
    headline does not title it) that names what the page is about (a matter's, a job's, a data set's name); not the
    site's name in the tab title or named like a site, not a breadcrumb, not the page's kind again; "" when none
    does."""
    headings = (normalize(heading.text_content()) for level in ("h1", "h2", "h3") for heading in tree.iter(level))
    return next((text for text in headings if re.search(HAN, text) and text not in tab_title
                 and not _SITE_NAME_END.search(text) and not is_page_kind(text) and not is_furniture(text)), "")


def _without_column(title: str, tree: Any, lines: list[str]) -> str:  # an lxml tree
    """A title without the column's name the page title gives after the headline ("某某演出季来了 - 文化娱乐 -
    某某论坛": the extractor drops the site's name), when a link of the page (its menu's, its breadcrumb's) names
    the column and no line of the page shows the title whole (a headline "国家级非遗—杨家埠木版年画" keeps its
    words, a tag's link named like them or not)."""
    found = _COLUMN_AFTER.match(title)
    if not found or any(title in line for line in lines):
        return title
    named = any(normalize(link.text_content()) == found.group(2) for link in tree.iter("a"))
    return found.group(1) if named else title


def _not_the_headline(site_name: str, headline: str) -> str:
    """A site's name, or none when it is the headline again (the extractor takes a title's part with a dot for the
    site's name: "…6.8万名中小学生…")."""
    return "" if headline and headline in site_name else site_name


def _site_name(page_title: str, headline: str) -> str:
    """The site's name in a page title beside the headline or a column's name ("栏目_某某公司", "某某网--栏目",
    or the name alone): the part named like a site or publisher, else the title when it has one part only; an
    e-paper's ("某某晚报数字报") is its paper's."""
    rest = page_title.replace(headline, " ") if headline else page_title
    parts = [part for part in _TITLE_PARTS.split(rest) if part.strip()]
    named = [name for part in parts if (name := _named_site(part))]
    name = named[-1] if named else parts[0].strip() if len(parts) == 1 and rest == page_title else ""
    return _E_PAPER.sub("", name)  # "某某晚报数字报": the paper's name


def headline_of(page_title: str) -> str:
    """The headline in a page title that ends in the site's name ("…满塘荷花-潍坊新闻网", as a web clipper keeps a
    tab's title); the title as it is for any other."""
    found = _COLUMN_AFTER.match(page_title)
    named = found and len(found.group(1)) >= _HEADLINE_MIN_CHARS and _named_site(found.group(2)) \
        and "—" not in page_title[found.end(1):found.start(2)]  # "…的坚守——记某某医院": a subtitle
    return found.group(1) if found and named else page_title


def _named_site(part: str) -> str:
    """A page title's part named like a site or publisher, or such a name before its service's ("某某保健院 在线预约");
    "" for any other."""
    words = part.split()
    if _SITE_NAME_END.search(part.strip()):
        return part.strip()
    return words[0] if len(words) == 2 and len(words[1]) <= _SERVICE_NAME_CHARS and _SITE_NAME_END.search(words[0]) \
        else ""


def _is_headline_of(line: str, title: str) -> bool:
    """"潍坊市人民医院16日起全面恢复门诊" in the page title "潍坊市人民医院16日起全面恢复门诊-新华网" (or
    "某某晚报数字报-网吧5月15日起恢复营业")."""
    if len(line) < _HEADLINE_MIN_CHARS or line == title:
        return False
    after, before = title.removeprefix(line), title.removesuffix(line)
    return (after != title and after.lstrip()[:1] in _SITE_NAME_SEPARATORS) or \
        (before != title and before.rstrip()[-1:] in _SITE_NAME_SEPARATORS)


def _text_from_the_headline(page: str, headline: str) -> str:
    """Where the extractor kept less than half of what a page says in sentences (a newsletter laid out in table
    cells of spans): the page's lines from the headline on, without sections marked as comments, sidebars or
    footers, for the splitter to drop the rest of their furniture."""
    tree = trafilatura.load_html(page)
    _tables_as_sentences(tree)
    for element in tree.xpath("//*[@class or @id]"):
        if _ASIDE.search(f"{element.get('class', '')} {element.get('id', '')}"):
            element.drop_tree()
    lines = _visible_lines(tree)
    return "\n".join(lines[lines.index(headline):] if headline in lines else lines)


def visible_lines(page: str) -> list[str]:
    """An HTML text's lines as a reader sees them (a mail's covering note)."""
    return _visible_lines(lxml.html.fromstring(page)) if page.strip() else []


def _visible_lines(tree: Any) -> list[str]:  # an lxml tree: lxml ships no types
    """The page's text as a reader sees it, one line per block element (to find the headline and its dateline, and
    the text where the extractor lost it)."""
    for element in [*tree.iter(*_UNSEEN_TAGS), *filter(_is_hidden, tree.iter("tr", "td", "th"))]:
        element.drop_tree()
    for label in _label_cells(tree):  # "时 间：" (a record's "发布日期") in a cell, its value in the next: one line
        value = label.getnext()
        if value is not None and value.tag in ("td", "th"):
            value.text = f"{_label_name(label)}：{value.text or ''}"
            label.drop_tree()
    for element in tree.iter():
        element.text = element.text and element.text.replace("\n", " ")
        element.tail = (element.tail or "").replace("\n", " ")
        if element.tag in _BLOCK_TAGS:  # a line of its own: "发布时间：…" in a <center> before the text's <table>
            element.text = "\n" + (element.text or "")
            element.tail = "\n" + element.tail
    body = tree.find("body")
    text = (body if body is not None else tree).text_content()
    return [line for line in map(normalize, text.split("\n")) if line]


def _label_cells(tree: Any) -> list[Any]:  # an lxml tree
    """Table cells that are a label alone, its value in the next cell: "时 间：", or the left cell of each pair in a
    信息公开 record's table of fields, which writes its labels without a colon ("索引号", "名　　称", "发布日期")."""
    labels = [cell for cell in tree.iter("td", "th") if _LABEL_ALONE.match(normalize(cell.text_content()))]
    for table in tree.iter("table"):
        rows = [[cell for cell in row if cell.tag in ("td", "th")] for row in table.iter("tr")]
        if any(True for _ in table.iterdescendants("table")) or any(len(row) % 2 for row in rows):
            continue
        if any(RECORD_INDEX.fullmatch(_label_name(cell)) for row in rows for cell in row[::2]):
            labels += [cell for row in rows for cell in row[::2] if cell not in labels]
    return labels


def _time_day(tree: Any) -> date | None:  # an lxml tree
    """The day of the page's first <time datetime="…"> outside lists, sidebars and footers (those date other items):
    a byline "市自然资源和规划局 · <time datetime="2021-03-09T08:30">星期二 08:30</time>"."""
    stamps = tree.xpath("//time[@datetime][not(ancestor::li or ancestor::aside or ancestor::nav or ancestor::footer)]"
                        "/@datetime")
    return _iso_day(stamps[0]) if stamps else None


def _last_edited_day(tree: Any, lines: list[str]) -> date | None:  # an lxml tree
    """The day a wiki page was last edited, which dates a page that names no publication day: from the element
    MediaWiki marks as its footer's last-edited line, else a visible line in a wiki's last-edited wording."""
    marked = tree.xpath(f"string({_LASTMOD_FOOTER})")
    return last_edited_day(normalize(marked), marked=True) if marked.strip() \
        else next(filter(None, map(last_edited_day, lines)), None)


def _meeting_day(lines: list[str], headline: str) -> date | None:
    """The day a meeting record (a press conference's 图文实录) was held, from the 时间 and 地点 lines under its
    headline: such a record is published that day."""
    return read_meeting_day(lines[lines.index(headline) + 1:]) if headline in lines else None


def _properties_day(tree: Any) -> date | None:  # an lxml tree
    """The day a Notion page's properties table dates it by, as the same page's front matter would in a Markdown
    export (DATE_KEYS): a date property named as a publication day (日期, Date, 发布日期), else the time it was last
    edited (its text as it stands now), else the time it was created; a date property named otherwise (截止日期, an
    event's 活动时间) dates nothing. A range ("@2024年9月5日 → 2024年9月8日") is dated by its start."""
    days: list[tuple[int, date]] = []
    for row in tree.xpath(_NOTION_PROPERTY):
        kind = next((name for name in (row.get("class") or "").split() if name.startswith("property-row-")), "")
        name = normalize(row.find("th").text_content()).lower()
        rank = DATE_RANKS.get(name) if kind == _NOTION_DATE else _NOTION_TIME_RANKS.get(kind)
        day = written_day(row.find("td").text_content())
        if rank is not None and day:
            days.append((rank, day))
    return min(days, key=lambda found: found[0])[1] if days else None


def _iso_day(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def _url_day(url: str) -> date | None:
    """The day in a page's address, as portals file their articles: ".../202004/t20200415_5612345.html",
    ".../2020-04/15/content_1.htm"."""
    found = _URL_DAY.search(urlsplit(url).path)
    return valid_day(*found.groups()) if found else None


def _script_day(page: str) -> date | None:
    """A day kept only for the page's scripts: "publishTime", a post's "createTime" (also in percent-encoded JSON,
    as a short-video page keeps its data), a Founder e-paper's property comment."""
    decoded = unquote(page) if "%22" in page else ""
    found = next(filter(None, (pattern.search(text) for pattern in (_SCRIPT_TIME, _CREATE_TIME)
                               for text in (page, decoded))), None)
    if not found:
        return None
    value = found.group(1)
    if value.isdigit():
        return china_day(int(value))
    return valid_day(*value.split("-"))


def _codec(name: str) -> str | None:
    name = _CHARSET_ALIASES.get(name.lower(), name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None
