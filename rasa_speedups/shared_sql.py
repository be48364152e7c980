"""The tracker store of several Rasa replicas (endpoints.production.yml): Rasa's own SQL store, usable or not started.

Rasa 3.6's `SQLTrackerStore` starts on a database it cannot use: when creating its table fails (on PostgreSQL 15, a
database the Rasa user does not own: "permission denied for schema public") it logs "Could not create tables" and
goes on, and a database it cannot reach it retries every 5 s forever. This store
- waits for the database at most `startup_timeout` seconds (Compose may start Rasa first), then stops the server;
- writes and deletes one row before the server starts (the readiness probe's row): a database it cannot write stops
  the server with what to do, instead of a bot whose every turn fails;
- tests a pooled connection before lending it (`pool_pre_ping`), so that the first turns after a database restart
  do not fail on connections the restart closed.
It caches nothing (unlike `SessionCachingSQLTrackerStore`): another replica may have written the conversation since.
"""
from __future__ import annotations

import logging
import time
from typing import Any

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore, create_engine_kwargs, validate_port
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.orm import sessionmaker

from .compat import Hook, require
from .episodes import describe
from .readiness import write_and_delete_a_row

# Rasa's SQL store this one extends: its constructor and the helpers it calls to build the same engine.
HOOKS = (Hook("rasa.core.tracker_store:SQLTrackerStore.__init__",
              ("self", "domain", "dialect", "host", "port", "db", "username", "password", "event_broker", "login_db",
               "query", "kwargs")),
         Hook("rasa.core.tracker_store:SQLTrackerStore.get_db_url",
              ("dialect", "host", "port", "db", "username", "password", "login_db", "query")),
         Hook("rasa.core.tracker_store:create_engine_kwargs", ("url",)),
         Hook("rasa.core.tracker_store:validate_port", ("port",)))
require(*HOOKS)

logger = logging.getLogger(__name__)

OWNER_HINT = ("On PostgreSQL 15 and later the Rasa user must own its database: "
              "`CREATE DATABASE <db> OWNER <user>;` or `ALTER DATABASE <db> OWNER TO <user>;` (docs/deploy.md).")


class UnusableTrackerStore(RuntimeError):
    """The database cannot keep conversations: the server must not start."""


class SharedSQLTrackerStore(SQLTrackerStore):
    def __init__(self, domain: Any = None, dialect: str = "sqlite", host: str | None = None, port: Any = None,
                 db: str = "rasa.db", username: str | None = None, password: str | None = None,
                 event_broker: Any = None, login_db: str | None = None, query: dict[str, Any] | None = None,
                 startup_timeout: float = 60.0, **kwargs: Any) -> None:
        # Rasa annotates username and password as str yet defaults them to None, as we do
        url = self.get_db_url(dialect, host, validate_port(port), db, username, password,  # type: ignore[arg-type]
                              login_db, query)
        wait_for_database(url, float(startup_timeout))
        super().__init__(domain, dialect, host, port, db, username, password,  # type: ignore[arg-type]
                         event_broker, login_db, query, **kwargs)
        self.engine.dispose()
        self.engine = sa.create_engine(self.engine.url, pool_pre_ping=True, **create_engine_kwargs(self.engine.url))
        self.sessionmaker = sessionmaker(bind=self.engine)
        try:
            write_and_delete_a_row(self)
        except SQLAlchemyError as error:
            raise UnusableTrackerStore(f"The tracker store cannot write to {self.engine.url!r} ({describe(error)}). "
                                       f"{OWNER_HINT}") from error


def wait_for_database(url: Any, timeout: float, every: float = 1.0) -> None:
    """Until a connection to `url` opens; `UnusableTrackerStore` after `timeout` seconds."""
    engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
    deadline = time.monotonic() + timeout
    try:
        while True:
            try:
                engine.connect().close()
                return
            except OperationalError as error:
                if time.monotonic() >= deadline:
                    raise UnusableTrackerStore(f"The tracker store's database {engine.url!r} did not answer within "
                                               f"{timeout:.0f} s: {describe(error)}") from error
                logger.warning("Waiting for the tracker store's database (%s).", describe(error))
                time.sleep(every)
    finally:
        engine.dispose()
