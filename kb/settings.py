"""Where the knowledge base lives (KB_DATABASE_URL: any SQLAlchemy URL, else SQLite under build/), its
articles (KB_ARTICLES_DIR, else kb/articles/) and how often a running bot looks for a new build
(KB_RELOAD_SECONDS)."""
import logging
import math
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLES_DIR = Path(__file__).resolve().parent / "articles"
DEFAULT_DATABASE = ROOT / "build" / "kb.sqlite"


def database_url() -> str:
    return os.environ.get("KB_DATABASE_URL") or f"sqlite:///{DEFAULT_DATABASE}"


def articles_dir() -> Path:
    return Path(os.environ.get("KB_ARTICLES_DIR") or ARTICLES_DIR)


def reload_seconds(default: float = 2.0) -> float:
    """KB_RELOAD_SECONDS: how often a running bot checks for a new build (0: at every question)."""
    raw = os.environ.get("KB_RELOAD_SECONDS", "").strip()
    try:
        seconds = float(raw) if raw else default
    except ValueError:
        seconds = math.nan
    if not 0 <= seconds < math.inf:
        logging.getLogger(__name__).warning("KB_RELOAD_SECONDS=%r is not a number of seconds ≥ 0; using %s",
                                            raw, default)
        return default
    return seconds
