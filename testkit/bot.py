"""The bot for a test or a benchmark: both servers (tools/servers.py, as `make run` starts them) on free loopback
ports, their logs in one folder, conversations in a throw-away tracker database unless `tracker_db` is given."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from tools import ROOT
from tools.ports import free_port
from tools.servers import BotServers

TEST_LOGS = ROOT / "build" / "test-logs"
BENCH_LOGS = ROOT / "build" / "bench-logs"


def bot_on_free_ports(log_dir: Path | None = TEST_LOGS, **options: Any) -> BotServers:
    """Not started yet: `start()` it, or use it as a context manager (both servers stop, their folder goes)."""
    return BotServers(rasa_port=free_port(), action_port=free_port(), log_dir=log_dir, **options)
