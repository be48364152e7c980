"""Command line: `python -m kb build` and `python -m kb ask "问题"` (the same answer the bot gives)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .build import build
from .contacts import write_general_hotline
from .export import write_jieba_dictionary, write_lookup_tables
from .knowledge_base import KnowledgeBase
from .settings import ARTICLES_DIR, database_url


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kb", description="复工助手 knowledge base")
    parser.add_argument("--db", default=None, help="SQLAlchemy URL (default: $KB_DATABASE_URL or build/kb.sqlite)")
    commands = parser.add_subparsers(dest="command", required=True)
    build_cmd = commands.add_parser("build", help="read the articles and (re)write the database")
    build_cmd.add_argument("--articles", type=Path, default=ARTICLES_DIR)
    build_cmd.add_argument("--jieba-dict", type=Path, help="also write the jieba user dictionary here")
    build_cmd.add_argument("--lookups", type=Path, help="also write NLU lookup tables (YAML) here")
    build_cmd.add_argument("--contacts", type=Path, help="also write the general hotline (JSON) here")
    ask_cmd = commands.add_parser("ask", help="answer a question from the database")
    ask_cmd.add_argument("question")
    ask_cmd.add_argument("--topic", help="restrict to a topic of kb/topics.yml")
    ask_cmd.add_argument("--department", help="a hotline department")
    args = parser.parse_args(argv)
    url = args.db or database_url()

    if args.command == "build":
        report = build(args.articles, url)
        print(f"built {url}: {report.pages} page(s), {report.articles} articles, {report.passages} passages, "
              f"{report.hotlines} hotlines, {report.records} records")
        if args.jieba_dict or args.lookups or args.contacts:
            kb = KnowledgeBase.load(url)
            if args.jieba_dict:
                print(f"jieba dictionary: {write_jieba_dictionary(kb, args.jieba_dict)} words → {args.jieba_dict}")
            if args.lookups:
                print(f"lookup tables: {write_lookup_tables(kb, args.lookups)} → {args.lookups}")
            if args.contacts:
                print(f"general hotline: {write_general_hotline(kb, args.contacts)} → {args.contacts}")
        return 0

    kb = KnowledgeBase.load(url)
    if args.topic and args.topic not in kb.topics:
        parser.error(f"unknown topic {args.topic!r}; topics: {', '.join(kb.topics)}")
    print(kb.ask(args.question, topic=args.topic, department=args.department).text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
