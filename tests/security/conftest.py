"""Shared fixtures of the security tests."""
from __future__ import annotations

import pytest

from tools.servers import BotServers


@pytest.fixture(scope="session")
def bot(bot_server: BotServers) -> BotServers:
    """The session's bot (tests/conftest.py), configured as an operator would for a widget on another site
    (ALLOWED_ORIGIN); its logs are in `bot.log_dir`, its conversations in `bot.tracker_db`."""
    return bot_server
