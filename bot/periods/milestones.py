"""`find_periods`: every deadline of a sentence, with the words saying what is due."""

from __future__ import annotations

import bisect
import dataclasses
import re
import unicodedata
from collections import defaultdict

from bot.periods.action_words import with_actions, words_after
from bot.periods.atoms import D0, DAY, MONTH, MQ, WEEKDAY, YEAR, AtomError
from bot.periods.clauses import Clauses
from bot.periods.cycle_exceptions import DAYS_OFF, skipping, year_after
from bot.periods.cycles import (
    anchored,
    following,
    in_months_of,
    is_spec,
    is_yearly,
    lunar_monthly,
    lunar_yearly,
    recurring,
    rule_of,
    yearless_dates,
    yearless_months,
)
from bot.periods.grammar import RECUR_KINDS, Analysis, Chain, Marker, analyse
from bot.periods.legacy import to_unicode
from bot.periods.meaning import each_year, read
from bot.periods.model import Milestone, Period, PeriodError
from bot.periods.neighbours import YearAround, in_month_before
from bot.periods.reader import parse, period_of, stated_policy
from bot.periods.text import Folded, fold, fold_cell

_JOINS = frozenset({"va", "vaw", "dash"})
_NAMING = frozenset({"cite", "round", "memorial", "data"})  # words before a time that name what is due
_NAMES_REPORT = frozenset({"recurr", "recurrep"})  # cycle words that name a report ("báo cáo tháng")
_LEADS = frozenset({"in", "truoc", "by", "den", "tu", "phase"})  # time words that lead to a date


def find_periods(text: str, *, context_year: int) -> list[Milestone]:
    """Every deadline in a sentence, in reading order, with the words saying what is due (a TCVN3
    or VNI text read as the Unicode it stands for: its milestones' words are in Unicode, their
    spans in the text as given)."""
    decoded = to_unicode(text)
    if decoded.text is text:
        return _find(text, context_year)
    n = len(text)
    try:
        found = _find(decoded.text, context_year)
    except PeriodError as e:
        raise PeriodError(e.hint, text, decoded.place(e.position, n), decoded.place_end(e.end, n)) from None
    return [dataclasses.replace(m, span=(decoded.place(m.span[0], n), decoded.place_end(m.span[1], n)))
            for m in found]


def _find(text: str, context_year: int) -> list[Milestone]:
    folded = fold_cell(text)
    try:
        an = analyse(folded.text, context_year)
        found = _milestones(text, folded, an, context_year)
    except AtomError as e:
        n = len(text)
        raise PeriodError(e.hint, text, folded.to_original(e.start, n),
                          folded.to_original(e.end, n)) from None
    worded = _with_notes(text, with_actions(text, folded, an, found), context_year)
    return _with_policies(text, _written_out(text, _one_year_off(text, worded, context_year)))


# between a day named by its name and the same day written out: marks, "vào", "tức (là)", "là"
_SPELLING_OUT = re.compile(r"[\s,(:]*(?:(?:vào|tức(?:\s+là)?|là)\s*)?", re.IGNORECASE)


def _written_out(text: str, found: list[Milestone]) -> list[Milestone]:
    """A day named by its name and written out right after ("Trực Tết Nguyên đán từ ngày 14/02 đến
    hết ngày 22/02/2026", "khai giảng năm học 2027-2028 vào ngày 05/9/2027") is one deadline: the
    written one, as a cell reads it."""
    out: list[Milestone] = []
    for i, m in enumerate(found):
        nxt = found[i + 1] if i + 1 < len(found) else None
        if (nxt is not None and m.period.kind == "deadline" and m.period.due is not None and "/" not in m.text
                and nxt.period.kind in ("deadline", "window") and nxt.period.due is not None
                and (nxt.period.start or nxt.period.due) <= m.period.due <= nxt.period.due
                and _SPELLING_OUT.fullmatch(text, m.span[1], nxt.span[0])):
            continue
        out.append(m)
    return out


def _with_policies(text: str, found: list[Milestone]) -> list[Milestone]:
    """A deadline takes the working-day rule stated after it, before the next one ("… trước ngày 20
    hằng tháng (nếu trùng ngày nghỉ thì báo cáo vào ngày làm việc liền trước)")."""
    out = []
    for i, m in enumerate(found):
        end = found[i + 1].span[0] if i + 1 < len(found) else len(text)
        after = fold(text[m.span[0]:end]).text
        out.append(Milestone(m.span, m.text, m.action, stated_policy(m.period, after)) if "lam viec" in after else m)
    return out


_Deadline = tuple[int, int, Period, int]  # (start, end, period, floor) in folded positions


