"""Shared fixtures of the security tests: the real bot (trained model, action server, SQL tracker store), one per
test module, configured as an operator would for a widget on another site (ALLOWED_ORIGIN)."""
from __future__ import annotations

import pytest

from tests.security.talk import ALLOWED_ORIGIN
from testkit.bot import bot_on_free_ports
from tools.servers import BotServers


@pytest.fixture(scope="module")
def bot(tmp_path_factory) -> BotServers:
    """The bot of this module; its logs are in `bot.log_dir`, its conversations in `bot.tracker_db`."""
    workdir = tmp_path_factory.mktemp("security-bot")
    servers = bot_on_free_ports(workdir / "logs", tracker_db=workdir / "tracker.db",
                                env={"FUGONG_ALLOWED_ORIGINS": ALLOWED_ORIGIN})
    servers.start()
    yield servers
    servers.stop()
