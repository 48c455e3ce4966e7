"""What reports read: every occurrence with its plan, task, agency and first completion."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from bot.store.db import aware
from bot.store.models import AgencyRow, CompletionRow, OccurrenceRow, PlanRow, TaskRow


@dataclass(frozen=True)
class TaskStatus:
    """One occurrence as a report sees it."""

    id: int
    key: str
    plan_id: str
    plan_number: str
    plan_title: str
    task_id: str
    task_title: str
    agency: str
    agency_name: str
    deadline: int
    due: dt.date
    effective_due: dt.date
    state: str  # open | done | cancelled
    done_at: dt.datetime | None  # aware UTC; the first completion not undone
    updated_at: dt.datetime  # aware UTC
    lead_text: str = ""
    coordinating: str = ""
    product: str = ""
    time_text: str = ""


def task_statuses(s: Session, *, plan: str | None = None, agency: str | None = None,
                  states: tuple[str, ...] = ("open", "done")) -> list[TaskStatus]:
    """Occurrences of active plans, by plan, agency and due date."""
    done = (select(CompletionRow.occurrence_id, func.min(CompletionRow.at).label("at"))
            .where(CompletionRow.undone_at.is_(None)).group_by(CompletionRow.occurrence_id).subquery())
    q = (select(OccurrenceRow, PlanRow.number, PlanRow.title, TaskRow, AgencyRow.name, done.c.at)
         .join(PlanRow, PlanRow.id == OccurrenceRow.plan_id)
         .join(TaskRow, and_(TaskRow.plan_id == OccurrenceRow.plan_id, TaskRow.task_id == OccurrenceRow.task_id))
         .join(AgencyRow, AgencyRow.id == OccurrenceRow.agency_id)
         .outerjoin(done, done.c.occurrence_id == OccurrenceRow.id)
         .where(PlanRow.active.is_(True), OccurrenceRow.state.in_(states)))
    if plan is not None:
        q = q.where(OccurrenceRow.plan_id == plan)
    if agency is not None:
        q = q.where(OccurrenceRow.agency_id == agency)
    q = q.order_by(OccurrenceRow.plan_id, AgencyRow.name, OccurrenceRow.effective_due, OccurrenceRow.task_id)
    out = []
    for o, number, title, t, name, done_at in s.execute(q):
        out.append(TaskStatus(o.id, o.key, o.plan_id, number, title, o.task_id, t.title, o.agency_id, name,
                              o.deadline, o.due, o.effective_due, o.state, aware(done_at),
                              o.updated_at.replace(tzinfo=dt.UTC), t.lead_text, t.coordinating,
                              t.product, t.time_text))
    return out
