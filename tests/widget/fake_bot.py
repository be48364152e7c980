"""A stand-in for `rasa run` in the widget's fast tests: `python tests/widget/fake_bot.py PORT`.

The real WidgetChannel routes, registered the way Rasa registers input channels, beside a scripted REST channel
that keeps its turns in an in-memory tracker store (so the history route reads what the REST channel wrote).
"""
import asyncio
import sys
from types import SimpleNamespace

from rasa.core.channels.channel import register
from rasa.core.tracker_store import InMemoryTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered, UserUttered
from sanic import Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse

from channels.widget import WidgetChannel
from tests.widget.fake import SLOW

SOURCE = "来源：《潍坊市委经济运行应急指挥部公布热线电话》（2020-02-15）"
REPLIES = {
    "金融运行的热线电话是多少": {
        "text": f"金融运行组的热线：0536-8090465、19953687355；投资运行组：8090775。\n{SOURCE}",
        "buttons": [{"title": "网上招聘", "payload": "/ask_jobs"}, {"title": "菜篮子超市", "payload": "/ask_vegetable"}],
    },
    "/ask_jobs": {"text": f"寒亭区举办网上招聘会，企业和求职者在网上对接。\n{SOURCE}"},
}

app = Sanic("fake_bot")
app.ctx.agent = SimpleNamespace(tracker_store=InMemoryTrackerStore(Domain.empty()))
register([WidgetChannel()], app, route="/webhooks/")


@app.post("/webhooks/rest/webhook")
async def rest(request: Request) -> HTTPResponse:
    sender, text = request.json["sender"], request.json["message"]
    if text == SLOW:
        await asyncio.sleep(1.5)
    answer = REPLIES.get(text, {"text": f"您说的是：{text}"})  # an echo: bot text the widget must not trust
    store = app.ctx.agent.tracker_store
    tracker = await store.get_or_create_tracker(sender)
    tracker.update(UserUttered(text))
    tracker.update(BotUttered(answer["text"], data={"buttons": answer.get("buttons")}))
    await store.save(tracker)
    return response.json([{"recipient_id": sender, **answer}])


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(sys.argv[1]), access_log=False)
