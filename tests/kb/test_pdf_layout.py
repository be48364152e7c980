"""How a PDF's lines become paragraphs, on lines placed by hand (x from the left, y from the bottom, in points), and
how a page's characters become lines, on small PDFs drawn a character at a time."""
from __future__ import annotations

import datetime

import pytest

from kb.documents import pdf_text
from kb.page import parse_page
from kb.pdf_layout import Line, font_size, paragraphs, without_running_lines

SIZE = 15.0  # the font size of the body text
LEFT, RIGHT = 36.0, 576.0  # the text column's edges


def line(text: str, bottom: float, left: float = LEFT, right: float | None = None, height: float = SIZE,
         gap: float = 2.0) -> Line:
    return Line(text, left, RIGHT if right is None else right, bottom, height, gap)


def test_lines_that_run_to_the_right_edge_go_on_and_an_indent_or_a_short_line_ends_a_paragraph():
    lines = [line("　　关于开展健康体检工作的通知", 740, left=180, right=430, height=22),
             line("为保障返岗职工身体健康，县卫生健康局决定自3月9日起，在全县开展", 700, left=LEFT + 2 * SIZE),
             line("春季返岗职工免费健康体检工作。", 678, right=260),
             line("一、体检对象", 656, right=130),
             line("2月10日以后返回、在县内企业上岗的职工，每人可享受一次免费体检，已在", 634, left=LEFT + 2 * SIZE),
             line("外地做过核酸检测的，可以免做胸部CT。", 612, right=320),
             line("县市区 任务面积（亩） 联系电话", 590, right=RIGHT, gap=4 * SIZE)]  # a table's row reaches the edge
    assert paragraphs(lines) == [
        "　　关于开展健康体检工作的通知",
        "为保障返岗职工身体健康，县卫生健康局决定自3月9日起，在全县开展春季返岗职工免费健康体检工作。",
        "一、体检对象",
        "2月10日以后返回、在县内企业上岗的职工，每人可享受一次免费体检，已在外地做过核酸检测的，可以免做胸部CT。",
        "县市区 任务面积（亩） 联系电话"]


def test_a_caption_in_a_smaller_font_or_after_a_wide_gap_is_a_paragraph_of_its_own():
    lines = [line("市民在家动动手指就能逛展会，线上展厅共展出蔬菜新品种2100多个、新技术", 700),
             line("4月20日，技术员在直播间介绍新品种彩椒。（记者 孙晓东 摄）", 678, height=SIZE * 0.8),
             line("在“云直播”板块，寿光各镇街的农技员和菜农化身主播，带领网友逛大棚", 600)]
    assert paragraphs(lines) == [line.text for line in lines]


def test_a_sentence_goes_on_over_a_page_break_and_a_bare_item_number_takes_its_item():
    lines = [line("献血屋每日通风消毒不少于3次，同一时间在屋内献血的人数不超过3人，献血者之间", 60, right=440),
             line("保持1米以上距离。", 740, right=200),  # higher up: the next page
             line("1.", 700, right=LEFT + SIZE),
             line("全市12处车管所自3月4日起全面恢复业务办理。", 678, right=400)]
    assert paragraphs(lines) == [
        "献血屋每日通风消毒不少于3次，同一时间在屋内献血的人数不超过3人，献血者之间保持1米以上距离。",
        "1.全市12处车管所自3月4日起全面恢复业务办理。"]


def test_a_printouts_running_heads_page_numbers_and_browser_header_and_footer_are_dropped():
    def page(number: int, body: str) -> list[Line]:
        return [line("12/2/26, 5:17 AM 关于开展健康体检工作的通知", 770, height=7),
                line("昌乐县卫生健康局 信息公开", 750, left=400),
                line(body, 400),
                line(f"— {number} —", 30, left=280, right=320),
                line(f"file:///tmp/notice.html {number}/2", 15, height=7)]
    kept = without_running_lines([page(1, "第一页的正文。"), page(2, "第二页的正文。")])
    assert [[kept_line.text for kept_line in lines] for lines in kept] == [["第一页的正文。"], ["第二页的正文。"]]
    [alone] = without_running_lines([page(1, "只有一页的正文。")])  # nothing repeats: the patterns alone
    assert [kept_line.text for kept_line in alone] == ["昌乐县卫生健康局 信息公开", "只有一页的正文。"]


def test_a_bound_publications_mirrored_running_heads_are_dropped():
    def page(head: str, body: str, folio: int) -> list[Line]:
        return [line(head, 770, height=9), line(body, 400), line(f"· {folio} ·", 30, left=280, right=320)]
    kept = without_running_lines([page("某县人民政府公报  2020年第6期", "第一页的正文。", 8),
                                  page("2020年第6期  某县人民政府公报", "第二页的正文。", 9),
                                  page("某县人民政府公报  2020年第6期", "第三页的正文。", 10)])
    assert [[kept_line.text for kept_line in lines] for lines in kept] == \
        [["第一页的正文。"], ["第二页的正文。"], ["第三页的正文。"]]


