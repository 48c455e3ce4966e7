"""Vietnam's working days: weekends, Tết, 30/4–1/5, 2/9, swapped days, an admin's overrides."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.workdays import DuePolicy, WorkCalendar

D = dt.date
cal = WorkCalendar()


def test_sunday_deadline_moves_to_monday_by_default() -> None:
    assert cal.effective_due(D(2018, 9, 30)) == D(2018, 10, 1)
    assert cal.effective_due(D(2018, 9, 30), DuePolicy.PREVIOUS_WORKING_DAY) == D(2018, 9, 28)
    assert cal.effective_due(D(2018, 9, 30), "none") == D(2018, 9, 30)


def test_tet_2019() -> None:
    off = [D(2019, 2, d) for d in range(2, 11)]  # Saturday 2/2 to Sunday 10/2
    assert not any(cal.is_working_day(d) for d in off)
    assert cal.is_working_day(D(2019, 2, 1)) and cal.is_working_day(D(2019, 2, 11))
    assert cal.effective_due(D(2019, 2, 5)) == D(2019, 2, 11)
    assert cal.holiday_name(D(2019, 2, 5)) == "Tết Nguyên Đán"


@pytest.mark.parametrize("year", [2019, 2022, 2023, 2024, 2025])
def test_reunification_and_labour_day(year: int) -> None:
    assert not cal.is_working_day(D(year, 4, 30))
    assert not cal.is_working_day(D(year, 5, 1))


def test_swapped_days_2019() -> None:
    # Monday 29/4/2019 was a day off in exchange for Saturday 4/5/2019
    assert not cal.is_working_day(D(2019, 4, 29))
    assert cal.is_working_day(D(2019, 5, 4))
    assert cal.effective_due(D(2019, 4, 27)) == D(2019, 5, 2)


@pytest.mark.parametrize(("year", "off"), [
    (2018, [D(2018, 9, 2), D(2018, 9, 3)]),
    (2020, [D(2020, 9, 2)]),
    (2021, [D(2021, 9, 2), D(2021, 9, 3)]),
    (2025, [D(2025, 9, 1), D(2025, 9, 2)]),
])
def test_national_day(year: int, off: list[dt.date]) -> None:
    assert not any(cal.is_working_day(d) for d in off)


def test_new_year_2018_swap() -> None:
    assert not cal.is_working_day(D(2018, 12, 31))
    assert cal.is_working_day(D(2019, 1, 5))  # a Saturday made a working day
    assert cal.effective_due(D(2018, 12, 31)) == D(2019, 1, 2)


def test_admin_overrides() -> None:
    mine = WorkCalendar.from_lists([D(2026, 11, 27)], [D(2026, 11, 28)])
    assert not mine.is_working_day(D(2026, 11, 27))
    assert mine.is_working_day(D(2026, 11, 28))  # a Saturday declared a working day
    assert mine.holiday_name(D(2026, 11, 27)) == "Ngày nghỉ theo cấu hình"
    assert mine.effective_due(D(2026, 11, 27)) == D(2026, 11, 28)


def test_counting_working_days() -> None:
    assert cal.working_days_between(D(2019, 2, 1), D(2019, 2, 11)) == 1
    assert cal.working_days_between(D(2019, 2, 11), D(2019, 2, 1)) == -1
    assert cal.add_working_days(D(2019, 2, 1), 1) == D(2019, 2, 11)
    assert cal.add_working_days(D(2019, 2, 11), -1) == D(2019, 2, 1)
    assert cal.next_working_day(D(2019, 2, 1), inclusive=False) == D(2019, 2, 11)
    assert cal.previous_working_day(D(2019, 2, 11), inclusive=False) == D(2019, 2, 1)
