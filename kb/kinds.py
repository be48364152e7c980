"""Kinds of fact: what a question asks for, and what a passage states.

A question's question words say which kind of fact answers it ("几个" a count, "哪天" a date, "找谁" a
contact); a passage's numbers, dates, names and phone numbers say which kinds it can answer. Both sides are
read from general Chinese wording, never from one article's sentences, so they hold for any new article.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .text import HAN, chinese_number

PHONE, DATE, DAY, CLOCK, DURATION, FREQUENCY, COUNT, MONEY, PLACE, ROUTE, LIST, ORGANISATION, HOW, WHY, OVERVIEW = (
    "phone", "date", "day", "clock", "duration", "frequency", "count", "money", "place", "route", "list",
    "organisation", "how", "why", "overview")
# Kinds a sentence must state to answer a question asking for them (any other kind asked is a preference).
# A day ("几号") is a date of the calendar: "节后" or "近日" do not say which.
SPECIFIC = frozenset({PHONE, DAY, CLOCK, FREQUENCY, ROUTE})
# Kinds told by a name ("陇南市", "县商务局"): the question's own names do not answer it.
NAMES = frozenset({PLACE, ROUTE, ORGANISATION})
# Kinds whose answers are worded too freely to be told by their words ("减半收取" answers "咋收"): a passage is
# not ranked by whether it seems to state them.
FREE_FORM = frozenset({HOW, OVERVIEW})

_CN_NUMBER = "[一二两三四五六七八九十百千万几]"
_CN_DIGITS = "一二两三四五六七八九"
_MEASURE = ("个|家|人|名|例|处|列|趟|期|户|辆|只|所|项|元|毛|角|万|亿|公斤|斤|吨|件|台|套|条|座|场|次|位|支|批|株|亩|"
            "平方米|米|公里|千米|份|箱|车|班|单|余|多|%|％|倍|间|栋|床|张|块|剂|包|盒|袋")

# "几号" asks a day, but not in "电话是几号" (the number) nor "几号线" / "几号窗口".
_WHICH_DAY = r"哪天|哪一天|哪日|哪几天|(?:星期|周|礼拜)几|(?<!电话是)(?<!电话)几号(?![线楼窗门口厅院车])"
_QUESTION_CUES: dict[str, re.Pattern[str]] = {
    PHONE: re.compile(r"电话|热线|热限|号码|手机号|拨打|打哪|打什么|打几号|打给谁|联系方式|怎么联系|联系谁|找谁|"
                      r"找哪|问哪|咨询哪|向哪|反映|投诉|求助|举报"),
    DATE: re.compile(rf"{_WHICH_DAY}|几月|几日|什么时候|啥时候|啥时|何时|什么时间|几点|多会|日期|时间是|哪年"),
    DAY: re.compile(rf"{_WHICH_DAY}|几月几|几日|日期"),
    CLOCK: re.compile(r"几点|几时几分|什么时间段|[早晚]上几"),
    # "哪几天" asks which days, not how long
    DURATION: re.compile(r"多久|多长时间|多长|(?<!哪)几(?:天|个月|周|年)|多少天|多少年|几小时|多少小时|几分钟|多少分钟|"
                         r"(?:几|多少)个?工作日|用时|前后用了|花了"),
    # "1月", "21年" and "11月1日" name a month, a year and a day, "头一周" and "提前一天" a stretch of time, not a rate
    FREQUENCY: re.compile(r"(?:(?<![头第前后这那上下同])一|每)个?(?:天|日|周|星期|礼拜|月|年)|"
                          r"(?<![\d.月])1(?:个?(?:天|日|周|星期|礼拜|年)|个月)|(?:多久|多长时间|几天|几个月)(?=\S{0,3}一[次回趟])|"
                          r"多久一|几天一|多长时间一|频次|频率"),
    COUNT: re.compile(rf"多少(?:{_MEASURE})?|几{_CN_NUMBER}?(?:{_MEASURE})|几[趟次回列期批]|有几|数量|规模|总共|"
                      r"一共|多大|比例|比率|率是|频次|频率|多少钱|总投资|投资多|几成"),
    MONEY: re.compile(r"多少钱|几[毛块角]钱?|多少元|几元|价格|价钱|票价|费用|收费|收钱|要钱|花钱|[掏交付出给]钱|免费|"
                      r"贵不贵"),
    ROUTE: re.compile(r"[开到去往运发送]到?哪(?![天年月日时])|开往|发往|终点|目的地|线路|路线|途经|经过哪"),
    LIST: re.compile(r"哪些|哪几|都有什么|都有啥|有什么|包括什么|都是啥|都是什么|有哪|些什么|些啥"),
    PLACE: re.compile(r"哪里|哪儿|哪裡|[在到去从往上]哪(?![个些家种类位天年月日时])|哪个地方|什么地方|啥地方|地址|"
                      r"位置|地点|"
                      r"哪个?村|哪个?镇|哪个?县|哪个?区|哪个?市|哪个?街道|哪个?社区|哪个?园区|路线|怎么走|发往|开往|开到|"
                      r"哪几个地方|哪些地方"),
    ORGANISATION: re.compile(r"谁|哪家|(?:哪|什么|啥)[个些家]?(?:部门|单位|公司|机构|平台|公众号|小程序|医院|企业|银行|"
                             r"学校|网站|组织|团队|APP|app)|用啥|牵头|负责|主办|承办|组织的"),
    HOW: re.compile(r"怎么|怎样|如何|咋|方式|办法|模式|流程|步骤|手续|材料|途径|渠道"),
    WHY: re.compile(r"为什么|为何|为啥|原因|干嘛"),
    OVERVIEW: re.compile(r"怎么回事|咋回事|介绍|概况|情况怎么样|讲讲|说说|具体说|详细|有哪些措施|都做了什么|做了哪些"),
}

# A day in words, as dictated or spoken ("十一月八号", "三月二十五日")
_SPOKEN_NUMBER = "(?:[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"
_SPOKEN_DAY = f"{_SPOKEN_NUMBER}月{_SPOKEN_NUMBER}[日号]"
# A day of the week ("每周二、周四", "星期日"), not a span of weeks ("一周三次", "两周一次")
_WEEKDAY = r"(?<![一两二三四五六七八九十几])(?:周|星期|礼拜)[一二三四五六日天](?![次趟回遍个年])"
# What runs between two places: "潍坊港至平泽的航线", "陇南方向的返岗包车"
_LINE = "(?:航线|班列|班线|线路|航班|列车|专线|班车|包车|车次)"
_ROUTE_VERB = "(?:驶往|发往|开往|运往|销往|前往|到达|抵达|途经|直达|经停|通达)"
_PHONE_FACT = re.compile(r"(?<!\d)(?:0\d{2,3}-?\d{7,8}|1[3-9]\d{9}|\d{7,8})(?!\d)")
_FACT_PATTERNS: dict[str, re.Pattern[str]] = {
    PHONE: _PHONE_FACT,
    DATE: re.compile(rf"\d{{1,2}}月\d{{1,2}}[日号]|{_SPOKEN_DAY}|"
                     r"\d{1,2}[:：]\d{2}(?!\d)|\d{4}年\d{1,2}月|"
                     r"\d{1,2}[日号](?:[、，至到]|\d|上午|下午|凌晨|晚)|\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[点时](?:\d{1,2}分)?|"
                     r"[上下]旬|月底|月初|春节[前后]|节后|当天|近日|目前"),
    DAY: re.compile(rf"\d{{1,2}}[日号](?!电)|\d{{4}}-\d{{1,2}}-\d{{1,2}}|{_SPOKEN_DAY}|{_WEEKDAY}"),
    CLOCK: re.compile(r"\d{1,2}[:：]\d{2}(?!\d)|(?<!\d)\d{1,2}[点时](?![多])|[上下]午\d|[早晚]上\d|傍晚\d|凌晨\d"),
    DURATION: re.compile(rf"(?:\d+|{_CN_NUMBER}+|半)(?:个)?(?:工作日|天|小时|周|星期|个月|年|分钟)(?!份)|\d+日内|"
                         r"用时|历时|直至|期间|以内|之内"),
    FREQUENCY: re.compile(r"每[天日周月年]|每个?(?:星期|礼拜|月|季度)|[一每]\S?[天周月]\S{0,3}\d|\d+天一|一天\d|一周\d|"
                           r"按(?:天|日|周|月|季度?|年)(?:度)?(?:发放|支付|缴纳|结算|领取|申报|统计|办理|考核|更新|拨付|计发)|"
                           r"一年[一两二三四\d]次|[年月日]产|[年月日]均|全年"),
    # "一次性" (disposable) counts nothing
    COUNT: re.compile(rf"\d+(?:\.\d+)?(?:{_MEASURE})|"
                      rf"{_CN_NUMBER}+(?:个|家|人|名|例|处|列|趟|期|户|辆|项|批|支|场|次(?!性))|"
                      r"每[天日周月年]|\d+(?:\.\d+)?[%％]|"
                      r"\d\s?(?:℃|°C?|‰|[A-Za-z]{1,3}(?![A-Za-z]))"),  # a unit's symbol: 37.3℃, 5km, 20kg
    # a fee named by its 费 ("摊位费全免", "费用由财政负担") says what one pays, as an amount does; not 消费, 浪费,
    # 费力, 费解, 白费, nor 费县 (a county)
    MONEY: re.compile(rf"\d+(?:\.\d+)?[万亿]?(?:元|块)|{_CN_NUMBER}+(?:元|块钱)|免费|收费|免收|不收|"
                      r"全免(?!疫)|减免|(?<![浪消花白])费(?![力时心劲解尽县])|自付"),
    ROUTE: re.compile(rf"{_ROUTE_VERB}{HAN}|"
                      rf"(?<![做受考虑送得达收遇看听直截长行])[至到](?![周星月日年上下早晚凌今明次目现当此十春节\d{_CN_DIGITS}])"
                      rf"{HAN}{{2,8}}的{HAN}{{0,4}}?{_LINE}|"
                      rf"{HAN}{{2,6}}(?<!发展)(?<!前进)(?<!努力)(?<!主攻)方向的?{HAN}{{0,4}}?{_LINE}"),
    LIST: re.compile(rf"{HAN}{{2,}}、{HAN}{{2,}}"),
    # "全市", "本县", "各区" say where no more than "here" does
    PLACE: re.compile(rf"{HAN}{{1,10}}(?<![全本该我各])"
                      r"(?:省|市|县|区|镇|乡|街道|村|社区|园|港|路|街|广场|基地|码头|车站|服务站)|"
                      r"\d+号|驶往|发往|开往|"
                      r"小程序|公众号|[Aa][Pp][Pp]|网站|平台|网上|线上"),  # where to do it online
    ORGANISATION: re.compile(rf"{HAN}{{2,20}}?(?:公司|集团|局|委员会|委|办公室|中心|工会|医院|卫生院|合作社|协会|商会|"
                             r"银行|平台|小程序|公众号|政府|部门|指挥部|工厂|厂|大学|学校|街道办|队|站|所)|“[^”]{{2,20}}”"),
    HOW: re.compile(r"通过|采用|采取|依托|利用|模式|方式|渠道|办理|申请|扫码|登录|预约|提交|凭|即可|步骤|流程"),
    # a cause ("受疫情影响"; not 不受影响, 受理…, 受影响的企业) or a purpose ("为方便…"; not 更为方便, 成为推动)
    WHY: re.compile(r"为了|因为|由于|为保障|旨在|为确保|为进一步|目的|"
                    r"(?<![不未接享感])受(?![理访益])[^，。；、]{1,10}?影响(?!的)|"
                    r"(?<![作成更较极认视以行])为(?:缓解|解决|方便|满足|帮助|防止|减少|应对|支持|促进|推动|提振|助力)"),
}


_ASKED_MEASURE = re.compile(rf"(?:多少|几)(个人|{_MEASURE})")
_AFTER_COUNT = re.compile(rf"(?:多少|几)(?:个人|{_MEASURE})?({HAN}{{2,4}})")


# A person is counted in 人, 名 or 位; a firm or a household in 家 or 户 ("27户企业").
_SAME_MEASURE = {"人": ("名", "位"), "名": ("人", "位"), "位": ("人", "名"), "家": ("户",), "户": ("家",)}


# What ends a word for people ("求职者", "务工人员", "学生", "居民", "群众", "游客"): counted without a measure word
# ("有多少求职者参加"), they are counted in 人, 名 or 位.
_PEOPLE_COUNTED = re.compile(rf"(?:多少|几个|几)(?!个){HAN}{{1,3}}?[者员人工生民众客]")


# A sum of money asked by its name ("多少过路费", "捐款一共多少", "补贴能拿多少"), not a count of things paid for
_MONEY_NOUN = (r"(?:(?<!消)费(?![券者品])|钱|租金|房租|工资|薪水|资金|奖金|押金|保证金|补贴|补助|奖励|税款|贷款|罚款|"
               r"捐款|善款|货款|欠款|销售额|营业额|收入|金额)")
_MONEY_ASKED = re.compile(rf"多少{HAN}{{0,4}}?{_MONEY_NOUN}(?!{HAN})|"
                          rf"{_MONEY_NOUN}[^，。？！]{{0,5}}?多少(?!{_MEASURE}|天)")
# An age asked ("几岁", "多大岁数", "年龄要求", "多大的孩子能报"): stated in 岁 or 周岁 ("年满7周岁"); not "多大面积"
_AGE_ASKED = re.compile(r"几岁|多少岁|多大(?:岁数|年龄|年纪|的(?:孩子|小孩|娃|人|老人|学生))|(?:孩子|小孩|老人)多大"
                        r"|年龄|岁数|年纪")


def asked_measures(question: str) -> frozenset[str]:
    """The measure words a count is asked in ("多少户" → 户, "几家" → 家, "几个人" → 人, "多少求职者" → 人), an
    age in ("几岁" → 岁, 周岁), or a sum of money by what it is ("多少捐款", "过路费免了多少" → 元): the answer
    states a number of them."""
    found = {m.removeprefix("个") if m == "个人" else m for m in _ASKED_MEASURE.findall(question)}
    if found <= {"个"} and _PEOPLE_COUNTED.search(question):
        found = {"人"}
    if _AGE_ASKED.search(question):
        found |= {"岁", "周岁"}
    if not found and _MONEY_ASKED.search(question):
        found = {"元"}
    return frozenset(found | {other for m in found for other in _SAME_MEASURE.get(m, ())})


def after_count(question: str) -> list[str]:
    """The text right after a count's question word ("有多少高三学生返校" → 高三学生返校): its first word is
    what is counted."""
    return _AFTER_COUNT.findall(question)


def states_measure(text: str, measures: frozenset[str], counted: frozenset[str] = frozenset()) -> bool:
    """Whether the text gives a number in one of these measure words ("1260户", "三家") or of a thing counted
    ("5400余名高三学生")."""
    return bool(measures or counted) and bool(_number_in(measures, counted).search(text))


@lru_cache(maxsize=256)
def _number_in(measures: frozenset[str], counted: frozenset[str]) -> re.Pattern[str]:
    """Compiled once per question, not once per passage ranked. A measure word followed by 次 counts something
    else (1200人次 are visits, not people); a thing counted may follow a measure word and a modifier. A bare 一
    counts nothing: "一斤能卖45元" prices one."""
    number = rf"(?:\d|[二两三四五六七八九十百千万几]|(?<=[\d{_CN_DIGITS}十百千万])一)[余多万亿]?"
    patterns = [rf"{number}{_any_of(measures)}(?!次)"] if measures else []
    if counted:
        patterns.append(rf"{number}{HAN}{{0,2}}{_any_of(counted)}")
    return re.compile("|".join(patterns))


def _any_of(words: frozenset[str]) -> str:
    return f"(?:{'|'.join(map(re.escape, sorted(words)))})"


_PER_UNIT_ASKED = re.compile(rf"[一1]个?({_MEASURE}|节|桌|人|次|台)")
_NOT_A_UNIT = frozenset({"万", "余", "多"})  # 一万, not per anything; 一天/一周 are rates (FREQUENCY)


def asked_per_unit(question: str) -> frozenset[str]:
    """"一节多长时间", "几毛钱一只", "一桌能坐几个人": the fact is given per unit ("每节20分钟", "每只0.9元")."""
    return frozenset(_PER_UNIT_ASKED.findall(question)) - _NOT_A_UNIT


def states_per_unit(text: str, units: frozenset[str]) -> bool:
    return bool(units) and bool(_per(units).search(text))


@lru_cache(maxsize=256)
def _per(units: frozenset[str]) -> re.Pattern[str]:
    return re.compile(rf"每个?{_any_of(units)}")


# A duration's unit and the words stating one ("几天" is answered by "2个工作日", not by "3个月"). "几日" asks a
# date; "几月" alone a month of the calendar ("几个月" months).
_TIME_UNITS = {"天": ("天", "工作日"), "小时": ("小时", "钟头"), "分钟": ("分钟",), "周": ("周", "星期"),
               "月": ("个月",), "年": ("年",)}
_TIME_UNIT_ASKED = re.compile(r"(?:几|多少)(个工作日|天|个?小时|钟头|分钟|个?周|个?星期|个月|年)(?!份)")
_SAME_UNIT = {"个工作日": "天", "个小时": "小时", "钟头": "小时", "个周": "周", "星期": "周", "个星期": "周",
              "个月": "月"}


def asked_time_units(question: str) -> frozenset[str]:
    """"几天能批下来" → the answer gives days."""
    return frozenset(_SAME_UNIT.get(unit, unit) for unit in _TIME_UNIT_ASKED.findall(question))


def states_time_unit(text: str, units: frozenset[str]) -> bool:
    return bool(units) and bool(_time_unit_in(units).search(text))


@lru_cache(maxsize=64)
def _time_unit_in(units: frozenset[str]) -> re.Pattern[str]:
    words = frozenset(word for unit in units for word in _TIME_UNITS[unit])
    return re.compile(rf"(?:\d|{_CN_NUMBER}|半)个?{_any_of(words)}")


_YES_NO = re.compile(r"([\u4e00-\u9fff]{1,8}?)(?:了没有|了没|没有|吗|不|么|没)[？?！!。]?$")


# A yes/no question's A-not-A form: jieba cuts "能不能办" into 能 / 不能 / 办, so it goes before cutting.
_A_NOT_A = re.compile(r"可不可以|([\u4e00-\u9fff])[不没]\1")
_A_NOT_A_ASKED = re.compile(rf"(?:是否|有没有|{_A_NOT_A.pattern})({HAN}{{1,8}}?)[呢啊呀？?！!。]*$")


def yes_no_subject(question: str) -> str:
    """The words a yes/no question ends on ("要自己去申请吗" → 自己去申请, "恢复了没有" → 恢复, "是不是要交押金" →
    要交押金): what it turns on."""
    match = _YES_NO.search(question)
    if match:
        return match.group(1)
    a_not_a = _A_NOT_A_ASKED.search(question)
    return a_not_a.group(2) if a_not_a else ""


_FUTURE_ASKED = re.compile(r"下一|下次|下回|接下来|今后|以后还|还会|还要|打算|计划")
_FUTURE_STATED = re.compile(r"将[于在会要对把为进开举]|定于|计划|拟|预计|即将|下一步|下一期|下次|打算|准备")


def asks_for_the_future(question: str) -> bool:
    """"下一场招聘会啥时候", "以后还扩产不": what is planned, not what happened."""
    return bool(_FUTURE_ASKED.search(question))


def states_the_future(text: str) -> bool:
    return bool(_FUTURE_STATED.search(text))


_START_ASKED = re.compile(r"开始|起|从(?:哪|啥|什么|几)")
_START_STATED = re.compile(r"[日号月](?:起|开始)|自\S{1,8}起|起[,，]?(?:恢复|开|启|实行|执行|施行)")


def asks_for_a_start(question: str) -> bool:
    """"从啥时候开始能堂食": the day something began or begins, not a day it was counted on ("截至4月6日")."""
    return bool(_START_ASKED.search(question))


def states_a_start(text: str) -> bool:
    return bool(_START_STATED.search(text))


# "5月中旬健身房刚开门那阵", "1月份刚出通知那会儿", "按11月中旬的规定": the state at a time the question names (not
# "什么时候", which asks for one)
_THAT_TIME = re.compile(r"那时|那会|那阵|当时|(?<!什么)(?<!啥)时候|(?:按|照).{1,12}(?:规定|通知|要求)")


def asks_about_that_time(question: str) -> bool:
    return bool(_THAT_TIME.search(question))


# "从哪天到哪天", "几号到几号", "几点到几点", "从几月份到什么时候", an opening's "几点开门，几点关门": a stretch of
# time from its first to its last day
_WHEN = r"(?:哪天|哪一天|几号|几月|几点|什么时候|啥时候|何时)"
_SPAN_ASKED = re.compile(rf"{_WHEN}\S{{0,6}}?[到至]\S{{0,3}}?{_WHEN}|"
                         r"从\S{1,12}?[到至](?:什么时候|啥时候|哪天|几号|几月)|"
                         r"几点(?:开|上班|营业|开始|开市|开放)[^\s，,。？?]{0,2}[，,、？?]?\s*"
                         r"几点(?:关|下班|散|结束|打烊|闭|收|停)")
_DAY_OR_TIME = r"(?:\d{1,2}月)?\d{1,2}[日号]|\d{1,2}月(?:份)?|\d{1,2}[:：]\d{2}"
_SPAN_STATED = re.compile(rf"(?:{_DAY_OR_TIME})\s*(?:至|到|—|–|-|－|~|～)\s*(?:次年|翌年|\d{{4}}年)?(?:{_DAY_OR_TIME})")


def asks_for_a_span(question: str) -> bool:
    """"从哪天到哪天", "几号到几号": the first and the last day both, not the day something starts."""
    return bool(_SPAN_ASKED.search(question))


def states_a_span(text: str) -> bool:
    """"11月15日至次年3月15日", "每天8:00至20:00", "2月至6月": a stretch of time by its two ends."""
    return bool(_SPAN_STATED.search(text))


# A question about the report itself, not about what it reports: "那篇报道是几号发的", "这是哪家媒体报道的",
# "通知是哪个部门印发的" (but "消费券哪天发" asks when the vouchers are given out).
# Only small words stand between the report and the question word ("那篇报道是几号发的", not "新闻里说补贴几号发").
# …and what else the office imports, named as this one ("这封邮件", "邮件是哪天发的", not "录取邮件什么时候发"): an
# e-mail, a post, a video's captions, a shared document
_IMPORTED = "(?:邮件|微博|帖子|推文|视频|笔记|文档)"
_REPORT_NOUNS = "消息|报道|新闻|通知|公告|通告|文章|稿子|文件|简报|倡议书"
_REPORT = (rf"(?:{_REPORT_NOUNS}|[这那该][封条个篇段]?{_IMPORTED}|"
           rf"{_IMPORTED}(?=是)|这篇|那篇|这条|那条|这封|那封|这是|那是)"
           r"[是那这个篇条则份的]{0,3}")
_MADE_PUBLIC, _ISSUED = "发布|发出|下发|印发|刊发|刊登", "发(?![生放货到展现行])"  # not "发生", "发放", "发货"…
_PUBLISHING = rf"(?:{_MADE_PUBLIC}|登报|登出|登载|登的|{_ISSUED}|公布|推送|报道)"
_ASKED_WHEN = r"(?:哪天|哪一天|几号|几月几[日号]|什么时候|啥时候|何时)"
_REPORT_DAY_ASKED = re.compile(rf"{_REPORT}{_ASKED_WHEN}\S?{_PUBLISHING}")
_REPORTER_ASKED = re.compile(rf"(?:{_REPORT})?(?:哪家|哪个|什么|啥)(?:媒体|报纸|报社|网站|报)\S?{_PUBLISHING}|"
                             rf"{_REPORT}(?:哪家|哪个|什么)(?:部门|单位|机构)\S?{_PUBLISHING}")
# …or, the question's last words, how the report came out ("…那篇报道，报上是哪天登的", "这篇问答是几月几号出的",
# "那条留言是哪个部门回复的", "空中课堂那篇文章，来源写的是哪个部门"): right after the report's name (an item of the
# news by its kind, a document only after "这份"/"那篇"…: "政府工作报告" is news's subject), maybe where it came
# out ("…那篇，政府网站上"), the question word, a verb of coming out and "的" (a "是…的" of what has happened:
# "消费券哪天发" asks what is to come); not what it says ("那条新闻说的补贴是哪天发的", "那条短信是谁发的")
_NEWS_ITEMS = "专访|问答|解读|须知|指南|快讯|简讯|实录|通稿|推送|一图读懂|一文读懂|图解|留言"
_NAMED_REPORT = (rf"(?:(?:{_REPORT_NOUNS}|{_NEWS_ITEMS}|{_IMPORTED}|[这那][份篇张][^，。？！\s]{{0,8}}?"
                 r"(?:办法|(?<!体检)(?<!检测)(?<!化验)报告))"
                 r"(?:“[^”]{1,40}”)?|[这那]几?[篇条则]|报上)")
# where it came out, in words that say nothing of its content ("那条新闻里说的补贴民政局…" is about the 补贴)
_WHERE_IT_CAME_OUT = r"(?:(?:(?![说里中的提讲])[\u4e00-\u9fff]){0,6}?(?:网站|网|报|局|委|院|中心|政府|公众号)上?|报上)?"
_CAME_OUT = rf"(?:{_MADE_PUBLIC}|刊|登|{_ISSUED}|出|推|推送|挂|贴|公布|报|播|编|回复|答复)(?:出来|出|上)?的报?"
_ASKED_WHEN_PUBLISHED = rf"(?:(?:哪一?年|哪个?月|几月份?)+(?:哪[天日]|几[号日])?|{_ASKED_WHEN})"
_ASKED_WHO = (r"(?:谁家?|哪[几两]?个|哪家|什么|啥)"
              r"(?:部门|单位|机构|媒体|报纸|报社|网站|台|网友|法院|医院|账号|公众号|客户端|号)?(?:联合)?")
_ASKED_FROM = rf"{_NAMED_REPORT}[，,\s]*{_WHERE_IT_CAME_OUT}[，,\s]*是?(?:在|由|最早|最初|原本|具体|大概|去年|今年)?"
_ENDS = r"[吗呢啊呀]?[？?]?$"
_DAY_ASKED_LAST = rf"(?:{_ASKED_WHEN_PUBLISHED}(?:{_CAME_OUT}|见的报|的)|见报是?{_ASKED_WHEN}){_ENDS}"
_WHO_ASKED_LAST = (rf"(?:{_ASKED_WHO}{_CAME_OUT}|(?:哪家|哪个)(?:媒体|报纸|报社|网站|单位|部门)的"
                   rf"|的?(?:信息)?来源(?:写的)?是{_ASKED_WHO}){_ENDS}")
_REPORT_DAY_ASKED_LAST = re.compile(rf"{_ASKED_FROM}{_DAY_ASKED_LAST}")
_REPORTER_ASKED_LAST = re.compile(rf"{_ASKED_FROM}{_WHO_ASKED_LAST}")
_ASKED_LAST = re.compile(rf"{_DAY_ASKED_LAST}|{_WHO_ASKED_LAST}")
PUBLISHED, PUBLISHER = "published", "publisher"


def asks_about_the_report(question: str) -> str | None:
    """PUBLISHED for "那篇报道是哪天发的", PUBLISHER for "这是哪家媒体报道的": answered by the article's own date or
    publisher, not by a day or a name its text gives."""
    if _REPORT_DAY_ASKED.search(question) or _REPORT_DAY_ASKED_LAST.search(question):
        return PUBLISHED
    return PUBLISHER if _REPORTER_ASKED.search(question) or _REPORTER_ASKED_LAST.search(question) else None


def without_the_report_asked(question: str) -> str:
    """The question without its words about the report ("高密包车那篇报道是几号发的" → "高密包车那篇的"): what says
    which report it is."""
    question = _REPORTER_ASKED.sub("", _REPORT_DAY_ASKED.sub("", question))
    if _REPORT_DAY_ASKED_LAST.search(question) or _REPORTER_ASKED_LAST.search(question):
        return _ASKED_LAST.sub("", question)
    return question


_LATEST = re.compile(r"最近|最新|现在|目前|如今|到现在|截至目前|截至现在|累计|至今|眼下|下一")


def asks_for_the_latest(question: str) -> bool:
    """"现在一周几趟", "累计多少", "最近一趟": the newest article's figure is wanted."""
    return bool(_LATEST.search(question))


