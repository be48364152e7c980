"""Word (.docx) and PDF files as the text a careful reader copies out of them, for the pasted-text reader.

A paragraph is written on a line of its own, opened by a paragraph indent ("　　") wherever the file shows that a
new paragraph starts: the page splitter then keeps it apart, and joins only the lines a page or column broke.
Tables of a Word file are said row by row as sentences (text.row_sentence); how a PDF's lines become
paragraphs is kb/pdf_layout.py. HTML that a Word file holds as a part of its own is read by the importer's web page
reader, handed in.
"""
from __future__ import annotations

import io
import logging
import re
import zipfile
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import docx
import jieba.posseg as posseg
import pypdfium2
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import nsmap, qn
from docx.table import Table, _Cell
from lxml import etree

from .mail import archived_page
from .page import front_matter, parse_page, split_front_matter
from .pdf_layout import (
    Line,
    in_reading_order,
    page_lines,
    paragraphs,
    running_lines,
    slides_read,
    without_running_lines,
)
from .text import HAN, PARAGRAPH_START, ends_sentence, is_label, row_sentence, said_han, sentences
from .web_layout import SEAL_MARK, is_issuer, read_cover_day

_MAX_UNPACKED_BYTES = 50 * 1024 * 1024
_MAX_PDF_PAGES = 300
_BROKEN_PARAGRAPH_CHARS = 30  # a longer Word paragraph that ends mid-sentence was broken by hand: join the next
_NOTE_MARK = re.compile(r"[*＊†\d①-⑳¹²³]{1,3}")
_LABEL_ROW_CELLS = (2, 4)       # a table of labels: "label | value" or "label | value | label | value" a row
# A signature table: a party's name, signature and day in each column ("承诺人：孙某 / 日期：…", "某某物业（盖章）"),
# read party by party; its cells are filled fields or seals, none a header's label ("领取人（签字）" over a roster)
_SEAL = re.compile(rf"{SEAL_MARK}\s*$")
_FILLED = re.compile(r"\S[：:]\s*\S")
_AFTER_NOTE_MARK = re.compile(r"[\u4e00-\u9fff。，、；：）”」]$")
_OFF = ("0", "false", "off")  # a toggle property's value that turns it off (ECMA-376 ST_OnOff)
_RUN_TEXT = frozenset(qn(tag) for tag in ("w:t", "w:tab", "w:br", "w:cr"))
# A caption names what a picture shows or asks the reader to scan a code ("扫描二维码关注"): one line under it, and a
# picture beside running text is at most half the text column, some 20 characters of body print (A4's column holds
# 39): a text box saying more in sentences than that holds content of its own.
_CAPTION_HAN = 20
_NAMESPACES = {"w": nsmap["w"], "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006"}
# A text box is written twice, as a DrawingML shape (mc:Choice) and as VML for older readers (mc:Fallback).
_BOXES = etree.XPath(".//w:txbxContent[not(ancestor::mc:Fallback)][count(ancestor::w:txbxContent) = $depth]",
                     namespaces=_NAMESPACES)
_BOX_TEXT = etree.XPath(".//w:t[ancestor::w:txbxContent][not(ancestor::mc:Fallback)]/text()", namespaces=_NAMESPACES)
_TEXT_OUTSIDE_BOXES = etree.XPath(".//w:t[not(ancestor::w:txbxContent)]/text()", namespaces=_NAMESPACES)
_DEPTH = etree.XPath("count(ancestor::w:txbxContent)", namespaces=_NAMESPACES)
_RUNS = etree.XPath(".//w:r[count(ancestor::w:txbxContent) = $depth]", namespaces=_NAMESPACES)
_STYLED_RUNS = etree.XPath(".//w:r[w:rPr/w:rStyle]", namespaces=_NAMESPACES)
_PARAGRAPHS = etree.XPath(".//w:p[count(ancestor::w:txbxContent) = $depth]", namespaces=_NAMESPACES)
# An HTML part put in with w:altChunk (html-docx-js, an office system's export): a page, or a web archive (.mht)
_WEB_ARCHIVE_TYPES = frozenset({"message/rfc822", "application/x-mimearchive", "multipart/related"})
WebPage = Callable[[bytes, str | None], str]  # a page's bytes and charset → its text page (front matter, paragraphs)
log = logging.getLogger(__name__)


