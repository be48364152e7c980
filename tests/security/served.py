"""`python -m tools.serve` (what `make run` starts) in a subprocess, its output collected line by line with the time
each line arrived: the bot of tests/security/test_failures.py (the `served` fixture, tests/servers.py)."""
from __future__ import annotations

import re
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import psutil

from tools import ROOT
from tools.ports import free_port


@dataclass
class Served:
    process: subprocess.Popen
    base_url: str
    tracker_db: Path
    lines: list[tuple[float, str]] = field(default_factory=list)

    def read_output(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append((time.monotonic(), line.rstrip("\n")))

    def wait_for_line(self, pattern: str, timeout: float, after: float = 0.0) -> float:
        """The time the first line matching `pattern` arrived (after `after`)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for arrived, line in list(self.lines):
                if arrived >= after and re.search(pattern, line):
                    return arrived
            if self.process.poll() is not None:
                break
            time.sleep(0.1)
        raise AssertionError(f"no line matching {pattern!r} within {timeout:.0f} s; last lines:\n"
                             + "\n".join(line for _, line in self.lines[-30:]))

    def count_lines(self, pattern: str) -> int:
        return sum(1 for _, line in list(self.lines) if re.search(pattern, line))

    def server(self, name: str) -> psutil.Process:
        """The running child process whose command line contains `name`."""
        return next(p for p in psutil.Process(self.process.pid).children() if name in " ".join(p.cmdline()))

    def stop(self) -> None:
        """The launcher and both servers (a test may have stopped them already)."""
        if self.process.poll() is None:
            children = psutil.Process(self.process.pid).children(recursive=True)
            self.process.terminate()
            self.process.wait(timeout=60)
            psutil.wait_procs(children, timeout=30)


def serve(tracker_db: Path) -> Served:
    """Started on free ports, once it says so; stopped again if it does not."""
    rasa_port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "tools.serve", "--rasa-port", str(rasa_port), "--action-port",
                                str(free_port()), "--tracker-db", str(tracker_db)], cwd=ROOT, text=True,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    served = Served(process, f"http://127.0.0.1:{rasa_port}", tracker_db)
    threading.Thread(target=served.read_output, daemon=True).start()
    try:
        served.wait_for_line("Press Ctrl-C to stop", timeout=240)
    except BaseException:
        served.stop()
        raise
    return served
