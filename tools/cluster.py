"""`make cluster N=2` / `make cluster-stop`: the bot as it is deployed, on this machine.

`python -m tools.cluster start --replicas N [--port P]` starts PostgreSQL 15 (its data in build/cluster/postgres, a
role `rasa` owning database `rasa`), Redis (with a password), N Rasa replicas with their action servers on
127.0.0.1, and HAProxy with deploy/haproxy.cfg in front of them; waits until every replica is ready (/health/ready:
warm-up done, stores reachable) and HAProxy sees it up; prints the one URL to use and returns, leaving them running.
Each replica gets the environment of deploy/cluster.env.example and `endpoints.production.yml` as it is.
`python -m tools.cluster stop` stops exactly the processes the last start recorded (build/cluster/state.json).

Ports: `--port P` puts HAProxy on P and everything else on P+1, P+2, …; without it, free ports. Passwords and the
widget's signing key are generated once into build/cluster/secrets.json (mode 600). Logs: build/cluster/logs/.
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import os
import re
import secrets
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from tools.ports import free_port
from tools.servers import BIN, DEFAULT_MODEL, ROOT, bot_environment, wait_for
from tools.stores import PostgresServer, RedisServer

STATE_DIR = ROOT / "build" / "cluster"
HAPROXY_CONFIG = ROOT / "deploy" / "haproxy.cfg"
ENDPOINTS = ROOT / "endpoints.production.yml"
DATABASE = USER = "rasa"
LOCK_DB, WECHAT_DB = 1, 2  # Redis databases: Rasa's locks (endpoints file), WeChat's shared state


@dataclass(frozen=True)
class Replica:
    number: int
    rasa_port: int
    action_port: int

    @property
    def name(self) -> str:
        return f"rasa{self.number}"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.rasa_port}"


class Cluster:
    def __init__(self, replicas: int = 2, folder: Path = STATE_DIR, base_port: int | None = None,
                 credentials: Path = ROOT / "credentials.yml", model: Path = DEFAULT_MODEL,
                 env: dict[str, str] | None = None, endpoints: Path = ENDPOINTS,
                 haproxy_config: Path = HAPROXY_CONFIG) -> None:
        if replicas < 1:
            raise ValueError("at least one replica")
        self.folder, self.credentials, self.model, self.extra_env = folder, credentials, model, env or {}
        self.endpoints, self.haproxy_config = endpoints, haproxy_config
        self.secrets = _secrets(folder / "secrets.json")
        self._base_port = base_port
        self._pick_ports(replicas)
        self.processes: dict[str, subprocess.Popen[bytes]] = {}
        self._commands: dict[str, tuple[list[str], dict[str, str]]] = {}

    def _pick_ports(self, replicas: int) -> None:
        """From `base_port` on, else free ones (which another program may take before ours bind them)."""
        ports = iter(range(self._base_port, self._base_port + 4 + 2 * replicas)) if self._base_port else None

        def port() -> int:
            return next(ports) if ports else free_port()

        self.port, self.metrics_port = port(), port()
        self.postgres = PostgresServer(self.folder / "postgres", port())
        self.redis = RedisServer(self.folder / "redis", port(), self.secrets["redis_password"])
        self.replicas = [Replica(number, port(), port()) for number in range(1, replicas + 1)]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def database_url(self) -> str:
        return (f"postgresql://{USER}:{self.secrets['postgres_password']}@127.0.0.1:{self.postgres.port}/"
                f"{DATABASE}")

    def redis_url(self, db: int) -> str:
        return f"redis://:{self.secrets['redis_password']}@127.0.0.1:{self.redis.port}/{db}"

    # --- start and stop ------------------------------------------------------------------------------------------

    def start(self, timeout: float = 300) -> Cluster:
        """Everything, then waits until each replica is ready and HAProxy sends it traffic; stops all on failure.

        With free ports, a start that failed because one of them was taken meanwhile is tried once more on others.
        """
        if not self.model.exists():
            raise FileNotFoundError(f"{self.model} is missing: run `make model` first")
        try:
            return self._start(timeout)
        except (RuntimeError, TimeoutError):
            if self._base_port is not None or not self._a_port_was_taken():
                raise
        self._pick_ports(len(self.replicas))
        return self._start(timeout)

    def _a_port_was_taken(self) -> bool:
        logs = [*(self.folder / "logs").glob("*.log"), self.redis.folder / "redis.log",
                self.postgres.folder / "postgres.log"]
        return any("address already in use" in log.read_text(errors="replace").lower()
                   for log in logs if log.exists())

    def _start(self, timeout: float) -> Cluster:
        (self.folder / "logs").mkdir(parents=True, exist_ok=True)
        for log in [*(self.folder / "logs").glob("*.log"), self.redis.folder / "redis.log",
                    self.postgres.folder / "postgres.log"]:
            log.unlink(missing_ok=True)  # this start's logs only
        try:
            self.postgres.initialise()
            self.postgres.start()
            self._save_state()
            self.postgres.ensure_owner(USER, self.secrets["postgres_password"], DATABASE)
            self.processes["redis"] = self.redis.start()
            for replica in self.replicas:
                self._spawn(f"actions{replica.number}", self._actions_command(replica), self.replica_env(replica))
                self._spawn(replica.name, self._rasa_command(replica), self.replica_env(replica))
            self._spawn("haproxy", self._haproxy_command(),
                        {**os.environ, "HAPROXY_BIND": f"127.0.0.1:{self.port}",
                         "HAPROXY_METRICS_BIND": f"127.0.0.1:{self.metrics_port}"})
            for replica in self.replicas:
                self.wait_until_ready(replica, timeout)
            self.wait_for_balancer(timeout=30)
        except BaseException:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        """Stops what this object started: HAProxy, the replicas, Redis, PostgreSQL."""
        for name in sorted(self.processes, key=_stop_order):
            _terminate(self.processes.pop(name), interrupt=name.startswith("rasa"))
        self.postgres.stop()
        (self.folder / "state.json").unlink(missing_ok=True)

    def replica_env(self, replica: Replica) -> dict[str, str]:
        """What deploy/cluster.env.example documents, for this replica (`env` given to the cluster last)."""
        return {**bot_environment(),
                "ACTION_ENDPOINT_URL": f"http://127.0.0.1:{replica.action_port}/webhook",
                "SANIC_HOST": "127.0.0.1",  # where rasa-sdk listens (it has no --interface)
                "TRACKER_DB_HOST": "127.0.0.1", "TRACKER_DB_PORT": str(self.postgres.port),
                "TRACKER_DB_NAME": DATABASE, "TRACKER_DB_USER": USER,
                "TRACKER_DB_PASSWORD": self.secrets["postgres_password"],
                "REDIS_HOST": "127.0.0.1", "REDIS_PORT": str(self.redis.port),
                "REDIS_PASSWORD": self.secrets["redis_password"], "WECHAT_REDIS_URL": self.redis_url(WECHAT_DB),
                "FUGONG_WIDGET_SECRET": self.secrets["widget_secret"], **self.extra_env}

    # --- for tests: one part fails, comes back ----------------------------------------------------------------

    def kill(self, name: str) -> None:
        """SIGKILL, as a crash: no clean-up, no lock released."""
        process = self.processes[name]
        process.kill()
        process.wait()

    def restart(self, name: str) -> None:
        """Starts a process that was killed again, as it was started (does not wait for it)."""
        if self.processes[name].poll() is None:
            raise RuntimeError(f"{name} is still running")
        command, env = self._commands[name]
        self._spawn(name, command, env)

    def wait_until_ready(self, replica: Replica, timeout: float = 300) -> None:
        wait_for(f"{replica.url}/health/ready", self.processes[replica.name], timeout)

    def wait_for_balancer(self, timeout: float = 30) -> None:
        """Until HAProxy's health checks see every replica up."""
        deadline = time.monotonic() + timeout
        while (down := self.servers_down()) and time.monotonic() < deadline:
            time.sleep(0.25)
        if down:
            raise TimeoutError(f"HAProxy does not see {', '.join(down)} up after {timeout:.0f} s")

    def servers_down(self) -> list[str]:
        """Replicas HAProxy does not send traffic to (its stats page)."""
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.metrics_port}/stats;csv", timeout=2) as answer:
                rows = list(csv.DictReader(io.StringIO(answer.read().decode().lstrip("# "))))
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            return [replica.name for replica in self.replicas]
        up = {row["svname"] for row in rows if row["pxname"] == "rasa" and row["status"] == "UP"}
        return [replica.name for replica in self.replicas if replica.name not in up]

    # --- the processes -------------------------------------------------------------------------------------

    def _actions_command(self, replica: Replica) -> list[str]:
        return [str(BIN / "python"), "-m", "rasa_sdk", "--actions", "actions", "--port", str(replica.action_port)]

    def _rasa_command(self, replica: Replica) -> list[str]:
        return [str(BIN / "python"), "-m", "rasa_speedups", "run", "--model", str(self.model), "--interface",
                "127.0.0.1", "--port", str(replica.rasa_port), "--credentials", str(self.credentials),
                "--endpoints", str(self.endpoints)]

    def _haproxy_command(self) -> list[str]:
        config = self.folder / "haproxy.cfg"
        servers = "\n".join(f"    server {replica.name} 127.0.0.1:{replica.rasa_port}" for replica in self.replicas)
        text, count = re.subn(r"^\s*server-template .*$", servers, self.haproxy_config.read_text(encoding="utf-8"),
                              flags=re.MULTILINE)
        if count != 1:
            raise RuntimeError(f"{self.haproxy_config} must have exactly one server-template line")
        config.write_text(text, encoding="utf-8")
        return ["haproxy", "-db", "-f", str(config)]

    def _spawn(self, name: str, command: list[str], env: dict[str, str]) -> None:
        with open(self.folder / "logs" / f"{name}.log", "ab") as log:
            self.processes[name] = subprocess.Popen(command, cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=log,
                                                    stderr=subprocess.STDOUT, start_new_session=True)
        self._commands[name] = (command, env)
        self._save_state()

    def _save_state(self) -> None:
        """What `stop` needs from another process: each PID with its start time (a PID may be reused)."""
        processes = {name: {"pid": process.pid, "started": _start_time(process.pid)}
                     for name, process in self.processes.items()}
        state = {"url": self.url, "processes": processes, "postgres": str(self.postgres.folder),
                 "postgres_port": self.postgres.port}
        (self.folder / "state.json").write_text(json.dumps(state, indent=1), encoding="utf-8")


