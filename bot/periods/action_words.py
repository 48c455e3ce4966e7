"""The words of each deadline a sentence holds: what is due by it ("Hoàn thành Đề án trình Ban
Thường vụ Tỉnh ủy phê duyệt"), without the headings, list marks and joins around them."""

from __future__ import annotations

import bisect
import re

from bot.periods.grammar import Analysis
from bot.periods.model import Milestone, Period
from bot.periods.reader import STRIP
from bot.periods.text import Folded, fold

# (and "để" of a purpose whose words are the duty: "…, để tổng hợp, báo cáo UBND tỉnh trước ngày 31/10")
_LEADING_JOINS = re.compile(r"^(?:và|hoặc|đồng thời|sau đó|rồi|để)(?:\s+|$)", re.IGNORECASE)
# (and "vào", whose object is the time itself: "tuyên truyền vào đầu mỗi năm học"; "vào chiều" and
# "ngày" before a date, but not the "ngày" of a count of days: "Tập huấn 02 ngày (…)")
_TRAILING_JOINS = re.compile(r"\s+(?:và|hoặc|vào(?:\s+(?:buổi\s+)?(?:sáng|chiều|trưa|tối))?|(?<!\d\s)ngày)$",
                             re.IGNORECASE)
# the period a report covers, at the end of its words ("báo cáo kết quả thực hiện 6 tháng")
_PERIOD = r"(?:\d+\s+tháng(?:\s+(?:đầu|cuối))?(?:\s+năm)?|(?:cả\s+)?năm|quý|tháng)"
_PERIOD_AT_END = re.compile(rf"(?<=\s){_PERIOD}$", re.IGNORECASE)
_PERIOD_ONLY = re.compile(_PERIOD, re.IGNORECASE)
_ROUND = r"(?:(?:đợt|lần|bước|giai đoạn)\s+(?:thứ\s+)?\w+|cấp\s+(?:tỉnh|huyện|xã|cơ sở))"
_ROUND_ONLY = re.compile(_ROUND, re.IGNORECASE)
_ROUND_AT_END = re.compile(rf"(?<=\s){_ROUND}$", re.IGNORECASE)
# the document a duty rests on, before the duty itself: "Căn cứ Quyết định số 12/QĐ-UBND ngày
# 15/3/2024 của UBND tỉnh, Sở Nội vụ trình …" (only up to a comma after its number or date; its
# number may come without "số", its date after its own comma: "Theo Kế hoạch 45/KH-UBND, ngày 12/3/2024, …")
_PREAMBLE = re.compile(r"(?:căn cứ|thực hiện|theo)\s", re.IGNORECASE)
_DOC_REF = re.compile(r"\b(?:số|ngày)\s*\d|\d+[/\-][^\s,;]*[A-ZĐ]", re.IGNORECASE)
_DATE_NEXT = re.compile(r"\s*ngày\s+\d[^,;]*,", re.IGNORECASE)
# ("\W" before the words: the heading may be set in bold or italics, "*Thời gian thực hiện:*")
_HEADING_WORDS = r"(?:thoi\s*(?:gian|han)|han\s*chot)(?:\s*(?:thuc\s*hien|hoan\s*thanh|to\s*chuc))?"
# (before a colon also "Thời hạn gửi báo cáo: …"; without one, "thời hạn gửi báo cáo chậm nhất …" says the duty)
_HEADING_LEAD = re.compile(rf"\W*{_HEADING_WORDS}(?:\s*(?:gui|nop)(?:\s*bao\s*cao)?)?\s*:[\s*_]*(?=\w)")
_OWN_NOTE = re.compile(r"^\s*\([^()]*\)")
_JOINED = re.compile(r"\)?[\s,]*(?:(?:và|hoặc)[\s,]*)?", re.IGNORECASE)  # ")": the last one's note closes
_HEADING = re.compile(rf"{_HEADING_WORDS}\s*:?")
_CONNECTIVE = re.compile(r"(?:trong\s*do|cu\s*the(?:\s*la)?|dac\s*biet(?:\s*la)?|rieng(?:\s*doi\s*voi)?|dong\s*thoi"
                         r"|sau\s*do|tiep\s*theo|bao\s*gom|trong\s*(?:thoi\s*gian|khoang(?:\s*thoi\s*gian)?)"
                         r"|truoc\s*mat|truoc\s*het|(?:ve\s*)?lau\s*dai)\s*:?")  # ("Trước mắt, …; lâu dài, …")
