"""Small text helpers shared by the parser, the extractors and the answers."""
import codecs
import re
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from typing import TypeVar

import zhconv

HAN = r"[\u4e00-\u9fff]"
PARAGRAPH_START = "\u3000\u3000"  # a Chinese paragraph's indent: the pasted-text reader starts a paragraph there
T = TypeVar("T", int, tuple[int, int], tuple[int, int, int])

# The page mixes half-width punctuation into Chinese text; answers read better with the full-width forms.
_FULL_WIDTH = str.maketrans({",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"})
_CLOCK_OR_THOUSANDS = re.compile(r"(?<=\d)[：:]\d{2}(?!\d)|(?<=\d)[，,]\d{3}(?!\d)")  # "8:30", "1,200" stay as written
_SENTENCE_END = re.compile(r"(?<=[。！？；])(?![”’」])|(?<=[。！？；][”’」])")
_MONTH_DAYS = re.compile(r"(\d{1,2})月(\d{1,2})日((?:、\d{1,2}日)*)")
# Markdown's bold mark ("**要点**", a stray "综合协调**") is no text; a mask's stars are ("138****6627", "13**5678")
_BOLD = re.compile(r"(?<![\d*])\*\*(?!\*)|(?<!\*)\*\*(?![\d*])")


def normalize(text: str) -> str:
    """Full-width punctuation (not inside "8:30" or "1,200"), no markdown emphasis, single spaces."""
    text = _BOLD.sub("", text).translate(_FULL_WIDTH)
    text = _CLOCK_OR_THOUSANDS.sub(lambda m: m.group(0).replace("：", ":").replace("，", ","), text)
    return re.sub(r"[ \t\u3000]+", " ", text).strip()


# a title given in two languages, halves apart by " / " ("[…상무국] … 안내 / 关于…的通知", "更新日志 / CHANGELOG")
_LANGUAGE_HALVES = re.compile(r"\s+[/／]\s+")
# the other half is a language when it has Hangul or kana, two Latin words or a long one ("CHANGELOG"); "WiFi",
# "PDF" are names
_LANGUAGE = re.compile(r"[\uac00-\ud7af\u3040-\u30ff]|[A-Za-z]+[\s,.'-]+[A-Za-z]+|[A-Za-z]{6}")
_BRACKET_PAIRS = (("（", "）"), ("(", ")"), ("【", "】"), ("[", "]"), ("《", "》"))


def in_chinese(title: str) -> str:
    """A title given in Chinese and in another language as its Chinese half; any other title as it is: not a slash
    inside brackets ("（中英双语字幕 / bilingual）") nor between two names of one title ("A / B栋停水通知", "4G / 5G
    套餐资费调整通知": the Chinese side goes on from the other's last word)."""
    halves = _LANGUAGE_HALVES.split(title)
    if len(halves) != 2:
        return title
    first, second = halves
    chinese_first = bool(re.search(HAN, first))
    if chinese_first == bool(re.search(HAN, second)):
        return title
    chinese, other = (first, second) if chinese_first else (second, first)
    # a name the Chinese side goes on from: "A / B栋…", "4G / 5G 套餐…", "Python / Java 课程…"
    glued = re.search(rf"(?<={HAN})\s?[0-9A-Za-z]{{1,8}}$", chinese) if chinese_first \
        else re.match(rf"[0-9A-Za-z]{{1,8}}\s?(?={HAN})", chinese)
    balanced = all(chinese.count(o) == chinese.count(c) for o, c in _BRACKET_PAIRS)
    return chinese.strip() if _LANGUAGE.search(other) and not glued and balanced \
        and len(re.findall(HAN, chinese)) >= 2 else title


def ends_sentence(text: str) -> bool:
    return text.endswith(("。", "！", "？", "；", "”", "’", "」"))


_BULLETS = ("-", "•", "·")
_STAR_BULLET = re.compile(r"[*＊]\s")  # "* 每期48个摊位" in a plain-text file, not "**重要**" nor "*注："
_KEYCAP_NUMBER = r"(?:\d\ufe0f?\u20e3)+|\U0001f51f"  # "1️⃣", "🔟": a post's numbered items
_ITEM_START = re.compile(f"[{re.escape(''.join(_BULLETS))}①-⑳]|{_STAR_BULLET.pattern}|{_KEYCAP_NUMBER}|"
                         r"[一二三四五六七八九十]{1,3}、|\d{1,2}[.．、](?!\d)|[（(\[［【][一二三四五六七八九十\d]{1,3}[)）\]］】]")