def test_a_heading_at_the_foot_of_a_column_does_not_go_on_with_the_next_column():
    lines = [line("市场供应充足，未出现断档脱销，蔬菜日均进场1860吨，比上周增加12%。", 100, right=500),
             line("二、肉蛋粮油价格基本稳定", 60, right=340),
             line("猪肉平均零售价格为每斤29.80元，比上周上涨0.7%。", 740, right=420)]  # the next column
    assert paragraphs(lines) == [line.text for line in lines]


def test_a_faqs_question_starts_a_paragraph_even_under_an_answer_that_ran_to_the_edge():
    lines = [line("问：游泳课可以补课吗？", 700, right=200),
             line("答：因病缺课凭医院证明可以补课一次，须在结课前两周内预约，每期最多", 678),
             line("补两节课，每节课都由原来的教练带。", 656),  # a full sentence that happens to reach the edge
             line("问：下雨天照常上课吗？", 634, right=200),
             line("答：室内泳池照常上课。", 612, right=220)]
    assert paragraphs(lines) == [
        "问：游泳课可以补课吗？",
        "答：因病缺课凭医院证明可以补课一次，须在结课前两周内预约，每期最多补两节课，每节课都由原来的教练带。",
        "问：下雨天照常上课吗？", "答：室内泳池照常上课。"]


def test_a_line_that_only_begins_with_a_question_word_goes_on_after_a_sentence_at_the_edge():
    lines = [line("培训期间家长不得进入泳池区域，接送孩子请在一楼大厅等候，请勿大声喧哗。", 700),
             line("问询处设在一楼大厅东侧，开放时间为每天8:00至20:00。", 678, right=420)]
    assert paragraphs(lines) == ["".join(line.text for line in lines)]


def test_flat_characters_do_not_make_a_line_look_smaller():
    one, ci = (100.0, 400.0, 115.0, 401.5), (115.5, 387.0, 130.0, 401.0)  # 一 is a stroke; 次 fills its box
    assert font_size([one, ci]) == font_size([ci, ci]) == 14.0
    assert font_size([one]) == 1.5  # a line of nothing but flat characters keeps what it has
    assert font_size([]) == 0.0


FORM_SHIFT = (300.0, 200.0)  # where a page drawn as a form XObject places it


def _pdf(*pages: list[tuple[str, float, float, float]], size: tuple[float, float] = (595, 842),
         actual_text: str = "") -> bytes:
    """A PDF of pages of the given size, each drawing each (character, x, y, size) as a text object of its own: a
    Type3 font whose glyphs are all a square, mapped to the characters by a ToUnicode table (no font file needed).
    With actual_text, as Chrome draws text under an opacity, each page is a form XObject placed at FORM_SHIFT, and the
    glyphs of those characters are marked with their ActualText (as Chrome marks a glyph its font shares)."""
    chars = [char for page in pages for char, *_ in page]
    codes = {char: code for code, char in enumerate(dict.fromkeys(chars), 1)}
    unicode_map = "".join(f"<{code:02X}> <{ord(char):04X}>\n" for char, code in codes.items())
    to_unicode = ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /U def /CMapType 2 def\n"
                  f"1 begincodespacerange <00> <FF> endcodespacerange\n{len(codes)} beginbfchar\n{unicode_map}"
                  "endbfchar\nendcmap CMapName currentdict /CMap defineresource pop end end")

    def stream(data: str, head: str = "") -> str:
        return f"<< {head}/Length {len(data.encode())} >>\nstream\n{data}\nendstream"

    def drawn(char: str, x: float, y: float, font: float) -> str:
        text = f"BT /F1 {font} Tf 1 0 0 1 {x} {y} Tm <{codes[char]:02X}> Tj ET"
        return f"/Span << /ActualText <FEFF{ord(char):04X}> >> BDC {text} EMC\n" if char in actual_text \
            else text + "\n"

    shift = FORM_SHIFT if actual_text else (0.0, 0.0)
    kids = " ".join(f"{6 + 2 * number} 0 R" for number in range(len(pages)))
    fonts = "/Font << /F1 3 0 R >>"
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>",
               "<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1000 1000] /FontMatrix [0.001 0 0 0.001 0 0] "
               f"/CharProcs << /g 4 0 R >> /Encoding << /Type /Encoding /Differences [1{' /g' * len(codes)}] >> "
               f"/FirstChar 1 /LastChar {len(codes)} /Widths [{' 1000' * len(codes)}] /ToUnicode 5 0 R >>",
               stream("1000 0 0 0 1000 1000 d1 0 0 1000 1000 re f"), stream(to_unicode)]
    forms = []
    for number, page in enumerate(pages):
        content = "".join(drawn(char, x - shift[0], y - shift[1], font) for char, x, y, font in page)
        form = 6 + 2 * len(pages) + number
        if actual_text:
            box = f"-{size[0]} -{size[1]} {size[0]} {size[1]}"
            forms.append(stream(content, f"/Type /XObject /Subtype /Form /BBox [{box}] /Resources << {fonts} >> "))
            content = f"q 1 0 0 1 {shift[0]} {shift[1]} cm /X1 Do Q"
        resources = f"/XObject << /X1 {form} 0 R >>" if actual_text else fonts
        objects += [f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {size[0]} {size[1]}] "
                    f"/Resources << {resources} >> /Contents {7 + 2 * number} 0 R >>", stream(content)]
    objects += forms
    pdf, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(pdf))
        pdf += f"{number} 0 obj\n{body}\nendobj\n".encode()
    table = "".join(f"{offset:010d} 00000 n \n" for offset in offsets)
    return pdf + (f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n{table}trailer << /Size {len(objects) + 1} "
                  f"/Root 1 0 R >>\nstartxref\n{len(pdf)}\n%%EOF\n").encode()


