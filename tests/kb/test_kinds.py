"""What a question asks for and what a sentence states, on wording written for these tests."""
import pytest

from kb import kinds


@pytest.mark.parametrize("question, expected", [
    ("图书馆几号开门", {kinds.DATE, kinds.DAY}),
    ("坐几号线能到", set()),
    ("热线电话是几号", {kinds.PHONE}),
    ("口罩厂一天能做多少只", {kinds.COUNT, kinds.FREQUENCY}),
    ("退税要多久才能到账", {kinds.DURATION}),
    ("核酸检测点在哪里", {kinds.PLACE}),
    ("是哪家公司负责运营的", {kinds.ORGANISATION}),
    ("办通行证打什么电话", {kinds.PHONE}),
    ("为什么公园还不开", {kinds.WHY}),
    ("补贴怎么申请", {kinds.HOW}),
    ("介绍一下减租政策", {kinds.OVERVIEW}),
    ("公交恢复了", set()),
    ("图书馆几点开门", {kinds.CLOCK, kinds.DATE}),
    ("消费券能用到哪天", {kinds.DATE, kinds.DAY}),  # until a day, not a route
    ("这趟班列开到哪", {kinds.ROUTE, kinds.PLACE}),
    ("1个月发几趟", {kinds.COUNT, kinds.FREQUENCY}),
    ("按21年3月的规定给多少", {kinds.COUNT}),  # a year and a month, not a rate
    ("11月1日起还开吗", set()),
    ("开学以后头一周干啥", set()),  # a stretch of time, not a rate
    ("要提前一天报到吗", set()),
    ("哪几天能去乡下住", {kinds.LIST, kinds.DAY, kinds.DATE}),  # which days, not how long
    ("周末能去乡下住几天吗", set()),  # 几 before a 吗 in its clause: "a few", the clause asks yes or no
    ("那几天图书馆有人值班吗", set()),
    ("图书馆几点开门，周末开吗", {kinds.CLOCK, kinds.DATE}),  # another clause's 几 still asks
    ("你知道图书馆几点开门吗", {kinds.CLOCK, kinds.DATE}),  # …and so does one asking whether one knows
    ("补贴几号发呀，月底前能到吗", {kinds.DATE, kinds.DAY}),
    ("多长时间发一次", {kinds.DURATION, kinds.FREQUENCY}),
    ("一年要认证几回", {kinds.COUNT, kinds.FREQUENCY}),
    ("几个工作日能办好", {kinds.COUNT, kinds.DURATION}),
    ("上哪去申请", {kinds.PLACE}),
    ("这是咋回事", {kinds.HOW, kinds.OVERVIEW}),
    ("停了暖气还得交钱吗", {kinds.MONEY}),  # paying asked in words: a sum of money or none
    ("孩子打疫苗家长要掏钱不", {kinds.MONEY}),
])
def test_asked_kinds(question, expected):
    assert kinds.asked_kinds(question) == expected


@pytest.mark.parametrize("sentence, kind", [
    ("自3月2日起恢复营业。", kinds.DATE),
    ("累计发放消费券1.5万张，惠及商户320家。", kinds.COUNT),
    ("咨询电话：0536-7654321。", kinds.PHONE),
    ("审批时间压缩到3个工作日以内。", kinds.DURATION),
    ("班车每周二、周五各发一趟。", kinds.FREQUENCY),
    ("由寿光市蔬菜物流园统一配送。", kinds.PLACE),
    ("每天在“某县教育”小程序上打卡。", kinds.PLACE),
    ("由市商务局牵头组织。", kinds.ORGANISATION),
    ("企业通过“爱山东”小程序在线提交申请即可。", kinds.HOW),
    ("工作日8:30至17:30有人值守。", kinds.CLOCK),
    ("班车每天早上7点发车。", kinds.CLOCK),
    ("出租单位5个工作日内审核完毕。", kinds.DURATION),
    ("申请人须在5日内补齐材料。", kinds.DURATION),
    ("窗口受理后半个月内办结。", kinds.DURATION),
    ("补贴按季度发放，每季度末到账。", kinds.FREQUENCY),
    ("津贴按月发放。", kinds.FREQUENCY),
    ("老人一年两次免费体检。", kinds.FREQUENCY),
    ("就是十一月八号开始登记", kinds.DAY),  # dictated: a day in words
    ("三月二十五日起恢复供应。", kinds.DATE),
    ("下月起增开临沂方向的务工专线3趟。", kinds.ROUTE),  # a line between places, named by its far end
    ("青岛至大连的客运航线下周复航。", kinds.ROUTE),
    ("参展商户的摊位费全免。", kinds.MONEY),  # a fee named by its 费, with no amount
    ("检测费用由县财政负担，个人不承担。", kinds.MONEY),
    ("受连续降雪影响，部分乡镇的蔬菜一度运不出来。", kinds.WHY),  # the cause a why-question asks for
    ("为方便外地职工返岗，县里开通了免费专车。", kinds.WHY),  # the purpose
])
def test_stated_kinds(sentence, kind):
    assert kind in kinds.stated_kinds(sentence)


