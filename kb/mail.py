"""An e-mail saved as it was received (.txt or .eml: RFC 822 header lines, then a MIME body), read with the
standard `email` package: the Subject is its title, the Date its day, a Chinese sender's name its publisher and
its text part (else its HTML part) its body; its attachments are kept for the importer to choose from. A mail that
only forwards another one is that one's text, sender and day (`forwarded`); one that encloses it whole (a message/rfc822
part: a delivery failure notice, a forward as attachment) is read as that message (`_enclosed_article`); a reply keeps
the message it quotes, without that message's header lines (`without_quoted_headers`). A calendar
invitation is titled by its event's name and carries that event (its VEVENT: day, hours, place) for the importer."""
from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime, tzinfo
from email import message_from_bytes, policy
from email.errors import HeaderParseError
from email.header import decode_header
from email.message import EmailMessage, MIMEPart
from email.utils import parseaddr

from icalendar import Calendar

from .calendar_export import in_zone
from .text import HAN, PARAGRAPH_START, decoded, ends_sentence, said_han, sentences, written_day
from .web_layout import is_issuer, without_file_number

_FIELD = re.compile(rb"^[!-9;-~]+:")  # a header field's name: printable ASCII but the colon, then the colon
_FOLDED = re.compile(rb"^[ \t]+\S")  # a long field goes on in lines that begin with a space
# "回复：", "Fwd:", and a ticket system's number among them ("[工单 #YT-20240522-0318] 回复：…", "Re: [Ticket #1043]"):
# no part of a title (a building's "【3#楼】", "【5#-1202】" is)
_REPLY = r"(?:\s*(?:转发|回复|答复|Fwd?|Re)\s*[:：])*"
_TICKET = r"[\[【][^\]】#\d]{1,12}#\s?(?=[A-Za-z0-9-]*\d{3})[A-Za-z0-9][A-Za-z0-9-]*[\]】]"
_REPLY_MARK = re.compile(rf"^{_REPLY}\s*(?:{_TICKET})?{_REPLY}\s*", re.IGNORECASE)
_SIGNATURE_MARK = r"^-- ?\r?$"  # "-- " above the sender's signature (RFC 3676)
_SIGNATURE = re.compile(_SIGNATURE_MARK.encode(), re.MULTILINE)
SHORT_NOTE_HAN = 150  # a mail's text with fewer Chinese characters in sentences is a note on what it sends on
# Above a forwarded message's header lines, as mail clients (and a bounce quoting what it returns) write it in the
# text
_FORWARD_SEPARATOR = re.compile(
    r"^-{2,}\s*(?:原始邮件|原邮件(?:内容)?(?:如下)?|转发邮件|转发的邮件|回复的原邮件|Original Message|Forwarded message"
    r"|Replied Message)"
    r"\s*-{2,}$", re.IGNORECASE)
_FIELD_NAMES = r"发件人|发送时间|收件人|抄送|主题|日期|时间|From|Sent|Date|To|Cc|Subject"
# "发件人: 某某", or a row of the table 网易 mail writes under "---- 回复的原邮件 ----" ("| 发件人 | 某某 |")
FORWARD_FIELD = re.compile(
    rf"^(?P<row>\|\s*)?(?P<name>{_FIELD_NAMES})\s*(?(row)\||[:：])(?P<value>.*?)(?(row)\s*\|?)$")
_SENDER_FIELDS = frozenset({"发件人", "From"})
_DAY_FIELDS = frozenset({"发送时间", "日期", "时间", "Sent", "Date"})
_QUOTED = re.compile(r"^(?:>[ \t]?)+")  # "> > ": a message forwarded twice, quoted by both
_ATTRIBUTION = re.compile(r"(?:写道|wrote)\s*[:：]\s*$")  # "在 …，某某 <a@b.cn> 写道：" over the lines a reply quotes
# A wiki's or shared document's notice of a change or a share: "[某某 Confluence] 某某 更新了 "某某须知"", "【腾讯文档】
# 某某 分享了文档“某某方案”", "[飞书] 某某 分享了 “某某方案” 给你" name the page it sends
_CHANGED_PAGE = re.compile(r"^[\[【][^\]】]{1,40}[\]】]\s*\S{1,20}\s*(?:更新|创建|编辑|修改|发布|分享)了\s*"
                           r"(?:文档|页面|文件|表格)?\s*[\"“「『]([^\"”」』]{2,80})[\"”」』]\s*(?:给你|给您)?\s*$")