def _columns(*columns: tuple[str, int, float], right: float = 520.0, top: float = 780.0, pitch: float = 30.0,
             ) -> list[tuple[str, float, float, float]]:
    """Vertical writing: each (text, characters it starts down, size) a column, right to left, top to bottom."""
    return [(char, right - number * pitch, top - (down + index + 1) * size * 1.1, size)
            for number, (text, down, size) in enumerate(columns) for index, char in enumerate(text)]


# PDFium reads a page across or down as most of it looks to it: with the longer footer, across (each column then
# comes a character a line), with the shorter one down (the footer a character a line)
@pytest.mark.parametrize("footer, left", [("咨询电话：0536-1234567", 300), ("电话：8123456", 100)])
def test_a_page_in_vertical_writing_is_read_column_by_column_and_a_row_on_it_as_a_row(footer, left):
    raw = _pdf(_columns(("城南社区义诊通知", 0, 20),
                        ("为方便居民就近看病，社区卫生服务站定于本周", 2, 15),  # a column is 23 characters long
                        ("六上午在社区广场举办义诊，届时有内科、眼科医生", 0, 15),
                        ("坐诊，并免费测量血压。", 0, 15),
                        ("城南社区居民委员会", 14, 15), ("二〇二二年四月二十日", 13, 15))
               + [(char, left + index * 10, 60, 10) for index, char in enumerate(footer)])
    text = pdf_text(raw)
    assert text.split() == ["城南社区义诊通知",
                            "为方便居民就近看病，社区卫生服务站定于本周六上午在社区广场举办义诊，届时有内科、眼科医生"
                            "坐诊，并免费测量血压。",
                            "城南社区居民委员会", "二〇二二年四月二十日", footer]
    [article] = parse_page("notice", text).articles
    assert (article.title, article.published, article.publisher) == \
        ("城南社区义诊通知", datetime.date(2022, 4, 20), "城南社区居民委员会")


def test_a_column_beside_rows_reads_as_one_line_not_a_character_a_line():
    rows = "本周六上午城南社区卫生服务站在社区广场举办义诊活动，" * 2
    raw = _pdf([(char, 40 + index * 9, 700 - row * 16, 9) for row in range(10) for index, char in enumerate(rows)]
               + _columns(("城南社区义诊", 0, 12), right=560, top=500))
    assert pdf_text(raw).split()[-1] == "城南社区义诊"


def _row(text: str, bottom: float, size: float = 15.0, left: float = 72.0, pitch: float | None = None,
         ) -> list[tuple[str, float, float, float]]:
    return [(char, left + index * (pitch or size), bottom, size) for index, char in enumerate(text) if char != " "]


def test_a_joint_letterhead_printed_with_one_issuer_spaced_out_is_no_title():
    raw = _pdf(_row("某某市文化和旅游局", 760, 24, 150) + _row("某某市体育局", 725, 24, 150, pitch=48)
               + _row("某文旅发〔2023〕9号", 680, left=220) + _row("某某市文化和旅游局 某某市体育局", 640, left=170)
               + _row("关于举办2023年全民健身登山节的通知", 610, 18, 130) + _row("各区县文化和旅游局、体育局：", 570)
               + _row("为丰富群众文体生活，定于10月8日在云门山举办全民健身登山节，报名免费。", 550, left=102)
               + _row("某某市文化和旅游局", 480, left=300) + _row("2023年9月20日", 460, left=300))
    page = parse_page("notice", pdf_text(raw))
    [article] = page.articles
    assert (article.title, page.iso_date_of(article), page.publisher_of(article)) == (
        "某某市文化和旅游局 某某市体育局关于举办2023年全民健身登山节的通知", "2023-09-20", "某某市文化和旅游局")



