"""Subtitles saved as text (SubRip .srt, WebVTT .vtt): what is said, a cue's lines as they stand, without the cue
numbers, times and styling tags. Three lines of grammar: no library is needed for it."""
from __future__ import annotations

import re

_TIMING = re.compile(r"^\s*(?:\d{1,2}:)?\d{2}:\d{2}[,.]\d{3}\s*-->\s*(?:\d{1,2}:)?\d{2}:\d{2}[,.]\d{3}")
_CUE_NUMBER = re.compile(r"^\s*\d{1,6}\s*$")
_HEADER = re.compile(r"^(?:WEBVTT|NOTE|STYLE|REGION)\b")
_TAG = re.compile(r"</?[a-zA-Z][^>]*>|\{\\[^}]*\}")  # <i>, <font color=…>, {\an8}
_MIN_CUES = 3


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