_MAIL_SYSTEM = frozenset({"mailer-daemon", "postmaster"})  # who sends a delivery failure notice
_CLAUSE_END = re.compile(r"(?<=[，、：:,])")
# what a covering note says to pass a message on, greet or thank its reader: no fact of the article's
_PASSING_ON = re.compile(r"转发|转给|转来|转告|告知|告诉|查收|查阅|查看|阅知|知悉|参阅|参考|请阅|附件|如下|见下|发布|"
                         r"您好|你好|大家好|各位好|谢谢|感谢|辛苦|FYI", re.IGNORECASE)
# A calendar invitation's subject: its label, the event's name, then " @ " and when it is (and in which calendar)
_INVITATION_LABEL = re.compile(r"^(?:(?:已?更新的?)?(?:会议|活动)?邀请|(?:Updated )?Invitation)\s*[:：]\s*",
                               re.IGNORECASE)
_WHEN_IN_BRACKETS = r"\s*[（(][^（）()]*(?:\d{1,2}月\d{1,2}日|\d{1,2}:\d{2})[^（）()]*[）)]\s*$"  # "（2月6日 14:30）"
_EVENT_WHEN = re.compile(rf"\s+@\s+(?!.*\s@\s).*$|{_WHEN_IN_BRACKETS}")  # from the last " @ " on
# …a tail that says when, so an invitation without its calendar part is one too ("… @ 城西社区图书室" names a place)
_TIMED_TAIL = re.compile(rf"\s@\s.*(?:\d{{4}}年|\d{{1,2}}月\d{{1,2}}日|\d{{1,2}}:\d{{2}})|{_WHEN_IN_BRACKETS}")
_PLACE_FIELD = re.compile(r"(?:地点|地址|会场)[:：]")
_CALENDAR_TYPES = frozenset({"text/calendar", "application/ics"})
_ADDRESS = re.compile(r"<[^<>]*>|\[mailto:[^\]]*\]")  # '"某某" <a@b.cn>', Outlook's "某某 [mailto:a@b.cn]"


@dataclass(frozen=True)
class Mail:
    title: str
    day: date | None  # in the time zone the Date header gives
    sender: str  # the sender's name when it is written in Chinese
    body: bytes
    charset: str | None
    html: bool
    attachments: tuple[tuple[str, bytes], ...] = ()  # file name and content
    note: tuple[str, ...] = ()  # what a covering note over the enclosed message says of substance, line by line
    event: Event | None = None  # what a calendar invitation invites to


@dataclass(frozen=True)
class Event:
    """The event of a calendar invitation (its iCalendar VEVENT): its day, its hours ("19:00—20:30", "" for a whole
    day) and its place ("" when it names none)."""
    day: date
    hours: str
    place: str

    def unsaid(self, text: str) -> list[str]:
        """The event's day and place as sentences (never a dateline), those the invitation's text does not say."""
        flat = re.sub(r"\s+", "", text)
        said_day = re.search(rf"(?<!\d)0?{self.day.month}[-/.月]0?{self.day.day}(?!\d)", flat)
        when = f"时间：{self.day.year}年{self.day.month}月{self.day.day}日{f' {self.hours}' if self.hours else ''}。"
        said_place = re.sub(r"\s+", "", self.place) in flat or _PLACE_FIELD.search(flat)  # "地点：会所二楼"
        place = f"地点：{self.place}。" if self.place and not said_place else ""
        return [line for line in ("" if said_day else when, place) if line]


@dataclass(frozen=True)
class Forwarded:
    """The innermost message a mail forwards: its text (without quote marks), subject, sender and day."""
    lines: list[str]
    subject: str
    sender: str  # the sender's name when it is written in Chinese
    day: date | None


def read_mail(raw: bytes) -> Mail | None:
    """The e-mail a file holds; None when it does not begin with a mail's header lines."""
    if not _is_mail(raw):
        return None
    message = message_from_bytes(raw, policy=policy.default)
    assert isinstance(message, EmailMessage)  # what policy.default makes
    return _article_mail(message)


