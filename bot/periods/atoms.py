"""Time atoms: one month, quarter, year, day… as written, then resolved to a span of dates."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, replace

from bot import lunar
from bot.periods.weeks import nth_day, nth_label

ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9,
         "x": 10, "xi": 11, "xii": 12}
ROMAN_OUT = ("", "I", "II", "III", "IV")
_WORD_NUM = {"mot": 1, "hai": 2, "ba": 3, "bon": 4, "sau": 6, "tam": 8, "chin": 9}
_ORDINAL = {"nhat": 1, "tu": 4}
_LUNAR_NAMES = {1: "Giêng", 12: "Chạp"}
_PARTS = {"dau": "đầu", "giua": "giữa", "cuoi": "cuối", "w1": "tuần đầu", "w2": "tuần thứ 2",
          "w3": "tuần thứ 3", "w4": "tuần thứ 4", "w5": "tuần thứ 5", "wl": "tuần cuối",
          "h1": "nửa đầu", "h2": "nửa cuối"}

# units an atom can have
DAY, D0, MONTH, QUARTER, YEAR, HALF, NOW, MQ, WEEKDAY = (
    "day", "d0", "month", "quarter", "year", "half", "now", "mq", "weekday")


class AtomError(Exception):
    """An atom that names an impossible time (quarter 10, month 13, 31 April)."""

    def __init__(self, hint: str, start: int, end: int) -> None:
        super().__init__(hint)
        self.hint, self.start, self.end = hint, start, end


@dataclass(slots=True)
class Atom:
    """One unit of time as written; missing parts are filled from neighbours or the plan's year."""

    unit: str
    start: int  # span in the folded text
    end: int
    n: int = 0  # the month, quarter, day-of-month, half length or weekday
    m: int | None = None  # the month of a day
    y: int | None = None
    explicit_year: bool = False
    part: str | None = None  # dau / giua / cuoi
    half: str | None = None  # dau / cuoi / None for "N tháng (đầu) năm"
    lunar: bool = False
    raw: str = ""  # the number as written, for hints ("10", "v")
    named: str = ""  # what the text calls the span this atom is part of ("năm học 2020-2021")
    weak: bool = False  # a bare year or number: time only where a time word leads to it
    time: dt.time | None = None

    def span(self) -> tuple[dt.date, dt.date]:
        """First and last day; raises AtomError when the atom is impossible."""
        return _span(self)

    def label(self) -> str:
        """How this atom reads in Vietnamese ("quý II/2018")."""
        return _label(self)


def _last_day(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]


def number(word: str) -> int:
    """A number written in digits, in words ("hai") or in roman numerals ("iv"); 99 if none."""
    word = word.strip()
    if word.isdigit():
        return int(word)
    if word in _WORD_NUM:
        return _WORD_NUM[word]
    if word in _ORDINAL:  # "quý thứ tư"
        return _ORDINAL[word]
    # OCR reads a roman I as l ("Quý ll/2018") or 1 ("Quý 1I"); no quarter or month is written with an L (50)
    return ROMAN.get(word) or ROMAN.get(word.replace("l", "i").replace("1", "i"), 99)


_UNITS = {**_WORD_NUM, "nam": 5, "lam": 5, "bay": 7}  # (in a count "năm" is five, not a year)


def spoken(word: str) -> int:
    """A count in digits or in words, as folded ("15", "muoi lam", "hai muoi"); 0 if none."""
    if word.strip().isdigit():
        return int(word)
    parts = word.split()
    if parts[:1] == ["muoi"]:  # "mười lăm"
        return 10 + sum(_UNITS.get(p, 0) for p in parts[1:2])
    if parts[1:2] == ["muoi"]:  # "hai mươi lăm"
        return 10 * _UNITS.get(parts[0], 0) + sum(_UNITS.get(p, 0) for p in parts[2:3])
    return _UNITS.get(parts[0], 0) if parts else 0


