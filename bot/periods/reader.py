"""`parse`: a whole time cell read into one Period."""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import itertools
import re
import unicodedata

from bot.periods.atoms import D0, DAY, HALF, MONTH, NOW, QUARTER, YEAR, AtomError
from bot.periods.cycle_exceptions import DAYS_OFF
from bot.periods.cycles import AFTER_END, cycle_of, lunar_monthly
from bot.periods.grammar import RECUR_KINDS, Analysis, Chain, Marker, analyse
from bot.periods.legacy import to_unicode
from bot.periods.meaning import Reading, contiguous, each_year, ends_inside, listed, read
from bot.periods.model import Period, PeriodError
from bot.periods.neighbours import YearAround, heads_lines, in_month_before
from bot.periods.text import Folded, fold_cell
from bot.periods.words import ROUND_YEAR

EVENT_KINDS = frozenset({"strong", "dur"})  # words after which the time waits for an event
STRIP = " \t\r\n,;:.+-*•–()"  # marks around the words of a cell


def parse(text: str, *, context_year: int) -> Period:
    """Read one time text ("Quý II/2018", "Trước ngày 30/6 và 30/11 hàng năm") into a Period."""
    decoded = to_unicode(text)
    if decoded.text is text:
        return _parse(text, context_year)
    try:  # ("Th¸ng 6/2018", "Thaùng 6/2018": read as the Unicode they stand for)
        return dataclasses.replace(_parse(decoded.text, context_year), text=text)
    except PeriodError as e:
        n = len(text)
        raise PeriodError(e.hint, text, decoded.place(e.position, n), decoded.place_end(e.end, n)) from None


def _parse(text: str, context_year: int) -> Period:
    folded = _unwrapped(fold_cell(text))
    if not folded.text.strip():
        raise PeriodError("chưa ghi thời gian thực hiện", text, 0, len(text))
    try:
        period = _decide(text, folded, analyse(folded.text, context_year), context_year)
    except AtomError as e:
        n = len(text)
        raise PeriodError(e.hint, text, folded.to_original(e.start, n),
                          folded.to_original(e.end, n)) from None
    except RecursionError:  # pragma: no cover - absurdly nested input
        raise PeriodError("văn bản quá phức tạp để đọc thời gian", text, 0, len(text)) from None
    return stated_policy(period, folded.text) if "lam viec" in folded.text else period


# "(nếu trùng ngày nghỉ thì báo cáo vào ngày làm việc liền trước)": the text says how a due date
# off a working day moves, and that wins over the configured rule
_STATED = re.compile(r"(?:ngay\s*nghi|ngay\s*le|thu\s*bay|chu\s*nhat)[^.;()]{0,80}?ngay\s*lam\s*viec\s*"
                     r"(?:lien\s*(?:ke\s*)?|ngay\s*|ke\s*)?(?P<way>truoc|sau|tiep\s*theo|ke\s*tiep)")


def stated_policy(period: Period, folded: str) -> Period:
    """The period with the working-day policy its own words state, if they state one."""
    found = _STATED.search(folded)
    if found is None or period.workdays_after or period.kind not in ("deadline", "window", "recurring"):
        return period
    way = "previous_working_day" if found.group("way") == "truoc" else "next_working_day"
    return dataclasses.replace(period, policy=way)


_WRAPPED = re.compile(r"(\s*)\(([^()]*)\)[\s.;,]*")


def _unwrapped(folded: Folded) -> Folded:
    """A cell written wholly in parentheses ("(Trong dịp nghỉ lễ 30/4 - 1/5)") reads as its inside:
    the parentheses become spaces, so that positions still map to the text as given."""
    whole = _WRAPPED.fullmatch(folded.text)
    if whole is None:
        return folded
    inner = folded.text
    at, end = whole.start(2) - 1, whole.end(2)
    return Folded(inner[:at] + " " + inner[at + 1:end] + " " + inner[end + 1:], folded.origin)


