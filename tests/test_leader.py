"""One poller at a time: the advisory lock passes on when its holder's connection dies."""

from __future__ import annotations

import time

from sqlalchemy import text

from bot.store import Store


def test_one_leader_and_takeover(db_url: str) -> None:
    first, second = Store(db_url), Store(db_url)
    a, b = first.leadership(), second.leadership()
    assert a.try_acquire()
    if first.dialect != "postgresql":
        assert b.try_acquire()  # SQLite: one process per database, always the leader
        return
    assert not b.try_acquire()
    assert a.held and not b.held
    # the holder dies: its backend is terminated, as when the process is killed
    assert a._conn is not None
    pid = a._conn.execute(text("SELECT pg_backend_pid()")).scalar()
    with second.engine.connect() as conn:
        conn.execute(text("SELECT pg_terminate_backend(:p)"), {"p": pid})
        # pg_terminate_backend only signals: wait until the backend has gone, and its lock with it
        for _ in range(200):
            if not conn.execute(text("SELECT 1 FROM pg_stat_activity WHERE pid = :p"), {"p": pid}).first():
                break
            time.sleep(0.05)
    assert b.try_acquire()
    assert not a.held
    b.release()
    assert a.try_acquire()
    a.release()
    first.engine.dispose()
    second.engine.dispose()
