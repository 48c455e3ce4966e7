"""Time atoms: one month, quarter, year, day… as written, then resolved to a span of dates."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, replace

from bot import lunar
from bot.periods.lexer import Token
from bot.periods.weeks import nth_day, nth_label, weekday

ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9,
         "x": 10, "xi": 11, "xii": 12}
ROMAN_OUT = ("", "I", "II", "III", "IV")
_WORD_NUM = {"mot": 1, "hai": 2, "ba": 3, "bon": 4, "sau": 6}
_SOLAR_MONTH = {"mot": 1, "hai": 2, "ba": 3, "tu": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8, "chin": 9,
                "muoi": 10, "muoimot": 11, "muoihai": 12}
_LUNAR_MONTH = {"gieng": 1, "hai": 2, "ba": 3, "tu": 4, "bay": 7, "tam": 8, "chin": 9, "muoi": 10,
                "muoimot": 11, "chap": 12}
_LUNAR_NAMES = {1: "Giêng", 12: "Chạp"}
_FESTIVALS = {"trungthu": (15, 8), "doanngo": (5, 5), "hanthuc": (3, 3), "gioto": (10, 3)}
_PARTS = {"dau": "đầu", "giua": "giữa", "cuoi": "cuối", "w1": "tuần đầu", "w2": "tuần thứ 2",
          "w3": "tuần thứ 3", "w4": "tuần thứ 4", "w5": "tuần thứ 5", "wl": "tuần cuối"}
_NUM = re.compile(r"\d+|\b(?:[ivxl]+|mot|hai|ba|bon)\b")
_SEPS = re.compile(r"\s*(?:(-|den\s+het|den|toi)|(,|&|va|hoac))\s*")

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
    # OCR reads a roman I as l ("Quý ll/2018"); no quarter or month is written with an L (50)
    return ROMAN.get(word) or ROMAN.get(word.replace("l", "i"), 99)


def from_token(tok: Token, context_year: int) -> list[Atom | str]:
    """The atoms (and 'range'/'list' joints between them) that one token stands for."""
    k, g = tok.kind, tok.g
    s, e = tok.start, tok.end
    if k in ("month", "quarter", "year"):
        return _listed(tok, k, context_year)
    if k == "dmy":
        mm = g("a") or g("b") or g("c") or "0"
        return [Atom(DAY, s, e, _int(g("d")), int(mm), _int(g("y")), True)]
    if k == "vdate":
        year, written = _year_after(tok, context_year)
        day, months = _int(g("d")), re.findall(r"\d+", g("m") or "0")
        days: list[Atom | str] = [Atom(DAY, s, e, day, int(months[0]), year, written)]
        for month in months[1:]:  # "ngày 5 tháng 1, 4, 7, 10": the same day of each month
            days += ["list", Atom(DAY, s, e, day, int(month), year, written)]
        return days
    if k in ("dm", "dmb"):
        year, written = _year_after(tok, context_year)
        return [Atom(DAY, s, e, _int(g("d")), _int(g("m")), year, written)]
    if k in ("d0", "num"):
        return [Atom(D0, s, e, _int(g("d")), weak=k == "num")]
    if k == "byear":
        years = [int(x) for x in re.findall(r"\d{4}", tok.text)]
        out: list[Atom | str] = [Atom(YEAR, s, e, 0, None, years[0], True, weak=True)]
        if len(years) > 1:
            out += ["range", Atom(YEAR, s, e, 0, None, years[1], True, weak=True)]
        return out
    if k == "badyear":
        raise AtomError(_bad_year(g("y") or "", context_year), s, e)
    if k == "school":  # "học kỳ I" ends on 15 January, the second term on 31 May
        first, last = int(g("a") or 0), int(g("b") or 0)
        term = number(g("t") or "0")
        begin = Atom(DAY, s, e, 16, 1, last, True) if term == 2 else Atom(DAY, s, e, 1, 9, first, True)
        end = Atom(DAY, s, e, 15, 1, last, True) if term == 1 else Atom(DAY, s, e, 31, 5, last, True)
        return [begin, "range", end]
    if k == "yearin":  # "trong năm": the plan's year
        return [Atom(YEAR, s, e, 0, None, context_year, False)]
    if k == "yrel":
        return [Atom(YEAR, s, e, 0, None, _relative(g("w"), context_year), True)]
    if k == "pyn":
        rel = _relative(g("r"), context_year)
        return [Atom(YEAR, s, e, 0, None, rel, rel is not None, part=g("p"))]
    if k == "half":
        year = _int(g("y")) or _relative(g("r"), context_year)
        return [Atom(HALF, s, e, _int(g("n")) or 6, None, year, year is not None, half=g("p"))]
    if k == "mq":
        return [_month_of_quarter(tok)]
    if k == "wmonth":  # "tháng Mười Hai năm 2021"
        year, written = _year_after(tok, context_year)
        return [Atom(MONTH, s, e, _SOLAR_MONTH[(g("m") or "").replace(" ", "")], None, year, written)]
    if k == "lmonth":  # "tháng Giêng": the first lunar month
        y = _int(g("y")) or None
        return [Atom(MONTH, s, e, _LUNAR_MONTH[g("m") or ""], None, y, y is not None, lunar=True)]
    if k == "weekday":
        wd = g("w")
        return [Atom(WEEKDAY, s, e, weekday(wd) if wd else 6)]
    if k == "now":
        return [Atom(NOW, s, e)]
    return _lunar(tok, context_year)


def _int(value: str | None) -> int:
    return int(value) if value else 0


def _year_after(tok: Token, context_year: int) -> tuple[int | None, bool]:
    """The year after a date or a month, and whether it is written out ("2023", not "năm sau")."""
    written, words = tok.g("y"), tok.g("r")
    if written:
        return int(written), True
    return (_relative(words.split("nam", 1)[1].strip(), context_year) if words else None), False


def _relative(word: str | None, context_year: int) -> int | None:
    if not word:
        return None
    return context_year + (-1 if word == "truoc" else 0 if word == "nay" else 1)


def _listed(tok: Token, unit: str, context_year: int) -> list[Atom | str]:
    """Expand 'tháng 5 - tháng 7/2019' or 'quý I, II/2019' or 'năm 2021-2030' into atoms."""
    m = tok.match
    if m is None:
        return []
    body = m.group(f"{tok.name}_l") or ""
    body_start = m.start(f"{tok.name}_l")
    # a relative year ("năm sau") is not written out: in a cycle it follows each occurrence
    year, written = _year_after(tok, context_year) if unit != "year" else (None, False)
    if body.isalnum():  # one number: the common case, without the list machinery
        if unit == "year":
            return [Atom(YEAR, tok.start, tok.end, 0, None, int(body), True)]
        return [Atom(unit, tok.start, tok.end, number(body), None, year, written, raw=body)]
    out: list[Atom | str] = []
    pos = 0
    for num in _NUM.finditer(body):
        if out:
            sep = _SEPS.search(body, pos, num.start())
            out.append("range" if sep and sep.group(1) else "list")
        raw = num.group()
        a_start = tok.start if not out else body_start + num.start()
        a_end = body_start + num.end()
        if unit == "year":
            out.append(Atom(YEAR, a_start, a_end, 0, None, int(raw), True))
        else:
            out.append(Atom(unit, a_start, a_end, number(raw), None, None, False, raw=raw))
        pos = num.end()
    last = out[-1]
    if year and isinstance(last, Atom):
        last.y, last.explicit_year, last.end = year, written, tok.end
    return out


def _month_of_quarter(tok: Token) -> Atom:
    p = (tok.g("p") or "cuoi").replace(" ", "")
    first = {"dau": 1, "thunhat": 1, "thu1": 1, "giua": 2, "thuhai": 2, "thu2": 2}.get(p, 3)
    if tok.g("n"):
        first += 3  # "tháng đầu quý sau": the next quarter's month
    return Atom(MQ, tok.start, tok.end, first)


_CAN = ("giap", "at", "binh", "dinh", "mau", "ky", "canh", "tan", "nham", "quy")
_CHI = ("ty", "suu", "dan", "mao", "thin", "ti", "ngo", "mui", "than", "dau", "tuat", "hoi")


def _canchi_year(can: str | None, chi: str | None, context_year: int) -> int | None:
    """The year named "Tân Sửu" nearest the plan's year (the cycle repeats every 60 years)."""
    if not can or not chi:
        return None
    stem = _CAN.index(can)
    # "Tý" (rat) and "Tỵ" (snake) both fold to "ty": a stem's parity says which one it is
    branches = [i for i, name in enumerate(_CHI) if name == chi or (chi == "ty" and i == 5)]
    for offset in sorted(range(-30, 30), key=abs):
        y = context_year + offset
        if (y - 4) % 10 == stem and (y - 4) % 12 in branches:
            return y
    return None


