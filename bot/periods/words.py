"""Tokens of the lexer turned into atoms: "quý I, II/2019" is two quarters of 2019."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable

from bot.periods.atoms import (
    D0,
    DAY,
    HALF,
    MONTH,
    MQ,
    NOW,
    WEEKDAY,
    YEAR,
    Atom,
    AtomError,
    lunar_counted,
    number,
    spoken,
)
from bot.periods.lexer import Token
from bot.periods.named_days import CAN, CHI, NAMES, NATIONAL_DAYS
from bot.periods.weeks import quarter_month, weekday

_SOLAR_MONTH = {"mot": 1, "hai": 2, "ba": 3, "tu": 4, "bon": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8, "chin": 9,
                "muoi": 10, "muoimot": 11, "muoihai": 12}
_LUNAR_MONTH = {"gieng": 1, "hai": 2, "ba": 3, "tu": 4, "bay": 7, "tam": 8, "chin": 9, "muoi": 10,
                "muoimot": 11, "chap": 12}
ROUND_YEAR = "đợt"  # the raw text of a year a round names ("đợt 2/2025")
_FESTIVALS = {"trungthu": (15, 8), "doanngo": (5, 5), "hanthuc": (3, 3), "gioto": (10, 3), "vulan": (15, 7),
              "trungnguyen": (15, 7), "thuongnguyen": (15, 1), "congtao": (23, 12), "hoidenhung": (10, 3)}
_FESTIVAL_NAMES = {"trungthu": "Tết Trung thu", "doanngo": "Tết Đoan Ngọ", "hanthuc": "Tết Hàn thực",
                   "gioto": "Giỗ Tổ Hùng Vương", "vulan": "Lễ Vu Lan", "trungnguyen": "Tết Trung nguyên",
                   "thuongnguyen": "Tết Thượng nguyên", "congtao": "Tết ông Công ông Táo",
                   "hoidenhung": "Lễ hội Đền Hùng"}
_NUM = re.compile(r"\b(?:1[ivl]+|[ivl]+1)[1ivl]*\b|\d+|\b(?:[ivxl]+|mot|hai|ba|bon)\b")  # (1 for I: see lexer._QV)
_MORE_DAYS = re.compile(r"(\d\d?)\s*[\-.]\s*(\d\d?)")
_LISTED_DAY = re.compile(r"ngay\s*\d\d?\s*(?:,\s*\d\d?\s*)*(?:,|va)\s*$")
_SEPS = re.compile(r"\s*(?:(-|den\s+het|den|toi)|(,|&|\+|va|hoac))\s*")


def from_token(tok: Token, context_year: int) -> list[Atom | str]:
    """The atoms (and 'range'/'list' joints between them) that one token stands for."""
    k, g = tok.kind, tok.g
    s, e = tok.start, tok.end
    if k in ("month", "quarter", "year"):
        return _listed(tok, k, context_year)
    if k == "ymd":
        return [Atom(DAY, s, e, _int(g("d")), _int(g("m")), _int(g("y")), True)]
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
        listed: list[Atom | str] = [Atom(DAY, s, e, _int(g("d")), _int(g("m")), year, written)]
        for d, m in _MORE_DAYS.findall(g("more") or ""):  # "trước 30-6, 30-12": each one
            listed += ["list", Atom(DAY, s, e, int(d), int(m), year, written)]
        return listed
    if k in ("d0", "num"):
        return [Atom(D0, s, e, _int(g("d")), weak=k == "num")]
    if k == "numlast":  # ("ngày 10 và 25": only after a day and a joint, not any figure ending a clause)
        if _LISTED_DAY.search(tok.source, max(0, s - 24), s) is None:
            return []
        return [Atom(D0, s, e, _int(g("d")), weak=True)]
    if k == "byear":
        years = [int(x) for x in re.findall(r"\d{4}", tok.text)]
        out: list[Atom | str] = [Atom(YEAR, s, e, 0, None, years[0], True, weak=True)]
        if len(years) > 1:
            out += ["range", Atom(YEAR, s, e, 0, None, years[1], True, weak=True)]
        return out
    if k == "badyear":
        raise AtomError(_bad_year(g("y") or "", context_year), s, e)
    if k == "faryear":  # a slip of one digit from a year near the plan's is asked about; others are no time
        guess = _near_year(g("y") or "", context_year)
        if guess is None:
            return []
        raise AtomError(f"năm “{g('y')}” viết chưa đúng; có phải là năm {guess}?", s, e)
    if k == "badnum":
        raise AtomError(_bad_number(g("m"), g("d")), s, e)
    if tok.name == "school2":  # "khai giảng năm học 2024-2025": 5/9/2024
        opening = (g("e") or "").startswith("khai")
        return [Atom(DAY, s, e, 5, 9, _int(g("a")), True) if opening else Atom(DAY, s, e, 31, 5, _int(g("b")), True)]
    if tok.name == "school3":  # "khai giảng năm học mới": this September; "bế giảng năm học": this May
        opening = (g("e") or "").startswith("khai")
        coming = g("r") in ("moi", "toi", "sau")
        year = context_year + (1 if coming and not opening else 0)
        return [Atom(DAY, s, e, 5, 9, year, False) if opening else Atom(DAY, s, e, 31, 5, year, False)]
    if k == "school":  # "học kỳ I" ends on 15 January, the second term on 31 May
        first, last = int(g("a") or 0), int(g("b") or 0)
        term = number(g("t") or "0")
        begin = Atom(DAY, s, e, 16, 1, last, True) if term == 2 else Atom(DAY, s, e, 1, 9, first, True)
        end = Atom(DAY, s, e, 15, 1, last, True) if term == 1 else Atom(DAY, s, e, 31, 5, last, True)
        begin.named = end.named = ("học kỳ " + "I" * term + " " if term else "") + f"năm học {first}-{last}"
        part = g("p")
        if part:  # September–November, December–February, March–May
            begin, end = _school_third(part, s, e, first, last)
            begin.named = end.named = f"{_THIRD_NAMES[part]} năm học {first}-{last}"
        return [begin, "range", end]
    if k == "summer":  # the summer holidays: June to August
        y = _int(g("y") or g("z")) or None
        begin, end = Atom(DAY, s, e, 1, 6, y, y is not None), Atom(DAY, s, e, 31, 8, y, y is not None)
        begin.named = end.named = "hè" + (f" {y}" if y else "")
        return [begin, "range", end]
    if k == "ymonth":  # "tháng cuối năm sau": December of next year
        y = _int(g("y")) or _relative(g("r"), context_year)
        return [Atom(MONTH, s, e, 1 if g("p") == "dau" else 12, None, y, y is not None)]
    if k == "ywcycle":  # "tuần cuối cùng của năm": of the plan's year
        part = "wl" if (g("n") or "").startswith("cuoi") else "w1"
        return [Atom(YEAR, s, e, 0, None, context_year, False, part=part)]
    if k == "roundy":  # "đợt 2/2025": a round in that year (which only names it beside a time)
        return [Atom(YEAR, s, e, 0, None, _int(g("y")), True, raw=ROUND_YEAR, weak=True)]
    if k == "thirdmq":  # the first or middle third of the month ends on its 10th or 20th
        return [Atom(D0, s, e, 10 if g("p") == "dau" else 20)]
    if k == "ndaysq":  # the first days end on the day they count to; the last ones with the month
        if g("p") != "dau":
            return []
        n = number(g("n") or "0")
        return [Atom(D0, s, e, 7 * n if g("u") == "tuan" else n)]
    if k == "ndaysy":  # "trong 30 ngày đầu năm": the plan's year's first 30 days
        return [Atom(YEAR, s, e, 0, None, context_year, False, part=f"days:{g('p')}:{_int(g('n'))}")]
    if k == "yearin":  # "trong năm": the plan's year
        return [Atom(YEAR, s, e, 0, None, context_year, False)]
    if k == "nyears":  # "trong 2 năm tới": the two years after the plan's
        count = spoken(g("n") or "") or 1
        next_year = Atom(YEAR, s, e, 0, None, context_year + 1, True)
        if count == 1:
            return [next_year]
        return [next_year, "range", Atom(YEAR, s, e, 0, None, context_year + count, True)]
    if k == "yrel":
        return [Atom(YEAR, s, e, 0, None, _relative(g("w"), context_year), True)]
    if k == "pyn":
        rel = _relative(g("r"), context_year)
        return [Atom(YEAR, s, e, 0, None, rel, rel is not None, part=g("p"))]
    if k == "half":
        year = _int(g("y")) or _relative(g("r"), context_year)
        half = {"sau": "cuoi", "truoc": "dau"}.get(g("p") or "", g("p"))  # "nửa sau năm 2026"
        return [Atom(HALF, s, e, number(g("n") or "6"), None, year, year is not None, half=half)]
    if k == "mq":
        return [_month_of_quarter(tok)]
    if k == "wmonth":  # "tháng Mười Hai năm 2021"
        year, written = _year_after(tok, context_year)
        return [Atom(MONTH, s, e, _SOLAR_MONTH[(g("m") or "").replace(" ", "")], None, year, written)]
    if k == "lmonth":  # "tháng Giêng": the first lunar month
        y, month = _int(g("y")) or None, _LUNAR_MONTH[g("m") or ""]
        # (the lunar year named: its tháng Chạp lies in the next solar year, as its days do)
        return [Atom(MONTH, s, e, month, None, y and lunar_counted(month, y), y is not None, lunar=True)]
    if k == "yplan":  # "năm kế hoạch 2027"; alone, the plan's own year
        plan_year = _int(g("y"))
        return [Atom(YEAR, s, e, 0, None, plan_year or context_year, bool(plan_year))]
    if k == "weekday":
        wd = g("w")
        return [Atom(WEEKDAY, s, e, weekday(wd) if wd else 6)]
    if k == "weekdays":  # "thứ 2, 4, 6 hằng tuần": each of them
        named: list[Atom | str] = []
        for word in re.findall(r"hai|ba|tu|nam|sau|bay|[2-7]", g("w") or ""):
            named += (["list"] if named else []) + [Atom(WEEKDAY, s, e, weekday(word))]
        return named
    if k == "now":
        return [Atom(NOW, s, e)]
    return _lunar(tok, context_year)


_SAFE_WORK = re.compile(r"^thanghanhdongv[eia]antoan(?=v[eia]sinh)")


def _national_day(tok: Token) -> list[Atom | str]:
    """ "Ngày Pháp luật Việt Nam" (9/11), "Tháng hành động vì trẻ em" (1/6 to 30/6)."""
    name = re.sub(r"[^a-z]", "", tok.g("f") or tok.g("g") or "")
    name = _SAFE_WORK.sub("thanghanhdongveantoan", name)  # (not the month for food safety, "vì an toàn thực phẩm")
    key = next(k for k in NATIONAL_DAYS if name.startswith(k))
    when = NATIONAL_DAYS[key]
    y = _int(tok.g("y")) or None
    atoms = [Atom(DAY, tok.start, tok.end, d, m, y, y is not None) for d, m in when]
    for a in atoms:
        a.named = NAMES[key] + (f" {y}" if y else "")
    return [atoms[0], "range", atoms[1]] if len(atoms) > 1 else [atoms[0]]


def _iso_week(tok: Token) -> list[Atom | str]:
    y, n = _int(tok.g("y")), _int(tok.g("n"))
    weeks = dt.date(y, 12, 28).isocalendar().week  # 28 December is always in the last week
    if not 1 <= n <= weeks:
        raise AtomError(f"năm {y} chỉ có {weeks} tuần", tok.start, tok.end)
    first, last = dt.date.fromisocalendar(y, n, 1), dt.date.fromisocalendar(y, n, 7)
    s, e = tok.start, tok.end
    days = [Atom(DAY, s, e, first.day, first.month, first.year, True),
            Atom(DAY, s, e, last.day, last.month, last.year, True)]
    for day in days:
        since = f"{first.day}/{first.month}" + (f"/{first.year}" if first.year != last.year else "")
        day.named = f"tuần {n}/{y}, từ {since} đến {last.day}/{last.month}/{last.year}"
    return [days[0], "range", days[1]]


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
    if word.endswith("nua"):  # "năm sau nữa": the year after next
        return context_year + 2
    # ("năm kế hoạch": the plan's own year, as "năm nay")
    return context_year + (-1 if word == "truoc" else 0 if word == "nay" or word.replace(" ", "") == "kehoach" else 1)


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


_THIRD_NAMES = {"dau": "đầu", "giua": "giữa", "cuoi": "cuối"}


def _school_third(part: str, s: int, e: int, first: int, last: int) -> tuple[Atom, Atom]:
    """The first, middle or last three months of the school year first-last."""
    if part == "dau":
        return Atom(DAY, s, e, 1, 9, first, True), Atom(DAY, s, e, 30, 11, first, True)
    if part == "giua":
        return Atom(DAY, s, e, 1, 12, first, True), Atom(DAY, s, e, 29 if calendar.isleap(last) else 28, 2, last, True)
    return Atom(DAY, s, e, 1, 3, last, True), Atom(DAY, s, e, 31, 5, last, True)


def _month_of_quarter(tok: Token) -> Atom:
    first = quarter_month(tok.g("p") or "cuoi")
    if tok.g("n"):
        first += 3  # "tháng đầu quý sau": the next quarter's month
    return Atom(MQ, tok.start, tok.end, first)


def _canchi_year(can: str | None, chi: str | None, context_year: int) -> int | None:
    """The year named "Tân Sửu" nearest the plan's year (the cycle repeats every 60 years)."""
    if not can or not chi:
        return None
    stem = CAN.index(can)
    # "Tý" (rat) and "Tỵ" (snake) both fold to "ty": a stem's parity says which one it is
    branches = [i for i, name in enumerate(CHI) if name == chi or (chi == "ty" and i == 5)]
    for offset in sorted(range(-30, 30), key=abs):
        y = context_year + offset
        if (y - 4) % 10 == stem and (y - 4) % 12 in branches:
            return y
    return None


