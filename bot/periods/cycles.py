"""Recurring duties: the cycle a text names ("hằng quý", "30/6 và 30/11 hằng năm") as a Rule."""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import itertools
import re
from collections.abc import Sequence
from dataclasses import replace

from bot import lunar
from bot.periods.atoms import D0, DAY, HALF, MONTH, MQ, QUARTER, WEEKDAY, YEAR, Atom, AtomError, number
from bot.periods.cycle_exceptions import one_year, one_year_off, skipping, without_exceptions, year_after
from bot.periods.grammar import RECUR_KINDS, Chain, Marker
from bot.periods.meaning import fill, read
from bot.periods.model import Period
from bot.periods.recur import Rule, yearly_dates
from bot.periods.weeks import month_rule, week_rule

_IN_MONTH = frozenset({"recurw", "recurwk", "recurwd", "recurwe"})  # a weekday or week of each month
AFTER_END = frozenset({"afterend", "afterend2"})  # "05 ngày làm việc sau khi kết thúc quý"
# ("nuathang": twice a month, "nửa tháng một lần", "2 lần/tháng": the 15th and the month's last day)
_PERIOD_DAYS = {"ngay": 1, "tuan": 7, "nuathang": 15, "thang": 30, "quy": 91, "nam": 365}
_ATOM_DAYS = {MONTH: 30, QUARTER: 91}  # how long the whole-period atoms last, as _PERIOD_DAYS counts


def cycle_of(text: str, markers: list[Marker], live: list[Chain], chains: list[Chain],
             year: int, folded: str = "", skipped: Sequence[Chain] = (), days_off: bool = False) -> Period | None:
    """The recurring Period a cell names, if it names a cycle or the days of one (without the
    months `skipped` names: "hằng tháng (trừ tháng 6, 7, 8)", nor days off if `days_off`)."""
    recurs = [m for m in markers if m.kind in RECUR_KINDS]
    if not chains:  # "Cuối quý (hằng năm)": the end of each quarter
        recurs += [m for m in markers if m.kind == "recurp2"]
    # in a recurring cell a date without a year is a day of the cycle, wherever it stands
    # (so it is beside a day of each quarter: "trước ngày 20 tháng cuối quý và trước ngày 15/12")
    periodic = (bool(recurs) or any(m.kind == "periodic" for m in markers)  # "định kỳ … 15/6 và 15/12"
                or any(a.unit == MQ for c in live for a in c.atoms))
    # months are the rounds of a cycle of a quarter or longer ("02 đợt/năm (đợt 1: tháng 3-4; …)");
    # beside a monthly one they only bound it ("mỗi tháng 1 chuyên mục; tháng 01 - tháng 12")
    rounds = bool(recurs) and not any(_days(_freq(m)) < _PERIOD_DAYS["quy"] for m in recurs)
    # and quarters of a yearly one ("mỗi năm tổ chức 01 lần vào Quý III")
    yearly = bool(recurs) and not any(_days(_freq(m)) < _PERIOD_DAYS["nam"] for m in recurs)
    weekly = any(_freq(m) == ("tuan", 1) for m in recurs)
    specs = [c for c in live if is_spec(c) or (periodic and yearless_dates(c))
             # ("Tháng 6 hằng năm (trước ngày 20)": the day of each one; "hằng tuần vào ngày thứ Năm")
             or (bool(recurs) and all(a.unit == D0 and not a.weak for a in c.atoms))
             or (weekly and all(a.unit == WEEKDAY for a in c.atoms))
             or (rounds and _yearless_rounds(c, MONTH)) or (yearly and _yearless_rounds(c, QUARTER))]
    specs = without_exceptions(specs, live)
    instead = {id(b) for a, b in itertools.pairwise(live) if one_year(a, b, folded)}
    specs = [c for c in specs if id(c) not in instead]  # ("riêng năm 2026 trước 31/12": that year's day)
    if chains and not specs:
        first_year = (anchored(text, recurs, chains[0], markers, year, folded) if recurs and len(chains) == 1
                      else following(text, chains, year) if not recurs else None)
        if first_year is not None:
            return first_year
    if specs and any(a.lunar for c in specs for a in c.atoms):
        lunar = lunar_yearly(text, recurs, specs, year)  # "trước Tết Nguyên đán hằng năm"
        if lunar is not None:
            return lunar
    if recurs or specs:
        rule = rule_of(recurs, specs, year)
        if rule is not None and (skipped or days_off):
            rule = skipping(rule, skipped, days_off)
        if rule is not None:
            spec_ids = {id(c) for c in specs}  # (by identity: equal chains are still two)
            moved, others = one_year_off(rule, [c for c in chains if id(c) not in spec_ids], folded, year)
            return recurring(text, rule, others, year, since=year_after(specs, year, skipped), moved=moved)
    return None