def _span(a: Atom) -> tuple[dt.date, dt.date]:
    y = a.y
    if a.unit == D0:
        raise AtomError(f"ngày {a.n} của tháng nào?", a.start, a.end)
    if y is None:
        raise AtomError("thiếu năm", a.start, a.end)
    u = a.unit
    if u == DAY:
        day = _day(a, y)
        return day, day
    if u == MONTH:
        if not 1 <= a.n <= 12:
            raise AtomError(f"không có tháng {a.raw or a.n}", a.start, a.end)
        if a.lunar:
            first, last = _lunar_month(a, y)
        else:
            first, last = dt.date(y, a.n, 1), dt.date(y, a.n, _last_day(y, a.n))
    elif u == QUARTER:
        if not 1 <= a.n <= 4:
            raise AtomError(_bad_quarter(a), a.start, a.end)
        first = dt.date(y, 3 * a.n - 2, 1)
        last = dt.date(y, 3 * a.n, _last_day(y, 3 * a.n))
    elif u == YEAR:
        first, last = dt.date(y, 1, 1), dt.date(y, 12, 31)
    elif u == HALF:
        n = a.n
        if not 1 <= n <= 12:
            raise AtomError(f"một năm không có {n} tháng", a.start, a.end)
        if a.half == "cuoi":
            first, last = dt.date(y, 13 - n, 1), dt.date(y, 12, 31)
        else:
            first, last = dt.date(y, 1, 1), dt.date(y, n, _last_day(y, n))
    else:
        raise AtomError("không đủ để thành một ngày", a.start, a.end)
    return _part(a, first, last) if a.part else (first, last)


def lunar_counted(month: int, lunar_year: int) -> int:
    """The year an atom counts a lunar date of `lunar_year` in: its tháng Chạp lies before the
    next year's Tết ("23 tháng Chạp năm 2026" is in January 2027)."""
    return lunar_year + 1 if month == 12 else lunar_year


def _lunar_month(a: Atom, y: int) -> tuple[dt.date, dt.date]:
    """A lunar month's first and last day; "tháng Chạp" is the one before this year's Tết."""
    lunar_year = y - 1 if a.n == 12 else y
    first = lunar.to_solar(lunar_year, a.n, 1)
    if a.n == 12:
        return first, lunar.last_day_of_year(y)
    return first, lunar.to_solar(lunar_year, a.n + 1, 1) - dt.timedelta(days=1)


def _day(a: Atom, y: int) -> dt.date:
    if a.m is None:
        raise AtomError(f"ngày {a.n} của tháng nào?", a.start, a.end)
    if a.lunar:
        if a.part == "eve":
            return lunar.last_day_of_year(y)
        lunar_year = y - 1 if a.m == 12 else y  # "27 Tết", "tháng Chạp": before this year's Tết
        try:
            return lunar.to_solar(lunar_year, a.m, a.n)
        except ValueError:
            if a.m == 12 and a.n == 30:  # "30 Tết" is the year's last day, in a short tháng Chạp the 29th
                return lunar.last_day_of_year(y)
            raise AtomError(f"không có ngày {a.n} tháng {a.m} âm lịch năm {lunar_year}",
                            a.start, a.end) from None
    if not 1 <= a.m <= 12:
        # "6/30/2025" written month first, as some spreadsheets do: say which day it must be
        swapped = 1 <= a.n <= 12 and a.m <= _last_day(y, a.n)
        guess = f"; có phải là ngày {a.m}/{a.n}/{y} (ngày trước, tháng sau)?" if swapped else ""
        raise AtomError(f"không có tháng {a.m}{guess}", a.start, a.end)
    last = _last_day(y, a.m)
    if not 1 <= a.n <= last:
        if a.n > 31 or a.n < 1:
            raise AtomError(f"không có ngày {a.n}", a.start, a.end)
        if a.m == 2 and a.n == 29:
            raise AtomError(f"năm {y} không nhuận, tháng 2/{y} chỉ có 28 ngày", a.start, a.end)
        raise AtomError(f"tháng {a.m}/{y} chỉ có {last} ngày", a.start, a.end)
    return dt.date(y, a.m, a.n)


def _bad_quarter(a: Atom) -> str:
    written = a.raw.upper() if not a.raw.isdigit() else a.raw
    year = f"/{a.y}" if a.explicit_year else ""
    if a.raw.isdigit() and 1 <= a.n <= 12:  # "Quý 10/2018": a month typed as a quarter
        return f"không có quý {written}; có phải là tháng {a.n}{year}?"
    return f"không có quý {written}; một năm chỉ có 4 quý (I, II, III, IV)"