_SOLAR_DAYS = frozenset({(1, 1)} | {days[0] for days in NATIONAL_DAYS.values() if len(days) == 1})
_AM_LICH_AFTER = re.compile(r"\s*\(?\s*(?:am\s*lich|al\b)")


def _lunar(tok: Token, context_year: int) -> list[Atom | str]:
    k, g, s, e = tok.kind, tok.g, tok.start, tok.end
    if k == "tetsolar":  # New Year's Day: the one that ends the plan's year, unless a year is written
        written = _int(g("y"))
        new_year = written or context_year + 1
        eve = tok.name == "truocsolar"
        day = (Atom(DAY, s, e, 31, 12, new_year - 1, bool(written)) if eve
               else Atom(DAY, s, e, 1, 1, new_year, bool(written)))
        day.named = ("trước " if eve else "") + f"Tết Dương lịch {new_year}"
        day.part = "eve" if eve else None  # (a hard date, moved back off a day off, as "trước Tết" is)
        return [day]
    if k == "natday":
        return _national_day(tok)
    if k == "yweek":  # "Tuần 50/2025": Monday to Sunday of that ISO week
        return _iso_week(tok)
    if k in ("tet", "truoctet"):  # lunar new year's day; "trước Tết" is the day before
        y = _int(g("y")) or _canchi_year(g("can"), g("chi"), context_year)
        atom = Atom(DAY, s, e, 1, 1, y, y is not None, lunar=True)
        atom.part = "eve" if k == "truoctet" else None
        return [atom]
    if k == "festival":
        name = re.sub(r"^(?:tet|le)|hungvuong|baohieu$", "", re.sub(r"\s+", "", g("f") or ""))
        name = "congtao" if name.endswith("tao") else name  # ("Tết ông Công ông Táo", "Tết Công Táo")
        d, m = _FESTIVALS.get(name, (1, 1))
        y = _int(g("y")) or None
        day = Atom(DAY, s, e, d, m, y, y is not None, lunar=True)
        day.named = _FESTIVAL_NAMES.get(name, "") + (f" {y}" if y else "")  # (its date written beside it is it)
        return [day]
    d = 15 if k == "lunar15" else _int(g("d")) or 1
    word = (g("m") or "").replace(" ", "")
    if (word.isdigit() and (d, int(word)) in _SOLAR_DAYS and not g("can") and tok.match is not None
            and not _AM_LICH_AFTER.match(tok.match.string, tok.end)):
        # "ngày mồng 2 tháng 9 năm 2025": "mồng" before a day the state names is that solar day
        y = _int(g("y")) or None
        return [Atom(DAY, s, e, d, int(word), y, y is not None)]
    # "27 Tết" is in the last month before Tết, "mùng 6 Tết" in the first after it
    m = (_LUNAR_MONTH.get(word, 0) or int(word)) if word else (12 if d >= 20 else 1)
    y = _int(g("y")) or _canchi_year(g("can"), g("chi"), context_year)
    if y is None:
        return [Atom(DAY, s, e, d, m, lunar=True)]
    return [Atom(DAY, s, e, d, m, lunar_counted(m, y), True, lunar=True)]  # the lunar year named


