"""Our first occurrence of a rule agrees with dateutil's reading of the RRULE we emit."""

from __future__ import annotations

import datetime as dt

from dateutil.rrule import rrulestr
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.periods.recur import Rule, yearly_dates

months = st.lists(st.integers(1, 12), min_size=1, max_size=4, unique=True).map(lambda m: tuple(sorted(m)))
days = st.lists(st.sampled_from([1, 5, 10, 15, 20, 25, 28, 30, 31, -1]), min_size=1, max_size=3,
                unique=True).map(lambda d: tuple(sorted(d)))


def _dateutil_first(rule: Rule, year: int, lower: dt.date) -> dt.date | None:
    r = rrulestr(rule.text(), dtstart=dt.datetime(year, 1, 1))
    hit = r.after(dt.datetime.combine(lower, dt.time()), inc=True)
    return hit.date() if hit else None


@settings(max_examples=300, deadline=None)
@given(months, days, st.integers(1, 3), st.integers(2000, 2040), st.integers(0, 700))
def test_yearly_first_matches_dateutil(ms: tuple[int, ...], ds: tuple[int, ...], interval: int,
                                       year: int, offset: int) -> None:
    rule = Rule("YEARLY", interval, ms, ds)
    lower = dt.date(year, 1, 1) + dt.timedelta(days=offset)
    assert rule.first(year, lower) == _dateutil_first(rule, year, lower)


@settings(max_examples=200, deadline=None)
@given(days, st.integers(1, 4), st.integers(2000, 2040), st.integers(0, 400))
def test_monthly_first_matches_dateutil(ds: tuple[int, ...], interval: int, year: int, offset: int) -> None:
    rule = Rule("MONTHLY", interval, days=ds)
    lower = dt.date(year, 1, 1) + dt.timedelta(days=offset)
    assert rule.first(year, lower) == _dateutil_first(rule, year, lower)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 12), st.integers(1, 28)), min_size=1, max_size=4, unique=True),
       st.integers(2000, 2040))
def test_setpos_picks_exactly_the_pairs(pairs: list[tuple[int, int]], year: int) -> None:
    rule = yearly_dates(pairs)
    start = dt.datetime(year, 1, 1)
    got = [d.date() for d in rrulestr(rule.text(), dtstart=start).between(start, dt.datetime(year, 12, 31), inc=True)]
    assert got == sorted(dt.date(year, m, d) for m, d in set(pairs))


def test_weekly_and_until() -> None:
    assert Rule("WEEKLY", weekdays=(4,)).first(2020, dt.date(2020, 1, 1)) == dt.date(2020, 1, 3)
    assert Rule("YEARLY", 1, (6,), (30,), until=dt.date(2019, 12, 31)).first(2019, dt.date(2020, 1, 1)) is None


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 6), min_size=1, max_size=2, unique=True).map(lambda w: tuple(sorted(w))),
       st.sampled_from([(1,), (2,), (3,), (4,), (5,), (-1,), (-2,), (1, -1)]), st.integers(2000, 2040),
       st.integers(0, 400), st.booleans())
def test_weekdays_of_a_month_match_dateutil(weekdays: tuple[int, ...], setpos: tuple[int, ...], year: int,
                                            offset: int, yearly: bool) -> None:
    """ "thứ Hai đầu tiên của tháng": BYSETPOS picks within each month (or each year's months)."""
    rule = (Rule("YEARLY", 1, (3, 12), weekdays=weekdays, setpos=setpos) if yearly
            else Rule("MONTHLY", 1, weekdays=weekdays, setpos=setpos))
    lower = dt.date(year, 1, 1) + dt.timedelta(days=offset)
    assert rule.first(year, lower) == _dateutil_first(rule, year, lower)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(["DAILY", "WEEKLY"]), st.integers(1, 4),
       st.lists(st.integers(0, 6), min_size=1, max_size=3, unique=True).map(lambda w: tuple(sorted(w))),
       st.integers(2000, 2040), st.integers(0, 400))
def test_daily_and_weekly_first_match_dateutil(freq: str, interval: int, weekdays: tuple[int, ...], year: int,
                                              offset: int) -> None:
    """ "2 tuần một lần", "3 ngày một lần": the interval counts from 1 January of the plan's year."""
    rule = Rule(freq, interval, weekdays=weekdays if freq == "WEEKLY" else ())
    lower = dt.date(year, 1, 1) + dt.timedelta(days=offset)
    assert rule.first(year, lower) == _dateutil_first(rule, year, lower)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["DAILY", "WEEKLY", "MONTHLY"]),
       st.lists(st.integers(1, 12), min_size=1, max_size=11, unique=True).map(lambda m: tuple(sorted(m))),
       st.lists(st.integers(0, 6), min_size=1, max_size=2, unique=True).map(lambda w: tuple(sorted(w))),
       st.sampled_from([(), (1,), (-1,)]), st.integers(2000, 2040), st.integers(0, 700))
def test_months_limit_a_shorter_rule_as_dateutil_reads_them(freq: str, ms: tuple[int, ...], weekdays: tuple[int, ...],
                                                             setpos: tuple[int, ...], year: int, offset: int) -> None:
    """ "Thứ Hai hằng tuần (trừ tháng 7)": BYMONTH keeps a daily, weekly or monthly rule to its months."""
    rule = (Rule(freq, 1, ms) if freq == "DAILY" else Rule(freq, 1, ms, weekdays=weekdays)
            if freq == "WEEKLY" else Rule(freq, 1, ms, weekdays=weekdays, setpos=setpos) if setpos
            else Rule(freq, 1, ms, days=(15, -1)))
    lower = dt.date(year, 1, 1) + dt.timedelta(days=offset)
    assert rule.first(year, lower) == _dateutil_first(rule, year, lower)
