"""The tables: agencies and where they receive messages, plans, tasks, occurrences, reminders,
completions and the audit log. Times are stored as naive UTC (the same on SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt
from typing import cast

from sqlalchemy import (
    BigInteger,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {"ix": "ix_%(column_0_label)s", "uq": "uq_%(table_name)s_%(column_0_name)s",
          "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s", "pk": "pk_%(table_name)s"}


class Base(DeclarativeBase):
    """Declarative base with stable constraint names (migrations refer to them)."""

    metadata = MetaData(naming_convention=NAMING)


class AgencyRow(Base):
    """An agency as last synced from agencies.toml."""

    __tablename__ = "agencies"
    id: Mapped[str] = mapped_column(String(80), primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    active: Mapped[bool] = mapped_column(default=True)


class TargetRow(Base):
    """Where an agency receives messages: a Telegram chat, a mailbox, or the console."""

    __tablename__ = "targets"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    agency_id: Mapped[str] = mapped_column(ForeignKey("agencies.id"), index=True)
    channel: Mapped[str] = mapped_column(String(20))  # telegram | email | console
    address: Mapped[str] = mapped_column(String(200))
    source: Mapped[str] = mapped_column(String(20), default="schedule")  # schedule | registration
    state: Mapped[str] = mapped_column(String(20), default="active")  # active | broken | removed
    reason: Mapped[str | None] = mapped_column(Text, default=None)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)
    __table_args__ = (UniqueConstraint("agency_id", "channel", "address", name="uq_targets_agency_channel_address"),)


class PlanRow(Base):
    """A plan as last synced."""

    __tablename__ = "plans"
    id: Mapped[str] = mapped_column(String(120), primary_key=True)
    number: Mapped[str] = mapped_column(String(200))
    title: Mapped[str] = mapped_column(Text, default="")
    year: Mapped[int] = mapped_column(Integer)
    supervisor: Mapped[str | None] = mapped_column(String(80), default=None)
    active: Mapped[bool] = mapped_column(default=True)


class TaskRow(Base):
    """A task as last synced (its text is kept for messages and reports)."""

    __tablename__ = "tasks"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    plan_id: Mapped[str] = mapped_column(String(120), index=True)
    task_id: Mapped[str] = mapped_column(String(80))
    title: Mapped[str] = mapped_column(Text, default="")
    product: Mapped[str] = mapped_column(Text, default="")
    lead_text: Mapped[str] = mapped_column(Text, default="")
    coordinating: Mapped[str] = mapped_column(Text, default="")  # agency names joined by "; "
    time_text: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(20), default="deadline")
    active: Mapped[bool] = mapped_column(default=True)
    __table_args__ = (UniqueConstraint("plan_id", "task_id", name="uq_tasks_plan_task"),)


class OccurrenceRow(Base):
    """One due date of one task for one agency."""

    __tablename__ = "occurrences"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    key: Mapped[str] = mapped_column(String(400), unique=True)
    plan_id: Mapped[str] = mapped_column(String(120), index=True)
    task_id: Mapped[str] = mapped_column(String(80))
    agency_id: Mapped[str] = mapped_column(String(80), index=True)
    deadline: Mapped[int] = mapped_column(Integer, default=0)
    due: Mapped[dt.date] = mapped_column(Date)
    effective_due: Mapped[dt.date] = mapped_column(Date)
    state: Mapped[str] = mapped_column(String(20), default="open")  # open | done | cancelled
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)
    extended_due: Mapped[dt.date | None] = mapped_column(Date, default=None)  # an approved extension


class ReminderRow(Base):
    """One message to send: for which occurrence, which kind, when, through which channel to whom."""

    __tablename__ = "reminders"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    occurrence_id: Mapped[int] = mapped_column(ForeignKey("occurrences.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # before | due | overdue | escalation
    days: Mapped[int] = mapped_column(Integer, default=0)
    recipient: Mapped[str] = mapped_column(String(80))  # the agency that receives it
    channel: Mapped[str] = mapped_column(String(20))
    address: Mapped[str] = mapped_column(String(200))
    send_at: Mapped[dt.datetime] = mapped_column(DateTime)
    next_attempt_at: Mapped[dt.datetime] = mapped_column(DateTime)
    # pending | claimed | sent | failed | cancelled | skipped
    state: Mapped[str] = mapped_column(String(20), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    lease_owner: Mapped[str | None] = mapped_column(String(100), default=None)
    lease_until: Mapped[dt.datetime | None] = mapped_column(DateTime, default=None)
    last_error: Mapped[str | None] = mapped_column(Text, default=None)
    sent_at: Mapped[dt.datetime | None] = mapped_column(DateTime, default=None)
    message_id: Mapped[str | None] = mapped_column(String(200), default=None)
    __table_args__ = (
        UniqueConstraint("occurrence_id", "kind", "days", "recipient", "channel", "address",
                         name="uq_reminders_identity"),
        Index("ix_reminders_due", "state", "next_attempt_at"),
        Index("ix_reminders_lease", "state", "lease_until"),
        Index("ix_reminders_message", "address", "message_id"),  # a reply finds its reminder
    )


class CompletionRow(Base):
    """An occurrence marked done: by whom, when, how, with what evidence; undone within a while."""

    __tablename__ = "completions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    occurrence_id: Mapped[int] = mapped_column(ForeignKey("occurrences.id"), index=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    user_id: Mapped[int | None] = mapped_column(BigInteger, default=None)
    user_name: Mapped[str] = mapped_column(String(200), default="")
    chat_id: Mapped[int | None] = mapped_column(BigInteger, default=None)
    via: Mapped[str] = mapped_column(String(20))  # button | command | reply | admin
    evidence: Mapped[str | None] = mapped_column(Text, default=None)
    undone_at: Mapped[dt.datetime | None] = mapped_column(DateTime, default=None)


class InviteRow(Base):
    """A one-time code an admin gives an agency to bind its Telegram group (only its hash is kept)."""

    __tablename__ = "invites"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    agency_id: Mapped[str] = mapped_column(String(80))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime)
    used_at: Mapped[dt.datetime | None] = mapped_column(DateTime, default=None)
    used_chat: Mapped[int | None] = mapped_column(BigInteger, default=None)


class ExtensionRow(Base):
    """An agency asking for more time, and the supervisor's answer."""

    __tablename__ = "extensions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    occurrence_id: Mapped[int] = mapped_column(ForeignKey("occurrences.id"), index=True)
    requested_due: Mapped[dt.date] = mapped_column(Date)
    requested_text: Mapped[str] = mapped_column(Text, default="")
    user_id: Mapped[int | None] = mapped_column(BigInteger, default=None)
    user_name: Mapped[str] = mapped_column(String(200), default="")
    chat_id: Mapped[int | None] = mapped_column(BigInteger, default=None)
    state: Mapped[str] = mapped_column(String(20), default="pending")  # pending | approved | refused
    decided_by: Mapped[str | None] = mapped_column(String(200), default=None)
    decided_at: Mapped[dt.datetime | None] = mapped_column(DateTime, default=None)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class AuditRow(Base):
    """Every action a person or the bot took: who, where, what, when."""

    __tablename__ = "audit"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
    actor: Mapped[str] = mapped_column(String(200))
    chat_id: Mapped[int | None] = mapped_column(BigInteger, default=None)
    action: Mapped[str] = mapped_column(String(60))
    detail: Mapped[str] = mapped_column(Text, default="")


