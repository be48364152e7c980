"""Answer accuracy in a few seconds, without Rasa: the knowledge base asked directly, for the edit–measure loop.

Every held-out set (the seed page's questions, each new-article set imported beside the seed page with
`python -m kb add`) is asked of `KnowledgeBase.ask` as ActionAnswer asks it: a turn after the first of a case
carries the previous question, and the article and department of the previous answer. What the NLU does
(greetings, handoff, other languages) is not modelled, so these figures differ from `make bench`'s by a few
points; `python -m bench.new_articles` and `python -m bench.heldout` are the numbers of record.

    python -m bench.accuracy_in_process            # one line per set, then the read and the blind sets' totals
                                                   # and why their wrong answers are wrong (counts only)
    python -m bench.accuracy_in_process -v         # and every wrong answer, except the blind set's

The thirteenth new-article set and every later one are blind (bench.new_articles.BLIND_SETS): their wrong answers are
listed only with --show-blind, so that nobody mends the knowledge base from their cases while they measure how well
the bot generalises.
"""
from __future__ import annotations

import argparse
import statistics
import tempfile
from collections import Counter
from collections.abc import Mapping
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


def sets(scratch: Path) -> dict[str, tuple[str, Path]]:
    """Name → (database URL, questions file) for the seed page and each new-article set."""
    seed_url = f"sqlite:///{scratch / 'seed.sqlite'}"
    build(ARTICLES_DIR, seed_url)
    result = {"seed held-out": (seed_url, QUESTIONS)}
    for name, source in NEW_ARTICLE_SETS.items():
        folder = scratch / name
        import_new_articles(source, folder)
        result[name] = (f"sqlite:///{folder / 'kb.sqlite'}", source / "questions.yml")
        if (source / DEV_FORMS).exists():
            result[f"{name}{DEV_FORMS_SUFFIX}"] = (result[name][0], source / DEV_FORMS)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="list the wrong answers of the sets not blind")
    parser.add_argument("--show-blind", action="store_true", help="with -v, the blind set's wrong answers too")
    args = parser.parse_args()
    totals = {True: [0, 0], False: [0, 0]}  # blind or not → [right, turns]
    reasons: dict[bool, Counter[str]] = {True: Counter(), False: Counter()}
    with tempfile.TemporaryDirectory(prefix="fugong-accuracy-") as scratch:
        for name, (url, questions) in sets(Path(scratch)).items():
            cases = yaml.safe_load(questions.read_text(encoding="utf-8"))["cases"]
            rows = ask_set(KnowledgeBase.load(url), cases)
            right = sum(row[3] for row in rows)
            blind = name.removesuffix(DEV_FORMS_SUFFIX) in BLIND_SETS
            totals[blind][0] += right
            totals[blind][1] += len(rows)
            reasons[blind].update(row[4] for row in rows if not row[3])
            lengths = [len(answer.split("\n来源：")[0]) for _, _, answer, _, _ in rows]
            print(f"{name}: {right}/{len(rows)} = {right / len(rows):.1%}; "
                  f"answer before the source line: median {statistics.median(lengths):.0f} characters")
            if args.verbose and (not blind or args.show_blind):
                for case, question, answer, ok, _ in rows:
                    if not ok:
                        print(f"  ✗ {case} {question} → {(answer.splitlines() or [''])[0][:70]}")
    for blind, label in ((False, "read while mending (seed page, sets not blind)"), (True, "blind sets")):
        right, turns = totals[blind]
        print(f"{label}: {right}/{turns} = {right / max(turns, 1):.1%}; wrong: "
              + ", ".join(f"{why} {count}" for why, count in reasons[blind].most_common()))


if __name__ == "__main__":
    main()