def is_spec(chain: Chain) -> bool:
    """Whether a chain names days of a cycle ("30/6 và 30/11 hằng năm", "tháng cuối quý")."""
    if any(a.unit == MQ for a in chain.atoms):
        return True
    if not chain.yearless():
        return False
    recurs = [m for m in chain.prefixes + chain.suffixes if m.kind in RECUR_KINDS]
    spans = [_ATOM_DAYS.get(a.unit, 0) for a in chain.atoms]
    if recurs and min(spans) >= max(_days(_freq(m)) for m in recurs):
        return False  # months or quarters only bound a cycle as short ("hằng tháng, từ tháng 3")
    return bool(recurs)


def yearless_dates(chain: Chain) -> bool:
    """Whether a chain is only days of months with no year ("15/12")."""
    return chain.yearless() and all(a.unit == DAY and a.m and not a.lunar for a in chain.atoms)


def yearless_months(chain: Chain) -> bool:
    """Months or quarters with no year that a yearly cycle before them falls in ("Hằng năm, … sơ kết
    vào tháng 5"), not ones that bound it ("hằng năm, từ tháng 3")."""
    return _yearless_rounds(chain, MONTH) or _yearless_rounds(chain, QUARTER)


def is_yearly(m: Marker) -> bool:
    """Whether a recurrence word comes back each year or less often ("hằng năm", "2 năm một lần")."""
    return m.kind in RECUR_KINDS and _freq(m)[0] == "nam"


def _yearless_rounds(chain: Chain, unit: str) -> bool:
    """Months (or quarters) with no year that a cycle elsewhere in the cell falls in ("02 đợt/năm
    (đợt 1: tháng 3-4; đợt 2: tháng 9-10)"); not the months that bound it ("hằng tháng, từ tháng 3")."""
    return (chain.yearless() and all(a.unit == unit and not a.lunar for a in chain.atoms)
            and not chain.kinds & {"tu", "den", "after", "by", "truoc"}
            and not any(m.kind == "trodi" for m in chain.suffixes))


def anchored(text: str, recurs: list[Marker], chain: Chain, markers: list[Marker], year: int,
             folded: str = "") -> Period | None:
    """"Quý I/2021 và hằng năm": a yearly duty on that time's last day, from that year on;
    "Quý II/2024 và định kỳ hằng quý": the cycle from that time on. Only where the cycle word
    follows the time, joined by "và", a comma or a new clause ("Tháng 6/2025; cập nhật hằng quý"),
    or in the note right after it ("Quý I/2026 (định kỳ hằng quý)"), not where it comes first
    ("hằng tháng báo cáo…; kiểm tra trong quý III"). A cycle in the note of a longer time runs
    through that time only ("Năm 2025 (hằng quý)"), and so do the reports a note names ("Tháng
    12/2025 (sơ kết 6 tháng, tổng kết năm)": those held in it)."""
    freqs = {_freq(m) for m in recurs}
    atom = chain.atoms[0]
    # (a cycle word right after the time reads as its note: "Tháng 4/2026 hằng năm")
    noted = _in_note(recurs, atom.end, folded) or (
        bool(chain.suffixes) and all(m.kind in RECUR_KINDS for m in chain.suffixes)
        and {id(m) for m in recurs} <= {id(m) for m in chain.suffixes})
    # (found by bisection: find_periods asks once per cycle of a long text)
    after = bisect.bisect_left(markers, chain.end, key=lambda m: m.start)
    between = list(itertools.takewhile(lambda m: m.start < recurs[0].start,
                                       (markers[i] for i in range(after, len(markers)))))
    if not noted and (recurs[0].start < chain.end or any(m.kind not in ("va", "vaw", "brk") for m in between)
                      or chain.suffixes):
        return None
    if len(chain.atoms) > 1:  # "Tháng 4 và tháng 10/2026 hằng năm": each of them, from that year on
        return _listed_from(text, freqs, chain, year)
    if (len(freqs) != 1 or not atom.explicit_year or atom.lunar
            or atom.unit not in (DAY, MONTH, QUARTER, YEAR) or chain.kinds & {"tu", "den", "by"}):
        return None
    fill(chain, year)
    first, due = atom.span()
    freq = freqs.pop()
    # (longer than its cycle by half a cycle at least: a month of 31 days is as long as "hằng tháng")
    # (so does a cycle after a longer time it is joined to: "Năm 2026, hằng quý" is the quarters of 2026)
    longer = (due - first).days + 1 > 1.5 * _days(freq)
    if longer or (noted and any(m.token.name == "recur6" for m in recurs)):
        rule = _default_rule(freq, ())
        rule.until = due
        return recurring(text, rule, [], year, since=first)
    if freq == ("nam", 1):
        return recurring(text, _on_day(atom, due, "nam"), [], year, since=dt.date(due.year, 1, 1))
    unit = {("thang", 1): "thang", ("thang", 3): "quy"}.get(freq)
    if atom.unit == DAY and unit:  # "ngày 15/6/2024 và hằng tháng": the 15th from June on
        return recurring(text, _on_day(atom, due, unit), [], year, since=due.replace(day=1))
    return recurring(text, _default_rule(freq, ()), [], year, since=first)


