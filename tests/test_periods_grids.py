"""Whole families written every way at once: each lead word, part, unit, "của" and way of writing a
year with each other, so that a new way of joining them cannot go wrong unseen."""

from __future__ import annotations

import datetime as dt
import itertools

from dateutil.rrule import rrulestr

from bot.periods import parse

D = dt.date


def _join(*pieces: str) -> str:
    return "".join(pieces)


def test_every_part_of_a_period_of_2026_falls_due_in_2026() -> None:
    leads = ["", "Trong ", "Đến hết ", "Vào ", "Hoàn thành trong ", "Chậm nhất ", "Dự kiến "]
    parts = ["", "đầu ", "giữa ", "cuối ", "nửa đầu ", "nửa cuối ", "tuần đầu ", "tuần cuối ", "10 ngày đầu ",
             "ngày cuối cùng của ", "thứ Hai đầu tiên của "]
    units = [("tháng 6", "/2026"), ("tháng 6", " của năm 2026"), ("quý II", " năm 2026"), ("quý IV", "-2026"),
             ("tháng 11", " 2026"), ("năm", " 2026")]
    wrong = []
    for lead, part, cua, (unit, year) in itertools.product(leads, parts, ["", "của "], units):
        text = _join(lead, part, cua if part else "", unit, year)
        period = parse(text, context_year=2025)
        if period.kind == "recurring" or period.due is None or period.due.year != 2026:
            wrong.append((text, period.kind, period.due))
    assert wrong == []


def test_every_way_of_writing_a_day_of_june_2026() -> None:
    leads = ["", "Trước ", "Chậm nhất ", "Vào ", "Hoàn thành trước "]
    months = ["tháng 6/2026", "tháng 06 năm 2026", "tháng Sáu năm 2026", "tháng 6 của năm 2026", "tháng 6, năm 2026",
              "tháng cuối quý II/2026", "tháng cuối quý II của năm 2026"]
    wrong = []
    for lead, day, month in itertools.product(leads, ["ngày 15 ", "ngày 15 của "], months):
        text = _join(lead, day, month)
        period = parse(text, context_year=2025)
        if (period.kind, period.due) != ("deadline", D(2026, 6, 15)):
            wrong.append((text, period.kind, period.due))
    assert wrong == []


def test_every_way_of_writing_a_span_of_2026() -> None:
    starts = ["tháng 3", "quý I", "ngày 01/3", "đầu tháng 3", "tháng 3/2026", "ngày 1 tháng 3"]
    ends = ["tháng 9/2026", "quý III/2026", "ngày 30/9/2026", "cuối tháng 9/2026", "tháng 9 năm 2026",
            "tháng 9 của năm 2026"]
    wrong = []
    for lead, start, joint, end in itertools.product(["Từ ", ""], starts, [" đến ", " - ", " tới ", " đến hết "], ends):
        text = _join(lead, start, joint, end)
        period = parse(text, context_year=2025)
        if (period.kind, period.due) != ("window", D(2026, 9, 30)) or period.start not in (D(2026, 1, 1),
                                                                                          D(2026, 3, 1)):
            wrong.append((text, period.kind, period.start, period.due))
    assert wrong == []


def test_every_way_of_writing_the_20th_of_a_cycle() -> None:
    cycles = [("hằng tháng", "FREQ=MONTHLY;BYMONTHDAY=20"), ("tháng sau", "FREQ=MONTHLY;BYMONTHDAY=20"),
              ("tháng cuối quý", "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=20"),
              ("tháng đầu quý sau", "FREQ=YEARLY;BYMONTH=1,4,7,10;BYMONTHDAY=20"),
              ("tháng 12 hằng năm", "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=20")]
    start, end = dt.datetime(2025, 1, 1), dt.datetime(2026, 12, 31)
    wrong = []
    for lead, day, (cycle, rule), tail in itertools.product(
            ["", "Trước ", "Chậm nhất ", "Định kỳ ", "Báo cáo "], ["ngày 20 ", "ngày 20 của "], cycles,
            ["", ".", " (nếu trùng ngày nghỉ thì lùi lại)"]):
        if day.endswith("của ") and cycle.startswith("hằng"):
            continue
        text = _join(lead, day, cycle, tail)
        period = parse(text, context_year=2025)
        days = list(rrulestr(period.rrule, dtstart=start).between(start, end, True)) if period.rrule else []
        if period.kind != "recurring" or days != list(rrulestr(rule, dtstart=start).between(start, end, True)):
            wrong.append((text, period.kind, period.rrule))
    assert wrong == []


def test_every_way_of_writing_a_yearly_15_december() -> None:
    forms = ["hằng năm, trước ngày 15/12", "trước ngày 15/12 hằng năm", "hằng năm (trước 15/12)",
             "trước 15/12 hàng năm", "ngày 15 tháng 12 hằng năm", "vào ngày 15/12 hằng năm",
             "mỗi năm một lần, trước 15/12", "15/12 hằng năm",
             "hằng năm, chậm nhất ngày 15/12", "hằng năm: trước 15/12", "định kỳ hằng năm trước ngày 15-12",
             "hằng năm trước 15.12", "01 lần/năm (trước 15/12)"]
    start, end = dt.datetime(2025, 1, 1), dt.datetime(2027, 12, 31)
    wrong = []
    for lead, form, tail in itertools.product(["", "Định kỳ ", "Báo cáo "], forms, ["", ".", " về UBND tỉnh"]):
        text = _join(lead, form, tail)
        period = parse(text, context_year=2025)
        days = list(rrulestr(period.rrule, dtstart=start).between(start, end, True)) if period.rrule else []
        if period.kind != "recurring" or [d.date() for d in days] != [D(y, 12, 15) for y in (2025, 2026, 2027)]:
            wrong.append((text, period.kind, period.rrule))
    assert wrong == []


def test_every_way_of_bounding_a_cycle_by_years() -> None:
    cycles = {"hằng quý": 3, "định kỳ hằng quý": 3, "mỗi quý 01 lần": 3, "hằng tháng": 1}
    bounds = [("năm 2026", 2026), ("trong năm 2026", 2026), ("giai đoạn 2026-2030", 2030),
              ("từ năm 2026 đến năm 2030", 2030), ("(năm 2026)", 2026), ("(2026-2030)", 2030)]
    wrong = []
    for (cycle, month), (bound, last_year), bound_first in itertools.product(cycles.items(), bounds, (False, True)):
        if bound_first and bound.startswith("("):
            continue
        text = f"{bound[0].upper()}{bound[1:]}, {cycle}" if bound_first else f"{cycle} {bound}"
        dues = parse(text, context_year=2025).dues_between(D(2024, 1, 1), D(2032, 12, 31))
        if not dues or (dues[0].year, dues[0].month, dues[-1].year, dues[-1].month) != (2026, month, last_year, 12):
            wrong.append((text, dues[:1], dues[-1:]))
    assert wrong == []
