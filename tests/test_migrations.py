"""The migrations build exactly the tables the models describe, on SQLite and PostgreSQL."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from bot.store import Store
from bot.store.db import upgrade
from bot.store.models import Base


def test_migrations_match_the_models(db_url: str) -> None:
    store = Store(db_url)
    store.migrate()
    with store.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    store.migrate()  # again: nothing to do
    store.engine.dispose()


def test_upgrade_from_the_first_revision(db_url: str) -> None:
    store = Store(db_url)
    upgrade(store.engine, "0001")
    upgrade(store.engine)
    with store.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    store.engine.dispose()