_WEEKDAY = r"(?:thu\s*(?:hai|ba|tu|nam|sau|bay|[2-7])|chu\s*nhat)"
# the weekdays noted after a day or days ("(thứ Tư)", "(Thứ Hai, Thứ Ba)")
_WEEKDAY_NOTE = re.compile(rf"\W*\(\s*{_WEEKDAY}(?:\s*(?:[,\-]|va\b)\s*{_WEEKDAY})*\s*\)[\s,;.]*")
_AIM = re.compile(r"(?:phan\s*dau|muc\s*tieu|chi\s*tieu)\s*:?")
# the words that name a cycle in a list of them ("hằng quý (…), 6 tháng (…), năm (…)")
_CYCLE_WORDS = frozenset({"dinh", "ky", "hang", "moi", "bao", "cao", "va", ",", "thang", "quy", "nam", "tuan"})
_UNITS = frozenset({"thang", "quy", "nam", "tuan"})
_WORD_OR_COMMA = re.compile(r"[a-z]+|\d+|,")
# the mark of an item in a list: "a)", "b.", "2)", "(c)", "II."
_LIST_MARK = re.compile(r"^\(?(?:[a-zđ]\)|(?:\d{1,2}|[ivx]{1,4})[).])\s+", re.IGNORECASE)
_TIME_HEADING_AT_END = re.compile(r"(?:[,;]?\s*thời\s+(?:gian|hạn)(?:\s+(?:thực\s+hiện|hoàn\s+thành|tổ\s+chức))?\s*:)?"
                                  r"\s*\b(?:cả|suốt|trong\s+(?:cả|suốt))$"
                                  # ("Xây dựng Đề án, thời hạn: Quý II/2026": the heading of the time after it)
                                  r"|[,;]\s*(?:thời\s+(?:gian|hạn)|hạn\s+chót)(?:\s+(?:thực\s+hiện|hoàn\s+thành|tổ\s+chức))?$",
                                  re.IGNORECASE)
_ENUMERATOR = re.compile(r"[\s;,.\-+*•]*\(?(?:[a-zA-ZđĐ]|\d{1,2}|[ivxIVX]{1,4})[).][\s:]*")


