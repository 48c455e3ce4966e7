"""Engines for SQLite and PostgreSQL, and the migrations applied on start."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config as AlembicConfig
from sqlalchemy import Engine, create_engine, event, text

MIGRATIONS = Path(__file__).parent / "migrations"
_LOCK_ID = 7_300_018  # advisory lock that serialises migrations across processes on PostgreSQL


def make_engine(url: str, busy_timeout: float = 30.0) -> Engine:
    """An engine tuned for the bot: WAL and a busy timeout on SQLite, pre-ping on PostgreSQL."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": busy_timeout})

        def pragmas(dbapi_connection: Any, _record: Any) -> None:
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")  # readers do not block the writer
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout * 1000)}")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.close()

        event.listen(engine, "connect", pragmas)
        return engine
    # a server that is down must fail a health check quickly, not hang it
    return create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=5, connect_args={"connect_timeout": 5})


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Apply migrations up to `revision` (one process at a time on PostgreSQL)."""
    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": _LOCK_ID})
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def utc(moment: dt.datetime) -> dt.datetime:
    """An aware time as the naive UTC the tables hold."""
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(dt.UTC).replace(tzinfo=None)


def aware(moment: dt.datetime | None) -> dt.datetime | None:
    """A stored naive UTC time as an aware one."""
    return moment.replace(tzinfo=dt.UTC) if moment is not None else None
