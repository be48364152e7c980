"""The bots loaded by turns (bench/alternating.py) and how the report takes its median, from made-up rates."""
from bench.alternating import alternate
from bench.report import goals, markdown
from tests.bench.test_report import results  # noqa: F401  (the report's made-up figures, a fixture)


def rounds_of(ours: list[float], stock: list[float], calls: list[str]) -> dict:
    rates = {"ours": iter(ours), "stock": iter(stock)}

    def loader(side: str):
        def load() -> float:
            calls.append(side)
            return next(rates[side])
        return load

    return alternate({side: loader(side) for side in rates}, rounds=len(ours))


def test_who_goes_first_alternates_and_each_round_is_one_of_each():
    calls: list[str] = []
    rounds_of([10, 10, 10, 10], [5, 5, 5, 5], calls)
    assert calls == ["ours", "stock", "stock", "ours", "ours", "stock", "stock", "ours"]


def test_the_median_ratio_is_not_thrown_by_one_odd_round():
    by_turns = rounds_of([30, 30, 30, 30, 30], [10, 12, 60, 15, 20], [])
    assert [row["ratio"] for row in by_turns["rounds"]] == [3.0, 2.5, 0.5, 2.0, 1.5]
    assert by_turns["median_ratio"] == 2.0
    assert by_turns["median"] == {"ours": 30, "stock": 15}
    assert [row["first"] for row in by_turns["rounds"]] == ["ours", "stock", "ours", "stock", "ours"]


def test_the_goal_takes_the_rounds_not_the_single_runs(results):  # noqa: F811
    single = next(row for row in goals(results) if "stock" in row["goal"])
    assert single["met"] and single["value"].startswith("2.67×")  # 20 / 7.5 per CPU-second, one run each
    results["stock"]["by_turns"] = rounds_of([30, 30, 30], [20, 25, 16], [])
    by_turns = next(row for row in goals(results) if "stock" in row["goal"])
    assert not by_turns["met"]
    assert by_turns["value"].startswith("1.50× (median of 3 rounds loaded by turns; one run each: 2.67×")
    results["goals"] = goals(results)
    page = markdown(results)
    assert "| … per CPU-second, the two loaded by turns (median of the rounds) | 30 | 20 | — |" in page
    assert "Ours / stock by round: 30 / 20 (1.50×, ours first); 30 / 25 (1.20×, stock first);" in page