_NAMED_DAY = re.compile(rf"(\d{{1,2}}|{_SPOKEN_NUMBER})月份?(?:(\d{{1,2}}|{_SPOKEN_NUMBER})[日号])?")
_BARE_DAY = re.compile(r"(?<![月\d])(\d{1,2})[日号]")


# "2021年", or "21年" when it is no span of years ("保修15年以上", "3年内")
_NAMED_YEAR = re.compile(r"(?<!\d)(?:(20\d{2})年|(1[5-9]|2\d)年(?![以之]?[前后内上下]|多|左右|了|期|来))")
# "2023—2024雪季", "2021-2022年采暖季", "2023到2024年": a season or school year across two years names both
_YEAR_SPAN = re.compile(r"(?<!\d)(20\d{2})\s*(?:—|–|-|~|～|至|到)\s*(?:20)?(\d{2})(?!\d)")


def named_years(text: str) -> frozenset[int]:
    """"2021年的…", "21年那回", "2023—2024雪季": the years a question is about (its articles of other years less
    likely answer)."""
    named = {int(full) if full else 2000 + int(short) for full, short in _NAMED_YEAR.findall(text)}
    for first, second in _YEAR_SPAN.findall(text):
        if int(second) == (int(first) + 1) % 100:  # not a day ("2020-03-05")
            named |= {int(first), int(first) + 1}
    return frozenset(named)


