"""What one chain of atoms means: its dates, read with the words around it ("trước", "đến hết")."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass, replace

from dateutil.relativedelta import relativedelta

from bot.periods.atoms import D0, DAY, MONTH, MQ, NOW, WEEKDAY, YEAR, Atom, AtomError, spoken
from bot.periods.grammar import Chain
from bot.periods.recur import Rule, yearly_dates
from bot.periods.weeks import policy_of, workdays_of


@dataclass(slots=True)
class Reading:
    """What one chain means."""

    kind: str
    start: dt.date | None
    due: dt.date | None
    label: str
    dates: tuple[dt.date, ...] = ()
    rule: Rule | None = None
    time: dt.time | None = None
    policy: str | None = None  # a working-day policy the text asks for (see Period.policy)
    workdays_after: int = 0  # so many working days after `due` (see Period.workdays_after)


_YEARLESS = frozenset({NOW, MQ, WEEKDAY, D0})


def fill(chain: Chain, context_year: int) -> None:
    """Give each atom the year and month it lacks, from its neighbours or the plan's year."""
    atoms = chain.atoms
    if len(atoms) == 1:
        a = atoms[0]
        if a.y is None and a.unit not in _YEARLESS:
            a.y = context_year
        return
    for a, b in itertools.pairwise(atoms):
        # "8-12/2025", "5, 6/2025": a bare number beside a month is a month too
        if a.unit == D0 and a.weak and b.unit == MONTH and not b.lunar and 1 <= a.n <= 12:
            a.unit = MONTH
    after = [*chain.joints[1:], ""]  # the joint after each atom's right neighbour
    for a, b, joint, then in zip(atoms, atoms[1:], chain.joints, after, strict=False):
        # "ngày 20 tháng 6 và tháng 12": a month listed after a day shares its day (not one that
        # starts a range: "ngày 15/6 và tháng 7 - tháng 8")
        if (a.unit == DAY and a.m is not None and b.unit == MONTH and joint == "list" and then != "range"
                and not (a.lunar or b.lunar or b.part)):
            b.unit, b.m, b.n = DAY, b.n, a.n
    if any(a.m is None and (a.unit == D0 or a.unit == DAY) for a in atoms):
        months = _nearest(atoms, [b.m is not None and b.unit == DAY for b in atoms])
        # (not a day of each quarter: "ngày 25 tháng cuối quý và 15/12" is no 25 December)
        of_quarter = [i + 1 < len(atoms) and atoms[i + 1].unit == MQ for i in range(len(atoms))]
        for a, src, quarterly in zip(atoms, months, of_quarter, strict=True):
            if a.m is None and (a.unit == D0 or a.unit == DAY) and src is not None and not quarterly:
                a.unit, a.m, a.lunar = DAY, src.m, src.lunar
    if any(a.y is None and a.unit not in _YEARLESS for a in atoms):
        years = _nearest(atoms, [b.y is not None for b in atoms])
        for a, src in zip(atoms, years, strict=True):
            if a.y is None and a.unit not in _YEARLESS:
                a.y = src.y if src is not None else context_year


def _nearest(atoms: list[Atom], has: list[bool]) -> list[Atom | None]:
    """For each atom, the nearest atom after it, else before it, that has what it lacks
    (`has[i]` for atom i; two passes: a long list of months must not cost its square)."""
    after: list[Atom | None] = [None] * len(atoms)
    for i in range(len(atoms) - 2, -1, -1):
        after[i] = atoms[i + 1] if has[i + 1] else after[i + 1]
    out, before = [], None
    for a, later, a_has in zip(atoms, after, has, strict=True):
        out.append(later or before)
        if a_has:
            before = a
    return out


