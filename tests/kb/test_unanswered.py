"""The log of questions the bot could not answer, and `python -m kb unanswered` that lists them by wording."""
from __future__ import annotations

import csv
import io
import logging
import time
from datetime import datetime, timedelta

import pytest
from sqlalchemy import create_engine, inspect, select

import kb.unanswered
from kb import schema
from kb.__main__ import main
from kb.build import build
from kb.similar import group_similar
from kb.unanswered import FALLBACK, NOT_FOUND, OUT_OF_SCOPE, UnansweredLog, record

table = schema.unanswered_questions


def stored(url) -> list:
    engine = create_engine(url, future=True)
    with engine.connect() as conn:
        rows = conn.execute(select(table).order_by(table.c.id)).all()
    engine.dispose()
    return rows


def insert_asked(url, *asked: tuple[str, str, str, datetime]) -> None:
    """Rows as if recorded at given times: (question, channel, reason, asked_at); none: only the table."""
    engine = create_engine(url, future=True)
    with engine.begin() as conn:
        table.create(conn, checkfirst=True)
        if asked:
            conn.execute(table.insert(), [{"question": q, "channel": c, "reason": r, "asked_at": t, "reply": "抱歉"}
                                          for q, c, r, t in asked])
    engine.dispose()


def cli(url, *args: str, capsys) -> str:
    assert main(["--db", url, "unanswered", *args]) == 0
    return capsys.readouterr().out


# --- recording ----------------------------------------------------------------------------------------------------
def test_a_record_keeps_the_question_reason_reply_channel_and_time_and_nothing_else(any_url):
    log = UnansweredLog(any_url)
    before = datetime.utcnow()
    log.record("  诸城的学校 什么时候开学？ ", NOT_FOUND, reply="抱歉，报道里没有关于诸城的内容。", channel="wechat")
    assert log.flush()
    after = datetime.utcnow()
    [row] = stored(any_url)
    assert (row.question, row.reason, row.reply, row.channel) == (
        "诸城的学校 什么时候开学？", NOT_FOUND, "抱歉，报道里没有关于诸城的内容。", "wechat")
    assert before - timedelta(seconds=1) <= row.asked_at <= after + timedelta(seconds=1)
    engine = create_engine(any_url, future=True)
    with engine.connect() as conn:
        columns = {c["name"] for c in inspect(conn).get_columns(table.name)}
    engine.dispose()
    assert columns == {"id", "asked_at", "channel", "question", "reason", "reply"}  # no sender, no other text
    assert log.written == 1 and log.failures == 0


def test_long_questions_are_capped_and_empty_ones_not_stored(url):
    log = UnansweredLog(url)
    log.record("问" * 5000, FALLBACK, reply="答" * 10_000, channel="rest")
    log.record("   ", FALLBACK, channel="rest")
    log.record("", OUT_OF_SCOPE)
    assert log.flush()
    [row] = stored(url)
    assert len(row.question) == kb.unanswered.MAX_QUESTION_CHARS and len(row.reply) == kb.unanswered.MAX_REPLY_CHARS


def test_recording_never_raises_and_counts_what_it_could_not_store(tmp_path, caplog):
    log = UnansweredLog(f"sqlite:///{tmp_path / 'missing' / 'folder' / 'kb.sqlite'}")
    with caplog.at_level(logging.ERROR, logger="kb.unanswered"):
        log.record("诸城的学校开学了吗", NOT_FOUND, channel="rest")
        assert log.flush()
        log.record("诸城的学校开学了吗", NOT_FOUND, channel="rest")
        assert log.flush()
        log.record("问题", "no_reason")  # the caller's mistake
    assert log.failures == 3 and log.written == 0
    messages = [r.getMessage() for r in caplog.records]
    assert sum("could not store" in m for m in messages) == 1  # once per failure episode
    assert any("unknown reason 'no_reason'" in m for m in messages)


def test_a_malformed_database_url_is_logged_not_raised(monkeypatch, caplog):
    monkeypatch.setenv("KB_DATABASE_URL", "not a url")
    monkeypatch.setattr(kb.unanswered, "_log", None)
    with caplog.at_level(logging.ERROR, logger="kb.unanswered"):
        record("诸城的学校开学了吗", NOT_FOUND, channel="rest")
        kb.unanswered.unanswered_log().flush()
    assert any("not a url" in r.getMessage() or "Could not parse" in r.getMessage() for r in caplog.records)


def test_recording_does_not_wait_for_a_locked_database(url):
    """A build holds SQLite's write lock for seconds; the reply must not wait for it. The row is written after."""
    insert_asked(url)
    engine = create_engine(url, future=True)
    with engine.connect() as locker:
        locker.exec_driver_sql("BEGIN IMMEDIATE")
        log = UnansweredLog(url)
        started = time.perf_counter()
        for _ in range(20):
            log.record("诸城的学校开学了吗", NOT_FOUND, channel="rest")
        assert time.perf_counter() - started < 0.5
        assert not log.flush(timeout=0.3) and stored(url) == []
        locker.exec_driver_sql("ROLLBACK")
    engine.dispose()
    assert log.flush() and len(stored(url)) == 20


