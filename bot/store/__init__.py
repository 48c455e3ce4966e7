"""The store: the one truth about what must be sent, what was sent and what was done.

The only package that imports SQLAlchemy. SQLite by default, PostgreSQL by URL (psycopg 3).
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from sqlalchemy import Connection, and_, func, insert, select, text, update
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from bot.planner import Planned
from bot.schedule.model import Agency, Plan
from bot.store import claims, officers, reports, sync
from bot.store.claims import Claimed
from bot.store.db import aware, make_engine, upgrade, utc
from bot.store.digests import DigestClaim, DigestStore
from bot.store.leader import Leadership
from bot.store.models import (
    AgencyRow,
    AuditRow,
    CompletionRow,
    ExtensionRow,
    MetaRow,
    OccurrenceRow,
    PlanRow,
    ReminderRow,
    TargetRow,
)
from bot.store.officers import OccurrenceInfo
from bot.store.reports import TaskStatus
from bot.store.sync import Route, SyncStats

__all__ = ["Claimed", "DigestClaim", "DigestStore", "ExtensionRow", "Leadership", "OccurrenceInfo", "Store",
           "StoreBusy", "SyncStats", "TaskStatus"]

T = TypeVar("T")


class StoreBusy(Exception):
    """The database could not be reached or stayed locked; try again on the next tick."""


class Store:
    """Operations on the database, each in its own short transaction."""

    def __init__(self, url: str, busy_timeout: float = 30.0) -> None:
        self.url = url
        self.engine = make_engine(url, busy_timeout)
        self._session = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def digests(self) -> DigestStore:
        """Digest rows and what fills them."""
        return DigestStore(self.session)

    @property
    def dialect(self) -> str:
        """'sqlite' or 'postgresql'."""
        return self.engine.dialect.name

    def migrate(self) -> None:
        """Bring the schema up to date (done on start and by `nhacviec db upgrade`)."""
        upgrade(self.engine)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A transaction; a locked or unreachable database becomes StoreBusy."""
        try:
            with self._session.begin() as s:
                yield s
        except OperationalError as e:
            raise StoreBusy(str(e.orig) if e.orig else str(e)) from e

    # --- sync -----------------------------------------------------------------------------

    def sync_agencies(self, agencies: Iterable[Agency], now: dt.datetime) -> None:
        """Write agencies and the targets agencies.toml lists."""
        with self.session() as s:
            sync.sync_agencies(s, agencies, now)

    def targets(self) -> dict[str, list[tuple[str, str]]]:
        """Active targets by agency."""
        with self.session() as s:
            return sync.targets_by_agency(s)

    def sync_plan(self, plan: Plan, planned: Iterable[Planned], route: Route,
                  targets: dict[str, list[tuple[str, str]]], stale_before: dt.datetime,
                  now: dt.datetime, until: dt.datetime) -> SyncStats:
        """Write one plan (reminders up to `until`); a transaction of its own."""
        with self.session() as s:
            return sync.sync_plan(s, plan, planned, route, targets, stale_before, now, until)

    def deactivate_plans(self, keep: set[str], now: dt.datetime) -> SyncStats:
        """Cancel what plans no longer in the schedules still had pending."""
        with self.session() as s:
            return sync.deactivate_plans(s, keep, now)

    # --- dispatch -------------------------------------------------------------------------

    def claim(self, now: dt.datetime, owner: str, lease: dt.timedelta, limit: int = 200) -> list[Claimed]:
        """Due reminders, claimed for `owner` until the lease runs out."""
        with self.session() as s:
            return claims.claim(s, now, owner, lease, limit)

    @contextmanager
    def connection(self) -> Iterator[Connection]:
        """A bare transaction for the hot path (no ORM session); locked becomes StoreBusy."""
        try:
            with self.engine.begin() as conn:
                yield conn
        except OperationalError as e:
            raise StoreBusy(str(e.orig) if e.orig else str(e)) from e

    def sent(self, c: Claimed, owner: str, at: dt.datetime, message_id: str | None) -> bool:
        """Record a delivery (False when the lease was lost meanwhile)."""
        return self.sent_many([c], owner, at, message_id) == 1

    def sent_many(self, cs: list[Claimed], owner: str, at: dt.datetime, message_id: str | None) -> int:
        """Record one message that carried several reminders, in one transaction; how many were ours."""
        with self.connection() as conn:
            return claims.sent(conn, cs, owner, at, message_id)

    def retry_many(self, cs: list[Claimed], owner: str, when: dt.datetime, error: str) -> None:
        """Try several again later, in one transaction."""
        if cs:
            with self.connection() as conn:
                claims.retry(conn, cs, owner, when, error)

    def finish_many(self, closed: list[tuple[Claimed, str]], owner: str, state: str) -> None:
        """Close several in one transaction."""
        if closed:
            with self.connection() as conn:
                claims.finish(conn, closed, owner, state)

    def next_wakeup(self) -> dt.datetime | None:
        """When the next reminder becomes due."""
        with self.session() as s:
            return claims.next_wakeup(s)

    def add_reminder(self, c: Claimed, channel: str, address: str, at: dt.datetime) -> bool:
        """A copy of a reminder to another place (a fallback); False when it already exists."""
        row = {"occurrence_id": c.occurrence_id, "kind": c.kind, "days": c.days, "recipient": c.recipient,
               "channel": channel, "address": address, "send_at": utc(c.send_at), "next_attempt_at": utc(at),
               "state": "pending", "attempts": 0}
        try:
            with self.session() as s:
                s.execute(insert(ReminderRow), [row])
            return True
        except IntegrityError:
            return False

    # --- targets --------------------------------------------------------------------------

    def target_broken(self, agency: str, channel: str, address: str, reason: str, now: dt.datetime) -> None:
        """Stop using a target that refused for good (bot blocked, chat gone, mailbox refused)."""
        with self.session() as s:
            s.execute(update(TargetRow).where(and_(
                TargetRow.agency_id == agency, TargetRow.channel == channel, TargetRow.address == address))
                .values(state="broken", reason=reason[:2000], updated_at=utc(now)))
            s.execute(update(ReminderRow).where(and_(
                ReminderRow.recipient == agency, ReminderRow.channel == channel, ReminderRow.address == address,
                ReminderRow.state == "pending")).values(state="failed", last_error=f"nơi nhận hỏng: {reason}"[:2000]))

    def target_moved(self, agency: str, channel: str, old: str, new: str, now: dt.datetime) -> None:
        """A chat that became a supergroup: its new id takes over its pending messages."""
        with self.session() as s:
            exists = s.scalar(select(TargetRow.id).where(and_(
                TargetRow.agency_id == agency, TargetRow.channel == channel, TargetRow.address == new)))
            old_row = and_(TargetRow.agency_id == agency, TargetRow.channel == channel, TargetRow.address == old)
            if exists is None:
                s.execute(update(TargetRow).where(old_row).values(address=new, state="active", updated_at=utc(now)))
            else:
                s.execute(update(TargetRow).where(old_row).values(state="removed", reason=f"chuyển sang {new}",
                                                                  updated_at=utc(now)))
            s.execute(update(ReminderRow).where(and_(
                ReminderRow.recipient == agency, ReminderRow.channel == channel, ReminderRow.address == old,
                ReminderRow.state.in_(("pending", "claimed")))).values(address=new))

    def add_target(self, agency: str, channel: str, address: str, source: str, now: dt.datetime) -> None:
        """Register a target (a Telegram chat bound with /dangky)."""
        with self.session() as s:
            row = s.scalar(select(TargetRow).where(and_(
                TargetRow.agency_id == agency, TargetRow.channel == channel, TargetRow.address == address)))
            if row is None:
                s.add(TargetRow(agency_id=agency, channel=channel, address=address, source=source, state="active",
                                updated_at=utc(now)))
            else:
                row.state, row.source, row.reason, row.updated_at = "active", source, None, utc(now)

    # --- completions, audit, meta ---------------------------------------------------------

    def complete(self, occurrence_id: int, now: dt.datetime, *, via: str, user_id: int | None = None,
                 user_name: str = "", chat_id: int | None = None, evidence: str | None = None) -> bool:
        """Mark an occurrence done and cancel what was still pending for it; False if it was not open."""
        with self.session() as s:
            changed = s.execute(update(OccurrenceRow).where(and_(
                OccurrenceRow.id == occurrence_id, OccurrenceRow.state == "open"))
                .values(state="done", updated_at=utc(now))).rowcount  # type: ignore[attr-defined]
            if not changed:
                return False
            s.add(CompletionRow(occurrence_id=occurrence_id, at=utc(now), user_id=user_id, user_name=user_name,
                                chat_id=chat_id, via=via, evidence=evidence))
            s.execute(update(ReminderRow).where(and_(
                ReminderRow.occurrence_id == occurrence_id, ReminderRow.state == "pending"))
                .values(state="cancelled", last_error="đã hoàn thành"))
            return True

    def audit(self, now: dt.datetime, actor: str, action: str, detail: dict[str, Any] | str = "",
              chat_id: int | None = None) -> None:
        """Write one line of the audit log."""
        body = detail if isinstance(detail, str) else json.dumps(detail, ensure_ascii=False, default=str)
        with self.session() as s:
            s.add(AuditRow(at=utc(now), actor=actor[:200], chat_id=chat_id, action=action[:60], detail=body))

    def secret(self, name: str) -> str:
        """A random secret kept in the database, made on first use (the same for every process)."""
        value = self.get_meta(f"secret:{name}")
        if value is not None:
            return value
        try:
            with self.session() as s:
                s.add(MetaRow(key=f"secret:{name}", value=secrets.token_hex(32)))
        except IntegrityError:  # another process made it first
            pass
        value = self.get_meta(f"secret:{name}")
        assert value is not None
        return value

    def get_meta(self, key: str) -> str | None:
        """A small fact the bot keeps."""
        with self.session() as s:
            row = s.get(MetaRow, key)
            return row.value if row else None

    def set_meta(self, key: str, value: str) -> None:
        """Keep a small fact."""
        with self.session() as s:
            row = s.get(MetaRow, key)
            if row is None:
                s.add(MetaRow(key=key, value=value))
            else:
                row.value = value

    def reminder_counts(self) -> dict[str, int]:
        """How many reminders are in each state."""
        with self.session() as s:
            return {state: n for state, n in s.execute(
                select(ReminderRow.state, func.count()).group_by(ReminderRow.state))}

    def sent_log(self) -> list[dict[str, Any]]:
        """Every reminder sent, in the order sent (for `simulate` and tests)."""
        with self.session() as s:
            rows = s.execute(
                select(ReminderRow.id, ReminderRow.sent_at, ReminderRow.kind, ReminderRow.days, ReminderRow.recipient,
                       ReminderRow.channel, ReminderRow.address, OccurrenceRow.plan_id, OccurrenceRow.task_id,
                       OccurrenceRow.agency_id, OccurrenceRow.due)
                .join(OccurrenceRow, OccurrenceRow.id == ReminderRow.occurrence_id)
                .where(ReminderRow.state == "sent").order_by(ReminderRow.sent_at, ReminderRow.id))
            return [dict(r._mapping, sent_at=aware(r.sent_at)) for r in rows]

    # --- officers (see officers.py) ----------------------------------------------------

    def _tx(self, fn: Callable[..., T], *args: Any) -> T:
        with self.session() as s:
            return fn(s, *args)

    def occurrence(self, occ_id: int) -> OccurrenceInfo | None:
        """One occurrence with its plan, task and agency."""
        return self._tx(officers.occurrence, occ_id)

    def occurrences_of_message(self, chat_id: int, message_id: int) -> list[int]:
        """The occurrences a reminder message was about (several for a grouped one)."""
        return self._tx(officers.occurrences_of_message, chat_id, message_id)

    def chat_agencies(self, chat_id: int) -> list[str]:
        """Agencies bound to a Telegram chat."""
        return self._tx(officers.chat_agencies, chat_id)

    def agency_names(self, ids: list[str]) -> dict[str, str]:
        """Names of agencies."""
        return self._tx(officers.agency_names, ids)

    def open_for(self, agencies: list[str], *, first: dt.date | None = None, last: dt.date | None = None,
                 limit: int = 50) -> list[OccurrenceInfo]:
        """Open occurrences of these agencies and of the plans they supervise."""
        with self.session() as s:
            return officers.open_for(s, agencies, first=first, last=last, limit=limit)

    def report(self, supervisor: list[str], today: dt.date) -> list[tuple[str, int, int, int]]:
        """Per agency of the supervised plans: done, open, overdue."""
        return self._tx(officers.report, supervisor, today)

    def undo_last(self, chat_id: int, since: dt.datetime, now: dt.datetime) -> int | None:
        """Reopen this chat's latest completion made after `since`; its occurrence id, or None."""
        with self.session() as s:
            last = officers.last_completion(s, chat_id, since)
            if last is None or not officers.undo(s, last[0], last[1], now):
                return None
            return last[1]

    def snooze(self, occ_id: int, recipient: str, address: str, at: dt.datetime) -> None:
        """One more reminder later."""
        self._tx(officers.snooze, occ_id, recipient, address, at)

    def create_invite(self, agency: str, code_hash: str, now: dt.datetime, expires: dt.datetime) -> None:
        """Keep an invitation."""
        self._tx(officers.create_invite, agency, code_hash, now, expires)

    def use_invite(self, code_hash: str, chat_id: int, now: dt.datetime) -> tuple[str | None, str]:
        """Bind a chat with a code: (agency, '') or (None, why)."""
        return self._tx(officers.use_invite, code_hash, chat_id, now)

    def unbind(self, chat_id: int, now: dt.datetime) -> list[str]:
        """Unbind a chat; the agencies it served."""
        return self._tx(officers.unbind, chat_id, now)

    def request_extension(self, occ_id: int, due: dt.date, text: str, user_id: int | None, user_name: str,
                          chat_id: int | None, now: dt.datetime) -> int:
        """Record an extension request."""
        return self._tx(officers.request_extension, occ_id, due, text, user_id, user_name, chat_id, now)

    def extension(self, ext_id: int) -> ExtensionRow | None:
        """An extension request."""
        return self._tx(officers.extension, ext_id)

    def decide_extension(self, ext_id: int, approve: bool, who: str, now: dt.datetime) -> ExtensionRow | None:
        """Approve or refuse; None when it was not pending."""
        return self._tx(officers.decide_extension, ext_id, approve, who, now)

    def extensions_by_key(self) -> dict[str, dt.date]:
        """Approved extensions by occurrence key."""
        return self._tx(officers.extensions_by_key)

    def agency_chats(self, agency: str) -> list[int]:
        """An agency's Telegram chats."""
        return self._tx(officers.agency_chats, agency)

    def agency_names_all(self) -> dict[str, str]:
        """Every agency's name by id."""
        with self.session() as s:
            return {i: n for i, n in s.execute(select(AgencyRow.id, AgencyRow.name))}

    def plan_numbers(self) -> dict[str, str]:
        """Every active plan's number by id."""
        with self.session() as s:
            return {i: n for i, n in s.execute(select(PlanRow.id, PlanRow.number).where(PlanRow.active.is_(True)))}

    def task_statuses(self, *, plan: str | None = None, agency: str | None = None,
                      states: tuple[str, ...] = ("open", "done")) -> list[TaskStatus]:
        """Occurrences with their first completion, for reports."""
        with self.session() as s:
            return reports.task_statuses(s, plan=plan, agency=agency, states=states)

    def health(self, since: dt.datetime) -> dict[str, Any]:
        """For /healthz: the last tick, reminders pending, due and not sent, and failed since `since`."""
        with self.session() as s:
            pending = s.scalar(select(func.count()).select_from(ReminderRow).where(ReminderRow.state == "pending"))
            failing = s.scalar(select(func.count()).select_from(ReminderRow).where(
                ReminderRow.state == "failed", ReminderRow.send_at >= utc(since)))
            retrying = s.scalar(select(func.count()).select_from(ReminderRow).where(
                ReminderRow.state == "pending", ReminderRow.attempts > 0))
            tick = s.get(MetaRow, "last_tick")
        return {"last_tick": tick.value if tick else None, "pending": pending or 0, "retrying": retrying or 0,
                "failed_recently": failing or 0}

    def leadership(self, name: str = "telegram-polling") -> Leadership:
        """The lock that picks the one process polling Telegram."""
        return Leadership(self.engine, name)

    def ping(self) -> bool:
        """Whether the database answers."""
        try:
            with self.session() as s:
                s.execute(text("SELECT 1"))
            return True
        except StoreBusy:
            return False
