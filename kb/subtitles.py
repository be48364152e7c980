"""Subtitles saved as text (SubRip .srt, WebVTT .vtt): what is said, a cue's lines as they stand, without the cue
numbers, times and styling tags, and what a WebVTT file says of the recording: its title after the "WEBVTT"
signature, the day in its NOTE blocks. Three lines of grammar: no library is needed for it."""
from __future__ import annotations

import re
from datetime import date

from .web_layout import first_full_day

_TIMING = re.compile(r"^\s*(?:\d{1,2}:)?\d{2}:\d{2}[,.]\d{3}\s*-->\s*(?:\d{1,2}:)?\d{2}:\d{2}[,.]\d{3}")
_CUE_NUMBER = re.compile(r"^\s*\d{1,6}\s*$")
_HEADER = re.compile(r"^(?:WEBVTT|NOTE|STYLE|REGION)\b")
_TAG = re.compile(r"</?[a-zA-Z][^>]*>|\{\\[^}]*\}")  # <i>, <font color=…>, {\an8}
_MIN_CUES = 3
_SIGNATURE_TEXT = re.compile(r"^WEBVTT[ \t]+[-–—:：\s]*(.*?)\s*$")  # "WEBVTT - 某某新闻发布会"
_FILE_WORDS = re.compile(r"[\s\-–—_|]*(?:(?:(?:直播)?回放)?字幕|(?:直播)?回放)$")  # name the file, not its subject
_TITLE_MIN_CHARS = 5  # "WEBVTT FILE" (an old signature) names no title
_NOTE = re.compile(r"^NOTE(?:[ \t]+|$)")
_LABEL = re.compile(r"^\s*([\u4e00-\u9fff]{1,10})\s*[：:]")
_EVENT_WORDS = re.compile(r"直播|播出|录制|发布会|现场|时间|日期")
_CREDIT_WORDS = re.compile(r"校对|整理|审核|制作|生成|上传|更新")  # the subtitles' own making, not the event's


def subtitle_text(text: str) -> str | None:
    """The words of a subtitle file, or None for any other text (one that does not open with a cue or a WebVTT
    header, or has fewer than three cues)."""
    lines = text.splitlines()
    opening = next((n for n, line in enumerate(lines) if line.strip()), len(lines))
    timed = [n for n, line in enumerate(lines) if _TIMING.match(line)]
    if len(timed) < _MIN_CUES or opening not in (timed[0], timed[0] - 1) and not _HEADER.match(lines[opening]):
        return None
    skipped = {*timed, *(n - 1 for n in timed if n > 0 and _CUE_NUMBER.match(lines[n - 1]))}
    said = [_TAG.sub("", line).strip() for n, line in enumerate(lines[timed[0]:], start=timed[0]) if n not in skipped]
    return "\n".join(line for line in said if line) + "\n"


def subtitle_facts(text: str) -> dict[str, str]:
    """The title and day (YYYY-MM-DD) a WebVTT file gives the recording, those it gives: the text after "WEBVTT" on
    its first line, without words that name the file ("…直播回放字幕"), and the day of the event in its NOTE
    blocks (see _event_day). An .srt, or a bare "WEBVTT", gives none."""
    lines = text.splitlines()
    if not lines or not lines[0].startswith("WEBVTT"):
        return {}
    signature = _SIGNATURE_TEXT.match(lines[0])
    title = _FILE_WORDS.sub("", signature.group(1)) if signature else ""
    day = _event_day(_note_lines(lines))
    facts = {"title": title if len(title) >= _TITLE_MIN_CHARS else "", "date": day.isoformat() if day else ""}
    return {key: value for key, value in facts.items() if value}


def _note_lines(lines: list[str]) -> list[str]:
    """The lines of the NOTE blocks (comments), from "NOTE" (and the text after it) to the next blank line."""
    notes, inside = [], False
    for line in lines:
        start = _NOTE.match(line)
        inside = bool(line.strip()) and (inside or start is not None)
        if inside:
            notes.append(line[start.end():] if start else line)
    return notes


def _event_day(notes: list[str]) -> date | None:
    """The day the recorded event took place: a full date on a line labelled as its time or place ("直播时间：…",
    "发布会现场：某地 2021年4月22日"), else the first full date on a line that is not about making the subtitles
    ("校对：某人 2021-04-22", "2024-09-06 经人工校对")."""
    labelled = [line for line in notes if (label := _LABEL.match(line))
                and _EVENT_WORDS.search(label.group(1)) and not _CREDIT_WORDS.search(label.group(1))]
    unlabelled = [line for line in notes if not _CREDIT_WORDS.search(line)]
    return next(filter(None, map(first_full_day, labelled + unlabelled)), None)
