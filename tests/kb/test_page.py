
from datetime import date

import pytest

from kb.page import parse_page, read_page, split_articles, split_front_matter
from kb.settings import ARTICLES_DIR
from kb.text import normalize, said_han
from kb.web_layout import Dateline, is_furniture, read_dateline

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


@pytest.mark.parametrize("fence", ["---", "+++"])
def test_front_matter_must_be_closed(fence):
    with pytest.raises(ValueError):
        split_front_matter(f"{fence}\npage: x\n正文")


def test_front_matter_written_as_yaml_by_a_site_generator():
    meta, body = split_front_matter(
        '---\ntitle: "某区KTV8月24日起恢复营业"\nsource: 某区文旅局\ndate: "2020/08/21 15:30"\n'
        'tags: [文化市场, 网吧]\nsummary: >\n  第一行，\n  第二行。\n---\n正文。')
    assert meta == {"title": "某区KTV8月24日起恢复营业", "publisher": "某区文旅局", "date": "2020-08-21",
                    "tags": "文化市场、网吧", "summary": "第一行， 第二行。"}
    assert body == "正文。"


@pytest.mark.parametrize("sender", ["fromname", "from_name"])  # a letter template's, a newsletter tool's
def test_a_letters_or_mailings_front_matter_is_titled_by_its_subject_and_published_by_its_sender(sender):
    meta, _ = split_front_matter(f"---\ndocumentclass: scrlttr2\n{sender}: 青禾社区食堂\ntoname: 各位居民\n"
                                 "subject: 关于调整午餐价格的告知\ndate: 2025年1月6日\n---\n午餐涨价1元。\n")
    assert (meta["title"], meta["publisher"], meta["date"]) == ("关于调整午餐价格的告知", "青禾社区食堂", "2025-01-06")


def test_a_notes_subject_is_no_title():
    meta, _ = split_front_matter("---\nsubject: 物理\ntitle: 牛顿第二定律课堂笔记\n---\n合力越大，加速度越大。\n")
    assert meta["title"] == "牛顿第二定律课堂笔记"
    meta, _ = split_front_matter("---\nsubject: 物理\n---\n# 牛顿第二定律课堂笔记\n")
    assert "title" not in meta


HUGO_NOTICE = """+++
title = "某区图书馆春节假期开放时间调整"
date = 2025-01-20T07:30:00+08:00
author = "某区图书馆"
tags = ["图书馆", "春节"]
description = "春节期间少儿阅览室闭馆。"

[params]
  source = "某区文化和旅游局"
  title = "旧标题"
+++

除夕、初一闭馆，初二至初六每天9:00至16:00开放，自助借还机照常使用。
"""


def test_front_matter_written_as_toml_by_hugo():
    meta, body = split_front_matter(HUGO_NOTICE)
    # 07:30 at +08:00 is still the 19th in UTC: the day is the one written
    assert meta == {"title": "某区图书馆春节假期开放时间调整", "date": "2025-01-20", "author": "某区图书馆",
                    "tags": "图书馆、春节", "description": "春节期间少儿阅览室闭馆。", "publisher": "某区文化和旅游局"}
    assert body.strip() == "除夕、初一闭馆，初二至初六每天9:00至16:00开放，自助借还机照常使用。"


def test_a_toml_front_matter_toml_refuses_is_read_line_by_line():
    meta, body = split_front_matter('+++\ntitle = "某街道社区书屋暑期延时开放"\ndate = "2024-07-08 10:00"\n'
                                    "source = 某街道办事处\n[extra]\nsource = '某区文化馆'\n+++\n正文。")
    assert meta == {"title": "某街道社区书屋暑期延时开放", "date": "2024-07-08", "publisher": "某街道办事处"}
    assert body == "正文。"


@pytest.mark.parametrize("line, value", [
    ("title: 专访: 菜博会怎么逛", "专访: 菜博会怎么逛"),           # not YAML: read line by line
    ("title: 某县 #话题# 公园开放", "某县 #话题# 公园开放"),       # not cut at YAML's "comment"
    ("标题: 某县公园开放", "某县公园开放"),
])
def test_a_front_matter_title_is_read_as_written(line, value):
    assert split_front_matter(f"---\n{line}\ndate: 2020年3月5日\n---\n正文。")[0] == {
        "title": value, "date": "2020-03-05"}


@pytest.mark.parametrize("lines, day", [
    ("created: 2023-05-02 21:14\nupdated: 2023-06-11 08:30", "2023-06-11"),  # a note app's: the text as it stands
    ("Date: 2023年5月20日\nupdated: 2023-06-11", "2023-05-20"),                # the publication day wins
    ("lastmod: 2023-06-11T08:30:00+08:00\npubDate: 2023/05/20", "2023-05-20"),
    ("lastUpdated: 2023-06-11", "2023-06-11"),                                  # a docs site's (VitePress)
    ("last_modified_at: 2023-06-11T08:30:00+08:00", "2023-06-11"),               # Jekyll's
    ("created: 2023-05-02", "2023-05-02"),
    ("创建时间: 2023-05-02\n更新时间: 2023年6月11日 08:30", "2023-06-11"),
    ("date: \"{{date}}\"\nmodified: 2023-06-11", "2023-06-11"),              # a template's blank dates nothing
])
def test_a_note_is_dated_by_its_best_date_key(lines, day):
    assert split_front_matter(f"---\ntitle: 某社区老年食堂开业\n{lines}\n---\n正文。")[0] == {
        "title": "某社区老年食堂开业", "date": day}


def test_a_source_that_is_a_web_address_is_the_url_not_the_publisher():
    meta = split_front_matter("---\ntitle: 某街道开设暑期托管班\nsource: https://news.example.cn/a/1.html\n---\n正文。")[0]
    assert meta == {"title": "某街道开设暑期托管班", "url": "https://news.example.cn/a/1.html"}
    assert split_front_matter("---\nsource: 某某晚报\n---\n正文。")[0] == {"publisher": "某某晚报"}


def test_header_fields_without_fences_are_the_front_matter():
    meta, body = split_front_matter("标题：某港一季度吞吐量增长12.4%\n日期：2020年4月9日\n来源：某某日报\n\n正文。")
    assert meta == {"title": "某港一季度吞吐量增长12.4%", "date": "2020-04-09", "publisher": "某某日报"}
    assert body.strip() == "正文。"
    assert split_front_matter("来源：某某日报\n正文。")[0] == {}  # a 来源 line alone is a dateline, not a header


@pytest.mark.parametrize("label", ["正文", "【正文】", ""])
def test_a_drafts_caption_may_stand_over_a_blank_line_and_its_text_under_any_label(label):
    meta, body = split_front_matter(f"推文信息\n\n标题：青禾镇卫生院10月起免费测骨密度\n拟发布日期：2024年9月26日\n\n"
                                    f"{label}\n65岁以上老人免费测骨密度。\n")
    assert (meta["title"], meta["date"]) == ("青禾镇卫生院10月起免费测骨密度", "2024-09-26")
    assert body.strip() == "65岁以上老人免费测骨密度。"


def test_a_pasted_texts_abstract_without_a_drafts_caption_stays_text():
    meta, body = split_front_matter("标题：青禾县2024年农村饮水安全工作总结\n作者：青禾县水利局\n"
                                    "摘要：全年新建集中供水工程12处，受益人口3.2万人。\n一、主要工作\n")
    assert meta == {"title": "青禾县2024年农村饮水安全工作总结", "作者": "青禾县水利局"}
    assert body.startswith("摘要：全年新建集中供水工程12处")


def test_a_drafts_table_of_fields_under_its_caption_is_the_front_matter():
    meta, body = split_front_matter("　　稿件信息\n　　标题：青禾镇卫生院10月起免费测骨密度\n"
                                    "　　拟发布日期：2024年9月26日（周四）\n　　摘要：请转给家里老人\n　　配图：2张\n"
                                    "　　发布单位：青禾镇卫生院\n　　正文\n　　65岁以上老人免费测骨密度。\n")
    assert meta == {"title": "青禾镇卫生院10月起免费测骨密度", "date": "2024-09-26", "publisher": "青禾镇卫生院",
                    "摘要": "请转给家里老人", "配图": "2张"}
    assert body.strip() == "65岁以上老人免费测骨密度。"  # no caption, no label over the text


def test_a_page_without_front_matter_is_all_body():
    meta, body = split_front_matter("标题\n□ 记者 某某\n正文。")
    assert meta == {} and body.startswith("标题")


def test_two_plain_articles():
    articles = split_articles("第一篇标题\n□ 记者 甲 报道\n本报青州讯 第一段。\n第二篇标题\n□ 记者 乙\n第二段。")
    assert [(a.title, a.place, a.paragraphs) for a in articles] == [
        ("第一篇标题", "青州", ["第一段。"]), ("第二篇标题", "", ["第二段。"])]


# --- web layouts, punctuated titles, single articles ---------------------------------------------

def test_a_title_with_ascii_punctuation_before_a_byline_is_a_title():
    page = parse_page("p", "---\ndate: 2020-03\n---\n临朐:为返岗员工开通包车,已接回1260人\n□ 记者 马丽 报道\n"
                           "本报临朐讯 临朐县为企业提供包车服务。\n")
    assert [(a.title, a.place, a.paragraphs) for a in page.articles] == [
        ("临朐：为返岗员工开通包车，已接回1260人", "临朐", ["临朐县为企业提供包车服务。"])]


@pytest.mark.parametrize(("edition", "title", "first"), [
    ("（征求意见稿）", "某县物业服务收费管理办法（征求意见稿）", "第一条 为规范收费，制定本办法。"),
    ("（2025年版）", "某县物业服务收费管理办法（2025年版）", "（2025年版）"),
    ("（2025年7月1日起执行）", "某县物业服务收费管理办法", "（2025年7月1日起执行）"),
    ("（请各小区物业转告业主）", "某县物业服务收费管理办法", "（请各小区物业转告业主）"),
    ("（记者 王某）", "某县物业服务收费管理办法", "（记者 王某）"),
    ("（一）总则", "某县物业服务收费管理办法", "（一）总则"),
    ("（按条款顺序）", "某县物业服务收费管理办法", "（按条款顺序）"),
    ("（上接第2版）", "某县物业服务收费管理办法", "（上接第2版）"),
    ("（记者 季晓燕）", "某县物业服务收费管理办法", "（记者 季晓燕）"),
    ("（县融媒体中心供稿）", "某县物业服务收费管理办法", "（县融媒体中心供稿）"),
    ("（总第1024期）", "某县物业服务收费管理办法（总第1024期）", "（总第1024期）"),
    ("（上）", "某县物业服务收费管理办法（上）", "第一条 为规范收费，制定本办法。"),
], ids=["a-draft", "a-year-also-stays-in-the-text", "a-month-it-takes-effect", "a-request", "a-credit", "an-item",
        "a-note", "a-pages-pointer", "a-credit-ending-in-a-season-character", "a-credit-ending-in-a-draft",
        "an-issue-number", "a-part"])
def test_a_line_in_brackets_under_a_title_naming_its_edition_is_part_of_it(edition, title, first):
    [article] = split_articles(f"某县物业服务收费管理办法\n{edition}\n第一条 为规范收费，制定本办法。\n"
                               "第二条 本办法自2025年7月1日起施行。\n")
    assert (article.title, article.paragraphs[0]) == (title, first)


def test_an_edition_line_ends_the_title():
    [article] = split_articles("某某小区冬季供暖服务指南\n（2024—2025年度供暖季）\n供暖时间\n"
                               "今年供暖期为11月15日至次年3月15日。\n")
    assert article.title == "某某小区冬季供暖服务指南（2024—2025年度供暖季）"
    assert article.paragraphs[0] == "（2024—2025年度供暖季）"


def test_a_cover_under_a_titles_edition_line_publishes_and_dates_it():
    page = parse_page("p", "某某县人居环境整治实施方案\n（征求意见稿）\n某某县人民政府\n2024年5月10日\n"
                           "一、总体要求\n全面开展村庄清洁行动，做到垃圾日产日清。\n")
    [article] = page.articles
    assert (article.title, page.iso_date_of(article), article.publisher) == \
        ("某某县人居环境整治实施方案（征求意见稿）", "2024-05-10", "某某县人民政府")


def test_a_broken_paragraph_with_a_comma_above_a_title_stays_a_paragraph():
    body = ("甲文标题\n□ 记者 甲\n第一段讲完了。\n该县科学做好预检分诊工作,启用隔离病\n"
            "乙文标题\n□ 记者 乙\n乙文正文。\n"
            "□ 责任编辑 丙\n甲文续\n房和2处集中隔离点。\n")
    articles = split_articles(body)
    assert [a.title for a in articles] == ["甲文标题", "乙文标题"]
    assert articles[0].text.endswith("启用隔离病房和2处集中隔离点。")


WEB_ARTICLE = """高新区清池街道:政企联手,帮企业招到580名工人
发布时间：2020-03-12 16:05  来源：齐鲁晚报  浏览次数：321 【字体：大 中 小】
原标题：清池街道“店小二”服务解企业用工之困
春节后,清池街道组织23名机关干部组成服务队,逐家走访辖区132家企业。
截至3月15日,已帮助企业招到工人580名。
(编辑:赵敏)
责任编辑：钱涛
【打印本页】【关闭窗口】
"""


def test_a_web_article_without_byline_is_one_article_without_its_furniture():
    page = parse_page("web", WEB_ARTICLE)
    [article] = page.articles
    assert article.title == "高新区清池街道：政企联手，帮企业招到580名工人"
    assert article.paragraphs == ["春节后，清池街道组织23名机关干部组成服务队，逐家走访辖区132家企业。",
                                  "截至3月15日，已帮助企业招到工人580名。"]
    assert page.publisher_of(article) == "齐鲁晚报"


@pytest.mark.parametrize("line", ["来源：潍坊日报", "2020年3月2日 来源：潍坊日报", "（编辑：赵敏）", "责任编辑：钱涛",
                                  "原标题：清池街道服务解企业用工之困", "【打印本页】【关闭窗口】", "— END —",
                                  "长按识别二维码关注我们", "文字：记者 马丽娟", "编辑：刘晓 | 审核：王强", "|"])
def test_web_furniture_is_neither_text_nor_title(line):
    [article] = split_articles(f"{line}\n标题在这里\n□ 记者 某某\n正文第一句。\n{line}\n正文第二句。\n{line}\n")
    assert article.title == "标题在这里"
    assert article.paragraphs == ["正文第一句。", "正文第二句。"]


def test_a_front_matter_title_makes_the_body_one_article():
    page = parse_page("one", "---\ntitle: 寿光市开通“就业直通车”\ndate: 2020-03-05\n---\n寿光市开通“就业直通车”\n"
                             "第一批\n4辆大巴车出发。\n短句\n第二段。\n")
    assert [(a.title, a.paragraphs) for a in page.articles] == [
        ("寿光市开通“就业直通车”", ["第一批4辆大巴车出发。", "短句第二段。"])]


def test_a_front_matter_title_repeated_over_two_lines_is_no_text():
    page = parse_page("one", "---\ntitle: 某县住建局关于暂停建筑工地夜间施工的通知\n---\n某县住建局\n"
                             "关于暂停建筑工地夜间施工的通知\n各建筑施工企业：\n自3月1日起，城区工地22:00后停止施工。\n")
    [article] = page.articles
    assert article.paragraphs == ["各建筑施工企业：", "自3月1日起，城区工地22:00后停止施工。"]


def test_a_numbered_heading_on_its_own_line_stays_apart_from_the_text_under_it():
    page = parse_page("one", "---\ntitle: 某县养老服务补贴政策问答\n---\n一、哪些老人可以领取\n"
                             "具有本县户籍、年满80周岁的老人，每人每月100元。\n二、怎么申请\n"
                             "由村（社区）统一代办，老人不用跑腿。\n"
                             "（一）补贴按季度发放，每季度首月\n15日前到账。\n")
    [article] = page.articles
    assert article.paragraphs == [
        "一、哪些老人可以领取", "具有本县户籍、年满80周岁的老人，每人每月100元。", "二、怎么申请",
        "由村（社区）统一代办，老人不用跑腿。", "（一）补贴按季度发放，每季度首月15日前到账。"]


def test_a_heading_numbered_past_nine_stays_apart_too():
    page = parse_page("ten", "---\ntitle: 某区便民服务事项清单\n---\n9.证照办理\n"
                             "营业执照可在网上申请，3个工作日办结。\n10、证明开具\n户籍证明由社区代开，当天取件。\n")
    [article] = page.articles
    assert article.paragraphs == ["9.证照办理", "营业执照可在网上申请，3个工作日办结。", "10、证明开具",
                                  "户籍证明由社区代开，当天取件。"]


@pytest.mark.parametrize("opening, title", [
    # cited by its opening words, never 《》
    ("社区老年食堂从下周一开始营业，每餐八元。", "社区老年食堂从下周一开始营业…"),
    # a greeting names nothing: the words after it do
    ("各位居民朋友大家好，我是社区网格员，社区老年食堂从下周一开始营业。", "我是社区网格员…"),
    ("哈喽，老铁们，今天带大家看看新开的老年食堂。", "今天带大家看看新开的老年食堂…"),
    ("乡亲们大家好，老年食堂下周一开张。", "老年食堂下周一开张…"),
    ("大家准备好，下周一老年食堂开张。", "大家准备好…"),  # no greeting: it says something
    # any group the words call "…们" or address as "各位…" when they wish it well, not only the audiences listed
    ("工友们早上好，明天起食堂早饭提前到六点半。", "明天起食堂早饭提前到六点半…"),
    ("各位大爷大妈下午好，今天讲讲老年食堂怎么订餐。", "今天讲讲老年食堂怎么订餐…"),
    ("各位乘客，欢迎乘坐5路公交车，本车开往火车站。", "欢迎乘坐5路公交车…"),  # an address alone, no wish
    ("咱们好好干，老年食堂下周一开张。", "咱们好好干…"),  # a wish to work well, no greeting (passes before too)
    # a work's name in 《》 is not cut at its comma; a whole sentence is no opening cut short ("…")
    ("公益短片《天冷了，窗户留条缝》。", "公益短片《天冷了，窗户留条缝》"),
    # signs around the words are no part of them (a Word paragraph of its own)
    ("　　★ 社区老年食堂（东关店）★\n　　食堂今天开张。", "社区老年食堂（东关店）"),
])
def test_an_article_without_a_headline_is_titled_by_its_opening_words(opening, title):
    page = parse_page("p", f"---\ndate: 2024-01-15\n---\n{opening}\n食堂在社区服务中心一楼，中午供应午餐。\n")
    assert page.articles[0].title == title


@pytest.mark.parametrize("opening, day", [
    # the speaker says what day it is: the talk's day, not the last day it names
    ("大家好，我是社区食堂的李师傅。\n今天是2024年9月2日，跟大家说说食堂的新规矩。\n", "2024-09-02"),
    ("李师傅：今天是2024年9月2日，跟大家说说食堂的新规矩。\n", "2024-09-02"),  # after a speaker's name
    # said further on it is a story's day, not the talk's (passes before too)
    ("大家好。我是李师傅。先说两句。食堂开了三年了。那年冬天很冷，今天是2021年1月7日，我记得清楚。\n", ""),
])
def test_a_talk_is_dated_by_the_day_its_speaker_says_it_is(opening, day):
    page = parse_page("p", f"{opening}午餐每份12元，办卡的老人每份10元。\n这张卡一直用到2024年12月31日。\n")
    assert page.iso_date_of(page.articles[0]) == day


@pytest.mark.parametrize("text, day", [
    # "到" ends a span or an open season as 至 does: a day the text sets ahead, which does not date it
    ("2月24日，某县税务局提醒，3月1日到3月20日办理汇算要先在APP上预约。\n", "2月24日"),
    # a day before the season's end, later in the year than it, is of the year before that end, which the text names
    ("某县滑雪场2024—2025雪季12月5日正式开放，一直开到2025年3月2日，平日票价120元。\n", "2024年12月5日"),
    ("3月10日，某县召开接种工作会议。截止到3月15日，全县累计接种1.2万人。\n", "3月15日"),  # "截止到": as of
    ("3月2日，居民反映某路路灯不亮。直到3月6日，路灯才修好。\n", "3月6日"),  # "直到": a day that came
])
def test_a_day_up_to_which_a_text_runs_does_not_date_it_and_gives_its_year_to_the_days_before(text, day):
    page = parse_page("p", f"某县办事提醒\n{text}")
    assert page.date_of(page.articles[0]) == day


@pytest.mark.parametrize("headline, title", [
    ("🔥🔥【某社区团购 周末特价】🔥🔥", "某社区团购 周末特价"),  # signs around a post's headline are no words of it
    ("📌 小区停水通知", "小区停水通知"),
    ("社区团购一周销量增长12.4%", "社区团购一周销量增长12.4%"),  # a unit is kept (passes before too)
    ("“互联网+”社区团购上线", "“互联网+”社区团购上线"),  # marks of the words are kept
    ("社区团购#春节返乡#", "社区团购#春节返乡#"),
])
def test_signs_around_a_headline_are_no_part_of_its_title(headline, title):
    page = parse_page("p", f"{headline}\n本周六上午9点在社区广场取货，鸡蛋每斤5元。\n")
    assert page.articles[0].title == title


@pytest.mark.parametrize("lines", [
    ["各单位要加强安全生产检查，切实防范各类事故……现将有关", "事项通知如下。"],  # an ellipsis, no leaders
    ["今年村里修了一条路，村支书老王", "笑着说：“这条路修好了，下雨天再也不怕了。”"],  # a verb before "：", no field
    ["全市安全生产工作会议　12月5日上午召开，市委常委、", "副市长张某出席会议并讲话。"],  # a wide space in prose
], ids=["ellipsis", "speech", "wide-space"])
def test_a_wrapped_sentence_runs_on_past_marks_that_only_look_like_a_lists(lines):
    page = parse_page("p", "---\ntitle: 某地新闻\n---\n" + "\n".join(lines) + "\n")
    assert page.articles[0].paragraphs == ["".join(lines).replace("　", " ")]


def test_a_price_lists_leader_lines_and_a_dashed_heading_are_no_run_on_lines():
    page = parse_page("p", "---\ntitle: 某某洗车店价目\n---\n营业：每天8:00至20:00\n—— 价格表 ——\n"
                           "普通洗车（小轿车）………… 25元/次\n精洗（含内饰）………… 60元/次\n打蜡…… 80元/次\n"
                           "—— 注意事项 ——\n车内贵重物品请自行带走，丢失本店不负责。\n")
    assert page.articles[0].paragraphs == [
        "营业：每天8:00至20:00", "—— 价格表 ——", "普通洗车（小轿车）………… 25元/次", "精洗（含内饰）………… 60元/次",
        "打蜡…… 80元/次", "—— 注意事项 ——", "车内贵重物品请自行带走，丢失本店不负责。"]


def test_a_heading_between_rules_of_any_marks_is_no_run_on_line():
    page = parse_page("p", "---\ntitle: 某某拼车专线\n---\n预约电话：0536-1234567\n━━━━━━ 价格 ━━━━━━\n"
                           "拼座每人80元，包车整车300元\n========== 说明 ==========\n不接宠物\n")
    assert page.articles[0].paragraphs == ["预约电话：0536-1234567", "━━━━━━ 价格 ━━━━━━",
                                           "拼座每人80元，包车整车300元", "========== 说明 ==========", "不接宠物"]


def test_a_pasted_chats_times_and_messages_are_no_run_on_lines():
    page = parse_page("p", "---\ntitle: 某小区停水通知\n---\n5月8日9:00至17:00小区停水，请提前储水。\n"
                           "——以下为群聊记录——\n5月7日 18:02\n网格员小赵：@所有人 明天停水[抱拳]\n"
                           "5月7日 18:05\n3号楼王姐：几点来水\n")
    assert page.articles[0].paragraphs[1:] == ["——以下为群聊记录——", "5月7日 18:02",
                                               "网格员小赵：@所有人 明天停水[抱拳]", "5月7日 18:05",
                                               "3号楼王姐：几点来水"]


def test_a_notepad_logs_time_and_day_stamps_part_its_entries():
    """Notepad's ".LOG" file stamps each entry with its time before its day ("9:05 2025/3/3"): a line of its own,
    which neither an unfinished entry above nor the entry under it runs into."""
    page = parse_page("p", "---\ntitle: 羽毛球赛筹备记录\n---\n.LOG\n\n8:10 2025/5/6\n要办的事：1.场地 2.裁判\n\n"
                           "9:05 2025/5/7\n体育馆说5月18日全天空着\n")
    assert page.articles[0].paragraphs == ["要办的事：1.场地 2.裁判", "9:05 2025/5/7", "体育馆说5月18日全天空着"]


def test_a_printed_slips_spaced_kind_with_its_note_titles_the_fields_under_its_rule():
    page = parse_page("p", "某某旅行社有限公司\n========================\n     出 团 单（两日游）\n"
                           "========================\n团号：MS-0611        打印时间：2024-06-03 09:15\n"
                           "线路：某山两日游\n集合：6月11日早上7点在社区南门集合，过时不候。\n")
    [article] = page.articles
    # its issuer over the rule is kept
    assert (article.title, page.iso_date_of(article)) == ("某某旅行社有限公司出团单（两日游）", "2024-06-03")
    unspaced = parse_page("p", "某某旅行社有限公司\n====\n出团单（两日游）\n====\n"
                               "团号：MS-0611 打印时间：2024-06-03 09:15\n"
                               "集合：6月11日早上7点在社区南门集合，过时不候。\n")
    assert (unspaced.articles[0].title, unspaced.iso_date_of(unspaced.articles[0])) == (
        "某某旅行社有限公司 出团单（两日游）", "2024-06-03")
    assert article.paragraphs[0] == "团号：MS-0611 打印时间：2024-06-03 09:15"


_SHOT_TABLE = ("某某合作社直播预热分镜脚本\n项目：某某合作社秋季直播\n========\n镜号 | 景别 | 台词 | 时长\n"
               "01 | 中景 | 新米11月2日开卖，5斤一袋卖30元。 | 4秒\n02 | 特写 | 11月8日晚上8点开播。 | 5秒\n========\n"
               "备注：\n1. 镜头02要在晚上拍。\n")


def test_a_plain_text_tables_rows_and_its_notes_between_rules_go_on_with_the_document_above():
    [article] = parse_page("p", _SHOT_TABLE).articles
    assert article.title == "某某合作社直播预热分镜脚本"
    assert article.paragraphs[-4:] == ["01 | 中景 | 新米11月2日开卖，5斤一袋卖30元。 | 4秒",
                                       "02 | 特写 | 11月8日晚上8点开播。 | 5秒", "备注：", "1. 镜头02要在晚上拍。"]


def test_a_sign_off_line_naming_writer_and_reviewer_dates_the_text_and_stays_text():
    line = "编写：小王（剪辑）　审核：社长 某某某　日期：2024年10月9日"
    page = parse_page("p", _SHOT_TABLE.replace("\n项目", f"\n{line}\n项目"))
    [article] = page.articles
    assert page.iso_date_of(article) == "2024-10-09"  # not the latest day it reports (11月8日)
    assert "编写：小王（剪辑） 审核：社长 某某某 日期：2024年10月9日" in article.paragraphs


@pytest.mark.parametrize("second", [
    # an address, no notes label
    "各位居民：\n本周六上午社区举办义诊，地点在社区广场。\n某某社区居委会\n2024年5月6日\n",
    "周末去哪儿｜坊子｜炭矿遗址\n炭矿遗址周一闭馆，门票20元。\n",  # a headline's words parted by bars, no table
])
def test_a_notice_between_rules_is_no_table_or_notes_of_the_one_above(second):
    page = parse_page("p", "关于小区停水的通知\n本周五上午8点到12点，小区停水检修，请提前储水。\n某某物业服务中心\n"
                           f"2024年5月7日\n==========\n{second}")
    assert len(page.articles) == 2


def test_a_plain_text_tables_rows_stand_on_their_lines_and_a_wrapped_line_with_bars_goes_on():
    [table] = parse_page("p", "某某合作社价格表\n品名 | 规格 | 价格\n新米 | 5斤 | 30元\n小米 | 2斤 | 15元\n"
                              "价格自2024年11月1日起执行。\n").articles
    assert table.title == "某某合作社价格表"
    assert table.paragraphs == ["品名 | 规格 | 价格", "新米 | 5斤 | 30元", "小米 | 2斤 | 15元",
                                "价格自2024年11月1日起执行。"]
    long_cell = "须持本人身份证和户口簿到所在街道便民服务中心办理" * 20  # a row of any length is a row
    [rules] = parse_page("p", f"某某补贴办理须知\n事项 | 条件 | 材料\n补贴 | 本市户籍 | {long_cell}\n"
                              "复审 | 次年 | 原件\n").articles
    assert rules.paragraphs == ["事项 | 条件 | 材料", f"补贴 | 本市户籍 | {long_cell}", "复审 | 次年 | 原件"]
    [wrapped] = parse_page("p", "某某博物馆开放通知\n地址：某区风筝路8号 | 电话：0536-1234567 | 开放时间为\n"
                                "每天上午九点到下午五点，周一闭馆。\n").articles
    assert wrapped.paragraphs == ["地址：某区风筝路8号 | 电话：0536-1234567 | 开放时间为每天上午九点到下午五点，"
                                  "周一闭馆。"]


@pytest.mark.parametrize(("line", "day"), [
    ("编写：小王　审核：张三、李四　批准：Tony王　日期：2024年10月9日", "2024-10-09"),  # several reviewers' fields
    ("编印日期：2024年10月9日", "2024-10-09"),  # a programme's printing day, labelled
])
def test_a_sign_off_or_printing_day_in_the_head_dates_the_text(line, day):
    page = parse_page("p", f"某某合作社直播预热安排\n{line}\n11月8日晚上8点开播，新米5斤一袋卖30元。\n")
    assert page.iso_date_of(page.articles[0]) == day


def test_a_bulletins_column_heading_over_an_items_headline_leaves_the_headline_to_title_it():
    page = parse_page("p", "工 作 简 报\n2025年第3期（总第41期）\n某某中心办公室编印 2025年3月18日\n【工作动态】\n"
                           "家庭医生签约服务新举措落地\n今年起，老年人包调整为每人每年100元。\n【数据通报】\n"
                           "截至3月15日，累计签约12860人。\n【关闭窗口】\n")
    assert [a.title for a in page.articles] == ["家庭医生签约服务新举措落地", "数据通报"]  # a page action is no item
    assert {(page.iso_date_of(a), page.publisher_of(a)) for a in page.articles} == {("2025-03-18", "某某中心办公室")}
    assert "关闭窗口" not in page.articles[-1].text


def test_a_layout_mark_in_brackets_over_a_headline_is_no_part_of_it():
    [article] = parse_page("p", "【三折页·封面】\n某某夜校 2025春季班 招生啦\n3月10日开课。\n").articles
    assert article.title == "某某夜校 2025春季班 招生啦"


def test_an_apps_note_under_a_rule_that_the_text_was_made_by_machine_is_no_article():
    page = parse_page("p", "关于某某市场临时搬迁的通告\n临时市场6月20日起营业，营业时间每天5:30—19:00。\n"
                           "==========\n以上内容由OCR自动识别，请对照原图核对。\n[复制全文]  [导出Word]\n")
    assert [a.title for a in page.articles] == ["关于某某市场临时搬迁的通告"]


def test_a_part_about_a_persons_face_check_under_a_rule_is_no_machine_note():
    page = parse_page("p", "青禾县社保卡补办须知\n补办社保卡请带身份证到县政务中心。\n==========\n"
                           "本人到场进行人脸识别后当场制卡\n委托他人代办的，需带双方身份证。\n")
    assert any("人脸识别" in f"{article.title}{article.text}" for article in page.articles)  # not "以上内容由…识别"


