"""What we change in Rasa 3.6: measured speed-ups (docs/architecture.md § Speed; figures in issue 5's note) and
honest failures.

- `tracker_store.SessionCachingSQLTrackerStore`: the SQLite tracker store without a read per turn.
- `recent_turns.RecentTurnsSQLTrackerStore`: the same, handing Rasa a session's state and latest turns only, so
  that a turn costs the same however long the conversation.
- `action_validation`: action-server replies checked by a validator built once.
- `diet.QuickLoadingDIETClassifier`: DIET that loads in seconds instead of tracing a training step.
- `failures` (with `turn_guard`, `episodes`, `apology`, `readiness`): a failed action or store gets the user an
  apology with the general hotline, never silence or a conversation kept in memory only; /health and /metrics.
- `compat`: the Rasa versions these were checked against and the Rasa internals each module relies on; on any other
  Rasa the package refuses to load.
- For several replicas (endpoints.production.yml, docs/deploy.md): `lock_store.AtomicRedisLockStore`, tickets
  taken atomically in Redis and freed seconds after a replica dies; `shared_sql.SharedSQLTrackerStore`, Rasa's SQL
  store refusing to start on a database it cannot write.
"""
from .compat import require

require()
