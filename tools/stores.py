"""PostgreSQL and Redis servers of our own, from Debian's packages, for `make cluster` (tools/cluster.py).

Each keeps its data and log under a folder of ours and listens on 127.0.0.1 only. PostgreSQL refuses to run as root:
as root, its commands run as the `postgres` user (Debian's package creates it).
"""
from __future__ import annotations

import glob
import os
import shutil
import subprocess
import time
from pathlib import Path


class PostgresServer:
    """A PostgreSQL cluster in `folder`: superuser `postgres` over its Unix socket, passwords over TCP."""

    def __init__(self, folder: Path, port: int) -> None:
        self.folder, self.port = folder, port
        self.data = folder / "data"

    def initialise(self, host_auth: str = "scram-sha-256") -> None:
        """Creates the cluster once (UTF-8: conversations are Chinese); `host_auth` "trust" for throw-away tests."""
        if (self.data / "PG_VERSION").exists():
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres")
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "-E", "UTF8", "--locale=C",
                  "--auth-local=trust", f"--auth-host={host_auth}")

    def start(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-w", "-t", "60", "-l", str(self.folder / "postgres.log"), "-o",
                  f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1", "start")

    def stop(self) -> None:
        if (self.data / "postmaster.pid").exists():
            self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def sql(self, statement: str, database: str = "postgres") -> str:
        """Runs `statement` as the superuser; its rows, one a line, columns separated by |."""
        return self._run("psql", "-h", str(self.folder), "-p", str(self.port), "-U", "postgres", "-d", database,
                         "-v", "ON_ERROR_STOP=1", "-tAc", statement).strip()

    def ensure_owner(self, user: str, password: str, database: str) -> None:
        """A login role owning its database (PostgreSQL 15: only the owner may create tables in `public`)."""
        quoted = password.replace("'", "''")
        if not self.sql(f"SELECT 1 FROM pg_roles WHERE rolname = '{user}'"):
            self.sql(f"CREATE ROLE \"{user}\" LOGIN PASSWORD '{quoted}'")
        else:
            self.sql(f"ALTER ROLE \"{user}\" LOGIN PASSWORD '{quoted}'")
        if not self.sql(f"SELECT 1 FROM pg_database WHERE datname = '{database}'"):
            self.sql(f"CREATE DATABASE \"{database}\" OWNER \"{user}\"")

    def _run(self, program: str, *args: str) -> str:
        command = [_postgres_bin(program), *args]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        done = subprocess.run(command, stdin=subprocess.DEVNULL, capture_output=True, text=True, cwd="/")
        if done.returncode:
            raise RuntimeError(f"{program} failed ({done.returncode}): {(done.stderr or done.stdout).strip()}")
        return done.stdout


class RedisServer:
    """redis-server without persistence (locks, WeChat retries and menus are short-lived), with a password unless
    it is "" (throw-away tests)."""

    def __init__(self, folder: Path, port: int, password: str = "") -> None:
        self.folder, self.port, self.password = folder, port, password
        self.process: subprocess.Popen[bytes] | None = None

    def start(self, timeout: float = 10) -> subprocess.Popen[bytes]:
        binary = shutil.which("redis-server")
        if binary is None:
            raise RuntimeError("redis-server is not installed: run `make test-deps`")
        self.folder.mkdir(parents=True, exist_ok=True)
        config = self.folder / "redis.conf"  # the password stays out of `ps`
        password = f"requirepass {self.password}\n" if self.password else ""
        config.write_text(f"port {self.port}\nbind 127.0.0.1\nsave \"\"\nappendonly no\n{password}"
                          f"logfile {self.folder / 'redis.log'}\n", encoding="utf-8")
        config.chmod(0o600)
        self.process = subprocess.Popen([binary, str(config)], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL, start_new_session=True)
        deadline = time.monotonic() + timeout
        while self.cli("PING") != "PONG":
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"redis-server did not start: see {self.folder / 'redis.log'}")
            time.sleep(0.1)
        return self.process

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)

    def cli(self, *command: str) -> str:
        done = subprocess.run(["redis-cli", "-p", str(self.port), *command], capture_output=True, text=True,
                              env={**os.environ, **({"REDISCLI_AUTH": self.password} if self.password else {})})
        return done.stdout.strip()


def _postgres_bin(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if not found:
        raise RuntimeError("PostgreSQL is not installed: run `make test-deps`")
    return found[-1]