def test_a_field_line_under_a_name_opens_a_paragraph():
    page = parse_page("p", "---\ntitle: 某某眼镜取镜通知\n---\n您的眼镜已配好，请按时取镜。\n某某眼镜（东关店）\n"
                           "地址：某县东关街8号\n营业时间：9:00—21:00\n")
    assert page.articles[0].paragraphs[1:] == ["某某眼镜（东关店）", "地址：某县东关街8号", "营业时间：9:00—21:00"]


def test_a_forms_labels_spaced_to_one_width_open_fields_of_their_own():
    page = parse_page("p", "---\ntitle: 某某修鞋铺取件单\n---\n单　　号：XD-0318\n送修日期：2025年3月18日\n"
                           "鞋　　款：黑色皮鞋一双\n合　　计：35元\n")
    assert page.articles[0].paragraphs == ["单 号：XD-0318", "送修日期：2025年3月18日", "鞋 款：黑色皮鞋一双",
                                           "合 计：35元"]


def test_a_tables_rows_set_out_in_spaces_are_no_run_on_lines():
    page = parse_page("p", "---\ntitle: 某某药房销售小票\n---\n品名          规格      数量    金额\n"
                           "感冒灵颗粒    10g*9袋   2盒     31.00\n"
                           "维生素C片     100片     1瓶     12.50\n合计：43.50元\n")
    assert page.articles[0].paragraphs == ["品名 规格 数量 金额", "感冒灵颗粒 10g*9袋 2盒 31.00",
                                           "维生素C片 100片 1瓶 12.50", "合计：43.50元"]


def test_a_price_lists_two_columns_set_apart_by_a_wide_space_are_rows():
    page = parse_page("p", "---\ntitle: 某某修鞋摊价目\n---\n—— 修鞋 ——\n换鞋跟　20元/双\n擦鞋　3元\n"
                           "鞋底打掌（防滑）  35元/双\n只收现金和微信。\n")
    assert page.articles[0].paragraphs == ["—— 修鞋 ——", "换鞋跟 20元/双", "擦鞋 3元", "鞋底打掌（防滑） 35元/双",
                                           "只收现金和微信。"]


@pytest.mark.parametrize("bar", ["< 返回          某某洗车          ···", "< 某某洗车 🚗        [ 关注 ]   ↗",
                                 "〈 门店详情 ··· ◎", "‹门店详情 ...",
                                 "大众点评\n\n< 某某洗车 🚗        [ 关注 ]   ↗"])  # the app's name over its bar
def test_an_app_page_copied_as_text_is_one_article_without_its_top_bar(bar):
    page = parse_page("p", f"{bar}\n\n某某自助洗车（东关店）\n"
                           "★★★★☆ 4.6  |  月服务 1800 次\n位置：某县东关街12号\n营业：24小时\n\n"
                           "—— 价格表 ——\n小轿车………… 15元/次\n")
    [article] = page.articles
    assert article.title == "某某自助洗车（东关店）"
    assert article.paragraphs[:3] == ["某某自助洗车（东关店）", "★★★★☆ 4.6 | 月服务 1800 次", "位置：某县东关街12号"]


def test_a_notices_spaced_kind_under_its_issuers_joins_them_as_one_word():
    page = parse_page("p", "某县住房和城乡建设局 某县公安局交通警察大队\n通 告\n"
                           "因城南路雨水管道改造，6月3日至6月30日城南路全线封闭施工，过往车辆请绕行。\n"
                           "某县住房和城乡建设局\n2024年5月28日\n")
    assert [a.title for a in page.articles] == ["某县住房和城乡建设局 某县公安局交通警察大队通告"]


@pytest.mark.parametrize("text, title, first_paragraph", [
    # an exam ticket: its kind spaced out under the exam's name, then the ticket's number
    ("2024年某县公开招聘中小学教师\n笔 试 准 考 证\n准考证号 20240615027\n姓 名 李明\n"
     "请考生于2024年6月15日上午8:30前携带身份证和本证到某县第一中学参加考试。\n",
     "2024年某县公开招聘中小学教师笔试准考证", "准考证号 20240615027"),
    ("某县实验小学\n录 取 通 知 书\n编号 SX-2024-0318\n"
     "你已被我校一年级录取，请于8月28日上午到校报到，报到时请带户口簿。\n",
     "某县实验小学录取通知书", "编号 SX-2024-0318"),
    ("某区第五届职工运动会秩序册\n登记号 YD20240315\n"
     "本届运动会设田径、拔河、跳绳三个大项，共有32支代表队参赛。\n",
     "某区第五届职工运动会秩序册", "登记号 YD20240315"),
    ("某区政务服务平台用户手册\n2024 年度 V2.0\n本手册说明平台的注册、登录和事项办理，适用于全区各办事窗口。\n",
     "某区政务服务平台用户手册 2024 年度 V2.0", "本手册说明平台的注册、登录和事项办理，适用于全区各办事窗口。"),
], ids=["ticket", "admission-letter", "number-field", "latin-words"])
def test_a_title_spaced_out_letter_by_letter_is_one_word_and_a_number_field_under_it_is_text(
        text, title, first_paragraph):
    [article] = parse_page("p", text).articles
    assert article.title == title
    assert article.paragraphs[0].startswith(first_paragraph)  # what the field says is text


def test_a_numbered_heading_listing_short_phrases_stays_apart_but_a_line_broken_mid_list_does_not():
    page = parse_page("one", "---\ntitle: 某镇农机购置补贴办理指南\n---\n一、补什么、补多少\n"
                             "今年纳入补贴的有播种机、收割机两类，每台最高补贴8000元。\n"
                             "二、加强播种、收割、烘干\n等环节的机具供应。\n")
    [article] = page.articles
    assert article.paragraphs == [
        "一、补什么、补多少", "今年纳入补贴的有播种机、收割机两类，每台最高补贴8000元。",
        "二、加强播种、收割、烘干等环节的机具供应。"]


def test_a_plain_text_whose_first_line_is_its_title_is_one_article():
    page = parse_page("plain", "潍城区:6个项目视频签约\n2月20日,潍城区举行签约仪式。\n总投资30亿元。\n")
    assert [(a.title, a.paragraphs) for a in page.articles] == [
        ("潍城区：6个项目视频签约", ["2月20日，潍城区举行签约仪式。", "总投资30亿元。"])]


def test_labelled_fields_stay_a_line_each_while_a_wrapped_sentence_is_joined():
    page = parse_page("plain", "某县图书馆恢复开放通知\n某县图书馆3月16日起恢复开放，每日限流\n300人，读者须预约。\n"
                               "发布单位：某县文化和旅游局\n开放时间：每天9:00至17:00\n咨询电话：0536-1234567\n")
    assert page.articles[0].paragraphs == ["某县图书馆3月16日起恢复开放，每日限流300人，读者须预约。",
                                           "开放时间：每天9:00至17:00", "咨询电话：0536-1234567"]
    assert page.articles[0].publisher == "某县文化和旅游局"  # 发布单位 names the publisher, as 来源 does


# --- the date rule ---------------------------------------------------------------------------------

def test_a_full_publication_date_beats_a_later_day_in_the_text():
    page = parse_page("p", "---\ntitle: 某地复工\ndate: 2020-02-02\n---\n2月2日，某地发布通知，2月3日起企业复工。\n")
    [article] = page.articles
    assert (page.date_of(article), page.iso_date_of(article)) == ("2020年2月2日", "2020-02-02")


@pytest.mark.parametrize("dateline, day, iso", [
    ("2020年3月2日 来源：潍坊日报", "2020年3月2日", "2020-03-02"),
    ("发布时间：2020-03-05 10:20", "2020年3月5日", "2020-03-05"),
    ("2020-03-12 16:05 来源：齐鲁晚报 作者：记者 董晓", "2020年3月12日", "2020-03-12"),
    ("【发布日期：2020年03月18日】【来源：安丘市农业农村局】【点击数：96】", "2020年3月18日", "2020-03-18"),
    ("某县发布 2020年3月18日 阅读约3分钟", "2020年3月18日", "2020-03-18"),  # an account's byline
    ("某某日报 2020年3月18日 记者 张三 通讯员 李四", "2020年3月18日", "2020-03-18"),
    ("某某晚报数字报 2020年03月18日 星期三 A05：经济新闻", "2020年3月18日", "2020-03-18"),
    ("（2020年3月18日）", "2020年3月18日", "2020-03-18"),
    ("实施主体：某市公安局　事项编码：3707-GA-0001　更新时间：2020-03-18", "2020年3月18日", "2020-03-18"),  # a guide
    ("更新时间：2020-03-25　发布日期：2020-03-18", "2020年3月18日", "2020-03-18"),  # not the update's day
    ("官方认证 ✔　所在地：某县　发布日期：2020-03-18　关注 52", "2020年3月18日", "2020-03-18"),  # badges beside fields
    ("播出时间：2020年3月18日（星期三）上午9:00—10:00", "2020年3月18日", "2020-03-18"),  # a radio programme
    ("信息发布时间：2020-03-18 来源：网络", "2020年3月18日", "2020-03-18"),  # a government site's label
    ("报名时间：2020年3月1日 09:00　信息发布：2020年2月28日", "2020年2月28日", "2020-02-28"),  # an event's time first
])
def test_a_web_dateline_is_the_publication_date(dateline, day, iso):
    page = parse_page("p", f"---\ndate: 2020-03\n---\n某地企业复工\n{dateline}\n3月1日开会，3月20日起企业复工。\n")
    [article] = page.articles
    assert (page.date_of(article), page.iso_date_of(article)) == (day, iso)
    assert "来源" not in article.text and "发布时间" not in article.text


def test_a_group_messages_sender_with_a_role_in_brackets_and_its_time_date_the_text():
    page = parse_page("p", "青禾小学一年级二班家长群（45）\n\n李老师（班主任）  2024年9月2日 19:36\n"
                           "各位家长晚上好！2024年9月9日起课后服务开始，每学期300元，9月4日前在群里接龙报名。\n")
    [article] = page.articles
    assert page.iso_date_of(article) == "2024-09-02"
    assert "19:36" not in article.text


@pytest.mark.parametrize("line", ["〈 岳阳楼记 〉 ··· 范仲淹", "< 60 分 ··· 不及格"])
def test_a_line_opening_with_an_angle_bracket_is_no_apps_top_bar_without_a_name_and_buttons(line):
    assert not is_furniture(line)


def test_a_date_labels_bracket_names_no_publisher():
    dateline = read_dateline("发布时间（北京时间） 2024年9月19日 02:00")
    assert dateline is None or dateline.publisher == ""


@pytest.mark.parametrize("sender", ["李老师（3班班主任）  2024年9月2日 19:36", "李老师（班主任）2024年9月2日 19:36"])
def test_a_chat_senders_role_may_hold_a_number_and_touch_the_day(sender):
    dateline = read_dateline(sender)
    assert dateline is not None and dateline.published == date(2024, 9, 2)


def test_a_programmes_rundown_is_dated_by_its_air_day_not_a_later_day_it_reports():
    page = parse_page("p", "青禾人民广播电台《健康青禾》节目串联单　第12期\n"
                           "播出：2024年5月6日（星期一） 10:00—10:55  直播   播音室：3号直播间\n主持：林某\n"
                           "10:00 开场 主持导语\n要点：全县学生视力筛查5月13日开始，2024年6月14日前查完。\n")
    [article] = page.articles
    assert page.iso_date_of(article) == "2024-05-06"


@pytest.mark.parametrize("credits, publisher", [
    ("文｜青禾社区服务中心　编辑｜小禾　2020年3月18日", "青禾社区服务中心"),
    ("文/张明 2020-03-18 09:30", ""),  # a person's name publishes nothing
    ("作者：王晓 审核：李青 2020年3月18日", ""),
    ("文｜青禾社区服务中心　图｜李某　2020年3月18日", "青禾社区服务中心"),  # a picture credited after the writer
    ("图文｜青禾社区服务中心　编辑｜王某　2020年3月18日", "青禾社区服务中心"),
])
def test_credits_ending_in_a_day_are_the_texts_dateline(credits, publisher):
    """A credit line ending in a full date, as Markdown editors and accounts put it under the headline, dates the
    text (not a day the text reports); an organisation credited as its writer publishes it."""
    page = parse_page("p", f"---\ndate: 2020-03\n---\n某社区便民菜摊开张\n{credits}\n"
                           "3月21日起，社区便民菜摊每天7:00营业。\n")
    [article] = page.articles
    assert (page.iso_date_of(article), page.publisher_of(article)) == ("2020-03-18", publisher)
    assert "编辑" not in article.text and "审核" not in article.text


@pytest.mark.parametrize("credit", ["图/张明 1998年7月1日", "记者：好的 2020年3月1日"])
def test_a_pictures_credit_or_a_reporters_label_with_a_day_dates_nothing(credit):
    page = parse_page("p", f"某社区便民菜摊开张\n3月18日，社区便民菜摊开张，每天7:00营业。\n{credit}\n")
    assert page.iso_date_of(page.articles[0]) == ""


@pytest.mark.parametrize("citation, publisher", [("（某市日报 2020年4月2日 第3版）", "某市日报"),
                                                 ("（原载《某省日报》2020年4月2日）", "某省日报")])
def test_a_reprints_citation_at_the_end_gives_its_date_and_publisher(citation, publisher):
    page = parse_page("p", f"某县高三学生返校复课\n4月1日，记者获悉，某县高三学生定于4月7日返校。\n{citation}\n")
    [article] = page.articles
    assert (page.iso_date_of(article), article.publisher) == ("2020-04-02", publisher)
    assert "版" not in article.text and publisher not in article.text


def test_a_text_notice_is_dated_and_published_by_its_closing_not_by_a_day_it_reports():
    page = parse_page("p", "关于恢复城区理发店营业的通告\n"
                           "经研究，城区理发店自3月12日起恢复营业，每名顾客服务结束后须对工具消毒。\n"
                           "店内同一时间顾客不得超过4人。\n某区疫情处置工作领导小组指挥部\n二〇二〇年三月十一日\n")
    [article] = page.articles
    assert (page.iso_date_of(article), article.publisher) == ("2020-03-11", "某区疫情处置工作领导小组指挥部")
    assert "二〇二〇" not in article.text


@pytest.mark.parametrize("text, iso, publisher", [
    ("关于城区禁止露天烧烤的通告\n自3月1日起，城区主次干道两侧禁止露天烧烤。\n某市城市管理局\n某市生态环境局\n2020年2月25日\n",
     "2020-02-25", "某市城市管理局、某市生态环境局"),  # joint issuers, one above the other
    ("关于发热门诊开放的通知\n下列医院的发热门诊24小时开放：\n县人民医院\n县中医院\n县妇幼保健院\n某县卫生健康局\n"
     "2020年2月25日\n", "2020-02-25", "某县卫生健康局"),  # institutions listed above the closing are not its issuers
    ("某市医保问答手册\n1. 参保要多少钱？\n每人每年59元。\n某市医疗保障局 2021年10月8日印制\n",
     "2021-10-08", "某市医疗保障局"),  # a booklet's issuer and printing day
    ("某县游泳培训问答\n1. 几岁可以报名？\n年满七周岁。\n某县全民健身中心 印制日期：2024年5月6日\n",
     "2024-05-06", "某县全民健身中心"),  # …its printing-date field
    ("某县职业培训学校\n学员入学须知及收费明细（电工班）\n一、入学条件\n年满16周岁，3月4日起报名。\n"
     "某县职业培训学校　2023年9月1日修订\n", "2023-09-01", "某县职业培训学校"),  # a form's foot: its last revision
    ("您借的图书即将到期\n您借的2册图书将于6月19日到期，请及时归还或续借。\n某县图书馆 流通部\n2024-06-17\n",
     "2024-06-17", "某县图书馆流通部"),  # an issuer and its office side by side: one issuer
    ("关于延长壁挂炉保修期的告知\n自3月1日起，壁挂炉整机保修延长至5年。\n青禾电器有限公司 客户服务中心\n"
     "2025年3月17日\n",
     "2025-03-17", "青禾电器有限公司客户服务中心"),  # a firm and its office (a long name naming no place): one
    ("关于网点营业时间调整的通知\n自5月1日起，各网点周六营业时间调整为9:00至15:00。\n青禾农村商业银行股份有限公司\n"
     "个人金融部\n2025年4月25日\n", "2025-04-25", "青禾农村商业银行股份有限公司个人金融部"),  # …over its office
    ("关于发热门诊开放的通知\n下列医院的发热门诊24小时开放：\n县中医院\n县人民医院\n某县卫生健康局\n2020年2月25日\n",
     "2020-02-25", "某县卫生健康局"),  # a bureau under a hospital's name is no office of it
    ("关于开展义诊活动的通知\n6月15日上午在东关社区广场义诊。\n青禾市中医院\n东关社区卫生服务站\n2024年6月10日\n",
     "2024-06-10", "东关社区卫生服务站"),  # nor a place's service station
    ("人民调解协议书\n双方同意由乙方一次性赔偿甲方维修费1200元。\n青禾社区人民调解委员会（印）\n2025年5月13日\n",
     "2025-05-13", "青禾社区人民调解委员会"),  # its seal marked after its name
    ("樱桃采摘预约须知\n今年大棚樱桃采摘从4月10日开始，每人门票30元，可带走1斤。\n临朐县冶源镇青禾樱桃专业合作社\n"
     "2024年4月2日\n", "2024-04-02", "临朐县冶源镇青禾樱桃专业合作社"),  # a co-operative signs too
    ("关于联合开展耕地土壤调查的通知\n今年5月起在全国开展耕地土壤普查。\n自然资源部 生态环境部\n2024年5月6日\n",
     "2024-05-06", "自然资源部、生态环境部"),  # offices of no firm side by side: joint issuers
    ("关于联合开展家电以旧换新的告知\n旧家电由物流公司上门回收。\n青禾电器有限公司 红叶物流有限公司\n2025年3月17日\n",
     "2025-03-17", "青禾电器有限公司、红叶物流有限公司"),  # two firms
    ("关于城乡居民医保集中缴费的通告\n2025年度城乡居民医保缴费期为9月1日至12月31日。\n"
     "青州市医疗保障局 国家税务总局青州市税务局\n2024年8月26日\n",
     "2024-08-26", "青州市医疗保障局、国家税务总局青州市税务局"),  # joint issuers side by side, each naming a place
])
def test_a_documents_closing_names_its_issuers_and_day(text, iso, publisher):
    [article] = (page := parse_page("p", text)).articles
    assert (page.iso_date_of(article), article.publisher) == (iso, publisher)
    assert iso[:4] + "年" not in article.text


_AID_FORM = ("附件1\n某县残疾人辅助器具适配申请表\n{version}编号：　　填表日期：　　年　　月　　日\n申请人姓名　性别\n"
             "填表说明\n一、申请对象。持有残疾人证的本县户籍居民，可以申请免费适配轮椅、助听器等辅助器具。\n"
             "二、办理地点。向户籍所在地的乡镇（街道）残联提出申请，网上申请已于1月8日开通。\n{closing}")


@pytest.mark.parametrize("closing, publisher", [
    ("某县残疾人联合会制\n2024年3月\n", "某县残疾人联合会"),  # a form's foot: its maker, then the month
    ("某县残疾人联合会\n二〇二四年三月\n", "某县残疾人联合会"),
    ("某县残疾人联合会办公室\n2024年3月印发\n（此表可复印使用）\n", "某县残疾人联合会办公室"),
    ("某县残疾人联合会 2024年3月印制\n", "某县残疾人联合会"),  # the maker and month on one line (a leaflet's back)
    ("某县残疾人联合会 2024年3月印\n", "某县残疾人联合会"),  # …maybe with only 印
    ("某县残疾人联合会\n印制日期：2024年3月\n", "某县残疾人联合会"),  # a printing-date field
    ("印制日期：2024年3月\n", ""),  # labelled, it dates the form under no issuer too
    ("某县残疾人联合会编印 2024年3月\n", "某县残疾人联合会"),  # printed by its maker, then the month
    ("（某县残疾人联合会编印　2024年3月）\n", "某县残疾人联合会"),  # …in brackets, as a script's last line
    ("某县残疾人联合会\n二〇二四年三月印\n本表仅供申请人使用，请勿外传\n", "某县残疾人联合会"),  # a remark under it
])
def test_a_closing_that_names_only_the_month_dates_the_document_to_that_month_and_no_day(closing, publisher):
    [article] = (page := parse_page("f", _AID_FORM.format(version="", closing=closing))).articles
    assert (article.title, page.date_of(article), page.iso_date_of(article), page.publisher_of(article)) == \
        ("某县残疾人辅助器具适配申请表", "2024年3月", "", publisher)  # not the 1月8日 its text reports
    for unsigned_month in ("2024年3月\n", "2024年3月印\n", "某县残疾人联合会 2024年3月盖印\n"):
        [unsigned] = (page := parse_page("u", _AID_FORM.format(version="", closing=unsigned_month))).articles
        assert (page.date_of(unsigned), unsigned.publisher) == ("1月8日", "")  # a month under no issuer closes nothing


def test_a_foot_line_ending_in_its_issuer_and_printing_day_after_other_fields_dates_and_publishes_the_text():
    """A PDF's foot sets its address and its issuer apart on one line; without the printing word the day at the end
    is only one the text names (an undated text is cited by it but has no publication day)."""
    for printed, iso, publisher in (("印发", "2024-02-20", "某县人民医院门诊部"), ("", "", "")):
        text = ("某县人民医院儿科出诊安排\n周一至周五上午8:00开诊，3月4日起增开周六门诊。\n"
                f"地址：某县健康路8号 公交5路“县医院站” 某县人民医院门诊部 2024年2月20日{printed}\n")
        [article] = (page := parse_page("d", text)).articles
        assert (page.iso_date_of(article), article.publisher) == (iso, publisher)


def test_a_bracketed_note_or_a_remark_that_is_no_closing_leaves_the_document_undated_by_its_foot():
    for foot in ("（此表可复印使用）\n", "（某县残疾人联合会　2024年3月起施行）\n", "本表如有疑问请咨询残联\n"):
        [article] = (page := parse_page("n", _AID_FORM.format(version="", closing=foot))).articles
        assert (page.date_of(article)[-4:], page.publisher_of(article)) == ("1月8日", "")


def test_a_version_line_under_the_title_dates_the_document_to_its_month_and_a_full_day_in_the_closing_wins():
    """"（2024年3月修订）" under a form's title: the month it was last made; its maker ("某某会制") publishes it."""
    for version, closing, dated, publisher in (
            ("（2024年3月修订）\n", "某县残疾人联合会制\n", "2024年3月", "某县残疾人联合会"),
            ("（二〇二四年三月印发）\n", "", "2024年3月", ""),
            ("（2023年12月修订）\n", "某县残疾人联合会制\n2024年3月18日\n", "2024年3月18日", "某县残疾人联合会")):
        [article] = (page := parse_page("v", _AID_FORM.format(version=version, closing=closing))).articles
        assert (article.title, page.date_of(article), page.publisher_of(article)) == \
            ("某县残疾人辅助器具适配申请表", dated, publisher)
        assert version.strip() in article.text  # the version stays a fact of the form


_PILLBOX_MANUAL = ("智能提醒药盒\n型号：ZY-7 使用说明书\n{credits}使用前请仔细阅读本说明书，并妥善保管\n{contents}"
                   "一、产品简介\n　　本药盒每天可设定四次服药提醒，到时亮灯并播放语音，提醒老人按时服药。\n"
                   "二、电池更换\n　　药盒使用两节七号电池，提示音变弱时请及时更换，一般可用半年。\n"
                   "三、售后服务\n　　药盒出现故障的，请到所在街道便民服务站登记维修。\n{foot}")
_PILLBOX_CONTENTS = "目 录\n一、产品简介 1\n二、电池更换 2\n三、售后服务……2\n"


@pytest.mark.parametrize("foot", ["说明书版本：V1.3（2024年5月） 产品外观以实物为准，如有改动恕不另行通知。\n",
                                  "某某智能科技有限公司 地址：某市某路8号\n版本：2.0（2024年5月）\n",
                                  "V3 2024年5月版\n"])
def test_a_manuals_version_line_dates_it_to_the_month_it_names(foot):
    """A manual's version number with its month, at its foot as under its title: the month it was last made."""
    [article] = (page := parse_page("m", _PILLBOX_MANUAL.format(credits="", contents="", foot=foot))).articles
    assert (article.title, page.date_of(article), page.iso_date_of(article)) == \
        ("智能提醒药盒 ZY-7 使用说明书", "2024年5月", "")


@pytest.mark.parametrize("credits, publisher", [
    ("某区康养服务中心 监制\n某某智能科技有限公司 制造\n", "某区康养服务中心"),
    ("某某智能科技有限公司 制造\n某区康养服务中心监制\n", "某区康养服务中心"),  # the supervisor, wherever it stands
    ("某市老龄工作委员会办公室 编印\n", "某市老龄工作委员会办公室"),
    ("某某智能科技有限公司 生产\n", "某某智能科技有限公司"),  # a maker's own manual
])
def test_a_manuals_cover_credits_name_its_publisher_and_are_no_text(credits, publisher):
    """"某某中心 监制" under a manual's name publishes it over the maker's "某某公司 制造": the supervisor answers for
    what the manual says and hands it out."""
    [article] = (page := parse_page("m", _PILLBOX_MANUAL.format(credits=credits, contents="", foot=""))).articles
    assert (article.title, page.publisher_of(article)) == ("智能提醒药盒 ZY-7 使用说明书", publisher)
    assert not any(line in article.text for line in credits.split())
    guard = _PILLBOX_MANUAL.format(credits="本中心负责监制的产品均经检验合格\n", contents="", foot="")
    [unsigned] = parse_page("g", guard).articles
    assert (unsigned.publisher, "本中心负责监制的产品" in unsigned.text) == ("", True)  # a sentence credits no one


_CUFF_MANUAL = ("上臂式电子血压计\n{cover}某镇卫生院 监制\n"
                "一、测量前准备\n　　测量前静坐五分钟，袖带下缘距肘窝两指，与心脏保持同一高度。\n"
                "二、技术参数\n{table}测量范围：收缩压60至260毫米汞柱。\n"
                "三、维修\n　　血压计读数异常的，请带到镇卫生院设备科免费校准。\n")


@pytest.mark.parametrize("cover, title", [
    ("型号：BP-618 使用说明书\n", "上臂式电子血压计 BP-618 使用说明书"),
    ("规格型号：BP-618\n", "上臂式电子血压计 BP-618"),
    ("产品型号 BP-618/C\n安装使用说明\n", "上臂式电子血压计 BP-618/C 安装使用说明"),  # on two lines
    ("用户手册 型号：BP-618\n", "上臂式电子血压计 用户手册 BP-618"),
    ("操作手册\n", "上臂式电子血压计 操作手册"),
])
def test_a_manuals_model_and_kind_under_the_product_name_it_with_the_product(cover, title):
    """"型号：BP-618 使用说明书" right under a manual's product name belongs to its title (as a subtitle joins a
    headline, after a space, the field's label left out): the cover names the document so, and is no text."""
    [article] = (page := parse_page("m", _CUFF_MANUAL.format(cover=cover, table=""))).articles
    assert (article.title, page.publisher_of(article)) == (title, "某镇卫生院")
    assert article.paragraphs[0] == "一、测量前准备"


def test_a_model_field_away_from_the_title_or_under_a_notice_is_text():
    """A model field in a specifications table further down, or under a notice's name, names no manual."""
    [article] = parse_page("m", _CUFF_MANUAL.format(cover="", table="型号：BP-618\n")).articles
    assert (article.title, "型号：BP-618" in article.text) == ("上臂式电子血压计", True)
    notice = "关于召回部分电子血压计的公告\n型号：BP-618\n　　因袖带气阀存在漏气问题，某某公司决定召回该型号血压计。\n"
    [recall] = parse_page("n", notice).articles
    assert (recall.title, recall.paragraphs[0]) == ("关于召回部分电子血压计的公告", "型号：BP-618")


def test_a_contents_list_is_no_text_and_its_headings_stand_over_their_chapters():
    """"目 录" over headings each ending in a page number: the headings say nothing the chapters do not."""
    [article] = parse_page("m", _PILLBOX_MANUAL.format(credits="", contents=_PILLBOX_CONTENTS, foot="")).articles
    assert article.paragraphs[1:3] == ["一、产品简介",
                                       "本药盒每天可设定四次服药提醒，到时亮灯并播放语音，提醒老人按时服药。"]
    assert not any(line in article.text for line in ("目 录", "产品简介 1", "电池更换 2", "……2"))


_FLU_LETTER = ("冬季预防流感致家长的一封信\n尊敬的家长朋友：\n"
               "　　近期流感进入高发期，请家长每天早晨为孩子测量体温，孩子发热时请在家休息，不要带病入园。\n"
               "　　请于11月24日前将下面的回执交给带班老师。\n{issuer}\n2023年11月20日\n{cut}\n冬季流感防控告知回执\n"
               "　　本人已阅读《冬季预防流感致家长的一封信》，将每天为孩子测量体温。\n"
               "幼儿姓名：　　　班级：\n家长签字：\n2023年　月　日\n")


@pytest.mark.parametrize("cut", ["------------ 沿此线剪下 ------------", "- - - - - - 请沿虚线剪开 - - - - - -",
                                 "✂┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈"])
@pytest.mark.parametrize("issuer", ["某县实验幼儿园", "某某社区居民委员会"])
def test_a_cut_line_ends_a_letter_and_its_closing_above_the_slip_dates_and_publishes_it(cut, issuer):
    """What stands under a cut line is a slip to cut off and return (回执), not the letter's text; a school signs its
    letters to parents as any issuer does. A rule without scissors or 剪 only parts a text."""
    [article] = (page := parse_page("p", _FLU_LETTER.format(issuer=issuer, cut=cut))).articles
    assert (article.title, page.iso_date_of(article), page.publisher_of(article)) == \
        ("冬季预防流感致家长的一封信", "2023-11-20", issuer)
    assert article.paragraphs[-1] == issuer  # the issuer line stays, as under any closing
    assert not any(word in article.text for word in ("剪", "✂", "回执\n", "本人已阅读", "家长签字"))
    [ruled] = parse_page("r", _FLU_LETTER.format(issuer=issuer, cut="------------------------")).articles
    assert "本人已阅读" in ruled.text


@pytest.mark.parametrize("closing, publisher", [
    ("某县农业农村局办公室\n2024年2月19日印发\n", "某县农业农村局办公室"),  # GB/T 9704's 版记: issuer over the day
    ("二〇二四年二月十九日印发\n", ""),  # the day alone says it was issued then
])
def test_a_documents_printing_day_in_its_closing_dates_it_not_a_deadline_or_a_sentence_it_names(closing, publisher):
    text = ("关于做好春季小麦追肥工作的通知\n各乡镇农业综合服务中心：\n"
            "　　请于2024年3月15日前完成小麦追肥，每亩施尿素不少于10公斤。\n{}")
    [article] = (page := parse_page("p", text.format(closing))).articles
    assert (page.iso_date_of(article), article.publisher) == ("2024-02-19", publisher)
    assert "印发" not in article.text  # the imprint is no text of the notice
    signed = text.format("某县农业农村局\n2024年2月17日\n" + closing)
    [article] = (page := parse_page("s", signed)).articles
    assert (page.iso_date_of(article), article.publisher) == ("2024-02-17", "某县农业农村局")  # the 落款 above it
    [article] = parse_page("s", text.format("　　本通知经县农业农村局于2024年2月19日印发\n")).articles
    assert article.published is None  # a sentence that ends so is no closing


