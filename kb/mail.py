"""An e-mail saved as it was received (.txt or .eml: RFC 822 header lines, then a MIME body), read with the
standard `email` package: the Subject is its title, the Date its day, a Chinese sender's name its publisher and
its text part (else its HTML part) its body; its attachments are kept for the importer to choose from. A mail that
only forwards another one is that one's text, sender and day (`forwarded`)."""
from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from email import message_from_bytes, policy
from email.message import EmailMessage, MIMEPart
from email.utils import parseaddr

from .text import HAN, said_han, written_day

_FIELD = re.compile(rb"^[!-9;-~]+:")  # a header field's name: printable ASCII but the colon, then the colon
_FOLDED = re.compile(rb"^[ \t]+\S")  # a long field goes on in lines that begin with a space
_REPLY_MARK = re.compile(r"^(?:\s*(?:转发|回复|答复|Fwd?|Re)\s*[:：])+\s*", re.IGNORECASE)
_SIGNATURE = re.compile(rb"^-- ?\r?$", re.MULTILINE)  # "-- " above the sender's signature (RFC 3676)
SHORT_NOTE_HAN = 150  # a mail's text with fewer Chinese characters in sentences is a note on what it sends on
# Above a forwarded message's header lines, as mail clients write it in the text
_FORWARD_SEPARATOR = re.compile(
    r"^-{2,}\s*(?:原始邮件|转发邮件|转发的邮件|Original Message|Forwarded message)\s*-{2,}$", re.IGNORECASE)
FORWARD_FIELD = re.compile(r"^(发件人|发送时间|收件人|抄送|主题|日期|时间|From|Sent|Date|To|Cc|Subject)\s*[:：](.*)$")
_SENDER_FIELDS = frozenset({"发件人", "From"})
_DAY_FIELDS = frozenset({"发送时间", "日期", "时间", "Sent", "Date"})
_QUOTED = re.compile(r"^(?:>[ \t]?)+")  # "> > ": a message forwarded twice, quoted by both
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
    sent = getattr(message["Date"], "datetime", None)  # None when missing or unreadable
    sender = parseaddr(_header(message, "From"))[0]
    part = message.get_body(preferencelist=("plain", "html"))  # never an attachment
    body = _decoded(part) if part else b""
    html = part is not None and part.get_content_subtype() == "html"
    return Mail(title=_REPLY_MARK.sub("", _header(message, "Subject")), day=sent.date() if sent else None,
                sender=_chinese(sender), body=body if html else _SIGNATURE.split(body)[0],
                charset=part.get_content_charset() if part else None, html=html,
                attachments=tuple(_attachments(message)))


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
    fields = {found.group(1): found.group(2).strip() for found in map(FORWARD_FIELD.match, bare[start:end]) if found}
    sender = next((value for name, value in fields.items() if name in _SENDER_FIELDS), "")
    days = (written_day(value) for name, value in fields.items() if name in _DAY_FIELDS)
    return Forwarded(lines=bare[end:], subject=fields.get("主题", fields.get("Subject", "")),
                     sender=_chinese(_ADDRESS.sub("", sender)), day=next(filter(None, days), None))


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
        fields = [found.group(1) for found in matches if found]
        if separated or (fields[:1] and fields[0] in _SENDER_FIELDS and _DAY_FIELDS.intersection(fields)):
            yield n, n + separated + len(fields)
            n += separated + len(fields)
        else:
            n += 1


def _chinese(name: str) -> str:
    """A sender's name when it is written in Chinese, else none."""
    name = name.strip().strip('"“”\'')
    return name if re.search(HAN, name) else ""


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


def _header(message: EmailMessage, name: str) -> str:
    """A header's text, its encoded words decoded; Chinese that a client wrote unencoded is read as UTF-8, else as
    GB18030."""
    raw = next((value for key, value in message.raw_items() if key.lower() == name.lower()), "")
    if raw.isascii():
        return str(message[name] or "")
    octets = raw.encode("ascii", "surrogateescape")  # the bytes as they stand in the file
    try:
        text = octets.decode("utf-8")
    except UnicodeDecodeError:
        text = octets.decode("gb18030", errors="replace")
    return " ".join(text.split())
