"""Dates that only name another: the weekday written beside a date, which must be its own, and the
day an anniversary remembers beside the anniversary itself."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from typing import TYPE_CHECKING

from bot.periods.atoms import DAY, WEEKDAY, YEAR, Atom, AtomError
from bot.periods.recur import VI_WEEKDAYS

if TYPE_CHECKING:  # (the grammar builds the chains and calls in here: no import at run time)
    from bot.periods.grammar import Chain

# between a date and the weekday that names it after it: "16/3/2026 (thứ Hai)", "…, tức thứ Hai"
_DAY_THEN_WEEKDAY = re.compile(r"[\s,(]*(?:tuc\s*(?:la\s*)?|la\s*|vao\s*)?")


def check_weekdays(chains: list[Chain], folded: str) -> None:
    """A weekday written after a dated day, as its note, must be that day's (those written before
    one are checked as they are read)."""
    for before, after in itertools.pairwise(chains):
        second = after.atoms[0]
        if (len(after.atoms) == 1 and second.unit == WEEKDAY and not after.suffixes and not before.cited
                and _DAY_THEN_WEEKDAY.fullmatch(folded, before.atoms[-1].end, second.start)):
            check_weekday(second, before.atoms[-1])


def check_weekday(weekday: Atom, day: Atom) -> None:
    """A weekday that names a dated day must be its own ("Thứ Ba ngày 16/3/2026" is not: a Monday):
    an error says which, so that the plan is asked rather than read one way."""
    if day.unit != DAY or day.lunar or not day.explicit_year or not day.y or not day.m:
        return
    try:
        when = dt.date(day.y, day.m, day.n)
    except ValueError:
        return  # (an impossible day has its own error)
    if when.weekday() != weekday.n:
        raise AtomError(f"ngày {when.day}/{when.month}/{when.year} là {VI_WEEKDAYS[when.weekday()]}, "
                        f"không phải {VI_WEEKDAYS[weekday.n]}", weekday.start, weekday.end)


def anniversaries(chains: list[Chain], folded: str) -> None:
    """An anniversary's span after "kỷ niệm" ("95 năm … (03/02/1930 - 03/02/2025)") becomes the
    anniversary: the first date is only what is remembered."""
    for c in chains:
        if not (c.remembered and _anniversary(c, folded)):
            continue
        first, last = c.atoms
        if first.unit == DAY and last.unit == YEAR:  # ("Quốc khánh 2/9 (1945-2025)": 2/9/2025)
            first.y, first.end = last.y, last.end
            last = first
        last.start, last.named = first.start, last.named or first.named
        c.atoms[:], c.joints[:] = [last], []


def _anniversary(chain: Chain, folded: str) -> bool:
    """Whether a chain runs from a day remembered to its anniversary: the same day of two years
    ("03/02/1930 - 03/02/2025"), or two years as far apart as the text counts ("70 năm … (1954-2024)")."""
    if chain.joints != ["range"]:
        return False
    first, last = chain.atoms
    if not (first.explicit_year and last.explicit_year and (first.y or 0) < (last.y or 0)) or first.lunar:
        return False
    if first.unit == DAY == last.unit:
        return (first.n, first.m) == (last.n, last.m)
    years = (last.y or 0) - (first.y or 0)
    return (first.unit in (DAY, YEAR) and last.unit == YEAR and not first.part and not last.part
            and re.search(rf"\b{years}\s*nam\b", folded[max(0, first.start - 200):first.start]) is not None)