def named_days(text: str) -> frozenset[tuple[int, int | None]]:
    """The days and months named ("2月20号", "三月份"): (month, day or None for the whole month)."""
    return frozenset((_number(month), _number(day) if day else None) for month, day in _NAMED_DAY.findall(text))


def _number(figure: str) -> int:
    return int(figure) if figure.isdigit() else chinese_number(figure)


def dates_to_other_days(text: str, named: frozenset[tuple[int, int | None]]) -> bool:
    """Whether the text dates what it says to other days or months than the question names and never to theirs:
    "4月7日，黄瓜每斤1.3元" does not answer "2月20号黄瓜多少钱" ("20日的行情…" may)."""
    stated, days = _days_in(text)
    if not named or not stated:
        return False
    months = {month for month, _ in stated}
    return not any((month, day) in stated or day in days if day is not None else month in months
                   for month, day in named)


def names_a_month_of(text: str, named: frozenset[tuple[int, int | None]]) -> bool:
    """Whether the text names a month of the named days ("5月起，…" for "5月中旬")."""
    return bool({month for month, _ in _days_in(text)[0]} & {month for month, _ in named})


@lru_cache(maxsize=8192)
def _days_in(text: str) -> tuple[frozenset[tuple[int, int | None]], frozenset[int]]:
    """The days and months a sentence names, and its days without a month ("20日"): read once per sentence, not
    once per clause ranked and question asked (3 ms a question on the seed page)."""
    return named_days(text), frozenset(map(int, _BARE_DAY.findall(text)))


