"""The deployment's configuration files, read as Rasa and HAProxy read them (no cluster needed)."""
from __future__ import annotations

import os
import re
import subprocess
import time
from pathlib import Path

import pytest
from rasa.utils.endpoints import read_endpoint_config

from rasa_speedups.shared_sql import UnusableTrackerStore, wait_for_database
from tools import ROOT
from tools.cluster import ENDPOINTS, Cluster
from tools.ports import free_port

ENV_EXAMPLE = ROOT / "deploy" / "cluster.env.example"


def documented_variables() -> dict[str, str]:
    lines = ENV_EXAMPLE.read_text(encoding="utf-8").splitlines()
    return dict(line.split("=", 1) for line in lines if re.match(r"[A-Z_]+=", line))


def endpoints_values() -> str:
    """The endpoints file without its comments."""
    return "\n".join(line.split("#", 1)[0] for line in ENDPOINTS.read_text(encoding="utf-8").splitlines())


def test_every_variable_of_the_endpoints_file_is_documented_with_an_example():
    used = set(re.findall(r"\$\{(\w+)\}", endpoints_values()))
    assert used and used <= set(documented_variables())


def test_no_variable_is_quoted_rasa_would_not_substitute_it():
    assert "${" in endpoints_values() and not re.search(r"[\"']\$\{", endpoints_values())


def test_rasa_reads_the_endpoints_file_with_the_example_environment(monkeypatch):
    example = documented_variables()
    for name, value in example.items():
        monkeypatch.setenv(name, value)
    tracker = read_endpoint_config(str(ENDPOINTS), "tracker_store")
    locks = read_endpoint_config(str(ENDPOINTS), "lock_store")
    action = read_endpoint_config(str(ENDPOINTS), "action_endpoint")
    assert tracker is not None and locks is not None and action is not None
    assert (tracker.url, int(tracker.kwargs["port"]), tracker.kwargs["password"]) == (
        example["TRACKER_DB_HOST"], 5432, example["TRACKER_DB_PASSWORD"])
    assert (locks.type, locks.url, int(locks.kwargs["port"]), locks.kwargs["lock_lifetime"]) == (
        "rasa_speedups.lock_store.AtomicRedisLockStore", example["REDIS_HOST"], 6379, 5)
    assert action.url == example["ACTION_ENDPOINT_URL"]


def test_a_database_that_never_answers_stops_the_start_after_the_timeout():
    started = time.monotonic()
    with pytest.raises(UnusableTrackerStore, match="did not answer within 1 s"):
        wait_for_database(f"postgresql://rasa:pw@127.0.0.1:{free_port()}/rasa", timeout=1, every=0.2)
    assert time.monotonic() - started < 5


@pytest.mark.parametrize("replicas", [1, 3])
def test_haproxy_accepts_the_config_with_the_local_servers(tmp_path: Path, replicas: int):
    cluster = Cluster(replicas, folder=tmp_path)
    command = cluster._haproxy_command()
    config = Path(command[-1]).read_text(encoding="utf-8")
    assert [line.split()[1:3] for line in config.splitlines() if line.strip().startswith("server ")] == [
        [replica.name, f"127.0.0.1:{replica.rasa_port}"] for replica in cluster.replicas]
    env = {**os.environ, "HAPROXY_BIND": f"127.0.0.1:{cluster.port}",
           "HAPROXY_METRICS_BIND": f"127.0.0.1:{cluster.metrics_port}"}
    checked = subprocess.run(["haproxy", "-c", "-f", command[-1]], env=env, capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
