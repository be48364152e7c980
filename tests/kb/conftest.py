"""Fixtures for the build, reload and unanswered-log tests: a database per test, and two article folders."""
import uuid

import pytest

from testkit.articles import articles_dir


@pytest.fixture
def url(tmp_path):
    """An empty SQLite database of this test."""
    return f"sqlite:///{tmp_path / 'kb.sqlite'}"


@pytest.fixture(params=["sqlite", "postgresql"])
def any_url(request, url):
    """The test once on SQLite, once on a fresh database of the session's PostgreSQL."""
    if request.param == "sqlite":
        return url
    return request.getfixturevalue("postgres").create_database(f"kb_{uuid.uuid4().hex[:12]}")


@pytest.fixture
def seed(tmp_path):
    """The seed page alone."""
    return articles_dir(tmp_path / "seed", with_new_article=False)


@pytest.fixture
def grown(tmp_path):
    """The seed page and a new article on a subject it never mentions."""
    return articles_dir(tmp_path / "grown", with_new_article=True)
