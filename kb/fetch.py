"""Fetch one web page for import: http(s) only, bounded in time, size and redirects; HTML, plain text, a news feed,
an e-mail, a PDF or Word file only."""
from __future__ import annotations

import asyncio
from dataclasses import dataclass
from urllib.parse import urlsplit

import aiohttp

# Word and PDF files by their content type and file suffix (read by kb/documents.py)
_PDF, _DOCX = "application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
DOCUMENT_TYPES = {_PDF: ".pdf", _DOCX: ".docx"}
# web pages, text, news feeds (read by kb/feed.py as their newest item), e-mails (kb/mail.py) and documents
PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "application/rss+xml", "application/atom+xml",
              "application/xml", "text/xml", "message/rfc822", *DOCUMENT_TYPES)
_UNNAMED = "application/octet-stream"  # what many servers say of a PDF: known by its first bytes
_MAGIC = {b"%PDF-": _PDF, b"PK\x03\x04": _DOCX}
_USER_AGENT = "Mozilla/5.0 (compatible; fugong-kb/1.0; +article import)"
_CHUNK = 64 * 1024


class FetchError(Exception):
    """A page that cannot be imported; the message is for the user (Chinese, with the technical reason)."""


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 5 * 1024 * 1024
    connect_seconds: float = 10.0
    total_seconds: float = 30.0
    max_redirects: int = 5


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    content_type: str
    charset: str | None  # as the server declared it
    body: bytes


async def fetch(url: str, limits: Limits = Limits()) -> Fetched:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(f"只能导入 http 或 https 网址（{url}）")
    timeout = aiohttp.ClientTimeout(total=limits.total_seconds, sock_connect=limits.connect_seconds)
    try:
        async with aiohttp.ClientSession(timeout=timeout, headers={"User-Agent": _USER_AGENT}) as session:
            async with session.get(url, max_redirects=limits.max_redirects) as response:
                try:
                    return await _read(response, limits)
                except FetchError:
                    response.close()  # drop the connection: do not read the rest of a refused body
                    raise
    except aiohttp.TooManyRedirects as error:
        raise FetchError(f"网址重定向次数过多（超过 {limits.max_redirects} 次："
                         f"{error.request_info.real_url}）") from None
    except asyncio.TimeoutError:
        raise FetchError(f"网页在 {limits.total_seconds:g} 秒内没有下载完（超时）") from None
    except aiohttp.ClientError as error:
        raise FetchError(f"无法连接网页（{type(error).__name__}: {error}）") from None


async def _read(response: aiohttp.ClientResponse, limits: Limits) -> Fetched:
    if response.status >= 400:
        raise FetchError(f"网页无法访问（HTTP {response.status} {response.reason}）")
    declared = response.headers.get(aiohttp.hdrs.CONTENT_TYPE)
    if declared and response.content_type == "application/msword":
        raise FetchError("旧版 Word 文件（.doc）不能直接导入：请在 Word 或 WPS 中“另存为” .docx 或 PDF 后再添加"
                         "（Content-Type: application/msword）")
    if declared and response.content_type not in (*PAGE_TYPES, _UNNAMED):
        raise FetchError(_not_importable(response.content_type))
    too_big = f"网页太大，超过 {limits.max_bytes // (1024 * 1024)} MB 的上限"
    if response.content_length is not None and response.content_length > limits.max_bytes:
        raise FetchError(f"{too_big}（Content-Length: {response.content_length}）")
    body = bytearray()
    async for chunk in response.content.iter_chunked(_CHUNK):
        body += chunk
        if len(body) > limits.max_bytes:
            raise FetchError(f"{too_big}（已读取 {len(body)} 字节后停止）")
    content_type = response.content_type if declared else _sniff(bytes(body))
    if content_type == _UNNAMED:
        content_type = _sniff(bytes(body))
        if content_type not in DOCUMENT_TYPES:
            raise FetchError(_not_importable(_UNNAMED))
    return Fetched(url=str(response.url), content_type=content_type, charset=response.charset, body=bytes(body))


def _not_importable(content_type: str) -> str:
    return f"不是网页、文本、新闻订阅、邮件、PDF 或 Word 文件，无法导入（Content-Type: {content_type}）"


def _sniff(body: bytes) -> str:
    """A body served without a content type: a PDF or Word file by its first bytes, HTML if it starts like HTML,
    else plain text."""
    known = next((kind for magic, kind in _MAGIC.items() if body.startswith(magic)), None)
    return known or ("text/html" if body.lstrip()[:1] == b"<" else "text/plain")
