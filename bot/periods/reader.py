"""`parse` a whole time cell into one Period; `find_periods` lists the deadlines of a sentence."""

from __future__ import annotations

import re

from bot.periods.atoms import D0, MQ, AtomError
from bot.periods.cycles import AFTER_END, cycle_of, is_spec, recurring, rule_of, yearless_dates
from bot.periods.grammar import RECUR_KINDS, Analysis, Chain, Marker, analyse
from bot.periods.meaning import Reading, listed, read
from bot.periods.model import Milestone, Period, PeriodError
from bot.periods.text import Folded, fold

_EVENT = frozenset({"strong", "dur"})
_STRIP = " \t\r\n,;:.+-*•–()"
_LEADING_JOINS = re.compile(r"^(?:và|hoặc|đồng thời|sau đó|rồi)(?:\s+|$)", re.IGNORECASE)
_TRAILING_JOINS = re.compile(r"\s+(?:và|hoặc)$", re.IGNORECASE)
_JOINS = frozenset({"va", "vaw", "dash"})
_LEADS = frozenset({"in", "truoc", "by", "den", "tu", "phase"})  # time words that lead to a date


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
    live = [c for c in an.chains if not c.cited and not c.after_purpose]
    chains = [c for c in live if not c.idle()]
    markers = an.markers
    first = chains[0].start if chains else len(folded.text)
    # a cycle named before the event words is the duty ("hằng năm và đột xuất khi có yêu cầu")
    first = min(first, next((m.start for m in markers if m.kind in RECUR_KINDS), first))
    if any(m.kind in _EVENT and m.start < first for m in markers):
        return Period("event", text, year, label=_event_label(text, folded, markers),
                      hint=_hint(text, chains, year))
    cycle = cycle_of(text, markers, live, chains, year)
    if cycle is not None:
        return cycle
    kinds = {m.kind for m in markers}
    if not chains:
        if kinds & {"cont", "periodic"}:
            return Period("continuous", text, year, label="thường xuyên")
        if kinds & {"weak", "strong", "dur"} or any(m.token.name in AFTER_END for m in markers):
            return Period("event", text, year, label=_event_label(text, folded, markers))
        raise _nothing(text, folded)
    pairs = _readings(folded.text, _relevant(chains), year)
    if len(pairs) > 1:
        pairs = [(c, r) for c, r in pairs if not _widens(folded.text, c, r, pairs)]
    return _period(text, year, _combine([r for _, r in pairs], year,
                                        [c.has("by") or c.has("truoc") for c, _ in pairs]))


_NO_TIME = "không thấy thời gian nào (ví dụ đúng: “Quý II/2018”, “Tháng 6/2018”, “30/9/2018”)"
# a whole cell that names a unit and no number: "Trong quý", "Hoàn thành trong tháng"
_BARE_UNIT = re.compile(r"[\s.,;:]*(?:(?:hoan\s*thanh|thuc\s*hien)\s*)?(?:trong|vao)?\s*(quy|thang|tuan)"
                        r"(?:\s*nay)?[\s.,;:]*")
_STATUS = re.compile(r"(?:(?:da|dang|chua)\s*(?:hoan\s*thanh|thuc\s*hien|trien\s*khai)|hoan\s*thanh)\b")
_UNIT_HINTS = {"quy": ("quý", "Quý II/2018", "hằng quý"), "thang": ("tháng", "Tháng 6/2018", "hằng tháng"),
               "tuan": ("tuần", "Tuần 2 tháng 6/2018", "hằng tuần")}


def _nothing(text: str, folded: Folded) -> PeriodError:
    """The error for a cell that names no time, saying what it names instead where it can."""
    n = len(text)
    unit = _BARE_UNIT.fullmatch(folded.text)
    if unit:  # "Trong quý": which one?
        word, example, cycle = _UNIT_HINTS[unit.group(1)]
        return PeriodError(f"“{word}” chưa nói {word} nào: ghi rõ như “{example}”, hoặc “{cycle}” nếu làm mỗi {word}",
                           text, folded.to_original(unit.start(1), n), folded.to_original(unit.end(1), n))
    if _STATUS.fullmatch(folded.text.strip(_STRIP)):  # "Đã hoàn thành": a status, not a time
        return PeriodError(f"“{text.strip(_STRIP)}” là tình trạng công việc, chưa ghi thời gian"
                           + _NO_TIME.removeprefix("không thấy thời gian nào"), text, 0, n)
    return PeriodError(_NO_TIME, text, 0, n)


def _readings(folded: str, chains: list[Chain], year: int) -> list[tuple[Chain, Reading]]:
    """Each chain read; one with no year in a parenthesis after a dated time reads in that time's
    year, and is only a note unless it falls inside it ("Quý II/2023 (… kỳ họp giữa năm)")."""
    pairs: list[tuple[Chain, Reading]] = []
    for c in chains:
        prev = pairs[-1][1] if pairs else None
        end = prev.due if prev is not None and any(a.explicit_year for a in pairs[-1][0].atoms) else None
        if end is None or not c.yearless() or folded.count("(", 0, c.start) <= folded.count(")", 0, c.start):
            pairs.append((c, read(c, year)))
            continue
        r = read(c, end.year)
        if r.due is not None and ((prev.start if prev else None) or end) <= r.due <= end:
            pairs.append((c, r))  # "Năm 2020 (hoàn thành trước 30/11)": it ends the year early
    return pairs