def test_questions_beyond_the_queue_are_counted_as_lost(url):
    insert_asked(url)
    engine = create_engine(url, future=True)
    with engine.connect() as locker:
        locker.exec_driver_sql("BEGIN IMMEDIATE")
        log = UnansweredLog(url, max_pending=2)
        for i in range(6):
            log.record(f"问题{i}", NOT_FOUND, channel="rest")
        locker.exec_driver_sql("ROLLBACK")
    engine.dispose()
    assert log.flush()
    assert log.failures >= 2 and log.written + log.failures == 6 and len(stored(url)) == log.written


def test_the_log_outlives_rebuilds(url, seed, grown):
    build(seed, url)
    log = UnansweredLog(url)
    log.record("诸城的学校开学了吗", NOT_FOUND, channel="rest")
    assert log.flush()
    build(seed, url)
    build(grown, url)
    assert [r.question for r in stored(url)] == ["诸城的学校开学了吗"]


# --- grouping by wording --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("same", [
    ["高速公路现在收费吗", "高速收费了吗？", "高速公路收不收费"],
    ["外地车辆能进入潍坊吗", "外地车可以进潍坊吗", "外地的车能不能进入潍坊", "外地車輛能進入濰坊嗎"],
    ["高速收费了吗", "高速 收费了吗！！", "高速收費了嗎"],
])
def test_similar_wordings_are_one_group(same):
    assert group_similar(same) == [list(range(len(same)))]


def test_different_questions_are_apart():
    texts = ["潍坊的口罩够用吗", "潍坊今天下雨吗", "高速公路收费吗", "外地车辆能进入潍坊吗", "学校几号开学",
             "超市几点关门"]
    assert sorted(group_similar(texts)) == [[i] for i in range(len(texts))]


def test_groups_come_largest_first():
    texts = ["超市几点关门", "外地车辆能进入潍坊吗", "外地车可以进潍坊吗", "外地车辆能进入潍坊吗", "超市几点开门呢"]
    assert group_similar(texts) == [[1, 2, 3], [0, 4]]


# --- python -m kb unanswered ----------------------------------------------------------------------------------------
def test_the_listing_shows_the_most_frequent_group_first_with_count_last_time_channels_and_examples(any_url, capsys):
    day = datetime(2020, 3, 2, 8, 0)
    insert_asked(any_url,
                 ("超市几点关门", "rest", NOT_FOUND, day),
                 ("外地车辆能进入潍坊吗", "rest", NOT_FOUND, day),
                 ("外地车可以进潍坊吗", "wechat", FALLBACK, day + timedelta(hours=1)),
                 ("外地车辆能进入潍坊吗", "widget", NOT_FOUND, day + timedelta(hours=2)),
                 ("外地的车能不能进入潍坊", "rest", NOT_FOUND, day + timedelta(hours=3)),
                 ("外地車輛能進入濰坊嗎", "rest", OUT_OF_SCOPE, day + timedelta(hours=4)))
    out = cli(any_url, capsys=capsys)
    assert out.splitlines()[0] == "未能回答的问题：6 次，2 组相似问法（时间为 UTC）"
    first, second = out.split("\n\n")[1:]
    assert first.splitlines()[0] == ("1. 5 次  最近 2020-03-02 12:00  渠道 rest、wechat、widget  "
                                     "原因 not_found 3，out_of_scope 1，fallback 1")
    assert first.splitlines()[1:] == ["   - 外地车辆能进入潍坊吗", "   - 外地車輛能進入濰坊嗎",
                                      "   - 外地的车能不能进入潍坊"]
    assert second.splitlines() == ["2. 1 次  最近 2020-03-02 08:00  渠道 rest  原因 not_found 1", "   - 超市几点关门"]


def test_since_limit_and_csv(url, capsys):
    insert_asked(url,
                 ("超市几点关门", "rest", NOT_FOUND, datetime(2020, 2, 28, 23, 0)),
                 ("超市几点开门呢", "rest", NOT_FOUND, datetime(2020, 2, 29, 9, 0)),
                 ("外地车辆能进入潍坊吗", "rest", NOT_FOUND, datetime(2020, 3, 1, 0, 0)),
                 ("高速公路收费吗", "wechat", FALLBACK, datetime(2020, 3, 2, 0, 0)))
    since = cli(url, "--since", "2020-02-29", capsys=capsys)
    assert "3 次，3 组" in since and "超市几点关门" not in since and "超市几点开门呢" in since
    limited = cli(url, "--limit", "1", capsys=capsys)
    assert "4 次，3 组相似问法，下面是最多的 1 组" in limited and "2. " not in limited and "超市几点关门" in limited
    rows = list(csv.reader(io.StringIO(cli(url, "--csv", capsys=capsys))))
    assert rows[0] == ["group", "count", "last_asked_utc", "channels", "reasons", "example_1", "example_2",
                       "example_3"]
    assert rows[1] == ["1", "2", "2020-02-29 09:00:00", "rest", "not_found:2", "超市几点开门呢", "超市几点关门", ""]
    assert [r[:2] for r in rows[2:]] == [["2", "1"], ["3", "1"]] and rows[2][5] == "高速公路收费吗"


def test_an_empty_log_and_bad_arguments_get_clear_messages(url, capsys):
    assert cli(url, capsys=capsys) == "没有未能回答的问题。\n"
    for args, message in ((["--since", "3月1日"], "is not a date: write YYYY-MM-DD"),
                          (["--limit", "-3"], "is not a whole number")):
        with pytest.raises(SystemExit) as exit_:
            main(["--db", url, "unanswered", *args])
        assert exit_.value.code == 2 and message in capsys.readouterr().err
