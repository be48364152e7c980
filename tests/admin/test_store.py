"""The operations page's tables without a bot: votes, hourly counts, operators, and what a rebuild keeps."""
from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta

import pytest
from sqlalchemy import create_engine, inspect, select

from admin.counters import HourlyCounts
from admin.summary import Range, RangeError, parse_range, summarize
from kb import activity, feedback, operators, schema
from kb.__main__ import main
from kb.build import build
from kb.unanswered import NOT_FOUND, UnansweredLog
from kb.unanswered_checks import read_checks
from testkit.articles import NEW_QUESTION, NEW_TITLE, articles_dir

HOUR = datetime(2020, 3, 1, 2)  # UTC: 10:00 in Beijing
OUTCOMES = ("answered", "fallback", "out_of_scope", "not_found", "error")


def vote(url: str, answer_id: str = "0123456789abcdef", helpful: bool = True, question: str = "金融运行的热线是多少",
         conversation: str = "wechat:oAbCdEfGhIjKlMnOpQrStUvWxYz0", article: str = "热线电话开通") -> None:
    feedback.record_vote(url, conversation=conversation, answer_id=answer_id, channel="wechat", helpful=helpful,
                         question=question, article=article, article_date="2020年2月22日")


# --- votes --------------------------------------------------------------------------------------------------------
def test_a_second_vote_on_an_answer_replaces_the_first_and_no_sender_is_kept(any_url):
    vote(any_url, helpful=True)
    vote(any_url, helpful=False)  # changed
    vote(any_url, answer_id="fedcba9876543210", helpful=True, question="齐鲁号几号发车", article="齐鲁号")
    votes = feedback.read_votes(any_url)
    assert {v.question: v.helpful for v in votes} == {"齐鲁号几号发车": True, "金融运行的热线是多少": False}
    assert len(votes) == 2
    assert {v.topic for v in votes} == {"phone", "date"}  # what was asked: a hotline, a date
    engine = create_engine(any_url, future=True)
    with engine.connect() as conn:
        stored = " ".join(str(value) for row in conn.execute(select(schema.answer_votes)) for value in row)
    engine.dispose()
    assert "oAbCdEf" not in stored and "wechat:" not in stored  # the OpenID is nowhere, not even in part


def test_tallies_per_article_and_the_worst_rated_answers(url):
    cast = [(False, "菜篮子怎么买", "菜篮子"), (False, "菜篮子怎么买", "菜篮子"), (True, "菜篮子怎么买", "菜篮子"),
            (True, "热线", "热线"), (False, "齐鲁号", "班列")]
    for i, (helpful, question, article) in enumerate(cast):
        vote(url, answer_id=f"{i:016x}", helpful=helpful, question=question, article=article)
    votes = feedback.read_votes(url)
    assert [(t.name, t.up, t.down) for t in feedback.tally(votes, "article")] == [
        ("菜篮子", 1, 2), ("热线", 1, 0), ("班列", 0, 1)]
    # net −1 both: the one more people found unhelpful first; "热线" (more 👍) is not listed
    worst = [(r.question, r.down, r.up) for r in feedback.worst_rated(votes)]
    assert worst == [("菜篮子怎么买", 2, 1), ("齐鲁号", 1, 0)]


