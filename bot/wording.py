"""How a careful office clerk writes dates, time left and periods in Vietnamese (template filters)."""

from __future__ import annotations

import calendar
import datetime as dt

WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")
ROMAN = ("I", "II", "III", "IV")


def ngay(day: dt.date) -> str:
    """A date with its weekday: "Thứ Hai, ngày 01/10/2018"."""
    return f"{WEEKDAYS[day.weekday()]}, ngày {day:%d/%m/%Y}"


def ngay_ngan(day: dt.date) -> str:
    """A date short, for lists: "01/10/2018"."""
    return f"{day:%d/%m/%Y}"


def gio(at: dt.datetime) -> str:
    """A moment: "08:05 ngày 01/10/2018"."""
    return f"{at:%H:%M} ngày {at:%d/%m/%Y}"


def con_lai(days: int) -> str:
    """Time left in working days: "còn 3 ngày làm việc", "hôm nay là hạn chót", "quá hạn 5 ngày làm việc"."""
    if days > 0:
        return f"còn {days} ngày làm việc"
    if days == 0:
        return "hôm nay là hạn chót"
    return f"quá hạn {-days} ngày làm việc"


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def ky(start: dt.date, end: dt.date) -> str:
    """A period's name as plans write it: "tháng 5/2018", "quý II/2018", "6 tháng đầu năm 2018",
    "năm 2018", "ngày 30/06/2018"; otherwise "từ 01/03/2018 đến 15/04/2018"."""
    if start == end:
        return f"ngày {start:%d/%m/%Y}"
    if start.year == end.year and start.day == 1 and end == _month_end(end.year, end.month):
        y, m1, m2 = start.year, start.month, end.month
        if m1 == m2:
            return f"tháng {m1}/{y}"
        if m1 == 1 and m2 == 12:
            return f"năm {y}"
        if (m1, m2) == (1, 6):
            return f"6 tháng đầu năm {y}"
        if (m1, m2) == (7, 12):
            return f"6 tháng cuối năm {y}"
        if m1 % 3 == 1 and m2 == m1 + 2:
            return f"quý {ROMAN[m1 // 3]}/{y}"
        return f"từ tháng {m1} đến tháng {m2}/{y}"
    if start.year == end.year:
        return f"từ ngày {start:%d/%m} đến ngày {end:%d/%m/%Y}"
    return f"từ ngày {start:%d/%m/%Y} đến ngày {end:%d/%m/%Y}"


def rut_gon(text: str, limit: int = 300) -> str:
    """Text cut at a word boundary near `limit` characters, with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0] if " " in text[:limit] else text[:limit]
    return cut.rstrip(",;:.- ") + "…"


FILTERS = {"ngay": ngay, "ngay_ngan": ngay_ngan, "gio": gio, "con_lai": con_lai, "ky": ky, "rut_gon": rut_gon}