@pytest.mark.parametrize("imprint", [
    "某县水利局办公室　　2024年3月4日印发\n",  # GB/T 9704's 版记: the office and its printing day on one line
    "某县水利局办公室\n2024年3月4日印发\n",
])
def test_a_documents_printing_day_under_its_distribution_list_dates_it_without_the_list(imprint):
    text = ("关于开展汛前水库安全检查的通知\n各乡镇人民政府，各水库管理所：\n"
            "　　各水库管理所于2024年4月15日前完成大坝、溢洪道和放水设施自查，发现隐患当天上报。\n"
            "抄送：县委办公室，县政府办公室。\n{}")
    [article] = (page := parse_page("p", text.format(imprint))).articles
    assert (page.iso_date_of(article), article.publisher) == ("2024-03-04", "某县水利局办公室")
    assert "抄送" not in article.text and "县委办公室" not in article.text
    signed = text.replace("抄送", "某县水利局\n2024年3月1日\n抄送")
    [article] = (page := parse_page("s", signed.format(imprint))).articles
    assert page.iso_date_of(article) == "2024-03-01"  # its 落款 dates it first


_PARKING_AGREEMENT = ("地下车位租赁协议\n出租方（甲方）：某某物业服务有限公司\n承租方（乙方）：住户代表\n"
                      "　　经双方协商，甲方将地下车库B区27号车位出租给乙方使用，租期一年，月租金260元，按季度缴纳。\n"
                      "　　乙方不得在车位内堆放杂物或为电动车充电，违反的，甲方有权解除本协议。\n{text}"
                      "甲方（盖章）：\n乙方（签字）：\n{signed}")


@pytest.mark.parametrize("signed", [
    "签订日期：2022年9月6日\n",
    "签署日期：2022.9.6\n",
    "签约日期：2022-09-06\n",
    "签订日期：二〇二二年九月六日\n",
    "甲方签字日期：2022/9/5　乙方签字日期：2022/9/6\n",  # it holds once the last party has signed
    "签订日期：2022年9月6日　签订地点：某县某某小区物业服务中心\n",
])
def test_an_agreements_signing_date_field_dates_it_and_stays_its_text(signed):
    [article] = (page := parse_page("p", _PARKING_AGREEMENT.format(text="", signed=signed))).articles
    assert (article.title, page.iso_date_of(article), page.publisher_of(article)) == \
        ("地下车位租赁协议", "2022-09-06", "")
    assert article.paragraphs[-1] == normalize(signed)  # a field of the agreement, as its parties' lines are


def test_a_closings_day_dates_an_agreement_before_its_signing_date_field():
    closing = "某某物业服务有限公司\n2022年9月8日\n签订日期：2022年9月6日\n"
    [article] = (page := parse_page("p", _PARKING_AGREEMENT.format(text="", signed=closing))).articles
    assert (page.iso_date_of(article), page.publisher_of(article)) == ("2022-09-08", "某某物业服务有限公司")


@pytest.mark.parametrize("text, signed", [
    ("", "签字日期：\n"),  # a signature table's empty field
    ("", "签订日期：　　年　　月　　日\n"),
    ("　　本协议自2022年9月6日签订之日起生效。\n", ""),  # a day in a sentence is no field
    ("签订日期：2022年9月6日，双方共同遵守。\n", ""),
])
def test_an_empty_signing_field_or_a_signing_day_in_a_sentence_dates_nothing(text, signed):
    [article] = (page := parse_page("p", _PARKING_AGREEMENT.format(text=text, signed=signed))).articles
    assert (article.published, page.iso_date_of(article)) == (None, "")


def test_a_news_report_on_a_signing_is_not_dated_by_the_signing_date_it_reports():
    text = ("某县文旅项目集中签约\n"
            "　　记者从县商务局获悉，6个文旅项目总投资18.5亿元，双方确认的签约日期：2022年9月6日，项目将于年内开工。\n"
            "　　签字日期为2022年9月6日的合同共6份，涉及民宿、研学基地和露营地。\n")
    [article] = parse_page("p", text).articles
    assert article.published is None


_ISSUING_NOTICE = ("某县市场监督管理局文件\n某市监发〔2023〕9号\n某县市场监督管理局\n"
                   "关于印发《某县农贸市场食品摊位管理办法》的通知\n各乡镇市场监管所，各农贸市场开办单位：\n"
                   "　　现将《某县农贸市场食品摊位管理办法》印发给你们，请认真遵照执行。\n{closing}"
                   "抄送：县商务局，县卫生健康局。\n某县市场监督管理局办公室　　2023年5月9日印发\n"
                   "某县农贸市场食品摊位管理办法\n第一条　为规范农贸市场食品摊位经营，制定本办法。\n"
                   "第二条　摊位经营者应当持有效健康证明上岗。\n第三条　熟食摊位应当配备防蝇防尘设施。\n"
                   "第四条　市场开办单位每日巡查摊位卫生。\n第五条　本办法自2023年6月1日起施行。\n")


@pytest.mark.parametrize("closing, iso", [
    ("某县市场监督管理局\n2023年5月8日\n（此件公开发布）\n", "2023-05-08"),
    ("", "2023-05-09"),  # no closing day: the 版记 still dates it
])
def test_a_letterhead_names_the_publisher_before_the_printing_office_of_an_imprint_inside_the_text(closing, iso):
    """A document issuing a regulation may print its 版记 right under its own text, above the regulation: the office
    there only prints it; its letterhead ("某某局文件") and closing name who issued it."""
    [article] = (page := parse_page("p", _ISSUING_NOTICE.format(closing=closing))).articles
    assert (article.title, page.iso_date_of(article), article.publisher) == \
        ("某县市场监督管理局关于印发《某县农贸市场食品摊位管理办法》的通知", iso, "某县市场监督管理局")
    assert "本办法自2023年6月1日起施行" in article.text


@pytest.mark.parametrize("unit", ["某市公安局交通警察支队", "某县消防救援大队", "某省森林消防总队"])
def test_a_police_or_fire_unit_issues_a_joint_notice_beside_a_bureau(unit):
    text = (f"某市交通运输局　{unit}\n某交字〔2023〕12号\n关于加强校车通行安全管理的通知\n各学校，各校车运营企业：\n"
            "　　自2023年9月1日起，校车每日出车前应当接受安全检查，驾驶人不得超速行驶。\n"
            f"某市交通运输局　　{unit}\n2023年8月20日\n附件\n校车安全检查记录表\n")
    [article] = (page := parse_page("p", text)).articles
    assert (page.iso_date_of(article), article.publisher) == ("2023-08-20", f"某市交通运输局、{unit}")
    assert "校车安全检查记录表" in article.text


def test_an_events_place_and_time_in_the_text_stay_text_and_do_not_date_it():
    page = parse_page("p", "---\ndate: 2020-03\n---\n某县春季招聘会开幕\n某县春季招聘会将在下周举行。\n"
                           "地点：县人力资源市场　时间：2020年3月10日 9:00\n"
                           "联系人：王某　电话：0536-1234567　时间：2020年3月10日\n")
    [article] = page.articles
    assert "县人力资源市场" in article.text and "0536-1234567" in article.text
    assert article.published is None  # no dateline: the day it reports is only a fallback


def test_a_window_notice_under_its_issuers_code_is_titled_by_its_name_alone():
    page = parse_page("p", "某市人社局 编号：RS-JY-2020-03\n某市失业保险金“网上办”一次性告知单\n"
                           "事项名称 失业保险金申领\n申领条件：失业前缴纳失业保险费满1年，非因本人意愿中断就业。\n"
                           "某市人社局\n2020年3月2日\n")
    [article] = page.articles
    assert article.title == "某市失业保险金“网上办”一次性告知单"
    assert "RS-JY-2020-03" not in article.text and "事项名称 失业保险金申领" in article.text


def test_an_issuer_alone_on_the_last_line_publishes_the_text():
    page = parse_page("p", "疫情期间医保业务怎么办？\n（2020年2月24日）\n参保人员可通过公众号办理异地就医备案。\n"
                           "某市医疗保障局\n（本明白纸可复印张贴）\n")
    [article] = page.articles
    assert (page.iso_date_of(article), article.publisher) == ("2020-02-24", "某市医疗保障局")


def test_a_wechat_article_copied_on_a_phone():
    page = parse_page("p", "复工不愁！某区首批12处托管点3月9日开放\n原创 某区教育 某区发布 2020-03-05\n"
                           "收录于话题 #复工复产 12个\n点击上方蓝字 关注我们\n"
                           "某区首批12处托管点将于3月9日起开放，为复工职工的子女提供免费看护。\n")
    [article] = page.articles
    assert (article.title, page.iso_date_of(article), article.publisher) == (
        "复工不愁！某区首批12处托管点3月9日开放", "2020-03-05", "某区发布")
    assert article.paragraphs == ["某区首批12处托管点将于3月9日起开放，为复工职工的子女提供免费看护。"]


def test_a_web_page_copied_as_text_loses_its_breadcrumb_and_english_masthead():
    page = parse_page("p", "MOUSHI WANBAO\n某市新闻网 > 要闻 > 正文\n城区快递网点恢复率达95%\n"
                           "截至4月1日，城区1380个快递网点已恢复营业1311个。\n")
    [article] = page.articles
    assert article.title == "城区快递网点恢复率达95%"
    assert article.paragraphs == ["截至4月1日，城区1380个快递网点已恢复营业1311个。"]


def test_a_logos_name_spelled_out_in_capitals_between_title_lines_is_no_part_of_the_title():
    page = parse_page("p", "清河驿站\nQ I N G H E Y I Z H A N\n某市城区快递驿站\n使用须知\n"
                           "驿站每天8:00至20:00开放，包裹保管期为3天，超期将退回寄件人。\n")
    [article] = page.articles
    assert article.title == "清河驿站 某市城区快递驿站使用须知"
    assert article.paragraphs == ["驿站每天8:00至20:00开放，包裹保管期为3天，超期将退回寄件人。"]


def test_a_pasted_notice_loses_the_pasters_note_and_keeps_its_issuer_in_the_title():
    page = parse_page("p", "（以下内容由办公室提供，请上传——小刘 6.20）\n某市卫生健康委员会\n"
                           "关于公布核酸检测机构名单的公告\n"
                           "现将全市12家核酸检测机构名单公布如下，自2020年6月22日起接受预约。\n")
    [article] = page.articles
    assert article.title == "某市卫生健康委员会关于公布核酸检测机构名单的公告"
    assert "小刘" not in article.text


@pytest.mark.parametrize("title_lines, title", [
    (["关于做好蔬菜大棚建设", "补贴申报工作的通知"], "关于做好蔬菜大棚建设补贴申报工作的通知"),  # broken before 通知
    (["关于做好蔬菜大棚建设补贴申报工作的通知", "农业农村局 王强"], "关于做好蔬菜大棚建设补贴申报工作的通知"),
])
def test_a_document_title_broken_over_two_lines_is_one_phrase_and_ends_with_its_kind(title_lines, title):
    page = parse_page("p", "\n".join(title_lines) + "\n各县市区：新建日光温室每亩补贴3000元，4月30日前申报。\n")
    assert page.articles[0].title == title


def test_a_forwarded_email_is_its_notice_titled_by_its_subject():
    page = parse_page("p", "各位车间主任：\n经发局的通知转给大家，请按时上报。\n行政部 张丽\n-----原始邮件-----\n"
                           "发件人：\"某区经发局\" <jfj@example.cn>\n发送时间：2020年2月15日(星期六) 上午8:21\n"
                           "主题：关于做好复工企业防疫物资储备工作的通知\n各复工企业：\n"
                           "企业应按在岗职工人数储备不少于7天用量的口罩。\n某区经济发展局\n2020年2月14日\n")
    [article] = page.articles
    assert (article.title, page.iso_date_of(article), article.publisher) == (
        "关于做好复工企业防疫物资储备工作的通知", "2020-02-14", "某区经济发展局")
    assert "张丽" not in article.text and "发件人" not in article.text and "储备不少于7天用量" in article.text


def test_briefs_ending_with_their_reporters_credit_are_articles_of_their_own_under_a_column_name():
    page = parse_page("p", "县域快讯\n某某晚报　2020-04-08\n某县农家乐恢复营业\n全县213家农家乐恢复营业，每桌不超过6人"
                           "。（记者 张涛 通讯员 刘芳）\n某城商户复市率达85%\n"
                           "城内1260家商户已有1071家恢复经营。（记者 李娟）\n")
    assert [(a.title, page.iso_date_of(a), a.publisher) for a in page.articles] == [
        ("某县农家乐恢复营业", "2020-04-08", "某某晚报"), ("某城商户复市率达85%", "2020-04-08", "某某晚报")]


def test_a_group_chat_copied_as_text_is_its_first_message():
    page = parse_page("p", "某某发布小编 2020/3/12 9:05:33\n【市区公共自行车3月13日起恢复运营】\n"
                           "3月13日起，市区公共自行车恢复运营，首批开放站点326个。\n（来源：某某晚报）\n"
                           "某某发布小编 2020/3/12 9:05:41\n[图片]\n王建国 2020/3/12 9:07:10\n收到，明天就去骑。\n")
    [article] = page.articles
    assert (article.title, page.iso_date_of(article), article.publisher) == (
        "市区公共自行车3月13日起恢复运营", "2020-03-12", "某某晚报")
    assert article.paragraphs == ["3月13日起，市区公共自行车恢复运营，首批开放站点326个。"]


def test_a_group_chat_notice_under_the_only_dated_head_is_titled_by_its_headline_and_dated_by_the_head():
    page = parse_page("p", "寒亭读书会②群（312）\n\n街道团工委-韩立  2023-11-06 20:15\n【寒亭区冬季读书会报名开始】\n"
                           "各位书友：读书会每周六下午举行，共8次。\n1. 报名截止11月20日。\n\n"
                           "刘畅  20:18\n要交钱吗？\n\n街道团工委-韩立  20:20\n@刘畅 免费，书由馆里提供。\n\n"
                           "以上内容来自微信群聊“寒亭读书会②群”，导出于2023年11月25日\n")
    [article] = page.articles
    assert (article.title, page.iso_date_of(article)) == ("寒亭区冬季读书会报名开始", "2023-11-06")
    assert "街道团工委-韩立 2023-11-06 20:15" not in article.text and "免费，书由馆里提供" in article.text


def test_a_chat_sender_publishes_only_for_an_organisation_its_unit_part_names():
    chat = "{}  2023年5月8日 09:40\n【白浪河晨跑活动5月14日举行】\n活动7:00开始，全程5公里。\n孙悦  09:42\n收到\n"
    published = [parse_page("p", chat.format(sender)).articles[0].publisher
                 for sender in ("潍城区体育局-周凯", "跑团-周凯", "周凯")]
    assert published == ["潍城区体育局", "", ""]


def test_a_news_report_quoting_one_chat_head_keeps_its_own_title():
    page = parse_page("p", "社区夜校开课首日爆满\n11月6日晚，社区夜校首次开课，近百名居民到场。\n"
                           "王芳 2023年11月6日 20:15\n【今晚夜校教室改到二楼】\n居民们按通知准时到场。\n")
    assert page.articles[0].title == "社区夜校开课首日爆满"


def test_related_items_and_comments_after_the_article_are_no_text():
    page = parse_page("p", "某区托管点3月9日开放\n字号：大 中 小\n某区首批12处托管点将于3月9日起开放。\n"
                           "托管点每天8:00至18:00开放，免费提供午餐。\n下载“某区融媒”客户端 了解更多新闻\n往期推荐\n"
                           "某区公布第二批复工企业名单 共365家\n写下你的留言\n孩子刚满3岁能报吗？\n"
                           "版权所有 © 某某晚报社\n")
    [article] = page.articles
    assert article.paragraphs == ["某区首批12处托管点将于3月9日起开放。", "托管点每天8:00至18:00开放，免费提供午餐。"]


CLOSED_ANSWERS = ("某区老旧小区改造问答\n问：今年改造哪些小区？\n答：2000年以前建成的小区，共36个。\n"
                  "问：居民要出钱吗？\n答：不用，改造费用由区财政承担。\n")


@pytest.mark.parametrize("related", [
    "相关链接：《某区2021年背街小巷整治方案》（整治街巷65条） ｜\n《某区2020年城市建设工作情况》（新修道路18公里）",
    "相关文档 - 加装电梯补贴办法（每部补贴15万元） - 物业服务收费标准（每月每平方米0.6元）",
    "【相关阅读】《某区启动雨污分流改造》（铺设管网42公里）",
], ids=["links-over-two-lines", "document-list", "title-after-label"])
def test_related_items_listed_on_their_labels_line_end_the_article_and_a_print_footer_is_no_text(related):
    """Among an article's last lines, a related-items label with its titles on its line ends the article as the label
    alone does: the titles' figures are other articles'. A sentence opening with 相关 is text."""
    page = parse_page("p", f"{CLOSED_ANSWERS}相关链接已发到各小区业主群，请居民留意。\n某区住房和城乡建设局\n"
                           f"2021年4月6日\n{related}\n本页面由某区住房和城乡建设局网站打印 打印日期：2021-04-12\n")
    [article] = page.articles
    assert (article.title, page.iso_date_of(article), article.publisher) == (
        "某区老旧小区改造问答", "2021-04-06", "某区住房和城乡建设局")
    assert article.paragraphs[-3:] == ["答：不用，改造费用由区财政承担。", "相关链接已发到各小区业主群，请居民留意。",
                                       "某区住房和城乡建设局"]


@pytest.mark.parametrize("footer", [
    "本页面由某区住房和城乡建设局网站打印 打印日期：2021-04-12", "打印时间：2021年4月12日 15:02",
    "某某精密机械有限公司 · 行政部 · 内部资料，请勿外传",
], ids=["print", "print-time", "internal"])
def test_a_print_footer_or_a_confidentiality_mark_is_no_text_and_dates_nothing(footer):
    """Sentences after a label stay: they are no list of titles."""
    said = ["相关文件规定，改造期间小区停车由物业统一安排。", "延伸阅读：改造完的小区9月底前统一验收。"]
    page = parse_page("p", CLOSED_ANSWERS + "\n".join(said) + f"\n{footer}\n")
    [article] = page.articles
    assert (article.title, page.iso_date_of(article)) == ("某区老旧小区改造问答", "")
    assert article.paragraphs[-3:] == ["答：不用，改造费用由区财政承担。", *said]


def test_two_pasted_articles_apart_by_a_rule_of_equals_signs():
    page = parse_page("p", "某县纺织企业开足马力\n2020年3月18日 来源：某某日报\n某县纺织企业日产面料8万米。\n======\n"
                           "某区老年大学云课堂开课\n2020年3月20日\n"
                           "2800名学员在家上网课。（某某晚报记者 宋佳 通讯员 韩磊）\n")
    assert [(a.title, page.iso_date_of(a), a.publisher) for a in page.articles] == [
        ("某县纺织企业开足马力", "2020-03-18", "某某日报"), ("某区老年大学云课堂开课", "2020-03-20", "某某晚报")]


def test_an_attachments_number_above_its_title_is_no_title():
    page = parse_page("p", "附件1\n某市城区采暖季供热服务须知\n第一条 正式供热时间为11月15日至次年3月15日。\n")
    assert [a.title for a in page.articles] == ["某市城区采暖季供热服务须知"]


def test_the_front_matter_date_beats_a_dateline():
    page = parse_page("p", "---\ntitle: 某地复工\ndate: 2020-03-01\n---\n"
                           "2020年3月2日 来源：潍坊日报\n3月5日起企业复工。\n")
    assert page.date_of(page.articles[0]) == "2020年3月1日"


def test_without_a_full_date_the_latest_day_reported_counts(page):
    article = page.articles[1]
    assert (page.date_of(article), page.iso_date_of(article)) == ("2020年2月22日", "2020-02-22")
    assert page.iso_date_of(page.articles[6]) == ""  # only a month is known


WEB_CONTACTS = """---
title: 某区设立三个物资领取点
date: 2020-03-03
layout: web
---
某区设立3个物资领取点，居民可就近领取：
① 东关社区服务站
地址：东关路18号
电话：0536-1110001
② 西园社区服务站
地址：西园街6号
电话：0536-1110002
"""


def test_a_saved_web_page_keeps_each_line_and_its_list_items_together():
    from kb.build import passages_of
    [article] = parse_page("web", WEB_CONTACTS).articles
    assert "地址：西园街6号" in article.paragraphs  # no column breaks on a web page: a line is a paragraph
    passages = passages_of(article)
    assert "② 西园社区服务站 地址：西园街6号 电话：0536-1110002" in passages
    assert not any("0536-1110001" in p and "西园" in p for p in passages)


def test_without_the_web_layout_short_lines_are_mended_as_column_breaks():
    broken = "---\ntitle: 某区设立三个物资领取点\n---\n某区设立3个物资领取点，居民\n可就近领取，每户\n限领一份。\n"
    [article] = parse_page("p", broken).articles
    assert article.paragraphs == ["某区设立3个物资领取点，居民可就近领取，每户限领一份。"]
    [web] = parse_page("p", broken.replace("---\n某区设立3", "layout: web\n---\n某区设立3")).articles
    assert len(web.paragraphs) == 3


BRIEFS = """---
publisher: 某某日报
date: 2020-05-06
---

■甲县体育馆恢复开放

5月5日起，甲县体育馆恢复开放，每天限流200人，入馆须出示健康码。（记者 王某）

◆乙镇集市重新开集

乙镇农历逢五逢十的集市5月8日重新开集，摊位间距不少于1米。（通讯员 李某）
"""


def test_each_marked_title_on_a_briefs_page_starts_an_article_of_its_own():
    articles = parse_page("briefs", BRIEFS).articles
    assert [a.title for a in articles] == ["甲县体育馆恢复开放", "乙镇集市重新开集"]
    assert articles[0].text.endswith("（记者 王某）")  # a credit ends no sentence: not glued to the next item
    assert articles[1].text.startswith("乙镇农历逢五逢十")


def test_marked_heads_under_a_documents_name_are_its_sections_and_a_place_in_brackets_is_part_of_a_title():
    page = parse_page("guide", "第3届中国（昌乐）蓝宝石博览会\n观 展 指 南\n■ 展期\n"
                               "本届博览会6月8日至6月12日举行，每天9:00—17:00开放。\n■ 门票\n"
                               "成人票每人20元，学生凭证10元，1.2米以下儿童免票。\n昌乐县会展服务中心\n2024年5月20日\n")
    assert [a.title for a in page.articles] == ["第3届中国（昌乐）蓝宝石博览会观展指南"]
    assert page.articles[0].paragraphs[:2] == ["■ 展期", "本届博览会6月8日至6月12日举行，每天9:00—17:00开放。"]
    assert page.date_of(page.articles[0]) == "2024年5月20日"
    spaced = parse_page("guide", "参 观 须 知\n■ 门票\n成人票每人20元。\n■ 开放时间\n每天9:00至17:00开放。\n")
    assert [a.title for a in spaced.articles] == ["参观须知"]
    briefs = ("■ 甲县开展安全检查\n3月12日，甲县对120家企业开展安全检查。\n"
              "■ 乙县组织应急演练\n3月13日，乙县组织应急演练。\n")
    for head in ("全市安全生产工作情况通报", "返潍人员须主动报告"):  # a bulletin's name, a headline: briefs follow
        assert [a.title for a in parse_page("briefs", f"{head}\n{briefs}").articles][-2:] == [
            "甲县开展安全检查", "乙县组织应急演练"]
    aside = parse_page("aside", "复工复产简报\n某县企业复工率达到95%（不含季节性停产企业）\n"
                                "截至3月10日，某县规模以上工业企业已复工412家。\n")
    assert aside.articles[0].title == "复工复产简报"  # brackets holding no place are an aside, as before


@pytest.mark.parametrize("station, day", [
    ("发信站: 某某大学BBS (Tue Mar  4 09:12:40 2025), 站内", "2025-03-04"),  # ctime pads a one-digit day
    ("发信站: 某某大学BBS (2025年03月04日09:12:40 星期二), 站内", "2025-03-04"),
])
def test_a_bbs_post_is_titled_dated_and_published_by_its_head_lines_without_its_stamps(station, day):
    page = parse_page("post", f"发信人: lvyin (绿茵足球社), 信区: Sports\n标  题: Re: [通知] 周六友谊赛改到东操场\n"
                              f"{station}\n\n因西操场草皮养护，本周六下午3点的友谊赛改到东操场进行，球员2点半集合。\n"
                              "※ 来源:·某某大学BBS bbs.example.edu.cn·[FROM: 10.1.2.3]\n")
    [article] = page.articles
    assert (article.title, page.iso_date_of(article), page.publisher_of(article)) == (
        "周六友谊赛改到东操场", day, "绿茵足球社")
    assert article.text.startswith("因西操场草皮养护") and "来源" not in article.text and "发信" not in article.text


def test_a_bbs_reply_is_its_posters_words_under_its_title_without_the_post_it_quotes():
    page = parse_page("post", "发信人: ball_fan (小编(一队)), 信区: Sports\n标  题: [求助] Re: 友谊赛在哪个门集合\n"
                              "发信站: 某某BBS (campus) (Wed Mar  5 20:01:02 2025), 站内\n\n"
                              "在东操场北门集合，别走错了。\n"
                              "※ 注意：球鞋请自备。\n【 在 lvyin (绿茵足球社) 的大作中提到: 】\n: 友谊赛改到东操场\n")
    [article] = page.articles
    assert (article.title, page.iso_date_of(article), page.publisher_of(article)) == (
        "友谊赛在哪个门集合", "2025-03-05", "小编（一队）")  # brackets full-width, as every text's
    assert article.paragraphs == ["在东操场北门集合，别走错了。", "※ 注意：球鞋请自备。"]
    nameless = parse_page("post", "发信人: ball_fan, 信区: Sports\n标  题: 集合时间\n"
                                  "发信站: 某某BBS (Wed Mar  5 20:01:02 2025), 站内\n下午2点半集合。\n")
    assert nameless.publisher_of(nameless.articles[0]) == "ball_fan"
    quoting = parse_page("post", "发信人: ball_fan, 信区: Sports\n标  题: Re: 集合时间\n"
                                 "发信站: 某某BBS (Wed Mar  5 20:01:02 2025), 站内\n: 下午2点半集合。\n")
    assert "下午2点半集合" in quoting.articles[0].text  # a reply that only quotes: what it quotes


def test_a_place_shared_from_a_map_app_is_titled_by_the_place_not_the_apps_prompt_nor_its_rating():
    page = parse_page("shared", "【某某地图】我分享了一个地点，快来看看吧\n某县青少年宫游泳馆\n★4.8分 · 游泳馆 · 某县\n"
                                "地址：某县人民路18号\n营业时间：每天9:00—21:00\n成人票35元，1.2米以下儿童免费。\n")
    [article] = page.articles
    assert article.title == "某县青少年宫游泳馆"
    assert "成人票35元" in article.text and "地址：某县人民路18号" in article.text


APPROVAL = """企业微信 · 审批单（打印）
审批编号：202503120915000027
申请人：赵文静（行政部）
提交时间：2025-03-12 09:15
申请事由：采购会议室投影仪1台，原投影仪灯泡损坏，维修费用接近新机价格。
金额（元）：3680.00
审批记录
● 赵文静 提交申请　2025-03-12 09:15
● 部门负责人 钱立 同意　2025-03-12 11:02
　“型号选带无线投屏的。”
● 财务部 孙梅 同意　2025-03-13 08:47
"""


def test_a_hotline_cases_handling_unit_in_its_head_publishes_it_and_stays_text():
    page = parse_page("case", "关于青禾小区路灯不亮的反映\n工单编号：QH20240903017 诉求类别：投诉\n"
                              "来电时间：2024-09-03 19:20\n承办单位：某某市政养护中心 办理状态：已办结\n"
                              "经现场核实，青禾小区北门3盏路灯线路老化，已于9月5日更换完毕。\n")
    [article] = page.articles
    assert page.publisher_of(article) == "某某市政养护中心"
    assert any(p.startswith("承办单位：某某市政养护中心") for p in article.paragraphs)


def test_a_press_releases_labelled_headline_titles_it_and_its_lead_opens_a_paragraph():
    page = parse_page("release", "【新闻通稿】仅供媒体参考\n稿件编号：XW-2024-012    发稿单位：某某公园管理处\n"
                                 "----------\n主标题：某某公园荷花节7月1日开幕 夜场开放到22点\n"
                                 "副标题：今年新增三座观荷栈桥\n\n本报讯（通讯员 王某）7月1日起，某某公园荷花节开幕，"
                                 "夜场开放到22点，门票免费。\n")
    [article] = page.articles
    assert article.title == "某某公园荷花节7月1日开幕 夜场开放到22点"
    assert "副标题：今年新增三座观荷栈桥" in article.paragraphs
    assert "本报讯（通讯员 王某）7月1日起，某某公园荷花节开幕，夜场开放到22点，门票免费。" in article.paragraphs


def test_a_forms_submission_day_without_its_time_is_a_deadline_that_dates_nothing():
    page = parse_page("form", "社区志愿者报名表（2024年）\n提交时间：2024年5月20日\n姓名：\n联系电话：\n"
                              "报名后社区将统一安排培训。\n")
    assert page.articles[0].published is None


def test_an_approval_export_is_one_form_titled_by_its_name_and_dated_by_its_request():
    page = parse_page("approval", APPROVAL)
    [article] = page.articles  # its marked steps over a short remark head no briefs
    assert article.title == "企业微信 · 审批单（打印）" and page.iso_date_of(article) == "2025-03-12"
    # each step, stamped with its time, a line of its own
    assert "审批记录" in article.paragraphs and "● 部门负责人 钱立 同意 2025-03-12 11:02" in article.paragraphs


@pytest.mark.parametrize("closing", ["青枫苑小区业主委员会（盖章） 2025年4月28日",
                                     "青枫苑小区业主委员会（盖章）2025年4月28日",
                                     "青枫苑小区业主委员会（盖章） 二〇二五年四月二十八日"])
def test_a_closing_with_its_seal_and_day_on_one_line_dates_and_signs_the_letter(closing):
    page = parse_page("letter", "致全体业主的一封信\n各位业主：\n"
                      "小区东门岗亭将于5月6日起改建，施工期间车辆请从北门进出，步行可走东门临时通道。\n"
                      f"改建预计用时20天，给大家带来的不便敬请谅解。\n{closing}\n")
    [article] = page.articles
    assert (page.iso_date_of(article), page.publisher_of(article)) == ("2025-04-28", "青枫苑小区业主委员会")


def test_a_line_led_by_a_mark_or_a_heading_in_brackets_opens_a_section_of_its_own():
    page = parse_page("reply", "某某交警 自动回复\n关于电动自行车上牌，请看以下说明👇\n📌 去哪办\n"
                      "区车管服务站，周一至周六 8:30—17:00\n📌 带什么\n车主身份证原件和购车发票。\n")
    paragraphs = page.articles[0].paragraphs
    assert "关于电动自行车上牌，请看以下说明👇" in paragraphs
    assert "📌 带什么车主身份证原件和购车发票。" in paragraphs  # its heading over its text: one passage
    page = parse_page("guide", "某某服务中心 办事指南\n办理以下业务请提前预约，\n⏰ 办理时间\n周一至周五 9:00—17:00\n"
                               "✅ 所需材料\n身份证原件。\n● 周二 李某值班\n● 周三 王某值班\n")
    assert page.articles[0].paragraphs == ["办理以下业务请提前预约，", "⏰ 办理时间周一至周五 9:00—17:00",
                                           "✅ 所需材料身份证原件。", "● 周二 李某值班", "● 周三 王某值班"]
    page = parse_page("tour", "某某遗址讲解词\n讲解时长：约40分钟 全程步行约1.2公里\n【第二部分·参观须知】\n"
                              "各位游客朋友，大家好！今天一共走四站。\n")
    assert page.articles[0].paragraphs[-1] == "【第二部分·参观须知】各位游客朋友，大家好！今天一共走四站。"


def test_marked_briefs_with_a_short_sentence_each_are_articles_and_a_compilation_between_rules_stays_apart():
    page = parse_page("briefs", "本周简讯\n■ 弥河湿地公园免费开放\n弥河湿地公园即日起免费开放，每天8时至18时。\n"
                                "■ 北关大集恢复\n北关大集本周六恢复开集。\n")
    assert [a.title for a in page.articles][-2:] == ["弥河湿地公园免费开放", "北关大集恢复"]
    page = parse_page("digest", "要闻汇编\n==========\n东城街道开展垃圾分类宣传\n"
                                "3月5日，东城街道在社区广场开展垃圾分类宣传，发放宣传册500余份。\n==========\n"
                                "西城区启动春季植树活动\n3月12日，西城区启动春季植树活动，栽植苗木以国槐、白蜡为主。\n")
    assert [a.title for a in page.articles][-1] == "西城区启动春季植树活动"


