"""Measured speed-ups for running Rasa 3.6 here (docs/architecture.md § Speed; figures in issue 5's note).

- `tracker_store.SessionCachingSQLTrackerStore`: the SQLite tracker store without a read per turn.
- `recent_turns.RecentTurnsSQLTrackerStore`: the same, handing Rasa a session's state and latest turns only, so
  that a turn costs the same however long the conversation.
- `action_validation`: action-server replies checked by a validator built once.
- `diet.QuickLoadingDIETClassifier`: DIET that loads in seconds instead of tracing a training step.
"""
