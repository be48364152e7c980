"""A flashcard deck exported as plain text, as Anki writes "Notes in Plain Text" ("#separator:tab", "#html:true",
"#guid column:1", "#deck column:3" … header lines, then one note a row, quoted as CSV), written as Markdown for the
Markdown reader: each note a paragraph of its fields, the question run on into its answer ("按压深度是多少？深度5—6
厘米"), without the columns that only file it (its id, note type, deck and tags); the deck most notes are in titles
it ("急救培训::复习卡" as "急救培训 复习卡"). Its HTML is kept for the Markdown reader when the header says the fields
hold HTML, and escaped when it does not."""
from __future__ import annotations

import csv
import html
import re
from collections import Counter

_HEADER = re.compile(r"#([a-z ]+):(.*)")
_SEPARATORS = {"tab": "\t", "comma": ",", "semicolon": ";", "space": " ", "pipe": "|", "colon": ":"}
_FILING = ("guid", "notetype", "deck", "tags")  # the columns that file a note rather than say anything
_RUNS_ON = ("？", "?", "。", "！", "!", "：", ":")  # a field ending so runs on into the next one


def read_flashcards(text: str) -> tuple[dict[str, str], str] | None:
    """The deck's title and its notes as Markdown; None for a text that does not open with the separator line
    Anki's export writes first, or that holds no note."""
    lines = text.lstrip("\ufeff").splitlines()
    header = {}
    for line in lines:
        found = _HEADER.fullmatch(line.strip())
        if not found:
            break
        header[found.group(1).strip()] = found.group(2).strip()
    separator = header.get("separator", "")
    separator = _SEPARATORS.get(separator.lower(), separator)
    if len(separator) != 1:
        return None
    filing = {name: int(column) - 1 for name in _FILING if (column := header.get(f"{name} column", "")).isdigit()}
    marked_up = header.get("html", "").lower() == "true"
    notes: list[str] = []
    decks: Counter[str] = Counter()
    for row in csv.reader(lines[len(header):], delimiter=separator):
        fields = [field.strip() for at, field in enumerate(row) if at not in filing.values() and field.strip()]
        if "deck" in filing and filing["deck"] < len(row):
            decks[row[filing["deck"]].strip()] += 1
        if fields:
            notes.append(_note([field if marked_up else html.escape(field) for field in fields]))
    if not notes:
        return None
    deck = decks.most_common(1)[0][0] if decks else ""
    title = " ".join(part.strip() for part in deck.split("::") if part.strip())
    return {"title": title}, "\n\n".join(notes) + "\n"


def _note(fields: list[str]) -> str:
    """A note's fields as one paragraph, each run on into the next when it ends a question or sentence, else after
    a colon."""
    text = fields[0]
    for field in fields[1:]:
        text += field if text.endswith(_RUNS_ON) else "：" + field
    return text