@pytest.mark.parametrize("sentence", ["正常营业不受影响。", "对受影响的企业给予补贴。",
                                      "暂停受理业务期间不影响网上办理。", "新系统更为方便快捷。",
                                      "该平台成为推动消费的重要力量。", "作为支持企业的举措之一。"])
def test_no_cause_or_purpose_in_unaffected_or_words_holding_wei(sentence):
    assert kinds.WHY not in kinds.stated_kinds(sentence)


@pytest.mark.parametrize("sentence", ["全市实行一次性口罩预约购买。", "本县各学校一律错峰放学。",
                                      "全省统一部署，各地抓紧落实。"])
def test_the_whole_city_is_no_place_and_disposable_is_no_count(sentence):
    said = kinds.stated_kinds(sentence)  # where? how many? neither is said
    assert kinds.PLACE not in said and kinds.COUNT not in said


@pytest.mark.parametrize("sentence", ["市民每次可在奎文区的定点药店买一次，每次5只。", "奎文区东关街道设了接种点。"])
def test_a_named_place_is_a_place(sentence):
    assert kinds.PLACE in kinds.stated_kinds(sentence)


@pytest.mark.parametrize("sentence", ["场地租金全免。", "门票半价，讲解费减免。", "药费超出部分由个人自付。"])
def test_waived_and_self_paid_fees_are_money(sentence):
    assert kinds.MONEY in kinds.stated_kinds(sentence)


@pytest.mark.parametrize("sentence", ["发放消费券，别浪费粮食，这活儿挺费力。", "这话让人费解，力气都白费了。",
                                      "费县人民医院恢复门诊。", "完成全免疫程序的儿童可以入园。"])
def test_spending_and_wasting_are_no_fee(sentence):
    assert kinds.MONEY not in kinds.stated_kinds(sentence)


@pytest.mark.parametrize("question, span", [
    ("游泳馆夏季开放是从哪天到哪天", True), ("报名几号到几号", True), ("图书馆几点到几点开门", True),
    ("消费券从啥时候发到什么时候", True), ("游泳馆从哪天开始开放", False), ("几号截止", False),
    ("早市几点开市，几点散", True), ("药店几点开门？几点关门", True), ("哪天报名哪天考试", False),
    ("旅游团几点集合，几点发车", False),
])
def test_a_question_for_both_ends_of_a_stretch_of_time(question, span):
    assert kinds.asks_for_a_span(question) is span


@pytest.mark.parametrize("sentence, span", [
    ("开放时间为6月15日至8月31日。", True), ("每天8:00至20:30开放。", True), ("减免期为2月至6月。", True),
    ("供暖期为11月15日至次年3月15日。", True), ("自6月15日起开放。", False), ("报名截止到8月31日。", False),
])
def test_a_sentence_stating_both_ends_of_a_stretch_of_time(sentence, span):
    assert kinds.states_a_span(sentence) is span


