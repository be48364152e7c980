"""The fake bot (fake_bot.py) as a subprocess the tests can stop and start again."""
from __future__ import annotations

import os
import subprocess
import sys

from tools import ROOT
from tools.ports import free_port
from tools.servers import wait_for

SLOW = "请慢一点回答"  # the fake bot answers this after a pause, to show the typing indicator
FAIL = "请让这一轮出错"  # the fake bot's turn raises on this: a failed turn
SECRET = b"fake-bot-widget-secret"  # the fake bot's token key: tests can issue tokens it accepts


class FakeBot:
    """tests/widget/fake_bot.py in a subprocess, on a fixed port so it can be stopped and started again."""

    def __init__(self) -> None:
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        self.process = subprocess.Popen(
            [sys.executable, str(ROOT / "tests/widget/fake_bot.py"), str(self.port)],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        wait_for(f"{self.base_url}/webhooks/widget/", self.process, timeout=60)

    @classmethod
    def started(cls) -> FakeBot:
        """A new one, started (stopped again if it does not answer)."""
        bot = cls()
        try:
            bot.start()
        except BaseException:
            bot.stop()
            raise
        return bot

    def stop(self) -> None:
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.terminate()
        self.process.wait(timeout=20)