def _lunar(tok: Token, context_year: int) -> list[Atom | str]:
    k, g, s, e = tok.kind, tok.g, tok.start, tok.end
    if k == "tetsolar":
        return [Atom(DAY, s, e, 1, 1)]
    if k in ("tet", "truoctet"):  # lunar new year's day; "trước Tết" is the day before
        y = _int(g("y")) or _canchi_year(g("can"), g("chi"), context_year)
        atom = Atom(DAY, s, e, 1, 1, y, y is not None, lunar=True)
        atom.part = "eve" if k == "truoctet" else None
        return [atom]
    if k == "festival":
        name = (g("f") or "").replace(" ", "").replace("tet", "").replace("hungvuong", "")
        d, m = _FESTIVALS.get(name, (1, 1))
        y = _int(g("y")) or None
        return [Atom(DAY, s, e, d, m, y, y is not None, lunar=True)]
    d = 15 if k == "lunar15" else _int(g("d")) or 1
    word = (g("m") or "").replace(" ", "")
    # "27 Tết" is in the last month before Tết, "mùng 6 Tết" in the first after it
    m = (_LUNAR_MONTH.get(word, 0) or int(word)) if word else (12 if d >= 20 else 1)
    return [Atom(DAY, s, e, d, m, lunar=True)]


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
            raise AtomError(f"không có ngày {a.n} tháng {a.m} âm lịch năm {lunar_year}",
                            a.start, a.end) from None
    if not 1 <= a.m <= 12:
        raise AtomError(f"không có tháng {a.m}", a.start, a.end)
    last = _last_day(y, a.m)
    if not 1 <= a.n <= last:
        if a.n > 31 or a.n < 1:
            raise AtomError(f"không có ngày {a.n}", a.start, a.end)
        if a.m == 2 and a.n == 29:
            raise AtomError(f"năm {y} không nhuận, tháng 2/{y} chỉ có 28 ngày", a.start, a.end)
        raise AtomError(f"tháng {a.m}/{y} chỉ có {last} ngày", a.start, a.end)
    return dt.date(y, a.m, a.n)


