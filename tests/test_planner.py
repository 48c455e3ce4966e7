"""Occurrences and reminders: the right working days, the supervisor told after a while."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from bot.clock import VIETNAM
from bot.planner import Occurrence, occurrences, preview, reminders
from bot.policy import ReminderPolicy
from bot.schedule import Schedule, load
from bot.workdays import DuePolicy, WorkCalendar
from tests.conftest import ROOT

cal = WorkCalendar()
D = dt.date


def test_reminders_of_one_occurrence() -> None:
    occ = Occurrence("kh", "1", "snv", D(2018, 9, 30), D(2018, 10, 1))
    got = reminders(occ, ReminderPolicy(), cal, VIETNAM, supervisor="ubnd")
    firsts = [(r.kind, r.send_at.date(), r.target) for r in got[:6]]
    assert firsts == [
        ("before", D(2018, 9, 20), "snv"),  # 7 working days before Monday 1/10 (3/9 was a holiday)
        ("before", D(2018, 9, 26), "snv"),
        ("before", D(2018, 9, 28), "snv"),
        ("due", D(2018, 10, 1), "snv"),
        ("overdue", D(2018, 10, 4), "snv"),
        ("escalation", D(2018, 10, 8), "ubnd"),
    ]
    assert all(cal.is_working_day(r.send_at.date()) for r in got)
    assert all(r.send_at.time() == dt.time(8, 0) and r.send_at.tzinfo == VIETNAM for r in got)
    assert sum(r.kind == "overdue" for r in got) == 10


def test_no_escalation_to_oneself_and_a_custom_policy() -> None:
    occ = Occurrence("kh", "1", "snv", D(2020, 6, 30), D(2020, 6, 30))
    policy = ReminderPolicy(before=(2,), on_due=False, overdue_max=1, send_at=dt.time(14, 30))
    got = reminders(occ, policy, cal, VIETNAM, supervisor="snv")
    assert [(r.kind, r.send_at) for r in got] == [
        ("before", dt.datetime(2020, 6, 26, 14, 30, tzinfo=VIETNAM)),
        ("overdue", dt.datetime(2020, 7, 3, 14, 30, tzinfo=VIETNAM)),
    ]


def test_occurrences_of_the_bundled_schedule() -> None:
    schedule = load([ROOT / "schedules"]).schedule
    assert schedule is not None
    found = list(occurrences(schedule, cal, DuePolicy.NEXT_WORKING_DAY, D(2018, 1, 1), D(2018, 12, 31),
                             agency="snv"))
    dues = {(o.plan, o.task, o.due, o.effective_due) for o in found}
    assert ("ke-hoach-300", "4.8", D(2018, 6, 30), D(2018, 7, 2)) in dues  # Saturday -> Monday
    assert ("ke-hoach-300", "4.8", D(2018, 11, 30), D(2018, 11, 30)) in dues
    assert len({o.key for o in found}) == len(found)


def test_preview_sends_only_on_working_days_and_filters_by_agency() -> None:
    schedule = load([ROOT / "schedules"]).schedule
    assert schedule is not None
    got = preview(schedule, cal, "next_working_day", VIETNAM, D(2018, 6, 1), D(2018, 12, 31), agency="stttt")
    assert got and all(r.target == "stttt" for r in got)
    assert all(cal.is_working_day(r.send_at.date()) for r in got)
    assert got == sorted(got, key=lambda r: r.send_at)
    assert all(D(2018, 6, 1) <= r.send_at.date() <= D(2018, 12, 31) for r in got)


def _schedule(folder: Path, year: int, times: list[str]) -> Schedule:
    """A plan of the given year with one task of Sở Nội vụ per time text, loaded from files."""
    shutil.copy(ROOT / "tests" / "fixtures" / "agencies.toml", folder / "agencies.toml")
    tasks = "".join(f'\n[[task]]\nid = "{i}"\ntitle = "Nhiệm vụ {i}"\nlead = "Sở Nội vụ"\ntime = "{t}"\n'
                    for i, t in enumerate(times, 1))
    (folder / "kh.toml").write_text(f'[plan]\nnumber = "5/KH-UBND"\ntitle = "Kế hoạch thử"\nyear = {year}\n{tasks}',
                                    encoding="utf-8")
    loaded = load([folder])
    assert loaded.errors == [] and loaded.schedule is not None
    return loaded.schedule


def test_a_working_day_named_in_the_text_moves_by_its_own_policy(tmp_path: Path) -> None:
    """ "ngày làm việc cuối cùng của tháng": 30/4 is a holiday, so the last working day is 29/4,
    whatever the configured policy says; a first working day moves forward past 1/1."""
    schedule = _schedule(tmp_path, 2021, ["Ngày làm việc cuối cùng của tháng", "ngày làm việc đầu tiên hằng tháng"])
    found = occurrences(schedule, cal, DuePolicy.NEXT_WORKING_DAY, D(2021, 1, 1), D(2021, 5, 31))
    got = {(o.task, o.due): o.effective_due for o in found}
    assert got[("1", D(2021, 4, 30))] == D(2021, 4, 29)  # 30/4 Reunification Day, a Friday
    assert got[("1", D(2021, 1, 31))] == D(2021, 1, 29)  # a Sunday
    assert got[("1", D(2021, 3, 31))] == D(2021, 3, 31)
    assert got[("2", D(2021, 1, 1))] == D(2021, 1, 4)  # New Year's Day, then a weekend
    assert got[("2", D(2021, 5, 1))] == D(2021, 5, 4)  # 1/5 a Saturday, 3/5 a day off in lieu


def test_working_days_counted_after_each_period(tmp_path: Path) -> None:
    """ "Chậm nhất 05 ngày làm việc sau khi kết thúc quý": counted on the real calendar, past weekends
    and New Year's Day."""
    schedule = _schedule(tmp_path, 2024, ["Chậm nhất 05 ngày làm việc sau khi kết thúc quý"])
    found = occurrences(schedule, cal, DuePolicy.NEXT_WORKING_DAY, D(2024, 1, 1), D(2024, 12, 31))
    assert [(o.due, o.effective_due) for o in found] == [
        (D(2024, 3, 31), D(2024, 4, 5)), (D(2024, 6, 30), D(2024, 7, 5)),
        (D(2024, 9, 30), D(2024, 10, 7)), (D(2024, 12, 31), D(2025, 1, 8))]