# "第一例", "首批", "第3期", "第二阶段": which one of a series (首 is 第一)
_SERIES = "家|例|处|列|趟|期|户|辆|批|次|场|条|座|项|轮|届|阶段|站|名|件|台|所|支|班"
# 第 before any of them and 个/位 too ("第十个", "第3位"); 首 not before 个/位 ("元首个人", "放在首位")
_ORDINAL = re.compile(rf"第(\d{{1,2}}|{_SPOKEN_NUMBER})({_SERIES}|个|位)|(首)({_SERIES})")


def ordinals(text: str) -> frozenset[tuple[int, str]]:
    """The places in a series the text names: (number, measure word), 首 counted as 1."""
    return frozenset((_number(number), measure) if number else (1, first_measure)
                     for number, measure, _first, first_measure in _ORDINAL.findall(text))


def other_places_in(asked: frozenset[tuple[int, str]], stated: frozenset[tuple[int, str]]) -> bool:
    """Whether a text's places in a series (`ordinals`) are other ones of the series asked, never the one asked:
    "1月25日，确诊第二例" does not answer "第一例确诊是哪天"."""
    series = {measure for _, measure in asked}
    return not stated & asked and any(measure in series for _, measure in stated)


def asked_kinds(question: str) -> frozenset[str]:
    """The kinds of fact the question's words ask for (empty when it names none)."""
    question = _with_indefinite_ji(question)
    return frozenset(kind for kind, cue in _QUESTION_CUES.items() if cue.search(question))


