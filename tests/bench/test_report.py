"""Goals, Markdown and files of the benchmark report, from made-up figures (no servers)."""
import json

import pytest

from bench.report import goals, markdown, write


def load(p50, p95, rate, clients):
    return {"clients": clients, "messages": 100, "errors": 0, "seconds": 10.0, "p50_ms": p50, "p95_ms": p95,
            "p99_ms": p95 + 10, "messages_per_s": rate, "messages_per_cpu_s": rate / 2,
            "latencies_ms": [p50 * 0.8, p50, p95]}


def load_average():
    return {"cores": 2, "load_average": [0.5, 0.4, 0.3]}


@pytest.fixture
def results():
    return {
        "started": "2026-11-29 05:00", "run_seconds": 840, "model": "models/current.tar.gz",
        "endpoints": "endpoints.yml",
        "machine": {"before": load_average(), "after": load_average(),
                    "others": [{"cpu_s": 420, "command": "python -m pytest tests"}]},
        "bm25": {"answers_checked": 144, "answer_accuracy": 0.542, "sentences": 147},
        "ours": {"heldout": {"turns": 166, "intent_accuracy": 0.93, "intent_macro_f1": 0.931, "answers_checked": 144,
                             "answer_accuracy": 0.96},
                 "cold_start": {"up_s": 15.0, "first_answer_s": 16.2, "first_turn_ms": 400, "correct": True},
                 "latency": {"1": load(35, 120, 25, 1), "16": load(400, 900, 40, 16)},
                 "memory_mib": {"rasa": 900, "action server": 150}, "training_s": 200.0,
                 "kb_query": {"load_s": 1.1, "queries": 166, "p50_ms": 2.0, "p95_ms": 5.0, "p99_ms": 8.0},
                 "action_round_trip": {"calls": 166, "p50_ms": 6.0, "p95_ms": 10.0, "p99_ms": 14.0},
                 "tracker_store": {"sqlite": {"p50_ms": 12.0, "p95_ms": 17.0, "p99_ms": 20.0},
                                   "session_caching_sqlite": {"p50_ms": 2.5, "p95_ms": 4.0, "p99_ms": 5.0},
                                   "in_memory": {"p50_ms": 0.8, "p95_ms": 1.5, "p99_ms": 1.6}},
                 "reading": {"seed_page_ms": 12, "paragraph_3000_lines_s": 0.3, "paragraph_30000_lines_s": 4.8}},
        "stock": {"training_s": 143.0, "cold_start": {"up_s": 74.0, "first_answer_s": 75.0, "first_turn_ms": 900,
                                                      "correct": True},
                  "latency": {"1": load(55, 74, 18, 1), "16": load(1000, 1500, 15, 16)},
                  "memory_mib": {"rasa": 1100}},
    }


def test_goals_say_which_are_met(results):
    assert [row["met"] for row in goals(results)] == [True, False, True, True, True]


def test_speedup_is_measured_against_the_stock_bot(results):
    speedup = next(row for row in goals(results) if "stock" in row["goal"])
    assert speedup["value"] == "2.67× (2.67× in messages/s)" and speedup["met"]
    results["ours"]["latency"]["16"]["messages_per_cpu_s"] = 10
    assert not next(row for row in goals(results) if "stock" in row["goal"])["met"]


def test_a_wrong_first_answer_fails_the_cold_start_goal(results):
    results["ours"]["cold_start"]["correct"] = False
    assert not next(row for row in goals(results) if "cold start" in row["goal"])["met"]


def test_markdown_table_puts_the_three_side_by_side(results):
    results["goals"] = goals(results)
    text = markdown(results)
    assert "| answer accuracy, held-out (144 checked turns) | 96.0% | — | 54.2% |" in text
    assert "| REST latency p50 / p95 / p99, 1 client | 35 / 120 / 130 ms | 55 / 74 / 84 ms | — |" in text
    assert "| REST p95 ≤ 100 ms at 1 client | 120 ms | **no** |" in text
    assert "420 CPU-s (≈50% of one core): `python -m pytest tests`" in text
    assert ("the seed page 12 ms; a text of one unpunctuated paragraph of 3,000 short lines 0.3 s, of 30,000 lines "
            "4.8 s") in text
    assert ("`SQLTrackerStore` p50 12.0 ms, p95 17.0 ms; ours (`rasa_speedups`, what `endpoints.yml` uses) "
            "p50 2.5 ms") in text


def test_without_the_stock_bot_its_column_is_empty(results, tmp_path):
    del results["stock"], results["ours"]["training_s"]
    results["goals"] = goals(results)
    assert len(results["goals"]) == 4
    assert "| training (`rasa train`; stock: `rasa init --no-prompt`) | — | — | — |" in markdown(results)
    write(results, tmp_path)
    assert (tmp_path / "latency.png").exists()


def test_write_makes_markdown_json_and_plot(results, tmp_path):
    results["goals"] = goals(results)
    write(results, tmp_path)
    assert json.loads((tmp_path / "bench.json").read_text(encoding="utf-8"))["bm25"]["sentences"] == 147
    assert (tmp_path / "bench.md").read_text(encoding="utf-8").startswith("# Benchmarks")
    assert (tmp_path / "latency.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
