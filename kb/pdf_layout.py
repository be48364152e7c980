"""A PDF page's text as a reader sees it: lines where they stand, joined into paragraphs, without what a printout
repeats on every page (running heads, page numbers, the printing browser's date and address)."""
from __future__ import annotations

import itertools
import re
import statistics
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import NamedTuple

import pypdfium2
import pypdfium2.raw as pdfium_c

from .text import HAN, ends_sentence, is_contents_heading, is_label, item_number_end, row_sentence, run_on, starts_item

# in characters of the body's font size: how far in a line may start and still be the column's first (an indent
# of two), how far short of the right edge a line may end and still run to it, how far in the next line may start
_INDENT_CHARS, _SHORT_CHARS, _EDGE_CHARS = 2.5, 2.0, 0.8
_FONT_TOLERANCE = 0.12  # two lines whose characters differ in size by more are in two fonts (a caption, a title)
_FLAT = 0.5             # a Chinese glyph whose box is less than half as high as wide is flat
_WIDE_GAP = 1.2         # a space wider than a character (times the font size) parts a table's cells or a menu
_PARAGRAPH_GAP = 1.6    # a gap above a line this many times a paragraph's line pitch parts two blocks
_TABLE_ROW_CHARS = 4.0  # a table's row starts at most this many characters (of the body's size) a line under the last
_DEFAULT_SIZE = 12.0    # points, for a page without Chinese characters
_COLUMN_CHARS = 8              # a column of text is at least this many characters wide
_RUNNING_LINES = 2             # running heads and page numbers stand among the first or last lines of a page
_PANEL_MARGIN_CHARS = 1.5      # a booklet's panel keeps this many characters of the body's size clear of the fold
_PAGE_COUNT = re.compile(r"^(?:第?\s*\d{1,3}\s*页?\s*(?:[/／]|共)\s*\d{1,3}\s*页?|[-—－–]?\s*\d{1,3}\s*[-—－–]?"
                         r"|Page\s+\d{1,3}(?:\s+of\s+\d{1,3})?)$", re.IGNORECASE)
_ADDRESS_LINE = re.compile(r"^(?:file|https?)://\S*(?:\s+\d{1,3}\s*/\s*\d{1,3})?$")  # a browser's footer…
_PRINT_TIME = re.compile(r"^\d{1,4}[/-]\d{1,2}[/-]\d{1,4},?\s+(?:上午|下午)?\d{1,2}:\d{2}")  # …and its header
# times a character's size: how far two glyphs may overlap and still be two, how wide a gap parts words with a space,
# how wide a gap may stand between two glyphs of a row PDFium gave as two lines
_OVERLAP, _SPACE, _ROW_GAP = 0.25, 0.3, 4.0
_SCREENS = (16 / 9, 16 / 10, 4 / 3)  # a slide's proportions: a deck exported to PDF keeps its slides' size
_SCREEN_TOLERANCE = 0.01
# a FAQ's question or answer, labelled: "问：孩子多大…", "答：…", "Q: …"
_QA_LABEL = re.compile(r"^(?:问|答|Q|A)\s*[：:]")
_CLAUSE = re.compile("[，、；：]")  # a mark inside a sentence
_ITEM_NUMBER = re.compile(r"^(?:\d{1,2}[.．、]|[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)$")


Box = tuple[float, float, float, float]  # left, bottom, right, top, in points from the page's lower left corner
Glyph = tuple[str, Box]


class Cell(NamedTuple):  # a part of a line between wide spaces, where it stands
    text: str
    left: float
    right: float


@dataclass(frozen=True)
class Line:
    text: str
    left: float
    right: float
    bottom: float
    height: float  # of its Chinese characters (their font size); 0 without any ("17:30。")
    gap: float     # the widest space between two of its glyphs: a line of running text has none
    vertical: bool = False  # a column of vertical writing (竖排), placed as if the page were turned a quarter left
    cells: tuple[Cell, ...] = ()  # its parts between wide spaces (_WIDE_GAP): a table row's cells, or one
    item_text: float | None = None  # where a list item's text starts, after its number or bullet ("1. 凭…": at 凭)

    @property
    def cell(self) -> float | None:
        """Where a table row's last cell starts: after its last wide space."""
        return self.cells[-1].left if len(self.cells) > 1 else None


