"""Honest failures with the production stores (endpoints.production.yml): Rasa's SQL tracker store on PostgreSQL
and the Redis lock store. Stopping either turns readiness red and gets users the apology; starting it again
brings answers back without restarting the bot."""
from __future__ import annotations

import time
import uuid

import pytest

from tests.security.test_failures import APOLOGY, metric, readiness, rest, text_of
from tests.support.servers import BotServers, free_port
from tests.support.services import Postgres, Redis
from tools.servers import ROOT

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def production():
    postgres, redis = Postgres(), Redis()
    env = {"TRACKER_DB_HOST": "127.0.0.1", "TRACKER_DB_PORT": str(postgres.port), "TRACKER_DB_NAME": "tracker",
           "TRACKER_DB_USER": "postgres", "TRACKER_DB_PASSWORD": "", "REDIS_HOST": "127.0.0.1",
           "REDIS_PORT": str(redis.port), "REDIS_PASSWORD": "", "ACTION_ENDPOINT_URL": "set-by-BotServers"}
    bot = BotServers(free_port(), free_port(), endpoints=ROOT / "endpoints.production.yml", env=env,
                     log_dir=ROOT / "build" / "test-logs")
    try:
        postgres.start().create_database("tracker")
        redis.start()
        bot.start()
        yield bot, postgres, redis
    finally:
        bot.stop()
        redis.stop()
        postgres.stop()


def wait_until_ready(bot: BotServers, timeout: float = 15) -> dict:
    deadline = time.monotonic() + timeout
    while True:
        status, body = readiness(bot)
        if status == 200 or time.monotonic() > deadline:
            return body
        time.sleep(0.5)


def test_stopped_postgresql_turns_readiness_red_and_gets_an_apology(production):
    bot, postgres, _ = production
    sender = uuid.uuid4().hex
    assert "0536-8097077" in text_of(rest(bot, "复工热线电话有哪些", sender))
    failed_before = metric(bot, "fugong_failures_total", component="tracker_store")
    postgres.stop_server()
    try:
        status, body = readiness(bot)
        assert status == 503 and body["checks"]["tracker_store"].startswith("failing for")
        answer = rest(bot, "金融的呢？", sender)
        assert answer.status_code == 503 and APOLOGY.match(text_of(answer)), text_of(answer)
        assert metric(bot, "fugong_failures_total", component="tracker_store") > failed_before
    finally:
        postgres.start_server()
    assert wait_until_ready(bot)["ready"] is True
    # The context was read back from PostgreSQL, not lost to a fresh in-memory conversation.
    assert text_of(rest(bot, "金融的呢？", sender)).startswith("金融运行热线：0536-8090465")


def test_stopped_redis_turns_readiness_red_and_gets_an_apology(production):
    bot, _, redis = production
    redis.stop()
    try:
        status, body = readiness(bot)
        assert status == 503 and body["checks"]["lock_store"].startswith("failing for")
        answer = rest(bot, "齐鲁号班列一个月发几趟", uuid.uuid4().hex)
        assert answer.status_code == 503 and APOLOGY.match(text_of(answer)), text_of(answer)
        assert metric(bot, "fugong_failing", component="lock_store") == 1
    finally:
        redis.start()
    assert wait_until_ready(bot)["ready"] is True
    assert "15至20列" in text_of(rest(bot, "齐鲁号班列一个月发几趟", uuid.uuid4().hex))