def with_actions(text: str, folded: Folded, an: Analysis,
                 found: list[tuple[int, int, Period, int]]) -> list[Milestone]:
    """Attach to each deadline the words before it (or after it, when none come before)."""
    n = len(text)
    breaks = sorted(folded.to_original(m.end, n) for m in an.markers if m.kind == "brk")
    spans = [(folded.to_original(s, n), folded.to_original(e, n)) for s, e, _, _ in found]
    out: list[Milestone] = []
    after_first = False  # "Năm 2022 đạt 50%, năm 2023 đạt 80%": each time leads its words
    lead = ""  # the words before a colon that open such a list, said again for each time
    worded: set[int] = set()  # the clauses (by break) where words came before a time
    place = depth = 0  # the parenthesis depth at a place, counted on from milestone to milestone
    for i, ((s, e), (_, _, period, floor)) in enumerate(zip(spans, found, strict=True)):
        inside_before = depth > 0  # at the previous milestone's start
        depth += text.count("(", place, s) - text.count(")", place, s)
        closed = ")" in text[place:s]
        place = s
        # the words stay inside the clause: between the breaks before and after the deadline
        k, j = bisect.bisect_right(breaks, s), bisect.bisect_right(breaks, e)
        left = max(folded.to_original(floor, n), breaks[k - 1] if k else 0, spans[i - 1][1] if i else 0)
        right = min(n, breaks[j] - 1 if j < len(breaks) else n, spans[i + 1][0] if i + 1 < len(spans) else n)
        between = text[left:s]
        if i and left == spans[i - 1][1]:  # "trước 15/6 (báo cáo 6 tháng) và …": its note, not ours
            between = _OWN_NOTE.sub("", between, count=1)
        # ("ngày 15/10/2025 (thứ Tư), tại Hội trường": the weekday is the day's own note)
        after = _clean(_without_note(_without_spelled(_without_weekday(text[e:right]))))
        after = "" if _CONNECTIVE.fullmatch(fold(after).text) else after  # ("…, trong đó: tháng 7 …")
        before, cleared = _words_before(between, bool(floor) and left == folded.to_original(floor, n))
        # ("…, trong đó năm 2026 hoàn thành 30%, năm 2027 …": from here each time leads its words)
        after_first = after_first or (cleared and bool(after))
        # "Phấn đấu đến năm 2025 đạt 80%": a word of aim leads the time, the figure is the action
        after_first = after_first or (i == 0 and (not before or bool(_AIM.fullmatch(fold(before).text))))
        noted = text[e:right].lstrip().startswith("(")  # (a note after the time is no words it leads)
        if i == 0 and before and after and between.rstrip().endswith(":") and not noted:
            # "Thực hiện theo lộ trình: năm 2026 đạt 50%, năm 2027 …": a lead-in, then each time leads its words
            lead, after_first = before, True
        if before and not _bare_cycles(before):
            worded.add(k)  # (this clause has words before its times: a list of cycles in it shares them)
        if i and before and after and _bare_cycles(before) and k not in worded:
            # "định kỳ 6 tháng (trước ngày 10/6) và năm (trước ngày 10/12) báo cáo kết quả": the words of
            # a list of cycles come after it, when none came before it (a report named before it,
            # "Báo cáo quý (…), năm (…) gửi …", is the words of each)
            before = ""
        action = (after or before) if after_first else (before or after)
        if cleared and not action:  # "Xây dựng Đề án …; thời gian hoàn thành: trước 30/6/2026."
            action = _clause_before(text, breaks, k, spans[i - 1][1] if i else 0)
        if lead and after:
            action = f"{lead}: {after}"
        if i:
            joined = not before and not after_first and left == spans[i - 1][1] and bool(_JOINED.fullmatch(between))
            action = _from_previous(action, out[-1].action, joined, inside_before and not closed)
        if text[s:e].count("(") > text[s:e].count(")") and text[e:e + 1] == ")":
            e += 1  # "định kỳ 6 tháng (trước ngày 15/6)": the parenthesis closes with the date
        out.append(Milestone((s, e), text[s:e], action, period))
    return _shared_actions(out, breaks)


_CLAUSE_REST = re.compile(r"[^;.\n]*")


def words_after(text: str, end: int, limit: int) -> str:
    """The action words after a deadline that ends at `end`, up to `limit` or the clause's end
    ("…, các sở báo cáo UBND tỉnh." after a cycle and its note)."""
    clause = _CLAUSE_REST.match(text, end, limit)
    return _clean(clause.group() if clause else "")


def _clause_before(text: str, breaks: list[int], k: int, last: int) -> str:
    """The words of the clause before the k-th (ending at the k-th break), when no deadline of its
    own took them (`last`: where the one before ends): a heading opened the time's own clause."""
    if k < 1 or breaks[k - 1] - 1 < last or text[breaks[k - 1] - 1] not in ";.":
        return ""  # (not across a line: "- Cơ quan chủ trì: …\n- Thời gian thực hiện: …" are fields)
    start = max(breaks[k - 2] if k > 1 else 0, last)
    words = _words_before(text[start:breaks[k - 1] - 1], False)[0]
    return "" if _FIELD.match(words) else words


def _words_before(between: str, after_cycle_word: bool) -> tuple[str, bool]:
    """The action words among those before a deadline, and whether a heading, a list mark or a
    connective was all there was ("Thời gian: từ ngày 15/7 …", "a) Năm 2026: …", "…, trong đó năm
    2026 hoàn thành 30%": the words after the time are its action then)."""
    before = _clean(between)
    if after_cycle_word:  # "Định kỳ 6 tháng, năm, các sở báo cáo …"
        before = _MORE_CYCLES.sub("", before)
    before = _without_preamble(before) or before  # "Căn cứ Quyết định số …, Sở Nội vụ …"
    before = _without_heading(before)  # "*Thời gian thực hiện:* Báo cáo kết quả …"
    # "a) Xây dựng dự thảo …", "…, thời gian: cả năm 2026": a list mark before the words, a
    # heading and a word of the time after them
    before = _TIME_HEADING_AT_END.sub("", _LIST_MARK.sub("", before))
    lead_words = fold(before).text
    if _HEADING.fullmatch(lead_words) or _CONNECTIVE.fullmatch(lead_words) or _ENUMERATOR.fullmatch(between):
        return "", True
    return before, False


