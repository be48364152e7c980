"""Subtitles saved as text (SubRip .srt, WebVTT .vtt): what is said, a cue's lines as they stand, without the cue
numbers, times and styling tags, and what the file says of the recording: its title after the "WEBVTT"
signature, in a NOTE block or in the file's name, the day in its NOTE blocks. Three lines of grammar: no library is
needed for it.

A meeting's transcript names who speaks: a WebVTT voice tag ("<v 张磊>"), or, as Zoom, Teams, 腾讯会议 and 飞书妙记
save it, a label in front of most cues ("张磊：…", "【主持人】…"). The name is no part of what is said; a speaker's
turn starts a paragraph, so a question from the floor is not glued to the host's unfinished sentence."""
from __future__ import annotations

import itertools
import json
import re
from datetime import date

from .text import HAN, PARAGRAPH_START, SHOWN_LABEL, valid_day
from .web_layout import (
    ISSUER_END,
    first_full_day,
    is_issuer,
    issuer_names,
    labelled_fields,
    read_dateline,
    read_signature,
    recording_name,
)

_TIMING = re.compile(r"^\s*(?:\d{1,2}:)?\d{2}:\d{2}[,.]\d{3}\s*-->\s*(?:\d{1,2}:)?\d{2}:\d{2}[,.]\d{3}")
_CUE_NUMBER = re.compile(r"^\s*\d{1,6}\s*$")
_HEADER = re.compile(r"^(?:WEBVTT|NOTE|STYLE|REGION)\b")
# <i>, <font color=…>, {\an8}, and automatic captions' word timings: <00:00:01.360>
_TAG = re.compile(r"</?[a-zA-Z][^>]*>|\{\\[^}]*\}|<(?:\d{2}:)?\d{2}:\d{2}\.\d{3}>")
# "<c.price>月租1100元</c>": a line styled as words on the screen, when few lines are (not a colour's or a
# language's class: "<c.colorE5E5E5>…", "<c.zh>…", a whole track's styling)
_SHOWN_SPAN = re.compile(r"^<c\.([\w.-]+)>[^<]*</c>$")
_TRACK_CLASS = re.compile(r"^(?:color\w*|bg_?\w*|white|yellow|black|zh|en|chs|cht|sc|tc|ja|ko)$", re.IGNORECASE)
# "{\an8}冬季用煤炉取暖，炉子必须装烟筒": a SubRip line moved off the speech's place at the foot of the screen (an ASS
# override: \an1…\an9 but \an2, the foot's middle, or \pos) is words shown on the screen as well
_PLACED = re.compile(r"^\{\\(?:an[1345-9]|pos\()")
# A caption of what is heard, not said, in round or square brackets: "[欢快音乐]", "（掌声）", "[尖叫声]", "（众人笑）",
# "[鸟叫声、风声]", "[Music]", "♪～♪", "♪（轻快的背景音乐）♪"; no words of the recording (a heading in 【】 is a
# segment's: "【百姓心声】")
_BRACKET_OPEN, _HEARD_CLOSE = r"[\[［（(]\s*", r"\s*[\]］）)]"
_HEARD_OPEN = rf"{_BRACKET_OPEN}[\u4e00-\u9fff、，\s]{{0,8}}"
_SOUNDS = r"音乐|音效|鼓掌|笑|BGM|[Mm]usic|[Aa]pplause|[Ll]aughter"  # and 声
_HEARD = rf"{_HEARD_OPEN}(?:{_SOUNDS}|声)[\u4e00-\u9fff]{{0,4}}{_HEARD_CLOSE}"
_MUSIC_SIGNS = r"[♪♫～~\s]"
SOUND = re.compile(rf"(?:{_HEARD}|{_MUSIC_SIGNS})+")
# In a recording, also a chime or a beep written as it sounds ("[叮咚——]", "（嘀——嘀——）", "[叮铃铃]"; a song's
# "(嘟嘟嘟)" is sung) and the recording's own marks ("[录音开始]", "[开始录音]", not "（我有录音）" said)
_CHIME = rf"{_BRACKET_OPEN}(?:[叮咚嘀嗒滴铛铃嘟哔砰嗡][—～~\-…！!]*){{1,8}}{_HEARD_CLOSE}"
_RECORDING_MARK = rf"{_BRACKET_OPEN}(?:开始|停止)?录音(?:开始|结束|中断|中|停止)?{_HEARD_CLOSE}"
_NOT_SAID = re.compile(rf"(?:{_HEARD}|{_CHIME}|{_RECORDING_MARK}|{_MUSIC_SIGNS})+")
# Sounds in brackets before a cue's words ("♪ [片头音乐] 鸢都之声…", "[音乐] 点个关注…"), not before another bracket
# this does not know for a sound ("[收线声][鱼扑腾]"); a song's ♪ after them stays with its words. Before words the
# bracket must end in the sound ("[欢快音乐]", "（掌声）", "[音乐渐起]"): "（音乐老师）", "(声明)", "（百姓心声）" and
# "(新年音乐会)" are said
_HEARD_LAST = (rf"{_HEARD_OPEN}(?:{_SOUNDS}|(?<![心之发尾呼回先])声)"
               rf"(?:渐起|响起|渐弱|渐强|雷动|不断|继续|持续|阵阵|停止|结束|起|中|停)?{_HEARD_CLOSE}")