def _bad_year(written: str, context_year: int) -> str:
    """What a mistyped year was probably meant to be ("218" → 2018, "20l8" → 2018)."""
    digits = written.replace("l", "1").replace("o", "0")
    guess = None
    if len(digits) == 3 and digits[0] == "2":
        guess = "20" + digits[1:]
    elif len(digits) == 5 and digits[:2] in ("19", "20"):
        # one digit too many: of the years left by dropping one, the nearest to the plan's
        shorter = {digits[:i] + digits[i + 1:] for i in range(5)}
        guess = min((y for y in shorter if y[:2] in ("19", "20")), key=lambda y: abs(int(y) - context_year))
    elif digits != written and len(digits) == 4 and digits[:2] in ("19", "20"):
        guess = digits
    hint = f"năm “{written}” viết chưa đúng"
    if guess:
        return f"{hint}; có phải là năm {guess}?"
    return hint if len(written) == 4 else f"{hint}: năm cần đủ 4 chữ số, ví dụ 2018"


def _bad_quarter(a: Atom) -> str:
    written = a.raw.upper() if not a.raw.isdigit() else a.raw
    year = f"/{a.y}" if a.explicit_year else ""
    if a.raw.isdigit() and 1 <= a.n <= 12:  # "Quý 10/2018": a month typed as a quarter
        return f"không có quý {written}; có phải là tháng {a.n}{year}?"
    return f"không có quý {written}; một năm chỉ có 4 quý (I, II, III, IV)"


def _part(a: Atom, first: dt.date, last: dt.date) -> tuple[dt.date, dt.date]:
    """Đầu/giữa/cuối of a month (thirds by day), a quarter (by month) or a year (by quarter)."""
    p = a.part
    if p and p.startswith("nth:"):  # "thứ Hai đầu tiên của tháng 3/2022"
        day = nth_day(p, first, last) if a.unit in (MONTH, QUARTER, YEAR) else None
        if day is None:
            raise AtomError(f"không có {nth_label(p)} {_label(replace(a, part=None))}", a.start, a.end)
        return day, day
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
    if u == DAY:
        if a.lunar:
            if (a.n, a.m) == (1, 1):
                return ("trước " if a.part == "eve" else "") + "Tết Nguyên đán" + (f" {y}" if y else "")
            return f"ngày {a.n}/{a.m} âm lịch"
        return f"ngày {a.n}/{a.m}{ys}"
    if u == MONTH:
        if a.lunar:
            return f"{prefix}tháng {_LUNAR_NAMES.get(a.n, a.n)} âm lịch" + (f" năm {y}" if y else "")
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
