"""Hotline lists, declared as data in hotlines.yml: list items "部门（号码，号码）" or "部门：号码"."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from .page import Article
from .text import HAN, sentences

SPEC_FILE = Path(__file__).with_name("hotlines.yml")
_PHONE = re.compile(r"(?:(?P<area>0\d{2,3})-)?(?P<local>1\d{10}|\d{7,8})")


@dataclass(frozen=True)
class Hotline:
    department: str
    numbers: tuple[str, ...]
    opened: str = ""
    issuer: str = ""
    purpose: str = ""
    scope: str = ""


@dataclass(frozen=True)
class HotlineSpec:
    trigger: str
    min_items: int
    item: re.Pattern[str]
    not_departments: frozenset[str]
    context: dict[str, re.Pattern[str]]
    aliases: dict[str, tuple[str, ...]]


@lru_cache(maxsize=None)
def load_spec(path: Path = SPEC_FILE) -> HotlineSpec:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))

    def pattern(text: str) -> re.Pattern[str]:
        return re.compile(text.replace("{HAN}", HAN[1:-1]))

    return HotlineSpec(
        trigger=raw["trigger"], min_items=int(raw["min_items"]), item=pattern(raw["item"]),
        not_departments=frozenset(raw["not_departments"]),
        context={name: pattern(text) for name, text in raw["context"].items()},
        aliases={department: tuple(words) for department, words in (raw.get("aliases") or {}).items()},
    )


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


def mentions_trigger(article: Article, spec: HotlineSpec | None = None) -> bool:
    spec = spec or load_spec()
    return spec.trigger in article.title + article.text


def extract_hotlines(article: Article, spec: HotlineSpec | None = None) -> list[Hotline]:
    spec = spec or load_spec()
    if not mentions_trigger(article, spec):
        return []
    text = article.text
    context = {name: _first(pattern, text) for name, pattern in spec.context.items()}
    context["scope"] = next((s for p in article.paragraphs for s in sentences(p) if "拨打" in s), "")
    hotlines = []
    for paragraph in article.paragraphs:
        match = spec.item.match(paragraph)
        if not match or match["name"] in spec.not_departments:
            continue
        numbers = parse_numbers(match["in_parens"] or match["after_colon"])
        if numbers:
            hotlines.append(Hotline(match["name"], numbers, **context))
    return hotlines


def _first(pattern: re.Pattern[str], text: str) -> str:
    match = pattern.search(text)
    return match.group(1) if match else ""
