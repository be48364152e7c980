"""Measured speed-ups for running Rasa 3.6 here (reports/bench.md says what each one bought).

- `tracker_store.SessionCachingSQLTrackerStore`: the SQLite tracker store without a read per turn.
- `action_validation`: action-server replies checked by a validator built once.
- `diet.QuickLoadingDIETClassifier`: DIET that loads in seconds instead of tracing a training step.
"""