def _article_mail(message: EmailMessage) -> Mail:
    """A mail as its article: the message it encloses when its own text is only a failure notice or a short
    covering note on it (the innermost when that one encloses another), dated by the mail when it names no day and
    keeping what the note says beyond passing it on."""
    carried = _digest(message)
    if carried:
        return _digest_mail(carried, _sent_day(message))
    enclosed = _enclosed_article(message)
    if enclosed is None:
        return _own_mail(message)
    inner = _article_mail(enclosed)
    return replace(inner, day=inner.day or _sent_day(message), note=(*_said_in_note(message), *inner.note))


def _digest(message: EmailMessage) -> list[EmailMessage]:
    """The messages a mailing list's digest carries (its multipart/digest part's message/rfc822 parts), in order; []
    for any other mail."""
    part = next((part for part in message.walk() if part.get_content_type() == "multipart/digest"), None)
    return [inner for sub in part.iter_parts() if (inner := _enclosed_message(sub)) is not None] if part else []


def _digest_mail(carried: list[EmailMessage], sent: date | None) -> Mail:
    """A digest as its first message (the topic's: its subject, day and sender) followed by the plain text of the
    others, each without the lines it quotes (they stand in the digest already); the digest's own text (its table of
    contents, how to subscribe) is no article."""
    first, *others = (_own_mail(message) for message in carried)
    if first.html:  # its text is a web page's: read as it stands
        return replace(first, day=first.day or sent)
    texts = [decoded(mail.body, mail.charset) or "" for mail in (first, *others) if not mail.html]
    replies = [PARAGRAPH_START + "\n".join(_without_quotes(text.strip().splitlines())) for text in texts[1:]]
    # each opens a paragraph: no signature above runs into it
    body = "\n\n".join(texts[:1] + replies).encode()
    return replace(first, day=first.day or sent, body=body, charset="utf-8")


def _without_quotes(lines: list[str]) -> list[str]:
    """A reply's lines without those it quotes and the "…写道：" line over them (a line of its own saying "通知里写道："
    stays)."""
    quoted = [bool(_QUOTED.match(line)) for line in lines]
    over_quote, next_quoted = [], False  # whether the next line with words is quoted, line by line from the end
    for line, is_quoted in zip(reversed(lines), reversed(quoted), strict=True):
        over_quote.append(next_quoted)
        next_quoted = is_quoted if line.strip() else next_quoted
    return [line for line, is_quoted, over in zip(lines, quoted, reversed(over_quote), strict=True)
            if not is_quoted and not (over and _ATTRIBUTION.search(line))]


def _own_mail(message: EmailMessage) -> Mail:
    """A mail as it reads itself: its subject, day, sender, text (or HTML) part and attachments."""
    sender = _sender(message)[0]
    part = message.get_body(preferencelist=("plain", "html"))  # never an attachment
    body = _decoded(part) if part else b""
    html = part is not None and part.get_content_subtype() == "html"
    event = _invited_event(message)
    title = _REPLY_MARK.sub("", _header(message, "Subject"))
    changed = _CHANGED_PAGE.match(title)
    title = without_file_number(changed.group(1) if changed else title)
    invited = bool(_INVITATION_LABEL.match(title) and _TIMED_TAIL.search(title))  # sent without its calendar part
    return Mail(title=_event_name(title) if event or invited else title, day=_sent_day(message),
                sender=_chinese(sender), body=body if html else _SIGNATURE.split(body)[0],
                charset=part.get_content_charset() if part else None, html=html,
                attachments=tuple(_attachments(message)), event=event)


def _event_name(subject: str) -> str:
    """An invitation's subject without its label and the " @ when (calendar)" tail its calendar adds:
    "邀请：某某会 @ 2024年6月15日 周六 19:00 - 20:30 (某某日历)" names "某某会"."""
    return _EVENT_WHEN.sub("", _INVITATION_LABEL.sub("", subject)) or subject


