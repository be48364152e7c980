"""The running bot answers from an article added while it runs: rebuild the KB, ask again, no restart."""
import time
import uuid

import pytest

from kb.build import build
from tests.e2e.test_rest import chat, text_of
from testkit.articles import NEW_FACT, NEW_QUESTION, NEW_TITLE, articles_dir
from testkit.bot import bot_on_free_ports

pytestmark = pytest.mark.slow

ANSWERED_WITHIN = 10.0  # seconds after the build is committed (default KB_RELOAD_SECONDS=2, load ~1.5 s)


def test_a_new_article_is_answered_by_the_running_bot_within_seconds(tmp_path):
    articles = articles_dir(tmp_path / "articles", with_new_article=False)
    url = f"sqlite:///{tmp_path / 'kb.sqlite'}"
    build(articles, url)
    bot = bot_on_free_ports(tracker_db=tmp_path / "tracker.db", env={"KB_DATABASE_URL": url})
    with bot:
        pids = [process.pid for process in bot.processes]
        before = text_of(chat(bot, NEW_QUESTION))
        assert NEW_TITLE not in before and "来源" not in before

        articles_dir(articles, with_new_article=True)
        build(articles, url)
        built = time.monotonic()
        reply = ""
        while NEW_TITLE not in reply and time.monotonic() - built < ANSWERED_WITHIN:
            time.sleep(0.5)
            reply = text_of(chat(bot, NEW_QUESTION, sender=uuid.uuid4().hex))
        assert NEW_TITLE in reply and NEW_FACT in reply, f"after {ANSWERED_WITHIN} s the bot said: {reply}"
        assert "0536-8090465" in text_of(chat(bot, "金融运行的热线电话是多少"))  # the seed page is still known
        assert [process.pid for process in bot.processes] == pids and all(p.poll() is None for p in bot.processes)
