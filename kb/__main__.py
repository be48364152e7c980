"""Command line: `python -m kb build`, `python -m kb add PATH_OR_URL…`, `python -m kb ask "问题"` (the same
answer the bot gives), `python -m kb unanswered` (what people asked that the bot could not answer),
`python -m kb feedback` (👍/👎 on answers) and `python -m kb admin add-user NAME` (operators of the /admin page)."""
from __future__ import annotations

import argparse
import asyncio
import functools
import getpass
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.exc import SQLAlchemyError

from . import operators
from .build import build
from .contacts import write_general_hotline
from .feedback import report as feedback_report
from .hotlines import SPEC_FILE
from .knowledge_base import KnowledgeBase
from .settings import articles_dir, database_url
from .unanswered import report as unanswered_report
from .unanswered import since_day
from .unanswered_checks import recheck

if TYPE_CHECKING:  # importer imports trafilatura: seconds
    from .importer import Outcome

EXIT_BAD_INPUT = 2


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kb", description="复工助手 knowledge base")
    parser.add_argument("--db", default=None, help="SQLAlchemy URL (default: $KB_DATABASE_URL or build/kb.sqlite)")
    commands = parser.add_subparsers(dest="command", required=True)
    build_cmd = commands.add_parser("build", help="read the articles and (re)write the database")
    add_cmd = commands.add_parser("add", help="add articles (.txt, .md, saved .html/.htm pages, http(s) URLs), "
                                              "then build")
    add_cmd.add_argument("sources", nargs="+", metavar="PATH_OR_URL")
    for command in (build_cmd, add_cmd):
        command.add_argument("--articles", type=Path, default=None,
                             help="the articles folder (default: $KB_ARTICLES_DIR or kb/articles)")
        command.add_argument("--hotline-spec", type=Path, default=SPEC_FILE,
                             help="the hotline table's declaration (default: kb/hotlines.yml)")
        command.add_argument("--contacts", type=Path, help="also write the general hotline (JSON) here")
    ask_cmd = commands.add_parser("ask", help="answer a question from the database")
    ask_cmd.add_argument("question")
    ask_cmd.add_argument("--context", default="", help="the previous question, for a follow-up")
    unanswered_cmd = commands.add_parser("unanswered", help="questions the bot could not answer, grouped by wording")
    unanswered_cmd.add_argument("--since", type=since_day, help="asked on this day (UTC) or later: YYYY-MM-DD")
    unanswered_cmd.add_argument("--limit", type=_positive, help="show the N most frequent groups")
    unanswered_cmd.add_argument("--csv", action="store_true", help="one CSV row per group")
    feedback_cmd = commands.add_parser("feedback", help="👍/👎 on the bot's answers, per article")
    feedback_cmd.add_argument("--since", type=since_day, help="voted on this day (UTC) or later: YYYY-MM-DD")
    feedback_cmd.add_argument("--csv", action="store_true", help="one CSV row per vote")
    admin_cmd = commands.add_parser("admin", help="operators of the /admin page")
    admin_commands = admin_cmd.add_subparsers(dest="admin_command", required=True)
    add_user = admin_commands.add_parser("add-user", help="create an operator; the password is asked for (or "
                                                          "read from standard input)")
    add_user.add_argument("name")
    add_user.add_argument("--replace", action="store_true", help="set a new password for an existing operator")
    admin_commands.add_parser("list-users", help="the operators' names")
    unlock_cmd = admin_commands.add_parser("unlock", help="end an operator's lock-out after wrong passwords")
    unlock_cmd.add_argument("name")
    args = parser.parse_args(argv)
    url = args.db or database_url()

    if args.command == "build":
        _build(args, url)
        return 0
    if args.command == "add":
        return _add(args, url)
    if args.command == "unanswered":
        unanswered_report(url, sys.stdout, since=args.since, limit=args.limit, as_csv=args.csv)
        return 0
    if args.command == "feedback":
        feedback_report(url, sys.stdout, since=args.since, as_csv=args.csv)
        return 0
    if args.command == "admin":
        return _admin(args, url)
    print(KnowledgeBase.load(url).ask(args.question, context=args.context).text)
    return 0


def _build(args: argparse.Namespace, url: str) -> None:
    report = build(args.articles or articles_dir(), url, args.hotline_spec)
    print(f"built {url} (build {report.build_id}): {report.pages} page(s), {report.articles} articles, "
          f"{report.passages} passages, {report.hotlines} hotlines")
    for note in report.notes:
        print(f"note: {note}")
    load = functools.cache(lambda: KnowledgeBase.load(url))
    if args.contacts:
        print(f"general hotline: {write_general_hotline(load(), args.contacts)} → {args.contacts}")
    checks = recheck(url, load, report.build_id)
    if checks:
        answered = sum(bool(check.article) for check in checks)
        print(f"unanswered questions: build {report.build_id} answers {answered} of {len(checks)} wording(s) now")


def _add(args: argparse.Namespace, url: str) -> int:
    from .importer import add  # trafilatura and aiohttp take seconds to import: only `add` needs them

    def tell(outcome: Outcome) -> None:
        print(outcome.message, file=sys.stderr if outcome.refused else sys.stdout, flush=True)

    try:
        outcomes = asyncio.run(add(args.sources, args.articles or articles_dir(), rebuild=lambda: _build(args, url),
                                   tell=tell))
    except (SQLAlchemyError, OSError) as error:
        print(f"知识库重建失败，新文章未保存（{type(error).__name__}: {error}）", file=sys.stderr)
        return 1
    return EXIT_BAD_INPUT if any(outcome.refused for outcome in outcomes) else 0


def _admin(args: argparse.Namespace, url: str) -> int:
    if args.admin_command == "list-users":
        print("\n".join(operators.operator_names(url)) or "（还没有操作员）")
        return 0
    if args.admin_command == "unlock":
        if not operators.unlock(url, args.name):
            print(f"没有用户 {args.name}", file=sys.stderr)
            return EXIT_BAD_INPUT
        print(f"{args.name} 已解锁")
        return 0
    password = _read_password()
    try:
        operators.add_operator(url, args.name, password, replace=args.replace)
    except operators.OperatorError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    print(f"{'已更新' if args.replace else '已添加'}操作员 {args.name}：登录 /admin")
    return 0


def _read_password() -> str:
    """Asked twice at a terminal; else the first line of standard input (scripts: `echo … | python -m kb …`)."""
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    password = getpass.getpass("密码：")
    if getpass.getpass("再输入一次：") != password:
        raise SystemExit("error: 两次输入的密码不一样")
    return password


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number ≥ 1")
    return int(text)


if __name__ == "__main__":
    sys.exit(main())
