"""Word files read as their reader would: what Word keeps outside plain runs (insertions, fields, content controls,
tables in tables), and files that cannot be read."""
from __future__ import annotations

import io
import zipfile

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from kb.documents import UnreadableDocument, docx_text
from kb.page import parse_page

W = nsdecls("w")


def _saved(document: docx.document.Document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _with_body_xml(*fragments: str) -> bytes:
    """A Word file whose body holds these WordprocessingML fragments."""
    document = docx.Document()
    body = document.element.body
    for fragment in fragments:
        body.insert(len(body) - 1, parse_xml(fragment))  # before the section properties
    return _saved(document)


def test_text_in_insertions_fields_smart_tags_and_content_controls_is_read_and_deleted_text_is_not():
    text = docx_text(_with_body_xml(
        f'<w:p {W}><w:r><w:t>自3月2日起，全市公交</w:t></w:r><w:ins w:id="1" w:author="a"><w:r>'
        f'<w:t>恢复运营，乘车须戴口罩</w:t></w:r></w:ins><w:del w:id="2" w:author="a"><w:r><w:delText>暂停运营'
        f'</w:delText></w:r></w:del><w:r><w:t>。</w:t></w:r></w:p>',
        f'<w:p {W}><w:r><w:t>发布日期：</w:t></w:r><w:fldSimple w:instr="DATE"><w:r><w:t>2020年2月21日</w:t>'
        f'</w:r></w:fldSimple></w:p>',
        f'<w:p {W}><w:r><w:t>咨询电话：</w:t></w:r><w:smartTag w:uri="u" w:element="phone"><w:r>'
        f'<w:t>0536-8239011</w:t></w:r></w:smartTag></w:p>',
        f'<w:sdt {W}><w:sdtContent><w:p><w:r><w:t>某某区交通运输局</w:t></w:r></w:p></w:sdtContent></w:sdt>'))
    assert text.splitlines() == ["　　自3月2日起，全市公交恢复运营，乘车须戴口罩。", "　　发布日期：2020年2月21日",
                                 "　　咨询电话：0536-8239011", "　　某某区交通运输局"]


def test_hidden_text_is_not_read_unless_its_hiding_is_turned_off():
    text = docx_text(_with_body_xml(
        f'<w:p {W}><w:r><w:t>成人票每位60元</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>（内部：团队价45元）</w:t>'
        f'</w:r><w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>，儿童票每位30元</w:t></w:r>'
        f'<w:r><w:t>。</w:t></w:r></w:p>'))
    assert text.splitlines() == ["　　成人票每位60元，儿童票每位30元。"]


def test_text_in_a_hidden_character_style_or_one_based_on_it_is_not_read():
    document = docx.Document()
    hidden = document.styles.add_style("内部价", WD_STYLE_TYPE.CHARACTER)
    hidden.font.hidden = True
    document.styles.add_style("内部价（团队）", WD_STYLE_TYPE.CHARACTER).base_style = hidden
    paragraph = document.add_paragraph("成人票每位60元")
    paragraph.add_run("（内部：45元）", style="内部价")
    paragraph.add_run("（团队：40元）", style="内部价（团队）")
    paragraph.add_run("。")
    looped = document.styles.add_style("甲", WD_STYLE_TYPE.CHARACTER)  # based on a style based on it: a broken file
    looped.base_style = document.styles.add_style("乙", WD_STYLE_TYPE.CHARACTER)
    looped.base_style.base_style = looped
    paragraph.add_run("（咨询电话0536-1234567）", style="甲")
    assert docx_text(_saved(document)).splitlines() == ["　　成人票每位60元。（咨询电话0536-1234567）"]


def test_a_table_in_a_cell_a_caption_row_and_a_superscript_unit_are_kept():
    document = docx.Document()
    paragraph = document.add_paragraph("每个体检点候检区面积不少于40m")
    paragraph.add_run("2").font.superscript = True  # m², not a note's mark
    paragraph.add_run("。")
    table = document.add_table(rows=4, cols=3)
    table.cell(0, 0).merge(table.cell(0, 2)).text = "各街道联系方式"
    for row, values in enumerate([["街道", "联系人", "电话"], ["寒亭街道", "王强", "0536-7256011"],
                                  ["开元街道", "李丽", "0536-7256022"]], start=1):
        for column, value in enumerate(values):
            table.cell(row, column).text = value
    outer = document.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = "体检费用"
    outer.cell(0, 1).add_table(rows=1, cols=1).cell(0, 0).text = "每人180元，由县财政承担。"
    lines = docx_text(_saved(document)).splitlines()
    assert lines[:4] == ["　　每个体检点候检区面积不少于40m2。", "　　各街道联系方式",
                         "　　寒亭街道：联系人王强，电话0536-7256011。", "　　开元街道：联系人李丽，电话0536-7256022。"]
    assert "每人180元，由县财政承担。" in lines[4]


def test_a_table_of_one_cell_is_a_border_whose_paragraphs_and_table_are_read_as_the_body_is():
    document = docx.Document()
    frame = document.add_table(rows=1, cols=1).cell(0, 0)
    frame.paragraphs[0].text = "青禾公园停车场收费标准"
    frame.add_paragraph("（2024年5月1日起执行）")
    frame.add_paragraph("管理单位：青禾园林服务中心")
    prices = frame.add_table(rows=3, cols=3)
    for row, values in enumerate([["车型", "收费标准", "备注"], ["小型车", "每小时2元", "首30分钟免费"],
                                  ["大型车", "每小时5元", "限停东区"]]):
        for column, value in enumerate(values):
            prices.cell(row, column).text = value
    lines = docx_text(_saved(document)).splitlines()
    assert lines == ["　　青禾公园停车场收费标准", "　　（2024年5月1日起执行）", "　　管理单位：青禾园林服务中心",
                     "　　小型车：收费标准每小时2元，备注首30分钟免费。",
                     "　　大型车：收费标准每小时5元，备注限停东区。"]  # not one line of it all


def test_cards_printed_one_under_another_in_a_table_of_one_column_are_read_as_the_body_once_each():
    document = docx.Document()
    sheet = document.add_table(rows=3, cols=1)
    for row in (0, 2):  # the same card twice, a cutting line between them
        card = sheet.cell(row, 0)
        card.paragraphs[0].text = "青禾县义务植树报名卡"
        card.add_paragraph("◎ 时间：2024年3月9日上午8:30集合。")
        card.add_paragraph("◎ 地点：青禾山公园西门。")
    sheet.cell(1, 0).text = "✂ - - - 沿虚线剪开 - - -"
    lines = docx_text(_saved(document)).splitlines()
    assert lines == ["　　青禾县义务植树报名卡", "　　◎ 时间：2024年3月9日上午8:30集合。",
                     "　　◎ 地点：青禾山公园西门。", "　　✂ - - - 沿虚线剪开 - - -"]  # a line each; the copy once


def test_a_one_column_lists_repeated_entries_stay():
    document = docx.Document()
    table = document.add_table(rows=5, cols=1)
    for row, name in enumerate(["姓名", "张伟", "李娜", "张伟", "王芳"]):  # two people of one name
        table.cell(row, 0).text = name
    assert docx_text(_saved(document)).splitlines() == ["　　姓名", "　　张伟", "　　李娜", "　　张伟", "　　王芳"]


def test_a_signature_table_is_read_party_by_party():
    document = docx.Document()
    document.add_paragraph("活动期间请保持楼道畅通。")
    table = document.add_table(rows=2, cols=2)
    cells = [["承诺人：王某", "社区经办人：李某"], ["日期：2024年5月6日", "某某社区居委会（盖章）"]]
    for row, values in enumerate(cells):
        for column, value in enumerate(values):
            table.cell(row, column).text = value
    lines = docx_text(_saved(document)).splitlines()
    assert lines[1:] == ["　　承诺人：王某", "　　日期：2024年5月6日", "　　社区经办人：李某",
                         "　　某某社区居委会（盖章）"]
    page = parse_page("d", "楼道使用承诺书\n" + "\n".join(lines))
    assert (page.iso_date_of(page.articles[0]), page.publisher_of(page.articles[0])) == ("2024-05-06", "某某社区居委会")


def test_a_cell_holding_only_a_seals_mark_labels_nothing_and_the_closing_beside_it_dates_the_notice():
    document = docx.Document()
    document.add_paragraph("公示期为3个工作日，对结果有异议的，请在公示期内书面提出。")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "（盖章）"
    table.cell(0, 1).text = "某某采购代理有限公司"
    table.cell(0, 1).add_paragraph("2024年3月5日")
    lines = docx_text(_saved(document)).splitlines()
    assert not any("（盖章）：" in line for line in lines)
    page = parse_page("d", "某某项目中标结果公告\n" + "\n".join(lines))
    assert (page.iso_date_of(page.articles[0]), page.publisher_of(page.articles[0])) == (
        "2024-03-05", "某某采购代理有限公司")


def test_a_seal_cell_in_a_row_of_labels_and_values_is_an_empty_value():
    document = docx.Document()
    document.add_paragraph("本单位承诺按期完成整改。")
    table = document.add_table(rows=1, cols=4)
    for column, value in enumerate(["单位名称", "某某物业公司", "单位盖章", "（盖章）"]):
        table.cell(0, column).text = value
    assert "　　单位名称：某某物业公司" in docx_text(_saved(document)).splitlines()


def test_a_roster_with_a_signature_column_is_read_row_by_row():
    document = docx.Document()
    table = document.add_table(rows=3, cols=3)
    cells = [["姓名", "补贴金额（元）", "领取人（签字）"], ["张三", "1200", ""], ["李四", "800", ""]]
    for row, values in enumerate(cells):
        for column, value in enumerate(values):
            table.cell(row, column).text = value
    lines = docx_text(_saved(document)).splitlines()
    assert "　　张三：补贴金额（元）1200。" in lines


@pytest.mark.parametrize("document_xml", [b"<w:document", b"\x00\x01 not xml"])
def test_a_word_file_with_a_broken_document_part_is_refused_with_a_clear_message(document_xml):
    buffer = io.BytesIO(_saved(docx.Document()))
    with zipfile.ZipFile(buffer) as original:
        parts = {name: original.read(name) for name in original.namelist()}
    broken = io.BytesIO()
    with zipfile.ZipFile(broken, "w") as archive:
        for name, content in parts.items():
            archive.writestr(name, document_xml if name == "word/document.xml" else content)
    with pytest.raises(UnreadableDocument, match="Word 文件无法打开"):
        docx_text(broken.getvalue())


BOX_NAMESPACES = (f'{W} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
                  f'{nsdecls("wp", "a")} xmlns:v="urn:schemas-microsoft-com:vml" '
                  'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"')


def _box_paragraph(content: str, fallback: bool = True) -> str:
    """A paragraph anchoring a text box: as Word writes it, a DrawingML shape (mc:Choice) and the same text again
    in VML (mc:Fallback); without fallback, a bare VML box as older files have it."""
    vml = f'<w:pict><v:shape><v:textbox><w:txbxContent>{content}</w:txbxContent></v:textbox></v:shape></w:pict>'
    if not fallback:
        return f'<w:p {BOX_NAMESPACES}><w:r>{vml}</w:r></w:p>'
    return (f'<w:p {BOX_NAMESPACES}><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor>'
            f'<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
            f'<wps:wsp><wps:txbx><w:txbxContent>{content}</w:txbxContent></wps:txbx></wps:wsp></a:graphicData>'
            f'</a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback>{vml}</mc:Fallback></mc:AlternateContent>'
            f'</w:r></w:p>')


def _paragraphs(*texts: str) -> str:
    return "".join(f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>" for text in texts)


def test_a_notice_laid_out_in_text_boxes_is_read_box_by_box_each_box_once():
    table = ("<w:tbl>" + "".join(f"<w:tr>{''.join(f'<w:tc>{_paragraphs(cell)}</w:tc>' for cell in row)}</w:tr>"
                                 for row in [["项目", "地点", "医生"], ["测血压", "一号帐篷", "社区护士"],
                                             ["中医问诊", "二号帐篷", "市中医院医生"]])
             + "</w:tbl>")
    text = docx_text(_with_body_xml(
        _box_paragraph(_paragraphs("幸福里社区关于开展夏季义诊的通知")),
        _box_paragraph(_paragraphs("7月15日上午，社区卫生服务站在居委会门前开展义诊，请居民带好医保卡。") + table
                       + "<w:p/>"),
        _box_paragraph(_paragraphs("幸福里社区居委会", "2024年7月10日"), fallback=False)))
    assert text.splitlines() == ["　　幸福里社区关于开展夏季义诊的通知",
                                 "　　7月15日上午，社区卫生服务站在居委会门前开展义诊，请居民带好医保卡。",
                                 "　　测血压：地点一号帐篷，医生社区护士。",
                                 "　　中医问诊：地点二号帐篷，医生市中医院医生。",
                                 "　　幸福里社区居委会", "　　2024年7月10日"]


def test_a_text_box_beside_running_text_is_left_out():
    notice = "各位居民：本周六上午，社区将组织志愿者清理小区楼道杂物，请提前搬走堆放物品。"
    text = docx_text(_with_body_xml(f'<w:p {W}><w:r><w:t>{notice}</w:t></w:r></w:p>',
                                    _box_paragraph(_paragraphs("扫码报名志愿者"))))
    assert text.splitlines() == ["　　" + notice]



READING_CLUB = ["青禾街道暑期少儿读书会开始招募",
                "暑假里，青禾街道文化中心将为辖区孩子开办读书会，由退休语文教师带领共读经典童书，每期六次，全部免费。",
                "读书会结束时，每位坚持到最后的孩子都能获得一本赠书和一张结业证书，优秀读书笔记还将在街道宣传栏展出。"]


def _running_text(*texts: str) -> list[str]:
    """Paragraphs of the body, outside any text box."""
    return [f'<w:p {W}><w:r><w:t>{text}</w:t></w:r></w:p>' for text in texts]


@pytest.mark.parametrize("fallback", [False, True])
def test_a_text_box_of_facts_beside_running_text_is_read_where_it_is_anchored_once(fallback):
    box = ["谁能报名？", "8至14岁、家住青禾街道的孩子。", "每期限30人，按报名先后录取，额满即止。",
           "第一次活动须有一位家长陪同。"]
    text = docx_text(_with_body_xml(*_running_text(READING_CLUB[0]), _box_paragraph(_paragraphs(*box), fallback),
                                    *_running_text(*READING_CLUB[1:])))
    assert text.splitlines() == ["　　" + line for line in (READING_CLUB[0], *box, *READING_CLUB[1:])]


@pytest.mark.parametrize("caption", [["扫描二维码，关注青禾街道公众号。"],
                                     ["［二维码］", "扫码关注“青禾街道”", "在线报名　查看活动"]])
def test_a_caption_box_beside_running_text_is_left_out(caption):
    text = docx_text(_with_body_xml(*_running_text(*READING_CLUB), _box_paragraph(_paragraphs(*caption))))
    assert text.splitlines() == ["　　" + line for line in READING_CLUB]


def test_a_pull_quote_box_repeating_a_sentence_of_the_running_text_is_left_out():
    quote = "“每位坚持到最后的孩子都能获得一本赠书和一张结业证书。”"
    text = docx_text(_with_body_xml(*_running_text(*READING_CLUB), _box_paragraph(_paragraphs(quote, "——读书会"))))
    assert text.splitlines() == ["　　" + line for line in READING_CLUB]
