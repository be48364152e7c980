"""The knowledge base on PostgreSQL: same build, same answers as on SQLite, only the URL differs."""
import pytest

from kb.build import build
from kb.knowledge_base import KnowledgeBase
from kb.settings import ARTICLES_DIR

QUESTIONS = ["复工热线有哪些", "金融的呢？", "齐鲁号一个月发几趟", "网上菜篮子超市是什么模式", "中国农创港是什么项目",
             "青岛的复工热线"]


@pytest.fixture(scope="module")
def postgres_kb(postgres):
    url = postgres.create_database("kb")
    report = build(ARTICLES_DIR, url)
    assert report.hotlines == 9
    build(ARTICLES_DIR, url)  # a rebuild replaces the tables
    return KnowledgeBase.load(url)


@pytest.mark.parametrize("question", QUESTIONS)
def test_postgres_answers_like_sqlite(postgres_kb, kb, question):
    on_postgres, on_sqlite = postgres_kb.ask(question), kb.ask(question)
    assert (on_postgres.text, on_postgres.found, on_postgres.department) == \
        (on_sqlite.text, on_sqlite.found, on_sqlite.department)


def test_a_rebuild_does_not_duplicate_rows(postgres_kb):
    assert len(postgres_kb.hotlines) == 9
