"""The running bot answers from an article added while it runs: rebuild the KB, ask again, no restart."""
from __future__ import annotations

import shutil
import time
import uuid
from pathlib import Path

from kb.build import build
from kb.settings import ARTICLES_DIR
from testkit.articles import NEW_ARTICLE, NEW_FACT, NEW_QUESTION, NEW_TITLE
from tests.e2e.test_rest import chat, text_of
from tools.servers import BotServers

ANSWERED_WITHIN = 10.0  # seconds after the build is committed (default KB_RELOAD_SECONDS=2, load ~1.5 s)


def reply_within(bot: BotServers, wanted: bool) -> str:
    """The bot's reply to the new article's question, asked until it names the article (`wanted`) or no longer does."""
    built = time.monotonic()
    while True:
        reply = text_of(chat(bot, NEW_QUESTION, sender=uuid.uuid4().hex))
        if (NEW_TITLE in reply) == wanted or time.monotonic() - built > ANSWERED_WITHIN:
            return reply
        time.sleep(0.5)


def test_a_new_article_is_answered_by_the_running_bot_within_seconds(bot_server: BotServers, tmp_path: Path):
    """On the session's bot: its knowledge base is built with the new article added, then built back as it was."""
    url, pids = bot_server.env["KB_DATABASE_URL"], [process.pid for process in bot_server.processes]
    before = text_of(chat(bot_server, NEW_QUESTION))
    assert NEW_TITLE not in before and "来源" not in before

    grown = shutil.copytree(ARTICLES_DIR, tmp_path / "articles")
    (grown / "2020-03-zhucheng-schools.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    build(grown, url)
    try:
        reply = reply_within(bot_server, wanted=True)
        assert NEW_TITLE in reply and NEW_FACT in reply, f"after {ANSWERED_WITHIN} s the bot said: {reply}"
        assert "0536-8090465" in text_of(chat(bot_server, "金融运行的热线电话是多少"))  # the seed page is still known
    finally:
        build(ARTICLES_DIR, url)  # what the session's bot started with
    assert NEW_TITLE not in reply_within(bot_server, wanted=False)  # an article removed is no longer answered
    assert [p.pid for p in bot_server.processes] == pids and all(p.poll() is None for p in bot_server.processes)
