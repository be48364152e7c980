"""A reStructuredText document (a Sphinx manual's page, a README kept as .txt), read with docutils, the reference
parser of the format, and written as Markdown for the Markdown reader: its title (over- and underlined) the first
heading, its field list under the title (":版本: v3.2", ":发布日期: 2025年2月20日") a line per field, each section a
heading, an admonition ("… note::") its text after its label, a table its rows (under its header when it has one,
else each row "label：value"); comments (".. 由某某生成") and the contents directive are none of the text. Sphinx's own
directives and roles, which docutils does not know, keep their text (":guilabel:`挂号`" → 挂号), and what the text
says is escaped from Markdown ("#青禾战疫#" is no heading)."""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from docutils import nodes
from docutils.core import publish_doctree
from docutils.parsers.rst import Directive, directives, roles

from .parsing import BROKEN
from .text import HAN

# what only reStructuredText writes: a directive or comment (".. note::", ".. 某某") or a field (":版本: v3.2") at a
# line's start, with a title's adornment (a line of one punctuation mark, 4 or more) under a line of text
_DIRECTIVE = re.compile(r"^\.\. (?:[\w-]+::|\S)", re.MULTILINE)
_FIELD = re.compile(r"^:[^:\s][^:\n]*:\s+\S", re.MULTILINE)
_ADORNMENT = re.compile(r"^[^\n]*\S[ \t]*\n([=\-~^\"'`#*+])\1{3,}[ \t]*$", re.MULTILINE)
_SETTINGS = {"report_level": 5, "halt_level": 5, "warning_stream": False, "file_insertion_enabled": False,
             "raw_enabled": False, "_disable_config": True, "input_encoding": "unicode"}
_LABELS = {"note": "注", "tip": "提示", "hint": "提示", "important": "重要", "warning": "警告", "caution": "注意",
           "attention": "注意", "danger": "危险", "error": "错误"}
# a docinfo's own fields, which docutils names in English (":date:", ":author:")
_DOCINFO_LABELS = {"date": "日期", "author": "作者", "authors": "作者", "organization": "单位", "version": "版本",
                   "revision": "修订", "status": "状态", "contact": "联系方式", "address": "地址", "copyright": "版权"}
_SKIPPED = (nodes.comment, nodes.system_message, nodes.substitution_definition, nodes.target, nodes.raw,
            nodes.pending, nodes.label)
# Sphinx's directives: those that hold text (their argument and content are read), those that hold none here
_SPHINX_BLOCKS = ("versionadded", "versionchanged", "deprecated", "seealso", "only", "hlist", "centered", "glossary",
                  "todo", "productionlist", "tab", "tabs", "card", "dropdown", "grid", "grid-item-card")
_SPHINX_NOTHING = ("toctree", "index", "literalinclude", "automodule", "autoclass", "autofunction", "tabularcolumns",
                   "highlight", "sectionauthor", "moduleauthor", "codeauthor")
_SPHINX_CODE = ("code-block", "sourcecode")
_SPHINX_ROLES = ("ref", "doc", "guilabel", "menuselection", "term", "kbd", "file", "command", "program", "abbr",
                 "download", "numref", "samp", "envvar", "option", "any", "dfn", "mimetype", "makevar", "keyword",
                 "eq", "sub", "sup")
_ROLE_TARGET = re.compile(r"\s*<[^<>]*>$")  # ":ref:`挂号页 <booking>`": the words, not the target
_MARKDOWN_MARK = re.compile(r"([\\`*_\[\]#|])")
_LIST_LIKE = re.compile(r"^(\d+)\.(?=\s)|^([-+])(?=\s)")  # what opens a Markdown list at a line's start


class _AnyOption(dict[str, Any]):
    """A Sphinx directive's options, whatever they are called, taken as written."""

    def __missing__(self, key: str) -> Any:
        return directives.unchanged


class _SphinxBlock(Directive):  # type: ignore[misc]  # docutils ships no types
    """A directive of Sphinx's that holds text: its argument, then its content read as the document's."""
    optional_arguments, final_argument_whitespace, has_content = 1, True, True
    option_spec = _AnyOption()

    def run(self) -> list[nodes.Node]:
        block = nodes.container()
        if self.arguments:
            block += nodes.paragraph(text=self.arguments[0])
        self.state.nested_parse(self.content, self.content_offset, block)
        return [block]


class _SphinxNothing(_SphinxBlock):
    def run(self) -> list[nodes.Node]:
        return []


class _SphinxCode(_SphinxBlock):
    def run(self) -> list[nodes.Node]:
        return [nodes.literal_block(text="\n".join(self.content))]


def _sphinx_role(name: str, rawtext: str, text: str, lineno: int, inliner: Any, options: Any = None,
                 content: Any = None) -> tuple[list[nodes.Node], list[nodes.Node]]:
    return [nodes.inline(rawtext, _ROLE_TARGET.sub("", text).strip())], []


for _names, _directive in ((_SPHINX_BLOCKS, _SphinxBlock), (_SPHINX_NOTHING, _SphinxNothing),
                           (_SPHINX_CODE, _SphinxCode)):
    for _name in _names:
        directives.register_directive(_name, _directive)
for _name in _SPHINX_ROLES:
    roles.register_local_role(_name, _sphinx_role)


