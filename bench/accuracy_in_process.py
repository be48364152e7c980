"""Answer accuracy in a few seconds, without Rasa: the knowledge base asked directly, for the edit–measure loop.

Every held-out set (the seed page's questions, each new-article set imported beside the seed page with
`python -m kb add`) is asked of `KnowledgeBase.ask` as ActionAnswer asks it: a turn after the first of a case
carries the previous question, and the article and department of the previous answer. What the NLU does
(greetings, handoff, other languages) is not modelled, so these figures differ from `make bench`'s by a few
points; `python -m bench.new_articles` and `python -m bench.heldout` are the numbers of record.

    python -m bench.accuracy_in_process            # one line per set, then the read and the blind sets' totals
                                                   # and why their wrong answers are wrong (counts only)
    python -m bench.accuracy_in_process -v         # and every wrong answer, except the blind set's
    python -m bench.accuracy_in_process --sets 0,80 --json after.json --against before.json
                                                   # the seed page (0) and set 80 only; every turn saved, and the
                                                   # turns that turned right or wrong since before.json counted

The thirteenth new-article set and every later one are blind (bench.new_articles.BLIND_SETS): their wrong answers are
listed only with --show-blind, so that nobody mends the knowledge base from their cases while they measure how well
the bot generalises.
"""
from __future__ import annotations

import argparse
import json
import statistics
import tempfile
from collections import Counter
from collections.abc import Mapping
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import yaml

from kb.answers import Answer
from kb.build import build
from kb.knowledge_base import ArticleInfo, KnowledgeBase
from kb.settings import ARTICLES_DIR

from .heldout import QUESTIONS, answer_is_right
from .new_articles import BLIND_SETS, NEW_ARTICLE_SETS, import_new_articles

# Questions in the forms the bot finds hardest (yes/no, open what/how), written later on the first two sets' articles
# and read while mending: development data, not a measure of record.
DEV_FORMS, DEV_FORMS_SUFFIX = "questions_dev_forms.yml", " (dev forms)"
SEED = "seed held-out"


def ask_set(kb: KnowledgeBase, cases: list[dict]) -> list[tuple[str, str, str, bool, str]]:
    """(case id, question, answer, right, why it is wrong or "") for every turn that expects or forbids something."""
    rows = []
    for case in cases:
        previous, article, department, passage = "", None, None, None
        for turn in case["turns"]:
            answer = kb.ask(turn["text"], context=previous, context_article=article,
                            context_department=department, context_passage=passage)
            if turn.get("expect") or turn.get("forbid"):
                text = answer.text if answer.found else ""
                right = answer_is_right(turn, text)
                why = "" if right else _why(kb.articles, turn, answer)
                rows.append((case["id"], turn["text"], answer.text, right, why))
            if answer.found:
                article, department, passage = answer.article_id, answer.department, answer.passage
            previous = turn["text"]
    return rows


def _why(articles: Mapping[int, ArticleInfo], turn: dict, answer: Answer) -> str:
    """What went wrong, told from the articles' text alone: where to look, without reading a blind set's cases."""
    expected = turn.get("expect", [])
    if not expected:
        return "answered what no article answers"
    if not answer.found:
        return "declined"
    if all(fact in answer.text for fact in expected):
        return "an older value beside the newer"
    led = articles.get(answer.article_id) if answer.article_id is not None else None
    if led is None or not all(fact in led.body.replace("\n", "") for fact in expected):
        return "another article"
    return "its article, another passage"


Row = tuple[str, str, str, bool, str]


def measure(name: str, source: Path | None, scratch: Path) -> dict[str, list[Row]]:
    """Every turn of one set (source None: the seed page's held-out questions) by set name; a set with questions
    in the dev forms has a second entry for them."""
    if source is None:
        url, questions = f"sqlite:///{scratch / 'seed.sqlite'}", {name: QUESTIONS}
        build(ARTICLES_DIR, url)
    else:
        folder = scratch / name
        import_new_articles(source, folder)
        url, questions = f"sqlite:///{folder / 'kb.sqlite'}", {name: source / "questions.yml"}
        if (source / DEV_FORMS).exists():
            questions[f"{name}{DEV_FORMS_SUFFIX}"] = source / DEV_FORMS
    kb = KnowledgeBase.load(url)
    return {key: ask_set(kb, yaml.safe_load(path.read_text(encoding="utf-8"))["cases"])
            for key, path in questions.items()}