def test_a_wrapped_sentence_ending_in_a_time_and_a_fields_value_wrapped_go_on_under_it():
    page = parse_page("notice", "停水通知\n受管网改造影响，本次停水时间为 2024-05-20 08:00\n"
                                "至当日18:00，请居民提前储水。\n报名截止时间：2024年5月10日\n下午5点前，逾期不再受理。\n")
    assert page.articles[0].paragraphs == [
        "受管网改造影响，本次停水时间为 2024-05-20 08:00至当日18:00，请居民提前储水。",
        "报名截止时间：2024年5月10日下午5点前，逾期不再受理。"]


POINTS = """---
title: 一图看懂｜某县家电下乡补贴
date: 2020-05-06
---

补贴对象
1. 某县农村户籍居民
2. 补贴标准为销售价格的13%
3. 每户最多补贴2台
办理地点
一、县城区各家电卖场服务台
二、各镇便民服务中心
"""


def test_numbered_lines_without_full_stops_stay_lines_of_their_own():
    from kb.build import passages_of
    [article] = parse_page("points", POINTS).articles
    assert "2. 补贴标准为销售价格的13%" in article.paragraphs
    assert "二、各镇便民服务中心" in article.paragraphs
    assert not any("13%" in p and "2台" in p for p in passages_of(article))


BULLETS_UNDER_HEADINGS = """---
title: 某区老年助餐卡怎么用
date: 2021-04-02
---

谁能办
- 本区户籍年满70岁的老人
- 独居老人优先
在哪吃
- 各社区老年食堂，每餐补贴3元
"""


def test_a_heading_after_a_bulleted_list_heads_the_next_items_not_the_last_one():
    from kb.build import passages_of
    [article] = parse_page("bullets", BULLETS_UNDER_HEADINGS).articles
    passages = passages_of(article)
    assert not any("独居老人优先" in p and "在哪吃" in p for p in passages)
    assert any(p.startswith("在哪吃") and "每餐补贴3元" in p for p in passages)


@pytest.mark.parametrize("byline", ["某某网·某某新闻记者 王某 潍坊报道", "本报记者 王某 通讯员 李某"])
def test_a_byline_under_a_web_headline_is_no_text(byline):
    [article] = split_articles(f"标题在这里\n{byline}\n凌晨4点，某某市场已经开门。\n", title="标题在这里",
                               whole_lines=True)
    assert article.paragraphs == ["凌晨4点，某某市场已经开门。"]
    assert article.byline == byline


def test_a_line_where_the_reporter_speaks_is_text():
    [article] = split_articles("标题在这里\n□ 记者 某某\n记者从市人社局获悉\n全市已有3家企业复工。\n")
    assert article.paragraphs == ["记者从市人社局获悉全市已有3家企业复工。"]


@pytest.mark.parametrize("body, date_text", [("3月5日，某县发布六项措施，执行至6月30日。", "2020年3月5日"),
                                             ("某县发布六项措施，执行至6月30日。", "2020年3月")])
def test_a_month_in_the_front_matter_bounds_the_days_reported(body, date_text):
    page = parse_page("release", f"---\ntitle: 某县六项措施\ndate: 2020-03\n---\n{body}\n")
    assert page.date_of(page.articles[0]) == date_text


_PRINT_PAGE = """某某日报　2020年3月4日　星期三　A03版：县域经济

某县:返岗专车"点对点"送员工进厂
本报讯（记者 张三 通讯员 李四）3月3日上午，在某县开发区一家企业门前，刚坐专车赶来的员工说路上没花一分钱。
为帮助企业解决员工返岗难题，某县交通运输局推出返岗专车服务，同一企业有15名以上员工的可提前1天预约。

某区:城区理发店有序恢复营业
本报讯（记者 王五）记者从某区商务局获悉，3月5日起城区理发店有序恢复营业，顾客须预约。
理发店备案咨询电话：0536-2332116。

本版责任编辑：王某　校对：陈某
"""


def test_a_print_page_without_byline_marks_is_split_at_each_reports_opening():
    page = parse_page("p", _PRINT_PAGE)
    assert [a.title for a in page.articles] == ["某县：返岗专车\"点对点\"送员工进厂", "某区：城区理发店有序恢复营业"]
    assert [a.byline for a in page.articles] == ["记者 张三 通讯员 李四", "记者 王五"]
    assert page.articles[0].text.startswith("3月3日上午") and "本报讯" not in page.articles[1].text
    assert "责任编辑" not in page.articles[1].text


def test_the_page_header_dates_every_report_on_the_page():
    page = parse_page("p", _PRINT_PAGE)
    assert [(page.iso_date_of(a), page.publisher_of(a)) for a in page.articles] == [("2020-03-04", "某某日报")] * 2


_SPECIAL_PAGE = """周末特刊｜假期出行，这些新规要知道
2020-09-25 08:00　来源：某某晚报·周末版　编辑：钱七

【编者按】长假将至，出行有哪些新规？本报记者分头采访。

景区门票实行分时预约
□ 本报记者 孙八

记者从市文旅局获悉，全市A级景区门票10月1日起一律分时预约，每日接待量不超过最大承载量的75%。

高速服务区增设检测点
□ 本报记者 周九

10月2日起，全市6个高速服务区各增设1个体温检测点。
"""


def test_a_dateline_under_the_pages_headline_dates_every_article_on_it():
    page = parse_page("p", _SPECIAL_PAGE)
    assert [a.title for a in page.articles][1:] == ["景区门票实行分时预约", "高速服务区增设检测点"]
    assert {(page.iso_date_of(a), page.publisher_of(a)) for a in page.articles} == {("2020-09-25", "某某晚报·周末版")}


_PRINTED_NOTICE = """某某市农业农村局
某　某　市　财　政　局
文件

某农发〔2020〕7号

某某市农业农村局　某某市财政局
关于发放春耕化肥补贴的通知

各县（市、区）农业农村局、财政局：
　　为保障春耕生产，现将化肥补贴有关事项通知
如下：
　　一、每亩补贴化肥款30元，由各县
（市、区）财政局于4月

— 1 —

底前发放到户。
　　二、发放方式
　　补贴款通过惠农“一卡通”直接发放，不收任何费
用。
某某市农业农村局　　　某某市财政局
2020年3月12日
"""


def test_a_printed_notices_letterhead_file_number_and_page_numbers_are_no_text_nor_title():
    [article] = parse_page("p", _PRINTED_NOTICE).articles
    assert article.title.endswith("关于发放春耕化肥补贴的通知") and "文件" not in article.title
    assert (article.publisher, article.published) == ("某某市农业农村局、某某市财政局", date(2020, 3, 12))
    assert "〔2020〕" not in article.text and "— 1 —" not in article.text
    assert "于4月底前发放到户" in article.text  # the lines the page broke are joined again
    assert "二、发放方式" in article.paragraphs  # an indented line starts a paragraph, under a heading too
    assert "补贴款通过惠农“一卡通”直接发放，不收任何费用。" in article.paragraphs



# A shoe-repair shop's printed slip: its numbered notes wrapped, each wrapped line spaced to under the note's text
_REPAIR_SLIP = """\
        鸢都修鞋配钥匙（东风街店）
        电话：0536-8123456
----------------------------------------
取件单                    单号：XD0915
日期：2024-09-15
----------------------------------------
注意事项：
1. 取件请凭本单，单据遗失的须本人带身份证
   到店登记，三天后方可取件。
2. 修好的鞋子店内免费保管30天，超过30天
   每天收保管费1元，满90天未取的
   由本店统一捐赠。
3. 换底、换跟保修一个月。
  本店周一歇业。
"""


def test_a_slips_numbered_notes_run_on_over_lines_spaced_under_their_text():
    [article] = parse_page("p", _REPAIR_SLIP).articles
    assert "1. 取件请凭本单，单据遗失的须本人带身份证到店登记，三天后方可取件。" in article.paragraphs
    assert "2. 修好的鞋子店内免费保管30天，超过30天每天收保管费1元，满90天未取的由本店统一捐赠。" in article.paragraphs
    # an indent of another width, or a new item, opens its own paragraph
    assert "本店周一歇业。" in article.paragraphs and "3. 换底、换跟保修一个月。" in article.paragraphs


# A joint 红头 notice printed to PDF, as its text layer reads: the issuers a line each (one spaced out), no "文件"
_JOINT_LETTERHEAD = """　　某某市文化和旅游局
　　某 某 市 体 育 局
　　某文旅发〔2023〕9号
　　某某市文化和旅游局 某某市体育局
　　关于举办2023年全民健身登山节的通知
　　各区县文化和旅游局、体育局：
　　为丰富群众文体生活，定于10月8日在云门山举办全民健身登山节，报名免费。
　　某某市文化和旅游局
　　2023年9月20日
"""


def test_a_joint_letterhead_over_the_file_number_is_no_title_and_a_single_issuers_red_head_stays_as_it_was():
    page = parse_page("p", _JOINT_LETTERHEAD)
    [article] = page.articles
    assert article.title == "某某市文化和旅游局 某某市体育局关于举办2023年全民健身登山节的通知"
    assert (page.iso_date_of(article), page.publisher_of(article)) == ("2023-09-20", "某某市文化和旅游局")
    assert article.paragraphs[0] == "各区县文化和旅游局、体育局："
    single = parse_page("p", "　　某某市水利局\n　　某水字〔2023〕12号\n　　关于做好汛期河道安全管理的通知\n"
                             "　　各区县水利局：\n　　汛期禁止在河道内游泳、垂钓，请各地加强巡查。\n　　某某市水利局\n"
                             "　　2023年6月1日\n")
    [notice] = single.articles
    assert (notice.title, single.iso_date_of(notice)) == ("某某市水利局关于做好汛期河道安全管理的通知", "2023-06-01")


# A joint 公告 printed to PDF: the issuers on one line over its number counted by year, its title wrapped
_YEAR_NUMBERED_NOTICE = """　　某某市农业农村局 某某市财政局
　　2023年第2号
　　关于开展2023年秋季农机购置与应用
　　补贴申报工作的公告
　　根据省里统一部署，现将秋季农机购置补贴申报有关事项公告如下：
　　一、申报时间。2023年9月1日至10月31日，逾期不再受理。
　　某某市农业农村局　　某某市财政局
　　2023年8月25日
"""


def test_a_letterhead_over_an_announcements_year_number_is_no_title():
    page = parse_page("p", _YEAR_NUMBERED_NOTICE)
    [article] = page.articles
    assert article.title == "关于开展2023年秋季农机购置与应用补贴申报工作的公告"
    assert (page.iso_date_of(article), page.publisher_of(article)) == ("2023-08-25", "某某市农业农村局、某某市财政局")
    assert article.paragraphs[0].startswith("根据省里统一部署") and "第2号" not in article.text
    single = parse_page("p", "某某县公安局\n（2022年第4号）\n关于城区部分路段临时交通管制的通告\n"
                             "10月3日8时至12时，人民路全段禁止机动车通行，请过往车辆绕行。\n")
    [notice] = single.articles
    assert (notice.title, single.publisher_of(notice)) == ("关于城区部分路段临时交通管制的通告", "某某县公安局")


# A water company's 公告 copied without indents: its number has 第 before its serial
_COMPANY_NUMBERED_NOTICE = """关于调整城区居民供水价格的公告
清源水务公告〔2022〕第7号
尊敬的用水户：
经市发展改革部门批准，自2022年7月1日起城区居民生活用水价格由每吨3.10元调整为每吨3.35元，请相互转告。
清源水务有限公司
2022年6月20日
"""


def test_a_file_number_with_di_before_its_serial_is_no_text_nor_title():
    [article] = parse_page("p", _COMPANY_NUMBERED_NOTICE).articles
    assert (article.title, article.published) == ("关于调整城区居民供水价格的公告", date(2022, 6, 20))
    assert article.paragraphs[0] == "尊敬的用水户：" and "第7号" not in article.text
    reply = parse_page("p", "某某街道办事处\n信访事项答复意见书\n某街信复［2022］第031号\n李先生：\n"
                            "您反映的小区门口夜市占道问题，我街道已于3月9日组织清理，并划定夜市经营区域。\n"
                            "某某街道办事处\n2022年3月12日\n")
    [answer] = reply.articles
    assert answer.title == "某某街道办事处 信访事项答复意见书" and answer.paragraphs[0] == "李先生："
    joint = parse_page("p", "某某市商务局\n某 某 市 财 政 局\n某商发（2023）第14号\n某某市商务局　某某市财政局\n"
                            "关于发放家电以旧换新消费券的通知\n各区县商务局、财政局：\n"
                            "　　市里安排500万元发放家电以旧换新消费券，每张抵扣300元。\n2023年4月3日\n")
    [notice] = joint.articles  # the issuers over the number are its letterhead, as over "某商发（2023）14号"
    assert notice.title == "某某市商务局 某某市财政局关于发放家电以旧换新消费券的通知"
    assert joint.publisher_of(notice) == "某某市商务局、某某市财政局"


def test_joint_issuers_side_by_side_on_a_letterhead_line_are_each_a_publisher_and_a_spaced_out_one_is_one():
    page = parse_page("p", "某某县市场监督管理局 某某县住房和城乡建设局 某某县应急管理局\n2024年第7号\n"
                           "关于开展冬季燃气安全专项检查的公告\n即日起至明年2月底，对全县餐饮场所燃气管道逐户检查。\n")
    [article] = page.articles
    assert article.title == "关于开展冬季燃气安全专项检查的公告"
    assert page.publisher_of(article) == "某某县市场监督管理局、某某县住房和城乡建设局、某某县应急管理局"
    single = parse_page("p", "某 某 县 民 政 局 文 件\n某民发〔2024〕2号\n关于开展2024年度社会组织年检的通知\n"
                             "各社会组织应于5月31日前登录系统提交年检材料。\n")
    [notice] = single.articles
    assert single.publisher_of(notice) == "某某县民政局"


_GAZETTE_PAGES = """　　（十一）某县柳编技艺（某县）
　　（十二）某县剪纸（某县）
　　各县区要切实做好名录项目的保护传承工作，确保项目得到有效保护。
　　某某市人民政府
　　2020年6月3日
　　（此件公开发布）
　　某某市人民政府
　　关于延长公共文化场馆开放时间的通知
　　某政字〔2020〕31号
　　各县区人民政府，市政府各部门：
　　为方便市民在暑期参观学习，市政府决定自7月1日起延长公共文化场馆开放时间。市图书馆每天开放至21:00，市博物馆每周一照常开放，暑期不闭馆，
　　参观不收取任何费用。
　　某某市人民政府
　　2020年6月10日
　　某某市人民政府办公室
　　关于公布第三批市级示范家庭农场名单的
　　通知
　　某政办字〔2020〕40号
　　各县区人民政府：
　　经县区推荐、专家评审，认定42家家庭农场为第三批市级示范家庭农场，
"""


def test_a_gazettes_documents_are_each_an_article_and_the_end_of_one_printed_before_none():
    notice, next_one = parse_page("p", _GAZETTE_PAGES).articles
    assert notice.title == "某某市人民政府关于延长公共文化场馆开放时间的通知"
    assert (notice.publisher, notice.published) == ("某某市人民政府", date(2020, 6, 10))
    assert notice.paragraphs[1].startswith("为方便市民") and "柳编" not in notice.text and "42家" not in notice.text
    assert next_one.title == "某某市人民政府办公室关于公布第三批市级示范家庭农场名单的通知"


def test_a_title_ending_in_wenjian_is_no_letterhead():
    page = "市政府出台稳就业新文件\n某市政府3月5日出台稳就业十条措施，企业新招员工每人补贴1000元。\n"
    [article] = parse_page("p", page).articles
    assert article.title == "市政府出台稳就业新文件"
    notice_page = "某某市人民政府办公室文件\n关于做好春耕生产的通知\n各县：春耕在即，请抓紧备足化肥种子。\n"
    [notice] = parse_page("p", notice_page).articles
    assert notice.title == "关于做好春耕生产的通知" and notice.publisher == "某某市人民政府办公室"


_MICROBLOG_POST = """某某发布
V
某某市委宣传部官方微博
2020-3-6 09:12 来自 微博 weibo.com

#某某战疫# 【公园景区恢复开放 市民游园请注意→】3月7日起，市区12处公园恢复开放，入园需测温并出示健康码。
收起全文d

转发 88　　评论 21　　赞 305
老张头：人民公园也开了吗？
3-6 09:30　回复　赞 4
相关推荐
某某交警：3月9日起恢复办理驾驶证业务
"""


def test_a_microblog_post_is_titled_by_its_headline_and_dated_by_its_time_line():
    [article] = parse_page("p", _MICROBLOG_POST).articles
    assert (article.title, article.publisher, article.published) == \
        ("公园景区恢复开放 市民游园请注意", "某某发布", date(2020, 3, 6))
    assert article.text.startswith("3月7日起") and "#" not in article.text
    assert article.text.endswith("出示健康码。")  # the counts, comments and recommendations under it are no text


def test_a_microblog_post_of_an_earlier_year_is_dated_year_first():
    post = ("某某县文旅\n23-9-14 18:05 来自 微博网页版\n"
            "【县博物馆国庆假期延长开放】9月29日至10月6日，县博物馆每天开放至20:00，游客须提前一天在线预约。\n")
    [article] = parse_page("p", post).articles
    assert (article.title, article.publisher, article.published) == \
        ("县博物馆国庆假期延长开放", "某某县文旅", date(2023, 9, 14))


_MESSAGE_LIST = """清河水务
（公众号消息记录）
━━━━━━━━━━
11月28日 上午9:30
停水检修通知
因主管道检修，北关街道以东片区将于2022年12月3日8:00至18:00暂停供水。
恢复时间：2022年12月3日18:00
详情 >
━━━━━━━━━━
12月20日 下午4:10
水费账单提醒
本期用水量：18吨
本期金额：51.30元
查看详情
━━━━━━━━━━
1月3日 10:05
营业厅春节安排
春节期间营业厅每日9:00至15:00开放，自助缴费机照常使用。
详情 >
━━━━━━━━━━
昨天 下午3:15
缴费成功提醒
缴费金额：100.00元
详情 >
"""


def test_an_accounts_messages_are_articles_titled_by_their_title_lines_and_dated_by_their_time_lines():
    articles = parse_page("p", _MESSAGE_LIST).articles
    assert [(a.title, a.published, a.publisher) for a in articles] == [
        ("停水检修通知", date(2022, 11, 28), "清河水务"),  # before the days it announces
        ("水费账单提醒", date(2022, 12, 20), "清河水务"),  # in the year of the message before it
        ("营业厅春节安排", date(2023, 1, 3), "清河水务"),  # the list went round a new year
        ("缴费成功提醒", None, "清河水务"),  # "昨天": no day to be had
    ]
    assert articles[1].paragraphs == ["本期用水量：18吨", "本期金额：51.30元"]  # no time line, no link line
    assert articles[3].paragraphs == ["缴费金额：100.00元"]


def test_messages_before_the_first_dated_one_are_dated_back_from_it():
    messages = ("城南燃气\n12月30日 上午8:00\n供气时间调整\n元旦期间客服热线照常值班。\n"
                "1月2日 上午9:00\n安检上门提醒\n安检时间：2024年1月9日\n")
    assert [(a.title, a.published) for a in parse_page("p", messages).articles] == \
        [("供气时间调整", date(2023, 12, 30)), ("安检上门提醒", date(2024, 1, 2))]


# An app's message centre copied as text: a breadcrumb, when it was copied, then tagged messages, only the first
# over a title line
_MESSAGE_CENTRE = """鸢都停车 › 我的 › 消息通知
复制时间 2025-01-06 19:40
────────────
【停车场公告】 2025年1月3日 09:15
白浪河地下停车场春节期间收费调整的通知
各位车主：春节期间（1月28日至2月4日），白浪河地下停车场首2小时免费，之后每小时3元，单日最高收费20元。
白浪河地下停车场管理处
────────────
【缴费提醒】 2024年12月30日 18:02
您的车辆鲁G·3P8Q2于12月30日在白浪河地下停车场停放3小时，已自动扣费6元，请留意账户余额。
────────────
【系统通知】 2024年12月20日 08:00
月卡续费功能已上线，月卡每月260元，可在“我的-月卡”中办理。
"""


def test_an_apps_message_centre_is_its_messages_titled_by_their_title_line_or_opening_words():
    articles = parse_page("p", _MESSAGE_CENTRE).articles
    assert [(a.title, a.published) for a in articles] == [
        ("白浪河地下停车场春节期间收费调整的通知", date(2025, 1, 3)),
        ("您的车辆鲁G·3P8Q2于12月30日在白浪河地下停车场停放3小时", date(2024, 12, 30)),  # 40 characters at most
        ("月卡续费功能已上线，月卡每月260元，可在“我的-月卡”中办理", date(2024, 12, 20)),
    ]
    assert "单日最高收费20元" in articles[0].text and "复制时间" not in articles[0].publisher


def test_an_articles_time_lines_in_its_text_do_not_make_it_a_list_of_messages():
    notice = ("社区义诊活动安排\n为方便居民就近看病，社区卫生服务站近期将组织两次义诊，欢迎居民参加。\n"
              "3月5日 上午9:00\n第一场义诊\n地点在社区广场，提供测血压、测血糖服务。\n"
              "3月12日 上午9:00\n第二场义诊\n地点在文化活动中心，提供中医推拿咨询。\n")
    [article] = parse_page("p", notice).articles
    assert article.title == "社区义诊活动安排" and "中医推拿咨询" in article.text


_SMS_BACKUP = """短信备份 · 导出自“短信”
导出时间：2024-09-30 20:05:11
共 4 条
--------------------
[2024-08-03 10:12:40] 收到 · 95566
【临河农商银行】尊敬的客户，您尾号4410的借记卡于08月03日转入工资5820.00元，余额6231.18元。
--------------------
[2024-08-03 10:20:02] 发送 · 95566
好的
--------------------
[2024-09-11 16:45:09] 收到 · 13905361234
李师傅：明天上午换热水器，九点前到，麻烦家里留人。
--------------------
[2024-09-29 08:00:00] 收到 · 106912
温馨提示：国庆期间城区公交延长运营至22:30，1路、8路加密班次，请合理安排出行。【临河公交】
--------------------
"""


def test_an_sms_backup_is_an_article_per_message_received_dated_by_its_stamp_published_by_its_signature():
    articles = parse_page("p", _SMS_BACKUP).articles
    assert [(a.title, a.published, a.publisher) for a in articles] == [
        ("临河农商银行：您尾号4410的借记卡于08月03日转入工资5820.00元", date(2024, 8, 3), "临河农商银行"),
        # a phone number signs nothing: no publisher; the owner's reply ("好的") is no article
        ("李师傅：明天上午换热水器，九点前到，麻烦家里留人", date(2024, 9, 11), ""),
        ("临河公交：国庆期间城区公交延长运营至22:30，1路、8路加密班次，请合理安排出行", date(2024, 9, 29),
         "临河公交"),  # signed at its end
    ]
    assert articles[0].text == "尊敬的客户，您尾号4410的借记卡于08月03日转入工资5820.00元，余额6231.18元。"
    assert "导出" not in "".join(a.text for a in articles)


def test_an_sms_backup_whose_stamps_give_one_character_directions_and_arrows_under_a_framed_head():
    backup = ("==============================\n短信备份导出（文本格式）\n导出时间：2024-10-02 21:00\n"
              "==============================\n\n[2024-09-20 09:15:02] 收 <- 95533\n"
              "【青禾自来水】尊敬的用户：9月23日8:00至16:00城东片区停水检修，请提前储水。\n\n"
              "[2024-09-20 09:20:11] 发 -> 95533\n收到\n\n[2024-09-23 15:40:00] 收 <- 95533\n"
              "【青禾自来水】城东片区已于15:30恢复供水，感谢理解。\n")
    articles = parse_page("p", backup).articles
    assert [(a.published, a.publisher) for a in articles] == [
        (date(2024, 9, 20), "青禾自来水"), (date(2024, 9, 23), "青禾自来水")]  # the owner's "收到" is none


def test_one_text_message_pasted_alone_or_quoted_in_an_article_is_read_as_it_stands():
    alone = "[2024-08-03 10:12:40] 收到 · 95566\n【临河农商银行】您尾号4410的借记卡转入工资5820.00元，余额6231.18元。\n"
    assert len(parse_page("p", alone).articles) == 1
    warning = ("警惕冒充银行的诈骗短信\n近日多名市民收到如下短信，提醒大家不要点击其中的链接。\n"
               "[2024-08-05 09:02:11] 收到 · 10691234\n【临河农商银行】您的账户存在异常，请点击链接验证身份。\n"
               "[2024-08-06 13:40:27] 收到 · 10695678\n【临河农商银行】您的积分即将清零，请点击链接兑换。\n"
               "银行不会以短信发送链接要求验证身份。\n")
    [article] = parse_page("p", warning).articles
    assert article.title == "警惕冒充银行的诈骗短信" and "积分即将清零" in article.text


@pytest.mark.parametrize("line, furniture", [
    ("首页 寿光要闻 菜博会 乡村振兴 镇街动态 视频 专题 数字报", True),  # a site's menu
    ("欢迎访问寿光新闻网！ 设为首页 | 加入收藏 | 手机版", True),
    ("寿光新闻网 www.sgnews.example.cn", True),  # a site's name and address
    ("2020年第8期（总第215期）", True),  # a bulletin's issue number
    ("2021年第6期（2021.02.01—2021.02.07）", True),
    ("（2020年第3号）", True), ("2020年第3号", True), ("（2020年第3号公告）", False),  # an announcement's number
    ("2020年第3号）", False),
    ("潍坊市公安局 Weifang Public Security Bureau", True),  # a site's name and English name
    ("群公告", True), ("置顶", True), ("已读 238人 未读 19人", True), ("某某街道商户服务群(215)", True),  # app
    ("已读 85 未读 12 ［确认已读］", True), ("公告有效期：2023-04-03 至 2023-04-30", True),  # an office app's notice
    ("附件（1）：改造施工安排.docx 32.5KB ［预览］［下载］", True), ("附件：改造施工安排.docx", False),
    ("@所有人", True), ("@全体成员", True), ("@所有人 周五前交齐材料", False),  # a chat's mention of everyone
    ("□ 记者 张蓓 通讯员 丁延峻 李强 报道", False),  # a byline's names are no menu
    ("潍　坊　市　财　政　局", False),  # a letterhead spaced out
    ("| 班线 | 首班 | 末班 | 发车间隔 |", False),  # a table's row
    ("寿光 青州 诸城 安丘 高密 昌乐 6县市2月18日恢复公交", False),  # a headline with a number
    ("寿光新闻网 http://www.sgnews.cn", True),
    ("王建国 李秀英 张伟 刘洋 陈静 杨帆 赵磊", False),  # names, a slogan, districts: no navigation among them
    ("戴口罩 勤洗手 常通风 少聚集 不扎堆 分餐制", False),
    ("奎文区 潍城区 坊子区 寒亭区 高新区 滨海区 经济区", False),
    ("班线 | 首班 | 末班 | 发车间隔", False),
    ("青州市 3.62", False), ("1.5", False),  # a table's row, a number: no web address
    ("世界卫生组织 World Health Organization", False),
])
def test_menus_site_names_and_issue_numbers_are_furniture(line, furniture):
    assert is_furniture(normalize(line)) is furniture


def test_a_sites_menu_copied_one_item_a_line_and_its_contact_line_are_no_title():
    page = ("青禾物流 - 网点查询\n首页\n运单查询\n网点查询\n在线下单\n加盟合作\n登录 | 注册\n客服热线 400-123-4567\n"
            "城区网点\n青禾物流城区网点每天8:00至18:00营业，春节期间另行通知。\n")
    [article] = parse_page("p", page).articles
    assert article.title == "青禾物流 - 网点查询"
    assert not any(item in article.text for item in ("首页", "加盟合作", "登录"))
    # short lines with no site's navigation among them stay: a list of districts
    districts = "城区网点一览\n奎文区\n潍城区\n坊子区\n寒亭区\n高新区\n以上网点每天8:00至18:00营业。\n"
    assert "坊子区" in parse_page("p", districts).articles[0].text
    # a short headline under the menu is no item of it; a list of steps in the text, 注册 and 登录 among them, stays
    headline = "首页\n新闻动态\n通知公告\n政务公开\n互动交流\n登录 | 注册\n停水通知\n因管道维修，5月11日全天停水。\n"
    assert parse_page("p", headline).articles[0].title == "停水通知"
    steps = ("青禾志愿者报名须知\n报名请按以下步骤办理：\n下载应用\n注册\n登录\n实名认证\n选择队伍\n提交申请\n"
             "如有疑问请咨询社区。\n")
    assert "实名认证" in parse_page("p", steps).articles[0].text


@pytest.mark.parametrize("headline", ["12345热线：接诉即办暖民心", "新地址：我们搬家啦"])
def test_a_headline_labelled_as_a_contact_but_holding_none_titles_its_story(headline):
    [article] = parse_page("p", f"{headline}\n本报讯（记者 王明）今年以来，青禾县办结群众诉求3.2万件。\n").articles
    assert article.title == headline


def test_a_documents_name_with_brackets_is_its_title():
    notice = ("某县人民政府\n关于调整城区（含开发区）限行时段的通告\n"
              "为缓解早晚高峰交通压力，自5月1日起，城区限行时段调整为7:00至9:00、17:00至19:00。\n"
              "某县人民政府\n2021年4月20日\n")
    [article] = parse_page("p", notice).articles
    assert article.title == "某县人民政府关于调整城区（含开发区）限行时段的通告"
    assert article.paragraphs[0].startswith("为缓解早晚高峰")


def test_a_posters_logo_is_no_title():
    poster = ("某某市人民医院\nMOUMOU PEOPLE'S HOSPITAL | 健康管理中心\n夏季免费体检开始预约\n"
              "某某市人民医院健康管理中心7月起为60岁以上老人免费体检，每天限号200人。\n")
    [article] = parse_page("p", poster).articles
    assert article.title == "夏季免费体检开始预约"
    assert article.paragraphs == ["某某市人民医院健康管理中心7月起为60岁以上老人免费体检，每天限号200人。"]


HEATING_NOTICE = ("关于延长城区集中供暖时间的通知\n"
                  "尊敬的热用户：\n因近期持续降温，经市城市管理局同意，城区集中供暖结束时间由3月15日延至3月25日，延长期间不另收费。\n")


@pytest.mark.parametrize("letterhead", [
    "某某市热力有限公司 MOUMOU HEATING CO.,LTD. 24小时服务热线 0536-5550123",  # name, English name, hotline
    "某某市热力有限公司 MOUMOU HEATING CO.,LTD.",
    "某某市热力有限公司 服务电话：0536-5550123 地址：某某市北海路88号",  # contact fields alone
    "某某市热力有限公司\nMOUMOU HEATING CO.,LTD.",  # a logo: the name over its English name
], ids=["english-and-hotline", "english", "contacts", "logo"])
def test_a_companys_letterhead_line_is_no_title(letterhead):
    """A company prints its name with its English name and contact fields at the top of its notices: a letterhead,
    not a headline (the English name's "CO.,LTD." holds a comma)."""
    [article] = parse_page("p", f"{letterhead}\n{HEATING_NOTICE}").articles
    assert article.title == "关于延长城区集中供暖时间的通知"
    assert article.paragraphs[0] == "尊敬的热用户："


def test_a_companys_letterhead_line_publishes_its_notice():
    [article] = parse_page("p", f"某某市热力有限公司 服务热线 0536-5550123\n{HEATING_NOTICE}").articles
    assert (article.title, article.publisher) == ("关于延长城区集中供暖时间的通知", "某某市热力有限公司")


