"""The one answer a user gets when the bot fails: a short apology with the general hotline.

The hotline comes from `build/contacts.json`, which `python -m kb build --contacts` writes (`make kb`): read once at
start, so the apology needs neither the knowledge base nor the action server, which may be what failed.
"""
from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

CONTACTS_FILE = Path(__file__).resolve().parent.parent / "build" / "contacts.json"
APOLOGY = "抱歉，系统暂时出了点问题，没能回答您的问题。请稍后再试"


def apology_text(contacts_file: Path = CONTACTS_FILE) -> str:
    """The apology, with the general hotline when the contacts file names one."""
    try:
        hotline = json.loads(contacts_file.read_text(encoding="utf-8"))["general_hotline"]
        numbers = "、".join(hotline["numbers"])
        department = hotline["department"]
    except (OSError, ValueError, KeyError, TypeError) as error:
        logger.warning("No general hotline for the apology (%s: %s): run `make kb`.", contacts_file, error)
        return f"{APOLOGY}。"
    if not numbers:
        return f"{APOLOGY}。"
    return f"{APOLOGY}，或拨打{department}热线 {numbers}。"


def apology_message(text: str) -> dict[str, Any]:
    """The apology as a bot message (the shape an action's response has); `outcome` marks the turn as failed."""
    return {"text": text, "metadata": {"outcome": "error"}}
