"""Command line: `python -m kb build`, `python -m kb ask "问题"` (the same answer the bot gives) and
`python -m kb unanswered` (what people asked that the bot could not answer)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .build import build
from .export import write_jieba_dictionary, write_lookup_tables
from .knowledge_base import KnowledgeBase
from .settings import ARTICLES_DIR, database_url
from .unanswered import report as unanswered_report, since_day


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kb", description="复工助手 knowledge base")
    parser.add_argument("--db", default=None, help="SQLAlchemy URL (default: $KB_DATABASE_URL or build/kb.sqlite)")
    commands = parser.add_subparsers(dest="command", required=True)
    build_cmd = commands.add_parser("build", help="read the articles and (re)write the database")
    build_cmd.add_argument("--articles", type=Path, default=ARTICLES_DIR)
    build_cmd.add_argument("--jieba-dict", type=Path, help="also write the jieba user dictionary here")
    build_cmd.add_argument("--lookups", type=Path, help="also write NLU lookup tables (YAML) here")
    ask_cmd = commands.add_parser("ask", help="answer a question from the database")
    ask_cmd.add_argument("question")
    ask_cmd.add_argument("--topic", help="restrict to a topic of kb/topics.yml")
    ask_cmd.add_argument("--department", help="a hotline department")
    unanswered_cmd = commands.add_parser("unanswered", help="questions the bot could not answer, grouped by wording")
    unanswered_cmd.add_argument("--since", type=since_day, help="asked on this day (UTC) or later: YYYY-MM-DD")
    unanswered_cmd.add_argument("--limit", type=_positive, help="show the N most frequent groups")
    unanswered_cmd.add_argument("--csv", action="store_true", help="one CSV row per group")
    args = parser.parse_args(argv)
    url = args.db or database_url()

    if args.command == "build":
        report = build(args.articles, url)
        print(f"built {url} (build {report.build_id}): {report.pages} page(s), {report.articles} articles, "
              f"{report.passages} passages, {report.hotlines} hotlines, {report.records} records")
        if args.jieba_dict or args.lookups:
            kb = KnowledgeBase.load(url)
            if args.jieba_dict:
                print(f"jieba dictionary: {write_jieba_dictionary(kb, args.jieba_dict)} words → {args.jieba_dict}")
            if args.lookups:
                print(f"lookup tables: {write_lookup_tables(kb, args.lookups)} → {args.lookups}")
        return 0

    if args.command == "unanswered":
        unanswered_report(url, sys.stdout, since=args.since, limit=args.limit, as_csv=args.csv)
        return 0

    kb = KnowledgeBase.load(url)
    if args.topic and args.topic not in kb.topics:
        parser.error(f"unknown topic {args.topic!r}; topics: {', '.join(kb.topics)}")
    print(kb.ask(args.question, topic=args.topic, department=args.department).text)
    return 0


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number ≥ 1")
    return int(text)


if __name__ == "__main__":
    sys.exit(main())
