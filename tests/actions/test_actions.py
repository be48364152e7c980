"""The actions against the real KB, with trackers as Rasa sends them; assert the exact replies and events."""
import asyncio

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.actions import (
    CAPABILITIES_INTRO,
    NO_HUMAN,
    OUT_OF_SCOPE_INTRO,
    ActionAnswer,
    ActionCapabilities,
    ActionHumanHandoff,
    ActionOtherLanguage,
)
from kb import Answer, KnowledgeBase, current_kb, unanswered
from kb.answers import NOT_FOUND_TEXT

HOTLINE_TITLE = "潍坊市委经济运行 应急指挥部 多部热线电话开通"
TRAIN_TITLE = "“齐鲁号”欧亚班列 恢复常态化运行"


@pytest.fixture(autouse=True)
def test_kb(kb_url, monkeypatch):
    monkeypatch.setenv("KB_DATABASE_URL", kb_url)


def article_id(title: str) -> int:
    return next(a.id for a in current_kb().articles.values() if a.title == title)


def article_key(title: str) -> str:
    """What the `article` slot holds: the article's key, not its id."""
    return current_kb().article_key(article_id(title))


def unanswered_questions(url: str) -> list:
    assert unanswered.unanswered_log().flush()
    return unanswered.read_unanswered(url)


def tracker(text, intent, slots=None, earlier=()):
    events = [{"event": "user", "text": t} for t in earlier] + \
        [{"event": "user", "text": text, "input_channel": "widget"}]
    return Tracker(
        sender_id="test", slots={"article": None, "department": None, "passage": None, **(slots or {})},
        latest_message={"text": text, "intent": {"name": intent, "confidence": 0.9}, "entities": []},
        events=events, paused=False, followup_action=None, active_loop={}, latest_action_name="action_listen")


def run(action, tracker_):
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, tracker_, {}))
    return dispatcher.messages, events


def test_a_department_in_everyday_words_gets_its_hotline():
    messages, events = run(ActionAnswer(), tracker("贷款难找谁", "ask_question"))
    assert len(messages) == 1
    assert messages[0]["text"].startswith("金融运行热线：0536-8090465、19953687355")
    assert messages[0]["text"].endswith(f"来源：《{HOTLINE_TITLE}》（2020年2月22日）")
    assert events == [SlotSet("article", article_key(HOTLINE_TITLE)), SlotSet("department", "金融运行"),
                      SlotSet("passage", None)]


def test_hotlines_without_a_department_lists_them_all():
    messages, events = run(ActionAnswer(), tracker("热线电话有哪些", "ask_question"))
    assert all(n in messages[0]["text"] for n in ("0536-8090761", "0536-8875210", "19953687355"))
    assert events == [SlotSet("article", article_key(HOTLINE_TITLE)), SlotSet("department", None),
                      SlotSet("passage", None)]


def test_follow_up_naming_a_department_after_hotlines():
    t = tracker("金融的呢？", "ask_followup", {"article": article_key(HOTLINE_TITLE), "department": "工业运行"},
                earlier=["工业运行的电话"])
    messages, _ = run(ActionAnswer(), t)
    assert messages[0]["text"].startswith("金融运行热线：0536-8090465")


def test_follow_up_asks_about_the_conversations_article():
    t = tracker("一个月发几趟？", "ask_followup", {"article": article_key(TRAIN_TITLE)}, earlier=["齐鲁号恢复运行了吗"])
    messages, events = run(ActionAnswer(), t)
    assert "每月15至20列" in messages[0]["text"]
    assert events[:2] == [SlotSet("article", article_key(TRAIN_TITLE)), SlotSet("department", None)]
    assert events[2]["name"] == "passage" and events[2]["value"].isdigit()  # where in the article it led from


def test_a_follow_up_is_asked_next_to_the_previous_answer(monkeypatch):
    asked = {}
    train = article_id(TRAIN_TITLE)
    monkeypatch.setattr(KnowledgeBase, "ask", lambda self, question, **context: asked.update(context) or
                        Answer("答。", article_id=train, passage=4))
    t = tracker("一个月发几趟？", "ask_followup", {"article": article_key(TRAIN_TITLE), "passage": "3"},
                earlier=["齐鲁号恢复运行了吗"])
    _, events = run(ActionAnswer(), t)
    assert (asked["context_article"], asked["context_passage"]) == (train, 3)
    assert SlotSet("passage", "4") in events


