"""`nhacviec parse`, `find` and `workday`: reading period texts and working days by hand."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from typing import Any

from bot import config as config_mod
from bot.periods import Period, PeriodError, find_periods, parse

WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")


def weekday(day: dt.date) -> str:
    """The Vietnamese name of a date's weekday."""
    return WEEKDAYS[day.weekday()]


def register(sub: Any) -> None:
    """Add the commands to the parser."""
    c = sub.add_parser("parse", help="đọc một thời hạn viết bằng lời, ví dụ \"Quý II/2018\"")
    c.add_argument("text", nargs="+")
    c.add_argument("--year", type=int, default=None, help="năm của kế hoạch (mặc định: năm nay)")
    c.add_argument("--json", action="store_true")
    c.set_defaults(func=_cmd_parse)

    c = sub.add_parser("find", help="tìm mọi thời hạn trong một câu")
    c.add_argument("text")
    c.add_argument("--year", type=int, default=None)
    c.set_defaults(func=_cmd_find)

    c = sub.add_parser("workday", help="ngày làm việc hay ngày nghỉ, và hạn thực tế")
    c.add_argument("dates", nargs="+", type=dt.date.fromisoformat, metavar="NGÀY")
    c.set_defaults(func=_cmd_workday)


def _year(args: argparse.Namespace) -> int:
    return args.year if args.year is not None else int(args.clock.today().year)


def _cmd_parse(args: argparse.Namespace) -> int:
    failed = 0
    for text in args.text:
        try:
            period = parse(text, context_year=_year(args))
        except PeriodError as e:
            failed += 1
            print(f"{text!r}:{e.position + 1}: {e.hint}", file=sys.stderr)
            continue
        if args.json:
            print(json.dumps(_period_json(period), ensure_ascii=False))
        else:
            print(f"{text} → {period.describe()}")
    return 1 if failed else 0


def _period_json(p: Period) -> dict[str, Any]:
    return {
        "text": p.text, "kind": p.kind,
        "start": p.start.isoformat() if p.start else None,
        "due": p.due.isoformat() if p.due else None,
        "rrule": p.rrule, "policy": p.policy, "workdays_after": p.workdays_after, "days_after": p.days_after,
        "moved": [[old.isoformat(), new.isoformat()] for old, new in p.moved],
        "description": p.describe(),
    }


def _cmd_find(args: argparse.Namespace) -> int:
    try:
        found = find_periods(args.text, context_year=_year(args))
    except PeriodError as e:
        print(f"{e.position + 1}: {e.hint}", file=sys.stderr)
        return 1
    for m in found:
        print(f"{m.span[0]}–{m.span[1]}\t{m.text}\t{m.action}\t{m.period.describe()}")
    return 0


def _cmd_workday(args: argparse.Namespace) -> int:
    cfg = config_mod.load(args.config)
    cal = cfg.calendar.calendar()
    for day in args.dates:
        state = "ngày làm việc" if cal.is_working_day(day) else f"nghỉ ({cal.holiday_name(day) or 'cuối tuần'})"
        due = cal.effective_due(day, cfg.calendar.due_policy)
        print(f"{weekday(day)}, {day:%d/%m/%Y}: {state}; hạn rơi vào ngày này thành {weekday(due)}, {due:%d/%m/%Y}")
    return 0
