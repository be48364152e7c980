"""TeX math in Markdown ("$100\\mathrm{Wh}$", "$$\\le 60$$"), as converters from PDF to Markdown (MinerU, Marker,
pandoc) write units, ranges and formulas, read as the text it shows ("100Wh", "≤60") by pylatexenc's LaTeX-to-text
converter, so that a question's "100Wh" finds it. Only a span that holds a TeX command, a superscript or a subscript
is math: "$25，总价$300" is two prices."""
from __future__ import annotations

import re

from pylatexenc.latex2text import LatexNodes2Text

# pandoc's rule: no space just inside the dollars, no digit just after the closing one
_INLINE = re.compile(r"(?<![\\$])\$(?![\s$])((?:[^$\n\\]|\\.)+?)(?<!\s)\$(?!\d)")
_DISPLAY = re.compile(r"\$\$(.+?)\$\$", re.DOTALL)
_TEX = re.compile(r"\\[A-Za-z]+|[\^_]\{?")
_CONVERTER = LatexNodes2Text(math_mode="text")


def math_as_text(markdown: str) -> str:
    """The Markdown with each math span (display or inline) replaced by its text, the rest as written."""
    return _INLINE.sub(_text, _DISPLAY.sub(_text, markdown))


def _text(found: re.Match[str]) -> str:
    tex = found.group(1)
    if not _TEX.search(tex) or tex.count("{") != tex.count("}"):  # no math, or cut short: as written
        return found.group(0)
    return " ".join(_CONVERTER.latex_to_text(tex).replace("^∘", "°").split())  # "37.3^{\\circ}" is 37.3°
