"""A reStructuredText document (a Sphinx manual's page, a README kept as .txt), read with docutils, the reference
parser of the format, and written as Markdown for the Markdown reader: its title (over- and underlined) the first
heading, its field list under the title (":版本: v3.2", ":发布日期: 2025年2月20日") a line per field, each section a
heading, an admonition ("… note::") its text after its label, a table its rows; comments (".. 由某某生成") and the
contents directive are none of the text. docutils reads a broken document as the text it holds, reporting nothing."""
from __future__ import annotations

import re
from collections.abc import Iterator

from docutils import nodes
from docutils.core import publish_doctree
from docutils.utils import SystemMessage

from .text import HAN

# what only reStructuredText writes: a directive or comment (".. note::", ".. 某某") or a field (":版本: v3.2") at a
# line's start, with a title's adornment (a line of one punctuation mark, 4 or more) under a line of text
_DIRECTIVE = re.compile(r"^\.\. (?:[\w-]+::|\S)", re.MULTILINE)
_FIELD = re.compile(r"^:[^:\s][^:\n]*:\s+\S", re.MULTILINE)
_ADORNMENT = re.compile(r"^[^\n]*\S[^\n]*\n([=\-~^\"'`#*+])\1{3,}[ \t]*$", re.MULTILINE)
_SETTINGS = {"report_level": 5, "halt_level": 5, "warning_stream": False, "file_insertion_enabled": False,
             "raw_enabled": False, "_disable_config": True, "input_encoding": "unicode"}
_LABELS = {"note": "注", "tip": "提示", "hint": "提示", "important": "重要", "warning": "警告", "caution": "注意",
           "attention": "注意", "danger": "危险", "error": "错误"}
_SKIPPED = (nodes.comment, nodes.system_message, nodes.substitution_definition, nodes.target, nodes.raw,
            nodes.pending)


def rst_markdown(text: str) -> tuple[dict[str, str], str] | None:
    """No facts of its own (its fields are lines of the text, read as a page's are) and the document as Markdown, its
    title the first heading; None for a text that is no reStructuredText (no directive or field at a line's start
    beside a title's adornment)."""
    if not (_DIRECTIVE.search(text) or _FIELD.search(text)) or not _ADORNMENT.search(text):
        return None
    try:
        tree = publish_doctree(text, settings_overrides=_SETTINGS)
    except (SystemMessage, ValueError, AttributeError, IndexError, KeyError):  # a document docutils cannot read
        return None
    title = tree.next_node(nodes.title)
    heading = [f"# {title.astext()}"] if title is not None and title.parent is tree else []
    return {}, "\n\n".join([*heading, *_blocks(tree, 1)])


def _blocks(node: nodes.Element, level: int) -> Iterator[str]:
    for child in node.children:
        if isinstance(child, _SKIPPED) or (isinstance(child, nodes.topic) and "contents" in child["classes"]):
            continue
        if isinstance(child, nodes.title):
            continue  # the document's (above) or its section's (below)
        if isinstance(child, nodes.section):
            title = child.next_node(nodes.title)
            yield f"{'#' * min(level + 1, 6)} {title.astext() if title is not None else ''}"
            yield from _blocks(child, level + 1)
        elif isinstance(child, (nodes.docinfo, nodes.field_list)):
            yield "\n".join(_field_line(field) for field in child.children)
        elif isinstance(child, (nodes.bullet_list, nodes.enumerated_list)):
            mark = "1." if isinstance(child, nodes.enumerated_list) else "-"
            yield "\n".join(f"{mark} {_one_line(item)}" for item in child.children)
        elif isinstance(child, nodes.definition_list):
            yield "\n\n".join(f"{_one_line(item[0])}：{_one_line(item[-1])}" for item in child.children)
        elif isinstance(child, nodes.table):
            yield "\n".join(_table_rows(child))
        elif isinstance(child, nodes.Admonition) and not isinstance(child, nodes.admonition):
            yield f"{_LABELS.get(child.tagname, child.tagname)}：{_one_line(child)}"
        elif isinstance(child, (nodes.line_block, nodes.literal_block)):
            yield "\n\n".join(line.strip() for line in child.astext().splitlines() if line.strip())
        elif isinstance(child, nodes.paragraph) or not child.children or isinstance(child, nodes.TextElement):
            yield _one_line(child)
        else:  # a block quote, a container, a generic admonition: what it holds
            yield from _blocks(child, level)


def _field_line(field: nodes.Node) -> str:
    """"发布日期：2025年2月20日" for a field (or a docinfo's own "date", "author" …, named by its tag)."""
    if isinstance(field, nodes.field):
        return f"{_one_line(field[0])}：{_one_line(field[1])}"
    return f"{field.tagname}：{_one_line(field)}"


def _table_rows(table: nodes.table) -> Iterator[str]:
    """A table's rows as a Markdown table's, its header's rule under its first row."""
    rows = list(table.findall(nodes.row))
    for n, row in enumerate(rows):
        yield "| " + " | ".join(_one_line(entry) for entry in row.children) + " |"
        if n == 0:
            yield "|" + "---|" * len(row.children)


def _one_line(node: nodes.Node) -> str:
    """A node's text on one line: a line broken in the source goes on without a space between Chinese characters."""
    return _CHINESE_BREAK.sub("", " ".join(line.strip() for line in node.astext().splitlines() if line.strip()))


_CHINESE_BREAK = re.compile(rf"(?<={HAN}|[，。；：！？、）”]) (?={HAN}|[（“])")