def _invited_event(message: EmailMessage) -> Event | None:
    """The event of the first calendar part (text/calendar, or an attached .ics) that holds one, its times in the
    zone of the mail's Date when the calendar names theirs (UTC, a TZID)."""
    sent = _sent(message)
    zone = sent.tzinfo if sent and sent.tzinfo else None
    for part in message.walk():
        if part.get_content_type() in _CALENDAR_TYPES or (part.get_filename() or "").lower().endswith(".ics"):
            content = part.get_payload(decode=True)
            event = _vevent(content, zone) if isinstance(content, bytes) else None
            if event:
                return event
    return None


def _vevent(calendar: bytes, zone: tzinfo | None) -> Event | None:
    """The first VEVENT of an iCalendar file with a DTSTART: its day, hours and LOCATION, its times in `zone`."""
    try:
        events = Calendar.from_ical(calendar).walk("VEVENT")
    except ValueError:  # not iCalendar after all
        return None
    for event in events:
        start, end = (in_zone(event.decoded(field, None), zone) for field in ("DTSTART", "DTEND"))
        if not isinstance(start, date):
            continue
        hours = f"{start:%H:%M}—{end:%H:%M}" if isinstance(start, datetime) and isinstance(end, datetime) \
            else f"{start:%H:%M}" if isinstance(start, datetime) else ""
        place = " ".join(str(event.get("LOCATION", "")).split())
        return Event(day=start.date() if isinstance(start, datetime) else start, hours=hours, place=place)
    return None


def _sent(message: EmailMessage) -> datetime | None:
    return getattr(message["Date"], "datetime", None)  # None when missing or unreadable


def _sent_day(message: EmailMessage) -> date | None:
    sent = _sent(message)
    return sent.date() if sent else None


def _enclosed_article(message: EmailMessage) -> EmailMessage | None:
    """The one message a mail encloses (a message/rfc822 part, or an attached .eml file) as its only attachment, when
    the mail's own text is no article: a delivery failure notice (a report, or the mail system's message), or a
    short covering note (fewer than SHORT_NOTE_HAN Chinese characters in sentences). A report's status part is no
    attachment; a mail that carries other files beside it is read as it stands."""
    enclosed, others = [], 0
    for part in message.iter_attachments():
        inner = _enclosed_message(part)
        if inner is not None:
            enclosed.append(inner)
        elif part.get_filename():
            others += 1
    if len(enclosed) != 1 or others:
        return None
    return enclosed[0] if _from_mail_system(message) or said_han(_note_lines(message)) < SHORT_NOTE_HAN else None


def _enclosed_message(part: MIMEPart) -> EmailMessage | None:
    if part.get_content_type() == "message/rfc822":
        inner = part.get_content()
        return inner if isinstance(inner, EmailMessage) else None
    content = part.get_payload(decode=True)
    if (part.get_filename() or "").lower().endswith(".eml") and isinstance(content, bytes) and _is_mail(content):
        inner = message_from_bytes(content, policy=policy.default)
        return inner if isinstance(inner, EmailMessage) else None
    return None


def _from_mail_system(message: EmailMessage) -> bool:
    """A delivery report (multipart/report), or a message the mail system sent ("MAILER-DAEMON", "postmaster")."""
    address = _sender(message)[1]
    return message.get_content_type() == "multipart/report" or address.partition("@")[0].lower() in _MAIL_SYSTEM


def _note_lines(message: EmailMessage) -> list[str]:
    """A mail's own text, line by line: a text part's above its signature, an HTML part's as a reader sees it."""
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return []
    if part.get_content_subtype() == "html":
        from .html_article import visible_lines  # not at the top: html_article imports kb.page, which imports this
        return visible_lines(part.get_content())
    return re.split(_SIGNATURE_MARK, part.get_content(), maxsplit=1, flags=re.MULTILINE)[0].splitlines()


def _said_in_note(message: EmailMessage) -> tuple[str, ...]:
    """The lines of a covering note that say something beyond greeting the reader and passing the message on
    ("请查收", "转发给各位", "谢谢"): a correction or a fact added ("演练改在5月15日") is news the article should keep.
    A failure notice says nothing of the article."""
    if _from_mail_system(message):
        return ()
    return tuple(line.strip() for line in _note_lines(message)
                 if any(map(_says_more_than_passing_on, sentences(line.strip()))))


