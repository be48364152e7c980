"""`python -m kb build`: articles → SQL tables (the only writer of the knowledge base).

A build replaces the content tables in one transaction and logs itself in `kb_builds` in the same one: readers
(SQLite in WAL mode, PostgreSQL) see the old knowledge base or the new one, never half, and a failed build
leaves the old one. Tables not built from articles are never dropped or emptied.
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import create_engine, delete, event, insert, inspect, select, text
from sqlalchemy.engine import Connection, Engine, make_url

from . import schema
from .hotlines import SPEC_FILE, extract_hotlines, load_spec, mentions_trigger
from .page import Article, read_page
from .text import ends_sentence, is_list_item, sentences, starts_item

_MIN_PASSAGE_CHARS = 15


@dataclass
class BuildReport:
    pages: int = 0
    articles: int = 0
    passages: int = 0
    hotlines: int = 0
    notes: list[str] = field(default_factory=list)
    build_id: int | None = None  # the row of kb_builds this build wrote


def build(articles_dir: Path, url: str, hotline_spec: Path = SPEC_FILE) -> BuildReport:
    paths = sorted(articles_dir.glob("*.txt"))
    if not paths:
        raise FileNotFoundError(f"no article pages (*.txt) in {articles_dir}")
    pages = [read_page(path) for path in paths]
    spec = load_spec(hotline_spec)
    _make_sqlite_folder(url)
    engine = _writer_engine(url)
    report = BuildReport(pages=len(pages))
    with engine.begin() as conn:
        _empty_content_tables(conn)
        for page in pages:
            for article in page.articles:
                article_id = conn.execute(insert(schema.articles).values(
                    page=page.meta.get("page", page.name), title=article.title, byline=article.byline,
                    place=article.place, date_text=page.date_of(article),
                    published=page.iso_date_of(article), publisher=page.publisher_of(article), url=page.url,
                    body=article.text,
                )).inserted_primary_key[0]
                report.articles += 1
                passage_rows = [{"article_id": article_id, "seq": i, "text": text}
                                for i, text in enumerate(passages_of(article))]
                hotlines = extract_hotlines(article, spec)
                if mentions_trigger(article, spec) and 0 < len(hotlines) < spec.min_items:
                    report.notes.append(f"《{article.title}》 mentions {spec.trigger} but lists only "
                                        f"{len(hotlines)} hotline(s)")
                hotline_rows = [{"article_id": article_id, "department": h.department,
                                 "numbers": "、".join(h.numbers), "opened": h.opened, "issuer": h.issuer,
                                 "purpose": h.purpose, "scope": h.scope}
                                for h in hotlines]
                for table, rows in ((schema.passages, passage_rows), (schema.hotlines, hotline_rows)):
                    if rows:
                        conn.execute(insert(table), rows)
                report.passages += len(passage_rows)
                report.hotlines += len(hotline_rows)
        listed = set(conn.execute(select(schema.hotlines.c.department)).scalars())
        alias_rows = [{"department": d, "word": w} for d, words in spec.aliases.items() if d in listed for w in words]
        if alias_rows:
            conn.execute(insert(schema.hotline_aliases), alias_rows)
        report.build_id = conn.execute(insert(schema.kb_builds).values(
            built_at=datetime.now(timezone.utc).replace(tzinfo=None), pages=report.pages,
            articles=report.articles, passages=report.passages, hotlines=report.hotlines,
        )).inserted_primary_key[0]
    engine.dispose()
    return report


def _writer_engine(url: str) -> Engine:
    """SQLite: WAL (readers keep reading during a build), DDL inside the transaction, the write lock taken at BEGIN."""
    engine = create_engine(url, future=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_without_implicit_transactions)
        event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN IMMEDIATE"))
    return engine


def _sqlite_without_implicit_transactions(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    # pysqlite begins a transaction only before INSERT/UPDATE/DELETE, so DROP/CREATE would run outside it.
    dbapi_connection.isolation_level = None
    dbapi_connection.execute("PRAGMA journal_mode=WAL")


def _empty_content_tables(conn: Connection) -> None:
    """Content tables empty and with schema.py's columns (re-created if those changed); other tables only created."""
    if conn.dialect.name == "postgresql":
        schema.kb_builds.create(conn, checkfirst=True)
        conn.execute(text("LOCK TABLE kb_builds IN EXCLUSIVE MODE"))  # one build at a time; reads go on
    inspector = inspect(conn)
    if any(inspector.has_table(table.name)
           and {c["name"] for c in inspector.get_columns(table.name)} != set(table.c.keys())
           for table in schema.CONTENT_TABLES):
        schema.metadata.drop_all(conn, tables=list(schema.CONTENT_TABLES))
    schema.metadata.create_all(conn)
    for table in reversed(schema.CONTENT_TABLES):
        conn.execute(delete(table))


def passages_of(article: Article) -> list[str]:
    """Sentences; a very short sentence is kept with the one after it, and so is a line that ends no sentence
    ("地址：…" before "电话：…" under a list item), up to the next list item. A "-" list item stays whole, and a
    line after a list of them that is none ("- 最多绑定5人" / "能花在哪") heads what follows, not the item."""
    result: list[str] = []
    pending = ""
    after_bullet = False
    for paragraph in article.paragraphs:
        ends_list = after_bullet and not starts_item(paragraph)
        if pending and (len(pending) >= _MIN_PASSAGE_CHARS and starts_item(paragraph) or ends_list):
            result.append(pending)
            pending = ""
        elif pending and not ends_sentence(pending):
            pending += " "
        for sentence in sentences(paragraph):
            pending += sentence
            if len(pending) >= _MIN_PASSAGE_CHARS and (ends_sentence(pending) or is_list_item(paragraph)):
                result.append(pending)
                pending = ""
        after_bullet = is_list_item(paragraph)
    if pending:
        result.append(pending)
    return result


def _make_sqlite_folder(url: str) -> None:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
