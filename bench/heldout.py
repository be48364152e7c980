"""Held-out evaluation: intent accuracy / macro-F1 of the NLU and answer accuracy of the whole bot.

Every turn of tests/heldout/questions.yml goes to a running bot over REST (a fresh conversation per case,
so multi-turn cases keep their context); the answer is right when it contains every `expect` string and
no `forbid` string, and for a question no article answers (a turn that expects nothing) when it gives no fact
from the articles at all. Writes reports/heldout.md and reports/heldout.json. A report, not a test: it never fails
on a low score.
"""
from __future__ import annotations

import argparse
import json
import time
import uuid
from collections import Counter
from pathlib import Path

import requests
import yaml

from kb.answers import SOURCE_LABEL
from testkit.bot import BENCH_LOGS, bot_on_free_ports
from tools import ROOT

QUESTIONS = ROOT / "tests" / "heldout" / "questions.yml"


def load_cases(path: Path = QUESTIONS) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]


def ask(base_url: str, sender: str, text: str) -> str:
    response = requests.post(f"{base_url}/webhooks/rest/webhook", json={"sender": sender, "message": text},
                             timeout=30)
    response.raise_for_status()
    return "\n".join(m.get("text", "") for m in response.json())


def parse(base_url: str, text: str) -> str:
    response = requests.post(f"{base_url}/model/parse", json={"text": text}, timeout=30)
    response.raise_for_status()
    return (response.json().get("intent") or {}).get("name") or ""


def answer_is_right(turn: dict, answer: str, gives_facts: bool | None = None) -> bool:
    """Every `expect` string in the answer and no `forbid` one. A turn that expects nothing asks what no article
    answers: it is right only when the reply gives no fact (gives_facts: by default, whether the reply cites an
    article: a line of it opens with "来源："), as the sets' READMEs say ("must give no fact from the articles"); an
    unrelated fact without the forbidden words is a pretended answer, not a right one."""
    if gives_facts is None:
        gives_facts = any(line.startswith(SOURCE_LABEL) for line in answer.splitlines())
    if not turn.get("expect") and gives_facts:
        return False
    return all(fact in answer for fact in turn.get("expect", [])) and \
        not any(fact in answer for fact in turn.get("forbid", []))


def evaluate(base_url: str, cases: list[dict]) -> list[dict]:
    rows = []
    for case in cases:
        sender = f"heldout-{case['id']}-{uuid.uuid4().hex[:8]}"
        for turn in case["turns"]:
            predicted = parse(base_url, turn["text"])
            answer = ask(base_url, sender, turn["text"])
            rows.append({"case": case["id"], "text": turn["text"], "intent": turn["intent"],
                         "predicted": predicted, "answer": answer,
                         "checked": bool(turn.get("expect") or turn.get("forbid")),
                         "right": answer_is_right(turn, answer)})
    return rows


def macro_f1(rows: list[dict]) -> float:
    intents = {r["intent"] for r in rows}
    scores = []
    for intent in intents:
        tp = sum(r["intent"] == intent and r["predicted"] == intent for r in rows)
        fp = sum(r["intent"] != intent and r["predicted"] == intent for r in rows)
        fn = sum(r["intent"] == intent and r["predicted"] != intent for r in rows)
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(scores) / len(scores)


def summarize(rows: list[dict]) -> dict:
    checked = [r for r in rows if r["checked"]]
    return {
        "turns": len(rows),
        "intent_accuracy": sum(r["intent"] == r["predicted"] for r in rows) / len(rows),
        "intent_macro_f1": macro_f1(rows),
        "answers_checked": len(checked),
        "answer_accuracy": sum(r["right"] for r in checked) / len(checked),
    }


def write_report(summary: dict, rows: list[dict], out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / "heldout.json").write_text(json.dumps({"summary": summary, "turns": rows}, ensure_ascii=False,
                                                 indent=1), encoding="utf-8")
    confusions = Counter((r["intent"], r["predicted"]) for r in rows if r["intent"] != r["predicted"])
    lines = [
        "# Held-out evaluation", "",
        f"{time.strftime('%Y-%m-%d')}, {summary['turns']} turns from `tests/heldout/questions.yml`.", "",
        "| measure | value |", "|---|---|",
        f"| intent accuracy | {summary['intent_accuracy']:.1%} |",
        f"| intent macro-F1 | {summary['intent_macro_f1']:.3f} |",
        f"| answer accuracy ({summary['answers_checked']} turns with facts to check) "
        f"| {summary['answer_accuracy']:.1%} |",
        "", "## Intent confusions (expected → predicted: count)", "",
        *[f"- {a} → {b or '(none)'}: {n}" for (a, b), n in confusions.most_common()],
        "", "## Wrong answers", "",
        *[f"- `{r['case']}` {r['text']} → {r['answer'].splitlines()[0] if r['answer'] else '(no reply)'}"
          for r in rows if r["checked"] and not r["right"]],
    ]
    (out / "heldout.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=ROOT / "models" / "current.tar.gz")
    parser.add_argument("--out", type=Path, default=ROOT / "reports")
    args = parser.parse_args()
    cases = load_cases()
    print(f"starting the bot for {sum(len(c['turns']) for c in cases)} held-out turns…", flush=True)
    with bot_on_free_ports(BENCH_LOGS, model=args.model, extra_args=("--enable-api",)) as servers:
        rows = evaluate(servers.base_url, cases)
    summary = summarize(rows)
    write_report(summary, rows, args.out)
    print(json.dumps(summary, indent=1))
    print(f"report: {args.out / 'heldout.md'}")


if __name__ == "__main__":
    main()
