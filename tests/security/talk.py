"""Talking to the running bot as an outsider would: REST, the widget, WeChat, raw sockets; and reading what it
stored (the SQLite tracker database of tools.servers.BotServers)."""
from __future__ import annotations

import json
import socket
import sqlite3
import threading
import time
import uuid
from typing import Any

import psutil
import requests
import yaml

from channels.wechat.settings import OFFICIAL_ACCOUNT, load_settings
from testkit.wechat_side import WeChatSide
from tools import ROOT
from tools.servers import BotServers

ALLOWED_ORIGIN = "http://widget-host.test"  # the page the test bot is configured to serve the widget to
FOREIGN_ORIGIN = "http://evil.test"


def new_id() -> str:
    return uuid.uuid4().hex


def rest(bot: BotServers, sender: str, message: str) -> list[dict]:
    response = requests.post(f"{bot.base_url}/webhooks/rest/webhook", json={"sender": sender, "message": message},
                             timeout=30)
    assert response.status_code == 200, response.text
    return response.json()


def text_of(messages: list[dict]) -> str:
    return "\n".join(m.get("text") or "" for m in messages)


def widget(bot: BotServers, path: str, body: dict | None = None, **kwargs) -> requests.Response:
    return requests.post(f"{bot.base_url}/webhooks/widget{path}", json=body, timeout=30, **kwargs)


def widget_token(bot: BotServers) -> str:
    response = widget(bot, "/conversations", {})
    assert response.status_code == 201
    return response.json()["token"]


def wechat(bot: BotServers) -> WeChatSide:
    """WeChat's side of the Official Account webhook, with the settings the bot read from credentials.yml."""
    credentials = yaml.safe_load((ROOT / "credentials.yml").read_text(encoding="utf-8"))
    settings = load_settings(OFFICIAL_ACCOUNT, credentials["channels.wechat.WeChatInput"])
    return WeChatSide(f"{bot.base_url}/webhooks/wechat/webhook", settings)


def stored_events(bot: BotServers, conversation: str) -> list[dict]:
    """Every event the tracker store holds for `conversation` (a Rasa sender id such as `wechat:o_…`)."""
    with sqlite3.connect(f"file:{bot.tracker_db}?mode=ro", uri=True) as db:
        rows = db.execute("select data from events where sender_id = ? order by id", (conversation,)).fetchall()
    return [json.loads(data) for (data,) in rows]


def listening(port: int) -> Any:
    """The socket listening on `port` (its address and its process)."""
    return next(c for c in psutil.net_connections("tcp")
                if c.status == psutil.CONN_LISTEN and c.laddr and c.laddr.port == port)


def rasa_memory(bot: BotServers) -> int:
    return psutil.Process(listening(bot.rasa_port).pid).memory_info().rss


def post_huge_body(bot: BotServers, path: str, size: int, chunked: bool = False) -> tuple[float, bytes]:
    """POST a `size`-byte body as a client streaming it would; return the seconds from the end of the headers
    to the first bytes of the answer, and the answer's status line and headers."""
    connection = socket.create_connection(("127.0.0.1", bot.rasa_port), timeout=30)
    framing = "Transfer-Encoding: chunked" if chunked else f"Content-Length: {size}"
    connection.sendall(f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                       f"{framing}\r\n\r\n".encode())
    started = time.monotonic()
    threading.Thread(target=_stream_body, args=(connection, size, chunked), daemon=True).start()
    answer = connection.recv(65536)
    elapsed = time.monotonic() - started
    connection.close()
    return elapsed, answer.split(b"\r\n\r\n")[0]


def _stream_body(connection: socket.socket, size: int, chunked: bool) -> None:
    piece = b"x" * 65536
    frame = b"%x\r\n%s\r\n" % (len(piece), piece) if chunked else piece
    try:
        for _ in range(size // len(piece)):
            connection.sendall(frame)
    except OSError:  # the server answered and closed: the rest of the body is never sent
        pass
