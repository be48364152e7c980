"""A post saved from a BBS of the 水木 kind (Firebird's descendants): three head lines name its poster and
board ("发信人: 某ID (昵称), 信区: 某版"), its title ("标  题: …") and the station with the time it was posted
("发信站: 某某BBS (Sat Apr 12 21:05:33 2025), 站内"); "※ 来源:" / "※ 修改:" / "※ 转载:" lines stamp where it
came from and when it was edited, a repost names its board ("【 以下文字转载自 … 】"), and a reply quotes the post it
answers under "【 在 某ID (昵称) 的大作中提到: 】". None of those lines is the post's text. (The "--" line over the
poster's signature is gone before the post is read, as every rule line is: the signature's motto stays a line of
text. A thread of several posts pasted together is read by its first post's head.)
"""
from __future__ import annotations

import re
from datetime import date, datetime

from .text import written_day
from .web_layout import Dateline, Microblog

_POSTER = re.compile(r"^发信人\s*[:：]\s*([^\s(（,，]{1,40})\s*(?:[(（](.{0,40}?)[)）])?\s*[,，]\s*信区\s*[:：]")
_TITLE = re.compile(r"^标\s*题\s*[:：]\s*(.+)$")
_STATION = re.compile(r"^发信站\s*[:：].*[(（]([^()（）]{6,60})[)）]")  # the last brackets: "日月光华 (fudan) (…)"
# what no poster wrote: "Re:" marks and a board's label for the kind of post ("[公告]"), in any order
_TITLE_MARKS = re.compile(r"^(?:Re\s*[:：]\s*|\[[^\]]{1,6}\]\s*)+", re.IGNORECASE)
# the station's stamps ("※ 来源:·…·[FROM: …]", "※ 修改:·…", "※ 转载:·…") and a repost's ("【 以下文字转载自 某版 讨论区
# 】", "【 原文由 某ID 所发表 】"); a reply's quoting head ("【 在 某ID (昵称) 的大作中提到: 】") and the lines it
# quotes (": …"): another poster's words
_NOT_THE_POSTERS = re.compile(r"^(?:※\s*(?:来源|修改|转载)\s*[:：]|【\s*(?:以下文字转载自|原文由)\s.{1,60}】|"
                              r"【\s*在\s.{1,60}的大作中提到\s*[:：]\s*】|[:：]\s)")
_CTIME = "%a %b %d %H:%M:%S %Y"  # the station's clock as C's ctime() writes it: "Sat Apr 12 21:05:33 2025"


def read_bbs_post(lines: list[str]) -> Microblog | None:
    """The post, titled by its 标题 without "Re:" marks or a board's label, dated by its station's time and
    published by the poster's nickname (else ID); None when the lines do not open with a BBS post's three head
    lines."""
    head = [line.strip() for line in lines[:3]]
    if len(head) < 3:
        return None
    poster, title, station = _POSTER.match(head[0]), _TITLE.match(head[1]), _STATION.match(head[2])
    if not (poster and title and station):
        return None
    # a reply that only quotes is read with what it quotes
    body = [line for line in lines[3:] if not _NOT_THE_POSTERS.match(line.strip())] or lines[3:]
    name = _TITLE_MARKS.sub("", title.group(1).strip())
    publisher = (poster.group(2) or "").strip() or poster.group(1)
    return Microblog(Dateline(_posted(station.group(1)), publisher, True), name, body)


def _posted(stamp: str) -> date | None:
    try:
        return datetime.strptime(" ".join(stamp.split()), _CTIME).date()
    except ValueError:  # a station writing Chinese days: "2025年04月12日21:05:33 星期六"
        return written_day(stamp)