SLIDE = (720, 405)  # a 16:9 slide exported to PDF


def _slides(footer: str, office: str = "") -> bytes:
    slides = [_row("餐饮油烟治理政策解读", 250, 28, 220) + _row(office, 180, 13, 250)] + [
        _row(heading, 340, 20, 60) + _row(text, 290, 13, 60) + _row(f"{footer} {number} / 3", 15, 8, 260)
        for number, (heading, text) in enumerate([
            ("一、哪些店要装净化器", "城区临街餐饮店应当安装油烟净化设施，并保持正常运行。"),
            ("二、怎样申请补贴", "每台净化器补贴购置费用的一半，最多三千元。")], 2)]
    return _pdf(*slides, size=SLIDE)


def test_the_organisation_a_slide_decks_running_footer_names_publishes_it_and_the_footer_is_no_text():
    text = pdf_text(_slides("某某区生态环境分局 · 2022年餐饮业培训"))
    page = parse_page("slides", text)
    [article] = page.articles
    assert (article.title, page.publisher_of(article), page.iso_date_of(article)) == \
        ("餐饮油烟治理政策解读", "某某区生态环境分局", "")
    assert not any(word in article.text for word in ("培训", "/ 3"))


def test_a_running_footer_without_an_issuer_or_over_a_text_naming_its_publisher_names_none():
    assert not parse_page("slides", pdf_text(_slides("2022年餐饮业培训"))).meta
    page = parse_page("slides", pdf_text(_slides("某某区生态环境分局 · 2022年餐饮业培训", "某某区城市管理局 市容科")))
    assert page.publisher_of(page.articles[0]) == "某某区城市管理局"  # the cover's office line


def _briefing(cover_day: str, closing: list[str] | None = None) -> bytes:
    """A deck for a residents' briefing: its cover's lines (title, organiser, speaker, the day it is given), then
    slides naming days of the year without it."""
    footer = "某某街道社区卫生服务中心 · 秋冬季疫苗接种"
    cover = (_row("秋冬季流感疫苗接种说明会", 300, 28, 100) + _row("某某街道社区卫生服务中心", 250, 15, 100)
             + _row("主讲：预防保健科 刘晓燕", 220, 13, 100) + _row(cover_day, 190, 13, 100))
    slides = [_bullets("一、什么时候打", "11月20日起每周二、周四上午接种", "65岁以上老人免费"),
              _bullets("二、带什么", "身份证和医保卡", *(closing or ["接种后留观30分钟"]))]
    return _pdf(cover, *(slide + _row(f"{footer} {number} / 3", 15, 8, 260) for number, slide in enumerate(slides, 2)),
                size=SLIDE)


@pytest.mark.parametrize("cover_day", ["2023年11月17日（周五）9:30　三楼会议室", "2023年11月17日 星期五",
                                       "2023年11月17日（星期五）下午2:30-4:00 社区活动中心"])
def test_the_day_a_slide_decks_cover_line_names_dates_it_and_stays_its_text(cover_day):
    page = parse_page("slides", pdf_text(_briefing(cover_day)))
    [article] = page.articles
    assert (page.iso_date_of(article), page.publisher_of(article)) == ("2023-11-17", "某某街道社区卫生服务中心")
    assert cover_day.replace("　", " ") in article.text  # the day and place of the briefing are facts of its text


def test_a_closing_dates_a_deck_over_its_covers_day():
    page = parse_page("slides", pdf_text(_briefing("2023年11月17日（周五）9:30", ["某某街道社区卫生服务中心",
                                                                                 "2023年11月10日"])))
    assert page.iso_date_of(page.articles[0]) == "2023-11-10"


def test_a_day_in_a_sentence_on_a_first_page_or_under_its_first_sentence_dates_nothing():
    raw = _pdf(_row("关于组织初二学生赴青岛研学的通知", 760, 18, 150) + _row("各位家长：", 720)
               + _row("学校定于2025年3月6日（周四）7:00出发，请学生提前到校。", 700, left=102)
               + _row("2025年3月6日（周四）7:00 学校东门", 680, left=102))
    page = parse_page("notice", pdf_text(raw))
    [article] = page.articles
    assert "date" not in page.meta
    assert "2025年3月6日（周四）7:00 学校东门" in article.text


WRAPPED = "起火后浓烟顺着楼道往上窜，几分钟内就能封住整栋楼的疏散通道，住在高层的居民常常还没来得及从楼梯"  # to x = 671
BOXED = "锂电池充满后继续充电，电池温度会不断"  # to the left box's edge, x = 294


def _bullets(heading: str, *bullets: str, top: float = 300) -> list[tuple[str, float, float, float]]:
    return _row(heading, 340, 20, 46) + [char for number, text in enumerate(bullets)
                                         for char in _row(text, top - 26 * number, 13, 60)]