@dataclasses.dataclass
class _Finds:
    """The deadlines found so far in one sentence, and what their reading has taken up."""

    text: str
    folded: Folded
    an: Analysis
    year: int
    clauses: Clauses
    starts: list[int]  # where each chain starts, for bisecting
    out: list[_Deadline] = dataclasses.field(default_factory=list)
    owners: list[int] = dataclasses.field(default_factory=list)  # the chain of each (0: a cycle with none)
    dropped: set[int] = dataclasses.field(default_factory=set)  # chains whose own milestones are dropped
    used: set[int] = dataclasses.field(default_factory=set)  # chains and markers read into another's
    done: list[int] = dataclasses.field(default_factory=list)  # where dates that tell what was done end
    # by clause: the months a cycle skips ("trừ tháng 6")
    skipped: defaultdict[int, list[Chain]] = dataclasses.field(default_factory=lambda: defaultdict(list))
    skipped_ends: dict[int, list[int]] = dataclasses.field(default_factory=dict)  # (their ends, for halving)
    cycle_words: list[int] = dataclasses.field(default_factory=list)  # where the cycle words start, once asked

    def add(self, s: int, e: int, period: Period, floor: int, owner: int) -> None:
        """One more deadline, from s to e, read from the chain `owner` (by identity; 0 for none)."""
        self.out.append((s, e, period, floor))
        self.owners.append(owner)

    def _cycle_between(self, lo: int, hi: int) -> bool:
        """Whether a cycle word stands between two places."""
        if not self.cycle_words:
            self.cycle_words = [m.start for m in self.an.markers if m.kind in RECUR_KINDS] or [-1]
        k = bisect.bisect_right(self.cycle_words, lo)
        return k < len(self.cycle_words) and self.cycle_words[k] < hi

    def snippet(self, s: int, e: int) -> str:
        """The text as given between two folded positions."""
        return self.text[_o(self.folded, s, self.text):_o(self.folded, e, self.text)]

    def skips(self, s: int, e: int) -> list[Chain]:
        """The months skipped by the cycle from s to e: those of its clause, or where the clause has
        several, the ones right beside it ("Hằng quý (trừ quý I), thứ Hai hằng tuần (trừ tháng 7)");
        found by halving, not by looking at them all (a long list must not cost its square)."""
        clause = self.clauses.start_of(s)
        chains = self.skipped[clause]
        if len(chains) == 1:  # the clause's cycle skips them wherever they stand, unless another cycle is nearer
            c = chains[0]
            lo, hi = (e, _except_start(c)) if _except_start(c) >= e else (c.end, s)
            noted = c.end <= s and ")" in self.folded.text[c.end:min(s, c.end + 3)]  # (another's note before it)
            return [] if noted or self._cycle_between(lo, hi) else chains
        if not chains:
            return chains
        if clause not in self.skipped_ends:  # (sorted: appended in reading order)
            self.skipped_ends[clause] = [c.end for c in chains]
        ends, folded = self.skipped_ends[clause], self.folded.text
        k, j = bisect.bisect_left(ends, e), bisect.bisect_right(ends, s) - 1
        after = [chains[k]] if k < len(chains) and _SKIP_LEAD.fullmatch(folded, e, _except_start(chains[k])) else []
        # ("Ngoại trừ quý I, hằng quý …": before it, when none follows it and not another's note)
        before = [chains[j]] if not after and j >= 0 and _SKIPPED_THEN.fullmatch(folded, chains[j].end, s) else []
        return before + after

    def result(self) -> list[_Deadline]:
        """The deadlines in reading order, without those read into others or with no due date; the
        words of one after a date of what was done start after that date."""
        out = sorted((x for x, c in zip(self.out, self.owners, strict=True) if c not in self.dropped),
                     key=lambda x: x[0])
        if self.done:
            done = self.done
            out = [(s, e, p, max(f, done[k - 1] if (k := bisect.bisect_right(done, s)) else 0)) for s, e, p, f in out]
        return [x for x in out if x[2].due is not None]


def _milestones(text: str, folded: Folded, an: Analysis, year: int) -> list[_Deadline]:
    """(start, end, period, floor) in folded positions for each deadline; its action words come
    after `floor` (the end of a cycle word it took from earlier in the clause)."""
    finds = _Finds(text, folded, an, year, Clauses(an), [c.start for c in an.chains])
    for c in an.chains:
        if c.has("except"):
            finds.skipped[finds.clauses.start_of(c.start)].append(c)
    _timed(finds)
    _loose_cycles(finds)
    for m in an.markers:  # "thắp hương mùng 1 và rằm hằng tháng": lunar days of each lunar month
        if m.kind == "lunmonthly" and not finds.clauses.after_event(m):
            finds.add(m.start, m.end, lunar_monthly(finds.snippet(m.start, m.end), m, year), 0, 0)
    return finds.result()