def _decide(text: str, folded: Folded, an: Analysis, year: int) -> Period:
    live = [c for c in an.chains if not c.cited and not c.after_purpose and not c.has("except")]
    chains = [c for c in live if not c.idle()]
    markers = an.markers
    first = chains[0].start if chains else len(folded.text)
    # a cycle named before the event words is the duty ("hằng năm và đột xuất khi có yêu cầu"), and
    # so is one named after them as the other way ("khi có yêu cầu hoặc định kỳ hằng năm")
    word = next((m for m in markers if m.kind in RECUR_KINDS), None)
    first = min(first, word.start) if word is not None else first
    if any(m.kind in EVENT_KINDS and m.start < first and not m.ended for m in markers) and not _other_way(
            word, markers, folded.text):
        return Period("event", text, year, label=_event_label(text, folded, markers),
                      hint=_hint(text, chains, year))
    if len(chains) == 2:  # "Quý III các năm 2026 - 2030"
        each = each_year(chains[0], chains[1], folded.text, year)
        if each is not None:
            return period_of(text, year, each)
    monthly = next((m for m in markers if m.kind == "lunmonthly"), None)
    if monthly is not None:  # "mùng 1 và rằm hằng tháng": lunar days, listed
        return lunar_monthly(text, monthly, year)
    cycle = cycle_of(text, markers, live, chains, year, folded.text,
                     skipped=[c for c in an.chains if c.has("except")],
                     days_off=any(m.kind == "except" and DAYS_OFF.match(folded.text, m.start) for m in markers))
    if cycle is not None:
        return cycle
    if not chains:
        return _without_time(text, folded, an, live, year)
    pairs = _readings(_relevant(chains), year, folded.text)
    if len(pairs) > 1:
        pairs = _clarified(_not_widening(pairs), folded.text)
    # "Đợt 1: tháng 5/2025; đợt 2: tháng 10/2025": each round falls due, however long
    # (so does each numbered phase: "Giai đoạn 1: 2026 - 2027; giai đoạn 2: 2028 - 2030")
    rounds = sum(m.kind == "round" or (m.kind == "phase" and _NUMBERED.search(m.token.text) is not None)
                 for m in markers) > 1
    # and so does each time that heads its own words ("Năm 2025: đạt 50%; năm 2026: đạt 100%")
    rounds = rounds or (len(chains) > 1 and all(_COLON.match(folded.text, c.end) for c in chains))
    # and so does each time with a note of its own ("Năm 2026 (02 lớp); năm 2027 (03 lớp)")
    rounds = rounds or _each_noted([c for c, _ in pairs], markers, folded.text)
    # and so do the parts of a time that it says are of it ("Năm 2026 (trong đó, báo cáo sơ kết trước
    # 15/6/2026)": the interim report, and the year)
    of_which = len(pairs) > 1 and _OF_WHICH.search(folded.text, pairs[0][0].end, pairs[-1][0].start) is not None
    rounds = rounds or of_which
    # and so do times listed where one ends inside another ("Quý I và cả năm 2026": each report)
    rounds = rounds or (len(pairs) > 1 and all(_LISTED.fullmatch(folded.text, a.end, b.start)
                                               for (a, _), (b, _) in itertools.pairwise(pairs))
                        and ends_inside([(r.start, r.due) for _, r in pairs if r.start and r.due]))
    # and so do the phases a note or the lines under a time list inside it
    pairs, rounds = _inside_envelope(pairs, rounds, folded.text)
    # a hard date: "trước"/"chậm nhất" before it, or the eve a word names ("trước Tết": 1 atom)
    hard = [_hard(c) and not of_which for c, _ in pairs]  # (a part's date ends no time it is of)
    combined = _combine([r for _, r in pairs], year, hard, rounds)
    if combined.policy is None and combined.kind in ("deadline", "window"):  # the due keeps its own policy
        combined.policy = next((r.policy for _, r in pairs if r.policy and r.due == combined.due), None)
    return period_of(text, year, combined)


