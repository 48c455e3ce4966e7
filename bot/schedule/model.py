"""The loaded schedules: agencies, groups, plans and tasks, all immutable."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from bot.periods import Kind, Period
from bot.policy import ReminderPolicy


@dataclass(frozen=True)
class Agency:
    """A body that receives tasks: where its reminders go."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    telegram: tuple[int, ...] = ()
    email: tuple[str, ...] = ()


@dataclass(frozen=True)
class Group:
    """Several agencies named at once ("Các Sở, Ban, ngành"): a task for each member."""

    id: str
    name: str
    members: tuple[str, ...]
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Deadline:
    """One due date of a task as the plan writes it, what it means, and an optional override."""

    text: str
    period: Period
    override: tuple[dt.date, ...] = ()  # explicit dates that replace what the text says

    def dues_between(self, first: dt.date, last: dt.date) -> list[dt.date]:
        """The due dates from `first` to `last`."""
        if self.override:
            return [d for d in self.override if first <= d <= last]
        return self.period.dues_between(first, last)

    @property
    def policy(self) -> str | None:
        """The working-day policy the text asks for ("ngày làm việc cuối cùng"), if any."""
        return None if self.override else self.period.policy

    @property
    def workdays_after(self) -> int:
        """Working days after each date the text names, when it counts them ("05 ngày làm việc sau")."""
        return 0 if self.override else self.period.workdays_after

    @property
    def kind(self) -> Kind:
        """The period's kind; an explicit date makes it a deadline."""
        return "deadline" if self.override else self.period.kind


@dataclass(frozen=True)
class Task:
    """A task of a plan; `lead` holds agency ids with groups already expanded."""

    plan: str
    id: str
    title: str
    lead: tuple[str, ...]
    deadlines: tuple[Deadline, ...]
    lead_text: str = ""
    coordinating: tuple[str, ...] = ()
    executing: tuple[str, ...] = ()
    product: str = ""
    start: dt.date | None = None
    reminders: ReminderPolicy = field(default_factory=ReminderPolicy)
    review: str | None = None
    source: str = ""
    line: int = 0

    @property
    def kind(self) -> Kind:
        """The kind of its last deadline: what the task as a whole waits for."""
        return self.deadlines[-1].kind if self.deadlines else "event"

    def dues_between(self, first: dt.date, last: dt.date) -> list[dt.date]:
        """Every due date of every deadline from `first` to `last`, in order."""
        return sorted({d for dl in self.deadlines for d in dl.dues_between(first, last)})


@dataclass(frozen=True)
class Plan:
    """A plan (kế hoạch) and its tasks."""

    id: str
    number: str
    title: str
    year: int
    tasks: tuple[Task, ...]
    issued: dt.date | None = None
    supervisor: str | None = None
    reminders: ReminderPolicy = field(default_factory=ReminderPolicy)
    source: str = ""


@dataclass(frozen=True)
class Schedule:
    """Everything loaded from a schedules folder."""

    agencies: Mapping[str, Agency]
    groups: Mapping[str, Group]
    plans: tuple[Plan, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "agencies", MappingProxyType(dict(self.agencies)))
        object.__setattr__(self, "groups", MappingProxyType(dict(self.groups)))

    def assignments(self) -> Iterator[tuple[Plan, Task, Agency]]:
        """One (plan, task, agency) for each lead agency of each task."""
        for plan in self.plans:
            for task in plan.tasks:
                for agency_id in task.lead:
                    yield plan, task, self.agencies[agency_id]

    def plan(self, plan_id: str) -> Plan:
        """A plan by its id."""
        return next(p for p in self.plans if p.id == plan_id)