@pytest.mark.parametrize("letterhead, issuer", [
    ("某某县职业学校 MOUMOU VOCATIONAL SCHOOL 继续教育处 报名电话：0536-\n7712345", "某某县职业学校"),  # wrapped
    ("某某市中心医院 MOUMOU CENTRAL HOSPITAL 健康管理中心", "某某市中心医院"),
    ("某某县职业学校 继续教育处 报名电话：0536-7712345", "某某县职业学校"),
    ("某某县职业学校 服务热线：0536-77\n12345 传真：0536-7712346", "某某县职业学校"),
], ids=["office-and-wrapped-phone", "office", "office-no-english", "wrapped-phone"])
def test_an_organisations_letterhead_line_naming_its_office_or_wrapped_in_its_phone_is_no_title(letterhead, issuer):
    """A school or hospital prints its letterhead as a company does, maybe with the office that writes after its
    name; printed to PDF, the line may wrap inside its phone number, the number's rest alone on the next line."""
    text = (f"{letterhead}\n2024年暑期公益课堂报名简章\n（面向本市居民）\n"
            "公益课堂7月10日开课，每周三下午上课，共8次，免费参加，名额60人。\n")
    [article] = parse_page("p", text).articles
    assert (article.title, article.publisher) == ("2024年暑期公益课堂报名简章", issuer)
    assert article.paragraphs[0].startswith("（面向本市居民）")  # no rest of the letterhead above it


@pytest.mark.parametrize("letterhead", [
    "某某县人力资源和社会保障局 通知公告\n局办公室：0536-7788123 网址：rsj.moumou.gov.cn",  # its office's number
    "某某县人力资源和社会保障局 通知公告\n咨询电话：0536-\n7788123 网址：rsj.moumou.gov.cn",  # wrapped in the number
    "某某县人力资源和社会保障局 通知公告",  # right over the headline
], ids=["contacts", "wrapped-contacts", "over-headline"])
def test_an_offices_name_beside_a_column_heading_is_its_sites_letterhead(letterhead):
    """A page printed from an office's site starts with the site's letterhead: the office's name and the column's
    heading, maybe over a line of contact fields; the headline is the line under it, and the office publishes it."""
    text = (f"{letterhead}\n2024年乡村公益性岗位招聘公告\n"
            "县人社局面向农村劳动力招聘乡村保洁员40名，月补贴1500元，报名截至6月20日。\n")
    [article] = parse_page("p", text).articles
    assert (article.title, article.publisher) == ("2024年乡村公益性岗位招聘公告", "某某县人力资源和社会保障局")
    assert article.paragraphs == ["县人社局面向农村劳动力招聘乡村保洁员40名，月补贴1500元，报名截至6月20日。"]


def test_a_headline_naming_a_hotline_is_no_letterhead():
    news = "某某市热力有限公司 客服热线调整\n自3月1日起，客服热线改为0536-5550199，原号码停用。\n"
    [article] = parse_page("p", news).articles
    assert article.title == "某某市热力有限公司 客服热线调整"


def test_a_bulletin_loses_its_spaced_masthead_and_distribution_list():
    page = parse_page("p", "潍 坊 统 计 信 息\n2020年第8期（总第215期）\n潍坊市统计局 2020年4月24日\n"
                           "一季度全市工业生产逐月回升\n一季度，全市规模以上工业增加值同比下降9.6%。\n"
                           "3月份当月增长1.2%，在全省率先实现由负转正。\n"
                           "报：市委、市政府领导同志\n送：市委办公室，市政府办公室\n发：各县市区统计局 （共印60份）\n")
    [article] = page.articles
    assert (article.title, page.publisher_of(article), page.iso_date_of(article)) == (
        "一季度全市工业生产逐月回升", "潍坊市统计局", "2020-04-24")
    assert "市委办公室" not in article.text and "共印" not in article.text


def test_a_forms_kind_spaced_out_over_its_fields_titles_it_no_field_does():
    page = parse_page("p", "工 作 联 系 单\n收文单位：青禾街道城管中队\n发文单位：临川市排水公司\n"
                           "事由：关于汛前疏通雨水管道的配合事项\n青禾街道城管中队：\n"
                           "我公司定于2025年5月12日至16日疏通青禾路雨水管道，施工期间占用东侧非机动车道。\n"
                           "请协助清理占道摊点，联系人林工，电话0536-7712045。\n临川市排水公司\n2025年5月6日\n")
    [article] = page.articles
    assert (article.title, page.iso_date_of(article)) == ("工作联系单", "2025-05-06")


def test_a_title_line_set_between_dashes_titles_by_the_words_between():
    page = parse_page("p", "倡 议 书\n—— 文明养犬 · 共建美丽青禾 ——\n广大养犬居民：\n"
                           "为营造整洁安全的居住环境，青禾社区倡议大家出门遛犬束犬链，及时清理犬只粪便。\n"
                           "未办理犬只登记的，请于2025年6月30日前到社区服务站登记。\n青禾社区居民委员会\n2025年6月2日\n")
    assert page.articles[0].title == "倡议书 文明养犬 · 共建美丽青禾"


def test_a_bulletins_editor_line_publishes_it_without_the_editors_verb():
    page = parse_page("p", "青禾社区工作简讯\n青禾社区居民委员会编印 2025年3月10日\n青禾社区开办老年助餐点\n"
                           "3月15日起，青禾社区老年助餐点开始供餐，70岁以上老人每餐8元。\n"
                           "助餐点设在社区服务中心一楼，每天11:00至12:30供应午餐。\n")
    [article] = page.articles
    assert (page.publisher_of(article), page.iso_date_of(article)) == ("青禾社区居民委员会", "2025-03-10")


@pytest.mark.parametrize("text, title, first", [
    # a masthead over a headline naming who speaks ("某某局：…") is still no title
    ("新闻通稿\n青禾县气象局：今年首场寒潮将于12日来袭\n2025年11月10日\n受强冷空气影响，12日起全县气温下降8到10℃。\n",
     "青禾县气象局：今年首场寒潮将于12日来袭", "受强冷空气影响，12日起全县气温下降8到10℃。"),
    # a headline that only sounds like a greeting: it names no audience, or wishes nothing
    ("你好，邻居！\n2025年5月6日 来源：青禾社区\n5月5日，青禾社区邻里节在中心广场举行，300多位居民参加。\n",
     "你好，邻居！", "5月5日，青禾社区邻里节在中心广场举行，300多位居民参加。"),
    ("各位车主注意\n青禾交警 2025-05-06\n5月8日起，青禾路东段封闭施工，车辆请绕行文昌街。\n",
     "各位车主注意", "5月8日起，青禾路东段封闭施工，车辆请绕行文昌街。"),
    # a line ending in a symbol that points at what follows runs on into it
    ("青禾社区邻里节\n邻里节5月5日在中心广场举行，咨询电话☎\n0536-7712045，欢迎居民参加。\n",
     "青禾社区邻里节", "邻里节5月5日在中心广场举行，咨询电话☎0536-7712045，欢迎居民参加。"),
    # a salutation wrapped after "、" is one line
    ("青禾小学开学典礼致辞\n各位领导、各位来宾、\n老师们、同学们：\n新学期今天开始，全校新增6个教学班。\n",
     "青禾小学开学典礼致辞", "各位领导、各位来宾、老师们、同学们："),
], ids=["masthead-over-speaker-headline", "hello-neighbour", "drivers-notice", "phone-symbol", "wrapped-salutation"])
def test_headlines_and_lines_that_only_look_like_a_form_a_greeting_or_a_post_read_as_before(text, title, first):
    [article] = parse_page("p", text).articles
    assert (article.title, article.paragraphs[0]) == (title, first)


def test_a_notice_closing_with_a_heart_line_is_no_social_post():
    page = parse_page("p", "关于周六停水的通知\n各位居民：\n5月10日8:00至14:00青禾小区停水检修，请提前储水。\n"
                           "青禾社区居委会\n2025年4月28日\n❤ 感谢大家的理解与支持\n")
    [article] = page.articles
    assert (article.title, page.publisher_of(article)) == ("关于周六停水的通知", "青禾社区居委会")


BULLETIN_ITEMS = ("◆甲县启用城乡公交一卡通\n5月10日起，甲县城乡公交全部线路可刷一卡通乘车，每次优惠5角。\n"
                  "◆乙镇新建两处口袋公园\n乙镇在老街两侧新建口袋公园两处，共栽植树木320株。\n"
                  "◆丙街道开设老年助餐点\n5月12日起，丙街道助餐点为70岁以上老人供应午餐，每餐8元。\n"
                  "报：市委办公室，市政府办公室。送：各县市区交通运输局。发：局机关各科室。\n（共印30份）\n")


@pytest.mark.parametrize("masthead", [
    "信 息 专 报\n2024年第7期（总第112期）\n某市交通运输局办公室编 2024年5月15日\n",
    "情况通报\n第7期\n某市交通运输局办公室 编印　2024年5月15日\n",
    "工 作 动 态\n2024年第7期\n某市交通运输局办公室编\n2024年5月15日\n",  # the editor over the day
    "工 作 简 报\n【内部资料 注意保存】\n2024年第7期\n某市交通运输局办公室编 2024年5月15日\n",  # a label above it
], ids=["editor-day", "editor-printed-day", "editor-over-day", "label-in-masthead"])
def test_a_bulletins_masthead_block_dates_and_publishes_every_item(masthead):
    page = parse_page("p", masthead + BULLETIN_ITEMS)
    assert [(a.title, page.iso_date_of(a), page.publisher_of(a)) for a in page.articles] == [
        (title, "2024-05-15", "某市交通运输局办公室") for title in ("甲县启用城乡公交一卡通", "乙镇新建两处口袋公园",
                                                                  "丙街道开设老年助餐点")]
    assert page.articles[-1].paragraphs == ["5月12日起，丙街道助餐点为70岁以上老人供应午餐，每餐8元。"]


def test_an_item_with_its_own_dateline_keeps_it_and_lines_above_items_that_name_no_editor_date_nothing():
    own = BULLETIN_ITEMS.replace("乙镇在老街", "2024年5月9日 来源：乙镇人民政府\n乙镇在老街")
    page = parse_page("p", "工 作 简 报\n某市交通运输局办公室编 2024年5月15日\n" + own)
    assert [(page.iso_date_of(a), page.publisher_of(a)) for a in page.articles][:2] == [
        ("2024-05-15", "某市交通运输局办公室"), ("2024-05-09", "乙镇人民政府")]
    page = parse_page("p", "本周交通要闻\n交通运输局在5月15日的例会上通报了以下三件事\n" + BULLETIN_ITEMS)
    assert {(page.iso_date_of(a), page.publisher_of(a)) for a in page.articles} == {("", "")}


@pytest.mark.parametrize("text, title, iso, publisher, paragraph", [
    ("群公告\n某某街道商户服务群(215)\n置顶\n【通知】关于沿街商铺恢复营业的通知\n2020-03-06 10:15 发布\n"
     "已读 180人 未读 35人\n各位商户：自3月9日起，沿街商铺可以恢复营业，营业时间为8:00至20:00。\n",
     "【通知】关于沿街商铺恢复营业的通知", "2020-03-06", "",  # a group notice from the app: "发布" names nobody
     "各位商户：自3月9日起，沿街商铺可以恢复营业，营业时间为8:00至20:00。"),
    ("东湖苑2号楼业主群(312)\n群公告\n@全体成员\n【东湖苑二次供水水箱清洗通知】\n2022-07-05 09:40 发布\n"
     "各位业主：7月8日8:00至16:00清洗水箱，其间停水，请提前储水。\n",
     "东湖苑二次供水水箱清洗通知", "2022-07-05", "",  # a headline in 【】 under the mention of every member
     "各位业主：7月8日8:00至16:00清洗水箱，其间停水，请提前储水。"),
    ("价 格 监 测 简 报 2020年第3期（总第41期）\n某市发展和改革委员会价格监测中心 2020年2月14日\n"
     "节后主要生活必需品价格总体平稳\n监测的15种蔬菜平均零售价格为每斤4.12元，比上周下降3.5%。\n"
     "主送：市委办公室，市政府办公室\n",
     "节后主要生活必需品价格总体平稳", "2020-02-14", "某市发展和改革委员会价格监测中心",  # a bulletin's masthead
     "监测的15种蔬菜平均零售价格为每斤4.12元，比上周下降3.5%。"),
])
def test_the_lines_above_a_notice_or_a_bulletin_title_date_and_publish_it_and_are_no_text(
        text, title, iso, publisher, paragraph):
    [article] = (page := parse_page("p", text)).articles
    assert (article.title, page.iso_date_of(article), page.publisher_of(article)) == (title, iso, publisher)
    assert article.paragraphs == [paragraph]


@pytest.mark.parametrize("head, publisher", [
    ("钉钉 · 工作台 › 公告 › 公告详情\n［重要］ 关于食堂暂停供应晚餐的通知\n"
     "行政部-赵敏　　2023-04-03 09:12　　发布范围：某某食品有限公司 全体员工\n", "某某食品有限公司"),
    ("[置顶][转发] 关于食堂暂停供应晚餐的通知\n行政部 赵敏　2023-04-03 09:12　发布范围：全体员工\n", ""),  # no issuer
], ids=["scope-organisation", "scope-staff"])
def test_an_office_apps_announcement_is_dated_by_its_info_line_and_published_by_the_organisation_it_went_to(
        head, publisher):
    text = (head + "公告有效期：2023-04-03 至 2023-04-30\n已读 85　未读 12　　［确认已读］\n各位同事：\n"
            "因厨房改造，4月10日至4月20日食堂暂停供应晚餐，午餐照常。\n有效期：2023年4月10日至2023年4月20日\n"
            "附件（1）：改造施工安排.docx　32.5KB　［预览］［下载］\n"
            "其他公告\n· 清明节放假安排的通知　　04-01\n· 四月份工资发放时间调整　　03-28\n")
    [article] = (page := parse_page("p", text)).articles
    assert (article.title, page.iso_date_of(article), page.publisher_of(article)) == (
        "关于食堂暂停供应晚餐的通知", "2023-04-03", publisher)
    assert article.paragraphs == ["各位同事：", "因厨房改造，4月10日至4月20日食堂暂停供应晚餐，午餐照常。",
                                  "有效期：2023年4月10日至2023年4月20日"]  # a period the text sets is a fact of it


@pytest.mark.parametrize("kind", ["用工情况调查报告", "助学贷款政策解读"])
def test_a_report_with_a_cover_page_is_issued_by_the_cover_and_dated_by_it(kind):
    page = parse_page("p", f"某市中小企业\n{kind}\n某市工业和信息化局\n二〇二〇年四月十日\n"
                           "3月下旬，我们对全市1286家中小企业开展了问卷调查，九成企业已经复工。\n")
    [article] = page.articles
    assert (article.title, page.iso_date_of(article), page.publisher_of(article)) == (
        f"某市中小企业{kind}", "2020-04-10", "某市工业和信息化局")
    assert article.paragraphs == ["3月下旬，我们对全市1286家中小企业开展了问卷调查，九成企业已经复工。"]


def test_a_notice_is_signed_before_its_attachments():
    page = parse_page("p", "关于恢复献血屋采血的公告\n自2月24日起，全市11处献血屋恢复采血，每日8:30至17:00。\n"
                           "某市中心血站\n2020年2月21日\n附件1\n献血屋地址一览表\n1.泰华献血屋 0536-8239011\n"
                           "2.人民广场献血屋 0536-8239012\n3.青州献血屋 0536-3239013\n4.诸城献血屋 0536-6239014\n"
                           "5.寿光献血屋 0536-5239015\n6.高密献血屋 0536-2239016\n7.昌乐献血屋 0536-6239017\n")
    [article] = page.articles
    assert (page.iso_date_of(article), page.publisher_of(article)) == ("2020-02-21", "某市中心血站")
    assert "泰华献血屋 0536-8239011" in article.text  # the attachment is kept: it lists places and phones


def test_an_issuer_with_brackets_above_a_notice_title_is_its_publisher():
    page = parse_page("p", "某市疫情处置工作领导小组（指挥部）办公室\n某防指办发〔2021〕5号\n"
                           "关于做好春节期间外地务工人员\n就地过年服务保障工作的通知\n"
                           "各县市区：春节期间留在本地过年的外地职工，每人发放补贴500元。\n")
    [article] = page.articles
    assert (article.title, page.publisher_of(article)) == (
        "关于做好春节期间外地务工人员就地过年服务保障工作的通知", "某市疫情处置工作领导小组（指挥部）办公室")


def test_a_header_above_a_rule_of_equals_signs_is_no_article_of_its_own_and_its_year_dates_the_text():
    page = parse_page("p", "某市12345热线\n每周热点诉求分析\n2021年第6期（2021.02.01—2021.02.07）\n" + "=" * 40 + "\n"
                           "一、本周受理概况\n本周热线共受理群众诉求3.62万件，其中就地过年咨询8460件。\n"
                           "补贴申报截止时间延长至3月15日。\n口径更新：2021-02-05 17:20\n")
    [article] = page.articles
    assert article.title == "某市12345热线 每周热点诉求分析"
    assert page.date_of(article) == "2021年3月15日"  # undated: the latest day it reports, in the year it writes


def test_a_scripts_items_numbered_in_brackets_under_its_head_and_rule_are_one_article_without_its_footer():
    page = parse_page("p", "青禾游泳馆前台接待话术 V2\n编写：运营部　　启用：2025年6月1日\n" + "=" * 40 + "\n"
                           "【0】接电话第一句\n  “您好，青禾游泳馆，请问有什么可以帮您？”\n"
                           "【1】客人问：几点开门？\n  答：每天9:00—21:00开放，周一上午闭馆清洁。\n"
                           "【2】客人问：怎么收费？\n  答：成人单次40元，儿童单次25元，十次卡350元。\n"
                           + "=" * 40 + "\n运营部  如有变动以最新版为准\n")
    [article] = page.articles
    assert article.title.startswith("青禾游泳馆前台接待话术")
    assert "【1】客人问：几点开门？" in article.paragraphs and "如有变动" not in article.text


@pytest.mark.parametrize("text, cited", [
    # a plan ("定于…") and a deadline ("…前") come after the day the text was written
    ("寿光蒜薹上市 电商直播助销\n4月12日，记者从寿光市商务局了解到，今年蒜薹收购价每斤3.2元。\n"
     "第二场直播定于4月18日举行，报名须在4月15日前完成。\n", "4月12日"),
    # "截至" reports a day done; "有效期至…" sets one ahead, and so does its year
    ("换证提醒\n截至2023年3月6日，已有1200人在网上申请换证。\n新证有效期至2033年5月20日。\n", "2023年3月6日"),
    # a text that only sets days ahead was written before the first of them
    ("缴费提醒\n请于2月10日前缴纳1月水费，逾期将加收滞纳金，3月1日起恢复自动扣款。\n", "2月10日"),
    # a span's start and end bound a season or a schedule ahead, with a dash as with 至
    ("冬季开放\n1月8日，公园完成了改造。冬季开放时间为1月10日—3月15日，灯展1月20日至2月5日举办。\n", "1月8日"),
])
def test_an_undated_text_is_cited_with_the_latest_day_it_reports_as_done_not_a_deadline_or_plan(text, cited):
    page = parse_page("p", text)
    [article] = page.articles
    assert page.date_of(article) == cited


@pytest.mark.parametrize("text, title, first_paragraph", [
    ("返潍人员须主动报告\n隐瞒行程将依法追责\n2月20日起，从外地返回的人员须在24小时内向社区报告。\n",
     "返潍人员须主动报告 隐瞒行程将依法追责", "2月20日起，从外地返回的人员须在24小时内向社区报告。"),  # a subtitle
    ("关于复工，这些问题你要知道\n人社局答记者问\n问：企业复工前要做哪些准备？答：制定防控方案。\n",
     "关于复工，这些问题你要知道 人社局答记者问", "问：企业复工前要做哪些准备？答：制定防控方案。"),
    ("紧 急 通 知\n各位居民：自2月10日起，小区实行封闭管理，出入须出示通行证。\n",  # no masthead over a headline
     "紧急通知", "各位居民：自2月10日起，小区实行封闭管理，出入须出示通行证。"),
    ("二 〇 二 三 · 兔 年\n观 灯 须 知\n某县元宵灯展\n灯展每晚18:00开放，21:00停止入场。\n",  # a poster's spaced lines
     "二〇二三·兔年观灯须知 某县元宵灯展", "灯展每晚18:00开放，21:00停止入场。"),
    ("某县古窑址公园讲解稿（2023年修订版）\n讲解全程约30分钟。\n各位游客，欢迎来到古窑址公园。\n",  # a name and edition
     "某县古窑址公园讲解稿（2023年修订版）", "讲解全程约30分钟。"),
    ("某县职业培训学校\n学员入学须知及收费明细（电工班）\n一、入学条件\n年满16周岁。\n",  # two names joined by 及
     "某县职业培训学校学员入学须知及收费明细（电工班）", "一、入学条件"),
])
def test_headlines_that_only_look_like_a_documents_name_or_a_masthead_keep_their_lines(text, title, first_paragraph):
    [article] = parse_page("p", text).articles
    assert (article.title, article.paragraphs[0]) == (title, first_paragraph)


def test_an_undated_article_cited_by_a_day_it_writes_in_full_takes_that_days_year():
    """The latest day it reports is 11月13日 (days are compared within a year); the text writes it with 2024, though
    it names 2025 too."""
    page = parse_page("p", "护照办理记录\n我的护照2024年11月13日上午在出入境大厅办完，当场拍照。\n"
                           "机票已于2025-01-05买好，三人共6840元。\n")
    assert page.date_of(page.articles[0]) == "2024年11月13日"


def test_an_undated_article_takes_its_year_from_a_full_date_only():
    page = parse_page("p", "全市公交3月2日起恢复运营\n"
                           "3月2日起，全市公交恢复运营。力争到2025年底，新能源公交占比达到100%。\n")
    assert page.date_of(page.articles[0]) == "3月2日"


@pytest.mark.parametrize("title, day", [
    ("2025青禾县环湖徒步大会", "2025年4月26日"),  # the one year its title names
    ("2024—2025学年青禾县环湖徒步大会", "4月26日"),  # two years: none
    ("青禾县2024年度环湖徒步大会总结", "4月26日"),  # a year's review is written the year after
])
def test_an_undated_article_without_a_full_date_takes_the_year_its_title_names(title, day):
    page = parse_page("p", f"{title}\n今天是4月26日，星期六，大会在湖边广场出发，共有1200人参加。\n")
    assert page.date_of(page.articles[0]) == day


@pytest.mark.parametrize("text, day", [
    ("2025年的开放时间：\n4月1日到10月31日，每天9:00—21:00，免费进入。", "2025年4月1日"),
    ("2025年春季训练营从4月12日到6月28日，每周六上午上课。", "2025年4月12日"),
    ("2019年建成的滑板场将于4月1日起开放，每天9:00—21:00。", "4月1日"),  # the year of something else
    ("滑板场2019年建成，将于4月1日起开放，每天9:00—21:00。", "4月1日"),
    ("2024—2025年度会员4月1日起开放，每天9:00—21:00。", "4月1日"),  # two years
    ("2023年五一假期4月1日接待游客3万人次，今年4月1日接待5万人次。", "4月1日"),  # this year beside it
    ("滑板节自2019年起每年4月1日举办，每天9:00—21:00。", "4月1日"),  # every year since
], ids=["over-the-next-line", "in-the-sentence", "a-building-year", "before-a-comma", "two-years", "this-year-too",
        "every-year-since"])
def test_an_undated_article_takes_the_year_a_sentence_names_right_before_its_days(text, day):
    page = parse_page("p", f"青禾滑板公园开放须知\n{text}\n入园请戴好护具，12岁以下须有家长陪同。\n")
    assert page.date_of(page.articles[0]) == day


@pytest.mark.parametrize("opening, title", [
    ("妈：\n", "您上回电话里说家里攒了好几个旧手机…"),  # a letter's salutation names whom it is written to
    ("本文件夹一共有3个文件：\n", "本文件夹一共有3个文件…"),  # a sentence ending in a colon says something
    ("亲爱的老师们、同学们，上午好！\n", "您上回电话里说家里攒了好几个旧手机…"),  # a greeting is no headline
    ("各位乘客，晚上好\n", "您上回电话里说家里攒了好几个旧手机…"),  # nor runs on into the sentence under it
], ids=["a-salutation", "a-sentence-before-a-list", "a-greeting", "a-greeting-without-a-mark"])
def test_an_untitled_text_is_cited_by_its_opening_words_past_a_salutation_or_greeting(opening, title):
    page = parse_page("p", f"{opening}您上回电话里说家里攒了好几个旧手机，不知道怎么处理，"
                           "社区3月15日上午在北门广场免费回收。\n")
    assert page.articles[0].title == title


def test_a_pasted_mail_forwarded_twice_is_the_quoted_notice_sent_by_its_own_sender_on_its_day():
    page = parse_page("p", "转给各村。\n-----原始邮件-----\n发件人：镇农业站\n发送时间：2023年4月3日 16:02\n"
                           "主题：转发：春耕农资补贴申领通知\n> 请各村通知到户。\n>\n> -----原始邮件-----\n"
                           "> 发件人：\"县农业农村局计财科\" <jck@example.cn>\n> 发送时间：2023年3月30日 上午10:15\n"
                           "> 主题：春耕农资补贴申领通知\n>\n> > 各乡镇：\n"
                           "> > 今年春耕农资补贴每亩20元，种粮农户4月15日前到村委会登记申领。\n")
    [article] = page.articles
    assert (article.title, page.iso_date_of(article), article.publisher) == (
        "春耕农资补贴申领通知", "2023-03-30", "县农业农村局计财科")
    assert article.paragraphs == ["各乡镇：", "今年春耕农资补贴每亩20元，种粮农户4月15日前到村委会登记申领。"]


def test_a_forwarded_mail_with_a_copy_line_keeps_its_notice():
    page = parse_page("p", "各位车间主任：\n经发局的通知转给大家。\n-----原始邮件-----\n发件人：某区经发局\n"
                           "发送时间：2020年2月15日 上午8:21\n收件人：各企业\n抄送：区工信局\n"
                           "主题：关于企业复工备案的通知\n"
                           "各企业：请于2月17日前报送复工备案材料，未备案的不得复工。\n")
    [article] = page.articles
    assert article.title == "关于企业复工备案的通知" and "未备案的不得复工" in article.text


def test_slips_of_fields_between_rules_of_equals_signs_stay_apart():
    body = "".join(f"缴费单号：A{n} 缴费日期：2024-0{n + 4}-01\n金额：{n}00元\n{'=' * 10}\n" for n in (1, 2))
    assert len(parse_page("p", body + "缴费单号：A3 缴费日期：2024-07-01\n金额：300元\n").articles) == 3


def test_a_list_above_a_rule_of_equals_signs_is_an_article_of_its_own():
    page = parse_page("p", "寿光蔬菜价格一览\n黄瓜 每斤2.5元\n西红柿 每斤3元\n==========\n青州古城恢复开放\n"
                           "3月6日起，青州古城恢复开放，游客须预约。\n")
    assert [article.title for article in page.articles][-1] == "青州古城恢复开放"


def test_a_test_reports_number_field_over_its_title_and_its_report_date_field_in_its_head():
    """A report's head: a mark and its certificate's number over the spaced title, which names it; its report-date
    field dates it. Both stay text."""
    page = parse_page("r", "CNAS　认可证书编号：L123456\n检 测 报 告\n报告编号：JC-2024-0158\n"
                           "报告日期：2024年3月20日\n一、检测结果\n本次共检测样品36份，3月2日采样，全部合格。\n")
    [article] = page.articles
    assert (article.title, page.iso_date_of(article)) == ("检测报告", "2024-03-20")
    assert "CNAS 认可证书编号：L123456" in article.text


@pytest.mark.parametrize("note", ["[某某扫描 文字识别结果 2024-10-26 08:12 · 共1页 · 仅供参考]",
                                  "［图片文字提取 2024/10/26］"])
def test_a_scanning_apps_note_over_the_text_is_neither_its_title_nor_its_day(note):
    page = parse_page("s", f"{note}\n\n青禾街道办事处\n关于旧家电回收活动延期的通知\n各社区居民：\n"
                           "    旧家电回收活动延期至2024年12月31日，每户限交2件。\n青禾街道办事处\n2024年10月25日\n")
    [article] = page.articles
    assert article.title == "青禾街道办事处关于旧家电回收活动延期的通知"
    assert page.iso_date_of(article) == "2024-10-25"


def test_a_bracketed_heading_without_a_figure_is_a_title_not_a_note():
    [article] = parse_page("s", "［重要通知］\n因管道维修，青禾小区4月3日停水一天，请居民提前储水。\n").articles
    assert article.title == "［重要通知］"


def test_a_tenders_bidding_hours_do_not_date_it():
    page = parse_page("q", "青禾区办公桌椅采购项目竞争性磋商公告\n"
                           "项目编号：QH-CG-0910　报价时间：2024年9月10日 9:00-11:00\n"
                           "本项目采购办公桌椅一批，预算5万元，供应商须在报价时间内提交报价。\n")
    assert page.articles[0].published is None


def test_a_quotations_date_field_in_its_head_dates_it_and_stays_text():
    page = parse_page("q", "青禾物业保洁服务报价单\n报价编号：QH-BJ-0412　报价日期：2024年9月3日　有效期：15天\n"
                           "一、服务内容\n每周保洁2次，每次3小时，含擦窗和地面打蜡。\n二、费用\n每月1200元，按季度结算。\n")
    [article] = page.articles
    assert page.iso_date_of(article) == "2024-09-03"
    assert any("报价日期：2024年9月3日" in p for p in article.paragraphs)


def test_an_issuer_beside_its_notices_number_over_the_title_publishes_it_and_the_number_stays_text():
    page = parse_page("w", "某县自来水有限公司 公示编号：ZLS-2024-03\n2024年第三季度供水水质检测结果公示\n"
                           "本季度共采集水样120份，检测结果全部合格，综合合格率100%。\n")
    [article] = page.articles
    assert (article.title, article.publisher) == ("2024年第三季度供水水质检测结果公示", "某县自来水有限公司")
    assert "公示编号：ZLS-2024-03" in article.text


def test_a_name_over_a_course_handouts_name_and_issue_is_its_title():
    page = parse_page("h", "“乐龄课堂”\n老年人防范电信诈骗讲义（第二期）\n主办：某街道某社区居民委员会\n"
                           "上课时间：每周三下午14:30，共4课。陌生电话让转账的，一律挂断。\n")
    [article] = page.articles
    assert (article.title, article.publisher) == \
        ("“乐龄课堂”老年人防范电信诈骗讲义（第二期）", "某街道某社区居民委员会")


def test_a_receipt_whose_first_rule_is_drawn_under_its_head_is_one_document():
    page = parse_page("s", "      某某燃气有限公司\n      燃气费缴费收据\n==================\n缴费网点：东城营业厅\n"
                           "户号：0231775\n实收：150.00元\n==================\n温馨提示：\n"
                           "1. 燃气表余量不足10立方米时，请及时缴费，以免停气。\n"
                           "2. 如需开具发票，请在30天内凭本收据办理。\n")
    [article] = page.articles
    assert article.title.startswith("某某燃气有限公司")
    assert "2. 如需开具发票，请在30天内凭本收据办理。" in article.paragraphs


