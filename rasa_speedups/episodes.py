"""Failures of what the bot depends on, seen as episodes: logged when one starts and when it ends (with the count of
failed calls in between), counted in /metrics, never one log line per failure."""
from __future__ import annotations

import logging
import time

from prometheus_client import Counter, Gauge

logger = logging.getLogger(__name__)

FAILURES = Counter("fugong_failures", "Failed calls to a component the bot needs; each turn hit gets the apology",
                   ["component"])
FAILING = Gauge("fugong_failing", "1 while a component is failing (since its last failed call or check)",
                ["component"])
_MAX_ERROR_CHARS = 300


def describe(error: BaseException) -> str:
    """A short description of an error: the driver's own error rather than SQLAlchemy's wrapper, which quotes the
    statement and its parameters (users' messages) at length."""
    error = getattr(error, "orig", None) or error
    text = f"{type(error).__name__}: {error}".strip().splitlines()[0]
    return text if len(text) <= _MAX_ERROR_CHARS else text[:_MAX_ERROR_CHARS] + "…"


class FailureEpisode:
    def __init__(self, component: str):
        self.component = component
        self.since: float | None = None  # wall-clock start of the current episode
        self.count = 0  # failed calls in the current episode
        self.last_error = ""
        FAILING.labels(component).set(0)
        FAILURES.labels(component)  # exported as 0 before the first failure

    @property
    def failing(self) -> bool:
        return self.since is not None

    def failed(self, error: BaseException, counted: bool = True) -> None:
        """A call failed (`counted`), or a readiness check did (not counted: checks are not users' calls)."""
        self.last_error = describe(error)
        if counted:
            self.count += 1
            FAILURES.labels(self.component).inc()
        if self.since is None:
            self.since = time.time()
            FAILING.labels(self.component).set(1)
            logger.error("%s is failing (%s). Users get the apology until it works again; /health/ready says "
                         "how many calls failed.", self.component, self.last_error)

    def worked(self) -> None:
        if self.since is None:
            return
        logger.warning("%s works again after %d failed call(s) in %.0f s (last error: %s).", self.component,
                       self.count, time.time() - self.since, self.last_error)
        self.since, self.count = None, 0
        FAILING.labels(self.component).set(0)

    def status(self) -> str | None:
        """None while working; else what an operator needs to know."""
        if self.since is None:
            return None
        return (f"failing for {time.time() - self.since:.0f} s, {self.count} failed call(s); "
                f"last error: {self.last_error}")


ACTION_SERVER = FailureEpisode("action_server")
TRACKER_STORE = FailureEpisode("tracker_store")
LOCK_STORE = FailureEpisode("lock_store")
