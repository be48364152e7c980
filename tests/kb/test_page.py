from pathlib import Path

import pytest

from kb.page import read_page, split_articles, split_front_matter
from kb.settings import ARTICLES_DIR

SEED_PAGE = ARTICLES_DIR / "2020-02-weifang-resumption.txt"


@pytest.fixture(scope="module")
def page():
    return read_page(SEED_PAGE)


def test_front_matter_is_read(page):
    assert page.meta["date"] == "2020-02"
    assert page.year == 2020


def test_the_page_holds_nine_articles_with_their_titles(page):
    titles = [a.title for a in page.articles]
    assert titles == [
        "潍坊市推动疫情防控和高质量发展“两不误”“双胜利” 重点项目开工忙 “双招双引”出新招",
        "潍坊市委经济运行 应急指挥部 多部热线电话开通",
        "昌乐派驻联络员 打好防疫复工联动战",
        "临朐县建立疫情防控“不漏一人、不落一户”信息网 联防联控 守望相助",
        "线上就业服务助力复工复产",
        "“齐鲁号”欧亚班列 恢复常态化运行",
        "启动抗疫一线医务人员 家庭关爱行动",
        "潍城区6个项目视频签约",
        "网上“菜篮子超市” 满足需求稳定物价",
    ]


def test_the_jumped_linqu_article_is_glued_back_mid_word(page):
    linqu = page.articles[3]
    assert "启用隔离病房和2处集中隔离点" in linqu.text
    assert linqu.text.endswith("凝聚起了四方联防联控、邻里守望相助的“临朐力量”。")
    assert linqu.byline == "本报记者 谭佃贵；本报通讯员 刘明志 刘瑞华"


def test_paragraphs_broken_by_columns_are_joined(page):
    assert "相继启动了重点项目建设" in page.articles[0].text
    assert "及时发布落地一系列支持企业复工复产的利好政策" in page.articles[4].text


def test_footer_is_not_an_article_or_text(page):
    assert not any("责任编辑" in a.text or "85193261" in a.text for a in page.articles)


def test_dateline_place_is_taken_off_the_text(page):
    hotline = page.articles[1]
    assert hotline.place == "潍坊"
    assert hotline.paragraphs[0].startswith("为保障企业开工复工")


def test_article_date_is_the_latest_day_reported(page):
    dates = [page.date_of(a) for a in page.articles]
    assert dates[1] == "2020年2月22日"       # hotlines opened
    assert dates[4] == "2020年2月16日"       # "2月9日、16日": the second day counts
    assert dates[6] == "2020年2月"           # no day in the text: the page's month


def test_front_matter_must_be_closed():
    with pytest.raises(ValueError):
        split_front_matter("---\npage: x\n正文")


def test_a_page_without_front_matter_is_all_body():
    meta, body = split_front_matter("标题\n□ 记者 某某\n正文。")
    assert meta == {} and body.startswith("标题")


def test_two_plain_articles():
    articles = split_articles("第一篇标题\n□ 记者 甲 报道\n本报青州讯 第一段。\n第二篇标题\n□ 记者 乙\n第二段。")
    assert [(a.title, a.place, a.paragraphs) for a in articles] == [
        ("第一篇标题", "青州", ["第一段。"]), ("第二篇标题", "", ["第二段。"])]
