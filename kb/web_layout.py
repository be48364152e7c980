"""Lines that news web pages put around an article, recognised in normalized text (see text.normalize).

- A dateline: "发布时间：2020-03-05 10:20 来源：某某局", "2020年3月2日 来源：某报", "来源：某报", or a reprint's
  citation "（某报 2020年4月2日 第3版）": it gives the article's publication day and publisher, and is not article text.
- Page furniture: separator lines ("|", "***"), "原标题：…", editor and credit lines ("（编辑：…）",
  "责任编辑：…", "文字：…"), 【打印本页】-style links, "— END —", share prompts ("长按识别二维码…",
  "阅读原文"), open-government index lines ("索引号：…"), a site's menu and its name with its address, a bulletin's
  issue number, page and file numbers, a group chat's notice board (群公告, 已读/未读, "@所有人"), an office app's
  announcement's time on show ("公告有效期：…") and attachment card ("附件（1）：某某.pdf 32.5KB [预览][下载]").
- Where an article ends (related items, comments; a document's distribution list), a spaced-out or genre masthead
  above a headline ("工 作 简 报", "新闻通稿"), a bulletin's editor and day under it, a document's closing (issuer
  and day), a meeting record's head ("时　间：…" beside "地　点：…"), a draft form's or an export's head
  ("播发单位：…", "审核时间：…", "导出时间：…"), a 信息公开 record's head ("索引号：…", "发布日期：…", "名称：…"),
  a transcript's head above photos it transcribes ("【某某照片文字整理】" / "拍摄时间：…") and its pictures' markers,
  a meeting app's transcript (its head, each speaker's line with its timecode, its export line: "导出自某某"),
  a chat exported from a messenger (its head, "————— 2024-10-16 19:41 —————" time lines, "某某:" over each message),
  an account's list of messages (its name over "12月26日 上午10:02" / "价格调整通知" / … / "详情 >"),
  a phone's SMS backup (its head over "[2023-02-14 09:31:05] 收到 · 12123" / "【某某银行】…" / …),
  a social feed's chrome ("某某 的朋友圈" over posts, each with "[图片]×3", its time line, "❤ 某某，某某", "评论：").
"""
from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from .places import provinces, region_names_in
from .text import CHINESE_DIGITS, DATE_RANKS, HAN, chinese_number, is_contents_heading, valid_day

_NOT_A_SENTENCE = re.compile(r"^[^，。！？；]*$")
_MONTH_AND_DAY = r"\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"  # after a year
_FULL_DATE = re.compile(rf"(\d{{4}}){_MONTH_AND_DAY}")
_TIME = r"\d{1,2}[：:]\d{2}(?:[：:]\d{2})?"
_PUBLISHING = "发布|发表|发稿|更新|公开"  # what a page's time says of it: not an event's "时间："
# 播出(时间): a programme's transcript or rundown; 信息发布(时间): a government site's info line
_DATE_LABEL = rf"(?:(?:(?:信息)?(?:{_PUBLISHING})|答复|回复|播出)?(?:时间|日期)|信息发布|播出)"
_SOURCE_LABEL = r"(?:信息|文章|新闻|本文)?来源|稿源|发布(?:单位|机构|者)?(?![时日])(?!\s*：\s*\d{4})"  # not 发布：<day>
_PUBLISHED_LABEL = rf"(?:(?:信息)?(?:{_PUBLISHING})(?:时间|日期)|信息发布)"
_BARE_PUBLISHING = re.compile(r"发布者?\s*：")  # "发布：某某馆少儿部": an organisation's or a place's name follows
_FIELD = rf"[\u4e00-\u9fff]{{2,6}}\s*：\s*\S{{1,40}}(?:\s+{_TIME})?"  # a field of a line of them ("事项编码：…")
_INFO_WORD = r"[^\s：:|｜，。；！？]{1,12}"  # a word beside them, no field and no sentence ("官方认证 ✔", "原创")
# An office app's announcement (钉钉, 企业微信, 飞书 公告) shows whom it was published to beside its poster and time:
# "行政部-某某 2023-04-03 09:12 发布范围：某某公司 全体员工"
_SCOPE_LABEL = "发布范围"
_INFO_LABEL = rf"{_DATE_LABEL}|{_SOURCE_LABEL}|{_SCOPE_LABEL}|作者|责任编辑|编辑|点击数?|浏览次数|阅读|播放|字体|字号"
# An online document's or wiki's info line, items parted by bars ("本文档由 某部 维护｜所属知识库：…｜最后更新：
# 2023-02-24 10:17｜阅读 312"), holds a day labelled as DATE_KEYS names one (not a bare 日期: an event's may be)
_KEYED_DATE_LABEL = "|".join(key for key in DATE_RANKS if re.match(HAN, key) and key != "日期")
_DATELINE = re.compile(
    rf"^(?:{_DATE_LABEL}\s*：\s*{_FULL_DATE.pattern}"            # 发布时间：2020-03-05 …
    rf"|(?:{_FIELD}\s*|{_INFO_WORD}\s+){{1,4}}{_PUBLISHED_LABEL}\s*：\s*{_FULL_DATE.pattern}"  # 某局 更新时间：…
    rf"|(?:[^|｜·•]{{1,40}}[|｜·•]\s*){{1,4}}(?:{_KEYED_DATE_LABEL})\s*：\s*{_FULL_DATE.pattern}"  # …｜最后更新：…
    rf"|(?:[^\s：|｜]{{2,12}}\s+){{1,2}}{_PUBLISHED_LABEL}\s*：\s*{_FULL_DATE.pattern}"  # 2022年第三季度　公开日期：…
    rf"|(?:[^\s：|｜]{{2,20}}\s+){{1,2}}{_FULL_DATE.pattern}\s*(?:{_TIME})?\s*{_SCOPE_LABEL}\s*："  # 某部-某某 2022-…
    rf"|发表于\s*{_FULL_DATE.pattern}"                               # a forum post's "发表于 2020-3-6 21:14"
    rf"|{_FULL_DATE.pattern}\s*(?:{_TIME})?\s*(?:$|(?:{_INFO_LABEL})\s*：)"  # 2020年3月2日 09:30 来源：…
    rf"|(?:{_SOURCE_LABEL})\s*：)")                                # 来源：某报
# A newspaper page's header: "某某日报 2020年3月4日 星期三 A03版：县域经济"; an account's byline under its
# headline: "某某发布 2020年4月16日 阅读约4分钟" (reading time or count), also as a WeChat article copied on a phone
# shows it: "原创 作者 某某发布 2020-03-05", or a 微博 article:
# "某某 发布于 2022-04-18 10:30 来自 微博 weibo.com 阅读数：3.2万".
_PAGE_EDITORS = r"(?:责编|美编|校对|编辑|责任编辑|版式|组版|审读)"  # a printed page's staff in its header
_READING = r"阅读(?:约|时长|量|数)?\s*[：:]?\s*[\d.]+\s*(?:万|分钟)?"
# what says when, before a day: "文章日期 2021年…", "报名截止 2024-05-12 18:00" are no header's or sender's name
_SAYS_WHEN = r"(?![\u4e00-\u9fff]*(?:日期|时间|截止日?|截至日?)[\s（(])"
_PAGE_HEADER = re.compile(r"^(?:原创\s+(?:[\u4e00-\u9fff]{2,12}\s+)?)?"
                          rf"(?![\u4e00-\u9fff]+于\s){_SAYS_WHEN}"
                          # a name, maybe with a role in brackets as a chat shows its sender ("王老师（3班班主任）"; not
                          # a seal's "（盖章）")
                          rf"([\u4e00-\u9fff]{{2,12}}(?:[（(](?![^)）]*[章签印])[\u4e00-\u9fff\d]{{1,10}}[)）])?)"
                          rf"(?:(?<=[)）])\s*|\s+)(?:发[布表]于\s*)?"
                          rf"{_FULL_DATE.pattern}\s*"
                          rf"(?:{_TIME})?\s*(?:星期[一二三四五六日天])?\s*(?:来自\s*[\u4e00-\u9fff]{{1,10}}(?:\s*[\w.]+)?\s*)?"
                          rf"(?:第?\s*[A-Z]?\d{{1,3}}\s*版|[A-Z]\d{{1,3}}|{_READING})?(?:\s*[：:].{{0,20}})?"
                          # the page's section and staff: "A06 民生新闻 责编：某某 美编：某某"
                          rf"(?:\s+[\u4e00-\u9fff·]{{2,8}})?(?:\s+{_PAGE_EDITORS}\s*[：:]\s*[\u4e00-\u9fff]{{2,4}})*"
                          r"(?:\s+(?:本报)?(?:记者|通讯员)\s.{0,40})?$")  # "某某日报 2020年3月2日 记者 某某"
# A reprint's citation at the article's end: "（潍坊日报 2020年4月2日 第3版）", "（原载《大众日报》2020年3月5日）"; a
# contributor's credit under a headline: "（市某某局宣传科供稿　2022年6月21日）".
_PRINT_CITATION = re.compile(rf"^[（(]\s*(?:原载|刊于|(?:{_SOURCE_LABEL})\s*：)?\s*《?([\u4e00-\u9fff]{{2,16}}?)》?\s*"
                             r"(?:供稿)?\s*"
                             rf"{_FULL_DATE.pattern}\s*(?:第?\s*[\d一二三四五六七八九十]{{1,3}}\s*版)?\s*[）)]$")
# A label before a day, no colon: "文章日期 2021年9月15日" (a screen reader's text), a recorder's or voice app's
# "【语音转文字】2023年11月6日 19:42 时长 4分06秒" (the recording's length after its time).
_DURATION = r"时长\s*[：:]?\s*约?\s*(?:\d+(?:[：:]\d{2}){1,2}|(?:\d+\s*(?:小时|分钟?|秒)\s*)+)"
# a recording's label, not an event's ("【活动时间】2024年6月1日" is a fact of the text)
_RECORDING_LABEL = r"【[\u4e00-\u9fff]{0,4}(?:语音|录音|转写|转文字|笔记|速记)[\u4e00-\u9fff]{0,4}】"
# A programme's script heads so, its staff after the length:
# "播出时间 2023年3月9日 7:10 时长约3分30秒 编辑 某某 审核 某某".
_STAFF = rf"(?:\s*(?:{_PAGE_EDITORS}|审核|主播|播音|记者)\s*[：:]?\s*[\u4e00-\u9fff]{{2,4}})*"
_LABEL_THEN_DAY = re.compile(rf"^(?:[\u4e00-\u9fff]{{0,4}}(?:日期|时间)\s+|{_RECORDING_LABEL}\s*)"
                             rf"{_FULL_DATE.pattern}\s*(?:{_TIME})?\s*(?:{_DURATION}{_STAFF})?$")
# A user's post line: a day said to be its posting's or update's, its author and counts beside it ("某某 Lv.7
# 2024年10月8日 发布 阅读 5621", "主播：某某 2025年4月10日 发布 播放 1.2万"): it dates the post, and a nickname
# publishes nothing; an organisation's name as its first item does ("某某门诊部 · 护理部整理 · 2025年1月8日更新").
_POSTING_ORGANISATION_CHARS = 7  # "某某汤泉运营部"; "新闻中心", "暖暖的小卖部" are a column's or a nickname's
_DAY_THEN_POSTED = re.compile(rf"(?:^|\s){_FULL_DATE.pattern}\s*(?:{_TIME})?\s*(?:发布|发表|更新)(?:\s|$)")
# A portal's time line naming its source after the time, unlabelled: "2020年05月06日 07:16 潍坊日报".
_TIME_THEN_SOURCE = re.compile(rf"^{_FULL_DATE.pattern}\s*{_TIME}\s+"
                               r"(?!星期|周[一二三四五六日天]$)([\u4e00-\u9fff]{2,12})$")
_NOBODY = frozenset([*_PUBLISHING.split("|"), "编辑"])  # words after a time line's time that name no publisher
_NO_ONE_SOURCE = frozenset(["网络", "互联网", "网友", "商家", "用户", "本站"])  # "来源：网络": where from, not who
_LABEL = re.compile(rf"(?:{_INFO_LABEL})\s*：")
# A counter or the page's tools glued to the source in the line a page shows ("来源：某局阅读 2365", "…浏览次数：12",
# "…1280人阅读", "…字号", "…分享到"): no part of its name
_COUNTER = r"(?:阅读|浏览|点击|访问)(?:量|数|次数)?\s*(?:[：:]|\d|次)|\d+\s*人阅读|字号|分享到"
_SCOPE = re.compile(rf"{_SCOPE_LABEL}\s*：\s*(\S+)")  # its first item: the organisation, or a department, or people
_PUBLISHER = re.compile(rf"(?:{_SOURCE_LABEL})\s*：\s*(.+?)\s*(?=$|\s|【|{_LABEL.pattern}|{_COUNTER})")
_DATELINE_MAX_CHARS = 120
# A date's label right before it, as DATE_KEYS ranks it: "更新时间：" (an update's day) after "发布日期：".
_RANKED_LABELS = sorted((key for key in DATE_RANKS if re.match(HAN, key)), key=len, reverse=True)
_RANKED_LABEL = re.compile(rf"({'|'.join(_RANKED_LABELS)})\s*：\s*$")
_LABEL_BRACKETS = re.compile(r"[【】\[\]]")
# A field's label right before a day: one naming the text's day ("发布日期：", "最后修改：", "来源：某报 ") or an
# event's ("第一场：", "报名时间：", "会议时间：")
_FIELD_LABEL_BEFORE = re.compile(r"(?:^|\s)([\u4e00-\u9fff]{1,8})\s*：\s*$")
_TEXTS_DAY_LABEL = re.compile(rf"(?:最后)?(?:{_DATE_LABEL}|{'|'.join(_RANKED_LABELS)}|修改|更新|编辑)")
# An event's time and place on one line ("时间：2024.12.31 19:30 | 场馆：某某大剧院"): the event's, not the page's day
# (a page's info line with a source or author before an address field is none: "时间：… 来源：某局 地址：…")
# A day that opens a span ("时间：2024年10月14日—18日", "2024年10月14日（周一）上午8:00至…"): an event's, not a
# dateline's unless labelled as the page's ("发布时间：2024年5月8日 至 5月20日 公示", a rundown's "播出："); read with
# its gaps one space
_DAY_SPAN = re.compile(rf"{_FULL_DATE.pattern}(?:[（(][^（）()]{{1,4}}[)）])?\s?(?:(?:星期|周)[一二三四五六日天])?\s?"
                       rf"(?:上午|下午|晚上)?\s?(?:{_TIME})?\s?起?\s?(?:[—–~～－-]|至|到)\s?\d")
_PAGES_DAY_LABEL = re.compile(rf"{_PUBLISHING}|来源|播出")
_EVENT_TIME_AND_PLACE = re.compile(rf"^(?:时间|日期)\s*[：:](?:(?![\s|｜](?:{_SOURCE_LABEL}|作者|编辑)\s*[：:]).)*?"
                                   r"(?:地点|场馆|场地|地址|会场)\s*[：:]")
# A day the text's rules take effect ("执行日期：2025年3月1日起"): a fact of the text, not the day it was published
_EFFECT_LABEL = re.compile(r"(?:执行|实施|施行|生效)(?:日期|时间)\s*[：:]?\s*自?\s*$")

# An interview's turn under its asker's or answerer's label ("记者：秦大夫，听说…？", "问：…"): no credit, no title
_INTERVIEW_LABEL = r"(?:记者|主持人|问|答)\s*[：:]"
INTERVIEW_TURN = re.compile(rf"^{_INTERVIEW_LABEL}\s*")
_CREDIT_LABEL = (r"(?:原标题|责任编辑|版面编辑|责编|编辑|审核|审校|校对|监制|终审|初审|二审|三审|值班编辑|文字"
                 r"|文|图|图片|图文|摄影|视频|记者|通讯员|作者|出品|制作|美编|索引号|发布机构|生成日期|成文日期"
                 r"|公开方式|主题分类|文号)\s*[：/／｜|]")
_CREDIT = re.compile(  # not a question, exclamation or a clause said under a reporter's or host's label, with no
    # label after it ("记者：新大厅有24个窗口，"; "记者：王某，通讯员：李某" is a credit)
    rf"^(?!{_INTERVIEW_LABEL}(?:.*[？！?!]|[^：:]*[，,][^：:]*$))[（(【\[]?\s*(?:本版)?{_CREDIT_LABEL}")
# Credits ending in the day the text was published ("文｜某某管理处　编辑｜某某　2024年12月20日", as Markdown
# editors' and accounts' pages put it under the headline): a dateline; the writer is its publisher when an
# organisation. Not a line opening with a picture's credit ("图/某某 1998年7月1日" under an old photo: the day it
# was taken) nor with a reporter's label, which may head what is said in an interview ("记者：好的 2024年12月20日")
_CREDITS_AND_DAY = re.compile(rf"^(?!(?:图|图片|摄影|视频|记者)\s*[：/／｜|])(?:{_CREDIT_LABEL}"
                              rf"\s*[^\s：:|｜/／]{{1,20}}\s+){{1,4}}{_FULL_DATE.pattern}\s*(?:{_TIME})?$")
_WRITER = re.compile(r"^(?:文|作者|文字|图文|出品)\s*[：/／｜|]\s*([^\s：:|｜/／]{1,20})")
# A byline on a line of its own: "大众网·海报新闻记者 张晓 潍坊报道", "本报记者 王某 通讯员 李某" (names stand
# apart, so "记者从市人社局获悉" is not one).
_BYLINE = re.compile(r"^[\u4e00-\u9fff·]{0,15}(?:记者|通讯员)(?:\s+[\u4e00-\u9fff·]{2,6}){1,8}$")
# 【打印本页】【关闭窗口】, or one such page action alone; not a 【headline】 of its own nor a bulletin's
# column (【工作动态】)
_PAGE_ACTION = (r"【[^】]{0,6}(?:打印|关闭|返回|收藏|分享|转发|字体|字号|顶部|窗口|纠错|复制|下载|点赞|评论|保存)"
                r"[^】]{0,6}】")
_BRACKET_LINKS = re.compile(rf"^(?:(?:【[^】]{{0,8}}】\s*){{2,}}|{_PAGE_ACTION})$")
# An app's attachment card: the file's name with its size, maybe numbered and with its buttons ("附件（1）：某某.pdf
# 32.5KB [预览][下载]"): the file is not in the text
_ATTACHMENT_CARD = re.compile(r"^(?:附件\s*(?:[（(]\d{1,3}[)）])?\s*[：:]\s*)?\S.*\.[A-Za-z]{2,5}"
                              r"\s*[（(]?[\d.]+\s*[KMG]B[)）]?"
                              r"(?:\s*[\[［【][\u4e00-\u9fff]{2}[\]］】])*$", re.IGNORECASE)
_END_MARK = re.compile(r"^[\W_]*(?:END|完|全文完)[\W_]*$", re.IGNORECASE)
_PROMPT = re.compile(r"^(?:[<‹〈←]\s*返回(?:\s|$)"  # an app's top bar: "< 返回  某某  ···"
                     # …or its back arrow, a name and its buttons: "< 某某 🍜  [ 关注 ]  ↗", "< 预约详情 ··· ◎"
                     r"|[<‹〈←]\s*[\u4e00-\u9fffA-Za-z][^<>〈〉‹›\s]{0,20}(?:\s+[^\s〉›>]{1,4}){0,2}\s*"
                     r"(?:···|⋯|…|\.\.\.|\[\s*[+＋]?\s*(?:已?关注|分享|收藏|更多|举报)\s*\]|↗|◎)"
                     r"|长按|扫码|扫一扫|点击(?:上方|下方|蓝字|关注)|阅读原文|写留言|分享到|上一篇|下一篇|收录于话题"
                     r"|相关(?:新闻|阅读|推荐)|推荐阅读|返回顶部|打印本页|关闭窗口|(?:阅读|在看|点赞)\s*[\d.]+万?$"
                     r"|下载.{0,12}客户端|字号\s*[：:]|版权所有|Copyright|All Rights Reserved"
                     r"|\S{0,8}(?:报料|新闻热线|投稿邮箱)\s*[：:]"  # a newsroom's tip line
                     r"|群公告$|置顶$|[^\s：:]{2,30}群\s*[（(]\d{1,4}[)）]$"  # a group chat's notice board,
                     r"|已读\s*\d+\s*(?:人|未读)|公告有效期\s*[：:]"  # an app's read counts, a notice's time on show,
                     r"|@(?:所有人|全体成员)$"  # its mention of every member,
                     r"|(?:小红书|抖音|快手|微博|知乎|大众点评|美团|哔哩哔哩|今日头条)$)",  # a screen's app name alone
                     re.IGNORECASE)
