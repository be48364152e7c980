"""Word (.docx) and PDF files as the text a careful reader copies out of them, for the pasted-text reader.

A paragraph is written on a line of its own, opened by a paragraph indent ("　　") wherever the file shows that a
new paragraph starts: the page splitter then keeps it apart, and joins only the lines a page or column broke.
Tables of a Word file are said row by row as sentences (text.row_sentence). What a printout repeats on every
page (running heads, page numbers, the printing browser's date, title and address) is no text.
"""
from __future__ import annotations

import io
import itertools
import re
import statistics
import zipfile
from collections import Counter
from dataclasses import dataclass

import docx
import pypdfium2
import pypdfium2.raw as pdfium_c
from docx.table import Table
from docx.text.paragraph import Paragraph

from .text import HAN, ends_sentence, row_sentence, starts_item

PARAGRAPH_START = "\u3000\u3000"
_BROKEN_PARAGRAPH_CHARS = 30  # a longer Word paragraph that ends mid-sentence was broken by hand: join the next
_LABEL_CHARS = 8               # "发文机关", "成文日期": a label/value table's labels are this short
_COLUMN_CHARS = 8              # a column of text is at least this many characters wide
_RUNNING_LINES = 2             # running heads and page numbers stand among the first or last lines of a page
_PAGE_COUNT = re.compile(r"^(?:第?\s*\d{1,3}\s*页?\s*(?:[/／]|共)\s*\d{1,3}\s*页?|[-—－–]?\s*\d{1,3}\s*[-—－–]?"
                         r"|Page\s+\d{1,3}(?:\s+of\s+\d{1,3})?)$", re.IGNORECASE)
_ADDRESS_LINE = re.compile(r"^(?:file|https?)://\S*(?:\s+\d{1,3}\s*/\s*\d{1,3})?$")  # a browser's footer
_CLOCK = re.compile(r"\d{1,2}:\d{2}")
_ITEM_NUMBER = re.compile(r"^(?:\d{1,2}[.．、]|[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)$")


class UnreadableDocument(Exception):
    """A Word or PDF file that gives no text; the message is for the user."""


def docx_text(raw: bytes) -> str:
    """The paragraphs and tables of a Word file's body, in order (headers, footers and text boxes are left out)."""
    try:
        document = docx.Document(io.BytesIO(raw))
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise UnreadableDocument(f"Word 文件无法打开（不是 .docx 格式或已损坏：{type(error).__name__}）") from None
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            for text in block.text.split("\n"):  # a line break inside a paragraph
                lines.append(text if _continues(lines, text) else PARAGRAPH_START + text.strip())
        elif isinstance(block, Table):
            lines += [PARAGRAPH_START + line for line in _table_lines(block)]
    return _with_text("\n".join(line for line in lines if line.strip()), "Word 文件")


def _continues(lines: list[str], text: str) -> bool:
    """A Word paragraph that goes on with the sentence the paragraph before it broke off (text pasted from a PDF)."""
    previous = lines[-1].strip() if lines else ""
    return len(previous) > _BROKEN_PARAGRAPH_CHARS and not ends_sentence(previous) and not previous.endswith("：") \
        and bool(text.strip())


def _table_lines(table: Table) -> list[str]:
    rows = [_distinct_cells(row.cells) for row in table.rows]
    rows = [row for row in rows if any(row)]
    if not rows:
        return []
    if all(len(row) in (2, 4) and all(_is_label(label) for label in row[::2]) for row in rows):
        return [f"{label}：{value}" for row in rows for label, value in zip(row[::2], row[1::2], strict=True) if value]
    widths = {len(row) for row in rows}
    if len(rows) > 1 and widths == {len(rows[0])} and len(rows[0]) > 1 and not re.search(r"\d", "".join(rows[0])):
        return [row_sentence(rows[0], row) for row in rows[1:]]
    return ["　".join(cell for cell in row if cell) for row in rows]


def _distinct_cells(cells: list[object]) -> list[str]:
    """A row's cell texts; a merged cell, which python-docx gives once per grid column, counts once."""
    distinct: list[object] = []
    for cell in cells:
        if not distinct or cell is not distinct[-1]:
            distinct.append(cell)
    return [" ".join(getattr(cell, "text", "").split()) for cell in distinct]


def _is_label(text: str) -> bool:
    return 0 < len(text) <= _LABEL_CHARS and not re.search(r"\d", text)


@dataclass(frozen=True)
class _Line:
    text: str
    left: float
    right: float
    bottom: float
    height: float  # of its Chinese characters (their font size); 0 without any ("17:30。")
    gap: float     # the widest space between two of its glyphs: a line of running text has none


def pdf_text(raw: bytes) -> str:
    """A PDF's text, its paragraphs mended from where its lines stand on the page."""
    try:
        document = pypdfium2.PdfDocument(raw)
    except pypdfium2.PdfiumError as error:
        raise UnreadableDocument(f"PDF 文件无法打开（已损坏或加密：{error}）") from None
    try:
        title = " ".join(document.get_metadata_dict().get("Title", "").split())
        pages = [_page_lines(document[number]) for number in range(len(document))]
    finally:
        document.close()
    body = [line for lines in _without_running_lines(pages, title) for line in lines]
    return _with_text("\n".join(_paragraphs(body)), "PDF 文件")