def _says_more_than_passing_on(sentence: str) -> bool:
    """A whole sentence with a clause in Chinese that neither greets nor passes the message on."""
    return ends_sentence(sentence) and any(re.search(HAN, clause) and not _PASSING_ON.search(clause)
                                           for clause in _CLAUSE_END.split(sentence))


def archived_page(raw: bytes) -> tuple[bytes, str | None]:
    """The page a web archive holds (.mht, MHTML: a MIME message whose HTML part is the page, its pictures parts of
    their own), with its charset; no bytes when it holds no HTML."""
    message = message_from_bytes(raw, policy=policy.default)
    assert isinstance(message, EmailMessage)  # what policy.default makes
    part = message.get_body(preferencelist=("html",))
    return (_decoded(part), part.get_content_charset()) if part else (b"", None)


def _decoded(part: MIMEPart) -> bytes:
    body = part.get_payload(decode=True)  # base64 and quoted-printable undone
    assert isinstance(body, bytes)  # what a part that is no multipart gives
    return body


def forwarded(lines: list[str]) -> Forwarded | None:
    """The message a mail's text forwards, under its header lines ("-----原始邮件-----" or "-------- 转发的邮件
    --------" over 发件人/发送时间/主题 lines, or Outlook's 发件人 and 发送时间 lines alone), the innermost one when it
    was forwarded again ("> " quoting it); None without one, or when a note above a forwarded block is no short note
    (a reply over the message it answers is the reply)."""
    bare = [_unquoted(line) for line in lines]
    blocks = list(_header_blocks(bare))
    notes = [bare[above:start] for above, (start, _) in zip([0, *(end for _, end in blocks)], blocks, strict=False)]
    if not blocks or any(said_han(note) >= SHORT_NOTE_HAN for note in notes):
        return None
    start, end = blocks[-1]
    fields = {found["name"]: found["value"].strip() for found in map(FORWARD_FIELD.match, bare[start:end]) if found}
    sender = next((value for name, value in fields.items() if name in _SENDER_FIELDS), "")
    days = (written_day(value) for name, value in fields.items() if name in _DAY_FIELDS)
    return Forwarded(lines=bare[end:], subject=_REPLY_MARK.sub("", fields.get("主题", fields.get("Subject", ""))),
                     sender=_chinese(_ADDRESS.sub("", sender)), day=next(filter(None, days), None))


def without_quoted_headers(lines: list[str]) -> list[str]:
    """A reply's text without the header lines of the message it quotes (nor the separator above them): who sent
    that message, when and under which subject is no sentence of the article. The quoted message's own text stays,
    its first line indented as a paragraph's (U+3000) so that it never runs on from the reply's signature."""
    kept, above = [], 0
    for start, end in _header_blocks([_unquoted(line) for line in lines]):
        kept += lines[above:start]
        above = _first_said(lines, end)
        if above < len(lines):
            kept += ["", PARAGRAPH_START + lines[above].lstrip()]
            above += 1
    return kept + lines[above:]


def _first_said(lines: list[str], start: int) -> int:
    """Where the first line from `start` on that says something is (len(lines) when none does)."""
    return next((n for n in range(start, len(lines)) if _unquoted(lines[n]).strip()), len(lines))


def _unquoted(line: str) -> str:
    quote = _QUOTED.match(line)
    return line[quote.end():] if quote else line  # a line as it is (an indent kept) when unquoted


def _header_blocks(lines: list[str]) -> Iterator[tuple[int, int]]:
    """Where each forwarded message's header lines begin and end: under a separator line, or where a line naming
    the sender begins lines that name its day too."""
    n = 0
    while n < len(lines):
        separated = bool(_FORWARD_SEPARATOR.match(lines[n].strip()))
        matches = itertools.takewhile(bool, (FORWARD_FIELD.match(lines[i]) for i in range(n + separated, len(lines))))
        fields = [found["name"] for found in matches if found]
        if separated or (fields[:1] and fields[0] in _SENDER_FIELDS and _DAY_FIELDS.intersection(fields)):
            yield n, n + separated + len(fields)
            n += separated + len(fields)
        else:
            n += 1


