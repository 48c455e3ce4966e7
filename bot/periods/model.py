"""What a period expression means: `Period`, `Milestone` and `PeriodError`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Literal

from dateutil.rrule import rrulestr

Kind = Literal["window", "deadline", "recurring", "continuous", "event"]


class PeriodError(ValueError):
    """A period text that cannot be a time: says where the fault is and what was meant."""

    def __init__(self, hint: str, text: str, position: int = 0, end: int | None = None) -> None:
        super().__init__(hint)
        self.hint = hint
        self.text = text
        self.position = position
        self.end = position if end is None else end

    def __reduce__(self) -> tuple[type[PeriodError], tuple[str, str, int, int]]:
        return (PeriodError, (self.hint, self.text, self.position, self.end))


@dataclass(frozen=True, slots=True)
class Period:
    """A period text read into dates; immutable.

    `due` is the last day by which the work must be done (for a recurring duty, its first
    occurrence on or after `start`, else 1 January of `context_year`); `rrule` is an RFC 5545
    rule read with DTSTART = 1 January of `context_year`.
    """

    kind: Kind
    text: str
    context_year: int
    start: dt.date | None = None
    due: dt.date | None = None
    rrule: str | None = None
    label: str = ""  # what was understood, in Vietnamese ("quý II/2018")
    hint: Period | None = field(default=None, compare=False)  # the date an event mentions
    time: dt.time | None = None  # a time of day, when the text gives one ("17 giờ")
    dates: tuple[dt.date, ...] = ()  # every due date of a finite list ("tháng 6 và tháng 12")
    # how a due date off a working day moves, when the text itself says so: "ngày làm việc
    # cuối cùng của tháng" is the month's last day moved back ("previous_working_day")
    policy: str | None = None
    # a due date counted in working days after each date ("05 ngày làm việc sau khi kết thúc quý")
    workdays_after: int = 0
    # due so many days after each date of `rrule` ("90 ngày kể từ ngày kết thúc năm": after each
    # 31/12); `due` and `dues_between` already count them
    days_after: int = 0
    # the days of `rrule` a text moves, one year only: "Trước 30/6 hằng năm; riêng năm 2026 trước
    # 31/8/2026" is ((30/6/2026, 31/8/2026),); `due` and `dues_between` already move them
    moved: tuple[tuple[dt.date, dt.date], ...] = ()

    def dues_between(self, first: dt.date, last: dt.date) -> list[dt.date]:
        """Every due date of this period from `first` to `last`, both included."""
        if self.moved:
            olds = {old for old, _ in self.moved}
            kept = [d for d in replace(self, moved=()).dues_between(first, last) if d not in olds]
            return sorted(set(kept) | {new for _, new in self.moved if first <= new <= last})
        if self.dates:
            return [d for d in self.dates if first <= d <= last]
        if self.kind == "recurring" and self.rrule:
            lower = max(first, self.start) if self.start else first
            if lower > last:
                return []
            after = dt.timedelta(days=self.days_after)
            year = self.context_year
            if after:  # the rule's days come that much earlier, from the year before the plan's if need be
                lower = max(lower, dt.date(year, 1, 1))
                year = min(year, (lower - after).year)
            rule = _rule(self.rrule, year)
            start = dt.datetime.combine(lower - after, dt.time())
            end = dt.datetime.combine(last - after, dt.time())
            return [x.date() + after for x in rule.between(start, end, inc=True)]
        if self.due is not None and first <= self.due <= last:
            return [self.due]
        return []

    def describe(self) -> str:
        """A short Vietnamese sentence saying what was understood."""
        from bot.periods.describe import describe

        return describe(self)


def _rule(rrule: str, year: int):  # type: ignore[no-untyped-def]
    """The dateutil rule for an RRULE string read from 1 January of `year`."""
    return rrulestr(rrule, dtstart=dt.datetime(year, 1, 1))


@dataclass(frozen=True, slots=True)
class Milestone:
    """One deadline found in a sentence: where it is, what must be done, and when."""

    span: tuple[int, int]
    text: str
    action: str
    period: Period