def test_a_slip_framed_by_rules_of_equals_signs_is_one_document_titled_by_its_head():
    """A printed slip (a ticket, a receipt) has "====" borders under its head and at its end: they frame one
    document, not articles pasted one after another."""
    page = parse_page("s", "      某县游泳馆\n    自助售票机 · 购票凭条\n==========================\n"
                           "票号：YY-0032117\n购票时间：2024-07-02 09:15\n--------------------------\n"
                           "成人单次票 1张 30元\n==========================\n【温馨提示】\n"
                           "自7月1日起，暑期场次调整为每天8:00—21:00，每场限180人。\n"
                           "游泳时须戴泳帽，1.4米以下儿童须由成人陪同入池。\n==========================\n")
    [article] = page.articles
    assert article.title == "某县游泳馆 自助售票机 · 购票凭条"
    assert "自7月1日起，暑期场次调整为每天8:00—21:00，每场限180人。" in article.text


def test_text_copied_from_a_printed_page_loses_the_next_pages_head_and_keeps_a_wrapped_full_stop():
    page = parse_page("p", "车辆通行证办理指引\n　　一、办理时限。在线申请的，市交通运输局在2小时内完成审核\n\n"
                           "第 1 页 / 共 2 页\n\n某市交通运输局　政务公开\n；夜间提交的，于次日8时前完成审核\n。\n")
    [article] = page.articles
    assert article.paragraphs == [
        "一、办理时限。在线申请的，市交通运输局在2小时内完成审核；夜间提交的，于次日8时前完成审核。"]


def test_a_long_running_head_under_two_page_numbers_is_no_text_nor_title_also_over_the_first_page():
    head, number = "青禾县技工学校                          2025年春季电工培训招生简章", "               — {} —"
    page = parse_page("p", f"{head}\n\n          2025年春季电工培训招生简章\n\n"
                           f"    一、培训安排。每班30人，3月3日开班，上课地点在\n{number.format(1)}\n{head}\n\n"
                           f"学校实训楼二楼。\n    二、费用。学员不交费用。\n{number.format(2)}\n{head}\n\n"
                           "                   青禾县技工学校\n                   2025年2月10日\n")
    [article] = page.articles
    assert (article.title, page.publisher_of(article)) == ("2025年春季电工培训招生简章", "青禾县技工学校")
    said = ["一、培训安排。每班30人，3月3日开班，上课地点在学校实训楼二楼。", "二、费用。学员不交费用。"]
    assert article.paragraphs[:2] == said


def test_a_documents_name_repeated_at_the_head_of_each_page_titles_it_and_is_no_text_below():
    name, number = "青禾县2025年农村公路养护管理办法", "— {} —"
    page = parse_page("p", f"{name}\n\n第一条　为加强农村公路养护，制定本办法。\n{number.format(1)}\n{name}\n"
                           f"第二条　乡镇负责本辖区农村公路的日常养护。\n{number.format(2)}\n{name}\n"
                           "第三条　本办法自2025年3月1日起施行。\n")
    [article] = page.articles
    assert article.title == name and name not in article.text
    assert article.paragraphs == ["第一条 为加强农村公路养护，制定本办法。",
                                  "第二条 乡镇负责本辖区农村公路的日常养护。", "第三条 本办法自2025年3月1日起施行。"]


def test_a_bulletins_running_head_over_a_documents_title_on_the_first_page_is_no_title():
    head = "青禾县人民政府公报　　2025年第3期"
    page = parse_page("p", f"{head}\n青禾县人民政府关于印发青禾县城市更新实施办法的通知\n各乡镇人民政府：\n"
                           f"现将实施办法印发给你们，请认真贯彻执行，\n— 1 —\n{head}\n每季度报告进展情况。\n"
                           f"— 2 —\n{head}\n本办法自2025年4月1日起施行。\n")
    assert page.articles[0].title == "青禾县人民政府关于印发青禾县城市更新实施办法的通知"


def test_a_meeting_summary_loses_its_masthead_and_issue_number():
    page = parse_page("p", "某市交通运输局\n会　议　纪　要\n〔2020〕第4期\n某市交通运输局办公室　　2020年2月25日\n"
                           "全市出租汽车行业复工复产专题会议纪要\n会议同意全市城区出租汽车自2月26日起恢复运营。\n")
    [article] = page.articles
    assert (article.title, page.iso_date_of(article)) == ("全市出租汽车行业复工复产专题会议纪要", "2020-02-25")
    assert article.paragraphs == ["会议同意全市城区出租汽车自2月26日起恢复运营。"]


@pytest.mark.parametrize("line, publisher", [
    ("2021-07-28 19:06 来源：某区融媒体中心播放：12036", "某区融媒体中心"),  # a video's play count after its source
    ("发布日期：2020-02-18 来源：妇幼健康科字号：大 中 小", "妇幼健康科"),
])
def test_a_datelines_source_ends_where_the_next_label_begins(line, publisher):
    page = parse_page("p", f"某区犬只集中登记延期\n{line}\n犬只集中登记延期至8月31日，电子芯片免费植入。\n")
    assert page.publisher_of(page.articles[0]) == publisher


@pytest.mark.parametrize("line, day, publisher", [
    ("文章日期 2021年9月15日", "2021-09-15", ""),  # a screen reader's label, not a source
    ("【语音转文字】2023年3月8日 10:15　时长 2分40秒", "2023-03-08", ""),  # a voice app's label and the length
    ("播出时间 2022年5月6日 6:50 时长约2分10秒 编辑 李某 审核 王某某", "2022-05-06", ""),  # a radio script's head
    ("2020年12月16日 18:30 山东", "2020-12-16", ""),  # a post's IP location, not a source
    ("2020年05月06日 07:16 潍坊日报", "2020-05-06", "潍坊日报"),
    ("小禾的周末 Lv.5 2024年9月21日 发布 阅读 3208 顶 77", "2024-09-21", ""),  # a user's post: no publisher
    ("主播：老孟说潍坊 2023-05-06 19:40 发表 播放 8122", "2023-05-06", ""),
    ("来源：青禾日报 2024-10-08 09:30 发布", "2024-10-08", "青禾日报"),  # a source's label still names it
    ("【通知】 2024-10-08 09:30 发布 · 来源：青禾区住房和城乡建设局", "2024-10-08", "青禾区住房和城乡建设局"),
    ("【交房】 2024-10-08 09:30 发布 · 来源：开发商供稿", "2024-10-08", ""),  # a word that names no one
    # a page's line naming the organisation that keeps it, and the day it last changed it
    ("青禾区妇幼保健院 · 宣教科整理 · 2024年11月3日更新 · 已读 512", "2024-11-03", "青禾区妇幼保健院"),
    ("青禾区妇幼保健院　2024年11月3日发布", "2024-11-03", "青禾区妇幼保健院"),
    ("小禾的周末 · 2024年9月21日更新 · 阅读 3208", "2024-09-21", ""),  # a nickname's: no publisher
    ("暖暖的小卖部 Lv.5 2024年9月21日 发布 阅读 3208", "2024-09-21", ""),  # a nickname named like a shop
    ("新闻中心 · 2024年11月3日更新 · 阅读 512", "2024-11-03", ""),  # a column's name
])
def test_a_time_lines_label_or_ip_location_names_no_publisher(line, day, publisher):
    page = parse_page("p", f"某区犬只集中登记延期\n{line}\n犬只集中登记延期至8月31日，电子芯片免费植入。\n")
    [article] = page.articles
    assert (page.iso_date_of(article), page.publisher_of(article)) == (day, publisher)


@pytest.mark.parametrize("line, day, publisher", [
    ("发布：青禾区图书馆少儿部　日期：2024年7月2日　阅读 2156", "2024-07-02", "青禾区图书馆少儿部"),
    ("发布：青禾物业服务中心　｜　发布日期：2024年6月3日　｜　阅读 1268", "2024-06-03", "青禾物业服务中心"),
    ("发布者：青禾区图书馆 2024-07-02", "2024-07-02", "青禾区图书馆"),
    ("发布：寒亭区固堤街道青禾家庭农场　2024-10-28", "2024-10-28", "寒亭区固堤街道青禾家庭农场"),  # a place's
    ("发布时间：2024-05-20　报名截止：2024-06-10", "2024-05-20", ""),  # an event's day beside the page's
    ("来源：青禾区农业农村局　发布时间：2024-05-20　截止：2024-06-30", "2024-05-20", "青禾区农业农村局"),
])
def test_a_pages_publish_label_names_its_publisher(line, day, publisher):
    page = parse_page("p", f"某区犬只集中登记延期\n{line}\n犬只集中登记延期至8月31日，电子芯片免费植入。\n")
    [article] = page.articles
    assert (page.iso_date_of(article), page.publisher_of(article)) == (day, publisher)


@pytest.mark.parametrize("line", ["发布者：青禾社区居委会　报名时间：2024年6月1日至6月10日",
                                  "发布：青禾小区业主委员会　会议时间：2024年9月20日 19:00", "发布：每周一上午"])
def test_a_publish_line_with_only_an_events_day_or_no_organisation_is_text(line):
    [article] = parse_page("p", f"青禾社区通知\n{line}\n社区将组织居民参加消防安全培训，请大家准时参加。\n").articles
    assert (article.published, article.publisher) == (None, "")
    assert line.split("：")[1].split()[0] in article.text


def test_a_line_naming_an_events_day_beside_its_publisher_is_text_not_a_dateline():
    page = parse_page("p", "青禾读书会2025年活动安排\n更新时间：2025年1月4日\n"
                           "发布：青禾读书会理事会 第一场：2025年1月18日（周六）\n"
                           "今年每月第三个周六下午举行读书分享会，地点在区图书馆二楼。\n")
    [article] = page.articles
    assert page.iso_date_of(article) == "2025-01-04"
    assert "第一场：2025年1月18日" in article.text


@pytest.mark.parametrize("line", ["执行日期 2025年5月1日", "生效时间：2025-05-01", "实施日期：自2025年5月1日起"])
def test_the_day_rules_take_effect_does_not_date_the_text(line):
    page = parse_page("p", f"某区犬只集中登记延期\n{line}\n犬只集中登记延期至8月31日，电子芯片免费植入。\n")
    assert page.iso_date_of(page.articles[0]) != "2025-05-01"


_DRILL = "6月4日上午，某县将在河道沿线开展防汛演练，请居民不要惊慌。\n"


@pytest.mark.parametrize("head, day, publisher", [
    ("稿件编号：GB-2021-017　紧急程度：急\n播发单位：某县应急管理局\n"
     "拟稿人：李某　审核人：赵某　审核时间：2021年6月2日 9:30\n"
     "播发时段：2021年6月3日至6月5日，每天8:00播发\n", "2021-06-02", "某县应急管理局"),  # a period is no such day
    ("发稿单位：某区融媒体中心\n签发人：孙某　签发日期：2021-06-01\n审核时间：2021-05-31\n",
     "2021-06-01", "某区融媒体中心"),  # the last approval
])
def test_a_draft_forms_head_names_its_issuing_unit_and_the_day_it_was_approved(head, day, publisher):
    # a field in the text says nothing of the draft
    page = parse_page("p", f"某县防汛演练播发稿\n{head}【正文】\n{_DRILL}签发时间：2021年6月8日\n")
    [article] = page.articles
    assert (page.iso_date_of(article), page.publisher_of(article)) == (day, publisher)
    assert publisher not in article.text and "审核时间" not in article.text  # the fields that say so are no text
    assert article.paragraphs[-1] == "签发时间：2021年6月8日" and ("稿件编号" in article.text) == ("稿件编号" in head)


@pytest.mark.parametrize("above, publisher", [("", "某区科技馆"), ("来源：某区教育和体育局\n", "某区教育和体育局")])
def test_a_notices_head_names_its_organiser_unless_a_source_line_names_a_publisher(above, publisher):
    page = parse_page("p", f"2022年青少年科普夏令营报名通知\n{above}主办单位：某区科技馆\n承办单位：某区青少年宫\n"
                           "各位家长：今年夏令营共设三期，每期五天，面向全区小学四至六年级学生。\n")
    [article] = page.articles
    assert page.publisher_of(article) == publisher and "主办单位" not in article.text


@pytest.mark.parametrize("above, closing, day, publisher", [
    ("发布时间：2021-06-03 10:00\n", "", "2021-06-03", "某县应急管理局"),
    ("", "某县防汛抗旱指挥部\n", "2021-06-02", "某县防汛抗旱指挥部"),
])
def test_a_dateline_or_closing_wins_over_a_draft_forms_head(above, closing, day, publisher):
    page = parse_page("p", f"某县防汛演练播发稿\n{above}播发单位：某县应急管理局\n审核时间：2021年6月2日 9:30\n"
                           f"{_DRILL}{closing}")
    [article] = page.articles
    assert (page.iso_date_of(article), page.publisher_of(article)) == (day, publisher)


@pytest.mark.parametrize("text, day, publisher", [
    # a note app's export: the day it was exported dates the notes it holds
    ("随手记便签导出\n导出时间：2022-11-03 20:05:12\n共 2 条\n[2022-10-30 08:12] 周六上午带孩子去少年宫报名。\n"
     "[2022-11-01 19:40] 物业通知本周五停水半天。\n", "2022-11-03", ""),
    # a report's fields several to a line (tabs, wide spaces): the unit that compiled it, the day it was generated
    ("某区供热服务热线月报\n编制单位：某区供热服务中心\t密级：公开\t生成时间：2022-03-02 08:40\n"
     "一、受理情况\n本月共受理来电1200件，较上月减少一成。\n", "2022-03-02", "某区供热服务中心"),
    ("某区供热服务热线月报\n密级：公开\u3000\u3000编制单位：某区供热服务中心\u3000\u3000生成日期：2022年3月2日\n"
     "本月共受理来电1200件，较上月减少一成。\n", "2022-03-02", "某区供热服务中心"),
    # a publication form: the day it plans to publish the piece; a 签发日期 under its 正文 is a field in the text
    ("某县信息发布审签表\n信息标题：某县图书馆延长开放时间\n发布单位：某县文化和旅游局\n拟发布日期：2022年5月9日\n"
     "正文：自5月10日起，某县图书馆每天开放至晚上9点。\n签发人：钱某 签发日期：2022年5月6日\n",
     "2022-05-09", "某县文化和旅游局"),
])
def test_an_export_or_forms_head_dates_it_by_its_export_or_planned_publication_day(text, day, publisher):
    page = parse_page("p", text)
    [article] = page.articles
    assert (page.iso_date_of(article), page.publisher_of(article)) == (day, publisher)
    assert "导出时间" not in article.text and "生成" not in article.text and "拟发布" not in article.text


@pytest.mark.parametrize("head, day, publisher", [
    ("编制单位：某县气象台\n播发单位：某县应急管理局\n导出时间：2021-06-09\n拟发布日期：2021-06-04\n"
     "审核时间：2021-06-02\n", "2021-06-02", "某县应急管理局"),  # the approval and the issuing unit first
    ("生成日期：2021-06-09\n拟发布时间：2021年6月4日 8:00\n", "2021-06-04", ""),  # then the planned day
    ("编制单位：某县气象台\n导出日期：2021-06-09\n", "2021-06-09", "某县气象台"),
])
def test_a_forms_head_dates_it_by_the_first_kind_of_day_it_names(head, day, publisher):
    page = parse_page("p", f"某县防汛演练播发稿\n{head}{_DRILL}")
    [article] = page.articles
    assert (page.iso_date_of(article), page.publisher_of(article)) == (day, publisher)


_VOUCHERS = "社区养老服务券使用说明\n"
_VOUCHER_TEXT = "养老服务券可以在辖区内的助餐点使用，每张面值10元，10月8日起启用。\n"


@pytest.mark.parametrize("line", [
    "整理：街道民政科 孙丽　2022.9.14",  # a dotted date after the compiler's department and name
    "编写：街道民政科 孙丽　2022年9月14日",
    "整理人：孙丽　整理时间：2022-09-14",
    "更新：2022.09.14 孙丽",
])
def test_a_compilers_line_heading_a_note_dates_it(line):
    page = parse_page("p", f"{_VOUCHERS}{line}\n{_VOUCHER_TEXT}")
    [article] = page.articles
    assert (page.iso_date_of(article), page.publisher_of(article)) == ("2022-09-14", "")  # not the day it reports
    assert article.paragraphs == [_VOUCHER_TEXT.strip()]  # a line of fields is no text


@pytest.mark.parametrize("text", [
    f"{_VOUCHERS}发布时间：2022-09-20\n整理：孙丽 2022.9.14\n{_VOUCHER_TEXT}",
    f"---\ntitle: 社区养老服务券使用说明\ndate: 2022-09-20\n---\n整理：孙丽 2022.9.14\n{_VOUCHER_TEXT}",
    f"{_VOUCHERS}整理：孙丽 2022.9.14\n{_VOUCHER_TEXT}某某街道办事处\n2022年9月20日\n",
], ids=["dateline", "front-matter", "closing"])
def test_a_dateline_front_matter_or_closing_wins_over_a_compilers_line(text):
    page = parse_page("p", text)
    [article] = page.articles
    assert page.iso_date_of(article) == "2022-09-20"


@pytest.mark.parametrize("text", [
    f"{_VOUCHERS}整理好材料后于2022年10月1日前提交给社区。\n{_VOUCHER_TEXT}",  # a sentence, no compiler's line
    f"{_VOUCHERS}{_VOUCHER_TEXT}整理：孙丽 2022.9.14\n",  # a field in the text, under its first sentence
])
def test_a_compiling_word_in_a_sentence_or_in_the_text_dates_nothing(text):
    [article] = parse_page("p", text).articles
    assert article.published is None


@pytest.mark.parametrize("line", ["截止时间 2023年3月9日 审核通过", "活动时间 2023年6月1日 主播带货"])
def test_a_labelled_day_followed_by_words_is_text_not_a_dateline(line):
    [article] = parse_page("p", f"某区电商培训班开班\n培训班共招收学员60名。\n{line}\n").articles
    assert article.published is None and line in article.text


def test_an_events_time_and_place_on_one_line_is_text_not_a_dateline():
    line = "时间：2024年6月1日 09:30 | 地点：青禾社区卫生服务站"
    [article] = parse_page("p", f"社区夏季义诊活动通知\n医生将为居民免费测量血压、血糖。\n{line}\n").articles
    assert article.published is None and line in article.text


@pytest.mark.parametrize(("line", "publisher"), [
    ("信息发布：青禾县人民政府办公室　发布时间：2024年3月5日", "青禾县人民政府办公室"),  # 信息发布 naming who
    ("时间：2024-03-05　来源：青禾县体育局　地址：青禾路1号", "青禾县体育局"),  # a page's info line, an address in it
])
def test_a_pages_info_line_naming_its_publisher_dates_it_and_publishes(line, publisher):
    page = parse_page("p", f"青禾县全民健身月启动\n{line}\n3月5日，青禾县全民健身月在县体育场启动。\n")
    [article] = page.articles
    assert (page.iso_date_of(article), page.publisher_of(article)) == ("2024-03-05", publisher)


def test_a_reporters_question_is_an_interviews_turn_not_a_credit_nor_a_title():
    text = ("记者：今年的助听器怎么申请？\n李医生：到村卫生室登记，带上身份证。\n"
            "记者：一个人能配几个？\n李医生：每人一个，免费。\n")
    [article] = parse_page("p", "【青禾县卫健局出品】\n" + text).articles
    assert "记者：今年的助听器怎么申请？" in article.text and "记者：一个人能配几个？" in article.text
    assert not article.title.startswith("记者")


@pytest.mark.parametrize("line", ["【原标题：五一假期游客超百万，青禾古城凭什么火出圈？】",
                                  "责任编辑：赵某　部分图片来源网络，如有侵权请联系删除！"])
def test_a_credit_line_with_a_question_or_an_exclamation_is_still_no_text(line):
    [article] = parse_page("p", f"青禾古城五一接待游客\n{line}\n五一假期，青禾古城接待游客102万人次。\n").articles
    assert article.paragraphs == ["五一假期，青禾古城接待游客102万人次。"]


def test_an_events_line_with_the_word_author_in_its_topic_stays_text():
    line = "时间：2025年4月23日 14:30 主题：与作者面对面 地点：青禾县图书馆报告厅"
    [article] = parse_page("p", f"读书月活动预告\n读书月期间举办多场阅读活动，欢迎市民参加。\n{line}\n").articles
    assert article.published is None and line in article.text


def test_a_question_and_answer_without_a_headline_is_cited_by_its_question():
    text = "问：灵活就业人员怎样参加职工医保？\n答：带身份证到医保经办机构登记，也可以在网上办理。\n"
    assert parse_page("p", text).articles[0].title == "灵活就业人员怎样参加职工医保？"  # the whole question


def test_a_sheets_row_of_who_drew_it_up_and_when_is_a_dateline_of_its_making():
    """A spreadsheet saved as a web page reads its rows as cells between bars; its "制表日期" is the day it was made
    (ranked as a creation day: a publication or update day wins over it)."""
    dateline = read_dateline("制表：学校总务处 | 制表日期：2024年8月12日 | ||||")
    assert dateline is not None and (dateline.published, dateline.rank) == (date(2024, 8, 12), 2)


def test_a_source_naming_where_from_not_who_publishes_nothing():
    text = "社区夏季义诊活动通知\n发布时间：2024-05-20 来源：网络\n医生将为居民免费测量血压。\n"
    [article] = parse_page("p", text).articles
    assert (str(article.published), article.publisher) == ("2024-05-20", "")


def test_an_events_time_in_brackets_is_no_dateline():
    page = parse_page("p", "社区夏季义诊活动通知\n社区卫生服务站的医生将为居民免费测量血压、血糖。\n"
                           "【活动时间】2024年6月1日 09:30\n")
    [article] = page.articles
    assert article.published is None and "【活动时间】2024年6月1日 09:30" in article.text  # a fact, not the day


def test_a_printed_pages_header_with_its_section_and_staff_dates_the_clipping_whose_byline_ends_the_title():
    page = parse_page("p", "某某晚报 2023年6月8日 星期四 A06 民生新闻 责编：王某 美编：张某 校对：李某\n"
                           "涉及12个小区，请提前做好准备\n城区5条线路6月13日起检修\n本报记者 孙某 通讯员 刘某\n"
                           "本报6月7日讯 供电公司将于6月13日对城区5条线路进行检修，停电时间为7:00至15:00。\n")
    [article] = page.articles
    assert article.title == "涉及12个小区，请提前做好准备 城区5条线路6月13日起检修"
    assert (page.iso_date_of(article), page.publisher_of(article)) == ("2023-06-08", "某某晚报")
    assert not any("责编" in p or "本报记者" in p for p in article.paragraphs)


def test_a_printed_pages_staff_line_under_its_header_is_no_title():
    page = parse_page("p", "某某晚报　2023年6月8日　星期四　A06版：民生新闻\n"
                           "版面编辑：王某　　美编：张某　　校对：李某\n城区5条线路6月13日起检修\n"
                           "本报讯 供电公司将于6月13日对城区5条线路进行检修，停电时间为7:00至15:00。\n")
    [article] = page.articles
    assert article.title == "城区5条线路6月13日起检修" and "王某" not in article.text


@pytest.mark.parametrize("label", ["【今日关注】\n", "【民生】\n\n"], ids=["a-label", "a-label-and-a-blank-line"])
def test_a_column_label_under_a_printed_pages_header_is_no_title_of_the_headline_under_it(label):
    page = parse_page("p", "某某晚报　2023年6月8日　星期四　A06版：民生新闻\n——————————————\n"
                           f"{label}城区5条线路6月13日起检修 涉及12个小区\n"
                           "　　本报讯 供电公司将于6月13日对城区5条线路进行检修，停电时间为7:00至15:00。\n"
                           "【停水通知】\n　　6月10日8:00—16:00，东风街以南区域停水，请提前储水。\n")
    assert page.articles[0].title == "城区5条线路6月13日起检修 涉及12个小区"
    assert any("停水" in article.text for article in page.articles)


@pytest.mark.parametrize("under", ["本报记者 王某\n", "严防死守确保森林资源安全\n"], ids=["a-byline", "a-subtitle"])
def test_a_headline_in_brackets_under_a_printed_pages_header_stays_its_title(under):
    page = parse_page("p", "某某日报　2024年5月28日　星期二　A3版\n【全市部署春季森林防火工作】\n" + under +
                           "　　5月27日，全市春季森林防火工作会议召开，要求各县市区加强巡查，严防火灾发生。\n")
    assert "全市部署春季森林防火工作" in page.articles[0].title


_ROUTED = ("关于东湖公园夜间照明改造进展情况的报告\n区城市管理局：\n"
           "按照贵局部署，东湖公园夜间照明改造已完成环湖步道段，共更换路灯146盏。\n"
           "联系人：工程部 周某 电话：0536-1234567\n某市园林工程有限公司\n2023年9月12日\n")


@pytest.mark.parametrize("form", [
    "【某区政务协同平台】收文处理单\n",
    "某区城市管理局办文单\n",
    "阅 办 单\n",
])
def test_an_office_systems_routing_form_is_no_part_of_the_document_it_routes(form):
    page = parse_page("p", f"{form}文件标题：关于东湖公园夜间照明改造进展情况的报告\n来文单位：某市园林有限公司\n"
                           "来文字号：园字〔2023〕5号\n收文日期：2023-09-13　　紧急程度：普通\n流转记录：\n"
                           "　2023-09-13 10:20　办公室（钱某）　拟办：请市政科阅处。\n"
                           "　2023-09-18 15:02　市政科　办结\n当前状态：已办结　　打印时间：2023-09-19 09:10\n"
                           f"——————————————————\n\n{_ROUTED}")
    [article] = page.articles
    assert article.title == "关于东湖公园夜间照明改造进展情况的报告"
    assert (page.iso_date_of(article), page.publisher_of(article)) == ("2023-09-12", "某市园林工程有限公司")
    assert article.paragraphs[0] == "区城市管理局：" and "2023-09" not in article.text and "拟办" not in article.text


def test_a_routing_forms_fields_name_a_document_pasted_without_its_title_and_closing_but_do_not_date_it():
    page = parse_page("p", "某区城市管理局收文处理单\n文件标题：关于东湖公园夜间照明改造进展情况的报告\n"
                           "来文单位：某市园林工程有限公司\n收文日期：2023-09-13\n打印时间：2023-09-19 09:10\n"
                           "────────────\n区城市管理局：\n东湖公园夜间照明改造已完成环湖步道段，共更换路灯146盏。\n")
    [article] = page.articles
    assert article.title == "关于东湖公园夜间照明改造进展情况的报告"
    assert page.publisher_of(article) == "某市园林工程有限公司"
    assert article.published is None and article.paragraphs[0] == "区城市管理局："


_BOARD = ("东关社区居务公开栏\n2023年第二季度　　公开日期：2023年4月20日\n东关社区居民委员会　东关社区居务监督委员会\n"
          "━━━━ 第2张：老旧小区加装电梯补贴公示 ━━━━\n经社区居民议事会讨论，以下住宅楼申请加装电梯补贴，现予公示。\n"
          "1号楼　补贴15万元\n公示期：2023年4月20日至4月27日。\n")


@pytest.mark.parametrize("head", [
    "【社区公告栏照片文字整理】\n拍摄地点：东关社区服务中心门口\n拍摄时间：2023年5月9日下午　整理人：李某（网格员）\n"
    "说明：照片共2张，看不清的字用□代替。\n\n━━━━ 第1张（上半部分）━━━━\n",
    "公告栏图片转文字\n转写：王某\n备注：按从上到下的顺序整理。\n",
])
def test_a_photo_transcripts_head_is_no_text_and_the_boards_head_titles_dates_and_publishes_it(head):
    page = parse_page("p", head + _BOARD)
    [article] = page.articles
    assert article.title == "东关社区居务公开栏"
    assert (page.iso_date_of(article), page.publisher_of(article)) == \
        ("2023-04-20", "东关社区居民委员会、东关社区居务监督委员会")  # not the day the photos were taken
    assert not any(word in article.text for word in ("拍摄", "整理", "转写", "第1张", "第2张", "公开日期"))
    assert "老旧小区加装电梯补贴公示" in article.paragraphs  # a picture's heading stands alone


def test_a_photo_transcript_is_titled_by_the_heading_its_first_pictures_marker_carries():
    page = parse_page("p", "截图文字\n截图时间：2023年5月9日\n——— 图1：东关社区停水通知 ———\n"
                           "因管道维修，5月12日8:00至14:00东关社区停水，请居民提前储水。\n东关社区居民委员会\n")
    [article] = page.articles
    assert article.title == "东关社区停水通知"
    assert page.publisher_of(article) == "东关社区居民委员会" and "截图" not in article.text


@pytest.mark.parametrize("line", ["公开日期：2023年4月20日", "2023年第二季度　　公开日期：2023年4月20日",
                                  "第15期　发布日期：2023-04-20"])
def test_a_labelled_publication_day_in_a_boards_head_dates_a_text_without_front_matter(line):
    page = parse_page("p", f"东关社区居务公开栏\n{line}\n社区今年将为3栋住宅楼加装电梯，5月10日前完成选址。\n")
    [article] = page.articles
    assert page.iso_date_of(article) == "2023-04-20" and "日期" not in article.text


_SIGNAGE = ("智慧屏管理平台 2.1 — 播放内容导出\n终端分组：城东街道便民服务中心\n终端：1F-大屏-01\n"
            "节目单名称：2023年夏季大屏轮播内容\n节目单有效期：2023-06-01 00:00 至 2023-08-31 23:59\n"
            "导出人：admin01　　导出时间：2023-06-03 14:20:05\n共 3 个节目项\n==============================\n\n"
            "【节目项 1】类型：天气（动态数据，不导出）　区域：左上角\n\n"
            "【节目项 2】类型：图文　区域：右侧　停留：20秒\n标题：夏季用电安全提示\n内容：\n"
            "请勿私拉乱接电线，\n电动自行车不要在楼道内充电。\n\n"
            "【节目项 3】类型：滚动字幕　区域：底部　速度：2\n内容：\n服务中心夏季办公时间为上午8:30至12:00\n\n"
            "==============================\n导出完毕。注：动态数据类节目项仅导出模板文字。\n")
_CMS = ("信息名称：社区图书室新书推荐\n发布机构：东湖社区居民委员会\n生成时间：2023年9月8日 10:00\n------------\n"
        "【条目 1】\n标题：少儿绘本二十册\n正文：本月新增少儿绘本二十册，欢迎家长带孩子前来借阅。\n------------\n"
        "【条目 2】\n标题：借阅时间调整\n正文：\n自9月11日起，图书室周六下午增开借阅。\n")


@pytest.mark.parametrize(("text", "title", "day", "publisher", "paragraphs"), [
    (_SIGNAGE, "2023年夏季大屏轮播内容", "2023-06-03", "城东街道便民服务中心",
     ["夏季用电安全提示", "请勿私拉乱接电线，电动自行车不要在楼道内充电。", "服务中心夏季办公时间为上午8:30至12:00"]),
    (_CMS, "社区图书室新书推荐", "2023-09-08", "东湖社区居民委员会",
     ["少儿绘本二十册", "本月新增少儿绘本二十册，欢迎家长带孩子前来借阅。",
      "借阅时间调整", "自9月11日起，图书室周六下午增开借阅。"]),
], ids=["signage", "cms"])
def test_a_systems_export_of_labelled_items_is_one_document_named_and_dated_by_its_head(
        text, title, day, publisher, paragraphs):
    page = parse_page("p", text)
    [article] = page.articles
    assert (article.title, page.iso_date_of(article), page.publisher_of(article)) == (title, day, publisher)
    assert article.paragraphs == paragraphs  # no settings (类型, 区域, 停留), no export note, no 有效期


_COURSE = ("食品安全法规要点与抽检实务\n{subtitle}某某县市场监督管理局 食品安全协调科\n主讲：孙某\n"
           "一、从业人员健康管理\n餐饮单位从业人员每年应当进行健康检查，取得健康证明后方可上岗。\n")


