"""Thin adapters from a Rasa turn to the knowledge base: read the message and slots; ask kb; reply."""
from __future__ import annotations

import secrets
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from kb import Answer, KnowledgeBase, current_kb, unanswered
from kb.answers import NOT_FOUND_TEXT

CAPABILITIES_INTRO = "我可以回答潍坊复工复产新闻报道里的问题，比如这些报道，点一个或直接提问："
OUT_OF_SCOPE_INTRO = "抱歉，这个问题超出了我的知识范围，我只能回答新闻报道里潍坊复工复产的相关问题。"
NO_HUMAN = "我是自动问答助手，不能转接人工。需要人工帮助，请拨打对应的热线："
# Turns the NLU was unsure of or took for out of scope: an answer found anyway counts as a fallback in /metrics.
UNSURE_INTENTS = frozenset({"nlu_fallback", "out_of_scope"})


def question_of(tracker: Tracker) -> str:
    """The user's words; a button payload ("/ask_capabilities") carries none."""
    text = tracker.latest_message.get("text") or ""
    return "" if text.startswith("/") else text


def previous_question(tracker: Tracker) -> str:
    """The user's message before this one: a follow-up is searched together with it."""
    texts = [e.get("text") or "" for e in tracker.events if e.get("event") == "user"]
    return texts[-2] if len(texts) >= 2 and not texts[-2].startswith("/") else ""


def intent_of(tracker: Tracker) -> str | None:
    return (tracker.latest_message.get("intent") or {}).get("name")


def capability_buttons() -> list[dict[str, str]]:
    """The newest articles' titles: pressing one asks about that article."""
    return [{"title": title, "payload": title} for title in current_kb().latest_titles()]


def utter_capabilities(dispatcher: CollectingDispatcher, intro: str = CAPABILITIES_INTRO,
                       outcome: str | None = None) -> None:
    """outcome: how /metrics counts the turn (rasa_speedups.turn_guard): "not_found" when nothing answered."""
    dispatcher.utter_message(text=intro, buttons=capability_buttons(), **outcome_metadata(outcome))


def outcome_metadata(outcome: str | None) -> dict[str, Any]:
    """The keyword arguments that mark a bot message's outcome, if any."""
    return {"metadata": {"outcome": outcome}} if outcome else {}


class ActionAnswer(Action):
    """Every question, follow-up, out-of-scope guess and unsure parse: the knowledge base answers or says
    it cannot."""

    def name(self) -> str:
        return "action_answer"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        question = question_of(tracker)
        kb = current_kb()
        article, passage = kb.article_id_of(tracker.get_slot("article")), tracker.get_slot("passage")
        # Every question is asked with the conversation so far: the KB lets it decide only an elliptical question
        # ("那是什么时候开始的？") and break ties otherwise (the NLU often takes a follow-up for a question).
        answer = kb.ask(
            question,
            context=previous_question(tracker),
            context_article=article,
            context_department=tracker.get_slot("department"),
            context_passage=int(passage) if article is not None and passage and passage.isdigit() else None,
        )
        if not answer.found:
            out_of_scope = intent_of(tracker) == "out_of_scope" and answer.text == NOT_FOUND_TEXT
            reply = (OUT_OF_SCOPE_INTRO if out_of_scope else answer.text) + "\n" + CAPABILITIES_INTRO
            utter_capabilities(dispatcher, reply, outcome="out_of_scope" if out_of_scope else "not_found")
            record_unanswered(tracker, question, reply)
            return []
        unsure = intent_of(tracker) in UNSURE_INTENTS
        metadata = answer_metadata(kb, answer, "fallback" if unsure else None)
        dispatcher.utter_message(text=answer.text, metadata=metadata)
        return remember(kb, answer)


class ActionOtherLanguage(Action):
    """A message without Chinese: the bilingual note (a response of the domain), kept among the unanswered."""

    def name(self) -> str:
        return "action_other_language"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        dispatcher.utter_message(response="utter_other_language", metadata={"outcome": "not_found"})
        record_unanswered(tracker, question_of(tracker), "utter_other_language")
        return []


class ActionCapabilities(Action):
    def name(self) -> str:
        return "action_capabilities"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        utter_capabilities(dispatcher)
        return []


class ActionHumanHandoff(Action):
    """No human operators: give the hotline of the department talked about (named now, answered before, or what
    the question before was about: "公司贷款续不上了" → 金融运行), else the general one."""

    def name(self) -> str:
        return "action_human_handoff"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        kb = current_kb()
        department = kb.find_department(question_of(tracker), everyday_words=True) or tracker.get_slot("department") \
            or kb.find_department(previous_question(tracker), everyday_words=True) or kb.general_department()
        answer = kb.hotline(department)
        dispatcher.utter_message(text=f"{NO_HUMAN}\n{answer.text}")
        return remember(kb, answer)


def answer_metadata(kb: KnowledgeBase, answer: Answer, outcome: str | None = None) -> dict[str, Any]:
    """`outcome`: how /metrics counts the turn; `answer`: what a 👍/👎 on this message is about (an id for the
    channel to name it by, the article it leads with: channels/feedback.py)."""
    metadata: dict[str, Any] = {"outcome": outcome} if outcome else {}
    article = kb.articles.get(answer.article_id) if answer.article_id is not None else None
    if article is not None:
        metadata["answer"] = {"id": secrets.token_hex(8), "article": article.title, "article_date": article.date_text}
    return metadata


def record_unanswered(tracker: Tracker, question: str, reply: str) -> None:
    """What the office needs to see which articles are missing: the question, why, the reply and the channel."""
    reason = {"out_of_scope": unanswered.OUT_OF_SCOPE, "nlu_fallback": unanswered.FALLBACK,
              "other_language": unanswered.OTHER_LANGUAGE}.get(intent_of(tracker) or "", unanswered.NOT_FOUND)
    if question.strip():
        unanswered.record(question, reason, reply=reply, channel=tracker.get_latest_input_channel() or "")


def remember(kb: KnowledgeBase, answer: Answer) -> list[EventType]:
    """What a follow-up needs: the answer's article (by a key that outlives rebuilds) and where in it the answer
    led from, and its department when it was a hotline."""
    return [SlotSet("article", kb.article_key(answer.article_id) if answer.article_id is not None else None),
            SlotSet("department", answer.department),
            SlotSet("passage", str(answer.passage) if answer.passage is not None else None)]
