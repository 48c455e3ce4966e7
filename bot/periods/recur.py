"""Recurring duties: a small rule model, its RFC 5545 text, and its first occurrence."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field

_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
VI_WEEKDAYS = ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật")


@dataclass(slots=True)
class Rule:
    """A recurrence as this parser builds them (a subset of RFC 5545)."""

    freq: str  # YEARLY, MONTHLY, WEEKLY, DAILY
    interval: int = 1
    months: tuple[int, ...] = ()
    days: tuple[int, ...] = ()  # days of the month; -1 is the last
    weekdays: tuple[int, ...] = ()  # 0 = Monday
    setpos: tuple[int, ...] = ()
    until: dt.date | None = None
    pairs: tuple[tuple[int, int], ...] = field(default=())  # (month, day) wanted, for setpos
    policy: str | None = None  # how its days move off non-working days (not part of the RRULE)
    workdays_after: int = 0  # due so many working days after each of its days (not in the RRULE)
    days_after: int = 0  # due so many days after each of its days (not in the RRULE: no rule can say
    # "90 days after each 31 December", 30 or 31 March by the year)

    def text(self) -> str:
        """The RRULE value, without the 'RRULE:' prefix."""
        parts = [f"FREQ={self.freq}"]
        if self.interval != 1:
            parts.append(f"INTERVAL={self.interval}")
        if self.months:
            parts.append("BYMONTH=" + ",".join(map(str, self.months)))
        if self.days:
            parts.append("BYMONTHDAY=" + ",".join(map(str, self.days)))
        if self.weekdays:
            parts.append("BYDAY=" + ",".join(_WEEKDAYS[d] for d in self.weekdays))
        if self.setpos:
            parts.append("BYSETPOS=" + ",".join(map(str, self.setpos)))
        if self.until:
            parts.append(f"UNTIL={self.until:%Y%m%d}")
        return ";".join(parts)

    def first(self, year: int, lower: dt.date) -> dt.date | None:
        """The first occurrence on or after `lower`, the rule starting on 1 January of `year`."""
        day = None
        if self.freq in ("DAILY", "WEEKLY"):
            day = self._first_day(dt.date(year, 1, 1), lower)
        else:
            # (29 February comes back only every fourth year)
            for y in range(lower.year, lower.year + 4 * self.interval + 4):
                if (y - year) % self.interval and self.freq == "YEARLY":
                    continue
                found = [d for d in self._in_year(y, year) if d >= lower]
                if found:
                    day = found[0]
                    break
        if day is None or (self.until and day > self.until):
            return None
        return day

    def _first_day(self, start: dt.date, lower: dt.date) -> dt.date:
        """A daily or weekly rule's first day on or after `lower`: every `interval` days, or in
        every `interval`-th week (weeks from Monday, counted from the one `start` is in)."""
        if self.freq == "DAILY":
            day = lower + dt.timedelta(days=-(lower - start).days % self.interval)
            while self.months and day.month not in self.months:  # (BYMONTH limits a daily rule)
                day += dt.timedelta(days=self.interval)
            return day
        weekdays = self.weekdays or (6,)
        monday = start - dt.timedelta(days=start.weekday())
        day = lower
        while (day.weekday() not in weekdays or (day - monday).days // 7 % self.interval
               or (self.months and day.month not in self.months)):  # (BYMONTH limits a weekly rule)
            day += dt.timedelta(days=1)
        return day

    def _in_year(self, y: int, start_year: int) -> list[dt.date]:
        """Occurrences within calendar year `y`, in order."""
        if self.freq == "MONTHLY":
            months = [m for m in range(1, 13) if ((y - start_year) * 12 + m - 1) % self.interval == 0
                      and (not self.months or m in self.months)]  # (BYMONTH limits a monthly rule)
        else:
            months = list(self.months or (1,))
        if self.weekdays:  # "thứ Hai đầu tiên của tháng": BYSETPOS picks within each month
            by_month = [self._weekdays_of(y, m) for m in months]
            if self.freq == "MONTHLY":
                return [d for days in by_month for d in self._pick(days)]
            return self._pick([d for days in by_month for d in days])
        out = []
        for m in months:
            last = calendar.monthrange(y, m)[1]
            for d in self.days or (-1,):
                day = d if d > 0 else last + 1 + d
                if 1 <= day <= last:
                    out.append(dt.date(y, m, day))
        out.sort()
        return self._pick(out)

    def _weekdays_of(self, y: int, m: int) -> list[dt.date]:
        """The days of month m that fall on one of the rule's weekdays."""
        first = dt.date(y, m, 1)
        return [first + dt.timedelta(days=i) for i in range(calendar.monthrange(y, m)[1])
                if (first.weekday() + i) % 7 in self.weekdays]

    def _pick(self, days: list[dt.date]) -> list[dt.date]:
        """The days at the rule's BYSETPOS places within one set (all of them without it)."""
        if not self.setpos:
            return days
        n = len(days)
        return sorted(days[p - 1 if p > 0 else n + p] for p in self.setpos if -n <= p <= n and p)

    def describe(self) -> str:
        """The cycle in Vietnamese ("hằng năm, vào ngày 30/6 và 30/11")."""
        if self.workdays_after and self.policy == "next_working_day":  # "05 ngày làm việc đầu tháng"
            return self._describe_workday().replace("đầu tiên", f"thứ {self.workdays_after + 1}", 1)
        if self.workdays_after:
            return f"{self._describe()}, hạn {self.workdays_after} ngày làm việc sau đó"
        if self.days_after:
            return f"{self._describe()}, hạn {self.days_after} ngày sau đó"
        return self._describe() + self._skipping()

    def _skipping(self) -> str:
        """ ", trừ tháng 7 và 8" for a daily, weekly or monthly rule that leaves months out."""
        if self.freq == "YEARLY" or not self.months:
            return ""
        return ", trừ tháng " + _join([str(m) for m in range(1, 13) if m not in self.months])

    def _describe(self) -> str:
        """The cycle without its offset in working days."""
        if self.freq == "DAILY":
            return "hằng ngày" if self.interval == 1 else f"{self.interval} ngày một lần"
        if self.freq == "WEEKLY":
            names = _join([VI_WEEKDAYS[d] for d in (self.weekdays or (6,))])
            if self.weekdays == (0, 1, 2, 3, 4) and self.interval == 1:
                return "mỗi ngày làm việc (thứ Hai đến thứ Sáu)"
            return f"{names} hằng tuần" if self.interval == 1 else f"{names}, {self.interval} tuần một lần"
        if self.weekdays and self.freq != "WEEKLY":
            return self._describe_weekdays()
        if self.policy:
            return self._describe_workday()
        if self.freq == "MONTHLY":
            every = "hằng tháng" if self.interval == 1 else f"{self.interval} tháng một lần"
            return f"{every}, vào {_day_words(self.days)}" + (" tháng" if self.days == (-1,) else "")
        # (one quarter left out: "hằng quý (trừ quý I)")
        months = next((k for k in _QUARTER_MONTHS if len(self.months) >= 3 and set(self.months) <= set(k)), ())
        if months and self.interval == 1 and not self.setpos:
            skipped = [_QUARTERS[i] for i, m in enumerate(months) if m not in self.months]
            every = f"hằng quý, trừ quý {_join(skipped)}" if skipped else "hằng quý"
            quarter = _QUARTER_MONTHS[months]
            if self.days == (-1,) and quarter == "cuối quý":
                return f"{every}, vào ngày cuối quý"
            return f"{every}, vào {_day_words(self.days)} của tháng {quarter}"
        if self.months == (6, 12) and self.days == (-1,):
            return "6 tháng một lần, vào ngày 30/6 và 31/12"
        step = next((k for k in (2, 4) if self.months == tuple(range(k, 13, k))), 0)
        if step and self.days == (-1,) and self.interval == 1:  # "2 tháng 1 lần"
            return f"{step} tháng một lần, vào ngày cuối các tháng {_join([str(m) for m in self.months])}"
        if self.interval == 1 and not self.pairs and len(self.months) >= 7:  # "hằng tháng (trừ tháng 6, 7, 8)"
            skipped = [str(m) for m in range(1, 13) if m not in self.months]
            return (f"hằng tháng, trừ tháng {_join(skipped)}, vào {_day_words(self.days)}"
                    + (" tháng" if self.days in ((), (-1,)) else ""))
        every = "hằng năm" if self.interval == 1 else f"{self.interval} năm một lần"
        monthly = sorted({d for _, d in self.pairs if all((m, d) in self.pairs for m in range(1, 13))})
        if monthly and self.interval == 1:  # "ngày 20 hằng tháng" beside "15/12"
            rest = [f"{d}/{m}" if d > 0 else f"cuối tháng {m}" for m, d in self.pairs if d not in monthly]
            return f"hằng tháng, vào {_day_words(tuple(monthly))}" + (f"; và ngày {_join(rest)}" if rest else "")
        if self.pairs:
            days = [f"{d}/{m}" if d > 0 else f"cuối tháng {m}" for m, d in self.pairs]
        else:
            days = [f"{d}/{m}" if d > 0 else f"cuối tháng {m}" for m in self.months
                    for d in self.days or (-1,)]
        return f"{every}, vào ngày " + _join(days)


    def _describe_weekdays(self) -> str:
        """A monthly or yearly rule on weekdays: "thứ Hai đầu tiên của tháng"."""
        which = " và ".join(VI_WEEKDAYS[d] for d in self.weekdays)
        place = " và ".join(VI_PLACES.get(p, f"thứ {p}") for p in self.setpos)
        of = "tháng" if self.freq == "MONTHLY" else " và ".join(f"tháng {m}" for m in self.months)
        if not place:
            return f"mọi {which} của {of}"
        every = "hằng tháng" if self.freq == "MONTHLY" else "hằng năm"
        return f"{which} {place} của {of}, {every}"

    def _describe_workday(self) -> str:
        """ "ngày làm việc cuối cùng của tháng, hằng tháng": a month's end moved to a working day."""
        place = "đầu tiên" if self.policy == "next_working_day" else "cuối cùng"
        of = ("tháng, hằng tháng" if self.freq == "MONTHLY" else
              "quý, hằng quý" if len(self.months) == 4 else "năm, hằng năm")
        return f"ngày làm việc {place} của {of}"