def test_each_bullet_of_a_slide_is_a_paragraph_a_wrapped_one_goes_on_and_a_contents_slide_is_no_text():
    footer = "某某区消防救援大队 · 2024年消防安全宣传"
    slides = [_row("电动自行车安全充电指南", 250, 28, 100) + _row("某某区消防救援大队 防火科", 180, 13, 100)] + [
        slide + _row(f"{footer} {number} / 5", 15, 8, 260) for number, slide in enumerate([
            _bullets("目 录", "一、为什么不能进楼充电", "二、到哪里充电"),
            _bullets("一、为什么不能进楼充电", "电池过充容易起火", WRAPPED, "下楼",
                     "夜间充电无人看管，发现起火时往往已经晚了"),
            _bullets("二、到哪里充电", "小区集中充电棚", BOXED, "升高，直到起火", top=280)  # two boxes side by side
            + _row("充电棚开放时间", 280, 13, 380) + _row("每天6:00—23:00", 254, 13, 380),
            _bullets("谢谢观看", "火警电话：119", "充电桩位置可在“某某消防”公众号查询")], 2)]
    text = pdf_text(_pdf(*slides, size=SLIDE))
    assert [paragraph.strip() for paragraph in text.splitlines()[1:]] == [
        "某某区消防救援大队 防火科",
        "一、为什么不能进楼充电", "电池过充容易起火", WRAPPED + "下楼", "夜间充电无人看管，发现起火时往往已经晚了",
        "二、到哪里充电", "小区集中充电棚", BOXED + "升高，直到起火", "充电棚开放时间", "每天6:00—23:00",
        "谢谢观看", "火警电话：119", "充电桩位置可在“某某消防”公众号查询"]
    page = parse_page("slides", text)
    [article] = page.articles
    assert (article.title, page.publisher_of(article)) == ("电动自行车安全充电指南", "某某区消防救援大队")


def test_running_text_on_a_portrait_page_goes_on_where_its_right_margin_is_wider_than_its_left():
    lines = ["为做好冬季用电安全工作，街道将于本月组织电工入户检查老旧小区的", "线路和电表箱，请居民留人在家配合。"]
    text = pdf_text(_pdf(_row("关于入户检查用电线路的通知", 760, 18, 120) + _row(lines[0], 720, 13, 50)
                         + _row(lines[1], 700, 13, 50)))
    assert text.split() == ["关于入户检查用电线路的通知", "".join(lines)]  # the lines end at x = 466 of 595


LANDSCAPE = (842, 595)  # an A4 sheet turned: two A5 pages side by side, folded at x = 421
Rows = tuple[tuple[str, float], ...]
COVER: Rows = (("城西街道", 16), ("老年助餐服务指南", 24), ("城西街道办事处", 12))
INSIDE: tuple[Rows, Rows] = ((("一、谁可以用餐", 12), ("辖区内年满60周岁的老人均可在助餐点用餐。", 12)),
                             (("二、怎样订餐", 12), ("提前一天打电话订餐，午餐每份12元。", 12)))
BACK: Rows = (("订餐电话：0536-7654321", 12), ("城西街道办事处 印制", 12))
MORE: Rows = (("三、在哪里用餐", 12), ("助餐点设在城西街道社区服务中心一楼。", 12))


def _sheet(left: Rows, right: Rows, right_starts: float = 471) -> list[tuple[str, float, float, float]]:
    """A side of a sheet: the rows of its left and right half, each from the top down."""
    def half(rows: Rows, start: float) -> list[tuple[str, float, float, float]]:
        return [char for number, (text, size) in enumerate(rows)
                for char in _row(text, 520 - 40 * number, size, start)]

    return half(left, 50) + half(right, right_starts)


def _text(*panels: Rows) -> list[str]:
    return [text for rows in panels for text, _ in rows]


def _flat(*texts: str) -> str:
    """The characters in their order, wherever a paragraph or line breaks."""
    return "".join("".join(texts).split())


def test_a_booklet_printed_two_pages_to_a_side_is_read_from_its_cover_to_its_back_cover():
    text = pdf_text(_pdf(_sheet(BACK, COVER), _sheet(*INSIDE), size=LANDSCAPE))
    assert [paragraph.strip() for paragraph in text.splitlines()] == _text(COVER, *INSIDE, BACK)
    [article] = parse_page("leaflet", text).articles
    assert article.title == "城西街道老年助餐服务指南"


