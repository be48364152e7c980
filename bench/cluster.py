"""Scale-out: 1 and 2 replicas behind HAProxy (tools/cluster.py), as deployed: PostgreSQL, Redis, atomic locks.

For each size: a warm-up, 1 REST client, then 16 clients (saturated), through the balancer, only to 127.0.0.1 and
bounded in messages and time; throughput, p50/p95, the CPU seconds every process of the cluster spent (Rasa, action
servers, PostgreSQL, Redis, HAProxy), messages per CPU-second, peak memory per replica, and how busy the machine's
cores were. Writes reports/cluster.md and .json.

    python -m bench.cluster                    # 1 and 2 replicas (about 4 minutes)
    python -m bench.cluster --replicas 2 --seconds 20
"""
from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import psutil

from tools import ROOT
from tools.cluster import Cluster

from .heldout import load_cases
from .load import run_load
from .output import write_report
from .watch import OtherProcesses, PeakMemory, cpu_seconds, machine_load

CLIENTS = 16


def cluster_pids(cluster: Cluster) -> dict[str, int]:
    """Every process of the cluster by name; PostgreSQL's postmaster (its backends are its children)."""
    pids = {name: process.pid for name, process in cluster.processes.items() if process.poll() is None}
    postmaster = cluster.postgres.data / "postmaster.pid"
    if postmaster.exists():
        pids["postgres"] = int(postmaster.read_text().split()[0])
    return pids


def measure(replicas: int, conversations: list[list[str]], seconds: float, log: Any = print) -> dict[str, Any]:
    folder = Path(tempfile.mkdtemp(prefix="fugong-bench-cluster-"))
    folder.chmod(0o755)  # PostgreSQL's user reaches its data through it
    cluster = Cluster(replicas, folder=folder)
    try:
        log(f"cluster of {replicas}: starting PostgreSQL, Redis, HAProxy and the replicas")
        started = time.monotonic()
        cluster.start()
        start_s = round(time.monotonic() - started, 1)
        with PeakMemory(lambda: cluster_pids(cluster)) as memory:
            run_load(cluster.url, conversations, clients=1, messages=20, seconds=20)
            log(f"cluster of {replicas}: 1 client for {seconds:.0f} s")
            one = run_load(cluster.url, conversations, clients=1, messages=10 * int(seconds), seconds=seconds)
            log(f"cluster of {replicas}: {CLIENTS} clients for {seconds:.0f} s")
            cpu_before, machine_before, wall_before = _cpu_by_name(cluster), _machine_busy(), time.monotonic()
            many = run_load(cluster.url, conversations, clients=CLIENTS, messages=100 * int(seconds),
                            seconds=seconds)
            cpu_after, wall = _cpu_by_name(cluster), time.monotonic() - wall_before
            machine_cores = (_machine_busy() - machine_before) / wall
        cpu = {name: round(cpu_after[name] - cpu_before.get(name, 0.0), 1) for name in cpu_after}
        total_cpu = sum(cpu.values())
        bot_cpu = sum(value for name, value in cpu.items() if name.startswith(("rasa", "actions")))
        return {"replicas": replicas, "start_s": start_s, "one_client": one.summary(),
                "saturated": {**many.summary(), "cpu_s": cpu, "cluster_cpu_s": round(total_cpu, 1),
                              "messages_per_cpu_s": round(len(many.latencies) / total_cpu, 2),
                              "messages_per_bot_cpu_s": round(len(many.latencies) / bot_cpu, 2),
                              "cores_busy": round(total_cpu / wall, 2),
                              "other_cores_busy": round(max(machine_cores - total_cpu / wall, 0.0), 2)},
                "memory_mib": memory.peaks_mib()}
    finally:
        cluster.stop()
        shutil.rmtree(folder, ignore_errors=True)


def _machine_busy() -> float:
    """CPU seconds every process of the machine has spent so far (all cores)."""
    times = psutil.cpu_times()
    return float(times.user + times.nice + times.system + getattr(times, "irq", 0.0) +
                 getattr(times, "softirq", 0.0) + getattr(times, "steal", 0.0))


def _cpu_by_name(cluster: Cluster) -> dict[str, float]:
    return {name: cpu_seconds([pid]) for name, pid in cluster_pids(cluster).items()}


def run(replica_counts: list[int], seconds: float = 30.0, log: Any = print) -> dict[str, Any]:
    conversations = [[turn["text"] for turn in case["turns"]] for case in load_cases()]
    result: dict[str, Any] = {"started": time.strftime("%Y-%m-%d %H:%M"), "machine": {"before": machine_load()},
                              "seconds": seconds, "clients": CLIENTS}
    with OtherProcesses() as others:
        result["runs"] = [measure(count, conversations, seconds, log) for count in replica_counts]
    result["machine"].update(after=machine_load(), others=others.busiest())
    return result