_LAST_CLAUSE_WITH_MA = re.compile(r"[^，,。；;！!？?\s]*吗[\s？?！!。~～呀啊]*$")
_EMBEDDED_QUESTION = re.compile(r"知道|告诉|请问|清楚|问一下|问问")  # "你知道几点开门吗" asks the time
_INDEFINITE_JI = re.compile(r"几(?![点号时月])")  # "几点", "几号" ask even before a 吗


def _with_indefinite_ji(question: str) -> str:
    """几 in the clause a 吗 ends is "a few", not "how many" ("能请假回家住几天吗", "那几天有人查吗"): the clause
    asks yes or no, unless it asks whether one knows ("你知道几点开门吗")."""
    clause = _LAST_CLAUSE_WITH_MA.search(question)
    if not clause or _EMBEDDED_QUESTION.search(clause.group()):
        return question
    return question[:clause.start()] + _INDEFINITE_JI.sub("些", clause.group())


_FOCUS = re.compile(r"(?:什么|哪个|哪些|哪家|哪种|哪类|哪位|哪几[个家位种类]?|哪|啥)([\u4e00-\u9fff]{1,2})")
_SUBJECT = re.compile(r"((?:(?![的是])[\u4e00-\u9fff]){2,3})(?:在哪|设在|是哪|是谁|是什么)(?![天年月日时候])")
_NOT_FOCUS = frozenset("些个是有的了呢啊吗么样")
_WHEN_OR_WHERE = frozenset("里儿天年月日时候")


