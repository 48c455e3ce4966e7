"""Vietnam's working days and the rule that moves a deadline off a day off; pure, no clock.

Public holidays come from the `holidays` package: Tết and Giỗ Tổ Hùng Vương by the lunar
calendar, the days the government moves each year, and the Saturdays it makes working days.
An admin adds what the package does not know yet in the config.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache

import holidays


class DuePolicy(StrEnum):
    """What happens to a deadline that falls on a day off."""

    NEXT_WORKING_DAY = "next_working_day"  # Bộ luật Dân sự 2015, Điều 148 khoản 5
    PREVIOUS_WORKING_DAY = "previous_working_day"
    NONE = "none"


_ONE_DAY = dt.timedelta(days=1)
_MAX_SEARCH = 60  # no stretch of days off in Vietnam comes near two months


@lru_cache(maxsize=8)
def _public_holidays(years: tuple[int, ...]) -> holidays.HolidayBase:
    return holidays.country_holidays("VN", years=years, language="vi")


@dataclass(frozen=True)
class WorkCalendar:
    """Answers "is this a working day" for Vietnam's public sector, with an admin's overrides."""

    extra_holidays: frozenset[dt.date] = field(default_factory=frozenset)
    extra_workdays: frozenset[dt.date] = field(default_factory=frozenset)
    # answers already worked out: syncing a province asks about the same days many times
    _known: dict[dt.date, bool] = field(default_factory=dict, init=False, repr=False, compare=False, hash=False)

    @classmethod
    def from_lists(cls, holidays_: Iterable[dt.date] = (), workdays: Iterable[dt.date] = ()) -> WorkCalendar:
        """A calendar with the days an admin listed in the config."""
        return cls(frozenset(holidays_), frozenset(workdays))

    def _official(self, day: dt.date) -> holidays.HolidayBase:
        return _public_holidays((day.year - 1, day.year, day.year + 1))

    def holiday_name(self, day: dt.date) -> str | None:
        """The holiday's Vietnamese name, or None on an ordinary day."""
        if day in self.extra_holidays:
            return "Ngày nghỉ theo cấu hình"
        name = self._official(day).get(day)
        return str(name) if name else None

    def is_working_day(self, day: dt.date) -> bool:
        """Whether public offices work on this day."""
        known = self._known.get(day)
        if known is None:
            known = self._known[day] = self._compute(day)
        return known

    def _compute(self, day: dt.date) -> bool:
        if day in self.extra_workdays:
            return True
        if day in self.extra_holidays:
            return False
        official = self._official(day)
        if day.weekday() >= 5:
            return day in official.weekend_workdays  # a Saturday made a working day
        return day not in official

    def working_days_after(self, day: dt.date, n: int) -> list[dt.date]:
        """The next `n` working days after `day`, in order (one walk for a whole series)."""
        out: list[dt.date] = []
        while len(out) < n:
            day += _ONE_DAY
            if self.is_working_day(day):
                out.append(day)
        return out

    def next_working_day(self, day: dt.date, *, inclusive: bool = True) -> dt.date:
        """The first working day on or after `day` (after it, if not inclusive)."""
        return self._walk(day if inclusive else day + _ONE_DAY, _ONE_DAY)

    def previous_working_day(self, day: dt.date, *, inclusive: bool = True) -> dt.date:
        """The last working day on or before `day` (before it, if not inclusive)."""
        return self._walk(day if inclusive else day - _ONE_DAY, -_ONE_DAY)

    def _walk(self, day: dt.date, step: dt.timedelta) -> dt.date:
        for _ in range(_MAX_SEARCH):
            if self.is_working_day(day):
                return day
            day += step
        raise ValueError(f"không có ngày làm việc nào trong {_MAX_SEARCH} ngày quanh {day:%d/%m/%Y}")

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days after `start` up to and including `end`; negative when end is earlier."""
        if end < start:
            return -self.working_days_between(end, start)
        count, day = 0, start + _ONE_DAY
        while day <= end:
            count += self.is_working_day(day)
            day += _ONE_DAY
        return count

    def add_working_days(self, day: dt.date, n: int) -> dt.date:
        """The day `n` working days after `day` (before it when n is negative)."""
        step = _ONE_DAY if n >= 0 else -_ONE_DAY
        remaining = abs(n)
        while remaining:
            day += step
            remaining -= self.is_working_day(day)
        return day

    def effective_due(self, due: dt.date, policy: DuePolicy | str = DuePolicy.NEXT_WORKING_DAY) -> dt.date:
        """The day a deadline really falls due under the policy."""
        policy = DuePolicy(policy)
        if policy is DuePolicy.NEXT_WORKING_DAY:
            return self.next_working_day(due)
        if policy is DuePolicy.PREVIOUS_WORKING_DAY:
            return self.previous_working_day(due)
        return due