def test_the_nth_working_day_of_each_period(tmp_path: Path) -> None:
    """ "Trong 05 ngày làm việc đầu tháng": the fifth working day, counted from the first one (past
    New Year's Day, weekends and the day off in lieu of 1/5)."""
    schedule = _schedule(tmp_path, 2021, ["Trong 05 ngày làm việc đầu tháng", "05 ngày làm việc đầu tiên của mỗi quý"])
    found = occurrences(schedule, cal, DuePolicy.NEXT_WORKING_DAY, D(2021, 1, 1), D(2021, 5, 31))
    got = {(o.task, o.due): o.effective_due for o in found}
    assert got[("1", D(2021, 1, 1))] == D(2021, 1, 8)
    assert got[("1", D(2021, 2, 1))] == D(2021, 2, 5)
    assert got[("1", D(2021, 5, 1))] == D(2021, 5, 10)
    assert got[("2", D(2021, 4, 1))] == D(2021, 4, 7)
    assert ("2", D(2021, 2, 1)) not in got


def test_working_days_counted_from_a_day(tmp_path: Path) -> None:
    """ "Trong 15 ngày làm việc kể từ ngày 01/7/2025": from the day after, weekends left out."""
    schedule = _schedule(tmp_path, 2025, ["Trong 15 ngày làm việc kể từ ngày 01/7/2025"])
    found = occurrences(schedule, cal, DuePolicy.NEXT_WORKING_DAY, D(2025, 1, 1), D(2025, 12, 31))
    assert [(o.due, o.effective_due) for o in found] == [(D(2025, 7, 1), D(2025, 7, 22))]


def test_the_nth_working_day_of_one_month(tmp_path: Path) -> None:
    """ "Ngày làm việc thứ 5 của tháng 5/2021": 1/5 a Saturday, 3/5 a day off in lieu, so the 10th."""
    schedule = _schedule(tmp_path, 2021, ["Ngày làm việc thứ 5 của tháng 5/2021",
                                          "05 ngày làm việc đầu tiên của tháng 5/2021"])
    found = occurrences(schedule, cal, DuePolicy.NEXT_WORKING_DAY, D(2021, 1, 1), D(2021, 12, 31))
    assert [(o.task, o.effective_due) for o in found] == [("1", D(2021, 5, 10)), ("2", D(2021, 5, 10))]


def test_days_counted_after_each_period(tmp_path: Path) -> None:
    """ "Chậm nhất 90 ngày kể từ ngày kết thúc năm": 30/3 in a leap year, 31/3 otherwise, and off a
    weekend by the policy (30/3/2024 is a Saturday)."""
    schedule = _schedule(tmp_path, 2024, ["Chậm nhất 90 ngày kể từ ngày kết thúc năm"])
    found = occurrences(schedule, cal, DuePolicy.NEXT_WORKING_DAY, D(2024, 1, 1), D(2025, 12, 31))
    assert [(o.due, o.effective_due) for o in found] == [
        (D(2024, 3, 30), D(2024, 4, 1)), (D(2025, 3, 31), D(2025, 3, 31))]
