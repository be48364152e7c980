"""Amounts a question states and the ranges a passage's tiers give: "要是买15万的呢" falls in "10万元及以上的，每辆补贴
5000元", not in "不足10万元的，每辆补贴3000元"; "孩子5岁" in "3岁至8岁的儿童"."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .text import chinese_number

_NUMBER = r"(\d+(?:\.\d+)?|[一二两三四五六七八九十]+)"
_SCALE = r"(万|千)?"
_A_BIT_MORE = 1.05  # "五十多万": over 50万, by a little
_SPOKEN = re.compile(r"[一二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九]")
_MEASURES = {"元": "元", "块钱": "元", "块": "元", "岁": "岁", "周岁": "岁", "公斤": "公斤", "斤": "斤", "人": "人",
             "平方米": "平方米", "平米": "平方米", "吨": "吨", "亩": "亩", "辆": "辆", "天": "天", "个月": "个月"}
_MEASURE = "(" + "|".join(sorted(map(re.escape, _MEASURES), key=len, reverse=True)) + ")"
# what a question says it has or does: "买15万的", "卖了五十多万"; not a day, a time, an ordinal, nor the ends of a
# range it names ("18到59岁的人": a group)
_STATED = re.compile(rf"(?<![第\d.月到至~～—-])(?<!周)(?<!星期){_NUMBER}(多)?{_SCALE}{_MEASURE}?"
                     rf"(?![\d.月日号点时:：到至~～—-])")
_LOWER = re.compile(rf"(?:超过|高于|满|达到|不低于|不少于|大于)?{_NUMBER}{_SCALE}{_MEASURE}(?:及|或)?以上"
                    rf"|(?:超过|高于|不低于|不少于|大于|满){_NUMBER}{_SCALE}{_MEASURE}")
_UPPER = re.compile(rf"(?:不足|低于|少于|未满|不到|不超过|小于){_NUMBER}{_SCALE}{_MEASURE}"
                    rf"|{_NUMBER}{_SCALE}{_MEASURE}(?:及|或)?以[下内]|(?:延长|放宽)至{_NUMBER}{_SCALE}{_MEASURE}")
_BETWEEN = re.compile(rf"{_NUMBER}{_SCALE}{_MEASURE}?(?:至|到|—|-|~|～){_NUMBER}{_SCALE}{_MEASURE}")


@dataclass(frozen=True)
class Amount:
    value: float
    measure: str  # "" when the question does not say (15万: money, most likely, but not necessarily)


def _value(number: str, scale: str | None) -> float:
    value = float(number) if number[0].isdigit() else _spoken(number)
    return value * {"万": 10_000, "千": 1_000}.get(scale or "", 1)


def _spoken(number: str) -> float:
    """"五十", "十二", "两" → 50, 12, 2; "三四" (three or four) says no one number: 0."""
    number = number.replace("两", "二")
    return float(chinese_number(number)) if _SPOKEN.fullmatch(number) else 0.0


def stated_amounts(question: str) -> list[Amount]:
    """The amounts a question states (with 多, a little over: "五十多万" is 50万 and a bit)."""
    amounts = []
    for number, more, scale, measure in _STATED.findall(question):
        if not (scale or measure):  # a bare number says too little ("3号线", "第2批")
            continue
        value = _value(number, scale)
        if value:
            amounts.append(Amount(value * _A_BIT_MORE if more else value, _MEASURES.get(measure, "")))
    return amounts


@lru_cache(maxsize=8192)
def _ranges(text: str) -> list[tuple[float, float, str]]:
    """(lowest, highest, measure) of every tier the text states."""
    found = [(_value(n, s), float("inf"), _MEASURES[m]) for n, s, m in _pairs(_LOWER, text)]
    found += [(0.0, _value(n, s), _MEASURES[m]) for n, s, m in _pairs(_UPPER, text)]
    for low, low_scale, _, high, high_scale, measure in _BETWEEN.findall(text):
        found.append((_value(low, low_scale or high_scale), _value(high, high_scale), _MEASURES[measure]))
    return found


def _pairs(pattern: re.Pattern[str], text: str) -> list[tuple[str, str, str]]:
    """Each match's (number, scale, measure), from whichever alternative matched."""
    pairs = []
    for match in pattern.finditer(text):
        groups = match.groups()
        for at in range(0, len(groups), 3):
            if groups[at]:
                pairs.append((groups[at], groups[at + 1] or "", groups[at + 2]))
    return pairs


def falls_in(amounts: list[Amount], text: str) -> bool | None:
    """Whether one of the amounts lies in a tier the text states; None when the text states no tier in their
    measure."""
    pairs = [(amount.value, low, high) for amount in amounts for low, high, measure in _ranges(text)
             if not amount.measure or amount.measure == measure]
    if not pairs:
        return None
    return any(low <= value <= high for value, low, high in pairs)