# A heading after which a page holds no more of its article: related items, earlier posts, comments.
_RELATED = (r"往期(?:推荐|回顾|精选)|相关(?:新闻|阅读|推荐|链接|发布会|报道|文档|文件)|推荐阅读|延伸阅读"
            r"|其他公告|更多公告|热点推荐|猜你喜欢")
_TAIL_HEADING = re.compile(rf"^【?(?:{_RELATED}|精选留言|写下你的留言|网友评论|热门评论|全部评论|发表评论|我要评论"
                           r"|评论\s*[（(]\d+[）)])】?[：:]?$")
# The related items' label with their titles on its line: "相关链接：《…》 ｜ 《…》", "相关文档 - … - …" (not
# "相关文件规定…", nor a sentence after the label: "延伸阅读：某某将于6月启用。" says it, no title)
_RELATED_ITEMS = re.compile(rf"^【?(?:{_RELATED})】?(?:\s*[：:]|\s+[-－•·|｜]\s|\s*(?=《))\s*[^。\s][^。]*$")
# A site's print footer: "本页面由某某局门户网站打印 打印日期：2021-03-25"
_PRINT_FOOTER = re.compile(r"^(?:本页面?由\S{2,40}打印(?:\s|$)|打印(?:日期|时间)\s*[：:]\s*\d)")
# An internal document's confidentiality mark: "某某公司 · 财务部 · 内部资料，请勿外传"
_CONFIDENTIAL = re.compile(r"^.{0,40}内部(?:资料|文件)\W{0,2}(?:请勿|严禁|不得)(?:外传|外泄|外发)\W?$")
# A cut line: a rule of dashes or dots ("- - -" too) with a scissors sign or a short instruction to cut on it
# ("------ 沿此线剪下 ------", "✂┄┄┄┄┄┄", "…… 请沿虚线剪开 ……").
_RULE_MARK = r"[-－—–_―─━┄┅┈┉╌╍…·．.=＝*＊~～]"
_RULE = rf"(?:{_RULE_MARK}|[✁-✄\ufe0e\ufe0f\s])*"
_CUT_WORDS = r"[（(【]?[\u4e00-\u9fff]{0,10}(?:[剪裁][下开切断]|裁剪)[\u4e00-\u9fff]{0,10}[）)】]?"
_CUT_LINE = re.compile(rf"^{_RULE}(?:({_CUT_WORDS}){_RULE})?$")
_SCISSORS = re.compile(r"[✁-✄]")
_CUT_RULE_MARKS = 3
# An official document's distribution list at its end ("抄送：…", a bulletin's "报：… 送：… 发：…").
_DISTRIBUTION = re.compile(r"^(?:抄送|抄报|主送|报|送|发)\s*[：:].+$")
_CREDIT_MAX_CHARS = 80
# A breadcrumb copied with the text: "潍坊新闻网 > 潍坊要闻 > 正文".
_BREADCRUMB = re.compile(r"^(?:(?:当前位置|您的位置|您现在的位置|你的位置)\s*[:：].*"
                         r"|[^>›»]{1,16}(?:\s*[>›»]{1,2}\s*[^>›»]{1,16}){2,})$")
# A site's menu ("首页 要闻 菜博会 乡村振兴 视频", "设为首页 | 加入收藏 | 手机版"), its name with its address
# or English name ("寿光新闻网 www.sgnews.cn"), a bulletin's issue number ("2020年第8期（总第215期）",
# "2021年第6期（2021.02.01—2021.02.07）").
_MENU_ITEM_CHARS = 6
_MENU_ITEMS, _BARRED_MENU_ITEMS = 6, 3
_MENU_START_LINES = 2  # a menu copied one item a line opens the page, maybe under the site's name
_NAVIGATION = re.compile(r"(?:^|[\s|｜])(?:首页|设为首页|加入收藏|手机版|网站地图|English|登录|注册|无障碍"
                         r"|关于我们|联系我们)(?=$|[\s|｜])")
_SITE_ADDRESS = re.compile(r"^[\u4e00-\u9fff]{0,16}\s*(?:https?[:：]//)?(?:www\.)?(?:[a-z0-9-]+\.)+"
                           r"(?:cn|com|net|org|gov|edu|info)(?:\.cn)?/?$"
                           r"|^[\u4e00-\u9fff]{2,16}(?:网|局|委|院|中心|公司|集团|报|台|政府|办公室)\s+"
                           r"[A-Za-z][A-Za-z&.,' -]{5,}$",  # "潍坊市公安局 Weifang Public Security Bureau"
                           re.IGNORECASE)
_ISSUE = (r"(?:\d{4}年|[〔［\[(（]\d{4}[〕］\])）])?第\s*\d{1,4}\s*期"
          r"(?:\s*[（(](?:总第\s*\d{1,5}\s*期|[\d.\-—－至 ]{6,30})[）)])?")
_SPACED_OUT = re.compile(rf"^([\u4e00-\u9fff](?:\s+[\u4e00-\u9fff]){{3,}})(?:\s+{_ISSUE})?$")
# A newspaper's or newsletter's name alone, as its masthead prints it ("东湖社区报", "某某校刊", "某某通讯"); not a
# document or notice named by its kind (情况通报, 工作汇报, 统计公报, 热线月报, 喜报)
_PAPER_NAME = re.compile(r"^[\u4e00-\u9fff]{2,12}(?:(?<![通汇公预举申海呈上填年季月旬喜捷警])报|刊|通讯)$")
# …and the edition under it: a special issue ("“时间银行”专刊", "迎新特刊") or its issue's number
_EDITION = re.compile(rf"^(?:[^\s，。！？；：]{{1,16}}(?:专刊|特刊|增刊|专版|号外)|{_ISSUE})$")
_GENRE = re.compile(r"^(?:新闻通稿|新闻稿|通稿|工作简报|简报|快报|专报|信息专报|工作动态|情况通报)$")
# The kind of page an app or portal shows ("公告详情", "办件详情", "数据集预览"), not what it is about; an office
# app's name for a file it saves as a web page ("某某.pptx - 演示文稿", "文档1").
_PAGE_KIND = re.compile(r"^(?:公告|通知|新闻|文章|资讯|信息|消息|动态|办件|事项|职位|数据集)?"
                        r"(?:详情|正文|内容|详细信息|查看|预览)页?$|^(?:新建)?(?:演示文稿|文字文稿|文档|工作簿)\d*$")
_ENGLISH = r"[A-Z][A-Z&.,，'’ -]{7,}[A-Z.]"  # "MOUMOU WATER CO.,LTD." ("，" as the text is normalized)
_ENGLISH_NAME = re.compile(rf"^{_ENGLISH}(?:\s*[|｜]\s*[\u4e00-\u9fff]{{2,12}})?$")
_ISSUE_NUMBER = re.compile(rf"^{_ISSUE}$")
# …its page ("第A04版"), or the archive's links when the page's number stands elsewhere ("星期三 上一期 | 下一期")
_ISSUE_LINE = re.compile(rf"^(?:[\u4e00-\u9fff]{{2,12}}\s*)?{_FULL_DATE.pattern}\s*星期[一二三四五六日天]\s*"
                         r"(?:第?\s*[A-Z]?\d{1,3}\s*版|上一期|下一期|往期)")
# A printed document's page number ("— 1 —", "- 2 -", "第3页 共5页") and its file number ("潍人社发〔2020〕23号",
# or with 第 before its serial: "某某燃气公告〔2021〕第12号").
_PAGE_NUMBER = re.compile(r"^[-—－–]+\s*\d{1,3}\s*[-—－–]+$|^第\s*\d{1,3}\s*页(?:\s*[，,/／]?\s*共\s*\d{1,3}\s*页)?$")
_FILE_NUMBER_FORM = r"[\u4e00-\u9fff]{1,12}[〔［\[(（]\d{4}[〕］\])）]\s*(?:第\s*)?\d{1,4}\s*号"
_FILE_NUMBER = re.compile(rf"^{_FILE_NUMBER_FORM}$")
# a title after the number: a name of its own ("…的报告", "会议纪要"), not a word ("附件", "签收")
_NUMBER_THEN_TITLE = re.compile(rf"^{_FILE_NUMBER_FORM}\s+(\S.{{3,}})$")
# …or an announcement's (公告, 通告), numbered by year: "2020年第3号", "（2020年第3号）"
_ANNOUNCEMENT_NUMBER = re.compile(r"^([（(])?\d{4}年第\s*\d{1,4}\s*号(?(1)[）)])$")  # bracketed whole or not at all
# A form's or notice's code, maybe after its issuer: "某某局 编号：WFMZ-YL-2022-01".
_DOCUMENT_CODE = re.compile(r"^(?:[\u4e00-\u9fff]{2,20}\s+)?(?:编号|文号|索引号)\s*[：:]\s*"
                            r"[A-Za-z0-9\-—_/〔〕()（）]{3,40}$")


# A 微博 post copied as text: the account (name, badge, description) above "2020-2-19 17:36 来自 微博 weibo.com";
# weibo.com shows a post of an earlier year as "24-2-26 16:30 来自 微博网页版", its year's last two digits first.
_MICROBLOG_TIME = re.compile(rf"^(\d{{4}}|\d{{2}}){_MONTH_AND_DAY}\s*(?:{_TIME})?\s*来自\s*\S")
# This year's post shows no year ("2-26 16:30 来自 …", "2月26日 16:30", "今天 09:12", "刚刚", "5分钟前"): the page
# keeps its day
_RECENT = r"\d{1,2}-\d{1,2}|\d{1,2}月\d{1,2}日|今天|昨天|刚刚|\d{1,2}\s*(?:秒|分钟|小时)前"
_RECENT_POST_TIME = re.compile(rf"^(?:{_RECENT})\s*(?:{_TIME})?\s*来自\s*\S")
_CENTURY = 2000
_MICROBLOG_HEAD_LINES = 4
_HASHTAG = re.compile(r"#[^#\s]{1,30}#")
_POST_HEADLINE = re.compile(r"^【([^】]{4,60})】")
_CHAT_HEADER = re.compile(rf"^(\S.{{0,23}}?)\s+{_FULL_DATE.pattern}\s+{_TIME}$")
_SENDER_UNIT = re.compile(r"^(\S+?)[-－—]\S+$")  # "某单位-某某": a unit and the person posting for it
_POST_END = re.compile(r"^(?:收起全文|转发\s*[\d.]+万?\s+评论)")  # then come the counts, comments, recommendations
# A verification line in a post's head, under or beside its account's name: "蓝V 某某官方微博", "微博认证：…"
_BADGE = re.compile(r"^(?:[蓝黄橙红金]?V|微博\S{0,2}认证)(?:\s|[：:]|$)")
_POST_TITLE_CHARS = 40
# A post's opening sentence, past a short exclamation ("好消息！"): 6 characters at least (a shorter line whole) up to
# its first end mark
_OPENING_SENTENCE = re.compile(r"(.{6,}?|.*?)(?:[。！？!?]|$)")
# A short-video page (抖音, 快手, 视频号, B站): the author's name over (or before) the account's counts ("抖音号：…
# 粉丝 18.6万 获赞 132.5万", "1.2万粉丝 36关注"), maybe a follow button, then the caption, then its time line
# ("发布时间：2023-05-16 18:30"); the caption's topics ("#话题", "#话题#") end its lines.
_COUNT = r"[\d.]+\s*[万亿wW]?"
_COUNTED = r"(?:粉丝|获赞|关注|作品|点赞)"
_ACCOUNT_COUNT = re.compile(rf"{_COUNTED}\s*[：:]?\s*{_COUNT}|{_COUNT}\s*{_COUNTED}")
_ACCOUNT_FIELD = re.compile(rf"(?:抖音号|快手号|视频号|UID)\s*[：:]|{_ACCOUNT_COUNT.pattern}")
_ACCOUNT_NAME = re.compile(r"[\w·-]{2,30}")
_FOLLOW_BUTTON = re.compile(r"^[+＋]?\s*(?:已?关注|已?互关|私信)$")
_TOPICS = re.compile(r"(?:^|(?<=\s))(?:#[^#\s]{1,30}#?\s*)+$")
_LEADING_SIGNS = re.compile(r"^[^\w【（(“《]+")  # an emoji before the caption's words
_CAPTION_LINES = 40


# A document's closing: its issuer, then the day alone on a line, in digits or in Chinese ("二〇二〇年二月二十日").
_AUTHORITY_END = "局|委|委员会|政府|办公室|办公厅|厅"  # the issuers of joint documents
# 馆: a public venue (文化馆, 图书馆, 博物馆) signs its own notices, and a school its letters to parents; a police,
# fire or enforcement unit (交警支队, 消防救援大队, 执法总队) its own and joint ones
ISSUER_END = f"{_AUTHORITY_END}|部|院|会|馆|学校|小学|中学|大学|幼儿园|中心|处|所|血站|服务站|工作站|检查站|监测站" \
    "|管理站|公司|小组|总队|支队|大队|农场|合作社|电视台|电台|报社"
_ISSUER_TEXT = rf"[\u4e00-\u9fff（）()、 ]{{2,60}}(?:{ISSUER_END})"
_ISSUER = re.compile(rf"^{_ISSUER_TEXT}$")
# A letterhead's contact field: "客户服务热线 0536-1234567", "地址：某市某路8号", "网址：" (its address wrapped), or an
# office's number ("局办公室：0536-1234567"), after the name and maybe the office that writes ("某某学校 … 招生就业处")
_PHONE = r"[\d(（][\d\-()（）]{4,}"
_CONTACT_LABEL = r"[\u4e00-\u9fff\d]{0,8}(?:热线|电话|传真|地址|邮编|网址|邮箱)"
_CONTACT = rf"(?:{_CONTACT_LABEL}(?:\s*[：:]\S*|\s*{_PHONE})" \
    rf"|[\u4e00-\u9fff]{{0,8}}(?:{ISSUER_END})\s*[：:]\s*{_PHONE})"
_OFFICE = rf"[\u4e00-\u9fff]{{2,12}}(?:{ISSUER_END})"
_LETTERHEAD_LINE = re.compile(rf"^(\S+)\s+(?:{_ENGLISH}(?:\s+{_OFFICE})?(?:\s+{_CONTACT})*"
                              rf"|(?:{_OFFICE}\s+)?{_CONTACT}(?:\s+{_CONTACT})*)$")
# …wrapped by the printer inside its last number ("咨询电话：0536-" / "8186320"), maybe more fields after it
_NUMBER_REST = re.compile(rf"^\d[\d\-]*(?:\s+{_CONTACT})*$")
_CONTACT_LINE = re.compile(rf"^{_CONTACT}(?:\s+{_CONTACT})*$")
_STACKED_LINES = 3  # a letterhead's name, English name and contact fields a line each
# …each holding a number, a mail or web address (not "12345热线：接诉即办暖民心", a headline)
_NUMBERED_CONTACT = rf"{_CONTACT_LABEL}(?:\s*[：:]\s*[^\s\d@.]*[\d@.]\S*|\s*{_PHONE})"
_NUMBERED_CONTACT_LINE = re.compile(rf"^{_NUMBERED_CONTACT}(?:\s+{_NUMBERED_CONTACT})*$")
# A site's letterhead printed with its page: the organisation's name and the column's or page kind's heading, no
# sentence ("某某局 政策解读", "某某中心 通知公告")
_COLUMN_HEAD = re.compile(r"^(\S+)\s+([\u4e00-\u9fff]{2,6})$")
# An issuer and its section that writes or presents the document, on a cover or under a title ("某某局 工伤保险科")
_OFFICE_END = "科|室|处"  # an office inside an authority or a firm: an authority's sections also end in 股 or 办
_SECTION_LINE = re.compile(rf"^(\S+)\s+[\u4e00-\u9fff]{{2,10}}(?:{_OFFICE_END}|股|办)$")
# A credit line on a manual's or booklet's cover: the organisation that supervised, issued or printed it ("某某中心
# 监制", "某某协会 出品", "某某办公室 编印"), or the one that made the product ("某某有限公司 制造/生产")
_ISSUED_BY = "监制|出品|编印"
_COVER_CREDIT = re.compile(rf"^({_ISSUER_TEXT})\s*({_ISSUED_BY}|制造|生产)$")
# A manual's cover line right under the product's name: its model field and/or the manual's kind, in either order
# ("型号：YD-A3 使用说明书", "规格型号：KL-200", "用户手册 型号 HX-7")
_MANUAL_KIND = r"(?:(?:安装|使用|操作|用户|产品){1,2}(?:说明书?|手册)|说明书)"
_MODEL_FIELD = r"(?:规格|产品)?型号\s*[:：]?\s*([A-Za-z\d][A-Za-z\d./+_-]*)"
_MANUAL_COVER = re.compile(rf"^(?:({_MANUAL_KIND})\s*)?(?:{_MODEL_FIELD})?\s*({_MANUAL_KIND})?$")
# A contents list: "目录" (目 录, 目次, CONTENTS) over headings each ending in its page number ("一、概述 2",
# "第二章 使用方法……5")
_CONTENTS_ENTRY = re.compile(r"^\S.{0,40}?(?:\s+|[.．…·]{2,}\s*)\d{1,3}$")
# "某某局价格监测中心 2020年2月14日" under a bulletin's masthead; "某某局 2021年11月10日印制" on a booklet's back cover
# or GB/T 9704's 版记 under a document ("某某局办公室 2023年3月6日印发", its day maybe on a line of its own); a form's
# foot gives the day of its last revision so ("某某学校　2024年5月6日修订")
_PRINTED = "印制|印发|编印|修订|印"  # "某某馆 2023年4月印": a leaflet's back may say only 印
_PRINTED_DAY = re.compile(rf"^(.+?)\s*(?:{_PRINTED})$")  # the day alone: "2023年3月6日印发", "二〇二三年三月六日印发"
# …or labelled: "印制日期：2023年3月6日", the day a notice was sent down to be read out ("下发日期：…")
_PRINTING_FIELD = r"(?:印制|印刷|印发|编印|下发)(?:日期|时间)\s*[：:]\s*"
_PRINTING_DAY_FIELD = re.compile(rf"^{_PRINTING_FIELD}(.+)$")
_ISSUER_NAME = rf"[\u4e00-\u9fff（）()]{{2,40}}(?:{ISSUER_END})"  # as a dateline names it, before its day
# A page's own info line: the organisation that publishes it, the page's time and its view count ("某某检测有限公司
# 更新日期：2025年2月28日　浏览 5821"); a list of other pages shows no count ("某某推进会 发布时间：2024-03-05")
_ISSUER_INFO_LINE = re.compile(rf"^({_ISSUER_NAME})\s+(?:{_PUBLISHED_LABEL})\s*：\s*{_FULL_DATE.pattern}\s*(?:{_TIME})?"
                               r"\s+(?:浏览|阅读|点击|访问)(?:量|数|次数)?\s*[：:]?\s*\d")
