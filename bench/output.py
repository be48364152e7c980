"""Where a benchmark's results go: reports/<name>.json (everything measured) beside <name>.md (what a reader sees)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def write_report(out: Path, name: str, result: dict[str, Any], markdown: str) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / f"{name}.json").write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    (out / f"{name}.md").write_text(markdown, encoding="utf-8")