class _Run(NamedTuple):  # a line as PDFium gives it, or pieced together
    chars: list[Glyph]
    glyphs: list[Glyph]  # those that show: no spaces
    column: bool         # its glyphs stand one under another, as in vertical writing


def page_lines(page: pypdfium2.PdfPage) -> list[Line]:
    """The page's lines, and columns of vertical writing, as PDFium orders its text (it marks their ends), each with
    where it stands."""
    textpage = page.get_textpage()
    lines: list[list[Glyph]] = [[]]
    for index in range(textpage.count_chars()):
        char = chr(pdfium_c.FPDFText_GetUnicode(textpage, index))
        if char in "\r\n":
            lines.append([])
        else:
            lines[-1].append((char, textpage.get_charbox(index)))
    runs = [piece for chars in lines for piece in _columns_apart(_run(chars)) if piece.glyphs]
    found: list[Line] = []
    for run in _rejoined(runs):  # a lone glyph stands in the block before it, column or row
        found.append(_line(run, page.get_height(), found[-1].vertical if found else False))
    return found


def _run(chars: list[Glyph]) -> _Run:
    glyphs = _misplaced_put_back([(char, box) for char, box in chars if _shows(char, box)])
    pairs = [(before, after) for (_, before), (_, after) in itertools.pairwise(glyphs)]
    under = sum(_under(*pair) for pair in pairs)
    return _Run(chars, glyphs, under > max(len(pairs) / 2, sum(_beside(*pair) for pair in pairs)))


def _misplaced_put_back(glyphs: list[Glyph]) -> list[Glyph]:
    """The glyphs of a line, one that PDFium places off it put back where it is drawn. PDFium leaves a form
    XObject's matrix out of the box of a glyph it reads from the text's ActualText (Chrome marks so a glyph its font
    shares between two characters: "钢琴 · 小提琴", its 小 boxed at the page's foot), yet reads it in its place in
    the line: the glyph stands beside neither neighbour while they stand in one row, a glyph's width or more apart.
    It is put right before the next one, as wide as that one (two such glyphs side by side stay where PDFium puts
    them)."""
    placed = list(glyphs)
    for index in range(1, len(glyphs) - 1):  # the glyph before as put back: two misplaced ones stand in one row
        (_, before), ((char, box), (_, after)) = placed[index - 1], glyphs[index:index + 2]
        width = after[2] - after[0]
        if not (_beside(before, box) or _beside(box, after)) and _beside(before, after) \
                and _gap(before, after) >= (1 - _OVERLAP) * width:
            placed[index] = (char, (max(before[2], after[0] - width), after[1], after[0], after[3]))
    return placed


def _line(run: _Run, page_height: float, lone_in_column: bool) -> Line:
    """A line where it stands; a column turned a quarter (its top at the left), so that it is read as a line is: the
    column further right above, a column starting lower indented, one ending higher short."""
    words = " ".join("".join(char for char, _ in run.chars).split())
    glyphs = run.glyphs
    vertical = run.column or (len(glyphs) == 1 and lone_in_column)
    if vertical:  # PDFium puts a space after a number set sideways in a column ("2022 年4 月")
        words = re.sub(r"\s+(?=[^\x00-\x7f])|(?<=[^\x00-\x7f])\s+", "", words)
        glyphs = [(char, (page_height - top, left, page_height - bottom, right))
                  for char, (left, bottom, right, top) in glyphs]
    gaps = [_gap(before, after) for (_, before), (_, after) in itertools.pairwise(glyphs)]
    height = font_size([box for char, box in glyphs if re.match(HAN, char)])
    wide = _WIDE_GAP * (height or max(box[3] - box[1] for _, box in glyphs))
    number = item_number_end("".join(char for char, _ in glyphs))
    item_text = glyphs[number][1][0] if 0 < number < len(glyphs) else None
    return Line(words, min(box[0] for _, box in glyphs), max(box[2] for _, box in glyphs),
                min(box[1] for _, box in glyphs), height, max(gaps, default=0.0), vertical,
                _cells(run.chars, glyphs, [gap >= wide for gap in gaps]), item_text)