# the rest of a list of cycles after the cycle word a deadline took ("6 tháng, năm, …")
_MORE_CYCLES = re.compile(r"^(?:(?:và\s+)?(?:(?:hằng|hàng)\s+)?(?:năm|quý|tháng|\d+\s+tháng)\s*[,;:]\s*)+",
                          re.IGNORECASE)


def _from_previous(action: str, previous: str, joined: bool, same_parenthesis: bool) -> str:
    """The words of a deadline that are the previous one's: "A trước 15/6 và trước 15/12" (joined),
    "A (giai đoạn 1: năm 2025; giai đoạn 2: năm 2026)" (steps in one parenthesis), "Tập huấn đợt 1
    vào Quý II, đợt 2 vào Quý IV" (the next round of it)."""
    if joined or (not action and same_parenthesis):
        return previous
    last_round = _ROUND_AT_END.search(previous) if _ROUND_ONLY.fullmatch(action) else None
    if last_round is None and _PERIOD_ONLY.fullmatch(action):  # "báo cáo 6 tháng (…) và năm (…)"
        last_round = _PERIOD_AT_END.search(previous)
    return previous[:last_round.start()] + action if last_round else action


def _without_preamble(words: str) -> str:
    """The words after the document a duty rests on, if they start with one (one pass: a long
    clause without a comma must not cost its square)."""
    comma = re.search(r"[,;]", words) if _PREAMBLE.match(words) else None
    if comma is None or comma.group() == ";" or not _DOC_REF.search(words, 0, comma.start()):
        return words
    rest = comma.end()
    date = _DATE_NEXT.match(words, rest)
    return words[date.end() if date else rest:].lstrip()


def _without_heading(words: str) -> str:
    """The words after a heading that names the time column ("Thời gian thực hiện: Báo cáo …")."""
    if ":" not in words:  # (a heading ends with one: most words need no folding)
        return words
    folded = fold(words)
    head = _HEADING_LEAD.match(folded.text)
    return words[folded.to_original(head.end(), len(words)):] if head else words


_SPELLED = re.compile(r"\s*\((?:\s*(?:mot|hai|ba|bon|tu|nam|lam|sau|bay|tam|chin|muoi|linh|le|tram|nghin|ngan))+\s*\)")


def _without_spelled(words: str) -> str:
    """Words after a number without the number written again in words ("06 (sáu) đối với …")."""
    if not words.lstrip().startswith("("):
        return words
    folded = fold(words)
    note = _SPELLED.match(folded.text)
    return words[folded.to_original(note.end(), len(words)):] if note else words


def _without_weekday(words: str) -> str:
    """Words after a day without the weekday noted after it ("(thứ Tư), tại Hội trường")."""
    if "(" not in words[:3]:
        return words
    folded = fold(words)
    note = _WEEKDAY_NOTE.match(folded.text)
    return words[folded.to_original(note.end(), len(words)):] if note else words


def _without_note(words: str) -> str:
    """Words after a time without the note right after it, when more words follow ("(kỷ niệm 97 năm
    Ngày thành lập Đảng) tổ chức lễ mít tinh"); a note alone is the words ("(họp giao ban)")."""
    note = _OWN_NOTE.match(words)
    return words[note.end():] if note and _clean(words[note.end():]) else words


def _cycle_only(words: str) -> bool:
    """Whether words only name cycles ("6 tháng", "hằng quý và năm"): no action of their own.
    (Word by word, not one regular expression: nested repeats of optional words backtrack
    exponentially on a long near miss.)"""
    found = _WORD_OR_COMMA.findall(fold(words).text)
    return bool(found) and found[-1] in _UNITS and all(w in _CYCLE_WORDS or w.isdigit() for w in found)