def _chinese(name: str) -> str:
    """A sender's name when it is written in Chinese, else none; an office's name with its clerk's after it
    ("某某跑团秘书处 宋雯"), maybe with the clerk's post between ("某某理事会 秘书 王俊杰"), is the office's, and so is
    a clerk's name with the office's in brackets after it ("刘卫东（某某市业余无线电协会）")."""
    name = _VIA_TOOL.sub("", name.strip().strip('"“”\''))  # "某某 (Confluence)": the person, not the tool
    member = _MEMBER_OF.fullmatch(name)
    if member and is_issuer(member.group(1)):
        return member.group(1)
    office, _, person = name.rpartition(" ")
    body, _, post = office.rpartition(" ")
    if _PERSON.fullmatch(person):
        if is_issuer(office):
            return office
        if is_issuer(body) and _POST.fullmatch(post):
            return body
    return name if re.search(HAN, name) else ""


_VIA_TOOL = re.compile(r"\s*[(（][A-Za-z][A-Za-z0-9 ._-]*[)）]$")  # not a branch's "（CBD店）"
_PERSON = re.compile(r"[\u4e00-\u9fff]{2,3}(?<![室办部科处组站队台])")  # a clerk, not "办公室", "人事科"
_MEMBER_OF = re.compile(rf"{_PERSON.pattern}\s*[（(]([^（）()]{{2,40}})[）)]")
# a post in an organisation's office, not a member's ("家长", "读者", "会员")
_POST = re.compile(r"(?:副|常务)?(?:秘书长?|干事|主任|专员|联络员|文员|经理|会长|理事长|负责人|站长|馆长|所长|部长|科长"
                   r"|处长|店长)")


def _attachments(message: EmailMessage) -> Iterator[tuple[str, bytes]]:
    for part in message.iter_attachments():
        name, content = part.get_filename(), part.get_payload(decode=True)
        if name and isinstance(content, bytes):
            yield name, content


def _is_mail(raw: bytes) -> bool:
    """Header lines from the first line on, up to a blank line, naming a Subject, a From or Date and MIME: so that
    a text's "标题：…" or "Subject: …" lines are never taken for a mail."""
    names: set[bytes] = set()
    for line in raw.splitlines():
        if not line.strip():
            break
        if _FOLDED.match(line) and names:
            continue
        if not _FIELD.match(line):
            return False
        names.add(line.partition(b":")[0].lower())
    return b"subject" in names and bool(names & {b"from", b"date"}) and bool(names & {b"mime-version", b"content-type"})


def _sender(message: EmailMessage) -> tuple[str, str]:
    """The From header's name and address, taken apart before the name's encoded words are decoded: decoded, a name
    may hold a comma or brackets ("某局, 某科", "某局(某科)") that would split it or be read as a comment."""
    raw = _raw_header(message, "From")
    if raw.isascii():
        name, address = parseaddr(" ".join(raw.split()))
        decoded_name = _decoded_words(name)
        if decoded_name is not None:
            return decoded_name, address
    return parseaddr(_header(message, "From"))  # unencoded Chinese, or a name no charset reads


def _raw_header(message: EmailMessage, name: str) -> str:
    return next((value for key, value in message.raw_items() if key.lower() == name.lower()), "")


def _decoded_words(text: str) -> str | None:
    """ASCII header text with its encoded words decoded, each in its charset, else UTF-8, else GB18030 (text.decoded:
    a name labelled GB2312 may hold GBK's characters); None for a broken encoded word or one none of them reads."""
    try:
        chunks = decode_header(" ".join(text.split()))
    except HeaderParseError:
        return None
    said = [chunk if isinstance(chunk, str) else decoded(chunk, charset) for chunk, charset in chunks]
    return None if None in said else "".join(part or "" for part in said)


def _header(message: EmailMessage, name: str) -> str:
    """A header's text, its encoded words decoded, adjacent ones joined without the space folding leaves between
    them (RFC 2047 §6.2: a name split over two lines stays whole, which the default policy's parser spaces: "…指导中
    心"); Chinese that a client wrote unencoded is read as UTF-8, else as GB18030."""
    raw = _raw_header(message, name)
    if raw.isascii():
        return _decoded_words(raw) or str(message[name] or "")
    octets = raw.encode("ascii", "surrogateescape")  # the bytes as they stand in the file
    text = decoded(octets) or octets.decode("gb18030", errors="replace")
    return " ".join(text.split())