def _cells(chars: list[Glyph], glyphs: list[Glyph], wide: list[bool]) -> tuple[Cell, ...]:
    """A line's parts between wide spaces (wide: after each glyph but the last), with their words as PDFium spaces
    them; glyphs are the chars that show, placed as the line is read (turned a quarter in vertical writing)."""
    parts: list[tuple[list[str], list[Box]]] = [([], [])]
    shown = 0
    for char, box in chars:
        if _shows(char, box):
            if shown and wide[shown - 1]:
                parts.append(([], []))
            parts[-1][1].append(glyphs[shown][1])
            shown += 1
        parts[-1][0].append(char)
    return tuple(Cell(" ".join("".join(text).split()), boxes[0][0], boxes[-1][2]) for text, boxes in parts)


def _rejoined(runs: list[_Run]) -> list[_Run]:
    """PDFium reads a whole page one way, across its rows or down its columns, by what most of it is (here: more of
    its text stands in columns than in rows); text set the other way comes a character (a text object) a line.
    Such a line goes on with the one before when its first glyph stands next to the last one there the other way:
    under it on a page read across (Chinese characters and marks only: digits stacked in a table's column are its
    rows), beside it (after a space if apart) on a page read down."""
    counts = Counter(run.column for run in runs if len(run.glyphs) > 1 for _ in run.glyphs)
    down = counts[True] > counts[False]
    step = _beside if down else _under
    joined: list[_Run] = []
    for run in runs:
        before = joined[-1] if joined else None
        if before and all(line.column != down for line in (before, run) if len(line.glyphs) > 1) \
                and (down or not any(glyph[0].isascii() for glyph in (before.glyphs[-1], run.glyphs[0]))) \
                and step(last := before.glyphs[-1][1], first := run.glyphs[0][1]):
            space = [(" ", first)] * (down and _gap(last, first) > _SPACE * _size(last, first))
            joined[-1] = _Run(before.chars + space + run.chars, before.glyphs + run.glyphs, not down)
        else:
            joined.append(run)
    return joined


def _columns_apart(run: _Run) -> list[_Run]:
    """A column as PDFium gives it, cut where it runs into the next without a line break (at a glyph higher up)."""
    if not run.column:
        return [run]
    columns: list[list[Glyph]] = [[]]
    last = None
    for char, box in run.chars:
        if _shows(char, box):
            if last and box[3] > last[3] + _OVERLAP * _size(last, box):
                columns.append([])
            last = box
        columns[-1].append((char, box))
    return [_run(chars) for chars in columns] if len(columns) > 1 else [run]


def _shows(char: str, box: Box) -> bool:
    return bool(char.strip()) and box[2] > box[0]


def _size(before: Box, after: Box) -> float:
    return max(before[2] - before[0], before[3] - before[1], after[2] - after[0], after[3] - after[1])


def _gap(before: Box, after: Box) -> float:
    return after[0] - before[2]


def _beside(before: Box, after: Box) -> bool:
    """The next glyph in a row: to the right, at the same height, not a column away."""
    size = _size(before, after)
    return min(before[3], after[3]) > max(before[1], after[1]) \
        and -_OVERLAP * size <= _gap(before, after) < _ROW_GAP * size


def _under(before: Box, after: Box) -> bool:
    """The next glyph in a column: below, within its width, no more than a character's height lower."""
    size = _size(before, after)
    return min(before[2], after[2]) > max(before[0], after[0]) and -_OVERLAP * size <= before[1] - after[3] < size


def font_size(boxes: list[tuple[float, float, float, float]]) -> float:
    """The size of a line's Chinese characters from their boxes (left, bottom, right, top): the median height, flat
    ones ("一", "二") left out, as they say nothing of it ("一次。" ending a paragraph is no smaller print)."""
    heights = [top - bottom for _, bottom, right, top in boxes]
    full = [height for height, (left, _, right, _) in zip(heights, boxes, strict=True)
            if height >= _FLAT * (right - left)]
    return statistics.median(full or heights or [0.0])