def _without_time(text: str, folded: Folded, an: Analysis, live: list[Chain], year: int) -> Period:
    """A cell that names no time: work that goes on, an event, or an error saying what it names."""
    markers = an.markers
    kinds = {m.kind for m in markers}
    # ("Từ nay trở đi", "Kể từ nay": from now on, a start no clock-free reading can date)
    if kinds & {"cont", "periodic"} or any(c.has("tu") and all(a.unit == NOW for a in c.atoms) for c in live):
        return Period("continuous", text, year, label="thường xuyên")
    owned = {id(m) for c in an.chains for m in c.suffixes}  # ("… năm 2018 và những năm tiếp theo" of a citation)
    coming = next((m for m in markers if m.token.name == "trodi2" and id(m) not in owned), None)
    if coming is not None:  # "Trong những năm tới": from the plan's next year on
        since = dt.date(year + 1, 1, 1) if (coming.token.g("u") or "") == "nam" else None
        return Period("continuous", text, year, since, label="những năm tới" if since else "thường xuyên")
    if kinds & {"weak", "strong", "dur"} or any(m.token.name in AFTER_END for m in markers) or _WHEN.match(folded.text):
        return Period("event", text, year, label=_event_label(text, folded, markers))
    raise _nothing(text, folded)


def _inside_envelope(pairs: list[tuple[Chain, Reading]], rounds: bool,
                     folded: str) -> tuple[list[tuple[Chain, Reading]], bool]:
    """The times a note or the lines under a time list inside it stand for it: each phase heading
    its words falls due ("Năm 2026 (Quý I: xây dựng kế hoạch; Quý II-III: triển khai; Quý IV: sơ
    kết)"), and so do the times of a note's list ("Năm 2026: 2 đợt (tháng 4, tháng 10)")."""
    envelope = pairs[0][0] if len(pairs) > 2 or (len(pairs) == 2 and pairs[1][1].dates) else None
    if envelope is None:
        return pairs, rounds
    noted = _ROUNDS_NOTE.fullmatch(folded, envelope.end, pairs[1][0].start) is not None
    inner = pairs[1:]
    if not (noted or heads_lines(folded, envelope)) or not _within(pairs[0][1], [r for _, r in inner]):
        return pairs, rounds
    if len(inner) > 1 and all((c.in_parens or "\n" in folded[envelope.end:c.start]) and _COLON.match(folded, c.end)
                              for c, _ in inner):
        return inner, True
    if noted and all(c.in_parens for c, _ in inner):
        return inner, rounds
    return pairs, rounds


_OF_WHICH = re.compile(r"\btrong\s*do\b")
_LISTED = re.compile(r"\s*(?:,|va|&|\+)\s*(?:ca\s*)?")  # between times of one list
_OWN_NOTE = re.compile(r"\s*\(([^()]*[a-z%][^()]*)\)")  # words in parentheses right after a time


def _each_noted(chains: list[Chain], markers: list[Marker], folded: str) -> bool:
    """Whether each of several times is followed by a note in words of its own, naming its work."""
    if len(chains) < 2:
        return False
    notes = []
    starts = [k.start for k in markers]
    for c, after in zip(chains, [*chains[1:], None], strict=True):
        m = _OWN_NOTE.match(folded, c.end)
        if m is None or (after is not None and after.start < m.end()):
            return False
        k = bisect.bisect_left(starts, m.start())  # ("(dự kiến)", "(chậm nhất …)": no work)
        if k < len(starts) and starts[k] < m.end():
            return False
        notes.append(m.group(1).strip())
    return len(set(notes)) == len(notes)


