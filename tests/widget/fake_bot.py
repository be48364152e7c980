"""A stand-in for `rasa run` in the widget's fast tests: `python tests/widget/fake_bot.py PORT`.

The real WidgetChannel and request guard, registered the way Rasa registers input channels, in front of a
scripted agent that keeps its turns in an in-memory tracker store (so the history route reads what the turns
wrote).
"""
import asyncio
import sys
from typing import Any

from rasa.core.channels.channel import UserMessage, register
from rasa.core.tracker_store import InMemoryTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered, UserUttered
from sanic import Sanic
from sanic_cors import CORS

from channels.guard import RequestGuard
from channels.widget import WidgetChannel
from channels.widget.tokens import ConversationTokens
from tests.widget.fake import FAIL, SECRET, SLOW

SOURCE = "来源：《潍坊市委经济运行应急指挥部公布热线电话》（2020-02-15）"
REPLIES: dict[str, dict[str, Any]] = {
    "金融运行的热线电话是多少": {
        "text": f"金融运行组的热线：0536-8090465、19953687355；投资运行组：8090775。\n{SOURCE}",
        "buttons": [{"title": "网上招聘", "payload": "/ask_jobs"},
                    {"title": "菜篮子超市", "payload": "/ask_vegetable"}],
    },
    "/ask_jobs": {"text": f"寒亭区举办网上招聘会，企业和求职者在网上对接。\n{SOURCE}"},
}


class ScriptedAgent:
    """What the widget needs of Rasa's agent: handle_message and a tracker store."""

    def __init__(self) -> None:
        self.tracker_store = InMemoryTrackerStore(Domain.empty())

    async def handle_message(self, message: UserMessage) -> None:
        if message.text == SLOW:
            await asyncio.sleep(1.5)
        if message.text == FAIL:
            raise RuntimeError("a turn that fails, as when a store cannot be written")
        # Unknown text is echoed: bot text the widget must not trust.
        answer = REPLIES.get(message.text or "", {"text": f"您说的是：{message.text}"})
        tracker = await self.tracker_store.get_or_create_tracker(message.sender_id)
        tracker.update(UserUttered(message.text))
        tracker.update(BotUttered(answer["text"], data={"buttons": answer.get("buttons")}))
        await self.tracker_store.save(tracker)
        await message.output_channel.send_response(message.sender_id, dict(answer))  # Rasa pops its keys


app = Sanic("fake_bot")
CORS(app, resources={r"/*": {"origins": ""}}, automatic_options=True)  # as Rasa does; the guard replaces the rule
app.ctx.agent = ScriptedAgent()
register([RequestGuard(), WidgetChannel(ConversationTokens(SECRET))], app, route="/webhooks/")


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(sys.argv[1]), access_log=False)
