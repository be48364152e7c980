"""tools/servers.py and `make run`'s launcher: an endpoints file of one's choice, nothing left behind."""
from __future__ import annotations

import subprocess
import sys

import yaml

from tools import ROOT
from tools.ports import free_port
from tools.servers import BotServers


def test_the_endpoints_file_names_this_instance_and_its_folder_goes_at_stop(tmp_path):
    servers = BotServers(free_port(), free_port(), tracker_db=tmp_path / "tracker.db")
    written = servers.endpoints_file()
    endpoints = yaml.safe_load(written.read_text(encoding="utf-8"))
    assert endpoints["action_endpoint"]["url"] == f"http://127.0.0.1:{servers.action_port}/webhook"
    assert endpoints["tracker_store"]["db"] == str(tmp_path / "tracker.db")
    assert endpoints["tracker_store"]["type"] == "rasa_speedups.recent_turns.RecentTurnsSQLTrackerStore"
    servers.stop()
    assert not written.parent.exists()


def test_other_endpoints_keep_their_stores():
    servers = BotServers(free_port(), free_port(), endpoints=ROOT / "endpoints.production.yml")
    try:
        endpoints = yaml.safe_load(servers.endpoints_file().read_text(encoding="utf-8"))
    finally:
        servers.stop()
    assert endpoints["tracker_store"]["dialect"] == "postgresql"
    assert endpoints["lock_store"]["type"] == "rasa_speedups.lock_store.AtomicRedisLockStore"
    assert endpoints["action_endpoint"]["url"] == f"http://127.0.0.1:{servers.action_port}/webhook"


def test_make_run_takes_an_endpoints_file_and_names_one_it_cannot_read(tmp_path):
    missing = tmp_path / "missing.yml"
    done = subprocess.run([sys.executable, "-m", "tools.serve", "--endpoints", str(missing), "--rasa-port",
                           str(free_port()), "--action-port", str(free_port())],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert f"error: [Errno 2] No such file or directory: '{missing}'" in done.stderr
