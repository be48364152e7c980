"""A document's LaTeX source saved as text (a notice typeset with ctex: `\\documentclass…`, `\\begin{document}`) → the
text it typesets, for the page splitter to read like a pasted notice: its `\\title`, then its body, a section's
heading a line of its own, a table's rows said as sentences under its header row (text.row_sentence), the macros the
preamble defines without arguments (`\\newcommand{\\lianxi}{某某 0536-…}`) written out; no preamble, page style or
font switches. pylatexenc reads the LaTeX; what is read here is only what it cannot know (ctex's font size macro,
the document's own macros)."""
from __future__ import annotations

import re

from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec
from pylatexenc.latex2text import get_default_latex_context_db as text_context
from pylatexenc.latexwalker import LatexMacroNode, LatexWalker
from pylatexenc.latexwalker import get_default_latex_context_db as parse_context
from pylatexenc.macrospec import MacroSpec

from .text import row_sentence

_DOCUMENT = re.compile(r"\\begin\{document\}(.*?)(?:\\end\{document\}|$)", re.DOTALL)
_MARKS = re.compile(r"\\documentclass\b|\\begin\{document\}")
# "\newcommand{\lianxi}{…}", "\renewcommand\x{…}", "\def\x{…}": a macro of no arguments (its body one brace deep)
_DEFINED = re.compile(r"\\(?:(?:re|provide)?newcommand\*?\s*\{?\\([A-Za-z]+)\}?|def\s*\\([A-Za-z]+))\s*"
                      r"\{((?:[^{}]|\{[^{}]*\})*)\}")
_TITLE = re.compile(r"\\title\s*\{((?:[^{}]|\{[^{}]*\})*)\}")
_TABULAR = re.compile(r"\\begin\{(tabular\*?|tabularx|longtable)\}(?:\{[^{}]*\})*(.*?)\\end\{\1\}", re.DOTALL)
_RULES = re.compile(r"\\(?:toprule|midrule|bottomrule|hline|cline\{[^{}]*\}|cmidrule(?:\([^)]*\))?\{[^{}]*\})")
_PLACEHOLDER = "\ue000{}\ue000"
_SECTIONS = ("part", "chapter", "section", "subsection", "subsubsection", "paragraph")


def latex_text(text: str) -> str | None:
    """The text a LaTeX document typesets, a paragraph to a line; None for any other text."""
    if not _MARKS.search(text[:5000]):
        return None
    body = _DOCUMENT.search(text)
    if body is None:
        return None
    source = _with_macros_written_out(body.group(1), text[:body.start()])
    title = _TITLE.search(text[:body.start()])
    tables: list[str] = []

    def table(found: re.Match[str]) -> str:
        tables.append(_rows_said(found.group(2)))
        return "\n\n" + _PLACEHOLDER.format(len(tables) - 1) + "\n\n"

    said = _to_text(_TABULAR.sub(table, source))
    for n, rows in enumerate(tables):
        said = said.replace(_PLACEHOLDER.format(n), rows)
    lines = [" ".join(line.split()) for line in said.splitlines()]
    head = [_to_text(title.group(1)).strip()] if title else []
    return "\n".join(line for line in [*head, *lines] if line) + "\n"


def _with_macros_written_out(body: str, preamble: str) -> str:
    """The body with the preamble's macros of no arguments replaced by what they stand for."""
    meanings = {found.group(1) or found.group(2): found.group(3) for found in _DEFINED.finditer(preamble)}
    if not meanings:
        return body
    names = "|".join(sorted(map(re.escape, meanings), key=len, reverse=True))
    return re.sub(rf"\\({names})(?![A-Za-z])\s?", lambda used: meanings[used.group(1)], body)


def _rows_said(table: str) -> str:
    """A tabular's rows as sentences under its first row's labels; its rules no text."""
    rows = [[_to_text(cell).strip() for cell in row.split("&")]
            for row in re.split(r"\\\\(?:\[[^\]]*\])?", _RULES.sub("", table)) if row.strip()]
    if len(rows) < 2 or any(len(row) != len(rows[0]) for row in rows):
        return "\n".join(" ".join(row) for row in rows)
    return "\n".join(row_sentence(rows[0], row) for row in rows[1:])


def _to_text(latex: str) -> str:
    nodes = LatexWalker(latex, latex_context=_PARSING, tolerant_parsing=True).get_latex_nodes()[0]
    return str(_CONVERTER.nodelist_to_text(nodes))


def _heading(node: LatexMacroNode, l2tobj: LatexNodes2Text) -> str:
    """A section's title on a line of its own (not pylatexenc's "§ …")."""
    return f"\n\n{l2tobj.nodelist_to_text([node.nodeargd.argnlist[-1]]).strip()}\n\n"


_PARSING = parse_context()
_PARSING.add_context_category("ctex", prepend=True, macros=[MacroSpec("zihao", "{")])  # "\zihao{2}": a font size
_TEXT = text_context()
_TEXT.add_context_category("document", prepend=True, macros=[
    MacroTextSpec("zihao", simplify_repl=""), *(MacroTextSpec(name, simplify_repl=_heading) for name in _SECTIONS)])
_CONVERTER = LatexNodes2Text(latex_context=_TEXT, math_mode="verbatim", strict_latex_spaces=True)
