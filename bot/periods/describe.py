"""Say in Vietnamese what a Period was understood to mean."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.periods.model import Period


_PLAIN_DAY = re.compile(r"ngày \d(?!.*âm lịch)")  # a label that only repeats the date (a lunar one says more)
_UNIT = re.compile(r"(?!nửa cuối)(?:tháng|quý|năm|nửa|\d+ tháng)\b(?!.* và )[^;,]*$")


def _d(day: dt.date) -> str:
    return f"{day:%d/%m/%Y}"


def describe(p: Period) -> str:
    """One short sentence: "hạn chót 30/06/2018 (cuối quý II/2018)"."""
    # (the n-th working day of a period already says where it lies: "ngày làm việc thứ 5 của tháng")
    moved = "" if p.workdays_after else _MOVED.get(p.policy or "", "")
    return _describe_dates(p) + moved


# what a policy the text asks for does to a due date off a working day
_MOVED = {"previous_working_day": ", lùi về ngày làm việc liền trước nếu là ngày nghỉ",
          "next_working_day": ", sang ngày làm việc liền sau nếu là ngày nghỉ"}


_LISTED = 12  # at most so many due dates written out one by one
_UNTIL = re.compile(r"UNTIL=(\d{4})(\d\d)(\d\d)")


def _bounded_dues(p: Period) -> list[dt.date]:
    """Every due date of a cycle that ends (an RRULE with UNTIL), or [] for one that goes on."""
    until = _UNTIL.search(p.rrule or "")
    if until is None or p.due is None:
        return []
    return p.dues_between(p.due, dt.date(*map(int, until.groups())))


def _last(dues: list[dt.date]) -> str:
    """ ", lần cuối 31/10/2025" for a cycle that ends ("hằng tháng, từ tháng 3 đến tháng 10")."""
    return f", lần cuối {_d(dues[-1])}" if len(dues) > 1 else ""


def _describe_dates(p: Period) -> str:
    """The sentence without what the working-day policy does."""
    at = f"{p.time:%H:%M} " if p.time else ""
    if p.kind == "window" and p.due:
        context = f"cuối {p.label}" if _UNIT.match(p.label) else p.label
        return f"hạn chót {at}{_d(p.due)} ({context})"
    if p.kind == "deadline" and p.due and p.workdays_after:  # counted by the planner on the real calendar
        if p.policy == "next_working_day":  # "ngày làm việc thứ 5 của tháng 7/2025": its label says it
            return f"hạn chót {at}{p.label}"
        return f"hạn chót {at}ngày làm việc thứ {p.workdays_after} sau {_d(p.due)} ({p.label})"
    if p.kind == "deadline" and p.due:
        plain = not p.label or _PLAIN_DAY.match(p.label) is not None
        return f"hạn chót {at}{_d(p.due)}" + ("" if plain else f" ({p.label})")
    if p.kind == "recurring":
        if len(p.dates) > _LISTED and p.label:  # ("mùng 1 và rằm hằng tháng": ten years of them)
            return f"định kỳ {p.label}; lần đầu {_d(p.dates[0])}, {len(p.dates)} lần đến {_d(p.dates[-1])}"
        if p.dates:
            return "các hạn chót " + ", ".join(_d(d) for d in p.dates)
        dues = _bounded_dues(p)
        if len(dues) == 1 and p.due is not None and not p.workdays_after:
            return f"hạn chót {_d(p.due)}"  # a cycle bounded to one of its days: that day only
        first = f"; lần đầu {_d(p.due)}" if p.due and not (p.workdays_after and p.policy) else ""
        return f"định kỳ {p.label}{first}{_last(dues)}"
    if p.kind == "continuous":
        since = f" từ {_d(p.start)}" if p.start else ""
        return f"thực hiện thường xuyên{since}, không có hạn chót"
    hint = f"; văn bản có nhắc {p.hint.label}" if p.hint and p.hint.label else ""
    return f"chờ sự kiện: {p.label} — chưa có hạn chót{hint}"
