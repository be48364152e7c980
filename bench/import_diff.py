"""How every new-article set's file is read (its articles' titles, dates, publishers and paragraphs), and which files
are read differently from a saved reading: the check an import rule needs before it is kept.

    python -m bench.import_diff before.json                       # save how every set file is read
    python -m bench.import_diff after.json --against before.json  # …and list the files read differently
    python -m bench.import_diff after.json --against before.json --paragraphs   # with the paragraphs that changed
    python -m bench.import_diff --show tests/newarticles79/c2.txt # one file: its articles and paragraphs
"""
from __future__ import annotations

import argparse
import asyncio
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from kb.fetch import Limits
from kb.importer import IMPORTED_SUFFIXES, BadInput, page_text
from kb.page import parse_page

from .new_articles import NEW_ARTICLE_SETS

Reading = list[dict[str, Any]] | str  # the articles read, or why the file was refused


def read_file(path: Path) -> Reading:
    """The articles of one file as `kb add` reads them: title, date, publisher and paragraphs of each."""
    try:
        text = asyncio.run(page_text(str(path), Limits()))
    except BadInput as refused:
        return f"refused: {refused}"
    page = parse_page(path.stem, text)
    return [{"title": a.title, "date": page.date_of(a), "publisher": page.publisher_of(a), "paragraphs": a.paragraphs}
            for a in page.articles]


def set_files() -> list[Path]:
    return sorted(path for folder in NEW_ARTICLE_SETS.values() for path in folder.iterdir()
                  if path.suffix in IMPORTED_SUFFIXES and path.name != "README.md")


def differences(before: Mapping[str, Reading], after: Mapping[str, Reading], paragraphs: bool = False) -> list[str]:
    """One block of lines per file read differently: the (title, date, publisher) heads lost and gained, and with
    `paragraphs` the paragraphs lost and gained (a file whose heads stay and only paragraphs change is named)."""
    lines = []
    for name in sorted(before.keys() | after.keys()):
        was, now = before.get(name), after.get(name)
        if was == now:
            continue
        if not isinstance(was, list) or not isinstance(now, list):
            lines.append(f"== {name}: {str(was)[:80]} → {str(now)[:80]}")
            continue
        heads = [[(a["title"], a["date"], a["publisher"]) for a in reading] for reading in (was, now)]
        lines.append(f"== {name}" + ("" if heads[0] != heads[1] else " (paragraphs only)"))
        lines += [f"  - {head}" for head in heads[0] if head not in heads[1]]
        lines += [f"  + {head}" for head in heads[1] if head not in heads[0]]
        if paragraphs:
            old, new = ([p for a in reading for p in a["paragraphs"]] for reading in (was, now))
            lines += [f"    -p {p[:100]}" for p in old if p not in new]
            lines += [f"    +p {p[:100]}" for p in new if p not in old]
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, nargs="?", help="save every set file's reading here (JSON)")
    parser.add_argument("--against", type=Path, help="list the files read differently from this saved reading")
    parser.add_argument("--paragraphs", action="store_true", help="with --against, the paragraphs that changed")
    parser.add_argument("--show", type=Path, help="print how one file is read, and nothing else")
    args = parser.parse_args()
    if args.show:
        reading = read_file(args.show)
        for article in reading if isinstance(reading, list) else []:
            print(f"## {article['title']} | {article['date']} | {article['publisher']}")
            print("\n".join(f"    {paragraph}" for paragraph in article["paragraphs"]))
        if isinstance(reading, str):
            print(reading)
        return
    if args.out is None:
        parser.error("name a file to save the reading in, or --show one file")
    readings = {str(path.relative_to(path.parents[1])): read_file(path) for path in set_files()}
    args.out.write_text(json.dumps(readings, ensure_ascii=False), encoding="utf-8")
    print(f"{len(readings)} files read → {args.out}")
    if args.against:
        before = json.loads(args.against.read_text(encoding="utf-8"))
        changed = differences(before, readings, args.paragraphs)
        print("\n".join([*changed, ""]) if changed else "", end="")
        print(f"{sum(line.startswith('==') for line in changed)} files read differently")


if __name__ == "__main__":
    main()