def markdown(result: dict[str, Any]) -> str:
    runs = result["runs"]
    cores = result["machine"]["before"]["cores"]
    rows: list[tuple[str, Callable[[dict[str, Any]], Any]]] = [
        ("throughput at 16 clients, messages/s", lambda r: r["saturated"]["messages_per_s"]),
        ("p50 / p95 at 16 clients, ms", lambda r: f"{r['saturated']['p50_ms']:.0f} / {r['saturated']['p95_ms']:.0f}"),
        ("p50 / p95 at 1 client, ms", lambda r: f"{r['one_client']['p50_ms']:.0f} / {r['one_client']['p95_ms']:.0f}"),
        ("errors (1 client + 16 clients)", lambda r: r["one_client"]["errors"] + r["saturated"]["errors"]),
        ("messages per CPU-second, all processes", lambda r: r["saturated"]["messages_per_cpu_s"]),
        ("messages per CPU-second, Rasa + action servers", lambda r: r["saturated"]["messages_per_bot_cpu_s"]),
        (f"cores busy (of {cores}) at 16 clients: the cluster / other jobs",
         lambda r: f"{r['saturated']['cores_busy']} / {r['saturated'].get('other_cores_busy', '?')}"),
        ("peak memory per replica: Rasa / action server, MiB", _replica_memory),
        ("start (all processes ready), s", lambda r: r["start_s"]),
    ]
    lines = [f"# Scale-out: replicas behind HAProxy ({result['started']})", "",
             f"`python -m bench.cluster`: each cluster from `tools/cluster.py` (PostgreSQL 15, Redis, HAProxy with "
             f"deploy/haproxy.cfg, endpoints.production.yml), {result['clients']} REST clients playing the held-out "
             f"conversations through the balancer for {result['seconds']:.0f} s, after 1 client for as long. "
             f"Machine: {cores} cores, load average {result['machine']['before']['load_average']} before, "
             f"{result['machine']['after']['load_average']} after.", "",
             "| | " + " | ".join(f"{r['replicas']} replica{'s' if r['replicas'] > 1 else ''}" for r in runs) + " |",
             "|---|" + "---|" * len(runs)]
    lines += [f"| {label} | " + " | ".join(str(value(r)) for r in runs) + " |" for label, value in rows]
    lines += ["", "CPU seconds by process at 16 clients:", ""]
    lines += [f"- {r['replicas']} replica(s): " + ", ".join(f"{name} {cpu}" for name, cpu in
                                                          sorted(r["saturated"]["cpu_s"].items())) for r in runs]
    lines += ["", "## What the machine limits", "", limits(result)]
    others = result["machine"]["others"]
    if others:
        lines += ["", "Other processes on the machine meanwhile (CPU seconds): " +
                  "; ".join(f"{o['cpu_s']} `{o['command'][:60]}`" for o in others[:5])]
    return "\n".join(lines) + "\n"


def _replica_memory(run: dict[str, Any]) -> str:
    memory = run["memory_mib"]
    return ", ".join(f"{memory.get(f'rasa{n}', '?')} / {memory.get(f'actions{n}', '?')}"
                     for n in range(1, run["replicas"] + 1))


def limits(result: dict[str, Any]) -> str:
    """What bounded the throughput, from the numbers: the cores, or the replicas (one core each at most)."""
    cores = result["machine"]["before"]["cores"]
    by_size = {run["replicas"]: run["saturated"] for run in result["runs"]}
    text = []
    for replicas, saturated in sorted(by_size.items()):
        busy, others = saturated["cores_busy"], saturated.get("other_cores_busy", 0.0)
        if busy + others >= 0.85 * cores:
            bound = (f"the machine's cores ({others} of them busy with other jobs)" if others >= 0.15 * cores
                     else "the machine's cores")
        elif busy >= 0.85 * replicas:
            bound = "the replicas (a Rasa process uses one core at most)"
        else:
            bound = "neither the cores nor the replicas: waiting (I/O, the balancer, the clients)"
        text.append(f"{replicas} replica(s): the cluster kept {busy} of {cores} cores busy: bound by {bound}.")
    if 1 in by_size and 2 in by_size:
        gain = by_size[2]["messages_per_s"] / by_size[1]["messages_per_s"]
        text.append(f"2 replicas gave ×{gain:.2f} the throughput of 1.")
    per_cpu = max(saturated["messages_per_cpu_s"] for saturated in by_size.values())
    text.append(f"Each message costs about {1000 / per_cpu:.0f} ms of CPU across all processes, so on a machine "
                f"with C free cores and at least C replicas expect about {per_cpu:.0f} × C messages/s, until "
                "PostgreSQL (one transaction per turn) or HAProxy become the limit; more replicas than cores only "
                "add memory and queueing. Measured on a machine shared with other jobs: treat absolute numbers "
                "as a floor.")
    return " ".join(text)


def write(result: dict[str, Any], out: Path) -> None:
    write_report(out, "cluster", result, markdown(result))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replicas", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--seconds", type=float, default=30.0, help="of each load (1 client, then 16)")
    parser.add_argument("--out", type=Path, default=ROOT / "reports")
    args = parser.parse_args()
    result = run(args.replicas, args.seconds)
    write(result, args.out)
    print(markdown(result), flush=True)


if __name__ == "__main__":
    main()
