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
- A tracker store named by its module path (`endpoints.yml`) that cannot be imported makes Rasa warn and keep every
  conversation in memory: here the server stops with `TrackerStoreNotLoaded` instead.
Failures are logged once per episode, with a count, and counted in /metrics (`episodes`).
"""
from __future__ import annotations

from typing import Any

import rasa.core.tracker_store
from rasa.core.actions.action import ActionExecutionRejection, RemoteAction, create_bot_utterance
from rasa.core.agent import Agent
from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import FailSafeTrackerStore, TrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import Event
from rasa.shared.utils.common import class_from_module_path
from rasa.utils.endpoints import EndpointConfig

from . import turn_guard
from .apology import apology_message, apology_text
from .compat import Hook, require
from .episodes import ACTION_SERVER, TRACKER_STORE, describe
from .turn_guard import TrackerStoreUnavailable

HOOKS = (Hook("rasa.core.actions.action:RemoteAction.run", ("self", "output_channel", "nlg", "tracker", "domain"),
              coroutine=True),
         Hook("rasa.core.agent:Agent.handle_message", ("self", "message"), coroutine=True),
         Hook("rasa.core.agent:Agent._create_tracker_store", ("store", "domain")),
         Hook("rasa.core.tracker_store:FailSafeTrackerStore.__init__",
              ("self", "tracker_store", "on_tracker_store_error", "fallback_tracker_store")),
         Hook("rasa.core.tracker_store:_load_from_module_name_in_endpoint_config", ("domain", "store", "event_broker")))
require(*HOOKS)
_rasa: dict[str, Any] = {}  # Rasa's own functions, once installed


class TrackerStoreNotLoaded(RuntimeError):
    """The tracker store the endpoints name cannot be loaded: Rasa would keep conversations in memory."""


def install() -> None:
    """Replace the Rasa functions above (once; a second call does nothing)."""
    if _rasa:
        return
    apology = apology_message(apology_text())
    _rasa.update(run=RemoteAction.run, create_tracker_store=Agent._create_tracker_store,
                 handle_message=Agent.handle_message, apology=apology)

    async def run_action(self: RemoteAction, *args: Any, **kwargs: Any) -> list[Event]:
        try:
            events: list[Event] = await _rasa["run"](self, *args, **kwargs)
        except ActionExecutionRejection:
            raise
        except Exception as error:
            ACTION_SERVER.failed(error)
            return [create_bot_utterance(dict(apology))]
        ACTION_SERVER.worked()
        return events

    async def handle_message(self: Agent, message: Any) -> Any:
        return await turn_guard.handle_message(self, message, _rasa["handle_message"], apology)

    # Replacing Rasa's methods is the point (compat.HOOKS checks them first); mypy forbids assigning to a method.
    RemoteAction.run = run_action  # type: ignore[method-assign]
    Agent._create_tracker_store = staticmethod(_create_tracker_store)  # type: ignore[method-assign]
    Agent.handle_message = handle_message  # type: ignore[method-assign]
    rasa.core.tracker_store._load_from_module_name_in_endpoint_config = load_tracker_store_class


def installed() -> bool:
    return bool(_rasa)


def load_tracker_store_class(domain: Domain, store: EndpointConfig,
                             event_broker: EventBroker | None = None) -> TrackerStore:
    """Rasa's `_load_from_module_name_in_endpoint_config` without its fallback to an in-memory store."""
    try:
        store_class = class_from_module_path(store.type)
    except (AttributeError, ImportError) as error:
        raise TrackerStoreNotLoaded(f"The tracker store {store.type!r} of the endpoints cannot be imported "
                                    f"({describe(error)}): not starting with conversations kept in memory "
                                    "only.") from error
    tracker_store: TrackerStore = store_class(host=store.url, domain=domain, event_broker=event_broker,
                                              **store.kwargs)
    return tracker_store


def _create_tracker_store(store: TrackerStore | None, domain: Domain) -> TrackerStore:
    """Rasa's `FailSafeTrackerStore`, with an error callback that refuses the fallback to memory."""
    fail_safe: FailSafeTrackerStore = _rasa["create_tracker_store"](store, domain)
    fail_safe._on_tracker_store_error = _refuse_memory_fallback
    return fail_safe


def _refuse_memory_fallback(error: Exception) -> None:
    TRACKER_STORE.failed(error)
    raise TrackerStoreUnavailable(describe(error)) from error
