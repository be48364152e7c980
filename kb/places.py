"""Names of China's provinces, cities and counties, from the table the `cpca` package ships.

A question about a place that no article mentions ("青岛的复工热线") must be declined, not answered with
Weifang's facts. Only the data file is read (importing cpca would load pandas for nothing).
"""
from __future__ import annotations

import csv
import importlib.util
import re
from functools import lru_cache
from pathlib import Path

_SUFFIX = re.compile(r"(特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|自治县|地区|省|市|县|区|盟|旗)$")


@lru_cache(maxsize=None)
def region_names() -> frozenset[str]:
    """Full names (济南市) and, where two characters or more remain, names without the suffix (济南)."""
    return _names(county_level=False)


@lru_cache(maxsize=None)
def county_names() -> frozenset[str]:
    """The same for counties and city districts only (寿光市, 坊子区, 临朐), not provinces or prefectures."""
    return _names(county_level=True)


def _names(county_level: bool) -> frozenset[str]:
    spec = importlib.util.find_spec("cpca")
    if spec is None or spec.origin is None:
        raise RuntimeError("the cpca package (region table) is not installed: run `make setup`")
    names: set[str] = set()
    with open(Path(spec.origin).parent / "resources" / "adcodes.csv", encoding="utf-8") as table:
        for row in csv.DictReader(table):
            if county_level and row["adcode"][4:6] == "00":  # 37 07 83: province, prefecture, county
                continue
            names.add(row["name"])
            short = _SUFFIX.sub("", row["name"])
            if len(short) >= 2:
                names.add(short)
    return frozenset(names)


def strip_suffix(name: str) -> str:
    short = _SUFFIX.sub("", name)
    return short if len(short) >= 2 else name