def in_reading_order(pages: list[list[Line]], sizes: list[tuple[float, float]]) -> list[list[Line]]:
    """The pages as a reader turns them. A booklet printed for saddle stitching, two pages (panels) on each side of
    a sheet in imposition order, is read panel by panel in the booklet's order: of 4 panels, the first side's right
    one (the cover), the second side's left and right ones, then the first side's left one (the back cover). It is
    an even number of landscape pages (sizes: width, height), each in two halves with nothing across a blank band at
    the fold, and its cover, on the first page's right half, in larger print than anything on the back cover.
    A tri-fold leaflet (三折页) is read so too (_leaflet_panels). Anything else, a two-column article on landscape
    pages too, keeps its order."""
    leaflet = _leaflet_panels(pages, sizes)
    if leaflet is not None:
        return leaflet
    halves = _sheets(pages, sizes)
    if halves is None:
        return pages
    count = 2 * len(halves)  # panels
    order: dict[int, list[Line]] = {}
    for number, (left, right) in enumerate(halves, 1):  # side `number` holds panels number and count + 1 - number
        order[number], order[count + 1 - number] = (right, left) if number % 2 else (left, right)
    return [order[panel] for panel in sorted(order)]


def _sheets(pages: list[list[Line]], sizes: list[tuple[float, float]]) -> list[list[list[Line]]] | None:
    """Each page's left and right panel if the pages are the sides of a booklet's sheets (in_reading_order)."""
    if len(pages) % 2:
        return None
    halves = _folded(pages, sizes, 2)
    if halves is None:
        return None
    cover, back = (max((line.height for line in half), default=0.0) for half in halves[0][::-1])
    return halves if cover > back * (1 + _FONT_TOLERANCE) else None


def _leaflet_panels(pages: list[list[Line]], sizes: list[tuple[float, float]]) -> list[list[Line]] | None:
    """A tri-fold leaflet's panels in reading order: two or more landscape pages, each in three panels with nothing
    across a blank band at either fold, its cover the first page's right panel, in larger print than anything on
    that page's other two. The cover comes first, then the inside pages' panels left to right, then the first page's
    left panel (the flap folded in under the cover) and middle one (the back, where the issuer signs)."""
    if len(pages) < 2:
        return None
    panels = _folded(pages, sizes, 3)
    if panels is None:
        return None
    (flap, back, cover), inside = panels[0], panels[1:]
    if max((line.height for line in cover), default=0.0) \
            <= max((line.height for line in flap + back), default=0.0) * (1 + _FONT_TOLERANCE):
        return None
    return [cover, *(panel for page in inside for panel in page), flap, back]


def _folded(pages: list[list[Line]], sizes: list[tuple[float, float]], count: int) -> list[list[list[Line]]] | None:
    """Each page's `count` panels, left to right, if every page is landscape (no slide, no vertical writing) and
    folded so: each of its lines stands in one panel, clear of the folds by _PANEL_MARGIN_CHARS of the body's size."""
    lines = [line for page in pages for line in page]
    if not pages or any(line.vertical for line in lines) \
            or any(width <= height or _is_slide(width, height) for width, height in sizes):
        return None
    margin = _PANEL_MARGIN_CHARS * statistics.median([line.height for line in lines if line.height] or [0.0])
    folded = []
    for page, (width, _) in zip(pages, sizes, strict=True):
        folds = [width * number / count for number in range(count + 1)]
        panels = [[line for line in page if (start == 0 or line.left >= start + margin)
                   and (end == width or line.right <= end - margin)] for start, end in itertools.pairwise(folds)]
        if sum(map(len, panels)) < len(page):
            return None
        folded.append(panels)
    return folded


def slides_read(pages: list[list[Line]], sizes: list[tuple[float, float]],
                ) -> tuple[list[list[Line]], dict[Line, bool]]:
    """The pages (without running lines) but a deck's contents slide, and whether each bullet line of a slide goes
    on into the next line (_slide_wraps). Pages that are no slides stand as they are, a booklet's panels too."""
    if len(pages) != len(sizes):
        return pages, {}
    slides = [_is_slide(*size) for size in sizes]
    kept = [[] if slide and _is_contents_slide(lines) else lines for lines, slide in zip(pages, slides, strict=True)]
    return kept, {line: wraps for lines, slide, (width, _) in zip(kept, slides, sizes, strict=True) if slide
                  for line, wraps in _slide_wraps(lines, width).items()}