def focus_words(question: str) -> list[str]:
    """The noun a question word asks about ("什么平台" → 平台, "哪些领域" → 领域) and the one it asks about
    ("主会场在哪" → 主会场): the answer usually names them."""
    words = [match.group(1) for match in _SUBJECT.finditer(question)]
    for match in _FOCUS.finditer(question):
        word = match.group(1)
        if word[0] in _WHEN_OR_WHERE:  # 哪天开始, 哪几天, 哪里办: a date or a place is asked for, not a thing
            continue
        while word and word[0] in _NOT_FOCUS:
            word = word[1:]
        if word and word[-1] in _NOT_FOCUS:
            word = word[:-1]
        if word:
            words.append(word)
    return words


_ASKING = re.compile(r"什么|啥|哪|几|多少|谁|怎|如何|咋|吗|呢|么|有没有|是不是|能不能")


def asking_nouns(question: str) -> list[str]:
    """The content words inside a question's question words ("怎么个模式" → 模式, "谁牵的头"/"哪家牵头" → 牵头,
    "地址在哪" → 地址): a passage that repeats them usually states what is asked."""
    spans = [match.group(0) for cue in _QUESTION_CUES.values() for match in cue.finditer(question)]
    parts = (part.lstrip("个些家种类位") for span in spans for part in _ASKING.split(span))
    return list(dict.fromkeys(part for part in parts if len(part) >= 2))


