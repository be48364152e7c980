"""The knowledge base's tables (SQLAlchemy Core; runs on SQLAlchemy 1.4 and 2.0, SQLite and PostgreSQL)."""
from sqlalchemy import Boolean, Column, DateTime, ForeignKey, Index, Integer, MetaData, String, Table, Text

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

# --- the operations page (/admin, admin/) ---------------------------------------------------------------------------
# 👍/👎 on answers (kb/feedback.py): one row per answer, its latest vote. No sender: answer_key is a hash of the
# conversation and the answer's id, so a second vote on the same answer replaces the first.
answer_votes = Table(
    "answer_votes", metadata,
    Column("id", Integer, primary_key=True),
    Column("answer_key", String(64), nullable=False, unique=True),
    Column("voted_at", DateTime, nullable=False),  # UTC, of the latest vote
    Column("channel", String(50), nullable=False),
    Column("helpful", Boolean, nullable=False),
    Column("question", Text, nullable=False),
    Column("article", String(200), nullable=False),  # the title of the article the answer led with
    Column("article_date", String(50), nullable=False),
    Column("topic", String(20), nullable=False),  # the kind of fact asked (kb/kinds.py), or "other"
    Column("fallback", Boolean, nullable=False),  # the answer came from the search fallback (NLU unsure)
    Index("ix_answer_votes_voted_at", "voted_at"),
)

# Turn counters of the bot per UTC hour (kb/activity.py), added to by every Rasa process: series "messages"
# (label: outcome), "latency" (label: a histogram bucket's upper bound, cumulative), "wechat" (label: delivery).
hourly_counts = Table(
    "hourly_counts", metadata,
    Column("hour", DateTime, primary_key=True),  # UTC, the start of the hour
    Column("series", String(20), primary_key=True),
    Column("channel", String(32), primary_key=True),
    Column("label", String(20), primary_key=True),
    Column("count", Integer, nullable=False),
)

# What the latest build answers to each unanswered wording (kb/unanswered_checks.py), written after each build.
unanswered_checks = Table(
    "unanswered_checks", metadata,
    Column("id", Integer, primary_key=True),
    Column("build_id", Integer, nullable=False),
    Column("question", Text, nullable=False),
    Column("article", String(200), nullable=False),  # "" when the build does not answer it
    Column("answer", Text, nullable=False),
    Index("ix_unanswered_checks_build_id", "build_id"),
)

# Operators of the /admin page (kb/operators.py) and their sessions: password hashes (Argon2id), never passwords;
# sessions by the SHA-256 of their cookie.
operators = Table(
    "operators", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(64), nullable=False, unique=True),
    Column("password_hash", String(200), nullable=False),
    Column("failed_logins", Integer, nullable=False),  # in a row; the 5th locks the account
    Column("locked_until", DateTime, nullable=True),  # UTC
    Column("created_at", DateTime, nullable=False),
)

operator_sessions = Table(
    "operator_sessions", metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("operator", String(64), nullable=False),
    Column("csrf_token", String(64), nullable=False),
    Column("expires_at", DateTime, nullable=False),  # UTC
)
