"""New-article check: does the bot answer articles nothing was written for, better than plain BM25?

Two sets, both asked through the real bot (REST) and through plain BM25 over the sentences of the same files:
- Leave one article out over the seed page. Nothing in the NLU, the dialogue or the retrieval was written for
  any one article; the only article-specific data left is the hotline table's everyday words
  (kb/hotlines.yml `aliases`, written for the hotline article). So a turn about the hotline article is asked of
  a KB built without those words, every other turn of the KB as shipped. A turn belongs to the article whose
  text holds all its expected facts; turns that expect nothing (questions no article answers) are reported apart.
- New articles (every folder tests/newarticles/, tests/newarticles2/, …): pages in other layouts, written blind
  with their own facts and questions, imported with `python -m kb add` beside the seed page. The first twelve sets
  have since been read while mending the knowledge base (general rules only); the thirteenth and every later one
  are blind (BLIND_SETS): their wrong answers are not listed anywhere but new_articles.json.
Writes reports/new_articles.md and new_articles.json.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import yaml

from kb.__main__ import EXIT_BAD_INPUT
from kb.build import build
from kb.importer import IMPORTED_SUFFIXES
from kb.page import read_page
from kb.settings import ARTICLES_DIR
from testkit.bot import BENCH_LOGS, bot_on_free_ports
from tools import ROOT

from . import baseline
from .heldout import answer_is_right, ask, load_cases

_SET_FOLDER = re.compile(r"newarticles(\d*)")  # the first set's folder has no number
_SET_NUMBERS = {int(found.group(1) or 1): folder for folder in (ROOT / "tests").iterdir()
                if (found := _SET_FOLDER.fullmatch(folder.name))}
NEW_ARTICLE_SETS = {"new_articles" if n == 1 else f"new_articles_{n}": _SET_NUMBERS[n] for n in sorted(_SET_NUMBERS)}
# Nothing was mended from these sets' cases; keep it so. Set 2 was blind until set 4 replaced it (session 11); sets
# 3–12 until session 32, when their wrong answers became development data (sets 1–2 were tuned to 95%: they no
# longer told a general rule from a fitted one).
FIRST_BLIND_SET = 13
BLIND_SETS = frozenset(f"new_articles_{n}" for n in _SET_NUMBERS if n >= FIRST_BLIND_SET)
SEED_PAGE = ARTICLES_DIR / "2020-02-weifang-resumption.txt"
GOAL_ACCURACY, GOAL_MARGIN = 0.90, 0.10


def checked_turns(cases: list[dict]) -> list[tuple[dict, dict]]:
    return [(case, turn) for case in cases for turn in case["turns"] if turn.get("expect") or turn.get("forbid")]


def seed_article_of(turn: dict, articles: dict[str, str]) -> str:
    """The title of the seed article holding every expected fact; "none" for a turn that expects nothing."""
    expect = turn.get("expect") or []
    if not expect:
        return "none"
    return next((title for title, text in articles.items() if all(fact in text for fact in expect)), "?")


def ask_cases(base_url: str, cases: list[dict]) -> dict[tuple[str, int], str]:
    """Every case as a conversation of its own; the answer to each turn by (case id, turn number)."""
    answers = {}
    for case in cases:
        sender = f"new-{case['id']}-{time.monotonic_ns()}"
        for number, turn in enumerate(case["turns"]):
            answers[(case["id"], number)] = ask(base_url, sender, turn["text"])
    return answers


def answers_from_bot(model: Path, articles_dir: Path, cases: list[dict], hotline_spec: Path | None = None) -> dict:
    """Build a KB from the folder (optionally with another hotline declaration), serve it, ask every case."""
    with tempfile.TemporaryDirectory(prefix="fugong-newart-") as scratch:
        url = f"sqlite:///{Path(scratch) / 'kb.sqlite'}"
        build(articles_dir, url, *([hotline_spec] if hotline_spec else []))
        with bot_on_free_ports(BENCH_LOGS, model=model, env={"KB_DATABASE_URL": url}) as servers:
            return ask_cases(servers.base_url, cases)


def turn_number(case: dict, turn: dict) -> int:
    return next(i for i, t in enumerate(case["turns"]) if t is turn)


def score(rows: list[dict]) -> dict:
    return {"turns": len(rows), "bot": sum(r["bot"] for r in rows) / len(rows) if rows else 0.0,
            "bm25": sum(r["bm25"] for r in rows) / len(rows) if rows else 0.0}


def leave_one_out(model: Path) -> dict:
    cases = load_cases()
    articles = {a.title: a.text for a in read_page(SEED_PAGE).articles}
    shipped = answers_from_bot(model, ARTICLES_DIR, cases)
    with tempfile.TemporaryDirectory(prefix="fugong-spec-") as scratch:
        spec = yaml.safe_load((ROOT / "kb" / "hotlines.yml").read_text(encoding="utf-8"))
        spec["aliases"] = {}
        no_aliases = Path(scratch) / "hotlines.yml"
        no_aliases.write_text(yaml.safe_dump(spec, allow_unicode=True), encoding="utf-8")
        without = answers_from_bot(model, ARTICLES_DIR, cases, no_aliases)
    search = baseline.SentenceSearch(baseline.page_sentences(ARTICLES_DIR))
    hotline_titles = {t for t, text in articles.items() if "热线" in t}
    rows = []
    for case, turn in checked_turns(cases):
        article = seed_article_of(turn, articles)
        answers = without if article in hotline_titles else shipped
        answer = answers[(case["id"], turn_number(case, turn))]
        rows.append({"case": case["id"], "text": turn["text"], "article": article, "answer": answer,
                     "bot": answer_is_right(turn, answer), "bm25": search.is_right(turn)})
    return summarize_rows(rows)


def import_new_articles(source: Path, folder: Path) -> None:
    """Seed page + every page of a new-article set, imported with the office's own command. A page it refuses (it
    says why, and adds the others) is missing from the knowledge base as it would be for the office: its questions
    go unanswered and count as wrong."""
    folder.mkdir(parents=True)
    shutil.copy(SEED_PAGE, folder)
    pages = sorted(p for p in source.iterdir() if p.suffix in IMPORTED_SUFFIXES and p.name != "README.md")
    env = {**os.environ, "KB_ARTICLES_DIR": str(folder), "KB_DATABASE_URL": f"sqlite:///{folder / 'kb.sqlite'}"}
    command = [sys.executable, "-m", "kb", "add", *map(str, pages)]
    done = subprocess.run(command, cwd=ROOT, env=env)
    if done.returncode not in (0, EXIT_BAD_INPUT):
        raise subprocess.CalledProcessError(done.returncode, command)


def new_articles(model: Path, source: Path) -> dict:
    cases = yaml.safe_load((source / "questions.yml").read_text(encoding="utf-8"))["cases"]
    with tempfile.TemporaryDirectory(prefix="fugong-newart-") as scratch:
        folder = Path(scratch) / "articles"
        import_new_articles(source, folder)
        answers = answers_from_bot(model, folder, cases)
        search = baseline.SentenceSearch(baseline.page_sentences(folder))
    rows = []
    for case, turn in checked_turns(cases):
        answer = answers[(case["id"], turn_number(case, turn))]
        rows.append({"case": case["id"], "text": turn["text"], "article": case.get("article", "?"), "answer": answer,
                     "bot": answer_is_right(turn, answer), "bm25": search.is_right(turn)})
    return summarize_rows(rows)


def summarize_rows(rows: list[dict]) -> dict:
    by_article: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        by_article[row["article"]].append(row)
    answerable = [r for r in rows if r["article"] != "none"]
    return {"all": score(rows), "answerable": score(answerable), "unanswerable": score(by_article.get("none", [])),
            "articles": {article: score(group) for article, group in by_article.items()}, "rows": rows}


def goal_met(result: dict) -> bool:
    overall = result["all"]
    return overall["bot"] >= GOAL_ACCURACY and overall["bot"] - overall["bm25"] >= GOAL_MARGIN


def markdown(results: dict) -> str:
    lines = ["# New-article check", "",
             f"{results['started']}, `python -m bench.new_articles` ({results['seconds']} s). Goal: answer accuracy "
             f"≥ {GOAL_ACCURACY:.0%} and ≥ {GOAL_MARGIN * 100:.0f} points above plain BM25 over the sentences of the "
             "same files. Method: bench/new_articles.py's docstring.", ""]
    for key, title in set_titles().items():
        result = results[key]
        lines += [f"## {title}", "", "| turns | bot | plain BM25 | goal |", "|---|---|---|---|",
                  f"| all {result['all']['turns']} | {result['all']['bot']:.1%} | {result['all']['bm25']:.1%} | "
                  f"{'met' if goal_met(result) else 'not met'} |",
                  f"| answerable {result['answerable']['turns']} | {result['answerable']['bot']:.1%} | "
                  f"{result['answerable']['bm25']:.1%} | |",
                  f"| no article answers {result['unanswerable']['turns']} (right: no fact given) | "
                  f"{result['unanswerable']['bot']:.1%} | {result['unanswerable']['bm25']:.1%} | |", "",
                  "| article | turns | bot | BM25 |", "|---|---|---|---|",
                  *[f"| {article} | {s['turns']} | {s['bot']:.0%} | {s['bm25']:.0%} |"
                    for article, s in sorted(result["articles"].items())],
                  "", *wrong_answers(key, result["rows"]), ""]
    return "\n".join(lines)


def set_titles() -> dict[str, str]:
    """Each set's heading in the report, from its folder and whether it is blind."""
    return {"leave_one_out": "Leave one article out, seed page (tests/heldout/questions.yml)",
            **{key: f"New articles in other layouts, {ordinal(n)} set{', blind' if key in BLIND_SETS else ''} "
                    f"({folder.relative_to(ROOT)}/)" for n, (key, folder) in enumerate(NEW_ARTICLE_SETS.items(), 1)}}


