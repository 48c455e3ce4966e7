"""Who is late: tasks done on time, done late, overdue, not yet due and due within 30 days, per
agency and per plan, as of a date (pure: the store's rows, a date, a calendar in; figures out).

A task counts toward the completion rate once it has fallen due or been done; a completion after
the as-of date does not count yet, so a report for a past date reads as it would have read then.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from bot.store import TaskStatus
from bot.workdays import WorkCalendar

SOON = 30  # days ahead that count as "coming"
VERDICTS = {"on_time": "Hoàn thành đúng hạn", "late": "Hoàn thành trễ hạn", "overdue": "Quá hạn",
            "not_due": "Chưa đến hạn"}
HEADERS = ("Tổng số", "Hoàn thành đúng hạn", "Hoàn thành trễ hạn", "Quá hạn", "Chưa đến hạn",
           f"Đến hạn trong {SOON} ngày tới", "Tỷ lệ hoàn thành")
NOTE = ("Tổng số: nhiệm vụ đã đến hạn hoặc đã hoàn thành tính đến ngày {as_of:%d/%m/%Y}; "
        "tỷ lệ hoàn thành = số đã hoàn thành / tổng số.")


@dataclass
class Counts:
    """The figures of one agency, one plan or one pair of them."""

    on_time: int = 0
    late: int = 0
    overdue: int = 0
    not_due: int = 0
    coming: int = 0

    @property
    def total(self) -> int:
        """Tasks fallen due or done."""
        return self.on_time + self.late + self.overdue

    @property
    def rate(self) -> float | None:
        """Done / total, or None when nothing has fallen due."""
        return (self.on_time + self.late) / self.total if self.total else None

    def add(self, line: Line) -> None:
        """Count one task."""
        setattr(self, line.verdict, getattr(self, line.verdict) + 1)
        self.coming += line.coming

    def row(self) -> tuple[int, int, int, int, int, int, float | None]:
        """The figures in the order of HEADERS."""
        return self.total, self.on_time, self.late, self.overdue, self.not_due, self.coming, self.rate


@dataclass(frozen=True)
class Line:
    """One task and what became of it by the as-of date."""

    task: TaskStatus
    verdict: str  # on_time | late | overdue | not_due
    done_on: dt.date | None
    late_days: int  # working days past the due date (done late, or still open)
    coming: bool


@dataclass
class StatusReport:
    """The whole report."""

    as_of: dt.date
    lines: list[Line]
    by_agency: dict[str, Counts] = field(default_factory=dict)
    by_plan: dict[tuple[str, str], Counts] = field(default_factory=dict)  # (number, title)
    by_pair: dict[tuple[str, str], Counts] = field(default_factory=dict)  # (agency, plan number)
    total: Counts = field(default_factory=Counts)

    @property
    def overdue(self) -> list[Line]:
        """Overdue tasks, the latest first."""
        return sorted((x for x in self.lines if x.verdict == "overdue"),
                      key=lambda x: (-x.late_days, x.task.agency_name, x.task.plan_number, x.task.task_id))


def classify(task: TaskStatus, as_of: dt.date, tz: dt.tzinfo, calendar: WorkCalendar) -> Line:
    """What had become of a task by the end of the as-of day."""
    done_on = task.done_at.astimezone(tz).date() if task.state == "done" and task.done_at else None
    if done_on is not None and done_on > as_of:
        done_on = None  # done later than the report's date: not done yet as of then
    due = task.effective_due
    coming = done_on is None and as_of <= due <= as_of + dt.timedelta(days=SOON)
    if done_on is not None:
        late = calendar.working_days_between(due, done_on) if done_on > due else 0
        return Line(task, "late" if done_on > due else "on_time", done_on, late, False)
    if due < as_of:
        return Line(task, "overdue", None, max(1, calendar.working_days_between(due, as_of)), False)
    return Line(task, "not_due", None, 0, coming)


def build(tasks: Iterable[TaskStatus], as_of: dt.date, tz: dt.tzinfo, calendar: WorkCalendar) -> StatusReport:
    """Classify every task and add the figures up."""
    report = StatusReport(as_of, [classify(t, as_of, tz, calendar) for t in tasks])
    for line in report.lines:
        t = line.task
        for counts in (report.by_agency.setdefault(t.agency_name, Counts()),
                       report.by_plan.setdefault((t.plan_number, t.plan_title), Counts()),
                       report.by_pair.setdefault((t.agency_name, t.plan_number), Counts()), report.total):
            counts.add(line)
    report.by_agency = dict(sorted(report.by_agency.items(), key=_behind))  # the furthest behind first
    report.by_plan = dict(sorted(report.by_plan.items()))
    report.by_pair = dict(sorted(report.by_pair.items()))
    return report


def _behind(item: tuple[str, Counts]) -> tuple[float, str]:
    return (item[1].rate if item[1].rate is not None else 1.0), item[0]


def percent(rate: float | None) -> str:
    """A rate as Vietnamese write it: "66,7%"; "—" when nothing has fallen due."""
    return "—" if rate is None else f"{rate * 100:.1f}%".replace(".", ",")
