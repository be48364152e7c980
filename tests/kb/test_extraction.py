"""Typed records come out of the text by code; the expected values are read off the article by hand."""
import pytest

from kb.hotlines import parse_numbers
from kb.page import read_page
from kb.records import extract_records
from kb.hotlines import extract_hotlines
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


@pytest.mark.parametrize("text, numbers", [
    ("0536-8090762, 8090775", ("0536-8090762", "0536-8090775")),
    ("0536-8090465，19953687355", ("0536-8090465", "19953687355")),
    ("8090775", ("8090775",)),
    ("无号码", ()),
])
def test_parse_numbers(text, numbers):
    assert parse_numbers(text) == numbers


def records_by_kind(articles):
    return {r.kind: r for a in articles for r in extract_records(a)}


@pytest.mark.parametrize("kind, field, value", [
    ("job_fair", "dates", "2月9日、16日"),
    ("job_fair", "platforms", "“寒亭人社”“找活儿”等微信平台"),
    ("job_fair", "companies", "76家"),
    ("job_fair", "positions", "2174个"),
    ("job_fair", "participants", "459名"),
    ("job_fair", "agreements", "213名"),
    ("job_results", "returned", "4135人"),
    ("job_results", "rate", "98.3%"),
    ("vegetable_platform", "model", "百姓点菜、政府检菜、菜商送菜"),
    ("vegetable_platform", "lead", "安丘市农业农村局"),
    ("vegetable_platform", "platform", "乡村赋能微服务平台"),
    ("vegetable_platform", "delivery", "安丘农耕农业发展有限公司"),
    ("vegetable_cooperative", "name", "名峰蔬菜种植专业合作社"),
    ("vegetable_cooperative", "daily", "20000公斤"),
    ("freight_train", "resumed", "2月23日"),
    ("freight_train", "origin", "青州港天物流园"),
    ("freight_train", "destinations", "位于中亚的塔什干等城市"),
    ("freight_train", "frequency", "每月15至20列"),
    ("freight_train", "cargo", "工程机械、拖拉机、钢卷、温室大棚材料、轮胎、瓷砖等"),
    ("project_start", "count", "14个重大重点项目"),
    ("project_start", "main_venue", "潍坊高新区"),
    ("municipal_projects", "total", "220个项目总投资4722.3亿元"),
    ("municipal_projects", "annual", "618.4亿元"),
    ("project_signing", "date", "2月20日"),
    ("project_signing", "projects", "山东潍坊智慧科技城二期、中智人力资源区域总部等总投资30亿元的6个项目"),
    ("liaison_officers", "departments", "65个县直有关部门"),
    ("epidemic_control", "first_case", "1月23日"),
    ("epidemic_control", "clinics", "27处发热门诊"),
    ("epidemic_control", "hospital", "临朐县人民医院"),
    ("epidemic_control", "days", "23天"),
    ("medic_family_care", "delivery", "交运优选"),
    ("medic_family_care", "frequency", "每周配送到家中，直至疫情结束"),
])
def test_record_field(articles, kind, field, value):
    assert records_by_kind(articles)[kind].value(field) == value
