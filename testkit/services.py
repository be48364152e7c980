"""Throw-away PostgreSQL and Redis servers on free loopback ports, for the "same code, other stores" tests.

`make test` installs Debian's postgresql and redis-server first (`make test-deps`).
"""
from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from tools.ports import free_port


def _postgres_bin(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if not found:
        raise RuntimeError("PostgreSQL is not installed: run `make test-deps`")
    return found[-1]


def _as_postgres(command: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root; tests here often do."""
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


class Postgres:
    def __init__(self):
        self.port = free_port()
        self.dir = Path(tempfile.mkdtemp(prefix="fugong-pg-"))
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres")

    def start(self) -> Postgres:
        subprocess.run(_as_postgres([_postgres_bin("initdb"), "-D", str(self.dir / "data"), "-A", "trust",
                                     "-U", "postgres"]), check=True, capture_output=True)
        self.start_server()
        return self

    def start_server(self) -> None:
        """Start the server on its data (again, after `stop_server`)."""
        subprocess.run(_as_postgres([_postgres_bin("pg_ctl"), "-D", str(self.dir / "data"), "-w", "-l",
                                     str(self.dir / "log"), "-o",
                                     f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1", "start"]),
                       check=True, capture_output=True)

    def stop_server(self) -> None:
        subprocess.run(_as_postgres([_postgres_bin("pg_ctl"), "-D", str(self.dir / "data"), "-m", "fast", "stop"]),
                       capture_output=True)

    def create_database(self, name: str) -> str:
        subprocess.run(_as_postgres([_postgres_bin("createdb"), "-h", "127.0.0.1", "-p", str(self.port),
                                     "-U", "postgres", name]), check=True, capture_output=True)
        return f"postgresql://postgres@127.0.0.1:{self.port}/{name}"

    def stop(self) -> None:
        self.stop_server()
        shutil.rmtree(self.dir, ignore_errors=True)


class Redis:
    def __init__(self):
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    def start(self) -> Redis:
        binary = shutil.which("redis-server")
        if binary is None:
            raise RuntimeError("redis-server is not installed: run `make test-deps`")
        self.process = subprocess.Popen([binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
                                         "--appendonly", "no"], stdout=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while subprocess.run(["redis-cli", "-p", str(self.port), "ping"], capture_output=True,
                             text=True).stdout.strip() != "PONG":
            if time.monotonic() > deadline:
                raise TimeoutError("redis-server did not start")
            time.sleep(0.1)
        return self

    def stop(self) -> None:
        if self.process:
            self.process.terminate()
            self.process.wait(timeout=10)