class UnreadableDocument(Exception):
    """A Word or PDF file that cannot be opened, read or imported, or gives no text; the message is for the user."""


def docx_text(raw: bytes, web_page: WebPage | None = None) -> str:
    """The paragraphs and tables of a Word file's body, in order, also inside content controls (a cover page),
    insertions, fields and links; page headers (whose day dates, and whose organisation publishes, a body naming
    none), footers and deleted text are left out, and so are text boxes beside the text that are captions or repeat
    it (all are read where the file is laid out in them). An HTML part (w:altChunk) is read by web_page (none read
    without it) where it stands, its title a paragraph; a file that is that part alone is its text page, date and
    publisher kept."""
    document = _opened(raw)
    lines: list[str] = []
    pages: list[str] = []  # of the HTML parts
    body = document.element.body
    for block in _blocks(body, _box_reading(body)):
        if block.tag == qn("w:p"):
            for text in _paragraph_text(block).split("\n"):  # a line break inside a paragraph
                lines.append(text if _continues(lines, text) else PARAGRAPH_START + text.strip())
        elif block.tag == qn("w:tbl"):
            lines += [PARAGRAPH_START + line for line in _table_lines(Table(block, document))]
        elif web_page:
            pages.append(_part_page(document, block, web_page))
            lines += _page_lines(pages[-1])
    lines = [line for line in lines if line.strip()]
    if len(pages) == 1 and lines == _page_lines(pages[0]):  # nothing besides the part
        return _with_text(pages[0].rstrip("\n"), "Word 文件")
    parts = _header_parts(document)
    return _with_front_matter(_with_text("\n".join(lines), "Word 文件"), _header_issuer(parts), _header_day(parts))


def _header_parts(document: docx.document.Document) -> list[str]:
    """The parts of the first page's own header (when it has one), then of the header every page has, set apart by
    spaces, tabs or bars ("某某公司　人事文件　编号：…"); none of a header saying a sentence."""
    section = document.sections[0] if document.sections else None
    if section is None:
        return []
    headers = [section.first_page_header] if section.different_first_page_header_footer else []
    texts = [paragraph.text for header in [*headers, section.header] if not header.is_linked_to_previous
             for paragraph in header.paragraphs]
    return [part for text in texts if not ends_sentence(text) for part in re.split(r"\s+|[|｜·•]", text)]


def _header_issuer(parts: list[str]) -> str:
    """The organisation a header opens with ("某某有限公司　人力资源管理文件　编号：…"), which publishes a text naming
    none, as a PDF's running head does; not a slogan that ends like one ("构建和谐社会", "办人民满意的学校", "致某某局",
    "第五届某某运动会"): a verb's or a number's phrase."""
    first = next(filter(None, parts), "")
    return first if is_issuer(first) and not _PHRASE_OPENING.match(posseg.lcut(first)[0].flag) else ""


def _header_day(parts: list[str]) -> date | None:
    """The full date the header names as one of its parts ("某某社区报　2024年第5期　2024年5月20日"): a newspaper's or
    bulletin's running head dates its issue. A header of a file number, a page number or a logo, a labelled day
    ("打印日期：…") or a date in a sentence dates nothing."""
    return next(filter(None, (read_cover_day([part]) for part in parts)), None)


_PHRASE_OPENING = re.compile(r"[vmpdc]")  # jieba's tags of verbs, numerals, prepositions, adverbs, conjunctions


