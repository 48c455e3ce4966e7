"""What a cycle leaves out or moves: the months, weekdays or days off it skips ("hằng tháng (trừ
tháng 6, 7, 8)", "hằng ngày (trừ thứ Bảy, Chủ nhật)"), the plan's year it skips ("trừ năm 2026"),
the one year it keeps another day ("riêng năm 2026 trước 31/8/2026"), the year after each one its
day falls in ("trước 15/01 năm sau")."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import replace

from bot.periods.atoms import DAY, MONTH, QUARTER, WEEKDAY, YEAR, AtomError
from bot.periods.grammar import Chain
from bot.periods.meaning import read
from bot.periods.recur import Rule

_COLON = re.compile(r"\s*:")
# "hằng ngày, trừ ngày nghỉ, ngày lễ": the days off a cycle right before it skips (Saturdays and Sundays)
DAYS_OFF = re.compile(r"[\s,;(\-]*(?:ngoai\s*)?tru\s*(?:cac\s*)?ngay\s*(?:nghi|le)\b"
                      r"(?:[\s,]*(?:va\s*)?ngay\s*(?:nghi|le)\b)*")
_YEAR_COLON = re.compile(r"nam\s*\d{4}\s*:")  # "(năm 2025: tháng 11)"


def year_after(specs: Sequence[Chain], year: int, skipped: Sequence[Chain] = ()) -> dt.date | None:
    """When a cycle first falls due later than the plan's year: its day falls in the year after each
    one ("Hằng năm, trước 15/01 năm sau"), or it skips the plan's year ("Hằng năm (trừ năm 2026)"):
    1 January of its first year (else None)."""
    later = [a.y for c in specs for a in c.atoms if a.y and not a.explicit_year and a.y > year]
    first = min(later) if later else year
    years = {a.y for c in skipped for a in c.atoms if a.unit == YEAR}
    while first in years:  # (only years from the plan's on: one later in the cycle it cannot leave out)
        first += 1
    return dt.date(first, 1, 1) if first > year else None


def one_year_off(rule: Rule, chains: list[Chain], folded: str,
                 year: int) -> tuple[tuple[tuple[dt.date, dt.date], ...], list[Chain]]:
    """The days a yearly cycle moves one year only, as (the cycle's day, the day instead), and the
    chains that say nothing of that: "Trước 30/6 hằng năm; riêng năm 2026 trước 31/8/2026", "Tháng 12
    hằng năm (năm 2025: tháng 11)". Only a cycle with one day a year moves; another one only leaves
    such a year out of its bounds."""
    movable = rule.freq == "YEARLY" and rule.interval == 1 and not (rule.days_after or rule.workdays_after)
    moved: list[tuple[dt.date, dt.date]] = []
    rest: list[Chain] = []
    taken: set[int] = set()
    for i, c in enumerate(chains):
        if id(c) in taken:
            continue
        nxt = chains[i + 1] if i + 1 < len(chains) else None
        only = nxt is not None and one_year(c, nxt, folded)
        # "(năm 2025: tháng 11)": a year and its own time in the cycle's note
        noted = (c.in_parens and len(c.atoms) == 1 and c.atoms[0].unit in (DAY, MONTH) and c.atoms[0].explicit_year
                 and not c.kinds & {"tu", "den"} and _YEAR_COLON.match(folded, c.start, c.end) is not None)
        instead = nxt if only else c if noted else None
        pair = _moved(rule, c.atoms[0].y or year, instead, year) if instead is not None and movable else None
        if pair is None and not only:
            rest.append(c)
            continue
        taken.add(id(instead))
        if pair is not None and pair[0] != pair[1]:
            moved.append(pair)
    return tuple(moved), rest


def one_year(c: Chain, nxt: Chain, folded: str) -> bool:
    """Whether a chain names one year and the next one that year's own time: "riêng năm 2026 trước
    31/8/2026", "(năm 2026: tháng 6)"."""
    return len(c.atoms) == 1 and c.atoms[0].unit == YEAR and (
        any(m.token.name == "round3" for m in c.prefixes)
        or (c.in_parens and nxt.in_parens and _COLON.match(folded, c.end) is not None))


def _moved(rule: Rule, scope: int, instead: Chain, year: int) -> tuple[dt.date, dt.date] | None:
    """The cycle's one day of year `scope` and the day a chain gives instead (None if there are more)."""
    try:
        due = read(instead, scope).due
    except AtomError:
        return None
    day = rule.first(year, dt.date(scope, 1, 1))
    if due is None or day is None or day.year != scope:
        return None
    after = rule.first(year, day + dt.timedelta(days=1))
    return (day, due) if after is None or after.year != scope else None


def skipping(rule: Rule, skipped: Sequence[Chain], days_off: bool = False) -> Rule:
    """A rule without the months (or quarters) a cell skips, each year: "hằng tháng (trừ tháng 6, 7,
    8)", "Thứ Hai hằng tuần (trừ tháng 7)", "Hằng quý (trừ quý I)"; and without the weekdays it skips
    ("Hằng ngày (trừ thứ Bảy, Chủ nhật)", `days_off`: "trừ ngày nghỉ")."""
    weekdays = {a.n for c in skipped for a in c.atoms if a.unit == WEEKDAY} | ({5, 6} if days_off else set())
    if weekdays and rule.interval == 1 and rule.freq in ("DAILY", "WEEKLY"):
        kept_days = tuple(d for d in (rule.weekdays if rule.freq == "WEEKLY" else range(7)) if d not in weekdays)
        if kept_days:
            rule = replace(rule, freq="WEEKLY", weekdays=kept_days)
    months = {m for c in skipped for m in _months_named(c)}
    if not months or rule.interval != 1:
        return rule
    if rule.freq == "MONTHLY" and not (rule.weekdays or rule.setpos or rule.policy):
        kept = tuple(m for m in range(1, 13) if m not in months)
        return Rule("YEARLY", 1, kept, rule.days or (-1,)) if kept else rule
    if rule.freq in ("MONTHLY", "WEEKLY", "DAILY") or (rule.freq == "YEARLY" and rule.months and not rule.setpos):
        kept = tuple(m for m in rule.months or range(1, 13) if m not in months)
        if kept:
            return replace(rule, months=kept, pairs=tuple(p for p in rule.pairs if p[0] in kept))
    return rule


def _months_named(chain: Chain) -> set[int]:
    """Every month a chain of months or quarters names, ranges filled ("tháng 6 - 8": 6, 7 and 8;
    "quý I": 1, 2 and 3)."""
    atoms = chain.atoms
    out = {m for a in atoms if not a.lunar for m in _months_of(a.unit, a.n)}
    for i, joint in enumerate(chain.joints):
        a, b = atoms[i], atoms[i + 1]
        if joint == "range" and a.unit == b.unit and a.unit in (MONTH, QUARTER) and a.n <= b.n:
            out.update(m for n in range(a.n, b.n + 1) for m in _months_of(a.unit, n))
    return {m for m in out if 1 <= m <= 12}


def _months_of(unit: str, n: int) -> range:
    """The months a month or a quarter holds (none for other units)."""
    return range(n, n + 1) if unit == MONTH else range(3 * n - 2, 3 * n + 1) if unit == QUARTER else range(0)


def without_exceptions(specs: list[Chain], live: list[Chain]) -> list[Chain]:
    """The days of a cycle without one year's exception in parentheses: "Tháng 12 hằng năm (năm
    2025: tháng 11)" is each December (and November of 2025 its one year's own day, `one_year_off`)."""
    if all(c.in_parens for c in specs):
        return specs
    years = [c.end for c in live if c.in_parens and not c.yearless()]
    return [c for c in specs if not (c.in_parens and any(end <= c.start for end in years))]