def _is_slide(width: float, height: float) -> bool:
    """A page in a screen's proportions (16:9, 16:10, 4:3), not a sheet of paper's: a slide."""
    return any(abs(width / height - screen) < _SCREEN_TOLERANCE * screen for screen in _SCREENS)


def _is_contents_slide(lines: list[Line]) -> bool:
    """A slide headed 目录 (目 录, CONTENTS) over the list of the deck's sections: each is said on its own slide."""
    top = max(lines, key=lambda line: line.bottom, default=None)
    return top is not None and is_contents_heading(top.text)


def _slide_wraps(lines: list[Line], width: float) -> dict[Line, bool]:
    """For each line of a slide in body print over a line starting where it starts: whether it wraps into that line,
    running to its text box's edge (to within a character: the next line's first one would not have fitted), or is
    a bullet item of its own. The box's edge is the page's width less its left margin (a slide's text box stands in
    the middle), or, beside other text (two boxes side by side), the end of its longest line."""
    size = statistics.median([line.height for line in lines if line.height] or [_DEFAULT_SIZE])
    beside = [line for line in lines if any(other.left > line.right + size for other in lines)]

    def edge(line: Line) -> float:
        if line not in beside:
            return width - min(other.left for other in lines)
        return max(other.right for other in beside if abs(other.left - line.left) < _EDGE_CHARS * size)

    return {above: above.right >= edge(above) - (line.height or size) for above, line in itertools.pairwise(lines)
            if line.bottom < above.bottom and abs(line.left - above.left) < _EDGE_CHARS * size
            and above.height <= size * (1 + _FONT_TOLERANCE)}


def without_running_lines(pages: list[list[Line]]) -> list[list[Line]]:
    """Each page without its running lines, nor a page number, nor the printing browser's header (its date and time,
    the page's title) and footer (address, "1/3")."""
    def furniture(line: Line) -> bool:
        return any(pattern.match(line.text) for pattern in (_PAGE_COUNT, _ADDRESS_LINE, _PRINT_TIME))

    return [[line for line in lines if line not in running and not (line in edge and furniture(line))]
            for lines, edge, running in zip(pages, map(_edge_lines, pages), running_lines(pages), strict=True)]


def running_lines(pages: list[list[Line]]) -> list[list[Line]]:
    """Each page's lines that stand at its top or bottom on most pages (digits aside: "— 3 —", "第3页", "3 / 12").
    A bound publication mirrors its heads: "某某公报 2021年第19期" on one page, "2021年第19期 某某公报" next."""
    def key(line: Line) -> str:
        return " ".join(sorted(re.sub(r"\d+", "#", line.text).split()))

    edges = [_edge_lines(lines) for lines in pages]
    repeated = Counter(shape for lines in edges for shape in {key(line) for line in lines})
    return [[line for line in lines if len(pages) > 1 and repeated[key(line)] * 2 > len(pages)] for lines in edges]


def _edge_lines(lines: list[Line]) -> list[Line]:
    """The first and last lines of the page, and its first and last columns of vertical writing."""
    edges = []
    for vertical in (False, True):
        by_height = sorted((line for line in lines if line.vertical == vertical), key=lambda line: line.bottom)
        edges += by_height[:_RUNNING_LINES] + by_height[-_RUNNING_LINES:]
    return edges


def paragraphs(lines: list[Line], wraps: Mapping[Line, bool] | None = None) -> list[str]:
    """Lines joined into paragraphs: a line goes on with the one above it when that one runs to the right edge of
    its column and it starts at the left edge of its own (or, under a list item's line, where the item's text starts:
    _under_item_text), both are running text of one font size (no wide space inside: not a table row, nor a bar of
    links; but a row's last cell may go on, _cell_wrapped), and no wider gap stands between them than between the
    lines of a paragraph (unless it stands higher: the next column or page). Columns of vertical writing are read so
    too, turned a quarter (a column goes on into the next unless it ends early); a run of them is a block of its own.
    Whether a slide's line runs to the edge is in wraps (slides_read)."""
    return [paragraph for _, block in itertools.groupby(lines, key=lambda line: line.vertical)
            for paragraph in _block_paragraphs(list(block), wraps or {})]