def test_days_and_aims_are_no_route():
    assert kinds.ROUTE not in kinds.stated_kinds("周一至周五的班车照常运行，明确了发展方向。截至目前的线路不变。")
    for text in ("做到应开尽开班车", "受到企业欢迎的专线", "送到家门口的专线服务", "至此全部航班恢复",
                 "二月至三月的班车", "运行至春节前的包车", "延长至十点的班车", "坚持正确发展方向的线路"):
        assert kinds.ROUTE not in kinds.stated_kinds(text), text


def test_grouping_by_age_is_no_rate_and_a_rates_verb_stays_what_the_question_is_about():
    assert kinds.FREQUENCY not in kinds.stated_kinds("按年龄分组。")
    assert "送" in kinds.without_question_words("多久送一次菜")


def test_a_sentence_without_numbers_states_no_count_or_date():
    assert not {kinds.COUNT, kinds.DATE, kinds.PHONE} & kinds.stated_kinds("大家齐心协力，共渡难关。")


@pytest.mark.parametrize("question, focus", [("依托的是什么平台", ["平台"]), ("涉及哪些领域", ["领域"]),
                                             ("在哪里", []), ("是哪家医院", ["医院"]),
                                             ("夏令营哪几天开营", []), ("哪几家超市", ["超市"])])
def test_focus_words(question, focus):
    assert kinds.focus_words(question) == focus


def test_question_words_are_blanked_even_when_cues_overlap():
    left = kinds.without_question_words("中国农创港在哪个区")
    assert "中国农创港" in left and "区" not in left


@pytest.mark.parametrize("question, latest", [("现在一周发几趟", True), ("累计招了多少人", True),
                                              ("最近一趟是哪天", True), ("2月一共发了几趟", False)])
def test_questions_for_the_latest_figure(question, latest):
    assert kinds.asks_for_the_latest(question) is latest


def test_a_day_is_not_a_clock_time():
    assert kinds.CLOCK not in kinds.stated_kinds("3月14日起恢复营业，截至目前已接待2.3万人次。")


@pytest.mark.parametrize("question, nouns", [
    ("网上菜园是怎么个模式", ["模式"]),
    ("是哪个部门牵头的", ["部门", "牵头"]),
    ("办证要准备什么材料", ["材料"]),
    ("几点有人接", []),
])
def test_asking_nouns_are_the_content_words_of_the_question_words(question, nouns):
    assert sorted(kinds.asking_nouns(question)) == sorted(nouns)


@pytest.mark.parametrize("question, measures", [("减租能让多少户受益", {"户", "家"}),
                                                ("一共确诊了几个人", {"人", "名", "位"}),
                                                ("口罩几毛钱一只", {"毛"}), ("开工了几个项目", {"个"}),
                                                ("哪天开工", set()), ("有多少求职者参加", {"人", "名", "位"}),
                                                ("几个工作日能办好", {"个"}),
                                                ("多大的孩子能报名", {"岁", "周岁"}), ("有年龄限制吗", {"岁", "周岁"}),
                                                ("场地面积多大", set()),
                                                ("义卖那天一共筹到多少善款", {"元"}), ("物业费一年交多少", {"元"}),
                                                ("消费券发了多少", set()), ("多少消费者领到了", {"人", "名", "位"})])
def test_the_measure_word_a_count_is_asked_in(question, measures):
    assert kinds.asked_measures(question) == measures


def test_a_number_in_the_measure_word_asked_for():
    assert kinds.states_measure("预计惠及商户640户。", frozenset({"户"}))
    assert not kinds.states_measure("承租户按减免租金额的30%获得补助。", frozenset({"户"}))
    assert not kinds.states_measure("上周日均接诊900人次。", frozenset({"人"}))  # visits, not people
    assert kinds.states_measure("每位患者限1名陪诊人员。", kinds.asked_measures("能带几个人陪着"))
    assert kinds.states_measure("年满7周岁、不满14周岁的儿童均可报名。", kinds.asked_measures("孩子几岁能报"))
    assert kinds.states_measure("合作社今年卖出桃子十一万斤。", frozenset({"斤"}))


