"""The general hotline as a file, for the Rasa server's apology when the bot fails (it must not need the KB then)."""
from __future__ import annotations

import json
from pathlib import Path

from .knowledge_base import KnowledgeBase


def write_general_hotline(kb: KnowledgeBase, path: Path) -> str:
    """`{"general_hotline": {"department": …, "numbers": […]}}`: the hotline for anything."""
    department = kb.general_department()
    numbers = [number for h in kb.hotlines if h.department == department for number in h.numbers]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"general_hotline": {"department": department, "numbers": numbers}},
                               ensure_ascii=False) + "\n", encoding="utf-8")
    return f"{department} {'、'.join(numbers)}"