_HEARD_FIRST = re.compile(rf"^(?:[♪♫]\s*)*(?:(?:{_HEARD_LAST}|{_CHIME}|{_RECORDING_MARK})\s*)+(?!\s*[\[［（(])")
# A screen note in captions for the deaf and hard of hearing: "[屏幕文字：咨询电话 0536-8096530]": the words shown
_SCREEN_NOTE = re.compile(r"[\[［【(（]\s*(?:屏幕文字|画面文字|屏幕字幕|屏幕|字幕卡)\s*[：:]\s*(.+?)\s*[\]］】)）]")
# A film's credit in its first two cues: "【某某局 出品】", "某某融媒体中心 摄制", or labelled: "出品：某某局",
# "摄制：某某中心 2024年12月": who made it publishes it; no words said
_CREDIT_CARD = re.compile(r"^[【\[［(（]?\s*(?:(\S.{1,30}?)\s*(?:联合)?(?:出品|摄制|制作|监制)"
                          r"|(?:出品|摄制|制作|监制)(?:单位|方)?\s*[：:]\s*(\S.{1,30}?)(?:\s*\d{4}年\d{1,2}月)?)"
                          r"(?:\s*[｜|·]\s*(?P<day>\d{4}年\d{1,2}月\d{1,2}日))?\s*[】\]］)）]?$")
# …or a card in the first cues saying when the recording was aired or shot, maybe after who aired it, maybe in
# brackets, maybe only the day or the month: "高密电视台 2025年2月24日播出", "拍摄：2024年10月26日 星期六",
# "（2025年6月20日播出）": it dates the recording, its maker publishes it; no words said, but for the place a card
# names after the day ("录制于2025年4月17日 某某司法所": where it was recorded may be asked) and a day or month alone
# in its cue ("2025年7月"), which may as well be the story's time ("2008年5月12日" over what happened that day),
# maybe after a programme's name ("《湿地播报》第15期　2025年4月20日": an issue's card, which titles it)
_DAY = r"\d{4}年\d{1,2}月\d{1,2}日|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}"
_DAY_OR_MONTH = rf"{_DAY}|\d{{4}}年\d{{1,2}}月(?!\d)"
_WEEKDAY = r"(?:星期|周)[一二三四五六日天]"
_MADE = r"播出|首播|播放|拍摄|录制|摄制"
_OPEN, _CLOSE = r"^[（(【\[［]?\s*", r"\s*[）)】\]］]?$"
# "《法律进社区》第12期", "某某老年大学《银龄课堂》第八讲" (an organisation that makes it before it, not "奶奶珍藏的
# 《全家福》"), or an issue's number after a short name without the marks, no sentence: "青禾路况　第0913期" (not
# "今天是第3期"); the maker ends as an issuer does (but 部, 会, 处, which speech puts before a title too:
# "这部《红高粱》"), or as a channel, a newsroom or a neighbourhood
_SPOKEN_ENDS = ("部", "会", "处")
_MAKERS = "|".join([*(end for end in ISSUER_END.split("|") if end not in _SPOKEN_ENDS),
                    "频道", "融媒", "街道", "社区", "站"])
_PROGRAMME_NAME = (rf"(?:(?![^《]*(?:欢迎|收看|收听|观看))[\u4e00-\u9fff]{{1,10}}(?:{_MAKERS})\s*)?"
                   r"《[^》]{1,30}》(?:\s*第\S{1,4}[期集讲课节回])?"
                   r"|(?![^第]*[是的了])[\u4e00-\u9fff]{2,12}\s*第(?:\d{1,4}|[一二三四五六七八九十百零]{1,4})[期集]")
_PROGRAMME = re.compile(rf"^(?:{_PROGRAMME_NAME})$")
# a work's title card, maybe after its kind: "快板《某某》", "公益动画《某某》" (not "欢迎收看《某某》")
_WORK_KINDS = "快板|相声|小品|戏|剧|歌|曲|动画|电影|纪录片|宣传片|短片|广告|视频"
_WORK_CARD = re.compile(rf"^(?:[\u4e00-\u9fff]{{0,4}}?(?:{_WORK_KINDS}))?《[^》]{{1,30}}》$")
# …or one an editor marks as the opening's title: "【片头】某某公司 新员工安全培训（熔炼车间篇）", not what the opening
# plays or shows ("【片头】欢快的音乐", "【片头】航拍城区画面"); its words stay said (a title the file gives may be
# shorter)
_OPENING_TITLE = re.compile(r"^[【\[［]\s*(?:片头|片名|标题)\s*[】\]］]\s*"
                            r"(?![^（(]*(?:音乐|音效|旋律|配乐|BGM|画面|镜头|航拍|动画|空镜|字幕))(\S.{1,60})$")
