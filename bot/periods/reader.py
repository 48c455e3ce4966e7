"""`parse` a whole time cell into one Period; `find_periods` lists the deadlines of a sentence."""

from __future__ import annotations

import datetime as dt
import re

from bot.periods.atoms import D0, DAY, HALF, MONTH, MQ, QUARTER, WEEKDAY, AtomError
from bot.periods.grammar import RECUR_KINDS, Analysis, Chain, Marker, Reading, analyse, fill, read
from bot.periods.model import Milestone, Period, PeriodError
from bot.periods.recur import Rule, yearly_dates
from bot.periods.text import Folded, fold

_EVENT = frozenset({"strong", "dur"})
_STRIP = " \t\r\n,;:.+-*•–()"
_LEADING_JOINS = re.compile(r"^(?:và|hoặc|đồng thời|sau đó|rồi)\s+", re.IGNORECASE)
_LEADS = frozenset({"in", "truoc", "by", "den", "tu", "phase"})  # time words that lead to a date
_PERIOD_DAYS = {"ngay": 1, "tuan": 7, "thang": 30, "quy": 91, "nam": 365}


def parse(text: str, *, context_year: int) -> Period:
    """Read one time text ("Quý II/2018", "Trước ngày 30/6 và 30/11 hàng năm") into a Period."""
    folded = fold(text)
    if not folded.text.strip():
        raise PeriodError("chưa ghi thời gian thực hiện", text, 0, len(text))
    try:
        return _decide(text, folded, analyse(folded.text, context_year), context_year)
    except AtomError as e:
        n = len(text)
        raise PeriodError(e.hint, text, folded.to_original(e.start, n),
                          folded.to_original(e.end, n)) from None
    except RecursionError:  # pragma: no cover - absurdly nested input
        raise PeriodError("văn bản quá phức tạp để đọc thời gian", text, 0, len(text)) from None


def _decide(text: str, folded: Folded, an: Analysis, year: int) -> Period:
    live = [c for c in an.chains if not c.cited]
    chains = [c for c in live if not c.idle()]
    markers = an.markers
    first = chains[0].start if chains else len(folded.text)
    if any(m.kind in _EVENT and m.start < first for m in markers):
        return Period("event", text, year, label=_event_label(text, folded, markers),
                      hint=_hint(text, chains, year))
    recurs = [m for m in markers if m.kind in RECUR_KINDS]
    specs = [c for c in live if _is_spec(c)]
    if recurs or specs:
        rule = _rule(recurs, specs, year)
        if rule is not None:
            return _recurring(text, rule, [c for c in chains if c not in specs], year)
    kinds = {m.kind for m in markers}
    if not chains:
        if kinds & {"cont", "periodic"}:
            return Period("continuous", text, year, label="thường xuyên")
        if kinds & {"weak", "strong", "dur"}:
            return Period("event", text, year, label=_event_label(text, folded, markers))
        raise PeriodError(
            "không thấy thời gian nào (ví dụ đúng: “Quý II/2018”, “Tháng 6/2018”, “30/9/2018”)",
            text, 0, len(text))
    readings = [read(c, year) for c in _relevant(chains)]
    return _period(text, year, _combine(readings))


def _relevant(chains: list[Chain]) -> list[Chain]:
    """Drop the horizon ("tầm nhìn đến 2030") and the planned date beside a hard one."""
    kept = [c for c in chains if not c.after_horizon] or chains
    hard = [c for c in kept if c.has("by")]
    if hard and any(c.has("dukien") for c in kept):
        kept = [c for c in kept if not c.has("dukien")]
    return kept


def _combine(readings: list[Reading]) -> Reading:
    """Several readings in one cell: from the first start to the last due."""
    if len(readings) == 1:
        return readings[0]
    first, last = readings[0], readings[-1]
    label = "; ".join(r.label for r in readings)
    if last.due is None:
        return Reading("continuous", last.start, None, label)
    dues = [r.due for r in readings if r.due is not None]
    due = max(dues)
    start = first.start
    if start is None or start > due:
        return Reading("deadline", None, due, label, time=last.time)
    return Reading("window", start, due, label, time=last.time)


def _period(text: str, year: int, r: Reading) -> Period:
    rrule = r.rule.text() if r.rule else None
    return Period(r.kind, text, year, r.start, r.due, rrule, r.label, time=r.time,  # type: ignore[arg-type]
                  dates=r.dates)