def _bare_cycles(words: str) -> bool:
    """Whether words only name cycles, and no report ("6 tháng", "năm"; not "báo cáo quý")."""
    return _cycle_only(words) and "bao" not in fold(words).text


def _shared_actions(found: list[Milestone], breaks: list[int]) -> list[Milestone]:
    """In a list of cycles, each with its day, the words for them all stand once: a cycle's
    action that is only the name of the next cycle, or nothing, is its neighbours' action (the
    nearest before it in its clause, else the nearest after it)."""
    clauses = [bisect.bisect_right(breaks, m.span[0]) for m in found]
    named = [m.period.kind == "recurring" and (not m.action or _cycle_only(m.action)) for m in found]
    shared: list[str | None] = [None] * len(found)
    for order in (range(len(found)), range(len(found) - 1, -1, -1)):
        last: tuple[int, str] | None = None  # (clause, action) of the last milestone with words
        for i in order:
            if not named[i]:
                last = (clauses[i], found[i].action)
            elif shared[i] is None and last is not None and last[0] == clauses[i]:
                shared[i] = last[1]
    return [Milestone(m.span, m.text, _renamed(a, m.action, m.text), m.period) if a is not None else m
            for m, a in zip(found, shared, strict=True)]


def _renamed(shared: str, own: str, time: str) -> str:
    """A neighbour's words for a cycle that names its own report: "… gửi báo cáo quý (…), báo cáo năm
    trước 15/11" is "… gửi báo cáo năm" for the second; "Báo cáo tình hình …, 6 tháng (…), năm (…)"
    is "Báo cáo tình hình … năm" for the last (where its own time names no period: the words before
    it are its own then, not the next one's)."""
    mine = _PERIOD_ONLY.fullmatch(own) or _PERIOD_AT_END.search(own)  # (all of "6 tháng", not its "tháng")
    theirs = _PERIOD_AT_END.search(shared)
    if mine and not theirs and _REPORT_AT_END.search(shared) and not _PERIOD_WORD.search(time):
        return f"{shared} {own[mine.start():]}"
    return shared[:theirs.start()] + own[mine.start():] if mine and theirs else shared


_PERIOD_WORD = re.compile(r"\b(?:tháng|quý|năm)\b", re.IGNORECASE)
# a report's words that end the action, so that the period it covers may follow ("Báo cáo kết quả thực hiện")
_REPORT_AT_END = re.compile(r"(?:^|\s)báo\s+cáo(?:\s+(?:kết\s+quả|tình\s+hình))?(?:\s+thực\s+hiện)?$",
                            re.IGNORECASE)


def _clean(words: str) -> str:
    """The words of an action, without the joins and marks around them; parentheses kept whole."""
    closes = words.rstrip().endswith(")")
    words = words.strip(STRIP)
    words = _TRAILING_JOINS.sub("", _LEADING_JOINS.sub("", words)).strip(STRIP)
    if closes and words.count("(") > words.count(")"):
        words += ")"  # "Báo cáo về UBND tỉnh (qua Sở Nội vụ)": the strip took its close
    elif words.count("(") > words.count(")") and not _CELLS.search(words, words.rfind("(")):
        # the time stands inside a note: "Kiện toàn Ban Chỉ đạo (xong trong tháng 3)" is "Kiện toàn
        # Ban Chỉ đạo", "Tổ chức tập huấn (lớp 1 vào tháng 5, …)" is "Tổ chức tập huấn (lớp 1)"
        words = _DONE_IN_NOTE.sub("", words)
        words += ")" if words.count("(") > words.count(")") else ""
    return words


_FIELD = re.compile(r"(?:cơ\s+quan|đơn\s+vị|sản\s+phẩm|kinh\s+phí)[^:]{0,60}:", re.IGNORECASE)  # a field, not a duty
_CELLS = re.compile(r"[\t\n]")  # (a note cut by the next cell of a table row is left as it is)


# the words that open a note holding the time, and say no more than that it is done then
_DONE_IN_NOTE = re.compile(r"\s*\([*_]*(?:\s*(?:xong|hoàn\s+thành|thực\s+hiện|dự\s+kiến|thời\s+(?:gian|hạn)|:))*\s*$",
                           re.IGNORECASE)