def _listed_from(text: str, freqs: set[tuple[str, int]], chain: Chain, year: int) -> Period | None:
    """A list of days, months or quarters of one year, then a yearly cycle: each of them every
    year from that one on ("Năm 2026 (tháng 4 và tháng 10 hằng năm)")."""
    units = {a.unit for a in chain.atoms}
    if (freqs != {("nam", 1)} or chain.joints != ["list"] * (len(chain.atoms) - 1) or len(units) != 1
            or not units <= {DAY, MONTH, QUARTER} or not any(a.explicit_year for a in chain.atoms)
            or any(a.lunar for a in chain.atoms) or chain.kinds & {"tu", "den", "by"}):
        return None
    fill(chain, year)
    spans = [a.span() for a in chain.atoms]
    if len({due.year for _, due in spans}) != 1:
        return None
    rule = yearly_dates(sorted({(due.month, due.day if units == {DAY} else -1) for _, due in spans}))
    return recurring(text, rule, [], year, since=dt.date(spans[0][1].year, 1, 1))


def _in_note(recurs: list[Marker], after: int, folded: str) -> bool:
    """Whether every cycle word stands in a parenthesis opened after `after` (counted on from word
    to word: a long list of them must not cost its square)."""
    depth, at = 0, after
    for m in sorted(recurs, key=lambda m: m.start):
        if m.start < after:
            return False
        depth += folded.count("(", at, m.start) - folded.count(")", at, m.start)
        at = m.start
        if depth <= 0:
            return False
    return bool(recurs)


# what may come back each year, quarter or month: a time shorter than the cycle
_FINER = {"nam": (DAY, MONTH, QUARTER, HALF), "quy": (DAY,), "thang": (DAY,)}


def following(text: str, chains: list[Chain], year: int) -> Period | None:
    """"Trước 31/12/2020 và các năm tiếp theo": that day again in each year from then on (also
    "trước ngày 30/6/2024 và trước ngày 30/6 các năm tiếp theo")."""
    last = chains[-1]
    unit = next((m.token.g("u") for m in last.suffixes if m.token.name == "trodi2"), None)
    atoms = [a for c in chains for a in c.atoms]
    if (unit not in _FINER or any("range" in c.joints for c in chains) or (len(atoms) > 1 and unit != "nam")
            or any(a.unit not in _FINER[unit] or a.lunar for a in atoms)):
        return None  # "năm 2015 và những năm tiếp theo" goes on from 2015: continuous
    dues = []
    for c in chains:
        fill(c, year)
        for atom in c.atoms:
            first, due = atom.span()
            if c.has("truoc") and atom.unit != DAY:  # "trước tháng 6/2021": by 31 May
                due = first - dt.timedelta(days=1)
            dues.append(due)
    written = [d.year for a, d in zip(atoms, dues, strict=True) if a.explicit_year]
    since = min(written or [d.year for d in dues])
    if len(atoms) > 1:  # "quý I năm 2022 và quý I các năm tiếp theo": each day named, yearly
        rule = yearly_dates([(d.month, _day_of(a, d)) for a, d in zip(atoms, dues, strict=True)])
        return recurring(text, rule, [], year, since=dt.date(since, 1, 1))
    due = dues[0]
    return recurring(text, _on_day(atoms[0], due, unit), [], year,
                     since=dt.date(due.year, 1, 1) if unit == "nam" else due.replace(day=1))


def _day_of(atom: Atom, due: dt.date) -> int:
    """The day of the month a cycle keeps: -1 where a month, quarter or year ends on it."""
    return -1 if atom.unit != DAY and (due + dt.timedelta(days=1)).day == 1 else due.day