_SUNG = re.compile(r"^[♪♫].*[♪♫]$")
_DAY_CARD = re.compile(rf"{_OPEN}(?:(?P<maker>\S.{{1,30}}?)\s+)?"
                       rf"(?:(?:{_MADE})(?:时间|日期)?\s*(?:[：:]|(?P<at>于))\s*(?P<labelled>{_DAY_OR_MONTH})"
                       rf"\s*(?:{_WEEKDAY})?"
                       rf"(?:\s+(?P<where>[^，。！？；\s]{{2,30}}))?"
                       rf"|(?P<marked>{_DAY_OR_MONTH})\s*(?:{_WEEKDAY})?\s*(?:{_MADE})"
                       rf"(?:于(?P<place>[^，。！？；\s]{{2,30}}))?){_CLOSE}"  # "2025年4月8日 录制于某某剧场"
                       # "《某某播报》第15期　2025年4月20日"
                       rf"|{_OPEN}(?:(?P<programme>{_PROGRAMME_NAME})\s*)?"
                       rf"(?P<bare>{_DAY_OR_MONTH})\s*(?:{_WEEKDAY})?{_CLOSE}"
                       # …or the event's day (and hour) and place, said: "2024年11月26日 上午9:00 ｜ 某某厅"
                       rf"|^(?P<event>{_DAY})\s*(?:{_WEEKDAY})?\s*(?:上午|下午|晚上)?\s*(?:\d{{1,2}}[:：]\d{{2}})?"
                       r"(?:\s*[｜|]\s*|\s+)[^，。！？；\s]{2,30}$")
_CARD_CUES = 2
_SPEAKER_CHANGE = re.compile(r"^(?:>>|＞＞)(?![>＞])\s*")  # a TV caption's mark of another speaker: ">> 记者：…"
_VOICE = re.compile(r"<v(?:\.[^\s>]*)?[ \t]+([^>]*[^\s>])\s*>")  # <v 张磊>, <v.loud 张磊>
_NAME = r"[\u4e00-\u9fffA-Za-z][\u4e00-\u9fffA-Za-z· ]{0,6}[\u4e00-\u9fffA-Za-z]"  # 2 to 8 letters, no marks
# "张磊：…", "- 张磊: …" and "【主持人】…", "[张磊] …": the two kinds of speaker label a transcript puts before its cues
_SPEAKER_LABELS = (re.compile(rf"^(?:[-–—]\s*)?({_NAME})\s*[:：]\s*(?=\S)"),
                   re.compile(rf"^(?:[-–—]\s*)?[\[【]({_NAME})[\]】]\s*(?=\S)"))
_FIELD_NAME = re.compile(r"(?:电话|热线|时间|日期|地址|地点|邮箱|网址|方式|费用)$")
_LABELLED_SHARE = 0.6  # of the cues with text: fewer is a colon now and then ("咨询电话：…"), no transcript
_MIN_CUES = 3
_CLOSING_MARK = re.compile(r"[。！？!?.，,、；;：:…”』」）)]$")
_UNPUNCTUATED_SHARE = 0.8  # of the lines said: captions without end marks, not a sentence's line breaks
_SIGNATURE_TEXT = re.compile(r"^WEBVTT[ \t]+[-–—:：\s]*(.*?)\s*$")  # "WEBVTT - 某某新闻发布会"
# …or an editing system's export line of fields parted by bars ("某台 非编字幕导出 | 工程：三夏服务提示_v3 | 25fps"):
# its project's name, without the version, names the film, and the organisation exporting it made it
_PROJECT_FIELD = re.compile(r"(?:^|[|｜])\s*(?:工程|项目|序列)(?:名称?)?\s*[：:]\s*([^|｜]+?)\s*(?=[|｜]|$)")
# a working file's version or cut after its name ("_v3", "_终版", "_1080p"): no part of the film's name
_VERSION_TAIL = re.compile(r"(?:[_\-\s]*(?:[vV]\d+(?:\.\d+)*|终版|定稿|最终版|\d{3,4}[pP]))+$")
_EXPORTED_BY = re.compile(r"^\s*([^\s|｜]{2,30})\s+\S{0,4}字幕导出\s*[|｜]")
# Words that name the file, not its subject, maybe with a note in brackets on how it was made ("…直播回放字幕（平台自动
# 导出，已人工校对）", "…字幕（全部分支）")
_FILE_WORDS = re.compile(r"[\s\-–—_|]*(?:(?:(?:直播)?回放)?字幕|(?:直播)?回放)"
                         r"(?:\s*[（(][^（）()]*(?:导出|校对|校正|整理|生成|分支|完整版|精简版|中文|英文|双语|中英|简体|繁体|翻译|机翻|转写|识别)"
                         r"[^（）()]*[)）])?$")
_NOTE = re.compile(r"^NOTE(?:[ \t]+|$)")
# a camera's stamp burnt into the picture: when, to the second, maybe with what it measures ("2025/05/20 06:41:08
# 35km/h N36.7028 E119.1424  鲁G·K5832", "2025年05月20日 星期二 06:41:08.120", a dashcam's or a body camera's):
# its rest (_camera_stamp) holds figures or letters and no more than two Chinese characters (a plate's 鲁), no words
_CAMERA_STAMP = re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:\s*(?:星期|周)[一二三四五六日天])?"
                           r"\s+\d{1,2}:\d{2}:\d{2}(?:\.\d{1,3})?(?!\d)(.*)$")