def is_list_item(line: str) -> bool:
    """A bulleted item ("- 综合协调 （0536-…）"): kept whole, never joined to the lines around it."""
    return line.startswith(_BULLETS) or bool(_STAR_BULLET.match(line))


def starts_item(line: str) -> bool:
    """Whether the line opens an item of a list: "① ", "三、", "2.", "（1）", "- "."""
    return item_number_end(line) > 0


def item_number_end(line: str) -> int:
    """Where the number or bullet of an item ends ("10、减免对象" → 3), 0 for a line that opens no item."""
    match = _ITEM_START.match(line)
    return match.end() if match else 0


_LABEL_CHARS = 8  # "发文机关", "成文日期", "上课日期": a table's labels are this short


def is_label(text: str) -> bool:
    """A table's label: a few characters, no number ("上午班", not "9:00—10:30")."""
    return 0 < len(text) <= _LABEL_CHARS and not re.search(r"\d", text)


_SERIAL_LABEL = re.compile(r"^(?:序号|编号|序|No\.?)$", re.IGNORECASE)
# a column's label that names no attribute ("项目 | 内容": the row's name and what it says), or asks what its cells
# say and nothing more ("时间 | 发生了什么", "问题 | 怎么办"): its cells say it all
_BARE_LABEL = re.compile(r"^(?:具体|详细)?(?:内容|说明|情况|信息|详情|描述)$"
                         r"|^(?:发生了?什么|怎么办|怎么做|怎么回事|是什么)[？?]?$")
# a label asking about something ("天气怎样", "换什么"): said as a question and its answer ("换什么：5斤大米")
_ASKING_LABEL = re.compile(r"(?:什么|怎么办|如何|怎样)[？?]?$")


def row_sentence(labels: list[str], values: list[str]) -> str:
    """A table row said as a sentence under its header row: "个人：最高额度20万元，最长期限3年。"; a row's serial
    number ("序号" 1, 2, …) names nothing, so the next cell names the row; a label such as "内容" is left out."""
    if len(labels) > 2 and _SERIAL_LABEL.match(labels[0].strip()) and values[0].strip().isdigit():
        labels, values = labels[1:], values[1:]
    said = "，".join(_cell(label, value)
                    for label, value in zip(labels[1:], values[1:], strict=True) if value)
    return f"{values[0]}：{said.rstrip('。')}。"


def _cell(label: str, value: str) -> str:
    """A cell under its column's label, as row_sentence says it."""
    unspaced = re.sub(r"\s+", "", label)
    if _BARE_LABEL.match(unspaced):
        return value
    return f"{label}：{value}" if _ASKING_LABEL.search(unspaced) else label + value


def run_on(line: str, wrapped: str) -> str:
    """A line and the words wrapped onto the next one, joined again: with a space between two English words, else
    none (a cut between Chinese characters is no word break)."""
    return f"{line} {wrapped}" if re.search(r"[A-Za-z]$", line) and re.match(r"[A-Za-z]", wrapped) else line + wrapped


def said_han(paragraphs: list[str]) -> int:
    """Chinese characters in whole sentences and in numbered items ("3. 申报截止6月30日"): what an article says,
    unlike a list of links."""
    return sum(len(re.findall(HAN, p)) if starts_item(p) else
               sum(len(re.findall(HAN, s)) for s in sentences(p) if ends_sentence(s)) for p in paragraphs)


_CONTENTS_HEADING = re.compile(r"^(?:目录|目次|contents)+$", re.IGNORECASE)


def is_contents_heading(line: str) -> bool:
    """"目录", "目 录", "目次", "CONTENTS": the heading of a contents list (a deck's contents slide, a manual's)."""
    return bool(_CONTENTS_HEADING.match("".join(line.split())))


def sentences(paragraph: str) -> list[str]:
    """Split a paragraph after 。！？； (a closing quote stays with its sentence)."""
    return [s.strip() for s in _SENTENCE_END.split(paragraph) if s.strip()]