def test_one_of_a_measure_prices_it_and_counts_nothing():
    assert not kinds.states_measure("在地头一斤只能卖到2元。", frozenset({"斤"}))
    assert kinds.states_measure("全年共销售二十一斤。", frozenset({"斤"}))


def test_a_number_of_the_thing_counted():
    assert kinds.after_count("有多少初三学生参加") == ["初三学生"]
    assert kinds.states_measure("全县3200多名初三学生参加考试。", frozenset(), frozenset({"初三"}))
    assert not kinds.states_measure("初三学生考前14天每天测体温。", frozenset(), frozenset({"初三"}))


def test_a_number_with_a_units_symbol_is_a_quantity():
    assert kinds.COUNT in kinds.stated_kinds("入园游客体温须低于37.3℃。")
    assert kinds.COUNT in kinds.stated_kinds("绿道全长12km。")


def test_the_day_a_reporter_heard_the_news_is_no_date_fact():
    stated = kinds.stated_kinds("本报寿光5月6日电（记者 某某）记者6日从某县医院获悉，")
    assert not {kinds.DATE, kinds.DAY} & stated
    assert kinds.DAY in kinds.stated_kinds("某县医院5月8日起恢复夜间门诊。")


def test_a_day_is_a_date_of_the_calendar():
    assert kinds.DAY in kinds.asked_kinds("哪天开始")
    assert kinds.DAY not in kinds.stated_kinds("节后企业陆续复工。")
    assert kinds.DATE in kinds.stated_kinds("节后企业陆续复工。")


@pytest.mark.parametrize("question, start", [("从啥时候开始能堂食", True), ("哪天起恢复", True),
                                             ("第一批是哪天到的", False)])
def test_a_question_for_the_day_something_began(question, start):
    assert kinds.asks_for_a_start(question) is start


def test_a_sentence_stating_a_start():
    assert kinds.states_a_start("6月1日起，某区夜市恢复营业。")
    assert kinds.states_a_start("自下周一起实行预约参观。")
    assert not kinds.states_a_start("截至6月5日，已有120家摊位恢复营业。")


def test_a_date_asked_with_shi_na_tian_is_no_subject_focus():
    assert kinds.focus_words("首例确诊是哪天") == []
    assert kinds.focus_words("主会场在哪") == ["主会场"]


@pytest.mark.parametrize("question, future", [("下一场招聘会啥时候", True), ("今年计划投资多少", True),
                                              ("招聘会是哪天开的", False)])
def test_a_question_about_what_comes_next(question, future):
    assert kinds.asks_for_the_future(question) is future


def test_a_sentence_stating_a_plan():
    assert kinds.states_the_future("第四期定于3月24日举行。")
    assert not kinds.states_the_future("3月10日，第三期招聘会开场。")


@pytest.mark.parametrize("question, units", [("网课一节多长时间", {"节"}), ("口罩几毛钱一只", {"只"}),
                                             ("一个人补多少钱", {"人"}), ("一共多少", set()), ("一天几趟", set())])
def test_a_fact_asked_per_unit(question, units):
    assert kinds.asked_per_unit(question) == units


def test_a_fact_given_per_unit():
    assert kinds.states_per_unit("小学每节20分钟。", frozenset({"节"}))
    assert not kinds.states_per_unit("小学共上4节课。", frozenset({"节"}))


def test_the_day_a_tally_was_made_on_is_no_date_fact():
    assert kinds.DAY not in kinds.stated_kinds("截至2月24日，全县共开行返岗包车9趟。")
    assert kinds.DAY not in kinds.stated_kinds("截至3月5日17时，已为27户企业办理延期缴税。")
    assert kinds.DAY in kinds.stated_kinds("申报截至3月31日。")  # a deadline, not a tally


@pytest.mark.parametrize("question, units", [("几天能批下来", {"天"}), ("要等几个工作日", {"天"}),
                                             ("缓缴几个月", {"月"}), ("几月几日开学", set()), ("坐车几小时", {"小时"})])
def test_the_unit_a_duration_is_asked_in(question, units):
    assert kinds.asked_time_units(question) == units


