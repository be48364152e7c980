"""Names of China's provinces, cities and counties, from the table the `cpca` package ships.

A question about a place that no article mentions ("青岛的复工热线") must be declined, not answered with
Weifang's facts. Only the data file is read (importing cpca would load pandas for nothing).
"""
from __future__ import annotations

import csv
import importlib.util
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from .search import everyday_words

# Development zones are areas of their city beside its counties, in no table of divisions (潍坊's 高新区, 滨海区…
# are named by their kind: "高新区", "经济开发区")
_DEVELOPMENT_ZONE = re.compile(r"(?:高新区|开发区|保税区|经济区|度假区|产业园区)(?!域)")
_SUFFIX = re.compile(r"(特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|自治县|地区|省|市|县|区|盟|旗)$")


@lru_cache(maxsize=None)
def region_names() -> frozenset[str]:
    """Full names (济南市) and, where two characters or more remain, names without the suffix (济南)."""
    return _names(county_level=False)


def region_names_in(text: str, lengths: Iterable[int] = (2, 3, 4)) -> frozenset[str]:
    """The region names among the text's spans of these lengths: one set lookup per span, not a scan per name."""
    return region_names() & {text[i:i + n] for n in lengths for i in range(len(text) - n + 1)}


@lru_cache(maxsize=None)
def county_names() -> frozenset[str]:
    """The same for counties and city districts only (寿光市, 坊子区, 临朐), not provinces or prefectures."""
    return _names(county_level=True)


def _names(county_level: bool) -> frozenset[str]:
    """A short name that is also an everyday word (港口 of 港口区) is left out: the full name stays."""
    return frozenset(name for name, codes in _codes().items()
                     if (not county_level or any(len(code) == 6 for code in codes)) and name not in everyday_words())


@lru_cache(maxsize=None)
def provinces() -> frozenset[str]:
    """Provinces and regions, full (山东省) and short (山东): what a post's "IP属地" names."""
    return frozenset(name for name, codes in _codes().items() if any(len(code) == 2 for code in codes))


def nested(first: str, second: str) -> bool:
    """Whether one of two places lies within the other (寿光 and 潍坊; 潍坊 and 山东), or they are one."""
    codes = _codes()
    return any(a.startswith(b) or b.startswith(a) for a in codes.get(first, ()) for b in codes.get(second, ()))


@lru_cache(maxsize=None)
def _codes() -> dict[str, frozenset[str]]:
    """Each name, full (济南市) and without its suffix where two characters or more remain (济南), with the
    codes it is known by: 37 (province), 3707 (prefecture), 370783 (county)."""
    spec = importlib.util.find_spec("cpca")
    if spec is None or spec.origin is None:
        raise RuntimeError("the cpca package (region table) is not installed: run `make setup`")
    codes: dict[str, set[str]] = {}
    with open(Path(spec.origin).parent / "resources" / "adcodes.csv", encoding="utf-8") as table:
        for row in csv.DictReader(table):
            adcode = row["adcode"]
            code = adcode[:2] if adcode[2:6] == "0000" else adcode[:4] if adcode[4:6] == "00" else adcode[:6]
            short = _SUFFIX.sub("", row["name"])
            for name in {row["name"], short} if len(short) >= 2 else {row["name"]}:
                codes.setdefault(name, set()).add(code)
    return {name: frozenset(found) for name, found in codes.items()}


def names_a_development_zone(text: str) -> bool:
    """Whether the text names a development zone ("高新区“空中课堂”开课三周"): what an article says of one
    answers for its city, not for a county of it."""
    return bool(_DEVELOPMENT_ZONE.search(text))


def strip_suffix(name: str) -> str:
    short = _SUFFIX.sub("", name)
    return short if len(short) >= 2 else name