def _timed(finds: _Finds) -> None:
    """The deadlines each chain of times names, in order."""
    an, folded, year, clauses = finds.an, finds.folded.text, finds.year, finds.clauses
    paired = _paired_cycles(an, clauses)
    named = _named_years(an.chains, clauses, folded, year) | _remembered(an.chains, clauses)
    dated = year  # the year of the last time outside parentheses that wrote one, for those inside
    around = YearAround(folded, year)  # and the year of those outside ("Năm 2026, … trong tháng 6")
    quarterly: Chain | None = None  # the last days of a month of each quarter ("ngày 10 của tháng cuối quý")
    for i, c in enumerate(an.chains):
        if i and c.atoms[0].unit == D0:  # "Tháng 6/2026 (trước ngày 20)": the 20th of that month
            in_month_before(c, an.chains[i - 1], folded)
        own = around.year_for(c)
        around.saw(c)
        if not c.in_parens and not c.cited and any(a.explicit_year for a in c.atoms):
            dated = max(a.y or year for a in c.atoms)
        if id(c) in finds.used:
            continue
        years = an.chains[i + 1] if i + 1 < len(an.chains) else None
        each = each_year(c, years, folded, year) if years is not None and not (c.cited or c.after_event) else None
        if each is not None and years is not None:  # "Quý III các năm 2026 - 2030"
            finds.used.add(id(years))
            finds.add(_start(c), years.end, period_of(finds.snippet(_start(c), years.end), year, each), 0, id(c))
            continue
        if id(c) in named or _not_due(finds, c) or _weak(c, clauses.start_of(c.start), folded):
            continue
        if _done_on(finds.text, finds.folded, an.chains, i, clauses):
            finds.done.append(c.end)  # (and the words of a deadline after it in its sentence start after it)
            continue
        spec = (is_spec(c) or id(c) in paired or (yearless_dates(c) and clauses.cycle_before(c.start))
                or (yearless_months(c) and clauses.yearly_before(c.start)))  # ("Hằng năm, … vào tháng 5")
        # (a day with no month, in a later clause of a sentence that set a monthly or quarterly cycle,
        # or before a monthly one later in its clause: "chậm nhất ngày 15 … đối với báo cáo định kỳ hằng tháng")
        bare = not spec and all(a.unit == D0 for a in c.atoms)
        carried = (clauses.months_cycle_in_sentence(c.start) or clauses.monthly_after(c.end)) if bare else None
        # (or one after "trước ngày 10 của tháng cuối quý" in its sentence: "… để tổng hợp, báo cáo
        # UBND tỉnh trước ngày 15", the 15th of that month too)
        of_quarter = (quarterly if bare and carried is None and quarterly is not None
                      and quarterly.start >= clauses.sentence_start(c.start) else None)
        spec = spec or carried is not None or of_quarter is not None
        if spec and not c.after_event and any(a.unit == MQ for a in c.atoms):
            quarterly = c
        if spec:
            near = [m for m in c.prefixes + c.suffixes if m.kind in RECUR_KINDS] + paired.get(id(c), [])
            _days_of_cycle(finds, c, near + ([carried] if carried is not None else []), of_quarter,
                           paired.get(id(c), []))
        elif not c.idle():
            # ("Năm 2026 (Quý I: xây dựng kế hoạch; Quý IV: sơ kết)": the quarters of 2026)
            own = dated if c.in_parens and c.yearless() else own
            s, e = _start(c), c.end
            period = _one_time(finds.snippet(s, e), c, an.markers, finds.used, folded, year, own)
            finds.add(s, e, period, 0, id(c))


def _not_due(finds: _Finds, c: Chain) -> bool:
    """Whether a chain names no deadline of its own: a document's date, a time after an event or a
    horizon, a report's period, months a cycle skips, a document's date line."""
    return (c.cited or (c.after_event and not _spelled_out(c)) or c.after_horizon or c.has("report")
            or c.has("except") or _dateline(finds.text, finds.folded, c))


def _days_of_cycle(finds: _Finds, c: Chain, near: list[Marker], of_quarter: Chain | None,
                   paired: list[Marker]) -> None:
    """The deadline of a chain that names days of a cycle (with the cycle words `near` it, or the
    quarter's month before it in its sentence)."""
    year = finds.year
    finds.used.update(id(m) for m in near)
    s, e = _start(c), c.end
    lunar_days = (lunar_yearly(finds.snippet(s, e), near, [c], year) if any(a.lunar for a in c.atoms) else None)
    if lunar_days is not None:  # "ngày 10/3 âm lịch hằng năm": listed, as in a cell
        finds.add(s, e, lunar_days, 0, id(c))
        return
    rule = rule_of(near, [c], year) if of_quarter is None else in_months_of(c, of_quarter, year)
    if rule is None:
        return
    bounds, s, e = _bounds(finds.an.chains, finds.starts, finds.clauses, finds.used, finds.folded.text, (s, e, c),
                           year)
    # (the cycle words it took from before it are its own: "Ngoại trừ năm 2026, hằng năm … trước 15/12")
    skips, off = finds.skips(min([s] + [m.start for m in near]), e), DAYS_OFF.match(finds.folded.text, e)
    rule, e = skipping(rule, skips, off is not None), off.end() if off else _past_skipped(e, skips, finds.folded.text)
    finds.dropped.update(id(b) for b in bounds)  # (their own milestones: the cycle's bounds now)
    period = recurring(finds.snippet(s, e), rule, bounds, year, since=year_after([c], year, skips))
    floor = _after_skipped(_after_opener(bounds, s), s, skips)
    # (the words come after a cycle word taken from before, but a report's name is among them:
    # "báo cáo tháng gửi trước ngày 20")
    finds.add(s, e, period, max([floor] + [m.start if m.token.name in _NAMES_REPORT else m.end for m in paired]),
              id(c))