def test_a_duration_in_the_unit_asked():
    assert kinds.states_time_unit("3个工作日内审核完毕", frozenset({"天"}))
    assert kinds.states_time_unit("用时两天", frozenset({"天"}))
    assert not kinds.states_time_unit("缓缴期最长6个月", frozenset({"天"}))


@pytest.mark.parametrize("question, subject", [
    ("要自己去申请吗", "要自己去申请"), ("省际班线恢复了没有", "省际班线恢复"),
    ("几点开门", ""), ("还扩产不", "还扩产"),
    ("坐包车要自己掏车费吗", "包车要自己掏车费"),  # eight characters at most
    ("网上报名是不是得先交押金", "得先交押金"), ("是否需要预约", "需要预约"), ("有没有停车场", "停车场"),
    ("能不能带孩子进去呢", "带孩子进去"),
])
def test_what_a_yes_no_question_turns_on(question, subject):
    assert kinds.yes_no_subject(question) == subject


@pytest.mark.parametrize("question, days", [
    ("2月20号某物流园黄瓜多少钱一斤", {(2, 20)}), ("三月份港口吞吐量多少", {(3, None)}),
    ("十二月几号放假", {(12, None)}), ("一个月能发几趟", set()),
    ("十一月八号那天开门吗", {(11, 8)}), ("是三月二十号还是三十一号", {(3, 20)}),
])
def test_the_days_a_question_names(question, days):
    assert kinds.named_days(question) == days


@pytest.mark.parametrize("text, other", [
    ("4月7日，黄瓜批发价每斤1.3元，比2月下旬下降四成。", True),   # other days only
    ("20日的行情显示：黄瓜每斤2.1元。", False),                    # the day named, its month understood
    ("2月20日，黄瓜每斤2.1元，4月7日降到1.3元。", False),          # the day named among others
    ("黄瓜每斤2.1元。", False),                                  # no day at all
])
def test_a_text_dated_to_other_days_than_the_question_names(text, other):
    assert kinds.dates_to_other_days(text, frozenset({(2, 20)})) is other


@pytest.mark.parametrize("text, series", [
    ("某县第一例确诊是哪天", {(1, "例")}), ("首批返岗职工有多少人", {(1, "批")}), ("第3期什么时候开抢", {(3, "期")}),
    ("进入第二阶段以后还能申请吗", {(2, "阶段")}), ("首都机场", set()), ("第一时间报告", set()),
    ("第十个年头", {(10, "个")}), ("把安全放在首位", set()), ("元首个人", set()),
])
def test_the_places_in_a_series_a_text_names(text, series):
    assert kinds.ordinals(text) == series


@pytest.mark.parametrize("text, other", [
    ("2月3日，确诊第二例；2月6日，确诊第三例。", True),   # other places in the series only
    ("1月30日，某县确诊首例输入性病例。", False),          # 首例 is the first
    ("第一例和第二例均已治愈出院。", False),                # the one asked among others
    ("全县共设12处发热门诊，第二批3处2月起启用。", False),  # another series (批, not 例)
])
def test_a_text_naming_other_places_in_the_series_asked(text, other):
    assert kinds.other_places_in(frozenset({(1, "例")}), kinds.ordinals(text)) is other


@pytest.mark.parametrize("question, years", [
    ("2021年那次试鸣是哪天", {2021}), ("21年那回学费多少", {2021}), ("2022年和2023年的标准一样吗", {2022, 2023}),
    ("保修12年以上吗", set()), ("80年代的老楼能改造吗", set()), ("3年内能办完吗", set()), ("今年的报名时间", set()),
    ("2022年上半年几号报名", {2022}), ("2023—2024雪季几号开板", {2023, 2024}),
    ("2021-2022年采暖季的补贴", {2021, 2022}), ("2020-03-05那天的通知", set()),
])
def test_the_years_a_question_names(question, years):
    assert kinds.named_years(question) == years