def _other_way(word: Marker | None, markers: list[Marker], folded: str) -> bool:
    """Whether a cycle word follows "hoặc", or right after "và": the duty's other way, whatever
    event comes before it ("… của Bộ và Sở Nội vụ hằng năm": that "và" joins the bodies)."""
    return word is not None and any(
        m.kind == "vaw" and m.start < word.start
        and (m.token.text.startswith("hoac") or not folded[m.end:word.start].strip()) for m in markers)


_NUMBERED = re.compile(r"(?:\d|\b[iv]+)$")  # a phase word with its number ("giai đoạn 2", "giai đoạn II")
_EXAMPLES = " (ví dụ đúng: “Quý II/2018”, “Tháng 6/2018”, “30/9/2018”)"
_NO_TIME = "không thấy thời gian nào" + _EXAMPLES
# a whole cell that names a unit and no number: "Trong quý", "Hoàn thành trong tháng"
_BARE_UNIT = re.compile(r"[\s.,;:]*(?:(?:hoan\s*thanh|thuc\s*hien)\s*)?(?:(?:trong|vao)\s*)?(quy|thang|tuan)"
                        r"(?:\s*(?:nay|toi|sau|tiep\s*theo|ke\s*tiep))?[\s.,;:]*")  # "tháng tới": from when?
# "Đầu năm học", "Trong năm học": which school year?
_BARE_SCHOOL = re.compile(r"[\s.,;:]*(?:(?:hoan\s*thanh|thuc\s*hien)\s*)?(?:(?:trong|vao)\s*)?(?:dip\s*)?"
                          r"(?:(?:dau|giua|cuoi)\s*)?(nam\s*hoc)(?:\s*nay|\s*moi)?[\s.,;:]*")
_BARE_TERM = re.compile(r"[\s.,;:]*(?:(?:hoan\s*thanh|thuc\s*hien)\s*)?(?:(?:trong|vao)\s*)?(?:(?:dau|giua|cuoi)\s*)?"
                        r"(hoc\s*ky\s*(?:i{1,2}|[12]|mot|hai)?)(?:\s*(?:cua\s*)?nam\s*hoc(?:\s*nay|\s*moi)?)?[\s.,;:]*")
# "Ngay", "Khẩn trương", "Càng sớm càng tốt": soon, but no day
_URGENT = re.compile(r"(?:(?:thuc\s*hien|trien\s*khai|lam)\s*)?"
                     r"(?:ngay(?:\s*lap\s*tuc)?|khan\s*truong|cang\s*som\s*cang\s*tot|som\s*nhat"
                     r"(?:\s*co\s*the)?|kip\s*thoi)")
_STATUS = re.compile(r"(?:(?:da|dang|chua)\s*(?:hoan\s*thanh|thuc\s*hien|trien\s*khai|ban\s*hanh|phe\s*duyet|to\s*chuc"
                     r"|xay\s*dung|xong)|hoan\s*thanh)\b")
# "Khi Trung ương ban hành": a cell that opens with "khi" waits for what follows it
_WHEN = re.compile(r"[\s\-+*.,;:]*(?:(?:ngay|chi|moi)\s*)?khi\s+[a-z]")
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
    term = _BARE_TERM.fullmatch(folded.text)
    if term:  # "Học kỳ I": of which school year?
        return PeriodError("“học kỳ” chưa nói của năm học nào: ghi rõ như “Học kỳ I năm học 2025-2026”", text,
                           folded.to_original(term.start(1), n), folded.to_original(term.end(1), n))
    school = _BARE_SCHOOL.fullmatch(folded.text)
    if school:
        return PeriodError("“năm học” chưa nói năm học nào: ghi rõ như “năm học 2025-2026”", text,
                           folded.to_original(school.start(1), n), folded.to_original(school.end(1), n))
    # ("ngay" is also "ngày" folded: a cell saying only "Ngày" is not urgent, just empty)
    if _URGENT.fullmatch(folded.text.strip(STRIP)) and "ngày" not in unicodedata.normalize("NFC", text).lower():
        return PeriodError(f"“{text.strip(STRIP)}” là yêu cầu làm sớm, chưa ghi hạn: ghi một ngày cụ thể{_EXAMPLES}",
                           text, 0, n)
    if _STATUS.fullmatch(folded.text.strip(STRIP)):  # "Đã hoàn thành": a status, not a time
        return PeriodError(f"“{text.strip(STRIP)}” là tình trạng công việc, chưa ghi thời gian{_EXAMPLES}", text, 0, n)
    return PeriodError(_NO_TIME, text, 0, n)


