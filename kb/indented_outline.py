"""An outline copied or exported as text, its levels indented by tabs: a slide deck's outline view (PowerPoint's,
WPS 演示's: each slide's title at the margin, its points under it), a mind map exported as text. Its lines say no
sentences, so the text reader would run them together; it is written as Markdown instead, the first line its title,
each line at the margin a heading (a slide's title) over one paragraph of the points under it, each a sentence.
The title slide's organisation and day or month under the title ("某某疾病预防控制中心 免疫规划科" / "2025年9月")
publish and date it."""
from __future__ import annotations

import re

from .page import front_matter
from .web_layout import first_full_day, is_issuer

_CLOSING_MARK = re.compile(r"[。！？!?；;：:…”』」）)】]$")
_MIN_LINES = 6
_INDENTED_SHARE = 0.4  # of the lines: an outline's points outnumber its headings
_OPEN_SHARE = 0.6  # of the lines: points and headings, no sentences
_MONTH = re.compile(r"(\d{4})年(\d{1,2})月")


def indented_outline(text: str) -> str | None:
    """The outline as Markdown; None for a text whose lines are not mostly tab-indented points without end marks, or
    that opens with an indented line."""
    lines = [line.rstrip() for line in text.splitlines() if line.strip()]
    indented = [line for line in lines if line.startswith("\t")]
    if len(lines) < _MIN_LINES or lines[0].startswith("\t") or len(indented) < _INDENTED_SHARE * len(lines) \
            or sum(not _CLOSING_MARK.search(line) for line in lines) < _OPEN_SHARE * len(lines):
        return None
    title, *rest = lines
    blocks = _blocks(rest)
    cover = [line.strip() for line in blocks[0]] if blocks and blocks[0][0].startswith("\t") else []
    return front_matter(_cover_facts(cover)) + f"# {title.strip()}\n\n" + "\n\n".join(map(_slide, blocks)) + "\n"


def _blocks(lines: list[str]) -> list[list[str]]:
    """The lines in slides: each from a line at the margin to the next (the title's own lines before the first)."""
    blocks: list[list[str]] = []
    for line in lines:
        if not line.startswith("\t") or not blocks:
            blocks.append([])
        blocks[-1].append(line)
    return blocks


def _slide(block: list[str]) -> str:
    """A slide as Markdown: its title a heading over one paragraph of its points, each a sentence, a point's
    sub-points its clauses ("自费疫苗降价：四价灭活疫苗：96元；鼻喷减毒活疫苗：258元。"): one passage, not a list of
    words cut off from what they are about."""
    heading = "" if block[0].startswith("\t") else f"## {block[0].strip()}\n\n"
    points: list[list[str]] = []
    for line in block[1:] if heading else block:
        if not line.startswith("\t\t") or not points:
            points.append([])
        points[-1].append(line.strip())
    return heading + "".join(_sentence(point, subs) for point, *subs in points)


def _sentence(point: str, subs: list[str]) -> str:
    said = f"{point.rstrip('：:')}：{'；'.join(sub.rstrip('。；;') for sub in subs)}" if subs else point
    return said if _CLOSING_MARK.search(said) else f"{said}。"


def _cover_facts(cover: list[str]) -> dict[str, str]:
    """The publisher and day (YYYY-MM-DD) or month (YYYY-MM) the title's own lines give, alone on their lines."""
    makers = [line.split()[0] for line in cover if is_issuer(line.split()[0])]  # "某某中心 免疫规划科": the centre
    days = [day.isoformat() for line in cover if (day := first_full_day(line)) and len(line) <= len("2025年12月31日")]
    months = [f"{found[1]}-{int(found[2]):02d}" for line in cover if (found := _MONTH.fullmatch(line))]
    return {"publisher": next(iter(makers), ""), "date": next(iter(days + months), "")}