@pytest.mark.parametrize("question, about", [
    ("县里开通助农直播间那篇报道是几号发的", kinds.PUBLISHED), ("这条消息是哪天登的报", kinds.PUBLISHED),
    ("免费体检的通知是什么时候印发的", kinds.PUBLISHED), ("这是哪家报纸报道的", kinds.PUBLISHER),
    ("这个通知是哪个部门下发的", kinds.PUBLISHER),
    ("消费券哪天发", None), ("补贴什么时候发到卡上", None), ("通知说几号开始报名", None), ("哪个部门发的补贴", None),
    ("新闻里说消费券几号发放", None), ("这是什么时候发生的", None), ("在什么网站登记", None),
    ("去哪个网站登录申报", None),
    ("这封邮件是哪天发的", kinds.PUBLISHED), ("讲夜市开张的那条微博是几号发的", kinds.PUBLISHED),  # imported kinds
    ("这个视频是什么时候发布的", kinds.PUBLISHED), ("这个什么时候发", None),  # "this" alone names no report
    ("录取邮件什么时候发", None), ("比赛视频哪天发布", None),  # not this one: what its text is about
    ("邮件是哪天发的", kinds.PUBLISHED),
    # asked at the end, right after the report's name (maybe where it came out)
    ("城区供热须知那篇，报上是什么时候登的", kinds.PUBLISHED), ("这篇问答是几月几号出的", kinds.PUBLISHED),
    ("网吧恢复营业的新闻哪天见的报", kinds.PUBLISHED), ("那条留言是哪个部门回复的", kinds.PUBLISHER),
    ("空中课堂那篇文章，来源写的是哪个部门", kinds.PUBLISHER), ("那几条快讯是哪家报纸登的", kinds.PUBLISHER),
    ("消费券是哪天发的", None), ("这个通知里补贴是谁发的", None), ("新闻上说的补贴是哪个部门发的", None),
    ("那条路是什么时候修出来的", None), ("工资是哪天发的", None),
    # what the report says, or a thing of the same measure word, is no report
    ("那条新闻说的补贴是哪个部门发的", None), ("那篇报道里说的工资是哪天发的", None), ("那条短信是谁发的", None),
    ("那条横幅是谁挂的", None), ("今年的政府工作报告是什么时候发布的", None), ("那篇报道里的奖是哪个单位颁发的", None),
    ("那条路是什么时候的", None), ("新闻联播是什么时候播的", None),
    ("那条新闻说的补贴民政局是哪天发的", None), ("这份体检报告是哪天出的", None),
    ("那篇报道是在哪天发的", kinds.PUBLISHED), ("那份报告是哪年发布的", kinds.PUBLISHED),
    ("那篇文章的来源是哪个部门", kinds.PUBLISHER),
])
def test_a_question_about_the_report_itself(question, about):
    assert kinds.asks_about_the_report(question) == about


@pytest.mark.parametrize("question, which", [
    ("高密包车那篇报道是几号发的", "高密包车那篇的"),
    ("城区供热须知那篇，报上是什么时候登的", "城区供热须知那篇，报上是"),
    ("空中课堂那篇文章，来源写的是哪个部门", "空中课堂那篇文章，"),
])
def test_what_says_which_report_is_asked_about(question, which):
    assert kinds.without_the_report_asked(question) == which


def test_a_day_of_the_week_is_a_day():
    assert kinds.DAY in kinds.asked_kinds("一个礼拜里哪几天能去")
    assert kinds.DAY in kinds.asked_kinds("图书馆周几闭馆")
    assert kinds.DAY in kinds.stated_kinds("开放时间为每周三、周五下午。")
    assert kinds.DAY in kinds.stated_kinds("星期日照常营业。")
    assert kinds.DAY not in kinds.stated_kinds("每人一周三次，每次半小时。")  # a rate, not a weekday


@pytest.mark.parametrize("question, that_time", [
    ("3月份刚开始那会儿，全市设了多少个接种点", True),
    ("照1月份的规定，返乡前做核酸谁掏钱", True),
    ("5月中旬开业的时候一节课几个人", True),
    ("5月份什么时候开始接种", False),  # asks for a time, not about one
    ("啥时候能领5月的补贴", False),
])
def test_a_question_about_the_state_at_a_time_it_names(question, that_time):
    assert kinds.asks_about_that_time(question) is that_time
