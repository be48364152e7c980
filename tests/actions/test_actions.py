"""The actions against the real KB, with trackers as Rasa sends them; assert the exact replies and events."""
import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.actions import (ActionAnswer, ActionCapabilities, ActionFallback, ActionHumanHandoff,
                             CAPABILITIES_INTRO, NO_HUMAN)
from kb.answers import NOT_FOUND_TEXT
from kb.knowledge_base import default_kb


@pytest.fixture(autouse=True)
def test_kb(kb_url, monkeypatch):
    monkeypatch.setenv("KB_DATABASE_URL", kb_url)
    default_kb.cache_clear()
    yield
    default_kb.cache_clear()


def tracker(text, intent, entities=(), slots=None, earlier=()):
    events = [{"event": "user", "text": t} for t in earlier] + [{"event": "user", "text": text}]
    return Tracker(
        sender_id="test", slots={"topic": None, "department": None, **(slots or {})},
        latest_message={"text": text, "intent": {"name": intent, "confidence": 0.9},
                        "entities": [{"entity": "department", "value": v} for v in entities]},
        events=events, paused=False, followup_action=None, active_loop={}, latest_action_name="action_listen")


def run(action, tracker_):
    dispatcher = CollectingDispatcher()
    events = action.run(dispatcher, tracker_, {})
    return dispatcher.messages, events


def test_hotline_with_department_entity():
    messages, events = run(ActionAnswer(), tracker("贷款难找谁", "ask_hotline", ["金融运行"]))
    assert len(messages) == 1
    assert "0536-8090465" in messages[0]["text"] and "19953687355" in messages[0]["text"]
    assert messages[0]["text"].endswith("（2020年2月22日）")
    assert events == [SlotSet("topic", "hotline"), SlotSet("department", "金融运行")]


def test_hotline_without_department_lists_them_all():
    messages, events = run(ActionAnswer(), tracker("热线电话有哪些", "ask_hotline"))
    assert all(n in messages[0]["text"] for n in ("0536-8090761", "0536-8875210", "19953687355"))
    assert events == [SlotSet("topic", "hotline")]


def test_follow_up_naming_a_department_after_hotlines():
    messages, _ = run(ActionAnswer(), tracker("金融的呢？", "ask_followup", ["金融运行"], {"topic": "hotline"}))
    assert messages[0]["text"].startswith("金融运行热线：0536-8090465")


def test_follow_up_keeps_the_topic_and_the_previous_question():
    t = tracker("一个月发几趟？", "ask_followup", slots={"topic": "train"}, earlier=["齐鲁号恢复运行了吗"])
    messages, events = run(ActionAnswer(), t)
    assert "每月15至20列" in messages[0]["text"]
    assert events == [SlotSet("topic", "train")]


def test_a_department_word_in_another_topic_does_not_switch_to_hotlines():
    t = tracker("物流园在哪", "ask_followup", ["交通运输保障"], {"topic": "train"}, ["齐鲁号从哪发车"])
    messages, _ = run(ActionAnswer(), t)
    assert "青州港天物流园" in messages[0]["text"] and "0536-8097077" not in messages[0]["text"]


def test_button_payload_gives_the_topic_overview():
    messages, _ = run(ActionAnswer(), tracker("/ask_vegetable", "ask_vegetable"))
    assert "百姓点菜、政府检菜、菜商送菜" in messages[0]["text"]


def test_follow_up_without_any_context_that_finds_nothing_offers_topics():
    messages, events = run(ActionAnswer(), tracker("还有呢", "ask_followup"))
    assert messages[0]["text"] == NOT_FOUND_TEXT + CAPABILITIES_INTRO
    assert {"title": "复工热线电话", "payload": "/ask_hotline"} in messages[0]["buttons"]
    assert events == []


@pytest.mark.parametrize("text", ["", "😀" * 50, "<script>alert(1)</script>", "字" * 10_000])
def test_odd_input_never_raises(text):
    for action in (ActionAnswer(), ActionFallback()):
        messages, _ = run(action, tracker(text, "ask_followup"))
        assert messages and messages[0]["text"]


def test_capabilities_buttons_cover_every_topic_intent():
    messages, _ = run(ActionCapabilities(), tracker("你能干什么", "ask_capabilities"))
    payloads = [b["payload"] for b in messages[0]["buttons"]]
    assert payloads == ["/ask_hotline", "/ask_jobs", "/ask_vegetable", "/ask_train", "/ask_projects",
                        "/ask_liaison", "/ask_linqu", "/ask_medic_care"]


@pytest.mark.parametrize("slots, number", [
    ({}, "0536-8090761"),                          # nothing known: 综合协调
    ({"topic": "jobs"}, "0536-8875210"),           # the topic's hotline
    ({"topic": "hotline", "department": "金融运行"}, "0536-8090465"),  # the department talked about
])
def test_human_handoff_gives_the_fitting_hotline(slots, number):
    messages, _ = run(ActionHumanHandoff(), tracker("转人工", "request_human", slots=slots))
    assert messages[0]["text"].startswith(NO_HUMAN)
    assert number in messages[0]["text"]


def test_fallback_answers_from_the_articles_when_it_can():
    messages, events = run(ActionFallback(), tracker("中国农创港是什么", "nlu_fallback"))
    assert "中国农创港" in messages[0]["text"] and "来源：" in messages[0]["text"]
    assert events == [SlotSet("topic", "projects")]


def test_fallback_offers_topics_when_nothing_matches():
    messages, _ = run(ActionFallback(), tracker("今天天气怎么样", "nlu_fallback"))
    assert messages[0]["text"].startswith(NOT_FOUND_TEXT)


def test_a_department_word_in_a_topic_question_stays_in_the_topic():
    """"总投资" makes the NLU think of 投资运行's hotline; the projects conversation covers the question."""
    t = tracker("总投资呢？", "ask_hotline", ["投资运行"], {"topic": "projects"}, ["潍城区签约了几个项目"])
    messages, events = run(ActionAnswer(), t)
    assert "30亿元" in messages[0]["text"] and "0536-8090762" not in messages[0]["text"]
    assert events == [SlotSet("topic", "projects")]


def test_a_department_not_covered_by_the_topic_is_a_hotline_question():
    t = tracker("金融的呢？", "ask_hotline", ["金融运行"], {"topic": "train"}, ["齐鲁号什么时候恢复"])
    messages, _ = run(ActionAnswer(), t)
    assert messages[0]["text"].startswith("金融运行热线：0536-8090465")


def test_fallback_stays_in_the_topic_of_the_conversation():
    t = tracker("是谁在配送", "nlu_fallback", slots={"topic": "vegetable"}, earlier=["安丘网上买菜是怎么回事"])
    messages, _ = run(ActionFallback(), t)
    assert "安丘农耕农业发展有限公司" in messages[0]["text"] and "交运优选" not in messages[0]["text"]