def _loose_cycles(finds: _Finds) -> None:
    """The deadlines of cycle words no time took ("hằng quý"; "cuối quý", "10 ngày đầu tháng" of each
    one, where nothing else in the clause says when)."""
    an, clauses, folded, year = finds.an, finds.clauses, finds.folded, finds.year
    timed = {clauses.start_of(c.start) for c in an.chains if not c.idle()}
    loose = [m for m in an.markers
             if (m.kind in RECUR_KINDS or (m.kind == "recurp2" and clauses.start_of(m.start) not in timed))
             and id(m) not in finds.used and not clauses.after_event(m)]
    where = {o: i for i, o in enumerate(finds.owners) if o}
    marker_starts = [m.start for m in an.markers]
    for group in _cycle_lists(loose, folded.text):
        if _anchor(group, an.chains, finds.starts, clauses, where, finds.out, finds.text, folded, an.markers, year):
            continue
        rule = rule_of(group, [], year)
        if rule is None:
            continue
        s, e = _lead(an.markers, marker_starts, group[0], folded.text), group[-1].end
        # "Hằng năm, từ năm 2026", "hằng tháng kể từ tháng 7/2025": the time that bounds it
        bounds, s, e = _bounds(an.chains, finds.starts, clauses, finds.used, folded.text, (s, e, None), year)
        skips, off = finds.skips(s, e), DAYS_OFF.match(folded.text, e)
        rule, e = skipping(rule, skips, off is not None), off.end() if off else _past_skipped(e, skips, folded.text)
        finds.dropped.update(id(b) for b in bounds)
        floor = _after_skipped(_after_opener(bounds, s), s, skips)
        finds.add(s, e, recurring(finds.snippet(s, e), rule, bounds, year, since=year_after([], year, skips)), floor, 0)


def _dateline(text: str, folded: Folded, c: Chain) -> bool:
    """Whether a day is a document's place and date line ("Đắk Nông, ngày 20 tháng 6 năm 2018"):
    a line of a few capitalised words, a comma and the day, nothing after it."""
    if not (len(c.atoms) == 1 and c.atoms[0].unit in (DAY, MONTH) and c.atoms[0].explicit_year):
        return False
    s, e = _o(folded, c.atoms[0].start, text), _o(folded, c.end, text)
    # (looked at only near the day: a long text must not cost its square)
    newline, end = text.rfind("\n", max(0, s - 60), s), text.find("\n", e, e + 8)
    if (newline < 0 and s > 60) or (end < 0 and len(text) > e + 8):
        return False
    start = newline + 1
    line, rest = text[start:s].rstrip(), text[e:end if end >= 0 else len(text)]
    if c.atoms[0].unit == MONTH:  # ("Đắk Nông, ngày      tháng 11 năm 2022": a draft's day left blank)
        line = _BLANK_DAY.sub("", line)
    words = line[:-1].split()
    return (line.endswith(",") and 1 <= len(words) <= 5 and all(w[:1].isupper() or w[0] == "\ufffd" for w in words)
            and not rest.strip(" \t|.*_") and not _WEEKDAY.search(fold(line).text))


def _done_on(text: str, folded: Folded, chains: list[Chain], i: int, clauses: Clauses) -> bool:
    """Whether the i-th chain is a date opening its clause that tells when something was done
    ("Ngày 20/01/2026, Sở Nội vụ đã có Công văn …"): "đã" follows it before the next time or the
    clause's end."""
    c = chains[i]
    if c.in_parens or not all(a.unit == DAY and a.explicit_year for a in c.atoms):
        return False
    opening = folded.text[clauses.start_of(c.start):c.start]
    if opening.strip(" \t\n-+*•:.)") != "" and not _LIST_MARK.fullmatch(opening):
        return False
    # (the next time, past the weekday a note gives the day: "Ngày 16/3/2026 (thứ Hai), …")
    nxt = next((d.start for d in chains[i + 1:i + 3] if not d.idle()), len(folded.text))
    end = int(min(clauses.end_of(c.end), nxt))  # (the clause's end may be infinity; the next time's is not)
    n = len(text)
    after = text[folded.to_original(c.end, n):folded.to_original(end, n)]
    return _COMMA_THEN.match(after) is not None and _DONE.search(unicodedata.normalize("NFC", after)) is not None