def _hint(text: str, chains: list[Chain], year: int) -> Period | None:
    """The date an event mentions ("(trong tháng 7/2018)"), kept as a hint."""
    try:
        readings = [read(c, year) for c in chains]
    except AtomError:
        return None
    return _period(text, year, _combine(readings)) if readings else None


def _event_label(text: str, folded: Folded, markers: list[Marker]) -> str:
    """The words naming the event, from its first marker to the end of the clause."""
    first = next(m for m in markers if m.kind in ("strong", "dur", "weak"))
    words = text[folded.to_original(first.start, len(text)):]
    words = re.split(r"[;.\n]", words, maxsplit=1)[0].strip()
    return words if len(words) <= 80 else words[:79].rstrip() + "…"


# --- recurring duties --------------------------------------------------------------------

def _is_spec(chain: Chain) -> bool:
    """Whether a chain names days of a cycle ("30/6 và 30/11 hằng năm", "tháng cuối quý")."""
    if any(a.unit == MQ for a in chain.atoms):
        return True
    if not chain.yearless():
        return False
    near = chain.prefixes + chain.suffixes
    return any(m.kind in RECUR_KINDS for m in near)


def _freq(m: Marker) -> tuple[str, int]:
    """(unit, count) of a recurrence word: 'hằng quý' is ('thang', 3)."""
    unit, count = m.token.g("u") or "nam", int(m.token.g("n") or 1) or 1
    if unit == "quy":
        return "thang", 3 * count
    return unit or "nam", count


def _rule(recurs: list[Marker], specs: list[Chain], year: int) -> Rule | None:
    """The rule that recurrence words and the days beside them describe."""
    freqs = sorted((_freq(m) for m in recurs), key=lambda f: _PERIOD_DAYS[f[0]] * f[1])
    atoms = []
    for c in specs:
        fill(c, year)
        atoms.extend(c.atoms)
    days = tuple(sorted({a.n for a in atoms if a.unit == D0}))
    interval = freqs[0][1] if freqs and freqs[0][0] == "nam" else 1
    mq = [a.n for a in atoms if a.unit == MQ]
    if mq:
        months = tuple(sorted({(n - 1 + 3 * k) % 12 + 1 for n in mq for k in range(4)}))
        return Rule("YEARLY", 1, months, days or (-1,))
    pairs = [(a.m, a.n) for a in atoms if a.unit == DAY and a.m and not a.lunar]
    if pairs:
        return yearly_dates(pairs, interval)
    months = _months(specs)
    if months:
        return Rule("YEARLY", interval, months, days or (-1,))
    weekdays = tuple(sorted({a.n for a in atoms if a.unit == WEEKDAY}))
    if weekdays:
        return Rule("WEEKLY", 1, weekdays=weekdays)
    if not freqs:
        return None
    return _default_rule(freqs[0], days)


def _months(specs: list[Chain]) -> tuple[int, ...]:
    """Month ends named in a cycle: a month, a quarter's last month, a half; a range's end."""
    out: set[int] = set()
    for c in specs:
        atoms = c.atoms if "range" not in c.joints else c.atoms[-1:]
        for a in atoms:
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
    if unit == "tuan":
        return Rule("WEEKLY", n, weekdays=(6,))
    if unit == "nam":
        return Rule("YEARLY", n, (12,), days or (31,))
    if n == 1:
        return Rule("MONTHLY", 1, days=days or (-1,))
    if 12 % n == 0:
        return Rule("YEARLY", 1, tuple(range(n, 13, n)), days or (-1,))
    return Rule("MONTHLY", n, days=days or (-1,))


def _recurring(text: str, rule: Rule, others: list[Chain], year: int) -> Period:
    """A recurring Period; dated chains beside it bound it ("từ năm 2020", "đến năm 2025")."""
    start: dt.date | None = None
    for c in others:
        if c.cited or c.after_horizon:
            continue
        r = read(c, year)
        if r.kind == "continuous":
            start = r.start
        elif r.kind == "window" and r.start and r.due and r.start.year != r.due.year:
            start, rule.until = r.start, r.due  # "giai đoạn 2021-2025"
        elif r.kind == "deadline" and (c.has("den") or c.has("by")):
            rule.until = r.due
    lower = max(dt.date(year, 1, 1), start) if start else dt.date(year, 1, 1)
    due = rule.first(year, lower)
    return Period("recurring", text, year, start, due, rule.text(), rule.describe())


# --- milestones in a sentence ------------------------------------------------------------