_MEASURED = re.compile(r"[0-9A-Za-z]")
_STAMP_CHARACTERS = 2
_ALL_IN_BRACKETS = re.compile(r"^[\[【［](.+)[\]】］]$")  # "【…】", "[…]": a line wholly in brackets
_LABEL = re.compile(r"^\s*([\u4e00-\u9fff]{1,10})\s*[：:]")
_EVENT_WORDS = re.compile(r"直播|播出|录制|发布会|现场|时间|日期")
_LANGUAGE_TAGS = re.compile(r"(?:[._](?:zh|chs|cht|chi|sc|tc|cn|en)(?:[-_][A-Za-z]{2,4})*)+$", re.IGNORECASE)  # .zh-CN
# what a saved file is called before anyone names it ("新建文本文档 (2)", "下载", "会议录音_20230801"): no title
# (a recorder's or phone's "新录音 3", "语音备忘录 12", "微信视频_20230803", "VID_20230803")
_UNNAMED_FILE = re.compile(r"^(?:新建|未命名|副本|下载|录音|会议录音|新录音|语音备忘录|微信视频|字幕|视频|"
                           r"audio|video|VID|IMG|REC)", re.IGNORECASE)
# "标题：…", "视频标题：…", "节目名称：…", "抖音作品：…", a film's "片名：…", a meeting app's "会议主题：…" in a NOTE
# (not "账号名称：…", "字幕组名称：…")
_TITLE_LABEL = re.compile(r"^(?:视频|节目|作品|直播|课程|会议|影片)?(?:标题|题目|名称|主题)$|^\S{0,4}作品$|^节目$"
                          r"|^(?:中文)?片名$|^剧名$")
# …else the work a NOTE says was published: "视频号“某某”2025年3月18日发布《充电棚新规一分钟看懂》", else the
# recording a NOTE says these are the subtitles of, a programme in 《》 or named by its kind: "某某广播《午间直通车》
# 2024年6月28日访谈节目字幕（视频号同步）", "某某2024年冬季说明会 录像字幕", an episode's "广播剧《某某》第3集
# 字幕稿" (not "本字幕由…生成", "以下为片尾字幕", "由剪映自动识别生成字幕", "字幕组：…", nor a document the video
# explains: "本视频根据某局发布《某某办法》解读制作")
_PUBLISHED_WORK = re.compile(r"(?:发布|发表|上传)了?\s*《([^《》]{2,40})》")
_EXPLAINED = re.compile(r"根据|依据|按照|解读")
# a meeting's kind (not 学生会, 协会: organisations)
_MEETING = r"(?:发布|说明|座谈|听证|推介|见面|分享|交流|动员|培训|表彰|推进|部署)会|大会|晚会|年会|会议"
# what a recording's name ends in: a programme, a talk, a meeting, a course, an issue
_RECORDED_KIND = rf"(?:》|节目|访谈|讲座|{_MEETING}|专题|课程|直播|第\S{{1,4}}[期集])"
_SUBTITLES_OF = re.compile(rf"^(?!本|以下)(\S[^。！？；：:]{{4,40}}?{_RECORDED_KIND})"
                           r"\s*(?:的)?(?:录像|录音|视频|现场)?(?:中文)?字幕")
# …else a NOTE line that is only such a name, maybe with a note in brackets: "某某2025年线上说明会（网络研讨会回放）"
_NAMED_EVENT = re.compile(rf"^(?!本|以下|下面|此处|这里|这段|第\S{{1,3}}部分)"
                          rf"(\S[^。！？；：:，,]{{4,40}}?{_RECORDED_KIND})"
                          r"\s*(?:[（(][^（()）]{1,12}[）)])?$")
# …else the recording a NOTE names by its file: "音频：某某说明会.m4a 时长 00:03:40"
_RECORDING_LABEL = re.compile(r"音频|视频|录音|录像|源?文件名?|素材")
_NOTED_MAKER = re.compile(r"^\s*(?:出品|主办)(?:单位|方)?\s*[：:]\s*([^\s：:｜|；;，,][^：:｜|；;，,]*?)\s*"
                          r"(?:[\s｜|；;，,]\s*[\u4e00-\u9fff]{1,6}[：:].*)?$")
_CREDIT_WORDS = re.compile(r"校对|整理|审核|制作|生成|上传|更新")  # the subtitles' own making, not the event's


def subtitle_text(text: str) -> str | None:
    """The words of a subtitle file, or None for any other text (one that does not open with a cue or a WebVTT
    header, or has fewer than three cues)."""
    lines = text.splitlines()
    opening = next((n for n, line in enumerate(lines) if line.strip()), len(lines))
    timed = [n for n, line in enumerate(lines) if _TIMING.match(line)]
    if len(timed) < _MIN_CUES or opening not in (timed[0], timed[0] - 1) and not _HEADER.match(lines[opening]):
        return None
    cards = _day_cards(lines)
    skipped = {*timed, *(n - 1 for n in timed if _is_cue_identifier(lines, n - 1)), *_note_lines(lines),
               *(n for n, line in enumerate(lines) if _camera_stamp(line)), *_credit_card(lines),
               *_closing_credit(lines), *(n for n, (_, _, said) in cards.items() if not said),
               *(n for n, name in _programmes(lines, cards).items() if name == _TAG.sub("", lines[n]).strip())}
    cues = [[line.strip() for n, line in enumerate(lines[start:end], start=start) if n not in skipped and line.strip()]
            for start, end in itertools.pairwise([*timed, len(lines)])]
    cues = [cue for cue in cues if not _player_data(cue)]
    said_cards = {lines[n].strip() for n, (_, _, said) in cards.items() if said}
    said_cards |= {said for n in _card_lines(lines) if _opening_title(said := _TAG.sub("", lines[n]).strip())}
    noted = [_screen_note(cue) for cue in cues]  # captions for the deaf: "[屏幕文字：…]"
    cues = [[note] if note else cue for cue, note in zip(cues, noted, strict=True)]
    shown = _shown_lines([line for cue in cues for line in cue]) | set(filter(None, noted))
    return "".join(f"{_own_sentence(line, said_cards | shown)}\n" for line in _closed(_turns(cues)))


