"""Who polls Telegram: one process at a time, chosen by a PostgreSQL advisory lock.

The lock lives as long as the holder's connection: when that process dies, PostgreSQL drops the
connection and the lock with it, and the next process that asks takes over. On SQLite (one
process per database file) the single process is always the leader.
"""

from __future__ import annotations

import contextlib
import zlib

from sqlalchemy import Connection, Engine, text


class Leadership:
    """Try to become (and stay) the one process that polls for updates."""

    def __init__(self, engine: Engine, name: str = "telegram-polling") -> None:
        self.engine = engine
        self.key = zlib.crc32(name.encode()) & 0x7FFFFFFF
        self._conn: Connection | None = None

    @property
    def held(self) -> bool:
        """Whether this process is the leader now."""
        if self.engine.dialect.name != "postgresql":
            return True
        if self._conn is None:
            return False
        try:
            self._conn.execute(text("SELECT 1"))  # a dead connection means the lock is gone
            return True
        except Exception:
            self._drop()
            return False

    def try_acquire(self) -> bool:
        """Take the lock if no other live process holds it."""
        if self.held:
            return True
        conn = self.engine.connect()
        got = bool(conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": self.key}).scalar())
        conn.commit()
        if got:
            self._conn = conn
        else:
            conn.close()
        return got

    def release(self) -> None:
        """Give the lock up (on shutdown)."""
        if self._conn is not None:
            try:
                self._conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": self.key})
                self._conn.commit()
            finally:
                self._drop()

    def _drop(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(Exception):  # the connection was already gone
                self._conn.close()
            self._conn = None
