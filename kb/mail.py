"""An e-mail saved as it was received (.txt or .eml: RFC 822 header lines, then a MIME body), read with the
standard `email` package: the Subject is its title, the Date its day, a Chinese sender's name its publisher and
its text part (else its HTML part) its body; its attachments are kept for the importer to choose from."""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from email import message_from_bytes, policy
from email.message import EmailMessage
from email.utils import parseaddr

from .text import HAN

_FIELD = re.compile(rb"^[!-9;-~]+:")  # a header field's name: printable ASCII but the colon, then the colon
_FOLDED = re.compile(rb"^[ \t]+\S")  # a long field goes on in lines that begin with a space
_REPLY_MARK = re.compile(r"^(?:\s*(?:转发|回复|答复|Fwd?|Re)\s*[:：])+\s*", re.IGNORECASE)
_SIGNATURE = re.compile(rb"^-- ?\r?$", re.MULTILINE)  # "-- " above the sender's signature (RFC 3676)


@dataclass(frozen=True)
class Mail:
    title: str
    day: date | None  # in the time zone the Date header gives
    sender: str  # the sender's name when it is written in Chinese
    body: bytes
    charset: str | None
    html: bool
    attachments: tuple[tuple[str, bytes], ...] = ()  # file name and content


def read_mail(raw: bytes) -> Mail | None:
    """The e-mail a file holds; None when it does not begin with a mail's header lines."""
    if not _is_mail(raw):
        return None
    message = message_from_bytes(raw, policy=policy.default)
    assert isinstance(message, EmailMessage)  # what policy.default makes
    sent = getattr(message["Date"], "datetime", None)  # None when missing or unreadable
    sender = parseaddr(_header(message, "From"))[0]
    part = message.get_body(preferencelist=("plain", "html"))  # never an attachment
    body = part.get_payload(decode=True) if part else b""  # base64 and quoted-printable undone
    assert isinstance(body, bytes)  # what a part that is no multipart gives
    html = part is not None and part.get_content_subtype() == "html"
    return Mail(title=_REPLY_MARK.sub("", _header(message, "Subject")), day=sent.date() if sent else None,
                sender=sender if re.search(HAN, sender) else "", body=body if html else _SIGNATURE.split(body)[0],
                charset=part.get_content_charset() if part else None, html=html,
                attachments=tuple(_attachments(message)))


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