_LIST_MARK = re.compile(r"\s*(?:[a-zđ]|\d{1,2}|[ivx]{1,4})[.)]\s*")  # "a)", "2.", "iv)"
_COMMA_THEN = re.compile(r"\s*(?:\([^()]{0,30}\)\s*)?,")  # ("Ngày 16/3/2026 (thứ Hai), …")
# "đã" with its mark ("đa" is many, "tối đa" the most), or its "đ" lost to U+FFFD; not a condition
# met before the work ("sau khi đã có ý kiến …")
_DONE = re.compile(r"(?<!khi )(?<!\w)[đ\ufffd]ã\b", re.IGNORECASE)


_BLANK_DAY = re.compile(r"\s*ng\S{0,2}y[\s._…]*$", re.IGNORECASE)  # ("ngày", "ng�y", "ngay")
_WEEKDAY = re.compile(r"\b(?:thu\s*(?:hai|ba|tu|nam|sau|bay|[2-7])|chu\s*nhat)\b")  # ("Thứ Sáu, ngày 20/11")


def _one_time(snippet: str, c: Chain, markers: list[Marker], used: set[int], folded: str, year: int,
              own: int) -> Period:
    """The Period of a time that is no day of a cycle: read as `parse` reads it, a cycle after it
    included ("Quý IV/2025 và những năm tiếp theo", "vào tháng 4/2026 hằng năm": that time each
    year from then on); the cycle words it takes are marked used."""
    if any(m.token.name == "trodi2" for m in c.suffixes):
        return following(snippet, [c], year) or period_of(snippet, year, read(c, own))
    cycle = [m for m in c.suffixes if m.kind in RECUR_KINDS]
    again = anchored(snippet, cycle, c, markers, year, folded) if cycle else None
    # ("Năm 2026 - 2030 (hằng năm)", "Hằng năm, giai đoạn 2026-2030": each year of those)
    cycle = cycle or [m for m in c.prefixes if m.kind in RECUR_KINDS]
    if again is None and cycle and len(c.atoms) > 1 and all(a.unit == YEAR for a in c.atoms):
        rule = rule_of(cycle, [], year)
        again = recurring(snippet, rule, [c], year) if rule is not None else None
    if again is None:
        return period_of(snippet, year, read(c, own))
    used.update(id(m) for m in cycle)
    return again


def _anchor(group: list[Marker], chains: list[Chain], starts: list[int], clauses: Clauses, where: dict[int, int],
            out: list[tuple[int, int, Period, int]], text: str, folded: Folded, markers: list[Marker],
            year: int) -> bool:
    """A cycle joined to the time just before it in its clause ("vào quý I/2026 và hằng năm"): that
    time each year from then on, as `parse` reads it; replaces the time's milestone in place."""
    k = bisect.bisect_left(starts, group[0].start)
    before = chains[k - 1] if k else None
    if before is None or id(before) not in where or clauses.start_of(before.start) != clauses.start_of(group[0].start):
        return False
    i = where[id(before)]
    s, _, period, floor = out[i]
    if period.kind not in ("window", "deadline"):
        return False
    again = anchored(text[_o(folded, s, text):_o(folded, group[-1].end, text)], group, before, markers, year,
                     folded.text)
    if again is None:
        return False
    out[i] = (s, group[-1].end, again, floor)
    return True


def _bounds(chains: list[Chain], starts: list[int], clauses: Clauses, used: set[int], folded: str,
            cycle: tuple[int, int, Chain | None], year: int) -> tuple[list[Chain], int, int]:
    """The times right beside a cycle (from s to e, read from its own chain if any) that bound it
    ("hằng năm, từ năm 2026"), marked used, and the span of them all. Only the chains next to it
    are looked at: a long list of cycles must not cost its square."""
    s, e, own = cycle
    k = bisect.bisect_left(starts, s)
    bounds = [c for c in chains[max(0, k - 2):k + 3] if c is not own and id(c) not in used and not c.cited
              and not c.idle() and c.kinds & {"tu", "den"} and clauses.start_of(c.start) == clauses.start_of(s)
              and _beside(folded, s, e, c) and _readable(c, year)]
    used.update(id(c) for c in bounds)
    span = min([s] + [_bound_start(c) for c in bounds]), max([e] + [c.end for c in bounds])
    opener = _opener(chains[max(0, k - 3):k], clauses, used, folded, s)
    if opener is not None:  # ("Giai đoạn 2026-2030, báo cáo trước 15/12 hằng năm": its words between)
        used.add(id(opener))
        bounds.append(opener)
    return bounds, *span


def _opener(before: list[Chain], clauses: Clauses, used: set[int], folded: str, at: int) -> Chain | None:
    """The years a cycle's clause opens with, a comma after them ("Giai đoạn 2026-2030, …", "Từ năm
    2026, …", "Năm 2026, … hằng quý"): they bound the cycle, as in a cell."""
    start = clauses.start_of(at)
    c = next((c for c in before if c.start >= start), None)
    if (c is None or id(c) in used or c.cited or c.idle() or not all(a.unit == YEAR and not a.part for a in c.atoms)
            or folded[start:_bound_start(c)].strip(" \t\n-+*:") or not _THEN_COMMA.match(folded, c.end)):
        return None
    return c


