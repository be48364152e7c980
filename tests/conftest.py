"""Shared fixtures. `bot_server`: the real bot (action server + Rasa with the trained model) on free ports."""
from pathlib import Path

import pytest

from tests.support.servers import BotServers, free_port

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def bot_server(tmp_path_factory):
    servers = BotServers(rasa_port=free_port(), action_port=free_port(),
                         tracker_db=tmp_path_factory.mktemp("tracker") / "tracker.db",
                         log_dir=ROOT / "build" / "test-logs")
    servers.start()
    yield servers
    servers.stop()


@pytest.fixture(scope="session")
def kb_url(tmp_path_factory):
    """A knowledge base built from kb/articles into a temporary SQLite file."""
    from kb.build import build
    from kb.settings import ARTICLES_DIR
    url = f"sqlite:///{tmp_path_factory.mktemp('kb') / 'kb.sqlite'}"
    build(ARTICLES_DIR, url)
    return url


@pytest.fixture(scope="session")
def kb(kb_url):
    from kb.knowledge_base import KnowledgeBase
    return KnowledgeBase.load(kb_url)


@pytest.fixture(scope="session")
def postgres():
    from tests.support.services import Postgres
    server = Postgres().start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def redis_server():
    from tests.support.services import Redis
    server = Redis().start()
    yield server
    server.stop()