def read(chain: Chain, context_year: int) -> Reading:
    """The dates one chain means; raises AtomError for an impossible one."""
    fill(chain, context_year)
    atoms = [a for a in chain.atoms if a.unit != NOW]
    from_now = len(atoms) < len(chain.atoms)
    if not atoms:
        raise AtomError("không đủ để thành một thời hạn", chain.atoms[0].start, chain.atoms[0].end)
    spans = [a.span() for a in atoms]
    joints = chain.joints if not from_now else ["range"] * (len(atoms) - 1)
    if len(atoms) > 1 and "range" in joints and spans[0][0] > spans[-1][1]:
        last = atoms[-1]
        if atoms[0].explicit_year and not last.explicit_year and last.y is not None:
            last.y += 1  # "tháng 10/2026 - tháng 3": the March after it
            spans[-1] = last.span()
        else:
            spans[0] = _shift_back(atoms[0], spans, chain)
    eves = sorted(s for a, (s, _) in zip(atoms, spans, strict=True) if a.part == "eve")
    if eves and len(atoms) > 1 and "range" not in joints:
        spans = _ended_by_eve(eves, spans)
    if chain.offset:
        return _offset(chain, atoms[0], spans[0])
    reading = _meaning(chain, atoms, spans, joints, from_now, context_year)
    if reading.kind == "window" and reading.start and reading.due and reading.start > reading.due:
        # "Tháng 01 năm sau đến Quý IV/2018": even a year back, the range runs backwards
        raise AtomError("thời gian bắt đầu nằm sau thời gian kết thúc", chain.atoms[0].start, chain.atoms[-1].end)
    policy = policy_of(atoms)  # "ngày làm việc cuối cùng của tháng 9/2023"
    if policy and reading.kind == "deadline":  # (and "ngày làm việc thứ 5 của tháng 7/2025": 4 more)
        return replace(reading, policy=policy, workdays_after=workdays_of(atoms))
    if reading.due is not None and reading.due in eves:
        # "trước Tết": done before the holiday, so a day off moves it back, never past the holiday
        return replace(reading, policy="previous_working_day")
    return reading


def _offset(chain: Chain, atom: Atom, span: tuple[dt.date, dt.date]) -> Reading:
    """So many days before or after one time: "trước Tết Nguyên đán 15 ngày" is due 15 days before
    its first day (a day off moves it back), "sau Tết 10 ngày" 10 days after its last."""
    days, label, eve = dt.timedelta(days=chain.offset), atom.label(), atom.part == "eve"
    if eve or chain.has("truoc"):  # ("trước Tết": the eve is its span; the holiday is the day after)
        holiday = span[0] + dt.timedelta(days=1 if eve else 0)
        return Reading("deadline", None, holiday - days, f"{chain.offset} ngày trước {label.removeprefix('trước ')}",
                       policy="previous_working_day")
    return Reading("deadline", None, span[1] + days, f"{chain.offset} ngày sau {label}")


_WEEK_RANGE = re.compile(r"w\d-\d")


def _meaning(chain: Chain, atoms: list[Atom], spans: list[tuple[dt.date, dt.date]], joints: list[str],
             from_now: bool, context_year: int) -> Reading:
    """What the chain's atoms mean, given the words before and after them."""
    label = _chain_label(atoms, joints)
    time = next((a.time for a in atoms if a.time), None)
    if joints and all(j == "range" for j in joints):  # "từ tháng 7 đến hết năm 2022"
        start, end = spans[0][0], spans[-1][1]
        time = atoms[-1].time  # (the end's: "từ 8h00 ngày 01/3 đến 17h00 ngày 15/3/2026" is due at 17:00)
    else:
        start, end = min(s for s, _ in spans), max(e for _, e in spans)
    if from_now and chain.atoms[-1].unit == NOW and chain.atoms[0].unit != NOW:
        return Reading("continuous", start, None, f"từ {label} đến nay")  # "từ năm 2018 đến nay"
    # one time, also a named span written as its first and last days ("năm học 2025-2026", "hè 2025")
    one = len(atoms) == 1 or (len(atoms) == 2 and atoms[0].named != "" and atoms[0].named == atoms[1].named)
    # "từ tuần 2 đến tuần 4 tháng 8": one atom that is itself a range of weeks
    one = one and not _WEEK_RANGE.fullmatch(atoms[0].part or "")
    if chain.has("after") and one and not chain.kinds & {"truoc", "in"}:
        return Reading("continuous", end + dt.timedelta(days=1), None, f"sau {label}")  # "sau tháng 9/2021"
    if chain.has("truoc") and one:
        if start == end:  # a day ("trước ngày 30/6", "trước thứ Hai đầu tiên của tháng 3")
            return Reading("deadline", None, end, f"trước {label}", time=time)
        return Reading("deadline", None, start - dt.timedelta(days=1), f"trước {label}")
    if from_now or any(chain.has(k) for k in ("by", "den")):
        word = "đến hết" if chain.has("den") or from_now else "chậm nhất"
        word = "đến" if word == "đến hết" and label.startswith(("đầu ", "giữa ", "cuối ")) else word
        return Reading("deadline", None, end, f"{word} {label}", time=time)
    counted = _counted(chain, end, label, time) if chain.has("tu") and one and start == end else None
    if counted is not None:  # "trong 30 ngày kể từ ngày 01/7/2025": from a day, not an event
        return counted
    if any(m.kind == "trodi" for m in chain.suffixes) or (chain.has("tu") and one):
        return Reading("continuous", start, None, label if label.startswith("từ ") else f"từ {label}")
    if len(atoms) > 1 and "range" not in joints and (not contiguous(spans) or ends_inside(spans)):
        return listed(spans, label, context_year, time)
    if start == end:
        return Reading("deadline", None, end, label, time=time)
    return Reading("window", start, end, label, time=time)