def _player_data(cue: list[str]) -> bool:
    """A metadata cue: a JSON object, or a list of them, that a player reads (an audio guide's '{"stop": 1, "title":
    "序厅"}'), not words said or shown ("[1]" may be)."""
    data = " ".join(cue)
    if not data.startswith(("{", "[")):
        return False
    try:
        found = json.loads(data)
    except (ValueError, RecursionError):  # not JSON, or nested deeper than the parser goes
        return False
    return isinstance(found, dict) or isinstance(found, list) and bool(found) \
        and all(isinstance(item, dict) for item in found)


def _screen_note(cue: list[str]) -> str:
    """The words a cue of captions for the deaf and hard of hearing says are on the screen, over one line or more
    ("[屏幕文字：咨询电话 0536-8096530" / "工作日 8:30—17:00]"), without the note's brackets and label; "" for any
    other cue."""
    found = _SCREEN_NOTE.fullmatch(" ".join(_TAG.sub("", line).strip() for line in cue))
    return found.group(1) if found else ""


def _shown_lines(lines: list[str]) -> set[str]:
    """The caption lines styled or placed as words on the screen (_SHOWN_SPAN, _PLACED), without their tags, when no
    more than half of the lines are; but a dateline or a closing ("某某局　2025年4月3日", "某某局　2024年12月"), which
    dates or signs the film."""
    styled = [line for line in lines if _PLACED.match(line) or (found := _SHOWN_SPAN.match(line))
              and not all(map(_TRACK_CLASS.match, found.group(1).split(".")))]
    if 2 * len(styled) > len(lines):
        return set()
    return {said for line in styled if not dates_or_signs(said := _TAG.sub("", line).strip())}


def dates_or_signs(line: str) -> bool:
    """A dateline or a closing ("某某局　2025年4月3日", "某某局　2024年12月"): it dates or signs the recording, as it
    stands, not closed as a sentence."""
    return bool(read_dateline(line) or read_signature([line]))


def _own_sentence(line: str, cards: set[str]) -> str:
    """A card that is said, a line shown on the screen (wholly in a styled span, or labelled "［名牌］…"), closed as
    a sentence of its own: no line of the title above it, nor of the sentence under it."""
    return _sentence(line) if line in cards or SHOWN_LABEL.match(line) else line


def _is_cue_identifier(lines: list[str], n: int) -> bool:
    """The line over a cue's timing that names the cue: a SubRip cue's number, or a WebVTT cue's identifier, any
    words on a line of their own after a blank line ("3f9c1a20-…/18-0", a meeting app's)."""
    return n >= 0 and bool(lines[n].strip()) and (bool(_CUE_NUMBER.match(lines[n])) or n == 0
                                                  or not lines[n - 1].strip())


def _closed(cues: list[list[str]]) -> list[str]:
    """The lines said. Subtitles mostly without punctuation at their ends (as video captions are made: a cue ends
    where the voice pauses) have each such line closed as a sentence, so that what is said reads as sentences, not
    as headings; subtitles whose cues (not their lines) mostly end so, a cue's line within ending with a mark or not
    ("今天是周六，" / "带我家闺女来玩啦"), have each such cue closed."""
    lines = [line for cue in cues for line in cue]
    if _mostly_open(lines):
        return [_sentence(line) for line in lines]
    if _mostly_open([cue[-1] for cue in cues]):
        return [_sentence(line) if n == len(cue) - 1 else line for cue in cues for n, line in enumerate(cue)]
    return lines


def _mostly_open(lines: list[str]) -> bool:
    return sum(not _CLOSING_MARK.search(line) for line in lines) >= _UNPUNCTUATED_SHARE * len(lines)


def _sentence(line: str) -> str:
    return line if _CLOSING_MARK.search(line) else f"{line}。"


def _turns(cues: list[list[str]]) -> list[list[str]]:
    """The lines said in each cue, without tags, sounds and speakers' names, the first line of each speaker's turn
    but the first indented as a paragraph's (also where a TV caption marks another speaker: ">> 记者：…"). A cue
    that names no speaker goes on with the one before."""
    speakers = _transcript_speakers([_TAG.sub("", cue[0]).strip() for cue in cues if cue])
    said: list[list[str]] = []
    speaker = None
    for cue in filter(None, cues):
        named, first = _speaker(cue[0], speakers)
        lines = (first, *(_TAG.sub("", line).strip() for line in cue[1:]))
        words = [text for line in lines if (text := _turn_line(line))]
        # automatic captions roll: a cue's line again under the next (its spaces may differ: the tagged line loses
        # them, "大部分<00:00:17.493><c>是甲流</c>")
        if said and words and _unspaced(words[0]) == _unspaced(said[-1][-1]):
            words = words[1:]
        if words and said and named not in (None, speaker) and not words[0].startswith(PARAGRAPH_START):
            words[0] = PARAGRAPH_START + words[0]
        speaker = named or speaker
        if words:
            said.append(words)
    return said