_ISSUER_DAY = re.compile(rf"^({_ISSUER_NAME})\s+(?:{_PRINTING_FIELD})?{_FULL_DATE.pattern}\s*(?:{_PRINTED})?$")
# …or at the end of a foot line after its other fields, the parts of a PDF's foot set apart on one line
# ("地址：某某路1号 公交3路 某某医院门诊部 2024年2月26日印发"): its printing word tells it from a sentence's day
_TRAILING_PRINT = re.compile(rf"\s({_ISSUER_NAME})\s*{_FULL_DATE.pattern}\s*(?:{_PRINTED})$")
# A bulletin's editor and day in its masthead block: "某某局办公室编 2023年3月24日", "某某办公室 编印 2023年3月24日"
_EDITING = "编印|编|主办"
_EDITED_BY = re.compile(rf"(?:{_EDITING})$")  # "某某委员会编印 2024年6月14日": a bulletin's masthead line
_EDITOR_DAY = re.compile(rf"({_ISSUER_NAME})\s*(?:{_EDITING})?\s*{_FULL_DATE.pattern}")
# The maker a form's or booklet's foot names: "某某局制", "某某办公室编", "某某局印发"; the issuer signs so
# (its seal marked after it: "某某委员会（印）", "某某公司（盖章）")
SEAL_MARK = r"[（(](?:印|盖章|公章|章|签字|签名)[）)]"  # a seal's or signature's place, marked after a name
_SIGNER = re.compile(rf"^({_ISSUER_TEXT})\s*(?:印制|编制|编印|印发|制|编|{SEAL_MARK})?$")
# "某某委员会（盖章） 2024年3月28日", "…（盖章）二〇二五年四月二十八日": the closing's two lines on one
_SEALED_BEFORE_DAY = re.compile(rf"({SEAL_MARK})\s*(?=\d{{4}}\s*年|\d{{4}}[-/.]|[〇零一二三四五六七八九]{{4}}\s*年)")
# A month in digits or in Chinese ("2023年2月", "二〇二三年二月"); alone on a closing's last line, maybe printed then
_MONTH = r"(\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*(\d{1,2}|[一二三四五六七八九十]{1,2})\s*月"
_MONTH_ALONE = re.compile(rf"^(?:{_PRINTING_FIELD})?{_MONTH}\s*(?:{_PRINTED})?$")
_PRINTING_MONTH = re.compile(rf"^{_PRINTING_FIELD}{_MONTH}$")  # labelled, it dates a leaflet under no issuer too
# …or after its maker on one line, as a leaflet's back has it: "某某公司 2023年11月印制", "某某局编印 2024年3月"
_SIGNED_MONTH = re.compile(rf"^({_ISSUER_TEXT})\s*(?:{_PRINTED})?\s*(?:{_PRINTING_FIELD})?{_MONTH}\s*(?:{_PRINTED})?$")
# A remark on the document itself under its closing: "本手册仅供活动参加人员使用，请勿外传", "本资料免费赠阅"
_SELF_REMARK = re.compile(r"^本(?:手册|资料|文件|材料|须知|指南|折页|宣传册|单页?|表)(?:仅供|免费|不得|请勿)")
# A form's or rule's version under its title: "（2023年2月修订）", "（2023年2月6日印发）"
_VERSION = re.compile(rf"^[（(]\s*{_MONTH}\s*(?:(\d{{1,2}}|[一二三四五六七八九十]{{1,3}})\s*日)?\s*"
                      r"(?:修订|修正|印发|发布|制定)?\s*[）)]$")
# …or a manual's version number with its month, under its title or at its foot (maybe before a note on the same
# line): "说明书版本：V2.1（2023年9月）", "版本：2.0（2022年10月）", "V3 2023年9月版"
_VERSION_NUMBER = r"(?:[\u4e00-\u9fff]{0,6}版本号?\s*[：:]\s*[Vv]?|[Vv])\d{1,3}(?:\.\d{1,3}){0,3}"
_NUMBERED_VERSION = re.compile(rf"^{_VERSION_NUMBER}\s*[（(]?\s*{_MONTH}\s*版?\s*[）)]?(?=\s|$)")
# A time of day, or two ("上午、傍晚")
TIME_OF_DAY = "凌晨|早上|上午|中午|下午|傍晚|晚上"
_DAYTIMES = f"(?:{TIME_OF_DAY})(?:[、和](?:上午|中午|下午|傍晚|晚上))?"
# A note's stamp right under its title, as a note app exports it: the day it was written, maybe quoted, then what was
# done that day (记, 写, 摘, 更新, maybe with 于/自: "2025-02-18 记｜…", "2024年11月3日 写于家中") or a bar before a
# remark ("2024.11.3 ｜ 上午去窗口问的"), or its time of day alone; not "2025年1月1日起，…" (a sentence) nor
# "2025-02-18 记者 某某" (a byline)
_STAMP = re.compile(rf"^(?:>\s*)?{_FULL_DATE.pattern}(?:(?:\s*{_TIME})?\s*"
                    rf"(?:(?:记|写|摘|更新)(?:[于自]|(?!{HAN}))|[｜|·•/／—–])"
                    rf"|\s*{_DAYTIMES}\s*{_TIME}$)")  # a phone memo's "2024年11月2日 下午3:41"
# A statement the opening text makes about the document itself, in a sentence: "本文档由某某整理，发布于2024年6月20日，
# 如有变动…" (a wiki's or online document's note on top, Yuque's info box), "本页最后更新于2024-06-20": the day it was
# published (else updated); at its foot, "以上价格及政策由景区提供，更新于2024-04-01" (a booking site's note on what
# stands above it). "某某活动于6月20日发布" is about something else, a fact of the text.
_SELF_DOCUMENT = r"本(?:文档?|页面?|篇|稿|指南|手册|须知|通知|公告|说明)(?!件)"
_SELF_DATED = re.compile(rf"(?<!{HAN})(?:{_SELF_DOCUMENT}|以上)"
                         rf"[^。！？；]{{0,40}}?(?:(?:(发布|发表)|更新|修订)于|最后(?:更新|修订)\s*[：:])"
                         rf"\s*{_FULL_DATE.pattern}")  # not a planned "下次更新：…"
# …and who keeps it: "本页由某某部维护", "本文档由 **某某部** 维护", or "维护：某某有限公司" as a line's first field,
# in its opening lines; an organisation, not a person ("本文档由店长某某维护"): it publishes the page. Not who
# supports or reviewed it ("本页面由某某公司 提供技术支持"), nor the keeper of a thing a line's fields describe
# ("设备名称：充电桩 | 维护：某某公司")
_KEPT_NAME = r"\s*\**\s*([\u4e00-\u9fff（）()]{2,40}?)\s*\**\s*"
_MAINTAINER = re.compile(rf"(?<!{HAN}){_SELF_DOCUMENT}由{_KEPT_NAME}维护"
                         rf"|^[^：:]*?(?:^|(?<=[。；·•|｜\s]))维护\s*[：:]{_KEPT_NAME}(?=[（(，,。；·•|｜\s]|$)")
# A changelog's version lines ("[1.3.0] - 2024-12-15", "v3.4.0（2024-04-12）"), two or more: the newest dates it
_RELEASE_LINE = re.compile(rf"^\[?[Vv]?\d{{1,3}}(?:\.\d{{1,3}}){{1,3}}\]?\s*(?:[-–—]\s*|[（(])\s*"
                           rf"{_FULL_DATE.pattern}\s*[）)]?$")
_MIN_RELEASES = 2
# …or a foot line of its own: "场馆信息更新于2024年5月20日 由场馆方提供" (not "本市空气质量信息发布于…以来，…")
_INFO_UPDATED = re.compile(rf"^{HAN}{{1,6}}信息(?:更新|修订)于\s*{_FULL_DATE.pattern}(?=\s|$)")
# A note under a title saying when it was given or aired: a speech's ("（2025年8月16日上午 多功能厅 讲话人：…）"), a
# broadcast script's ("（2025年4月10日上午、傍晚各播一遍，播音：…）")
_OCCASION = re.compile(rf"^[（(]{_FULL_DATE.pattern}\s*(?:{_DAYTIMES}(?:在|\s+|[，,])?|在|\s+|[，,])"
                       r"(?![^（）()]*(?:通过|修订|修正|公布|施行|至|\d{4}年))[^（）()]+[）)]$")  # not a law's history
_TODAY = re.compile(rf"(?:^|[，。！？；：,:\s])今天(?:是)?\s*{_FULL_DATE.pattern}")
_TODAY_SENTENCES = 4
_TODAY_CHARS = 160  # and of its first lines, when they end no sentence
_CHINESE_DATE = re.compile(r"^([〇零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,2})\s*月\s*"
                           r"([一二三四五六七八九十]{1,3})\s*日$")
# "（此件主动公开）", "（以下内容由…提供）", a scanning app's note over the text it read ("[某某扫描 文字识别结果
# 2024-10-26 08:12 · 共1页]", its time in it); not a 【headline】 nor "［重要通知］"
_NOTE_LINE = re.compile(r"^(?:[（(][^（）()]*[）)]|[\[［][^\[\]［］]*\d[^\[\]［］]*[\]］])$")
_SIGNATURE_LINES = 8  # the closing stands among the body's last lines (page chrome may follow it)
# An agreement's signing-date field (协议书, 合同, 承诺书: "签订日期：2021年4月18日", "乙方签字日期：2021.4.18", maybe
# beside other fields on its line), its value a full date; an empty one in a signature table ("签字日期：") names no
# day. And a report's or certificate's issue-date field ("签发日期：2024年9月14日", "报告日期：…", "出具日期：…"), or a
# form's filling-in day ("填表日期：…"), weaker: on a sign-off form it is the day release was approved, not the
# planned publication's ("拟发布日期：…")
_AHEAD = "拟|预计|计划|要求"  # "预计出具日期：…": a day ahead, not the document's
_SIGNED_FIELD, _ISSUED_FIELD = (re.compile(rf"(?:^|\s)(?![\u4e00-\u9fff]{{0,2}}(?:{_AHEAD}))[\u4e00-\u9fff]{{0,4}}"
                                           rf"(?:{labels})日期\s*：?\s*(\S[^：]*?)\s*"
                                           r"(?=$|\s[\u4e00-\u9fff]{2,6}\s*：)")
                                for labels in ("签订|签署|签约|签字", "签发|报告|出具|填单|填表|填报"))
_AUTHORITY = re.compile(rf"^[\u4e00-\u9fff（）()]{{2,40}}(?:{_AUTHORITY_END})$")
_JOINT_ISSUERS = 4
_TRAILING_LINES = 4
_PUBLISHED_OR_SOURCE = re.compile(rf"{_PUBLISHED_LABEL}|{_SOURCE_LABEL}")
# A wiki page's last-edited line, the only day such a page shows: MediaWiki's footer "此页面最后编辑于2024年4月18日
# (星期四) 21:37。" ("本页面最后修订于…"), DokuWiki's "start.txt · 最后更改: 2024/04/18 21:37", Confluence's
# "最后更新于 2024-04-18" (after its creator: "由 某某创建, 最后修改于 2024年6月3日"), a service page's "页面更新：
# 2025年9月28日". (The metadata reader dates an English footer:
# "last edited on 18 April 2024".)
# A meeting record's head (a press conference's, under its headline): "时　间：2022年11月10日（星期四）上午10:00" beside
# "地　点：…", the labels maybe spaced out; the record is published on the day the meeting is held.
_MEETING_TIME = re.compile(rf"^时\s*间\s*[：:]\s*{_FULL_DATE.pattern}")
_MEETING_PLACE = re.compile(r"(?:^|\s)地\s*点\s*[：:]\s*\S")  # on its own line or after the time
_MEETING_HEAD_LINES = 12
# An event page of a listings site (豆瓣同城, 活动行, 互动吧): under its headline, the event's fields, a label ("时间:")
# before its value or over it (a list of sessions), among them its time, its place and its fee or organiser; and a
# line saying when the page was posted ("活动发布于 2024-11-26 10:22"), which dates it: the event's day does not.
_EVENT_FIELD = re.compile(r"^([\u4e00-\u9fff]{2,6})\s*[:：]\s*(.*)$")
_EVENT_TIME = re.compile(r"^(?:活动|开始|举办)?(?:时间|日期)$")
_EVENT_PLACE = re.compile(r"^(?:活动|举办)?(?:地点|地址|场地)$")
_EVENT_TERMS = re.compile(r"^(?:费用|票价|门票|发起人?|主办方?|组织者|举办方)$")
_EVENT_VALUE_LINES = 3  # the most lines a label over its value (a list of sessions) takes
_POSTED_LINE = re.compile(rf"^[\u4e00-\u9fff]{{0,4}}(?:发布|发起|创建)于\s*{_FULL_DATE.pattern}")
_LISTED = re.compile(rf"^发布于\s*{_FULL_DATE.pattern}")  # a listing's own line under its headline: the day it went up
# …or a second-hand listing's seller line, its items parted by dots ("来闲鱼4年 · 卖出32件宝贝 · 发布于2024-12-09")
_POSTED_ITEM = re.compile(rf"[·•|｜]\s*(?:发布于|上线(?:时间|于))\s*[：:]?\s*{_FULL_DATE.pattern}")  # "· 上线时间 …"
# A cover's line naming the day it is held or given (a slide deck's, a poster's): a full date alone on its line, maybe
# with its weekday, its time (or span of time) and its place after a space: "2024年4月12日（周五）15:30　学校报告厅"
_WEEKDAY = r"[（(]?(?:星期|周)[一二三四五六日天][）)]?"
_CLOCK = rf"(?:上午|下午|晚上)?\s*{_TIME}(?:\s*[-–—~～至]\s*{_TIME})?"
_COVER_DAY = re.compile(rf"^(\d{{4}})\s*年\s*(\d{{1,2}})\s*月\s*(\d{{1,2}})\s*日\s*(?:{_WEEKDAY})?\s*(?:{_CLOCK})?"
                        r"(?:\s+[^\s，。！？；：:][^，。！？；：:]{1,23})?$")
_COVER_LINES = 8
# "播发单位：某某办公室" under "稿件编号：…": a labelled field opening its line, as a form writes them a line each
# a label of two to six characters, Latin letters maybe among them ("摊主QQ群："), maybe spaced to the width of the
# others ("单　　号：")
FIELD_LABEL = (r"^[\u4e00-\u9fff](?: ?[\u4e00-\u9fff]|[A-Za-z]{1,3}(?=[\u4e00-\u9fff])){1,5}"
               r"(?:[（(][\u4e00-\u9fff%％]{1,3}[）)])?\s*：\s*")  # "金额（元）：…": its unit after it
FIELD_START = re.compile(FIELD_LABEL + r"\S")
# A draft or issue form's head (播发稿, 发稿单, 签发单: such fields above its text) names the unit that issues the
# piece, else the one that runs what it announces (a sign-up form's or notice's 发起单位/主办单位), else the one
# that compiled it (编制单位, a report's), else the one that handles it (承办单位, a hotline case's: a reader may ask
# it, so it stays text), else the employer a job posting's fields name (招聘单位, 用人单位, 公司名称:
# an organisation's name only, not "见附件"), and the day it was approved or signed for issue, else the day the form
# plans to publish it, else the day a system exported or generated the copy (a backup's, a report export's: the
# latest of what it holds; a label only software writes, so no more than 导出/生成); 发布单位 and 发稿时间 are
# datelines anywhere already. Not a period or a deadline (播发时段, 截止时间), nor a 拟稿 field (the day it was
# drafted, by whom). Each in that order: the first kind the head names wins.
_ISSUING_UNITS = tuple(re.compile(rf"(?:^|\s)(?:{label})\s*：\s*(\S+)")
                       for label in ("(?:播发|发稿|供稿)单位", "(?:发起|主办)(?:单位|方)?", "编制单位"))
_HANDLER = re.compile(r"(?:^|\s)承办单位\s*：\s*(\S+)")
_ROLE = re.compile(r"[（(](?:主办|承办|发起|协办)[方者]?[)）]$")  # "发起：某某滑雪场（主办方）": its role, no name
_EMPLOYER = re.compile(r"(?:^|\s)(?:(?:招聘|用人)单位|公司名称)\s*：\s*(\S+)")
# A service record's head (a 政务服务 page's 办件详情 or 事项详情) names the office that decides the matter, which
# publishes the record after every unit above, else the one the application was handed in at (受理单位, a 便民服务
# 中心); these fields are the record's facts, so they stay its text.
_OFFICES = tuple(re.compile(rf"(?:^|\s)(?:{label})\s*：\s*(\S+)")
                 for label in ("审批(?:单位|部门|机关)|办理(?:单位|部门|机构)|实施(?:主体|机构)|承办机构",
                               "受理(?:单位|部门|机构)"))
# A layout table's row of a label and its value, as the extractor gives it: "审批单位 | 某某局 |"
_TABLE_FIELD = re.compile(r"^([\u4e00-\u9fff]{2,6})\s*\|\s*([^|]*[^|\s])\s*\|?$")
# A call record's head (a 12345 hotline's transcript or work order: "来电时间：2024-05-08 19:41:06") names the day of
# the call, when what its transcript says was said: the record's day, before a compiler's or an export's; when the
# citizen called is a fact of the record, so that field stays its text. A bill's or statement's head (a utility's
# e-bill, a 缴费通知单, an 对账单: "账单月份：2023年12月 账单日期：2023-12-28") names the day it was made out
# (账单/出账/出单日期), else the day its invoice was drawn (开票日期, an e-invoice's own day; a bill invoiced later
# names both); a reader may ask it, so it stays text too. Its month (账单月份) is the period billed, and its due and
# meter-reading days (缴费截止日, 抄表日期) are facts of it, not its day. A test report's or a quotation's head names
# the day it was issued (报告日期, 报价日期), which a reader may ask too.
_APPROVED, _PLANNED, _CALLED, _BILLED, _INVOICED, _REPORTED, _EXPORTED = (
    re.compile(rf"(?:^|\s)(?:{label})(?:时间|日期)\s*：\s*{_FULL_DATE.pattern}")
    for label in ("审核|签发", "拟发布", "来电|通话|受理|记录", "账单|出账|出单", "开票", "报告", "导出|生成"))
# An approval's export (钉钉, 企业微信) names the moment its request was made ("发起时间：2024-11-05 10:32", 提交时间,
# its time of day too: a form's "提交时间：2024年5月20日" is its deadline); a reader may ask it, so it stays text.
_SUBMITTED = re.compile(rf"(?:^|\s)(?:发起|提交)时间\s*：\s*{_FULL_DATE.pattern}\s*{_TIME}")
# A compiler's or editor's line heading a text (a note, a mind map, a handout): who compiled or last updated it and
# when, names maybe between ("整理：某部 某某　2023.2.6", "编写人：某某　编写时间：2023年2月6日", "更新：2023-02-06
# 某某", "制表：某某　2023-04-10"): the day it was written, before a system exported it. It names a person or a
# department, no publisher. At a table's foot only its maker's (制表) is one: an 更新时间 there is a web page's.
_COMPILED, _TABULATED = (re.compile(rf"(?:^|\s)(?:{labels})(?:人|时间|日期)?\s*：\s*"
                                     rf"(?:[\u4e00-\u9fff·]{{2,20}}\s*){{0,3}}{_FULL_DATE.pattern}")
                          for labels in ("整理|编写|编制|撰写|汇编|更新|制表", "制表"))
# A script's or plan's sign-off line names its writer, its reviewer and a bare day ("编写：小马（剪辑）　审核：社长
# 某某　日期：2024年10月9日"): the day it was written. A reader may ask who reviewed it, so it stays text.
_WRITER_OR_REVIEWER = r"(?:[\u4e00-\u9fffA-Za-z·（）()、]{2,20}\s*){1,3}"
_SIGNED_OFF = re.compile(rf"(?:^|\s)(?:编写|撰写|起草|拟稿)人?\s*：\s*{_WRITER_OR_REVIEWER}"
                         rf"(?:(?:审核|审定|校对|批准|签发)人?\s*：\s*{_WRITER_OR_REVIEWER})+"
                         rf"日期\s*：\s*{_FULL_DATE.pattern}")
# A manual's, leaflet's or programme's head may name only the day it was printed ("文件编号：…　印制日期：2024年4月15日
# 第2版", "编印：2025年5月6日"), and a slip's the time a till printed it ("结算单号：…　打印时间：2024-10-26 11:42"):
# its day when it names no other, as a 版记's printing day is; it stays text (unless its line names the issuing unit:
# "主办：某某局　编印：…" is the head's, no text).
_PRINTED_ON = re.compile(rf"(?:^|\s)(?:{_PRINTING_FIELD}|(?:打印(?:日期|时间)|编印)\s*[：:]\s*){_FULL_DATE.pattern}")
_QUOTED = re.compile(rf"(?:^|\s)报价日期\s*：\s*{_FULL_DATE.pattern}")  # not a tender's 报价时间, its bidding hours
_ISSUED_DAYS = (_APPROVED, _PLANNED, _SUBMITTED, _CALLED, _BILLED, _INVOICED, _COMPILED, _SIGNED_OFF, _REPORTED,
                _QUOTED, _EXPORTED, _PRINTED_ON)