_THEN_COMMA = re.compile(r"[ ]*,")


def _after_opener(bounds: list[Chain], s: int) -> int:
    """Where a cycle's words may begin: after the years its clause opens with, if they bound it."""
    return max((b.end for b in bounds if b.end <= s), default=0)


def _readable(c: Chain, year: int) -> bool:
    """Whether a chain reads as a time ("từ 03 - 04 bản tin/tháng" does not: days of no month)."""
    try:
        read(c, year)
    except AtomError:
        return False
    return True


# (spaces and marks only: a tab or a new line is the next cell of a table row)
_BETWEEN_BOUND = re.compile(r"[ ,;:()]*(?:(?:bat +dau|ke|duoc +thuc +hien|thuc +hien)[ ,]*)*")


def _beside(folded: str, s: int, e: int, c: Chain) -> bool:
    """Whether a time stands right before or after a cycle, with nothing but marks between."""
    first = _bound_start(c)
    if first >= e:
        return _BETWEEN_BOUND.fullmatch(folded, e, first) is not None
    return c.end <= s and _BETWEEN_BOUND.fullmatch(folded, c.end, s) is not None


def _bound_start(c: Chain) -> int:
    """Where a time that bounds a cycle begins: at its own words, not at the cycle's before it."""
    return next((m.start for m in c.prefixes if m.kind not in RECUR_KINDS and m.kind not in _JOINS), c.atoms[0].start)


def _lead(markers: list[Marker], starts: list[int], first: Marker, folded: str) -> int:
    """Where a cycle with no days begins: at a time word right before it ("trong ngày làm việc
    đầu tháng", "vào cuối quý"), else at the cycle word (`starts`: the markers' starts)."""
    k = bisect.bisect_left(starts, first.start)
    before = markers[k - 1] if k else None
    if before is not None and before.kind in _LEADS and not folded[before.end:first.start].strip():
        return before.start
    return first.start


def _spelled_out(c: Chain) -> bool:
    """A span of days right after its length ("trong 100 ngày (từ 01/9 đến 10/12/2025)"): the
    days are written out, so nothing waits for an event."""
    # (or the day a time is counted from: "trong 30 ngày kể từ ngày 01/7/2025" ends 31/7)
    return any(m.kind == "dur" for m in c.prefixes) and (
        "range" in c.joints or (c.has("tu") and len(c.atoms) == 1 and c.atoms[0].unit == DAY))


def _named_years(chains: list[Chain], clauses: Clauses, folded: str, year: int) -> set[int]:
    """Years that name what the clause speaks of ("tổng kết công tác năm 2025 … vào tuần đầu
    tháng 01/2026", "dự toán ngân sách năm 2026 … trước ngày 20/7/2025"): a whole year with no time
    word before it, inside its clause, where the clause has a finer deadline or the year is over
    before the plan's ("khắc phục tồn tại … công tác CCHC năm 2018" in a plan of 2019). By the chain's id."""
    def year_only(c: Chain) -> bool:
        return all(a.unit == YEAR and not a.part for a in c.atoms)

    def led(c: Chain) -> bool:  # (a phase names what it follows: "kết quả giai đoạn 2021-2025")
        return bool(c.kinds & _LEADS) and c.kinds != {"phase"}

    finer = {clauses.start_of(c.start) for c in chains
             if not (c.cited or c.idle() or year_only(c) or c.has("report"))}
    return {id(c) for c in chains
            if year_only(c) and not led(c)
            and (clauses.start_of(c.start) in finer or all(a.y is not None and a.y < year for a in c.atoms))
            # (one that opens its clause names the year of the times after it, "Năm 2026, tập huấn trong
            # tháng 6", unless they are its note or its heading's words: "Năm 2026 (trước 30/6)")
            and (folded[clauses.start_of(c.start):c.start].strip(" \t\n-+*:") != ""
                 or _NOTE_OR_HEADING.match(folded, c.end) is None)}


_NOTE_OR_HEADING = re.compile(r"\s*[(:]")


def _remembered(chains: list[Chain], clauses: Clauses) -> set[int]:
    """Days a commemoration names ("kỷ niệm … Quốc khánh 2/9 (1945-2025)") in a clause that also
    says when it is held ("vào ngày 02/9/2025"); alone, the named day is the day. By the chain's id."""
    held = {clauses.start_of(c.start) for c in chains if not (c.remembered or c.cited or c.idle())}
    return {id(c) for c in chains if c.remembered and clauses.start_of(c.start) in held}