def _turn_line(line: str) -> str:
    """A line said, a TV caption's mark of another speaker (">> 记者：…") as a paragraph's start, without the sounds
    heard before its words (_HEARD_FIRST); "" for a sound or a mark alone."""
    line = _HEARD_FIRST.sub("", line)
    changed = _SPEAKER_CHANGE.match(line)
    said = _HEARD_FIRST.sub("", line[changed.end():]) if changed else line  # ">> [掌声] 记者：…"
    return "" if not said or _NOT_SAID.fullmatch(said) else PARAGRAPH_START + said if changed else said


def _unspaced(line: str) -> str:
    return "".join(line.split())


def _transcript_speakers(firsts: list[str]) -> tuple[re.Pattern[str], frozenset[str]] | None:
    """The kind of speaker label most cues (their first lines) open with, if one does, and the names it gives that
    name a person or a role, not a field ("咨询电话：…" in a cue is said, not a speaker)."""
    for label in _SPEAKER_LABELS:
        names = [found.group(1) for found in map(label.match, firsts) if found]
        if firsts and len(names) >= _LABELLED_SHARE * len(firsts):
            return label, frozenset(name for name in names if not _FIELD_NAME.search(name))
    return None


def _speaker(line: str, speakers: tuple[re.Pattern[str], frozenset[str]] | None) -> tuple[str | None, str]:
    """Who a cue's first line names as speaking (its voice tag, else the label a transcript puts before its cues),
    and what is said, without tags and the label."""
    voice = _VOICE.search(line)
    said = _TAG.sub("", line).strip()
    labelled = speakers[0].match(said) if speakers else None
    if labelled and speakers and labelled.group(1) not in speakers[1]:
        labelled = None
    name = voice.group(1) if voice else labelled.group(1) if labelled else None
    return name, said[labelled.end():] if labelled else said


def subtitle_facts(text: str, file_name: str = "") -> dict[str, str]:
    """The title, day (YYYY-MM-DD) and maker of the recording, those the file gives: the text after "WEBVTT" on a WebVTT
    file's first line, else a NOTE line labelled as the title ("视频标题：…", "会议主题：…"), else the work a NOTE line
    says was published ("…发布《某某》") or names as what these are the subtitles of ("某某访谈节目字幕") or only
    names ("某某线上说明会（回放）"), else a programme or work its first cues name (_programmes), else the file's name
    when it says something in Chinese ("社区食堂开张.zh-CN.srt": captions are saved under their video's title), else
    the recording's file a NOTE names ("音频：某某说明会.m4a"), each without words that name the file ("…直播回放字幕")
    or a working file's version ("_v3"); and the day of the event in a WebVTT file's NOTE blocks or its caption note
    (see _event_day, _caption_note), else a day card's, else the day a camera's stamp shows; the maker its first
    cues credit, else the one a day card names, else its last cue's labelled credit, else a NOTE's "出品：" or
    "主办：" (a video project's notes, an event's), else the organisation an editing system's export line names."""
    lines = text.splitlines()
    webvtt = bool(lines) and lines[0].startswith("WEBVTT")
    signature = _SIGNATURE_TEXT.match(lines[0]) if webvtt else None
    note_lines = _note_lines(lines) if webvtt else {}
    noted = list(note_lines.values())
    notes = [*noted, *_caption_note(lines).values()]
    titled = [line[label.end():].strip() for line in notes
              if (label := _LABEL.match(line)) and _TITLE_LABEL.search(label.group(1))]
    published = [work.group(1) for line in notes
                 if (work := _PUBLISHED_WORK.search(line)) and not _EXPLAINED.search(line)]
    described = [recording.group(1) for line in notes if (recording := _SUBTITLES_OF.match(line.strip()))]
    opening = next((n for n, line in enumerate(lines) if _TIMING.match(line)), len(lines))
    heading_notes = [line for n, line in note_lines.items() if n < opening]  # not an editor's between the cues
    events = [event.group(1) for line in heading_notes if (event := _NAMED_EVENT.match(line.strip()))]
    recordings = [_VERSION_TAIL.sub("", name) for line in heading_notes for label, value in labelled_fields(line)
                  if _RECORDING_LABEL.fullmatch(label) and (name := recording_name(value))
                  and not _UNNAMED_FILE.match(name)]
    project = _PROJECT_FIELD.search(signature.group(1)) if signature else None
    named = [_VERSION_TAIL.sub("", project.group(1))] if project else [signature.group(1)] if signature else []
    file_title = "" if _UNNAMED_FILE.match(file_name) else _LANGUAGE_TAGS.sub("", file_name)
    day_cards = _day_cards(lines)
    programmes = list(_programmes(lines, day_cards).values())
    said = (_FILE_WORDS.sub("", name)
            for name in (*named, *titled, *published, *described, *events, *programmes, file_title, *recordings))
    title = next((name for name in said if re.search(HAN, name)), "")
    cards = list(day_cards.values())
    event_day = _event_day(notes)
    day = event_day.isoformat() if event_day else next((day for day, _, _ in cards), "") or _stamped_day(lines)
    maker = next(iter(_credit_card(lines).values()), "") or next((maker for _, maker, _ in cards if maker), "") \
        or next(iter(_closing_credit(lines).values()), "") or _noted_maker(noted) or _exporter(signature)
    facts = {"title": title, "date": day, "publisher": maker}
    return {key: value for key, value in facts.items() if value}


