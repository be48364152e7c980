"""Honest failures for Rasa 3.6: when the action server or a store fails, the user gets the apology, never silence.

What Rasa 3.6 does, and what `install()` changes:
- A custom action that fails (action server down, timing out or answering 500) is logged and its events dropped
  (`MessageProcessor._run_action`): the user gets no answer (REST `[]`, WeChat `success`). Here the action
  answers with the apology (a bot message with `metadata.outcome = "error"`), stored in the conversation like
  any answer. A rejection (`ActionExecutionRejection`) still goes to Rasa, which predicts another action.
- Every tracker store is wrapped in `FailSafeTrackerStore`, which logs an error and goes on in memory: answers
  continue while nothing is stored, and the next turn reads an empty conversation. Here its error callback
  raises `TrackerStoreUnavailable`, and the turn is answered with the apology (`turn_guard`).
- Whatever else fails inside a turn (the lock store, a bug) reaches the channel as an exception, which Rasa's
  channels log and answer with nothing: `turn_guard` answers with the apology.
Failures are logged once per episode, with a count, and counted in /metrics (`episodes`).
"""
from __future__ import annotations

import inspect
from typing import Any

import rasa
from rasa.core.actions.action import ActionExecutionRejection, RemoteAction, create_bot_utterance
from rasa.core.agent import Agent
from rasa.core.tracker_store import FailSafeTrackerStore, TrackerStore
from rasa.shared.core.domain import Domain

from . import turn_guard
from .apology import apology_message, apology_text
from .episodes import ACTION_SERVER, TRACKER_STORE, describe
from .turn_guard import TrackerStoreUnavailable

SUPPORTED_RASA = "3.6."
_rasa: dict[str, Any] = {}  # Rasa's own functions, once installed


def install() -> None:
    """Replace the three Rasa functions above (once; a second call does nothing)."""
    if _rasa:
        return
    check_supported()
    apology = apology_message(apology_text())
    _rasa.update(run=RemoteAction.run, create_tracker_store=Agent._create_tracker_store,
                 handle_message=Agent.handle_message, apology=apology)

    async def run_action(self: RemoteAction, *args: Any, **kwargs: Any) -> list:
        try:
            events = await _rasa["run"](self, *args, **kwargs)
        except ActionExecutionRejection:
            raise
        except Exception as error:
            ACTION_SERVER.failed(error)
            return [create_bot_utterance(dict(apology))]
        ACTION_SERVER.worked()
        return events

    async def handle_message(self: Agent, message: Any) -> Any:
        return await turn_guard.handle_message(self, message, _rasa["handle_message"], apology)

    RemoteAction.run = run_action
    Agent._create_tracker_store = staticmethod(_create_tracker_store)
    Agent.handle_message = handle_message


def installed() -> bool:
    return bool(_rasa)


def check_supported() -> None:
    """The Rasa functions replaced here exist and look as they do in Rasa 3.6; else refuse to start."""
    problems = []
    if not rasa.__version__.startswith(SUPPORTED_RASA):
        problems.append(f"Rasa {rasa.__version__} (supported: {SUPPORTED_RASA}x)")
    for owner, name in ((RemoteAction, "run"), (Agent, "handle_message")):
        if not inspect.iscoroutinefunction(getattr(owner, name, None)):
            problems.append(f"{owner.__name__}.{name} is not a coroutine function")
    if not callable(getattr(Agent, "_create_tracker_store", None)):
        problems.append("Agent._create_tracker_store is missing")
    if "on_tracker_store_error" not in inspect.signature(FailSafeTrackerStore.__init__).parameters:
        problems.append("FailSafeTrackerStore takes no on_tracker_store_error")
    if problems:
        raise RuntimeError(f"rasa_speedups.failures cannot be installed: {'; '.join(problems)}")


def _create_tracker_store(store: TrackerStore | None, domain: Domain) -> TrackerStore:
    """Rasa's `FailSafeTrackerStore`, with an error callback that refuses the fallback to memory."""
    fail_safe = _rasa["create_tracker_store"](store, domain)
    fail_safe._on_tracker_store_error = _refuse_memory_fallback
    return fail_safe


def _refuse_memory_fallback(error: Exception) -> None:
    TRACKER_STORE.failed(error)
    raise TrackerStoreUnavailable(describe(error)) from error
