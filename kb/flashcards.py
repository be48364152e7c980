"""A flashcard deck exported as plain text, as Anki writes "Notes in Plain Text" ("#separator:tab", "#html:true",
"#guid column:1", "#deck column:3" … header lines, then one note a row, quoted as CSV), written for the Markdown reader
as HTML blocks, which it keeps as they are: a heading, the deck most notes are in ("急救培训::复习卡" as "急救培训
复习卡", else a "#deck:" header's, else the first note's question), then each note a paragraph of its fields, the
question run on into its answer ("按压深度是多少？深度5—6厘米"), without the columns that only file it (its id, note
type, deck and tags). Fields hold HTML when the header says so; else they are text, escaped, their line breaks kept."""
from __future__ import annotations

import csv
import html
import io
import re
from collections import Counter

_HEADER = re.compile(r"#([a-z ]+):(.*)")
_SEPARATORS = {"tab": "\t", "comma": ",", "semicolon": ";", "space": " ", "pipe": "|", "colon": ":"}
_FILING = ("guid", "notetype", "deck", "tags")  # the columns that file a note rather than say anything
_RUNS_ON = ("？", "?", "。", "！", "!", "：", ":")  # a field ending so runs on into the next one
_TAG = re.compile(r"<[^>]*>")


def read_flashcards(text: str) -> tuple[dict[str, str], str] | None:
    """The deck's title and its notes as HTML blocks; None for a text that does not open with the separator line
    Anki's export writes first, that holds no note, or that the CSV reader refuses (a field over its size limit)."""
    lines = text.lstrip("\ufeff").splitlines(keepends=True)
    header: dict[str, str] = {}
    header_lines = 0  # a line said twice is still a header line
    while header_lines < len(lines) and (found := _HEADER.fullmatch(lines[header_lines].strip())):
        header[found.group(1).strip()] = found.group(2).strip()
        header_lines += 1
    separator = header.get("separator", "")
    separator = _SEPARATORS.get(separator.lower(), separator)
    if len(separator) != 1:
        return None
    filing = {name: int(column) - 1 for name in _FILING if (column := header.get(f"{name} column", "")).isdigit()}
    marked_up = header.get("html", "").lower() == "true"
    notes: list[list[str]] = []
    decks: Counter[str] = Counter()
    try:
        for row in csv.reader(io.StringIO("".join(lines[header_lines:])), delimiter=separator):
            if "deck" in filing and filing["deck"] < len(row):
                decks[row[filing["deck"]].strip()] += 1
            fields = [field.strip() for at, field in enumerate(row) if at not in filing.values() and field.strip()]
            if fields:
                notes.append([field if marked_up else html.escape(field).replace("\n", "<br>") for field in fields])
    except csv.Error:
        return None
    if not notes:
        return None
    deck = decks.most_common(1)[0][0] if decks else header.get("deck", "")
    title = " ".join(part.strip() for part in deck.split("::") if part.strip()) \
        or html.unescape(_TAG.sub("", notes[0][0]))
    paragraphs = "".join(f"<p>{_note(fields)}</p>\n" for fields in notes)
    return {"title": title}, f"<h1>{html.escape(title)}</h1>\n{paragraphs}"


def _note(fields: list[str]) -> str:
    """A note's fields as one paragraph, each run on into the next when it ends a question or sentence, else after
    a colon."""
    text = fields[0]
    for field in fields[1:]:
        text += field if _TAG.sub("", text).endswith(_RUNS_ON) else "：" + field
    return text
