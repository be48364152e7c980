"""Shared fixtures, and the order tests run in.

The servers tests share (tests/servers.py: the live bot, the bot on PostgreSQL and Redis, the cluster, ...) are
started once per session, in the background from its beginning, while the modules that need none of them run first;
each test uses sender ids of its own. A test that uses one of these servers waits until no start is under way, so
that no start competes with it for the CPU.
"""
from __future__ import annotations

from collections.abc import Iterator

import pytest

from testkit.articles import built_kb
from testkit.early import EarlyStarts
from testkit.services import Postgres, Redis

pytest_plugins = ["tests.servers"]

# A test that uses one of these starts the live bot, the `make run` launcher or a browser: it is `slow`, and
# `make test-fast` leaves it out.
SLOW_FIXTURES = frozenset({"bot_server", "production_bot", "served", "browser", "admin_bot"})
STARTING = "_starting"  # the suffix of the fixtures of tests/servers.py that start a server in the background


def needs_a_server(item: pytest.Item) -> bool:
    """Whether the test uses a server started in the background (tests/servers.py)."""
    return any(name.endswith(STARTING) for name in getattr(item, "fixturenames", ()))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if SLOW_FIXTURES.intersection(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)
    # The modules that need none of those servers first (in their usual order), while the servers start.
    later = {item.path for item in items if needs_a_server(item)}
    items.sort(key=lambda item: item.path in later)


@pytest.fixture(scope="session", autouse=True)
def _servers_start_early(request: pytest.FixtureRequest, early: EarlyStarts) -> Iterator[None]:
    """Starts the servers the session's tests need, in the order they first need them; at the end, stops them all
    at once (before the stores they use)."""
    needed = {name: None for item in request.session.items for name in getattr(item, "fixturenames", ())
              if name.endswith(STARTING)}
    for name in needed:
        request.getfixturevalue(name)
    yield
    early.stop_all()


@pytest.fixture(autouse=True)
def _no_start_under_way(request: pytest.FixtureRequest, early: EarlyStarts) -> None:
    if needs_a_server(request.node):
        early.wait_all()


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
