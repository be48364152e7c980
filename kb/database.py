"""Connections for the operations tables (votes, hourly counts, operators), and the one upsert they need.

One engine per URL and process: the operations page and the vote route query often, and a new engine per query
would reconnect each time. SQLite waits for a build's write lock (seconds) rather than fail.
"""
from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Table, create_engine
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Engine

_engines: dict[str, Engine] = {}
_lock = threading.Lock()


def engine_for(url: str) -> Engine:
    with _lock:
        engine = _engines.get(url)
        if engine is None:
            connect_args = {"timeout": 60} if url.startswith("sqlite") else {}
            engine = _engines[url] = create_engine(url, future=True, pool_pre_ping=True, connect_args=connect_args)
        return engine


def dispose_all() -> None:
    """Close every kept connection (tests that delete their database files)."""
    with _lock:
        for engine in _engines.values():
            engine.dispose()
        _engines.clear()


def upsert(conn: Connection, table: Table, rows: Sequence[dict[str, Any]], keys: Sequence[str],
           add: Sequence[str] = (), replace: Sequence[str] = ()) -> None:
    """Insert `rows`; a row whose `keys` exist adds its `add` columns to the stored ones and overwrites `replace`.

    SQLite (3.24+) and PostgreSQL: INSERT … ON CONFLICT DO UPDATE, one statement, safe with concurrent writers.
    """
    if not rows:
        return
    dialect = conn.dialect.name
    if dialect == "postgresql":
        statement: Any = postgresql.insert(table)
    elif dialect == "sqlite":
        statement = sqlite.insert(table)
    else:
        raise NotImplementedError(f"the operations tables need SQLite or PostgreSQL, not {dialect}")
    updates = {**{name: table.c[name] + statement.excluded[name] for name in add},
               **{name: statement.excluded[name] for name in replace}}
    conn.execute(statement.on_conflict_do_update(index_elements=list(keys), set_=updates), list(rows))
