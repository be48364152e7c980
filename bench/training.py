"""Training times: `rasa train` of this project and `rasa init --no-prompt` of the stock bot, both into temp folders."""
from __future__ import annotations

import subprocess
import tempfile
import time
from pathlib import Path

from tools.servers import BIN, ROOT, bot_environment


def timed_command(command: list[str], cwd: Path, log: Path, label: str, report_every: float = 30) -> float:
    """Run a command to its end with its output in `log`; print progress; return its wall time in seconds.

    Rasa's training cache goes to a fresh temp folder, so every training starts from nothing.
    """
    log.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="rasa-cache-") as cache, open(log, "wb") as output:
        started = time.monotonic()
        process = subprocess.Popen(command, cwd=cwd, env={**bot_environment(), "RASA_CACHE_DIRECTORY": cache},
                                   stdout=output, stderr=subprocess.STDOUT)
        while True:
            try:
                process.wait(timeout=report_every)
                break
            except subprocess.TimeoutExpired:
                print(f"    {label}: {time.monotonic() - started:.0f} s…", flush=True)
        seconds = time.monotonic() - started
    if process.returncode:
        raise RuntimeError(f"{label} failed with exit code {process.returncode}: see {log}")
    return seconds


def init_stock_bot(folder: Path, log_dir: Path) -> float:
    """`rasa init --no-prompt` into a new empty `folder`: scaffold and training, in seconds."""
    folder.mkdir()
    return timed_command([str(BIN / "rasa"), "init", "--no-prompt", "--init-dir", str(folder)], cwd=folder.parent,
                         log=log_dir / "stock-init.log", label="rasa init (stock)")


def train_project(out: Path, log_dir: Path) -> float:
    """`rasa train` of this project's data and config into `out` (models/ is left alone), in seconds."""
    return timed_command([str(BIN / "rasa"), "train", "--out", str(out), "--data", "data", "--config", "config.yml",
                          "--domain", "domain.yml"], cwd=ROOT, log=log_dir / "train.log", label="rasa train")