def find_periods(text: str, *, context_year: int) -> list[Milestone]:
    """Every deadline in a sentence, in reading order, with the words saying what is due."""
    folded = fold(text)
    try:
        an = analyse(folded.text, context_year)
        found = _milestones(text, folded, an, context_year)
    except AtomError as e:
        n = len(text)
        raise PeriodError(e.hint, text, folded.to_original(e.start, n),
                          folded.to_original(e.end, n)) from None
    return _with_actions(text, folded, an, found)


def _milestones(text: str, folded: Folded, an: Analysis, year: int) -> list[tuple[int, int, Period]]:
    """(start, end, period) in folded positions for each deadline."""
    out: list[tuple[int, int, Period]] = []
    used: set[int] = set()
    clause_starts = [0] + [m.end for m in an.markers if m.kind == "brk"]
    for c in an.chains:
        if c.cited or c.after_event or c.after_horizon or _weak(c, clause_starts, folded.text):
            continue
        spec = _is_spec(c)
        if not spec and c.idle():
            continue
        if spec:
            near = [m for m in c.prefixes + c.suffixes if m.kind in RECUR_KINDS]
            used.update(id(m) for m in near)
            rule = _rule(near, [c], year)
            if rule is None:
                continue
            s, e = c.start, c.end
            period = _recurring(text[_o(folded, s, text):_o(folded, e, text)], rule, [], year)
        else:
            s, e = c.start, c.end
            period = _period(text[_o(folded, s, text):_o(folded, e, text)], year, read(c, year))
        out.append((s, e, period))
    loose = [m for m in an.markers
             if m.kind in RECUR_KINDS and id(m) not in used and not _after_event(m, an.markers)]
    for group in _cycle_lists(loose, folded.text):
        rule = _rule(group, [], year)
        if rule is not None:
            s, e = group[0].start, group[-1].end
            snippet = text[_o(folded, s, text):_o(folded, e, text)]
            out.append((s, e, _recurring(snippet, rule, [], year)))
    out.sort(key=lambda x: x[0])
    return [x for x in out if x[2].due is not None]


_CYCLE_GAP = re.compile(r"(?:[\s,;/]|\bva\b|\bhoac\b|\d+\s*thang\b)*")


def _cycle_lists(markers: list[Marker], folded: str) -> list[list[Marker]]:
    """Cycles written as one list ("hàng quý, 6 tháng và hàng năm") grouped together."""
    groups: list[list[Marker]] = []
    for m in markers:
        if groups and _CYCLE_GAP.fullmatch(folded, groups[-1][-1].end, m.start):
            groups[-1].append(m)
        else:
            groups.append([m])
    return groups


def _o(folded: Folded, i: int, text: str) -> int:
    return folded.to_original(i, len(text))


def _weak(c: Chain, clause_starts: list[int], folded: str) -> bool:
    """A bare year ("2016-2020") counts only after a time word or at the start of a clause."""
    if not all(a.weak for a in c.atoms) or c.kinds & _LEADS:
        return False
    start = max(s for s in clause_starts if s <= c.start)
    return folded[start:c.start].strip(" \t\n-+*:") != ""


def _after_event(m: Marker, markers: list[Marker]) -> bool:
    """Whether an event word stands earlier in the same clause."""
    seen = False
    for x in markers:
        if x.start >= m.start:
            break
        if x.kind == "brk":
            seen = False
        elif x.kind in _EVENT:
            seen = True
    return seen


def _with_actions(text: str, folded: Folded, an: Analysis,
                  found: list[tuple[int, int, Period]]) -> list[Milestone]:
    """Attach to each deadline the words before it (or after it, when none come before)."""
    n = len(text)
    breaks = sorted(folded.to_original(m.end, n) for m in an.markers if m.kind == "brk")
    spans = [(folded.to_original(s, n), folded.to_original(e, n)) for s, e, _ in found]
    out = []
    for i, ((s, e), (_, _, period)) in enumerate(zip(spans, found, strict=True)):
        left = max([0] + [b for b in breaks if b <= s] + [spans[i - 1][1] if i else 0])
        action = _clean(text[left:s])
        if not action:
            right = min([n] + [b - 1 for b in breaks if b > e] + [spans[i + 1][0] if i + 1 < len(spans) else n])
            action = _clean(text[e:right])
        out.append(Milestone((s, e), text[s:e], action, period))
    return out


def _clean(words: str) -> str:
    words = words.strip(_STRIP)
    return _LEADING_JOINS.sub("", words).strip(_STRIP)