class MetaRow(Base):
    """Small facts the bot keeps (last tick, last sync)."""

    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class DigestRow(Base):
    """One summary to one place: the weekly digest of an agency, the daily one of a supervisor.
    Its content is read when it is sent, so it is never stale."""

    __tablename__ = "digests"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(20))  # weekly | supervisor
    period: Mapped[str] = mapped_column(String(20))  # "2018-W40" or "2018-10-01"
    recipient: Mapped[str] = mapped_column(String(80))
    channel: Mapped[str] = mapped_column(String(20))
    address: Mapped[str] = mapped_column(String(200))
    send_at: Mapped[dt.datetime] = mapped_column(DateTime)
    next_attempt_at: Mapped[dt.datetime] = mapped_column(DateTime)
    state: Mapped[str] = mapped_column(String(20), default="pending")  # pending | claimed | sent | skipped | failed
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    lease_owner: Mapped[str | None] = mapped_column(String(100), default=None)
    lease_until: Mapped[dt.datetime | None] = mapped_column(DateTime, default=None)
    last_error: Mapped[str | None] = mapped_column(Text, default=None)
    sent_at: Mapped[dt.datetime | None] = mapped_column(DateTime, default=None)
    message_id: Mapped[str | None] = mapped_column(String(200), default=None)
    __table_args__ = (
        UniqueConstraint("kind", "period", "recipient", "channel", "address", name="uq_digests_identity"),
        Index("ix_digests_due", "state", "next_attempt_at"),
    )


# the tables themselves, for Core statements on the hot paths (typed for mypy)
REMINDERS = cast(Table, ReminderRow.__table__)
OCCURRENCES = cast(Table, OccurrenceRow.__table__)