def stop_recorded(folder: Path = STATE_DIR) -> list[str]:
    """`make cluster-stop`: the processes `state.json` names (those still running as recorded), then PostgreSQL."""
    path = folder / "state.json"
    if not path.exists():
        return []
    state = json.loads(path.read_text(encoding="utf-8"))
    stopped = []
    for name, record in sorted(state["processes"].items(), key=lambda item: _stop_order(item[0])):
        if _start_time(record["pid"]) == record["started"]:
            _signal_and_wait(record["pid"], signal.SIGINT if name.startswith("rasa") else signal.SIGTERM)
            stopped.append(name)
    PostgresServer(Path(state["postgres"]), state["postgres_port"]).stop()
    path.unlink()
    return [*stopped, "postgres"]


def _stop_order(name: str) -> int:
    """The balancer first (no new traffic), then Rasa, its action servers, Redis."""
    order = ("haproxy", "rasa", "actions", "redis", "")
    return next(rank for rank, prefix in enumerate(order) if name.startswith(prefix))


def _terminate(process: subprocess.Popen[bytes], interrupt: bool) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGINT if interrupt else signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _signal_and_wait(pid: int, sig: signal.Signals, timeout: float = 20) -> None:
    os.kill(pid, sig)
    deadline = time.monotonic() + timeout
    while _start_time(pid) is not None:
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
        time.sleep(0.1)


