"""Shared fixtures. `bot_server`: the real bot (action server + Rasa with the trained model) on free ports."""

import pytest

from testkit.bot import bot_on_free_ports


@pytest.fixture(scope="session")
def bot_server(tmp_path_factory):
    servers = bot_on_free_ports(tracker_db=tmp_path_factory.mktemp("tracker") / "tracker.db")
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
    from testkit.services import Postgres
    server = Postgres().start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def redis_server():
    from testkit.services import Redis
    server = Redis().start()
    yield server
    server.stop()
