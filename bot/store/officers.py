"""What officers and supervisors do through the bot: look tasks up, mark them done, undo, snooze,
ask for more time, bind a chat to an agency. Each function runs inside the caller's transaction."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Row, Select, and_, func, insert, or_, select, update
from sqlalchemy.orm import Session, aliased

from bot.store.db import utc
from bot.store.models import (
    AgencyRow,
    CompletionRow,
    ExtensionRow,
    InviteRow,
    OccurrenceRow,
    PlanRow,
    ReminderRow,
    TargetRow,
    TaskRow,
)


@dataclass(frozen=True)
class OccurrenceInfo:
    """An occurrence with what a reply about it needs."""

    id: int
    key: str
    plan_id: str
    plan_number: str
    plan_title: str
    supervisor: str | None
    task_id: str
    task_title: str
    agency: str
    agency_name: str
    due: dt.date
    effective_due: dt.date
    state: str
    lead_text: str = ""
    coordinating: str = ""
    product: str = ""
    time_text: str = ""
    supervisor_name: str = ""


Info = Select[OccurrenceRow, PlanRow, TaskRow, str, str | None]
_SUPERVISOR = aliased(AgencyRow)


def _info_query() -> Info:
    return (select(OccurrenceRow, PlanRow, TaskRow, AgencyRow.name, _SUPERVISOR.name)
            .join(PlanRow, PlanRow.id == OccurrenceRow.plan_id)
            .join(TaskRow, and_(TaskRow.plan_id == OccurrenceRow.plan_id, TaskRow.task_id == OccurrenceRow.task_id))
            .join(AgencyRow, AgencyRow.id == OccurrenceRow.agency_id)
            .outerjoin(_SUPERVISOR, _SUPERVISOR.id == PlanRow.supervisor))


def _info(row: Row[OccurrenceRow, PlanRow, TaskRow, str, str | None]) -> OccurrenceInfo:
    o, p, t, name, supervisor = row
    return OccurrenceInfo(o.id, o.key, p.id, p.number, p.title, p.supervisor, o.task_id, t.title, o.agency_id, name,
                          o.due, o.effective_due, o.state, t.lead_text, t.coordinating, t.product, t.time_text,
                          supervisor or "")


def occurrence(s: Session, occ_id: int) -> OccurrenceInfo | None:
    """One occurrence by id."""
    row = s.execute(_info_query().where(OccurrenceRow.id == occ_id)).first()
    return _info(row) if row else None


def occurrences_of_message(s: Session, chat_id: int, message_id: int) -> list[int]:
    """The occurrences a reminder message was about (several for a grouped one)."""
    return sorted(set(s.scalars(select(ReminderRow.occurrence_id).where(and_(
        ReminderRow.channel == "telegram", ReminderRow.address == str(chat_id),
        ReminderRow.message_id == str(message_id))))))


def chat_agencies(s: Session, chat_id: int) -> list[str]:
    """Agencies whose Telegram group this chat is."""
    return list(s.scalars(select(TargetRow.agency_id).where(and_(
        TargetRow.channel == "telegram", TargetRow.address == str(chat_id), TargetRow.state == "active"))))


def agency_names(s: Session, ids: list[str]) -> dict[str, str]:
    """Names of agencies."""
    return dict(s.execute(select(AgencyRow.id, AgencyRow.name).where(AgencyRow.id.in_(ids))).all())


def open_for(s: Session, agencies: list[str], *, supervised: bool = True, first: dt.date | None = None,
             last: dt.date | None = None, limit: int = 50) -> list[OccurrenceInfo]:
    """Open occurrences of these agencies (and of the plans they supervise), by effective due date."""
    who: ColumnElement[bool] = OccurrenceRow.agency_id.in_(agencies)
    if supervised:
        who = or_(who, PlanRow.supervisor.in_(agencies))
    q = _info_query().where(and_(OccurrenceRow.state == "open", PlanRow.active.is_(True), who))
    if first is not None:
        q = q.where(OccurrenceRow.effective_due >= first)
    if last is not None:
        q = q.where(OccurrenceRow.effective_due <= last)
    q = q.order_by(OccurrenceRow.effective_due, OccurrenceRow.plan_id, OccurrenceRow.task_id).limit(limit)
    return [_info(r) for r in s.execute(q)]


def report(s: Session, supervisor: list[str], today: dt.date) -> list[tuple[str, int, int, int]]:
    """Per agency in the plans these agencies supervise: (name, done, open, overdue)."""
    rows = s.execute(
        select(AgencyRow.name, OccurrenceRow.state, OccurrenceRow.effective_due < today, func.count())
        .join(PlanRow, PlanRow.id == OccurrenceRow.plan_id)
        .join(AgencyRow, AgencyRow.id == OccurrenceRow.agency_id)
        .where(and_(PlanRow.supervisor.in_(supervisor), OccurrenceRow.state.in_(("open", "done")),
                    OccurrenceRow.effective_due <= today + dt.timedelta(days=30)))
        .group_by(AgencyRow.name, OccurrenceRow.state, OccurrenceRow.effective_due < today))
    table: dict[str, list[int]] = {}
    for name, state, late, n in rows:
        counts = table.setdefault(name, [0, 0, 0])
        if state == "done":
            counts[0] += n
        else:
            counts[1] += n
            if late:
                counts[2] += n
    return sorted(((name, *c) for name, c in table.items()), key=lambda r: (-r[3], r[0]))  # type: ignore[misc]


def last_completion(s: Session, chat_id: int, since: dt.datetime) -> tuple[int, int] | None:
    """(completion id, occurrence id) of this chat's latest completion not undone since `since`."""
    row = s.execute(select(CompletionRow.id, CompletionRow.occurrence_id).where(and_(
        CompletionRow.chat_id == chat_id, CompletionRow.undone_at.is_(None), CompletionRow.at >= utc(since)))
        .order_by(CompletionRow.at.desc()).limit(1)).first()
    return (row[0], row[1]) if row else None