@pytest.mark.parametrize("subtitle, closing, publisher, day", [
    ("——2022年全县餐饮从业人员培训（第二讲）\n", "", "某某县市场监督管理局", ""),  # a course's year dates nothing
    ("", "", "某某县市场监督管理局", ""),  # right under the title it is no part of it
    ("", "某某县卫生健康局\n2022年5月6日\n", "某某县卫生健康局", "2022-05-06"),  # a closing names it first
])
def test_an_issuer_and_its_section_under_a_courses_title_publish_it_when_nothing_else_does(subtitle, closing,
                                                                                           publisher, day):
    page = parse_page("p", _COURSE.format(subtitle=subtitle) + closing)
    [article] = page.articles
    assert (article.title, page.publisher_of(article), page.iso_date_of(article)) == \
        ("食品安全法规要点与抽检实务", publisher, day)


_MINUTES = ("妙记\n河西社区垃圾分类督导员例会\n开始时间：2023年10月9日 14:00\n主办单位：河西社区居民委员会\n"
            "说话人 1 00:05\n从下周一起，厨余垃圾桶早上7点到9点开放。\n说话人 2 01:12\n督导员几点到岗？\n"
            "说话人 1 02:40\n6点50分到岗，每天每人补贴30元。\n由某某妙记导出\n")


def test_a_meeting_transcripts_head_names_and_dates_it_and_each_turn_is_led_by_its_speaker():
    page = parse_page("p", _MINUTES)
    [article] = page.articles
    assert (article.title, page.iso_date_of(article), page.publisher_of(article)) == \
        ("河西社区垃圾分类督导员例会", "2023-10-09", "河西社区居民委员会")  # a host's field publishes it
    assert article.paragraphs == ["说话人 1：从下周一起，厨余垃圾桶早上7点到9点开放。", "说话人 2：督导员几点到岗？",
                                  "说话人 1：6点50分到岗，每天每人补贴30元。"]


_TRANSCRIBED = ("{kind}\n音频文件：老年大学春季开学说明会.mp3　时长：18分20秒　转写时间：2025-02-27 20:05\n{meeting}"
              "说话人1  00:00:04\n春季学期3月3日开课，书法班每周二上午。\n说话人2  00:01:10\n学费多少？\n"
              "说话人1  00:01:15\n每门课一学期200元，70岁以上减半。\n")


@pytest.mark.parametrize("kind, meeting, title, day", [
    # an app's kind line in brackets names nothing: the recording's file names the meeting, transcribed that day
    ("【某某听写 · 录音转写稿】", "", "老年大学春季开学说明会", "2025-02-27"),
    ("录音转写", "", "老年大学春季开学说明会", "2025-02-27"),
    # a head naming the meeting and its day names and dates it (guards: as before)
    ("录音转写\n老年大学家长座谈会", "会议时间：2025年2月25日\n", "老年大学家长座谈会", "2025-02-25"),
    ("老年大学家长座谈纪要", "", "老年大学家长座谈纪要", "2025-02-27"),  # a kind naming the meeting: no file's name
    ("【某某听写 · 录音转写稿】", "录音时间：2025-02-26 09:30\n", "老年大学春季开学说明会", "2025-02-26"),  # recorded
])
def test_a_recordings_transcript_is_named_by_its_file_and_dated_by_its_transcription_when_its_head_names_no_meeting(
        kind, meeting, title, day):
    page = parse_page("p", _TRANSCRIBED.format(kind=kind, meeting=meeting))
    [article] = page.articles
    assert (article.title, page.iso_date_of(article)) == (title, day)
    assert article.paragraphs[0] == "说话人1：春季学期3月3日开课，书法班每周二上午。"


_CHAT_EXPORT = ("青禾街道社区服务中心（公众号）聊天记录\n导出自某某电脑版 2024-11-20\n\n"
                "————— 2024-11-18 20:05 —————\n\n我:\n老年食堂几点开饭\n\n青禾街道社区服务中心:\n"
                "每天11:00开始供应午餐，80岁以上老人每餐补贴4元。\n送餐上门每单加收2元。\n\n"
                "————— 2024-11-19 08:12 —————\n\n我:\n周末开吗\n\n青禾街道社区服务中心:\n周六照常供应，周日休息。\n")


def test_a_chat_exported_from_a_messenger_is_its_messages_each_led_by_its_sender_and_dated_by_its_last_time():
    page = parse_page("c", _CHAT_EXPORT)
    [article] = page.articles
    assert (article.title, page.iso_date_of(article), page.publisher_of(article)) == \
        ("青禾街道社区服务中心（公众号）聊天记录", "2024-11-19", "青禾街道社区服务中心")  # the account talked to
    assert article.paragraphs == ["我：老年食堂几点开饭",
                                  "青禾街道社区服务中心：每天11:00开始供应午餐，80岁以上老人每餐补贴4元。",
                                  "送餐上门每单加收2元。", "我：周末开吗",
                                  "青禾街道社区服务中心：周六照常供应，周日休息。"]


def test_a_chat_export_is_titled_by_the_chat_its_head_names_and_a_sender_may_follow_the_time():
    page = parse_page("c", "聊天记录导出工具\n群聊：青禾街道助餐志愿者群（56人）\n导出时间：2024-11-20 21:05\n\n"
                           "———— 2024年11月19日 ————\n\n08:10 王芳：\n今天午餐谁去送？\n\n08:12 李强：\n我去，"
                           "12号楼有3位老人订了餐。\n\n08:15 王芳：\n好的，11:30前送到。\n\n08:16 李强：\n收到。\n")
    [article] = page.articles
    assert (article.title, page.iso_date_of(article)) == ("青禾街道助餐志愿者群聊天记录", "2024-11-19")
    assert article.paragraphs[:2] == ["王芳：今天午餐谁去送？", "李强：我去，12号楼有3位老人订了餐。"]


@pytest.mark.parametrize("rule", ["", "==============================\n"], ids=["plain", "head-over-a-rule"])
def test_a_group_chat_whose_messages_stand_under_their_day_time_and_sender_is_a_chat_export(rule):
    page = parse_page("c", f"群聊记录导出\n群聊：青禾小区2号楼业主群（88）\n导出时间：2024-05-09 21:30\n{rule}\n"
                           "2024-05-08 19:02:15 王管家（青禾物业）\n明天上午9点到11点2号楼停水，请提前储水。\n\n"
                           "2024-05-08 19:05:40 3单元201 李阿姨\n下午能来水吗\n\n"
                           "2024-05-08 19:07:02 王管家（青禾物业）\n11点前恢复供水，如有延误群里通知。\n")
    [article] = page.articles
    assert (article.title, page.iso_date_of(article)) == ("青禾小区2号楼业主群聊天记录", "2024-05-08")
    assert article.paragraphs == ["王管家（青禾物业）：明天上午9点到11点2号楼停水，请提前储水。",
                                  "3单元201 李阿姨：下午能来水吗",
                                  "王管家（青禾物业）：11点前恢复供水，如有延误群里通知。"]


def test_a_chat_export_with_each_sender_before_the_day_and_time_keeps_the_voice_messages_converted_text():
    page = parse_page("c", '与"青禾小区2号楼业主群(88)"的聊天记录\n导出自 某某聊天 · 语音已转文字\n'
                           "导出时间：2024-05-09 21:30\n==============================\n\n"
                           "王管家（青禾物业）  2024-05-08 19:02\n[语音 21″] 转文字：\n"
                           "明天上午9点到11点2号楼停水，请提前储水。\n\n"
                           "3单元201 李阿姨  2024-05-08 19:05\n【语音 4″】 未转文字\n\n"
                           "3单元201 李阿姨  2024-05-08 19:06\n下午能来水吗\n\n"
                           "王管家（青禾物业）  2024-05-08 19:07\n"
                           "[语音 1′05″] 转文字：11点前恢复供水，如有延误群里通知。\n"
                           "业主大会报名，请回复房号。\n报名截止 2024-05-12 18:00\n")
    [article] = page.articles  # one chat, not one article per message
    assert (article.title, page.iso_date_of(article)) == ("青禾小区2号楼业主群聊天记录", "2024-05-08")
    assert article.paragraphs[:3] == ["王管家（青禾物业）：明天上午9点到11点2号楼停水，请提前储水。",
                                      "3单元201 李阿姨：下午能来水吗",
                                      "王管家（青禾物业）：11点前恢复供水，如有延误群里通知。"]
    assert "报名截止 2024-05-12 18:00" in article.text  # a line of the message saying when, not a sender's
    assert "语音" not in article.text


def test_a_digest_under_a_heading_whose_parts_open_with_a_sender_and_time_is_no_chat():
    digest = ("青禾县便民服务信息汇总\n==============================\n青禾县自来水公司 2024-05-08 10:30\n"
              "关于青禾镇部分区域停水的通知\n因管网维修，5月10日青禾镇东街停水，请居民提前储水。\n"
              "==============================\n青禾县供电公司 2024-05-09 09:00\n关于计划停电的通知\n"
              "因线路检修，5月11日青禾镇西街停电，请居民提前做好准备。\n")
    titles = [article.title for article in parse_page("d", digest).articles]
    assert titles == ["关于青禾镇部分区域停水的通知", "关于计划停电的通知"]  # not the digest's heading over the first


@pytest.mark.parametrize("span", ["2024年10月14日—18日 8:00—11:00", "2024-10-14 8:00至10月18日",
                                  "2024年10月14日（周一）至18日（周五）", "2024年10月14日上午8:00—11:00",
                                  "2024年10月14日起至18日", "2024年10月14日 星期一 至 18日"])
def test_a_day_opening_a_span_is_the_events_time_and_stays_text_not_the_notices_date(span):
    page = parse_page("n", "青禾镇卫生院免费测骨密度\n发布时间：2024年10月8日\n"
                           f"时间：{span}\n地点：卫生院一楼体检中心\n65岁以上老人免费，请带身份证。\n")
    [article] = page.articles
    assert page.iso_date_of(article) == "2024-10-08" and f"时间：{span}" in article.paragraphs


@pytest.mark.parametrize("line, day", [
    ("发布时间：2024年5月8日 至 2024年5月20日 公示", date(2024, 5, 8)),  # labelled as the page's: its day
    ("发布日期：2024.05.08-09:30", date(2024, 5, 8)),
    ("播出：2025年9月16日（星期二） 10:00—10:55 直播", date(2025, 9, 16)),  # a rundown's
])
def test_a_pages_labelled_day_before_a_span_is_still_its_dateline(line, day):
    dateline = read_dateline(line)
    assert dateline is not None and dateline.published == day


@pytest.mark.timeout(10)  # a pattern that backtracks over the gaps takes minutes
def test_a_line_padded_with_thousands_of_spaces_is_read_at_once():
    assert read_dateline("发布日期：2024-05-08" + " " * 3000 + "来源：青禾日报") is None  # too long for a dateline


@pytest.mark.parametrize("rule", ["", "==============================\n"], ids=["plain", "head-over-a-rule"])
def test_a_service_desks_record_of_one_line_messages_is_a_chat_dated_by_its_head(rule):
    page = parse_page("c", f"青禾燃气 网上营业厅 咨询记录\n咨询日期：2024年9月3日\n用户：手机尾号5521\n{rule}\n"
                           "[10:02:11] 智能助手：您好，请问需要办理什么业务？\n"
                           "[10:02:40] 用户：燃气表没气了，2025年1月1日以后还能在窗口充值吗\n"
                           "[10:03:05] 客服07：可以，营业厅周一到周六8:30—17:00办理充值。\n"
                           "[10:03:30] 用户：好的\n[10:05:00] 客服07：感谢您的咨询。\n"
                           "------------------------------\n本记录由营业厅系统自动生成，仅供本人查询。\n")
    [article] = page.articles  # one record, not its head apart from its messages
    assert (article.title, page.iso_date_of(article)) == ("青禾燃气 网上营业厅 咨询记录", "2024-09-03")
    assert article.paragraphs[1:3] == ["用户：燃气表没气了，2025年1月1日以后还能在窗口充值吗",
                                       "客服07：可以，营业厅周一到周六8:30—17:00办理充值。"]
    assert article.paragraphs[-1] == "客服07：感谢您的咨询。"  # the system's note is no text


def test_a_programme_of_timed_items_with_a_colon_is_no_chat():
    programme = ("青禾镇樱桃节活动安排\n9:00 开幕式：镇长致辞\n10:00 采摘：每人门票30元\n"
                 "14:00 开幕式：文艺演出在镇文化广场\n")
    [article] = parse_page("p", programme).articles
    assert not any(paragraph.startswith("开幕式：") for paragraph in article.paragraphs)  # no record named: no chat


def test_a_title_between_rules_over_a_head_of_fields_titles_the_document_its_sent_down_day_dates():
    script = ("==============================\n  村村响广播稿　第3期\n==============================\n"
              "供稿单位：青禾镇农业综合服务中心\n下发日期：2024年4月2日\n播出要求：每天早晚各播一遍。\n"
              "------------------------------\n各位村民，今年的小麦一喷三防补贴从4月10日开始申报，每亩补贴12元。\n")
    page = parse_page("s", script)
    [article] = page.articles  # not the title apart from the text under its fields
    assert (article.title, page.iso_date_of(article)) == ("村村响广播稿 第3期", "2024-04-02")


_READING_NOTES = ("《青禾县老年助餐服务手册》\n青禾县民政局 编\n\n5个笔记\n\n◆ 一、谁能吃\n\n"
                  ">> 全县60周岁以上老人都可以到助餐点就餐。\n\n>> 80周岁以上老人每餐补贴3元。\n\n"
                  "2024/07/02发表想法\n\n我妈今年81，一顿能省3块。\n\n原文：80周岁以上老人每餐补贴3元。\n\n"
                  "◆ 二、在哪吃\n\n>> 城区共有助餐点12个，每天11:00开始供应午餐。\n\n"
                  ">> 行动不便的老人可以申请送餐上门，每单加收2元。\n\n-- 来自微信读书\n")


def test_a_reading_apps_notes_on_a_book_are_its_marked_sentences_under_their_chapters():
    page = parse_page("n", _READING_NOTES)
    [article] = page.articles  # one book, not an article per chapter
    assert (article.title, page.publisher_of(article)) == ("青禾县老年助餐服务手册", "青禾县民政局")
    assert article.paragraphs == ["一、谁能吃", "全县60周岁以上老人都可以到助餐点就餐。", "80周岁以上老人每餐补贴3元。",
                                  "二、在哪吃", "城区共有助餐点12个，每天11:00开始供应午餐。",
                                  "行动不便的老人可以申请送餐上门，每单加收2元。"]  # no thought, no app line


def test_a_markdown_quote_of_three_lines_is_no_reading_apps_notes():
    quoted = "青禾县助餐点开放\n\n>> 全县60周岁以上老人都可以就餐。\n>> 80周岁以上每餐补贴3元。\n>> 每天11:00开饭。\n"
    [article] = parse_page("q", quoted).articles
    assert article.title == "青禾县助餐点开放" and any(p.startswith(">>") for p in article.paragraphs)


def test_a_speakers_post_and_name_under_a_speechs_title_is_no_part_of_it():
    speech = ("关于青禾县夏季防汛工作有关情况的发布词\n青禾县水利局党组书记、局长　王立新\n（2024年6月3日）\n"
              "各位记者朋友：\n今年全县共储备防汛沙袋12万条，组建抢险队伍46支。\n")
    page = parse_page("s", speech)
    [article] = page.articles
    assert (article.title, page.iso_date_of(article)) == ("关于青禾县夏季防汛工作有关情况的发布词", "2024-06-03")


def test_a_reply_quoting_questions_after_marks_is_no_reading_apps_notes():
    reply = ("回复：关于青禾社区老年食堂的问题\n王阿姨您好，您的留言我们收到了，下面逐条答复。\n"
             ">> 食堂几点开饭？\n>> 能不能送餐？\n>> 收费多少？\n每天11:00开饭，行动不便的可以送餐，每餐8元。\n"
             "-- 来自我的手机\n")
    [article] = parse_page("r", reply).articles
    assert "每餐8元" in article.text and "留言我们收到了" in article.text  # not only the quoted questions


def test_a_chat_under_senders_names_keeps_a_message_of_timed_agenda_lines():
    chat = ("群聊：青禾村两委工作群\n2025年4月2日\n08:01 张书记：\n明天安排如下，请准时参加。\n"
            "9:00 开会：村委会议室\n10:30 走访：三组困难户\n14:00 开会：研究春灌\n08:05 李会计：\n收到\n"
            "08:06 王委员：\n收到\n08:10 张书记：\n好\n")
    page = parse_page("c", chat)
    [article] = page.articles
    assert (article.title, page.iso_date_of(article)) == ("青禾村两委工作群聊天记录", "2025-04-02")
    assert article.paragraphs[0] == "张书记：明天安排如下，请准时参加。"  # "开会" sends no message


def test_a_headline_ending_in_a_post_and_a_name_stays_the_title():
    story = "扎根青禾村十五年的好书记　李长海\n李长海是青禾村党支部书记，十五年来带领村民修路建厂。\n"
    [article] = parse_page("s", story).articles
    assert article.title == "扎根青禾村十五年的好书记 李长海"
    assert article.paragraphs[0].startswith("李长海是青禾村")


def test_a_part_opening_with_a_systems_forwarding_line_is_an_article_of_its_own():
    page = parse_page("p", "关于开展春季义诊的通知\n各社区：\n4月8日在镇卫生院开展义诊。\n青禾镇人民政府\n"
                           "2025年4月1日\n==========\n本文件由镇政务系统生成，现转发如下：\n关于做好春灌工作的通知\n"
                           "各村：\n请于4月10日前完成渠道清淤。\n青禾镇人民政府\n2025年4月2日\n")
    assert len(page.articles) == 2


def test_a_service_desks_record_is_dated_by_its_own_day_before_its_exports_and_keeps_lines_under_its_note():
    record = ("青禾燃气 网上营业厅 咨询记录\n导出时间：2024年9月10日\n咨询日期：2024年9月3日\n"
              "[10:02:11] 智能助手：您好，请问需要办理什么业务？\n[10:02:40] 用户：燃气表没气了\n"
              "[10:03:05] 客服07：营业厅周一到周六8:30—17:00办理充值。\n[10:05:00] 客服07：感谢您的咨询。\n"
              "本记录由营业厅系统自动生成\n当日共受理咨询三件。\n")
    page = parse_page("c", record)
    [article] = page.articles
    assert page.iso_date_of(article) == "2024-09-03" and "当日共受理咨询三件" in article.text


def test_a_days_programme_under_dated_times_is_no_chat():
    programme = ("青禾镇樱桃节活动安排\n2024-05-08 09:00 开幕式\n地点在镇文化广场。\n"
                 "2024-05-08 10:00 樱桃采摘\n每人门票30元。\n2024-05-08 14:00 文艺演出\n地点在镇文化广场。\n")
    [article] = parse_page("p", programme).articles
    assert article.title == "青禾镇樱桃节活动安排"  # no one "sends" twice: no chat's turns
    assert not any(paragraph.startswith(("开幕式：", "樱桃采摘：")) for paragraph in article.paragraphs)


@pytest.mark.parametrize("slip", [
    "青禾小学新生报名须知\n请家长按时办理。\n2. 需携带材料\n   户口本原件及复印件\n   房产证或租房合同\n",  # a list
    "社区通知\n1.活动时间：6月1日上午\n  本次活动在社区广场举行，请居民准时参加。\n",  # no space after the number
])
def test_lines_under_an_items_text_that_end_no_sentence_or_follow_no_spaced_number_stay_apart(slip):
    [article] = parse_page("s", slip).articles
    assert len(article.paragraphs) == len(slip.splitlines()) - 1


@pytest.mark.parametrize("programme", [
    "比赛安排\n【报名】 6月1日 09:00\n【开赛】 6月8日 09:00\n地点：市体育馆\n【颁奖】 6月9日 16:00\n地点：市体育馆\n",
    "运动会日程安排\n【开幕式】 6月20日 09:30\n地点：市民广场。\n【田径决赛】 6月21日 14:00\n地点：市体育场。\n",
])
def test_a_programme_of_tagged_times_under_its_heading_is_one_article_not_messages(programme):
    [article] = parse_page("p", programme).articles
    assert article.title.startswith(programme.splitlines()[0])


def test_an_apps_messages_newest_first_are_dated_back_through_the_year():
    messages = ("复制时间 2024-06-06 20:00\n【停水通知】 6月3日 09:15\n因管网维修，2024年6月5日8:00至18:00停水。\n"
                "【缴费提醒】 5月30日 18:02\n本月水费已出账，请及时缴纳。\n")
    assert [a.published for a in parse_page("m", messages).articles] == [date(2024, 6, 3), date(2024, 5, 30)]


@pytest.mark.parametrize("messages, days", [
    # an account's history copied newest first, round a new year
    ("城东热力\n1月5日 上午9:00\n供暖温度调整\n自2025年1月6日起，居民室温不低于20℃。\n12月28日 下午2:00\n停暖检修通知\n"
     "换热站检修，停暖6小时。\n12月15日 上午8:30\n缴费提醒\n采暖费请按时缴纳。\n12月10日 上午8:00\n报修电话调整\n"
     "报修电话改为0536-8123456。\n",
     [date(2025, 1, 5), date(2024, 12, 28), date(2024, 12, 15), date(2024, 12, 10)]),
    # an app's message centre copied oldest first
    ("复制时间 2025-01-06 19:40\n【系统通知】 12月10日 08:00\n月卡续费功能已上线。\n【缴费提醒】 12月20日 18:02\n"
     "本月停车费已扣6元。\n【系统通知】 12月30日 09:00\n元旦期间客服照常值班。\n【停车场公告】 1月3日 09:15\n"
     "2025年1月28日至2月4日首2小时免费。\n",
     [date(2024, 12, 10), date(2024, 12, 20), date(2024, 12, 30), date(2025, 1, 3)]),
])
def test_a_list_of_messages_is_counted_through_the_years_in_the_order_its_days_run(messages, days):
    assert [a.published for a in parse_page("m", messages).articles] == days


def test_a_list_of_two_messages_is_counted_in_its_kinds_usual_order():
    messages = ("城东热力\n3月5日 上午9:00\n停暖通知\n2025年3月15日24时起停止供暖。\n10月20日 上午9:00\n供暖通知\n"
                "11月15日起恢复供暖。\n")  # an account's history, oldest first: one step may go either way
    assert [a.published for a in parse_page("m", messages).articles] == [date(2025, 3, 5), date(2025, 10, 20)]


@pytest.mark.parametrize("text", [
    "群聊：青禾小区业主群（88）\n2024-05-08 19:02:15 王管家（青禾物业）\n明天上午停水，请提前储水。\n"
    "2024-05-08 19:03:00 赵先生\n2024-05-08 19:05:40 李阿姨\n下午能来水吗\n2024-05-08 19:07:02 王管家（青禾物业）\n"
    "11点前恢复供水。\n",  # a message with no text (a picture's) sends nothing, publishes nothing
])
def test_a_chat_message_without_text_is_no_turn_and_no_publisher(text):
    [article] = (page := parse_page("c", text)).articles
    assert page.publisher_of(article) == "" and not any("赵先生" in paragraph for paragraph in article.paragraphs)


def test_a_programme_of_dated_times_repeating_an_item_is_no_chat():
    programme = ("社区工作者培训班日程\n2024-05-08 08:30 签到\n地点：区委党校一楼大厅。\n2024-05-08 09:00 开班仪式\n"
                 "区民政局局长致辞。\n2024-05-09 08:30 签到\n地点：区委党校一楼大厅。\n")
    [article] = parse_page("p", programme).articles
    assert not any(paragraph.startswith("签到：") for paragraph in article.paragraphs)


def test_a_laws_history_under_its_title_does_not_date_it():
    law = ("某省物业管理条例\n（2009年5月22日 某省人民代表大会常务委员会通过 2021年9月30日修订）\n第一章 总则\n"
           "第一条 为了规范物业管理活动，制定本条例。\n")
    [article] = parse_page("l", law).articles
    assert article.published is None


@pytest.mark.parametrize("note", [
    "（2025年9月1日上午 学校操场 讲话人：校长 刘红）",  # a speech's
    "（2025年9月1日上午、傍晚各播一遍，播音：村会计 王某）",  # a broadcast script's, aired twice that day
])
def test_a_speechs_note_under_its_title_dates_it_and_stays_a_paragraph_of_its_own(note):
    speech = (f"青禾小学2025年秋季开学典礼 校长讲话稿\n{note}\n"
              "老师们，同学们，大家早上好！\n今年我们迎来了一年级新生六个班，共二百七十名同学。\n")
    [article] = (page := parse_page("s", speech)).articles
    assert page.iso_date_of(article) == "2025-09-01"
    assert article.paragraphs[:2] == [note, "老师们，同学们，大家早上好！"]


def test_a_note_in_brackets_is_never_run_on_into_the_line_under_it():
    notice = "关于开展秋季灭鼠工作的通知\n各社区：\n灭鼠工作定于10月8日开始。\n（此件公开发布）\n附件：投放点一览\n"
    [article] = parse_page("n", notice).articles
    assert "（此件公开发布）" in article.paragraphs


def test_an_agenda_of_speakers_under_times_is_no_chat_and_keeps_its_times():
    [article] = parse_page("a", "社区健康讲座议程\n2024年11月20日\n09:00 主持人：\n介绍到场嘉宾。\n09:10 李医生：\n"
                                "讲高血压的日常管理。\n09:40 主持人：\n现场答疑。\n").articles
    assert "09:10 李医生：" in article.paragraphs


def test_a_notice_with_labels_over_its_text_is_no_chat_and_an_export_line_names_no_publisher():
    notice = ("老年食堂开业通知\n2024-11-18\n温馨提示:\n每天11:00开饭。\n用餐地点:\n社区服务中心一楼。\n"
              "办理方式:\n带身份证到窗口。\n")
    [article] = parse_page("n", notice).articles
    assert article.paragraphs[0].startswith("温馨提示")  # labels, each once: no sender's turn
    assert read_dateline("导出自某某电脑版 2024-11-20") == Dateline(published=date(2024, 11, 20), publisher="",
                                                                 labelled=False)


_RECORDING_HEAD = "标题：青禾街道老年食堂运营情况通报会\n日期：2024-11-08 15:02\n"
_RECORDING = ("关键词：老年食堂　助餐补贴　配送\n\n全文摘要：\n青禾街道民政科通报老年食堂运营情况。"
              "80岁以上老人每餐补贴4元，送餐上门每单加收2元。\n\n章节速览：\n00:00　开场\n03:12　补贴标准\n"
              "11:40　居民提问\n\n")
_RECORDING_TURNS = (("发言人1", "00:00", "下午好，今天请民政科的同志通报食堂的情况。"),
                    ("发言人2", "03:12", "从12月1日起，80岁以上老人每餐补贴4元，刷老年卡就行。"),
                    ("发言人3", "11:40", "腿脚不便的能送饭吗？"),
                    ("发言人2", "11:58", "能，送餐上门每单加收2元，提前一天打电话预订。"))


@pytest.mark.parametrize("head, turn", [
    ("时长：00:18:40\n来源：录音文件转写（某某听悟）\n", "{0}　{1}\n{2}\n\n"),  # the head's fields, turns over lines
    ("来源：某某听见 音频转写\n", "{0}　{1}　{2}\n"),  # its 来源 among the 标题/日期 lines, each turn on one line
], ids=["turns-under-speakers", "turns-on-one-line"])
def test_a_recordings_export_names_no_app_as_publisher_and_is_its_summary_and_turns(head, turn):
    text = _RECORDING_HEAD + head + _RECORDING + "".join(turn.format(*said) for said in _RECORDING_TURNS)
    page = parse_page("p", text)
    [article] = page.articles
    assert (article.title, page.iso_date_of(article), page.publisher_of(article)) == \
        ("青禾街道老年食堂运营情况通报会", "2024-11-08", "")  # the app that transcribed it publishes nothing
    assert article.paragraphs == [  # no 时长, 关键词 or chapters; the summary under its label, then each turn
        "全文摘要：青禾街道民政科通报老年食堂运营情况。80岁以上老人每餐补贴4元，送餐上门每单加收2元。",
        *(f"{who}：{said}" for who, _, said in _RECORDING_TURNS)]


@pytest.mark.parametrize("text", [
    "标题：青禾街道老年食堂开业\n日期：2024-11-08\n来源：某某日报\n",  # a paper's 来源 among the head's lines
    "青禾街道老年食堂开业\n2024-11-08 09:30 来源：某某日报\n",  # or in a dateline under the headline
])
def test_a_source_naming_a_paper_still_publishes_an_article_about_transcripts(text):
    said = "街道把居民座谈会的录音转写成文字，发布了全文摘要。食堂每天11点开餐，80岁以上老人每餐补贴4元。"
    page = parse_page("p", text + said + "\n")
    [article] = page.articles
    assert (article.title, page.iso_date_of(article), page.publisher_of(article)) == \
        ("青禾街道老年食堂开业", "2024-11-08", "某某日报")
    assert article.paragraphs == [said]


def test_an_agendas_times_under_its_day_are_no_speakers_turns():
    page = parse_page("p", "青禾街道社区工作者培训日程\n时间：2024年5月20日\n地点：街道三楼会议室\n上午 9:00 开班仪式\n"
                           "上午 9:30 社区治理实务\n下午 14:00 分组讨论\n下午 16:30 结业，发放证书\n"
                           "请各社区工作者按时参加培训，不得无故缺席。\n")
    [article] = page.articles
    assert "上午 9:00 开班仪式" in article.text and "上午：" not in article.text


def test_an_articles_last_line_naming_the_app_it_came_from_publishes_nothing():
    page = parse_page("p", "河西社区举行防汛应急演练\n2024-06-20 09:12 来源：某某县融媒体中心\n"
                           "6月19日，河西社区组织80余名居民开展防汛应急演练，演示了转移安置流程。\n来自某某县融媒客户端\n")
    [article] = page.articles
    assert (article.title, page.iso_date_of(article), page.publisher_of(article)) == \
        ("河西社区举行防汛应急演练", "2024-06-20", "某某县融媒体中心")


_CALL = ("临川市12345市民热线来电记录\n工单编号：LC2023-118204\n{field}\n受理坐席：0417号{unit}\n"
         "{turns}处理结果：已解答\n")
_CALL_TURNS = ("话务员：您好，临川12345，请讲。\n来电人：老年人乘公交免费卡在哪里办？\n"
               "话务员：年满65周岁的本市户籍老人带身份证到公交服务站办理，当场制卡。\n")


@pytest.mark.parametrize("field", ["来电时间：2023年9月14日 10:12", "通话时间：2023-09-14 10:12:05",
                                   "受理时间：2023-09-14", "记录时间：2023.9.14"])
def test_a_call_records_head_dates_it_by_the_calls_day_and_the_field_stays_text(field):
    page = parse_page("p", _CALL.format(field=field, unit="", turns=_CALL_TURNS))
    [article] = page.articles
    assert (article.title, page.iso_date_of(article), page.publisher_of(article)) == \
        ("临川市12345市民热线来电记录", "2023-09-14", "")  # a hotline's name is no issuer's
    assert field in article.paragraphs  # when the citizen called is a fact of the record
    assert "话务员：您好，临川12345，请讲。" in article.paragraphs


def test_a_call_records_receiving_unit_publishes_it():
    page = parse_page("p", _CALL.format(field="来电时间：2023年9月14日 10:12",
                                        unit="　受理单位：临川市政务服务热线管理中心", turns=_CALL_TURNS))
    [article] = page.articles
    assert (page.iso_date_of(article), page.publisher_of(article)) == ("2023-09-14", "临川市政务服务热线管理中心")


@pytest.mark.parametrize("turns", [
    "[00:00:03] 话务员：您好，临川12345，请讲。\n[00:00:07] 来电人：老年人乘公交免费卡在哪里办？\n",
    "A：您好，临川12345，请讲。\nB：老年人乘公交免费卡在哪里办？\n",
])
def test_a_call_transcripts_first_turn_does_not_run_on_from_its_heads_last_field(turns):
    page = parse_page("p", _CALL.format(field="转写方式：人工整理", unit="", turns=turns))
    [article] = page.articles
    assert article.paragraphs[2:4] == ["受理坐席：0417号", turns.splitlines()[0]]


