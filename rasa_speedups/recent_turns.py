"""A tracker store that hands Rasa a conversation's state and its latest turns instead of its whole session.

Every Rasa 3.6 turn works on the whole session: the store parses every stored event (`Event.resolve_by_type`
walks all event classes for each one), RulePolicy builds a state for every past action three times a turn,
and the action server is sent every event and parses them again. A session's 500th turn cost 21× its first
here (557 ms of CPU against 26 ms; `python -m bench.long_conversation`). Yet a turn depends only on the
conversation's state (slots) and its latest turns: the rules span one turn, the actions read the previous
user message.

So this store keeps, for each cached conversation, Rasa's own tracker applied to the session's events up to
its `recent_turns`-th latest user turn (events folded in once, kept as state only), and hands Rasa a tracker
made of the session's `SessionStarted`, `SlotSet` events restoring that state, and the latest turns. Rasa
appends to it as usual; `save` writes only what Rasa appended. The database still gets every event:
`retrieve_full_tracker` (exports, history views) reads them all.

The compaction holds back for a session that contains an event whose effect a `SlotSet` cannot restore or
that rewinds earlier turns (loops, pauses, follow-up actions, `/back`, unknown events): such a session is
handed over whole, as the parent store does. `recent_turns` must cover the longest rule or story the
policies match (here: one turn) and what the actions read (the previous user message).
"""
from __future__ import annotations

import itertools
import json
import weakref
from dataclasses import dataclass
from typing import Any