def test_a_booklet_of_two_sheets_is_read_in_the_order_they_are_folded_into():
    pages: list[Rows] = [(("社区垃圾分类手册", 24), ("城西街道办事处", 12), ("二〇二三年五月", 12))] + [
        ((kind, 15.0), (f"{kind}请投放到", 12.0), (f"标有{kind}的桶里。", 12.0))
        for kind in ("可回收物", "有害垃圾", "厨余垃圾", "其他垃圾", "大件垃圾", "装修垃圾", "园林垃圾")]
    sides = [(8, 1), (2, 7), (6, 3), (4, 5)]  # the pages on each side of the two sheets, left and right
    raw = _pdf(*(_sheet(pages[left - 1], pages[right - 1]) for left, right in sides), size=LANDSCAPE)
    assert _flat(pdf_text(raw)) == _flat(*_text(*pages))


@pytest.mark.parametrize("sides, order", [
    ([(BACK, COVER), INSIDE, (MORE, ())], [BACK, COVER, *INSIDE, MORE]),  # an odd number of pages
    ([(COVER, BACK), INSIDE], [COVER, BACK, *INSIDE]),  # a two-column article, its title heading the first column
])
def test_landscape_pages_that_are_no_booklet_keep_their_order(sides, order):
    assert _flat(pdf_text(_pdf(*(_sheet(*side) for side in sides), size=LANDSCAPE))) == _flat(*_text(*order))


@pytest.mark.parametrize("sides", [
    [_sheet(BACK, COVER), _sheet(*INSIDE) + _row("三、助餐点设在城西街道社区服务中心一楼", 320, 12, 300)],
    [_sheet(BACK, COVER, right_starts=430), _sheet(*INSIDE, right_starts=430)],  # the right half starts at the fold
])
def test_landscape_pages_with_text_across_or_near_the_middle_are_no_booklet(sides):
    assert _flat(pdf_text(_pdf(*sides, size=LANDSCAPE))).startswith(_flat(*_text(BACK)))


# a tri-fold leaflet on A4 turned: three panels a side, folded at x = 281 and x = 561
LEAFLET_FLAP: Rows = (("常见问题", 14), ("问：借书要交押金吗？", 12), ("答：凭读者证借书，不收", 12), ("押金。", 12))
LEAFLET_BACK: Rows = (("电话：2345678", 12), ("城北区图书馆 2024年3月印制", 9))
LEAFLET_COVER: Rows = (("城北区图书馆", 16), ("少儿读者借阅指南", 24), ("城北区文化和旅游局", 12))
LEAFLET_INSIDE: tuple[Rows, Rows, Rows] = (
    (("一、谁可以办证", 14), ("年满6周岁的少儿", 12), ("可由家长陪同办证。", 12)),
    (("二、能借多少本", 14), ("每证可借少儿图书", 12), ("8册，借期45天。", 12)),
    (("三、开放时间", 14), ("周二至周日", 12), ("9:00—17:30开放。", 12)))


def _trifold(*panels: Rows) -> list[tuple[str, float, float, float]]:
    """A side of a tri-fold leaflet: the rows of its left, middle and right panel, each from the top down."""
    return [char for rows, start in zip(panels, (40, 321, 602), strict=True)
            for number, (text, size) in enumerate(rows) for char in _row(text, 520 - 40 * number, size, start)]


def test_a_tri_fold_leaflet_is_read_from_its_cover_panel_and_titled_by_it():
    raw = _pdf(_trifold(LEAFLET_FLAP, LEAFLET_BACK, LEAFLET_COVER), _trifold(*LEAFLET_INSIDE), size=LANDSCAPE)
    text = pdf_text(raw)
    assert _flat(text) == _flat(*_text(LEAFLET_COVER, *LEAFLET_INSIDE, LEAFLET_FLAP, LEAFLET_BACK))
    page = parse_page("leaflet", text)
    [article] = page.articles
    assert (article.title, page.month_of(article), page.publisher_of(article)) == (
        "城北区图书馆少儿读者借阅指南", "2024-03", "城北区图书馆")  # its back's 印制 line: the existing foot rule


@pytest.mark.parametrize("sides, first", [
    # a three-column article: its title, in the largest print, heads its left column
    ([_trifold(LEAFLET_COVER, LEAFLET_FLAP, LEAFLET_BACK), _trifold(*LEAFLET_INSIDE)], "城北区图书馆"),
    # the right panel in no larger print than the others
    ([_trifold((("常见问题", 24), *LEAFLET_FLAP[1:]), LEAFLET_BACK, LEAFLET_COVER), _trifold(*LEAFLET_INSIDE)],
     "常见问题"),
    # a line across a fold
    ([_trifold(LEAFLET_FLAP, LEAFLET_BACK, LEAFLET_COVER) + _row("少儿阅览室设在二楼东侧", 300, 12, 230),
      _trifold(*LEAFLET_INSIDE)], "常见问题"),
    # one page alone
    ([_trifold(LEAFLET_FLAP, LEAFLET_BACK, LEAFLET_COVER)], "常见问题"),
])
def test_landscape_pages_in_three_columns_that_are_no_leaflet_keep_their_order(sides, first):
    assert pdf_text(_pdf(*sides, size=LANDSCAPE)).split()[0] == first


