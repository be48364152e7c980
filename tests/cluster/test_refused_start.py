"""A replica whose database the Rasa user does not own (PostgreSQL 15: no CREATE on schema public) does not start
(issue 11: it started, logged "permission denied for schema public" and kept every conversation in memory)."""
from __future__ import annotations

import subprocess

import pytest

from tools import ROOT
from tools.cluster import Cluster
from tools.ports import free_port

pytestmark = pytest.mark.slow


def test_a_database_the_rasa_user_does_not_own_stops_the_replica(cluster: Cluster):
    if not cluster.postgres.sql("SELECT 1 FROM pg_database WHERE datname = 'not_owned'"):
        cluster.postgres.sql('CREATE DATABASE not_owned')  # owned by the superuser, as `createdb` run by an admin
    replica = cluster.replicas[0]
    env = {**cluster.replica_env(replica), "TRACKER_DB_NAME": "not_owned"}
    command = [part if part != str(replica.rasa_port) else str(free_port()) for part in cluster._rasa_command(replica)]
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=180)
    assert done.returncode != 0
    assert "the Rasa user must own its database" in done.stdout + done.stderr