def _widens(folded: str, chain: Chain, r: Reading, before: list[tuple[Chain, Reading]]) -> bool:
    """A time in parentheses that only spans an earlier one ("Quý II/2023 (… kỳ họp giữa năm)")."""
    if r.start is None or r.due is None or folded.count("(", 0, chain.start) <= folded.count(")", 0, chain.start):
        return False
    return any(o.start and o.due and r.start <= o.start and o.due <= r.due and (o.start, o.due) != (r.start, r.due)
               for c, o in before if c.start < chain.start)


def _relevant(chains: list[Chain]) -> list[Chain]:
    """Drop the horizon ("tầm nhìn đến 2030"), the planned date beside a hard one, and "sau X"
    beside another time ("trước 30/01/2023 (sau Tết)": it only says when the work can start)."""
    kept = [c for c in chains if not c.after_horizon] or chains
    if any(c.has("after") for c in kept):
        kept = [c for c in kept if not c.has("after")] or kept
    hard = [c for c in kept if c.has("by") and not c.has("dukien")]
    if hard and any(c.has("dukien") for c in kept):
        kept = [c for c in kept if not c.has("dukien")]
    return kept


def _combine(readings: list[Reading], year: int, hard: list[bool] | None = None) -> Reading:
    """Several readings in one cell: from the first start to the last due."""
    if len(readings) == 1:
        return readings[0]
    if hard:
        readings = _refined(readings, hard)
    first, last = readings[0], readings[-1]
    label = "; ".join(r.label for r in readings)
    hard_dues = {r.due for r, h in zip(readings, hard or [], strict=False) if h and r.kind == "deadline"}
    # "trước 30/4/2022 (đợt 1), trước 30/9/2022 (đợt 2)": each date falls due; so does "trước
    # 30/9/2024; năm 2025 trước 30/6/2025", where the year only says which one the date is in
    each = all(r.kind == "deadline" or (len(hard_dues) > 1 and r.due in hard_dues) for r in readings)
    if each and all(r.due for r in readings) and len({r.due for r in readings}) > 1:
        return listed([(r.due, r.due) for r in readings if r.due], label, year, last.time)
    if last.due is None:
        return Reading("continuous", last.start, None, label)
    dues = [r.due for r in readings if r.due is not None]
    due = max(dues)
    start = first.start
    if start is None or start > due:
        return Reading("deadline", None, due, label, time=last.time)
    return Reading("window", start, due, label, time=last.time)


def _refined(readings: list[Reading], hard: list[bool]) -> list[Reading]:
    """A hard date inside an earlier window ends it: "Năm 2020 (hoàn thành trước 30/11/2020)"."""
    out = list(readings)
    for r, is_hard in zip(readings, hard, strict=True):
        if not is_hard or r.due is None:
            continue
        for j, w in enumerate(out):
            if w is r:
                break
            if w.kind == "window" and w.start and w.due and w.start <= r.due < w.due:
                out[j] = Reading("window", w.start, r.due, w.label, time=w.time)
    return out


def _period(text: str, year: int, r: Reading) -> Period:
    rrule = r.rule.text() if r.rule else None
    return Period(r.kind, text, year, r.start, r.due, rrule, r.label, time=r.time,  # type: ignore[arg-type]
                  dates=r.dates, policy=r.policy)


def _hint(text: str, chains: list[Chain], year: int) -> Period | None:
    """The date an event mentions ("(trong tháng 7/2018)"), kept as a hint."""
    try:
        readings = [read(c, year) for c in chains]
    except AtomError:
        return None
    return _period(text, year, _combine(readings, year)) if readings else None


def _event_label(text: str, folded: Folded, markers: list[Marker]) -> str:
    """The words naming the event, from its first marker to the end of the clause."""
    first = next((m for m in markers if m.kind in ("strong", "dur", "weak") or m.token.name in AFTER_END),
                 markers[0])
    words = text[folded.to_original(first.start, len(text)):]
    words = re.split(r"[;.\n]", words, maxsplit=1)[0].strip()
    return words if len(words) <= 80 else words[:79].rstrip() + "…"


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