def _page_lines(page: pypdfium2.PdfPage) -> list[_Line]:
    """The page's lines as PDFium orders its text (it marks their ends), each with where it stands."""
    textpage = page.get_textpage()
    lines: list[list[tuple[str, tuple[float, float, float, float]]]] = [[]]
    for index in range(textpage.count_chars()):
        char = chr(pdfium_c.FPDFText_GetUnicode(textpage, index))
        if char in "\r\n":
            lines.append([])
        else:
            lines[-1].append((char, textpage.get_charbox(index)))
    found = []
    for chars in lines:
        glyphs = [(char, box) for char, box in chars if char.strip() and box[2] > box[0]]
        words = " ".join("".join(char for char, _ in chars).split())
        if not glyphs or not words:
            continue
        heights = [box[3] - box[1] for char, box in glyphs if re.match(HAN, char)] or [0.0]
        gaps = [after[1][0] - before[1][2] for before, after in itertools.pairwise(glyphs)]
        found.append(_Line(words, min(box[0] for _, box in glyphs), max(box[2] for _, box in glyphs),
                           min(box[1] for _, box in glyphs), statistics.median(heights), max(gaps, default=0.0)))
    return found


def _without_running_lines(pages: list[list[_Line]], title: str) -> list[list[_Line]]:
    """Each page without what stands at its top or bottom on most pages (digits aside: "— 3 —", "第3页"), nor a page
    number, nor the printing browser's address line or its date-and-title line."""
    def edges(lines: list[_Line]) -> list[_Line]:
        by_height = sorted(lines, key=lambda line: line.bottom)
        return by_height[:_RUNNING_LINES] + by_height[-_RUNNING_LINES:]

    def key(line: _Line) -> str:
        return re.sub(r"\d+", "#", line.text)

    repeated = Counter(shape for lines in pages for shape in {key(line) for line in edges(lines)})

    def running(line: _Line) -> bool:
        return (len(pages) > 1 and repeated[key(line)] * 2 > len(pages)) or bool(_PAGE_COUNT.match(line.text)) \
            or bool(_ADDRESS_LINE.match(line.text)) \
            or bool(title and title in line.text and _CLOCK.search(line.text.replace(title, "")))

    return [[line for line in lines if not (line in edges(lines) and running(line))] for lines in pages]


def _paragraphs(lines: list[_Line]) -> list[str]:
    """Lines joined into paragraphs: a line goes on with the one above it when that one runs to the right edge of
    its column and it starts at the left edge of its own, both are running text of one font size (no wide space
    inside: not a table row, nor a bar of links), and no wider gap stands between them than between the lines of
    a paragraph (unless it stands higher: the next column or page)."""
    if not lines:
        return []
    size = statistics.median([line.height for line in lines if line.height] or [12.0])
    columns = _columns(lines, size)
    pitch = statistics.median([gap for above, below in itertools.pairwise(lines)
                               if (gap := above.bottom - below.bottom) > 0] or [size * 2])

    def goes_on(above: _Line, line: _Line) -> bool:
        if _ITEM_NUMBER.match(above.text):  # "1." on a line of its own, its item on the next
            return True
        (above_left, right), (left, _) = columns[above], columns[line]
        next_page = above.bottom < line.bottom
        # not centred, not short; or broken off mid-sentence at the foot of a page ("…献血者之间" / "保持1米…")
        spans = above.left < above_left + 2.5 * size and (above.right >= right - 2 * size or (
            next_page and not ends_sentence(above.text) and above.right - above_left > (right - above_left) / 2))
        heading = ends_sentence(above.text) and starts_item(line.text)  # "…离开。" / "四、工作要求"
        font = max(above.height, line.height) or size  # a glyph box of "，" is narrow: a character's width is no gap
        one_font = not (above.height and line.height) or abs(above.height - line.height) < 0.12 * font
        running_text = max(above.gap, line.gap) < 1.2 * font and one_font
        centred = abs((above.left + above.right) - (line.left + line.right)) < 2 * size  # a headline wrapped
        return spans and (line.left < left + size * 0.8 or centred) and running_text and not heading \
            and (next_page or above.bottom - line.bottom <= pitch * 1.6)

    paragraphs = [lines[0].text]
    for above, line in itertools.pairwise(lines):
        if not goes_on(above, line):
            paragraphs.append(line.text)
        elif re.search(r"[A-Za-z]$", paragraphs[-1]) and re.match(r"[A-Za-z]", line.text):
            paragraphs[-1] += " " + line.text  # an English word wrapped
        else:
            paragraphs[-1] += line.text
    return [PARAGRAPH_START + paragraph for paragraph in paragraphs]


def _columns(lines: list[_Line], size: float) -> dict[_Line, tuple[float, float]]:
    """The left and right edge of the text column each line stands in. Columns start where many lines start; a
    column's right edge is where most of its lines end (a navigation bar or a wide table does not move it)."""
    starts = Counter(round(line.left / size) for line in lines)
    widths = {start: statistics.median(line.right - line.left for line in lines if round(line.left / size) == start)
              for start in starts}
    common = sorted(start for start, count in starts.items()  # lines of running text, not a closing's two lines
                    if count >= max(3, len(lines) // 10) and widths[start] >= _COLUMN_CHARS * size) \
        or [starts.most_common(1)[0][0]]

    def start_of(line: _Line) -> int:
        return max([start for start in common if start <= round(line.left / size) + 1], default=common[0])

    edges = {}
    for start in common:
        members = [line for line in lines if start_of(line) == start]
        ends = Counter(round(line.right / size) for line in members)
        end = ends.most_common(1)[0][0] if ends else start
        left = min((line.left for line in members if round(line.left / size) == start), default=start * size)
        right = max((line.right for line in members if abs(round(line.right / size) - end) <= 1), default=end * size)
        edges[start] = (left, right)
    return {line: edges[start_of(line)] for line in lines}


def _with_text(text: str, kind: str) -> str:
    if not re.search(HAN, text):
        raise UnreadableDocument(f"{kind}里没有可提取的中文文字（可能是扫描件或图片），请提供文字版文件或网页")
    return text + "\n"