def days_done_and_ahead(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The (month, day)s a text reports as done, and those it sets ahead of itself (set_ahead); "2月9日、16日"
    counts as two days."""
    return done_and_ahead(text, _MONTH_DAYS, _days_of)


def done_and_ahead(text: str, pattern: re.Pattern[str],
                   read: Callable[[re.Match[str]], list[T]]) -> tuple[list[T], list[T]]:
    """What `read` takes from each match of `pattern` in the text: of the days it reports as done, and of those it
    sets ahead of itself (set_ahead)."""
    done: list[T] = []
    ahead: list[T] = []
    for match in pattern.finditer(text):
        (ahead if set_ahead(text, match) else done).extend(read(match))
    return done, ahead


def dating(done: list[T], ahead: list[T]) -> T | None:
    """What dates a text without a publication day: the latest it reports as done; a text that only sets days ahead
    (deadlines, plans) was written before them: the earliest of those."""
    return max(done) if done else min(ahead) if ahead else None


def _days_of(match: re.Match[str]) -> list[tuple[int, int]]:
    month, day, more = match.groups()
    return [(int(month), int(d)) for d in [day, *re.findall(r"\d+", more)]]


# A day set ahead: a deadline, a plan, an end or a start ("3月31日前", "将于5月8日", "有效期至2033年5月20日",
# "4月1日起"; a span's start and end: "1月25日至2月23日", "11月1日—次年3月31日", a season or a schedule). A text is
# written before such days, so they do not date it; "截至2月15日" reports a day done.
# "到" only after a day ("3月1日到3月20日") or a verb of lasting or moving a day ("一直开到…", "延长到…", "改到…"):
# not "截止到", "收到", "直到", "接到"
_SPAN = r"(?<!截)至|(?<=[日号])到|(?:延长|推迟|顺延|延期|改|开|滑|营业|持续)到|[—–～~-]"
_AHEAD_BEFORE = re.compile(rf"(?:将于|定于|拟于|预计于?|计划于?|{_SPAN})(?:\d{{4}}年|次年)?$")
_AHEAD_AFTER = re.compile(rf"(?:前|以前|之前|止|截止|起|开始|(?:{_SPAN})\s*(?:次年|\d{{4}}年)?\d{{1,2}}月)")


def set_ahead(text: str, match: re.Match[str]) -> bool:
    """Whether the day matched in the text is one it sets ahead of itself (see _AHEAD_BEFORE)."""
    return bool(_AHEAD_BEFORE.search(text[max(0, match.start() - 10):match.start()])
                or _AHEAD_AFTER.match(text, match.end()))

# A video's caption or script line labelled as what is shown or heard ("［名牌］…", "【画面字幕】…", "【同期声】"):
# a line of its own, neither a headline's nor the sentence's around it
SHOWN_LABEL = re.compile(r"^[【［\[](?:名牌|人名条|字幕条?|画面(?:字幕)?|屏幕|同期声?|解说|画外音|旁白)[】］\]]")

# An article's date as the knowledge base writes it: "2020年2月24日", "2020年2月" or "2020年".
DATE_PARTS = re.compile(r"(\d{4})年(?:(\d{1,2})月)?(?:(\d{1,2})日)?")


# What dates a text, best first, as note apps, site generators and CMS exports name it in front matter, and web
# pages label it in their info line (a 信息公开 record its 发布日期/公开日期 and 成文日期/生成日期): its publication
# day; else the day its text was last changed (the text as it stands now); else the day it was made (written).
DATE_KEYS = (("date", "日期", "发布日期", "发布时间", "公开日期", "published", "pubdate", "publishdate", "publishtime",
              "拟发布日期", "拟发布时间"),  # a draft's: the day it is to be published
             # lastUpdated: VitePress's; last_modified_at: Jekyll's
             ("updated", "modified", "date modified", "lastmod", "lastupdated", "last_modified_at", "last edited time",
              "更新时间", "更新日期", "最后更新", "最近更新", "最近编辑", "最后编辑", "修改时间"),
             ("created", "date created", "createtime", "创建时间", "成文日期", "生成日期", "制表日期", "制表时间"))
DATE_RANKS = {key: rank for rank, keys in enumerate(DATE_KEYS) for key in keys}


def valid_day(year: int | str, month: int | str, day: int | str) -> date | None:
    """The day, or None when there is no such day (2月30日)."""
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def china_day(timestamp: float) -> date:
    """The day in China (UTC+8) of a Unix timestamp: "1594778520" was published on 2020-07-15 there."""
    return datetime.fromtimestamp(timestamp, _CHINA_TIME).date()


_CHINA_TIME = timezone(timedelta(hours=8))
# A date field's Unix time, in seconds or milliseconds (Dendron's "created: 1741435380000"), from 2000 to 2033: a
# YYYYMMDDHH stamp ("2025030812") or a 400 number would be a time after that
_UNIX_TIME = re.compile(r"(\d{10})(?:\d{3})?")
_UNIX_TIMES = range(946_684_800, 2_000_000_000)


def unix_day(value: str) -> str:
    """A Unix time's day in China as YYYY-MM-DD, or "" for any other value."""
    found = _UNIX_TIME.fullmatch(value.strip())
    return china_day(int(found.group(1))).isoformat() if found and int(found.group(1)) in _UNIX_TIMES else ""


_NUMBERED_DAY = re.compile(r"(20\d{2})\s*[年/.-]\s*(\d{1,2})\s*[月/.-]\s*(\d{1,2})")
ENGLISH_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH = rf"({'|'.join(ENGLISH_MONTHS)})[a-z]*\.?"
# "Tuesday, September 12, 2023 10:05 AM", "Tue, 12 Sep 2023 10:05:00 +0800" (its comma full-width in a pasted text)
_ENGLISH_DAY = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})[,，]?\s+(20\d{{2}})|\b(\d{{1,2}})\s+{_MONTH}[,，]?\s+(20\d{{2}})",
                          re.IGNORECASE)


