"""The Vietnamese lunar calendar agrees with the Tết and Giỗ Tổ dates `holidays` carries."""

from __future__ import annotations

import datetime as dt

import pytest
from holidays.calendars.chinese import VIETNAMESE_CALENDAR, _ChineseLunisolar

from bot import lunar


def test_every_tet_and_hung_kings_day_of_two_centuries() -> None:
    table = _ChineseLunisolar(VIETNAMESE_CALENDAR)
    for year in range(1901, 2100):
        assert lunar.new_year(year) == table.lunar_new_year_date(year)[0], year
        assert lunar.to_solar(year, 3, 10) == table.hung_kings_date(year)[0], year


def test_known_dates() -> None:
    assert lunar.new_year(2019) == dt.date(2019, 2, 5)
    assert lunar.to_solar(2020, 12, 27) == dt.date(2021, 2, 8)  # 27 Tết before Tết Tân Sửu
    assert lunar.last_day_of_year(2021) == dt.date(2021, 2, 11)
    assert lunar.to_solar(2020, 4, 1, leap=True) == dt.date(2020, 5, 23)  # 2020 had a leap 4th month


def test_impossible_lunar_dates() -> None:
    with pytest.raises(ValueError):
        lunar.to_solar(2019, 13, 1)
    with pytest.raises(ValueError):
        lunar.to_solar(2019, 4, 1, leap=True)


def test_month_starts_are_the_first_days_of_the_lunar_months() -> None:
    """Every lunar month of 2025 (a year with a leap sixth month), from its first day."""
    starts = lunar.month_starts(dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    expected = sorted(d for d in [lunar.to_solar(y, m, 1) for y in (2024, 2025) for m in range(1, 13)]
                      + [lunar.to_solar(2025, 6, 1, leap=True)] if d.year == 2025)
    assert starts == expected
    assert dt.date(2025, 1, 29) in starts and len(starts) == 12