def _start_time(pid: int) -> int | None:
    """The process's start time in clock ticks since boot (/proc/<pid>/stat field 22); None once it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return None if fields[0] == "Z" else int(fields[19])


def _secrets(path: Path) -> dict[str, str]:
    """Generated once, kept between starts (the PostgreSQL role keeps its password)."""
    if path.exists():
        return dict(json.loads(path.read_text(encoding="utf-8")))
    path.parent.mkdir(parents=True, exist_ok=True)
    values = {name: secrets.token_urlsafe(24) for name in ("postgres_password", "redis_password", "widget_secret")}
    path.touch(mode=0o600)
    path.write_text(json.dumps(values), encoding="utf-8")
    return values


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    start = commands.add_parser("start", help="start a cluster and leave it running")
    start.add_argument("--replicas", type=int, default=2)
    start.add_argument("--port", type=int, default=8080, help="HAProxy's port; the others follow it")
    start.add_argument("--credentials", type=Path, default=ROOT / "credentials.yml")
    commands.add_parser("stop", help="stop what the last start started")
    args = parser.parse_args()
    if args.command == "stop":
        stopped = stop_recorded()
        print(f"stopped: {', '.join(stopped)}" if stopped else "no cluster was running")
        return 0
    if (STATE_DIR / "state.json").exists():
        print("error: a cluster is running (build/cluster/state.json): `make cluster-stop` first", file=sys.stderr)
        return 1
    cluster = Cluster(args.replicas, base_port=args.port, credentials=args.credentials)
    print(f"Starting PostgreSQL, Redis, {args.replicas} Rasa replica(s) with their action servers and HAProxy "
          "(a minute or two)…", flush=True)
    try:
        cluster.start()
    except (RuntimeError, TimeoutError, FileNotFoundError) as error:
        print(f"error: {error} (logs: {cluster.folder / 'logs'})", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    print(f"\n复工助手 cluster is up: {cluster.url}  (REST: {cluster.url}/webhooks/rest/webhook)",
          *(f"  {replica.name}: {replica.url}" for replica in cluster.replicas),
          f"  HAProxy stats: http://127.0.0.1:{cluster.metrics_port}/stats", "Stop it with `make cluster-stop`.",
          sep="\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