def _readings(chains: list[Chain], year: int, folded: str) -> list[tuple[Chain, Reading]]:
    """Each chain read; one with no year in a parenthesis after a dated time, or after a colon
    ("Năm 2025: trước 30/6"), reads in that time's year, and is only a note unless it falls
    inside it ("Quý II/2023 (… kỳ họp giữa năm)")."""
    if len(chains) == 1:  # (most cells: nothing around to read it with)
        c = chains[0]
        return [(c, read(c, year))]
    pairs: list[tuple[Chain, Reading]] = []
    dated: Reading | None = None  # the last time outside parentheses with its year written
    around = YearAround(folded, year)  # ("Năm 2026, … trong tháng 6", "Năm 2026\nQuý I: …")
    for c in chains:
        if pairs and c.atoms[0].unit == D0:
            in_month_before(c, pairs[-1][0], folded)
        prev = pairs[-1][1] if pairs else None
        end = prev.due if prev is not None and any(a.explicit_year for a in pairs[-1][0].atoms) else None
        follows = end is not None and (c.in_parens or _COLON.fullmatch(folded, pairs[-1][0].end, c.start) is not None)
        if not follows and c.in_parens and dated is not None and dated.due is not None:
            prev, end, follows = dated, dated.due, True  # "Năm 2026 (Quý I: …; Quý II-III: …)"
        if end is None or not c.yearless() or not follows:
            pairs.append((c, read(c, around.year_for(c))))
            around.saw(c)
            if not c.in_parens or len(pairs) == 1:  # (the first, in a cell wrapped whole in parentheses)
                dated = pairs[-1][1] if any(a.explicit_year for a in c.atoms) else None
            continue
        r = read(c, end.year)
        if r.due is not None and ((prev.start if prev else None) or end) <= r.due <= end:
            pairs.append((c, r))  # "Năm 2020 (hoàn thành trước 30/11)": it ends the year early
    return pairs


_COLON = re.compile(r"\s*:\s*")


def _within(outer: Reading, inner: list[Reading]) -> bool:
    """Whether every reading falls inside a window."""
    if outer.kind != "window" or outer.start is None or outer.due is None:
        return False
    spans = [(min(r.dates), max(r.dates)) if r.dates else (r.start, r.due) for r in inner]
    return all(s is not None and e is not None and outer.start <= s and e <= outer.due for s, e in spans)


def _not_widening(pairs: list[tuple[Chain, Reading]]) -> list[tuple[Chain, Reading]]:
    """Drop a time in parentheses that only spans the time it follows ("Quý II/2023 (… giữa năm
    2023)"): the nearest earlier time outside any parenthesis."""
    out, anchor = [], None
    for c, r in pairs:
        if not c.in_parens or anchor is None:  # (the first, in a cell wrapped whole in parentheses)
            anchor = r
        elif (anchor is not None and r.start and r.due and anchor.due
              # (a deadline spans its day: "Trước 30/11/2025 (năm 2025)" is still 30/11; not days
              # written out around a named one: "dịp Tết (từ ngày 14/2 đến 22/2/2026)")
              and (anchor.start is not None or all(a.unit in _COARSE for a in c.atoms))
              and r.start <= (anchor.start or anchor.due) and anchor.due <= r.due
              and (anchor.start, anchor.due) != (r.start, r.due)):
            continue
        out.append((c, r))
    return out