def _camera_stamp(line: str) -> re.Match[str] | None:
    """A camera's stamp (_CAMERA_STAMP), or None for any other line ("2025-03-01 10:00:00 开抢" is said)."""
    stamp = _CAMERA_STAMP.match(line.strip())
    rest = stamp.group(4) if stamp else ""
    return stamp if stamp and (not rest.strip() or len(re.findall(HAN, rest)) <= _STAMP_CHARACTERS
                               and _MEASURED.search(rest)) else None


def _stamped_day(lines: list[str]) -> str:
    """The first day a camera's stamps show, as YYYY-MM-DD, when no other line of the file names a day (a camera's
    clock may never have been set: "2019/01/01 00:03:12"); else ""."""
    read = [(line, _camera_stamp(line)) for line in lines]
    stamps = [stamp for _, stamp in read if stamp]
    if not stamps or any(stamp is None and re.search(_DAY, line) for line, stamp in read):
        return ""
    day = next(filter(None, (valid_day(*stamp.groups()[:3]) for stamp in stamps)), None)
    return day.isoformat() if day else ""


def _programmes(lines: list[str], cards: dict[int, tuple[str, str, bool]]) -> dict[int, str]:
    """The programmes the first cues name, by line number: before when it was recorded ("《某某》第12期 录制于…",
    "《某某》第12期 2025年4月20日"), or a work's title card on a line of the second cue after a first cue of cards
    or song ("快板《某某》": not said; in the first cue the text's first line titles it anyway, and one under it may
    be its credit), or a title an editor marks as the opening's ("【片头】…"); `cards` are its day cards
    (_day_cards)."""
    card_lines = _card_lines(lines)
    second_cue = next((n for n in card_lines if _TIMING.match(lines[n])), len(lines))
    carded = _only_cards(lines, range(card_lines.start, second_cue), cards)
    named = {}
    for n in card_lines:
        line = _TAG.sub("", lines[n]).strip()
        card = _DAY_CARD.match(line)
        if card and (name := card["maker"] or card["programme"]) and _PROGRAMME.match(name):
            named[n] = name
        elif not card and carded and n > second_cue and _WORK_CARD.match(line):
            named[n] = line
        elif opening := _opening_title(line):
            named[n] = opening
    return named


def _opening_title(line: str) -> str:
    """The title an editor marks as the opening's on a card line without its tags (_OPENING_TITLE), or ""."""
    opening = _OPENING_TITLE.match(line)
    return opening.group(1) if opening else ""


def _only_cards(lines: list[str], cue: range, cards: dict[int, tuple[str, str, bool]]) -> bool:
    """Whether a cue's lines are all cards or song: a credit, a day card, an organisation's name, a line sung."""
    said = [n for n in cue if lines[n].strip() and not _CUE_NUMBER.match(lines[n])]
    return bool(said) and all(n in cards or _CREDIT_CARD.match(line := _TAG.sub("", lines[n]).strip())
                              or is_issuer(line) or _SUNG.match(line) for n in said)


def _credit_card(lines: list[str]) -> dict[int, str]:
    """The makers a film's first two cues credit (_CREDIT_CARD) that name an organisation, by line number, in order:
    the first publishes it, joint makers together ("某某局　某某中心　联合出品": "某某局、某某中心")."""
    return _credits(lines, _card_lines(lines), labelled_only=False)


def _closing_credit(lines: list[str]) -> dict[int, str]:
    """The makers its last cue credits by a label ("出品：某某中心", "监制：某某局"): they publish a film whose
    first cues name nobody; not a closing said ("感谢某某街道办事处出品", "本期节目由某某公司制作")."""
    last_cue = max((n for n, line in enumerate(lines) if _TIMING.match(line)), default=len(lines)) + 1
    return _credits(lines, range(last_cue, len(lines)), labelled_only=True)


def _exporter(signature: re.Match[str] | None) -> str:
    """The organisation a WebVTT header's export line names ("某某县融媒体中心 非编字幕导出 | 工程：…")."""
    exported = _EXPORTED_BY.match(signature.group(1)) if signature else None
    return exported.group(1) if exported and is_issuer(exported.group(1)) else ""


def _noted_maker(notes: list[str]) -> str:
    """The organisation a WebVTT file's NOTE credits as the film's maker or the event's organiser
    ("出品：某某居民委员会", "主办：某某中心　时间：…"; not "制作：" nor "监制：", which may credit the subtitles'
    making), "" when none does."""
    for note in notes:
        credit = _NOTED_MAKER.match(note)
        makers = issuer_names(credit.group(1)) if credit else []
        if makers and is_issuer(makers[0]):
            return "、".join(makers)
    return ""


def _credits(lines: list[str], numbers: range, labelled_only: bool) -> dict[int, str]:
    credits = {}
    for n in numbers:
        credit = _CREDIT_CARD.match(_TAG.sub("", lines[n]).strip())
        named = credit.group(2) or (None if labelled_only else credit.group(1)) if credit else None
        makers = issuer_names(named) if named else []
        if makers and is_issuer(makers[0]):
            credits[n] = "、".join(makers)
    return credits