_UNSAID_FIELDS = (*_ISSUING_UNITS, _APPROVED, _PLANNED, _COMPILED, _EXPORTED)  # a form head's fields that are no text
_SENTENCE_END = re.compile(r"[。！？]")
# A 信息公开 record's head, as every government site shows one above its record (a table, or fields several to a
# line): its index number (索引号, 信息索引号), the office that put it online (发布机构, 发文机关), the day it was
# written (成文日期, 生成日期) and the day it was published (发布日期, 公开日期), its file number (文号), its name
# (名称, 标题).
_HEAD_FIELD = re.compile(r"(?:^|(?<=\s))([\u4e00-\u9fff]{2,6})\s*：\s*")  # a field's label, its value up to the next
_SPREAD_LABEL = re.compile(r"^[\u4e00-\u9fff](?:\s+[\u4e00-\u9fff]){1,5}(?=\s*：)")  # "名 称：" opening a line
RECORD_INDEX = re.compile(r"(?:信息)?索引号")
_RECORD_NAME = re.compile(r"(?:文件|信息)?(?:名称|标题)")
_RECORD_OFFICE = re.compile(rf"{_SOURCE_LABEL}|[发来]文(?:机关|单位)")
# A catalogue's record (an open-data portal's dataset) shows an info grid of labelled fields beside its dates
# ("数据提供单位：某某局", "发布时间：…", "更新频率：…"): the unit that provides or publishes what it holds, not the
# portal that shows it
_OWNER_LABEL = re.compile(r"(?:数据)?(?:提供|来源)单位|发布单位")
_DEVELOPER = re.compile(rf"^开发(?:者|商)\s*[：:]\s*({_ISSUER_NAME})(?!{HAN})")
# A podcast's or channel's card on an episode's page: the show's name over its owner's line, which ends in the count
# of its subscribers or followers ("某某台交通广播 · 3.5万人订阅", "某某发布 | 820人关注")
_SHOW_OWNER = re.compile(rf"^(\S.{{0,30}}?)\s*[·•|｜]\s*{_COUNT}\s*人(?:订阅|关注)$")
# An office-automation system's routing form (收文处理单, 发文处理单, 办文单, 阅办单, 文件处理笺) pasted above the
# document it routes: the form's name on the first line (maybe after the system's in 【】), its labelled fields and
# 流转记录 (who passed it on when, with a remark), then a rule, then the document.
_ROUTING_FORM = re.compile(r"^(?:【[^【】]{1,30}】)?[\u4e00-\u9fff]{0,16}(?:处理|办文|阅办|阅文|传阅|批办)[单笺]$")
_RULE_LINE = re.compile(rf"^(?:{_RULE_MARK}\s*){{3,}}$")
_ROUTING_FORM_LINES = 40
# A system's export of labelled items (a signage system's 节目单, a CMS's content export): a banner, fields naming
# the export (its 名称 or 标题, who exported it when) within a few lines above a rule, then blocks each opened by a
# numbered marker ("【节目项 1】", maybe with the item's settings: 类型, 区域, 停留…) and holding its "标题：" and
# "内容：" fields; what stands under a rule outside any block is the system's note ("导出完毕。…").
_EXPORT_HEAD_LINES = 12
_EXPORT_NAME = re.compile(r"[\u4e00-\u9fff]{0,4}(?:名称|标题)")
_EXPORT_ITEM = re.compile(r"^【[\u4e00-\u9fff]{1,8}\s*\d{1,3}】")
_ITEM_FIELD = re.compile(r"^(标题|内容|正文)\s*：\s*(.*)$")
# An account's list of messages copied as text (a 服务号's or 订阅号's notices, an app's message centre): the account's
# name on the first line, maybe a note and a rule under it, then each message: its time line without a year ("12月26日
# 上午10:02", "昨天 下午3:15", "星期二 09:30"), its title line, its text, maybe a link line ("详情 >", "查看详情").
_LIST_TIME = re.compile(rf"^(?:(?:(\d{{4}})年)?(\d{{1,2}})月(\d{{1,2}})日|[昨今前]天|(?:星期|周)[一二三四五六日天])\s*"
                        rf"(?:上午|中午|下午|晚上|凌晨|早上|傍晚)?\s*{_TIME}$")
# …or each time line led by its column's tag ("【场馆公告】 2024年11月8日 10:12"), over a title line or straight over
# its text, under no account's name, maybe under a note of when the list was copied ("复制时间 2024-11-10 21:06")
_MESSAGE_TAG = re.compile(r"^【[^】]{1,10}】\s*")
_COPIED_AT = re.compile(rf"^(?:复制|导出|保存|截图|抓取|备份)(?:时间|日期|于)\s*[：:]?\s*{_FULL_DATE.pattern}"
                        rf"(?:\s*{_TIME})?$")
_LIST_HEAD_LINES = 3  # the account's name, a note ("（服务号消息，长按复制）"), a rule
_ACCOUNT_NAME_CHARS = 20
_LINK_LINE = re.compile(r"^(?:查看|点击查看|阅读)?(?:详情|全文|原文)\s*[>＞›»〉]*$")
_NAMED_DAY = re.compile(rf"(?<!\d)((?:19|20)\d{{2}}){_MONTH_AND_DAY}")
_YEAR_DAYS = 366  # a leap year's: a list's month and day counted round the year (_newest_first)
_MIN_STEPS = 2  # …which overrule its kind's usual order from two steps between shown days on
_NEAR_DAYS = 92  # a message names days within a season of when it was sent: a day further off fixes no year
# A phone's SMS backup exported as text (短信备份): maybe a head (the export's name, time, count of messages) over two
# or more messages, each a time stamp with its way and the other party ("[2023-02-14 09:31:05] 收到 · 12123") over its
# text, which the company or office sending it signs in 【】 at its start or end ("【某某银行】您尾号…").
# (the direction maybe one character, an arrow before the number: "[2025-06-12 10:05:21] 收 <- 95598")
_SMS_STAMP = re.compile(rf"^[\[【(（]?\s*{_FULL_DATE.pattern}\s*{_TIME}\s*[\]】)）]?\s*(收到|接收|已发送|发送|收|发)"
                        r"(?:\s*(?:[·•|｜:：-]|<-|->|←|→)?\s*[^，。！？；]{1,30})?$")
_SMS_SENT = ("发送", "已发送", "发")
_SMS_HEAD_LINES = 4  # the export's name, its time, its count, a note
_SMS_SIGNATURE = re.compile(r"^【([^【】]{2,12})】\s*|\s*【([^【】]{2,12})】$")
# a greeting or label before what a message says ("尊敬的客户，您好！", "温馨提示：", "提醒广大驾驶人：")
_SALUTATION = re.compile(r"^(?:(?:(?:尊敬|亲爱)的[^，。！？：,!?:]{0,12}|[\u4e00-\u9fff]{0,4}[您你]好"
                         r"|[\u4e00-\u9fff]{0,2}提[示醒][\u4e00-\u9fff]{0,6})[，：！,:!]\s*)+")
_CLAUSES = re.compile(r"[^，；,;]+[，；,;]?")
# A social feed copied from a phone as text (WeChat Moments 朋友圈, a 微博-like feed): maybe a header naming whose
# feed it is ("某某 的朋友圈（复制自微信，…）"), then each post: the poster's name, the post's text, then its chrome:
# media placeholders ("[图片]×3", "[视频]"), a location ("某市·某某小区"), its time line ("2025年4月28日 18:32",
# "昨天 18:32"), a likes line ("❤ 某某，某某", "赞：…"), a "评论：" label, then its comments ("某某：…",
# "某某 回复 某某：…"), one a line.
_FEED_HEADER = re.compile(r"^(\S.{0,29}?)\s*的(?:朋友圈|微博|动态|说说|空间)(?=$|[\s（(【\[：:，,|｜])")
_FEED_MEDIA = "图片|照片|视频|语音|链接|文件|位置|表情|动画表情|小程序|音乐|直播"
_FEED_PLACEHOLDER = re.compile(rf"^(?:[\[［【](?:{_FEED_MEDIA})[\]］】])+(?:\s*[×xX*＊]\s*\d{{1,2}})?$")
# one's own post shows its delete link after its time ("2025年5月18日 07:36　　删除")
_FEED_TIME = re.compile(rf"^(?:{_FULL_DATE.pattern}|{_RECENT})\s*(?:{_TIME})?(?:\s*删除)?$|{_LIST_TIME.pattern}")
_FEED_LIKES = re.compile(r"^(?:[❤♥♡💗]\ufe0f?\s*|赞\s*[：:]\s*|赞\s+)[^。！？；]+$")
_FEED_COMMENTS_LABEL = re.compile(r"^评论\s*[：:]?$")
_FEED_COMMENT = re.compile(r"^[^\s：:，。！？；]{1,20}(?:\s*回复\s*[^\s：:，。！？；]{1,20})?\s*[：:]\s*\S")
_NAMES = re.compile(r"[^，,、\s][^，,、]{0,11}(?:[，,、]\s*[^，,、\s][^，,、]{0,11})+$")  # "老周，张晓东，果果妈"
_FEED_PLACE = re.compile(r"^[^，。！？；：]{2,24}$")  # "某市·某某小区", "某某公园": a place, no sentence
_POSTER_NAME = re.compile(r"[^，。！？；：,!?;:\s][^，。！？；：,!?;:]{0,29}")
# A transcript of photos or screenshots (a notice board's, a poster's) opens with a head of its own: a line naming
# what was transcribed ("【某某照片文字整理】", "某某图片转文字", "截图文字"), then labelled lines on the pictures and
# their transcription (拍摄地点, 拍摄时间, 整理人, 转写, 说明). Each picture's text may stand under a marker that
# numbers it ("━━━ 第2张：某某公示 ━━━", "第1张（左栏，红底标题）"): its heading, if any, is the text's.
_TRANSCRIPT_NAME = re.compile(r"^【?[\u4e00-\u9fff]{0,20}(?:文字整理|转文字|截图文字|照片文字|图片文字)】?$")
_TRANSCRIPTION_LABEL = re.compile(r"(?:拍摄|拍照|截图|翻拍|整理|转写|录入|校对|识别)[\u4e00-\u9fff]{0,3}|说明|备注")
_PICTURE_NUMBER = r"第\s*[\d一二三四五六七八九十]{1,3}\s*[张幅]|(?:图片?|照片)\s*\d{1,3}"
_PICTURE_MARKER = re.compile(rf"^(?:{_RULE_MARK}\s*)*(?:{_PICTURE_NUMBER})\s*(?:[（(][^（）()]*[）)])?\s*[：:]?\s*(.*?)"
                             rf"\s*(?:{_RULE_MARK}\s*)*$")
# A letters page (领导留言板, 政民互动): the message's time ("留言用户：王** 留言时间：2023-06-28 21:37"), then the
# message, then the reply's time on a line of its own ("答复时间：2023-07-05 10:12"): the page is the answer's.
_MESSAGE_TIME = re.compile(rf"(?:留言|来信|写信|咨询|投诉|提问|信件)(?:时间|日期)\s*[：:]\s*{_FULL_DATE.pattern}")
_REPLY_TIME = re.compile(rf"^(?:答复|回复)(?:时间|日期)\s*[：:]\s*{_FULL_DATE.pattern}")
# A Q&A site's question page (百度知道, 知乎, 问答): under the question (its text, the asker's line) its answers, each
# closing with its time line ("发布于2022-09-07 10:26 赞 318", "回答于…", "编辑于 …"), the best (accepted) one first,
# under its heading ("最佳答案", "采纳答案") and the answerer's line: the page is the question and that answer.
_ANSWER_TIME = re.compile(rf"^(?:发布|回答|编辑)于\s*{_FULL_DATE.pattern}")
_BEST_ANSWER = re.compile(r"^(?:最佳|采纳|满意|推荐|精选|优质)(?:答案|回答)$")
# A meeting app's AI transcript exported as text or Word (腾讯会议, 飞书妙记, 钉钉闪记, 讯飞听见): a head (maybe a
# line naming its kind: "会议转写", "会议纪要（AI）", "妙记"; the meeting's name; its fields: 会议时间, 会议号,
# 发起人, 参会人, 关键词; a disclaimer; its chapters), then each turn: the speaker's name with a timecode ("陈立新
# 01:08:11", "说话人 2 03:15") over what was said; at the end maybe a closing mark ("— 转写结束 —") and the app's
# export line ("导出自某某 2022-09-17 21:03", "由某某导出", "来自某某"), which names an app, no publisher.
_TURN_HEAD = re.compile(r"^([^\s，。！？；：:,]{1,16}(?: \d{1,2})?) ((?:\d{1,2}:)?\d{1,2}:\d{2})(?:\s+(\S.*))?$")
_MIN_TURNS = 3
_KIND_WORDS = r"(?:转写|转录|纪要|妙记|闪记|速记|文字记录|逐字稿)稿?(?:\s*[（(][\u4e00-\u9fffA-Za-z]{1,4}[)）])?"
_TRANSCRIPT_KIND = re.compile(rf"^[\u4e00-\u9fff]{{0,6}}{_KIND_WORDS}$")
# …of them a line that names nothing but the kind, maybe its medium ("录音转写", "会议纪要"), maybe after the app's
# name or in brackets ("【讯飞听见 · 录音转写稿】"), unlike "居民议事会纪要"
_BARE_KIND = rf"(?:[\u4e00-\u9fffA-Za-z]{{2,8}}\s*[·・｜|]\s*)?(?:录音|语音|音频|视频|会议|通话|智能)?{_KIND_WORDS}"
_APP_KIND = re.compile(rf"^(?:【{_BARE_KIND}】|{_BARE_KIND})$")
# A chat as a messenger exports it: a time line alone between messages ("————— 2024-10-16 19:41 —————"), a sender's
# name alone over each message ("我:", "某某园:"); a few people talk, each more than once
_CHAT_TIME = re.compile(rf"^(?:{_RULE_MARK}|\s)*{_FULL_DATE.pattern}(?:\s+{_TIME})?(?:{_RULE_MARK}|\s)*$")
_CHAT_SENDER = re.compile(rf"^(?:{_TIME}\s+)?([^\s，。！？；：:,【】\[\]（）()]{{1,16}})\s*[:：]$")  # "09:12 赵敏："
_TIMED_SENDER = re.compile(rf"^{_TIME}\s")  # …a sender after the time: only in a chat whose head names it
_CHAT_SENDERS = 4
# The chat an export's head names, over the exporter's own heading ("微信聊天记录导出"): a group's name without its
# head count, or the one talked to; or the export's own heading naming it ('与"某某群(23)"的聊天记录')
_CHAT_NAME = re.compile(r"^(?:(?:群聊|群名称?|聊天对象|会话对象)\s*[：:]\s*(.+?)\s*(?:[（(]\d+人?[）)])?"
                        r"|与\s*[\"“「]?(.+?)\s*(?:[（(]\d+人?[）)])?[\"”」]?\s*的聊天记录)$")
# …or each message under its day, time and sender on one line ("2024-06-20 19:32:11 刘管家（安居物业）"), as a PC
# exporter writes a group chat: any number of senders, one of them sending more than once
_STAMPED_SENDER = re.compile(rf"^{_FULL_DATE.pattern}\s+{_TIME}\s+([^\s，。！？；：:,][^，。！？；：:,]{{0,23}})$")
# …or under its sender, day and time ("孙立新（卫生院公卫科）  2024-10-08 09:12"), as another exporter writes it
_SENDER_STAMPED = re.compile(rf"^{_SAYS_WHEN}([^\s，。！？；：:,][^，。！？；：:,]{{0,23}}?)\s+"
                             rf"{_FULL_DATE.pattern}\s+{_TIME}$")
# A voice message's mark before its text as the messenger converted it ("[语音 58″] 转文字：", "【语音 1′05″】"), or
# alone ("[语音 15″] 未转文字"): no text
_VOICE_MARK = re.compile(r"^[\[【]语音\s*(?:\d{1,2}\s*[′']\s*)?\d{1,3}\s*(?:″|\"|”|秒|s)?[\]】]\s*"
                         r"(?:转文字\s*[：:]?|未转文字)?\s*")
# …or each message on one line after its time and sender ("[09:12:03] 小水滴：您好…"), as a service desk's
# system exports a conversation under a head naming its record ("在线客服 会话记录")
# (a sender's name opens with a letter: not the end of a span, "08:30-09:00 签到：")
_TIMED_MESSAGE = re.compile(rf"^[\[【(（]?{_TIME}[\]】)）]?\s*"
                            r"([\u4e00-\u9fffA-Za-z][^\s，。！？；：:,【】\[\]（）()]{0,15})\s*[:：]\s*(\S.*)$")
_TIMED_SHARE = 0.5
_CHAT_RECORD = re.compile(r"(?:聊天|会话|对话|咨询)记录")
_DAY_LABEL_END = re.compile(r"(?:日期|时间)$")
_EXPORTED_LABEL = re.compile(r"导出|打印|生成")
_MACHINE_NOTE = re.compile(r"^(?:以上(?:内容|文字|文本|结果)?|本(?:记录|文本|文件|页面?|内容))(?:由|为|是)?.{0,12}?"
                           r"(?:识别|生成|转写|转录|翻译)")  # not "本人到场进行人脸识别"
_MEETING_DAY_LABEL = re.compile(r"(?:会议|开始)?(?:时间|日期)")
# …else the day the recording was made or transcribed ("转写时间：2024-10-09 21:16"); a head naming no meeting
# names the recording's file ("文件名：某某说明会.m4a"), its name the meeting's
_MADE_DAY_LABELS = (re.compile(r"(?:录音|录制)(?:时间|日期)"), re.compile(r"(?:转写|转录)(?:时间|日期)"))  # in order
_RECORDING_FILE = re.compile(rf"([^、，,;；]*?{HAN}[^、，,;；]*?)\.(?:m4a|mp3|wav|aac|amr|flac|ogg|wma|mp4|mov|m4v)"
                             r"(?=[\s（(]|$)", re.IGNORECASE)
# A recording's export (通义听悟, 讯飞听见, 飞书妙记) names it by its fields instead: its length ("时长：00:24:16") or
# how its text was made ("来源：录音文件转写（通义听悟）"); or by its sections: its summary under a label
# ("全文摘要："), its chapters ("章节速览：" over "01:05　报名时间"), each a timecode and a short title, no text.
_LENGTH_LABEL = re.compile(r"(?:录音|音频|会议|视频)?时长")
_SUMMARY_LABEL = re.compile(r"^((?:全文|内容|会议|智能|AI\s*)?(?:摘要|概要)|(?:全文|会议|智能|AI\s*)总结)"
                            r"\s*(?:[:：]\s*(.*))?$")
_CHAPTER_LINE = re.compile(r"^(?:\d{1,2}:)?\d{1,2}:\d{2}\s+[^，。！？；]{1,20}$")
_SECTION_LABEL = re.compile(r"^[\u4e00-\u9fffA-Za-z]{2,8}\s*[:：]?$")
# A "来源" naming how the text was made (a recording, its transcription, the app that made it), not who published it
_MADE_BY = re.compile(r"录音|录像|音频|转写|转录|转文字|听悟|妙记|听见|闪记|速记|上传")
_MEETING_HOST_LABEL = re.compile(r"主办(?:方|单位)?|(?:发起|组织|召集)单位")
_TRANSCRIPT_END = re.compile(rf"^(?:{_RULE_MARK}|\s)*[\u4e00-\u9fff]{{0,4}}(?:结束|完毕?)(?:{_RULE_MARK}|\s)*$")
_EXPORT_LINE = re.compile(rf"^(?:(?:导出|来)自\s*\S{{2,20}}?|(?:本\S{{0,3}})?由\s*\S{{2,20}}?(?:导出|生成))"
                          rf"(?:\s*(?:于\s*)?{_FULL_DATE.pattern}(?:\s*{_TIME})?)?$")
