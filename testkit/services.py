"""Throw-away PostgreSQL and Redis servers on free loopback ports, for the "same code, other stores" tests: the
servers `make cluster` runs (tools/stores.py), in a temporary folder, without passwords.

`make test` installs Debian's postgresql and redis-server first (`make test-deps`).
"""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from tools.ports import free_port
from tools.stores import PostgresServer, RedisServer


class Postgres:
    def __init__(self) -> None:
        self.port = free_port()
        self.dir = Path(tempfile.mkdtemp(prefix="fugong-pg-"))
        self._server = PostgresServer(self.dir, self.port)

    def start(self) -> Postgres:
        self._server.initialise(host_auth="trust")
        self.start_server()
        return self

    def start_server(self) -> None:
        """Start the server on its data (again, after `stop_server`)."""
        self._server.start()

    def stop_server(self) -> None:
        self._server.stop()

    def create_database(self, name: str) -> str:
        self._server.sql(f'CREATE DATABASE "{name}"')
        return f"postgresql://postgres@127.0.0.1:{self.port}/{name}"

    def stop(self) -> None:
        self.stop_server()
        shutil.rmtree(self.dir, ignore_errors=True)


class Redis:
    def __init__(self) -> None:
        self.port = free_port()
        self.dir = Path(tempfile.mkdtemp(prefix="fugong-redis-"))
        self._server = RedisServer(self.dir, self.port)

    def start(self) -> Redis:
        self._server.start()
        return self

    def stop(self) -> None:
        """Stops it; `start()` starts it again (its folder is made anew)."""
        self._server.stop()
        shutil.rmtree(self.dir, ignore_errors=True)
