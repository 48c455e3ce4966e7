"""The `nhacviec` command line: the only place that wires the pure parts to files and output."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tomllib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bot import config as config_mod
from bot.clock import Clock, SystemClock
from bot.periods import Period, PeriodError, find_periods, parse
from bot.workdays import DuePolicy, WorkCalendar

_WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")


def main(argv: Sequence[str] | None = None, clock: Clock | None = None) -> int:
    """Run one command; returns the process exit code."""
    args = _parser().parse_args(argv)
    args.clock = clock or SystemClock()
    try:
        return int(args.func(args))
    except config_mod.ConfigError as e:
        print(f"lỗi cấu hình: {e}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `nhacviec calendar | head` is fine
        return 0


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="nhacviec", description="Nhắc việc: nhắc hạn nhiệm vụ cho các cơ quan.")
    p.add_argument("--config", type=Path, default=None, help="tệp cấu hình TOML")
    sub = p.add_subparsers(required=True, metavar="LỆNH")

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

    c = sub.add_parser("calendar", help="lịch hạn của các kế hoạch trong schedules/")
    c.add_argument("paths", nargs="*", type=Path)
    c.set_defaults(func=_cmd_calendar)
    return p


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
        "rrule": p.rrule, "description": p.describe(),
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
        print(f"{_weekday(day)}, {day:%d/%m/%Y}: {state}; hạn rơi vào ngày này thành {_weekday(due)}, {due:%d/%m/%Y}")
    return 0


def _weekday(day: dt.date) -> str:
    return _WEEKDAYS[day.weekday()]


def _cmd_calendar(args: argparse.Namespace) -> int:
    """Each task's time as written and the due date it gives, plan by plan."""
    cfg = config_mod.load(args.config)
    cal = cfg.calendar.calendar()
    paths = args.paths or [cfg.schedules]
    files = sorted(f for p in paths for f in ([p] if p.is_file() else p.glob("*.toml")))
    errors = 0
    for f in files:
        data = tomllib.loads(f.read_text(encoding="utf-8"))
        plan = data.get("plan")
        if not isinstance(plan, dict):
            continue
        print(f"\n{plan.get('number', f.stem)} — {plan.get('title', '')}")
        for task in data.get("task", []):
            errors += _print_task(task, int(plan.get("year", args.clock.today().year)), cal,
                                  cfg.calendar.due_policy)
    return 1 if errors else 0


def _print_task(task: dict[str, Any], year: int, cal: WorkCalendar, policy: DuePolicy) -> int:
    text = task.get("finish") or task.get("time") or ""
    try:
        period = parse(text, context_year=year)
    except PeriodError as e:
        print(f"  {task.get('id', '?'):>6}  {text!r}: lỗi — {e.hint}")
        return 1
    due = ""
    if period.due:
        effective = cal.effective_due(period.due, policy)
        due = f"{_weekday(effective)}, {effective:%d/%m/%Y}"
    shown = text if len(text) <= 32 else text[:31] + "…"
    print(f"  {task.get('id', '?'):>6}  {shown:<32} {period.kind:<10} {due:<22} {period.describe()}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