def rst_markdown(text: str) -> tuple[dict[str, str], str] | None:
    """No facts of its own (its fields are lines of the text, read as a page's are) and the document as Markdown, its
    title the first heading; None for a text that is no reStructuredText (no directive or field at a line's start
    beside a title's adornment), or one docutils reads as nothing (a line longer than it parses) or cannot read (a
    list nested hundreds deep)."""
    if not (_DIRECTIVE.search(text) or _FIELD.search(text)) or not _ADORNMENT.search(text):
        return None
    try:
        tree = publish_doctree(text, settings_overrides=_SETTINGS)
        title = tree.next_node(nodes.title)
        heading = [f"# {_markdown(title.astext())}"] if title is not None and title.parent is tree else []
        markdown = "\n\n".join(block for block in [*heading, *_blocks(tree, 1)] if block)
    except (*BROKEN, RecursionError):
        return None
    return ({}, markdown) if markdown.strip() else None


def _blocks(node: nodes.Element, level: int) -> Iterator[str]:
    for child in node.children:
        if isinstance(child, _SKIPPED) or (isinstance(child, nodes.topic) and "contents" in child["classes"]):
            continue
        if isinstance(child, nodes.title):
            if not isinstance(node, (nodes.document, nodes.section)):  # a sidebar's, a table's, a topic's
                yield _markdown(_one_line(child))
        elif isinstance(child, nodes.section):
            title = child.next_node(nodes.title)
            yield f"{'#' * min(level + 1, 6)} {_markdown(title.astext()) if title is not None else ''}"
            yield from _blocks(child, level + 1)
        elif isinstance(child, (nodes.docinfo, nodes.field_list)):
            yield "\n".join(_field_line(field) for field in child.children)
        elif isinstance(child, (nodes.bullet_list, nodes.enumerated_list)):
            mark = "1." if isinstance(child, nodes.enumerated_list) else "-"
            yield "\n".join(f"{mark} {_markdown(_one_line(item))}" for item in child.children)
        elif isinstance(child, nodes.definition_list):
            yield "\n\n".join(f"{_markdown(_one_line(item[0]))}：{_markdown(_one_line(item[-1]))}"
                              for item in child.children)
        elif isinstance(child, nodes.table):
            yield from _blocks_of_table(child)
        elif isinstance(child, nodes.Admonition) and not isinstance(child, nodes.admonition):
            yield f"{_LABELS.get(child.tagname, child.tagname)}：{_markdown(_one_line(child))}"
        elif isinstance(child, (nodes.line_block, nodes.literal_block)):
            yield "\n\n".join(_markdown(line.strip()) for line in child.astext().splitlines() if line.strip())
        elif isinstance(child, nodes.paragraph) or not child.children or isinstance(child, nodes.TextElement):
            yield _markdown(_one_line(child))
        else:  # a block quote, a container, a generic admonition, a Sphinx block: what it holds
            yield from _blocks(child, level)


def _field_line(field: nodes.Node) -> str:
    """"发布日期：2025年2月20日" for a field (or a docinfo's own "date", "author" …, named in Chinese)."""
    if isinstance(field, nodes.field):
        return f"{_markdown(_one_line(field[0]))}：{_markdown(_one_line(field[1]))}"
    return f"{_DOCINFO_LABELS.get(field.tagname, field.tagname)}：{_markdown(_one_line(field))}"


def _blocks_of_table(table: nodes.table) -> Iterator[str]:
    """A table under its title: a Markdown table under its header row when it has one; else each row a line, a
    label and its value ("地点：青禾镇文化站") or its cells in a row."""
    title = table.next_node(nodes.title)
    if title is not None and title.parent is table:
        yield _markdown(_one_line(title))
    head = [row for part in table.findall(nodes.thead) for row in part.children]
    body = [row for part in table.findall(nodes.tbody) for row in part.children]
    cells = [[_markdown(_one_line(entry)) for entry in row.children] for row in body]
    if head:
        header = [_markdown(_one_line(entry)) for entry in head[0].children]
        yield "\n".join(["| " + " | ".join(header) + " |", "|" + "---|" * len(header),
                         *("| " + " | ".join(row) + " |" for row in cells)])
    else:
        yield "\n\n".join(f"{row[0]}：{row[1]}" if len(row) == 2 else "，".join(row) for row in cells)


def _one_line(node: nodes.Node) -> str:
    """A node's text on one line: a line broken in the source goes on without a space between Chinese characters
    (a space the text itself holds stays)."""
    text = ""
    for line in (line.strip() for line in node.astext().splitlines()):
        if line:
            text += ("" if not text or (_BREAKS_CLOSED.search(text) and _OPENS_CLOSED.match(line)) else " ") + line
    return text


_BREAKS_CLOSED = re.compile(rf"(?:{HAN}|[，。；：！？、）”])$")
_OPENS_CLOSED = re.compile(rf"{HAN}|[（“]")


def _markdown(text: str) -> str:
    """Text as Markdown says it: its marks escaped ("#青禾战疫#", "带*号为必填项"), a tag-like "<目录>" as text, and
    no list opened by a number or dash it starts with."""
    escaped = _MARKDOWN_MARK.sub(r"\\\1", text).replace("<", "&lt;")
    return _LIST_LIKE.sub(lambda found: f"{found.group(1)}\\." if found.group(1) else f"\\{found.group(2)}", escaped)
