"""Timed lyrics saved as LRC (a .lrc file, or its text as .txt), as music players and broadcast editors write them
for a song, a 快板 or a radio spot: "[ti:…]" tags over lines each after its times ("[00:33.60][01:48.20]防溺水…").
One article: titled by its "[ti:…]" tag, published by the organisation an airing card or its performer or maker tag
names, its performer, album and lyricist said first ("表演：某某小学四年级二班；专辑：…。": who performs it may be
asked), then each line once where it stands, without its times and sounds ("（音乐起）"), a sentence of its own (a
refrain's line is written once with every time it is sung). The grammar is two patterns: no library is needed for
it (none maintained reads it)."""
from __future__ import annotations

import re

from .subtitles import SOUND, aired_day, dates_or_signs
from .web_layout import is_issuer

_TIMES = re.compile(r"^(?:\s*\[\d{1,3}:\d{2}\.\d{2,3}\])+")  # "[00:33.60][01:48.20]" (not a chat's "[10:32]")
_WORD_TIMES = re.compile(r"<\d{1,3}:\d{2}\.\d{2,3}>")  # enhanced LRC's word by word: "<00:01.50>溺水"
_ID_TAG = re.compile(r"^\s*\[([A-Za-z#]{1,8})\s*[:：]([^\]]*)\]\s*$")  # "[ti:…]", "[by:…]", "[offset:+200]"
_MIN_TIMED = 3
_MAKERS = ("ar", "by", "au")  # performer, the file's maker, the words' author: an organisation among them publishes
_SAID_TAGS = {"ar": "表演", "al": "专辑", "au": "作词"}
_CLOSING_MARK = re.compile(r"[。！？!?.，,、；;：:…”』」）)】]$")


def read_lyrics(text: str) -> tuple[dict[str, str], str] | None:
    """The title, day and publisher the tags and an airing card give, and the words said; None for any text that is
    no LRC: one whose lines are not all tags, timed lines or blank, or with fewer than three timed lines."""
    lines = [line for line in text.lstrip("\ufeff").splitlines() if line.strip()]
    timed = [_WORD_TIMES.sub("", line[found.end():]).strip() for line in lines if (found := _TIMES.match(line))]
    tags = {found.group(1).lower(): found.group(2).strip() for line in lines if (found := _ID_TAG.match(line))}
    if len(timed) < _MIN_TIMED or len(timed) + sum(bool(_ID_TAG.match(line)) for line in lines) < len(lines):
        return None
    cards = {line: card for line in timed if (card := aired_day(line))}  # "某某街道办事处 2025年7月1日播出"
    credits = "；".join(f"{label}：{tags[key]}" for key, label in _SAID_TAGS.items() if tags.get(key))
    said = [_sentence(line) for line in (credits, *timed) if line and line not in cards and not SOUND.fullmatch(line)]
    tagged = [name for key in _MAKERS for name in tags.get(key, "").split()[:1]]
    makers = [maker for _, maker in cards.values()] + tagged
    facts = {"title": tags.get("ti", ""), "date": next((day for day, _ in cards.values()), ""),
             "publisher": next((name for name in makers if is_issuer(name)), "")}
    return {key: value for key, value in facts.items() if value}, "".join(f"{line}\n" for line in said)


def _sentence(line: str) -> str:
    """A line sung or said, closed as a sentence; but a dateline or a closing, which dates or signs the text."""
    return line if _CLOSING_MARK.search(line) or dates_or_signs(line) else f"{line}。"
