"""endpoints.production.yml: the same bot with a PostgreSQL tracker store and a Redis lock store."""
import subprocess
import uuid

from tests.e2e.test_rest import chat, text_of


def test_conversation_is_kept_in_postgres(production_bot):
    servers, postgres = production_bot.servers, production_bot.postgres
    sender = f"prod-{uuid.uuid4().hex}"
    assert "0536-8097077" in text_of(chat(servers, "复工热线电话有哪些", sender))
    assert text_of(chat(servers, "金融的呢？", sender)).startswith("金融运行热线：0536-8090465")
    query = f"select count(*) from events where sender_id = 'rest:{sender}' and type_name = 'user'"
    rows = subprocess.run(["psql", "-h", "127.0.0.1", "-p", str(postgres.port), "-U", "postgres", "-d", "tracker",
                           "-tAc", query],
                          capture_output=True, text=True, check=True).stdout.strip()
    assert rows == "2"