def written_day(value: str) -> date | None:
    """The day a date written out by a program gives (a forwarded mail's header, a note app's property): "2023年9月12日
    (星期二) 上午10:05", "@2023年9月12日 10:05", "2023-09-12 10:05", "Tuesday, September 12, 2023 10:05 AM", "Tue, 12
    Sep 2023 10:05:00 +0800"."""
    numbered = _NUMBERED_DAY.search(value)
    if numbered:
        return valid_day(*numbered.groups())
    english = _ENGLISH_DAY.search(value)
    if not english:
        return None
    month, day, year = english.groups()[:3] if english.group(1) else english.group(5, 4, 6)
    return valid_day(year, ENGLISH_MONTHS.index(month[:3].lower()) + 1, day)


def simplified(text: str) -> str:
    """The text in simplified characters when it is written in traditional ones (a Hong Kong or Taiwan outlet's
    report): questions are simplified and answers are read in simplified. Simplified text is left as written."""
    characters = re.findall(HAN, text)
    forms = {c: zhconv.convert(c, "zh-cn") for c in set(characters)}
    changed = sum(forms[c] != c for c in characters)
    if not characters or changed < _TRADITIONAL_SHARE * len(characters):
        return text
    converted: str = zhconv.convert(text, "zh-cn")
    return converted


def printable(text: str) -> str:
    """The text without control characters, which show nothing and which PostgreSQL will not store: a PDF's glyph that
    its font maps to no character (U+0000), a terminal's colour codes (all of "ESC[1;32m", not only its ESC: a forum
    post saved from a terminal); a page break (pdftotext's form feed) ends a line."""
    return _CONTROL.sub("", _PAGE_BREAK.sub("\n", _TERMINAL_CODE.sub("", text)))


