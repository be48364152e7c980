"""The fake bot (fake_bot.py) as a subprocess the tests can stop and start again."""
import os
import subprocess
import sys
import time
import urllib.request

from testkit.ports import free_port
from tools import ROOT

SLOW = "请慢一点回答"  # the fake bot answers this after a pause, to show the typing indicator
FAIL = "请让这一轮出错"  # the fake bot's turn raises on this: a failed turn
SECRET = b"fake-bot-widget-secret"  # the fake bot's token key: tests can issue tokens it accepts


class FakeBot:
    """tests/widget/fake_bot.py in a subprocess, on a fixed port so it can be stopped and started again."""

    def __init__(self) -> None:
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.process = None

    def start(self) -> None:
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        self.process = subprocess.Popen(
            [sys.executable, str(ROOT / "tests/widget/fake_bot.py"), str(self.port)],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("the fake bot exited at start-up")
            try:
                urllib.request.urlopen(f"{self.base_url}/webhooks/widget/", timeout=1)
                return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("the fake bot did not answer within 60 s")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
        self.process.wait(timeout=20)
