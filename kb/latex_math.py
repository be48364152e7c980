"""TeX math in Markdown ("$100\\mathrm{Wh}$", "$$\\le 60$$"), as converters from PDF to Markdown (MinerU, Marker,
pandoc) write units, ranges and formulas, read as the text it shows by pylatexenc's LaTeX-to-text converter, in the
forms a question types ("100Wh", "≤60", "PM2.5", "50m²", "5~10"), so that the question finds it. Only a span that
holds a TeX command, a braced superscript or subscript or a power is math ("$25，总价$300" is two prices); code (a
fence, a `span`) is left as written, and display math does not cross a blank line."""
from __future__ import annotations

import logging
import re

from pylatexenc.latex2text import LatexNodes2Text

_MATH = re.compile(
    r"(?P<code>^(?P<fence>`{3,}|~{3,})[^\n]*\n.*?^(?P=fence)[ \t]*$|`[^`\n]+`)"  # code: as written
    r"|\$\$(?P<display>(?:(?!\n[ \t]*\n)[^$])+?)\$\$"  # display math, within a paragraph
    r"|(?<![\\$])\$(?![\s$])(?P<inline>(?:[^$\n\\]|\\.)+?)(?<!\s)\$(?!\d)",  # pandoc's rule for inline math
    re.MULTILINE | re.DOTALL)
_TEX = re.compile(r"\\[A-Za-z]+|[\^_]\{|\^\d")
# the converter's forms that a question would not type: "37.3^∘", "m^2" (not "2^32"), "PM_2.5", "5∼10"
_TYPED = ((re.compile(r"\^∘"), "°"), (re.compile(r"\^2(?![\w.])"), "²"), (re.compile(r"\^3(?![\w.])"), "³"),
          (re.compile(r"_(?=[\w.])"), ""), (re.compile("∼"), "~"))
# spaces the converter leaves beside Chinese and numbers ("≤ 60", "100 Wh"); between words they stay ("if x")
_LOOSE = re.compile(r"\s+(?=[\u4e00-\u9fff\d])|(?<=[\u4e00-\u9fff\d])\s+")
_CONVERTER = LatexNodes2Text(math_mode="text")
# a macro missing its arguments ("\\frac{1}") is reported as a warning on each conversion and left as "%s/%s"
# (taken as written below), not for the office adding an article to read
logging.getLogger("pylatexenc.latex2text").setLevel(logging.ERROR)


def math_as_text(markdown: str) -> str:
    """The Markdown with each math span (display or inline) replaced by its text, the rest as written."""
    return _MATH.sub(_text, markdown)


def _text(found: re.Match[str]) -> str:
    tex = found.group("display") or found.group("inline")
    if not tex or not _TEX.search(tex) or tex.count("{") != tex.count("}"):  # code, no math, or cut short
        return found.group(0)
    text = _CONVERTER.latex_to_text(tex)
    for shown, typed in _TYPED:
        text = shown.sub(typed, text)
    text = _LOOSE.sub("", " ".join(text.split()))
    return text if text and "%s" not in text else found.group(0)  # a macro it could not fill in: as written
