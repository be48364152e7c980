"""Percentiles and load summaries (no servers)."""
import pytest

from bench.load import LoadResult, latency_summary, percentile, run_load


def test_percentile_interpolates_between_ranks_like_numpy():
    values = [10, 20, 30, 40]
    assert percentile(values, 0) == 10
    assert percentile(values, 50) == 25
    assert percentile(values, 100) == 40
    assert percentile(values, 95) == pytest.approx(38.5)


def test_percentile_ignores_order_and_takes_one_value():
    assert percentile([3, 1, 2], 50) == 2
    assert percentile([7.5], 99) == 7.5


def test_percentile_of_nothing_is_an_error():
    with pytest.raises(ValueError):
        percentile([], 50)


def test_latency_summary_is_in_milliseconds():
    assert latency_summary([0.010, 0.020, 0.030]) == {"p50_ms": 20.0, "p95_ms": 29.0, "p99_ms": 29.8}


def test_load_summary_counts_messages_per_second():
    result = LoadResult(clients=4, seconds=2.0, latencies=[0.05] * 10, errors=1)
    summary = result.summary()
    assert summary["messages"] == 10 and summary["errors"] == 1
    assert summary["messages_per_s"] == 5.0
    assert summary["p50_ms"] == 50.0


def test_load_stays_on_localhost():
    with pytest.raises(ValueError):
        run_load("http://example.com", [["你好"]], clients=1, messages=1, seconds=1)