_WORKING = re.compile(r"lam\s*viec\b")


def _counted(chain: Chain, day: dt.date, label: str, time: dt.time | None) -> Reading | None:
    """A time counted from a day written out: Bộ luật Dân sự 2015, Điều 147-148, counts from the
    day after it and ends on the last day of the time (a month's on the same day of its last month);
    working days are counted by the planner on the real calendar."""
    dur = next((m for m in chain.prefixes if m.kind == "dur"), None)
    if dur is None:
        return None
    n, unit = spoken(dur.token.g("n") or ""), (dur.token.g("u") or "").replace(" ", "")
    if n <= 0:
        return None
    after = dur.token.text.startswith("sau")  # ("sau 30 ngày kể từ …": when it may start)
    if unit == "ngay" and _WORKING.search(dur.token.text):
        if after:
            return None  # (working days are the planner's to count: only the start is known here)
        return Reading("deadline", None, day, f"trong {n} ngày làm việc kể từ {label}", time=time, workdays_after=n)
    word, step = _STEPS.get(unit, _STEPS["ngay"])
    if after:  # (from the day after the time ends, as "sau tháng 9" goes on from 1 October)
        return Reading("continuous", day + step * n + relativedelta(days=1), None, f"sau {n} {word} kể từ {label}")
    return Reading("deadline", None, day + step * n, f"trong {n} {word} kể từ {label}", time=time)


_STEPS = {"ngay": ("ngày", relativedelta(days=1)), "tuan": ("tuần", relativedelta(weeks=1)),
          "thang": ("tháng", relativedelta(months=1)), "nam": ("năm", relativedelta(years=1))}


def _ended_by_eve(eves: list[dt.date], spans: list[tuple[dt.date, dt.date]]) -> list[tuple[dt.date, dt.date]]:
    """ "Quý I/2026, trước Tết": the eve of Tết (sorted `eves`) is a hard date and ends the period
    it falls in, as it does written in parentheses."""
    return [(start, next((e for e in eves if start <= e < end), end)) for start, end in spans]


def _shift_back(atom: Atom, spans: list[tuple[dt.date, dt.date]], chain: Chain) -> tuple[dt.date, dt.date]:
    """A range written 'tháng 10 - tháng 3/2020' starts in the year before."""
    if atom.explicit_year or atom.y is None:
        last = chain.atoms[-1]
        # ("từ tháng 10/2026 đến tháng 3/2026": the end's year was most likely meant one later)
        guess = (f"; có phải là đến {replace(last, y=last.y + 1).label()}?"
                 if last.y is not None and last.y == atom.y and last.unit != YEAR else "")
        raise AtomError("thời gian bắt đầu nằm sau thời gian kết thúc" + guess, chain.atoms[0].start, last.end)
    atom.y -= 1
    return atom.span()