def _paired_cycles(an: Analysis, clauses: Clauses) -> dict[int, list[Marker]]:
    """A cycle word and the days it falls on further on in its clause ("hằng năm, báo cáo trước
    15/12"), or, with none after it, the days just before it in its clause, the cycle naming the
    report they are for ("chậm nhất ngày 25 tháng 11 đối với báo cáo định kỳ hằng năm"); by the
    chain's id."""
    # (a cycle word before the months it skips is not theirs: "Hằng quý (trừ quý I), … trước ngày 20 tháng cuối quý")
    attached = {id(m) for c in an.chains if not c.has("except") for m in c.prefixes + c.suffixes}
    starts = [c.start for c in an.chains]
    out: dict[int, list[Marker]] = {}
    for m in an.markers:
        if m.kind not in RECUR_KINDS or id(m) in attached or clauses.after_event(m):
            continue
        k = bisect.bisect_left(starts, m.end)  # the first chain after the cycle word, in its clause
        days = an.chains[k] if k < len(starts) and starts[k] < clauses.end_of(m.end) else None
        if days is None and k and clauses.start_of(an.chains[k - 1].start) == clauses.start_of(m.start):
            days = an.chains[k - 1] if id(an.chains[k - 1]) not in out else None
        if days is not None and not days.cited and _days_of_a_cycle(days, m):
            out.setdefault(id(days), []).append(m)
    return out


def _days_of_a_cycle(c: Chain, cycle: Marker) -> bool:
    """Days with no year that a cycle word can own: "15/12", "ngày 20", "ngày 25 tháng cuối quý", and
    weekdays of a weekly one ("hằng tuần vào ngày thứ Năm")."""
    return (yearless_dates(c) or all(a.unit == D0 and not a.weak for a in c.atoms)
            or (yearless_months(c) and is_yearly(cycle))  # ("hằng năm, … sơ kết vào tháng 5")
            or (any(a.unit == MQ for a in c.atoms) and not any(m.kind in RECUR_KINDS for m in c.suffixes))
            or (cycle.token.g("u") == "tuan" and all(a.unit == WEEKDAY for a in c.atoms)))


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


_SKIP_LEAD = re.compile(r"[\s,;(\-]*")  # between a cycle and the months it skips
_SKIPPED_THEN = re.compile(r"[\s,;:\-]*")  # between the months a cycle skips and the cycle after them


def _past_skipped(end: int, skipped: list[Chain], folded: str) -> int:
    """Where a cycle's words end with the months it skips right after them ("hằng quý (trừ quý I)"):
    those are no action of the cycle's."""
    for c in skipped:
        if _except_start(c) >= end and _SKIP_LEAD.fullmatch(folded, end, _except_start(c)):
            end = c.end
    return end


def _after_skipped(floor: int, start: int, skipped: list[Chain]) -> int:
    """Where a cycle's action words may begin: after the months it skips, when those come first
    ("Ngoại trừ quý I, hằng quý báo cáo")."""
    return max([floor] + [c.end for c in skipped if c.end <= start])


def _except_start(c: Chain) -> int:
    """Where the words that skip months begin ("trừ" before the months)."""
    return next((m.start for m in c.prefixes if m.kind == "except"), c.start)


def _start(c: Chain) -> int:
    """Where a deadline's words begin: its first time word, not the "và" or comma before it, nor
    a document, round or phase it follows ("thực hiện Nghị quyết số 18-NQ/TW vào tháng 11/2024", "đợt 2:
    tháng 10/2025", "sơ kết giữa nhiệm kỳ vào Quý III/2028": those name what is due)."""
    last = len(c.prefixes) - 1  # (a phase word leads only right before its years: "giữa nhiệm kỳ vào Quý III")
    after_naming = max((i + 1 for i, m in enumerate(c.prefixes)
                        if m.kind in _NAMING or (m.kind == "phase" and i < last) or m.token.name == "recurrep"
                        or (m.kind == "cont" and m.token.text.startswith(("tiep", "duy")))),
                       default=0)  # (and "báo cáo năm trước ngày 10/12": the report it names; "tiếp tục
    # thực hiện trong năm 2027": what is done, not when)
    return next((m.start for m in c.prefixes[after_naming:] if m.kind not in _JOINS), c.atoms[0].start)


def _o(folded: Folded, i: int, text: str) -> int:
    return folded.to_original(i, len(text))


def _weak(c: Chain, start: int, folded: str) -> bool:
    """A bare year ("2016-2020") counts only after a time word or at the start of its clause."""
    if not all(a.weak for a in c.atoms) or c.kinds & _LEADS or _YEARS_COUNTED.search(folded, start, c.start):
        return False
    return folded[start:c.start].strip(" \t\n-+*:") != ""


_YEARS_COUNTED = re.compile(r"\b\d\d?\s*nam\s*\(?\s*$")  # "trong 5 năm (2026-2030)": the years counted


_NOTE_OPENS = re.compile(r"\s*\(")
_COMMA = re.compile(r"[\s,;]*")
_LATEST = re.compile(r"(?:cham\s*nhat|muon\s*nhat|khong\s*qua|han\s*chot|truoc)\b")