SWIM_FLAP: Rows = (("报名问答", 14), ("问：几岁可以报名？", 12), ("答：年满七周岁。", 12))
SWIM_BACK: Rows = (("电话：3456789", 12), ("城南区全民健身中心 2024年5月印", 9))
SWIM_COVER: Rows = (("城南区全民健身中心", 16), ("青少年游泳培训指南", 24), ("城南区体育局", 12))


@pytest.mark.parametrize("actual_text", ["", "泳训"])
def test_a_leaflets_print_line_dates_it_to_its_month_and_a_glyph_pdfium_misplaces_is_put_back(actual_text):
    """The back's "某某中心 2024年5月印" dates the leaflet to May. Drawn as Chrome draws text under an opacity (a form
    XObject) with glyphs marked by their ActualText, PDFium boxes those glyphs off their line (in the form's own
    space, here across a fold): they are put back, and the leaflet is still read from its cover, which titles it."""
    raw = _pdf(_trifold(SWIM_FLAP, SWIM_BACK, SWIM_COVER), _trifold(*LEAFLET_INSIDE), size=LANDSCAPE,
               actual_text=actual_text)
    text = pdf_text(raw)
    assert _flat(text) == _flat(*_text(SWIM_COVER, *LEAFLET_INSIDE, SWIM_FLAP, SWIM_BACK))
    page = parse_page("leaflet", text)
    [article] = page.articles
    assert (article.title, page.month_of(article), page.publisher_of(article)) == (
        "城南区全民健身中心青少年游泳培训指南", "2024-05", "城南区全民健身中心")


