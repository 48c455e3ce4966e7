"""Write a schedule into the store: reschedule what is pending, cancel what no longer applies,
never touch what already happened (sent reminders, completed occurrences)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlalchemy import and_, insert, select, update
from sqlalchemy.orm import Session

from bot.planner import Planned
from bot.schedule.model import Agency, Plan
from bot.store.db import utc
from bot.store.models import OCCURRENCES, REMINDERS, AgencyRow, OccurrenceRow, PlanRow, ReminderRow, TargetRow, TaskRow

Route = Callable[[list[tuple[str, str]]], list[tuple[str, str]]]
_BATCH = 5000


@dataclass
class SyncStats:
    """What one sync changed."""

    occurrences_added: int = 0
    occurrences_cancelled: int = 0
    reminders_added: int = 0
    reminders_rescheduled: int = 0
    reminders_cancelled: int = 0

    def __iadd__(self, other: SyncStats) -> SyncStats:
        for k, v in vars(other).items():
            setattr(self, k, getattr(self, k) + v)
        return self


def sync_agencies(session: Session, agencies: Iterable[Agency], now: dt.datetime) -> None:
    """Agencies and the targets agencies.toml names; chats registered in Telegram are kept."""
    now = utc(now)
    known = {a.id: a for a in session.scalars(select(AgencyRow))}
    wanted = {a.id: a for a in agencies}
    for a in wanted.values():
        row = known.get(a.id)
        if row is None:
            session.add(AgencyRow(id=a.id, name=a.name, active=True))
        else:
            row.name, row.active = a.name, True
    for ident, row in known.items():
        if ident not in wanted:
            row.active = False
    session.flush()
    targets = {(t.agency_id, t.channel, t.address): t for t in session.scalars(select(TargetRow))}
    listed: set[tuple[str, str, str]] = set()
    for a in wanted.values():
        addresses = [("telegram", str(c)) for c in a.telegram] + [("email", e) for e in a.email]
        addresses.append(("console", a.id))
        for channel, address in addresses:
            listed.add((a.id, channel, address))
            if (a.id, channel, address) not in targets:
                session.add(TargetRow(agency_id=a.id, channel=channel, address=address, source="schedule",
                                      state="active", updated_at=now))
    for k, t in targets.items():
        if t.source == "schedule" and k not in listed and t.state != "removed":
            t.state, t.updated_at = "removed", now


def targets_by_agency(session: Session) -> dict[str, list[tuple[str, str]]]:
    """Active targets of every agency."""
    out: dict[str, list[tuple[str, str]]] = defaultdict(list)
    rows = session.execute(select(TargetRow.agency_id, TargetRow.channel, TargetRow.address)
                           .where(TargetRow.state == "active"))
    for agency, channel, address in rows:
        out[agency].append((channel, address))
    return out


def sync_plan(session: Session, plan: Plan, planned: Iterable[Planned], route: Route,
              targets: dict[str, list[tuple[str, str]]], stale_before: dt.datetime, now: dt.datetime,
              until: dt.datetime) -> SyncStats:
    """Bring one plan's occurrences and reminders in line with the schedule.

    Reminders are written only up to `until` (a rolling window the daily sync moves on), so
    that a year of occurrences does not become a year of rows at once."""
    now_utc, stale = utc(now), utc(stale_before)
    _upsert_plan(session, plan)
    stats = SyncStats()
    existing = {key: (ident, state) for ident, key, state in session.execute(
        select(OccurrenceRow.id, OccurrenceRow.key, OccurrenceRow.state).where(OccurrenceRow.plan_id == plan.id))}
    wanted: dict[str, Planned] = {}
    for p in planned:
        wanted.setdefault(p.occurrence.key, p)
    reopen = [existing[k][0] for k in wanted if k in existing and existing[k][1] == "cancelled"]
    gone = [ident for key, (ident, state) in existing.items() if key not in wanted and state == "open"]
    if reopen:
        session.execute(update(OccurrenceRow), [{"id": i, "state": "open", "updated_at": now_utc} for i in reopen])
    if gone:
        session.execute(update(OccurrenceRow), [{"id": i, "state": "cancelled", "updated_at": now_utc} for i in gone])
        stats.reminders_cancelled += _cancel_pending(session, gone)
        stats.occurrences_cancelled += len(gone)
    ids = {k: ident for k, (ident, state) in existing.items() if state != "done"}
    fresh = [p for k, p in wanted.items() if k not in existing]
    ids.update(_insert_occurrences(session, fresh, now_utc))
    stats.occurrences_added += len(fresh)
    open_ids = {k: ids[k] for k in wanted if k in ids}
    stats += _sync_reminders(session, plan, wanted, open_ids, route, targets, stale, utc(until))
    return stats


def _upsert_plan(session: Session, plan: Plan) -> None:
    row = session.get(PlanRow, plan.id)
    if row is None:
        session.add(PlanRow(id=plan.id, number=plan.number, title=plan.title, year=plan.year,
                            supervisor=plan.supervisor, active=True))
    else:
        row.number, row.title, row.year, row.supervisor, row.active = (
            plan.number, plan.title, plan.year, plan.supervisor, True)
    tasks = {t.task_id: t for t in session.scalars(select(TaskRow).where(TaskRow.plan_id == plan.id))}
    for t in plan.tasks:
        values = {"title": t.title, "product": t.product, "lead_text": t.lead_text,
                  "coordinating": "; ".join(t.coordinating), "kind": t.kind, "active": True,
                  "time_text": "; ".join(d.text for d in t.deadlines)}
        row_t = tasks.pop(t.id, None)
        if row_t is None:
            session.add(TaskRow(plan_id=plan.id, task_id=t.id, **values))
        else:
            for k, v in values.items():
                setattr(row_t, k, v)
    for gone in tasks.values():
        gone.active = False
    session.flush()


def _insert_occurrences(session: Session, fresh: list[Planned], now: dt.datetime) -> dict[str, int]:
    out: dict[str, int] = {}
    for i in range(0, len(fresh), _BATCH):
        rows = [{"key": p.occurrence.key, "plan_id": p.occurrence.plan, "task_id": p.occurrence.task,
                 "agency_id": p.occurrence.agency, "deadline": p.occurrence.deadline, "due": p.occurrence.due,
                 "effective_due": p.occurrence.effective_due, "state": "open", "created_at": now,
                 "updated_at": now} for p in fresh[i:i + _BATCH]]
        result = session.connection().execute(
            insert(OCCURRENCES).returning(OccurrenceRow.id, OccurrenceRow.key), rows)
        out.update({key: ident for ident, key in result})
    return out


def _cancel_pending(session: Session, occurrence_ids: list[int]) -> int:
    total = 0
    for i in range(0, len(occurrence_ids), 500):
        result = session.execute(
            update(ReminderRow)
            .where(and_(ReminderRow.occurrence_id.in_(occurrence_ids[i:i + 500]), ReminderRow.state == "pending"))
            .values(state="cancelled", last_error="không còn áp dụng"))
        total += result.rowcount  # type: ignore[attr-defined]
    return total


def _sync_reminders(session: Session, plan: Plan, wanted: dict[str, Planned], ids: dict[str, int], route: Route,
                    targets: dict[str, list[tuple[str, str]]], stale: dt.datetime, until: dt.datetime) -> SyncStats:
    """Insert, reschedule, revive or cancel the reminder rows of a plan's open occurrences."""
    stats = SyncStats()
    have: dict[tuple[int, str, int, str, str, str], tuple[int, str, dt.datetime]] = {}
    rows = session.execute(
        select(ReminderRow.id, ReminderRow.occurrence_id, ReminderRow.kind, ReminderRow.days, ReminderRow.recipient,
               ReminderRow.channel, ReminderRow.address, ReminderRow.state, ReminderRow.send_at)
        .join(OccurrenceRow, OccurrenceRow.id == ReminderRow.occurrence_id)
        .where(OccurrenceRow.plan_id == plan.id))
    for rid, occ, kind, days, recipient, channel, address, state, send_at in rows:
        have[(occ, kind, days, recipient, channel, address)] = (rid, state, send_at)
    inserts: list[dict[str, object]] = []
    updates: list[dict[str, object]] = []
    seen: set[tuple[int, str, int, str, str, str]] = set()
    routes: dict[str, list[tuple[str, str]]] = {}
    for key, p in wanted.items():
        occ_id = ids.get(key)
        if occ_id is None:
            continue  # completed: nothing more to send
        for r in p.reminders:
            if r.target not in routes:
                routes[r.target] = route(targets.get(r.target, []))
            send_at = utc(r.send_at)
            for channel, address in routes[r.target]:
                ident = (occ_id, r.kind, r.days, r.target, channel, address)
                seen.add(ident)  # wanted, even when beyond the window and written later
                if send_at > until:
                    continue
                found = have.get(ident)
                state = "skipped" if send_at < stale else "pending"
                if found is None:
                    if state == "skipped":
                        continue  # too late to ever be sent: not worth a row
                    inserts.append({"occurrence_id": occ_id, "kind": r.kind, "days": r.days, "recipient": r.target,
                                    "channel": channel, "address": address, "send_at": send_at,
                                    "next_attempt_at": send_at, "state": state, "attempts": 0,
                                    "last_error": None})
                elif found[1] == "cancelled" or (found[1] == "pending" and found[2] != send_at):
                    updates.append({"id": found[0], "send_at": send_at, "next_attempt_at": send_at, "state": state,
                                    "last_error": None})
    cancel = [rid for ident, (rid, state, _) in have.items() if ident not in seen and state == "pending"]
    conn = session.connection()  # Core statements: the ORM's bulk path costs more than the database
    for i in range(0, len(inserts), _BATCH):
        conn.execute(insert(REMINDERS), inserts[i:i + _BATCH])
    if updates:
        session.execute(update(ReminderRow), updates)
    if cancel:
        session.execute(update(ReminderRow), [{"id": rid, "state": "cancelled", "last_error": "không còn áp dụng"}
                                              for rid in cancel])
    stats.reminders_added += len(inserts)
    stats.reminders_rescheduled += len(updates)
    stats.reminders_cancelled += len(cancel)
    return stats


def deactivate_plans(session: Session, keep: set[str], now: dt.datetime) -> SyncStats:
    """Plans no longer in the schedules: their open occurrences and pending reminders are cancelled."""
    stats = SyncStats()
    for plan in session.scalars(select(PlanRow).where(PlanRow.active.is_(True))):
        if plan.id in keep:
            continue
        plan.active = False
        gone = list(session.scalars(select(OccurrenceRow.id).where(
            and_(OccurrenceRow.plan_id == plan.id, OccurrenceRow.state == "open"))))
        if gone:
            session.execute(update(OccurrenceRow), [{"id": i, "state": "cancelled", "updated_at": utc(now)}
                                                    for i in gone])
            stats.reminders_cancelled += _cancel_pending(session, gone)
            stats.occurrences_cancelled += len(gone)
    return stats