def _opened(raw: bytes) -> docx.document.Document:
    try:
        unpacked = sum(member.file_size for member in zipfile.ZipFile(io.BytesIO(raw)).infolist())
        if unpacked > _MAX_UNPACKED_BYTES:  # a few MB that unpack to gigabytes of XML would stall the import
            raise UnreadableDocument(f"Word 文件解压后超过 {_MAX_UNPACKED_BYTES // (1024 * 1024)} MB，无法导入")
        return _with_styled_hiding(docx.Document(io.BytesIO(raw)))
    except (zipfile.BadZipFile, KeyError, ValueError, PackageNotFoundError, etree.XMLSyntaxError) as error:
        raise UnreadableDocument(f"Word 文件无法打开（不是 .docx 格式或已损坏：{type(error).__name__}）") from None


def _with_styled_hiding(document: docx.document.Document) -> docx.document.Document:
    """The document with a run set in a hidden character style (its w:vanish, or the style's it is based on) hidden
    on the run itself, where _paragraph_text looks."""
    hidden = {style.style_id for style in document.styles if style.type == WD_STYLE_TYPE.CHARACTER and _hides(style)}
    for run in _STYLED_RUNS(document.element.body) if hidden else ():
        properties = run.find(qn("w:rPr"))
        if properties.find(qn("w:rStyle")).get(qn("w:val")) in hidden and properties.find(qn("w:vanish")) is None:
            properties.append(etree.Element(qn("w:vanish")))
    return document


def _hides(style: Any) -> bool:  # a character style
    """Whether text in the style is hidden: its own w:vanish, else its base style's (a chain that comes back to a
    style, as a broken file may hold, ends there)."""
    seen = set()
    while style is not None and style.style_id not in seen:
        if style.font.hidden is not None:
            return bool(style.font.hidden)
        seen.add(style.style_id)
        style = style.base_style
    return False


def _part_page(document: docx.document.Document, chunk: Any, web_page: WebPage) -> str:  # chunk: a w:altChunk
    """The text page of the HTML part an altChunk element puts in; "" for another kind of part (RTF, text)."""
    part = document.part.related_parts.get(chunk.get(qn("r:id")))
    if part is None:
        return ""
    if part.content_type in _WEB_ARCHIVE_TYPES:
        return web_page(*archived_page(part.blob))
    if part.content_type == "text/html":
        return web_page(part.blob, None)
    log.warning("Word 文件中一个 %s 内容块未能读取（只读取网页内容块），其中的文字没有导入", part.content_type)
    return ""


def _page_lines(page: str) -> list[str]:
    """A text page's title and paragraphs as a Word file's paragraphs."""
    meta, body = split_front_matter(page)
    return [PARAGRAPH_START + line.strip() for line in (meta.get("title", ""), *body.splitlines()) if line.strip()]


def _box_reading(body: Any) -> Callable[[Any], bool]:
    """Which text boxes (w:txbxContent) are read: all of a file laid out in them, else those holding content of
    their own."""
    if _laid_out_in_boxes(body):
        return lambda box: True
    running_text = _bare("".join(_TEXT_OUTSIDE_BOXES(body)))
    return lambda box: _holds_content(box, running_text)


def _laid_out_in_boxes(body: Any) -> bool:
    """A poster or flyer: more of its text stands in text boxes than outside them."""
    return len("".join(_BOX_TEXT(body)).strip()) > len("".join(_TEXT_OUTSIDE_BOXES(body)).strip())


def _holds_content(box: Any, running_text: str) -> bool:
    """A box beside running text that says more in sentences of its own than a caption does (a heading "报名条件"
    over the conditions, an event's day and place set apart); not a caption or call-out ("扫码关注…" by a QR code),
    nor a pull quote whose sentences the running text (bare) says already."""
    said = [sentence for paragraph in _PARAGRAPHS(box, depth=_DEPTH(box) + 1)
            for sentence in sentences(_paragraph_text(paragraph))
            if _bare(sentence) not in running_text]
    return said_han(said) > _CAPTION_HAN


def _bare(text: str) -> str:
    """Text without punctuation or spaces, to find a sentence quoted in other marks ("“…全部免费。”")."""
    return re.sub(r"[\W_]+", "", text)