_UNITS = ("", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
          "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
          "nineteenth")
_TENS = ("", "", "twent", "thirt", "fort", "fift", "sixt", "sevent", "eight", "ninet")
_HUNDREDS = ("", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def ordinal(n: int) -> str:
    """The English ordinal of 1–999 ("fifty-eighth", "one hundred and first"), as the report's set headings name a
    set."""
    hundreds, rest = divmod(n, 100)
    if hundreds:
        return f"{_HUNDREDS[hundreds]} hundred" + (f" and {ordinal(rest)}" if rest else "th")
    tens, units = divmod(n, 10)
    if n < 20:
        return _UNITS[n]
    return f"{_TENS[tens]}y-{_UNITS[units]}" if units else f"{_TENS[tens]}ieth"


def wrong_answers(key: str, rows: list[dict]) -> list[str]:
    if key in BLIND_SETS:
        return ["Wrong answers of the blind set are not listed here (they are in new_articles.json): nothing may "
                "be mended from them while the set measures the bot."]
    return ["Wrong answers:", "",
            *[f"- `{r['case']}` {r['text']} → {(r['answer'].splitlines() or ['(no reply)'])[0][:80]}"
              for r in rows if not r["bot"]]]


def run(model: Path, out: Path) -> dict:
    started = time.monotonic()
    results: dict[str, Any] = {"started": time.strftime("%Y-%m-%d %H:%M"), "leave_one_out": leave_one_out(model),
                               **{key: new_articles(model, source) for key, source in NEW_ARTICLE_SETS.items()}}
    results["seconds"] = round(time.monotonic() - started)
    out.mkdir(parents=True, exist_ok=True)
    (out / "new_articles.json").write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    (out / "new_articles.md").write_text(markdown(results), encoding="utf-8")
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=ROOT / "models" / "current.tar.gz")
    parser.add_argument("--out", type=Path, default=ROOT / "reports")
    args = parser.parse_args()
    results = run(args.model, args.out)
    for key in ("leave_one_out", *NEW_ARTICLE_SETS):
        overall = results[key]["all"]
        print(f"{key}: bot {overall['bot']:.1%}, BM25 {overall['bm25']:.1%} ({overall['turns']} turns)")
    print(f"report: {args.out / 'new_articles.md'}")


if __name__ == "__main__":
    main()