def _table_row(bottom: float, *cells: tuple[str, float, int]) -> list[tuple[str, float, float, float]]:
    """A row of a bordered table, 12 points, each cell (text, left, characters a line) wrapped onto lines of its own."""
    return [glyph for text, left, wide in cells for number in range(0, len(text), wide)
            for glyph in _row(text[number:number + wide], bottom - number // wide * 18, 12, left)]


def test_a_table_cells_text_wrapped_onto_the_next_lines_goes_on_and_each_row_is_a_paragraph():
    raw = _pdf(_row("犬只免疫问答", 780, 18, 220)
               + _table_row(740, ("序号", 60, 2), ("问题", 130, 2), ("解答", 340, 2))
               + _table_row(710, ("1", 70, 2), ("犬只一年要打几次疫苗？", 100, 11),
                            ("每年打一次狂犬病疫苗，在全区十四家动物诊疗机构均可接种，周六照常开诊。", 250, 20))
               + _table_row(640, ("2", 70, 2), ("要带什么材料？", 100, 11),
                            ("带上犬只登记证和上一年的免疫证明，没有证明的先做抗体检测再接种。", 250, 20))
               + _table_row(570, ("3", 70, 2), ("打疫苗收费吗？", 100, 11), ("免费接种，只收十元证件工本费。", 250, 20))
               + _table_row(550, ("4", 70, 2), ("外地犬只能在本区打疫苗吗？", 100, 7),  # PDFium: the question first
                            ("可以，凭犬只登记证到任一诊疗机构接种。", 250, 20))
               + _row("某某区农业农村局", 490, 12, 250) + _row("某某区畜牧兽医站", 490, 12, 400)  # a closing…
               + _row("2022年3月1日", 472, 12, 389))  # …its date under the second issuer, nearly a character left
    assert pdf_text(raw).splitlines()[1:] == ["　　" + text for text in (  # under its header row: _table
        "犬只一年要打几次疫苗？：解答每年打一次狂犬病疫苗，在全区十四家动物诊疗机构均可接种，周六照常开诊。",
        "要带什么材料？：解答带上犬只登记证和上一年的免疫证明，没有证明的先做抗体检测再接种。",
        "打疫苗收费吗？：解答免费接种，只收十元证件工本费。",
        "外地犬只能在本区打疫苗吗？：解答可以，凭犬只登记证到任一诊疗机构接种。",
        "某某区农业农村局 某某区畜牧兽医站", "2022年3月1日")]


def _cells(bottom: float, *cells: tuple[str, float]) -> list[tuple[str, float, float, float]]:
    """A line of a table's cells, 12 points, each (text, left) where it starts."""
    return [glyph for text, left in cells for glyph in _row(text, bottom, 12, left)]


def test_a_grids_rows_under_a_header_row_of_labels_are_said_as_sentences():
    raw = _pdf(_row("青禾社区2026年寒假书法公益课安排", 780, 18, 150)
               + _row("寒假期间社区活动中心开设书法公益课，每期十次课，请家长按期次报名。", 750, 12, 72)
               # the header's labels centred over their columns, the rows' cells left aligned
               + _cells(720, ("班次", 72), ("上课日期", 182), ("上课时间", 336), ("授课老师", 444), ("名额", 516))
               + _cells(700, ("甲班", 78), ("1月19日至1月30日", 140), ("8:30—10:00", 300), ("周明远", 450),
                        ("40人", 510))
               + _cells(680, ("乙班", 78), ("2月2日至2月13日", 140), ("14:00—15:30", 300), ("45人", 510))  # no teacher
               + _cells(660, ("丙班", 78), ("2月23日至3月6日", 140), ("18:30—20:00", 300), ("许清和", 450),
                        ("30人", 510))
               + _cells(646, ("（周末停课）", 140))  # its date's cell wrapped
               + _row("报名请到社区活动中心二楼服务台登记，额满为止。", 610, 12, 72))
    assert pdf_text(raw).splitlines()[2:] == ["　　" + text for text in (
        "甲班：上课日期1月19日至1月30日，上课时间8:30—10:00，授课老师周明远，名额40人。",
        "乙班：上课日期2月2日至2月13日，上课时间14:00—15:30，名额45人。",
        "丙班：上课日期2月23日至3月6日（周末停课），上课时间18:30—20:00，授课老师许清和，名额30人。",
        "报名请到社区活动中心二楼服务台登记，额满为止。")]


@pytest.mark.parametrize("lines", [
    # two columns of running text side by side under their headings: a sentence goes on in the next line
    [[("活动回顾", 72), ("下月预告", 320)],
     [("上周六，社区志愿者在中心广场为", 72), ("下月初社区将举办邻里美食节，欢", 320)],
     [("老人义务理发，共服务八十多人，", 72), ("迎居民带上拿手菜参加，报名截止", 320)],
     [("还帮二十户家庭修好了小家电。", 72), ("到本月二十五日。", 320)]],
    # a caption beside a QR code over the issuer's credit line
    [[("扫码预约就餐", 120), ("关注“青禾社区”", 240)], [("青禾社区居委会", 110), ("2024年5月印制", 240)]],
    # a form's letter-spaced labels beside their values
    [[("姓", 72), ("名", 108), ("李青禾", 160)], [("性", 72), ("别", 108), ("女", 160)]],
])
def test_lines_apart_by_wide_spaces_under_no_header_of_labels_are_no_table(lines):
    raw = _pdf(_row("青禾社区老年食堂就餐须知", 780, 18, 180)
               + _row("老年食堂每天中午十一点开餐，六十五岁以上老人凭老年卡就餐，每餐八元。", 740, 12, 72)
               + [glyph for number, cells in enumerate(lines) for glyph in _cells(700 - 16 * number, *cells)])
    assert pdf_text(raw).splitlines()[2:] == ["　　" + " ".join(text for text, _ in cells) for cells in lines]


def _list_page(*items: tuple[str, ...]) -> bytes:
    """A web page printed to PDF, 12 points a line of 38 characters: a paragraph, then a numbered list whose item's
    further lines (each given) stand under the item's text, not under its number, a hanging indent."""
    rows = [_row("青禾图书馆少儿阅览室", 780, 18, 200),
            _row("暑假期间少儿阅览室调整开放安排，读者可凭借阅证入室阅读，也可以在网上预约自习", 740, 12, 72),
            _row("座位，每人每天限约一次，预约后半小时内仍未到的座位将自动释放给其他读者，请按", 722, 12, 72),
            _row("时入座，现将有关事项告知如下。", 704, 12, 72)]
    bottom = 682.0
    for item in items:
        for number, text in enumerate(item):  # "2." stands two characters wide: its text starts at 72 + 24
            rows.append(_row(text, bottom, 12, 72 if number == 0 else 96))
            bottom -= 18
    return _pdf(*[[glyph for row in rows for glyph in row]])


def test_a_list_items_line_wrapped_under_its_text_goes_on_but_a_short_items_next_line_or_a_sub_item_does_not():
    raw = _list_page(("1.开放时间为每周二至周日9:00—17:00，周一闭馆，每周六晚间另外延长", "至19:30，寒暑假照常开放。"),
                     ("2.读者在阅览室内请保持安静，勿饮食。",),
                     ("3.预约座位请关注公众号：", "青禾少儿书房"))
    assert pdf_text(raw).splitlines()[2:] == ["　　" + text for text in (
        "1.开放时间为每周二至周日9:00—17:00，周一闭馆，每周六晚间另外延长至19:30，寒暑假照常开放。",
        "2.读者在阅览室内请保持安静，勿饮食。", "3.预约座位请关注公众号：", "青禾少儿书房")]
    sub_item = ("4.寒暑假期间另设亲子共读专区，家长可带十二岁以下儿童入内，并须遵守下列两条",
                "（1）每位家长限带两名儿童。")
    assert pdf_text(_list_page(sub_item)).splitlines()[2:] == ["　　" + text for text in sub_item]
