"""Where the knowledge base lives: KB_DATABASE_URL (any SQLAlchemy URL), else SQLite under build/;
its articles: KB_ARTICLES_DIR, else kb/articles/."""
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLES_DIR = Path(__file__).resolve().parent / "articles"
DEFAULT_DATABASE = ROOT / "build" / "kb.sqlite"


def database_url() -> str:
    return os.environ.get("KB_DATABASE_URL") or f"sqlite:///{DEFAULT_DATABASE}"


def articles_dir() -> Path:
    return Path(os.environ.get("KB_ARTICLES_DIR") or ARTICLES_DIR)