def _bad_number(month: str | None, day: str | None) -> str:
    """What a month or day with a letter for a digit was probably meant to be ("l0" → 10)."""
    unit, written, most = ("tháng", month, 12) if month else ("ngày", day or "", 31)
    guess = int(written.replace("l", "1").replace("o", "0"))
    hint = f"{unit} “{written}” viết chưa đúng"
    return f"{hint}; có phải là {unit} {guess}?" if 1 <= guess <= most else hint


def _bad_year(written: str, context_year: int) -> str:
    """What a mistyped year was probably meant to be ("218" → 2018, "20l8" → 2018)."""
    digits = written.replace("l", "1").replace("o", "0")
    guess = None
    if len(digits) == 2:  # "6/24"
        return f"năm “{written}” viết chưa đủ 4 chữ số; có phải là năm 20{digits}?"
    if len(digits) == 3 and digits.isdigit():
        # one digit lost ("218", "202"): of the years near the plan's that give it when one digit is
        # dropped, the nearest ("202" in a plan of 2026 is 2026, not 2002)
        lost = _nearest_year(context_year, lambda y: any(y[:i] + y[i + 1:] == digits for i in range(4)))
        guess = str(lost) if lost else None
    elif len(digits) == 5 and digits[:2] in ("19", "20"):
        # one digit too many: of the years left by dropping one, the nearest to the plan's
        shorter = {digits[:i] + digits[i + 1:] for i in range(5)}
        guess = min((y for y in shorter if y[:2] in ("19", "20")), key=lambda y: abs(int(y) - context_year))
    elif digits != written and len(digits) == 4 and digits[:2] in ("19", "20"):
        guess = digits
    elif len(digits) == 4:  # "Tháng 6/1026": one digit off
        near = _near_year(digits, context_year)
        guess = str(near) if near else None
    hint = f"năm “{written}” viết chưa đúng"
    if guess:
        return f"{hint}; có phải là năm {guess}?"
    return hint if len(written) == 4 else f"{hint}: năm cần đủ 4 chữ số, ví dụ 2018"


def _near_year(written: str, context_year: int) -> int | None:
    """The year within 20 of the plan's that a four-digit number misses by one digit ("3026" → 2026)."""
    if len(written) != 4 or not written.isdigit():
        return None
    return _nearest_year(context_year, lambda y: sum(a != b for a, b in zip(y, written, strict=True)) == 1)


def _nearest_year(context_year: int, fits: Callable[[str], bool]) -> int | None:
    """The year within 20 of the plan's, written out, that `fits`, the nearest first (None if none)."""
    near = [y for y in range(context_year - 20, context_year + 21) if fits(str(y))]
    return min(near, key=lambda y: abs(y - context_year)) if near else None
