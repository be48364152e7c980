"""Test helpers for the running bot (the implementation lives in tools/servers.py, shared with `make run`)."""
import socket

from tools.servers import BotServers

__all__ = ["BotServers", "free_port"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