def without_question_words(question: str) -> str:
    """The question with its question words ("几列", "每个月", "什么时候", "能不能") blanked out: what is left is
    what the question is about."""
    blank = [False] * len(question)
    for form in _A_NOT_A.finditer(question):
        blank[form.start():form.end()] = [True] * (form.end() - form.start())
    for cue in _QUESTION_CUES.values():
        for start in range(len(question)):  # overlapping: "在哪" must not hide "哪个区"
            match = cue.match(question, start)
            if match:
                blank[start:match.end()] = [True] * (match.end() - start)
    return "".join(" " if hidden else char for char, hidden in zip(question, blank, strict=True))


_PERIODS = {"天": "day", "日": "day", "周": "week", "星期": "week", "礼拜": "week", "月": "month", "年": "year"}
_PERIOD = re.compile(r"(?:[一每1全]|多久一)个?(天|日|周|星期|礼拜|月|年)|(?<![0-9])([年月日])[产均]")


def periods(text: str) -> frozenset[str]:
    """The periods a rate is given per ("每天", "一周", "年产" → day, week, year)."""
    return frozenset(_PERIODS[a or b] for a, b in _PERIOD.findall(text))


# When the reporter heard the news ("新华社济南3月14日电", "记者14日从…获悉") and the day a tally was made on
# ("截至2月24日，共开行…"): dates of the report, not facts.
_REPORTING_DATE = re.compile(r"\d{1,2}月\d{1,2}日电|记者(?:\d{1,2}月)?\d{1,2}日|"
                             r"截[至止]到?(?:\d{4}年)?(?:\d{1,2}月)?\d{1,2}日[^，,]{0,6}[，,]")


def stated_kinds(text: str) -> frozenset[str]:
    """The kinds of fact a passage states."""
    facts = _REPORTING_DATE.sub("", text)
    return frozenset(kind for kind, pattern in _FACT_PATTERNS.items() if pattern.search(facts))


_ROUTE_WORD = re.compile(rf"{_LINE}|{_ROUTE_VERB}|方向")


def says_how_a_route_goes(word: str) -> bool:
    """"包车", "开往": part of how a route is said, not a name; the question saying it does not keep a passage from
    stating a route."""
    return bool(_ROUTE_WORD.fullmatch(word))


def stated_names(text: str) -> frozenset[str]:
    """The kinds of NAMES the text states."""
    return frozenset(kind for kind in NAMES if _FACT_PATTERNS[kind].search(text))


def phone_numbers(text: str) -> list[str]:
    return _PHONE_FACT.findall(text)
