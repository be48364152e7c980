"""bench.cluster's report: what bounded the throughput, read from the measured numbers."""
from __future__ import annotations

from bench.cluster import limits, markdown


def run(replicas: int, per_second: float, busy: float, others: float) -> dict:
    saturated = {"messages_per_s": per_second, "p50_ms": 500.0, "p95_ms": 900.0, "errors": 0, "cpu_s": {"rasa1": 9.0},
                 "messages_per_cpu_s": 25.0, "messages_per_bot_cpu_s": 28.0, "cores_busy": busy,
                 "other_cores_busy": others}
    return {"replicas": replicas, "start_s": 12.0, "saturated": saturated,
            "memory_mib": {"rasa1": 750, "actions1": 270}, "one_client": {"p50_ms": 40.0, "p95_ms": 60.0, "errors": 0}}


def result(*runs: dict) -> dict:
    machine = {"cores": 2, "load_average": [1.0, 1.0, 1.0]}
    return {"started": "2026-12-01 12:00", "seconds": 30, "clients": 16, "runs": list(runs),
            "machine": {"before": machine, "after": machine, "others": []}}


def test_one_replica_on_a_free_machine_is_bound_by_its_one_core():
    assert "1 replica(s): the cluster kept 0.95 of 2 cores busy: bound by the replicas" in limits(
        result(run(1, 25.0, 0.95, 0.1)))


def test_two_replicas_beside_other_jobs_are_bound_by_the_machine():
    text = limits(result(run(1, 25.0, 0.95, 0.1), run(2, 30.0, 1.2, 0.8)))
    assert "2 replica(s): the cluster kept 1.2 of 2 cores busy: bound by the machine's cores (0.8 of them busy " \
           "with other jobs)" in text
    assert "2 replicas gave ×1.20 the throughput of 1." in text
    assert "expect about 25 × C messages/s" in text


def test_the_table_has_a_column_per_cluster_size():
    table = markdown(result(run(1, 25.0, 0.95, 0.1), run(2, 30.0, 1.2, 0.8)))
    assert "| throughput at 16 clients, messages/s | 25.0 | 30.0 |" in table
    assert "| cores busy (of 2) at 16 clients: the cluster / other jobs | 0.95 / 0.1 | 1.2 / 0.8 |" in table
