"""Builds are atomic and logged: readers see the old KB or the new one, a failed build changes nothing, and tables
not built from articles survive every build. On SQLite (WAL) and PostgreSQL."""
from __future__ import annotations

import threading
from typing import Any

import pytest
from sqlalchemy import Column, Integer, MetaData, String, Table, create_engine, func, inspect, select, text

import kb.build
import kb.hotlines
from kb import schema
from kb.build import build
from kb.knowledge_base import KnowledgeBase
from kb.live import latest_build_id
from testkit.articles import NEW_TITLE


def rows(url, table) -> int:
    engine = create_engine(url, future=True)
    with engine.connect() as conn:
        count = conn.execute(select(func.count()).select_from(table)).scalar()
    engine.dispose()
    return count


def titles(url) -> set[str]:
    engine = create_engine(url, future=True)
    with engine.connect() as conn:
        found = set(conn.execute(select(schema.articles.c.title)).scalars())
    engine.dispose()
    return found


def test_each_build_is_logged_with_its_counts(any_url, seed, grown):
    first, second = build(seed, any_url), build(grown, any_url)
    engine = create_engine(any_url, future=True)
    with engine.connect() as conn:
        logged = conn.execute(select(schema.kb_builds).order_by(schema.kb_builds.c.id)).all()
    engine.dispose()
    assert [r.id for r in logged] == [first.build_id, second.build_id]
    assert first.build_id is not None and second.build_id is not None and first.build_id < second.build_id
    assert [(r.articles, r.passages, r.hotlines) for r in logged] == [
        (first.articles, first.passages, first.hotlines), (second.articles, second.passages, second.hotlines)]
    assert second.articles == first.articles + 1
    assert rows(any_url, schema.articles) == second.articles and rows(any_url, schema.passages) == second.passages


def test_a_failed_build_leaves_the_previous_knowledge_base(any_url, seed, grown, monkeypatch):
    before = build(seed, any_url)
    extract = kb.hotlines.extract_hotlines
    calls = []

    def failing_late(article, spec):
        calls.append(article.title)
        if len(calls) == 5:
            raise RuntimeError("disk full")
        return extract(article, spec)

    monkeypatch.setattr(kb.build, "extract_hotlines", failing_late)
    with pytest.raises(RuntimeError, match="disk full"):
        build(grown, any_url)
    assert rows(any_url, schema.articles) == before.articles and rows(any_url, schema.passages) == before.passages
    assert NEW_TITLE not in titles(any_url)
    engine = create_engine(any_url, future=True)
    assert latest_build_id(engine) == before.build_id
    engine.dispose()


def test_readers_see_the_old_build_while_a_build_runs_and_are_not_blocked(any_url, seed, grown, monkeypatch):
    """The build is held in the middle of its transaction; a reader loads the KB meanwhile."""
    before = build(seed, any_url)
    halfway, release = threading.Event(), threading.Event()
    extract = kb.hotlines.extract_hotlines

    def pausing(article, spec):
        if article.title == NEW_TITLE:
            halfway.set()
            release.wait(30)
        return extract(article, spec)

    monkeypatch.setattr(kb.build, "extract_hotlines", pausing)
    outcome: dict[str, Any] = {}
    builder = threading.Thread(target=lambda: outcome.setdefault("report", build(grown, any_url)))
    builder.start()
    try:
        assert halfway.wait(30)
        # The bot's reader: it would block (PostgreSQL: DROP TABLE) or see half a build if the build were not atomic.
        seen = {a.title for a in KnowledgeBase.load(any_url).articles.values()}
        engine = create_engine(any_url, future=True)
        seen_build = latest_build_id(engine)
        engine.dispose()
    finally:
        release.set()
        builder.join(60)
    assert NEW_TITLE not in seen and len(seen) == before.articles and seen_build == before.build_id
    assert NEW_TITLE in titles(any_url) and outcome["report"].build_id > before.build_id


def test_two_builds_at_once_do_not_mix(any_url, seed, grown):
    build(seed, any_url)
    reports = []
    threads = [threading.Thread(target=lambda: reports.append(build(grown, any_url))) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert len(reports) == 2
    assert rows(any_url, schema.articles) == reports[0].articles
    assert rows(any_url, schema.hotlines) == reports[0].hotlines


def test_tables_not_built_from_articles_survive_builds(any_url, seed, grown):
    build(seed, any_url)
    feedback = Table("feedback", MetaData(), Column("id", Integer, primary_key=True), Column("note", String(50)))
    engine = create_engine(any_url, future=True)
    with engine.begin() as conn:
        feedback.create(conn)
        conn.execute(feedback.insert().values(note="有用"))
        conn.execute(schema.unanswered_questions.insert().values(
            asked_at=func.now(), channel="rest", question="诸城的学校开学了吗", reason="not_found", reply="抱歉"))
    build(grown, any_url)
    build(seed, any_url)
    with engine.connect() as conn:
        assert conn.execute(select(feedback.c.note)).scalars().all() == ["有用"]
        assert conn.execute(select(schema.unanswered_questions.c.question)).scalars().all() == ["诸城的学校开学了吗"]
    engine.dispose()


def test_a_build_reshapes_content_tables_whose_columns_changed(any_url, seed, monkeypatch):
    """A KB written by an older schema (here: articles without `byline`) is rebuilt with today's columns; a build
    that fails meanwhile leaves the old tables as they were (the DDL is inside the transaction)."""
    engine = create_engine(any_url, future=True)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE articles (id INTEGER PRIMARY KEY, page VARCHAR(200) NOT NULL, "
                          "title VARCHAR(200) NOT NULL, place VARCHAR(50) NOT NULL, date_text VARCHAR(50) NOT NULL, "
                          "topic VARCHAR(50), body TEXT NOT NULL)"))
        schema.metadata.create_all(conn, tables=[schema.passages, schema.hotlines, schema.hotline_aliases])
        conn.execute(text("INSERT INTO articles (id, page, title, place, date_text, body) "
                          "VALUES (1, 'p', '旧文章', '', '', '正文')"))

    monkeypatch.setattr(kb.build, "extract_hotlines", lambda article, spec: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        build(seed, any_url)
    with engine.connect() as conn:
        assert "byline" not in {c["name"] for c in inspect(conn).get_columns("articles")}
        assert conn.execute(text("SELECT title FROM articles")).scalars().all() == ["旧文章"]

    monkeypatch.undo()
    report = build(seed, any_url)
    with engine.connect() as conn:
        assert "byline" in {c["name"] for c in inspect(conn).get_columns("articles")}
    engine.dispose()
    assert "旧文章" not in titles(any_url) and len(titles(any_url)) == report.articles


def test_sqlite_builds_switch_the_database_to_wal(url, seed):
    build(seed, url)
    engine = create_engine(url, future=True)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    engine.dispose()