def _milestones(text: str, folded: Folded, an: Analysis, year: int) -> list[tuple[int, int, Period, int]]:
    """(start, end, period, floor) in folded positions for each deadline; its action words come
    after `floor` (the end of a cycle word it took from earlier in the clause)."""
    out: list[tuple[int, int, Period, int]] = []
    used: set[int] = set()
    clause_starts = [0] + [m.end for m in an.markers if m.kind == "brk"]
    paired = _paired_cycles(an)
    for c in an.chains:
        if c.cited or c.after_event or c.after_horizon or _weak(c, clause_starts, folded.text):
            continue
        spec = is_spec(c) or id(c) in paired
        if not spec and c.idle():
            continue
        if spec:
            near = [m for m in c.prefixes + c.suffixes if m.kind in RECUR_KINDS] + paired.get(id(c), [])
            used.update(id(m) for m in near)
            rule = rule_of(near, [c], year)
            if rule is None:
                continue
            s, e = _start(c), c.end
            period = recurring(text[_o(folded, s, text):_o(folded, e, text)], rule, [], year)
        else:
            s, e = _start(c), c.end
            period = _period(text[_o(folded, s, text):_o(folded, e, text)], year, read(c, year))
        out.append((s, e, period, max((m.end for m in paired.get(id(c), [])), default=0)))
    loose = [m for m in an.markers
             if m.kind in RECUR_KINDS and id(m) not in used and not _after_event(m, an.markers)]
    for group in _cycle_lists(loose, folded.text):
        rule = rule_of(group, [], year)
        if rule is not None:
            s, e = group[0].start, group[-1].end
            snippet = text[_o(folded, s, text):_o(folded, e, text)]
            out.append((s, e, recurring(snippet, rule, [], year), 0))
    out.sort(key=lambda x: x[0])
    return [x for x in out if x[2].due is not None]


def _paired_cycles(an: Analysis) -> dict[int, list[Marker]]:
    """A cycle word and the days it falls on further on in its clause ("hằng năm, báo cáo trước
    15/12"), by the chain's id."""
    attached = {id(m) for c in an.chains for m in c.prefixes + c.suffixes}
    out: dict[int, list[Marker]] = {}
    for m in an.markers:
        if m.kind not in RECUR_KINDS or id(m) in attached or _after_event(m, an.markers):
            continue
        end = next((b.start for b in an.markers if b.kind == "brk" and b.start > m.end), None)
        days = next((c for c in an.chains if m.end <= c.start and (end is None or c.start < end)), None)
        if days is not None and not days.cited and _days_of_a_cycle(days):
            out.setdefault(id(days), []).append(m)
    return out


def _days_of_a_cycle(c: Chain) -> bool:
    """Days with no year that a cycle word can own: "15/12", "ngày 20", "ngày 25 tháng cuối quý"."""
    return (yearless_dates(c) or all(a.unit == D0 and not a.weak for a in c.atoms)
            or (any(a.unit == MQ for a in c.atoms) and not any(m.kind in RECUR_KINDS for m in c.suffixes)))


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


def _start(c: Chain) -> int:
    """Where a deadline's words begin: its first time word, not the "và" or comma before it."""
    return next((m.start for m in c.prefixes if m.kind not in _JOINS), c.atoms[0].start)


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
                  found: list[tuple[int, int, Period, int]]) -> list[Milestone]:
    """Attach to each deadline the words before it (or after it, when none come before)."""
    n = len(text)
    breaks = sorted(folded.to_original(m.end, n) for m in an.markers if m.kind == "brk")
    spans = [(folded.to_original(s, n), folded.to_original(e, n)) for s, e, _, _ in found]
    out: list[Milestone] = []
    after_first = False  # "Năm 2022 đạt 50%, năm 2023 đạt 80%": each time leads its words
    for i, ((s, e), (_, _, period, floor)) in enumerate(zip(spans, found, strict=True)):
        left = max([folded.to_original(floor, n)] + [b for b in breaks if b <= s] + [spans[i - 1][1] if i else 0])
        right = min([n] + [b - 1 for b in breaks if b > e] + [spans[i + 1][0] if i + 1 < len(spans) else n])
        between = text[left:s]
        if i and left == spans[i - 1][1]:  # "trước 15/6 (báo cáo 6 tháng) và …": its note, not ours
            between = _OWN_NOTE.sub("", between, count=1)
        before, after = _clean(between), _clean(text[e:right])
        after_first = after_first or (i == 0 and not before)
        action = (after or before) if after_first else (before or after)
        if not before and i and not after_first and left == spans[i - 1][1] and _JOINED.fullmatch(between):
            action = out[-1].action  # "A trước 15/6 và trước 15/12": both dates are A's
        out.append(Milestone((s, e), text[s:e], action, period))
    return out


_OWN_NOTE = re.compile(r"^\s*\([^()]*\)")
_JOINED = re.compile(r"[\s,]*(?:và|hoặc|,)?[\s,]*", re.IGNORECASE)


def _clean(words: str) -> str:
    """The words of an action, without the joins and marks around them; parentheses kept whole."""
    closes = words.rstrip().endswith(")")
    words = words.strip(_STRIP)
    words = _TRAILING_JOINS.sub("", _LEADING_JOINS.sub("", words)).strip(_STRIP)
    if closes and words.count("(") > words.count(")"):
        words += ")"  # "Báo cáo về UBND tỉnh (qua Sở Nội vụ)": the strip took its close
    return words