VI_PLACES = {1: "đầu tiên", 2: "thứ hai", 3: "thứ ba", 4: "thứ tư", 5: "thứ năm", -1: "cuối cùng"}
_QUARTERS = ("I", "II", "III", "IV")
_QUARTER_MONTHS: dict[tuple[int, ...], str] = {
    (3, 6, 9, 12): "cuối quý", (1, 4, 7, 10): "đầu quý", (2, 5, 8, 11): "giữa quý"}


def _join(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " và " + words[-1]


def _day_words(days: tuple[int, ...]) -> str:
    if not days or days == (-1,):
        return "ngày cuối"
    return "ngày " + _join([str(d) if d > 0 else "ngày cuối tháng" for d in days])  # ("ngày 15 và ngày cuối tháng")


def yearly_dates(pairs: list[tuple[int, int]], interval: int = 1) -> Rule:
    """A yearly rule on given (month, day) pairs; BYSETPOS when they are not a full grid."""
    pairs = sorted(set(pairs))
    months = tuple(sorted({m for m, _ in pairs}))
    days = tuple(sorted({d for _, d in pairs}, key=lambda d: (d < 0, d)))
    rule = Rule("YEARLY", interval, months, days)
    grid = {(m, d) for m in months for d in days}
    if grid != set(pairs):
        # the grid holds more days than asked: pick ours by their place in a common year
        valid = sorted(dt.date(2001, m, d if d > 0 else calendar.monthrange(2001, m)[1] + 1 + d)
                       for m, d in grid if d <= calendar.monthrange(2001, m)[1])
        # (29 February has no place in a common year: a rule this irregular leaves it out)
        wanted = {dt.date(2001, m, d if d > 0 else calendar.monthrange(2001, m)[1] + 1 + d)
                  for m, d in pairs if d <= calendar.monthrange(2001, m)[1]}
        rule.setpos = tuple(i + 1 for i, day in enumerate(valid) if day in wanted)
    rule.pairs = tuple((m, d) for m, d in pairs)
    return rule
