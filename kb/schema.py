"""The knowledge base's tables (SQLAlchemy Core; runs on SQLAlchemy 1.4 and 2.0, SQLite and PostgreSQL)."""
from sqlalchemy import Column, DateTime, ForeignKey, Index, Integer, MetaData, String, Table, Text

metadata = MetaData()

articles = Table(
    "articles", metadata,
    Column("id", Integer, primary_key=True),
    Column("page", String(200), nullable=False),
    Column("title", String(200), nullable=False),
    Column("byline", String(200), nullable=False),
    Column("place", String(50), nullable=False),
    Column("date_text", String(50), nullable=False),
    Column("published", String(10), nullable=False),  # the day date_text names, YYYY-MM-DD; "" if only a month
    Column("publisher", String(200), nullable=False),
    Column("url", String(2000), nullable=False),
    Column("body", Text, nullable=False),
)

passages = Table(
    "passages", metadata,
    Column("id", Integer, primary_key=True),
    Column("article_id", ForeignKey("articles.id"), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("text", Text, nullable=False),
)

hotlines = Table(
    "hotlines", metadata,
    Column("id", Integer, primary_key=True),
    Column("article_id", ForeignKey("articles.id"), nullable=False),
    Column("department", String(50), nullable=False),
    Column("numbers", String(200), nullable=False),  # "、"-separated, in the order printed
    Column("opened", String(50), nullable=False),
    Column("issuer", String(100), nullable=False),
    Column("purpose", String(100), nullable=False),
    Column("scope", Text, nullable=False),
)

# Everyday words for a department's problem area (kb/hotlines.yml), for the departments the hotlines list.
hotline_aliases = Table(
    "hotline_aliases", metadata,
    Column("id", Integer, primary_key=True),
    Column("department", String(50), nullable=False),
    Column("word", String(50), nullable=False),
)

# What a build replaces, in one transaction. Every other table (the build log, the unanswered questions, …)
# outlives builds: a build never drops or empties it.
CONTENT_TABLES = (articles, passages, hotlines, hotline_aliases)

# One row per committed build, written in the build's transaction: the highest id names the content readers see.
kb_builds = Table(
    "kb_builds", metadata,
    Column("id", Integer, primary_key=True),
    Column("built_at", DateTime, nullable=False),  # UTC
    Column("pages", Integer, nullable=False),
    Column("articles", Integer, nullable=False),
    Column("passages", Integer, nullable=False),
    Column("hotlines", Integer, nullable=False),
)

# Questions the bot could not answer (kb/unanswered.py): no sender, no other message text.
unanswered_questions = Table(
    "unanswered_questions", metadata,
    Column("id", Integer, primary_key=True),
    Column("asked_at", DateTime, nullable=False),  # UTC
    Column("channel", String(50), nullable=False),
    Column("question", Text, nullable=False),
    Column("reason", String(20), nullable=False),  # not_found | fallback | out_of_scope | other_language
    Column("reply", Text, nullable=False),
    Index("ix_unanswered_questions_asked_at", "asked_at"),
)
