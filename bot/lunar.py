"""Vietnamese lunar calendar (UTC+7) to Gregorian dates; pure arithmetic, no I/O.

No maintained PyPI package converts the Vietnamese (not Chinese, UTC+8) lunar calendar, so
this is Hồ Ngọc Đức's published method: new moons and solar longitude after Meeus'
"Astronomical Algorithms". Tests check it against the Tết and Giỗ Tổ dates of `holidays`.
"""

from __future__ import annotations

import datetime as dt
import math
from functools import lru_cache

TIME_ZONE = 7.0  # Vietnam, UTC+7
_SYNODIC = 29.530588853
_K0 = 2415021.076998695  # the new moon of 1900-01-01 in Julian days
_DR = math.pi / 180


def _jd(day: dt.date) -> int:
    """Julian day number of a Gregorian date."""
    return day.toordinal() + 1721425


def _date(jd: int) -> dt.date:
    """Gregorian date of a Julian day number."""
    return dt.date.fromordinal(jd - 1721425)


def _new_moon(k: int) -> float:
    """Julian date (UT) of the k-th new moon after 1900-01-01."""
    t = k / 1236.85
    t2, t3 = t * t, t * t * t
    jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
    jd1 += 0.00033 * math.sin((166.56 + 132.87 * t - 0.009173 * t2) * _DR)
    m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3
    mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3
    f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3
    c1 = (0.1734 - 0.000393 * t) * math.sin(m * _DR) + 0.0021 * math.sin(2 * _DR * m)
    c1 += -0.4068 * math.sin(mpr * _DR) + 0.0161 * math.sin(_DR * 2 * mpr)
    c1 -= 0.0004 * math.sin(_DR * 3 * mpr)
    c1 += 0.0104 * math.sin(_DR * 2 * f) - 0.0051 * math.sin(_DR * (m + mpr))
    c1 += -0.0074 * math.sin(_DR * (m - mpr)) + 0.0004 * math.sin(_DR * (2 * f + m))
    c1 += -0.0004 * math.sin(_DR * (2 * f - m)) - 0.0006 * math.sin(_DR * (2 * f + mpr))
    c1 += 0.0010 * math.sin(_DR * (2 * f - mpr)) + 0.0005 * math.sin(_DR * (2 * mpr + m))
    if t < -11:
        delta_t = 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
    else:
        delta_t = -0.000278 + 0.000265 * t + 0.000262 * t2
    return jd1 + c1 - delta_t


def _new_moon_day(k: int) -> int:
    """Julian day number, in Vietnam's time zone, of the k-th new moon."""
    return math.floor(_new_moon(k) + 0.5 + TIME_ZONE / 24)


def _sun_sector(jdn: int) -> int:
    """Which twelfth of the ecliptic the sun is in at local midnight starting day `jdn`."""
    t = (jdn - 0.5 - TIME_ZONE / 24 - 2451545.0) / 36525
    t2 = t * t
    m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2
    l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2
    dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * math.sin(_DR * m)
    dl += (0.019993 - 0.000101 * t) * math.sin(_DR * 2 * m) + 0.000290 * math.sin(_DR * 3 * m)
    lon = (l0 + dl) * _DR
    lon -= math.pi * 2 * math.floor(lon / (math.pi * 2))
    return math.floor(lon / math.pi * 6)


@lru_cache(maxsize=512)
def _month11(year: int) -> int:
    """Julian day number on which lunar month 11 (the winter solstice's month) of `year` starts."""
    off = _jd(dt.date(year, 12, 31)) - 2415021
    k = math.floor(off / _SYNODIC)
    nm = _new_moon_day(k)
    if _sun_sector(nm) >= 9:
        nm = _new_moon_day(k - 1)
    return nm


def _leap_offset(a11: int) -> int:
    """Months after month 11 at which a 13-month year puts its leap month."""
    k = math.floor((a11 - _K0) / _SYNODIC + 0.5)
    i = 1
    arc = _sun_sector(_new_moon_day(k + i))
    last = -1
    while arc != last and i < 14:
        last = arc
        i += 1
        arc = _sun_sector(_new_moon_day(k + i))
    return i - 1


def month_starts(first: dt.date, last: dt.date) -> list[dt.date]:
    """The first day (mùng 1) of every lunar month that starts from `first` to `last`."""
    k = math.floor((_jd(first) - _K0) / _SYNODIC) - 1  # (a lunation before, in case of rounding)
    out = []
    while (day := _new_moon_day(k)) <= _jd(last):
        if day >= _jd(first):
            out.append(_date(day))
        k += 1
    return out


def to_solar(year: int, month: int, day: int, leap: bool = False) -> dt.date:
    """The Gregorian date of lunar day/month of lunar `year` (the year whose Tết is in `year`)."""
    if not 1 <= month <= 12 or not 1 <= day <= 30:
        raise ValueError(f"no lunar date {day}/{month}")
    if month < 11:
        a11, b11 = _month11(year - 1), _month11(year)
    else:
        a11, b11 = _month11(year), _month11(year + 1)
    k = math.floor(0.5 + (a11 - _K0) / _SYNODIC)
    off = (month - 11) % 12
    if b11 - a11 > 365:
        leap_off = _leap_offset(a11)
        leap_month = (leap_off - 2) % 12
        if leap and month != leap_month:
            raise ValueError(f"lunar year {year} has no leap month {month}")
        if leap or off >= leap_off:
            off += 1
    elif leap:
        raise ValueError(f"lunar year {year} has no leap month")
    start = _new_moon_day(k + off)
    result = _date(start + day - 1)
    if day == 30 and _new_moon_day(k + off + 1) <= start + 29:
        raise ValueError(f"lunar month {month}/{year} has only 29 days")
    return result


def new_year(year: int) -> dt.date:
    """Tết Nguyên đán (lunar 1/1) of the Gregorian `year`."""
    return to_solar(year, 1, 1)


def last_day_of_year(year: int) -> dt.date:
    """The last day of the lunar year that ends in Gregorian `year`'s Tết (giao thừa)."""
    return new_year(year) - dt.timedelta(days=1)