# …or who edited it last (a role in a word) and when, alone on a line: a listing's "房东于2025年3月6日更新"
_ROLE_EDITED = re.compile(rf"^[\u4e00-\u9fff]{{1,6}}于\s*{_FULL_DATE.pattern}\s*(?:{_TIME})?\s*(?:更新|修改|编辑)$")
# …or an update's line under a page's name, alone: "更新于 2025年5月18日", "编辑于 2024-04-18 21:37"
_EDITED_ON = re.compile(rf"^(?:编辑|修订|修改|更改|更新)于\s*{_FULL_DATE.pattern}\s*(?:{_TIME})?$")
_LAST_EDITED = re.compile(r"^(?:[^。！？]{0,60}(?:\s[·•|｜]|[,，])\s*)?"
                          r"(?:(?:(?:此|本|该)?页面?)?最后|(?:此|本|该)?页面)(?:编辑|修订|修改|更改|更新)"
                          r"(?:于|时间|日期)?\s*[：:]?\s*(?:[\u4e00-\u9fff]{2,4}\s+)?\d")  # "最后编辑：某某 2024-…"


@dataclass(frozen=True)
class Dateline:
    published: date | None
    publisher: str
    labelled: bool  # "发布时间：…", "… 来源：…", not a bare date
    rank: int = 0   # its day's rank in DATE_KEYS: 0 a publication day, 1 an update's ("更新时间：…"), 2 a creation's
    month: str = ""  # "YYYY-MM" when a closing or version line names the month (and maybe no day)


@dataclass(frozen=True)
class RoutingForm:
    end: int            # the document's first line, under the form's rule
    name: str           # the document's name in the form (文件标题)
    dateline: Dateline  # the unit that sent it (来文单位), a 成文日期 when the form names one


@dataclass(frozen=True)
class ItemExport:
    name: str                            # the export's own name (节目单名称), not the system's banner
    dateline: Dateline                   # the day it was exported, the organisation it names
    items: list[tuple[str, list[str]]]   # each item's 标题 ("" without one) and its 内容's lines


@dataclass(frozen=True)
class Message:
    title: str          # its title line (an SMS: its signature and opening words)
    dateline: Dateline  # its time line's day (None when no year is to be had), published by the account or signature
    lines: list[str]    # its text, without its link line or signature


@dataclass(frozen=True)
class MeetingTranscript:
    title: str                       # the meeting's name ("" when the head names none)
    dateline: Dateline               # the meeting's day; an organisation its head names as host, else no one
    summary: list[tuple[str, list[str]]]  # the summary an export's head holds: its label and lines ([] when none)
    turns: list[tuple[str, list[str]]]  # each speaker's name and the lines they said


@dataclass(frozen=True)
class SocialFeed:
    title: str               # its header's name part ("某某 的朋友圈"), else its first poster's name
    dateline: Dateline       # its newest post's day (None when no time line names a year), its owner's organisation
    parts: list[list[str]]   # each post's text and each comment: lines opening a paragraph of their own


@dataclass(frozen=True)
class Microblog:
    dateline: Dateline  # its time line's day, published by the account
    title: str          # the post's 【headline】 ("" when it has none)
    lines: list[str]    # the post, its #hashtags# left out


def read_microblog(lines: list[str]) -> Microblog | None:
    """The post, when the lines are a 微博 post copied as text, or the first message of a group chat copied as
    text; None otherwise. Without a 【headline】 it is titled by its account or sender."""
    post = _first_message(lines) or next((_post_under(lines, i, lines[0])
                                          for i in range(1, min(len(lines), _MICROBLOG_HEAD_LINES))
                                          if _MICROBLOG_TIME.match(lines[i])), None)
    return replace(post, title=post.title or post.dateline.publisher) if post and post.lines else None


def _first_message(lines: list[str]) -> Microblog | None:
    """The first message of a group chat copied as text ("某某小编 2020/3/12 9:05:33" over each message; the later
    ones are replies), dated by its head's day and published by the sender's organisation (see _chat_publisher);
    without a 【headline】 titled by the sender. A notice under the only such head ("某某  19:35" over the later
    messages of its day) is the whole chat: its replies answer it and stay text."""
    senders = [n for n, line in enumerate(lines) if _CHAT_HEADER.match(line)]
    sender = _CHAT_HEADER.match(lines[0]) if senders[:1] == [0] else None
    if sender is None or _COPIED_AT.match(lines[0]):  # "复制时间 2024-11-10 21:06": when it was copied, by no one
        return None
    notice = len(lines) > 1 and bool(_POST_HEADLINE.match(lines[1]))
    end = senders[1] if len(senders) > 1 else len(lines) if notice else None
    if end is None:
        return None
    name = sender.group(1)
    post = _post(lines[1:end], _chat_publisher(name), valid_day(*map(int, sender.groups()[1:4])))
    return replace(post, title=post.title or name)


def _chat_publisher(sender: str) -> str:
    """The organisation a chat message's sender posts for: the unit of "某单位-某某" or the whole name, when
    is_issuer accepts it ("团区委-某某" → 团区委; a person or a nickname, "跑团-某某", publishes nothing)."""
    unit = _SENDER_UNIT.match(sender)
    name = unit.group(1) if unit else sender
    return name if is_issuer(name) else ""


def read_post_page(lines: list[str], account: str = "", stamped: date | None = None) -> Microblog | None:
    """The post of a saved 微博 post page: the lines under its time line, which may stand anywhere below the site's
    menu; None when no line is one. A time without a year (this year's post) is dated by the day the page keeps
    elsewhere (`stamped`: the time link's title, the script's created_at). Published by `account` (the page's title
    names it: "某某的微博"), else by the name in the post's head; titled by its 【headline】, else its opening
    sentence."""
    at = next((i for i, line in enumerate(lines) if _MICROBLOG_TIME.match(line) or _RECENT_POST_TIME.match(line)),
              None)
    if at is None:
        return None
    post = _post_under(lines, at, account or _head_account(lines[max(0, at - _MICROBLOG_HEAD_LINES):at]), stamped)
    return replace(post, title=post.title or _opening_sentence(post.lines) or post.dateline.publisher)


def _head_account(head: list[str]) -> str:
    """The account's name in a post's head: the first word of the nearest line above its time line that is no
    verification line ("某某 蓝V 某某官方微博" over "24-2-28 16:05 来自 …"; a name has no spaces)."""
    return next((line.split()[0] for line in reversed(head) if not _BADGE.match(line)), "")


def _opening_sentence(post: list[str]) -> str:
    """A post's first sentence, as its title when it has no 【headline】 (at most 40 characters, then "…")."""
    opening = _OPENING_SENTENCE.match(post[0] if post else "")
    sentence = opening.group(1).strip() if opening else ""
    return sentence[:_POST_TITLE_CHARS] + "…" if len(sentence) > _POST_TITLE_CHARS else sentence


def _post_under(lines: list[str], at: int, account: str, stamped: date | None = None) -> Microblog:
    """The post under its time line (lines[at]), up to its counts and comments, dated by that line or, when it shows
    no year, by `stamped`."""
    time = _MICROBLOG_TIME.match(lines[at])
    if time:
        year, month, day = (int(part) for part in time.groups())
        stamped = valid_day(year + _CENTURY if year < 100 else year, month, day)
    end = next((n for n in range(at + 1, len(lines)) if _POST_END.match(lines[n])), len(lines))
    return _post(lines[at + 1:end], account, stamped)


def _post(lines: list[str], account: str, day: date | None) -> Microblog:
    """A post titled by its 【headline】, without #hashtags#."""
    headline, post = post_text(lines)
    return Microblog(dateline=Dateline(published=day, publisher=account, labelled=False),
                     title=headline.rstrip("→↓>》 "), lines=post)


def post_text(lines: list[str]) -> tuple[str, list[str]]:
    """A post's 【headline】 ("" when it has none) and its lines without it (it is the title) and without
    #hashtags#."""
    post = [text for text in (_HASHTAG.sub("", body).strip() for body in lines) if text]
    headline = _POST_HEADLINE.match(post[0]) if post else None
    if headline:
        post[0] = post[0][headline.end():].strip()
    return headline.group(1) if headline else "", post


def read_video_page(lines: list[str]) -> Microblog | None:
    """The caption of a short-video page: the lines between the author's counts and the first line under them that
    dates the video, without the caption's topics. Titled by its first line without a leading emoji (its opening
    sentence when longer than 40 characters), which is no text unless it is the only one; published by the author's
    name. None when no line is an author's counts (two counts, one of them the 粉丝) with a caption under it."""
    at = next((n for n, line in enumerate(lines) if _is_author_line(line)), None)
    if at is None:
        return None
    caption: list[str] = []
    for line in lines[at + 1:at + 1 + _CAPTION_LINES]:
        time = read_dateline(line)
        if time and time.published:
            return _captioned(caption, replace(time, publisher=_author_name(lines, at)))
        if not _FOLLOW_BUTTON.match(line):
            caption.append(_TOPICS.sub("", line).strip())
    return None


def _is_author_line(line: str) -> bool:
    counts = [found.group() for found in _ACCOUNT_COUNT.finditer(line)]
    return len(counts) >= 2 and any("粉丝" in count for count in counts)


def _author_name(lines: list[str], at: int) -> str:
    """The name before the account's fields on its line, else on the line above."""
    field = _ACCOUNT_FIELD.search(lines[at])
    name = (lines[at][:field.start()].strip() if field else "") or (lines[at - 1] if at else "")
    return name if _ACCOUNT_NAME.fullmatch(name) else ""


def _captioned(caption: list[str], dateline: Dateline) -> Microblog | None:
    lines = [line for line in caption if line]
    if not lines:
        return None
    first = _LEADING_SIGNS.sub("", lines[0])
    title = first if len(first) <= _POST_TITLE_CHARS else _opening_sentence([first])
    return Microblog(dateline=dateline, title=title, lines=lines[1:] if title == first and len(lines) > 1 else lines)


def read_dateline(line: str) -> Dateline | None:
    """The publication day and publisher a dateline gives, or None when the line is not one.

    Labels may stand in brackets: "【发布日期：2020年03月18日】【来源：某局】", "（来源：某某晚报）".
    """
    line = line.strip()
    exported = _EXPORT_LINE.match(line)  # "导出自微信电脑版 2024-10-16": the day it was exported, by an app, no one
    if exported:
        day = valid_day(*exported.groups()[:3]) if exported.group(1) else None
        return Dateline(published=day, publisher="", labelled=False) if day else None
    # all three: publisher, year, month, day
    citation = _PRINT_CITATION.match(line) or _PAGE_HEADER.match(line) or _ISSUER_DAY.match(line)
    if citation:  # a contributor's credit is labelled by its "供稿"; an editor's "编印" is no part of its name
        editor = _EDITED_BY.sub("", citation.group(1))
        return Dateline(published=valid_day(*citation.groups()[1:]),
                        publisher=editor if is_issuer(editor) else citation.group(1), labelled="供稿" in line)
    source_last = _TIME_THEN_SOURCE.match(line)
    if source_last:  # "2020-03-02 09:30 发布" (an app's notice) names nobody, nor "… 18:30 山东" (an IP location)
        named = source_last.group(4)
        publisher = "" if named in _NOBODY or named in provinces() else named
        return Dateline(published=valid_day(*source_last.groups()[:3]), publisher=publisher, labelled=False)
    credited = _CREDITS_AND_DAY.match(line)
    if credited:
        writer = _WRITER.match(line)
        return Dateline(published=valid_day(*credited.groups()), publisher=writer.group(1) if writer and
                        is_issuer(writer.group(1)) else "", labelled=True)
    labelled_day = _LABEL_THEN_DAY.match(line)  # "文章日期 2021年9月15日": a label, no colon, names nobody
    if labelled_day and not _EFFECT_LABEL.search(line[:labelled_day.start(1)]):
        return Dateline(published=valid_day(*labelled_day.groups()), publisher="", labelled=False)
    listed = _LISTED.match(line) if len(line) <= _DATELINE_MAX_CHARS and _NOT_A_SENTENCE.match(line) else None
    if listed:  # "发布于2024年11月6日　浏览 2317 次" under a listing's headline: its day, no one named
        return Dateline(published=valid_day(*listed.groups()), publisher="", labelled=False)
    posted = _DAY_THEN_POSTED.search(line) if len(line) <= _DATELINE_MAX_CHARS else None
    # "来源：某报 … 发布": read below; "【交房】 2025-01-03 10:26 发布 · 来源：某某" (a feed item's line) here
    if posted and _NOT_A_SENTENCE.match(line) and not _LABEL.search(line[:posted.end()]):
        source = _PUBLISHER.search(line, posted.end())
        first = source.group(1) if source else line.split(maxsplit=1)[0]  # an organisation publishes, a nickname
        named = is_issuer(first) and (len(first) >= _POSTING_ORGANISATION_CHARS or bool(region_names_in(first)))
        return Dateline(published=valid_day(*posted.groups()), publisher=first if named else "", labelled=False)
    bare = line.strip("（）() ")  # "（2020年2月24日）" under a title, a closing's "二〇二〇年二月二十日"
    if _CHINESE_DATE.match(bare) or (bare != line and _FULL_DATE.fullmatch(bare)):
        return Dateline(published=_day_alone(bare), publisher="", labelled=False)
    if bare != line and line[:1] in "（(" and line[-1:] in "）)":  # "（来源：某某晚报）" at an article's end
        line = line[1:-1]
    line = _LABEL_BRACKETS.sub(" ", line).strip()
    days = list(_FULL_DATE.finditer(line))
    if days and all(_events_field(line[:found.start()]) for found in days) or _EVENT_TIME_AND_PLACE.match(line) \
            or (days and _DAY_SPAN.search(" ".join(line.split()))
                and not _PAGES_DAY_LABEL.search(line[:days[0].start()])):
        return None  # "发布：某会 第一场：2025年1月18日": a line of the text's facts, not its dateline
    own_info = _ISSUER_INFO_LINE.match(line)
    if own_info:
        rank, day = _best_ranked_day(line)
        return Dateline(published=day, publisher=own_info.group(1), labelled=True, rank=rank)
    if len(line) > _DATELINE_MAX_CHARS or not _NOT_A_SENTENCE.match(line) or not _DATELINE.match(line):
        return None
    publisher = _PUBLISHER.search(line)
    if publisher and _BARE_PUBLISHING.match(line, publisher.start()) \
            and not (is_issuer(publisher.group(1)) or region_names_in(publisher.group(1))):
        return None  # "发布：每周一上午": a schedule's line, not a page's publisher ("发布：某区某某家庭农场" is one)
    rank, day = _best_ranked_day(line)
    named = publisher.group(1) if publisher and not names_how_it_was_made(publisher.group(1)) \
        and publisher.group(1) not in _NO_ONE_SOURCE else ""
    return Dateline(published=day, publisher=named if publisher else _scope_issuer(line),
                    labelled=bool(_LABEL.search(line)), rank=rank)


def names_how_it_was_made(source: str) -> bool:
    """A source that names how the text was made ("录音文件转写（通义听悟）", "飞书妙记", "网友上传"): it publishes
    nothing, unlike a paper or an office ("某某日报", "某某局")."""
    return bool(_MADE_BY.search(source))


def _scope_issuer(line: str) -> str:
    """The organisation an office app's announcement was published to ("发布范围：某某公司 全体员工"), which is
    who publishes it; "" when the scope names no issuer ("发布范围：全体员工") or the line has none."""
    scope = _SCOPE.search(line)
    return scope.group(1) if scope and is_issuer(scope.group(1)) else ""


def _best_ranked_day(line: str) -> tuple[int, date | None]:
    """The line's first full date of the best rank its label has in DATE_KEYS (an unranked label's or a bare date's
    is a publication day's, a day rules take effect or an event's none): "更新时间：2021-05-06 发布日期：2020-03-05" was
    published on 2020-03-05."""
    ranked = [(_label_rank(line[:found.start()]), valid_day(*found.groups())) for found in _FULL_DATE.finditer(line)
              if not _EFFECT_LABEL.search(line[:found.start()]) and not _events_field(line[:found.start()])]
    return min((pair for pair in ranked if pair[1]), key=lambda pair: pair[0], default=(0, None))


def _events_field(before: str) -> bool:
    """Whether a day follows a field's label that names no day of the text ("第一场：2025年1月18日", "报名时间："):
    an event's day, not the day a dateline gives (a day rules take effect is _EFFECT_LABEL's)."""
    label = _FIELD_LABEL_BEFORE.search(before)
    return label is not None and not _TEXTS_DAY_LABEL.fullmatch(label.group(1)) and not _EFFECT_LABEL.search(before)


def _label_rank(before: str) -> int:
    label = _RANKED_LABEL.search(before)
    return DATE_RANKS[label.group(1)] if label else 0


def first_full_day(text: str) -> date | None:
    """The first full date a text writes ("2021年4月22日", "2021-04-22"), when there is such a day."""
    found = _FULL_DATE.search(text)
    return valid_day(*found.groups()) if found else None


def last_edited_day(line: str, marked: bool = False) -> date | None:
    """The day a wiki's last-edited line gives (the day its text came to stand as it does), or None when the line is
    not one; a `marked` line is one the wiki marks as such (MediaWiki's #footer-info-lastmod), in any wording."""
    edited = marked or _LAST_EDITED.match(line) or _ROLE_EDITED.match(line) or _EDITED_ON.match(line)
    return first_full_day(line) if len(line) <= _DATELINE_MAX_CHARS and edited else None


def read_issue_day(lines: list[str]) -> date | None:
    """The day of an e-paper's issue, in its header far above the headline: "2021年05月12日 星期三 第A04版：民生"
    (the paper's name may stand before it, the archive's links after; or those links alone after the weekday,
    "2021年05月12日 星期三 上一期 | 下一期")."""
    found = next(filter(None, map(_ISSUE_LINE.match, lines)), None)
    return valid_day(*found.groups()) if found else None


def page_header(publisher: str, day: date) -> str:
    """The header line a newspaper page's text opens with ("某某晚报 2021年5月12日"), which dates and publishes
    every article on it that names no day or source of its own; "" when the name cannot stand in one (it is no
    name of 2–12 Chinese characters)."""
    line = f"{publisher} {day.year}年{day.month}月{day.day}日"
    return line if read_dateline(line) == Dateline(published=day, publisher=publisher, labelled=False) else ""


def read_reply_dateline(lines: list[str]) -> Dateline | None:
    """The dateline of a letters page's reply (the lines under its headline): its "答复时间：…" line below the
    message's time ("留言时间：…"); None on a page that shows no message's time (a reply time in comments)."""
    asked = next((n for n, line in enumerate(lines) if _MESSAGE_TIME.search(line)), None)
    if asked is None:
        return None
    return next(filter(None, (read_dateline(line) for line in lines[asked + 1:] if _REPLY_TIME.match(line))), None)


def read_answer_page(lines: list[str], headline: str) -> tuple[list[str], Dateline] | None:
    """The question's text and its best (else first) answer on a Q&A page, from the lines under its headline (the
    question) up to that answer's time line, which dates it; its publisher is the first word of the answerer's line
    under the best-answer heading (a name or a nickname). Lines that say no sentence above the answer's text are its
    head (the asker's and the answerer's lines, counts); without a heading, the answer is the sentences right above
    its time line. None unless an answer's time line closes an answer under such a heading, or under a headline that
    asks and over another answer's time line (one time line under an article that asks is its own)."""
    times = [(n, found) for n, found in enumerate(map(_ANSWER_TIME.match, lines)) if found]
    at, time = times[0] if times else (0, None)
    best = next((n for n, line in enumerate(lines[:at]) if _BEST_ANSWER.match(line)), None)
    if not time or (best is None and not (headline.endswith(("？", "?")) and len(times) > 1)):
        return None
    if best is None:
        text = list(itertools.takewhile(_says_a_sentence, reversed(lines[:at])))[::-1]
        start, answerer = at - len(text), ""
    else:
        answer = lines[best + 1:at]
        text = list(itertools.dropwhile(_NOT_A_SENTENCE.match, answer))
        start, answerer = best, answer[0].split()[0] if len(text) < len(answer) else ""
    question = list(filter(_says_a_sentence, lines[:start]))
    return ([*question, *text], Dateline(published=valid_day(*time.groups()), publisher=answerer, labelled=True)) \
        if text else None


def _says_a_sentence(line: str) -> bool:
    return not _NOT_A_SENTENCE.match(line)