_TERMINAL_CODE = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]")  # ECMA-48's control sequence: parameters, then a final byte
_PAGE_BREAK = re.compile(r"[\f\v]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_TRADITIONAL_SHARE = 0.05  # of the Chinese characters differ from their simplified forms


# UTF-32's marks first: UTF-32-LE's begins with UTF-16-LE's
_BYTE_ORDER_MARKS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
                     (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def decoded(raw: bytes, declared: str | None = None) -> str | None:
    """A text's characters: in the encoding its byte-order mark names, the declared charset, UTF-8 or GB18030 (a
    charset declared as GB2312 may hold GBK's characters); None when none of them reads it."""
    for codec in filter(None, (marked_encoding(raw), declared, "utf-8", "gb18030")):
        try:
            return raw.decode(codec).removeprefix("\ufeff")
        except (UnicodeDecodeError, LookupError):
            continue
    return None


def marked_encoding(raw: bytes) -> str | None:
    """The encoding a byte-order mark names (Notepad's "Unicode" and Internet Explorer save UTF-16 with one): it
    decides over any charset declared, as in browsers."""
    return next((codec for mark, codec in _BYTE_ORDER_MARKS if raw.startswith(mark)), None)


# A character of a line for the spacing rule: the full-width space of an indent ("　　为…") counts as one.
_CHAR = r"[^ \t\r\n]"
_GAP = re.compile(f"{_CHAR}( ?)(?={_CHAR})")  # what stands between a character and the next: "" or one space
_HAN_GAP = re.compile(f"{HAN}( ?)(?={_CHAR})")
_SPACES_BETWEEN = re.compile(f"(?<={_CHAR}) +(?={_CHAR})")
_SPACED_SHARE = 0.8  # of the gaps after a character hold one space in text copied from some PDF viewers
_SPACED_MIN_HAN = 30  # Chinese characters followed by one space: fewer is a text with a few spaces, not spaced out


# An export's head written as comments, as tools write them ("# 导出时间：…", "## …", a bare "#"), maybe between rules
# ("#####", "#=====", "# -----"); not a topic tag ("#话题#", "# 话题 #")
_COMMENT_RULE = re.compile(r"#+[ \t]*[-=*~_#]{4,}")
_COMMENT = re.compile(r"#{1,2}(?:[ \t　]+(\S.*(?<!#)))?")


def uncommented_head(text: str) -> str:
    """A text whose first lines are comments ("# 智能客服知识库导出", "# 导出时间：…", maybe apart by blank lines) with
    those lines as plain lines, between the rules as they were: its first comment names it and the others are its
    fields, not one run of "#"s joined into a title."""
    lines = text.splitlines()
    start = next((n for n, line in enumerate(lines) if line.strip()), len(lines))
    end = next((n for n, line in enumerate(lines[start:], start=start) if line.strip()
                and not (_COMMENT_RULE.fullmatch(line.strip()) or _COMMENT.fullmatch(line.strip()))), len(lines))
    head = [(found.group(1) or "") if (found := _COMMENT.fullmatch(line.strip())) else line
            for line in lines[start:end]]
    if head == lines[start:end]:
        return text
    return "\n".join([*lines[:start], *head, *lines[end:]]) + ("\n" if text.endswith("\n") else "")


def closed_up(text: str) -> str:
    """Text copied out of some PDF viewers puts a space between every two characters ("关 于 停 水 …",
    "2 0 2 1 年", "W i F i   z o n e"): when nearly every Chinese character of a text is followed by one space,
    its spaced-out lines lose those spaces, and a wider gap (a word's space, spaced too) becomes one space. Line
    breaks, an indent ("　 　 为" → "　　为") and lines written without the spaces (a sender's own line) stay."""
    if not _spaced_out(_HAN_GAP.findall(text), _SPACED_MIN_HAN):
        return text
    return re.sub(r"[^\n]+", lambda line: _closed_up_line(line.group()), text)


def _closed_up_line(line: str) -> str:
    if not _spaced_out(_GAP.findall(line), 1):
        return line
    return _SPACES_BETWEEN.sub(lambda gap: "" if len(gap.group()) == 1 else " ", line)


def _spaced_out(gaps: list[str], least: int) -> bool:
    spaced = gaps.count(" ")
    return spaced >= least and spaced >= _SPACED_SHARE * len(gaps)


# Voice input (a phone's speech-to-text: a note app's dictation, WeChat's 语音转文字) writes no sentence marks; its
# phrases stand apart by spaces, a paragraph a line.
_SENTENCE_MARK = re.compile("[。！？，；]")
_PHRASE_GAP = re.compile(rf"(?<={HAN})[ \u3000]+(?=[\u4e00-\u9fff\d])|(?<=\d)[ \u3000]+(?={HAN})")
_SPOKEN_MIN_HAN = 60  # in a line: fewer is a label or a header ("【语音转文字】2023年…"), not speech


def punctuated(text: str) -> str:
    """Text as voice input writes it, its lines read as sentences: in a line of at least 60 Chinese characters
    without a sentence mark, the spaces between phrases (between Chinese characters, or one and a digit) become "，"
    and its end "。". The caller applies it only to a text that says nothing in sentences; shorter lines stay."""
    return re.sub(r"[^\r\n]+", lambda line: _spoken_sentences(line.group()), text)


def _spoken_sentences(line: str) -> str:
    if _SENTENCE_MARK.search(line) or not _PHRASE_GAP.search(line) or len(re.findall(HAN, line)) < _SPOKEN_MIN_HAN:
        return line
    said = _PHRASE_GAP.sub("，", line.rstrip())
    return said if ends_sentence(said) else said + "。"


CHINESE_DIGITS = {digit: n for n, digit in enumerate("〇一二三四五六七八九")} | {"零": 0}


def chinese_number(text: str) -> int:
    """"八", "十一", "二十五" (up to 九十九) → 8, 11, 25."""
    tens, ten, ones = text.partition("十")
    if not ten:
        return CHINESE_DIGITS[text]
    return (CHINESE_DIGITS[tens] if tens else 1) * 10 + (CHINESE_DIGITS[ones] if ones else 0)