def _block_paragraphs(lines: list[Line], wraps: Mapping[Line, bool]) -> list[str]:
    size = statistics.median([line.height for line in lines if line.height] or [_DEFAULT_SIZE])
    columns = _columns(lines, size)
    def start(line: Line) -> int:  # where a line starts, in characters
        return round(line.left / size)

    reach: dict[int, float] = {}  # where the longest line starting at each place ends (a table column's cells)
    for one in lines:
        reach[start(one)] = max(reach.get(start(one), 0.0), one.right)
    pitch = statistics.median([gap for above, below in itertools.pairwise(lines)
                               if (gap := above.bottom - below.bottom) > 0] or [size * 2])

    def goes_on(above: Line, line: Line) -> bool:
        if _ITEM_NUMBER.match(above.text):  # "1." on a line of its own, its item on the next
            return True
        if not wraps.get(above, True):  # a slide's bullet item of its own
            return False
        (above_left, right), (left, _) = columns[above], columns[line]
        next_page = above.bottom < line.bottom
        # not centred, not short; or broken off mid-sentence at the foot of a page ("…献血者之间" / "保持1米…")
        spans = above in wraps or above.left < above_left + _INDENT_CHARS * size and (
            above.right >= right - _SHORT_CHARS * size or (
                next_page and not ends_sentence(above.text) and not starts_item(above.text)  # not "二、…" at a foot
                and above.right - above_left > (right - above_left) / 2))
        # "…离开。" / "四、工作要求"; "…相邻的两级。" / "问：…" (a FAQ's question never goes on with an answer)
        heading = ends_sentence(above.text) and (starts_item(line.text) or _QA_LABEL.match(line.text) is not None)
        font = max(above.height, line.height) or size  # a glyph box of "，" is narrow: a character's width is no gap
        one_font = not (above.height and line.height) or abs(above.height - line.height) < _FONT_TOLERANCE * font
        running_text = max(above.gap, line.gap) < _WIDE_GAP * font and one_font
        centred = abs((above.left + above.right) - (line.left + line.right)) < 2 * size  # a headline wrapped
        at_the_edge = above in wraps or line.left < left + _EDGE_CHARS * size or _under_item_text(above, line, size)
        wrapped = spans and (at_the_edge or centred) and running_text \
            or one_font and line.gap < _WIDE_GAP * font and _cell_wrapped(above, line, reach[start(line)], size)
        return wrapped and not heading and (next_page or above.bottom - line.bottom <= pitch * _PARAGRAPH_GAP)

    found: list[str] = []
    above: Line | None = None
    index = 0
    while index < len(lines):
        table = _table(lines[index:], size)
        if table:
            taken, rows = table
            found += rows
            above, index = None, index + taken
            continue
        line = lines[index]
        if above is not None and goes_on(above, line):
            found[-1] = run_on(found[-1], line.text)
        else:
            found.append(line.text)
        above, index = line, index + 1
    return found


def _table(lines: list[Line], size: float) -> tuple[int, list[str]] | None:
    """A table printed from a grid, read from its header row (the first line): how many lines it takes and each row
    said as a sentence under the header's labels (text.row_sentence). The header is a line of two or more short
    labels apart by wide spaces (_is_column_label); each row is a line whose cells stand each under one of the
    header's (_under_labels), the first one among them (a cell left empty is left out). A line without a
    first cell holds the words of the row's cells wrapped onto it, or, filling every other cell, is a row under the
    same first cell (merged down); a cell's lines may come after the row's other cells, as high as its first line.
    The table ends at a line standing otherwise, above its row, or lower under the row's first line than
    _TABLE_ROW_CHARS a line the row holds (its cells are centred on its tallest one). Columns of text side by side
    are no table (_prose)."""
    labels = _parts(lines[0])
    if len(labels) < 2 or not all(map(_is_column_label, labels)):
        return None
    rows: list[tuple[list[str], list[Line]]] = []  # each row's cells and its lines
    for line in lines[1:]:
        columns = _under_labels(_parts(line), labels)
        row_lines = rows[-1][1] if rows else lines[:1]
        if columns is None or (0 not in columns and not rows) or line.bottom > row_lines[0].bottom + _OVERLAP * size \
                or row_lines[0].bottom - line.bottom > _TABLE_ROW_CHARS * size * len(row_lines):
            break
        if 0 in columns or len(columns) == len(labels) - 1:
            rows.append(([rows[-1][0][0] if 0 not in columns else ""] + [""] * (len(labels) - 1), []))
        values, row_lines = rows[-1]
        for column, text in columns.items():
            values[column] = run_on(values[column], text)
        row_lines.append(line)
    while rows and sum(map(bool, rows[-1][0])) < 2:  # a line under the table, starting under its first column
        rows.pop()
    if not rows or any(sum(map(bool, values)) < 2 for values, _ in rows) or _prose(rows):
        return None
    return 1 + sum(len(row_lines) for _, row_lines in rows), \
        [row_sentence([label.text for label in labels], values) for values, _ in rows]


