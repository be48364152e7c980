"""What the widget shows of a stored conversation: user and bot messages, with the bot's buttons and the answers
that can be voted on."""
from collections.abc import Iterable
from typing import Any

from rasa.shared.core.events import BotUttered, Event, UserUttered

from channels.feedback import answered_in

MAX_MESSAGES = 200


def messages(events: Iterable[Event]) -> list[dict[str, Any]]:
    """The last MAX_MESSAGES messages, oldest first.

    A clicked button reaches Rasa as its payload (`/ask_jobs`); it is shown again by its title, as the user saw it.
    """
    shown: list[dict[str, Any]] = []
    titles: dict[str, str] = {}
    for event in events:
        if isinstance(event, UserUttered) and event.text:
            shown.append({"sender": "user", "text": titles.get(event.text, event.text)})
        elif isinstance(event, BotUttered):
            buttons = [
                {"title": b["title"], "payload": b["payload"]}
                for b in event.data.get("buttons") or []
                if b.get("title") and b.get("payload")
            ]
            titles.update((b["payload"], b["title"]) for b in buttons)
            if event.text or buttons:
                message: dict[str, Any] = {"sender": "bot", "text": event.text or "", "buttons": buttons}
                answered = answered_in(event.metadata.get("metadata"))
                if answered is not None:
                    message["answer"] = {"id": answered.answer_id}
                shown.append(message)
    return shown[-MAX_MESSAGES:]
