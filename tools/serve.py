"""`make run` / `make shell`: start the action server and Rasa, print where to reach the bot, keep both running
(tools/supervisor.py: a server that exits is started again), stop both on Ctrl-C or SIGTERM."""
from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tools import ROOT
from tools.servers import BIN, BotServers, bot_environment
from tools.supervisor import Supervisor

CHANNEL_URLS = (
    ("REST", "/webhooks/rest/webhook"),
    ("Web widget demo", "/webhooks/widget/demo"),
    ("Web widget script", "/webhooks/widget/widget.js"),
    ("WeChat Official Account", "/webhooks/wechat/webhook"),
    ("WeCom", "/webhooks/wecom/webhook"),
    ("Operations page", "/admin"),
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rasa-port", type=int, default=5005)
    parser.add_argument("--action-port", type=int, default=5055)
    parser.add_argument("--endpoints", type=Path, default=ROOT / "endpoints.yml",
                        help="Rasa's endpoints file (endpoints.production.yml: PostgreSQL and Redis)")
    parser.add_argument("--tracker-db", type=Path, default=ROOT / "build" / "tracker.db",
                        help="the SQLite file, when the endpoints name SQLite")
    parser.add_argument("--shell", action="store_true", help="chat in the terminal instead of serving")
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # `kill` stops both servers too, as Ctrl-C does
    servers = BotServers(args.rasa_port, args.action_port, tracker_db=args.tracker_db, endpoints=args.endpoints)
    try:
        if args.shell:
            servers.start_actions()
            return subprocess.call([str(BIN / "python"), "-m", "rasa_speedups", "shell", "--model", str(servers.model),
                                    "--endpoints", str(servers.endpoints_file()), "--interface", servers.bind_address,
                                    "--port", str(args.rasa_port)],
                                   cwd=ROOT, env=bot_environment())
        print("Starting the action server and Rasa (15–30 s)…", flush=True)
        servers.start()
        host = servers.base_url.replace("127.0.0.1", "localhost")
        print("\n复工助手 is up:", *(f"  {name:<24} {host}{path}" for name, path in CHANNEL_URLS),
              f"  {'Readiness, metrics':<24} {host}/health/ready  {host}/metrics",
              "Press Ctrl-C to stop.", sep="\n", flush=True)
        Supervisor(servers, log=log).run()
        return 0
    except KeyboardInterrupt:
        return 0
    except (RuntimeError, TimeoutError, FileNotFoundError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    finally:
        servers.stop()


def log(line: str) -> None:
    print(f"[make run {time.strftime('%H:%M:%S')}] {line}", file=sys.stderr, flush=True)


if __name__ == "__main__":
    os.chdir(ROOT)
    sys.exit(main())