def undo(s: Session, completion_id: int, occ_id: int, now: dt.datetime) -> bool:
    """Reopen a completed occurrence; the next sync brings its pending reminders back."""
    s.execute(update(CompletionRow).where(CompletionRow.id == completion_id).values(undone_at=utc(now)))
    return bool(s.execute(update(OccurrenceRow).where(and_(
        OccurrenceRow.id == occ_id, OccurrenceRow.state == "done")).values(state="open", updated_at=utc(now)))
        .rowcount)  # type: ignore[attr-defined]


def snooze(s: Session, occ_id: int, recipient: str, address: str, at: dt.datetime) -> None:
    """One more reminder at `at` to this chat (days holds the date, so each snooze is its own row)."""
    day = int(at.strftime("%Y%m%d"))
    exists = s.scalar(select(ReminderRow.id).where(and_(
        ReminderRow.occurrence_id == occ_id, ReminderRow.kind == "snooze", ReminderRow.days == day,
        ReminderRow.address == address)))
    if exists is None:
        s.execute(insert(ReminderRow), [{
            "occurrence_id": occ_id, "kind": "snooze", "days": day, "recipient": recipient,
            "channel": "telegram", "address": address, "send_at": utc(at), "next_attempt_at": utc(at),
            "state": "pending", "attempts": 0}])


def create_invite(s: Session, agency: str, code_hash: str, now: dt.datetime, expires: dt.datetime) -> None:
    """Keep a new invitation (by the hash of its code)."""
    s.add(InviteRow(code_hash=code_hash, agency_id=agency, created_at=utc(now), expires_at=utc(expires)))


def use_invite(s: Session, code_hash: str, chat_id: int, now: dt.datetime) -> tuple[str | None, str]:
    """(agency, '') when the code binds this chat; (None, why) when it cannot."""
    row = s.scalar(select(InviteRow).where(InviteRow.code_hash == code_hash).with_for_update())
    if row is None:
        return None, "unknown"
    if row.used_at is not None:
        return None, "used"
    if row.expires_at < utc(now):
        return None, "expired"
    row.used_at, row.used_chat = utc(now), chat_id
    target = s.scalar(select(TargetRow).where(and_(
        TargetRow.agency_id == row.agency_id, TargetRow.channel == "telegram", TargetRow.address == str(chat_id))))
    if target is None:
        s.add(TargetRow(agency_id=row.agency_id, channel="telegram", address=str(chat_id), source="registration",
                        state="active", updated_at=utc(now)))
    else:
        target.state, target.reason, target.updated_at = "active", None, utc(now)
    return row.agency_id, ""


def unbind(s: Session, chat_id: int, now: dt.datetime) -> list[str]:
    """Stop sending to this chat; returns the agencies it was bound to."""
    agencies = chat_agencies(s, chat_id)
    s.execute(update(TargetRow).where(and_(TargetRow.channel == "telegram", TargetRow.address == str(chat_id)))
              .values(state="removed", reason="/huydangky", updated_at=utc(now)))
    s.execute(update(ReminderRow).where(and_(ReminderRow.channel == "telegram", ReminderRow.address == str(chat_id),
                                             ReminderRow.state == "pending"))
              .values(state="cancelled", last_error="nhóm đã hủy đăng ký"))
    return agencies


def request_extension(s: Session, occ_id: int, due: dt.date, text: str, user_id: int | None, user_name: str,
                      chat_id: int | None, now: dt.datetime) -> int:
    """Record a request for a new due date; returns its id."""
    row = ExtensionRow(occurrence_id=occ_id, requested_due=due, requested_text=text, user_id=user_id,
                       user_name=user_name, chat_id=chat_id, state="pending", created_at=utc(now))
    s.add(row)
    s.flush()
    return row.id


def extension(s: Session, ext_id: int) -> ExtensionRow | None:
    """One extension request."""
    return s.get(ExtensionRow, ext_id)


def decide_extension(s: Session, ext_id: int, approve: bool, who: str, now: dt.datetime) -> ExtensionRow | None:
    """Approve or refuse a pending request; an approval moves the occurrence's effective due date."""
    row = s.get(ExtensionRow, ext_id)
    if row is None or row.state != "pending":
        return None
    row.state, row.decided_by, row.decided_at = ("approved" if approve else "refused"), who, utc(now)
    if approve:
        s.execute(update(OccurrenceRow).where(OccurrenceRow.id == row.occurrence_id).values(
            extended_due=row.requested_due, effective_due=row.requested_due, updated_at=utc(now)))
        s.execute(update(ReminderRow).where(and_(ReminderRow.occurrence_id == row.occurrence_id,
                                                 ReminderRow.state == "pending"))
                  .values(state="cancelled", last_error="đã gia hạn"))
    return row


def extensions_by_key(s: Session) -> dict[str, dt.date]:
    """Approved extensions, by occurrence key (the planner uses them as the effective due date)."""
    rows = s.execute(select(OccurrenceRow.key, OccurrenceRow.extended_due)
                     .where(OccurrenceRow.extended_due.is_not(None)))
    return {k: d for k, d in rows if d is not None}


def agency_chats(s: Session, agency: str) -> list[int]:
    """The Telegram chats of an agency."""
    return [int(a) for a in s.scalars(select(TargetRow.address).where(and_(
        TargetRow.agency_id == agency, TargetRow.channel == "telegram", TargetRow.state == "active")))]

