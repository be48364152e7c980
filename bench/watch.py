"""What the machine and the bot's processes do during a run: peak resident memory, CPU time, other load."""
from __future__ import annotations

import os
import threading
import time
from typing import Callable

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


class PeakMemory:
    """Samples the resident memory of named processes every `interval` s in a thread; keeps each name's peak.

    `processes` is asked on every tick, so processes started after the sampler are watched too.
    """

    def __init__(self, processes: Callable[[], dict[str, int]], interval: float = 0.2):
        self._processes, self._interval = processes, interval
        self.peaks: dict[str, int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.wait(self._interval):
            for name, pid in self._processes().items():
                self.peaks[name] = max(self.peaks.get(name, 0), resident_bytes(pid))

    def __enter__(self) -> "PeakMemory":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def peaks_mib(self) -> dict[str, float]:
        return {name: round(peak / 2**20) for name, peak in self.peaks.items()}


def machine_snapshot(seconds: float = 2.0) -> dict:
    """Cores, load average and the other processes busy during `seconds`: what else was running."""
    mine = {p.pid for p in _tree(os.getpid())}
    processes = [p for p in psutil.process_iter(["cmdline", "memory_info"]) if p.pid not in mine]
    for process in processes:
        try:
            process.cpu_percent(None)
        except psutil.NoSuchProcess:
            pass
    time.sleep(seconds)
    busy = []
    for process in processes:
        try:
            percent = process.cpu_percent(None)
        except psutil.NoSuchProcess:
            continue
        if percent >= 5:
            command = " ".join(process.info["cmdline"] or [process.name()])
            busy.append((percent, f"{percent:.0f}% CPU: {command[:120]}"))
    return {"cores": psutil.cpu_count(), "load_average": [round(x, 2) for x in os.getloadavg()],
            "busy_processes": [line for _, line in sorted(busy, reverse=True)[:8]]}
