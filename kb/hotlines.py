"""Hotline lists: list items of the form "部门（号码，号码）" or "部门：号码" inside an article about 热线."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .page import Article
from .text import HAN, sentences

_ITEM = re.compile(rf"^[-•·*]\s*(?P<name>{HAN}[{HAN[1:-1]}与和及、]{{1,14}})\s*(?:（(?P<in_parens>[^）]+)）|：(?P<after_colon>.+))$")
_PHONE = re.compile(r"(?:(?P<area>0\d{2,3})-)?(?P<local>1\d{10}|\d{7,8})")
_OPENED = re.compile(r"自(\d{1,2}月\d{1,2}日\d{1,2}[点时])开通")
_ISSUER = re.compile(rf"根据({HAN}+?)工作安排")
_PURPOSE = re.compile(rf"开通({HAN}+?热线电话)")
_NOT_DEPARTMENTS = {"电话", "传真", "邮箱", "地址", "手机"}


@dataclass(frozen=True)
class Hotline:
    department: str
    numbers: tuple[str, ...]
    opened: str = ""
    issuer: str = ""
    purpose: str = ""
    scope: str = ""


def parse_numbers(text: str) -> tuple[str, ...]:
    """Phone numbers in the order written; a local number borrows the area code written before it."""
    numbers, area = [], ""
    for match in _PHONE.finditer(text):
        local = match["local"]
        if match["area"]:
            area = match["area"]
        if local.startswith("1") and len(local) == 11:
            numbers.append(local)
        else:
            numbers.append(f"{area}-{local}" if area else local)
    return tuple(numbers)


def extract_hotlines(article: Article) -> list[Hotline]:
    if "热线" not in article.title + article.text:
        return []
    text = article.text
    context = {
        "opened": _first(_OPENED, text),
        "issuer": _first(_ISSUER, text),
        "purpose": _first(_PURPOSE, text),
        "scope": next((s for p in article.paragraphs for s in sentences(p) if "拨打" in s), ""),
    }
    hotlines = []
    for paragraph in article.paragraphs:
        match = _ITEM.match(paragraph)
        if not match or match["name"] in _NOT_DEPARTMENTS:
            continue
        numbers = parse_numbers(match["in_parens"] or match["after_colon"])
        if numbers:
            hotlines.append(Hotline(match["name"], numbers, **context))
    return hotlines


def _first(pattern: re.Pattern, text: str) -> str:
    match = pattern.search(text)
    return match.group(1) if match else ""
