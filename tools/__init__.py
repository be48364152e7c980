"""Starting and stopping the bot's two servers (`make run`, `make shell`, and the test and benchmark harness in
testkit/)."""
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent  # the project folder: models/, build/, credentials.yml …