def read_meeting_day(lines: list[str]) -> date | None:
    """The day a meeting record's head gives (the lines under its headline, above its first sentence): its 时间
    line's full date, when a 地点 line stands in the same head. A 时间 line without a place, or in the text, is a
    fact of the text, not its day."""
    head: list[str] = []
    for line in lines[:_MEETING_HEAD_LINES]:
        if _SENTENCE_END.search(line):
            break
        head.append(line)
    time = next(filter(None, map(_MEETING_TIME.match, head)), None)
    return valid_day(*time.groups()) if time and any(map(_MEETING_PLACE.search, head)) else None


def read_event_fields(lines: list[str]) -> list[str]:
    """An event page's fields, the lines right under its headline, each as "label：value" (a label over its value
    takes the lines under it up to the next label: "时间：12月14日 周六 08:30 至 2025年03月02日 每天"), when they
    name the event's time, its place and its fee or organiser (a meeting record's 时间/地点 head names neither);
    [] for any other page. The fields end at the first line that is neither a label nor a label's value (counts,
    buttons)."""
    fields: list[tuple[str, list[str]]] = []
    for line in lines:
        field = _EVENT_FIELD.match(line)
        if field:
            fields.append((field.group(1), [field.group(2)]))
        elif fields and not fields[-1][1][0] and len(fields[-1][1]) <= _EVENT_VALUE_LINES:
            fields[-1][1].append(line)  # a value under its label
        else:
            break
    labels = [label for label, _ in fields]
    if not all(any(map(kind.match, labels)) for kind in (_EVENT_TIME, _EVENT_PLACE, _EVENT_TERMS)):
        return []
    return [f"{label}：{' '.join(filter(None, value))}" for label, value in fields]


def read_posted_day(lines: list[str], in_items: bool = False) -> date | None:
    """The day a listing page says it was posted: an event's ("活动发布于 2024-11-26 10:22　浏览 4217 次"), or with
    in_items a second-hand listing's, an item of its seller's line (_POSTED_ITEM)."""
    posted = next(filter(None, map((_POSTED_ITEM.search if in_items else _POSTED_LINE.match), lines)), None)
    return valid_day(*posted.groups()) if posted else None


def read_cover_day(lines: list[str]) -> date | None:
    """The day a cover's line names (a deck's or poster's first page: its title, organiser, speaker and the day, over
    its first sentence), "2024年4月12日（周五）15:30　学校报告厅": the document is given on the day it names. A date
    in a sentence ("于2024年5月8日出发，…") or under the first sentence is a fact of the text."""
    head = itertools.takewhile(lambda line: not _SENTENCE_END.search(line), lines[:_COVER_LINES])
    day = next(filter(None, map(_COVER_DAY.match, head)), None)
    return valid_day(*day.groups()) if day else None


def read_form_head(lines: list[str]) -> tuple[Dateline | None, set[int]]:
    """The issuing unit and day a draft or issue form's head names (its fields a line each or several to a line, above
    its first sentence: "稿件编号：…" / "播发单位：某某办公室" / "拟稿人：某某　审核时间：2020年7月21日 16:40"; of
    the first kind of day it names, the latest: the last approval), and the lines that name them, which are no text
    as a dateline is none (one that goes on in a sentence keeps its words, a call's or bill's day stays); a field in
    the text (a form's fields under its "正文：…") names nothing. The article's dateline or closing wins over it. A
    layout table's rows count as fields ("审批单位 | 某某局 |", a service record's)."""
    fields = [_TABLE_FIELD.sub(r"\1：\2", line) for line in lines]
    head = list(itertools.takewhile(lambda line: FIELD_START.match(line) and not _SENTENCE_END.search(line), fields))
    units = [_ROLE.sub("", unit.group(1)) for field in (*_ISSUING_UNITS, _HANDLER) for line in head
             if (unit := field.search(line))]
    units += [name for field in (_EMPLOYER, *_OFFICES) for line in head if (name := _organisation(field, line))]
    days = [[day for line in head if (found := field.search(line)) and (day := valid_day(*found.groups()))]
            for field in _ISSUED_DAYS]
    named = {n for n, line in enumerate(head) if _NOT_A_SENTENCE.match(line) and (
        _organisation(_EMPLOYER, line) or any(_only_unsaid(field, line) for field in _UNSAID_FIELDS))}
    if not units and not any(days):
        return None, set()
    return Dateline(published=max(next(filter(None, days), []), default=None), publisher=next(iter(units), ""),
                    labelled=True), named


def _only_unsaid(field: re.Pattern[str], line: str) -> bool:
    """Whether the line names the field and no number to call or join beside it ("摊主QQ群：783205144
    更新：2024-08-30" keeps the group's number as text)."""
    return bool(field.search(line)) and not re.search(r"\d{5,}", field.sub("", line))


def _organisation(field: re.Pattern[str], line: str) -> str:
    """The organisation a field of the line names ("招聘单位：某某有限公司", "审批单位：某某局"); "" when it names none
    or a person ("申请人：某某")."""
    found = field.search(line)
    return found.group(1) if found and is_issuer(found.group(1)) else ""


def read_record_head(lines: list[str]) -> tuple[str, Dateline | None]:
    """The name and dateline of a 信息公开 record's head (labelled fields, a line each or several to a line, one of
    them its 索引号): its 名称/标题, and the day of its date field of the best rank in DATE_KEYS (发布日期 over
    成文日期, the day it was written) with its 发布机构; ("", None) on a page without such a head."""
    for _, run in itertools.groupby(map(labelled_fields, lines), key=bool):
        fields = [field for line in run for field in line]
        if any(RECORD_INDEX.fullmatch(label) for label, _ in fields):
            return _record(fields)
    return "", None


_FIELD_BAR = re.compile(r"\s*[|｜]")  # "发布单位：某中心 ｜ 可直接引用，转载请注明来源": the centre


def read_owner_field(lines: list[str]) -> Dateline | None:
    """The unit a record's info grid names as providing its content (数据提供单位, 来源单位, 发布单位; up to a bar
    after it: a note on reprinting, another field) and the day of its date field of the best rank, as a 信息公开
    record's head is read, in a run of labelled-field lines that dates the record (a DATE_KEYS label, "发布时间：…");
    None on a page without one."""
    for _, run in itertools.groupby(map(labelled_fields, lines), key=bool):
        fields = [field for line in run for field in line]
        owner = next((unit for label, value in fields
                      if _OWNER_LABEL.fullmatch(label) and (unit := _FIELD_BAR.split(value.strip(" |｜"))[0])), "")
        if owner and any(label in DATE_RANKS for label, _ in fields):
            return replace(_record(fields)[1], publisher=owner)
    return None


def read_developer(lines: list[str]) -> str:
    """The maker an app's page names in its developer field ("开发者：某某中心 隐私政策 权限详情"): the app's
    publisher, not the store's site; "" on a page without one."""
    return next((found.group(1) for line in lines if (found := _DEVELOPER.match(line.strip()))), "")


def read_show_owner(line: str) -> str:
    """The owner a show's card names over its subscribers' count ("某某新闻广播 · 1.2万人订阅"); "" for another line."""
    found = _SHOW_OWNER.match(line)
    return found.group(1) if found else ""


def _record(fields: list[tuple[str, str]]) -> tuple[str, Dateline]:
    days = [(DATE_RANKS[label], day) for label, value in fields
            if label in DATE_RANKS and (day := first_full_day(value))]
    rank, day = min(days, key=lambda ranked: ranked[0], default=(0, None))
    name = next((value for label, value in fields if _RECORD_NAME.fullmatch(label)), "")
    office = next((value for label, value in fields if _RECORD_OFFICE.fullmatch(label)), "")
    return name, Dateline(published=day, publisher=office, labelled=True, rank=rank)


def read_routing_form(lines: list[str]) -> RoutingForm | None:
    """The head of an office system's routing form (收文处理单: its name, its fields, its 流转记录, a rule) above the
    document it routes, its fields read as a record's head's are: the form's 文件标题, its 来文单位, and a day only
    from a field DATE_KEYS names (成文日期), not the day it was received, passed on or printed, no day of the
    document; None when the lines open with no such form or its fields name neither document nor sender."""
    shown = [n for n, line in enumerate(lines[:_ROUTING_FORM_LINES]) if line.strip()]
    if not shown or not _ROUTING_FORM.match(re.sub(r"\s+", "", lines[shown[0]])):
        return None
    rule = next((n for n in shown if _RULE_LINE.match(lines[n].strip())), None)
    if rule is None:
        return None
    name, dateline = _record([field for line in lines[shown[0] + 1:rule] for field in labelled_fields(line)])
    return RoutingForm(end=rule + 1, name=name, dateline=dateline) if name or dateline.publisher else None


def read_item_export(lines: list[str]) -> ItemExport | None:
    """A system's export of labelled items: named by its head's 名称/标题 field, dated by a day DATE_KEYS names, else
    by the day the form head's fields give (导出时间: a 有效期 is when it is shown, not published), published by a
    来源, else by an organisation a field names alone; None when the lines are no such export."""
    shown = [line.strip() for line in lines if line.strip()]
    rule = next((n for n, line in enumerate(shown[:_EXPORT_HEAD_LINES]) if _RULE_LINE.match(line)), None)
    if rule is None or rule + 1 >= len(shown) or not _EXPORT_ITEM.match(shown[rule + 1]):
        return None
    fields = [field for line in shown[:rule] for field in labelled_fields(line)]
    name = next((value for label, value in fields if _EXPORT_NAME.fullmatch(label)), "")
    if not name:
        return None
    _, record = _record(fields)
    issued, _ = read_form_head([line for line in shown[:rule] if FIELD_START.match(line)])
    issuer = next((value for label, value in fields if not _EXPORT_NAME.fullmatch(label) and is_issuer(value)), "")
    dateline = Dateline(published=record.published or (issued.published if issued else None), labelled=True,
                        publisher=record.publisher or (issued.publisher if issued else "") or issuer)
    return ItemExport(name=name, dateline=dateline, items=_export_items(shown[rule + 1:]))


def _export_items(lines: list[str]) -> list[tuple[str, list[str]]]:
    """Each block's 标题 ("" without one) and the lines of its 内容, up to the next block or a rule; its marker's and
    other fields (its settings) are none."""
    blocks: list[list[str]] = []
    inside = False
    for line in lines:
        opens = bool(_EXPORT_ITEM.match(line))
        inside = opens or (inside and not _RULE_LINE.match(line))
        if opens:
            blocks.append([])
        elif inside:
            blocks[-1].append(line)
    return [_export_item(block) for block in blocks]


def _export_item(block: list[str]) -> tuple[str, list[str]]:
    fields = [(n, found.groups()) for n, line in enumerate(block) if (found := _ITEM_FIELD.match(line))]
    heading = next((value for _, (label, value) in fields if label == "标题"), "")
    text = next(([value, *block[n + 1:]] for n, (label, value) in fields if label != "标题"), [])
    return heading, [line for line in text if line]


def read_message_list(lines: list[str]) -> list[Message]:
    """The messages, when the lines are an account's list of messages (its name over two or more blocks, each a time
    line over a title line), or an app's message centre under no head but a note of when it was copied (two or more
    blocks, each a tagged time line over a title line or straight over its text, titled then by its opening words),
    in list order; [] otherwise. An account's name is short and says no sentence."""
    times = [_MESSAGE_TAG.sub("", line, count=1) for line in lines]
    timed = [n for n in range(len(lines) - 1) if _LIST_TIME.match(times[n]) and not _LIST_TIME.match(times[n + 1])]
    titled = [n for n in timed if _is_message_title(lines[n + 1])]
    tagged = [n for n in timed if times[n] != lines[n]]
    first = min(titled[:1] + tagged[:1], default=0)
    noted = all(_COPIED_AT.match(line) for line in lines[:first])  # no head but a note of when it was copied
    # under an account's name each message has its title line ("【开幕式】 6月20日" over "地点：…" is none)
    starts = tagged if noted else titled
    head = [] if noted else lines[:starts[0]] if starts else []
    if len(starts) < 2 or not (head or noted) or len(head) > _LIST_HEAD_LINES \
            or (head and (len(head[0]) > _ACCOUNT_NAME_CHARS or not _NOT_A_SENTENCE.match(head[0]))) \
            or any(_SENTENCE_END.search(line) for line in head):
        return []
    # each block as its time line, its title line ("" when it has none) and its text
    blocks = [[times[begin], *([] if begin in titled else [""]), *lines[begin + 1:end]]
              for begin, end in itertools.pairwise([*starts, len(lines)])]
    account = head[0] if head else ""
    # counted on through the years in the order the messages were sent: as the list's shown days run, else as its
    # kind lists them (an app its newest message first, an account's history its oldest)
    days = _message_days(blocks[::-1])[::-1] if _newest_first(blocks, noted) else _message_days(blocks)
    return [Message(title=block[1] or _opening_clauses(block[2] if len(block) > 2 else ""),
                    dateline=Dateline(published=day, publisher=account, labelled=True),
                    lines=[line for line in block[2:] if not _LINK_LINE.match(line)])
            for block, day in zip(blocks, days, strict=True)]


def read_sms_backup(lines: list[str]) -> list[Message]:
    """The messages received, when the lines are a phone's SMS backup (two or more time-stamped messages, under a
    head of a few lines that say no sentence, or none); [] otherwise, so one message pasted alone, or a stamp quoted
    in an article's text, is read as it stands. The owner's own messages (发送) are left out: replies ("1", "好的")
    that inform nobody, and the owner is no publisher."""
    starts = [n for n, line in enumerate(lines) if _SMS_STAMP.match(line)]
    if len(starts) < 2 or starts[0] > _SMS_HEAD_LINES or any(_SENTENCE_END.search(line) for line in lines[:starts[0]]):
        return []
    blocks = [lines[begin:end] for begin, end in itertools.pairwise([*starts, len(lines)])]
    return [_text_message(stamp, block[1:]) for block in blocks
            if (stamp := _SMS_STAMP.match(block[0])) and stamp.group(4) not in _SMS_SENT and len(block) > 1]


def _text_message(stamp: re.Match[str], text: list[str]) -> Message:
    """A message received, dated by its stamp and published by its 【signature】 (a phone number names nobody)."""
    signature, text = _signed(text)
    opening = _opening_clauses(text[0] if text else "")
    return Message(title=f"{signature}：{opening}" if signature and opening else signature or opening,
                   dateline=Dateline(published=valid_day(*map(int, stamp.groups()[:3])), publisher=signature,
                                     labelled=True),
                   lines=text)


def _signed(text: list[str]) -> tuple[str, list[str]]:
    """A message's 【signature】 at its start, else at its end ("" when it has none), and its text without it."""
    first, last = _SMS_SIGNATURE.match(text[0]), _SMS_SIGNATURE.search(text[-1])
    if first:
        return first.group(1), [line for line in (text[0][first.end():], *text[1:]) if line]
    if last:
        return last.group(2), [line for line in (*text[:-1], text[-1][:last.start()]) if line]
    return "", text


def _opening_clauses(line: str) -> str:
    """What a message opens by saying, as its title: its first sentence past a greeting, as many of its clauses as
    make at most 40 characters (a post's title; the first clause alone cut there, then "…")."""
    sentence = _OPENING_SENTENCE.match(_SALUTATION.sub("", line))
    clauses = [clause.group(0) for clause in _CLAUSES.finditer(sentence.group(1) if sentence else "")]
    sums = itertools.accumulate(map(len, clauses))
    said = "".join(clause for clause, chars in zip(clauses, sums, strict=True) if chars <= _POST_TITLE_CHARS)
    return said.rstrip("，；,;") or (f"{clauses[0][:_POST_TITLE_CHARS]}…" if clauses else "")


def _is_message_title(line: str) -> bool:
    return len(line) <= _POST_TITLE_CHARS and bool(re.search(HAN, line)) and bool(_NOT_A_SENTENCE.match(line)) \
        and not _LIST_TIME.match(line) and not FIELD_START.match(line)


