"""endpoints.production.yml: the same bot with a PostgreSQL tracker store and a Redis lock store."""
import subprocess
import uuid

import pytest

from tests.e2e.test_rest import chat, text_of
from tests.support.servers import BotServers, free_port
from tools.servers import ROOT

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def production_bot(postgres, redis_server, tmp_path_factory):
    postgres.create_database("tracker")
    env = {"TRACKER_DB_HOST": "127.0.0.1", "TRACKER_DB_PORT": str(postgres.port), "TRACKER_DB_NAME": "tracker",
           "TRACKER_DB_USER": "postgres", "TRACKER_DB_PASSWORD": "", "REDIS_HOST": "127.0.0.1",
           "REDIS_PORT": str(redis_server.port), "REDIS_PASSWORD": "", "ACTION_ENDPOINT_URL": "set-by-BotServers"}
    servers = BotServers(free_port(), free_port(), endpoints=ROOT / "endpoints.production.yml", env=env,
                         log_dir=ROOT / "build" / "test-logs")
    servers.start()
    yield servers, postgres
    servers.stop()


def test_conversation_is_kept_in_postgres(production_bot):
    servers, postgres = production_bot
    sender = f"prod-{uuid.uuid4().hex}"
    assert "0536-8097077" in text_of(chat(servers, "复工热线电话有哪些", sender))
    assert text_of(chat(servers, "金融的呢？", sender)).startswith("金融运行热线：0536-8090465")
    query = f"select count(*) from events where sender_id = 'rest:{sender}' and type_name = 'user'"
    rows = subprocess.run(["psql", "-h", "127.0.0.1", "-p", str(postgres.port), "-U", "postgres", "-d", "tracker",
                           "-tAc", query],
                          capture_output=True, text=True, check=True).stdout.strip()
    assert rows == "2"