def chosen_sets(numbers: str | None) -> list[tuple[str, Path | None]]:
    """(name, folder) of the seed page ("seed held-out", number 0) and the new-article sets, or of those numbered."""
    every = [(SEED, None, 0), *((name, source, set_number(name)) for name, source in NEW_ARTICLE_SETS.items())]
    wanted = {int(n) for n in numbers.split(",")} if numbers else None
    return [(name, source) for name, source, number in every if wanted is None or number in wanted]


def set_number(name: str) -> int:
    """"new_articles" → 1, "new_articles_80" → 80."""
    return int(name.rsplit("_", 1)[1]) if name != "new_articles" else 1


def flips(before: Mapping[str, list[Row]], after: Mapping[str, list[Row]]) -> dict[str, tuple[int, int]]:
    """(turned right, turned wrong) per set measured both times, for the sets where any turn changed."""
    changed = {}
    for name in before.keys() & after.keys():
        was = {(case, question): right for case, question, _, right, _ in before[name]}
        now = {(case, question): right for case, question, _, right, _ in after[name]}
        gained = sum(right and not was.get(turn, right) for turn, right in now.items())
        lost = sum(not right and was.get(turn, right) for turn, right in now.items())
        if gained or lost:
            changed[name] = (gained, lost)
    return changed


def median_answer(rows: list[Row]) -> float:
    """The median length of the answers given (those with a source line), before their source line."""
    lengths = [len(answer.split(_SOURCE)[0]) for _, _, answer, _, _ in rows if _SOURCE in answer]
    return statistics.median(lengths) if lengths else 0.0


_SOURCE = "\n来源："


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="list the wrong answers of the sets not blind")
    parser.add_argument("--show-blind", action="store_true", help="with -v, the blind set's wrong answers too")
    parser.add_argument("--sets", help="only these sets, by number (0 the seed page): 0,1,80")
    parser.add_argument("--json", type=Path, help="save every turn (set → [case, question, answer, right, why])")
    parser.add_argument("--against", type=Path, help="count the turns that changed since a --json file")
    parser.add_argument("--jobs", type=int, default=2, help="sets measured at once (processes)")
    args = parser.parse_args()
    totals = {True: [0, 0], False: [0, 0]}  # blind or not → [right, turns]
    reasons: dict[bool, Counter[str]] = {True: Counter(), False: Counter()}
    results: dict[str, list[Row]] = {}
    with tempfile.TemporaryDirectory(prefix="fugong-accuracy-") as scratch, \
            ProcessPoolExecutor(args.jobs) as pool:
        chosen = chosen_sets(args.sets)
        futures = [pool.submit(measure, name, source, Path(scratch)) for name, source in chosen]
        for future in futures:
            results.update(future.result())
    for name, rows in results.items():
        right = sum(row[3] for row in rows)
        blind = name.removesuffix(DEV_FORMS_SUFFIX) in BLIND_SETS
        totals[blind][0] += right
        totals[blind][1] += len(rows)
        reasons[blind].update(row[4] for row in rows if not row[3])
        print(f"{name}: {right}/{len(rows)} = {right / len(rows):.1%}; "
              f"answer before the source line: median {median_answer(rows):g} characters")
        if args.verbose and (not blind or args.show_blind):
            for case, question, answer, ok, _ in rows:
                if not ok:
                    print(f"  ✗ {case} {question} → {(answer.splitlines() or [''])[0][:70]}")
    for blind, label in ((False, "read while mending (seed page, sets not blind)"), (True, "blind sets")):
        right, turns = totals[blind]
        print(f"{label}: {right}/{turns} = {right / max(turns, 1):.1%}; wrong: "
              + ", ".join(f"{why} {count}" for why, count in reasons[blind].most_common()))
    if args.against:
        before = {name: [tuple(row) for row in rows]
                  for name, rows in json.loads(args.against.read_text(encoding="utf-8")).items()}
        for name, (gained, lost) in sorted(flips(before, results).items()):
            print(f"changed since {args.against.name}: {name} +{gained} −{lost}")
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
