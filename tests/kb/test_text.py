"""kb.text: small helpers the readers share."""
import pytest

from kb.text import in_chinese, printable, row_sentence, starts_item


@pytest.mark.parametrize("labels, values, said", [
    (["类别", "最高额度", "最长期限"], ["个人", "20万元", "3年"], "个人：最高额度20万元，最长期限3年。"),
    # a serial number names nothing: the next cell names the row
    (["序号", "街道", "服务电话"], ["3", "东关街道", "0536-1234567"], "东关街道：服务电话0536-1234567。"),
    # one full stop; a label naming no attribute ("说明", "内容") is left out
    (["事项", "说明"], ["退费", "开课前3天申请全额退费。"], "退费：开课前3天申请全额退费。"),
    (["序号", "说明"], ["1", "须本人到场。"], "1：须本人到场。"),  # two columns: nothing else to name the row
    (["项目", "内容"], ["门票", "20元/人"], "门票：20元/人。"),
    (["项目", "内　容"], ["门票", "20元/人"], "门票：20元/人。"),  # a label spaced to the column's width
    (["场次", "时间", "具体内容"], ["第一场", "8:30", "小组赛"], "第一场：时间8:30，小组赛。"),
])
def test_a_table_row_said_as_a_sentence(labels, values, said):
    assert row_sentence(labels, values) == said


def test_printable_text_drops_control_characters_keeps_tabs_and_line_ends_and_breaks_a_line_at_a_page_break():
    assert printable("\x00坊市鸢泉水务 2024\x00第二季度\t公示\r\n第一页\x0c第二页\x1b[0m") == \
        "坊市鸢泉水务 2024第二季度\t公示\r\n第一页\n第二页"
    # a terminal's colour codes go whole, not only their ESC; brackets that are text stay
    assert printable("\x1b[1;32m【演出时间】\x1b[m 4月26日[周六]") == "【演出时间】 4月26日[周六]"


@pytest.mark.parametrize("line, opens", [("【1】客人问：几点开门？", True), ("【十】附则", True),
                                         ("【通知】明天停水", False), ("【2024】年度总结", False)])
def test_a_number_in_square_brackets_opens_an_item(line, opens):
    assert starts_item(line) is opens


@pytest.mark.parametrize(("title", "read"), [
    ("[○○시 상무국] 2024년 전시회 지원 안내 / 关于申报2024年展会补贴的通知", "关于申报2024年展会补贴的通知"),
    ("某县2025年招商推介会 / 2025 Investment Fair of Some County", "某县2025年招商推介会"),
    ("使用说明 ／ README", "使用说明"),
    ("在某县轻松支付 Pay Easy （中英双语字幕 / bilingual）", "在某县轻松支付 Pay Easy （中英双语字幕 / bilingual）"),
    ("报名表 / 回执", "报名表 / 回执"),  # two Chinese halves: one title
    ("2024/05/20 某县通知", "2024/05/20 某县通知"),
    ("Notice / Hinweis", "Notice / Hinweis"),
    ("A / B栋停水通知", "A / B栋停水通知"),
    ("4G / 5G 套餐资费调整通知", "4G / 5G 套餐资费调整通知"),
    ("Python / Java 课程报名通知", "Python / Java 课程报名通知"),
    ("垃圾分类，你做对了吗？ / Are You Sorting Right?", "垃圾分类，你做对了吗？"),
    ("WiFi / 宽带报修流程", "WiFi / 宽带报修流程"),
], ids=["korean-first", "english-second", "full-width-slash", "a-slash-inside-brackets", "both-chinese",
        "a-day-written-with-slashes", "no-chinese-half", "two-buildings", "two-networks", "two-courses",
        "a-question-and-its-translation", "a-name-no-language"])
def test_a_title_given_in_two_languages_is_read_in_chinese(title, read):
    assert in_chinese(title) == read


@pytest.mark.parametrize("label", ["发生了什么", "怎么办"])
def test_a_column_label_asking_what_its_cells_say_is_left_out_of_the_rows_sentence(label):
    assert row_sentence(["时间", label], ["7:15", "抢修一队到场，沿线排查"]) == "7:15：抢修一队到场，沿线排查。"


def test_a_column_label_naming_an_attribute_stays_in_the_rows_sentence():
    assert row_sentence(["类别", "最高额度"], ["个人", "20万元"]) == "个人：最高额度20万元。"


def test_a_column_label_asking_about_something_is_said_with_its_answer():
    assert row_sentence(["日期", "天气怎样", "穿什么"], ["周一", "晴", "短袖"]) == "周一：天气怎样：晴，穿什么：短袖。"