@pytest.mark.parametrize("remembered", ["0123456789abcdef", "7"])  # an article since removed; an id kept before keys
def test_a_remembered_article_this_build_does_not_hold_is_no_context(monkeypatch, remembered):
    asked = {}
    monkeypatch.setattr(KnowledgeBase, "ask", lambda self, question, **context: asked.update(context) or
                        Answer("答。"))
    run(ActionAnswer(), tracker("一个月发几趟？", "ask_followup", {"article": remembered, "passage": "3"}))
    assert (asked["context_article"], asked["context_passage"]) == (None, None)


def test_a_question_classified_out_of_scope_is_still_answered_when_an_article_holds_it():
    messages, _ = run(ActionAnswer(), tracker("齐鲁号班列从哪里发车", "out_of_scope"))
    assert "青州港天物流园" in messages[0]["text"] and TRAIN_TITLE in messages[0]["text"]
    assert messages[0]["metadata"]["outcome"] == "fallback"
    assert messages[0]["metadata"]["answer"]["article"] == TRAIN_TITLE  # what a 👍/👎 on it is about


def test_out_of_scope_and_not_found_say_so_and_offer_the_newest_articles():
    messages, events = run(ActionAnswer(), tracker("今天天气怎么样", "out_of_scope"))
    assert messages[0]["text"] == f"{OUT_OF_SCOPE_INTRO}\n{CAPABILITIES_INTRO}"
    assert messages[0]["metadata"] == {"outcome": "out_of_scope"}  # counted as such in /metrics
    assert [b["title"] for b in messages[0]["buttons"]] == current_kb().latest_titles()
    assert events == []
    messages, _ = run(ActionAnswer(), tracker("个人所得税怎么交", "ask_question"))
    assert messages[0]["text"] == f"{NOT_FOUND_TEXT}\n{CAPABILITIES_INTRO}"


def test_what_could_not_be_answered_is_kept_with_reason_channel_and_reply(kb_url):
    run(ActionAnswer(), tracker("潍坊的公园开门了吗", "ask_question"))
    run(ActionAnswer(), tracker("明天会下雨吗", "out_of_scope"))
    run(ActionOtherLanguage(), tracker("Where is the park?", "other_language"))
    run(ActionAnswer(), tracker("齐鲁号一个月发几列", "ask_question"))  # answered: not kept
    kept = {a.question: a for a in unanswered_questions(kb_url)}
    assert {"潍坊的公园开门了吗", "明天会下雨吗", "Where is the park?"} <= set(kept)
    assert "齐鲁号一个月发几列" not in kept
    assert kept["潍坊的公园开门了吗"].reason == unanswered.NOT_FOUND
    assert kept["明天会下雨吗"].reason == unanswered.OUT_OF_SCOPE
    assert kept["Where is the park?"].reason == unanswered.OTHER_LANGUAGE
    assert kept["潍坊的公园开门了吗"].channel == "widget"


def test_other_language_gets_the_bilingual_response():
    messages, events = run(ActionOtherLanguage(), tracker("hello", "other_language"))
    assert messages[0]["response"] == "utter_other_language" and events == []


def test_capability_buttons_ask_about_an_article():
    messages, _ = run(ActionCapabilities(), tracker("你能做什么", "ask_capabilities"))
    buttons = messages[0]["buttons"]
    assert messages[0]["text"] == CAPABILITIES_INTRO and len(buttons) == 6
    assert all(b["payload"] == b["title"] for b in buttons)
    assert buttons[0]["title"] == "网上“菜篮子超市” 满足需求稳定物价"  # 2月25日, the newest article


def test_handoff_gives_the_department_talked_about():
    messages, events = run(ActionHumanHandoff(), tracker("我要人工", "request_human", {"department": "交通运输保障"}))
    assert messages[0]["text"].startswith(NO_HUMAN) and "0536-8097077" in messages[0]["text"]
    assert SlotSet("department", "交通运输保障") in events


def test_handoff_after_a_question_in_everyday_words_gives_that_departments_hotline():
    earlier = ["厂里的货车被拦在高速口了"]
    messages, _ = run(ActionHumanHandoff(), tracker("能找个真人聊聊吗", "request_human", earlier=earlier))
    assert "交通运输保障热线：0536-8097077" in messages[0]["text"], messages[0]["text"]


def test_handoff_without_a_department_gives_the_general_hotline():
    messages, _ = run(ActionHumanHandoff(), tracker("转人工", "request_human"))
    assert "综合协调热线：0536-8090761" in messages[0]["text"]


@pytest.mark.parametrize("text", ["/ask_capabilities", "", "😀" * 3000])
def test_payloads_and_odd_text_never_crash(text):
    messages, _ = run(ActionAnswer(), tracker(text, "ask_question"))
    assert len(messages) == 1 and messages[0]["text"]