def _on_day(atom: Atom, due: dt.date, unit: str) -> Rule:
    """The rule of a cycle of `unit` that falls due on `due`'s day (a month's end stays its end)."""
    day = due.day if due.month == 12 else _day_of(atom, due)  # "hằng năm" is 31/12, as LABELS writes it
    if unit == "thang":
        return Rule("MONTHLY", 1, days=(day,))
    months = (due.month,) if unit == "nam" else tuple(sorted((due.month - 1 + 3 * k) % 12 + 1 for k in range(4)))
    return Rule("YEARLY", 1, months, (day,))


LUNAR_YEARS = 10  # a lunar date has no RRULE: its due dates are listed for this many years


def lunar_yearly(text: str, recurs: list[Marker], specs: list[Chain], year: int) -> Period | None:
    """A yearly duty on lunar days or months ("trước Tết Nguyên đán hằng năm", "tháng 7 âm lịch hằng
    năm": by its last day), listed year by year."""
    atoms = [a for c in specs for a in (c.atoms[-1:] if "range" in c.joints else c.atoms)]
    if any(_freq(m) != ("nam", 1) for m in recurs) or not all(a.unit in (DAY, MONTH) and a.lunar for a in atoms):
        return None
    dues = {replace(a, y=y).span()[1] for y in range(year, year + LUNAR_YEARS) for a in atoms}
    label = "hằng năm, " + " và ".join(a.label() for a in atoms)
    # "trước Tết hằng năm": done before the holiday, so a day off moves it back (see meaning.read)
    policy = "previous_working_day" if all(a.part == "eve" for a in atoms) else None
    return Period("recurring", text, year, None, min(dues), None, label, dates=tuple(sorted(dues)), policy=policy)


def lunar_monthly(text: str, word: Marker, year: int) -> Period:
    """A duty on lunar days of each lunar month ("mùng 1 và rằm hằng tháng"), listed month by month
    for LUNAR_YEARS years (leap months included; a 30th only in the months that have one)."""
    days = sorted({15 if d == "ram" else int(d) for d in _LUNAR_DAY.findall(word.token.text)} - {0})
    first, last = dt.date(year, 1, 1), dt.date(year + LUNAR_YEARS - 1, 12, 31)
    starts = lunar.month_starts(first - dt.timedelta(days=31), last + dt.timedelta(days=31))
    dues: set[dt.date] = set()
    for start, after in itertools.pairwise(starts):  # (each lunar month, leap ones too, runs to the next)
        for d in days:
            due = start + dt.timedelta(days=d - 1)
            if due < after and first <= due <= last:
                dues.add(due)
    label = "hằng tháng âm lịch, " + " và ".join("rằm" if d == 15 else f"mùng {d}" for d in days)
    ordered = tuple(sorted(dues))
    return Period("recurring", text, year, None, ordered[0] if ordered else None, None, label, dates=ordered)


_LUNAR_DAY = re.compile(r"ram|\d\d?")


def of_months(m: Marker) -> bool:
    """Whether a recurrence word comes back each month or each quarter, so that a bare day names
    its day ("hằng quý, … trước ngày 25": the 25th of each quarter's last month)."""
    return m.kind in RECUR_KINDS and _freq(m) in (("thang", 1), ("thang", 3))


def is_monthly(m: Marker) -> bool:
    """Whether a recurrence word comes back each month ("hằng tháng", "mỗi tháng 01 lần")."""
    return m.kind in RECUR_KINDS and _freq(m) == ("thang", 1)


def _freq(m: Marker) -> tuple[str, int]:
    """(unit, count) of a recurrence word: 'hằng quý' is ('thang', 3)."""
    if m.token.name in _IN_MONTH or m.token.name == "recurk":
        return "thang", 1
    if m.token.name in AFTER_END:  # "… sau khi kết thúc quý": the cycle of the period named
        unit = (m.token.g("u") or "nam").replace(" ", "")
        return {"thang": ("thang", 1), "quy": ("thang", 3), "6thang": ("thang", 6),
                "sauthang": ("thang", 6)}.get(unit, ("nam", 1))
    unit, count = m.token.g("u") or "nam", number(m.token.g("n") or "1") or 1
    if m.token.g("n") == "nua":  # "nửa tháng một lần", "nửa năm một lần": every half of it
        return {"thang": ("nuathang", 1), "nam": ("thang", 6), "quy": ("nuathang", 3)}.get(unit, ("ngay", 3))
    if m.kind == "recurt":  # "2 lần/năm": count times in one unit
        return _times(unit, count)
    if unit == "quy":
        return "thang", 3 * count
    return unit or "nam", count


