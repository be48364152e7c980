"""What the machine and the bot's processes do during a run: peak resident memory, CPU time, other load."""
from __future__ import annotations

import os
import threading
from collections.abc import Callable

import psutil


def _tree(pid: int) -> list[psutil.Process]:
    try:
        process = psutil.Process(pid)
        return [process, *process.children(recursive=True)]
    except psutil.NoSuchProcess:
        return []


def resident_bytes(pid: int) -> int:
    """Resident memory of a process and its children."""
    total = 0
    for process in _tree(pid):
        try:
            total += process.memory_info().rss
        except psutil.NoSuchProcess:
            pass
    return total


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU time so far of the processes and their children."""
    total = 0.0
    for pid in pids:
        for process in _tree(pid):
            try:
                times = process.cpu_times()
                total += times.user + times.system
            except psutil.NoSuchProcess:
                pass
    return total


class _Sampler:
    """Calls `sample()` every `interval` seconds in a thread, between `with` and its end."""

    def __init__(self, interval: float):
        self._interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def sample(self) -> None:
        raise NotImplementedError

    def _run(self) -> None:
        self.sample()
        while not self._stop.wait(self._interval):
            self.sample()

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self.sample()


class PeakMemory(_Sampler):
    """The peak resident memory of named processes (each with its children), sampled every `interval` s.

    `processes` is asked on every tick, so processes started after the sampler are watched too.
    """

    def __init__(self, processes: Callable[[], dict[str, int]], interval: float = 0.2):
        super().__init__(interval)
        self._processes = processes
        self.peaks: dict[str, int] = {}

    def sample(self) -> None:
        for name, pid in self._processes().items():
            self.peaks[name] = max(self.peaks.get(name, 0), resident_bytes(pid))

    def peaks_mib(self) -> dict[str, float]:
        return {name: round(peak / 2**20) for name, peak in self.peaks.items()}


class OtherProcesses(_Sampler):
    """The CPU time that processes outside this one's tree spend meanwhile: what else was running."""

    def __init__(self, interval: float = 5.0):
        super().__init__(interval)
        self._first: dict[int, tuple[str, float]] = {}
        self._last: dict[int, float] = {}

    def sample(self) -> None:
        mine = {p.pid for p in _tree(os.getpid())}
        for process in psutil.process_iter(["cmdline", "cpu_times", "name"]):
            if process.pid in mine or process.info["cpu_times"] is None:
                continue
            cpu = process.info["cpu_times"].user + process.info["cpu_times"].system
            command = " ".join(process.info["cmdline"] or [process.info["name"] or str(process.pid)])
            self._first.setdefault(process.pid, (command, cpu))
            self._last[process.pid] = cpu

    def busiest(self, at_least: float = 1.0, most: int = 8) -> list[dict]:
        """Commands by CPU seconds used while watched (a process that lived less than `interval` is missed)."""
        used: dict[str, float] = {}
        for pid, (command, first) in self._first.items():
            used[command] = used.get(command, 0.0) + self._last[pid] - first
        ranked = sorted(((cpu, command) for command, cpu in used.items() if cpu >= at_least), reverse=True)
        return [{"cpu_s": round(cpu), "command": command[:140]} for cpu, command in ranked[:most]]


def machine_load() -> dict:
    return {"cores": psutil.cpu_count(), "load_average": [round(x, 2) for x in os.getloadavg()]}