def _blocks(element: Any, reads_box: Callable[[Any], bool]) -> Iterator[Any]:  # the document body or a text box
    """Its paragraphs, tables and HTML parts, those inside a content control ("w:sdt") in their place; the text
    boxes anchored in a paragraph that reads_box follow it, each once."""
    for child in element:
        frames = _frame_cells(child) if child.tag == qn("w:tbl") else []
        if frames:  # a table of one column draws borders round what it holds: that is read as the body is
            for frame in frames:
                yield from _blocks(frame, reads_box)
        elif child.tag in (qn("w:p"), qn("w:tbl"), qn("w:altChunk")):
            yield child
            if child.tag == qn("w:p"):
                for box in _BOXES(child, depth=_DEPTH(child)):  # not those in the boxes it holds: they follow theirs
                    if reads_box(box):
                        yield from _blocks(box, reads_box)
        elif child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            yield from _blocks(content if content is not None else [], reads_box)


_CARD_PARAGRAPHS = 2


def _frame_cells(table: Any) -> list[Any]:  # a w:tbl element
    """The cells of a table of one column (a sign's or notice's border, cards printed one under another), a card of
    several paragraphs that an earlier cell holds left out (a cut-out card printed twice on a sheet is read once; a
    list's repeated name or "是" stays); [] for any other table."""
    rows = [row.findall(qn("w:tc")) for row in table.findall(qn("w:tr"))]
    if not rows or any(len(cells) != 1 for cells in rows):
        return []
    texts = [_bare("".join(cell.itertext())) for [cell] in rows]
    return [cell for n, [cell] in enumerate(rows)
            if texts[n] not in texts[:n] or len(cell.findall(qn("w:p"))) < _CARD_PARAGRAPHS]


def _paragraph_text(paragraph: Any) -> str:  # a w:p element
    """Its runs' text wherever they stand (links, insertions, fields, smart tags; not in a text box it anchors),
    without a note's mark set in superscript after Chinese text or first ("…的通告*", "*稿件来源"; "4m²" keeps
    its ²), and without hidden text (w:vanish: Word neither shows nor prints it, as an internal price beside the
    public one)."""
    text = ""
    for run in _RUNS(paragraph, depth=_DEPTH(paragraph)):
        hidden = run.find(f"{qn('w:rPr')}/{qn('w:vanish')}")
        if hidden is not None and hidden.get(qn("w:val"), "true") not in _OFF:
            continue
        said = "".join("\t" if part.tag == qn("w:tab") else "\n" if part.tag in (qn("w:br"), qn("w:cr"))
                       else part.text or "" for part in run if part.tag in _RUN_TEXT)
        raised = run.find(f"{qn('w:rPr')}/{qn('w:vertAlign')}")
        if raised is not None and raised.get(qn("w:val")) == "superscript" and _NOTE_MARK.fullmatch(said.strip()) \
                and (_AFTER_NOTE_MARK.search(text) or not text.strip()):
            continue
        text += said
    return text


def _continues(lines: list[str], text: str) -> bool:
    """A Word paragraph that goes on with the sentence the paragraph before it broke off (text pasted from a PDF)."""
    previous = lines[-1].strip() if lines else ""
    return len(previous) > _BROKEN_PARAGRAPH_CHARS and not ends_sentence(previous) and not previous.endswith("：") \
        and bool(text.strip())