def _with_notes(text: str, found: list[Milestone], year: int) -> list[Milestone]:
    """A time in the parenthesis right after a deadline is read with it, as a cell would be:
    "dự kiến ngày 10/6/2024 (chậm nhất ngày 15/6/2024)" is due on 15/6; and so is a latest day
    inside a window just before it ("trong tháng 3/2025, chậm nhất ngày 25/3/2025")."""
    out: list[Milestone] = []
    closes = [c.start() for c in _CLOSE.finditer(text)]  # (found once: a long text must not cost its square)
    for i, m in enumerate(found):
        prev = out[-1] if out else None
        if prev is not None and m.span[0] < prev.span[1]:
            continue  # (inside the note the deadline before it was read with)
        opens = _NOTE_OPENS.match(text, prev.span[1]) if prev is not None else None
        lines = prev is not None and "\n" in text[prev.span[1]:m.span[0]]
        if prev is not None and (opens is not None or lines) and _HEADS.match(text, m.span[1]):
            # the time the phases in its note or lines stand for (looked at once, from the first phase)
            if not _HEADS.match(text, prev.span[1]) and _phases(text, found, i, prev.period, closes):
                out.pop()
            out.append(m)
            continue
        k = bisect.bisect_left(closes, m.span[1])
        if prev is not None and opens is None and _tightens(text, prev, m):
            end = m.span[1]
        elif prev is None or opens is None or ")" in text[opens.end():m.span[0]]:
            out.append(m)
            continue
        else:
            end = closes[k] + 1 if k < len(closes) else m.span[1]
        try:
            period = parse(text[prev.span[0]:end], context_year=year)
        except PeriodError:
            period = None
        if period is None or period.due is None:  # read together they name no deadline: keep both
            out.append(m)
            continue
        action = prev.action
        if action and action in text[prev.span[1]:end]:  # ("Hằng năm, trước 15/12 (riêng năm 2026 …), các sở …")
            action = words_after(text, end, found[i + 1].span[0] if i + 1 < len(found) else len(text)) or action
        out[-1] = Milestone((prev.span[0], end), text[prev.span[0]:end], action, period)
    return out


# between a yearly cycle and its one year's own day: "Trước 30/6 hằng năm; riêng năm 2026 trước 31/8/2026"
_ONE_YEAR = re.compile(r"[\s;,.(]*rieng\s*(?:doi\s*voi\s*)?(?:nam\s*)?(?:19|20)\d\d\s*[:,]?\s*(?:[a-z]+\s*){0,4}")


def _one_year_off(text: str, found: list[Milestone], year: int) -> list[Milestone]:
    """A yearly deadline and the day it keeps one year only, in the next clause, are one: "Trước 30/6
    hằng năm; riêng năm 2026 trước 31/8/2026" is each 30/6 but 31/8 in 2026."""
    out: list[Milestone] = []
    for m in found:
        prev = out[-1] if out else None
        if (prev is not None and prev.period.kind == "recurring" and (prev.period.rrule or "").startswith("FREQ=YEARLY")
                and _ONE_YEAR.fullmatch(fold(text[prev.span[1]:m.span[0]]).text)):
            try:
                period = parse(text[prev.span[0]:m.span[1]], context_year=year)
            except PeriodError:
                period = None
            if period is not None and period.moved:
                out[-1] = Milestone((prev.span[0], m.span[1]), text[prev.span[0]:m.span[1]], prev.action, period)
                continue
        out.append(m)
    return out


_HEADS = re.compile(r"\s*:")
_CLOSE = re.compile(r"\)")


def _phases(text: str, found: list[Milestone], i: int, envelope: Period, closes: list[int]) -> bool:
    """Whether `found[i]` starts two or more times in one parenthesis (or in the lines after the
    time before them), each heading its own words, inside the window before them."""
    k = bisect.bisect_left(closes, found[i].span[1])
    close = closes[k] if k < len(closes) else len(text)
    j = i
    while j < len(found) and found[j].span[1] <= close and _HEADS.match(text, found[j].span[1]):
        j += 1
    inside = found[i:j]
    return (len(inside) > 1
            and envelope.kind == "window" and envelope.start is not None and envelope.due is not None
            and all(m.period.start is not None and m.period.due is not None
                    and envelope.start <= m.period.start and m.period.due <= envelope.due for m in inside))


def _tightens(text: str, prev: Milestone, m: Milestone) -> bool:
    """Whether `m` is the latest day of the window `prev`, written after it with a comma."""
    w, d = prev.period, m.period
    return (w.kind == "window" and d.kind == "deadline" and m.action in ("", prev.action)
            and w.start is not None and w.due is not None and d.due is not None and w.start <= d.due <= w.due
            and _COMMA.fullmatch(text, prev.span[1], m.span[0]) is not None
            and _LATEST.match(fold(m.text).text) is not None)