def _card_lines(lines: list[str]) -> range:
    """The numbers of the lines of the first two cues, where a film shows its cards."""
    timed = [n for n, line in enumerate(lines) if _TIMING.match(line)][:_CARD_CUES + 1]
    return range(timed[0] + 1 if timed else len(lines), timed[-1] if len(timed) > _CARD_CUES else len(lines))


def _day_cards(lines: list[str]) -> dict[int, tuple[str, str, bool]]:
    """The cards of the first cues that say when the recording was aired or shot (_DAY_CARD): by line number, the
    day (YYYY-MM-DD, or YYYY-MM for a month), the organisation named before it ("" when none, or a person) and
    whether the card is said (one naming the event's place is: "听证会在哪开" may be asked). A day alone, or where it
    was recorded after it ("2025年4月8日 录制于某某剧场"), is a card only alone in its cue; "…于" a day or a place only
    after nobody or an organisation ("这张老照片 拍摄于1998年8月", "这张老照片 1976年7月拍摄于某地" are said)."""
    cards = {}
    for n in _card_lines(lines):
        credit = _CREDIT_CARD.match(_TAG.sub("", lines[n]).strip())
        if credit and credit["day"]:  # "【某某中心出品｜2025年7月8日】": the credit publishes (_credit_card)
            cards[n] = (_day_or_month(credit["day"]), "", False)
            continue
        card = _DAY_CARD.match(_TAG.sub("", lines[n]).strip())
        day = _day_or_month(card["labelled"] or card["marked"] or card["bare"] or card["event"]) if card else ""
        maker = (card["maker"] or "").strip() if card else ""
        if card and day and (not (card["bare"] or card["place"]) or _alone_in_cue(lines, n)) \
                and not ((card["at"] or card["place"]) and maker and not is_issuer(maker)
                         and not _PROGRAMME.match(maker)):
            said = card["event"] or card["where"] or card["place"] or card["bare"]
            cards[n] = (day, maker if is_issuer(maker) else "", bool(said))
    return cards


def aired_day(line: str) -> tuple[str, str] | None:
    """The day (YYYY-MM-DD) or month a card says a recording was aired or shot on ("某某街道办事处 2025年7月1日播出",
    "录制时间：2024年10月"), and the organisation it names before it ("" for none); None for any other line, and for
    a card naming a place or a person's name before the day (it is said)."""
    card = _DAY_CARD.match(line.strip())
    placed = card and (card["where"] or card["place"])
    day = _day_or_month(card["labelled"] or card["marked"] or "") if card and not placed else ""
    maker = (card["maker"] or "").strip() if card else ""
    return (day, maker) if day and (not maker or is_issuer(maker)) else None


def _alone_in_cue(lines: list[str], n: int) -> bool:
    """Whether the line stands in its cue with nothing said beside it (a credit, an organisation's name or a
    programme's may stand there)."""
    start = next(k for k in range(n, -1, -1) if k == 0 or _TIMING.match(lines[k - 1]))
    end = next((k for k in range(n, len(lines)) if not lines[k].strip()), len(lines))
    return all(k == n or _CREDIT_CARD.match(line := _TAG.sub("", lines[k]).strip()) or is_issuer(line)
               or _PROGRAMME.match(line) for k in range(start, end))


def _day_or_month(text: str) -> str:
    """"2025年6月20日" as 2025-06-20, "2025年7月" as 2025-07; "" for no valid day or month."""
    day = first_full_day(text)
    month = re.fullmatch(r"(\d{4})年(\d{1,2})月", text)
    return day.isoformat() if day else f"{month[1]}-{int(month[2]):02d}" if month and 1 <= int(month[2]) <= 12 else ""


def _caption_note(lines: list[str]) -> dict[int, str]:
    """The video's caption note as its first cue, wholly in brackets and naming a full date ("【视频号@某某
    2025年9月20日发布 入秋翻新季】", "[字幕：某某 2025年4月2日 实录 …]"), by its line number: it dates the
    recording as a NOTE block does, and stays text (its account and subject may be asked)."""
    first = _card_lines(lines).start  # the line under the first cue's timing (len(lines) without one)
    note = _ALL_IN_BRACKETS.match(lines[first].strip()) if first < len(lines) else None
    return {first: note.group(1)} if note and first_full_day(note.group(1)) else {}


def _note_lines(lines: list[str]) -> dict[int, str]:
    """The lines of the NOTE blocks (comments: no speech, also between cues), from "NOTE" (and the text after it) to
    the next blank line, by their line numbers."""
    notes, inside = {}, False
    for n, line in enumerate(lines):
        start = _NOTE.match(line)
        inside = bool(line.strip()) and (inside or start is not None)
        if inside:
            notes[n] = line[start.end():] if start else line
    return notes


def _event_day(notes: list[str]) -> date | None:
    """The day the recorded event took place: a full date on a line labelled as its time or place ("直播时间：…",
    "发布会现场：某地 2021年4月22日"), else the first full date on a line that is not about making the subtitles
    ("校对：某人 2021-04-22", "2024-09-06 经人工校对")."""
    labelled = [line for line in notes if (label := _LABEL.match(line))
                and _EVENT_WORDS.search(label.group(1)) and not _CREDIT_WORDS.search(label.group(1))]
    unlabelled = [line for line in notes if not _CREDIT_WORDS.search(line)]
    return next(filter(None, map(first_full_day, labelled + unlabelled)), None)
