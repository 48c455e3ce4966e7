"""`nhacviec check`, `tasks` and `preview`: what the admin sees before the bot runs."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

from bot import config as config_mod
from bot.cli.periods_cmds import weekday
from bot.planner import Reminder, effective_due, preview
from bot.schedule import Deadline, Loaded, Plan, Schedule, Task, load
from bot.workdays import DuePolicy, WorkCalendar


def register(sub: Any) -> None:
    """Add the commands to the parser."""
    c = sub.add_parser("check", help="kiểm tra các tệp lịch (schedules/), báo lỗi kèm dòng và cột")
    c.add_argument("paths", nargs="*", type=Path)
    c.set_defaults(func=_cmd_check)

    c = sub.add_parser("tasks", help="danh sách nhiệm vụ và hạn của từng cơ quan")
    c.add_argument("paths", nargs="*", type=Path)
    c.add_argument("--json", action="store_true")
    c.set_defaults(func=_cmd_tasks)

    c = sub.add_parser("preview", help="lịch các lời nhắc sẽ gửi, không cần cơ sở dữ liệu")
    c.add_argument("paths", nargs="*", type=Path)
    c.add_argument("--from", dest="first", type=dt.date.fromisoformat, default=None, metavar="NGÀY")
    c.add_argument("--to", dest="last", type=dt.date.fromisoformat, default=None, metavar="NGÀY")
    c.add_argument("--agency", default=None, help="mã, tên hoặc tên viết tắt của cơ quan")
    c.set_defaults(func=_cmd_preview)


def _load(args: argparse.Namespace) -> tuple[config_mod.Config, Loaded]:
    cfg = config_mod.load(args.config)
    paths = args.paths or [cfg.schedules]
    return cfg, load(paths, today=args.clock.today(), policy=cfg.reminders)


def _report(loaded: Loaded) -> None:
    for p in loaded.problems:
        print(p, file=sys.stderr)


def _cmd_check(args: argparse.Namespace) -> int:
    _, loaded = _load(args)
    _report(loaded)
    errors = len(loaded.errors)
    warnings = len(loaded.problems) - errors
    if loaded.schedule is not None:
        tasks = sum(len(p.tasks) for p in loaded.schedule.plans)
        print(f"{len(loaded.schedule.plans)} kế hoạch, {tasks} nhiệm vụ, "
              f"{len(loaded.schedule.agencies)} cơ quan: {errors} lỗi, {warnings} cảnh báo")
    else:
        print(f"{errors} lỗi, {warnings} cảnh báo: lịch chưa dùng được", file=sys.stderr)
    return 1 if errors else 0


def rows(schedule: Schedule, calendar: WorkCalendar, policy: DuePolicy) -> list[dict[str, Any]]:
    """One row per task and lead agency, as `nhacviec tasks --json` prints them."""
    out = []
    for plan, task, agency in schedule.assignments():
        dues = _dues(plan, task)
        out.append({
            "plan": plan.number, "id": task.id, "title": task.title, "lead": agency.name,
            "kind": task.kind,
            "due": [d.isoformat() for d, _ in dues],
            # a text that names its working day ("ngày làm việc cuối cùng") brings its own policy
            "effective_due": [effective_due(dl, d, calendar, policy).isoformat() for d, dl in dues],
            "review": task.review,
        })
    return out


def _dues(plan: Plan, task: Task) -> list[tuple[dt.date, Deadline]]:
    """Every milestone's due date, and a recurring duty's occurrences in the plan's year, each
    with the deadline it comes from."""
    dues: list[tuple[dt.date, Deadline]] = []
    for dl in task.deadlines:
        if dl.override:
            found: list[dt.date] = list(dl.override)
        elif dl.kind == "recurring":
            found = dl.dues_between(dt.date(plan.year, 1, 1), dt.date(plan.year, 12, 31))
        elif dl.period.due is not None and dl.kind in ("window", "deadline"):
            found = [dl.period.due]
        else:
            found = []
        dues += [(d, dl) for d in found]
    return dues


def _cmd_tasks(args: argparse.Namespace) -> int:
    cfg, loaded = _load(args)
    if loaded.schedule is None:
        _report(loaded)
        return 1
    table = rows(loaded.schedule, cfg.calendar.calendar(), cfg.calendar.due_policy)
    if args.json:
        print(json.dumps(table, ensure_ascii=False, indent=1))
        return 0
    for r in table:
        due = ", ".join(_vn(d) for d in r["effective_due"]) or {"event": "chờ sự kiện",
                                                                   "continuous": "thường xuyên"}.get(r["kind"], "")
        flag = " ⚠" if r["review"] else ""
        print(f"{r['plan']:<14} {r['id']:<8} {_cut(r['lead'], 28):<28} {r['kind']:<10} {_cut(due, 36):<36} "
              f"{_cut(r['title'], 60)}{flag}")
    return 0


def _vn(iso: str) -> str:
    return f"{dt.date.fromisoformat(iso):%d/%m/%Y}"


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[:width - 1] + "…"


_KINDS = {"before": "trước hạn {n} ngày làm việc", "due": "đến hạn hôm nay",
          "overdue": "quá hạn {n} ngày làm việc",
          "escalation": "báo cơ quan giám sát: {late} quá hạn {n} ngày làm việc"}


def describe(r: Reminder, schedule: Schedule) -> str:
    """Which reminder this is, in Vietnamese."""
    late = schedule.agencies[r.occurrence.agency].name
    return _KINDS[r.kind].format(n=r.days, late=late)


def _cmd_preview(args: argparse.Namespace) -> int:
    cfg, loaded = _load(args)
    if loaded.schedule is None:
        _report(loaded)
        return 1
    schedule = loaded.schedule
    agency = None
    if args.agency:
        agency = _find_agency(schedule, args.agency)
        if agency is None:
            print(f"không có cơ quan \"{args.agency}\"", file=sys.stderr)
            return 1
    first = args.first or args.clock.today()
    last = args.last or first + dt.timedelta(days=30)
    found = preview(schedule, cfg.calendar.calendar(), cfg.calendar.due_policy, cfg.tz, first, last, agency=agency)
    for r in found:
        occ = r.occurrence
        plan = schedule.plan(occ.plan)
        who = schedule.agencies[r.target].name
        print(f"{weekday(r.send_at.date())} {r.send_at:%d/%m/%Y %H:%M}  {_cut(who, 32):<32} {plan.number:<14} "
              f"{occ.task:<8} {describe(r, schedule)} (hạn {occ.effective_due:%d/%m/%Y})")
    print(f"{len(found)} lời nhắc từ {first:%d/%m/%Y} đến {last:%d/%m/%Y}", file=sys.stderr)
    return 0


def _find_agency(schedule: Schedule, written: str) -> str | None:
    from bot.schedule.names import key

    for a in schedule.agencies.values():
        if key(written) in {key(a.id), key(a.name), *(key(x) for x in a.aliases)}:
            return a.id
    return None
