"""Shared fixtures. The live bot is started once per session (`bot_server`; `production_bot` with PostgreSQL and
Redis): tests share it, each with sender ids of its own. Only a test that stops, restarts or reconfigures a bot
starts its own (tests/widget/test_widget_bot.py, tests/security/test_failures.py)."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from testkit.bot import bot_on_free_ports
from testkit.services import Postgres, Redis
from tests.security.talk import ALLOWED_ORIGIN
from tools import ROOT
from tools.servers import BotServers

# A test that uses one of these starts the live bot, the `make run` launcher or a browser: it is `slow`, and
# `make test-fast` leaves it out.
SLOW_FIXTURES = frozenset({"bot_server", "production_bot", "served", "browser", "admin_bot"})


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if SLOW_FIXTURES.intersection(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


def built_kb(folder: Path) -> str:
    """A knowledge base built from kb/articles into a SQLite file in `folder`."""
    from kb.build import build
    from kb.settings import ARTICLES_DIR
    url = f"sqlite:///{folder / 'kb.sqlite'}"
    build(ARTICLES_DIR, url)
    return url


@pytest.fixture(scope="session")
def bot_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BotServers]:
    """The real bot (action server + Rasa with the trained model) on free ports: its knowledge base, tracker
    database and logs (`log_dir`) in a folder of this session; a widget on ALLOWED_ORIGIN may use it. The hot-reload
    test rebuilds its knowledge base (`bot_server.env["KB_DATABASE_URL"]`) and builds it back."""
    workdir = tmp_path_factory.mktemp("bot")
    servers = bot_on_free_ports(workdir / "logs", tracker_db=workdir / "tracker.db",
                                env={"KB_DATABASE_URL": built_kb(workdir), "FUGONG_ALLOWED_ORIGINS": ALLOWED_ORIGIN})
    with servers:
        yield servers


@dataclass
class ProductionBot:
    servers: BotServers
    postgres: Postgres
    redis: Redis


@pytest.fixture(scope="session")
def production_bot(postgres: Postgres, redis_server: Redis) -> Iterator[ProductionBot]:
    """The bot with endpoints.production.yml: the shared SQL tracker store on PostgreSQL, the atomic Redis lock
    store. A test that stops either store starts it again."""
    env = {"TRACKER_DB_HOST": "127.0.0.1", "TRACKER_DB_PORT": str(postgres.port), "TRACKER_DB_NAME": "tracker",
           "TRACKER_DB_USER": "postgres", "TRACKER_DB_PASSWORD": "", "REDIS_HOST": "127.0.0.1",
           "REDIS_PORT": str(redis_server.port), "REDIS_PASSWORD": "", "ACTION_ENDPOINT_URL": "set-by-BotServers"}
    postgres.create_database("tracker")
    with bot_on_free_ports(endpoints=ROOT / "endpoints.production.yml", env=env) as servers:
        yield ProductionBot(servers, postgres, redis_server)


@pytest.fixture(scope="session")
def kb_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A knowledge base built from kb/articles into a temporary SQLite file."""
    return built_kb(tmp_path_factory.mktemp("kb"))


@pytest.fixture(scope="session")
def kb(kb_url):
    from kb.knowledge_base import KnowledgeBase
    return KnowledgeBase.load(kb_url)


@pytest.fixture(scope="session")
def postgres() -> Iterator[Postgres]:
    server = Postgres().start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def redis_server() -> Iterator[Redis]:
    server = Redis().start()
    yield server
    server.stop()
