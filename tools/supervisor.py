"""`make run` keeps the bot up: a server that exits is started again, after 1, 2, 4 … 30 s, and the log says so.

The delay doubles while a server keeps failing and starts over at 1 s once it has run for a minute. While the
action server is down, Rasa answers every message with an apology (rasa_speedups.failures); while Rasa is down,
nothing answers, so it is started again the same way.
"""
from __future__ import annotations

import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Protocol


class Process(Protocol):
    @property
    def pid(self) -> int: ...

    def poll(self) -> int | None: ...


class Servers(Protocol):
    """What the supervisor needs of tools.servers.BotServers."""

    @property
    def named_processes(self) -> Mapping[str, Process]: ...

    def restart(self, name: str) -> Process: ...

    def health_url(self, name: str) -> str: ...


LABELS = {"actions": "the action server", "rasa": "Rasa"}


@dataclass
class _State:
    started: float
    next_delay: float = 1.0
    restart_at: float | None = None  # set while waiting to start again
    coming_up: bool = False  # started again, not answering yet


class Supervisor:
    def __init__(self, servers: Servers, log: Callable[[str], None] = print, poll_seconds: float = 0.5,
                 first_delay: float = 1.0, max_delay: float = 30.0, stable_after: float = 60.0,
                 clock: Callable[[], float] = time.monotonic):
        self.servers, self.log, self.poll_seconds, self.clock = servers, log, poll_seconds, clock
        self.first_delay, self.max_delay, self.stable_after = first_delay, max_delay, stable_after
        self.restarts: list[tuple[str, float]] = []  # (server name, clock time it was started again)
        now = clock()
        self._states = {name: _State(now, first_delay) for name in servers.named_processes}

    def run(self, stop: threading.Event | None = None) -> None:
        """Until `stop` is set (forever without one: Ctrl-C or SIGTERM end it)."""
        stop = stop or threading.Event()
        while not stop.is_set():
            self.check()
            stop.wait(self.poll_seconds)

    def check(self) -> None:
        """One look at each server: note an exit, start one whose delay is over, report one that answers again."""
        for name, process in list(self.servers.named_processes.items()):
            state, label, now = self._states[name], LABELS.get(name, name), self.clock()
            if state.restart_at is not None:
                if now >= state.restart_at:
                    self._start_again(name, state, now)
            elif (code := process.poll()) is not None:
                self._schedule(label, code, state, now)
            elif state.coming_up and self._answers(name):
                state.coming_up = False
                self.log(f"{label} answers again ({now - state.started:.1f} s after it was started again)")

    def _schedule(self, label: str, code: int, state: _State, now: float) -> None:
        ran = now - state.started
        if ran >= self.stable_after:
            state.next_delay = self.first_delay
        delay, state.next_delay = state.next_delay, min(state.next_delay * 2, self.max_delay)
        state.restart_at = now + delay
        self.log(f"{label} stopped (exit code {code}) after {ran:.0f} s; starting it again in {delay:.0f} s")

    def _start_again(self, name: str, state: _State, now: float) -> None:
        process = self.servers.restart(name)
        state.started, state.restart_at, state.coming_up = now, None, True
        self.restarts.append((name, now))
        self.log(f"{LABELS.get(name, name)} started again (pid {process.pid})")

    def _answers(self, name: str) -> bool:
        try:
            with urllib.request.urlopen(self.servers.health_url(name), timeout=1):
                return True
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            return False
