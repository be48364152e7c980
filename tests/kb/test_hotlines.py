"""The hotline table comes out of the text by the spec in kb/hotlines.yml; values read off the article by hand."""
import pytest

from kb.hotlines import extract_hotlines, load_spec, parse_numbers
from kb.page import Article, read_page
from tests.kb.test_page import SEED_PAGE

NINE_HOTLINES = {
    "综合协调": ("0536-8090761",),
    "投资运行": ("0536-8090762", "0536-8090775"),
    "工业运行": ("0536-8789732",),
    "农业稳产保供": ("0536-8217091",),
    "消费与市场运行": ("0536-8091193",),
    "外经贸运行": ("0536-8091212",),
    "金融运行": ("0536-8090465", "19953687355"),
    "交通运输保障": ("0536-8097077",),
    "就业保障": ("0536-8875210",),
}


@pytest.fixture(scope="module")
def articles():
    return read_page(SEED_PAGE).articles


def test_all_nine_hotlines_with_exact_numbers(articles):
    hotlines = [h for a in articles for h in extract_hotlines(a)]
    assert {h.department: h.numbers for h in hotlines} == NINE_HOTLINES
    assert {h.opened for h in hotlines} == {"2月22日17点"}
    assert {h.issuer for h in hotlines} == {"潍坊市委经济运行应急指挥部"}
    assert all("用工和社保" in h.scope for h in hotlines)


def test_the_editors_phone_is_not_a_hotline(articles):
    numbers = {n for a in articles for h in extract_hotlines(a) for n in h.numbers}
    assert not any("85193261" in n for n in numbers)


def test_an_article_without_the_trigger_word_has_no_hotlines():
    article = Article("物资保障", paragraphs=["主要包括：", "- 防疫物资 （0536-1234567）"])
    assert extract_hotlines(article) == []


def test_everyday_words_are_declared_for_the_departments():
    aliases = load_spec().aliases
    assert "贷款" in aliases["金融运行"] and "社保" in aliases["就业保障"]


@pytest.mark.parametrize("text, numbers", [
    ("0536-8090762, 8090775", ("0536-8090762", "0536-8090775")),
    ("0536-8090465，19953687355", ("0536-8090465", "19953687355")),
    ("8090775", ("8090775",)),
    ("无号码", ()),
])
def test_parse_numbers(text, numbers):
    assert parse_numbers(text) == numbers