from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.events import (
    ActionExecuted,
    AgentUttered,
    AllSlotsReset,
    BotUttered,
    DefinePrevUserUtteredFeaturization,
    EntitiesAdded,
    Event,
    ReminderCancelled,
    ReminderScheduled,
    Restarted,
    SessionStarted,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.utils.common import all_subclasses

from .compat import Hook, require
from .tracker_store import SessionCachingSQLTrackerStore, _Session

# Events whose whole effect on Rasa's tracker is on slots or on what the latest turns restore (latest
# message, action, bot utterance) and that never rewind earlier events.
PLAIN_EVENTS = frozenset({UserUttered, BotUttered, ActionExecuted, SlotSet, SessionStarted, Restarted,
                          AllSlotsReset, EntitiesAdded, DefinePrevUserUtteredFeaturization, ReminderScheduled,
                          ReminderCancelled, AgentUttered})
HOOKS = (Hook("rasa.shared.core.events:Event.from_parameters", ("parameters", "default")),
         *(Hook(f"rasa.shared.core.events:{cls.__name__}._from_parameters", ("parameters",)) for cls in PLAIN_EVENTS))
require(*HOOKS)


class EventParser:
    """`Event.from_parameters` with the event classes looked up once, not walked for every event."""

    def __init__(self) -> None:
        self._classes: dict[str, type[Event]] = {}
        for cls in all_subclasses(Event):  # the order `Event.resolve_by_type` searches: the first one wins
            self._classes.setdefault(cls.type_name, cls)
        self.parsed = 0  # events parsed so far (the tests count work with it)

    def __call__(self, data: str) -> Event | None:
        self.parsed += 1
        parameters = json.loads(data)
        cls = self._classes.get(parameters.get("event"))
        if cls is None:  # an event class imported later, or none: Rasa's own lookup decides
            return Event.from_parameters(parameters)
        return cls._from_parameters(parameters)


@dataclass
class _State:
    """A session's events up to `folded`, applied to a tracker that keeps no events."""

    first: str  # the session's first stored event: tells this session from the next
    starts_session: bool  # the first event is the session's `SessionStarted`
    tracker: DialogueStateTracker
    folded: int = 0
    last_folded: str = ""
    whole: bool = False  # the session holds an event that is not plain: hand it over whole

    def belongs_to(self, stored: list[str]) -> bool:
        return (bool(stored) and stored[0] == self.first and self.folded <= len(stored)
                and (self.folded == 0 or stored[self.folded - 1] == self.last_folded))


@dataclass
class _HandedOut:
    tracker: weakref.ReferenceType[DialogueStateTracker]
    stored: int  # how many of its events are stored (the rest are Rasa's new ones)


class RecentTurnsSQLTrackerStore(SessionCachingSQLTrackerStore):
    """`SessionCachingSQLTrackerStore` handing Rasa the session's state and its latest `recent_turns` turns."""

    def __init__(self, *args: Any, recent_turns: int = 10, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if recent_turns < 1:
            raise ValueError("recent_turns must be at least 1 (the actions read the previous user message)")
        self._recent_turns = recent_turns
        self._parse = EventParser()
        self._states: dict[str, _State] = {}
        self._handed_out: dict[int, _HandedOut] = {}

    @property
    def events_parsed(self) -> int:
        return self._parse.parsed

    async def retrieve(self, sender_id: str) -> DialogueStateTracker | None:
        """The latest session as Rasa needs it for a turn: its state, then its latest turns."""
        stored = self._stored_session(sender_id).events
        if not stored or not self.domain:
            return None
        state = self._state(sender_id, stored)
        recent = self._parsed(stored[state.folded:])
        state.whole = state.whole or any(type(event) not in PLAIN_EVENTS for event in recent)
        if state.whole and state.folded:  # rewinds or loops may reach before the fold: start over, whole
            state = self._new_state(sender_id, stored, whole=True)
            recent = self._parsed(stored)
        elif not state.whole:
            recent = self._fold(state, stored, recent)
        restoring = self._restoring(state) if state.folded else []
        tracker = DialogueStateTracker.from_events(sender_id, restoring + recent, self.domain.slots)
        self._hand_out(tracker)
        return tracker

    async def save(self, tracker: DialogueStateTracker) -> None:
        await super().save(tracker)
        handed = self._handed_out.get(id(tracker))
        if handed is not None and handed.tracker() is tracker:
            handed.stored = len(tracker.events)

    def _unsaved_events(self, tracker: DialogueStateTracker, stored: _Session) -> list[Event]:
        """What Rasa appended to a tracker this store handed out; else the parent's answer."""
        handed = self._handed_out.get(id(tracker))
        if handed is None or handed.tracker() is not tracker:
            return super()._unsaved_events(tracker, stored)
        return list(itertools.islice(tracker.events, handed.stored, None))

    def _hand_out(self, tracker: DialogueStateTracker) -> None:
        key = id(tracker)
        self._handed_out[key] = _HandedOut(weakref.ref(tracker), len(tracker.events))
        weakref.finalize(tracker, self._handed_out.pop, key, None)

    def _state(self, sender_id: str, stored: list[str]) -> _State:
        state = self._states.get(sender_id)
        if state is None or not state.belongs_to(stored):
            state = self._new_state(sender_id, stored)
        return state

    def _new_state(self, sender_id: str, stored: list[str], whole: bool = False) -> _State:
        state = _State(first=stored[0], starts_session=isinstance(self._parse(stored[0]), SessionStarted),
                       tracker=DialogueStateTracker(sender_id, self.domain.slots, max_event_history=1),
                       whole=whole)
        self._states.pop(sender_id, None)
        self._states[sender_id] = state
        while len(self._states) > self._limit:  # as many as the parent caches
            self._states.pop(next(iter(self._states)))
        return state

    def _parsed(self, stored: list[str]) -> list[Event]:
        return [event for event in map(self._parse, stored) if event is not None]

    def _fold(self, state: _State, stored: list[str], recent: list[Event]) -> list[Event]:
        """Applies the events before the latest `recent_turns` user turns to the state; returns the rest.

        The cut comes before the `action_listen` that precedes a user message, so the turns handed over
        begin as Rasa's own turns do.
        """
        users = [i for i, event in enumerate(recent) if isinstance(event, UserUttered)]
        if len(users) <= self._recent_turns or len(recent) != len(stored) - state.folded:
            return recent  # few turns yet (or an event Rasa could not read: keep positions exact)
        cut = users[-self._recent_turns]
        before = recent[cut - 1]
        if isinstance(before, ActionExecuted) and before.action_name == ACTION_LISTEN_NAME:
            cut -= 1
        for event in recent[:cut]:
            state.tracker.update(event)
        state.folded += cut
        state.last_folded = stored[state.folded - 1]
        return recent[cut:]

    def _restoring(self, state: _State) -> list[Event]:
        """Events that bring a new tracker to the folded state: the session's start, then the slots set."""
        when = state.tracker.events[-1].timestamp
        slots = [SlotSet(slot.name, slot.value, timestamp=when)
                 for slot in state.tracker.slots.values() if slot.has_been_set]
        head = self._parse(state.first) if state.starts_session else None
        return ([head] if head else []) + slots