_COARSE = frozenset({YEAR, QUARTER, MONTH, HALF})
_OPENS = re.compile(r"\s*\(\s*")
_ROUNDS_NOTE = re.compile(r"\s*(?:[:,]?\s*(?:\d\d?|hai|ba|bon)\s*(?:dot|lan|lop|khoa)\s*)?\(\s*")  # "Năm 2026: 2 đợt ("


def _clarified(pairs: list[tuple[Chain, Reading]], folded: str) -> list[tuple[Chain, Reading]]:
    """A hard date in the parenthesis right after an earlier one says which day that is: "trước
    Tết Nguyên đán 2026 (trước ngày 10/02/2026)" is due on 10/02 only."""
    out: list[tuple[Chain, Reading]] = []
    for c, r in pairs:
        if out and c.in_parens and (c.has("truoc") or c.has("by")) and r.kind == "deadline" and r.due:
            p, pr = out[-1]
            if (_hard(p) and pr.kind == "deadline" and pr.due and r.due <= pr.due
                    and _OPENS.fullmatch(folded, p.end, c.start)):
                out[-1] = (c, r)
                continue
        if out and (_spelled_occasion(out[-1], (c, r), folded) or _spelled_within(out[-1], (c, r), folded)):
            out[-1] = (c, r)
            continue
        out.append((c, r))
    return out


def _spelled_within(before: tuple[Chain, Reading], after: tuple[Chain, Reading], folded: str) -> bool:
    """A span written from–to in the parenthesis right after a longer time, inside it: "Năm 2025 (từ
    tháng 3 đến tháng 11)" is March to November."""
    (p, pr), (c, r) = before, after
    return (c.in_parens and "range" in c.joints and r.kind == "window" and pr.kind == "window"
            and r.start is not None and r.due is not None and pr.start is not None and pr.due is not None
            and pr.start <= r.start and r.due <= pr.due and (r.start, r.due) != (pr.start, pr.due)
            and _OPENS.fullmatch(folded, p.end, c.start) is not None)


_OCCASION = re.compile(r"dip\s*(?:le\s*|tet\s*)?$")


def _spelled_occasion(before: tuple[Chain, Reading], after: tuple[Chain, Reading], folded: str) -> bool:
    """An occasion and the days it lasts, in the parenthesis right after it: "dịp Tết Nguyên đán
    2026 (từ ngày 14/2 đến 22/2/2026)" is those days, not Tết's own."""
    (p, pr), (c, r) = before, after
    if not (c.in_parens and r.kind == "window" and r.start and r.due and pr.kind == "deadline" and pr.due
            and len(p.atoms) == 1 and not _hard(p) and r.start <= pr.due <= r.due
            and _OPENS.fullmatch(folded, p.end, c.start)):
        return False
    day = p.atoms[0]
    return day.unit == DAY and (day.lunar or day.named != ""
                                or _OCCASION.search(folded, max(0, p.start - 12), p.start) is not None)


def _hard(c: Chain) -> bool:
    """A date that must not be passed: "trước"/"chậm nhất" before it, or the eve a word names."""
    return c.has("by") or c.has("truoc") or any(a.part == "eve" for a in c.atoms)


def _relevant(chains: list[Chain]) -> list[Chain]:
    """Drop the horizon ("tầm nhìn đến 2030"), the day a commemoration names beside the day it is
    held ("kỷ niệm Quốc khánh 2/9 … vào ngày 02/9/2025"), the period a report covers, the planned date beside
    a hard one, and "sau X" beside another time ("trước 30/01/2023 (sau Tết)": it only says when
    the work can start)."""
    kept = [c for c in chains if not c.after_horizon] or chains
    kept = [c for c in kept if not c.remembered] or kept  # "kỷ niệm Quốc khánh 2/9 … vào ngày 02/9/2025"
    kept = [c for c in kept if not c.has("report")] or kept  # "báo cáo 6 tháng đầu năm … trước 20/6"
    # "Tuyển dụng đợt 2/2025 trong Quý III/2025": the round's year only names it
    kept = [c for c in kept if not all(a.raw == ROUND_YEAR for a in c.atoms)] or kept
    if any(c.has("after") for c in kept):
        kept = [c for c in kept if not c.has("after")] or kept
    hard = [c for c in kept if c.has("by") and not c.has("dukien")]
    if hard and any(c.has("dukien") for c in kept):
        kept = [c for c in kept if not c.has("dukien")]
    return kept


