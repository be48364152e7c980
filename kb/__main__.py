"""Command line: `python -m kb build` and `python -m kb ask "问题"` (the same answer the bot gives)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .build import build
from .hotlines import SPEC_FILE
from .knowledge_base import KnowledgeBase
from .settings import ARTICLES_DIR, database_url


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kb", description="复工助手 knowledge base")
    parser.add_argument("--db", default=None, help="SQLAlchemy URL (default: $KB_DATABASE_URL or build/kb.sqlite)")
    commands = parser.add_subparsers(dest="command", required=True)
    build_cmd = commands.add_parser("build", help="read the articles and (re)write the database")
    build_cmd.add_argument("--articles", type=Path, default=ARTICLES_DIR)
    build_cmd.add_argument("--hotline-spec", type=Path, default=SPEC_FILE,
                           help="the hotline table's declaration (default: kb/hotlines.yml)")
    ask_cmd = commands.add_parser("ask", help="answer a question from the database")
    ask_cmd.add_argument("question")
    ask_cmd.add_argument("--context", default="", help="the previous question, for a follow-up")
    args = parser.parse_args(argv)
    url = args.db or database_url()

    if args.command == "build":
        report = build(args.articles, url, args.hotline_spec)
        print(f"built {url}: {report.pages} page(s), {report.articles} articles, {report.passages} passages, "
              f"{report.hotlines} hotlines")
        for note in report.notes:
            print(f"note: {note}")
        return 0

    print(KnowledgeBase.load(url).ask(args.question, context=args.context).text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
