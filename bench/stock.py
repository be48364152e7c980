"""The reference: the stock `rasa init --no-prompt` starter bot (bench.training builds it in a temp folder).

It runs as shipped: its own config, credentials (REST) and endpoints (in-memory tracker store, no action
server), on the same machine and through the same REST load as 复工助手.
"""
from __future__ import annotations

from pathlib import Path

from tools.servers import BIN, BotServers, wait_for

GREETING = ("hello", "Hey! How are you?")  # the starter's first rule: a question and its right answer


class StockServer(BotServers):
    """`rasa run` of the starter project with its own credentials and endpoints; no action server."""

    def __init__(self, project: Path, port: int, log_dir: Path):
        model = next((project / "models").glob("*.tar.gz"))
        super().__init__(rasa_port=port, action_port=0, model=model, log_dir=log_dir)
        self.project = project

    def start(self, timeout: float = 300) -> StockServer:
        process = self._spawn("stock", [str(BIN / "rasa"), "run", "--model", str(self.model),
                                        "--port", str(self.rasa_port), "--enable-api",
                                        "--credentials", str(self.project / "credentials.yml"),
                                        "--endpoints", str(self.project / "endpoints.yml")])
        wait_for(f"{self.base_url}/", process, timeout)
        return self