def contiguous(spans: list[tuple[dt.date, dt.date]]) -> bool:
    """Whether periods leave no day out between them ("tháng 8; tháng 9"), taken in order."""
    ordered = sorted(spans)
    return all(b[0] <= a[1] + dt.timedelta(days=1) for a, b in itertools.pairwise(ordered))


def ends_inside(spans: list[tuple[dt.date, dt.date]]) -> bool:
    """Whether a period listed ends inside another ("6 tháng đầu năm và cả năm": each report falls
    due; "tháng 8 và 8 tháng" end together and are one span)."""
    latest = dt.date.min  # (taken by start, the longer first: one that ends before the latest is inside it)
    for _, end in sorted(spans, key=lambda s: (s[0], -s[1].toordinal())):
        if end < latest:
            return True
        latest = max(latest, end)
    return False


def listed(spans: list[tuple[dt.date, dt.date]], label: str, year: int,
            time: dt.time | None) -> Reading:
    """Separate dates written as one list ("tháng 6 và tháng 12/2019"): each is due."""
    dues = tuple(sorted({e for _, e in spans}))
    rule = None
    # (a rule needs the dates in the plan's year, and 29 February only fits its own year)
    if all(d.year == year for d in dues) and not any((d.month, d.day) == (2, 29) for d in dues):
        month_ends = all((d + dt.timedelta(days=1)).day == 1 for d in dues)
        rule = yearly_dates([(d.month, -1 if month_ends else d.day) for d in dues])
        rule.until = dues[-1]
    return Reading("recurring", None, dues[0], label, dues, rule, time)


def _chain_label(atoms: list[Atom], joints: list[str]) -> str:
    labels, kept = [], []
    for i, a in enumerate(atoms):
        if i and a.named and a.named == atoms[i - 1].named:
            continue  # the rest of a named span: "năm học 2020-2021", not its first and last days
        labels.append(a.named or a.label())
        kept += joints[i - 1:i]
    if len(labels) == 1:
        return labels[0]
    if all(j == "range" for j in kept):
        return f"từ {labels[0]} đến {labels[-1]}"
    return ", ".join(labels[:-1]) + " và " + labels[-1]


# "Quý III các năm 2026 - 2030", "trước ngày 31/3 các năm 2026, 2027": between the time and the years
_EACH_YEAR = re.compile(r"[\s,]*(?:(?:trong|vao|cua)\s*)?(?:cac|moi|nhung)\s*")
_MOST_YEARS = 50  # a longer run of years is a mistake, not a schedule


def each_year(time: Chain, years: Chain, folded: str, context_year: int) -> Reading | None:
    """A time with no year, then "các năm" and years: that time in each of them, each falling due."""
    if (not time.yearless() or time.kinds & {"tu", "after"} or any(a.unit == YEAR for a in time.atoms)
            or not all(a.unit == YEAR and a.explicit_year and not a.part for a in years.atoms)
            or not _EACH_YEAR.fullmatch(folded, time.end, years.start)):
        return None
    numbers = [a.y or 0 for a in years.atoms]
    listed_years: list[int] = [numbers[0]]
    for joint, y in zip(years.joints, numbers[1:], strict=False):
        listed_years += range(listed_years[-1] + 1, y + 1) if joint == "range" else [y]
    if len(listed_years) > _MOST_YEARS:
        return None
    if len(listed_years) == 1:  # "Quý IV các năm 2025": one time
        return read(time, listed_years[0])
    readings = [read(replace(time, atoms=[replace(a) for a in time.atoms]), y) for y in listed_years]
    if any(r.due is None for r in readings):
        return None
    # (the chain's own atoms have no year: each reading filled a copy)
    label = f"{_chain_label(time.atoms, time.joints)} các năm " + ", ".join(map(str, listed_years))
    spans = [(d, d) for r in readings for d in r.dates] or [(r.start or r.due, r.due) for r in readings if r.due]
    return listed(spans, label, context_year, readings[0].time)
