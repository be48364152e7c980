"""One real cluster for the whole cluster suite (tools/cluster.py: PostgreSQL, Redis, HAProxy, 2 replicas), set up
as an operator would, plus a fake of WeChat's customer-service API the replicas push to. The `cluster` fixture is
in tests/servers.py, which starts it in the background from the beginning of the session.

WeCom answers late on purpose here (reply deadline 10 ms): each of its answers is pushed, which is what the
access_token test needs. `FUGONG_CLUSTER_STOCK=1` starts the same cluster the way issue 11 found it (Rasa's own SQL
tracker store and Redis lock store, round robin without retries, WeChat state in each process) to reproduce the
failures these tests check.
"""
from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
import yaml

from channels.wechat.settings import OFFICIAL_ACCOUNT, ChannelSettings, load_settings
from tests.wechat.fakes import FakeCustomerServiceAPI
from tools import ROOT
from tools.cluster import ENDPOINTS, HAPROXY_CONFIG, Cluster

STOCK = os.environ.get("FUGONG_CLUSTER_STOCK") == "1"
LOGS = ROOT / "build" / "test-logs" / "cluster"
WECOM_DEADLINE = 0.01  # seconds: every WeCom answer is late, hence pushed


class BackgroundAPI:
    """FakeCustomerServiceAPI (aiohttp) on an event loop of its own thread, for a session-long fixture."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.api: FakeCustomerServiceAPI | None = None

    def start(self) -> FakeCustomerServiceAPI:
        self.thread.start()
        self.api = self._call(self._create())
        return self.api

    async def _create(self) -> FakeCustomerServiceAPI:
        api = FakeCustomerServiceAPI()
        await api.start()
        return api

    def stop(self) -> None:
        if self.api is not None:
            self._call(self.api.stop())
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(timeout=5)

    def _call(self, coroutine: Any) -> Any:
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(timeout=10)


def credentials_file(folder: Path) -> Path:
    """credentials.yml as shipped, but WeCom answers every message late."""
    credentials = yaml.safe_load((ROOT / "credentials.yml").read_text(encoding="utf-8"))
    credentials["channels.wechat.WeComInput"]["reply_deadline"] = WECOM_DEADLINE
    path = folder / "credentials.yml"
    path.write_text(yaml.safe_dump(credentials, allow_unicode=True), encoding="utf-8")
    return path


def stock_files(folder: Path) -> dict[str, Path]:
    """The endpoints and HAProxy files issue 11 tried: Rasa's stores, round robin, no retries."""
    endpoints = re.sub(r"type: rasa_speedups\.shared_sql\.SharedSQLTrackerStore", "type: SQL",
                       ENDPOINTS.read_text(encoding="utf-8"))
    endpoints = re.sub(r"type: rasa_speedups\.lock_store\.AtomicRedisLockStore", "type: redis", endpoints)
    endpoints = re.sub(r"\n  (startup_timeout|lock_lifetime): .*", "", endpoints)
    haproxy = HAPROXY_CONFIG.read_text(encoding="utf-8").replace("balance hash var(txn.conversation)",
                                                                 "balance roundrobin")
    haproxy = re.sub(r"\n    (retries|option redispatch|retry-on) .*", "", haproxy)
    (folder / "endpoints.stock.yml").write_text(endpoints, encoding="utf-8")
    (folder / "haproxy.stock.cfg").write_text(haproxy, encoding="utf-8")
    return {"endpoints": folder / "endpoints.stock.yml", "haproxy_config": folder / "haproxy.stock.cfg"}


def start_cluster(folder: Path, wechat_api: FakeCustomerServiceAPI) -> Cluster:
    """The cluster the suite shares (tests/servers.py), started in `folder`; its logs are kept if it fails to."""
    folder.chmod(0o755)  # the postgres user reaches its data through it (pytest's own folders are private)
    env = {"WECHAT_SECRET": "cluster-test-secret", "WECHAT_API_BASE": wechat_api.base_url,
           "WECOM_SECRET": "cluster-test-secret", "WECOM_API_BASE": wechat_api.base_url}
    if STOCK:
        env["WECHAT_REDIS_URL"] = ""
    stock: dict[str, Any] = stock_files(folder) if STOCK else {}
    cluster = Cluster(2, folder=folder, credentials=credentials_file(folder), env=env, **stock)
    try:
        return cluster.start()
    except BaseException:
        keep_logs_and_remove(folder)
        raise


def stop_cluster(cluster: Cluster) -> None:
    try:
        cluster.stop()
    finally:
        keep_logs_and_remove(cluster.folder)


def keep_logs_and_remove(folder: Path) -> None:
    shutil.copytree(folder / "logs", LOGS, dirs_exist_ok=True)  # kept for a failure's post-mortem
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def database(cluster: Cluster) -> Iterator[sa.engine.Engine]:
    engine = sa.create_engine(cluster.database_url, pool_pre_ping=True)  # PostgreSQL is restarted by a test
    yield engine
    engine.dispose()


def stored_events(database: sa.engine.Engine, conversations: list[str]) -> dict[str, list[tuple[str, str | None]]]:
    """Each conversation's events in PostgreSQL, in order: (type, the text of a user message)."""
    query = sa.text("SELECT sender_id, type_name, data FROM events WHERE sender_id IN :ids ORDER BY id"
                    ).bindparams(sa.bindparam("ids", expanding=True))
    stored: dict[str, list[tuple[str, str | None]]] = {conversation: [] for conversation in conversations}
    with database.connect() as connection:
        for sender_id, type_name, data in connection.execute(query, {"ids": conversations}):
            stored[sender_id].append((type_name, json.loads(data).get("text") if type_name == "user" else None))
    return stored


def record(scenario: str, outcome: str) -> None:
    """One line of what a scenario measured, in build/test-logs/cluster/scenarios.txt (and pytest's output)."""
    line = f"{time.strftime('%Y-%m-%d %H:%M:%S')} {'stock' if STOCK else 'ours'} {scenario}: {outcome}"
    print(line)
    LOGS.mkdir(parents=True, exist_ok=True)
    with open(LOGS / "scenarios.txt", "a", encoding="utf-8") as file:
        file.write(line + "\n")


def user_texts(events: list[tuple[str, str | None]]) -> list[str | None]:
    return [text for type_name, text in events if type_name == "user"]


def channel_settings(product: Any) -> ChannelSettings:
    """The settings the replicas read from credentials.yml (the test values that ship)."""
    credentials = yaml.safe_load((ROOT / "credentials.yml").read_text(encoding="utf-8"))
    key = "channels.wechat.WeChatInput" if product is OFFICIAL_ACCOUNT else "channels.wechat.WeComInput"
    return load_settings(product, credentials[key], environ={})
