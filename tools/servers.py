"""Start and stop the two processes of the bot: the action server and the Rasa server.

Used by `make run` / `make shell` (tools/serve.py) and, through testkit/bot.py, by the tests and the benchmarks, so
that all of them run the bot the same way. Each instance has its own ports, endpoints file and tracker database;
the endpoints file it writes lives in a temporary folder that `stop()` removes.

Both servers listen on 127.0.0.1 unless `BOT_BIND_ADDRESS` says otherwise (say 0.0.0.0 behind a reverse proxy on
another host). Rasa takes it as `--interface`; the action server has no such flag in rasa-sdk 3.6 (neither as
`rasa run actions` nor as `python -m rasa_sdk`) and reads the environment variable `SANIC_HOST` instead.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import yaml

from tools import ROOT

BIN = Path(sys.executable).parent
DEFAULT_MODEL = ROOT / "models" / "current.tar.gz"
DEFAULT_BIND_ADDRESS = "127.0.0.1"
ANY_ADDRESS = ("0.0.0.0", "::", "")


def bot_environment() -> dict[str, str]:
    env = dict(os.environ)
    env.update(RASA_TELEMETRY_ENABLED="false", SQLALCHEMY_SILENCE_UBER_WARNING="1", TF_CPP_MIN_LOG_LEVEL="2",
               PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")])))
    return env


def command_of(process: subprocess.Popen[bytes]) -> str:
    """The program and its first arguments, to name a process in a message."""
    args = process.args if isinstance(process.args, (list, tuple)) else [process.args]
    return " ".join(map(str, args[:3]))


def wait_for(url: str, process: subprocess.Popen[bytes], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{command_of(process)} exited with code {process.returncode} before {url} answered")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.25)
    raise TimeoutError(f"{url} did not answer within {timeout:.0f} s")


class BotServers:
    """The action server and `rasa run` with the channels of credentials.yml, on the given ports."""

    def __init__(self, rasa_port: int = 5005, action_port: int = 5055, model: Path = DEFAULT_MODEL,
                 tracker_db: Path | None = None, log_dir: Path | None = None, extra_args: tuple[str, ...] = (),
                 endpoints: Path = ROOT / "endpoints.yml", env: dict[str, str] | None = None,
                 bind_address: str | None = None):
        self.rasa_port, self.action_port, self.model = rasa_port, action_port, Path(model)
        self.endpoints, self.env = Path(endpoints), env or {}
        self.bind_address = bind_address or os.environ.get("BOT_BIND_ADDRESS") or DEFAULT_BIND_ADDRESS
        self._workdir: Path | None = None  # while started: the endpoints file (and the tracker database if not given)
        self._tracker_db = tracker_db
        self.log_dir = log_dir
        self.extra_args = extra_args
        self.named_processes: dict[str, subprocess.Popen] = {}  # "actions", "rasa" (in start order)
        self._commands: dict[str, list[str]] = {}

    @property
    def processes(self) -> list[subprocess.Popen]:
        return list(self.named_processes.values())

    @property
    def host(self) -> str:
        """Where a client on this machine reaches the servers."""
        address = "127.0.0.1" if self.bind_address in ANY_ADDRESS else self.bind_address
        return f"[{address}]" if ":" in address else address

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.rasa_port}"

    @property
    def action_health_url(self) -> str:
        return f"http://{self.host}:{self.action_port}/health"

    def health_url(self, name: str) -> str:
        """The URL that answers 200 once the named server is up."""
        return self.action_health_url if name == "actions" else f"{self.base_url}/health/live"

    @property
    def workdir(self) -> Path:
        if self._workdir is None:
            self._workdir = Path(tempfile.mkdtemp(prefix="fugong-bot-"))
        return self._workdir

    @property
    def tracker_db(self) -> Path:
        """The SQLite tracker database (when the endpoints name one): given, else in the temporary folder."""
        return self._tracker_db or self.workdir / "tracker.db"

    def endpoints_file(self) -> Path:
        """The endpoints file with this instance's action server (and SQLite tracker database)."""
        endpoints = yaml.safe_load(self.endpoints.read_text(encoding="utf-8"))
        endpoints["action_endpoint"]["url"] = f"http://{self.host}:{self.action_port}/webhook"
        if endpoints.get("tracker_store", {}).get("dialect") == "sqlite":
            endpoints["tracker_store"]["db"] = str(self.tracker_db)
        path = self.workdir / "endpoints.yml"
        path.write_text(yaml.safe_dump(endpoints), encoding="utf-8")
        return path

    def start_actions(self, timeout: float = 60) -> None:
        wait_for(self.action_health_url, self._spawn_actions(), timeout)

    def start(self, timeout: float = 240) -> BotServers:
        """Both servers at once (Rasa needs the action server only for its warm-up turn), then waits for both."""
        if not self.model.exists():
            raise FileNotFoundError(f"{self.model} is missing: run `make model` first")
        try:
            endpoints = self.endpoints_file()
            actions = self._spawn_actions()
            rasa = self._spawn("rasa", [str(BIN / "python"), "-m", "rasa_speedups", "run", "--model",
                                        str(self.model), "--interface", self.bind_address, "--port",
                                        str(self.rasa_port), "--credentials", str(ROOT / "credentials.yml"),
                                        "--endpoints", str(endpoints), *self.extra_args])
            wait_for(self.action_health_url, actions, timeout)
            wait_for(f"{self.base_url}/", rasa, timeout)
            self._wait_for_warm_up(rasa, timeout)
        except BaseException:
            self.stop()  # neither server outlives a failed start
            raise
        return self

    def _spawn_actions(self) -> subprocess.Popen:
        """`python -m rasa_sdk` is what `rasa run actions` runs, without importing Rasa first: up in 2.8 s, not 5.6."""
        return self._spawn("actions", [str(BIN / "python"), "-m", "rasa_sdk", "--actions", "actions",
                                       "--port", str(self.action_port)])

    def _wait_for_warm_up(self, process: subprocess.Popen, timeout: float) -> None:
        """Until the warm-up turn (channels/warmup.py) is done, when that channel is configured."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and process.poll() is None:
            try:
                with urllib.request.urlopen(f"{self.base_url}/webhooks/warmup/", timeout=5) as answer:
                    if json.load(answer).get("done"):
                        return
            except urllib.error.HTTPError as error:
                if error.code == 404:
                    return
            time.sleep(0.25)
        raise TimeoutError(f"the warm-up turn did not finish within {timeout:.0f} s")

    def stop(self) -> None:
        """Both servers, then the temporary folder (a later `start()` makes a new one)."""
        for process in reversed(self.processes):
            if process.poll() is None:
                process.send_signal(signal.SIGINT)
        for process in self.processes:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        self.named_processes.clear()
        if self._workdir is not None:
            shutil.rmtree(self._workdir, ignore_errors=True)
            self._workdir = None

    def restart(self, name: str) -> subprocess.Popen:
        """Start the named server again, as it was started (it must have exited); does not wait for it."""
        if self.named_processes[name].poll() is None:
            raise RuntimeError(f"{name} is still running")
        return self._spawn(name, self._commands[name])

    def _spawn(self, name: str, command: list[str]) -> subprocess.Popen:
        if self.log_dir:
            self.log_dir.mkdir(parents=True, exist_ok=True)
            output = open(self.log_dir / f"{name}-{self.rasa_port}.log", "ab")
        else:
            output = None
        environment = {**bot_environment(), "SANIC_HOST": self.bind_address, **self.env}
        process = subprocess.Popen(command, cwd=ROOT, env=environment, stdout=output,
                                   stderr=subprocess.STDOUT if output else None)
        if output:
            output.close()
        self.named_processes[name], self._commands[name] = process, command
        return process

    def __enter__(self) -> BotServers:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