def _parts(line: Line) -> tuple[Cell, ...]:
    return line.cells or (Cell(line.text, line.left, line.right),)


def _is_column_label(label: Cell) -> bool:
    """A table header's label: a word or two ("上课日期", "培训费（元/人）"), not a letter-spaced one ("姓 名"), an
    item or a phrase in quotes or with a comma (a caption: "关注“某某”")."""
    return len(label.text) > 1 and is_label(label.text) and not starts_item(label.text) \
        and not re.search(r"[“”‘’\"'，、。；：！？,;:!?]", label.text)


def _under_labels(cells: tuple[Cell, ...], labels: tuple[Cell, ...]) -> dict[int, str] | None:
    """Each cell's text by the header's label it stands under, left to right: the nearest one, overlapping it or
    not (a label centred over its column, its cells left aligned), and the cell reaches over no other."""
    columns: dict[int, str] = {}
    for cell in cells:
        crossed = [number for number, label in enumerate(labels) if cell.left < label.right and cell.right > label.left]
        nearest = min(range(len(labels)),
                      key=lambda number: max(labels[number].left - cell.right, cell.left - labels[number].right))
        if len(crossed) > 1 or nearest in columns or nearest < max(columns, default=-1):
            return None
        columns[nearest] = cell.text
    return columns


def _prose(rows: list[tuple[list[str], list[Line]]]) -> bool:
    """Columns of running text side by side, not a table: a row of one line has a cell broken off mid-sentence (after
    a comma), which goes on in the next row, not in its own cell as a table's wrapped cell does."""
    return any(len(row_lines) == 1 and any(_CLAUSE.search(value) and not ends_sentence(value) for value in values)
               for values, row_lines in rows)


def _under_item_text(above: Line, line: Line, size: float) -> bool:
    """A list item's line wrapped under its text, not under its number: a hanging indent, as a web page's numbered
    list (an HTML <ol>) prints. The line starts where the item's text does (within _EDGE_CHARS) and opens no item of
    its own (a sub-list's "（1）…")."""
    return above.item_text is not None and abs(line.left - above.item_text) < _EDGE_CHARS * size \
        and not starts_item(line.text)


def _cell_wrapped(above: Line, line: Line, cell_right: float, size: float) -> bool:
    """A table row's last cell goes on on the next line (no row itself): that line starts where the cell does
    (within _EDGE_CHARS), the row runs to the cell's right edge (as far as the longest line starting there), and
    it breaks off mid-sentence."""
    return above.cell is not None and abs(line.left - above.cell) < _EDGE_CHARS * size \
        and above.right >= cell_right - _SHORT_CHARS * size and not ends_sentence(above.text)


def _columns(lines: list[Line], size: float) -> dict[Line, tuple[float, float]]:
    """The left and right edge of the text column each line stands in. Columns start where many lines start; a
    column's right edge is where most of its lines end (a navigation bar or a wide table does not move it)."""
    starts = Counter(round(line.left / size) for line in lines)
    widths = {start: statistics.median(line.right - line.left for line in lines if round(line.left / size) == start)
              for start in starts}
    common = sorted(start for start, count in starts.items()  # lines of running text, not a closing's two lines
                    if count >= max(3, len(lines) // 10) and widths[start] >= _COLUMN_CHARS * size) \
        or [starts.most_common(1)[0][0]]

    def start_of(line: Line) -> int:
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


