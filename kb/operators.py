"""Operators of the operations page: accounts, passwords, lock-out and sessions, in the knowledge-base database.

Passwords are kept as Argon2id hashes (argon2-cffi, OWASP's parameters: 19 MiB, 2 passes, 1 lane: about 50 ms),
never in clear. MAX_FAILURES wrong passwords in a row lock an account for LOCK_MINUTES (`python -m kb admin unlock`
ends it sooner); a locked account's password is not even checked. An unknown name costs the same hash as a known
one, so timing does not tell which names exist. A session is a random token in a cookie; the database keeps only
its SHA-256, with the session's CSRF token and its expiry.
"""
from __future__ import annotations

import enum
import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, insert, inspect, select, update
from sqlalchemy.engine import Connection

from . import schema
from .database import engine_for

MAX_FAILURES = 5
LOCK_MINUTES = 15
SESSION_HOURS = 8
MIN_PASSWORD_CHARS = 10
NAME = re.compile(r"[A-Za-z0-9_.\-]{1,64}")
_hasher = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)
_operators, _sessions = schema.operators, schema.operator_sessions


class OperatorError(ValueError):
    """A name or password that cannot be used, said in words for the command line."""


class Login(enum.Enum):
    OK = "ok"
    WRONG = "wrong"  # unknown name or wrong password: the same answer for both
    LOCKED = "locked"


@dataclass(frozen=True)
class Session:
    operator: str
    csrf_token: str


def add_operator(url: str, name: str, password: str, replace: bool = False) -> None:
    """Create an operator (or, with `replace`, set a new password and unlock an existing one)."""
    if not NAME.fullmatch(name):
        raise OperatorError("用户名只能用字母、数字、点、横线和下划线，最多 64 个字符")
    if len(password) < MIN_PASSWORD_CHARS:
        raise OperatorError(f"密码至少 {MIN_PASSWORD_CHARS} 个字符")
    values = {"password_hash": _hasher.hash(password), "failed_logins": 0, "locked_until": None}
    with engine_for(url).begin() as conn:
        _create_tables(conn)
        exists = conn.execute(select(_operators.c.id).where(_operators.c.name == name)).first() is not None
        if exists and not replace:
            raise OperatorError(f"用户 {name} 已存在（换密码：加 --replace）")
        if exists:
            conn.execute(update(_operators).where(_operators.c.name == name).values(**values))
        else:
            conn.execute(insert(_operators).values(name=name, created_at=_now(), **values))


def unlock(url: str, name: str) -> bool:
    """End a lock-out; False if there is no such operator."""
    with engine_for(url).begin() as conn:
        _create_tables(conn)
        done = conn.execute(update(_operators).where(_operators.c.name == name)
                            .values(failed_logins=0, locked_until=None))
        return bool(done.rowcount)


def operator_names(url: str) -> list[str]:
    with engine_for(url).begin() as conn:
        _create_tables(conn)
        return list(conn.execute(select(_operators.c.name).order_by(_operators.c.name)).scalars())


def authenticate(url: str, name: str, password: str) -> Login:
    """Check a login; count a wrong password, lock at the MAX_FAILURES-th in a row."""
    with engine_for(url).begin() as conn:
        _create_tables(conn)
        row = conn.execute(select(_operators).where(_operators.c.name == name)).first()
        if row is None:
            _verify(_unknown_user_hash(), password)  # as slow as a known name
            return Login.WRONG
        now = _now()
        if row.locked_until is not None and row.locked_until > now:
            return Login.LOCKED
        if _verify(row.password_hash, password):
            changes: dict[str, object] = {"failed_logins": 0, "locked_until": None}
            if _hasher.check_needs_rehash(row.password_hash):
                changes["password_hash"] = _hasher.hash(password)
            conn.execute(update(_operators).where(_operators.c.id == row.id).values(**changes))
            return Login.OK
        this = _operators.c.id == row.id
        if row.locked_until is not None:  # a lock that ran out: counting starts anew
            conn.execute(update(_operators).where(this).values(failed_logins=0, locked_until=None))
        conn.execute(update(_operators).where(this).values(failed_logins=_operators.c.failed_logins + 1))
        if conn.execute(select(_operators.c.failed_logins).where(this)).scalar_one() < MAX_FAILURES:
            return Login.WRONG
        conn.execute(update(_operators).where(this).values(
            failed_logins=0, locked_until=now + timedelta(minutes=LOCK_MINUTES)))
        return Login.LOCKED


def open_session(url: str, operator: str) -> tuple[str, Session]:
    """A new session: the token for the cookie, and the session (with its CSRF token)."""
    token, session = secrets.token_urlsafe(32), Session(operator, secrets.token_urlsafe(32))
    with engine_for(url).begin() as conn:
        _create_tables(conn)
        conn.execute(delete(_sessions).where(_sessions.c.expires_at <= _now()))  # the expired ones go here
        conn.execute(insert(_sessions).values(token_hash=_digest(token), operator=operator,
                                              csrf_token=session.csrf_token,
                                              expires_at=_now() + timedelta(hours=SESSION_HOURS)))
    return token, session


def session_of(url: str, token: str | None) -> Session | None:
    """The live session of a cookie's token, or None."""
    if not token or len(token) > 100:
        return None
    with engine_for(url).connect() as conn:
        if not inspect(conn).has_table(_sessions.name):
            return None
        row = conn.execute(select(_sessions).where(_sessions.c.token_hash == _digest(token),
                                                   _sessions.c.expires_at > _now())).first()
    return Session(row.operator, row.csrf_token) if row else None


def close_session(url: str, token: str) -> None:
    with engine_for(url).begin() as conn:
        _create_tables(conn)
        conn.execute(delete(_sessions).where(_sessions.c.token_hash == _digest(token)))


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


@lru_cache(maxsize=1)
def _unknown_user_hash() -> str:
    return _hasher.hash(secrets.token_urlsafe(16))


def _create_tables(conn: Connection) -> None:
    for table in (_operators, _sessions):
        table.create(conn, checkfirst=True)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)
