import shutil

import pytest

from kb.answers import NOT_FOUND_TEXT
from kb.build import build
from kb.knowledge_base import KnowledgeBase
from kb.settings import ARTICLES_DIR
from tests.kb.test_extraction import NINE_HOTLINES

HOTLINE_SOURCE = "来源：《潍坊市委经济运行 应急指挥部 多部热线电话开通》（2020年2月22日）"


def test_every_department_answers_with_all_its_numbers(kb):
    assert kb.departments() == list(NINE_HOTLINES)
    for department, numbers in NINE_HOTLINES.items():
        answer = kb.ask(f"{department}的热线是多少")
        assert answer.department == department
        assert all(number in answer.text for number in numbers)
        assert answer.source == HOTLINE_SOURCE


@pytest.mark.parametrize("text, department", [
    ("金融的呢？", "金融运行"), ("外经贸热线", "外经贸运行"), ("交通运输", "交通运输保障"),
    ("就业那个号码", "就业保障"), ("消费与市场运行", "消费与市场运行"), ("天气", None),
])
def test_partial_department_names(kb, text, department):
    assert kb.find_department(text) == department


def test_hotline_list_has_every_number_once(kb):
    answer = kb.ask("复工热线电话有哪些")
    for numbers in NINE_HOTLINES.values():
        for number in numbers:
            assert answer.text.count(number) == 1
    assert "2月22日17点" in answer.text
    assert answer.source == HOTLINE_SOURCE


@pytest.mark.parametrize("question, topic, facts", [
    ("齐鲁号一个月发几趟", "train", ["15至20列"]),
    ("班列运些什么货", "train", ["工程机械", "瓷砖"]),
    ("从哪里发车", "train", ["青州港天物流园"]),
    ("网上菜篮子超市是什么模式", "vegetable", ["百姓点菜、政府检菜、菜商送菜"]),
    ("谁负责配送", "vegetable", ["安丘农耕农业发展有限公司"]),
    ("网上招聘会在哪些平台", "jobs", ["寒亭人社", "找活儿"]),
    ("有多少人达成就业意向", "jobs", ["213名"]),
    ("220个项目总投资多少", "projects", ["4722.3亿元"]),
    ("临朐设了几处发热门诊", "linqu", ["27处"]),
    ("联络员派驻到多少家物流企业", "liaison", ["8家物流企业"]),
    ("关爱物资谁来送", "medic_care", ["交运优选"]),
])
def test_topic_answers_carry_the_facts_and_a_source(kb, question, topic, facts):
    answer = kb.ask(question, topic=topic)
    assert answer.found and answer.topic == topic
    assert all(fact in answer.text for fact in facts), answer.text
    assert answer.source.startswith("来源：《")


def test_a_topic_without_a_question_gives_its_records(kb):
    answer = kb.ask("", topic="train")
    assert "每月15至20列" in answer.text and "青州港天物流园" in answer.text


def test_search_without_topic_finds_the_long_tail(kb):
    answer = kb.ask("中国农创港是什么项目")
    assert answer.found and "中国农创港" in answer.text
    assert "重点项目开工忙" in answer.source


@pytest.mark.parametrize("question", ["今天天气怎么样", "", "   ", "😀😀😀", "<img src=x onerror=alert(1)>",
                                      "x" * 10_000, "股票明天会涨吗"])
def test_unrelated_or_odd_input_is_not_found(kb, question):
    answer = kb.ask(question)
    assert not answer.found and answer.text == NOT_FOUND_TEXT


def test_odd_input_within_a_topic_still_answers(kb):
    answer = kb.ask("😀" * 5000, topic="vegetable")
    assert answer.found and "菜篮子" in answer.text


def test_human_handoff_department_for_topics(kb):
    assert kb.topic_department("jobs") == "就业保障"
    assert kb.topic_department(None) == "综合协调"
    assert kb.topic_department("no such topic") == "综合协调"


def test_a_new_article_with_a_new_hotline_list_needs_no_code(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    shutil.copy(ARTICLES_DIR / "2020-02-weifang-resumption.txt", articles)
    (articles / "2020-03-qingzhou.txt").write_text(
        "---\npage: 测试版面\ndate: 2020-03\n---\n"
        "青州市开通 复工热线\n□ 记者 测试 报道\n"
        "本报青州讯 3月2日起，青州市开通企业复工热线电话。主要包括：\n"
        "- 防疫物资保障** (0536-3261234)\n"
        "- 外来务工服务:(0536-3265678, 3265679)\n"
        "企业有困难可拨打电话咨询。\n", encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'kb.sqlite'}"
    report = build(articles, url)
    kb = KnowledgeBase.load(url)
    assert report.hotlines == 11
    answer = kb.ask("防疫物资保障热线")
    assert "0536-3261234" in answer.text and "青州市开通 复工热线" in answer.source
    assert "0536-3265679" in kb.ask("外来务工服务的电话").text
    assert "0536-8090465" in kb.ask("金融运行热线").text


@pytest.mark.parametrize("question, topic", [("济南市企业复工热线是多少", "hotline"), ("那济南的就业热线呢", None),
                                             ("青岛有没有复工复产咨询电话", None), ("北京的网上招聘会", "jobs")])
def test_places_the_articles_never_mention_are_declined(kb, question, topic):
    answer = kb.ask(question, topic=topic)
    assert not answer.found and "报道里没有关于" in answer.text and "0536" not in answer.text


@pytest.mark.parametrize("question", ["潍坊的复工热线", "临朐的定点医院是哪家", "安丘的菜篮子超市", "青州发车的班列"])
def test_places_in_the_articles_are_answered(kb, question):
    assert kb.ask(question).found
