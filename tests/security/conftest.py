"""Shared fixtures of the security tests: the real bot (trained model, action server, SQL tracker store), one per
test module, configured as an operator would for a widget on another site (ALLOWED_ORIGIN)."""
from __future__ import annotations

import pytest

from tests.security.talk import ALLOWED_ORIGIN
from tests.support.servers import BotServers, free_port


@pytest.fixture(scope="module")
def bot(tmp_path_factory) -> BotServers:
    """The bot of this module; its logs are in `bot.log_dir`, its conversations in `bot.tracker_db`."""
    workdir = tmp_path_factory.mktemp("security-bot")
    servers = BotServers(rasa_port=free_port(), action_port=free_port(), tracker_db=workdir / "tracker.db",
                         log_dir=workdir / "logs", env={"FUGONG_ALLOWED_ORIGINS": ALLOWED_ORIGIN})
    servers.start()
    yield servers
    servers.stop()
