"""Bind atoms into chains ("từ tháng 3 đến tháng 10/2019") with the words before and after them."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from bot.periods.atoms import (
    D0,
    DAY,
    HALF,
    MONTH,
    MQ,
    NOW,
    QUARTER,
    WEEKDAY,
    YEAR,
    Atom,
    AtomError,
    lunar_counted,
    number,
)
from bot.periods.lexer import Token, tokens
from bot.periods.naming import anniversaries, check_weekday, check_weekdays
from bot.periods.weeks import part_of
from bot.periods.words import from_token

ATOM_KINDS = frozenset({
    "month", "quarter", "year", "dmy", "vdate", "dm", "dmb", "d0", "num", "numlast", "byear", "yrel",
    "pyn", "half", "mq", "weekday", "weekdays", "yplan", "now", "lunar", "lunar15", "luntet", "lunmon", "tet",
    "truoctet", "tetsolar", "natday", "yweek", "school", "yearin", "festival", "badyear", "faryear", "badnum", "wmonth",
    "lmonth", "ymd", "ymonth", "ywcycle", "summer", "ndaysy", "ndaysq", "thirdmq", "roundy", "nyears",
})
RECUR_KINDS = frozenset({"recur", "recurn", "recurl", "recurd", "recurt"})
_CONNECT = {"dash": "range", "den": "range", "va": "list", "vaw": "list"}
_SUFFIX = frozenset({"trodi"}) | RECUR_KINDS
_STARTS_CLAUSE = frozenset({"brk", "cell"})
# event words that start a span another word may end: "từ khi ban hành đến hết năm 2025"
_FROM_EVENT = frozenset({"strong3", "strong4", "strong5"})
_LEAD_MARKS = re.compile(r"[\s\-+*.:;,()\u2022]*")  # what may stand before the words opening a clause
_DATED = re.compile(r"\s*[,(]?\s*(?:ban\s*hanh\s*)?ngay\s*\d")  # a document number's date right after it
# words after which a date no longer belongs to the document being cited
_CITE_END = frozenset({"in", "truoc", "by", "den", "tu", "dukien", "strong", "dur", "after"})
# what may stand between two parts of one expression: spaces, punctuation, "của", "là", "dịp"
_FILLER = re.compile(r"(?:[\s,:()\"'*_]|\bcua\b|\bla\b|\bsang\b|\bchieu\b|\bluc\b|\bdip\b|\bam\s*lich\b"
                     r"|\btrua\b|\btoi\b)*")
# "tuần đầu/thứ 2/cuối" of a month, kept on the month as its part
_WEEKS = {"1": "w1", "nhat": "w1", "mot": "w1", "dau": "w1", "2": "w2", "hai": "w2", "3": "w3",
          "ba": "w3", "4": "w4", "bon": "w4", "tu": "w4", "5": "w5", "nam": "w5", "cuoi": "wl"}
_PLURAL = re.compile(r"(?:nhung|cac)\s*$")
_PAREN_END = re.compile(r"[)\n]")
_COUNTED = re.compile(r"[^,;()\n]{0,30}?\btinh\s*(?:den|tu)\b")
_PHRASE_END = re.compile(r"[),;\n]|\.(?=\s|$)")
_THIRDS = {"thuongtuan": "dau", "trungtuan": "giua", "hatuan": "cuoi", "dautien": "dau", "cuoicung": "cuoi",
           # (the months of a quarter: "tháng thứ hai của quý III")
           "thunhat": "dau", "thu1": "dau", "thuhai": "giua", "thu2": "giua", "thuba": "cuoi", "thu3": "cuoi"}
_WORDS = re.compile(r"[a-z]{2,}")  # a word of a duty before an event word in its clause
_DUTY_VERB = re.compile(r"\s*(?:bao\s*cao|gui|hoan\s*thanh|to\s*chuc|trien\s*khai|thuc\s*hien|nop|trinh"
                        r"|tong\s*hop|xay\s*dung|ban\s*hanh|cap\s*nhat|so\s*ket|tong\s*ket)\b")
_HEADS = re.compile(r"\s*:")
_MONTH_OF_QUARTER = {"dau": 1, "giua": 2, "cuoi": 3}  # a quarter's part is one of its months
_AM_LICH = re.compile(r"\s*\(?\s*(?:am\s*lich|al)\b")


@dataclass(slots=True)
class Marker:
    """A word that binds or qualifies atoms ("trước", "đến", "hằng năm")."""

    kind: str
    start: int
    end: int
    token: Token
    ended: bool = False  # an event that only starts the work, a date ends it ("từ khi ban hành đến 31/12")
    midway: bool = False  # an event word after the words of its clause's duty ("triển khai ngay sau khi …")


@dataclass(slots=True)
class Chain:
    """Atoms written as one expression, with the words right before and after it."""

    atoms: list[Atom]
    joints: list[str]
    prefixes: list[Marker] = field(default_factory=list)
    suffixes: list[Marker] = field(default_factory=list)
    clause: int = 0
    cited: bool = False
    after_event: bool = False
    after_horizon: bool = False
    kinds: frozenset[str] = frozenset()  # the kinds of `prefixes`, for quick questions
    after_purpose: bool = False  # "để tổng hợp báo cáo Bộ trước 30/10": another body's date
    in_parens: bool = False  # it starts inside a parenthesis ("Quý II/2023 (… giữa năm)")
    remembered: bool = False  # after "kỷ niệm", or a named day with no year: it may only name a day
    offset: int = 0  # "trước Tết Nguyên đán 15 ngày": so many days before ("trước") or after ("sau") it

    @property
    def start(self) -> int:
        return self.prefixes[0].start if self.prefixes else self.atoms[0].start

    @property
    def end(self) -> int:
        return self.suffixes[-1].end if self.suffixes else self.atoms[-1].end

    def has(self, kind: str) -> bool:
        """Whether a word of this kind stands right before the chain."""
        return kind in self.kinds

    def idle(self) -> bool:
        """A chain that says no time by itself: "này" alone, bare numbers ("mức độ 2, 3")."""
        return all(a.unit == NOW or (a.unit == D0 and a.weak) or a.unit == WEEKDAY
                   for a in self.atoms)

    def yearless(self) -> bool:
        """Whether no atom names its year: it can be a day in a cycle ("30/6 hằng năm")."""
        return not any(a.explicit_year for a in self.atoms) and all(
            a.unit != "half" or a.y is None for a in self.atoms)


@dataclass(slots=True)
class Analysis:
    """Everything found in one folded text."""

    chains: list[Chain]
    markers: list[Marker]


def adjacent(folded: str, a: int, b: int) -> bool:
    """Whether only spaces, punctuation and filler words stand between two places."""
    return a >= b or _FILLER.fullmatch(folded, a, b) is not None


def analyse(folded: str, context_year: int) -> Analysis:
    """Tokens of a folded text grouped into chains and loose markers."""
    b = _Builder(folded, context_year)
    found = tokens(folded)
    label: Atom | None = None  # a weekday naming the date right after it ("thứ Hai 16/3/2026")
    skip = -1  # the tokens up to here were read with that weekday (a comma after it)
    for k, tok in enumerate(found):
        near = adjacent(folded, b.last_end, tok.start)
        if k <= skip:
            b.last_end = tok.end if near else b.last_end
            continue
        if tok.kind == "weekday" and (j := _date_named(found, k, folded)):
            # (the date's own name, not a time of its own: "từ thứ Hai 16/3 đến thứ Sáu, 20/3/2026" is
            # one range of days)
            named = from_token(tok, context_year)[0]
            label, skip = (named if isinstance(named, Atom) else None), j - 1
            b.last_end = tok.end if near else b.last_end
            continue
        if tok.kind == "faryear" and not _FAR_LEAD.search(folded, max(0, tok.start - 24), tok.start):
            continue  # ("thành lập năm 1010": history; only a time's own words ask about a slip)
        if tok.kind in ATOM_KINDS:
            slip = False  # (a flag, not `continue` inside `finally`: mypyc compiles this module too)
            try:
                parts = from_token(tok, context_year)
                if label is not None and not b.citing and parts and isinstance(parts[0], Atom):
                    check_weekday(label, parts[0])
            except AtomError:
                if not b.citing:
                    raise
                slip = True  # a cited document's mistyped date is not this plan's to fix
            finally:
                label = None
            if slip:
                continue
            for part in parts:
                if isinstance(part, str):
                    b.joint = part
                else:
                    b.atom(part, near)
                    near = True
            b.last_end = tok.end
        else:
            b.marker(tok, near)
    anniversaries(b.chains, folded)
    check_weekdays(b.chains, folded)
    return Analysis(b.chains, b.markers)


# what stands before a year written as a time: the cell's start, a lead word, a joint
_FAR_LEAD = re.compile(r"(?:^|[\-,;:(]|\b(?:trong|tu|den|toi|truoc|sau|vao|het|nhat|thanh|hien|va|hoac))\s*$")
_DATES = frozenset({"dmy", "dm", "dmb", "vdate", "ymd"})  # the tokens of a day of a month


def _date_named(found: list[Token], k: int, folded: str) -> int:
    """The index of the date a weekday token names right after it, past a comma ("thứ Hai, ngày
    16/3/2026"), or 0."""
    j = k + 1
    if j < len(found) and found[j].text.strip() == "," and adjacent(folded, found[k].end, found[j].start):
        j += 1
    if j < len(found) and found[j].kind in _DATES and adjacent(folded, found[j - 1].end, found[j].start):
        return j
    return 0


class _Builder:
    """What `analyse` knows while it reads the tokens from left to right."""

    __slots__ = ("_depth", "_ends", "chains", "citing", "clause", "clause_start", "cur", "data_until", "earlier",
                 "events", "folded", "horizon", "joint", "last_end", "markers", "meeting", "memorial", "offset",
                 "purpose", "purpose_lead", "run", "third", "third_start", "time")

    def __init__(self, folded: str, context_year: int) -> None:
        self.folded = folded
        self.chains: list[Chain] = []
        self.markers: list[Marker] = []
        self.run: list[Marker] = []  # markers adjacent to each other, waiting for an atom
        self.cur: Chain | None = None  # the chain being built
        self.joint: str | None = None  # a connector waiting for the next atom
        self.last_end = self.clause = self.clause_start = 0
        self.citing = self.purpose = self.purpose_lead = self.horizon = self.memorial = self.meeting = False
        self.events: list[Marker] = []  # the event words the clause waits for, first first
        self.earlier: list[Marker] = []  # those of the clauses before, which only "chậm nhất" ends
        self.time: dt.time | None = None  # a time of day waiting for its day
        self.third: str | None = None  # "đầu", "giữa", "cuối", a week, waiting for its atom
        self.third_start = 0
        self.data_until = -1  # "(số liệu tính đến 30/11)": dates before here say what data covers
        self.offset: Marker | None = None  # "30 ngày" waiting for the "trước"/"sau" of a time
        # read left to right once, however many chains and data words there are: the parenthesis
        # depth at the last place asked, and the last phrase or parenthesis end found (searched
        # from, found at)
        self._depth = (0, 0)
        self._ends: dict[bool, tuple[int, int]] = {}

    def atom(self, part: Atom, near: bool) -> None:
        """Add an atom to the chain being built, or start a new chain with it."""
        if part.unit in (DAY, MONTH) and (am_lich := _AM_LICH.match(self.folded, part.end)):
            part.lunar, part.end = True, am_lich.end()  # (the words are part of it: "10/3 âm lịch", "tháng 7 âm lịch")
            if part.unit == MONTH and part.explicit_year and part.y:  # ("tháng 12/2026 âm lịch" is in January 2027)
                part.y = lunar_counted(part.n, part.y)
        if self.time is not None and part.unit == DAY:
            part.time, self.time = self.time, None
        if self.third is not None:  # the atom's text starts at its "đầu"/"cuối"/"tuần"
            part.part, part.start, self.third = self.third, self.third_start, None
        cur, joint = self.cur, self.joint
        # "Quý IV (năm 2019)", "Ngày 15 (tháng 6/2019)": one time, not two; so is "Quý II – năm 2025"
        # (a dash before the year of a time that has none, not a range to that year)
        dashed = joint == "range" and self.run[-1:] != [] and self.run[-1].kind == "dash" and part.unit == YEAR
        # (but not a time that heads its own words: "Năm 2026 (Quý I: xây dựng kế hoạch; …)")
        nested = (cur is not None and near and (joint is None or dashed) and not _cycled(cur)
                  and not _HEADS.match(self.folded, part.end) and _nested(cur, part, self.folded, self.memorial))
        if cur is not None and near and not nested and _joinable(cur, part, joint):
            cur.atoms.append(part)
            cur.joints.append(joint or "list")
        elif not nested:
            pre = self.run if near else []
            cited = self.citing or part.start < self.data_until
            self.cur = Chain([part], [], pre, [], self.clause, cited, bool(self.events), self.horizon,
                             frozenset(m.kind for m in pre), self.purpose)
            self.cur.in_parens = self._inside(self.cur.start)
            # (and a named day with no year beside a dated time: "Tháng hành động … từ ngày 15/4 đến 15/5/2026")
            self.cur.remembered = self.memorial or (bool(part.named) and not part.explicit_year)
            at = self._counts_to(pre, part)
            if at >= 0 and self.offset is not None:  # (the days counted are among its words)
                self.cur.offset = int(self.offset.token.g("n") or 0)
                self.cur.prefixes.insert(at, self.offset)
            self.chains.append(self.cur)
        self.run, self.joint, self.offset = [], None, None

    def marker(self, tok: Token, near: bool) -> None:
        """A word that is not a time: it qualifies, joins, follows or ends the chain being built."""
        kind, cur = tok.kind, self.cur
        if self.purpose_lead and kind == "va" and tok.text.strip() == ",":
            self.purpose = self.purpose_lead = False
        if tok.name == "recurm" and (cur is None or not near or cur.atoms[-1].unit != D0):
            return  # "tháng sau" names a cycle only right after a day ("ngày 10 tháng sau")
        if kind == "offset":
            if (cur is not None and len(cur.atoms) == 1 and not cur.offset
                    and not self.folded[cur.end:tok.start].strip()
                    and (cur.has("truoc") or cur.has("after") or cur.atoms[0].part == "eve")):
                cur.offset, self.last_end = int(tok.g("n") or 0), tok.end
                cur.suffixes.append(Marker("offset", tok.start, tok.end, tok))  # (the chain ends after it)
            elif (tok.name == "offset2" or _OFFSET_LEADS.fullmatch(self.folded, self.clause_start, tok.start)
                  or _LATEST_BEFORE.search(self.folded, max(self.clause_start, tok.start - 16), tok.start)):
                # ("30 ngày trước ngày 01/7/2026", "Chậm nhất 10 ngày sau khi kết thúc Quý III/2026", at
                # the head of a clause; not "Tập huấn 3 ngày trước ngày 01/7", three days long)
                self.offset = Marker("offset", tok.start, tok.end, tok)
                self.last_end = tok.end if near else self.last_end  # ("Chậm nhất" before it leads the time too)
            return
        if kind in ("doc", "reason"):
            if near:
                self.last_end = tok.end
            if tok.name == "doc" and _DATED.match(self.folded, tok.end):
                self.citing = True  # "QĐ số 1234/QĐ-UBND ngày 15/3/2026": the number's own date, whatever names it
            return
        if tok.name == "weekafter":  # "Tháng 7/2025 (tuần 2)": the week of the month before it
            last = cur.atoms[-1] if cur is not None and near else None
            if last is not None and last.unit == MONTH and not last.part:
                last.part, last.end = _week(tok.g("n") or ""), tok.end
                self.last_end = tok.end
            return
        if kind == "time":
            self._time_of_day(tok, near)
        elif kind in ("part", "week", "nthpart"):  # qualifies the atom right after it
            if tok.name == "edpart" and _PLURAL.search(self.folded, 0, tok.start):
                kind = "part"  # "những ngày cuối tháng 6": the last ten days, not the last day
            self.third = (f"days:{tok.g('p')}:{_days_counted(tok)}" if tok.name == "ndays"
                          else _half(tok) if tok.name == "mhalf"
                          else _third(tok.g("n") or tok.g("p") or "") if kind == "part"
                          else part_of(tok) if kind == "nthpart" else _week(tok.g("n") or ""))
            self.third_start = tok.start
            if not near:
                return
        elif cur is not None and near and self.joint is None and kind in _CONNECT and not _cycled(cur):
            self.joint = _CONNECT[kind]
            self.run = [Marker(kind, tok.start, tok.end, tok)]  # the next chain's, if no atom follows
        elif cur is not None and near and kind in _SUFFIX and (self.joint is None or kind == "trodi"):
            self.joint = None  # "Năm 2024, các năm tiếp theo": the comma joins nothing
            marker = Marker(kind, tok.start, tok.end, tok)
            cur.suffixes.append(marker)
            self.markers.append(marker)
        else:
            self._ends_chain(Marker(kind, tok.start, tok.end, tok), near)
        self.last_end = tok.end

    def _next_duty(self, event: Marker, marker: Marker) -> bool:
        """ "và" and a duty's verb after an event that only conditions the duty before it: "triển khai
        ngay sau khi nhận được Kế hoạch này và báo cáo kết quả trước ngày 15/12/2025" is due 15/12
        (not "sau khi có hướng dẫn của Bộ Nội vụ và Bộ Tài chính", one event)."""
        return marker.kind == "vaw" and event.midway and _DUTY_VERB.match(self.folded, marker.end) is not None

    def _data(self, marker: Marker) -> None:
        """The period a report's figures cover ("số liệu tính đến 30/11", "kỳ báo cáo năm 2024",
        "chốt số liệu ngày 30/11"): its dates, to the end of its parenthesis or phrase, are no deadline.
        A bare "số liệu" counts only in a parenthesis or before "tính đến/từ" ("cập nhật số liệu
        trước 30/6" is a deadline)."""
        text, at = self.folded, marker.end
        inside = self._inside(at)
        bare = text.startswith("so", marker.start)
        if bare and not inside and not _COUNTED.match(text, at):
            return
        self.data_until = self._end_from(at, inside)

    def _inside(self, at: int) -> bool:
        """Whether a place stands inside a parenthesis (counted on from the last place asked, which
        is nearly always just before it: the text is read once)."""
        since, depth = self._depth
        low, high = min(since, at), max(since, at)
        moved = self.folded.count("(", low, high) - self.folded.count(")", low, high)
        depth += moved if at >= since else -moved
        self._depth = (at, depth)
        return depth > 0

    def _end_from(self, at: int, inside: bool) -> int:
        """Where the parenthesis or phrase holding `at` ends (the same end serves the next ask)."""
        since, found = self._ends.get(inside, (-1, -1))
        if not since <= at <= found:
            match = (_PAREN_END if inside else _PHRASE_END).search(self.folded, at)
            since, found = at, match.start() if match else len(self.folded)
            self._ends[inside] = (since, found)
        return found

    def _counts_to(self, pre: list[Marker], part: Atom) -> int:
        """Where among a new chain's words the days counted stand, right before its "trước"/"sau"
        ("15 ngày trước Tết": its eve is one word), or -1."""
        if self.offset is None:
            return -1
        at = next((i for i, m in enumerate(pre) if m.kind in ("truoc", "after")), -1)
        lead = pre[at].start if at >= 0 else part.start if part.part == "eve" else -1
        if lead < 0 or not adjacent(self.folded, self.offset.end, lead):
            return -1
        return at if at >= 0 else len(pre)

    def _time_of_day(self, tok: Token, near: bool) -> None:
        at = _time(tok)
        # (not past a joint: "từ ngày 01/3 đến 17 giờ ngày 15/3" is the time of the day after it)
        last = self.cur.atoms[-1] if self.cur is not None and near and self.joint != "range" else None
        if last is not None and last.unit == DAY and last.time is None:
            last.time = at  # "ngày 20/3/2022, lúc 8 giờ": the time after its day
            return
        self.time = at
        if near and at != dt.time(0) and self.run and self.run[-1].kind == "tu":
            # "bắt đầu từ 14 giờ ngày 10/4/2026": the meeting's hour, that day (not from then on,
            # as "từ 0 giờ ngày 01/7/2026" is); "đến" after it still makes a range of days
            self.run.pop()

    def _ends_chain(self, marker: Marker, near: bool) -> None:
        """Any other word ends the chain being built and may change what follows."""
        kind = marker.kind
        self.cur, self.joint = None, None
        if near:  # (in place: a long run of marks must not be copied at each one)
            self.run.append(marker)
        else:
            self.run = [marker]
        self.markers.append(marker)
        if kind in _STARTS_CLAUSE:
            self.clause += 1
            self.clause_start = marker.end
            self.citing = self.horizon = self.purpose = self.purpose_lead = self.memorial = self.meeting = False
            self.earlier += self.events
            self.events = []
            self.run = []
        elif kind == "cite":
            self.citing = True
        elif kind == "purpose":  # "để tổng hợp báo cáo Bộ trước 30/10": not this task's date
            self.purpose = True
            # (but one that opens its clause ends at its comma: "Để tổng hợp báo cáo UBND tỉnh, các đơn vị
            # gửi trước 15/6" is due 15/6)
            self.purpose_lead = _LEAD_MARKS.fullmatch(self.folded, self.clause_start, marker.start) is not None
            # ("để chuẩn bị cho Tết …", "để phục vụ Đại hội": the occasion, as after "chuẩn bị cho")
            self.memorial = self.memorial or marker.token.text.endswith(("bi", "vu"))
        elif kind == "data":
            self._data(marker)
        elif kind == "memorial":
            self.memorial = True
        elif kind == "weak" and marker.token.name == "season":
            self.citing = True  # "mùa khô 2025-2026": the years name the season, not when it falls
        elif kind == "weak" and marker.token.text.startswith("dai"):
            self.meeting = True  # "Đại hội Đảng bộ …": a term after it names the congress
        elif kind == "phase" and self.meeting and marker.token.text.startswith("nhiem"):
            self.citing = True  # "Trước Đại hội …, nhiệm kỳ 2025 - 2030": the congress's term, no deadline
        elif kind in _CITE_END:
            self.citing = self.memorial = False
        if kind in ("strong", "dur"):
            marker.midway = kind == "strong" and _WORDS.search(self.folded, self.clause_start, marker.start) is not None
            self.events.append(marker)
        elif self.events and (_closes(self.events[0], marker) or self._next_duty(self.events[0], marker)):
            for m in self.events:
                m.ended = True
            self.events = []
        elif kind == "by" and self.earlier:  # "Sau khi có hướng dẫn của Bộ; chậm nhất Quý IV/2026": a limit too
            for m in self.earlier:
                m.ended = True
            self.earlier = []
        elif kind == "horizon":
            self.horizon = True


def _cycled(chain: Chain) -> bool:
    """Whether a cycle word ends the chain: "ngày 10 hằng tháng và ngày 25/12 hằng năm" is two."""
    return any(m.kind in RECUR_KINDS for m in chain.suffixes)


def _closes(event: Marker, marker: Marker) -> bool:
    """Whether a word ends the wait for an event: "đến" after "từ khi …" ("từ khi ban hành đến
    31/12/2025" is due then), a comma or "và" after a time counted from an event, which is whole
    in itself ("trong 15 ngày kể từ ngày họp, hoàn thành trước 30/6": a second duty), and "chậm
    nhất", a limit whatever happens ("khi có hướng dẫn, chậm nhất Quý IV/2025")."""
    if marker.kind == "den":
        return event.token.name in _FROM_EVENT
    if marker.kind == "by":
        return True
    return marker.kind in ("va", "vaw") and event.kind == "dur"


_IN_A_YEAR = frozenset({MONTH, QUARTER, HALF})


_CLOSES = re.compile(r"\s*\)")
# what may stand before days counted to a time, at the head of its clause: "Chậm nhất 30 ngày trước …",
# "Thời hạn: 30 ngày trước …", "Dự kiến 15 ngày trước Tết"
_OFFSET_LEADS = re.compile(r"[\s\-+*:.,(]*(?:(?:thoi\s*(?:gian|han)(?:\s*[a-z]+){0,3}\s*:|du\s*kien|hoan\s*thanh"
                           r"|thuc\s*hien|(?:cham|muon)\s*nhat(?:\s*la)?|it\s*nhat|toi\s*thieu|khoang|truoc"
                           r"|trong(?:\s*vong)?)\s*)*")
# (or, anywhere, a word of the latest day right before them: "Các cơ quan gửi hồ sơ chậm nhất 30 ngày trước …")
_LATEST_BEFORE = re.compile(r"(?:(?:cham|muon)\s*nhat(?:\s*la)?|it\s*nhat|toi\s*thieu)\s*$")


def _nested(chain: Chain, atom: Atom, folded: str, memorial: bool) -> bool:
    """Fold a year or month written right after the time it belongs to into that time."""
    last = chain.atoms[-1]
    if atom.unit == YEAR and atom.explicit_year and last.unit in _IN_A_YEAR and last.y is None:
        y = lunar_counted(last.n, atom.y or 0) if last.lunar and last.unit == MONTH else atom.y
        last.y, last.explicit_year, last.end = y, True, atom.end
        return True
    if (atom.unit == YEAR and atom.explicit_year and not atom.part and last.unit == DAY and not last.lunar
            and not last.explicit_year and last.m and len(chain.atoms) == 1
            and _CLOSES.match(folded, atom.end) and (memorial or folded.count("-", atom.start, atom.end) == 0)):
        # "Ngày 2/9 (năm 2025)"; not "30/6 (năm 2026, 2028)" nor "(2026-2028)", but "kỷ niệm Quốc khánh
        # 2/9 (1945-2025)", which runs from the day remembered to its anniversary
        last.y, last.explicit_year, last.end = atom.y, True, atom.end
        return True
    if (last.unit == YEAR and len(chain.atoms) == 1 and atom.y is None
            and (atom.unit in _IN_A_YEAR or (atom.unit == YEAR and atom.part))):  # "Năm 2025 (cuối năm)"
        atom.y, atom.explicit_year, atom.start = last.y, last.explicit_year, last.start
        chain.atoms[-1] = atom  # "Năm 2019 (Quý IV)"
        return True
    if (atom.unit == YEAR and atom.explicit_year and not atom.part and last.unit == DAY and last.lunar
            and not last.explicit_year and atom.y and last.m):  # "10/3 âm lịch năm 2026": the lunar year
        last.y, last.explicit_year, last.end = lunar_counted(last.m, atom.y), True, atom.end
        return True
    if (last.unit == DAY and last.named and atom.unit == DAY and (atom.n, atom.m) == (last.n, last.m)
            and atom.lunar == last.lunar and len(chain.atoms) == 1):  # "Quốc khánh 2/9": the day's own date
        if atom.explicit_year:
            last.y, last.explicit_year = atom.y, True
        last.end = atom.end
        return True
    if (last.unit == QUARTER and len(chain.atoms) == 1 and atom.unit == MONTH and atom.y is None
            and not atom.lunar and (atom.n - 1) // 3 + 1 == last.n):  # "Quý III/2025 (tháng 8)": August
        atom.y, atom.explicit_year, atom.start = last.y, last.explicit_year, last.start
        chain.atoms[-1] = atom
        return True
    if (last.unit == D0 and atom.unit == QUARTER and atom.part in _MONTH_OF_QUARTER and len(chain.atoms) == 1
            and not last.weak and 1 <= atom.n <= 4):  # "ngày 15 tháng cuối quý II/2026": 15 June
        day = Atom(DAY, last.start, atom.end, last.n, 3 * (atom.n - 1) + _MONTH_OF_QUARTER[atom.part or ""],
                   atom.y, atom.explicit_year)
        day.time = last.time
        chain.atoms[-1] = day
        return True
    if last.unit == D0 and atom.unit == MONTH and len(chain.atoms) == 1 and not last.weak:
        day = Atom(DAY, last.start, atom.end, last.n, atom.n, atom.y, atom.explicit_year)
        day.time = last.time
        chain.atoms[-1] = day  # "ngày 15 (tháng 6/2019)"
        return True
    return False


def _joinable(chain: Chain, atom: Atom, joint: str | None) -> bool:
    """Whether an atom right after a chain belongs to it."""
    last = chain.atoms[-1]
    if (last.unit == WEEKDAY) != (atom.unit == WEEKDAY):
        return False  # "Thứ Hai, ngày 01/10/2018": the weekday only names the date's day
    if chain.has("report") and atom.unit != last.unit:
        return False  # "(báo cáo 6 tháng đầu năm) và ngày 15/12": the report's period ends there
    if joint:
        return True
    return (last.unit == D0 and atom.unit == MQ) or (atom.unit == D0 and last.unit == MQ)


def _week(word: str) -> str:
    """The part a week of a month gives it: "w1" … "w5", "wl" for the last (a 6th is an error later)."""
    weeks = re.findall(r"\d", word)  # "tuần 1, 2 tháng 6": from the first week to the last
    if weeks:
        return f"w{weeks[0]}" if len(weeks) == 1 else f"w{weeks[0]}-{weeks[-1]}"
    return _WEEKS.get(word, "w1")


def _half(tok: Token) -> str:
    """The part a "nửa đầu/cuối" names: half of a month or quarter, or half a month of a quarter."""
    first = tok.g("p") in ("dau", "truoc")
    if tok.g("m") and tok.g("q"):  # "nửa tháng cuối quý IV": fifteen days
        return "days:dau:15" if first else "days:cuoi:15"
    return "h1" if first else "h2"


def _days_counted(tok: Token) -> int:
    """The days "15 ngày đầu …" or "hai tuần đầu …" counts."""
    n = number(tok.g("n") or "0")
    return 7 * n if tok.g("u") == "tuan" else n


def _third(word: str) -> str:
    """ "đầu", "giữa" or "cuối" (folded) for a part of a month, whichever way it is written."""
    word = word.replace(" ", "")
    return _THIRDS.get(word, word)


def _time(tok: Token) -> dt.time | None:
    hour, minute = int(tok.g("h") or 0), int(tok.g("m") or tok.g("c") or 0)
    if hour > 23 or minute > 59:
        return None
    if hour == minute == 0 and tok.text.count(":") == 2:  # a spreadsheet's "00:00:00": no time of day
        return None
    return dt.time(hour, minute)