def _table_lines(table: Table) -> list[str]:
    # a cell holding a seal's mark alone ("（盖章）" beside a name and day) is empty: the seal is a picture
    rows = [row for row in (["" if _SEAL.fullmatch(c) else c for c in _distinct_cells(row.cells)] for row in table.rows)
            if any(row)]
    caption = [rows.pop(0)[0]] if len(rows) > 2 and len(rows[0]) == 1 else []  # a title row merged across
    if not rows:
        return caption
    if all(len(row) in _LABEL_ROW_CELLS and all(is_label(label) for label in row[::2]) for row in rows):
        return caption + [f"{label}：{value}" for row in rows
                          for label, value in zip(row[::2], row[1::2], strict=True) if value]
    widths = {len(row) for row in rows}
    cells = [cell for row in rows for cell in row if cell]
    if len(widths) == 1 and any(map(_SEAL.search, cells)) and all(_SEAL.search(c) or _FILLED.search(c) for c in cells):
        return caption + [cell for column in zip(*rows, strict=True) for cell in column if cell]
    if len(rows) > 1 and widths == {len(rows[0])} and len(rows[0]) > 1 and not re.search(r"\d", "".join(rows[0])):
        return caption + [row_sentence(rows[0], row) for row in rows[1:]]
    return caption + ["　".join(cell for cell in row if cell) for row in rows]


def _distinct_cells(cells: list[_Cell]) -> list[str]:
    """A row's cell texts, a table inside a cell included; a merged cell, which python-docx gives once per grid
    column, counts once."""
    distinct: list[_Cell] = []
    for cell in cells:
        if not distinct or cell is not distinct[-1]:
            distinct.append(cell)
    return [" ".join(" ".join(map(_paragraph_text, _PARAGRAPHS(cell._tc, depth=_DEPTH(cell._tc)))).split())
            for cell in distinct]


def pdf_text(raw: bytes) -> str:
    """A PDF's text, its paragraphs mended from where its lines stand on the page (kb/pdf_layout.py)."""
    try:
        document = pypdfium2.PdfDocument(raw)
    except pypdfium2.PdfiumError as error:
        raise UnreadableDocument(f"PDF 文件无法打开（已损坏或加密：{error}）") from None
    try:
        if len(document) > _MAX_PDF_PAGES:
            raise UnreadableDocument(f"PDF 文件有 {len(document)} 页，超过 {_MAX_PDF_PAGES} 页的上限，请拆分后再添加")
        loaded = [document[number] for number in range(len(document))]
        pages = [page_lines(page) for page in loaded]
        sizes = [page.get_size() for page in loaded]
    except pypdfium2.PdfiumError as error:  # a page that does not load
        raise UnreadableDocument(f"PDF 文件已损坏，无法读取（{error}）") from None
    finally:
        document.close()
    pages = in_reading_order(pages, sizes)
    kept, wraps = slides_read(without_running_lines(pages), sizes)
    body = [line for lines in kept for line in lines]
    text = _with_text("\n".join(PARAGRAPH_START + paragraph for paragraph in paragraphs(body, wraps)), "PDF 文件")
    cover = paragraphs(kept[0], wraps) if kept else []
    return _with_front_matter(text, _running_issuer(running_lines(pages)), read_cover_day(cover))


def _running_issuer(running: list[list[Line]]) -> str:
    """The organisation a running head or footer names ("某某局 · 某某培训　3 / 12" on a slide deck's pages)."""
    return next((part for lines in running for line in lines for part in re.split(r"\s*[·•|｜]\s*|\s+", line.text)
                 if is_issuer(part)), "")


def _with_front_matter(text: str, issuer: str, cover_day: date | None) -> str:
    """The text, under a front matter naming what the text itself does not: the running lines' issuer as its
    publisher, the day its first page's cover line names ("2024年4月12日（周五）15:30　学校报告厅", which its weekday
    and place keep from reading as a dateline) or its page header does as its date when no dateline, closing or
    version line dates it."""
    page = parse_page("document", text) if issuer or cover_day else None
    if page is None:
        return text
    meta: dict[str, str] = {}
    if issuer and not any(page.publisher_of(article) for article in page.articles):
        meta["publisher"] = issuer
    if cover_day and not any(page.published_on(article) or page.month_of(article) for article in page.articles):
        meta["date"] = cover_day.isoformat()
    return front_matter(meta) + text if meta else text


def _with_text(text: str, kind: str) -> str:
    if not re.search(HAN, text):
        raise UnreadableDocument(f"{kind}里没有可提取的中文文字（可能是扫描件或图片），请提供文字版文件或网页")
    return text + "\n"
