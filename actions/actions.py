"""Thin adapters from a Rasa turn to the knowledge base: read intent, entities and slots; ask kb; reply."""
from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from kb import Answer, KnowledgeBase, default_kb
from kb.knowledge_base import mentions_hotline

TOPIC_OF_INTENT = {
    "ask_hotline": "hotline",
    "ask_jobs": "jobs",
    "ask_vegetable": "vegetable",
    "ask_train": "train",
    "ask_projects": "projects",
    "ask_liaison": "liaison",
    "ask_linqu": "linqu",
    "ask_medic_care": "medic_care",
}
INTENT_OF_TOPIC = {topic: intent for intent, topic in TOPIC_OF_INTENT.items()}
CAPABILITIES_INTRO = "我可以回答潍坊复工复产报道里的这些问题，点一个或直接提问："
NO_HUMAN = "我是自动问答助手，不能转接人工。需要人工帮助，请拨打对应的热线："


def question_of(tracker: Tracker) -> str:
    """The user's words; a button payload ("/ask_train") carries none."""
    text = tracker.latest_message.get("text") or ""
    return "" if text.startswith("/") else text


def previous_question(tracker: Tracker) -> str:
    """The user's message before this one: a follow-up is searched together with it."""
    texts = [e.get("text") or "" for e in tracker.events if e.get("event") == "user"]
    return texts[-2] if len(texts) >= 2 and not texts[-2].startswith("/") else ""


def department_of(tracker: Tracker) -> str | None:
    """The department named in this message (entity), not one remembered from earlier turns."""
    return next(tracker.get_latest_entity_values("department"), None)


def capability_buttons() -> list[dict[str, str]]:
    return [{"title": topic.label, "payload": f"/{INTENT_OF_TOPIC[name]}"}
            for name, topic in default_kb().topics.items() if name in INTENT_OF_TOPIC]


def utter_capabilities(dispatcher: CollectingDispatcher, intro: str = "") -> None:
    dispatcher.utter_message(text=intro + CAPABILITIES_INTRO, buttons=capability_buttons())


class ActionAnswer(Action):
    """Topic questions, hotline questions and follow-ups within the topic of the conversation."""

    def name(self) -> str:
        return "action_answer"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list:
        kb = default_kb()
        intent = tracker.latest_message.get("intent", {}).get("name")
        question, department = question_of(tracker), department_of(tracker)
        topic, follows_up = choose_topic(kb, intent, question, department, tracker.get_slot("topic"))
        context = previous_question(tracker) if follows_up else ""
        answer = kb.ask(question, topic=topic, department=None if follows_up else department, context=context)
        if not answer.found:
            utter_capabilities(dispatcher, answer.text)
            return []
        dispatcher.utter_message(text=answer.text)
        return _remember(answer)


def choose_topic(kb: KnowledgeBase, intent: str | None, question: str, department: str | None,
                 current: str | None) -> tuple[str | None, bool]:
    """The topic to answer in, and whether the turn follows up on the conversation's current topic."""
    topic = TOPIC_OF_INTENT.get(intent)
    if topic is None:  # ask_followup: "金融的呢？" after hotlines, "一个月几趟？" after the trains
        if department and current in (None, "hotline"):
            return "hotline", False
        return current, True
    if topic == "hotline" and current not in (None, "hotline") and not mentions_hotline(question) \
            and kb.topic_covers(question, current):
        return current, True  # "总投资呢？" after projects: 投资 names a department, but no hotline is asked for
    return topic, False


class ActionCapabilities(Action):
    def name(self) -> str:
        return "action_capabilities"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list:
        utter_capabilities(dispatcher)
        return []


class ActionHumanHandoff(Action):
    """No human operators: give the hotline that fits the conversation (综合协调 when nothing does)."""

    def name(self) -> str:
        return "action_human_handoff"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list:
        kb = default_kb()
        department = department_of(tracker) or tracker.get_slot("department") \
            or kb.topic_department(tracker.get_slot("topic"))
        answer = kb.hotline(department)
        dispatcher.utter_message(text=f"{NO_HUMAN}\n{answer.text}")
        return _remember(answer)


class ActionFallback(Action):
    """Low NLU confidence: the current topic if it covers the question, else all articles; else say what I can do."""

    def name(self) -> str:
        return "action_fallback"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list:
        kb, question, topic = default_kb(), question_of(tracker), tracker.get_slot("topic")
        if topic not in (None, "hotline") and kb.topic_covers(question, topic):  # "是谁在配送？" within the topic
            answer = kb.ask(question, topic=topic, context=previous_question(tracker))
        else:
            answer = kb.ask(question)
        if answer.found:
            dispatcher.utter_message(text=answer.text)
            return _remember(answer)
        utter_capabilities(dispatcher, answer.text)
        return []


def _remember(answer: Answer) -> list:
    events = [SlotSet("topic", answer.topic)] if answer.topic else []
    if answer.department:
        events.append(SlotSet("department", answer.department))
    return events
