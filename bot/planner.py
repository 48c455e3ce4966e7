"""From schedules, the policy and dates to occurrences and the reminders they need; pure."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Literal

from bot.policy import ReminderPolicy
from bot.schedule.model import Deadline, Plan, Schedule, Task
from bot.workdays import DuePolicy, WorkCalendar

ReminderKind = Literal["before", "due", "overdue", "escalation"]
# how far around a window due dates can lie and still have reminders inside it (calendar days)
_LEAD_DAYS = 120
_LAG_DAYS = 200


@dataclass(frozen=True)
class Occurrence:
    """One due date of one task for one agency (a recurring duty has one per period)."""

    plan: str
    task: str
    agency: str
    due: dt.date  # as written
    effective_due: dt.date  # after the working-day policy
    deadline: int = 0  # which of the task's deadlines

    @property
    def key(self) -> str:
        """A stable identity, the same across reloads of an unchanged schedule."""
        return f"{self.plan}|{self.task}|{self.agency}|{self.deadline}|{self.due.isoformat()}"


@dataclass(frozen=True)
class Reminder:
    """One message to send: for which occurrence, which kind, when, to which agency."""

    occurrence: Occurrence
    kind: ReminderKind
    send_at: dt.datetime
    target: str  # the agency that receives it (the supervisor for an escalation)
    days: int = 0  # working days before the due date, or after it when overdue


def occurrences(schedule: Schedule, calendar: WorkCalendar, due_policy: DuePolicy | str,
                first: dt.date, last: dt.date, *, agency: str | None = None) -> Iterator[Occurrence]:
    """Every occurrence whose due date lies from `first` to `last`."""
    for plan, task, who in schedule.assignments():
        if agency is not None and who.id != agency:
            continue
        for i, deadline in enumerate(task.deadlines):
            for due in deadline.dues_between(first, last):
                yield Occurrence(plan.id, task.id, who.id, due, effective_due(deadline, due, calendar, due_policy), i)


def effective_due(deadline: Deadline, due: dt.date, calendar: WorkCalendar, due_policy: DuePolicy | str) -> dt.date:
    """The day a due date really falls on: so many working days later when the text counts them,
    else moved off a non-working day by the text's own policy or the configured one."""
    if deadline.workdays_after:
        # "05 ngày làm việc đầu tháng": counted from the period's first working day, not its first day
        first = calendar.next_working_day(due) if deadline.policy == "next_working_day" else due
        return calendar.add_working_days(first, deadline.workdays_after)
    return calendar.effective_due(due, deadline.policy or due_policy)


def reminders(occ: Occurrence, policy: ReminderPolicy, calendar: WorkCalendar, tz: dt.tzinfo,
              supervisor: str | None = None) -> list[Reminder]:
    """The reminders an occurrence needs under a policy, in time order."""
    due = occ.effective_due
    out: list[Reminder] = []

    def at(day: dt.date) -> dt.datetime:
        return dt.datetime.combine(day, policy.send_at, tzinfo=tz)

    for n in sorted(policy.before, reverse=True):
        out.append(Reminder(occ, "before", at(calendar.add_working_days(due, -n)), occ.agency, n))
    if policy.on_due:
        out.append(Reminder(occ, "due", at(due), occ.agency))
    escalate = bool(supervisor and supervisor != occ.agency and policy.escalate_after > 0)
    after = calendar.working_days_after(
        due, max(policy.overdue_max * policy.overdue_every, policy.escalate_after if escalate else 0))
    for k in range(1, policy.overdue_max + 1):
        n = k * policy.overdue_every
        out.append(Reminder(occ, "overdue", at(after[n - 1]), occ.agency, n))
    if escalate and supervisor:
        n = policy.escalate_after
        out.append(Reminder(occ, "escalation", at(after[n - 1]), supervisor, n))
    out.sort(key=lambda r: (r.send_at, r.kind != "escalation"))
    return out


def preview(schedule: Schedule, calendar: WorkCalendar, due_policy: DuePolicy | str, tz: dt.tzinfo,
            first: dt.date, last: dt.date, *, agency: str | None = None) -> list[Reminder]:
    """Every reminder sent from `first` to `last` if no one ever marks anything done."""
    tasks = {(p.id, t.id): (p, t) for p in schedule.plans for t in p.tasks}
    out: list[Reminder] = []
    lo, hi = first - dt.timedelta(days=_LAG_DAYS), last + dt.timedelta(days=_LEAD_DAYS)
    for occ in occurrences(schedule, calendar, due_policy, lo, hi):
        plan, task = tasks[(occ.plan, occ.task)]
        for r in reminders(occ, task.reminders, calendar, tz, plan.supervisor):
            if first <= r.send_at.date() <= last and (agency is None or r.target == agency):
                out.append(r)
    out.sort(key=lambda r: (r.send_at, r.target, r.occurrence.plan, r.occurrence.task))
    return out


def task_of(schedule: Schedule, occ: Occurrence) -> tuple[Plan, Task]:
    """The plan and task an occurrence belongs to."""
    plan = schedule.plan(occ.plan)
    return plan, next(t for t in plan.tasks if t.id == occ.task)


@dataclass(frozen=True)
class Planned:
    """An occurrence with the reminders it needs: what sync writes to the store."""

    occurrence: Occurrence
    reminders: tuple[Reminder, ...]


def planned(schedule: Schedule, plan: Plan, calendar: WorkCalendar, due_policy: DuePolicy | str,
            tz: dt.tzinfo, first: dt.date, last: dt.date,
            extended: Mapping[str, dt.date] | None = None) -> Iterator[Planned]:
    """Every occurrence of a plan due from `first` to `last`, with its reminders; `extended` holds
    the due dates supervisors approved instead (by occurrence key)."""
    extended = extended or {}
    for task in plan.tasks:
        for agency in task.lead:
            for i, deadline in enumerate(task.deadlines):
                for due in deadline.dues_between(first, last):
                    real = effective_due(deadline, due, calendar, due_policy)
                    occ = Occurrence(plan.id, task.id, agency, due, real, i)
                    if occ.key in extended:
                        occ = replace(occ, effective_due=extended[occ.key])
                    yield Planned(occ, tuple(reminders(occ, task.reminders, calendar, tz, plan.supervisor)))


def route(targets: list[tuple[str, str]], *, both: bool = False, console: bool = False) -> list[tuple[str, str]]:
    """Where an agency's messages go: its Telegram chats, else its mailboxes (or both), else the console."""
    telegram = [t for t in targets if t[0] == "telegram"]
    email = [t for t in targets if t[0] == "email"]
    chosen = telegram + email if both else telegram or email
    if not chosen and console:
        chosen = [t for t in targets if t[0] == "console"]
    return chosen
