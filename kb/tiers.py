"""Amounts a question states and the ranges a passage's tiers give: "要是买15万的呢" falls in "10万元及以上的，每辆补贴
5000元", not in "不足10万元的，每辆补贴3000元"; "孩子5岁" in "3岁至8岁的儿童"."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .text import chinese_number

# a number standing alone, not the tail of a longer one ("一百五十万": its 五十 is no number of its own)
_NUMBER = r"(?<![\d.一二两三四五六七八九十百千零〇])(\d+(?:\.\d+)?|[一二两三四五六七八九十]+)"
_SCALE = r"(万|千)?"
_BOUND_BEFORE = "不足|超过|低于|高于|少于|多于|大于|小于|未满|不到|不超过|不低于"
_GIVEN = "补|贴|奖|给|发|领|退|返|赔|送|报销|奖励|补贴"
_EXCLUSIVE = re.compile(r"不足|低于|少于|未满|不到|小于|超过|高于|大于")
_HAIR_ABOVE, _HAIR_BELOW = 1.000001, 0.999999
_INFINITY = float("inf")
_A_BIT_MORE = 1.05  # "五十多万": over 50万, by a little
_SPOKEN = re.compile(r"[一二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九]")
_MEASURES = {"元": "元", "块钱": "元", "块": "元", "岁": "岁", "周岁": "岁", "公斤": "公斤", "斤": "斤", "人": "人",
             "平方米": "平方米", "平米": "平方米", "吨": "吨", "亩": "亩", "辆": "辆", "天": "天", "个月": "个月"}
_MEASURE = "(" + "|".join(sorted(map(re.escape, _MEASURES), key=len, reverse=True)) + ")"
# what a question says it has or does: "买15万的", "卖了五十多万", "3万多块钱的"; not a day, a time, an ordinal,
# the ends of a range or a bound it names ("18到59岁的人", "不足10万的": a group, a tier), nor what is given
# ("能补5000元吗")
_STATED = re.compile(rf"(?<![第月到至~～—-])(?<!周)(?<!星期){_NUMBER}(多)?{_SCALE}(多)?"
                     rf"{_MEASURE}?(?![\d.月日号点时:：到至~～—\-一二两三四五六七八九十百千]|以[上下内]|及以|或以)")
_NOT_HAD = re.compile(rf"(?:{_BOUND_BEFORE}|{_GIVEN})$")
_LOWER = re.compile(rf"(?:超过|高于|满|达到|不低于|不少于|大于)?{_NUMBER}{_SCALE}{_MEASURE}(?:及|或)?以上"
                    rf"|(?:超过|高于|不低于|不少于|大于|满){_NUMBER}{_SCALE}{_MEASURE}")
_UPPER = re.compile(rf"(?:不足|低于|少于|未满|不到|不超过|小于){_NUMBER}{_SCALE}{_MEASURE}"
                    rf"|{_NUMBER}{_SCALE}{_MEASURE}(?:及|或)?以[下内]|(?:延长|放宽)至{_NUMBER}{_SCALE}{_MEASURE}")
_BETWEEN = re.compile(rf"{_NUMBER}{_SCALE}{_MEASURE}?(?:至|到|—|-|~|～){_NUMBER}{_SCALE}{_MEASURE}")


@dataclass(frozen=True)
class Amount:
    value: float
    measure: str  # 元 when the question says 万 or 千 without a measure ("15万的车")


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
    for found in _STATED.finditer(question):
        number, more, scale, more_after, measure = found.groups()
        if not (scale or measure) or _NOT_HAD.search(question[:found.start()]):  # "3号线", "第2批"; a bound, a gift
            continue
        value = _value(number, scale)
        if value:
            # 万 or 千 without a measure is money ("15万的车"): a count of people or years says its measure
            amounts.append(Amount(value * _A_BIT_MORE if more or more_after else value,
                                  _MEASURES.get(measure or "", "") or ("元" if scale else "")))
    return amounts


@lru_cache(maxsize=8192)
def _ranges(text: str) -> tuple[tuple[float, float, str], ...]:
    """(lowest, highest, measure) of every tier the text states; a bound it excludes ("不足10万元", "超过50万元")
    is moved off by a hair, so that an amount on it falls in the neighbouring tier ("10万元及以上") only."""
    found = [(_value(n, s) * (_HAIR_ABOVE if _EXCLUSIVE.match(bound) else 1), _INFINITY, _MEASURES[m])
             for bound, n, s, m in _bounds(_LOWER, text)]
    found += [(0.0, _value(n, s) * (_HAIR_BELOW if _EXCLUSIVE.match(bound) else 1), _MEASURES[m])
              for bound, n, s, m in _bounds(_UPPER, text)]
    for low, low_scale, low_measure, high, high_scale, measure in _BETWEEN.findall(text):
        # "6至9万元" borrows 万 for its 6; "5000元至1万元" does not
        start = _value(low, low_scale or ("" if low_measure else high_scale))
        end = _value(high, high_scale)
        if start <= end:
            found.append((start, end, _MEASURES[measure]))
    return tuple(found)


def _bounds(pattern: re.Pattern[str], text: str) -> list[tuple[str, str, str, str]]:
    """Each match's (bound word, number, scale, measure), from whichever alternative matched."""
    found = []
    for match in pattern.finditer(text):
        groups = match.groups()
        for at in range(0, len(groups), 3):
            if groups[at]:
                found.append((match.group(0), groups[at], groups[at + 1] or "", groups[at + 2]))
    return found


def falls_in(amounts: list[Amount], text: str) -> bool | None:
    """Whether one of the amounts lies in a tier the text states; None when the text states no tier in their
    measure."""
    pairs = [(amount.value, low, high) for amount in amounts for low, high, measure in _ranges(text)
             if amount.measure == measure]
    if not pairs:
        return None
    return any(low <= value <= high for value, low, high in pairs)