def _newest_first(blocks: list[list[str]], usually: bool) -> bool:
    """Whether a list's messages run newest first: more of its shown days (month and day) go back than on from one
    message to the next, each the shorter way round the year (12月30日 → 1月2日 goes on); `usually` on a tie, and
    when it shows fewer than three days (one step may go either way: 3月5日 → 10月20日)."""
    shown = [day.toordinal() for block in blocks  # in a leap year
             if (month_day := _shown_day(block[0])) and (day := valid_day(2000, *month_day[:2]))]
    steps = [(later - earlier) % _YEAR_DAYS for earlier, later in itertools.pairwise(shown)]
    back, on = sum(step > _YEAR_DAYS // 2 for step in steps), sum(0 < step <= _YEAR_DAYS // 2 for step in steps)
    return usually if back == on or len(steps) < _MIN_STEPS else back > on


def _message_days(blocks: list[list[str]]) -> list[date | None]:
    """Each message's day: its time line's month and day in the year it names, else in the year that puts it nearest
    to a full date its text names (a notice is sent near the days it announces; on a tie, before them), else in its
    neighbours' year, counted on from the last message so dated (a year later when its day comes before that one's)
    or back from the next; None for a time line naming no month (昨天, 星期二) or when no message names a year."""
    shown = {n: day for n, block in enumerate(blocks) if (day := _shown_day(block[0]))}
    years = {n: year or _year_near_named_day(month, day, blocks[n][2:]) for n, (month, day, year) in shown.items()}
    for order, step in ((list(shown), 1), (list(shown)[::-1], -1)):
        for previous, n in itertools.pairwise(order):
            if years[n] is None and (year := years[previous]) is not None:
                earlier, later = (shown[n][:2], shown[previous][:2])[::step]
                years[n] = year + step * (earlier < later)  # the list went round a new year
    return [valid_day(year, *shown[n][:2]) if n in shown and (year := years[n]) else None for n in range(len(blocks))]


def _shown_day(line: str) -> tuple[int, int, int | None] | None:
    """The month, day and year (None when not named) of a list's time line naming a month, else None."""
    time = _LIST_TIME.match(line)
    if not time or not time.group(2):
        return None
    return int(time.group(2)), int(time.group(3)), int(time.group(1)) if time.group(1) else None


def _year_near_named_day(month: int, day: int, text: list[str]) -> int | None:
    """The year that puts the month and day nearest to a full date the text names (within _NEAR_DAYS; on a tie, the
    day before it), else None."""
    named = [found for match in _NAMED_DAY.finditer("\n".join(text)) if (found := valid_day(*match.groups()))]
    near = min(((abs((sent - found).days), sent > found, sent.year) for found in named
                for year in (found.year - 1, found.year, found.year + 1) if (sent := valid_day(year, month, day))),
               default=None)
    return near[2] if near and near[0] <= _NEAR_DAYS else None


def read_social_feed(lines: list[str]) -> SocialFeed | None:
    """A social feed copied as text: posts, one or more of them closed by a time line next to a likes line or a
    "评论" label, under a header naming whose feed it is, or two posts or more, or one post timed to the minute
    whose likes line lists two names or more ("♡ 老周，果果妈"); None for any other text (nor one with no post's
    text), so an article with a "[图片]" line, a comment quoted in it or a closing "❤ 感谢…" is read as it stands. The
    feed's chrome (placeholders, locations, time lines, likes, the label) and its posters' name lines are no text;
    each post's text and each comment open a paragraph of their own. The facts stand as of the newest post: its
    day dates the feed."""
    header = _FEED_HEADER.match(lines[0]) if lines else None
    body = lines[1:] if header else lines
    chrome = [_is_feed_chrome(body, n) for n in range(len(body))]
    times = [n for n, line in enumerate(body) if _FEED_TIME.match(line)]
    runs = _chrome_runs(body, chrome, times)
    one_post = len(times) == 1 and bool(re.search(_TIME, body[times[0]])) \
        and any(_FEED_LIKES.match(line) and _NAMES.search(line) for line in runs[0])
    if not any(map(_is_feed_footer, runs)) or not (header or len(times) >= 2 or one_post):
        return None
    parts, names = _feed_parts(body, chrome)
    if not parts:
        return None
    owner = header.group(1) if header else next(iter(names), "")
    days = [day for n in times if (day := first_full_day(body[n]))]
    dateline = Dateline(published=max(days, default=None), publisher=_chat_publisher(owner), labelled=False)
    return SocialFeed(title=header.group(0) if header else owner, dateline=dateline, parts=parts)


def _is_feed_chrome(lines: list[str], n: int) -> bool:
    """A feed's line that is no text: a placeholder, a time, likes or comments line, or a post's location (a short
    line right above its time line, under its pictures or parting a city and a place with "·"; a line ending a
    post's text may be as short)."""
    line = lines[n]
    if any(pattern.match(line) for pattern in (_FEED_PLACEHOLDER, _FEED_TIME, _FEED_LIKES, _FEED_COMMENTS_LABEL)):
        return True
    timed = n + 1 < len(lines) and bool(_FEED_TIME.match(lines[n + 1]))
    pictured = n > 0 and bool(_FEED_PLACEHOLDER.match(lines[n - 1]))
    return timed and bool(_FEED_PLACE.match(line)) and (pictured or "·" in line)


def _chrome_runs(lines: list[str], chrome: list[bool], times: list[int]) -> list[list[str]]:
    """The chrome lines around each time line, up to the nearest text."""
    def run(n: int) -> list[str]:
        begin = next((b for b in range(n, -1, -1) if not chrome[b]), -1) + 1
        end = next((e for e in range(n, len(lines)) if not chrome[e]), len(lines))
        return lines[begin:end]
    return [run(n) for n in times]


def _is_feed_footer(run: list[str]) -> bool:
    """A post's footer: its time line beside its likes or its comments' label."""
    return any(_FEED_LIKES.match(line) or _FEED_COMMENTS_LABEL.match(line) for line in run)


def _feed_parts(lines: list[str], chrome: list[bool]) -> tuple[list[list[str]], list[str]]:
    """The feed's text, each post's and each comment's lines apart, and its posters' names. A post opens with its
    poster's name line; after its time line come its comments, a line each, up to the next poster's name."""
    parts: list[list[str]] = [[]]
    names: list[str] = []
    opening, commented = True, False
    for n, line in enumerate(lines):
        if chrome[n]:
            commented = commented or bool(_FEED_TIME.match(line))
            parts.append([])
        elif commented and _FEED_COMMENT.match(line):
            parts += [[line], []]
        elif (opening or commented) and _POSTER_NAME.fullmatch(line) and n + 1 < len(lines):
            names.append(line)
            parts.append([])
            opening = commented = False
        else:
            parts[-1].append(line)
            opening = commented = False
    return [part for part in parts if part], names


def read_meeting_transcript(lines: list[str]) -> MeetingTranscript | None:
    """A meeting app's transcript: three turns or more (a speaker's line with its timecode over what they said, or
    before it on the same line) under a head that names its kind, the meeting's time or the recording (its length,
    how its text was made); None for any other text. The head is no text but its summary: it names the meeting (its
    first line above its fields that does not name the kind, else the recording's file when the lines above name
    only the app's kind, "【某某 · 录音转写稿】" over "文件名：某某说明会.m4a") and dates it (its 会议时间/开始时间
    field, else when it was recorded, else transcribed); its 发起人 is a person, so only a host organisation's field
    (主办, 发起单位) publishes it."""
    heads = [(n, turn) for n in range(len(lines)) if (turn := _turn_head(lines, n))]
    starts = [n for n, _ in heads]
    head = lines[:starts[0]] if starts else []
    fields = [field for line in head for field in labelled_fields(line)]
    day = next(filter(None, (first_full_day(value) for wanted in (_MEETING_DAY_LABEL, *_MADE_DAY_LABELS)
                             for label, value in fields if wanted.fullmatch(label))), None)
    recorded = any(_LENGTH_LABEL.fullmatch(label) or names_how_it_was_made(value) for label, value in fields) \
        or any(_SUMMARY_LABEL.match(line) or _CHAPTER_LINE.match(line) for line in head)
    if len(starts) < _MIN_TURNS or not (day or recorded or any(map(_names_the_kind, head))):
        return None
    above = list(itertools.takewhile(lambda line: not labelled_fields(line), head))
    recording = next(filter(None, (recording_name(value) for _, value in fields)), "")
    title = next((line for line in above if not _names_the_kind(line)),
                 recording if all(map(_APP_KIND.match, above)) and recording else next(iter(above), ""))
    host = next((value for label, value in fields if _MEETING_HOST_LABEL.fullmatch(label)), "")
    # what a speaker said: the lines under their line, and what follows its timecode on it
    turns = [(turn.group(1), [*filter(None, [turn.group(3)]), *lines[n + 1:end]])
             for (n, turn), end in zip(heads, [*starts[1:], len(lines)], strict=True)]
    name, said = turns[-1]
    while said and (_TRANSCRIPT_END.match(said[-1]) or _EXPORT_LINE.match(said[-1])):
        said = said[:-1]
    return MeetingTranscript(title=title, dateline=Dateline(published=day, publisher=host, labelled=True),
                             summary=_transcript_summary(head), turns=[*turns[:-1], (name, said)])


def _names_the_kind(line: str) -> bool:
    """A transcript's head line naming its kind ("会议纪要（AI）", "【某某 · 录音转写稿】"), maybe with the meeting."""
    return bool(_TRANSCRIPT_KIND.match(line) or _APP_KIND.match(line))


def read_chat_export(lines: list[str]) -> MeetingTranscript | None:
    """A chat a messenger exported as text: time lines and three messages or more, each under its sender's name,
    from at most four senders, one of them sending more than once; None for any other text (a notice's "温馨提示："
    over its text has no time lines and no sender twice). Its head (above the first time line) names it; it stands as
    of its last time line's day, else the day it was exported; the account talked to (one sender besides "我")
    publishes it when is_issuer accepts the name. Each message is a turn; time and export lines are no text. A head
    line naming the chat ("群聊：…", "聊天对象：…", '与"…"的聊天记录') titles it "…聊天记录"; only such a chat's
    senders may follow their messages' times ("09:12 赵敏："). A group chat whose every message stands under its
    day, time and sender ("2024-06-20 19:32:11 刘管家（安居物业）", or the sender first, three or more, a sender more
    than once) is read the same way; a voice message's mark over its converted text is no text."""
    stamped = max([(n, found.group(4)) for n, line in enumerate(lines) if (found := _STAMPED_SENDER.match(line))],
                  [(n, found.group(1)) for n, line in enumerate(lines) if (found := _SENDER_STAMPED.match(line))],
                  key=len)
    exported = bool(stamped) and names_a_chat(lines[:stamped[0][0]])
    if exported and len(stamped) >= _MIN_TURNS and len({name for _, name in stamped}) < len(stamped):
        return _chat(lines, stamped, [n for n, _ in stamped])
    chat = _chat_under_senders(lines)
    if chat:
        return chat
    # a service desk's record: most lines under its head are messages after their time and sender
    timed = [(n, found) for n, line in enumerate(lines) if (found := _TIMED_MESSAGE.match(line))]
    if len(timed) < _MIN_TURNS or len({found.group(1) for _, found in timed}) == len(timed) \
            or len(timed) < _TIMED_SHARE * (len(lines) - timed[0][0]) \
            or not any(_CHAT_NAME.match(line) or _CHAT_RECORD.search(line) for line in lines[:timed[0][0]]):
        return None
    return _timed_chat(lines, timed)


def _chat_under_senders(lines: list[str]) -> MeetingTranscript | None:
    """A chat whose every message stands under its sender's name, after a time line."""
    sent = [(n, found.group(1)) for n in range(len(lines) - 1)
            if (found := _CHAT_SENDER.match(lines[n])) and not _CHAT_SENDER.match(lines[n + 1])]
    senders, names = [n for n, _ in sent], [name for _, name in sent]
    times = [n for n, line in enumerate(lines) if _CHAT_TIME.match(line)]
    if len(senders) < _MIN_TURNS or not times or times[0] > senders[0] or len(set(names)) > _CHAT_SENDERS \
            or len(set(names)) == len(names):
        return None
    if not any(map(_CHAT_NAME.match, lines[:times[0]])) and any(_TIMED_SENDER.match(lines[n]) for n in senders):
        return None  # an agenda's "09:00 主持人：": no chat
    return _chat(lines, sent, times)


def is_machine_note(line: str) -> bool:
    """An app's note on how it made the text ("以上内容由OCR自动识别，…", "本记录由客服系统自动生成…"): no text."""
    return bool(_MACHINE_NOTE.match(line))


def recording_name(value: str) -> str:
    """The name of the recording a field's value names by its file ("某某说明会.m4a", maybe with more after a space
    or a bracket: "某某说明会.m4a 时长 00:03:40", "某某说明会.m4a（12分钟）"); "" when it names none (or several)."""
    found = _RECORDING_FILE.match(value)
    return found.group(1).strip() if found else ""


def names_a_chat(head: list[str]) -> bool:
    """Whether a text's head names a chat or its export ("群聊：…", '与"…"的聊天记录', "导出自…")."""
    return any(_CHAT_NAME.match(line) or _EXPORT_LINE.match(line) or "聊天记录" in line for line in head)


def is_sender_stamped(line: str) -> bool:
    """A message's sender before its day and time ("孙立新（卫生院公卫科）  2024-10-08 09:12"): a chat export's messages
    open with one under its head."""
    return bool(_SENDER_STAMPED.match(line))


def is_timed_message(line: str) -> bool:
    """A message led by its time and sender ("[09:12:03] 小水滴：您好…"): a service desk's record opens with one."""
    return bool(_TIMED_MESSAGE.match(line))


def _timed_chat(lines: list[str], timed: list[tuple[int, re.Match[str]]]) -> MeetingTranscript:
    """A service desk's record: its head (above the first message) names it and dates it by a day's field
    ("会话日期：…", before an export's "导出时间：…"); each message a turn of its sender, with the lines under it up
    to the next message, but for the system's note on the record ("本记录由客服系统自动生成…": no text)."""
    head = lines[:timed[0][0]]
    starts = [n for n, _ in timed]
    turns = [(found.group(1), [found.group(2), *(line for line in lines[n + 1:end] if not is_machine_note(line))])
             for (n, found), end in zip(timed, [*starts[1:], len(lines)], strict=True)]
    days = [(bool(_EXPORTED_LABEL.match(label)), day) for line in head for label, value in labelled_fields(line)
            if _DAY_LABEL_END.search(label) and (day := first_full_day(value))]
    day = min(days, key=lambda pair: pair[0])[1] if days else None  # the record's day before the export's
    return MeetingTranscript(title=next(iter(head), ""), dateline=Dateline(published=day, publisher="", labelled=True),
                             summary=[], turns=turns)


def _chat(lines: list[str], sent: list[tuple[int, str]], times: list[int]) -> MeetingTranscript:
    """A chat export's messages (each sender's name and its line), under a head above the first time line."""
    senders, names = [n for n, _ in sent], [name for _, name in sent]
    head = [line for line in lines[:times[0]] if not _EXPORT_LINE.match(line)]
    named = next(filter(None, map(_CHAT_NAME.match, head)), None)  # "群聊：某某会员群（328人）"
    exported = next(filter(None, map(read_dateline, lines[:times[0]])), None)
    day = first_full_day(lines[times[-1]]) or (exported.published if exported else None)
    others = set(names) - {"我"}
    publisher = _chat_publisher(others.pop()) if len(others) == 1 else ""
    turns = [(name, [said for line in lines[n + 1:end]
                     if not _CHAT_TIME.match(line) and not _EXPORT_LINE.match(line)
                     and (said := _VOICE_MARK.sub("", line, count=1))])
             for name, n, end in zip(names, senders, [*senders[1:], len(lines)], strict=True)]
    title = f"{named[1] or named[2]}聊天记录" if named else next(iter(head), "")
    return MeetingTranscript(title=title, dateline=Dateline(published=day, publisher=publisher, labelled=True),
                             summary=[], turns=turns)


def _turn_head(lines: list[str], n: int) -> re.Match[str] | None:
    """The speaker's line opening a turn: over what they said, or saying a sentence after its timecode ("发言人1
    00:00 各位家长好，…"; not an agenda's "上午 9:00 开幕式")."""
    turn = _TURN_HEAD.match(lines[n])
    if not turn:
        return None
    said = turn.group(3)
    under = not said and n + 1 < len(lines) and not _TURN_HEAD.match(lines[n + 1])
    return turn if under or (said and not _NOT_A_SENTENCE.match(said)) else None


def _transcript_summary(head: list[str]) -> list[tuple[str, list[str]]]:
    """The summary a transcript's head holds: its label ("全文摘要") and its lines, up to the next label or chapter
    line; [] when the head holds none."""
    at = next(((n, found) for n, line in enumerate(head) if (found := _SUMMARY_LABEL.match(line))), None)
    if at is None:
        return []
    n, label = at
    below = itertools.takewhile(lambda line: not (_CHAPTER_LINE.match(line) or _SECTION_LABEL.match(line)),
                                head[n + 1:])
    said = [line for line in (label.group(2) or "", *below) if line.strip()]
    return [(label.group(1), said)] if said else []


def transcript_head(lines: list[str]) -> int:
    """How many lines a transcript's head fills (its name, then its lines on the pictures: no text of the document,
    and its 拍摄时间 no day of it); 0 when the lines open with no such head."""
    fields = sum(1 for _ in itertools.takewhile(_on_the_pictures, lines[1:]))
    return 1 + fields if fields and _TRANSCRIPT_NAME.match(lines[0].strip()) else 0


def picture_heading(line: str) -> str | None:
    """The heading a transcript's marker of a picture carries ("━━━ 第2张：某某公示 ━━━" → "某某公示"; "" for
    "第1张（左栏）"), None when the line is no such marker."""
    marker = _PICTURE_MARKER.match(line.strip())
    return marker.group(1) if marker else None


def _on_the_pictures(line: str) -> bool:
    """A line of a transcript's head: fields labelled as taken, transcribed or noted ("拍摄时间：…　整理人：…")."""
    fields = labelled_fields(line)
    return bool(fields) and all(_TRANSCRIPTION_LABEL.fullmatch(label) for label, _ in fields)


def labelled_fields(line: str) -> list[tuple[str, str]]:
    """The labelled fields of a line that opens with one ("发布机构：某局 成文日期：2022-04-18", a table's
    "名　　称：…"): each label and its value."""
    line = _SPREAD_LABEL.sub(lambda spread: re.sub(r"\s+", "", spread.group()), line)
    labels = list(_HEAD_FIELD.finditer(line)) if FIELD_START.match(line) else []
    if not labels:  # "摊主QQ群：…" opens a field whose label names no record's field
        return []
    ends = [found.start() for found in labels[1:]] + [len(line)]
    return [(found.group(1), line[found.end():end].strip()) for found, end in zip(labels, ends, strict=True)]


def read_trailing_dateline(lines: list[str]) -> Dateline | None:
    """A dateline among a page's last lines, under its text ("文章录入：… 更新时间：2020年3月9日", "某县教育局
    2020年3月5日"): one that says when the page was published or updated, its source or its issuer; not an event's
    "时间：…"."""
    for line in reversed(lines[-_TRAILING_LINES:]):
        dateline = read_dateline(line)
        if dateline and dateline.published and (_PUBLISHED_OR_SOURCE.search(line) or _ISSUER_DAY.match(line)):
            return dateline
    return None


def read_editor_day(lines: list[str]) -> Dateline | None:
    """The editor and day a bulletin's masthead block names (on one line or the editor over the day), without its
    编/编印/主办; None when the block holds a sentence or no editor right before a day."""
    text = " ".join(line.strip() for line in lines)
    found = _EDITOR_DAY.search(text) if _NOT_A_SENTENCE.match(text) else None
    return Dateline(published=valid_day(*found.groups()[1:]), publisher=found.group(1), labelled=False) \
        if found else None


def read_signature(lines: list[str]) -> Dateline | None:
    """The day and issuer a document's closing gives ("某某指挥部" / "二〇二〇年二月二十日"; or the day it was printed,
    "某某局办公室" / "2023年3月6日印发", that day also with no issuer over it), else the month a form's foot gives
    under its issuer ("某某局制" / "2023年2月" on the last line) or after it ("某某公司 2023年11月印制"), else the
    issuer alone on the last line (a note in brackets may follow them); None without a closing. Joint issuers stand
    side by side ("某某局 某某局") or one above the other (bureaus and offices, up to four: not a list of hospitals
    above their bureau): all of them issued it, "某某局、某某局". A closing above the printing day (落款 over 版记) is
    the one read; without either, an agreement's signing-date field among the last lines dates it (its parties sign
    it: it names no issuer), else a table's maker's field at its foot does ("制表：某某　2023-04-10", a sheet's)."""
    printing = None
    lines = [part for line in lines for part in _SEALED_BEFORE_DAY.sub("\\1\n", line).split("\n")]  # seal over day
    for at in range(len(lines) - 1, max(len(lines) - _SIGNATURE_LINES, 1) - 1, -1):
        printed = _printing_day(lines[at])
        day = printed or _day_alone(lines[at].strip())
        closing = _issued(lines, at, day) if day and _signer(lines[at - 1]) else \
            Dateline(published=day, publisher="", labelled=False) if printed else None
        if closing and not printed:
            return closing
        printing = printing or closing
    foot = lines[max(len(lines) - _SIGNATURE_LINES, 1):]
    undated = printing or _signing_day(foot) or _tabulated_day(foot) or _printed_at_the_foot(foot)
    if undated:
        return undated
    last = [text for line in lines[-3:] if (text := _closing_line(line))][-2:]
    month = _MONTH_ALONE.match(last[-1]) if len(last) == 2 else None
    signed = _SIGNED_MONTH.match(last[-1]) if last and not month else None
    signer = signed.group(1).strip() if signed else _signer(last[0] if month else last[-1]) if last else ""
    labelled = _PRINTING_MONTH.match(last[-1]) if last else None
    month = month or signed or labelled
    return Dateline(published=None, publisher="、".join(signer.split()), labelled=False,
                    month=_month_text(*month.groups()[-2:]) if month else "") if signer or labelled else None


def _closing_line(line: str) -> str:
    """A line as a closing reads it: a closing in brackets without them ("（某某局编印　2024年3月）" on a script's last
    line); "" for a note or a remark on the document under its closing ("本手册仅供…使用"), which are no closing."""
    text = line.strip()
    if is_note(text):
        inner = text[1:-1].strip()
        return inner if _SIGNED_MONTH.match(inner) else ""
    return "" if _SELF_REMARK.match(text) else text


def _printed_at_the_foot(lines: list[str]) -> Dateline | None:
    """The issuer and printing day ending the last line after its other fields (_TRAILING_PRINT); None when it
    ends otherwise."""
    found = _TRAILING_PRINT.search(lines[-1].strip()) if lines else None
    day = valid_day(*found.groups()[1:]) if found else None
    return Dateline(published=day, publisher=found.group(1), labelled=False) if found and day else None


def _signing_day(lines: list[str], field: re.Pattern[str] = _SIGNED_FIELD) -> Dateline | None:
    """The day an agreement's signing-date fields give (the latest: it holds once its last party has signed), or
    those of another `field` (a report's issue date); None when no line that says no sentence is such a field with a
    full date ("自2021年4月18日签订之日起" is none)."""
    days = [day for line in lines if _NOT_A_SENTENCE.match(line)
            for found in field.finditer(line.strip()) if (day := _day_alone(found.group(1)))]
    return Dateline(published=max(days), publisher="", labelled=True) if days else None


def read_issued_day(lines: list[str]) -> Dateline | None:
    """The day a report's issue-date field among its last lines gives (see _ISSUED_FIELD); None when none is one."""
    return _signing_day(lines[-_SIGNATURE_LINES:], _ISSUED_FIELD)


def _tabulated_day(lines: list[str]) -> Dateline | None:
    """The day a table's maker's field at its foot gives ("制表：某某　2023-04-10（根据…整理）", "制表人：某某
    制表日期：…"), as a compiler's line heading a text does (read_form_head); None when no line saying no sentence is
    one."""
    days = [day for line in lines if not _SENTENCE_END.search(line)
            and (found := _TABULATED.search(line)) and (day := valid_day(*found.groups()))]
    return Dateline(published=max(days), publisher="", labelled=True) if days else None


def _signer(line: str) -> str:
    """The issuer a closing's line names, without the 制/编/印发 of a form's or booklet's foot ("某某局制"); "" when
    the line names none."""
    found = _SIGNER.match(line.strip())
    return found.group(1).strip() if found else ""


def read_version(line: str) -> Dateline | None:
    """The month (and day, when it names one) of a form's or rule's version line under its title ("（2023年2月修订）",
    "（2023年2月印发）") or of a manual's numbered version ("说明书版本：V2.1（2023年9月）"); None when the line is
    none."""
    found = _VERSION.match(line.strip()) or _NUMBERED_VERSION.match(line.strip())
    month = _month_text(*found.groups()[:2]) if found else ""
    if not found or not month:
        return None
    day = (*found.groups(), None)[2]  # a numbered version names no day
    return Dateline(published=valid_day(month[:4], month[5:], _number(day)) if day else None, publisher="",
                    labelled=False, month=month)


def read_stamp(line: str) -> Dateline | None:
    """The day a note's stamp line gives ("> 2025-02-18 记｜上午去窗口问的", see _STAMP); None when the line is none."""
    return _day_of(_STAMP, line)


def read_occasion(line: str) -> Dateline | None:
    """The day a speech's, meeting record's or broadcast script's note under its title says it was given or aired
    ("（2025年8月16日上午 多功能厅 讲话人：园长 某某）", "（2024年3月5日在全市某某会议上）"); None when the line is
    no such note."""
    return _day_of(_OCCASION, line)


def read_spoken_day(text: str) -> Dateline | None:
    """The day a talk's speaker says it is among its first sentences ("大家好，我是…。今天是2025年3月25日，…": a
    video's captions, a recording's transcript); None when none says so."""
    opening = "".join(re.split(r"(?<=[。！？!?])", text[:_TODAY_CHARS])[:_TODAY_SENTENCES])
    found = _TODAY.search(opening)
    day = valid_day(*found.groups()) if found else None
    return Dateline(published=day, publisher="", labelled=False) if day else None


def _day_of(line_kind: re.Pattern[str], line: str) -> Dateline | None:
    """The day (its year, month and day the pattern's groups) of a line of that kind, naming no one; None else."""
    found = line_kind.match(line.strip())
    day = valid_day(*found.groups()) if found else None
    return Dateline(published=day, publisher="", labelled=False) if day else None


def read_self_dated(lines: list[str], foot: bool = False) -> Dateline | None:
    """The day the opening lines say the document itself was published, else updated (see _SELF_DATED); with foot,
    the day the last lines say what stands above them was ("以上…更新于…", a line "场馆信息更新于…": "本通知发布于…"
    there is a forwarder's word, not the page's); None when they say neither."""
    days = [Dateline(published=day, publisher="", labelled=True, rank=0 if found.group(1) else 1)
            for line in lines for found in _SELF_DATED.finditer(line)
            if found.group(0).startswith("以上") == foot and (day := valid_day(*found.groups()[1:]))]
    if foot:
        days += [Dateline(published=day, publisher="", labelled=True, rank=1) for line in lines
                 if (found := _INFO_UPDATED.match(line.strip())) and (day := valid_day(*found.groups()))]
    return min(days, key=lambda dateline: dateline.rank, default=None)


def read_maintainer(lines: list[str]) -> Dateline | None:
    """The organisation the opening lines say keeps the page (see _MAINTAINER) as its publisher; None when they name
    none or a person."""
    name = next((found.group(1) or found.group(2) for line in lines for found in _MAINTAINER.finditer(line)), "")
    return Dateline(published=None, publisher=name, labelled=True) if is_issuer(name) else None


def read_releases(lines: list[str]) -> Dateline | None:
    """A changelog's newest version's day (see _RELEASE_LINE); None for a text with fewer version lines."""
    days = [day for line in lines
            if (found := _RELEASE_LINE.match(line.strip())) and (day := valid_day(*found.groups()))]
    return Dateline(published=max(days), publisher="", labelled=True) if len(days) >= _MIN_RELEASES else None


def is_imprint(line: str) -> bool:
    """A line that ends in the day the document was printed: a 版记's "某某局办公室 2023年3月6日印发", a booklet's
    back cover's "某某局 2021年11月10日印制", or names it in a printing-date field ("某某中心 印制日期：…")."""
    return _PRINTED_DAY.match(line.strip()) is not None or re.search(_PRINTING_FIELD, line) is not None


def is_printing_day(line: str) -> bool:
    """"2023年3月6日印发" alone on its line: a 版记's printing day (read by read_signature), no text of the
    document."""
    return _printing_day(line) is not None


def _printing_day(line: str) -> date | None:
    """The day of a line that is only a day followed by 印发/印制/编印/印 ("二〇二三年三月六日印发") or under a
    printing-date label ("印制日期：2023年3月6日")."""
    printed = _PRINTED_DAY.match(line.strip()) or _PRINTING_DAY_FIELD.match(line.strip())
    return _day_alone(printed.group(1)) if printed else None


def _issued(lines: list[str], at: int, day: date) -> Dateline:
    """The closing whose day stands on line `at`, its issuers on the lines right above; a firm's, hospital's or
    bank's name over its office's ("某某银行股份有限公司" / "财富管理部") is one issuer, as on one line."""
    office, holder = _signer(lines[at - 1]), _signer(lines[at - 2]) if at >= 2 else ""
    if office_of(holder, office):
        return Dateline(published=day, publisher=holder + office, labelled=False)
    first = at - 1
    while first > 0 and at - first < _JOINT_ISSUERS and _AUTHORITY.match(lines[first].strip()) \
            and _AUTHORITY.match(lines[first - 1].strip()):
        first -= 1
    issuers = [name for line in lines[first:at] for name in issuer_names(_signer(line))]
    return Dateline(published=day, publisher="、".join(issuers), labelled=False)


def read_printing_day(lines: list[str]) -> Dateline | None:
    """The day a document's 版记 says it was printed, in the lines under its distribution list ("抄送：…" /
    "某某局办公室　2024年2月19日印发", or the office over that day), which ends the text: it still dates the
    document; None without such a line."""
    for at, line in enumerate(lines):
        printed = (read_signature(lines[:at + 1]) or read_dateline(line.strip())) \
            if _PRINTED_DAY.match(line.strip()) else None
        if printed and printed.published:
            return printed
    return None


def _day_alone(line: str) -> date | None:
    digits = _FULL_DATE.fullmatch(line)
    if digits:
        return valid_day(*digits.groups())
    numerals = _CHINESE_DATE.match(line)
    return valid_day(*map(_number, numerals.groups())) if numerals else None


def _month_text(year: str, month: str) -> str:
    """"YYYY-MM" of a year and month in digits or in Chinese ("二〇二三", "二"); "" when it is no month."""
    number = _number(month)
    return f"{_number(year)}-{number:02d}" if 1 <= number <= 12 else ""


def _number(text: str) -> int:
    """"2023", "二〇二三" (a year, digit by digit), "十二" as a number."""
    if text.isascii():
        return int(text)
    return int("".join(str(CHINESE_DIGITS[c]) for c in text)) if len(text) == 4 else chinese_number(text)


def is_issuer(line: str) -> bool:
    """An organisation's name alone on a line: "某某局", "某某领导小组（指挥部）办公室"."""
    return bool(_ISSUER.match(line.strip()))


_OWN_NAME_CHARS = 4  # "市财政局": a name of its own, not an office of the name before it ("某某省人民政府 办公厅")


def issuer_names(line: str) -> list[str]:
    """The issuers a letterhead's or closing's line names: joint issuers side by side ("某某市商务局 某某市财政局"),
    each a name of its own, or one name, maybe spaced out ("某 某 局") or with its office ("某某图书馆 流通部",
    "某某电器有限公司 客户服务中心")."""
    parts = line.split()
    if len(parts) > 1 and all(is_issuer(part) and len(part) >= _OWN_NAME_CHARS for part in parts) \
            and all(_names_its_own(part, parts[0]) for part in parts[1:]):
        return parts
    return [name] if (name := "".join(parts)) else []


# An organisation whose offices sign in its name ("某某有限公司 客户服务中心", "某某医院 门诊部", "某某图书馆 采编部")
_OFFICE_HOLDER = re.compile(r"(?:公司|集团|医院|学校|大学|银行|图书馆|博物馆|文化馆|美术馆|科技馆)$")
# …an office's name, not a place's unit of its own ("东关社区卫生服务站", "市疾控中心", "东关街道办事处")
_DEPARTMENT = re.compile(rf"(?![\u4e00-\u9fff]*(?:社区|街道|镇|村|市|区|县))[\u4e00-\u9fff]{{1,8}}"
                         rf"(?:{_OFFICE_END}|部|中心)")


def office_of(holder: str, name: str) -> bool:
    """Whether `name` is an office of `holder`, a company's, group's, hospital's, school's (学校), university's or
    bank's name: a department's name ("财富管理部", "运营部", "客户服务中心") that is no authority's, names no place
    and is no issuer of its own."""
    return " " not in holder and bool(_OFFICE_HOLDER.search(holder)) and bool(_DEPARTMENT.fullmatch(name)) \
        and not _AUTHORITY.match(name) and not _names_its_own(name, holder)


def _names_its_own(name: str, first: str) -> bool:
    """Whether a name beside the first issuer's is an issuer of its own: beside a firm's or a hospital's name, only a
    name that is one too, names a place or begins as the first does; an office's name does none of these
    ("客户服务中心"). Beside an office's name every name is one ("自然资源部 生态环境部")."""
    return not _OFFICE_HOLDER.search(first) or bool(_OFFICE_HOLDER.search(name)) or name[:2] == first[:2] \
        or bool(region_names_in(name))


def section_issuer(line: str) -> str:
    """The issuer a line naming it and one of its sections names ("某某局 工伤保险科", "某某中心 综合办"); "" else."""
    section = _SECTION_LINE.match(line.strip())
    return section.group(1) if section and is_issuer(section.group(1)) else ""


def cover_credit(line: str) -> tuple[str, bool] | None:
    """The organisation a cover's credit line names, and whether it issued the text (监制/出品/编印) rather than
    only made the product (制造/生产); None for any other line ("本中心负责监制的产品…" is a sentence)."""
    found = _COVER_CREDIT.match(line.strip())
    return (found.group(1).strip(), bool(re.fullmatch(_ISSUED_BY, found.group(2)))) if found else None


def manual_cover_name(line: str) -> str:
    """The model and kind a manual's cover line under the product's name gives, in its order and without the
    field's label ("型号：YD-A3 使用说明书" → "YD-A3 使用说明书", "规格型号：KL-200" → "KL-200"); "" for any other
    line."""
    found = _MANUAL_COVER.match(line.strip())
    return " ".join(filter(None, found.groups())) if found else ""


def contents_lines(lines: list[str], at: int) -> int:
    """How many lines a contents list fills from line `at`: its heading and the entries under it (two or more); 0
    when none starts there."""
    if not is_contents_heading(lines[at]):
        return 0
    entries = len(list(itertools.takewhile(lambda line: _CONTENTS_ENTRY.match(line.strip()), lines[at + 1:])))
    return 1 + entries if entries >= 2 else 0


def is_english_name(line: str) -> bool:
    """"WEIFANG … HOSPITAL | 治未病中心": an institution's name in English capitals, under its Chinese name in a
    logo, maybe with a department's."""
    return bool(_ENGLISH_NAME.match(line.strip()))


def letterhead_issuer(lines: list[str], headline: Callable[[str], bool]) -> tuple[str, int] | None:
    """The organisation (a company, school, hospital…) a letterhead line at the top names, and the lines it fills:
    "某某水务有限公司 MOUMOU WATER CO.,LTD. 服务热线 0536-1234567", its name with its English name in capitals (maybe
    with the writing office's name) and/or contact fields (热线, 电话, 地址, 网址…); one more when the printer wrapped
    it inside its last number ("咨询电话：0536-" / "8186320"), or the same set a line each, as a slip prints them
    centred (its name / its English name / its contact fields). Or its name beside a column's heading ("某某局
    政策解读") over a line of contact fields (which it fills too) or over the `headline`: a site's letterhead, not the
    headline."""
    first = lines[0].strip() if lines else ""
    letterhead = _LETTERHEAD_LINE.match(first)
    if letterhead and is_issuer(letterhead.group(1)):
        return letterhead.group(1), 1 + _wrapped(lines)
    if is_issuer(first):
        under = list(itertools.takewhile(lambda line: bool(_ENGLISH_NAME.match(line.strip()) or is_contact_line(line)),
                                         lines[1:_STACKED_LINES]))
        if any(map(is_contact_line, under)):  # a name over its English name alone is a logo
            return first, 1 + len(under)
    column = _COLUMN_HEAD.match(first)
    if not column or not is_issuer(column.group(1)) or is_issuer(column.group(2)) or len(lines) < 2:
        return None
    if _CONTACT_LINE.match(lines[1].strip()):
        return column.group(1), 2 + _wrapped(lines[1:])
    return (column.group(1), 1) if headline(lines[1]) else None


def is_contact_line(line: str) -> bool:
    """A line of contact fields only, each with a number, a web or mail address ("客服热线 400-806-5218",
    "电话：0536-1234567 地址：某路8号"): a site's or a letterhead's, no headline ("12345热线：接诉即办暖民心",
    "新地址：我们搬家啦")."""
    return bool(_NUMBERED_CONTACT_LINE.match(line.strip()))


def _wrapped(lines: list[str]) -> bool:
    """The first line wraps inside its last number, the number's rest (maybe more fields) on the next."""
    return bool(re.search(r"[\d-]$", lines[0].strip()) and len(lines) > 1 and _NUMBER_REST.match(lines[1].strip()))


def is_masthead(line: str) -> bool:
    """A bulletin's or release's name above its headline: spaced out ("潍 坊 统 计 信 息"; a letterhead "某 某 局 文 件"
    is not one: it names the issuers) or a document genre alone ("新闻通稿", "工作简报"); or the kind of page an
    app shows ("公告详情"): none names the headline."""
    spaced = _SPACED_OUT.match(line)  # "价 格 监 测 简 报 2020年第3期（总第41期）": with its issue number
    if spaced and not re.sub(r"\s+", "", spaced.group(1)).endswith("文件"):
        return True
    return bool(_GENRE.match(re.sub(r"\s+", "", line))) or is_page_kind(line)


def is_paper_name(line: str) -> bool:
    """A newspaper's or newsletter's name alone on a line ("东湖社区报", "某某通讯"), as its masthead prints it."""
    return bool(_PAPER_NAME.match(line.strip()))


def is_edition_line(line: str) -> bool:
    """A masthead's line under the paper's name: a special issue ("“时间银行”专刊") or an issue's number."""
    return bool(_EDITION.match(line.strip()))


def is_page_kind(line: str) -> bool:
    """A line naming only the kind of page an app or portal shows ("公告详情", "事项详情", "预览"): no headline."""
    return bool(_PAGE_KIND.match(re.sub(r"\s+", "", line)))


def is_note(line: str) -> bool:
    """A line all in brackets: a note about the text, not the text ("（此件主动公开）")."""
    return bool(_NOTE_LINE.match(line.strip()))


def ends_the_article(line: str) -> bool:
    """"往期推荐", "相关发布会", "精选留言" alone on a line: what follows are other items or comments; or a cut line
    ("------ 沿此线剪下 ------"): what follows is a slip to cut off and return (回执, 报名表), no text of the letter."""
    return bool(_TAIL_HEADING.match(line.strip())) or _is_cut_line(line)


def lists_related_items(line: str) -> bool:
    """"相关链接：《…》", "相关文档 - … - …": other articles' titles (and their figures) under the label on its line;
    among an article's last lines they end it as the label alone does."""
    return bool(_RELATED_ITEMS.match(line.strip()))


def _is_cut_line(line: str) -> bool:
    """A rule with a scissors sign, or with a short instruction to cut (剪/裁) between its dashes or dots. A rule alone
    only parts a text (a separator), and such words alone may be a heading: neither says the rest is cut off."""
    line = line.strip()
    cut = _CUT_LINE.match(line)
    if cut is None:
        return False
    ruled = cut.group(1) is not None and len(re.findall(_RULE_MARK, line)) >= _CUT_RULE_MARKS
    return ruled or _SCISSORS.search(line) is not None


def is_distribution(line: str) -> bool:
    """A document's distribution list ("抄送：…", a bulletin's "报：… 送：… 发：…"): among its last lines, it ends the
    text (the attachments, which come before it, are kept: they list phones and places)."""
    return bool(_DISTRIBUTION.match(line.strip()))


def is_furniture(line: str) -> bool:
    """Page furniture around an article: never article text, never a title (a dateline is not furniture)."""
    if read_dateline(line):
        return False
    if line.startswith(("原标题：", "（原标题：")):
        return True
    if not re.search(r"\w", line):  # no word: a separator, but not a sentence's "。" wrapped onto a line of its own
        return not re.fullmatch(r"[。！？；”’」）]+", line)
    if len(line) > _CREDIT_MAX_CHARS or "。" in line:
        return False
    return _is_menu(line) or any(pattern.match(line) for pattern in (
        _CREDIT, _BRACKET_LINKS, _ATTACHMENT_CARD, _END_MARK, _PROMPT, _PAGE_NUMBER, _FILE_NUMBER, _DOCUMENT_CODE,
        _BREADCRUMB, _SITE_ADDRESS, _ISSUE_NUMBER, _ANNOUNCEMENT_NUMBER, _PRINT_FOOTER, _CONFIDENTIAL))


def _is_menu(line: str) -> bool:
    """Short items side by side, one of them a site's navigation ("首页", "设为首页"), no sentence or number among
    them: six or more apart ("首页 要闻 视频 …"), or three or more between bars ("欢迎访问某某网！ 设为首页 | 加入收藏
    | 手机版"; one may be longer). A list of names, shops or districts names no navigation."""
    items = _menu_items(line)
    short = sum(map(_is_menu_item, items))  # "潍 坊 市 财 政 局" is spaced out, no menu
    barred = len(re.findall(r"[|｜]", line)) >= 2
    return len(items) >= (_BARRED_MENU_ITEMS if barred else _MENU_ITEMS) and short >= len(items) - 1 \
        and bool(_NAVIGATION.search(line)) and not re.search(r"[，\d]", line)


def _menu_items(line: str) -> list[str]:
    return [item for item in re.split(r"\s*[|｜]\s*|\s+", line) if item]


def _is_menu_item(item: str) -> bool:
    return 2 <= len(item) <= _MENU_ITEM_CHARS


def menu_lines(lines: list[str]) -> range:
    """The lines of a site's menu copied one item a line at the top of a page ("首页" / "运单查询" / … / "登录 |
    注册", maybe under the site's name): a run of lines of short items that, side by side, read as a menu
    (_is_menu), up to its last navigation item (a short headline may stand under it: "停水通知"). A list in the
    text ("下载应用" / "注册" / "登录" / "实名认证") is no menu."""
    for start in range(min(_MENU_START_LINES, len(lines))):
        end = start
        while end < len(lines) and (items := _menu_items(lines[end])) and all(map(_is_menu_item, items)):
            end += 1
        end = next((k + 1 for k in range(end - 1, start - 1, -1) if _NAVIGATION.search(lines[k])), start)
        if end - start > 1 and _is_menu(" ".join(line.strip() for line in lines[start:end])):
            return range(start, end)
    return range(0)


def is_file_number(line: str) -> bool:
    """"潍政字〔2021〕52号", "某某公告〔2021〕第12号", "2020年第3号", "（2020年第3号）": a government document's,
    a company's or an announcement's number, under its title or its letterhead."""
    return bool(_FILE_NUMBER.match(line.strip())) or is_announcement_number(line)


def without_file_number(title: str) -> str:
    """A title after the document's number it opens with ("北洼村委字〔2025〕2号 北洼村关于…的报告", a mail's subject
    as an office writes it): the number is no part of the title, as under a letterhead."""
    found = _NUMBER_THEN_TITLE.match(title.strip())
    return found.group(1) if found else title


def is_announcement_number(line: str) -> bool:
    """"2020年第3号", "（2020年第3号）": a 公告's or 通告's number, counted by year."""
    return bool(_ANNOUNCEMENT_NUMBER.match(line.strip()))


def is_page_number(line: str) -> bool:
    """"— 1 —", "第 1 页 / 共 2 页": a printed page's number."""
    return bool(_PAGE_NUMBER.match(line.strip()))


def is_unmarked_byline(line: str) -> bool:
    """A byline on a line of its own, without the newspaper's "□" mark (under a web page's headline)."""
    return bool(_BYLINE.match(line))
