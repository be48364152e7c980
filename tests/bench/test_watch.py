"""Process watching on this very process (no servers)."""
import os

import psutil

from bench.watch import OtherProcesses, PeakMemory, cpu_seconds, machine_load


def test_peak_memory_samples_named_processes():
    with PeakMemory(lambda: {"me": os.getpid()}, interval=0.01) as memory:
        ballast = bytearray(64 * 2**20)
    del ballast
    assert memory.peaks_mib()["me"] >= 64


def test_cpu_seconds_grow_with_work():
    before = cpu_seconds([os.getpid()])
    sum(i * i for i in range(2_000_000))
    assert cpu_seconds([os.getpid()]) > before


def test_other_processes_leave_out_this_process():
    with OtherProcesses(interval=0.01) as others:
        sum(i * i for i in range(2_000_000))
    mine = " ".join(psutil.Process().cmdline())[:140]
    assert mine not in [other["command"] for other in others.busiest(at_least=0, most=10_000)]
    assert machine_load()["cores"] >= 1