def _days(freq: tuple[str, int]) -> int:
    """About how many days a cycle lasts ("hằng quý" 91), to compare cycles with each other."""
    unit, count = freq
    return _PERIOD_DAYS[unit] * count


def _times(unit: str, times: int) -> tuple[str, int]:
    """The cycle of something done `times` times per `unit` ("2 lần/năm" is every 6 months)."""
    months = {"nam": 12, "quy": 3, "thang": 1}.get(unit)
    if unit == "thang" and times == 2:  # (not every other Sunday: the 15th and the last day)
        return ("nuathang", 1)
    if unit == "tuan" or (unit == "thang" and times > 1):
        weeks = 1 if unit == "tuan" else 4
        return ("tuan", weeks // times) if weeks >= times else ("ngay", max(1, 7 // times))
    assert months is not None
    if times <= 1 or months < times:
        return ("nam", 1) if months == 12 else ("thang", months)
    return ("thang", max(1, months // times))


def rule_of(recurs: list[Marker], specs: list[Chain], year: int) -> Rule | None:
    """The rule that recurrence words and the days beside them describe."""
    freqs = sorted((_freq(m) for m in recurs), key=_days)
    atoms = []
    for c in specs:
        fill(c, year)
        for a in c.atoms:
            _check(a)
        atoms.extend(_ends(c))
    mixed = _with_monthly_days(specs)
    if mixed:  # "trước ngày 20 hằng tháng; báo cáo năm trước 15/12": every 20th and 15 December
        return yearly_dates(mixed)
    days = tuple(sorted({a.n for a in atoms if a.unit == D0}))
    interval = freqs[0][1] if freqs and freqs[0][0] == "nam" else 1
    mq = [a.n for a in atoms if a.unit == MQ]
    pairs = [(a.m, a.n) for a in atoms if a.unit == DAY and a.m and not a.lunar] + _listed_months(specs)
    if mq:
        # (of the quarters named, if any: "Quý I, quý II hằng năm (trước ngày 15 tháng cuối quý)")
        quarters = sorted({a.n for a in atoms if a.unit == QUARTER and 1 <= a.n <= 4}) or [1, 2, 3, 4]
        months = tuple(sorted({(n - 1 + 3 * (q - 1)) % 12 + 1 for n in mq for q in quarters}))
        if pairs:  # "ngày 25 tháng cuối quý và 15/12": both kinds of day, one rule
            return yearly_dates([(m, d) for m in months for d in days or (-1,)] + pairs)
        return Rule("YEARLY", 1, months, days or (-1,))
    if pairs:
        return yearly_dates(pairs, interval)
    months = _months(specs)
    if months:
        return Rule("YEARLY", interval, months, days or _part_days(atoms))
    parts = {a.part for a in atoms if a.unit == YEAR and a.part}
    if len(parts) == 1 and freqs and freqs[0][0] == "nam":  # "đầu năm hằng năm": each quarter I
        part = parts.pop()
        _, which, count = part.split(":") if part.startswith("days:") else ("", part, "0")
        if which in ("dau", "giua", "cuoi"):  # ("trong 30 ngày đầu năm hằng năm": each 30 January)
            return _part_rule(freqs[0], which, int(count))
        if re.fullmatch(r"w[1-5l]", which) and freqs[0] == ("nam", 1):  # "tuần đầu năm hằng năm": 7 January
            return week_rule("nam", -1 if which == "wl" else int(which[1]))
    weekdays = tuple(sorted({a.n for a in atoms if a.unit == WEEKDAY} | _weekday_ranges(specs)))
    if weekdays:
        return Rule("WEEKLY", 1, weekdays=weekdays)
    if not freqs:
        return None
    in_month = [m for m in recurs if m.token.name in _IN_MONTH]
    if in_month:  # "thứ Hai đầu tiên của tháng", "ngày làm việc cuối cùng của năm"
        rule = month_rule(in_month[0].token)
        if days and rule.freq == "MONTHLY" and rule.days and not (rule.policy or rule.weekdays or rule.setpos):
            return Rule("MONTHLY", 1, days=days + rule.days)  # "ngày 15 và ngày cuối tháng hằng tháng": both
        return rule
    after = [m for m in recurs if m.token.name in AFTER_END]
    if after:
        return _after_end(after[0])
    if any(m.token.name == "recur" and m.token.g("w") for m in recurs):  # "mỗi ngày làm việc"
        return Rule("WEEKLY", 1, weekdays=(0, 1, 2, 3, 4))
    school = [m for m in recurs if m.token.name in ("recursh", "recursh2")]
    if school and not days:  # "hằng năm học", "cuối mỗi năm học", "đầu năm học hằng năm"
        return _school_rule(school[0].token.g("p"))
    parted = [m for m in recurs if m.token.name in ("recurp", "recurp2", "recurp3")]
    if parted and not days:  # "đầu mỗi năm", "cuối mỗi quý"
        return _part_rule(_freq(parted[0]), parted[0].token.g("p") or "cuoi", int(parted[0].token.g("c") or 0))
    return _default_rule(freqs[0], days)


def in_months_of(days: Chain, quarterly: Chain, year: int) -> Rule | None:
    """The rule of bare days ("ngày 15") in the months of each quarter that another chain named
    ("ngày 10 của tháng cuối quý")."""
    rule = rule_of([], [quarterly], year)
    if rule is None or rule.freq != "YEARLY" or not rule.months:
        return None
    fill(days, year)
    for a in days.atoms:
        _check(a)
    return Rule("YEARLY", 1, rule.months, tuple(sorted({a.n for a in days.atoms})))


def _weekday_ranges(specs: list[Chain]) -> set[int]:
    """Every weekday of a range of them ("hằng ngày (từ thứ Hai đến thứ Sáu)"): each falls due."""
    out: set[int] = set()
    for c in specs:
        for i, joint in enumerate(c.joints):
            first, last = c.atoms[i], c.atoms[i + 1]
            if joint == "range" and first.unit == WEEKDAY == last.unit and first.n <= last.n:
                out.update(range(first.n, last.n + 1))
    return out


def _ends(chain: Chain) -> list[Atom]:
    """The atoms a cycle falls due on: of a range ("từ 10/11 đến 10/12 hằng năm"), its end."""
    last = len(chain.atoms) - 1
    return [a for i, a in enumerate(chain.atoms) if i == last or chain.joints[i] != "range"]


def _with_monthly_days(specs: list[Chain]) -> list[tuple[int, int]]:
    """(month, day) of a year when days of each month stand beside days of another cycle; else []."""
    monthly = [c for c in specs if _monthly_days(c)]
    if not monthly or len(monthly) == len(specs):
        return []
    pairs = [(m, a.n) for c in monthly for a in c.atoms for m in range(1, 13)]
    for c in specs:
        if c in monthly:
            continue
        days = [a.n for a in c.atoms if a.unit == D0] or [-1]
        quarter = [(a.n - 1 + 3 * k) % 12 + 1 for a in c.atoms if a.unit == MQ for k in range(4)]
        dated = [(a.m, a.n) for a in c.atoms if a.unit == DAY and a.m and not a.lunar]
        if len(quarter) + len(dated) == 0 or any(a.unit not in (D0, MQ, DAY) or a.lunar for a in c.atoms):
            return []  # a cycle of another shape: left to the rules below
        pairs += [(m, d) for m in quarter for d in days] + dated
    return pairs


def _monthly_days(chain: Chain) -> bool:
    """Whether a chain is days of each month ("trước ngày 20 hằng tháng", "hằng tháng (ngày 25)")."""
    return all(a.unit == D0 for a in chain.atoms) and any(
        m.kind in RECUR_KINDS and _freq(m) == ("thang", 1) for m in chain.prefixes + chain.suffixes)


def _after_end(m: Marker) -> Rule:
    """ "Trong 10 ngày sau khi kết thúc quý": the 10th of the month after each quarter; with
    working days, each quarter's last day and so many working days after it (the planner counts
    them on the real calendar: no RRULE can); so many days that no rule of days can say (60 after
    31/12 is 1/3, or 29/2), each period's end and `days_after`."""
    unit, months = _freq(m)
    n = int(m.token.g("n") or 0)
    base = _default_rule((unit, months), ())
    half = m.token.g("p")
    if half:  # "… kết thúc 6 tháng đầu năm": that half only, once a year
        base = Rule("YEARLY", 1, (6,) if half == "dau" else (12,), (-1,))
    if m.token.g("w"):
        base.workdays_after = n
        return base
    if unit == "thang" and months == 1 and 1 <= n <= 28:
        return Rule("MONTHLY", 1, days=(n,))
    # each period's last day and n days on, before a common and before a leap February: a rule
    # of those days when both agree (30 days after 31/12 is 30/1 in any year), else the period's
    # ends and the days after them (60 days after 31/12 is 1/3, or 29/2 in a leap year)
    found = [sorted(_plus_days(year, base.months or (12,), n)) for year in (2002, 2003)]
    if (unit != "thang" or months != 1) and found[0] == found[1]:
        return yearly_dates(found[0])
    base.days_after = n
    return base


def _plus_days(year: int, months: tuple[int, ...], n: int) -> list[tuple[int, int]]:
    """(month, day) n days after the last day of each month given, in a year."""
    ends = [dt.date(year, m, calendar.monthrange(year, m)[1]) + dt.timedelta(days=n) for m in months]
    return [(d.month, d.day) for d in ends]


def _check(a: Atom) -> None:
    """A day or month of a cycle must exist in some year ("30/2 hằng năm" does not)."""
    month = a.m if a.unit == DAY else a.n if a.unit == MONTH else None
    if month is not None and not 1 <= month <= 12:
        raise AtomError(f"không có tháng {month}", a.start, a.end)
    if a.unit == DAY and not a.lunar and month is not None and not 1 <= a.n <= calendar.monthrange(2000, month)[1]:
        raise AtomError(f"tháng {month} không có ngày {a.n}", a.start, a.end)
    if a.unit == D0 and not 1 <= a.n <= 31:
        raise AtomError(f"không có ngày {a.n}", a.start, a.end)


def _part_rule(freq: tuple[str, int], part: str, days: int = 0) -> Rule:
    """A cycle due at the end of a part of its period: "đầu mỗi năm" by 31/3 (quarter I); "15
    ngày đầu tháng" by the 15th."""
    unit, n = freq
    if days and part == "dau" and unit == "thang" and n == 1:
        return Rule("MONTHLY", 1, days=(days if days < 28 else -1,))
    if days and part == "dau" and unit in ("thang", "nam"):  # (each quarter's, each year's first days)
        firsts = (1,) if unit == "nam" else tuple(range(1, 13, n))
        ends = [dt.date(2001, m, 1) + dt.timedelta(days=days - 1) for m in firsts]
        if all(d.year == 2001 for d in ends):
            return yearly_dates([(d.month, d.day) for d in ends], n if unit == "nam" else 1)
    third = {"dau": 0, "giua": 1}.get(part, 2)
    if unit == "nam":
        return Rule("YEARLY", n, ((3,), (9,), (12,))[third], ((31,), (30,), (31,))[third])
    if unit == "thang" and n == 3:
        return Rule("YEARLY", 1, tuple(range(1 + third, 13, 3)), (-1,))
    return Rule("MONTHLY", n, days=((10,), (20,), (-1,))[third])


def _school_rule(part: str | None) -> Rule:
    """A school-year cycle: due at the end of each school year (31 May), or of its first, middle
    or last three months, as "đầu/giữa/cuối năm học 2025-2026" are."""
    month, day = {"dau": (11, 30), "giua": (2, -1)}.get(part or "", (5, 31))
    return Rule("YEARLY", 1, (month,), (day,))


def _listed_months(specs: list[Chain]) -> list[tuple[int, int]]:
    """Months listed after a day share it: "ngày 20 tháng 6 và tháng 12" is 20/6 and 20/12."""
    out = []
    for c in specs:
        day = None
        for a in c.atoms:
            if a.unit == DAY and not a.lunar:
                day = a.n
            elif a.unit == MONTH and day is not None:
                out.append((a.n, day))
    return out


# the last day of a part of a month ("đầu tháng 6 hằng năm" falls due on 10 June)
_PART_END = {"dau": 10, "giua": 20, "cuoi": -1, "w1": 7, "w2": 14, "w3": 21, "w4": 28, "h1": 15, "h2": -1}


def _part_days(atoms: list[Atom]) -> tuple[int, ...]:
    """The day a cycle of months falls due on: the end of the part they share, else the last."""
    months = [a for a in atoms if a.unit == MONTH]
    parts = {a.part for a in months}
    if len(parts) == 2 and months[0].part and all(a.part is None for a in months[1:]):
        parts = {months[0].part}  # "đầu tháng 6, tháng 12 hằng năm": the part is each month's
    if len(parts) == 1:
        part = parts.pop() or ""
        if part.startswith("days:dau:"):  # "15 ngày đầu tháng 7 hằng năm": 15 July
            n = int(part.rsplit(":", 1)[1])
            return (n if n < 28 else -1,)  # (nearly the whole month: its end, which every month has)
        return (_PART_END.get(part, -1),)
    return (-1,)


def _months(specs: list[Chain]) -> tuple[int, ...]:
    """Month ends named in a cycle: a month, a quarter's last month, a half; a range's end."""
    out: set[int] = set()
    for c in specs:
        for a in _ends(c):
            if a.unit == MONTH:
                out.add(a.n)
            elif a.unit == QUARTER:
                out.add(3 * a.n)
            elif a.unit == HALF:
                out.add(12 if a.half == "cuoi" else a.n)
    return tuple(sorted(m for m in out if 1 <= m <= 12))


def _default_rule(freq: tuple[str, int], days: tuple[int, ...]) -> Rule:
    """A cycle with no day named falls on the last day of its period."""
    unit, n = freq
    if unit == "ngay":
        return Rule("DAILY", n)
    if unit == "nuathang":
        return Rule("MONTHLY", n, days=days or (15, -1))
    if unit == "tuan":
        return Rule("WEEKLY", n, weekdays=(6,))
    if unit == "nam":
        return Rule("YEARLY", n, (12,), days or (31,))
    if n == 1:
        return Rule("MONTHLY", 1, days=days or (-1,))
    if 12 % n == 0:
        return Rule("YEARLY", 1, tuple(range(n, 13, n)), days or (-1,))
    return Rule("MONTHLY", n, days=days or (-1,))


def _in_years(text: str, rule: Rule, years: list[int], context_year: int) -> Period:
    """A cycle of several years with the years written out ("03 năm/lần (năm 2026, 2029)"): its
    day in each of them, not counted from the plan's year."""
    dues: list[dt.date] = []
    for y in years:  # every day of the rule in each of those years, counted from that year
        day = rule.first(y, dt.date(y, 1, 1))
        while day is not None and day.year == y:
            dues.append(day)
            day = rule.first(y, day + dt.timedelta(days=1))
    return Period("recurring", text, context_year, None, dues[0] if dues else None, None,
                  "các năm " + ", ".join(map(str, years)), dates=tuple(dues))


def _whole_year(chain: Chain) -> bool:
    """Whether a chain is only whole years ("năm 2025", not "đầu năm 2025")."""
    return all(a.unit == YEAR and not a.part for a in chain.atoms)


def _after_cycle(chain: Chain) -> bool:
    """A dated time right after its cycle word ("hằng ngày trong tháng 9/2025"), not one in
    another clause ("hằng tháng báo cáo; kiểm tra trong quý III")."""
    return not chain.yearless() and any(m.kind in RECUR_KINDS for m in chain.prefixes)


def recurring(text: str, rule: Rule, others: list[Chain], year: int,
               since: dt.date | None = None, moved: tuple[tuple[dt.date, dt.date], ...] = ()) -> Period:
    """A recurring Period; dated chains beside it bound it ("từ năm 2020", "đến năm 2025"); the days
    `moved` one year only are moved."""
    start = since
    for c in others:
        if c.cited or c.after_horizon:
            continue
        r = read(c, year)
        if r.kind == "continuous":
            start = r.start
        elif r.kind == "window" and r.start and r.due and (r.start.year != r.due.year or (
                (rule.freq != "YEARLY" or len(rule.months) > 1)
                and (c.has("tu") or _after_cycle(c) or (c.in_parens and _whole_year(c))
                     or ("range" in c.joints and any(a.explicit_year for a in c.atoms))))):
            # "giai đoạn 2021-2025", "hằng tháng, từ tháng 3 đến tháng 10", "hằng ngày trong tháng 9/2025",
            # "hằng quý năm 2025", "hằng quý (năm 2025)", "Tháng 01/2026 - Tháng 12/2026 (hằng tháng)"
            start, rule.until = r.start, r.due
            if rule.freq == "YEARLY" and rule.interval > 1:  # "Giai đoạn 2026-2030 (định kỳ 02 năm/lần)":
                years = list(range(r.start.year, r.due.year + 1, rule.interval))  # counted from its first year
                return _in_years(text, replace(rule, interval=1, until=None), years, year)
        elif r.kind == "deadline" and (c.has("den") or c.has("by")):
            rule.until = r.due
        elif r.dates and rule.freq == "YEARLY" and rule.interval > 1:
            return _in_years(text, rule, sorted({d.year for d in r.dates}), year)
    lower = max(dt.date(year, 1, 1), start) if start else dt.date(year, 1, 1)
    after = dt.timedelta(days=rule.days_after)
    base = rule.first(year, lower - after)  # "90 ngày kể từ ngày kết thúc năm": due 31/3 this year
    while base is not None and base in {old for old, _ in moved}:
        base = rule.first(year, base + dt.timedelta(days=1))
    due = min(([base + after] if base else []) + [new for _, new in moved if new >= lower], default=None)
    label = rule.describe() + "".join(f"; riêng năm {old.year} vào ngày {new:%d/%m/%Y}" for old, new in moved)
    return Period("recurring", text, year, start, due, rule.text(), label, policy=rule.policy,
                  workdays_after=rule.workdays_after, days_after=rule.days_after, moved=moved)