def _part(a: Atom, first: dt.date, last: dt.date) -> tuple[dt.date, dt.date]:
    """Đầu/giữa/cuối of a month (thirds by day), a quarter (by month) or a year (by quarter)."""
    p = a.part
    if p and p.startswith("days:"):  # "15 ngày đầu tháng 7": the first 15 days of it
        _, side, count = p.split(":")
        n = int(count)
        if not 1 <= n <= (last - first).days + 1:
            raise AtomError(f"{_label(replace(a, part=None))} không có {n} ngày", a.start, a.end)
        step = dt.timedelta(days=n - 1)
        return (first, first + step) if side == "dau" else (last - step, last)
    if p and p.startswith("nth:"):  # "thứ Hai đầu tiên của tháng 3/2022"
        day = nth_day(p, first, last) if a.unit in (MONTH, QUARTER, YEAR) else None
        if day is None:
            raise AtomError(f"không có {nth_label(p)} {_label(replace(a, part=None))}", a.start, a.end)
        return day, day
    if p in ("h1", "h2") and a.unit in (MONTH, QUARTER):  # halves split at the middle month's 15th
        middle = first + dt.timedelta(days=14) if a.unit == MONTH else dt.date(first.year, first.month + 1, 15)
        return (first, middle) if p == "h1" else (middle + dt.timedelta(days=1), last)
    if a.unit == MONTH:
        if p and p[0] == "w":
            return _weeks(a, p, first, last)
        # (counted from the first day, so that a lunar month's thirds are its own)
        if p == "dau":
            return first, first + dt.timedelta(days=9)
        if p == "giua":
            return first + dt.timedelta(days=10), first + dt.timedelta(days=19)
        return first + dt.timedelta(days=20), last
    if a.unit == QUARTER:
        month = first.month + {"dau": 0, "giua": 1}.get(p or "", 2)
        return dt.date(first.year, month, 1), dt.date(first.year, month, _last_day(first.year, month))
    if a.unit == YEAR:
        y = first.year
        if p in ("w1", "wl"):  # "tuần đầu năm 2026": its first seven days; "tuần cuối": its last
            return (dt.date(y, 1, 1), dt.date(y, 1, 7)) if p == "w1" else (dt.date(y, 12, 25), dt.date(y, 12, 31))
        if p == "dau":
            return dt.date(y, 1, 1), dt.date(y, 3, 31)
        if p == "giua":
            return dt.date(y, 4, 1), dt.date(y, 9, 30)
        return dt.date(y, 10, 1), dt.date(y, 12, 31)
    return first, last


def _weeks(a: Atom, p: str, first: dt.date, last: dt.date) -> tuple[dt.date, dt.date]:
    """Weeks of a month ("w2", "w1-2"): they count from the 1st; the last ("wl") is its last 7 days."""
    if p == "wl":
        return last - dt.timedelta(days=6), last
    weeks = [int(n) for n in p[1:].split("-")]
    begin = first + dt.timedelta(days=7 * (weeks[0] - 1))
    end = first + dt.timedelta(days=7 * weeks[-1] - 1)
    if first + dt.timedelta(days=7 * (weeks[-1] - 1)) > last:
        raise AtomError(f"tháng {first.month}/{first.year} không có tuần thứ {weeks[-1]}", a.start, a.end)
    if begin > end:
        raise AtomError("tuần bắt đầu nằm sau tuần kết thúc", a.start, a.end)
    return begin, min(end, last)


def _label(a: Atom) -> str:
    u, y = a.unit, a.y
    ys = f"/{y}" if y is not None else ""
    prefix = f"{_PARTS[a.part]} " if a.part in _PARTS else ""
    if a.part and a.part[0] == "w" and "-" in a.part:
        prefix = "từ tuần {} đến tuần {} ".format(*a.part[1:].split("-"))
    if a.part and a.part.startswith("nth:"):
        prefix = f"{nth_label(a.part)} "
    if a.part and a.part.startswith("days:"):
        _, side, count = a.part.split(":")
        prefix = f"{count} ngày {_PARTS[side]} "
    if u == DAY:
        if a.lunar:
            if (a.n, a.m) == (1, 1):
                return ("trước " if a.part == "eve" else "") + "Tết Nguyên đán" + (f" {y}" if y else "")
            return f"ngày {a.n}/{a.m} âm lịch"
        return f"ngày {a.n}/{a.m}{ys}"
    if u == MONTH:
        if a.lunar:
            lunar_year = y - 1 if y and a.n == 12 else y  # (Chạp counts in the next solar year)
            return f"{prefix}tháng {_LUNAR_NAMES.get(a.n, a.n)} âm lịch" + (f" năm {lunar_year}" if lunar_year else "")
        return f"{prefix}tháng {a.n}{ys}"
    if u == QUARTER:
        q = ROMAN_OUT[a.n] if 1 <= a.n <= 4 else a.raw
        return f"{prefix}quý {q}{ys}"
    if u == YEAR:
        return f"{prefix}năm {y}" if y is not None else f"{prefix}năm"
    if u == HALF:
        side = "cuối" if a.half == "cuoi" else "đầu"
        return f"{a.n} tháng {side} năm {y}" if y is not None else f"{a.n} tháng {side} năm"
    if u == D0:
        return f"ngày {a.n}"
    if u == MQ:
        return {1: "tháng đầu quý", 2: "tháng giữa quý", 3: "tháng cuối quý"}.get(a.n, "tháng đầu quý sau")
    return ""
