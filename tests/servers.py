"""The servers tests share, one per session, each started in the background as soon as the session begins
(testkit/early.py; tests/conftest.py asks for the ones the collected tests need, in the order they need them).

Each comes as two fixtures: `<name>_starting`, the start under way, and `<name>`, the server up, which is what the
tests take. Tests share each one with sender ids of their own; a test that stops a server starts it again. All of
them stop together at the end of the session, Rasa with SIGKILL: its orderly exit costs 2.5 s of CPU per process,
and no test looks at it then (tests/security/test_failures.py and tests/widget test stopping the bot).
"""
from __future__ import annotations

import contextlib
import subprocess
import tempfile
from collections.abc import Iterator
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path

import psutil
import pytest

from testkit.articles import built_kb
from testkit.bot import bot_on_free_ports
from testkit.early import EarlyStarts
from testkit.services import Postgres, Redis
from tests.admin.conftest import AdminBot, start_admin_bot
from tests.cluster.conftest import BackgroundAPI, start_cluster, stop_cluster
from tests.security.served import Served, serve
from tests.security.talk import ALLOWED_ORIGIN
from tests.wechat.fakes import FakeCustomerServiceAPI
from tests.widget.fake import FakeBot
from tools import ROOT
from tools.cluster import Cluster
from tools.servers import BotServers


def kill(process: subprocess.Popen) -> None:
    """SIGKILL to the process and to the processes it started (the operations page's worker, its resource
    tracker): killed alone, Rasa would leave them running."""
    if process.poll() is not None:
        return  # exited already (and reaped: its pid may be another process's now)
    family = psutil.Process(process.pid).children(recursive=True)
    process.kill()
    process.wait()
    for child in family:
        with contextlib.suppress(psutil.NoSuchProcess):
            child.kill()
    psutil.wait_procs(family, timeout=10)


def stop_bot(servers: BotServers) -> None:
    """Rasa killed, then the usual stop (the action server, the temporary folder)."""
    if "rasa" in servers.named_processes:
        kill(servers.named_processes["rasa"])
    servers.stop()


def stop_cluster_replicas_killed(cluster: Cluster) -> None:
    for replica in cluster.replicas:
        if replica.name in cluster.processes:
            kill(cluster.processes[replica.name])
    stop_cluster(cluster)


@pytest.fixture(scope="session")
def early() -> Iterator[EarlyStarts]:
    starts = EarlyStarts()
    yield starts
    starts.stop_all()


@pytest.fixture(scope="session")
def bot_server_starting(early: EarlyStarts, tmp_path_factory: pytest.TempPathFactory) -> Future[BotServers]:
    workdir = tmp_path_factory.mktemp("bot")

    def start() -> BotServers:
        return bot_on_free_ports(workdir / "logs", tracker_db=workdir / "tracker.db",
                                 env={"KB_DATABASE_URL": built_kb(workdir),
                                      "FUGONG_ALLOWED_ORIGINS": ALLOWED_ORIGIN}).start()

    return early.start(start, stop_bot)


@pytest.fixture(scope="session")
def bot_server(bot_server_starting: Future[BotServers]) -> BotServers:
    """The real bot (action server + Rasa with the trained model) on free ports: its knowledge base, tracker
    database and logs (`log_dir`) in a folder of this session; a widget on ALLOWED_ORIGIN may use it. The hot-reload
    test rebuilds its knowledge base (`bot_server.env["KB_DATABASE_URL"]`) and builds it back; the widget's restart
    test stops it and starts it again."""
    return bot_server_starting.result()


@dataclass
class ProductionBot:
    servers: BotServers
    postgres: Postgres
    redis: Redis


@pytest.fixture(scope="session")
def production_bot_starting(early: EarlyStarts, postgres: Postgres, redis_server: Redis) -> Future[ProductionBot]:
    env = {"TRACKER_DB_HOST": "127.0.0.1", "TRACKER_DB_PORT": str(postgres.port), "TRACKER_DB_NAME": "tracker",
           "TRACKER_DB_USER": "postgres", "TRACKER_DB_PASSWORD": "", "REDIS_HOST": "127.0.0.1",
           "REDIS_PORT": str(redis_server.port), "REDIS_PASSWORD": "", "ACTION_ENDPOINT_URL": "set-by-BotServers"}

    def start() -> ProductionBot:
        postgres.create_database("tracker")
        servers = bot_on_free_ports(endpoints=ROOT / "endpoints.production.yml", env=env).start()
        return ProductionBot(servers, postgres, redis_server)

    return early.start(start, lambda bot: stop_bot(bot.servers))


@pytest.fixture(scope="session")
def production_bot(production_bot_starting: Future[ProductionBot]) -> ProductionBot:
    """The bot with endpoints.production.yml: the shared SQL tracker store on PostgreSQL, the atomic Redis lock
    store. A test that stops either store starts it again."""
    return production_bot_starting.result()


@pytest.fixture(scope="session")
def admin_bot_starting(early: EarlyStarts, tmp_path_factory: pytest.TempPathFactory) -> Future[AdminBot]:
    folder = tmp_path_factory.mktemp("admin")
    return early.start(lambda: start_admin_bot(folder), lambda bot: stop_bot(bot.servers))


@pytest.fixture(scope="session")
def admin_bot(admin_bot_starting: Future[AdminBot]) -> AdminBot:
    """The bot of the operations-page tests (tests/admin/conftest.py: start_admin_bot)."""
    return admin_bot_starting.result()


@pytest.fixture(scope="session")
def served_starting(early: EarlyStarts, tmp_path_factory: pytest.TempPathFactory) -> Future[Served]:
    tracker_db = tmp_path_factory.mktemp("failures") / "tracker.db"
    return early.start(lambda: serve(tracker_db), Served.stop)


@pytest.fixture(scope="session")
def served(served_starting: Future[Served]) -> Served:
    """The bot as `make run` serves it (tests/security/served.py); test_sigterm_stops_both_servers stops it."""
    return served_starting.result()


@pytest.fixture(scope="session")
def fake_bot_starting(early: EarlyStarts) -> Future[FakeBot]:
    return early.start(FakeBot.started, FakeBot.stop)


@pytest.fixture(scope="session")
def fake_bot(fake_bot_starting: Future[FakeBot]) -> FakeBot:
    """tests/widget/fake_bot.py: the widget's routes without Rasa."""
    return fake_bot_starting.result()


@pytest.fixture(scope="session")
def wechat_api() -> Iterator[FakeCustomerServiceAPI]:
    """A fake of WeChat's customer-service API, which the cluster's replicas push to."""
    background = BackgroundAPI()
    yield background.start()
    background.stop()


@pytest.fixture(scope="session")
def cluster_starting(early: EarlyStarts, wechat_api: FakeCustomerServiceAPI) -> Future[Cluster]:
    folder = Path(tempfile.mkdtemp(prefix="fugong-cluster-"))
    return early.start(lambda: start_cluster(folder, wechat_api), stop_cluster_replicas_killed)


@pytest.fixture(scope="session")
def cluster(cluster_starting: Future[Cluster]) -> Cluster:
    """One real cluster for the whole cluster suite (tests/cluster/conftest.py: start_cluster)."""
    return cluster_starting.result()
