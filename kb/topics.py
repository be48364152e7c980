"""Topics from topics.yml: which articles belong together, and the hotline that fits each."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from .page import Article

TOPICS_FILE = Path(__file__).with_name("topics.yml")
_TITLE_WEIGHT = 5


@dataclass(frozen=True)
class Topic:
    name: str
    label: str
    keywords: tuple[str, ...]
    department: str
    records: tuple[str, ...] = ()


def load_topics(path: Path = TOPICS_FILE) -> dict[str, Topic]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {
        name: Topic(name, spec["label"], tuple(spec["keywords"]), spec["department"],
                    tuple(spec.get("records", ())))
        for name, spec in raw.items()
    }


def assign_topic(article: Article, topics: dict[str, Topic]) -> str | None:
    def score(topic: Topic) -> int:
        return sum(_TITLE_WEIGHT * article.title.count(k) + article.text.count(k) for k in topic.keywords)

    best = max(topics.values(), key=score)
    return best.name if score(best) > 0 else None
