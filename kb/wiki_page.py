"""A wiki page's source (MediaWiki's wikitext, as an association's or a school's wiki keeps it, saved as text) → the
page as HTML, for the web-page reader to take like any other: its sections' headings, its paragraphs and lists, a
table as a table (said row by row there), an infobox's fields as one sentence, its references after the text; no
categories, files or comments. mwparserfromhell parses the wikitext; the HTML is written here.

The title is the lead's first bold words ('''…''': MediaWiki's convention for the page's subject), as the page's own
name is no part of its source."""
from __future__ import annotations

import html
import re

import mwparserfromhell
from mwparserfromhell.nodes import Heading, Tag, Template
from mwparserfromhell.wikicode import Wikicode

# what only wikitext writes: a section heading line ("== 报名 =="), a template opening a line, a table's opening,
# a link in double brackets, bold in triple quotes
_WIKI_MARKS = (re.compile(r"^={2,6}[^=\n]+={2,6}\s*$", re.MULTILINE), re.compile(r"^\{\{[^{}\n]+", re.MULTILINE),
               re.compile(r"^\{\|", re.MULTILINE), re.compile(r"\[\[[^\[\]\n]+\]\]"), re.compile(r"'''[^'\n]+'''"))
_MIN_MARKS = 3  # kinds of them: a text quoting one link or one bold phrase is no wiki page
# …one of them MediaWiki's own: bold in triple quotes, a table, a reference, a template's named field (not
# DokuWiki's "====== 标题 ======", "{{:wiki:图.jpg}}", "[[页面]]")
_MEDIAWIKI_ONLY = re.compile(r"'''[^'\n]+'''|^\{\||<ref[\s>]|^\|\s*[^=|\n]+=", re.MULTILINE)
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_MAGIC_WORD = re.compile(r"__[A-Z]+__")  # "__NOTOC__": a page setting
_NOT_TEXT_LINK = re.compile(r"^\s*(?:分类|category|file|文件|image|图像|media|媒体)\s*:", re.IGNORECASE)
_FILE_VALUE = re.compile(r"\.(?:jpe?g|png|gif|svg|webp)$", re.IGNORECASE)
_HEADING = "\ue000h{}\ue000"
_BLOCK = "\ue000b{}\ue000"
_PLACEHOLDER = re.compile(r"^\ue000([hb])(\d+)\ue000(.*)$")


def wiki_page(text: str) -> tuple[str, str] | None:
    """(title, HTML) of a wiki page's source; None for any other text."""
    if sum(1 for mark in _WIKI_MARKS if mark.search(text)) < _MIN_MARKS or not _MEDIAWIKI_ONLY.search(text):
        return None
    code = mwparserfromhell.parse(_MAGIC_WORD.sub("", _BREAK.sub("\n", text)))
    title = _lead_bold(code)
    references = code.filter_tags(matches=lambda node: node.tag == "ref")
    notes = [_plain(tag.contents) for tag in references]
    for node in [*references, *code.filter_comments(),
                 *code.filter_wikilinks(matches=lambda link: bool(_NOT_TEXT_LINK.match(str(link.title))))]:
        if code.contains(node):  # not inside one removed already
            code.remove(node)
    top = {id(node) for node in code.nodes}
    for template in reversed(code.filter_templates()):  # inner first: "{{lang|en|…}}" in a field is its words
        if id(template) not in top:
            code.replace(template, _words_of(template))
    blocks: list[str] = []  # tables and infoboxes as HTML, each on a line of its own in the text
    for node in list(code.nodes):
        block = _table(node) if isinstance(node, Tag) and node.tag == "table" else \
            _infobox(node) if isinstance(node, Template) else None
        if block:
            blocks.append(block)
            code.replace(node, "\n" + _BLOCK.format(len(blocks) - 1) + "\n")
        elif isinstance(node, Template):  # a template of no fields ("{{置顶提示|报名进行中}}"): its words in place
            code.replace(node, _words_of(node))
        elif isinstance(node, Heading):
            code.replace(node, _HEADING.format(node.level) + _plain(node.title))
    body = [_block(line.strip(), blocks) for line in _plain(code).splitlines() if line.strip()]
    heading = [f"<h1>{html.escape(title)}</h1>"] if title else []
    return title, "".join(heading + body + [f"<p>{html.escape(note)}</p>" for note in notes if note])


def _words_of(template: Template) -> str:
    """The words a template shows: its last unnamed field ("{{lang|en|Weifang}}", "{{color|red|每年100元}}")."""
    shown = [param for param in template.params if not param.showkey]
    return _plain(shown[-1].value) if shown else ""


def _lead_bold(code: Wikicode) -> str:
    """The first bold words before the first section heading."""
    for node in code.nodes:
        if isinstance(node, Heading):
            return ""
        if isinstance(node, Tag) and node.wiki_markup == "'''" and node.contents:
            return _plain(node.contents)
    return ""


def _infobox(template: Template) -> str:
    """An infobox's named fields as a table of one row under their names, which the web-page reader says as one
    sentence ("某某锦标赛：日期2025年7月19日—20日，地点…"; not a page's own 日期 or 文号 lines), no picture's file; ""
    for a template without named fields."""
    named = [(str(param.name).strip(), value) for param in template.params
             if param.showkey and (value := _plain(param.value)) and not _FILE_VALUE.search(value)]
    if not named:
        return ""
    head = "".join(f"<th>{html.escape(name)}</th>" for name, _ in named)
    row = "".join(f"<td>{html.escape(value)}</td>" for _, value in named)
    return f"<table><tr>{head}</tr><tr>{row}</tr></table>"


def _table(table: Tag) -> str:
    """A wiki table as HTML: its caption, then its rows (the cells before the first |- are the first row)."""
    rows: list[list[Tag]] = [[]]
    caption = ""
    for node in table.contents.nodes:
        if isinstance(node, Tag) and node.tag == "tr":
            rows.append([cell for cell in node.contents.nodes if isinstance(cell, Tag) and cell.tag in ("td", "th")])
        elif isinstance(node, Tag) and str(node.contents).startswith("+"):  # "|+ 一览": read as a cell opening "+"
            caption = _plain(node.contents).removeprefix("+").strip()
        elif isinstance(node, Tag) and node.tag in ("td", "th"):
            rows[0].append(node)
    cells = "".join("<tr>" + "".join(f"<{cell.tag}>{html.escape(_plain(cell.contents))}</{cell.tag}>" for cell in row)
                    + "</tr>" for row in rows if row)
    return f"<table><caption>{html.escape(caption)}</caption>{cells}</table>" if caption else f"<table>{cells}</table>"


def _block(line: str, blocks: list[str]) -> str:
    placeholder = _PLACEHOLDER.match(line)
    if not placeholder:
        return f"<p>{html.escape(line)}</p>"
    kind, number, rest = placeholder.groups()
    return blocks[int(number)] if kind == "b" else f"<h{number}>{html.escape(rest.strip())}</h{number}>"


def _plain(code: Wikicode) -> str:
    """Wikitext's words: a link's shown text, bold and italics as plain words, no markup of a list or a tag."""
    return code.strip_code(normalize=True, collapse=True).strip()