def test_python_m_kb_feedback_csv_lists_every_vote(url, capsys):
    vote(url, helpful=False, question='带"引号", 和逗号的问题')
    assert main(["--db", url, "feedback", "--csv"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[0] == feedback.CSV_COLUMNS
    assert rows[1][1:5] == ["wechat", "down", '带"引号", 和逗号的问题', "热线电话开通"]


# --- hourly counts ------------------------------------------------------------------------------------------------
def test_counts_from_several_writers_add_up(any_url):
    key = (HOUR, activity.MESSAGES, "rest", "answered")
    activity.add_counts(any_url, {key: 3})
    activity.add_counts(any_url, {key: 2, (HOUR, activity.MESSAGES, "wechat", "error"): 1})
    counts = {(c.channel, c.label): c.count for c in activity.read_counts(any_url, HOUR, HOUR + timedelta(hours=1))}
    assert counts == {("rest", "answered"): 5, ("wechat", "error"): 1}


def test_quantiles_interpolate_inside_a_bucket_as_prometheus_does():
    buckets = {"0.025": 10, "0.05": 30, "0.1": 40, "+Inf": 40}
    assert activity.quantile(buckets, 0.5) == pytest.approx(0.025 + 0.025 * (20 - 10) / 20)
    assert activity.quantile(buckets, 0.95) == pytest.approx(0.05 + 0.05 * (38 - 30) / 10)
    assert activity.quantile({"0.1": 0, "+Inf": 5}, 0.5) == 0.1  # beyond the highest bound: that bound
    assert activity.quantile({}, 0.5) is None


def test_the_counters_growth_is_written_once_and_kept_through_a_failed_write(url, tmp_path):
    counters = {("messages", "rest", "answered"): 4}
    target = {"url": url}
    hourly = HourlyCounts(lambda: target["url"], read=lambda: dict(counters))
    hourly.flush()
    counters[("messages", "rest", "answered")] = 6
    target["url"] = f"sqlite:///{tmp_path}/missing/folder/db.sqlite"  # cannot be written
    hourly.flush()
    assert hourly.failures == 1
    target["url"] = url
    hourly.flush()
    hourly.flush()  # nothing grew: nothing added
    [count] = activity.read_counts(url, datetime(2000, 1, 1), datetime(2100, 1, 1))
    assert count.count == 6


# --- operators ----------------------------------------------------------------------------------------------------
def test_five_wrong_passwords_lock_the_account_even_against_the_right_one(url):
    operators.add_operator(url, "li.si", "一个足够长的密码123")
    results = [operators.authenticate(url, "li.si", f"wrong-{i}") for i in range(5)]
    assert results == [operators.Login.WRONG] * 4 + [operators.Login.LOCKED]
    assert operators.authenticate(url, "li.si", "一个足够长的密码123") is operators.Login.LOCKED
    assert operators.unlock(url, "li.si")
    assert operators.authenticate(url, "li.si", "一个足够长的密码123") is operators.Login.OK
    assert operators.authenticate(url, "nobody", "一个足够长的密码123") is operators.Login.WRONG


def test_a_right_password_resets_the_count_of_wrong_ones(url):
    operators.add_operator(url, "wang", "another-long-password")
    for _ in range(4):
        operators.authenticate(url, "wang", "nope")
    assert operators.authenticate(url, "wang", "another-long-password") is operators.Login.OK
    assert [operators.authenticate(url, "wang", "nope") for _ in range(4)] == [operators.Login.WRONG] * 4


def test_add_user_reads_the_password_from_stdin_and_keeps_only_an_argon2id_hash(url, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO("correct-horse-battery\n"))
    assert main(["--db", url, "admin", "add-user", "zhao"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    assert main(["--db", url, "admin", "add-user", "qian"]) == 2
    assert "密码至少" in capsys.readouterr().err
    engine = create_engine(url, future=True)
    with engine.connect() as conn:
        [row] = conn.execute(select(schema.operators)).all()
    engine.dispose()
    assert row.name == "zhao" and row.password_hash.startswith("$argon2id$")
    assert "correct-horse" not in row.password_hash
    assert operators.authenticate(url, "zhao", "correct-horse-battery") is operators.Login.OK


def test_a_session_lives_until_logout_and_is_stored_only_as_a_hash(url):
    token, session = operators.open_session(url, "zhao")
    assert operators.session_of(url, token) == session
    assert operators.session_of(url, token + "x") is None and operators.session_of(url, None) is None
    engine = create_engine(url, future=True)
    with engine.connect() as conn:
        assert token not in str(conn.execute(select(schema.operator_sessions)).all())
    engine.dispose()
    operators.close_session(url, token)
    assert operators.session_of(url, token) is None


# --- what a rebuild keeps, and what it answers now ------------------------------------------------------------------
def test_a_rebuild_keeps_votes_counts_operators_and_unanswered_questions_and_rechecks_them(url, tmp_path, capsys):
    seed = articles_dir(tmp_path / "seed", with_new_article=False)
    build(seed, url)
    log = UnansweredLog(url)
    log.record(NEW_QUESTION, NOT_FOUND, reply="抱歉", channel="widget")
    assert log.flush()
    vote(url)
    activity.add_counts(url, {(HOUR, activity.MESSAGES, "rest", "answered"): 1})
    operators.add_operator(url, "zhao", "correct-horse-battery")

    grown = articles_dir(tmp_path / "grown", with_new_article=True)
    assert main(["--db", url, "build", "--articles", str(grown)]) == 0
    assert "answers 1 of 1 wording(s)" in capsys.readouterr().out
    engine = create_engine(url, future=True)
    with engine.connect() as conn:
        kept = {t: len(conn.execute(select(getattr(schema, t))).all())
                for t in ("answer_votes", "hourly_counts", "operators", "unanswered_questions")}
        tables = set(inspect(conn).get_table_names())
    engine.dispose()
    assert kept == {"answer_votes": 1, "hourly_counts": 1, "operators": 1, "unanswered_questions": 1}
    assert "unanswered_checks" in tables
    checked = read_checks(url)
    assert checked.current and checked.checks[NEW_QUESTION].article == NEW_TITLE

    now = datetime.utcnow()
    data = summarize(url, Range(now - timedelta(days=1), now + timedelta(hours=1), "hour"), OUTCOMES)
    assert data["unanswered"]["still"] == []
    [group] = data["unanswered"]["answered"]
    assert group["examples"] == [NEW_QUESTION] and group["answered_by"] == NEW_TITLE


# --- ranges ---------------------------------------------------------------------------------------------------------
def test_ranges_are_presets_up_to_now_or_beijing_days():
    now = datetime(2020, 3, 2, 5, 30)
    day = parse_range({}, now)
    assert (day.since, day.until, day.step) == (datetime(2020, 3, 1, 6), datetime(2020, 3, 2, 6), "hour")
    assert parse_range({"range": "30d"}, now).step == "day"
    days = parse_range({"from": "2020-03-01", "to": "2020-03-02"}, now)
    assert (days.since, days.until) == (datetime(2020, 2, 29, 16), datetime(2020, 3, 2, 16))  # Beijing midnights
    assert days.label(days.starts()[0]) == "03-01 00时" and len(days.starts()) == 48
    for bad in ({"range": "1y"}, {"from": "2020-03-05", "to": "2020-03-01"}, {"from": "昨天"}):
        with pytest.raises(RangeError):
            parse_range(bad, now)
