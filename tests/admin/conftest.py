"""Fixtures of the operations-page tests, and the live bot of the browser module, with a knowledge base of its own."""
from __future__ import annotations

import subprocess
import sys
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest

from kb.build import build
from kb.database import dispose_all
from kb.operators import add_operator
from testkit.articles import articles_dir
from testkit.bot import bot_on_free_ports
from tests.kb.conftest import any_url, url  # noqa: F401 - fixtures: a SQLite database, and PostgreSQL too
from tests.widget.conftest import browser, page_on  # noqa: F401 - fixtures: Debian's Chromium via Playwright
from tools import ROOT
from tools.servers import BotServers

OPERATOR, PASSWORD = "zhang.san", "春风十里-2020-weifang"


@pytest.fixture(autouse=True)
def _closed_engines():
    """kb.database keeps one engine per URL: close them, as a test's database files go away after it."""
    yield
    dispose_all()


@dataclass
class AdminBot:
    servers: BotServers
    url: str  # the knowledge base's database
    articles: Path  # its articles folder: a test adds one and rebuilds

    @property
    def base_url(self) -> str:
        return self.servers.base_url

    def rebuild(self) -> str:
        """`python -m kb build`, as an operator runs it: the running bot reloads the build within a second."""
        done = subprocess.run([sys.executable, "-m", "kb", "--db", self.url, "build", "--articles",
                               str(self.articles)], cwd=ROOT, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        return done.stdout


def start_admin_bot(folder: Path) -> AdminBot:
    """The real bot on free ports, with a knowledge base of the seed page alone in a database of its own, one
    operator, hourly counts written every second and a KB reload check every half second (the `admin_bot` fixture,
    tests/servers.py)."""
    articles = articles_dir(folder / "articles", with_new_article=False)
    kb_url = f"sqlite:///{folder / 'kb.sqlite'}"
    build(articles, kb_url)
    add_operator(kb_url, OPERATOR, PASSWORD)
    servers = bot_on_free_ports(tracker_db=folder / "tracker.db",
                                env={"KB_DATABASE_URL": kb_url, "KB_ARTICLES_DIR": str(articles),
                                     "KB_RELOAD_SECONDS": "0.5", "FUGONG_ADMIN_FLUSH_SECONDS": "1"})
    return AdminBot(servers.start(), kb_url, articles)


def sender() -> str:
    return f"o_{uuid.uuid4().hex[:20]}"
