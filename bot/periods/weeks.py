"""Weekdays and weeks inside a month: "thứ Hai đầu tiên của tháng", "ngày làm việc cuối cùng"."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot.periods.lexer import Token
from bot.periods.recur import VI_PLACES, VI_WEEKDAYS, Rule, yearly_dates

if TYPE_CHECKING:
    from bot.periods.atoms import Atom

_WEEKDAY = {"hai": 0, "2": 0, "ba": 1, "3": 1, "tu": 2, "4": 2, "nam": 3, "5": 3, "sau": 4,
            "6": 4, "bay": 5, "7": 5, "chunhat": 6}
_ORDINAL = {"sau": 6, "bay": 7, "tam": 8, "chin": 9, "muoi": 10}
_PLACE = {"dautien": 1, "dau": 1, "thunhat": 1, "thu1": 1, "thuhai": 2, "thu2": 2, "2": 2,
          "thuba": 3, "thu3": 3, "3": 3, "thutu": 4, "thubon": 4, "thu4": 4, "4": 4, "thu5": 5,
          "5": 5, "1": 1, "cuoicung": -1, "cuoi": -1}


def weekday(word: str) -> int:
    """Monday = 0 for "thứ Hai", "thứ 2", "chủ nhật" (6)."""
    key = word.replace(" ", "")
    return _WEEKDAY[key[3:] if key.startswith("thu") else key]


def place(word: str) -> int:
    """1 for "đầu tiên", 2 for "thứ hai", -1 for "cuối cùng" (and 12 for "thứ 12")."""
    key = word.replace(" ", "")
    if key.startswith("thu") and key[3:].isdigit():
        return int(key[3:])
    return _PLACE.get(key, _ORDINAL.get(key[3:], 1) if key.startswith("thu") else 1)


def part_of(tok: Token) -> str:
    """The part an n-th weekday or working day gives the month after it: "nth:0:1"."""
    days = {"wdpart": "w", "edpart": "e"}.get(tok.name) or str(weekday(tok.g("w") or ""))
    at = place(tok.g("n") or "")
    if tok.name == "wdpart" and at == 1 and tok.g("c"):  # "05 ngày làm việc đầu tiên của tháng 7": the fifth
        at = max(1, int(tok.g("c") or 1))
    return f"nth:{days}:{at}"


def week_rule(unit: str, at: int) -> Rule:
    """The n-th (or last) week of each month, quarter or year, due on its last day: weeks count
    from the period's first day ("tuần thứ 2 hằng tháng" ends on the 14th)."""
    if at < 0 or (unit == "thang" and at >= 5):  # a month's 5th week ends with the month
        return _edge_rule(unit, -1)
    if unit == "thang":
        return Rule("MONTHLY", 1, days=(7 * at,))
    firsts = (1,) if unit == "nam" else (1, 4, 7, 10)
    # (within January to November, so the same in every year)
    ends = [dt.date(2001, m, 1) + dt.timedelta(days=7 * at - 1) for m in firsts]
    return yearly_dates([(d.month, d.day) for d in ends])


def _edge_rule(unit: str, at: int) -> Rule:
    """The first (at > 0) or last day of each month, quarter or year."""
    day = 1 if at > 0 else -1
    if unit == "nam":
        return Rule("YEARLY", 1, (1,), (1,)) if at > 0 else Rule("YEARLY", 1, (12,), (31,))
    if unit == "quy":
        return Rule("YEARLY", 1, (1, 4, 7, 10) if at > 0 else (3, 6, 9, 12), (day,))
    return Rule("MONTHLY", 1, days=(day,))


_QUARTER_MONTH = re.compile(r"dau|giua|cuoi|thu\s*(?:nhat|hai|ba|[123])")


def quarter_month(word: str) -> int:
    """Which month of its quarter "đầu", "giữa", "cuối", "thứ hai" names (1, 2 or 3)."""
    key = word.replace(" ", "")
    return {"dau": 1, "thunhat": 1, "thu1": 1, "giua": 2, "thuhai": 2, "thu2": 2}.get(key, 3)


def policy(at: int) -> str:
    """The working-day policy of "ngày làm việc đầu tiên" (1) or "cuối cùng" (-1)."""
    return "next_working_day" if at > 0 else "previous_working_day"


def policy_of(atoms: Sequence[Atom]) -> str | None:
    """The policy of a day named as a month's first or last working day, if one is."""
    for a in atoms:
        if a.part and a.part.startswith("nth:w:"):
            return policy(int(a.part.rsplit(":", 1)[1]))
    return None


def workdays_of(atoms: Sequence[Atom]) -> int:
    """The working days after a month's first one that a day named as its n-th is ("ngày làm việc
    thứ 5 của tháng 7/2025": 4, counted by the planner on the real calendar)."""
    for a in atoms:
        if a.part and a.part.startswith("nth:w:"):
            return max(0, int(a.part.rsplit(":", 1)[1]) - 1)
    return 0


def nth_day(part: str, first: dt.date, last: dt.date) -> dt.date | None:
    """The day a part "nth:<which>:<place>" names between two days, if there is one: the n-th
    weekday (which = 0…6), or the first or last day ("e") or working day ("w"; the first or last
    day too: the planner moves it by the working-day calendar, which knows the holidays)."""
    _, which, at = part.split(":")
    n = int(at)
    if which in ("w", "e"):
        return first if n > 0 else last
    found = [first + dt.timedelta(days=i) for i in range((last - first).days + 1)
             if (first + dt.timedelta(days=i)).weekday() == int(which)]
    return found[n - 1 if n > 0 else n] if -len(found) <= n <= len(found) else None


def nth_label(part: str) -> str:
    """ "thứ Hai đầu tiên của" for "nth:0:1"."""
    _, which, at = part.split(":")
    days = {"w": "ngày làm việc", "e": "ngày"}.get(which) or VI_WEEKDAYS[int(which)]
    return f"{days} {VI_PLACES.get(int(at), 'thứ ' + at)} của"


def month_rule(tok: Token) -> Rule:
    """The monthly (or yearly) rule of "thứ Hai đầu tiên của tháng", "tuần cuối mỗi tháng"."""
    at = place(tok.g("n") or "")
    if tok.name == "recurwk" and tok.g("q"):  # "tuần thứ 2 của tháng đầu mỗi quý": in that month of each
        word = _QUARTER_MONTH.match(tok.g("q") or "")
        months = tuple(range(quarter_month(word.group() if word else ""), 13, 3))
        return Rule("YEARLY", 1, months, (-1,) if at < 0 or at >= 5 else (7 * at,))
    if tok.name == "recurwk":
        return week_rule(tok.g("u") or tok.g("y") or "thang", at)
    if tok.name in ("recurwd", "recurwe"):
        # the first or last day of the period; a working day is moved to one by the real
        # calendar (holidays and swapped Saturdays included), which an RRULE cannot know
        unit = tok.g("u") or "thang"
        unit = "quy" if "quy" in unit else unit  # ("tháng đầu quý sau": each quarter's first day)
        rule = _edge_rule(unit, at)
        rule.policy = policy(at) if tok.name == "recurwd" else None
        # "05 ngày làm việc đầu tháng", "ngày làm việc thứ 5 của tháng": the fifth
        count = int(tok.g("c") or 1) if at == 1 else at
        if rule.policy and at > 0 and count > 1:
            rule.workdays_after = count - 1
        return rule
    return Rule("MONTHLY", 1, weekdays=(weekday(tok.g("w") or ""),), setpos=(at,))

