"""The knowledge base a running process answers from, reloaded when a new build is committed.

`current_kb()` replaces a load-once cache: the bot picks up `python -m kb build` within seconds, without a restart.
At most every `KB_RELOAD_SECONDS` (default 2) a call wakes a background thread that reads the latest build id (one
`SELECT max(id)`); when it changed, that thread loads the new build and swaps the reference once loading is
complete. Callers never wait for the database and keep the object they got, so one answer is computed on one
knowledge base. A failed check or load keeps the old one, logs once per failure episode and is counted.
"""
from __future__ import annotations

import logging
import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import create_engine, func, inspect, select
from sqlalchemy.engine import Engine

from . import schema
from .knowledge_base import KnowledgeBase
from .settings import database_url, reload_seconds

log = logging.getLogger(__name__)

_MAX_BACKOFF_SECONDS = 60.0  # a build that fails to load is retried less and less often, down to once a minute


@dataclass(frozen=True)
class _Loaded:
    kb: KnowledgeBase
    build_id: int | None


def latest_build_id(engine: Engine) -> int | None:
    """The id of the last committed build; None for a database built before builds were logged (or never built)."""
    with engine.connect() as conn:
        if not inspect(conn).has_table(schema.kb_builds.name):
            return None
        latest: int | None = conn.execute(select(func.max(schema.kb_builds.c.id))).scalar()
        return latest


class LiveKnowledgeBase:
    """Holds the loaded knowledge base of one database URL and swaps in newer builds in the background."""

    def __init__(self, url: str | None = None, check_seconds: float | None = None,
                 loader: Callable[[str], KnowledgeBase] = KnowledgeBase.load):
        self.url = url or database_url()
        self.check_seconds = reload_seconds() if check_seconds is None else check_seconds
        self._loader = loader
        self._engine = create_engine(self.url, future=True, pool_pre_ping=True)  # survives a database restart
        self._loaded: _Loaded | None = None
        self._first_load_lock = threading.Lock()
        self._due = threading.Event()  # wakes the checker thread
        self._closed = False
        self._next_check = math.inf  # monotonic time; inf while a check is due or running
        self._backoff = self.check_seconds
        self._failing = False
        self.loads = 0  # successful loads, the first included
        self.failures = 0  # failed checks or loads
        self.last_load_seconds: float | None = None

    @property
    def build_id(self) -> int | None:
        return self._loaded.build_id if self._loaded else None

    def current(self) -> KnowledgeBase:
        """The loaded knowledge base (the first call loads it); wakes the background check when one is due."""
        loaded = self._loaded
        if loaded is None:
            return self._first_load()
        if time.monotonic() >= self._next_check:
            self._next_check = math.inf  # one wake-up per check
            self._due.set()
        return loaded.kb

    def close(self) -> None:
        self._closed = True
        self._due.set()
        self._engine.dispose()

    def _reload(self) -> bool:
        """Load the latest build unless it is the one loaded; whether it was swapped in."""
        build_id = latest_build_id(self._engine)
        if self._loaded is not None and build_id == self._loaded.build_id:
            return False
        started = time.perf_counter()
        kb = self._loader(self.url)
        if latest_build_id(self._engine) != build_id:  # the tables we read may mix two builds
            raise _BuildChangedDuringLoad(f"build {build_id} was replaced while it was loaded")
        self.last_load_seconds = time.perf_counter() - started
        self._loaded = _Loaded(kb, build_id)
        self.loads += 1
        return True

    def _first_load(self) -> KnowledgeBase:
        with self._first_load_lock:
            attempts = 3
            while self._loaded is None:
                attempts -= 1
                try:
                    self._reload()
                except _BuildChangedDuringLoad:
                    if not attempts:
                        raise
                    continue
                log.info("knowledge base loaded: build %s in %.2f s", self.build_id, self.last_load_seconds)
                self._next_check = time.monotonic() + self.check_seconds
                threading.Thread(target=self._check_when_due, name="kb-reload", daemon=True).start()
            return self._loaded.kb

    def _check_when_due(self) -> None:
        while True:
            self._due.wait()
            self._due.clear()
            if self._closed:
                return
            self._check()

    def _check(self) -> None:
        try:
            swapped = self._reload()
        except _BuildChangedDuringLoad:
            self._next_check = time.monotonic()  # load again at the next call
        except Exception as error:  # noqa: BLE001 - whatever went wrong, the old knowledge base stays; logged
            self._failed(error)
        else:
            self._succeeded(swapped)

    def _failed(self, error: Exception) -> None:
        self.failures += 1
        if not self._failing:
            self._failing = True
            log.warning("knowledge base at %s not reloaded, still answering from build %s: %s: %s",
                        self.url, self.build_id, type(error).__name__, error)
        self._next_check = time.monotonic() + self._backoff
        self._backoff = min(max(self._backoff * 2, 1.0), _MAX_BACKOFF_SECONDS)

    def _succeeded(self, swapped: bool) -> None:
        if self._failing:
            self._failing = False
            log.warning("knowledge base at %s readable again", self.url)
        if swapped:
            log.info("knowledge base reloaded: build %s in %.2f s", self.build_id, self.last_load_seconds)
        self._backoff = self.check_seconds
        self._next_check = time.monotonic() + self.check_seconds


class _BuildChangedDuringLoad(Exception):
    pass


_holder: LiveKnowledgeBase | None = None
_holder_lock = threading.Lock()


def current_kb() -> KnowledgeBase:
    """The knowledge base at KB_DATABASE_URL (or build/kb.sqlite), kept up to date with its latest build."""
    global _holder
    holder, url = _holder, database_url()
    if holder is None or holder.url != url:
        with _holder_lock:
            if _holder is None or _holder.url != url:
                if _holder is not None:
                    _holder.close()
                _holder = LiveKnowledgeBase(url)
            holder = _holder
    return holder.current()