@pytest.mark.parametrize("text", [
    "青禾区开通供暖服务热线\n记者获悉，青禾区开通供暖服务热线8861234，来电时间为每天8:30至17:00，节假日不休息。\n",
    "青禾区供暖服务热线\n来电时间：每天8:30至17:00\n热线将在24小时内派员上门测温。\n",  # no day, only hours
    "青禾区供暖服务热线\n热线将在24小时内派员上门测温。\n来电时间：2022-11-05\n",  # in the text, no head
])
def test_a_call_time_in_a_sentence_without_a_day_or_in_the_text_dates_nothing(text):
    [article] = parse_page("p", text).articles
    assert article.published is None


_BILL = ("　　扫码缴费\n　　青禾燃气有限公司 居民用气电子账单\n　　账单月份：2025年3月 {field}\n"
         "　　户名 李*华 户号 5200418833\n　　抄表日期 上期读数 本期读数 本期用气量（立方米）\n"
         "　　2025-03-20 806 851 45\n"
         "　　本期应缴：123.75元 缴费截止日：2025年4月20日\n"
         "　　逾期未缴的，自截止日次日起按日加收滞纳金。燃气表每两年免费安检一次，由燃气公司上门进行。\n"
         "　　温馨提示：2025年5月1日至6月30日，可在公众号预约免费安检，凭户号办理。\n")


@pytest.mark.parametrize("field", ["账单日期：2025-03-26", "出账日期：2025年3月26日", "开票日期：2025.3.26",
                                   "账单日期：2025-03-26 开票日期：2025-04-02"])  # invoiced after: the bill's day
def test_a_bills_head_dates_it_by_the_day_it_was_made_out_and_the_field_stays_text(field):
    page = parse_page("p", _BILL.format(field=field))
    [article] = page.articles
    assert (article.title, page.iso_date_of(article)) == ("青禾燃气有限公司 居民用气电子账单", "2025-03-26")
    assert article.paragraphs[0] == f"账单月份：2025年3月 {field}"  # a reader may ask the bill's day


def test_a_statements_title_over_a_rule_heads_its_fields_which_date_it_and_stay_text():
    text = ("        青禾鲜奶配送 · 订户月度对账单\n        青禾区乳品配送站\n" + "=" * 40 + "\n"
            "对账月份：2025年3月        出单日期：2025年4月2日\n订户编号：QH-0031    订户：王*兰\n" + "-" * 40 + "\n"
            "鲜牛奶 250毫升/袋 3元 31袋 93.00\n"
            "1. 暂停送奶请提前1天在公众号登记，最长可暂停20天。\n2. 对账有疑问的，请在收到对账单后5日内来电。\n")
    page = parse_page("p", text)
    [article] = page.articles
    assert article.title.startswith("青禾鲜奶配送 · 订户月度对账单")
    assert page.iso_date_of(article) == "2025-04-02"
    assert "对账月份：2025年3月 出单日期：2025年4月2日" in article.paragraphs  # a reader may ask its month


def test_a_systems_export_head_of_fields_framed_at_the_top_heads_the_document_under_it():
    rule = "=" * 50
    text = (f"{rule}\n 青禾呼叫中心 · 语音导航流程导出\n 企业：青禾家电维修有限公司    热线：0536-8000000\n"
            f" 版本：v2    状态：已发布\n 导出人：赵某   导出时间：2024-11-02 10:15\n{rule}\n\n"
            "[N001] 主菜单  (类型: 放音)\n  TTS: \"查询维修价格请按1；人工服务请按0。\"\n"
            "[N100] 价格播报  (类型: 放音)\n  TTS: \"空调加氟每台150元，冰箱检修上门费20元。\"\n")
    [article] = parse_page("p", text).articles
    assert article.title == "青禾呼叫中心 · 语音导航流程导出" and "空调加氟每台150元" in article.text


def test_a_framed_head_of_fields_over_a_notice_with_its_own_title_stays_apart():
    rule = "=" * 30
    text = (f"{rule}\n青禾县局务会通知\n时间：2025年5月8日（周四）下午3:00\n地点：三楼会议室\n参会人员：各股室负责人\n"
            f"{rule}\n关于开展汛前安全检查的通知\n各股室：\n经研究，决定于5月10日至6月10日开展汛前安全检查，"
            "请于6月5日前报送自查报告。\n青禾县水利局办公室\n2025年5月6日\n")
    titles = [article.title for article in parse_page("p", text).articles]
    assert titles == ["青禾县局务会通知", "关于开展汛前安全检查的通知"]


def test_two_receipts_of_fields_between_rules_stay_apart():
    text = ("青禾小区物业费收据\n交款人：张某 金额：1200元 日期：2024-10-01\n==========\n"
            "交款人：李某 金额：980元 日期：2024-10-02\n收款人：王会计\n")  # another payer's: no number heads it
    assert len(parse_page("p", text).articles) == 2


@pytest.mark.parametrize("below, titles", [
    # a slip's head (its issuer, its kind, its number's and printing time's fields) over its rule and its fields
    ("车主：王某            车牌号：鲁G·12345\n进厂里程：21000公里\n保养工时费 120元\n",
     ["青禾汽车服务有限公司维修结算单"]),
    # another slip pasted under the rule, titled on its own
    ("青禾汽车服务有限公司\n        维 修 结 算 单\n结算单号：JS-0174        打印时间：2024-10-27 09:02\n" + "=" * 40
     + "\n车主：李某            车牌号：鲁G·67890\n保养工时费 120元\n", ["青禾汽车服务有限公司维修结算单"] * 2),
])
def test_a_slips_head_with_its_number_and_printing_time_over_a_rule_heads_the_fields_under_it(below, titles):
    text = ("青禾汽车服务有限公司\n        维 修 结 算 单\n结算单号：JS-0173        打印时间：2024-10-26 11:42\n"
            + "=" * 40 + "\n" + below)
    page = parse_page("p", text)
    assert [a.title for a in page.articles] == titles
    assert page.iso_date_of(page.articles[0]) == "2024-10-26"  # the time the till printed it


@pytest.mark.parametrize(("head", "day"), [
    ("文件编号：QH-SM-07　印制日期：2024年6月3日　第3版", "2024-06-03"),  # the only day it names
    ("文件编号：QH-SM-07　印制日期：2024年6月3日　第3版\n发布日期：2024年7月1日", "2024-07-01"),  # published after
    ("文件编号：QH-SM-07　印发日期：2024年6月3日　第3版", "2024-06-03"),  # a handbook's
    ("文件编号：QH-SM-07　编印：2024年6月3日", "2024-06-03"),  # compiled and printed
])
def test_a_manuals_printing_day_in_its_head_dates_it_when_no_other_day_does(head, day):
    page = parse_page("p", f"青禾牌QH-30电暖器使用说明书\n{head}\n一、安全须知\n"
                           "电暖器须使用带接地线的插座，周围1米内不得堆放衣物。\n二、保修\n整机保修2年。\n")
    [article] = page.articles
    assert page.iso_date_of(article) == day
    assert any("：2024年6月3日" in p for p in article.paragraphs)  # a reader may ask when it was printed


@pytest.mark.parametrize("text", [
    # a billing month with a due or meter-reading day only: the bill's own day is unknown
    *(_BILL.format(field=field)
      for field in ("缴费截止日：2025年4月20日", "截止日期：2025-04-20", "抄表日期：2025-03-20")),
    "青禾燃气调整出账时间\n自今年起，青禾燃气居民账单每月26日出账，账单日期：2025-03-26起按新规执行。\n",
    "青禾燃气调整出账时间\n自今年起，青禾燃气居民账单每月26日出账，缴费期限不变。\n出账日期：2025-03-26\n",  # no head
])
def test_a_bills_due_or_reading_day_or_a_bill_day_in_a_sentence_dates_nothing(text):
    [article] = parse_page("p", text).articles
    assert article.published is None


@pytest.mark.parametrize(("written", "read"), [
    ("来电号码：159****3208，反映路灯不亮。", "来电号码：159****3208，反映路灯不亮。"),  # a masked number stays masked
    ("身份证号：370705********0021", "身份证号：370705********0021"),
    ("房号13**5室", "房号13**5室"),
    ("**注意**：报名截止到6月3日。", "注意：报名截止到6月3日。"),  # Markdown's bold is no text
    ("带上**身份证**和**户口本**，共**2**份。", "带上身份证和户口本，共2份。"),
    ("- 就业服务** (0536-1234567)", "- 就业服务 （0536-1234567）"),  # a stray mark
])
def test_markdown_bold_goes_but_a_mask_keeps_its_stars(written, read):
    assert normalize(written) == read



_RULES_TEXT = ("为方便群众办事，现将有关事项明确如下。\n一、适用范围\n本县城区内登记在册的经营户和住户。\n"
               "二、办理时限\n材料齐全的，7个工作日内办结，咨询电话0539-6612087。\n")


@pytest.mark.parametrize("issuer, name", [
    ("青禾县市场监督管理局", "青禾县农贸市场摊位划分指引（2023年试行）"),  # its edition in brackets
    ("青禾县住房和城乡建设局", "青禾县老旧小区加装电梯补贴实施细则"),
    ("宁川市青禾县人民政府办公室", "青禾县秋冬季清洁取暖工作方案"),
])
def test_an_issuer_alone_above_a_documents_own_name_by_its_kind_publishes_it_and_is_no_part_of_its_title(issuer, name):
    page = parse_page("p", f"{issuer}\n{name}\n{_RULES_TEXT}")
    [article] = page.articles
    assert (article.title, page.publisher_of(article)) == (name, issuer)
    assert article.paragraphs[0] == "为方便群众办事，现将有关事项明确如下。"


def test_an_issuer_above_a_name_by_its_kind_naming_no_place_is_read_with_it_edition_and_all():
    [article] = parse_page("p", f"青禾县图书馆\n古籍阅览室使用指引（试行）\n{_RULES_TEXT}").articles
    assert (article.title, article.paragraphs[0]) == (
        "青禾县图书馆古籍阅览室使用指引（试行）", "为方便群众办事，现将有关事项明确如下。")


@pytest.mark.parametrize("text, title, publisher", [
    # an organisation's name over its text's first sentence, or over a news headline: a title of its own
    ("青禾县图书馆\n本馆将于10月8日起延长开放时间，周二至周日9:00至20:00。\n", "青禾县图书馆", ""),
    ("青禾县融媒体中心\n城南菜市场改造完工\n城南菜市场改造工程10月12日完工，新增摊位86个。\n",
     "青禾县融媒体中心 城南菜市场改造完工", ""),
    # an issuer over a name naming no place, or over "关于…": one document's name together, which it issued
    ("青禾县政务服务中心\n办事指南\n不动产登记请到二楼5号至9号窗口，每周一至周五受理。\n",
     "青禾县政务服务中心办事指南", "青禾县政务服务中心"),
    ("青禾县水利局\n关于汛期水库禁止垂钓的通告\n汛期内全县12座水库禁止垂钓、游泳。\n",
     "青禾县水利局关于汛期水库禁止垂钓的通告", "青禾县水利局"),
])
def test_an_organisation_over_a_headline_a_sentence_or_a_name_naming_no_place_keeps_its_reading(text, title,
                                                                                               publisher):
    page = parse_page("p", text)
    [article] = page.articles
    assert (article.title, page.publisher_of(article)) == (title, publisher)


_MOMENTS = """柳岸社区网格员·小林 的朋友圈（从微信复制，2025年9月20日）

————————
柳岸社区网格员·小林
【老旧小区加装电梯征求意见】柳岸小区2号楼、5号楼今年列入加装电梯计划👇
1️⃣ 业主同意率达到三分之二以上才能申报
2️⃣ 每部电梯市级补助20万元
3️⃣ 意见表9月25日前交到社区二楼网格办
[图片]×2
临川市·柳岸社区服务中心
2025年9月12日 09:15
♥ 赵阿姨，老周，5号楼陈老师
评论：
老周：一楼住户也要交费吗？
柳岸社区网格员·小林 回复 老周：一楼住户不分摊建设费用，维护费按户均摊。
陈老师：征求意见表在哪领
小林 回复 陈老师：社区二楼网格办，或者在群里下载电子版。

————————
柳岸社区网格员·小林
今天2号楼的意见表已经收齐了，同意率达到86%，下周一报街道审核😀
[视频]
2025年9月18日 17:40
赞：赵阿姨，小孟

————————
柳岸社区网格员·小林
周六上午9点在社区广场开电梯安装说明会，厂家技术员现场答疑。
2025年9月16日 20:05
❤ 老周
评论：
赵阿姨：要带身份证吗？
"""


def test_a_moments_feed_is_titled_by_its_header_dated_by_its_newest_post_and_its_chrome_is_no_text():
    page = parse_page("p", _MOMENTS)
    [article] = page.articles
    assert (article.title, page.iso_date_of(article), page.publisher_of(article)) == \
        ("柳岸社区网格员·小林 的朋友圈", "2025-09-18", "")  # a person publishes nothing; not the day it was copied
    assert article.paragraphs == [
        "【老旧小区加装电梯征求意见】柳岸小区2号楼、5号楼今年列入加装电梯计划👇",
        "1️⃣ 业主同意率达到三分之二以上才能申报", "2️⃣ 每部电梯市级补助20万元", "3️⃣ 意见表9月25日前交到社区二楼网格办",
        "老周：一楼住户也要交费吗？", "柳岸社区网格员·小林 回复 老周：一楼住户不分摊建设费用，维护费按户均摊。",
        "陈老师：征求意见表在哪领", "小林 回复 陈老师：社区二楼网格办，或者在群里下载电子版。",
        "今天2号楼的意见表已经收齐了，同意率达到86%，下周一报街道审核😀",
        "周六上午9点在社区广场开电梯安装说明会，厂家技术员现场答疑。", "赵阿姨：要带身份证吗？"]


@pytest.mark.parametrize("feed, head, paragraphs", [
    # no header: titled by its poster, who publishes it as an organisation
    ("东湖街道办事处\n【东湖街道秋季义诊】10月11日上午在东湖公园南门举办义诊，提供免费测血糖、测血压\n"
     "[图片]×4\n2024年10月8日 10:30\n评论：\n市民小王：需要预约吗？\n"
     "东湖街道办事处 回复 市民小王：不用预约，带上医保卡即可\n东湖街道办事处\n"
     "义诊当天上午还有眼科筛查，60岁以上老人可领取老花镜一副。\n2024年10月9日 16:02\n赞 小王，刘大爷\n",
     ("东湖街道办事处", "2024-10-09", "东湖街道办事处"),
     ["【东湖街道秋季义诊】10月11日上午在东湖公园南门举办义诊，提供免费测血糖、测血压", "市民小王：需要预约吗？",
      "东湖街道办事处 回复 市民小王：不用预约，带上医保卡即可",
      "义诊当天上午还有眼科筛查，60岁以上老人可领取老花镜一副。"]),
    # one's own post copied alone: its delete link publishes nothing, its likes are no text
    ("青禾书屋·小唐\n周末共读会改到周日下午两点，书屋二楼，限报12人，带一本想换的旧书来📚\n"
     "报名在书屋前台登记，电话0536-7713920。\n📍 临川市·青禾书屋\n2025年4月3日 21:14　　删除\n"
     "♡ 阿May，老宋，书虫\n老宋：孩子能一起来吗\n青禾书屋·小唐 回复 老宋：十岁以上可以\n",
     ("青禾书屋·小唐", "2025-04-03", ""),
     ["周末共读会改到周日下午两点，书屋二楼，限报12人，带一本想换的旧书来📚", "报名在书屋前台登记，电话0536-7713920。",
      "老宋：孩子能一起来吗", "青禾书屋·小唐 回复 老宋：十岁以上可以"]),
], ids=["organisation-without-header", "own-post-alone"])
def test_a_feed_without_a_header_is_titled_by_its_poster_who_publishes_it_when_an_organisation(feed, head, paragraphs):
    page = parse_page("p", feed)
    [article] = page.articles
    assert (article.title, page.iso_date_of(article), page.publisher_of(article)) == head
    assert article.paragraphs == paragraphs


@pytest.mark.parametrize("text, title, day, paragraphs", [
    # a photo's placeholder and a "评论" line in a report: no post's time beside them
    ("口袋公园在柳岸社区开放\n2025-06-02 10:15 来源：柳岸社区\n"
     "6月1日，柳岸社区口袋公园正式开放，园内设有健身器材12件。\n[图片]\n评论\n居民在社区群里纷纷点赞，称散步有了好去处。\n",
     "口袋公园在柳岸社区开放", "2025-06-02",
     ["6月1日，柳岸社区口袋公园正式开放，园内设有健身器材12件。",
      "[图片]评论居民在社区群里纷纷点赞，称散步有了好去处。"]),
    # one post quoted under a headline, its time and comments' label under it: no feed's header, no second post
    ("热线答复：东湖公园南门停车场收费调整\n东湖公园南门停车场10月起首小时免费，之后每小时3元。\n2025年9月30日 18:00\n"
     "评论：\n张先生：夜间也收费吗？\n", "热线答复：东湖公园南门停车场收费调整", "2025-09-30",
     ["东湖公园南门停车场10月起首小时免费，之后每小时3元。", "评论：", "张先生：夜间也收费吗？"]),
])
def test_a_placeholder_or_comment_in_an_article_or_one_post_quoted_under_a_headline_is_read_as_it_stands(
        text, title, day, paragraphs):
    page = parse_page("p", text)
    [article] = page.articles
    assert (article.title, page.iso_date_of(article), article.paragraphs) == (title, day, paragraphs)


@pytest.mark.parametrize("title, publisher", [
    ("某县卫生健康局关于印发《某县控烟工作方案》的通知", "某县卫生健康局"),  # the issuer its name opens with
    ("关于印发《某县控烟工作方案》的通知", ""),  # a name without one
    ("小区业主关于停车收费的意见", ""),  # no issuer before 关于
])
def test_an_official_documents_name_gives_its_issuer_when_no_closing_dates_it(title, publisher):
    text = f"{title}\n各乡镇人民政府：\n现将方案印发给你们，请认真贯彻执行。\n\n某县控烟工作方案\n一、室内禁止吸烟。\n"
    [article] = (page := parse_page("d", text)).articles
    assert (article.title, page.publisher_of(article)) == (title, publisher)


def test_a_reports_letterhead_over_its_spaced_kind_publishes_it_and_its_issue_date_field_dates_it():
    text = ("某某环境检测有限公司\n              检 测 报 告\n报告编号：HJ-2024-0311        第1页 共1页\n"
            "委托单位：某某小区业主委员会\n一、检测结果\n  小区游泳池水的余氯、浑浊度两项均合格。\n"
            "检测人：王某          审核人：李某\n                    签发日期：2024年6月14日\n")
    [article] = (page := parse_page("r", text)).articles
    assert (article.title, page.publisher_of(article), page.iso_date_of(article)) == \
        ("某某环境检测有限公司检测报告", "某某环境检测有限公司", "2024-06-14")


@pytest.mark.parametrize("label, day", [("报告日期", "2024-04-09"), ("出具日期", "2024-04-09"),
                                        ("填表日期", "2024-04-09"), ("预计出具日期", "")])  # a planned day: none
def test_a_reports_date_field_at_its_foot_dates_it(label, day):
    text = ("某区老年体育协会\n门球场地检查报告\n检查对象：某公园东门球场\n一、检查结果\n"
            "  场地平整，围挡完好，夜间照明两处损坏，已报园林所维修。\n检查人：赵某\n"
            f"某区老年体育协会（盖章）\n{label}：2024年4月9日\n")
    [article] = (page := parse_page("r", text)).articles
    assert page.iso_date_of(article) == day


_STALL_RULES = ("==============================\n   某街道旧物市集 · 摊主须知（2024年春季版）\n"
                "   主办：某街道某社区居民委员会\n   摊主QQ群：123456789    更新：2024-03-02\n"
                "==============================\n\n[一] 时间\n  * 每月第二个星期六 8:30-11:30，第一期3月9日开市\n"
                "  * 遇雨顺延到星期日\n\n[二] 摊位\n  * 每期30个摊位，每个2米×2米，免费\n"
                "  * 一人一摊，8:20未到视为放弃\n")


def test_a_plain_text_list_of_star_bullets_under_bracketed_numbers_is_one_article_read_by_its_head_fields():
    [article] = (page := parse_page("s", _STALL_RULES)).articles
    assert (article.title, page.iso_date_of(article), page.publisher_of(article)) == \
        ("某街道旧物市集 · 摊主须知（2024年春季版）", "2024-03-02", "某街道某社区居民委员会")
    assert "摊主QQ群：123456789 更新：2024-03-02" in article.paragraphs  # the group's number stays a fact
    assert "[二] 摊位" in article.paragraphs and "* 每期30个摊位，每个2米×2米，免费" in article.paragraphs
    assert said_han(article.paragraphs) >= 30  # its items are what it says


def test_an_organisers_role_in_brackets_is_no_part_of_its_name():
    page = parse_page("e", "雪季开板首滑日\n发起：某某滑雪场（主办方）\n时间：2024年12月1日\n"
                           "开板当天雪票半价，每人限购两张，须本人身份证购买，现场不售票。\n")
    [article] = page.articles
    assert page.publisher_of(article) == "某某滑雪场"


def test_a_page_saved_in_the_articles_folder_by_hand_is_read_without_control_characters(tmp_path):
    path = tmp_path / "pool.txt"
    path.write_text("某县游泳馆暑期开放\n某县游泳馆7月1日起\x00暑期开放，每场限180人。\x07\n", encoding="utf-8")
    [article] = read_page(path).articles
    assert article.paragraphs == ["某县游泳馆7月1日起暑期开放，每场限180人。"]


def test_a_spaced_out_form_name_over_a_line_of_fields_is_its_title():
    """"维 修 报 价 单" over "报价编号：… 报价日期：…": the fields are the form's head, no headline under a masthead."""
    page = parse_page("p", "维 修 报 价 单\n报价编号：WX-20240512-03　　报价日期：2024年5月12日\n"
                           "客户姓名：李先生\n更换热水器温控阀，材料费85元，人工费60元，合计145元。\n")
    [article] = page.articles
    assert article.title == "维修报价单"


def test_an_ellipsis_on_a_line_of_its_own_is_no_separator():
    page = parse_page("p", "---\ntitle: 社区书店旧书换新\n---\n本周六上午九点在店门口旧书换新，\n……\n"
                           "两本旧书换一本新书。\n")
    assert page.articles[0].paragraphs == ["本周六上午九点在店门口旧书换新，两本旧书换一本新书。"]


@pytest.mark.parametrize("separator", ["-" * 30, "＊＊＊＊＊＊", "~ ~ ~ ~ ~", "————————————"])
def test_no_paragraph_runs_on_across_a_separator(separator):
    page = parse_page("p", "---\ntitle: 社区书店旧书换新\n---\n店员：刘芳\n联系电话：0536-7654321\n"
                           f"{separator}\n您好，本周六上午九点在店门口旧书换新，\n两本旧书换一本新书。\n")
    assert page.articles[0].paragraphs == ["店员：刘芳", "联系电话：0536-7654321",
                                           "您好，本周六上午九点在店门口旧书换新，两本旧书换一本新书。"]


@pytest.mark.parametrize("addressee", ["东城街道办事处：", "各村（居）委会：", "青禾县交通运输局："])
def test_a_letters_addressee_under_its_title_opens_a_paragraph_of_its_own(addressee):
    page = parse_page("x", "---\ntitle: 情况报告\ndate: 2025-04-07\n---\n青禾社区关于加装电梯进展情况的报告\n\n"
                           f"{addressee}\n\n截至3月底，社区已有6个单元完成电梯加装。\n")
    assert page.articles[0].paragraphs[:2] == ["青禾社区关于加装电梯进展情况的报告", addressee]


@pytest.mark.parametrize("wrapped, said", [
    ("现将有关情况报告\n如下：\n一、已完成6个单元。", "现将有关情况报告如下："),  # names no organisation
    # "之处" ends like an organisation's name, after a comma
    ("今年各项工作取得一定成效，但对照上级要求，\n工作中仍存在一些不足之处：\n一是宣传不够深入。",
     "今年各项工作取得一定成效，但对照上级要求，工作中仍存在一些不足之处："),
])
def test_a_wrapped_line_ending_with_a_colon_runs_on(wrapped, said):
    page = parse_page("x", f"---\ntitle: 情况报告\ndate: 2025-04-07\n---\n{wrapped}\n")
    assert page.articles[0].paragraphs[0] == said


def test_a_listed_companys_head_of_fields_is_read_under_the_title_it_stands_over():
    page = parse_page("x", "证券代码：600123　　证券简称：青禾电气　　公告编号：2025-018\n\n青禾电气股份有限公司\n"
                           "关于召开2024年年度股东大会的通知\n\n本公司董事会及全体董事保证本公告内容不存在任何虚假记载。\n")
    [article] = page.articles
    assert article.title == "青禾电气股份有限公司关于召开2024年年度股东大会的通知"
    assert article.paragraphs[0] == "证券代码：600123 证券简称：青禾电气 公告编号：2025-018"


def test_a_double_headline_with_colons_first_on_the_page_is_still_a_title():
    [article] = parse_page("x", "青州：古城游客回升 临朐：山区民宿满房\n\n五一假期，两地接待游客明显增多。\n").articles
    assert article.title == "青州：古城游客回升 临朐：山区民宿满房"


def test_a_forms_check_boxes_are_no_byline_and_split_no_article():
    page = parse_page("x", "供暖入户检查 未遇告知\n\n尊敬的用户：\n我们于____月____日上门，因家中无人，未能入户检查。\n"
                           "□ 第一次未遇　　□ 第二次未遇\n请您看到本卡后拨打0536-1234567预约。\n青禾热力有限公司\n")
    [article] = page.articles
    assert article.title == "供暖入户检查 未遇告知"
    assert "□ 第一次未遇 □ 第二次未遇" in article.paragraphs
    assert "请您看到本卡后拨打0536-1234567预约。" in article.paragraphs


@pytest.mark.parametrize("byline, reporters", [
    ("□记者 王□ 通讯员 李娜", "记者 王□ 通讯员 李娜"),  # a name's rare character lost as a box
    ("□本报记者 张伟 □通讯员 李娜", "本报记者 张伟 □通讯员 李娜"),
])
def test_a_byline_holding_a_second_box_is_still_a_byline(byline, reporters):
    page = parse_page("x", f"我市启动秋季农田水利建设\n{byline}\n本报讯 10月12日，全市秋季农田水利建设全面启动。\n")
    [article] = page.articles
    assert (article.title, article.byline) == ("我市启动秋季农田水利建设", reporters)


@pytest.mark.parametrize("items", [
    ("□ 找瓦工师傅，周六上午8点到", "□ 买防水涂料2桶", "□ 物业开装修许可证"),
    ("□ 身份证", "□ 户口本", "□ 租房合同"),  # names as short as a reporter's
    ("□ 租借音响设备", "□ 联系摄影师拍活动照片", "□ 通知楼栋长"),  # a role's word
])
def test_a_lists_box_lines_are_no_bylines_and_keep_their_items(items):
    page = parse_page("x", "周末要办\n\n请对照准备：\n" + "\n".join(items) + "\n\n物业电话0536-1234567。\n")
    [article] = page.articles
    assert article.title == "周末要办" and set(items[:2]) <= set(article.paragraphs)
    assert items[2] in "\n".join(article.paragraphs)  # the last item runs on into the line after it, as a wrap would


@pytest.mark.parametrize("byline", ["□王宁、李娜", "□ 本报评论员 王宁", "□文/王宁 图/李娜",
                                    "□本报记者 王宁 2024年5月19日"])
def test_a_byline_alone_under_its_headline_still_splits_a_newspaper_page(byline):
    page = parse_page("x", f"青禾日报\n秋粮收购进度过半\n{byline}\n本报讯 全县已收购秋粮12万吨。\n"
                           f"县城新增3条公交线路\n{byline}\n本报讯 10月1日起，县城新开3条公交线路。\n")
    assert [article.title for article in page.articles][-2:] == ["秋粮收购进度过半", "县城新增3条公交线路"]


def test_ticked_check_boxes_are_no_byline_either():
    page = parse_page("x", "加装电梯意见征询单\n\n本单元是否同意加装电梯，请在选项前打勾。\n□同意　☑不同意\n"
                           "不同意的原因：低层住户采光受影响。\n")
    [article] = page.articles
    assert article.title == "加装电梯意见征询单" and "□同意 ☑不同意" in article.paragraphs


def test_a_head_of_fields_over_a_one_line_title_does_not_run_into_the_first_sentence():
    page = parse_page("x", "证券代码：600123 证券简称：青禾电气 公告编号：2025-018\n"
                           "青禾电气股份有限公司关于召开2024年年度股东大会的通知\n\n本公司董事会及全体董事保证本公告内容真实。\n")
    assert page.articles[0].paragraphs[:2] == ["证券代码：600123 证券简称：青禾电气 公告编号：2025-018",
                                               "本公司董事会及全体董事保证本公告内容真实。"]


_SLIP_RULE = "-" * 60
_SLIP = (f"                   装   箱   单\n                  PACKING LIST\n{_SLIP_RULE}\n"
         f"装箱单号：QH-PL-001        日    期：2024年10月8日\n收 货 人：某某贸易公司\n{_SLIP_RULE}\n"
         f"箱号   品名    数量\n1-20   轴承    400\n{_SLIP_RULE}\n"
         "装箱说明：\n1. 每箱内衬防潮纸。\n2. 收货时请核对箱数。\n")
_STACKED = ("            青禾机械配件有限公司\n          QINGHE MACHINERY PARTS CO., LTD.\n"
            "   地址：青禾县工业路8号   电话：0536-1234567\n")


@pytest.mark.parametrize("head", [_STACKED, f"{'=' * 60}\n{_STACKED}{'=' * 60}\n"], ids=["bare", "framed"])
def test_a_letterhead_printed_a_line_each_publishes_the_slip_under_it(head):
    [article] = parse_page("x", head + _SLIP).articles
    assert (article.title, article.publisher) == ("装箱单", "青禾机械配件有限公司")
    assert not any("青禾县工业路" in paragraph for paragraph in article.paragraphs[:1])


def test_a_schools_name_over_its_english_name_over_a_headline_is_a_logo_not_a_letterhead():
    [article] = parse_page("x", "青禾实验中学\nQINGHE EXPERIMENTAL MIDDLE SCHOOL\n春季运动会\n\n"
                                "4月20日，我校举行春季运动会，全校1200名师生参加。\n").articles
    assert article.title == "春季运动会"


def test_a_forms_options_led_by_boxes_are_no_byline_even_when_they_name_roles():
    page = parse_page("x", "少儿兴趣班报名表\n\n姓名：\n年龄：\n兴趣特长：\n□摄影　□绘画　□书法　□舞蹈\n"
                           "家长电话：0536-1234567\n报名截止到5月10日。\n")
    [article] = page.articles
    assert article.title == "少儿兴趣班报名表" and "□摄影 □绘画 □书法 □舞蹈" in article.paragraphs


@pytest.mark.parametrize("above", ["关于印发《青禾县防汛应急预案（试行）》的通知", "签发人：张某"])
def test_an_addressee_under_a_title_with_brackets_or_a_field_opens_a_paragraph(above):
    page = parse_page("x", f"---\ntitle: 通知\ndate: 2025-04-07\n---\n{above}\n各镇人民政府：\n"
                           "现将预案印发给你们，请认真贯彻执行。\n")
    assert "各镇人民政府：" in page.articles[0].paragraphs


def test_a_wrapped_sentence_around_a_number_field_runs_on():
    page = parse_page("x", "---\ntitle: 通报\ndate: 2025-04-07\n---\n本次竞赛一等奖获得者为计算机学院\n学号20230018\n"
                           "的王某同学，特予通报表扬。\n")
    assert page.articles[0].paragraphs[0] == "本次竞赛一等奖获得者为计算机学院学号20230018的王某同学，特予通报表扬。"
