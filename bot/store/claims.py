"""Claiming due reminders with a lease, and recording what became of them.

A claim is one conditional UPDATE: a row moves from pending (or claimed with an expired lease)
to claimed by this process, so two processes never hold the same row. On PostgreSQL the rows
are picked with FOR UPDATE SKIP LOCKED so that concurrent ticks do not wait on each other.
Every later write is conditional on still holding the lease.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Connection, and_, bindparam, or_, select, update
from sqlalchemy.orm import Session, aliased

from bot.store.db import aware, utc
from bot.store.models import REMINDERS, AgencyRow, OccurrenceRow, PlanRow, ReminderRow, TaskRow


@dataclass(frozen=True)
class Claimed:
    """A claimed reminder with everything needed to write its message."""

    id: int
    occurrence_id: int
    kind: str
    days: int
    recipient: str
    recipient_name: str
    channel: str
    address: str
    send_at: dt.datetime
    attempts: int
    occurrence_state: str
    agency: str
    agency_name: str
    due: dt.date
    effective_due: dt.date
    plan_id: str
    plan_number: str
    plan_title: str
    task_id: str
    task_title: str
    product: str
    lead_text: str
    coordinating: str
    time_text: str


def claim(session: Session, now: dt.datetime, owner: str, lease: dt.timedelta, limit: int) -> list[Claimed]:
    """Take up to `limit` due reminders for `owner` until the lease runs out."""
    now_utc = utc(now)
    expired = and_(ReminderRow.state == "claimed", ReminderRow.lease_until < now_utc)
    pending = and_(ReminderRow.state == "pending", ReminderRow.next_attempt_at <= now_utc)
    locking = session.get_bind().dialect.name == "postgresql"
    ids: list[int] = []
    # two selections, each a range scan of its own index (an OR of both would sort every due row)
    for condition, order in ((expired, ReminderRow.lease_until), (pending, ReminderRow.next_attempt_at)):
        if len(ids) >= limit:
            break
        pick = select(ReminderRow.id).where(condition).order_by(order).limit(limit - len(ids))
        if locking:
            pick = pick.with_for_update(skip_locked=True)
        ids += session.scalars(pick).all()
    if not ids:
        return []
    conn = session.connection()
    result = conn.execute(
        update(REMINDERS)
        .where(and_(ReminderRow.id.in_(ids), or_(expired, pending)))
        .values(state="claimed", lease_owner=owner, lease_until=now_utc + lease,
                attempts=ReminderRow.attempts + 1)
        .returning(ReminderRow.id))
    return details(session, [row[0] for row in result])


def details(session: Session, ids: list[int]) -> list[Claimed]:
    """The claimed rows joined with their occurrence, task, plan and agencies."""
    if not ids:
        return []
    recipient = aliased(AgencyRow)
    owner = aliased(AgencyRow)
    query = (
        select(ReminderRow, OccurrenceRow, TaskRow, PlanRow, recipient.name, owner.name)
        .join(OccurrenceRow, OccurrenceRow.id == ReminderRow.occurrence_id)
        .join(TaskRow, and_(TaskRow.plan_id == OccurrenceRow.plan_id, TaskRow.task_id == OccurrenceRow.task_id))
        .join(PlanRow, PlanRow.id == OccurrenceRow.plan_id)
        .join(recipient, recipient.id == ReminderRow.recipient)
        .join(owner, owner.id == OccurrenceRow.agency_id)
        .where(ReminderRow.id.in_(ids))
        .order_by(ReminderRow.next_attempt_at, ReminderRow.id)
    )
    out = []
    for r, o, t, p, recipient_name, agency_name in session.execute(query):
        send_at = aware(r.send_at)
        assert send_at is not None
        out.append(Claimed(r.id, o.id, r.kind, r.days, r.recipient, recipient_name, r.channel, r.address,
                           send_at, r.attempts, o.state, o.agency_id, agency_name, o.due, o.effective_due,
                           p.id, p.number, p.title, t.task_id, t.title, t.product, t.lead_text, t.coordinating,
                           t.time_text))
    return out


_T = REMINDERS.c
_MINE = and_(_T.id == bindparam("rid"), _T.state == "claimed", _T.lease_owner == bindparam("owner"))
# built once: a delivery is recorded in the hot path of every tick
_SENT = update(REMINDERS).where(_MINE).values(
    state="sent", sent_at=bindparam("at"), message_id=bindparam("mid"), lease_owner=None, lease_until=None,
    last_error=None)
_SUPERSEDE = update(REMINDERS).where(and_(
    _T.occurrence_id == bindparam("occ"), _T.recipient == bindparam("rcpt"), _T.channel == bindparam("ch"),
    _T.address == bindparam("addr"), _T.state == "pending", _T.send_at <= bindparam("upto"))).values(
    state="skipped", last_error="gộp vào lời nhắc sau")
_RETRY = update(REMINDERS).where(_MINE).values(
    state="pending", next_attempt_at=bindparam("when"), lease_owner=None, lease_until=None,
    last_error=bindparam("err"))
_FINISH = update(REMINDERS).where(_MINE).values(
    state=bindparam("new_state"), lease_owner=None, lease_until=None, last_error=bindparam("err"))


def sent(conn: Connection, cs: list[Claimed], owner: str, at: dt.datetime, message_id: str | None) -> int:
    """Record a delivery of one message carrying these reminders; older pending reminders to the same
    place for their occurrences are superseded. Returns how many rows were still ours."""
    if not cs:
        return 0
    result = conn.execute(_SENT, [{"rid": c.id, "owner": owner, "at": utc(at), "mid": message_id} for c in cs])
    conn.execute(_SUPERSEDE, [{"occ": c.occurrence_id, "rcpt": c.recipient, "ch": c.channel, "addr": c.address,
                               "upto": utc(c.send_at)} for c in cs])
    return int(result.rowcount)


def retry(conn: Connection, cs: list[Claimed], owner: str, when: dt.datetime, error: str) -> None:
    """Give claimed reminders back for another attempt later."""
    conn.execute(_RETRY, [{"rid": c.id, "owner": owner, "when": utc(when), "err": error[:2000]} for c in cs])


def finish(conn: Connection, closed: list[tuple[Claimed, str]], owner: str, state: str) -> None:
    """Close claimed reminders without sending them ('failed', 'skipped'), each with its reason."""
    conn.execute(_FINISH, [{"rid": c.id, "owner": owner, "new_state": state, "err": reason[:2000]}
                           for c, reason in closed])


def next_wakeup(session: Session) -> dt.datetime | None:
    """The earliest moment a reminder becomes due or a lease runs out."""
    pending = session.scalar(select(ReminderRow.next_attempt_at).where(ReminderRow.state == "pending")
                             .order_by(ReminderRow.next_attempt_at).limit(1))
    leased = session.scalar(select(ReminderRow.lease_until).where(ReminderRow.state == "claimed")
                            .order_by(ReminderRow.lease_until).limit(1))
    times = [t for t in (pending, leased) if t is not None]
    return aware(min(times)) if times else None