def _combine(readings: list[Reading], year: int, hard: list[bool] | None = None, rounds: bool = False) -> Reading:
    """Several readings in one cell: from the first start to the last due (each due, for rounds)."""
    if len(readings) == 1:
        return readings[0]
    if hard:
        readings = _refined(readings, hard)
    first, last = readings[0], readings[-1]
    label = "; ".join(dict.fromkeys(r.label for r in readings))  # (once each: "Năm 2025 (cả năm)")
    hard_dues = {r.due for r, h in zip(readings, hard or [], strict=False) if h and r.kind == "deadline"}
    # "trước 30/4/2022 (đợt 1), trước 30/9/2022 (đợt 2)": each date falls due; so does "trước
    # 30/9/2024; năm 2025 trước 30/6/2025", where the year only says which one the date is in
    each = rounds or all(r.kind == "deadline" or (len(hard_dues) > 1 and r.due in hard_dues) for r in readings)
    # "Tháng 9/2025 (hội nghị); tháng 12/2025 (báo cáo)": periods with a gap between them each fall
    # due, as "tháng 9 và tháng 12/2025" does; "tháng 8; tháng 9" is one span
    each = each or (all(r.kind == "window" and r.start and r.due for r in readings) and not any(hard or [])
                    and not contiguous([(r.start, r.due) for r in readings if r.start and r.due]))
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
    later: list[dt.date] = []  # the hard dates after the reading at hand, sorted (one pass from the end)
    for j in range(len(readings) - 1, -1, -1):
        w = readings[j]
        if w.kind == "window" and w.start and w.due:
            k = bisect.bisect_left(later, w.start)  # the earliest hard date inside it ends it
            if k < len(later) and later[k] < w.due:
                out[j] = Reading("window", w.start, later[k], w.label, time=w.time)
        if hard[j] and w.due is not None:
            bisect.insort(later, w.due)
    return out


def period_of(text: str, year: int, r: Reading) -> Period:
    """The Period a reading of a text stands for."""
    rrule = r.rule.text() if r.rule else None
    return Period(r.kind, text, year, r.start, r.due, rrule, r.label, time=r.time,  # type: ignore[arg-type]
                  dates=r.dates, policy=r.policy, workdays_after=r.workdays_after)


def _hint(text: str, chains: list[Chain], year: int) -> Period | None:
    """The date an event mentions ("(trong tháng 7/2018)"), kept as a hint."""
    try:
        readings = [read(c, year) for c in chains]
    except AtomError:
        return None
    return period_of(text, year, _combine(readings, year)) if readings else None


def _event_label(text: str, folded: Folded, markers: list[Marker]) -> str:
    """The words naming the event, from its first marker to the end of the clause."""
    first = next((m for m in markers if m.kind in ("strong", "dur", "weak") or m.token.name in AFTER_END),
                 None)
    # (a season is named with what comes before it: "Trước mùa mưa bão", "Sau thu hoạch vụ Hè Thu")
    if first is None or first.token.name == "season":
        words = text.strip(STRIP)
    else:
        words = text[folded.to_original(first.start, len(text)):]
    words = re.split(r"[;.\n]", words, maxsplit=1)[0].strip()
    return words if len(words) <= 80 else words[:79].rstrip() + "…"
